//! ISO 20022 pacs.008 (FI to FI customer credit transfer) and pacs.009 (financial
//! institution credit transfer, and its COV form).
//!
//! The message is found by the `Document` namespace
//! (`urn:iso:std:iso:20022:tech:xsd:pacs.008.001.NN`, `pacs.009.001.NN`) or by its element,
//! `FIToFICstmrCdtTrf` or `FICdtTrf`, at any depth: a bare document, or documents inside an
//! envelope, each message taking the business application header (`AppHdr`) before it. Every
//! element with text becomes a [`Field`] named by its path below the message
//! element (`GrpHdr/MsgId`, `CdtTrfTxInf[1]/Cdtr/Nm`); header fields start with `AppHdr/`.
//! Parties are read per transaction: `Dbtr`, `Cdtr`, `UltmtDbtr`, `UltmtCdtr`, `InitgPty`,
//! the agents (`DbtrAgt`, `CdtrAgt`, `IntrmyAgt1` to `3`, `InstgAgt`, `InstdAgt`,
//! `PrvsInstgAgt1` to `3`, the reimbursement agents), the parties of structured remittance
//! information, and those of the underlying customer credit transfer of a COV.
//!
//! ```
//! use sanctions::payment::{FieldKind, MessageType, iso20022};
//!
//! let xml = r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.10"><FIToFICstmrCdtTrf>
//!   <GrpHdr><MsgId>MSG-1</MsgId></GrpHdr>
//!   <CdtTrfTxInf><PmtId><EndToEndId>E2E-1</EndToEndId></PmtId>
//!     <Cdtr><Nm>KAZSTANEX LLP</Nm></Cdtr>
//!     <RmtInf><Ustrd>Invoice 7</Ustrd><Ustrd>Almaty</Ustrd></RmtInf>
//!   </CdtTrfTxInf></FIToFICstmrCdtTrf></Document>"#;
//! let message = &iso20022::read(xml.as_bytes())?[0];
//! assert_eq!(message.message_type(), MessageType::Pacs008);
//! let second = message.field("CdtTrfTxInf[1]/RmtInf/Ustrd[2]").ok_or("field")?;
//! assert_eq!((second.value(), second.kind()), ("Almaty", FieldKind::Text));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::{
    Field, FieldKind, MAX_DEPTH, MAX_FIELD_BYTES, MAX_NAME_BYTES, MAX_PATH_BYTES, Message,
    MessageType, Party, PartyRole, ReadIssue, bic_country, is_bic, is_country, too_long,
};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{EntityKind, PartialDate};
use crate::sources::xml::{Element, XmlReader};

/// Names the format in error messages.
const WHAT: &str = "ISO 20022 XML";

/// The prefix of ISO 20022 message namespaces.
const NAMESPACE: &str = "urn:iso:std:iso:20022:tech:xsd:";

/// Elements that may repeat: their path always carries their position.
const REPEATABLE: &[&str] = &[
    "CdtTrfTxInf",
    "Ustrd",
    "Strd",
    "AdrLine",
    "AddtlRmtInf",
    "RfrdDocInf",
    "InstrForCdtrAgt",
    "InstrForNxtAgt",
    "RgltryRptg",
    "Dtls",
    "Othr",
    "RltdRmtInf",
    "ChrgsInf",
    "Inf",
    "LineDtls",
    "Purp",
    "SplmtryData",
];

/// Free-text leaves, scanned for listed names.
const TEXT: &[&str] = &[
    "Ustrd",
    "AddtlRmtInf",
    "InstrInf",
    "AdrLine",
    "StrtNm",
    "BldgNm",
    "TwnNm",
    "TwnLctnNm",
    "DstrctNm",
    "CtrySubDvsn",
    "Dept",
    "SubDept",
    "CityOfBirth",
    "AddtlInf",
    "Inf",
];

/// Leaves that hold a BIC.
const BIC: &[&str] = &["BICFI", "BIC", "AnyBIC", "BICOrBEI"];

