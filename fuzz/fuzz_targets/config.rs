//! The configuration parser on arbitrary text: errors are fine, panics are not.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let dir = std::env::temp_dir().join(format!("mtlint-fuzz-config-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("mtlint.toml");
    if std::fs::write(&path, bytes).is_ok() {
        let _ = mtlint::config::load(&path);
    }
});
