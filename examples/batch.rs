//! `batch`: screen a file of customers (CSV) against sanctions lists, on every core.
//!
//! ```text
//! batch [--list PATH]... [--threshold F] [--limit N] [--name-col C] [--kind-col C]
//!       [--birth-date-col C] [--country-col C] [--id-col KIND=C]... [--key-col C]
//!       [--allowlist FILE] [--rescreen-diff OLD_LIST]... [--format csv|jsonl]
//!       [--output PATH] [--chunk-size N] INPUT.csv
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
//! `--allowlist FILE` (JSON Lines of `sanctions::Decision`) leaves out the matches a customer
//! was cleared of, the customer being the row's key: give `--key-col` with the customers'
//! own ids, since without it the key is the row number, and a decision then follows a row,
//! not a customer (a warning says so). A match whose decision went stale (its list entry
//! changed) is kept and flagged. Up to `--limit` matches are still written: each row asks
//! the screener for as many more as its customer has decisions.
//!
//! `--rescreen-diff OLD_LIST` (may repeat; needs `--list`) screens after a list update only
//! against what it changed by name: the current lists of OLD_LIST's source (all the `--list`
//! files of that source together) are compared with it (`ListDiff::between_all`), and every
//! customer is screened against the entities of `ListDiff::names_changed` alone (added, or
//! with a name added, removed or of another kind), by a screener built from those entities.
//! `--list` files of a source without an OLD_LIST are not screened. Scores may differ from a
//! full run's in the third decimal (token rarity also counts the names loaded), and
//! `--limit` applies among the changed entities.
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
//!   has no row: the file is the list of hits to review. With `--allowlist`, a last column
//!   `status` says `alert`, or `stale` for a match whose decision went stale; suppressed
//!   matches have no row.
//! - `--format jsonl`: one object per data row, matched or not: `{"key": "...", "row": N,
//!   "name": "...", "matches": [...]}` with matches in the `screen` example's `--json` shape;
//!   a row that could not be screened is `{"key", "row", "name", "error": "..."}`. With
//!   `--allowlist`, as `screen --allowlist` writes them: each match also has its
//!   `content_hash`, a stale one `"allowlist": "stale"` and its `decision`, and the object a
//!   `suppressed` array of the matches left out, each with its decision.
//!
//! `row` counts data rows from 1 (the header is not a row). A row that cannot be screened
//! (empty name, a field count unlike the header's, invalid UTF-8, a bad kind, birth date,
//! country or key) is reported on standard error with its row and line numbers, counted, and
//! left out of the CSV output; the run goes on. Standard error also gets the lists' load
//! reports, a progress bar with the rate and (for a file) the time left when it is a
//! terminal, and a closing summary line (with `--allowlist`, a row counts as matched when a
//! match is left to review, and the line adds the matches suppressed and those stale).
//!
//! Exit status: 0 when the whole input was read (even with rows that could not be screened),
//! 1 for a bad list or allowlist file, an unreadable input or output, or a malformed CSV
//! file, 2 for a usage error (including a column that the header does not have, and an
//! OLD_LIST of a source no `--list` has).
//!
//! Run: `cargo run --release --example batch -- --format jsonl customers.csv`

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use csv::{ByteRecord, StringRecord};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use sanctions::allowlist::{EntityHashes, Filtered};
use sanctions::model::{EntityId, EntityKind, Identifier, IdentifierKind, PartialDate};
use sanctions::{Allowlist, Decision, ListDiff, Match, Query, SanctionsList, Screener, sources};
use serde_json::{Value, json};

