//! A streaming XML reader that hands out one record at a time as a small tree.
//!
//! List files are large (OFAC's `sdn.xml` is 20 MB) but made of independent records. The
//! readers walk the document with [`XmlReader::next_start`] and turn each record element into
//! an [`Element`] tree with [`XmlReader::read_tree`], so memory stays proportional to one
//! record plus what the reader keeps. Names are local names: namespace prefixes are dropped,
//! and each reader checks the root element's namespace itself.
//!
//! A reader of many tiny records that needs only a few of their values (an XLSX sheet's
//! cells) walks the events instead with [`XmlReader::next_piece`], with the same depth limit,
//! line numbers and error messages, and building no tree.
//!
//! The tree of a record lives in an arena the reader keeps and reuses for the next record:
//! its nodes, attributes and texts sit in three buffers, and an [`Element`] is a handle into
//! them, so reading a record allocates nothing once the buffers have grown to the largest
//! record.

use std::borrow::Cow;
use std::io::BufRead;

use quick_xml::events::{BytesCData, BytesRef, BytesStart, BytesText, Event};

use crate::error::{Error, ErrorKind, Result};

/// Deepest element nesting accepted; real list files nest fewer than 12 levels.
pub(crate) const MAX_DEPTH: usize = 256;

/// A byte range of [`Arena::strings`], or an index range of [`Arena::attrs`].
#[derive(Clone, Copy, Debug, Default)]
struct Span {
    start: usize,
    end: usize,
}

/// One element of the record being read.
#[derive(Clone, Copy, Debug, Default)]
struct Node {
    name: Span,
    /// Its attributes, as a range of [`Arena::attrs`].
    attrs: Span,
    text: Span,
    first_child: Option<usize>,
    last_child: Option<usize>,
    next_sibling: Option<usize>,
    line: u64,
}

/// The tree of the last record read: node 0 is the record element.
#[derive(Debug, Default)]
struct Arena {
    nodes: Vec<Node>,
    /// Attribute (name, value) spans of every node.
    attrs: Vec<(Span, Span)>,
    /// Names, attribute values and texts, one after the other.
    strings: String,
    /// The nodes still open while reading, from the record element down.
    open: Vec<usize>,
    /// The text gathered so far for each open node (an element's text may be split by its
    /// children), by position in `open`.
    open_text: Vec<String>,
}

impl Arena {
    fn clear(&mut self) {
        self.nodes.clear();
        self.attrs.clear();
        self.strings.clear();
        self.open.clear();
    }

    fn push_str(&mut self, s: &str) -> Span {
        let start = self.strings.len();
        self.strings.push_str(s);
        Span {
            start,
            end: self.strings.len(),
        }
    }

    fn str(&self, span: Span) -> &str {
        self.strings.get(span.start..span.end).unwrap_or("")
    }

    /// Adds a node as the last child of the innermost open node (the record element when none
    /// is open), and returns its index.
    fn add_node(&mut self, name: Span, attrs: Span, line: u64) -> usize {
        let index = self.nodes.len();
        self.nodes.push(Node {
            name,
            attrs,
            line,
            ..Node::default()
        });
        if let Some(&parent) = self.open.last() {
            let last = self.nodes.get(parent).and_then(|p| p.last_child);
            match last.and_then(|l| self.nodes.get_mut(l)) {
                Some(sibling) => sibling.next_sibling = Some(index),
                None => {
                    if let Some(p) = self.nodes.get_mut(parent) {
                        p.first_child = Some(index);
                    }
                }
            }
            if let Some(p) = self.nodes.get_mut(parent) {
                p.last_child = Some(index);
            }
        }
        index
    }

    /// Opens a node: its text is gathered until [`close`](Self::close).
    fn open(&mut self, index: usize) {
        let level = self.open.len();
        self.open.push(index);
        match self.open_text.get_mut(level) {
            Some(text) => text.clear(),
            None => self.open_text.push(String::new()),
        }
    }

