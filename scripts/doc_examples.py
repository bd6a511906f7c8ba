#!/usr/bin/env python3
"""Lists the public items of the crate that have no example in their docs.

Run from anywhere: python3 scripts/doc_examples.py. It prints `file:line item` for each item
that lacks an example and exits 1, or exits 0 when every item has one. `-v` also prints the
items that have one, and the accessors left to their type's example.

The public API is what the crate root reaches: the `pub` items of `pub mod`s from src/lib.rs
down, the items that a reachable module re-exports with `pub use` from a private one (such as
`Screener` from `screen`), and the `pub` methods of the inherent `impl` blocks of those types,
wherever the block is. Left out: `pub(crate)`, `pub(super)` and `pub(in ..)` items, private
modules' items that are not re-exported, `#[cfg(test)]` code and `#[doc(hidden)]` items. Items
behind cargo features count as if every feature were on.

The rule: an example is a fenced code block (a line starting with ```) in the item's doc
comment, or for a module in its `//!` docs (or the `///` docs on its `mod` line). It is
needed on every public module, struct, enum, union, trait, free function, constant and
static, and on every public method that is not a plain accessor. A plain accessor takes only
`self` or `&self` and either returns or clones a field (`self.kind`, `&self.names`,
`self.file.as_deref()`, `self.inner.threshold`) or is an `as_*` conversion (`as_str`); it is
covered by its type's example, which should show its accessors in use. Type aliases, enum
variants, struct fields, associated constants and trait implementations (`Display`, `From`,
...) need docs (`missing_docs` checks that), not examples.

The parser is a small tokenizer that skips comments, strings and char literals and matches
braces; it knows `mod`, `use`, items and `impl` blocks, not the full grammar. When it
classifies an item wrongly, add the item to EXEMPT below with the reason.
"""

import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
SRC = os.path.join(ROOT, "src")

# Items that need no example of their own, as "path::to::item": the reason.
EXEMPT = {
    # A payment hit wraps a name match or a text hit; these read the wrapped result's field.
    **{f"sanctions::payment::PaymentHit::{name}": "reads the field of the wrapped match or "
       "text hit: an accessor, shown by the example of PaymentHit"
       for name in ("span", "entity_id", "name", "score", "explanation", "audit")},
    # The values of a field change are a Delta; these read its two halves.
    **{f"sanctions::diff::FieldChange::{name}": "reads its Delta's field: an accessor, shown "
       "by the example of FieldChange" for name in ("removed", "added")},
}

# Methods a field may be read through and still be a plain accessor.
FIELD_CONVERSIONS = {"as_deref", "as_ref", "as_str", "as_slice", "as_path", "clone"}

ITEM_KINDS = {"fn", "struct", "enum", "union", "trait", "const", "static", "type", "mod"}
NEEDS_EXAMPLE = {"fn", "struct", "enum", "union", "trait", "const", "static", "mod"}


# --- tokens ---------------------------------------------------------------------------------

class Tok:
    __slots__ = ("kind", "text", "line")

    def __init__(self, kind, text, line):
        self.kind = kind  # ident, punct, lit, lifetime, doc_outer, doc_inner
        self.text = text
        self.line = line

    def __repr__(self):
        return f"{self.kind}:{self.text!r}@{self.line}"


IDENT_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
NUMBER_RE = re.compile(r"[0-9][0-9A-Za-z_]*(\.[0-9][0-9A-Za-z_]*)?")


