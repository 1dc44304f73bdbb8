//! One line per finding, `path:line:col: severity[rule]: message`, for
//! editors' error formats and grep.

use super::RunReport;
use std::io::{self, Write};

pub fn write(out: &mut dyn Write, report: &RunReport) -> io::Result<()> {
    for file in &report.files {
        for f in &file.findings {
            writeln!(
                out,
                "{}:{}:{}: {}[{}]: {}",
                file.path, f.location.line, f.location.column, f.severity, f.rule, f.message
            )?;
        }
    }
    Ok(())
}
