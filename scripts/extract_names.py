#!/usr/bin/env python3
"""Extract every name of every listed entity from the official sanctions-list files.

Reads the list files in a data folder and writes to standard output one line per name:

    source<TAB>entity_id<TAB>kind<TAB>name

- source: ofac, eu, uk, un or canada
- entity_id: the official record id (OFAC uid, EU sanctionEntity logicalId, UK Group ID,
  UN DATAID, Canada `Country/Schedule/Item`)
- kind: person, organization, vessel, aircraft or unknown
- name: one primary name or alias as written (tabs and line breaks replaced by a space,
  leading and trailing blanks removed, empty names skipped). Original-script names are
  included.

All lines of one entity are written together (the consumer, `examples/token_freq.rs`,
counts document frequencies per run of lines with the same source and id). An entity that
appears in two files of one source (the same OFAC uid in sdn.xml and consolidated.xml) is
merged into one, and an exact duplicate name within one entity is written once.

Files read, relative to the data folder:
- ofac/sdn.xml, ofac/consolidated/consolidated.xml (classic OFAC XML, any namespace)
- eu/20240513-FULL-1_1(xsd).xml (EU FSF XML 1.1)
- uk/UK_Sanctions_List.xlsx (OFSI consolidated list, 2022-format columns)
- un/UN_consolidated.xml (UN Security Council consolidated list)
- canada/cannada.xml (Canadian autonomous sanctions list, SEMA)

A missing file is an error (exit status 1). Counts per file and per source go to standard
error. Standard library only.

Run from the repository root:

    python3 scripts/extract_names.py --data-dir ../shared/data/lists > names.tsv

`--data-dir` defaults to the environment variable SANCTIONS_DATA_DIR.
"""

import argparse
import os
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

OFAC_FILES = ("ofac/sdn.xml", "ofac/consolidated/consolidated.xml")
EU_FILE = "eu/20240513-FULL-1_1(xsd).xml"
UK_FILE = "uk/UK_Sanctions_List.xlsx"
UN_FILE = "un/UN_consolidated.xml"
CANADA_FILE = "canada/cannada.xml"

_BREAKS = re.compile(r"[\t\r\n\v\f\u0085\u2028\u2029]")


class DataError(Exception):
    """A problem with the input files (missing or unreadable)."""


def clean(text):
    """Return `text` with tabs and line breaks replaced by a space, trimmed ('' for None)."""
    if not text:
        return ""
    return _BREAKS.sub(" ", text).strip()


def local(tag):
    """The local name of an ElementTree tag, without its `{namespace}`."""
    return tag.rsplit("}", 1)[-1]


def child_text(elem, name):
    """Cleaned text of the first direct child of `elem` with local name `name`."""
    for ch in elem:
        if local(ch.tag) == name:
            return clean(ch.text)
    return ""


def join_names(*parts):
    """Join the non-empty cleaned parts with single spaces."""
    return " ".join(p for p in (clean(x) for x in parts) if p)


def last_first(last, first):
    """`last, first` as OFAC and OFSI write names; just the part present when one is empty."""
    last, first = clean(last), clean(first)
    if last and first:
        return f"{last}, {first}"
    return last or first


def iter_elements(path, tag):
    """Stream the elements with local name `tag` from an XML file, clearing them after use."""
    context = ET.iterparse(path, events=("start", "end"))
    root = None
    for event, elem in context:
        if root is None:
            root = elem
        if event == "end" and local(elem.tag) == tag:
            yield elem
            elem.clear()
            # Records are children of the root: drop them from it too (keeps memory flat).
            if len(root) and root[-1] is elem:
                del root[-1]


# ---------------------------------------------------------------------------------------
# OFAC classic XML


OFAC_KINDS = {
    "individual": "person",
    "entity": "organization",
    "vessel": "vessel",
    "aircraft": "aircraft",
}


def read_ofac(path):
    """Yield (uid, kind, names) for each sdnEntry of a classic OFAC XML file."""
    for entry in iter_elements(path, "sdnEntry"):
        uid = child_text(entry, "uid")
        kind = OFAC_KINDS.get(child_text(entry, "sdnType").lower(), "unknown")
        names = [last_first(child_text(entry, "lastName"), child_text(entry, "firstName"))]
        for ch in entry:
            if local(ch.tag) == "akaList":
                for aka in ch:
                    if local(aka.tag) == "aka":
                        names.append(
                            last_first(child_text(aka, "lastName"), child_text(aka, "firstName"))
                        )
        yield uid, kind, names


# ---------------------------------------------------------------------------------------
# EU FSF XML 1.1


EU_KINDS = {"person": "person", "enterprise": "organization"}


def read_eu(path):
    """Yield (logicalId, kind, names) for each sanctionEntity of an EU FSF 1.1 XML file."""
    for ent in iter_elements(path, "sanctionEntity"):
        lid = clean(ent.get("logicalId"))
        kind = "unknown"
        names = []
        for ch in ent:
            name = local(ch.tag)
            if name == "subjectType":
                kind = EU_KINDS.get(clean(ch.get("code")).lower(), "unknown")
            elif name == "nameAlias":
                whole = clean(ch.get("wholeName"))
                if not whole:
                    whole = join_names(ch.get("firstName"), ch.get("middleName"), ch.get("lastName"))
                names.append(whole)
        yield lid, kind, names


