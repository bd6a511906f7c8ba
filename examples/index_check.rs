//! `index_check`: whether screening finds what comparing every list name finds. For every
//! `--every`-th query of the queries files, each name of each loaded entity is compared with
//! the query ([`Screener::compare_as`], by the entity's kind; a weak alias counts only from
//! [`sanctions::WEAK_ALIAS_MIN`]), the best name per entity kept at or above the threshold,
//! and that set is held against what [`Screener::screen`] returns with no limit. Each entity
//! that screening misses or scores lower is printed; the exit code is 1 when there is one.
//!
//! ```text
//! cargo run --release --example index_check -- --list FILE... [--every N] QUERIES.jsonl...
//! ```
//!
//! Each line of a queries file is a name, or a JSON object with a `"name"` field (the dev
//! sets' format). Without `--list`, the embedded demo list. Slow by design, as brute force
//! is: about a second per query against the six main lists' 90,000 names on two cores.
//! RELIABILITY.md ("Index against brute force") gives what it found.

use std::process::ExitCode;

use sanctions::model::Entity;
use sanctions::{Query, Screener, sources};

#[path = "common/queries.rs"]
mod queries;
use queries::read_queries;

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("index_check: {e}");
            ExitCode::from(2)
        }
    }
}

const USAGE: &str = "usage: index_check [--list FILE]... [--every N] QUERIES...";

/// Whether every query's brute-force matches were screened, at their score.
fn run() -> Result<bool, String> {
    let (mut lists, mut files, mut every) = (Vec::new(), Vec::new(), 1usize);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--list" => lists.push(args.next().ok_or("--list needs a path")?),
            "--every" => {
                every = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or("--every needs a whole number above 0")?;
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(true);
            }
            _ => files.push(a),
        }
    }
    let queries = read_queries(&files)?;
    if queries.is_empty() {
        return Err(format!(
            "expected a queries file with at least one name\n{USAGE}"
        ));
    }
    let mut loaded = Vec::new();
    for result in sources::load_paths(&lists) {
        loaded.push(result.map_err(|e| e.to_string())?.list);
    }
    if loaded.is_empty() {
        loaded.push(Screener::demo_list().map_err(|e| e.to_string())?);
    }
    let screener = Screener::builder()
        .lists(loaded)
        .build()
        .map_err(|e| e.to_string())?;
    let (mut checked, mut differences) = (0usize, 0usize);
    for query in queries.iter().step_by(every) {
        checked += 1;
        let screened: std::collections::HashMap<String, f32> = screener
            .screen(Query::new(query.as_str()).limit(usize::MAX))
            .iter()
            .map(|m| (m.entity_id().to_string(), m.score().value()))
            .collect();
        for (id, score, name) in brute_force(&screener, query) {
            let line = match screened.get(&id) {
                None => format!("missed\t{query}\t{id}\t{score:.4}\t{name}"),
                Some(&s) if s + 1e-4 < score => {
                    format!("lower\t{query}\t{id}\t{score:.4}\t{s:.4}\t{name}")
                }
                Some(_) => continue,
            };
            println!("{line}");
            differences += 1;
        }
    }
    eprintln!("{checked} queries checked, {differences} differences");
    Ok(differences == 0)
}

/// The entities whose best name compares at or above the threshold: id, score, that name.
fn brute_force(screener: &Screener, query: &str) -> Vec<(String, f32, String)> {
    let entities = screener.entities();
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let chunk = entities.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let parts: Vec<_> = entities
            .chunks(chunk)
            .map(|part| scope.spawn(move || best_names(screener, query, part)))
            .collect();
        parts
            .into_iter()
            .flat_map(|p| p.join().unwrap_or_default())
            .collect()
    })
}

fn best_names(screener: &Screener, query: &str, entities: &[Entity]) -> Vec<(String, f32, String)> {
    entities
        .iter()
        .filter_map(|e| {
            let (score, name) = e
                .names
                .iter()
                .map(|n| {
                    let s = screener.compare_as(query, &n.text, e.kind).score().value();
                    let weak = n.kind.is_weak() && s < sanctions::WEAK_ALIAS_MIN;
                    (if weak { 0.0 } else { s }, n.text.as_str())
                })
                .fold((0.0f32, ""), |best, n| if n.0 > best.0 { n } else { best });
            (score >= screener.threshold()).then(|| (e.id.to_string(), score, name.to_string()))
        })
        .collect()
}
