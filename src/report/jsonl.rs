//! JSON Lines: one object per finding per line, with its path, for
//! streaming and `jq`. The fields are those of the `json` format.

use super::json::finding;
use super::{Emitter, FileReport, Totals};
use serde_json::Value;
use std::io::{self, Write};

pub struct Jsonl;

impl Emitter for Jsonl {
    fn file(&mut self, out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        for f in &file.findings {
            let mut object = serde_json::Map::new();
            object.insert("path".into(), Value::from(file.path.as_str()));
            if let Value::Object(fields) = finding(f) {
                object.extend(fields);
            }
            serde_json::to_writer(&mut *out, &Value::Object(object))?;
            writeln!(out)?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write, _totals: &Totals) -> io::Result<()> {
        Ok(())
    }
}