const USAGE: &str = "usage:
  batch [--list PATH]... [--threshold F] [--limit N] [--name-col C] [--kind-col C]
        [--birth-date-col C] [--country-col C] [--id-col KIND=C]... [--key-col C]
        [--allowlist FILE] [--rescreen-diff OLD_LIST]... [--format csv|jsonl]
        [--output PATH] [--chunk-size N] INPUT.csv
  C is a column's header or its number from 1; KIND is passport, national_id, tax_id,
  registration, imo, bic, crypto or other; INPUT `-` reads standard input; the
  --allowlist customer is the --key-col value; --rescreen-diff screens only against the
  entities whose names changed since OLD_LIST in the --list files of its source";

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
    allowlist: Option<String>,
    rescreen_diff: Vec<String>,
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
        allowlist: None,
        rescreen_diff: Vec::new(),
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
            "--allowlist" => args.allowlist = Some(value("a path")?),
            "--rescreen-diff" => args.rescreen_diff.push(value("a path")?),
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
    if !args.rescreen_diff.is_empty() && args.lists.is_empty() {
        return Err(usage(
            "--rescreen-diff needs the current lists, given with --list",
        ));
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

/// A screened row's results.
enum Results {
    /// Without `--allowlist`: the matches.
    Plain(Vec<Match>),
    /// With `--allowlist`: the matches kept (some flagged stale) and those suppressed.
    Filtered(Filtered),
}

impl Results {
    /// The matches to review.
    fn kept(&self) -> &[Match] {
        match self {
            Results::Plain(ms) => ms,
            Results::Filtered(f) => f.kept(),
        }
    }
}

/// Where results go, in the chosen format.
enum Sink<'h> {
    /// The writer, and whether it writes the `status` column (with `--allowlist`).
    // Boxed: the CSV writer holds its state inline, and one sink is made per run.
    Csv(Box<csv::Writer<Box<dyn Write>>>, bool),
    /// The writer, the audit stamp every line carries (the same for every row: one screener,
    /// one threshold and limit), and with `--allowlist` the entities' hashes for the
    /// matches' `content_hash`.
    Jsonl(BufWriter<Box<dyn Write>>, Value, Option<&'h EntityHashes>),
}

impl<'h> Sink<'h> {
    fn new(
        format: Format,
        out: Box<dyn Write>,
        audit: Value,
        hashes: Option<&'h EntityHashes>,
    ) -> io::Result<Sink<'h>> {
        Ok(match format {
            Format::Csv => {
                let mut w = csv::Writer::from_writer(out);
                let mut header = vec![
                    "key",
                    "row",
                    "name",
                    "source",
                    "entity_id",
                    "list_name",
                    "score",
                    "kind",
                ];
                if hashes.is_some() {
                    header.push("status");
                }
                w.write_record(header)?;
                Sink::Csv(Box::new(w), hashes.is_some())
            }
            Format::Jsonl => Sink::Jsonl(BufWriter::new(out), audit, hashes),
        })
    }

    /// One row's results, or `None` when it was not screened.
    fn write(&mut self, row: &Row, results: Option<&Results>) -> io::Result<()> {
        match self {
            Sink::Csv(w, status) => {
                let Some(results) = results else {
                    return Ok(());
                };
                for m in results.kept() {
                    let mut record = vec![
                        row.key.clone(),
                        row.number.to_string(),
                        row.name.clone(),
                        m.entity_id().source.as_str().to_string(),
                        m.entity_id().id.clone(),
                        m.name().to_string(),
                        m.score().rounded().to_string(),
                        m.kind().as_str().to_string(),
                    ];
                    if *status {
                        let stale = match results {
                            Results::Filtered(f) => f.stale_decision(m.entity_id()).is_some(),
                            Results::Plain(_) => false,
                        };
                        record.push(if stale { "stale" } else { "alert" }.to_string());
                    }
                    w.write_record(&record)?;
                }
            }
            Sink::Jsonl(w, audit, hashes) => {
                let mut line = json!({"key": row.key, "row": row.number, "name": row.name});
                let fields = match results {
                    Some(Results::Plain(ms)) => {
                        let ms: Vec<Value> = ms.iter().map(match_json).collect();
                        json!({"matches": ms, "audit": audit})
                    }
                    Some(Results::Filtered(f)) => {
                        let (matches, suppressed) = filtered_json(f, *hashes);
                        json!({"matches": matches, "suppressed": suppressed, "audit": audit})
                    }
                    None => json!({"error": row.problem}),
                };
                if let (Some(line), Value::Object(fields)) = (line.as_object_mut(), fields) {
                    line.extend(fields);
                }
                writeln!(w, "{line}")?;
            }
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Csv(w, _) => w.flush(),
            Sink::Jsonl(w, _, _) => w.flush(),
        }
    }
}

