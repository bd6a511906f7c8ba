//! `batch`: screen a file of customers (CSV) against sanctions lists, on every core.
//!
//! ```text
//! batch [--list PATH]... [--threshold F] [--limit N] [--name-col C] [--kind-col C]
//!       [--birth-date-col C] [--country-col C] [--id-col KIND=C]... [--key-col C]
//!       [--format csv|jsonl] [--output PATH] [--chunk-size N] INPUT.csv
//! ```
//!
//! The input is a CSV file with a header row (`-` reads standard input). Each data row is one
//! customer; a column `C` is named by its header (exactly, else ignoring case) or by its
//! 1-based number. Only the name column is required (default `name`); the kind (`person`,
//! `organization`, `vessel`, `aircraft`), birth date (`1961`, `1961-06`, `1961-06-01`),
//! country (two-letter ISO code) and identifier columns (`--id-col passport=PassportNo`, kinds
//! as in the `screen` example's JSON input) add to the query where their cell is not empty.
//! `--key-col` names the customer key echoed in the output (default: the row number).
//!
//! Lists are given as to `screen`: `--list PATH` may repeat, the format is detected from the
//! content, and without any `--list` the embedded demo list is used.
//!
//! Rows are read and screened `--chunk-size` at a time (default 4096) with
//! `Screener::screen_many` (all cores with the default `rayon` feature; `RAYON_NUM_THREADS`
//! sets how many), and each chunk's results are written, in input order, before the next
//! chunk is read: memory stays bounded whatever the file's size. The output is the same for
//! any number of threads and any chunk size.
//!
//! Output (standard output, or `--output PATH`):
//! - `--format csv` (default): a header, then one row per match: `key,row,name,source,
//!   entity_id,list_name,score,kind` (`name` as the input writes it, `list_name` the listed
//!   name that matched best, `score` rounded to four decimals). A customer without a match
//!   has no row: the file is the list of hits to review.
//! - `--format jsonl`: one object per data row, matched or not: `{"key": "...", "row": N,
//!   "name": "...", "matches": [...]}` with matches in the `screen` example's `--json` shape;
//!   a row that could not be screened is `{"key", "row", "name", "error": "..."}`.
//!
//! `row` counts data rows from 1 (the header is not a row). A row that cannot be screened
//! (empty name, a field count unlike the header's, invalid UTF-8, a bad kind, birth date,
//! country or key) is reported on standard error with its row and line numbers, counted, and
//! left out of the CSV output; the run goes on. Standard error also gets the lists' load
//! reports, a progress bar with the rate and (for a file) the time left when it is a
//! terminal, and a closing summary line.
//!
//! Exit status: 0 when the whole input was read (even with rows that could not be screened),
//! 1 for a bad list file, an unreadable input or output, or a malformed CSV file, 2 for a
//! usage error (including a column that the header does not have).
//!
//! Run: `cargo run --release --example batch -- --format jsonl customers.csv`

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use csv::{ByteRecord, StringRecord};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use sanctions::model::{EntityKind, Identifier, IdentifierKind, PartialDate};
use sanctions::{Match, Query, Screener, sources};
use serde_json::{Value, json};

const USAGE: &str = "usage:
  batch [--list PATH]... [--threshold F] [--limit N] [--name-col C] [--kind-col C]
        [--birth-date-col C] [--country-col C] [--id-col KIND=C]... [--key-col C]
        [--format csv|jsonl] [--output PATH] [--chunk-size N] INPUT.csv
  C is a column's header or its number from 1; KIND is passport, national_id, tax_id,
  registration, imo, bic, crypto or other; INPUT `-` reads standard input";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Jsonl,
}

struct Args {
    lists: Vec<String>,
    threshold: Option<f32>,
    limit: usize,
    name_col: String,
    kind_col: Option<String>,
    birth_date_col: Option<String>,
    country_col: Option<String>,
    id_cols: Vec<(IdentifierKind, String)>,
    key_col: Option<String>,
    format: Format,
    output: Option<String>,
    chunk_size: usize,
    input: String,
}

/// A failure: its message and exit status.
struct Failure(u8, String);

fn usage(msg: impl Into<String>) -> Failure {
    Failure(2, format!("batch: {}\n{USAGE}", msg.into()))
}

fn bad(msg: impl Into<String>) -> Failure {
    Failure(1, format!("batch: {}", msg.into()))
}

