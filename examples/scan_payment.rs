//! `scan_payment`: screen payment messages (SWIFT MT103 / MT202COV, ISO 20022 pacs.008 /
//! pacs.009) against sanctions lists.
//!
//! ```text
//! scan_payment [--list PATH]... [--threshold F] [--json] FILE...
//! ```
//!
//! Each FILE (`-` for standard input) may hold several MT messages one after another, or an
//! ISO 20022 document; the format is detected from the content. Lists are given as to the
//! `screen` example (the format detected from the content); without `--list`, the crate's
//! embedded demo list is used. Every hit is printed with its message, field, the text found,
//! the list name, source and id matched, and the score; `--json` prints one JSON object per
//! message on standard output (the shape is in the README). Read issues, load reports and
//! errors go to standard error. Exit status: 0 when every file was read, 1 when a file could
//! not be read or holds a malformed message (the other files are still screened), 2 for a
//! usage error.
//!
//! Run: `cargo run --release --example scan_payment -- tests/data/payments/mt103.fin`

use std::io::{self, BufWriter, Read, Write};
use std::process::ExitCode;

use sanctions::payment::{self, Message, PaymentHit};
use sanctions::{Screener, sources};
use serde_json::json;

const USAGE: &str = "usage: scan_payment [--list PATH]... [--threshold F] [--json] FILE...";

struct Args {
    lists: Vec<String>,
    threshold: Option<f32>,
    json: bool,
    files: Vec<String>,
}

/// A failure: its message and exit status.
struct Failure(u8, String);

fn usage(msg: impl Into<String>) -> Failure {
    Failure(2, format!("scan_payment: {}\n{USAGE}", msg.into()))
}

fn bad(msg: impl Into<String>) -> Failure {
    Failure(1, format!("scan_payment: {}", msg.into()))
}

fn parse_args() -> Result<Args, Failure> {
    let mut args = Args {
        lists: Vec::new(),
        threshold: None,
        json: false,
        files: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    let mut only_files = false;
    while let Some(a) = it.next() {
        if only_files || !a.starts_with("--") {
            args.files.push(a);
            continue;
        }
        match a.as_str() {
            "--" => only_files = true,
            "--list" => args
                .lists
                .push(it.next().ok_or_else(|| usage("--list needs a path"))?),
            "--threshold" => {
                let v = it
                    .next()
                    .ok_or_else(|| usage("--threshold needs a number"))?;
                let t: f32 = v
                    .parse()
                    .ok()
                    .filter(|t| (0.0..=1.0).contains(t))
                    .ok_or_else(|| {
                        usage(format!("expected a threshold between 0 and 1, found {v:?}"))
                    })?;
                args.threshold = Some(t);
            }
            "--json" => args.json = true,
            "--help" | "-h" => return Err(Failure(0, USAGE.to_string())),
            other => return Err(usage(format!("unknown option {other}"))),
        }
    }
    if args.files.is_empty() {
        return Err(usage(
            "expected at least one FILE of payment messages, found none",
        ));
    }
    Ok(args)
}

fn build(args: &Args) -> Result<Screener, Failure> {
    let mut builder = Screener::builder();
    if args.lists.is_empty() {
        let list = Screener::demo_list().map_err(|e| bad(format!("the demo list: {e}")))?;
        eprintln!(
            "scan_payment: no --list given: using the embedded demo list ({} entities)",
            list.entities.len()
        );
        builder = builder.list(list);
    }
    for (path, loaded) in args.lists.iter().zip(sources::load_paths(&args.lists)) {
        let loaded = loaded.map_err(|e| bad(e.to_string()))?;
        eprintln!("scan_payment: {path}: {}", loaded.report);
        builder = builder.list(loaded.list);
    }
    if let Some(t) = args.threshold {
        builder = builder.threshold(t);
    }
    builder.build().map_err(|e| bad(e.to_string()))
}

fn read_file(path: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let result = if path == "-" {
        io::stdin().lock().read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes))
    };
    result.map_err(|e| format!("{path}: cannot read the file: {e}"))?;
    Ok(bytes)
}

fn message_json(
    file: &str,
    m: &Message,
    hits: &[PaymentHit],
    audit: &serde_json::Value,
) -> serde_json::Value {
    let issues: Vec<_> = m
        .issues()
        .iter()
        .map(|i| json!({"line": i.line(), "field": i.field(), "reason": i.reason()}))
        .collect();
    json!({
        "file": file,
        "message": m.index(),
        "line": m.line(),
        "type": m.message_type().as_str(),
        "reference": m.reference(),
        "issues": issues,
        "hits": hits,
        "audit": audit,
    })
}

fn print_table(
    out: &mut impl Write,
    file: &str,
    m: &Message,
    hits: &[PaymentHit],
) -> io::Result<()> {
    writeln!(
        out,
        "{file}: message {} (line {}) {} {}",
        m.index(),
        m.line(),
        m.message_type(),
        m.reference().unwrap_or("(no reference)")
    )?;
    if hits.is_empty() {
        writeln!(out, "  no hit")?;
    }
    for h in hits {
        let span = h
            .span()
            .map(|s| format!(" [{}..{}]", s.start, s.end))
            .unwrap_or_default();
        let tx = h
            .transaction()
            .map(|t| format!(" (transaction {t})"))
            .unwrap_or_default();
        writeln!(
            out,
            "  {}{span}{tx} {} {:?}\n      {}  {:<16} {}",
            h.field(),
            h.kind().as_str(),
            h.text(),
            h.score(),
            h.entity_id().to_string(),
            h.name()
        )?;
    }
    Ok(())
}

fn run() -> Result<(), Failure> {
    let args = parse_args()?;
    let screener = build(&args)?;
    for line in screener.audit_stamp().to_string().lines() {
        eprintln!("scan_payment: {line}");
    }
    // Party names are screened at the screener's threshold, free text scanned at it: the
    // settings of a text scan.
    let audit = serde_json::to_value(screener.text_audit())
        .map_err(|e| Failure(1, format!("scan_payment: the audit stamp: {e}")))?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let io_err = |e: io::Error| Failure(1, format!("scan_payment: cannot write the output: {e}"));
    let mut failed = false;
    for file in &args.files {
        let messages = match read_file(file)
            .and_then(|bytes| payment::read(&bytes).map_err(|e| format!("{file}: {e}")))
        {
            Ok(messages) => messages,
            Err(e) => {
                eprintln!("scan_payment: {e}");
                failed = true;
                continue;
            }
        };
        for m in &messages {
            for issue in m.issues() {
                eprintln!("scan_payment: {file}: message {}: {issue}", m.index());
            }
            let hits = screener.screen_payment(m);
            if args.json {
                writeln!(out, "{}", message_json(file, m, &hits, &audit)).map_err(io_err)?;
            } else {
                print_table(&mut out, file, m, &hits).map_err(io_err)?;
            }
        }
    }
    out.flush().map_err(io_err)?;
    if failed {
        return Err(Failure(1, String::new()));
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(code, msg)) => {
            if code == 0 {
                println!("{msg}");
            } else if !msg.is_empty() {
                eprintln!("{msg}");
            }
            ExitCode::from(code)
        }
    }
}
