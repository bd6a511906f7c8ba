#!/usr/bin/env python3
"""Screen the same queries through the crate and through a rapidfuzz brute-force screener,
in one run, and print the per-query times side by side (issue 5, "Speed at real scale").

Needs rapidfuzz (`pip install rapidfuzz`); the standard library otherwise.

    python3 scripts/rapidfuzz_baseline.py --list FILE... [--names NAMES.jsonl]
        [--sample N] [--repeat N] [--scorer jw|wratio]... [--grow N] QUERIES.jsonl...

1. The names: every name the crate's screener holds, as `examples/latency.rs --dump-names`
   writes them (JSON lines with a "name" field), or the file given with `--names`.
2. The crate: `cargo run --release --example latency` on the same lists and queries, which
   screens one query after the other on one thread (its batch line, on every core, is not
   used here).
3. rapidfuzz, one thread: for each query, `process.extract(query, names, scorer=...,
   limit=10, score_cutoff=...)` over all names, with `utils.default_process` applied to
   the query in the timed call and to the names once beforehand (as a screener would keep
   its list prepared). Scorers: `JaroWinkler.normalized_similarity` (cutoff 0.75) and
   `fuzz.WRatio` (cutoff 75), the crate's default threshold of 0.75. The cutoffs let
   rapidfuzz skip work: without them JaroWinkler took about twice as long.

Each query is timed `--repeat` times (default 1) by both screeners and its fastest time
kept. Figures are per query: median, 90th and 99th percentiles, slowest and mean, with
the same rank rule as the crate's example (sorted times, index round((n - 1) * p)).

`--sample N` keeps about N queries, every k-th of all query files in order (k = ceil(total
/ N)), for both screeners: on the six official lists (92,000 names) rapidfuzz WRatio takes
0.3 to 2 s a query on a shared 2-core machine. `--scorer` picks the rapidfuzz scorers
(default both). `--grow N` is passed to the crate's example, whose dump then holds its
synthetic names too (not so with `--names`).

Run from the repository root, e.g.:

    L=../shared/data/lists; D=../shared/eval/dev
    python3 scripts/rapidfuzz_baseline.py --sample 300 \\
      --list $L/ofac/sdn.xml --list $L/un/UN_consolidated.xml $D/negatives/queries.jsonl
"""

import argparse
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time

try:
    from rapidfuzz import fuzz, process, utils
    from rapidfuzz.distance import JaroWinkler
except ImportError:
    sys.exit("rapidfuzz_baseline: rapidfuzz is missing: pip install rapidfuzz")

SCORERS = {
    "jw": ("rapidfuzz JaroWinkler", JaroWinkler.normalized_similarity, 0.75),
    "wratio": ("rapidfuzz WRatio", fuzz.WRatio, 75),
}
LIMIT = 10
# The figures of one screener, in microseconds, in table order.
COLUMNS = ["median", "p90", "p99", "max", "mean"]


def read_queries(paths):
    """The names of the queries files: a name per line, or a JSON object's "name"."""
    queries = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip():
                    continue
                if line.lstrip().startswith("{"):
                    name = json.loads(line).get("name")
                    if not isinstance(name, str):
                        sys.exit(f'rapidfuzz_baseline: {path}:{n}: expected a "name" string')
                    queries.append(name)
                else:
                    queries.append(line)
    return queries


def figures(times_us):
    """Median, p90, p99, max and mean of per-query times, as the crate's example ranks."""
    times = sorted(times_us)

    def at(p):
        # Rust's f64::round rounds halves away from zero; Python's round() to even.
        return times[math.floor((len(times) - 1) * p + 0.5)]

    return {
        "median": at(0.5),
        "p90": at(0.9),
        "p99": at(0.99),
        "max": times[-1],
        "mean": sum(times) / len(times),
    }