# ---------------------------------------------------------------------------------------
# UK OFSI consolidated list, XLSX (2022-format columns)

_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CELL_REF = re.compile(r"([A-Z]+)")

UK_KINDS = {"individual": "person", "entity": "organization", "ship": "vessel"}


def _col_index(ref):
    """0-based column index of a cell reference such as `AB12`."""
    m = _CELL_REF.match(ref or "")
    if not m:
        return None
    n = 0
    for c in m.group(1):
        n = n * 26 + (ord(c) - 64)
    return n - 1


def _si_text(si):
    """Text of a sharedStrings `<si>` (plain or rich text; phonetic runs left out)."""
    parts = []
    for ch in si:
        name = local(ch.tag)
        if name == "t":
            parts.append(ch.text or "")
        elif name == "r":
            for t in ch:
                if local(t.tag) == "t":
                    parts.append(t.text or "")
    return "".join(parts)


def _first_sheet_path(zf):
    """Zip path of the first worksheet of the workbook."""
    wb = ET.fromstring(zf.read("xl/workbook.xml"))
    sheet = wb.find(f"{_NS_MAIN}sheets/{_NS_MAIN}sheet")
    rid = sheet.get(f"{_NS_REL}id") if sheet is not None else None
    try:
        rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    except KeyError:
        rels = None
    if rid and rels is not None:
        for rel in rels.iter(f"{_NS_PKG_REL}Relationship"):
            if rel.get("Id") == rid:
                target = rel.get("Target")
                return target.lstrip("/") if target.startswith("/") else "xl/" + target
    return "xl/worksheets/sheet1.xml"


def iter_xlsx_rows(path):
    """Yield each row of the first sheet of an XLSX file as a list of strings."""
    with zipfile.ZipFile(path) as zf:
        shared = []
        if "xl/sharedStrings.xml" in zf.namelist():
            with zf.open("xl/sharedStrings.xml") as f:
                for _, si in ET.iterparse(f):
                    if local(si.tag) == "si":
                        shared.append(_si_text(si))
                        si.clear()
        with zf.open(_first_sheet_path(zf)) as f:
            for _, row in ET.iterparse(f):
                if local(row.tag) != "row":
                    continue
                values = {}
                for c in row:
                    if local(c.tag) != "c":
                        continue
                    idx = _col_index(c.get("r"))
                    if idx is None:
                        idx = len(values)
                    t = c.get("t")
                    v = c.find(f"{_NS_MAIN}v")
                    if t == "s" and v is not None and v.text is not None:
                        text = shared[int(v.text)]
                    elif t == "inlineStr":
                        is_ = c.find(f"{_NS_MAIN}is")
                        text = _si_text(is_) if is_ is not None else ""
                    elif v is not None and v.text is not None:
                        text = v.text
                        if t is None or t == "n":
                            # Numeric ids such as Group ID: 12345.0 -> 12345
                            try:
                                num = float(text)
                                if num.is_integer():
                                    text = str(int(num))
                            except ValueError:
                                pass
                    else:
                        text = ""
                    values[idx] = text
                row.clear()
                width = max(values) + 1 if values else 0
                yield [values.get(i, "") for i in range(width)]


def read_uk(path):
    """Yield (Group ID, kind, names) for each target (group of name rows) of the OFSI XLSX."""
    header = None
    groups = {}  # Group ID -> (kind, names), in order of first appearance
    for row in iter_xlsx_rows(path):
        cells = [clean(x) for x in row]
        if header is None:
            if "Group ID" in cells and "Name 6" in cells:
                header = {name: i for i, name in enumerate(cells) if name}
                missing = [
                    c for c in ("Group ID", "Group Type", "Name 6", "Name 1") if c not in header
                ]
                if missing:
                    raise DataError(f"{path}: header row lacks columns {missing}")
            continue

        def get(col):
            i = header.get(col)
            return cells[i] if i is not None and i < len(cells) else ""

        gid = get("Group ID")
        if not gid:
            continue
        kind = UK_KINDS.get(get("Group Type").lower(), "unknown")
        given = join_names(*(get(f"Name {i}") for i in range(1, 6)))
        names = [last_first(get("Name 6"), given), get("Name Non-Latin Script")]
        if gid not in groups:
            groups[gid] = (kind, [])
        groups[gid][1].extend(names)
    if header is None:
        raise DataError(f"{path}: no header row with 'Group ID' and 'Name 6' found")
    for gid, (kind, names) in groups.items():
        yield gid, kind, names


# ---------------------------------------------------------------------------------------
# UN Security Council consolidated XML