/// Reads every pacs.008 and pacs.009 message of an ISO 20022 document.
///
/// # Errors
///
/// [`ErrorKind::Malformed`] with the line when the XML is not well formed or cut short, when
/// a `Document` has the namespace of another message, when no `FIToFICstmrCdtTrf` or
/// `FICdtTrf` is found, or when a field, an element name or the nesting exceeds the module's
/// bounds; [`ErrorKind::Encoding`] when the text is not UTF-8.
///
/// ```
/// use sanctions::payment::{iso20022, MessageType};
///
/// let xml = r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08">
///   <FIToFICstmrCdtTrf><GrpHdr><MsgId>M-1</MsgId></GrpHdr>
///     <CdtTrfTxInf><PmtId><EndToEndId>E2E-1</EndToEndId></PmtId>
///       <Cdtr><Nm>KAZSTANEX LLP</Nm><PstlAdr><Ctry>KZ</Ctry></PstlAdr></Cdtr>
///     </CdtTrfTxInf></FIToFICstmrCdtTrf></Document>"#;
/// let messages = iso20022::read(xml.as_bytes())?;
/// let m = &messages[0];
/// assert_eq!((m.message_type(), m.reference()), (MessageType::Pacs008, Some("M-1")));
/// let cdtr = m.field("CdtTrfTxInf[1]/Cdtr/Nm").unwrap();
/// assert_eq!((cdtr.value(), cdtr.transaction()), ("KAZSTANEX LLP", Some("E2E-1")));
/// assert_eq!(m.parties()[0].country(), Some("KZ"));
/// # Ok::<(), sanctions::Error>(())
/// ```
pub fn read(input: &[u8]) -> Result<Vec<Message>> {
    let mut r = XmlReader::new(input, WHAT);
    let mut messages = Vec::new();
    let mut root: Option<(String, u64)> = None;
    // The type the enclosing Document's namespace gives, and that Document's depth.
    let mut document: Option<(Option<MessageType>, usize)> = None;
    let mut header: Option<Parts> = None;
    while let Some(start) = r.next_start()? {
        if start.name.len() > MAX_NAME_BYTES {
            return Err(long_name(start.name.len(), start.line));
        }
        if root.is_none() {
            root = Some((start.name.clone(), start.line));
        }
        if let Some((_, depth)) = document {
            if start.depth <= depth {
                document = None;
            }
        }
        match start.name.as_str() {
            "Document" => {
                let ns = start
                    .attrs
                    .iter()
                    .find(|(k, v)| k.starts_with("xmlns") && v.starts_with(NAMESPACE))
                    .map(|(_, v)| v.as_str());
                let kind = match ns {
                    Some(ns) => Some(namespace_type(ns).ok_or_else(|| {
                        Error::new(
                            ErrorKind::Malformed,
                            format!(
                                "expected the namespace of a pacs.008 or pacs.009 document ({NAMESPACE}pacs.008.001.NN), found {ns}"
                            ),
                        )
                        .with_line(start.line)
                    })?),
                    None => None,
                };
                document = Some((kind, start.depth));
            }
            "AppHdr" => {
                let tree = r.read_tree(start)?;
                let mut parts = Parts::default();
                let mut path = String::from("AppHdr");
                walk(tree, &mut path, 1, &mut parts, &Context::header())?;
                header = Some(parts);
            }
            "FIToFICstmrCdtTrf" | "FICdtTrf" => {
                let found = if start.name == "FICdtTrf" {
                    MessageType::Pacs009
                } else {
                    MessageType::Pacs008
                };
                if let Some((Some(expected), _)) = document {
                    if expected != found {
                        return Err(Error::new(
                            ErrorKind::Malformed,
                            format!(
                                "expected {} in a {expected} document, found {}",
                                root_of(expected),
                                start.name
                            ),
                        )
                        .with_line(start.line));
                    }
                }
                let line = start.line;
                let tree = r.read_tree(start)?;
                let message = read_message(tree, found, messages.len(), line, header.take())?;
                messages.push(message);
            }
            other => {
                if let Some((_, depth)) = document {
                    if start.depth == depth + 1 {
                        return Err(Error::new(
                            ErrorKind::Malformed,
                            format!(
                                "expected FIToFICstmrCdtTrf or FICdtTrf in the Document, found {other}"
                            ),
                        )
                        .with_line(start.line));
                    }
                }
            }
        }
    }
    if messages.is_empty() {
        let found = match root {
            Some((name, line)) => {
                return Err(Error::new(
                    ErrorKind::Malformed,
                    format!(
                        "expected a pacs.008 or pacs.009 message (FIToFICstmrCdtTrf or FICdtTrf), found none under the root element {name}"
                    ),
                )
                .with_line(line));
            }
            None => "no element",
        };
        return Err(Error::new(
            ErrorKind::Malformed,
            format!("expected an ISO 20022 XML document, found {found}"),
        )
        .with_line(r.line()));
    }
    Ok(messages)
}

