//! One line per finding, `path:line:col: severity[rule]: message`, for
//! editors' error formats and grep.

use super::{Emitter, FileReport, Totals};
use std::io::{self, Write};

pub struct Concise;

impl Emitter for Concise {
    fn file(&mut self, out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        for f in &file.findings {
            writeln!(
                out,
                "{}:{}:{}: {}[{}]: {}",
                file.path, f.location.line, f.location.column, f.severity, f.rule, f.message
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write, _totals: &Totals) -> io::Result<()> {
        Ok(())
    }
}
