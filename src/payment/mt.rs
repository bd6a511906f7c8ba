//! SWIFT FIN (MT) messages: MT103, MT202 and MT202COV.
//!
//! A message is a run of blocks: `{1:basic header}{2:application header}{3:{108:..}{119:COV}}`
//! `{4:` CRLF `:20:REF` CRLF `...` CRLF `-}{5:{CHK:..}}`; `\n` line ends are accepted as well
//! as `\r\n`, and messages may follow each other with white space (or the `$` of RJE files)
//! between them. The message type is in block 2 (`I103...`, `O202...`); an MT202 with
//! `{119:COV}` in block 3 is an MT202COV, whose sequence B (from its field 50a on) carries
//! the underlying customer credit transfer; its fields are named `B/50K`, `B/59`, `B/70`.
//!
//! Party fields are read by option: A (optional `/account` line, then a BIC), B (location),
//! C (account), D and K and 59 without option (optional `/account` line, name, address
//! lines), F (party identifier, then numbered lines `1/NAME`, `2/ADDRESS`, `3/CC/TOWN`,
//! `4/YYYYMMDD` birth date, ...). The sender and receiver of the header blocks are parties
//! too, screened by BIC.
//!
//! ```
//! use sanctions::model::PartialDate;
//! use sanctions::payment::{PartyRole, mt};
//!
//! let fin = "{1:F01DEUTDEFFAXXX0000000000}{2:I103COBADEFFXXXXN}{4:\r\n\
//!     :20:REF-2\r\n:32A:240105EUR1000,\r\n\
//!     :50F:/DE89370400440532013000\r\n1/PRIGOZHIN, YEVGENIY\r\n3/RU/ST. PETERSBURG\r\n4/19610601\r\n\
//!     :59:/KZ86125KZT5004100100\r\nKAZSTANEX LLP\r\n-}";
//! let message = &mt::read(fin.as_bytes())?[0];
//! let debtor = message.parties().iter().find(|p| p.role() == PartyRole::Debtor).ok_or("debtor")?;
//! assert_eq!(debtor.name(), Some("PRIGOZHIN, YEVGENIY"));
//! assert_eq!(debtor.country(), Some("RU"));
//! assert_eq!(debtor.birth_date(), PartialDate::new(1961, Some(6), Some(1)));
//! assert_eq!(debtor.account(), Some("DE89370400440532013000"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use super::{
    FieldKind, MAX_FIELD_BYTES, Message, MessageType, Party, PartyRole, ReadIssue, bic_country,
    is_bic, is_country, too_long,
};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{EntityKind, PartialDate};

/// The deepest nesting of braces in a header or trailer block (`{3:{108:X}}` is 2).
const MAX_BLOCK_DEPTH: usize = 2;

