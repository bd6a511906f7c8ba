//! `latency`: how long one `screen` takes, query by query, on real lists: the median, the
//! 90th and 99th percentiles and the slowest, with the time to build the screener and its
//! memory, then the rate of the same queries screened as one batch (`screen_many`, on every
//! core with the default `rayon` feature). The speed figures of BENCHMARKS.md come from it and
//! from the criterion benches.
//!
//! ```text
//! cargo run --release --example latency -- --list FILE... [--repeat N] [--grow N]
//!     [--dump-names FILE] QUERIES.jsonl...
//! ```
//!
//! Each line of a queries file is a name, or a JSON object with a `"name"` field (the dev
//! sets' format; other fields are ignored). Every query is screened `--repeat` times (default
//! 3) and its fastest time kept, so that one preempted run does not count as the query's
//! cost. Without `--list`, the embedded demo list.
//!
//! - `--grow N` adds synthetic entities until the screener holds about N times the lists'
//!   names (issue 5: how the query time grows with the lists). Each synthetic name
//!   recombines tokens of real names of the same entity kind and script, with the token
//!   count of a real name; no real name is copied whole. They are `custom` entities with
//!   ids `grown-1`, `grown-2`, ..., the same for every run.
//! - `--dump-names FILE` writes every name the screener holds as JSON lines (`source`, `id`,
//!   `kind`, `name_kind`, `name` as published), for `scripts/rapidfuzz_baseline.py`. Without
//!   queries, it stops there.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use sanctions::model::{Entity, EntityId, EntityKind, Name, SanctionsList, Script, Source};
use sanctions::{Screener, sources};

#[path = "common/queries.rs"]
mod queries;
use queries::read_queries;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("latency: {e}");
            ExitCode::from(2)
        }
    }
}

/// The command line.
struct Options {
    lists: Vec<String>,
    queries: Vec<String>,
    repeat: usize,
    /// At least 1: the lists as they are.
    grow: usize,
    dump_names: Option<String>,
}

const USAGE: &str =
    "usage: latency [--list FILE]... [--repeat N] [--grow N] [--dump-names FILE] QUERIES...";

fn options() -> Result<Option<Options>, String> {
    let mut o = Options {
        lists: Vec::new(),
        queries: Vec::new(),
        repeat: 3,
        grow: 1,
        dump_names: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--list" => o.lists.push(args.next().ok_or("--list needs a path")?),
            "--repeat" => o.repeat = count(args.next(), "--repeat")?,
            "--grow" => o.grow = count(args.next(), "--grow")?,
            "--dump-names" => o.dump_names = Some(args.next().ok_or("--dump-names needs a path")?),
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(None);
            }
            _ => o.queries.push(a),
        }
    }
    Ok(Some(o))
}

/// A whole number above 0, the value of option `what`.
fn count(arg: Option<String>, what: &str) -> Result<usize, String> {
    arg.and_then(|n| n.parse().ok())
        .filter(|&n| n > 0)
        .ok_or(format!("{what} needs a whole number above 0"))
}