fn parse_args() -> Result<Args, Failure> {
    let mut args = Args {
        lists: Vec::new(),
        threshold: None,
        limit: 10,
        name_col: "name".to_string(),
        kind_col: None,
        birth_date_col: None,
        country_col: None,
        id_cols: Vec::new(),
        key_col: None,
        format: Format::Csv,
        output: None,
        chunk_size: 4096,
        input: String::new(),
    };
    let mut inputs = Vec::new();
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        if !a.starts_with("--") {
            inputs.push(a);
            continue;
        }
        let mut value = |what: &str| it.next().ok_or_else(|| usage(format!("{a} needs {what}")));
        match a.as_str() {
            "--list" => args.lists.push(value("a path")?),
            "--threshold" => {
                let v = value("a number")?;
                match v.parse::<f32>() {
                    Ok(t) if (0.0..=1.0).contains(&t) => args.threshold = Some(t),
                    _ => {
                        return Err(usage(format!(
                            "expected a threshold between 0 and 1, found {v:?}"
                        )));
                    }
                }
            }
            "--limit" => args.limit = whole(&a, &value("a number")?)?,
            "--chunk-size" => {
                args.chunk_size = whole(&a, &value("a number")?)?;
                if args.chunk_size == 0 {
                    return Err(usage("expected a --chunk-size of at least 1, found 0"));
                }
            }
            "--name-col" => args.name_col = value("a column")?,
            "--kind-col" => args.kind_col = Some(value("a column")?),
            "--birth-date-col" => args.birth_date_col = Some(value("a column")?),
            "--country-col" => args.country_col = Some(value("a column")?),
            "--key-col" => args.key_col = Some(value("a column")?),
            "--id-col" => {
                let v = value("KIND=COLUMN")?;
                let (kind, column) = v.split_once('=').ok_or_else(|| {
                    usage(format!("expected --id-col as KIND=COLUMN, found {v:?}"))
                })?;
                let kind = identifier_kind(kind).ok_or_else(|| {
                    usage(format!(
                        "expected an identifier kind passport, national_id, tax_id, registration, imo, bic, crypto or other in --id-col, found {kind:?}"
                    ))
                })?;
                args.id_cols.push((kind, column.to_string()));
            }
            "--format" => {
                args.format = match value("csv or jsonl")?.as_str() {
                    "csv" => Format::Csv,
                    "jsonl" | "json" => Format::Jsonl,
                    other => {
                        return Err(usage(format!(
                            "expected --format csv or jsonl, found {other:?}"
                        )));
                    }
                }
            }
            "--output" => args.output = Some(value("a path")?),
            "--help" => return Err(Failure(0, USAGE.to_string())),
            other => return Err(usage(format!("unknown option {other}"))),
        }
    }
    args.input = match <[String; 1]>::try_from(inputs) {
        Ok([input]) => input,
        Err(found) if found.is_empty() => {
            return Err(usage("expected an input file (or - for standard input)"));
        }
        Err(found) => {
            return Err(usage(format!(
                "expected one input file, found {}: {}",
                found.len(),
                found.join(", ")
            )));
        }
    };
    Ok(args)
}

fn whole(flag: &str, v: &str) -> Result<usize, Failure> {
    v.parse()
        .map_err(|_| usage(format!("expected a whole number for {flag}, found {v:?}")))
}

fn identifier_kind(s: &str) -> Option<IdentifierKind> {
    Some(match s {
        "passport" => IdentifierKind::Passport,
        "national_id" => IdentifierKind::NationalId,
        "tax_id" => IdentifierKind::TaxId,
        "registration" => IdentifierKind::Registration,
        "imo" => IdentifierKind::Imo,
        "bic" => IdentifierKind::Bic,
        "crypto" => IdentifierKind::Crypto,
        "other" => IdentifierKind::Other,
        _ => return None,
    })
}

/// A column of the input: its index and its header, for messages.
struct Column {
    index: usize,
    header: String,
}

/// The columns a run reads, resolved against the header row.
struct Columns {
    /// How many fields the header has: every row must have as many.
    width: usize,
    name: Column,
    kind: Option<Column>,
    birth_date: Option<Column>,
    country: Option<Column>,
    ids: Vec<(IdentifierKind, Column)>,
    key: Option<Column>,
}

impl Columns {
    fn resolve(headers: &StringRecord, args: &Args) -> Result<Columns, Failure> {
        let find = |flag: &str, spec: &Option<String>| {
            spec.as_deref()
                .map(|s| column(headers, flag, s))
                .transpose()
        };
        let mut ids = Vec::new();
        for (kind, spec) in &args.id_cols {
            ids.push((*kind, column(headers, "--id-col", spec)?));
        }
        Ok(Columns {
            width: headers.len(),
            name: column(headers, "--name-col", &args.name_col)?,
            kind: find("--kind-col", &args.kind_col)?,
            birth_date: find("--birth-date-col", &args.birth_date_col)?,
            country: find("--country-col", &args.country_col)?,
            ids,
            key: find("--key-col", &args.key_col)?,
        })
    }
}