/// Reads every MT message of an input.
///
/// # Errors
///
/// [`ErrorKind::Encoding`] when the input is not UTF-8; [`ErrorKind::Malformed`] with the
/// line when a block is unterminated, unknown or missing, when the message type is not 103 or
/// 202, or when a field is longer than [`MAX_FIELD_BYTES`].
///
/// ```
/// use sanctions::payment::{mt, MessageType};
///
/// let fin = "{1:F01DEUTDEFFAXXX0000000000}{2:I103COBADEFFXXXXN}{4:\n:20:REF-1\n:70:INVOICE 7\n-}";
/// let messages = mt::read(fin.as_bytes())?;
/// assert_eq!(messages[0].message_type(), MessageType::Mt103);
/// assert_eq!(messages[0].reference(), Some("REF-1"));
/// assert_eq!(messages[0].field("70").map(|f| f.line()), Some(3));
/// # Ok::<(), sanctions::Error>(())
/// ```
pub fn read(input: &[u8]) -> Result<Vec<Message>> {
    let text = std::str::from_utf8(input).map_err(|e| {
        let line = input
            .get(..e.valid_up_to())
            .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count()) as u64
            + 1;
        Error::new(
            ErrorKind::Encoding,
            format!(
                "expected UTF-8 text in the SWIFT MT message, found invalid bytes at byte {}",
                e.valid_up_to()
            ),
        )
        .with_line(line)
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut cur = Cursor {
        text,
        pos: 0,
        line: 1,
    };
    let mut messages = Vec::new();
    loop {
        cur.skip_separators();
        if cur.at_end() {
            break;
        }
        let blocks = read_blocks(&mut cur)?;
        let message = build(blocks, messages.len())?;
        messages.push(message);
    }
    Ok(messages)
}

/// A position in the input.
struct Cursor<'a> {
    text: &'a str,
    pos: usize,
    line: u64,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        self.text.get(self.pos..).unwrap_or("")
    }

    fn at_end(&self) -> bool {
        self.pos >= self.text.len()
    }

    /// Moves on by `n` bytes (on a character boundary), counting lines.
    fn advance(&mut self, n: usize) {
        let end = (self.pos + n).min(self.text.len());
        let passed = self.text.get(self.pos..end).unwrap_or("");
        self.line += passed.bytes().filter(|&b| b == b'\n').count() as u64;
        self.pos = end;
    }

    /// Skips white space and message separators (`$` of RJE files, SOH and ETX).
    fn skip_separators(&mut self) {
        let n = self
            .rest()
            .bytes()
            .take_while(|b| b.is_ascii_whitespace() || matches!(b, b'$' | 0x01 | 0x03))
            .count();
        self.advance(n);
    }

    /// What comes next, shown in an error.
    fn found(&self) -> String {
        let rest = self.rest();
        if rest.is_empty() {
            return "the end of the input".to_string();
        }
        let shown: String = rest.chars().take(20).collect();
        format!("{shown:?}")
    }

    fn error(&self, message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Malformed, message).with_line(self.line)
    }
}

/// One block of a message: its id, its content, and the line its content starts on.
struct Block<'a> {
    id: &'a str,
    content: &'a str,
    line: u64,
}

/// The blocks of one message, starting at `{1:`.
fn read_blocks<'a>(cur: &mut Cursor<'a>) -> Result<(u64, Vec<Block<'a>>)> {
    let start = cur.line;
    if !cur.rest().starts_with("{1:") {
        return Err(cur.error(format!(
            "expected a SWIFT message starting with block {{1:, found {}",
            cur.found()
        )));
    }
    let mut blocks: Vec<Block<'a>> = Vec::new();
    while cur.rest().starts_with('{') {
        let rest = cur.rest();
        let Some(colon) = rest.get(1..5).and_then(|h| h.find(':')) else {
            return Err(cur.error(format!(
                "expected a block id and a colon after {{, found {}",
                cur.found()
            )));
        };
        let id = rest.get(1..1 + colon).unwrap_or("");
        if !matches!(id, "1" | "2" | "3" | "4" | "5" | "S") {
            return Err(cur.error(format!(
                "expected a block {{1: to {{5: or {{S:, found {{{id}:"
            )));
        }
        if id == "1" && !blocks.is_empty() {
            break; // the next message
        }
        if blocks.iter().any(|b| b.id == id) {
            return Err(cur.error(format!("expected block {{{id}: once, found it twice")));
        }
        let open = cur.line;
        cur.advance(colon + 2);
        let content_start = cur.pos;
        let content_line = cur.line;
        if id == "4" {
            // Block 4 ends at a line "-}"; its text may hold any character but that line.
            let rest = cur.rest();
            let end = if rest.starts_with("-}") {
                Some(0)
            } else {
                rest.find("\n-}").map(|i| i + 1)
            };
            let Some(end) = end else {
                return Err(Error::new(
                    ErrorKind::Malformed,
                    "expected block 4 to end with a line \"-}\", found the end of the input (unterminated block)",
                )
                .with_line(open));
            };
            let content = rest.get(..end).unwrap_or("");
            cur.advance(end + 2);
            blocks.push(Block {
                id,
                content,
                line: content_line,
            });
            continue;
        }
        // Other blocks: up to the matching brace, nesting at most MAX_BLOCK_DEPTH.
        let mut depth = 1usize;
        let mut end = None;
        for (i, b) in cur.rest().bytes().enumerate() {
            match b {
                b'{' => {
                    depth += 1;
                    if depth > MAX_BLOCK_DEPTH {
                        let mut at = Cursor {
                            text: cur.text,
                            pos: cur.pos,
                            line: cur.line,
                        };
                        at.advance(i);
                        return Err(at.error(format!(
                            "expected block {{{id}: nested at most {MAX_BLOCK_DEPTH} braces deep, found deeper nesting"
                        )));
                    }
                }
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(i);
                        break;
                    }
                }
                b'\n' if id == "1" || id == "2" => break,
                _ => {}
            }
        }
        let Some(end) = end else {
            return Err(Error::new(
                ErrorKind::Malformed,
                format!(
                    "expected }} closing block {{{id}:, found {} (unterminated block)",
                    if id == "1" || id == "2" {
                        "the end of the line"
                    } else {
                        "the end of the input"
                    }
                ),
            )
            .with_line(open));
        };
        let content = cur
            .text
            .get(content_start..content_start + end)
            .unwrap_or("");
        cur.advance(end + 1);
        blocks.push(Block {
            id,
            content,
            line: content_line,
        });
    }
    Ok((start, blocks))
}