def tokenize(text):
    """The tokens of Rust source: comments dropped except doc comments, literals opaque."""
    toks = []
    i, n, line = 0, len(text), 1
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
        elif c.isspace():
            i += 1
        elif text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            comment = text[i:end]
            if comment.startswith("///") and not comment.startswith("////"):
                toks.append(Tok("doc_outer", comment[3:], line))
            elif comment.startswith("//!"):
                toks.append(Tok("doc_inner", comment[3:], line))
            i = end
        elif text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            body = text[i:j]
            if body.startswith("/**") and not body.startswith("/***") and body != "/**/":
                toks.append(Tok("doc_outer", body[3:-2], line))
            elif body.startswith("/*!"):
                toks.append(Tok("doc_inner", body[3:-2], line))
            line += body.count("\n")
            i = j
        elif (m := re.compile(r'b?r(#*)"').match(text, i)):
            close = '"' + m.group(1)
            end = text.find(close, m.end())
            end = n if end < 0 else end + len(close)
            toks.append(Tok("lit", text[i:end], line))
            line += text.count("\n", i, end)
            i = end
        elif c == '"' or text.startswith('b"', i) or text.startswith('c"', i):
            j = text.index('"', i) + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            toks.append(Tok("lit", text[i:j + 1], line))
            line += text.count("\n", i, j + 1)
            i = j + 1
        elif c == "'" or text.startswith("b'", i):
            start = i + (2 if c == "b" else 1)
            # A char literal: one (possibly escaped) char and a quote; else a lifetime.
            m = re.compile(r"(\\(x[0-9A-Fa-f]{2}|u\{[0-9A-Fa-f]+\}|.)|[^\\'\n])'").match(text, start)
            if m:
                toks.append(Tok("lit", text[i:m.end()], line))
                i = m.end()
            else:
                m = IDENT_RE.match(text, start)
                end = m.end() if m else start
                toks.append(Tok("lifetime", text[i:end], line))
                i = end
        elif (m := IDENT_RE.match(text, i)):
            toks.append(Tok("ident", m.group(), line))
            i = m.end()
        elif (m := NUMBER_RE.match(text, i)):
            toks.append(Tok("lit", m.group(), line))
            i = m.end()
        else:
            two = text[i:i + 2]
            if two in ("::", "->", "=>"):
                toks.append(Tok("punct", two, line))
                i += 2
            else:
                toks.append(Tok("punct", c, line))
                i += 1
    return toks


OPEN = {"(": ")", "[": "]", "{": "}"}


def skip_group(toks, i):
    """The index after the bracketed group opening at toks[i]."""
    depth = 0
    while i < len(toks):
        t = toks[i]
        if t.kind == "punct" and t.text in OPEN:
            depth += 1
        elif t.kind == "punct" and t.text in (")", "]", "}"):
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return i


def skip_to(toks, i, stops):
    """The index of the first punctuation in `stops` at bracket depth 0 from toks[i]."""
    while i < len(toks):
        t = toks[i]
        if t.kind == "punct" and t.text in stops:
            return i
        if t.kind == "punct" and t.text in OPEN:
            i = skip_group(toks, i)
        else:
            i += 1
    return i


# --- items ----------------------------------------------------------------------------------

class Item:
    def __init__(self, kind, name, line, vis, docs, attrs):
        self.kind = kind      # fn, struct, ..., mod, use, impl
        self.name = name
        self.line = line
        self.vis = vis        # "pub", "pub(crate)", ... or "" for private
        self.docs = docs      # doc comment lines
        self.attrs = attrs    # attribute texts, such as "cfg(test)"
        self.body = None      # fn: body tokens; mod (inline): items; impl: items
        self.use_tree = None  # use: the tokens of the tree
        self.self_type = None  # impl: the implemented type's name; None for a trait impl
        self.params = None    # fn: the tokens of the parameter list


def attr_text(toks, i, j):
    return "".join(t.text for t in toks[i:j])


def is_test_only(attrs):
    return any(re.fullmatch(r"cfg\((test|(all|any)\(.*\btest\b.*\))\)", a) for a in attrs)


