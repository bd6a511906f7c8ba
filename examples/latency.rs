//! `latency`: how long one `screen` takes, query by query, on real lists: the median, the
//! 90th and 99th percentiles and the slowest, with the time to build the screener and its
//! memory, then the rate of the same queries screened as one batch (`screen_many`, on every
//! core with the default `rayon` feature). The speed figures of BENCHMARKS.md come from it and from the criterion benches.
//!
//! ```text
//! cargo run --release --example latency -- --list FILE... [--repeat N] QUERIES.jsonl...
//! ```
//!
//! Each line of a queries file is a name, or a JSON object with a `"name"` field (the dev
//! sets' format; other fields are ignored). Every query is screened `--repeat` times (default
//! 3) and its fastest time kept, so that one preempted run does not count as the query's
//! cost. Without `--list`, the embedded demo list.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use sanctions::{Screener, sources};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("latency: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut lists = Vec::new();
    let mut files = Vec::new();
    let mut repeat = 3usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--list" => lists.push(args.next().ok_or("--list needs a path")?),
            "--repeat" => {
                repeat = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or("--repeat needs a whole number above 0")?;
            }
            "-h" | "--help" => {
                println!("usage: latency [--list FILE]... [--repeat N] QUERIES...");
                return Ok(());
            }
            _ => files.push(a),
        }
    }
    let mut queries = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).map_err(|e| format!("{f}: {e}"))?;
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            queries.push(query_name(line).map_err(|e| format!("{f}:{}: {e}", n + 1))?);
        }
    }
    if queries.is_empty() {
        return Err("expected a queries file with at least one name".into());
    }

    let start = Instant::now();
    let mut loaded = Vec::new();
    for path in &lists {
        loaded.push(sources::load_path(path).map_err(|e| e.to_string())?.list);
    }
    let load = start.elapsed();
    let start = Instant::now();
    let screener = if loaded.is_empty() {
        Screener::demo()
    } else {
        Screener::builder().lists(loaded).build()
    }
    .map_err(|e| e.to_string())?;
    let build = start.elapsed();
    println!(
        "lists: {} entities, read in {:.2} s; built in {:.2} s; memory estimate {:.1} MB",
        screener.entities().len(),
        load.as_secs_f64(),
        build.as_secs_f64(),
        screener.memory_usage() as f64 / 1e6
    );

    let mut times: Vec<(Duration, usize)> = Vec::with_capacity(queries.len());
    let mut matches = 0usize;
    let start = Instant::now();
    for (i, q) in queries.iter().enumerate() {
        let mut best = Duration::MAX;
        for _ in 0..repeat {
            let t = Instant::now();
            let found = screener.screen(q.as_str());
            best = best.min(t.elapsed());
            matches = matches.max(found.len());
        }
        times.push((best, i));
    }
    let total = start.elapsed();
    times.sort();
    let at = |p: f64| {
        let i = ((times.len() as f64 - 1.0) * p).round() as usize;
        times.get(i).map_or(Duration::ZERO, |t| t.0)
    };
    let sum: Duration = times.iter().map(|t| t.0).sum();
    println!(
        "screen: {} queries x {repeat}: median {:.1} us, p90 {:.1} us, p99 {:.1} us, max {:.1} us, mean {:.1} us ({:.0} queries/s on one core; {:.1} s in all)",
        times.len(),
        micros(at(0.5)),
        micros(at(0.9)),
        micros(at(0.99)),
        micros(at(1.0)),
        micros(sum) / times.len() as f64,
        times.len() as f64 / sum.as_secs_f64().max(1e-9),
        total.as_secs_f64(),
    );
    // The same queries as one batch on every core.
    let start = Instant::now();
    let batch = screener.screen_many(queries.iter().map(String::as_str));
    let took = start.elapsed();
    println!(
        "screen_many: {} queries on {} threads in {:.2} s: {:.0} names/s",
        batch.len(),
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        took.as_secs_f64(),
        batch.len() as f64 / took.as_secs_f64().max(1e-9)
    );
    println!("slowest:");
    for (t, i) in times.iter().rev().take(5) {
        println!(
            "  {:>10.1} us  {}",
            micros(*t),
            queries.get(*i).map_or("", String::as_str)
        );
    }
    Ok(())
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// The name of a queries-file line: the line itself, or the `"name"` of a JSON object.
fn query_name(line: &str) -> Result<String, String> {
    if !line.trim_start().starts_with('{') {
        return Ok(line.to_string());
    }
    let v: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("expected JSON ({e})"))?;
    v.get("name")
        .and_then(|n| n.as_str())
        .map(str::to_string)
        .ok_or_else(|| "expected a \"name\" string".to_string())
}