fn run() -> Result<(), String> {
    let Some(opts) = options()? else {
        return Ok(());
    };
    let queries = read_queries(&opts.queries)?;
    if queries.is_empty() && opts.dump_names.is_none() {
        return Err("expected a queries file with at least one name".into());
    }

    let start = Instant::now();
    let mut loaded = Vec::new();
    for result in sources::load_paths(&opts.lists) {
        loaded.push(result.map_err(|e| e.to_string())?.list);
    }
    if loaded.is_empty() {
        loaded.push(Screener::demo_list().map_err(|e| e.to_string())?);
    }
    let load = start.elapsed();
    if opts.grow > 1 {
        let start = Instant::now();
        let grown = grow(&loaded, opts.grow);
        println!(
            "grow x{}: {} synthetic entities, {} names, made in {:.2} s",
            opts.grow,
            grown.entities.len(),
            name_count(&grown.entities),
            start.elapsed().as_secs_f64()
        );
        loaded.push(grown);
    }
    let start = Instant::now();
    let screener = Screener::builder()
        .lists(loaded)
        .build()
        .map_err(|e| e.to_string())?;
    let build = start.elapsed();
    println!(
        "lists: {} entities, {} names, read in {:.2} s; built in {:.2} s; memory estimate {:.1} MB{}",
        screener.entities().len(),
        name_count(screener.entities()),
        load.as_secs_f64(),
        build.as_secs_f64(),
        screener.memory_usage() as f64 / 1e6,
        peak_rss().map_or(String::new(), |mb| format!(", peak RSS {mb:.0} MB")),
    );
    if let Some(path) = &opts.dump_names {
        dump_names(&screener, path).map_err(|e| format!("{path}: {e}"))?;
        if queries.is_empty() {
            return Ok(());
        }
    }

    let repeat = opts.repeat;
    let mut times: Vec<(Duration, usize)> = Vec::with_capacity(queries.len());
    let mut matches = 0usize;
    let start = Instant::now();
    let cpu_start = thread_cpu();
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
    let cpu = thread_cpu()
        .zip(cpu_start)
        .map(|(end, start)| end.saturating_sub(start));
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
    // The thread's own CPU time: what the loop cost whatever else ran on the machine.
    if let Some(cpu) = cpu {
        println!(
            "screen CPU: {:.2} s for {} screenings, {:.1} us each on average",
            cpu.as_secs_f64(),
            times.len() * repeat,
            micros(cpu) / (times.len() * repeat).max(1) as f64
        );
    }
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

fn name_count(entities: &[Entity]) -> usize {
    entities.iter().map(|e| e.names.len()).sum()
}

/// The process's peak resident memory in MB, where Linux reports it (`VmHWM`).
/// The CPU time the calling thread has run (Linux: `/proc/thread-self/schedstat`).
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

fn peak_rss() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Writes one JSON line per name of every entity the screener holds, in load order.
fn dump_names(screener: &Screener, path: &str) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    for e in screener.entities() {
        for n in &e.names {
            let line = serde_json::json!({
                "source": e.id.source,
                "id": e.id.id,
                "kind": e.kind,
                "name_kind": n.kind,
                "name": n.text,
            });
            writeln!(out, "{line}")?;
        }
    }
    out.flush()
}

/// Synthetic entities that bring the names of `lists` to about `factor` times their number.
///
/// Each synthetic entity copies the shape of a real one drawn at random: its kind, and for
/// each of its names the name kind and the number of whitespace-separated tokens. Every token
/// is drawn from all the tokens of real names of the same entity kind and script, so tokens
/// keep their frequencies (a common surname stays common). A drawn name that equals a real or
/// an earlier synthetic name, ignoring case, is drawn again (up to 8 times, then left out).
/// The draws come from a fixed seed: every run grows the same names.
fn grow(lists: &[SanctionsList], factor: usize) -> SanctionsList {
    let real: Vec<&Entity> = lists.iter().flat_map(|l| &l.entities).collect();
    let mut pools: HashMap<(EntityKind, Script), Vec<&str>> = HashMap::new();
    let mut seen: HashSet<String> = HashSet::new();
    for e in &real {
        for n in &e.names {
            pools
                .entry((e.kind, n.script))
                .or_default()
                .extend(n.text.split_whitespace());
            seen.insert(n.text.to_lowercase());
        }
    }
    let target = real.iter().map(|e| e.names.len()).sum::<usize>() * (factor - 1);
    let mut rng = SplitMix64(5);
    let mut grown = SanctionsList::new(Source::Custom);
    let mut made = 0usize;
    // A template gives about three names; the bound only stops a list too small to grow.
    for _ in 0..target.saturating_mul(4) {
        if made >= target {
            break;
        }
        let Some(template) = real.get(rng.below(real.len())) else {
            break;
        };
        let id = EntityId::new(
            Source::Custom,
            format!("grown-{}", grown.entities.len() + 1),
        );
        let mut entity = Entity::new(id, template.kind);
        for n in &template.names {
            let Some(pool) = pools.get(&(template.kind, n.script)) else {
                continue;
            };
            let tokens = n.text.split_whitespace().count();
            for _attempt in 0..8 {
                let text = (0..tokens)
                    .filter_map(|_| pool.get(rng.below(pool.len())).copied())
                    .collect::<Vec<_>>()
                    .join(" ");
                if !text.is_empty() && seen.insert(text.to_lowercase()) {
                    entity = entity.with_name(Name::new(text).with_kind(n.kind));
                    made += 1;
                    break;
                }
            }
        }
        if !entity.names.is_empty() {
            grown.entities.push(entity);
        }
    }
    grown
}

/// splitmix64 (Steele, Lea and Flood, 2014): a small, fast generator, good enough to draw
/// templates and tokens, and no dependency.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0); the modulo bias is below 2^-40 for lists.
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next() % n as u64) as usize
    }
}
