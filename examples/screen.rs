//! `screen`: screen names, compare name pairs, or scan free text against sanctions lists.
//!
//! ```text
//! screen [--list PATH]... [--threshold F] [--limit N] [--allowlist FILE] [--json] [NAME]...
//!                                                                           screen names
//! screen --compare [--list PATH]... [--threshold F] [--json]               score name pairs
//! screen --scan [--list PATH]... [--threshold F] [--json]                  scan free text
//! ```
//!
//! Without `--list`, the crate's embedded demo list is used. Names come from the arguments,
//! or one per line on standard input (a line starting with `{` is a JSON query). With
//! `--json`, standard output holds one JSON object per input line and nothing else; reports
//! and warnings go to standard error. With `--allowlist FILE` (JSON Lines of
//! `sanctions::Decision`), a match the customer was cleared of is left out of `matches` and
//! listed in `suppressed`, and a match whose decision went stale (the list entry changed) is
//! kept and flagged `"allowlist": "stale"`; the customer key is a JSON line's `"customer"`,
//! else the query name. Exit status: 0 when every input was processed, 1 for
//! bad input (a list file or an input line), 2 for a usage error. The full contract is in the
//! project's DESIGN.md.
//!
//! Run: `cargo run --release --example screen -- "ТОО «Казстанекс»"`

use std::io::{self, BufRead, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use sanctions::allowlist::{EntityHashes, Filtered};
use sanctions::model::{EntityKind, Identifier, IdentifierKind, PartialDate};
use sanctions::{Allowlist, Query, Screener, sources};
use serde_json::{Value, json};

const USAGE: &str = "usage:
  screen [--list PATH]... [--threshold F] [--limit N] [--allowlist FILE] [--json] [NAME]...
  screen --compare [--list PATH]... [--threshold F] [--json]
  screen --scan [--list PATH]... [--threshold F] [--json]";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Screen,
    Compare,
    Scan,
}

struct Args {
    mode: Mode,
    lists: Vec<String>,
    threshold: Option<f32>,
    limit: usize,
    allowlist: Option<String>,
    json: bool,
    names: Vec<String>,
}

/// A failure: its message and exit status.
struct Failure(u8, String);

fn usage(msg: impl Into<String>) -> Failure {
    Failure(2, format!("screen: {}\n{USAGE}", msg.into()))
}

fn bad(msg: impl Into<String>) -> Failure {
    Failure(1, format!("screen: {}", msg.into()))
}

fn parse_args() -> Result<Args, Failure> {
    let mut args = Args {
        mode: Mode::Screen,
        lists: Vec::new(),
        threshold: None,
        limit: 10,
        allowlist: None,
        json: false,
        names: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    let mut only_names = false;
    while let Some(a) = it.next() {
        if only_names || !a.starts_with("--") {
            args.names.push(a);
            continue;
        }
        match a.as_str() {
            "--" => only_names = true,
            "--list" => args
                .lists
                .push(it.next().ok_or_else(|| usage("--list needs a path"))?),
            "--threshold" => {
                let v = it
                    .next()
                    .ok_or_else(|| usage("--threshold needs a number"))?;
                let t: f32 = v.parse().map_err(|_| {
                    usage(format!("expected a threshold between 0 and 1, found {v:?}"))
                })?;
                if !(0.0..=1.0).contains(&t) {
                    return Err(usage(format!(
                        "expected a threshold between 0 and 1, found {v:?}"
                    )));
                }
                args.threshold = Some(t);
            }
            "--limit" => {
                let v = it.next().ok_or_else(|| usage("--limit needs a number"))?;
                args.limit = v.parse().map_err(|_| {
                    usage(format!("expected a whole number for --limit, found {v:?}"))
                })?;
            }
            "--allowlist" => {
                args.allowlist = Some(it.next().ok_or_else(|| usage("--allowlist needs a path"))?);
            }
            "--json" => args.json = true,
            "--compare" => set_mode(&mut args, Mode::Compare)?,
            "--scan" => set_mode(&mut args, Mode::Scan)?,
            "--help" | "-h" => return Err(Failure(0, USAGE.to_string())),
            other => return Err(usage(format!("unknown option {other}"))),
        }
    }
    if args.mode != Mode::Screen && args.allowlist.is_some() {
        return Err(usage(
            "--allowlist applies to screening names, not to --compare or --scan",
        ));
    }
    if args.mode != Mode::Screen && !args.names.is_empty() {
        return Err(usage(
            "--compare and --scan read standard input, not arguments",
        ));
    }
    Ok(args)
}

fn set_mode(args: &mut Args, mode: Mode) -> Result<(), Failure> {
    if args.mode != Mode::Screen {
        return Err(usage("--compare and --scan exclude each other"));
    }
    args.mode = mode;
    Ok(())
}

fn build(args: &Args) -> Result<Screener, Failure> {
    let mut builder = Screener::builder();
    // --compare without lists takes token weights from the embedded table, never from the
    // small demo list.
    if args.lists.is_empty() && args.mode != Mode::Compare {
        let list = Screener::demo_list().map_err(|e| bad(format!("the demo list: {e}")))?;
        eprintln!(
            "screen: no --list given: using the embedded demo list ({} entities)",
            list.entities.len()
        );
        builder = builder.list(list);
    }
    // The files are read side by side, on all cores.
    for (path, loaded) in args.lists.iter().zip(sources::load_paths(&args.lists)) {
        let loaded = loaded.map_err(|e| bad(e.to_string()))?;
        for line in loaded.report.with_issues(20).to_string().lines() {
            eprintln!("screen: {path}: {line}");
        }
        builder = builder.list(loaded.list);
    }
    if let Some(t) = args.threshold {
        builder = builder.threshold(t);
    }
    let screener = builder.build().map_err(|e| bad(e.to_string()))?;
    for line in screener.audit_stamp().to_string().lines() {
        eprintln!("screen: {line}");
    }
    Ok(screener)
}

fn parse_kind(v: &Value, line: usize) -> Result<Option<EntityKind>, Failure> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) => match s.as_str() {
            "person" => Ok(Some(EntityKind::Person)),
            "organization" | "organisation" | "company" | "entity" => {
                Ok(Some(EntityKind::Organization))
            }
            "vessel" => Ok(Some(EntityKind::Vessel)),
            "aircraft" => Ok(Some(EntityKind::Aircraft)),
            "unknown" => Ok(None),
            other => Err(bad(format!(
                "standard input line {line}: expected \"kind\" person, organization, vessel or aircraft, found {other:?}"
            ))),
        },
        other => Err(bad(format!(
            "standard input line {line}: expected \"kind\" as a string, found {other}"
        ))),
    }
}