def parse_items(toks, i, end):
    """The items in toks[i:end] and the inner docs (`//!`) found there."""
    items, inner_docs = [], []
    docs, attrs = [], []
    while i < end:
        t = toks[i]
        if t.kind == "doc_inner":
            inner_docs.append(t.text)
            i += 1
            continue
        if t.kind == "doc_outer":
            docs.append(t.text)
            i += 1
            continue
        if t.kind == "punct" and t.text == "#":
            inner = i + 1 < end and toks[i + 1].text == "!"
            j = i + 2 if inner else i + 1
            k = skip_group(toks, j)
            text = attr_text(toks, j + 1, k - 1)
            if not inner:
                if text.startswith("doc") and "=" in text:
                    docs.append(text)
                attrs.append(text)
            i = k
            continue
        if t.kind == "punct" and t.text == ";":
            i += 1
            continue
        start_line = t.line
        vis = ""
        if t.text == "pub":
            vis = "pub"
            i += 1
            if i < end and toks[i].text == "(":
                k = skip_group(toks, i)
                vis = "pub" + attr_text(toks, i, k)
                i = k
        # Qualifiers before the item keyword.
        while i < end and toks[i].text in ("unsafe", "async", "extern", "default") or (
            i < end and toks[i].kind == "lit" and i > 0 and toks[i - 1].text == "extern"
        ) or (i + 1 < end and toks[i].text == "const" and toks[i + 1].text in ("fn", "unsafe", "async")):
            i += 1
        kw = toks[i].text if i < end else ""
        item = None
        if kw == "mod":
            item = Item("mod", toks[i + 1].text, start_line, vis, docs, attrs)
            i += 2
            if toks[i].text == "{":
                k = skip_group(toks, i)
                item.body, item.inner_docs = parse_items(toks, i + 1, k - 1)
                i = k
        elif kw == "use":
            k = skip_to(toks, i + 1, {";"})
            item = Item("use", None, start_line, vis, docs, attrs)
            item.use_tree = toks[i + 1:k]
            i = k + 1
        elif kw == "impl":
            k = skip_to(toks, i + 1, {"{"})
            header = toks[i + 1:k]
            item = Item("impl", None, start_line, vis, docs, attrs)
            item.self_type = impl_self_type(header)
            g = skip_group(toks, k)
            item.body, _ = parse_items(toks, k + 1, g - 1)
            i = g
        elif kw in ("fn", "struct", "enum", "union", "trait", "const", "static", "type"):
            name = toks[i + 1].text
            if kw == "static" and name == "mut":
                name = toks[i + 2].text
            item = Item(kw, name, start_line, vis, docs, attrs)
            if kw == "fn":
                p = skip_to(toks, i + 2, {"("})
                pe = skip_group(toks, p)
                item.params = toks[p + 1:pe - 1]
                k = skip_to(toks, pe, {"{", ";"})
                if k < end and toks[k].text == "{":
                    g = skip_group(toks, k)
                    item.body = toks[k + 1:g - 1]
                    i = g
                else:
                    i = k + 1
            elif kw in ("struct", "enum", "union", "trait"):
                k = skip_to(toks, i + 2, {"{", ";", "("})
                if toks[k].text == "(":
                    k = skip_to(toks, skip_group(toks, k), {";", "{"})
                i = skip_group(toks, k) if toks[k].text == "{" else k + 1
            else:
                i = skip_to(toks, i + 2, {";"}) + 1
        elif kw == "macro_rules" or (i + 1 < end and toks[i + 1].text == "!"):
            # A macro definition or an item-level macro call: skipped.
            k = i + 2
            if k < end and toks[k].kind == "ident":
                k += 1
            i = skip_group(toks, k) if k < end and toks[k].text in OPEN else k
        else:
            raise SystemExit(f"doc_examples.py: cannot parse the item at line {start_line}: {kw!r}")
        if item is not None:
            items.append(item)
        docs, attrs = [], []
    return items, inner_docs


def impl_self_type(header):
    """The name of the type of an inherent impl (`impl<'a> Foo<'a>` gives Foo); None for a
    trait impl (`impl Display for Foo`)."""
    depth = 0
    names = []
    for t in header:
        if t.text == "<":
            depth += 1
        elif t.text == ">":
            depth -= 1
        elif depth == 0 and t.text == "for":
            return None
        elif depth == 0 and t.text == "where":
            break
        elif depth == 0 and t.kind == "ident":
            names.append(t.text)
    return names[-1] if names else None


def has_example(docs):
    return any(line.strip().startswith("```") for line in docs)


