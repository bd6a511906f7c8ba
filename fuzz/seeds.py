#!/usr/bin/env python3
"""Builds the seed corpora of the fuzz targets: fuzz/seeds.py OUT [DATA_DIR]

OUT/<target>/ gets small seeds from the project's fixtures (tests/data/, data/demo.jsonl)
and, when DATA_DIR (the folder of SANCTIONS_DATA_DIR) is given, from the official list files:
never whole large files, but their first, middle and last records as small well-formed
documents, and slices of a few KB. Nothing is written into the repository unless OUT is in
it (fuzz/corpus/ is git-ignored). Seeds are named by content hash, so reruns add nothing.
"""

import csv
import hashlib
import io
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "data"
SEP = b"\xff"  # the part separator of the multi-file targets (sanctions_fuzz::parts)
READER_MAX = 64 * 1024  # -max_len of the reader targets
NAME_MAX = 4 * 1024

out_dir = Path(sys.argv[1])
data_dir = Path(sys.argv[2]) if len(sys.argv) > 2 else None


def seed(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    limit = NAME_MAX if target in ("normalize", "screen", "compare") else READER_MAX
    data = data[:limit]
    folder = out_dir / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
    if target.startswith("read_") and target not in ("read_ofac_csv", "read_uk_xlsx_parts",
                                                     "read_ofac_enhanced_zip", "read_payment"):
        seed_detect(data)


def seed_detect(data):
    folder = out_dir / "read_detect"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def slices(data, sizes=(2048, 8192, 32768)):
    """The head of a file at a few sizes (a truncated document is a good seed too)."""
    return [data[:n] for n in sizes if n < len(data)]


# --- XML: a document pruned to a few records of every repeated element -----------------

def default_ns(data):
    m = re.search(rb'<[A-Za-z_][^>\s]*[^>]*?\sxmlns="([^"]*)"', data[:4096])
    return m.group(1).decode() if m else None


def pruned(data, keep=2, where=0.0):
    """The document with each run of same-tag siblings longer than `keep` cut to `keep`
    items, taken at `where` (0: the first, 0.5: the middle, 1: the last)."""
    ns = default_ns(data)
    for prefix, uri in re.findall(rb'xmlns:([A-Za-z_][\w.-]*)="([^"]*)"', data[:4096]):
        ET.register_namespace(prefix.decode(), uri.decode())
    if ns is not None:
        ET.register_namespace("", ns)
    root = ET.fromstring(data)

    def cut(el):
        children = list(el)
        by_tag = {}
        for c in children:
            by_tag.setdefault(c.tag, []).append(c)
        for group in by_tag.values():
            if len(group) > keep:
                start = int(where * (len(group) - keep))
                for i, c in enumerate(group):
                    if not start <= i < start + keep:
                        el.remove(c)
        for c in el:
            cut(c)

    cut(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8")


def xml_seeds(target, data, wheres=(0.0, 0.5, 1.0)):
    for where in wheres:
        for keep in (1, 3):
            try:
                seed(target, pruned(data, keep, where))
            except ET.ParseError:
                pass
    for s in slices(data):
        seed(target, s)


# --- CSV and lines ----------------------------------------------------------------------

def lines_seeds(target, data, header_lines=0, counts=(3, 25)):
    lines = data.splitlines(keepends=True)
    head, body = lines[:header_lines], lines[header_lines:]
    for n in counts:
        for start in (0, max(0, len(body) // 2 - n // 2), max(0, len(body) - n)):
            seed(target, b"".join(head + body[start:start + n]))
    for s in slices(data, (4096,)):
        seed(target, s)


def ofac_csv_set(main, add=b"", alt=b"", comments=b"", count=10):
    """Sets of `count` main rows with the companion rows of the same ent_num, joined by SEP."""
    rows = main.splitlines(keepends=True)
    key = lambda line: line.split(b",", 1)[0].strip(b'"')
    out = []
    for start in (0, len(rows) // 2, max(0, len(rows) - count - 1)):
        part = rows[start:start + count]
        ids = {key(r) for r in part}
        pick = lambda data: b"".join(r for r in data.splitlines(keepends=True) if key(r) in ids)
        out.append(SEP.join([b"".join(part), pick(add), pick(alt), pick(comments)]))
    return out


# --- XLSX ---------------------------------------------------------------------------------

def xlsx_parts(xlsx, rows_kept):
    """The parts of a workbook cut to some rows of its first sheet, with only the shared
    strings those rows use (renumbered): sheet, sharedStrings, styles, workbook, rels."""
    z = zipfile.ZipFile(io.BytesIO(xlsx))
    sheet = z.read("xl/worksheets/sheet1.xml")
    shared = z.read("xl/sharedStrings.xml")
    sis = re.findall(rb"<si>.*?</si>", shared, re.S)
    start = sheet.index(b"<sheetData>") + len(b"<sheetData>")
    end = sheet.index(b"</sheetData>")
    rows = re.findall(rb"<row[ >].*?</row>", sheet[start:end], re.S)
    kept = [rows[i] for i in rows_kept if i < len(rows)]
    used = {}

    def renumber(m):
        old = int(m.group(2))
        new = used.setdefault(old, len(used))
        return m.group(1) + str(new).encode() + m.group(3)

    kept = [re.sub(rb'(<c [^>]*t="s"[^>]*><v>)(\d+)(</v>)', renumber, r) for r in kept]
    new_sheet = sheet[:start] + b"".join(kept) + sheet[end:]
    order = sorted(used, key=used.get)
    new_shared = (b'<?xml version="1.0" encoding="utf-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                  + b"".join(sis[i] for i in order if i < len(sis)) + b"</sst>")
    return [new_sheet, new_shared, z.read("xl/styles.xml"), z.read("xl/workbook.xml"),
            z.read("xl/_rels/workbook.xml.rels")]


def xlsx_of(parts):
    buf = io.BytesIO()
    names = ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml",
             "xl/workbook.xml", "xl/_rels/workbook.xml.rels"]
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        for name, data in zip(names, parts):
            z.writestr(name, data)
    return buf.getvalue()


def uk_csv_to_xlsx(csv_bytes):
    """A workbook of a 2022-format CSV fixture, with inline strings."""
    from xml.sax.saxutils import escape
    rows = list(csv.reader(io.StringIO(csv_bytes.decode("utf-8-sig"))))
    out = []
    for r, row in enumerate(rows, 1):
        cells = "".join(f'<c t="inlineStr"><is><t>{escape(v)}</t></is></c>' for v in row)
        out.append(f'<row r="{r}">{cells}</row>')
    sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f'<sheetData>{"".join(out)}</sheetData></worksheet>').encode()
    workbook = b'<workbook><sheets><sheet name="List" sheetId="1"/></sheets></workbook>'
    return [sheet, b"<sst/>", b"<styleSheet/>", workbook]


def csv_of_sheet(parts):
    """The rows of a workbook's sheet (from xlsx_parts) as a CSV, as a 2022-format CSV is."""
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    shared = ["".join(t.text or "" for t in si.iter(ns + "t"))
              for si in ET.fromstring(parts[1]).iter(ns + "si")]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in ET.fromstring(parts[0].lstrip(b"\xef\xbb\xbf")).iter(ns + "row"):
        cells = {}
        for c in row.iter(ns + "c"):
            col = 0
            for ch in re.match(r"[A-Z]+", c.get("r")).group(0):
                col = col * 26 + ord(ch) - 64
            v = c.find(ns + "v")
            text = "" if v is None else v.text or ""
            cells[col - 1] = shared[int(text)] if c.get("t") == "s" else text
        writer.writerow([cells.get(i, "") for i in range(max(cells, default=-1) + 1)])
    return out.getvalue().encode("utf-8")


# --- Names and texts ----------------------------------------------------------------------

def demo_names():
    names = []
    for line in (ROOT / "data" / "demo.jsonl").read_text().splitlines():
        if line.strip():
            names.append([n["text"] for n in json.loads(line).get("names", [])])
    return names


def name_seeds(extra):
    groups = demo_names()
    flat = [n for g in groups for n in g] + extra
    for n in flat:
        seed("normalize", n)
        seed("screen", n)
    for g in groups:
        for other in g[1:3]:
            seed("compare", f"{g[0]}\t{other}")
    for n in extra[:50]:
        seed("compare", n)
    # Queries with the optional fields of the screen target.
    for g, fields in zip(groups, [
        "\tp\tp:4509123456\tRU\t1961-06-01\t0.7\t5",
        "\to\tt:7729355614\tKZ\t\t0.8\t3",
        "\t*\tr:1027700132195",
        "\tv\ti:9187629\t\t\t0.5\t100",
        "\tu\tb:SABRRUMM",
    ]):
        seed("screen", g[0] + fields)
    texts = [
        "PAYMENT TO KAZSTANEX LLP ALMATY",
        "/BNF/ " + " ".join(g[0] for g in groups[:6]) + " INV 2024-113",
        "Invoice 4411 for services rendered to " + groups[1][0] + ", Moscow; ref " + groups[5][0],
    ]
    for i in range(0, len(groups), 4):
        texts.append(" payment ".join(n for g in groups[i:i + 4] for n in g[:2]))
    for t in texts:
        seed("screen_text", t)


# --- The seeds ------------------------------------------------------------------------------

def fixture(path):
    return (FIXTURES / path).read_bytes()


def main():
    extra_names = []
    # Fixtures (always).
    for f in sorted((FIXTURES / "ofac").glob("*.xml")):
        seed("read_ofac_xml", f.read_bytes())
    for f in sorted((FIXTURES / "eu").glob("*.xml")):
        seed("read_eu", f.read_bytes())
    for f in sorted((FIXTURES / "un").glob("*.xml")):
        seed("read_un", f.read_bytes())
    seed("read_canada", fixture("canada/sema.xml"))
    seed("read_ofac_advanced", fixture("ofac_advanced/advanced.xml"))
    enhanced = fixture("ofac_enhanced/enhanced.xml")
    seed("read_ofac_enhanced", enhanced)
    seed("read_ofac_enhanced_zip", enhanced)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("SDN_ENHANCED.XML", enhanced)
    seed("read_ofac_enhanced", buf.getvalue())
    seed("read_csl", fixture("csl/consolidated.csv"))
    for name in ("conlist_2022.csv", "conlist_2022_no_header.csv", "conlist_2022_unknown_header.csv"):
        seed("read_uk_csv", fixture("uk/" + name))
    for name in ("legacy_headerless.csv", "legacy_with_header.csv", "legacy_wrong_columns.csv"):
        seed("read_uk_legacy", fixture("uk/" + name))
    parts = uk_csv_to_xlsx(fixture("uk/conlist_2022.csv"))
    seed("read_uk_xlsx_parts", SEP.join(parts))
    seed("read_uk_xlsx", xlsx_of(parts))
    seed("read_opensanctions_ftm", fixture("opensanctions/entities.ftm.json"))
    seed("read_opensanctions_simple", fixture("opensanctions/targets.simple.csv"))
    seed("read_custom", fixture("custom.jsonl"))
    for f in sorted((FIXTURES / "payments").iterdir()):
        seed("read_payment", f.read_bytes())
    lines_seeds("read_custom", (ROOT / "data" / "demo.jsonl").read_bytes(), counts=(2, 10))
    s = "ofac/csv_set/"
    seed("read_ofac_csv", SEP.join([fixture(s + "sdn.csv"), fixture(s + "add.csv"),
                                    fixture(s + "alt.csv"), fixture(s + "sdn_comments.csv")]))
    seed("read_ofac_csv", fixture("ofac/csv_main_only/SDN.CSV"))
    seed("read_ofac_csv", fixture("ofac/csv_bad_columns/sdn.csv"))
    for f in ("sdn.csv",):
        seed_detect(fixture(s + f))

    if data_dir is not None:
        d = data_dir
        read = lambda p: (d / p).read_bytes()
        xml_seeds("read_ofac_xml", read("ofac/sdn.xml"))
        xml_seeds("read_ofac_xml", read("ofac/consolidated/consolidated.xml"), (0.0,))
        xml_seeds("read_eu", read("eu/20240513-FULL-1_1(xsd).xml"))
        xml_seeds("read_un", read("un/UN_consolidated.xml"))
        xml_seeds("read_canada", read("canada/cannada.xml"))
        xml_seeds("read_ofac_advanced", read("ofac/consolidated/cons_advanced.xml"))
        for f in sorted((d / "ofac/sdn_advanced_excerpts").glob("*.xml")):
            seed("read_ofac_advanced", f.read_bytes())
        z = zipfile.ZipFile(d / "ofac/consolidated/CONS_ENHANCED.ZIP")
        name = next(n for n in z.namelist() if n.lower().endswith(".xml"))
        enhanced = z.read(name)
        xml_seeds("read_ofac_enhanced", enhanced)
        xml_seeds("read_ofac_enhanced_zip", enhanced)
        for where in (0.0, 0.5):
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zw:
                zw.writestr(name, pruned(enhanced, 2, where))
            seed("read_ofac_enhanced", buf.getvalue())
        seed("read_csl", read("us_csl/consolidated.csv"))
        lines_seeds("read_csl", read("us_csl/consolidated.csv"), header_lines=1)
        lines_seeds("read_uk_legacy", read("uk/legacy-2018/sanctionsconlist.csv"))
        lines_seeds("read_opensanctions_simple", read("opensanctions/ua_war_sanctions/targets.simple.csv"), header_lines=1)
        seed("read_opensanctions_simple", read("opensanctions/wd_peps_bundle/targets.simple.csv"))
        lines_seeds("read_opensanctions_ftm", read("opensanctions/wd_peps_bundle/entities.ftm.json"))
        lines_seeds("read_opensanctions_ftm", read("opensanctions/yente_fixtures/zala/entities.ftm.json"))
        seed("read_opensanctions_ftm", read("opensanctions/yente_fixtures/t1/entities.ftm.json"))
        for folder, main, add, alt, comments in (
            ("ofac/csv-2021-set/", "sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"),
            ("ofac/csv/", "sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"),
            ("ofac/consolidated/", "cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv"),
        ):
            sets = ofac_csv_set(read(folder + main), read(folder + add), read(folder + alt),
                                read(folder + comments))
            for s in sets:
                seed("read_ofac_csv", s)
                seed_detect(s.split(SEP)[0])
        xlsx = read("uk/UK_Sanctions_List.xlsx")
        for rows in (range(0, 12), range(9000, 9010), range(18780, 18800)):
            parts = xlsx_parts(xlsx, [0, 1] + list(rows))
            seed("read_uk_xlsx_parts", SEP.join(parts))
            seed("read_uk_xlsx", xlsx_of(parts))
            seed("read_uk_csv", csv_of_sheet(parts))
        # Names in many scripts: every 50th whole name of the EU file, and the UN's original
        # script names.
        eu = read("eu/20240513-FULL-1_1(xsd).xml").decode("utf-8")
        extra_names += re.findall(r'wholeName="([^"]+)"', eu)[::50]
        un = read("un/UN_consolidated.xml").decode("utf-8")
        extra_names += re.findall(r"<NAME_ORIGINAL_SCRIPT>([^<]+)<", un)[::3]
    name_seeds(extra_names)
    for target in sorted(p.name for p in out_dir.iterdir()):
        print(f"{target}: {len(list((out_dir / target).iterdir()))} seeds")


main()