fn parse_identifier_kind(s: &str) -> Option<IdentifierKind> {
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

fn parse_json_line(text: &str, line: usize) -> Result<Value, Failure> {
    let v: Value = serde_json::from_str(text).map_err(|e| {
        bad(format!(
            "standard input line {line}: expected a JSON object, found invalid JSON ({e})"
        ))
    })?;
    if !v.is_object() {
        return Err(bad(format!(
            "standard input line {line}: expected a JSON object, found {v}"
        )));
    }
    Ok(v)
}

/// The query of an input line, and its `"customer"` key when `customer` is asked for (with
/// `--allowlist`; otherwise the field is ignored like any unknown one).
fn query_from_line(
    text: &str,
    line: usize,
    customer: bool,
) -> Result<(Query, Option<String>), Failure> {
    if !text.trim_start().starts_with('{') {
        return Ok((Query::new(text), None));
    }
    let v = parse_json_line(text, line)?;
    let customer = match v.get("customer") {
        _ if !customer => None,
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(other) => {
            return Err(bad(format!(
                "standard input line {line}: expected \"customer\" as a string, found {other}"
            )));
        }
    };
    let name = match v.get("name") {
        Some(Value::String(s)) => s.clone(),
        Some(other) => {
            return Err(bad(format!(
                "standard input line {line}: expected \"name\" as a string, found {other}"
            )));
        }
        None => {
            return Err(bad(format!(
                "standard input line {line}: expected a \"name\" field, found none"
            )));
        }
    };
    let mut q = Query::new(name);
    if let Some(kind) = parse_kind(v.get("kind").unwrap_or(&Value::Null), line)? {
        q = q.kind(kind);
    }
    match v.get("birth_date") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) => {
            let d: PartialDate = s
                .parse()
                .map_err(|e| bad(format!("standard input line {line}: \"birth_date\": {e}")))?;
            q = q.birth_date(d);
        }
        Some(other) => {
            return Err(bad(format!(
                "standard input line {line}: expected \"birth_date\" as a string, found {other}"
            )));
        }
    }
    match v.get("country") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()) => {
            q = q.country(s.to_ascii_uppercase());
        }
        Some(other) => {
            return Err(bad(format!(
                "standard input line {line}: expected \"country\" as a two-letter ISO code, found {other}"
            )));
        }
    }
    match v.get("identifiers") {
        None | Some(Value::Null) => {}
        Some(Value::Array(ids)) => {
            for id in ids {
                let value = id.get("value").and_then(Value::as_str).ok_or_else(|| {
                    bad(format!("standard input line {line}: expected each identifier to have a string \"value\", found {id}"))
                })?;
                let kind = match id.get("kind") {
                    None | Some(Value::Null) => IdentifierKind::Other,
                    Some(Value::String(k)) => parse_identifier_kind(k).ok_or_else(|| {
                        bad(format!(
                            "standard input line {line}: expected identifier \"kind\" passport, national_id, tax_id, registration, imo, bic, crypto or other, found {k:?}"
                        ))
                    })?,
                    Some(other) => return Err(bad(format!("standard input line {line}: expected identifier \"kind\" as a string, found {other}"))),
                };
                q = q.identifier(Identifier::new(kind, value));
            }
        }
        Some(other) => {
            return Err(bad(format!(
                "standard input line {line}: expected \"identifiers\" as an array, found {other}"
            )));
        }
    }
    Ok((q, customer))
}