def is_plain_accessor(fn):
    """A method taking only `self`/`&self` that returns or clones a field, or an `as_*`."""
    params = [t.text for t in fn.params]
    if params not in (["self"], ["&", "self"], ["mut", "self"]):
        return False
    if fn.name.startswith("as_"):
        return True
    body = [t.text for t in (fn.body or [])]
    if body[:1] == ["&"]:
        body = body[1:]
    if body[:1] != ["self"]:
        return False
    rest, fields = body[1:], 0
    while rest[:1] == ["."] and len(rest) >= 2:
        if rest[2:4] == ["(", ")"] and rest[1] in FIELD_CONVERSIONS and fields:
            rest = rest[4:]
        elif rest[2:3] != ["("] and re.fullmatch(r"[A-Za-z_0-9]+", rest[1]):
            rest, fields = rest[2:], fields + 1
        else:
            return False
    return fields > 0 and rest == []


# --- modules --------------------------------------------------------------------------------

class Module:
    def __init__(self, path, file, items, inner_docs, decl=None):
        self.path = path            # ["crate", "screen", ...]
        self.file = file            # the file its items are in
        self.items = items
        self.inner_docs = inner_docs
        self.decl = decl            # the `mod` item that declares it
        self.children = {}          # name -> Module


def load_module(path, file, items, inner_docs, decl, module_dir):
    """The module and, recursively, its submodules (out-of-line ones read from their files)."""
    module = Module(path, file, items, inner_docs, decl)
    for item in items:
        if item.kind != "mod" or is_test_only(item.attrs):
            continue
        if item.body is not None:
            child = load_module(path + [item.name], file, item.body, item.inner_docs, item,
                                os.path.join(module_dir, item.name))
        else:
            candidates = [os.path.join(module_dir, item.name + ".rs"),
                          os.path.join(module_dir, item.name, "mod.rs")]
            child_file = next((c for c in candidates if os.path.exists(c)), None)
            if child_file is None:
                raise SystemExit(f"doc_examples.py: no file for module {'::'.join(path + [item.name])}")
            with open(child_file, encoding="utf-8") as f:
                toks = tokenize(f.read())
            child_items, child_docs = parse_items(toks, 0, len(toks))
            child = load_module(path + [item.name], child_file, child_items, child_docs, item,
                                os.path.join(module_dir, item.name))
        module.children[item.name] = child
    return module


def use_paths(tree, prefix=()):
    """The (path, name) pairs of a use tree's tokens: `a::{b, c::d as e}` gives
    (a::b, b) and (a::c::d, e)."""
    path = list(prefix)
    i = 0
    while i < len(tree):
        t = tree[i].text
        if t == "{":
            out = []
            inner = tree[i + 1:skip_group(tree, i) - 1]
            j = 0
            while j < len(inner):
                e = skip_to(inner, j, {","})
                out += use_paths(inner[j:e], path)
                j = e + 1
            return out
        if t == "as":
            return [(path, tree[i + 1].text)]
        if t != "::":
            path.append(t)
        i += 1
    if path and path[-1] == "self":
        path = path[:-1]
    return [(path, path[-1])] if path else []


