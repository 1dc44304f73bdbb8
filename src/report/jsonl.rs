//! JSON Lines: one object per finding per line, with its path, for
//! streaming and `jq`. The fields are those of the `json` format.

use super::RunReport;
use super::json::finding;
use serde_json::Value;
use std::io::{self, Write};

pub fn write(out: &mut dyn Write, report: &RunReport) -> io::Result<()> {
    for file in &report.files {
        for f in &file.findings {
            let mut object = serde_json::Map::new();
            object.insert("path".into(), Value::from(file.path.as_str()));
            if let Value::Object(fields) = finding(f) {
                object.extend(fields);
            }
            serde_json::to_writer(&mut *out, &Value::Object(object))?;
            writeln!(out)?;
        }
    }
    Ok(())
}