    /// Text of the innermost open node.
    fn add_text(&mut self, text: &str) {
        if let Some(buf) = self.open_text.get_mut(self.open.len().wrapping_sub(1)) {
            buf.push_str(text);
        }
    }

    /// Closes the innermost open node, storing its text; `None` when no node was open.
    fn close(&mut self) -> Option<usize> {
        let level = self.open.len().checked_sub(1)?;
        let index = self.open.pop()?;
        let start = self.strings.len();
        if let Some(text) = self.open_text.get(level) {
            self.strings.push_str(text);
        }
        let end = self.strings.len();
        if let Some(node) = self.nodes.get_mut(index) {
            node.text = Span { start, end };
        }
        Some(index)
    }
}

/// One element of a record, with its attributes, text and children: a handle into the tree
/// [`XmlReader::read_tree`] read, valid until the reader reads on.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Element<'a> {
    arena: &'a Arena,
    index: usize,
}

/// The node a handle stands for; the default (empty) node for a stale index.
static EMPTY: Node = Node {
    name: Span { start: 0, end: 0 },
    attrs: Span { start: 0, end: 0 },
    text: Span { start: 0, end: 0 },
    first_child: None,
    last_child: None,
    next_sibling: None,
    line: 0,
};

impl<'a> Element<'a> {
    fn node(self) -> &'a Node {
        self.arena.nodes.get(self.index).unwrap_or(&EMPTY)
    }

    /// Local name, without namespace prefix.
    pub fn name(self) -> &'a str {
        self.arena.str(self.node().name)
    }

    /// The line the element starts on.
    pub fn line(self) -> u64 {
        self.node().line
    }

    /// The element's own text (character data directly inside it), entities resolved,
    /// untrimmed.
    pub fn raw_text(self) -> &'a str {
        self.arena.str(self.node().text)
    }

    /// Attributes by local name, in document order.
    pub fn attrs(self) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        let arena = self.arena;
        let Span { start, end } = self.node().attrs;
        arena
            .attrs
            .get(start..end)
            .unwrap_or(&[])
            .iter()
            .map(move |&(k, v)| (arena.str(k), arena.str(v)))
    }

    /// The value of an attribute, by local name.
    pub fn attr(self, name: &str) -> Option<&'a str> {
        self.attrs().find(|&(k, _)| k == name).map(|(_, v)| v)
    }

    /// Every child element, in document order.
    pub fn elements(self) -> impl Iterator<Item = Element<'a>> + 'a {
        let arena = self.arena;
        let mut next = self.node().first_child;
        std::iter::from_fn(move || {
            let index = next?;
            let child = Element { arena, index };
            next = child.node().next_sibling;
            Some(child)
        })
    }

    /// The first child of a name.
    pub fn child(self, name: &str) -> Option<Element<'a>> {
        self.elements().find(|c| c.name() == name)
    }

    /// Every child of a name.
    pub fn children(self, name: &'a str) -> impl Iterator<Item = Element<'a>> + 'a {
        self.elements().filter(move |c| c.name() == name)
    }

    /// The trimmed text of the first child of a name, when it has any.
    pub fn child_text(self, name: &str) -> Option<&'a str> {
        self.child(name)
            .map(|c| c.raw_text().trim())
            .filter(|t| !t.is_empty())
    }

    /// The element's own trimmed text, when it has any.
    pub fn text(self) -> Option<&'a str> {
        Some(self.raw_text().trim()).filter(|t| !t.is_empty())
    }
}

/// The start tag of an element met while walking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Start {
    /// Local name.
    pub name: String,
    /// Attributes by local name.
    pub attrs: Vec<(String, String)>,
    /// Line of the tag.
    pub line: u64,
    /// Whether the tag is self-closing (`<a/>`).
    pub empty: bool,
    /// Nesting depth: 1 for the root element.
    pub depth: usize,
}