/// The message type of a namespace, `None` for another message than pacs.008 and pacs.009.
fn namespace_type(ns: &str) -> Option<MessageType> {
    let id = ns.strip_prefix(NAMESPACE)?;
    if id.starts_with("pacs.008.") {
        Some(MessageType::Pacs008)
    } else if id.starts_with("pacs.009.") {
        Some(MessageType::Pacs009)
    } else {
        None
    }
}

fn root_of(t: MessageType) -> &'static str {
    match t {
        MessageType::Pacs008 => "FIToFICstmrCdtTrf",
        _ => "FICdtTrf",
    }
}

fn long_name(len: usize, line: u64) -> Error {
    Error::new(
        ErrorKind::Malformed,
        format!(
            "expected an element name of at most {MAX_NAME_BYTES} bytes, found one of {len} bytes"
        ),
    )
    .with_line(line)
}

/// What a walk gathers.
#[derive(Default)]
struct Parts {
    fields: Vec<Field>,
    parties: Vec<Party>,
    issues: Vec<ReadIssue>,
}

/// Where the walk is: the transaction's reference, and whether below `Strd`.
#[derive(Clone, Default)]
struct Context {
    transaction: Option<Arc<str>>,
    structured: bool,
    header: bool,
}

impl Context {
    fn header() -> Context {
        Context {
            header: true,
            ..Context::default()
        }
    }
}

fn read_message(
    tree: Element<'_>,
    base: MessageType,
    index: usize,
    line: u64,
    header: Option<Parts>,
) -> Result<Message> {
    let mut parts = header.unwrap_or_default();
    let mut path = String::new();
    walk(tree, &mut path, 0, &mut parts, &Context::default())?;
    let cov = tree
        .children("CdtTrfTxInf")
        .any(|tx| tx.child("UndrlygCstmrCdtTrf").is_some());
    let message_type = match base {
        MessageType::Pacs009 if cov => MessageType::Pacs009Cov,
        other => other,
    };
    let reference = tree
        .child("GrpHdr")
        .and_then(|h| h.child_text("MsgId"))
        .map(str::to_string);
    let mut message = Message {
        message_type,
        index,
        line,
        reference,
        fields: parts.fields,
        parties: parts.parties,
        issues: parts.issues,
    };
    if message.reference.is_none() {
        message.issues.push(ReadIssue::new(
            line,
            None,
            "expected GrpHdr/MsgId (the message reference), found none",
        ));
    }
    message.issues.sort_by_key(|i| i.line);
    message.link_parties();
    Ok(message)
}