/// The type of a message from block 2 and block 3.
fn message_type(b2: &Block<'_>, cov: bool) -> Result<MessageType> {
    let direction = b2.content.get(..1).unwrap_or("");
    let code = b2.content.get(1..4).unwrap_or("");
    if !matches!(direction, "I" | "O")
        || !code.bytes().all(|b| b.is_ascii_digit())
        || code.len() < 3
    {
        let shown: String = b2.content.chars().take(20).collect();
        return Err(Error::new(
            ErrorKind::Malformed,
            format!("expected block 2 to start with I or O and a message type of three digits, found {shown:?}"),
        )
        .with_line(b2.line));
    }
    match (code, cov) {
        ("103", _) => Ok(MessageType::Mt103),
        ("202", true) => Ok(MessageType::Mt202Cov),
        ("202", false) => Ok(MessageType::Mt202),
        (other, _) => Err(Error::new(
            ErrorKind::Malformed,
            format!("expected message type 103 or 202 (202COV with {{119:COV}}), found {other}"),
        )
        .with_line(b2.line)),
    }
}

/// The sub-blocks `{tag:value}` of a header or trailer block.
fn sub_blocks(content: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    for part in content.split('{').skip(1) {
        let part = part.trim_end_matches('}');
        match part.split_once(':') {
            Some((tag, value)) => out.push((tag, value)),
            None => out.push((part, "")),
        }
    }
    out
}