impl Start {
    /// The value of an attribute, by local name.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// One step of a document walked event by event ([`XmlReader::next_piece`]).
pub(crate) enum Piece<'b> {
    /// A start tag, `empty` for a self-closing one (`<a/>`), which has no end tag.
    Start {
        /// The tag, its name and attributes read on demand.
        tag: Tag<'b>,
        /// Whether the tag is self-closing.
        empty: bool,
    },
    /// An end tag.
    End,
    /// Character data: text, CDATA or a reference, decoded on demand.
    Text(Text<'b>),
    /// What a document reader passes over: a declaration, comment, processing instruction
    /// or doctype.
    Other,
    /// The end of the document, outside every element (inside one, the reader gives the
    /// truncation error instead).
    Eof,
}

/// A start tag met by [`XmlReader::next_piece`].
pub(crate) struct Tag<'b> {
    start: BytesStart<'b>,
    what: &'static str,
    line: u64,
}

impl Tag<'_> {
    /// The local name of the tag; calls `f` with each attribute's name and value, as
    /// [`XmlReader::next_start`] and [`XmlReader::read_tree`] read them (the same checks and
    /// errors).
    pub fn read(&self, mut f: impl FnMut(&str, &str)) -> Result<&str> {
        match plain_start(&self.start, &mut f) {
            Some(name) => Ok(name),
            None => parse_start(&self.start, self.what, self.line, f),
        }
    }
}

/// The most attributes [`plain_start`] reads.
const MAX_PLAIN_ATTRS: usize = 8;

/// Reads a plain start tag as [`parse_start`] would, without quick-xml's general attribute
/// parser; `None`, and `f` not called, for any other tag, which [`parse_start`] then reads.
///
/// A plain tag's name and attribute names are ASCII letters, digits, `_`, `-` and `.` (no
/// namespace prefix, no `xmlns`), and its attributes are at most [`MAX_PLAIN_ATTRS`] distinct
/// `name="value"` pairs each after whitespace, with ASCII values without references. Machine-
/// written parts are made of such tags: an XLSX sheet's cells are `<c r="B2" s="0" t="s">`.
/// (On the UK sheet's 330,000 start tags, quick-xml's attribute parser took a fifth of the
/// load time, 2026-11.)
fn plain_start<'e>(e: &'e BytesStart<'_>, f: &mut impl FnMut(&str, &str)) -> Option<&'e str> {
    fn is_name_byte(b: u8) -> bool {
        b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')
    }
    let name = e.name().into_inner();
    if name.is_empty() || !name.iter().all(|&b| is_name_byte(b)) {
        return None;
    }
    let name = std::str::from_utf8(name).ok()?;
    let mut attrs = [("", ""); MAX_PLAIN_ATTRS];
    let mut count = 0;
    let mut rest = e.attributes_raw();
    loop {
        // quick-xml's whitespace is ` `, `\t`, `\r` and `\n`: a form feed, or an attribute
        // right after the last one's quote, is left to it.
        let trimmed = rest.trim_ascii_start();
        let skipped = rest.get(..rest.len() - trimmed.len())?;
        if skipped.contains(&b'\x0c') {
            return None;
        }
        if trimmed.is_empty() {
            break;
        }
        if skipped.is_empty() {
            return None;
        }
        let key_len = trimmed.iter().position(|&b| !is_name_byte(b))?;
        let (key, after) = trimmed.split_at(key_len);
        let after = after.strip_prefix(b"=\"")?;
        let value_len = after.iter().position(|&b| b == b'"')?;
        let (value, after) = after.split_at(value_len);
        if key.is_empty() || key.starts_with(b"xmlns") || !value.is_ascii() || value.contains(&b'&')
        {
            return None;
        }
        let key = std::str::from_utf8(key).ok()?;
        let value = std::str::from_utf8(value).ok()?;
        let seen = attrs.get(..count)?;
        if seen.iter().any(|&(k, _)| k == key) {
            return None;
        }
        *attrs.get_mut(count)? = (key, value);
        count += 1;
        rest = after.get(1..)?;
    }
    for &(k, v) in attrs.get(..count)? {
        f(k, v);
    }
    Some(name)
}

