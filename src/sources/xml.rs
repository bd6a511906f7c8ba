//! A streaming XML reader that hands out one record at a time as a small tree.
//!
//! List files are large (OFAC's `sdn.xml` is 20 MB) but made of independent records. The
//! readers walk the document with [`XmlReader::next_start`] and turn each record element into
//! an [`Element`] tree with [`XmlReader::read_tree`], so memory stays proportional to one
//! record plus what the reader keeps. Names are local names: namespace prefixes are dropped,
//! and each reader checks the root element's namespace itself.

use std::io::BufRead;

use quick_xml::events::{BytesStart, Event};

use crate::error::{Error, ErrorKind, Result};

/// Deepest element nesting accepted; real list files nest fewer than 12 levels.
pub(crate) const MAX_DEPTH: usize = 256;

/// One element with its attributes, text and children.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Element {
    /// Local name, without namespace prefix.
    pub name: String,
    /// Attributes by local name, in document order.
    pub attrs: Vec<(String, String)>,
    /// Child elements in document order.
    pub children: Vec<Element>,
    /// The element's own text (character data directly inside it), entities resolved.
    pub text: String,
    /// The line the element starts on.
    pub line: u64,
}

impl Element {
    /// The value of an attribute, by local name.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The first child of a name.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// Every child of a name.
    pub fn children<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The trimmed text of the first child of a name, when it has any.
    pub fn child_text(&self, name: &str) -> Option<&str> {
        self.child(name)
            .map(|c| c.text.trim())
            .filter(|t| !t.is_empty())
    }

    /// The element's own trimmed text, when it has any.
    pub fn text(&self) -> Option<&str> {
        Some(self.text.trim()).filter(|t| !t.is_empty())
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

    /// The whole element whose start tag was just returned by [`next_start`](Self::next_start),
    /// read up to its end tag.
    pub fn read_tree(&mut self, start: Start) -> Result<Element> {
        let mut stack = vec![Element {
            name: start.name,
            attrs: start.attrs,
            children: Vec::new(),
            text: String::new(),
            line: start.line,
        }];
        if start.empty {
            return stack
                .pop()
                .ok_or_else(|| self.error("internal: empty stack"));
        }
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
                    stack.push(Element {
                        name,
                        attrs,
                        children: Vec::new(),
                        text: String::new(),
                        line,
                    });
                }
                Event::Empty(e) => {
                    let (name, attrs) = start_parts(&e, self.what, line)?;
                    if let Some(parent) = stack.last_mut() {
                        parent.children.push(Element {
                            name,
                            attrs,
                            children: Vec::new(),
                            text: String::new(),
                            line,
                        });
                    }
                }
                Event::Text(t) => {
                    let text = t.decode().map_err(|e| encoding_error(self.what, e, line))?;
                    if let Some(top) = stack.last_mut() {
                        top.text.push_str(&text);
                    }
                }
                Event::CData(t) => {
                    let text = t.decode().map_err(|e| encoding_error(self.what, e, line))?;
                    if let Some(top) = stack.last_mut() {
                        top.text.push_str(&text);
                    }
                }
                Event::GeneralRef(r) => {
                    let resolved = resolve_ref(&r, self.what, line)?;
                    if let Some(top) = stack.last_mut() {
                        top.text.push_str(&resolved);
                    }
                }
                Event::End(_) => {
                    self.depth = self.depth.saturating_sub(1);
                    let Some(done) = stack.pop() else {
                        return Err(self.error("internal: unbalanced elements"));
                    };
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(done),
                        None => return Ok(done),
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
        self.error(format!(
            "expected the rest of the {} document, found the end of the file (truncated?)",
            self.what
        ))
    }
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

fn start_parts(
    e: &BytesStart<'_>,
    what: &str,
    line: u64,
) -> Result<(String, Vec<(String, String)>)> {
    let name = std::str::from_utf8(e.local_name().into_inner())
        .map_err(|err| encoding_error(what, err, line))?
        .to_string();
    let mut attrs = Vec::new();
    for attr in e.attributes() {
        let attr = attr.map_err(|err| xml_error(what, err.into(), line))?;
        let key = std::str::from_utf8(attr.key.local_name().into_inner())
            .map_err(|err| encoding_error(what, err, line))?
            .to_string();
        let key = if attr.key.as_ref().starts_with(b"xmlns") {
            // Keep namespace declarations recognisable: `xmlns` and `xmlns:p`.
            String::from_utf8_lossy(attr.key.as_ref()).into_owned()
        } else {
            key
        };
        let value = attr
            .unescape_value()
            .map_err(|err| xml_error(what, err, line))?
            .into_owned();
        attrs.push((key, value));
    }
    Ok((name, attrs))
}

fn resolve_ref(r: &quick_xml::events::BytesRef<'_>, what: &str, line: u64) -> Result<String> {
    if r.is_char_ref() {
        return match r.resolve_char_ref() {
            Ok(Some(c)) => Ok(c.to_string()),
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
    Ok(text.to_string())
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

    fn walk(doc: &str) -> Result<Vec<Element>> {
        let mut r = XmlReader::new(doc.as_bytes(), "test XML");
        let mut out = Vec::new();
        while let Some(start) = r.next_start()? {
            if start.name == "rec" {
                out.push(r.read_tree(start)?);
            }
        }
        Ok(out)
    }

    #[test]
    fn records_come_out_as_trees_with_lines_and_entities() {
        let doc = "<?xml version=\"1.0\"?>\n<x:root xmlns:x=\"urn:t\">\n<x:rec id=\"1\">\n<name>A &amp; B &#233;</name><e v=\"&lt;\"/></x:rec>\n<rec id=\"2\"/></x:root>";
        let recs = walk(doc).unwrap();
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].attr("id"), Some("1"));
        assert_eq!(recs[0].line, 3);
        assert_eq!(recs[0].child_text("name"), Some("A & B é"));
        assert_eq!(recs[0].child("e").and_then(|e| e.attr("v")), Some("<"));
        assert_eq!(recs[1].attr("id"), Some("2"));
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
    fn nesting_is_bounded() {
        let doc = "<a>".repeat(MAX_DEPTH + 5);
        let err = walk(&doc).unwrap_err();
        assert!(err.to_string().contains("nested"), "{err}");
    }
}