/// The column a spec names: a header as written, else the one header equal to it ignoring
/// case, else a number from 1.
fn column(headers: &StringRecord, flag: &str, spec: &str) -> Result<Column, Failure> {
    let found = |index: usize| Column {
        index,
        header: headers.get(index).unwrap_or_default().to_string(),
    };
    if let Some(i) = headers.iter().position(|h| h == spec) {
        return Ok(found(i));
    }
    let folded = spec.trim().to_lowercase();
    let same: Vec<usize> = (0..headers.len())
        .filter(|&i| {
            headers
                .get(i)
                .is_some_and(|h| h.trim().to_lowercase() == folded)
        })
        .collect();
    if let [i] = same[..] {
        return Ok(found(i));
    }
    if let Ok(n) = spec.parse::<usize>()
        && (1..=headers.len()).contains(&n)
    {
        return Ok(found(n - 1));
    }
    let names: Vec<String> = headers.iter().map(|h| format!("{h:?}")).collect();
    Err(usage(format!(
        "{flag}: expected a column of the header or a number from 1 to {}, found {spec:?} (the header has {})",
        headers.len(),
        names.join(", ")
    )))
}

/// A data row as the output and the messages show it.
struct Row {
    /// Data rows count from 1; the header is not one.
    number: u64,
    key: String,
    name: String,
    /// Why the row was not screened.
    problem: Option<String>,
}

/// A row's query, or why it has none.
fn row_query(rec: &ByteRecord, cols: &Columns, key: &str) -> Result<Query, String> {
    if rec.len() != cols.width {
        return Err(format!(
            "expected {} fields as in the header, found {}",
            cols.width,
            rec.len()
        ));
    }
    let text = |c: &Column| -> Result<&str, String> {
        let bytes = rec.get(c.index).unwrap_or_default();
        std::str::from_utf8(bytes).map(str::trim).map_err(|_| {
            format!(
                "column {:?}: expected UTF-8 text, found {}",
                c.header,
                String::from_utf8_lossy(bytes)
            )
        })
    };
    if let Some(c) = &cols.key
        && key.is_empty()
    {
        return Err(format!(
            "expected a key in column {:?}, found an empty cell",
            c.header
        ));
    }
    let name = text(&cols.name)?;
    if name.is_empty() {
        return Err(format!(
            "expected a name in column {:?}, found an empty cell",
            cols.name.header
        ));
    }
    let mut q = Query::new(name);
    if let Some(c) = &cols.kind {
        let kind = match text(c)?.to_lowercase().as_str() {
            "" | "unknown" => None,
            "person" | "individual" => Some(EntityKind::Person),
            "organization" | "organisation" | "company" | "entity" => {
                Some(EntityKind::Organization)
            }
            "vessel" => Some(EntityKind::Vessel),
            "aircraft" => Some(EntityKind::Aircraft),
            other => {
                return Err(format!(
                    "column {:?}: expected a kind person, organization, vessel or aircraft, found {other:?}",
                    c.header
                ));
            }
        };
        if let Some(kind) = kind {
            q = q.kind(kind);
        }
    }
    if let Some(c) = &cols.birth_date {
        let s = text(c)?;
        if !s.is_empty() {
            let date: PartialDate = s
                .parse()
                .map_err(|e| format!("column {:?}: {e}", c.header))?;
            q = q.birth_date(date);
        }
    }
    if let Some(c) = &cols.country {
        let s = text(c)?;
        if s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()) {
            q = q.country(s.to_ascii_uppercase());
        } else if !s.is_empty() {
            return Err(format!(
                "column {:?}: expected a two-letter ISO country code, found {s:?}",
                c.header
            ));
        }
    }
    for (kind, c) in &cols.ids {
        let s = text(c)?;
        if !s.is_empty() {
            q = q.identifier(Identifier::new(*kind, s));
        }
    }
    Ok(q)
}

/// Where results go, in the chosen format.
enum Sink {
    // Boxed: the CSV writer holds its state inline, and one sink is made per run.
    Csv(Box<csv::Writer<Box<dyn Write>>>),
    /// The writer, and the audit stamp every line carries (the same for every row: one
    /// screener, one threshold and limit).
    Jsonl(BufWriter<Box<dyn Write>>, Value),
}