/// Character data met by [`XmlReader::next_piece`].
pub(crate) struct Text<'b> {
    kind: TextKind<'b>,
    what: &'static str,
    line: u64,
}

enum TextKind<'b> {
    Text(BytesText<'b>),
    CData(BytesCData<'b>),
    Ref(BytesRef<'b>),
}

impl Text<'_> {
    /// The text, a reference resolved, as [`XmlReader::read_tree`] reads it (the same checks
    /// and errors).
    pub fn decode(&self) -> Result<Cow<'_, str>> {
        match &self.kind {
            TextKind::Text(t) => t
                .decode()
                .map_err(|e| encoding_error(self.what, e, self.line)),
            TextKind::CData(t) => t
                .decode()
                .map_err(|e| encoding_error(self.what, e, self.line)),
            TextKind::Ref(r) => resolve_ref(r, self.what, self.line),
        }
    }
}

/// Counts the lines a buffered reader has handed out, for error messages.
struct Lines<R> {
    inner: R,
    newlines: u64,
}

impl<R: std::io::Read> std::io::Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.newlines += buf.get(..n).map_or(0, count_newlines);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Lines<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        if let Ok(buf) = self.inner.fill_buf() {
            self.newlines += buf.get(..amt).map_or(0, count_newlines);
        }
        self.inner.consume(amt);
    }
}

fn count_newlines(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b == b'\n').count() as u64
}

/// Walks an XML document element by element.
pub(crate) struct XmlReader<R: BufRead> {
    reader: quick_xml::Reader<Lines<R>>,
    buf: Vec<u8>,
    depth: usize,
    what: &'static str,
    /// The tree of the last record read.
    arena: Arena,
}

impl<R: BufRead> XmlReader<R> {
    /// A reader of a document; `what` names the format in error messages ("EU FSF XML").
    pub fn new(reader: R, what: &'static str) -> XmlReader<R> {
        let mut reader = quick_xml::Reader::from_reader(Lines {
            inner: reader,
            newlines: 0,
        });
        reader.config_mut().check_end_names = true;
        XmlReader {
            reader,
            buf: Vec::new(),
            depth: 0,
            what,
            arena: Arena::default(),
        }
    }

    /// The line the reader is on.
    pub fn line(&self) -> u64 {
        self.reader.get_ref().newlines + 1
    }