fn match_json(m: &sanctions::Match) -> Value {
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

/// The screening output line with `--allowlist`: the contract's object, with stale decisions
/// flagged in their match and suppressed matches listed apart.
fn filtered_json(query: &str, filtered: &Filtered, hashes: &EntityHashes) -> Value {
    let matches: Vec<Value> = filtered
        .kept()
        .iter()
        .map(|m| {
            let mut o = match_json(m);
            let Some(obj) = o.as_object_mut() else {
                return o;
            };
            // What a decision on this match records (`sanctions::Decision`).
            if let Some(h) = hashes.get(m.entity_id()) {
                obj.insert("content_hash".into(), json!(h));
            }
            if let Some(stale) = filtered.stale_decision(m.entity_id()) {
                let d = stale.decision();
                obj.insert("allowlist".into(), json!("stale"));
                obj.insert(
                    "decision".into(),
                    json!({"note": d.note(), "decided_by": d.decided_by(),
                           "decided_at": d.decided_at(), "content_hash": d.content_hash()}),
                );
            }
            o
        })
        .collect();
    let suppressed: Vec<Value> = filtered
        .suppressed()
        .iter()
        .map(|s| {
            let (m, d) = (s.matched(), s.decision());
            json!({"source": m.entity_id().source.as_str(), "entity_id": m.entity_id().id,
                   "name": m.name(), "score": m.score(), "note": d.note(),
                   "decided_by": d.decided_by(), "decided_at": d.decided_at(),
                   "content_hash": d.content_hash()})
        })
        .collect();
    json!({"query": query, "matches": matches, "suppressed": suppressed})
}

fn print_filtered(out: &mut impl Write, query: &str, filtered: &Filtered) -> io::Result<()> {
    print_table(out, query, filtered.kept())?;
    for s in filtered.stale() {
        let d = s.decision();
        writeln!(
            out,
            "  ! {} alerts again: the list entry changed since the decision ({})",
            d.entity_id(),
            describe(d)
        )?;
    }
    for s in filtered.suppressed() {
        let m = s.matched();
        writeln!(
            out,
            "  suppressed {}  {}  {}: {}",
            m.score(),
            m.entity_id(),
            m.name(),
            describe(s.decision())
        )?;
    }
    Ok(())
}

/// A decision for a person: "cleared by X at T: note".
fn describe(d: &sanctions::Decision) -> String {
    let mut s = "cleared".to_string();
    if !d.decided_by().is_empty() {
        s.push_str(&format!(" by {}", d.decided_by()));
    }
    if !d.decided_at().is_empty() {
        s.push_str(&format!(" at {}", d.decided_at()));
    }
    if !d.note().is_empty() {
        s.push_str(&format!(": {}", d.note()));
    }
    s
}

fn print_table(out: &mut impl Write, query: &str, matches: &[sanctions::Match]) -> io::Result<()> {
    writeln!(out, "{query}")?;
    if matches.is_empty() {
        writeln!(out, "  no match")?;
    }
    for m in matches {
        let weak = if m.is_weak() { " (weak alias)" } else { "" };
        writeln!(
            out,
            "  {}  {:<14} {:<12} {}{weak}",
            m.score(),
            m.entity_id().to_string(),
            m.kind().as_str(),
            m.name()
        )?;
        writeln!(out, "         {}", m.explanation())?;
    }
    Ok(())
}

fn input_lines(args: &Args) -> Box<dyn Iterator<Item = io::Result<String>>> {
    if args.mode == Mode::Screen && !args.names.is_empty() {
        Box::new(args.names.clone().into_iter().map(Ok))
    } else {
        Box::new(io::stdin().lock().lines())
    }
}

fn run() -> Result<(), Failure> {
    let args = parse_args()?;
    // Read before the lists, which take longer: a bad allowlist fails fast.
    let allowlist = match &args.allowlist {
        Some(path) => {
            let a = Allowlist::load_path(path).map_err(|e| bad(e.to_string()))?;
            eprintln!("screen: {path}: {} decisions", a.len());
            Some(a)
        }
        None => None,
    };
    let screener = build(&args)?;
    // The screener's entities by id, each hashed once for the whole run (`Screener::entity`
    // searches the entities in order, and the allowlist asks for the matched ones of every
    // query).
    let hashes = allowlist.as_ref().map(|_| EntityHashes::new(&screener));
    let stdout = io::stdout();
    let terminal = stdout.is_terminal();
    let mut out = BufWriter::new(stdout.lock());
    let io_err = |e: io::Error| Failure(1, format!("screen: cannot write the output: {e}"));
    for (i, line) in input_lines(&args).enumerate() {
        let n = i + 1;
        let line = line.map_err(|e| bad(format!("cannot read standard input line {n}: {e}")))?;
        match args.mode {
            Mode::Screen => {
                let (query, customer) = query_from_line(&line, n, allowlist.is_some())?;
                let shown = query.name().to_string();
                let query = query.limit(args.limit);
                let audit = screener.query_audit(&query);
                if let (Some(allowlist), Some(hashes)) = (&allowlist, &hashes) {
                    let customer = customer.as_deref().unwrap_or(&shown);
                    // Ask for as many more matches as the customer has decisions, so that
                    // up to --limit remain after suppression.
                    let more = allowlist.count_for(customer);
                    let matches = screener.screen(query.limit(args.limit.saturating_add(more)));
                    let mut filtered =
                        allowlist.filter_with(customer, matches, |id| hashes.get(id));
                    filtered.truncate(args.limit);
                    if args.json {
                        let mut o = filtered_json(&shown, &filtered, hashes);
                        if let Some(o) = o.as_object_mut() {
                            o.insert("audit".into(), json!(audit));
                        }
                        writeln!(out, "{o}").map_err(io_err)?;
                    } else {
                        print_filtered(&mut out, &shown, &filtered).map_err(io_err)?;
                    }
                    if terminal {
                        out.flush().map_err(io_err)?;
                    }
                    continue;
                }
                let matches = screener.screen(query);
                if args.json {
                    let ms: Vec<Value> = matches.iter().map(match_json).collect();
                    let o = json!({"query": shown, "matches": ms, "audit": audit});
                    writeln!(out, "{o}").map_err(io_err)?;
                } else {
                    print_table(&mut out, &shown, &matches).map_err(io_err)?;
                }
            }
            Mode::Compare => {
                let v = parse_json_line(&line, n)?;
                let get = |f: &str| match v.get(f) {
                    Some(Value::String(s)) => Ok(s.clone()),
                    Some(other) => Err(bad(format!(
                        "standard input line {n}: expected {f:?} as a string, found {other}"
                    ))),
                    None => Err(bad(format!(
                        "standard input line {n}: expected a {f:?} field, found none"
                    ))),
                };
                let (q, c) = (get("query")?, get("candidate")?);
                let kind = parse_kind(v.get("kind").unwrap_or(&Value::Null), n)?;
                let cmp = match kind {
                    Some(kind) => screener.compare_as(&q, &c, kind),
                    None => screener.compare(&q, &c),
                };
                if args.json {
                    let o = json!({"score": cmp.score(), "ofac_score": cmp.ofac_score(), "match": cmp.is_match(),
                                   "explanation": cmp.explanation(), "audit": cmp.audit()});
                    writeln!(out, "{o}").map_err(io_err)?;
                } else {
                    let verdict = if cmp.is_match() { "match" } else { "no match" };
                    writeln!(
                        out,
                        "{}  {verdict:<8}  {q}  |  {c}\n         {}",
                        cmp.score(),
                        cmp.explanation()
                    )
                    .map_err(io_err)?;
                }
            }
            Mode::Scan => {
                let hits = screener.screen_text(&line);
                if args.json {
                    let hs: Vec<Value> = hits
                        .iter()
                        .map(|h| {
                            json!({"start": h.span().start, "end": h.span().end, "text": h.text(),
                                   "source": h.entity_id().source.as_str(), "entity_id": h.entity_id().id,
                                   "name": h.name(), "score": h.score()})
                        })
                        .collect();
                    let o = json!({"line": n, "hits": hs, "audit": screener.text_audit()});
                    writeln!(out, "{o}").map_err(io_err)?;
                } else {
                    for h in &hits {
                        writeln!(
                            out,
                            "line {n} [{}..{}] {:?}  {}  {}  {}",
                            h.span().start,
                            h.span().end,
                            h.text(),
                            h.score(),
                            h.entity_id(),
                            h.name()
                        )
                        .map_err(io_err)?;
                    }
                }
            }
        }
        if terminal {
            out.flush().map_err(io_err)?;
        }
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