impl Sink {
    fn new(format: Format, out: Box<dyn Write>, audit: Value) -> io::Result<Sink> {
        Ok(match format {
            Format::Csv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record([
                    "key",
                    "row",
                    "name",
                    "source",
                    "entity_id",
                    "list_name",
                    "score",
                    "kind",
                ])?;
                Sink::Csv(Box::new(w))
            }
            Format::Jsonl => Sink::Jsonl(BufWriter::new(out), audit),
        })
    }

    /// One row's results: its matches, or `None` when it was not screened.
    fn write(&mut self, row: &Row, matches: Option<&[Match]>) -> io::Result<()> {
        match self {
            Sink::Csv(w) => {
                for m in matches.unwrap_or_default() {
                    w.write_record([
                        row.key.as_str(),
                        &row.number.to_string(),
                        &row.name,
                        m.entity_id().source.as_str(),
                        &m.entity_id().id,
                        m.name(),
                        &m.score().rounded().to_string(),
                        m.kind().as_str(),
                    ])?;
                }
            }
            Sink::Jsonl(w, audit) => {
                let line = match (matches, &row.problem) {
                    (Some(ms), _) => {
                        let ms: Vec<Value> = ms.iter().map(match_json).collect();
                        json!({"key": row.key, "row": row.number, "name": row.name, "matches": ms,
                               "audit": audit})
                    }
                    (None, problem) => {
                        json!({"key": row.key, "row": row.number, "name": row.name, "error": problem})
                    }
                };
                writeln!(w, "{line}")?;
            }
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Csv(w) => w.flush(),
            Sink::Jsonl(w, _) => w.flush(),
        }
    }
}

/// A match in the `screen` example's `--json` shape.
fn match_json(m: &Match) -> Value {
    json!({
        "source": m.entity_id().source.as_str(),
        "entity_id": m.entity_id().id,
        "name": m.name(),
        "name_kind": m.name_kind(),
        "score": m.score(),
        "ofac_score": m.ofac_score(),
        "kind": m.kind().as_str(),
        "explanation": m.explanation(),
    })
}

fn build(args: &Args) -> Result<Screener, Failure> {
    let mut builder = Screener::builder();
    if args.lists.is_empty() {
        let list = Screener::demo_list().map_err(|e| bad(format!("the demo list: {e}")))?;
        eprintln!(
            "batch: no --list given: using the embedded demo list ({} entities)",
            list.entities.len()
        );
        builder = builder.list(list);
    }
    for path in &args.lists {
        let loaded = sources::load_path(path).map_err(|e| bad(e.to_string()))?;
        eprintln!("batch: {path}: {}", loaded.report);
        for issue in loaded.report.issues.iter().take(20) {
            eprintln!("batch: {path}: {issue}");
        }
        if loaded.report.issues.len() > 20 {
            eprintln!(
                "batch: {path}: ... {} more issues",
                loaded.report.issues.len() - 20
            );
        }
        builder = builder.list(loaded.list);
    }
    if let Some(t) = args.threshold {
        builder = builder.threshold(t);
    }
    builder.build().map_err(|e| bad(e.to_string()))
}

/// The number of data rows a file holds, for the time left: its lines but the header. Only
/// an estimate (a quoted field may hold line breaks), from a plain scan for line feeds.
fn count_rows(path: &str) -> io::Result<u64> {
    let mut file = File::open(path)?;
    let mut buf = vec![0u8; 1 << 16];
    let (mut lines, mut last) = (0u64, b'\n');
    loop {
        let n = file.read(&mut buf)?;
        let Some(read) = buf.get(..n).filter(|r| !r.is_empty()) else {
            break;
        };
        lines += read.iter().filter(|&&b| b == b'\n').count() as u64;
        last = read.last().copied().unwrap_or(b'\n');
    }
    if last != b'\n' {
        lines += 1;
    }
    Ok(lines.saturating_sub(1))
}

/// The progress bar on standard error: drawn only when it is a terminal, with the time left
/// when the number of rows is known.
fn progress(rows: Option<u64>) -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let template = match rows {
        Some(_) => "{elapsed_precise} [{bar:40}] {pos}/{len} rows, {rate}, {eta_precise} left",
        None => "{spinner} {elapsed_precise} {pos} rows, {rate}",
    };
    let rate = |s: &ProgressState, w: &mut dyn std::fmt::Write| {
        let _ = write!(w, "{:.0} names/s", s.per_sec());
    };
    let bar = ProgressBar::with_draw_target(rows, ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.with_key("rate", rate).progress_chars("=> "));
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// What a run did, for the closing line.
#[derive(Default)]
struct Totals {
    rows: u64,
    screened: u64,
    matched: u64,
    errors: u64,
}

