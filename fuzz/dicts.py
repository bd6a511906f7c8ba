#!/usr/bin/env python3
"""Writes fuzz/dict/<group>.dict: libFuzzer dictionaries of the names each reader looks for
(the string literals of its source, comments and tests left out; XML names also as start and
end tags). Run from the repository: python3 fuzz/dicts.py"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "sources"
GROUPS = {  # dictionary: (reader sources, whether the format is XML)
    "ofac_xml": (["ofac_xml"], True),
    "ofac_advanced": (["ofac_advanced"], True),
    "ofac_enhanced": (["ofac_enhanced"], True),
    "eu": (["eu"], True),
    "un": (["un"], True),
    "canada": (["canada"], True),
    "uk_xlsx": (["xlsx", "uk"], True),
    "uk": (["uk"], False),
    "csl": (["csl"], False),
    "opensanctions": (["opensanctions"], False),
    "ofac_csv": (["ofac_csv"], False),
}


def literals(name):
    code = (SRC / f"{name}.rs").read_text().split("#[cfg(test)]")[0]
    code = "\n".join(line for line in code.splitlines() if not line.lstrip().startswith("//"))
    for m in re.finditer(r'(?<![A-Za-z0-9_#])"((?:[^"\\\n]|\\.){1,40})"', code):
        s = m.group(1)
        if s.strip() and "{" not in s and not s.startswith(("expected", "cannot")):
            yield s


def escaped(s):
    raw = s.encode().decode("unicode_escape").encode("utf-8") if "\\" in s else s.encode()
    return "".join(chr(c) if 32 <= c < 127 and c not in (34, 92) else f"\\x{c:02X}" for c in raw)


for group, (files, xml) in GROUPS.items():
    entries = []
    for f in files:
        for s in literals(f):
            e = escaped(s)
            entries.append(e)
            if xml and re.fullmatch(r"[A-Za-z_][\w.:-]*", s):
                entries += [f"<{e}", f"</{e}>"]
    entries = list(dict.fromkeys(entries))
    sources = ", ".join(f"src/sources/{f}.rs" for f in files)
    text = f"# Names that {sources} look for; written by fuzz/dicts.py.\n"
    (ROOT / "fuzz" / "dict" / f"{group}.dict").write_text(text + "".join(f'"{e}"\n' for e in entries))
    print(group, len(entries))