/// A row's matches and suppressed matches with `--allowlist`, as `screen --allowlist --json`
/// writes them: each kept match with its `content_hash` (what a decision records), a stale
/// one flagged with its decision; each suppressed match with the decision that cleared it.
fn filtered_json(f: &Filtered, hashes: Option<&EntityHashes>) -> (Vec<Value>, Vec<Value>) {
    let matches = f
        .kept()
        .iter()
        .map(|m| {
            let mut o = match_json(m);
            let Some(obj) = o.as_object_mut() else {
                return o;
            };
            if let Some(h) = hashes.and_then(|h| h.get(m.entity_id())) {
                obj.insert("content_hash".into(), json!(h));
            }
            if let Some(stale) = f.stale_decision(m.entity_id()) {
                obj.insert("allowlist".into(), json!("stale"));
                obj.insert("decision".into(), decision_json(stale.decision()));
            }
            o
        })
        .collect();
    let suppressed = f
        .suppressed()
        .iter()
        .map(|s| {
            let (m, d) = (s.matched(), s.decision());
            let mut o = json!({"source": m.entity_id().source.as_str(),
                               "entity_id": m.entity_id().id, "name": m.name(),
                               "score": m.score()});
            if let (Some(o), Value::Object(d)) = (o.as_object_mut(), decision_json(d)) {
                o.extend(d);
            }
            o
        })
        .collect();
    (matches, suppressed)
}

/// What a decision says beside a match.
fn decision_json(d: &Decision) -> Value {
    json!({"note": d.note(), "decided_by": d.decided_by(), "decided_at": d.decided_at(),
           "content_hash": d.content_hash()})
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
    let mut lists = Vec::new();
    if args.lists.is_empty() {
        let list = Screener::demo_list().map_err(|e| bad(format!("the demo list: {e}")))?;
        eprintln!(
            "batch: no --list given: using the embedded demo list ({} entities)",
            list.entities.len()
        );
        lists.push(list);
    }
    lists.extend(load_all(&args.lists)?);
    if !args.rescreen_diff.is_empty() {
        lists = names_changed_only(&args.rescreen_diff, lists)?;
    }
    let mut builder = Screener::builder().lists(lists);
    if let Some(t) = args.threshold {
        builder = builder.threshold(t);
    }
    builder.build().map_err(|e| bad(e.to_string()))
}

/// List files read side by side (`sources::load_paths`), each load report and first issues
/// written to standard error; the first file that fails is the error.
fn load_all(paths: &[String]) -> Result<Vec<SanctionsList>, Failure> {
    let mut lists = Vec::with_capacity(paths.len());
    for (path, loaded) in paths.iter().zip(sources::load_paths(paths)) {
        lists.push(report(path, loaded.map_err(|e| bad(e.to_string()))?));
    }
    Ok(lists)
}

/// A list file's load report and first issues, written to standard error.
fn report(path: &str, loaded: sources::Loaded) -> SanctionsList {
    for line in loaded.report.with_issues(20).to_string().lines() {
        eprintln!("batch: {path}: {line}");
    }
    loaded.list
}