fn run() -> Result<(), Failure> {
    let args = parse_args()?;
    let started = Instant::now();

    // Everything that can fail on the command line or the input's header fails before the
    // lists are loaded.
    let (input, rows): (Box<dyn Read>, Option<u64>) = if args.input == "-" {
        (Box::new(io::stdin().lock()), None)
    } else {
        let file =
            File::open(&args.input).map_err(|e| bad(format!("cannot read {}: {e}", args.input)))?;
        let rows = io::stderr()
            .is_terminal()
            .then(|| count_rows(&args.input).ok())
            .flatten();
        (Box::new(file), rows)
    };
    let source = if args.input == "-" {
        "standard input"
    } else {
        args.input.as_str()
    };
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let headers = reader
        .headers()
        .map_err(|e| bad(format!("{source}: the header row: {e}")))?
        .clone();
    if headers.is_empty() {
        return Err(bad(format!(
            "{source}: expected a header row naming the columns, found an empty input"
        )));
    }
    let cols = Columns::resolve(&headers, &args)?;
    // Creating the output truncates it: never the input itself.
    if let Some(path) = &args.output
        && args.input != "-"
        && std::fs::canonicalize(path).ok() == std::fs::canonicalize(&args.input).ok()
    {
        return Err(usage(format!(
            "expected an --output other than the input, found {path:?}"
        )));
    }
    let out: Box<dyn Write> = match &args.output {
        Some(path) => {
            Box::new(File::create(path).map_err(|e| bad(format!("cannot write {path}: {e}")))?)
        }
        None => Box::new(io::stdout().lock()),
    };
    let write_err = |e: io::Error| bad(format!("cannot write the output: {e}"));

    let screener = build(&args)?;
    for line in screener.audit_stamp().to_string().lines() {
        eprintln!("batch: {line}");
    }
    let audit = serde_json::to_value(screener.query_audit(&Query::new("").limit(args.limit)))
        .map_err(|e| bad(format!("the audit stamp: {e}")))?;
    let mut sink = Sink::new(args.format, out, audit).map_err(write_err)?;
    let loaded = started.elapsed();
    let screening = Instant::now();
    let bar = progress(rows);
    let mut totals = Totals::default();
    let mut record = ByteRecord::new();
    let mut chunk: Vec<Row> = Vec::with_capacity(args.chunk_size);
    let mut queries: Vec<Query> = Vec::with_capacity(args.chunk_size);
    let mut done = false;
    while !done {
        // Read one chunk.
        chunk.clear();
        while chunk.len() < args.chunk_size {
            let more = reader.read_byte_record(&mut record).map_err(|e| {
                bar.finish_and_clear();
                bad(format!("{source}: {e}"))
            })?;
            if !more {
                done = true;
                break;
            }
            totals.rows += 1;
            let line = record.position().map_or(0, |p| p.line());
            let key = match &cols.key {
                Some(c) => cell(&record, c.index),
                None => totals.rows.to_string(),
            };
            let mut row = Row {
                number: totals.rows,
                key,
                name: cell(&record, cols.name.index),
                problem: None,
            };
            match row_query(&record, &cols, &row.key) {
                Ok(q) => queries.push(q.limit(args.limit)),
                Err(problem) => {
                    bar.suspend(|| {
                        eprintln!(
                            "batch: {source}: row {} (line {line}, key {:?}): {problem}",
                            row.number, row.key
                        );
                    });
                    totals.errors += 1;
                    row.problem = Some(problem);
                }
            }
            chunk.push(row);
        }
        // Screen it on every core, then write it in input order.
        let n = queries.len() as u64;
        let mut results = screener.screen_many(queries.drain(..)).into_iter();
        for row in &chunk {
            let matches = if row.problem.is_none() {
                results.next()
            } else {
                None
            };
            if matches.as_ref().is_some_and(|m| !m.is_empty()) {
                totals.matched += 1;
            }
            sink.write(row, matches.as_deref()).map_err(write_err)?;
        }
        sink.flush().map_err(write_err)?;
        totals.screened += n;
        bar.inc(chunk.len() as u64);
    }
    bar.finish_and_clear();
    let elapsed = screening.elapsed().as_secs_f64();
    eprintln!(
        "batch: {} rows, {} matched, {} errors in {elapsed:.1} s ({:.0} names/s); lists loaded in {:.1} s",
        totals.rows,
        totals.matched,
        totals.errors,
        totals.screened as f64 / elapsed.max(1e-9),
        loaded.as_secs_f64(),
    );
    Ok(())
}

/// A cell as text for the output and messages (invalid UTF-8 replaced), trimmed.
fn cell(rec: &ByteRecord, index: usize) -> String {
    String::from_utf8_lossy(rec.get(index).unwrap_or_default())
        .trim()
        .to_string()
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