def run_crate(args, query_file, dump):
    """Runs the crate's latency example; its output lines, and its figures in microseconds."""
    cmd = ["cargo", "run", "--quiet", "--release", "--example", "latency", "--"]
    for path in args.list:
        cmd += ["--list", path]
    cmd += ["--repeat", str(args.repeat)]
    if args.grow > 1:
        cmd += ["--grow", str(args.grow)]
    if dump:
        cmd += ["--dump-names", dump]
    cmd.append(query_file)
    print("$", " ".join(cmd), file=sys.stderr)
    done = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)
    if done.returncode != 0:
        sys.exit(f"rapidfuzz_baseline: the crate's example failed (status {done.returncode})")
    out = done.stdout
    m = re.search(
        r"median ([\d.]+) us, p90 ([\d.]+) us, p99 ([\d.]+) us, max ([\d.]+) us, "
        r"mean ([\d.]+) us",
        out,
    )
    if not m:
        sys.exit(f"rapidfuzz_baseline: expected the example's screen line, found:\n{out}")
    return out, dict(zip(COLUMNS, map(float, m.groups())))


def run_rapidfuzz(scorer, cutoff, names, queries, repeat):
    """Per-query times in microseconds of a brute-force extract over all names."""
    times = []
    for q in queries:
        best = math.inf
        for _ in range(repeat):
            t = time.perf_counter_ns()
            process.extract(
                utils.default_process(q),
                names,
                scorer=scorer,
                processor=None,
                limit=LIMIT,
                score_cutoff=cutoff,
            )
            best = min(best, time.perf_counter_ns() - t)
        times.append(best / 1e3)
    return times


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--list", action="append", default=[], help="a list file (repeatable)")
    p.add_argument("--names", help="names as JSON lines; default: the crate's dump")
    p.add_argument("--sample", type=int, help="keep about N queries, every k-th")
    p.add_argument("--repeat", type=int, default=1, help="times per query, fastest kept")
    p.add_argument("--scorer", action="append", choices=SCORERS, help="default: all")
    p.add_argument("--grow", type=int, default=1, help="passed to the crate's example")
    p.add_argument("queries", nargs="+", help="queries files (JSON lines with a name)")
    args = p.parse_args()
    if args.repeat < 1 or (args.sample is not None and args.sample < 1):
        sys.exit("rapidfuzz_baseline: --repeat and --sample need a whole number above 0")

    queries = read_queries(args.queries)
    total = len(queries)
    step = 1
    if args.sample and args.sample < total:
        step = math.ceil(total / args.sample)
        queries = queries[::step]
    if not queries:
        sys.exit("rapidfuzz_baseline: expected a queries file with at least one name")

    with tempfile.TemporaryDirectory() as tmp:
        query_file = os.path.join(tmp, "queries.jsonl")
        with open(query_file, "w", encoding="utf-8") as f:
            for q in queries:
                f.write(json.dumps({"name": q}, ensure_ascii=False) + "\n")
        names_file = args.names or os.path.join(tmp, "names.jsonl")
        crate_out, crate = run_crate(args, query_file, None if args.names else names_file)
        with open(names_file, encoding="utf-8") as f:
            names = [json.loads(line)["name"] for line in f if line.strip()]

    prepared = [utils.default_process(n) for n in names]
    rows = [("sanctions screen", crate)]
    for key in args.scorer or list(SCORERS):
        label, scorer, cutoff = SCORERS[key]
        print(f"{label}: {len(queries)} queries ...", file=sys.stderr)
        rows.append((label, figures(run_rapidfuzz(scorer, cutoff, prepared, queries, args.repeat))))

    print(f"rapidfuzz {__import__('rapidfuzz').__version__}, Python {sys.version.split()[0]}")
    for line in crate_out.splitlines():
        if line.startswith(("grow", "lists:")):
            print(f"crate: {line}")
    sample = f"1 in {step} of {total}" if step > 1 else "all"
    print(
        f"queries: {len(queries)} ({sample}); names: {len(names)}; repeat {args.repeat}; "
        f"one thread each; rapidfuzz extract limit {LIMIT}"
    )
    print()
    print(f"| per query, us | {' | '.join(COLUMNS)} |")
    print(f"| --- |{' --- |' * len(COLUMNS)}")
    for label, fig in rows:
        print(f"| {label} | {' | '.join(f'{fig[c]:.1f}' for c in COLUMNS)} |")
    for label, fig in rows[1:]:
        ratios = " | ".join(f"{fig[c] / max(crate[c], 1e-9):.1f}x" for c in COLUMNS)
        print(f"| {label} / sanctions | {ratios} |")


if __name__ == "__main__":
    main()