    /// A malformed-input error at the current line.
    pub fn error(&self, message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Malformed, message).with_line(self.line())
    }

    /// The next start tag at any depth, or `None` at the end of the document. Text and end
    /// tags in between are passed over.
    pub fn next_start(&mut self) -> Result<Option<Start>> {
        loop {
            let line = self.line();
            self.buf.clear();
            let event = self
                .reader
                .read_event_into(&mut self.buf)
                .map_err(|e| xml_error(self.what, e, line))?;
            match event {
                Event::Start(e) => {
                    enter(&mut self.depth, self.what, line)?;
                    let (name, attrs) = start_parts(&e, self.what, line)?;
                    return Ok(Some(Start {
                        name,
                        attrs,
                        line,
                        empty: false,
                        depth: self.depth,
                    }));
                }
                Event::Empty(e) => {
                    let (name, attrs) = start_parts(&e, self.what, line)?;
                    return Ok(Some(Start {
                        name,
                        attrs,
                        line,
                        empty: true,
                        depth: self.depth + 1,
                    }));
                }
                Event::End(_) => self.depth = self.depth.saturating_sub(1),
                Event::Eof => {
                    if self.depth > 0 {
                        return Err(self.truncated());
                    }
                    return Ok(None);
                }
                _ => {}
            }
        }
    }

    /// The next event of the document, for a reader that walks it event by event rather than
    /// as [`next_start`](Self::next_start) and [`read_tree`](Self::read_tree) do: the same
    /// depth limit, line numbers and errors; nothing is decoded or allocated until asked.
    pub fn next_piece(&mut self) -> Result<Piece<'_>> {
        let line = self.line();
        self.buf.clear();
        let what = self.what;
        let event = self
            .reader
            .read_event_into(&mut self.buf)
            .map_err(|e| xml_error(what, e, line))?;
        Ok(match event {
            Event::Start(start) => {
                enter(&mut self.depth, what, line)?;
                Piece::Start {
                    tag: Tag { start, what, line },
                    empty: false,
                }
            }
            Event::Empty(start) => Piece::Start {
                tag: Tag { start, what, line },
                empty: true,
            },
            Event::End(_) => {
                self.depth = self.depth.saturating_sub(1);
                Piece::End
            }
            Event::Text(t) => text_piece(TextKind::Text(t), what, line),
            Event::CData(t) => text_piece(TextKind::CData(t), what, line),
            Event::GeneralRef(r) => text_piece(TextKind::Ref(r), what, line),
            Event::Eof => {
                if self.depth > 0 {
                    return Err(truncated(what, self.reader.get_ref().newlines + 1));
                }
                Piece::Eof
            }
            Event::Decl(_) | Event::PI(_) | Event::DocType(_) | Event::Comment(_) => Piece::Other,
        })
    }

    /// The whole element whose start tag was just returned by [`next_start`](Self::next_start),
    /// read up to its end tag. The tree is valid until the reader reads on.
    pub fn read_tree(&mut self, start: Start) -> Result<Element<'_>> {
        let arena = &mut self.arena;
        arena.clear();
        let name = arena.push_str(&start.name);
        let first = arena.attrs.len();
        for (k, v) in &start.attrs {
            let k = arena.push_str(k);
            let v = arena.push_str(v);
            arena.attrs.push((k, v));
        }
        let attrs = Span {
            start: first,
            end: arena.attrs.len(),
        };
        let root = arena.add_node(name, attrs, start.line);
        if start.empty {
            return Ok(Element {
                arena: &self.arena,
                index: root,
            });
        }
        arena.open(root);
        loop {
            let line = self.line();
            self.buf.clear();
            let event = self
                .reader
                .read_event_into(&mut self.buf)
                .map_err(|e| xml_error(self.what, e, line))?;
            match event {
                Event::Start(e) => {
                    enter(&mut self.depth, self.what, line)?;
                    let index = add_start(&mut self.arena, &e, self.what, line)?;
                    self.arena.open(index);
                }
                Event::Empty(e) => {
                    add_start(&mut self.arena, &e, self.what, line)?;
                }
                Event::Text(t) => {
                    let text = t.decode().map_err(|e| encoding_error(self.what, e, line))?;
                    self.arena.add_text(&text);
                }
                Event::CData(t) => {
                    let text = t.decode().map_err(|e| encoding_error(self.what, e, line))?;
                    self.arena.add_text(&text);
                }
                Event::GeneralRef(r) => {
                    let resolved = resolve_ref(&r, self.what, line)?;
                    self.arena.add_text(&resolved);
                }
                Event::End(_) => {
                    self.depth = self.depth.saturating_sub(1);
                    if self.arena.close().is_none() {
                        return Err(self.error("internal: unbalanced elements"));
                    }
                    if self.arena.open.is_empty() {
                        return Ok(Element {
                            arena: &self.arena,
                            index: root,
                        });
                    }
                }
                Event::Eof => return Err(self.truncated()),
                _ => {}
            }
        }
    }

    /// Skips the rest of the element whose start tag was just returned.
    pub fn skip(&mut self, start: &Start) -> Result<()> {
        if start.empty {
            return Ok(());
        }
        let target = start.depth;
        loop {
            let line = self.line();
            self.buf.clear();
            let event = self
                .reader
                .read_event_into(&mut self.buf)
                .map_err(|e| xml_error(self.what, e, line))?;
            match event {
                Event::Start(_) => self.depth += 1,
                Event::End(_) => {
                    self.depth = self.depth.saturating_sub(1);
                    if self.depth < target {
                        return Ok(());
                    }
                }
                Event::Eof => return Err(self.truncated()),
                _ => {}
            }
        }
    }

    fn truncated(&self) -> Error {
        truncated(self.what, self.line())
    }
}

