#!/usr/bin/env python3
"""Peak memory and time of hostile inputs, each at 1x and 10x (RELIABILITY.md, "Memory").

    cargo build --release --example screen --example load
    python3 scripts/hostile_memory.py [TARGET_DIR]

Writes the inputs to a temporary folder, runs the release `screen` example on each hostile
name (against the embedded demo list) and the `load` example on each hostile list file, one
process per run, and prints the peak resident memory (GNU time's %M: needs /usr/bin/time)
and the wall time.
The first line is a baseline: `screen` on a short name, i.e. the demo screener itself.
"""
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

target = Path(sys.argv[1] if len(sys.argv) > 1 else "target") / "release" / "examples"
screen, load = target / "screen", target / "load"
if not Path("/usr/bin/time").exists():
    sys.exit("needs GNU time at /usr/bin/time")
for exe in (screen, load):
    if not exe.exists():
        sys.exit(f"{exe} missing: cargo build --release --example screen --example load")

CSL_HEADER = (
    "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,"
    "start_date,end_date,standard_order,license_requirement,license_policy,call_sign,"
    "vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,"
    "source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,"
    "source_information_url,ids\n"
)


def eu_with_attribute(n_bytes):
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2024-05-13T00:00:00">'
        f'<sanctionEntity logicalId="1" designationDetails="{"x" * n_bytes}">'
        '<subjectType code="person"/><nameAlias wholeName="Test Person" logicalId="2"/>'
        "</sanctionEntity></export>\n"
    )


CASES = [
    # (what, program, input for 1x and 10x: (file name, content))
    ("a name of N bytes (100,000 tokens per MB)", screen,
     lambda n: ("KAZSTANEX " * (n * 100_000)).strip() + "\n", (1, "MB")),
    ("combining marks on one letter (N x 10,000)", screen,
     lambda n: "A" + "\u0301" * (n * 10_000) + " KAZSTANEX\n", (1, "x 10,000")),
    ("invisible and bidi characters in a word (N x 100,000)", screen,
     lambda n: "K" + "\u200b\u202e" * (n * 50_000) + "AZSTANEX LLP\n", (1, "x 100,000")),
    ("an EU XML attribute of N x 4 MiB", load,
     lambda n: eu_with_attribute(n * 4 * 1024 * 1024), (1, "x 4 MiB")),
    ("a US CSL row of N million columns", load,
     lambda n: CSL_HEADER + "," * (n * 1_000_000) + "\n", (1, "M")),
]


def run(program, path):
    """Peak resident memory (MB) and wall time (s) of one run, measured by GNU time.

    (Not by this process's wait4: Linux records the parent's peak in a child's at its exec,
    and this process has just written inputs of tens of megabytes.)
    """
    args = [str(program), "--json"] if program == screen else [str(program), str(path)]
    with open(path if program == screen else os.devnull, "rb") as stdin:
        start = time.perf_counter()
        done = subprocess.run(["/usr/bin/time", "-f", "%M", *args], stdin=stdin,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        elapsed = time.perf_counter() - start
    peak_kb = int(done.stderr.decode().strip().splitlines()[-1])
    return peak_kb / 1024, elapsed


with tempfile.TemporaryDirectory() as tmp:
    base = Path(tmp) / "base.txt"
    base.write_text("KAZSTANEX\n")
    mb, s = run(screen, base)
    print(f"baseline: screen on a short name: {mb:.1f} MB, {s:.2f} s")
    for what, program, make, _ in CASES:
        row = []
        for n in (1, 10):
            path = Path(tmp) / f"input-{n}"
            path.write_text(make(n), encoding="utf-8")
            size = os.path.getsize(path) / 1e6
            mb, s = run(program, path)
            row.append(f"{size:.2f} MB input: {mb:.1f} MB peak, {s:.2f} s")
        print(f"{what}: 1x {row[0]}; 10x {row[1]}")
