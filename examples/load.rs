//! `load`: read list files as the screener would and print what each load kept, repaired and
//! skipped, with the time it took, its publication date and content hash (the ones a
//! screener's audit stamp gives). A compliance team runs it on every file it downloads before
//! the file goes live.
//!
//! ```text
//! cargo run --release --example load -- ../shared/data/lists/ofac/sdn.xml
//! cargo run --release --example load -- --issues 50 FILE...
//! ```
//!
//! Exit status: 0 when every file loads, 1 when one does not (the error names the file and
//! line), 2 for a usage error.

use std::io::Write as _;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let mut shown = 10usize;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--issues" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => shown = n,
                None => {
                    eprintln!("load: expected a number after --issues");
                    return ExitCode::from(2);
                }
            },
            "-h" | "--help" => {
                println!("usage: load [--issues N] FILE...");
                return ExitCode::SUCCESS;
            }
            _ => files.push(a),
        }
    }
    if files.is_empty() {
        eprintln!("usage: load [--issues N] FILE...");
        return ExitCode::from(2);
    }
    let mut failed = false;
    for file in &files {
        let bytes = path_bytes(file);
        let start = Instant::now();
        match sanctions::sources::load_path(file) {
            Ok(loaded) => {
                let secs = start.elapsed().as_secs_f64();
                let mb = bytes as f64 / 1e6;
                let mut text = format!(
                    "{file}: {} ({:.3} s, {:.1} MB, {:.0} MB/s)\n",
                    loaded.report,
                    secs,
                    mb,
                    mb / secs.max(1e-9)
                );
                let start = Instant::now();
                let hash = loaded.list.content_hash();
                text += &format!(
                    "  published {}, content sha256 {hash} ({:.3} s)\n",
                    loaded
                        .list
                        .published
                        .map_or_else(|| "(not stated)".to_string(), |d| d.to_string()),
                    start.elapsed().as_secs_f64()
                );
                for issue in loaded.report.issues.iter().take(shown) {
                    text += &format!("  {issue}\n");
                }
                if loaded.report.issues.len() > shown {
                    text += &format!(
                        "  ... and {} more issues\n",
                        loaded.report.issues.len() - shown
                    );
                }
                // A reader that stopped reading (`load ... | head`) ends the output, not the
                // program with a panic.
                if std::io::stdout().lock().write_all(text.as_bytes()).is_err() {
                    break;
                }
            }
            Err(e) => {
                eprintln!("load: {e}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The size of a file, or of the files of a folder (an OFAC CSV set).
fn path_bytes(path: &str) -> u64 {
    let p = std::path::Path::new(path);
    if p.is_dir() {
        std::fs::read_dir(p)
            .map(|d| {
                d.filter_map(|e| e.ok()?.metadata().ok())
                    .map(|m| m.len())
                    .sum()
            })
            .unwrap_or(0)
    } else {
        std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
    }
}