/// Builds a message from its blocks.
fn build((line, blocks): (u64, Vec<Block<'_>>), index: usize) -> Result<Message> {
    let find = |id: &str| blocks.iter().find(|b| b.id == id);
    let Some(b2) = find("2") else {
        return Err(Error::new(
            ErrorKind::Malformed,
            "expected block {2: with the message type, found none",
        )
        .with_line(line));
    };
    let Some(b4) = find("4") else {
        return Err(Error::new(
            ErrorKind::Malformed,
            "expected block {4: with the message text, found none",
        )
        .with_line(line));
    };
    let b3: Vec<(&str, &str)> = find("3").map(|b| sub_blocks(b.content)).unwrap_or_default();
    let cov = b3.iter().any(|&(t, v)| t == "119" && v == "COV");
    let message_type = message_type(b2, cov)?;
    let mut message = Message {
        message_type,
        index,
        line,
        reference: None,
        fields: Vec::new(),
        parties: Vec::new(),
        issues: Vec::new(),
    };
    header_parties(&mut message, find("1"), b2);
    if let Some(b) = find("3") {
        for (tag, value) in &b3 {
            push_field(
                &mut message,
                format!("{{3:}}/{tag}"),
                value,
                FieldKind::Other,
                b.line,
            )?;
        }
    }
    read_block4(&mut message, b4)?;
    if let Some(b) = find("5") {
        for (tag, value) in sub_blocks(b.content) {
            push_field(
                &mut message,
                format!("{{5:}}/{tag}"),
                value,
                FieldKind::Other,
                b.line,
            )?;
        }
    }
    if message.reference.is_none() {
        message.issues.push(ReadIssue::new(
            b4.line,
            None,
            "expected field :20: (the sender's reference), found none",
        ));
    }
    message.issues.sort_by_key(|i| i.line);
    message.link_parties();
    Ok(message)
}

fn push_field(
    message: &mut Message,
    name: String,
    value: &str,
    kind: FieldKind,
    line: u64,
) -> Result<()> {
    if value.len() > MAX_FIELD_BYTES {
        return Err(too_long(&name, value.len(), line));
    }
    message.fields.push(super::Field {
        name,
        value: value.to_string(),
        kind,
        line,
        transaction: None,
    });
    Ok(())
}

/// The sender and receiver BICs of blocks 1 and 2, as parties.
fn header_parties(message: &mut Message, b1: Option<&Block<'_>>, b2: &Block<'_>) {
    // Block 1: F01 + logical terminal (BIC8, terminal letter, branch) + session + sequence.
    let lt1 = b1.and_then(|b| b.content.get(3..15));
    // Block 2 input: I + type + receiver's logical terminal; output: O + type + input time +
    // the input reference (date, sender's logical terminal, session, sequence).
    let output = b2.content.starts_with('O');
    let lt2 = if output {
        b2.content.get(14..26)
    } else {
        b2.content.get(4..16)
    };
    let mut add = |role: PartyRole, block: &str, lt: Option<&str>, content: &str, line: u64| {
        let field = format!("{{{block}:}}");
        message.fields.push(super::Field {
            name: field.clone(),
            value: content.chars().take(MAX_FIELD_BYTES).collect(),
            kind: FieldKind::Other,
            line,
            transaction: None,
        });
        let bic = lt.and_then(|lt| Some(format!("{}{}", lt.get(..8)?, lt.get(9..12)?)));
        match bic {
            Some(bic) if is_bic(&bic) => {
                let mut party = Party::new(role, field.clone());
                party.country = bic_country(&bic);
                party.bic = Some(bic);
                party.bic_field = Some(field);
                party.kind = EntityKind::Organization;
                message.parties.push(party);
            }
            _ => message.issues.push(ReadIssue::new(
                line,
                Some(&field),
                format!(
                    "expected a logical terminal address (BIC, terminal, branch), found {:?}: not screened",
                    lt.unwrap_or(content)
                ),
            )),
        }
    };
    if let Some(b1) = b1 {
        let role = if output {
            PartyRole::Receiver
        } else {
            PartyRole::Sender
        };
        add(role, "1", lt1, b1.content, b1.line);
    }
    let role = if output {
        PartyRole::Sender
    } else {
        PartyRole::Receiver
    };
    add(role, "2", lt2, b2.content, b2.line);
}

/// How a field is read: party fields give their role and the options the standard allows
/// (a space for none).
#[derive(Clone, Copy)]
enum Tag {
    Other,
    Text,
    Party(PartyRole, &'static str),
}

/// The fields of the MT103 and of both sequences of the MT202 / MT202COV, by tag without
/// option (with it for the few tags that have one option only); `None` for a tag the type
/// does not have.
fn tag_of(message_type: MessageType, seq_b: bool, tag: &str) -> Option<Tag> {
    use PartyRole::*;
    let mt103 = message_type == MessageType::Mt103;
    let customer = mt103 || seq_b;
    match tag {
        "20" | "13C" | "32A" => return Some(Tag::Other),
        "23B" | "23E" | "26T" | "36" | "71A" | "71F" | "71G" if mt103 => return Some(Tag::Other),
        "33B" if customer => return Some(Tag::Other),
        "21" if !mt103 && !seq_b => return Some(Tag::Other),
        "70" if customer => return Some(Tag::Text),
        "72" => return Some(Tag::Text),
        "77B" | "77T" if mt103 => return Some(Tag::Text),
        _ => {}
    }
    Some(match split_tag(tag).0 {
        "50" if customer => Tag::Party(Debtor, "AFK"),
        "51" if mt103 => Tag::Party(SendingInstitution, "A"),
        "52" if customer => Tag::Party(DebtorAgent, "AD"),
        "52" => Tag::Party(Debtor, "AD"),
        "53" if !seq_b => Tag::Party(SendersCorrespondent, "ABD"),
        "54" if !seq_b => Tag::Party(ReceiversCorrespondent, "ABD"),
        "55" if mt103 => Tag::Party(ThirdReimbursementInstitution, "ABD"),
        "56" => Tag::Party(IntermediaryAgent, "ACD"),
        "57" => Tag::Party(CreditorAgent, "ABCD"),
        "58" if !customer => Tag::Party(Creditor, "AD"),
        "59" if customer => Tag::Party(Creditor, " AF"),
        _ => return None,
    })
}

/// Splits block 4 into fields and reads each by its tag.
fn read_block4(message: &mut Message, b4: &Block<'_>) -> Result<()> {
    // Split into fields: a line starting ":TAG:" opens one.
    let mut fields: Vec<(String, String, u64)> = Vec::new();
    for (line, raw) in (b4.line..).zip(b4.content.split('\n')) {
        let text = raw.strip_suffix('\r').unwrap_or(raw);
        if let Some((tag, value)) = field_start(text) {
            fields.push((tag.to_string(), value.to_string(), line));
        } else if let Some(last) = fields.last_mut() {
            if text.starts_with(':') {
                message.issues.push(ReadIssue::new(
                    line,
                    Some(&last.0),
                    format!("expected a field tag such as :70:, found the line {text:?}: kept as a line of field {}", last.0),
                ));
            }
            // The length is checked once the field is whole (`push_field`): memory stays
            // linear in the input meanwhile.
            last.1.push('\n');
            last.1.push_str(text);
        } else if !text.trim().is_empty() {
            let shown: String = text.chars().take(20).collect();
            return Err(Error::new(
                ErrorKind::Malformed,
                format!(
                    "expected a field tag such as :20: at the start of block 4, found {shown:?}"
                ),
            )
            .with_line(line));
        }
    }
    let mut seq_b = false;
    // How often each field name was seen: a repeated field is named with its occurrence
    // (`72[2]`), so that every field of a message, and every hit, has a name of its own.
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (tag, value, line) in fields {
        // A trailing empty line before "-}" is no part of the last field.
        let value = value.trim_end_matches(['\n', ' ']).to_string();
        let (number, option) = split_tag(&tag);
        if message.message_type == MessageType::Mt202Cov && number == "50" {
            seq_b = true;
        }
        let name = if seq_b {
            format!("B/{tag}")
        } else {
            tag.clone()
        };
        let count = seen.entry(name.clone()).or_insert(0);
        *count += 1;
        let name = if *count == 1 {
            name
        } else {
            let numbered = format!("{name}[{count}]");
            // SWIFT MT103 and MT202(COV) allow :13C: (time indication) and :71F: (sender's
            // charges) to repeat; any other field once per sequence.
            if !matches!(number, "13" | "71") {
                message.issues.push(ReadIssue::new(
                    line,
                    Some(&numbered),
                    format!(
                        "expected field :{tag}: once in the {}, found it again: named {numbered}",
                        message.message_type
                    ),
                ));
            }
            numbered
        };
        if tag == "20" && message.reference.is_none() {
            message.reference = Some(value.trim().to_string());
        }
        let kind = match tag_of(message.message_type, seq_b, &tag) {
            None => {
                message.issues.push(ReadIssue::new(
                    line,
                    Some(&name),
                    format!(
                        "expected a field of the {}, found unknown field :{tag}:: scanned as free text",
                        message.message_type
                    ),
                ));
                FieldKind::Text
            }
            Some(Tag::Other) => FieldKind::Other,
            Some(Tag::Text) => FieldKind::Text,
            Some(Tag::Party(role, options)) => {
                let option = option.unwrap_or(' ');
                if !options.contains(option) {
                    let allowed: Vec<String> = options
                        .chars()
                        .map(|o| format!("{number}{}", o.to_string().trim()))
                        .collect();
                    message.issues.push(ReadIssue::new(
                        line,
                        Some(&name),
                        format!(
                            "expected option {} in the {}, found {tag}: read as name and address",
                            allowed.join(", "),
                            message.message_type
                        ),
                    ));
                }
                let party = read_party(message, role, &name, option, &value, line);
                message.parties.push(party);
                FieldKind::Party
            }
        };
        push_field(message, name, &value, kind, line)?;
    }
    Ok(())
}

/// `:TAG:value` → (tag, value) when the line opens a field: two digits and an optional
/// capital letter.
fn field_start(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix(':')?;
    let end = rest.find(':')?;
    let tag = rest.get(..end)?;
    let b = tag.as_bytes();
    let ok = match b {
        [d1, d2] => d1.is_ascii_digit() && d2.is_ascii_digit(),
        [d1, d2, o] => d1.is_ascii_digit() && d2.is_ascii_digit() && o.is_ascii_uppercase(),
        _ => false,
    };
    ok.then(|| (tag, rest.get(end + 1..).unwrap_or("")))
}

/// `50K` → (`50`, `Some('K')`); `59` → (`59`, `None`).
fn split_tag(tag: &str) -> (&str, Option<char>) {
    match (tag.get(..2), tag.get(2..).and_then(|o| o.chars().next())) {
        (Some(n), Some(o)) => (n, Some(o)),
        _ => (tag, None),
    }
}

/// Reads a party field by its option.
fn read_party(
    message: &mut Message,
    role: PartyRole,
    name: &str,
    option: char,
    value: &str,
    line: u64,
) -> Party {
    let mut party = Party::new(role, name);
    party.name_field = Some(name.to_string());
    if !matches!(role, PartyRole::Debtor | PartyRole::Creditor)
        || message.message_type != MessageType::Mt103 && !name.starts_with("B/")
    {
        party.kind = EntityKind::Organization;
    }
    let mut lines: Vec<&str> = value.split('\n').collect();
    let mut issue = |reason: String| {
        message
            .issues
            .push(ReadIssue::new(line, Some(name), reason))
    };
    // The party identifier line: "/account", "/C/account", "//CH123456".
    let takes_id = matches!(option, 'A' | 'B' | 'D' | 'K' | ' ' | 'C');
    if takes_id && lines.first().is_some_and(|l| l.starts_with('/')) {
        party.account = Some(lines.remove(0).trim_start_matches('/').trim().to_string());
    }
    match option {
        'A' => {
            let bic = lines.first().map(|l| l.trim()).unwrap_or("");
            if is_bic(bic) {
                party.country = bic_country(bic);
                party.bic = Some(bic.to_string());
                party.bic_field = Some(name.to_string());
                party.name_field = None;
            } else {
                issue(format!(
                    "expected a BIC of 8 or 11 letters and digits, found {bic:?}: scanned as free text"
                ));
            }
            if lines.len() > 1 {
                issue(format!(
                    "expected an account line and a BIC, found {} more lines: scanned as free text",
                    lines.len() - 1
                ));
            }
        }
        'B' => {
            party.name_field = None;
            party.address = lines.iter().map(|l| l.trim().to_string()).collect();
        }
        'C' => {
            party.name_field = None;
            if !lines.is_empty() {
                issue(format!(
                    "expected an account alone, found {} more lines: scanned as free text",
                    lines.len()
                ));
            }
        }
        'F' => {
            let issues = &mut message.issues;
            read_option_f(&mut party, &lines, &mut |i, reason| {
                issues.push(ReadIssue::new(line + i as u64, Some(name), reason));
            });
        }
        _ => {
            let mut rest = lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty());
            match rest.next() {
                Some(n) => party.name = Some(n.to_string()),
                None => {
                    party.name_field = None;
                    issue(
                        "expected a name line, found none: nothing screened as a name".to_string(),
                    );
                }
            }
            party.address = rest.map(str::to_string).collect();
        }
    }
    party
}

/// Option F: a party identifier line, then numbered lines `n/text`. `issue` takes the
/// position of the line in the field.
fn read_option_f(party: &mut Party, lines: &[&str], issue: &mut impl FnMut(usize, String)) {
    let mut names: Vec<&str> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let numbered = line
            .split_once('/')
            .filter(|(n, _)| n.len() == 1 && n.bytes().all(|b| b.is_ascii_digit()));
        let Some((n, text)) = numbered else {
            if i == 0 {
                // "/account" or "CODE/CC/identifier".
                party.account = Some(line.trim_start_matches('/').trim().to_string());
            } else {
                issue(
                    i,
                    format!(
                        "expected a numbered line such as 1/NAME, found {line:?}: scanned as free text"
                    ),
                );
            }
            continue;
        };
        let text = text.trim();
        match n {
            "1" => names.push(text),
            "2" => party.address.push(text.to_string()),
            "3" => {
                let (cc, town) = text.split_once('/').unwrap_or((text, ""));
                if is_country(cc) {
                    party.country = Some(cc.to_string());
                } else {
                    issue(
                        i,
                        format!(
                            "expected 3/ and a two-letter country code, found {line:?}: country not used"
                        ),
                    );
                }
                if !town.trim().is_empty() {
                    party.address.push(town.trim().to_string());
                }
            }
            "4" => {
                party.kind = EntityKind::Person;
                match birth_date(text) {
                    Some(d) => party.birth_date = Some(d),
                    None => issue(
                        i,
                        format!(
                            "expected 4/ and a birth date YYYYMMDD, found {line:?}: date not used"
                        ),
                    ),
                }
            }
            "5" | "6" | "7" | "8" => {
                if n == "5" {
                    party.kind = EntityKind::Person;
                }
            }
            _ => issue(
                i,
                format!("expected a line numbered 1 to 8, found {line:?}: scanned as free text"),
            ),
        }
    }
    if names.is_empty() {
        party.name_field = None;
        issue(
            0,
            "expected a name line 1/, found none: nothing screened as a name".to_string(),
        );
    } else {
        party.name = Some(names.join(" "));
    }
}

/// `YYYYMMDD` → a date.
fn birth_date(text: &str) -> Option<PartialDate> {
    if text.len() != 8 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y = text.get(..4)?.parse().ok()?;
    let m = text.get(4..6)?.parse().ok()?;
    let d = text.get(6..8)?.parse().ok()?;
    PartialDate::new(y, Some(m), Some(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_tags() {
        let cases = [
            (":20:REF", Some(("20", "REF"))),
            (":50K:/123", Some(("50K", "/123"))),
            (
                ":13C:/SNDTIME/1200+0100",
                Some(("13C", "/SNDTIME/1200+0100")),
            ),
            (":5:X", None),
            (":50k:X", None),
            ("20:X", None),
            (":ABC:X", None),
        ];
        for (line, want) in cases {
            assert_eq!(field_start(line), want, "{line}");
        }
    }

    #[test]
    fn dates_of_birth() {
        assert_eq!(
            birth_date("19610601"),
            PartialDate::new(1961, Some(6), Some(1))
        );
        assert_eq!(birth_date("19611301"), None);
        assert_eq!(birth_date("1961"), None);
    }
}