def main():
    verbose = "-v" in sys.argv[1:]
    with open(os.path.join(SRC, "lib.rs"), encoding="utf-8") as f:
        toks = tokenize(f.read())
    items, inner = parse_items(toks, 0, len(toks))
    crate = load_module(["crate"], os.path.join(SRC, "lib.rs"), items, inner, None, SRC)

    modules = []

    def all_modules(m):
        modules.append(m)
        for c in m.children.values():
            all_modules(c)

    all_modules(crate)

    def lookup(module, path):
        """The module or item a use path names from `module`: (module, item or None)."""
        segs = list(path)
        if segs[0] == "crate":
            cur, segs = crate, segs[1:]
        elif segs[0] == "self":
            cur, segs = module, segs[1:]
        else:
            cur = module
            while segs[0] == "super":
                cur = next(m for m in modules if m.path == cur.path[:-1])
                segs = segs[1:]
        for k, seg in enumerate(segs):
            if seg in cur.children:
                cur = cur.children[seg]
                continue
            if k != len(segs) - 1:
                return None
            for item in cur.items:
                if item.name == seg and item.kind in ITEM_KINDS and item.kind != "mod":
                    return (cur, item)
                if item.kind == "use" and item.vis and not is_test_only(item.attrs):
                    for p, alias in use_paths(item.use_tree):
                        if alias == seg:
                            return lookup(cur, p)
            return None  # an external item (std, serde, ...)
        return (cur, None)

    public = {}  # (file, line) -> (display path, module, item)

    def add(module, item, shown):
        if is_test_only(item.attrs) or any(a == "doc(hidden)" for a in item.attrs):
            return
        public.setdefault((module.file, item.line, item.name), (shown, module, item))

    reachable = []

    def visit(module, shown):
        reachable.append(module)
        for item in module.items:
            if is_test_only(item.attrs) or item.vis != "pub":
                continue
            if item.kind == "mod":
                if item.name in module.children:
                    visit(module.children[item.name], shown + [item.name])
            elif item.kind == "use":
                for p, alias in use_paths(item.use_tree):
                    found = lookup(module, p)
                    if found is None:
                        continue
                    target_module, target = found
                    if target is None:
                        if target_module not in reachable:
                            visit(target_module, shown + [alias])
                    else:
                        add(target_module, target, shown + [alias])
            elif item.kind in ITEM_KINDS:
                add(module, item, shown + [item.name])

    visit(crate, [])

    types = [(shown, m, it) for shown, m, it in public.values() if it.kind in ("struct", "enum", "union", "trait")]

    def owner(module, name):
        """The public type an inherent impl in `module` of `name` is for: the candidate whose
        module shares the longest path prefix with the impl's."""
        best, best_len = None, -1
        for shown, m, it in types:
            if it.name != name:
                continue
            common = 0
            for a, b in zip(m.path, module.path):
                if a != b:
                    break
                common += 1
            if m.file == module.file:
                common += 1000
            if common > best_len:
                best, best_len = shown, common
        return best

    entries = []  # (file, line, shown path, kind, has example, accessor)
    for module in reachable:
        docs = list(module.inner_docs) + (module.decl.docs if module.decl else [])
        line = module.decl.line if module.decl and module.decl.body is not None else 1
        entries.append((module.file, line, "::".join(["sanctions"] + module.path[1:]), "mod",
                        has_example(docs), False))
    for shown, module, item in public.values():
        if item.kind in NEEDS_EXAMPLE:
            entries.append((module.file, item.line, "::".join(["sanctions"] + shown), item.kind,
                            has_example(item.docs), False))
    for module in modules:
        for item in module.items:
            if item.kind != "impl" or item.self_type is None or is_test_only(item.attrs):
                continue
            shown = owner(module, item.self_type)
            if shown is None:
                continue
            for method in item.body:
                if method.kind != "fn" or method.vis != "pub" or is_test_only(method.attrs):
                    continue
                if any(a == "doc(hidden)" for a in method.attrs):
                    continue
                entries.append((module.file, method.line,
                                "::".join(["sanctions"] + shown + [method.name]), "method",
                                has_example(method.docs), is_plain_accessor(method)))

    entries.sort()
    missing = 0
    seen = set()
    for file, line, shown, kind, example, accessor in entries:
        if shown in seen:
            continue
        seen.add(shown)
        rel = os.path.relpath(file, ROOT)
        if example:
            if verbose:
                print(f"ok        {rel}:{line} {shown}")
        elif accessor:
            if verbose:
                print(f"accessor  {rel}:{line} {shown}")
        elif shown in EXEMPT:
            if verbose:
                print(f"exempt    {rel}:{line} {shown}: {EXEMPT[shown]}")
        else:
            missing += 1
            print(f"{rel}:{line} {shown}" if not verbose else f"MISSING   {rel}:{line} {shown}")
    stale = [name for name in EXEMPT if name not in seen]
    for name in stale:
        print(f"scripts/doc_examples.py: exempt item {name} is no public item", file=sys.stderr)
    if missing:
        print(f"public items without an example: {missing}", file=sys.stderr)
    return 1 if missing or stale else 0


if __name__ == "__main__":
    sys.exit(main())