/// `--rescreen-diff`: of the current lists, those of the old lists' sources, each cut down to
/// the entities whose names the update changed (`ListDiff::names_changed` of the old lists
/// against the current lists of their sources). Lists of other sources are left out.
fn names_changed_only(
    old_paths: &[String],
    current: Vec<SanctionsList>,
) -> Result<Vec<SanctionsList>, Failure> {
    let mut old = Vec::new();
    for (path, list) in old_paths.iter().zip(load_all(old_paths)?) {
        if !current.iter().any(|l| l.source == list.source) {
            let found: Vec<&str> = current.iter().map(|l| l.source.as_str()).collect();
            return Err(usage(format!(
                "--rescreen-diff {path}: expected a --list of the same source ({}), found --list sources {}",
                list.source,
                found.join(", ")
            )));
        }
        old.push(list);
    }
    let current: Vec<SanctionsList> = current
        .into_iter()
        .filter(|l| old.iter().any(|o| o.source == l.source))
        .collect();
    let diff = ListDiff::between_all(&old, &current);
    let changed: HashSet<EntityId> = diff.names_changed().into_iter().cloned().collect();
    eprintln!("batch: --rescreen-diff: {}", diff.summary());
    let lists: Vec<SanctionsList> = current
        .into_iter()
        .map(|mut l| {
            l.entities.retain(|e| changed.contains(&e.id));
            l
        })
        .collect();
    eprintln!(
        "batch: --rescreen-diff: screening against the {} entities whose names changed",
        changed.len()
    );
    Ok(lists)
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
    /// Matches an allowlist decision left out.
    suppressed: u64,
    /// Matches kept because their decision went stale.
    stale: u64,
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
    // Read before the lists, which take longer: a bad allowlist fails fast.
    let allowlist = match &args.allowlist {
        Some(path) => {
            let a = Allowlist::load_path(path).map_err(|e| bad(e.to_string()))?;
            eprintln!("batch: {path}: {} decisions", a.len());
            if cols.key.is_none() {
                eprintln!(
                    "batch: warning: --allowlist without --key-col: the customer key is the row number, so a decision clears whoever is on that row; give --key-col with the customers' ids"
                );
            }
            Some(a)
        }
        None => None,
    };

    let screener = build(&args)?;
    for line in screener.audit_stamp().to_string().lines() {
        eprintln!("batch: {line}");
    }
    let audit = serde_json::to_value(screener.query_audit(&Query::new("").limit(args.limit)))
        .map_err(|e| bad(format!("the audit stamp: {e}")))?;
    // Each matched entity with a decision is hashed once for the whole run, however many
    // customers match it.
    let hashes = allowlist.as_ref().map(|_| EntityHashes::new(&screener));
    let mut sink = Sink::new(args.format, out, audit, hashes.as_ref()).map_err(write_err)?;
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
                Ok(q) => {
                    // As many more matches as the customer has decisions, so that up to
                    // --limit remain once the cleared ones are left out.
                    let more = allowlist.as_ref().map_or(0, |a| a.count_for(&row.key));
                    queries.push(q.limit(args.limit.saturating_add(more)));
                }
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
            let results = matches.map(|ms| match (&allowlist, &hashes) {
                (Some(a), Some(h)) => {
                    let mut f = a.filter_with(&row.key, ms, |id| h.get(id));
                    f.truncate(args.limit);
                    totals.suppressed += f.suppressed().len() as u64;
                    totals.stale += f.stale().len() as u64;
                    Results::Filtered(f)
                }
                _ => Results::Plain(ms),
            });
            if results.as_ref().is_some_and(|r| !r.kept().is_empty()) {
                totals.matched += 1;
            }
            sink.write(row, results.as_ref()).map_err(write_err)?;
        }
        sink.flush().map_err(write_err)?;
        totals.screened += n;
        bar.inc(chunk.len() as u64);
    }
    bar.finish_and_clear();
    let elapsed = screening.elapsed().as_secs_f64();
    let allowed = match allowlist {
        Some(_) => format!(", {} suppressed, {} stale", totals.suppressed, totals.stale),
        None => String::new(),
    };
    eprintln!(
        "batch: {} rows, {} matched, {} errors{allowed} in {elapsed:.1} s ({:.0} names/s); lists loaded in {:.1} s",
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
