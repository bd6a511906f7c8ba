//! `list_diff`: what changed between two versions of a list.
//!
//! ```text
//! list_diff [--json] OLD NEW
//! ```
//!
//! OLD and NEW are list files in any format the crate reads, detected from the content (for
//! OFAC's legacy CSV, the SDN.CSV file: its ADD, ALT and COMMENTS files are read with it).
//! Without `--json` it prints the lists compared, a summary line and every entity added
//! (`+`), removed (`-`), changed (`~`, with its changes indented below) or duplicated (`!`).
//! With `--json`, standard output holds one JSON object: `{"summary": {...}, "names_changed":
//! [{"source", "id"}], "diff": {...}}`; load reports go to standard error. Exit status: 0 when both lists
//! were read, 1 for an unreadable or malformed list file, 2 for a usage error.
//!
//! Run: `cargo run --release --example list_diff -- old/sdn.csv new/sdn.csv`

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use sanctions::{ListDiff, SanctionsList, sources};
use serde_json::json;

const USAGE: &str = "usage: list_diff [--json] OLD NEW";

/// A failure: its message and exit status.
struct Failure(u8, String);

fn load(path: &str) -> Result<SanctionsList, Failure> {
    let loaded = sources::load_path(path).map_err(|e| Failure(1, format!("list_diff: {e}")))?;
    eprintln!("list_diff: {path}: {}", loaded.report);
    Ok(loaded.list)
}

fn run() -> Result<(), Failure> {
    let mut json = false;
    let mut paths = Vec::new();
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "--json" => json = true,
            "--help" | "-h" => return Err(Failure(0, USAGE.to_string())),
            s if s.starts_with("--") => {
                return Err(Failure(
                    2,
                    format!("list_diff: unknown option {s}\n{USAGE}"),
                ));
            }
            _ => paths.push(a),
        }
    }
    let [old, new] = paths.as_slice() else {
        return Err(Failure(
            2,
            format!(
                "list_diff: expected two list files, found {}\n{USAGE}",
                paths.len()
            ),
        ));
    };
    let (old, new) = (load(old)?, load(new)?);
    let diff = ListDiff::between(&old, &new);
    let mut out = BufWriter::new(io::stdout().lock());
    let io_err = |e: io::Error| Failure(1, format!("list_diff: cannot write the output: {e}"));
    if json {
        let o =
            json!({"summary": diff.summary(), "names_changed": diff.names_changed(), "diff": diff});
        writeln!(out, "{o}").map_err(io_err)?;
    } else {
        writeln!(out, "{diff}").map_err(io_err)?;
    }
    out.flush().map_err(io_err)
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(code, msg)) => {
            if code == 0 {
                println!("{msg}");
            } else {
                eprintln!("{msg}");
            }
            ExitCode::from(code)
        }
    }
}