fn text_piece<'b>(kind: TextKind<'b>, what: &'static str, line: u64) -> Piece<'b> {
    Piece::Text(Text { kind, what, line })
}

/// The error of a document that ends inside an element.
fn truncated(what: &str, line: u64) -> Error {
    Error::new(
        ErrorKind::Malformed,
        format!("expected the rest of the {what} document, found the end of the file (truncated?)"),
    )
    .with_line(line)
}

/// One level deeper, within [`MAX_DEPTH`].
fn enter(depth: &mut usize, what: &str, line: u64) -> Result<()> {
    *depth += 1;
    if *depth > MAX_DEPTH {
        return Err(Error::new(
            ErrorKind::Malformed,
            format!(
                "expected {what} nested at most {MAX_DEPTH} elements deep, found deeper nesting"
            ),
        )
        .with_line(line));
    }
    Ok(())
}

/// The local name of a start tag; calls `f` with the name and value of each attribute.
/// Attribute names are local names, but namespace declarations keep their whole name
/// (`xmlns`, `xmlns:p`) to stay recognisable.
fn parse_start<'e>(
    e: &'e BytesStart<'_>,
    what: &str,
    line: u64,
    mut f: impl FnMut(&str, &str),
) -> Result<&'e str> {
    let name = std::str::from_utf8(e.local_name().into_inner())
        .map_err(|err| encoding_error(what, err, line))?;
    for attr in e.attributes() {
        let attr = attr.map_err(|err| xml_error(what, err.into(), line))?;
        let local = std::str::from_utf8(attr.key.local_name().into_inner())
            .map_err(|err| encoding_error(what, err, line))?;
        let key = if attr.key.as_ref().starts_with(b"xmlns") {
            String::from_utf8_lossy(attr.key.as_ref())
        } else {
            Cow::Borrowed(local)
        };
        let value = attr
            .unescape_value()
            .map_err(|err| xml_error(what, err, line))?;
        f(&key, &value);
    }
    Ok(name)
}

fn start_parts(
    e: &BytesStart<'_>,
    what: &str,
    line: u64,
) -> Result<(String, Vec<(String, String)>)> {
    let mut attrs = Vec::new();
    let name = parse_start(e, what, line, |k, v| {
        attrs.push((k.to_string(), v.to_string()));
    })?;
    Ok((name.to_string(), attrs))
}

/// Adds an element's node to the arena, as the last child of the innermost open node.
fn add_start(arena: &mut Arena, e: &BytesStart<'_>, what: &str, line: u64) -> Result<usize> {
    let first = arena.attrs.len();
    let name = parse_start(e, what, line, |k, v| {
        let k = arena.push_str(k);
        let v = arena.push_str(v);
        arena.attrs.push((k, v));
    })?;
    let attrs = Span {
        start: first,
        end: arena.attrs.len(),
    };
    let name = arena.push_str(name);
    Ok(arena.add_node(name, attrs, line))
}