/// The path segment of each child of an element: its name, with its position when the
/// element may repeat or does. Linear in the number of children.
fn segments<'a>(el: Element<'a>) -> impl Iterator<Item = (Element<'a>, String)> + 'a {
    let mut counts: FxHashMap<&'a str, usize> = FxHashMap::default();
    for child in el.elements() {
        *counts.entry(child.name()).or_default() += 1;
    }
    let mut seen: FxHashMap<&'a str, usize> = FxHashMap::default();
    el.elements().map(move |child| {
        let name = child.name();
        let position = seen.entry(name).or_default();
        *position += 1;
        let indexed =
            REPEATABLE.contains(&name) || counts.get(name).is_some_and(|&count| count > 1);
        let segment = if indexed {
            format!("{name}[{position}]")
        } else {
            name.to_string()
        };
        (child, segment)
    })
}

/// Adds the fields and parties of an element's children; `path` is the element's path
/// (empty for the message element), `depth` its depth below the message element.
fn walk(
    el: Element<'_>,
    path: &mut String,
    depth: usize,
    parts: &mut Parts,
    cx: &Context,
) -> Result<()> {
    if depth > MAX_DEPTH {
        return Err(Error::new(
            ErrorKind::Malformed,
            format!("expected ISO 20022 elements nested at most {MAX_DEPTH} deep in a message, found deeper nesting"),
        )
        .with_line(el.line()));
    }
    for (child, segment) in segments(el) {
        let name = child.name();
        if name.len() > MAX_NAME_BYTES {
            return Err(long_name(name.len(), child.line()));
        }
        let len = path.len();
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str(&segment);
        if path.len() > MAX_PATH_BYTES {
            return Err(Error::new(
                ErrorKind::Malformed,
                format!(
                    "expected a field path of at most {MAX_PATH_BYTES} bytes, found one of {} bytes",
                    path.len()
                ),
            )
            .with_line(child.line()));
        }
        let mut cx_child;
        let mut here = cx;
        if name == "CdtTrfTxInf" && depth == 0 {
            cx_child = cx.clone();
            cx_child.transaction = transaction_ref(child);
            here = &cx_child;
        } else if name == "Strd" && !cx.structured {
            cx_child = cx.clone();
            cx_child.structured = true;
            here = &cx_child;
        }
        for (attr, value) in child.attrs() {
            if attr.starts_with("xmlns") || value.trim().is_empty() {
                continue;
            }
            push(
                parts,
                format!("{path}/@{attr}"),
                value.trim(),
                FieldKind::Other,
                child.line(),
                here,
            )?;
        }
        let leaf = child.elements().next().is_none();
        match child.text() {
            Some(text) if leaf => {
                let kind = leaf_kind(name, el.name(), here.structured);
                let kind = if kind == FieldKind::Bic && !is_bic(text) {
                    parts.issues.push(ReadIssue::new(
                        child.line(),
                        Some(path),
                        format!("expected a BIC of 8 or 11 letters and digits, found {text:?}: scanned as free text"),
                    ));
                    FieldKind::Text
                } else {
                    kind
                };
                push(parts, path.clone(), text, kind, child.line(), here)?;
            }
            Some(text) => {
                parts.issues.push(ReadIssue::new(
                    child.line(),
                    Some(path),
                    format!("expected {name} to hold either text or elements, found both: its text scanned as free text"),
                ));
                push(
                    parts,
                    path.clone(),
                    text,
                    FieldKind::Text,
                    child.line(),
                    here,
                )?;
            }
            None => {}
        }
        if !leaf {
            walk(child, path, depth + 1, parts, here)?;
            if let Some(role) = role_of(name, el.name(), here.header) {
                read_party(child, role, path, here, parts);
            }
        }
        path.truncate(len);
    }
    Ok(())
}

fn push(
    parts: &mut Parts,
    name: String,
    value: &str,
    kind: FieldKind,
    line: u64,
    cx: &Context,
) -> Result<()> {
    if value.len() > MAX_FIELD_BYTES {
        return Err(too_long(&name, value.len(), line));
    }
    parts.fields.push(Field {
        name,
        value: value.to_string(),
        kind,
        line,
        transaction: cx.transaction.clone(),
    });
    Ok(())
}

/// A transaction's reference: `EndToEndId`, else `TxId`, else `UETR`.
fn transaction_ref(tx: Element<'_>) -> Option<Arc<str>> {
    let id = tx.child("PmtId")?;
    ["EndToEndId", "TxId", "UETR"]
        .iter()
        .find_map(|n| id.child_text(n))
        .map(Arc::from)
}

fn leaf_kind(name: &str, parent: &str, structured: bool) -> FieldKind {
    if name == "Nm" {
        let party_parent =
            parent == "FinInstnId" || parent == "OrgId" || role_of(parent, "", false).is_some();
        return if party_parent {
            FieldKind::Name
        } else {
            FieldKind::Text
        };
    }
    if BIC.contains(&name) {
        return FieldKind::Bic;
    }
    if TEXT.contains(&name) || structured {
        return FieldKind::Text;
    }
    FieldKind::Other
}

/// The role of a party element, by its name (and its parent's: the tax creditor and debtor
/// are no parties; `Fr` and `To` are parties in the application header only).
fn role_of(name: &str, parent: &str, header: bool) -> Option<PartyRole> {
    use PartyRole::*;
    if parent == "Tax" {
        return None;
    }
    Some(match name {
        "Dbtr" => Debtor,
        "Cdtr" => Creditor,
        "UltmtDbtr" => UltimateDebtor,
        "UltmtCdtr" => UltimateCreditor,
        "InitgPty" => InitiatingParty,
        "DbtrAgt" => DebtorAgent,
        "CdtrAgt" => CreditorAgent,
        "IntrmyAgt1" | "IntrmyAgt2" | "IntrmyAgt3" => IntermediaryAgent,
        "InstgAgt" => InstructingAgent,
        "InstdAgt" => InstructedAgent,
        "PrvsInstgAgt1" | "PrvsInstgAgt2" | "PrvsInstgAgt3" => PreviousInstructingAgent,
        "InstgRmbrsmntAgt" => SendersCorrespondent,
        "InstdRmbrsmntAgt" => ReceiversCorrespondent,
        "ThrdRmbrsmntAgt" => ThirdReimbursementInstitution,
        "Invcr" | "Invcee" => Other,
        "Fr" if header => Sender,
        "To" if header => Receiver,
        _ => return None,
    })
}

/// The first child of a name, with its path.
fn child_at<'a>(el: Element<'a>, path: &str, name: &str) -> Option<(Element<'a>, String)> {
    segments(el)
        .find(|(c, _)| c.name() == name)
        .map(|(c, seg)| (c, format!("{path}/{seg}")))
}