def read_un(path):
    """Yield (DATAID, kind, names) for each INDIVIDUAL and ENTITY of the UN consolidated XML."""
    context = ET.iterparse(path, events=("end",))
    for _, elem in context:
        tag = elem.tag
        if tag not in ("INDIVIDUAL", "ENTITY"):
            continue
        dataid = child_text(elem, "DATAID")
        if tag == "INDIVIDUAL":
            kind, alias_tag = "person", "INDIVIDUAL_ALIAS"
            names = [
                join_names(*(child_text(elem, t) for t in
                             ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")))
            ]
        else:
            kind, alias_tag = "organization", "ENTITY_ALIAS"
            names = [child_text(elem, "FIRST_NAME")]
        names.append(child_text(elem, "NAME_ORIGINAL_SCRIPT"))
        for alias in elem.findall(alias_tag):
            names.append(child_text(alias, "ALIAS_NAME"))  # empty placeholders dropped later
        elem.clear()
        yield dataid, kind, names


# ---------------------------------------------------------------------------------------
# Canada SEMA XML


def read_canada(path):
    """Yield (`Country/Schedule/Item`, kind, names) for each record of the Canadian XML."""
    for rec in iter_elements(path, "record"):
        f = {local(ch.tag): clean(ch.text) for ch in rec}
        key = "/".join((f.get("Country", ""), f.get("Schedule", ""), f.get("Item", "")))
        last, given = f.get("LastName", ""), f.get("GivenName", "")
        entity = f.get("EntityOrShip", "")
        if f.get("ShipIMONumber"):
            kind = "vessel"
        elif last or given:
            kind = "person"
        elif entity:
            kind = "organization"
        else:
            kind = "unknown"
        names = [last_first(last, given), entity]
        names.extend(a.strip() for a in f.get("Aliases", "").split(";"))
        yield key, kind, names


# ---------------------------------------------------------------------------------------


SOURCES = (
    ("ofac", [(p, read_ofac) for p in OFAC_FILES]),
    ("eu", [(EU_FILE, read_eu)]),
    ("uk", [(UK_FILE, read_uk)]),
    ("un", [(UN_FILE, read_un)]),
    ("canada", [(CANADA_FILE, read_canada)]),
)


def check_files(data_dir):
    """Raise DataError naming every expected file that is missing."""
    missing = [
        os.path.join(data_dir, rel)
        for _, files in SOURCES
        for rel, _ in files
        if not os.path.isfile(os.path.join(data_dir, rel))
    ]
    if missing:
        raise DataError("missing list file(s): " + ", ".join(missing))


def extract(data_dir, out, log):
    """Write the names of all sources to `out`; counts to `log`. Returns the line count."""
    check_files(data_dir)
    total = 0
    for source, files in SOURCES:
        entities = {}  # id -> (kind, names list, names set); dict keeps first-seen order
        for rel, reader in files:
            path = os.path.join(data_dir, rel)
            n_ent = n_names = 0
            try:
                for eid, kind, names in reader(path):
                    if not eid:
                        log.write(f"warning: {rel}: record without id skipped\n")
                        continue
                    n_ent += 1
                    slot = entities.get(eid)
                    if slot is None:
                        slot = entities[eid] = (kind, [], set())
                    elif slot[0] != kind:
                        log.write(f"warning: {rel}: {eid} is {kind}, earlier {slot[0]}\n")
                    for name in names:
                        name = clean(name)
                        if not name:
                            continue
                        n_names += 1
                        if name not in slot[2]:
                            slot[2].add(name)
                            slot[1].append(name)
            except (ET.ParseError, zipfile.BadZipFile, KeyError, OSError) as e:
                raise DataError(f"{path}: cannot read: {e}") from e
            log.write(f"{rel}: {n_ent} entities, {n_names} names\n")
        lines = 0
        for eid, (kind, names, _) in entities.items():
            for name in names:
                out.write(f"{source}\t{eid}\t{kind}\t{name}\n")
            lines += len(names)
        log.write(f"== {source}: {len(entities)} entities, {lines} distinct names written\n")
        total += lines
    return total


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Write source<TAB>entity_id<TAB>kind<TAB>name for every listed name."
    )
    parser.add_argument(
        "--data-dir",
        default=os.environ.get("SANCTIONS_DATA_DIR"),
        help="folder holding the list files (default: $SANCTIONS_DATA_DIR)",
    )
    args = parser.parse_args(argv)
    if not args.data_dir:
        sys.stderr.write("error: no data folder: pass --data-dir or set SANCTIONS_DATA_DIR\n")
        return 1
    if not os.path.isdir(args.data_dir):
        sys.stderr.write(f"error: data folder {args.data_dir} does not exist\n")
        return 1
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", newline="\n", closefd=False,
               buffering=1 << 20)
    try:
        total = extract(args.data_dir, out, sys.stderr)
        out.flush()
    except DataError as e:
        sys.stderr.write(f"error: {e}\n")
        return 1
    except BrokenPipeError:
        # Reader went away (e.g. `| head`): stop quietly.
        try:
            sys.stdout = None
            os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
        except OSError:
            pass
        return 0
    sys.stderr.write(f"total: {total} lines\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