fn resolve_ref(r: &BytesRef<'_>, what: &str, line: u64) -> Result<Cow<'static, str>> {
    if r.is_char_ref() {
        return match r.resolve_char_ref() {
            Ok(Some(c)) => Ok(Cow::Owned(c.to_string())),
            _ => Err(Error::new(
                ErrorKind::Malformed,
                format!("expected a valid character reference in the {what}, found an invalid one"),
            )
            .with_line(line)),
        };
    }
    let name = r.decode().map_err(|e| encoding_error(what, e, line))?;
    let text = match name.as_ref() {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        other => {
            return Err(Error::new(
                ErrorKind::Malformed,
                format!("expected a predefined XML entity in the {what}, found &{other};"),
            )
            .with_line(line));
        }
    };
    Ok(Cow::Borrowed(text))
}

fn xml_error(what: &str, e: quick_xml::Error, line: u64) -> Error {
    let kind = match &e {
        quick_xml::Error::Io(_) => ErrorKind::Io,
        quick_xml::Error::Encoding(_) => ErrorKind::Encoding,
        _ => ErrorKind::Malformed,
    };
    let message = match kind {
        ErrorKind::Encoding => format!("expected UTF-8 text in the {what}, found {e}"),
        _ => format!("expected well-formed {what}, found an error: {e}"),
    };
    Error::new(kind, message).with_line(line)
}

fn encoding_error(what: &str, e: impl std::fmt::Display, line: u64) -> Error {
    Error::new(
        ErrorKind::Encoding,
        format!("expected UTF-8 text in the {what}, found invalid bytes: {e}"),
    )
    .with_line(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the tests look at in a record: its `id`, line, `name` text and `e`'s `v`.
    #[derive(Debug)]
    struct Rec {
        id: Option<String>,
        line: u64,
        name: Option<String>,
        v: Option<String>,
    }

    fn walk(doc: &str) -> Result<Vec<Rec>> {
        let mut r = XmlReader::new(doc.as_bytes(), "test XML");
        let mut out = Vec::new();
        while let Some(start) = r.next_start()? {
            if start.name == "rec" {
                let rec = r.read_tree(start)?;
                out.push(Rec {
                    id: rec.attr("id").map(str::to_string),
                    line: rec.line(),
                    name: rec.child_text("name").map(str::to_string),
                    v: rec.child("e").and_then(|e| e.attr("v")).map(str::to_string),
                });
            }
        }
        Ok(out)
    }

    #[test]
    fn records_come_out_as_trees_with_lines_and_entities() {
        let doc = "<?xml version=\"1.0\"?>\n<x:root xmlns:x=\"urn:t\">\n<x:rec id=\"1\">\n<name>A &amp; B &#233;</name><e v=\"&lt;\"/></x:rec>\n<rec id=\"2\"/></x:root>";
        let recs = walk(doc).unwrap();
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].id.as_deref(), Some("1"));
        assert_eq!(recs[0].line, 3);
        assert_eq!(recs[0].name.as_deref(), Some("A & B é"));
        assert_eq!(recs[0].v.as_deref(), Some("<"));
        assert_eq!(recs[1].id.as_deref(), Some("2"));
        assert_eq!(recs[1].name, None);
    }

    #[test]
    fn trees_keep_order_nesting_and_split_text() {
        let doc = "<root><rec a=\"1\" b=\"2\">x<k>1</k>y<k><n>2</n>z</k>w<m/></rec><rec>\n<k>3</k></rec></root>";
        let mut r = XmlReader::new(doc.as_bytes(), "test XML");
        let mut seen = Vec::new();
        while let Some(start) = r.next_start().unwrap() {
            if start.name != "rec" {
                continue;
            }
            let rec = r.read_tree(start).unwrap();
            let attrs: Vec<_> = rec.attrs().collect();
            let kids: Vec<_> = rec.elements().map(|c| (c.name(), c.raw_text())).collect();
            let nested = rec
                .children("k")
                .filter_map(|k| k.child_text("n"))
                .collect::<Vec<_>>();
            seen.push(format!(
                "{attrs:?} {:?} {kids:?} {nested:?}",
                rec.raw_text()
            ));
        }
        assert_eq!(
            seen,
            [
                r#"[("a", "1"), ("b", "2")] "xyw" [("k", "1"), ("k", "z"), ("m", "")] ["2"]"#,
                r#"[] "\n" [("k", "3")] []"#,
            ]
        );
    }

    #[test]
    fn truncated_document_is_an_error_with_a_line() {
        let err = walk("<root>\n<rec>\n<name>A</name>\n").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Malformed);
        assert!(err.to_string().contains("truncated"), "{err}");
        assert_eq!(err.line(), Some(4));
        let err = walk("<root>\n<rec>\n<name>A</name>").unwrap_err();
        assert!(err.to_string().contains("truncated"), "{err}");
    }

    #[test]
    fn mismatched_tags_and_bad_bytes_are_errors() {
        let err = walk("<root><rec><a></b></rec></root>").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Malformed);
        let mut bytes = b"<root><rec><a>".to_vec();
        bytes.extend_from_slice(&[0xff, 0xfe]);
        bytes.extend_from_slice(b"</a></rec></root>");
        let mut r = XmlReader::new(bytes.as_slice(), "test XML");
        let mut err = None;
        while let Some(start) = r.next_start().transpose() {
            match start {
                Ok(s) if s.name == "rec" => {
                    if let Err(e) = r.read_tree(s) {
                        err = Some(e);
                        break;
                    }
                }
                Ok(_) => {}
                Err(e) => {
                    err = Some(e);
                    break;
                }
            }
        }
        assert_eq!(err.map(|e| e.kind()), Some(ErrorKind::Encoding));
    }

    #[test]
    fn plain_tags_read_as_the_general_parser_does() {
        let many = format!(
            "<c {}>",
            (0..=MAX_PLAIN_ATTRS)
                .map(|i| format!("a{i}=\"{i}\""))
                .collect::<Vec<_>>()
                .join(" ")
        );
        // The tag, and whether `plain_start` reads it (the general parser reads the others).
        let cases = [
            (r#"<c r="A1" s="0" t="s">"#, true),
            ("<v>", true),
            (r#"<c r="A1"/>"#, true),
            ("<c\tr=\"1\"\n t=\"s\" \r>", true),
            (r#"<c a="<>'" b="" c.d-e_f="x y">"#, true),
            (r#"<row r="2" x14ac:dyDescent="0.25">"#, false),
            (r#"<x:c r="1">"#, false),
            (r#"<c xmlns="urn:x">"#, false),
            (r#"<c r="A1"s="0">"#, false),
            ("<c r=\"A1\"\x0c>", false),
            ("<c r=\"A1\" \x0ct=\"s\">", false),
            ("<c r='A1'>", false),
            (r#"<c r = "A1">"#, false),
            (r#"<c r="A&amp;1">"#, false),
            (r#"<c r="Ä1">"#, false),
            (r#"<c r="1" r="2">"#, false),
            (r#"<c r="1" t>"#, false),
            ("<c r=1>", false),
            (many.as_str(), false),
        ];
        for (doc, plain) in cases {
            let mut reader = quick_xml::Reader::from_str(doc);
            let e = match reader.read_event() {
                Ok(Event::Start(e) | Event::Empty(e)) => e,
                other => panic!("{doc}: {other:?}"),
            };
            let mut fast = Vec::new();
            let name = plain_start(&e, &mut |k: &str, v: &str| {
                fast.push((k.to_string(), v.to_string()));
            });
            assert_eq!(name.is_some(), plain, "{doc}");
            let Some(name) = name else {
                assert!(fast.is_empty(), "{doc}");
                continue;
            };
            let mut general = Vec::new();
            let expected = parse_start(&e, "test XML", 1, |k, v| {
                general.push((k.to_string(), v.to_string()));
            })
            .unwrap();
            assert_eq!((name, &fast), (expected, &general), "{doc}");
        }
    }

    #[test]
    fn nesting_is_bounded() {
        let doc = "<a>".repeat(MAX_DEPTH + 5);
        let err = walk(&doc).unwrap_err();
        assert!(err.to_string().contains("nested"), "{err}");
    }
}
