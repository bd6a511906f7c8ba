#!/usr/bin/env python3
"""Write a customer CSV for the `batch` example's benchmark (BENCHMARKS.md, "batch example").

The names are the dev sets' queries (../shared/eval/dev/*/queries.jsonl: negatives,
cross_list, translit_loo, motivating), repeated in order until ROWS rows; the kind column is
the query's kind where the set gives one. Columns: id,name,kind.

    python3 scripts/batch_customers.py [--rows 100000] [--dev DIR] OUT.csv
"""

import argparse
import csv
import json
import pathlib


def main() -> None:
    here = pathlib.Path(__file__).resolve().parent
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out")
    p.add_argument("--rows", type=int, default=100_000)
    p.add_argument("--dev", default=str(here.parent.parent / "shared" / "eval" / "dev"))
    a = p.parse_args()
    queries = []
    for name in ["negatives", "cross_list", "translit_loo", "motivating"]:
        with open(pathlib.Path(a.dev) / name / "queries.jsonl", encoding="utf-8") as f:
            for line in f:
                q = json.loads(line)
                queries.append((q["name"], q.get("kind") or ""))
    with open(a.out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name", "kind"])
        for i in range(a.rows):
            name, kind = queries[i % len(queries)]
            w.writerow([f"Q{i + 1:06}", name, kind])
    print(f"{a.out}: {a.rows} rows from {len(queries)} dev-set names")


if __name__ == "__main__":
    main()