/// Reads a party or an agent from its element.
fn read_party(el: Element<'_>, role: PartyRole, path: &str, cx: &Context, parts: &mut Parts) {
    let mut party = Party::new(role, path);
    party.transaction = cx.transaction.clone();
    // The application header's `Fr` and `To` hold an institution (FIId) or an organization.
    let (el, path) = child_at(el, path, "FIId")
        .or_else(|| child_at(el, path, "OrgId"))
        .filter(|_| cx.header)
        .unwrap_or((el, path.to_string()));
    let text_of = |el: Element<'_>, path: &str, name: &str| {
        let (c, p) = child_at(el, path, name)?;
        Some((c.text()?.to_string(), p))
    };
    let (holder, holder_path, address) = match child_at(el, &path, "FinInstnId") {
        Some((fin, fin_path)) => {
            party.kind = EntityKind::Organization;
            if let Some((bic, p)) = BIC.iter().find_map(|n| text_of(fin, &fin_path, n)) {
                if is_bic(&bic) {
                    party.bic = Some(bic);
                    party.bic_field = Some(p);
                }
            }
            let address = fin.child("PstlAdr");
            (fin, fin_path, address)
        }
        None => {
            if let Some(id) = el.child("Id") {
                if let Some(org) = id.child("OrgId") {
                    party.kind = EntityKind::Organization;
                    let org_path = format!("{path}/Id/OrgId");
                    if let Some((bic, p)) = BIC.iter().find_map(|n| text_of(org, &org_path, n)) {
                        if is_bic(&bic) {
                            party.bic = Some(bic);
                            party.bic_field = Some(p);
                        }
                    }
                } else if let Some(prvt) = id.child("PrvtId") {
                    party.kind = EntityKind::Person;
                    party.birth_date = prvt
                        .child("DtAndPlcOfBirth")
                        .and_then(|d| d.child_text("BirthDt"))
                        .and_then(|d| d.parse::<PartialDate>().ok());
                }
            }
            (el, path.clone(), el.child("PstlAdr"))
        }
    };
    if let Some((name, p)) = text_of(holder, &holder_path, "Nm") {
        party.name = Some(name);
        party.name_field = Some(p);
    }
    let mut country = None;
    if let Some(adr) = address {
        for part in adr.elements() {
            match (part.name(), part.text()) {
                ("Ctry", Some(c)) => country = Some((c.to_string(), part.line())),
                (_, Some(t)) => party.address.push(t.to_string()),
                _ => {}
            }
        }
    }
    if country.is_none() {
        country = el
            .child("CtryOfRes")
            .and_then(|c| Some((c.text()?.to_string(), c.line())));
    }
    match country {
        Some((c, _)) if is_country(&c) => party.country = Some(c),
        Some((c, line)) => parts.issues.push(ReadIssue::new(
            line,
            Some(&party.field),
            format!("expected a two-letter country code, found {c:?}: country not used"),
        )),
        None => party.country = party.bic.as_deref().and_then(bic_country),
    }
    if party.name.is_none() && party.bic.is_none() {
        parts.issues.push(ReadIssue::new(
            el.line(),
            Some(&party.field),
            "expected a name (Nm) or a BIC, found neither: the party is not screened",
        ));
    }
    parts.parties.push(party);
}
