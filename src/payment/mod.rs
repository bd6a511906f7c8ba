//! Payment messages: reading SWIFT MT and ISO 20022 messages, and screening their parties
//! and free text.
//!
//! This module owns the reading of payment messages into [`Message`]s (the [`mt`] reader for
//! SWIFT FIN MT103 and MT202 / MT202COV, the [`iso20022`] reader for pacs.008, pacs.009 and
//! pacs.009 COV), and the screening of a message with
//! [`Screener::screen_payment`](crate::Screener::screen_payment) into [`PaymentHit`]s. It
//! knows nothing of list formats or of how names are matched: it hands party names to
//! [`Screener::screen`](crate::Screener::screen) and free text to
//! [`Screener::screen_text`](crate::Screener::screen_text).
//!
//! A message is a list of [`Field`]s, each addressed by a name people recognize: the MT tag
//! (`50K`, `59F`, `70`; `B/50K` in sequence B of an MT202COV) or an XPath-like path below
//! the message element (`CdtTrfTxInf[1]/Cdtr/Nm`, `CdtTrfTxInf[1]/RmtInf/Ustrd[2]`). The
//! message's [`Party`]s (debtor, creditor, agents) are read from those fields. What a reader
//! cannot use as it stands (an unknown tag, a malformed BIC, a line 9/ in a 50F) is kept and
//! reported as a [`ReadIssue`] of the message, never dropped; a message that breaks its
//! format (an unterminated block, an unknown message type, XML cut short) is an
//! [`Error`].
//!
//! ```
//! use sanctions::{Screener, payment};
//!
//! let fin = "{1:F01DEUTDEFFAXXX0000000000}{2:I103COBADEFFXXXXN}{4:\r\n\
//!     :20:REF-1\r\n:32A:240105EUR1000,\r\n\
//!     :50K:/DE89370400440532013000\r\nALPINE TIMBER AG\r\nZURICH\r\n\
//!     :59:/KZ86125KZT5004100100\r\nKAZSTANEX LLP\r\nALMATY\r\n\
//!     :70:INVOICE 7 TOO KAZSTANEKS\r\n:71A:SHA\r\n-}";
//! let messages = payment::read(fin.as_bytes())?;
//! assert_eq!(messages[0].field("59").map(|f| f.value()), Some("/KZ86125KZT5004100100\nKAZSTANEX LLP\nALMATY"));
//!
//! let screener = Screener::demo()?;
//! let hits = screener.screen_payment(&messages[0]);
//! let found: Vec<(&str, &str)> = hits.iter().map(|h| (h.field(), h.entity_id().id.as_str())).collect();
//! assert_eq!(found, [("59", "16678"), ("70", "16678")]);
//! # Ok::<(), sanctions::Error>(())
//! ```
//!
//! # Bounds
//!
//! Reading takes time and memory linear in the input. A field longer than
//! [`MAX_FIELD_BYTES`], XML nested deeper than [`MAX_DEPTH`] inside a message, or an element
//! name longer than [`MAX_NAME_BYTES`] is an error, so a hostile message cannot make the
//! screening of one field unboundedly slow.

pub mod iso20022;
pub mod mt;
mod screen;

use std::fmt;
use std::sync::Arc;

use serde::{Serialize, Serializer};

pub use screen::{HitKind, PaymentHit};

use crate::error::{Error, ErrorKind, Result};
use crate::model::{EntityKind, PartialDate};

/// The longest field value read, in bytes. The longest field of the supported messages is
/// MT field 77T (9,000 characters); ISO 20022 texts are at most 350 characters.
///
/// ```
/// use sanctions::{ErrorKind, payment::{self, MAX_FIELD_BYTES}};
///
/// let fin = format!("{{1:F01DEUTDEFFAXXX0000000000}}{{2:I103COBADEFFXXXXN}}{{4:\r\n:20:REF-1\r\n:70:{}\r\n-}}", "A".repeat(MAX_FIELD_BYTES + 1));
/// let err = payment::read(fin.as_bytes()).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Malformed);
/// assert_eq!(err.to_string(), format!("line 3: expected field 70 of at most {MAX_FIELD_BYTES} bytes, found {} bytes", MAX_FIELD_BYTES + 1));
/// ```
pub const MAX_FIELD_BYTES: usize = 16 * 1024;

/// The deepest nesting of ISO 20022 elements below a message element. Real pacs.008 and
/// pacs.009 messages nest fewer than 14 levels (`CdtTrfTxInf/UndrlygCstmrCdtTrf/Dbtr/Id/
/// PrvtId/Othr/SchmeNm/Cd` is 8).
///
/// ```
/// use sanctions::{ErrorKind, payment::{self, MAX_DEPTH}};
///
/// let deep = format!("<Document><FIToFICstmrCdtTrf>{}", "<X>".repeat(MAX_DEPTH + 1));
/// assert_eq!(payment::read(deep.as_bytes()).unwrap_err().kind(), ErrorKind::Malformed);
/// ```
pub const MAX_DEPTH: usize = 32;

/// The longest ISO 20022 element name read, in bytes (the schemas' longest are under 40).
///
/// ```
/// use sanctions::{ErrorKind, payment::{self, MAX_NAME_BYTES}};
///
/// let long = "X".repeat(MAX_NAME_BYTES + 1);
/// let xml = format!("<Document><FIToFICstmrCdtTrf><{long}>text</{long}></FIToFICstmrCdtTrf></Document>");
/// assert_eq!(payment::read(xml.as_bytes()).unwrap_err().kind(), ErrorKind::Malformed);
/// ```
pub const MAX_NAME_BYTES: usize = 64;

/// The longest ISO 20022 field path, in bytes. Real paths are under 120 bytes
/// (`CdtTrfTxInf[1]/UndrlygCstmrCdtTrf/RmtInf/Strd[1]/RfrdDocInf[1]/LineDtls[1]/Id[1]/Tp/CdOrPrtry/Prtry`
/// is 96); the bound keeps the memory of many small fields deep in a hostile document
/// within a small multiple of its size.
///
/// ```
/// use sanctions::payment::{MAX_DEPTH, MAX_NAME_BYTES, MAX_PATH_BYTES};
///
/// // Deep and long names together could make paths of 2 KiB; real ones stay under this bound.
/// assert!(MAX_PATH_BYTES < MAX_DEPTH * MAX_NAME_BYTES);
/// assert!("CdtTrfTxInf[1]/UndrlygCstmrCdtTrf/RmtInf/Strd[1]/RfrdDocInf[1]/LineDtls[1]/Id[1]/Tp/CdOrPrtry/Prtry".len() < MAX_PATH_BYTES);
/// ```
pub const MAX_PATH_BYTES: usize = 256;

/// The family of a payment message's format.
///
/// ```
/// use sanctions::payment::{self, Format};
///
/// assert_eq!(payment::detect(b"{1:F01DEUTDEFFAXXX0000000000}")?, Format::SwiftMt);
/// assert_eq!(Format::Iso20022.as_str(), "iso20022");
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Format {
    /// SWIFT FIN (MT) messages: blocks `{1:...}{2:...}{3:...}{4:...-}{5:...}`.
    SwiftMt,
    /// ISO 20022 XML.
    Iso20022,
}

impl Format {
    /// The name used in output (`swift_mt`, `iso20022`).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::SwiftMt => "swift_mt",
            Format::Iso20022 => "iso20022",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The type of a payment message.
///
/// ```
/// use sanctions::payment::{self, MessageType};
///
/// let fin = "{1:F01DEUTDEFFAXXX0000000000}{2:I103COBADEFFXXXXN}{4:\r\n\
///     :20:REF-1\r\n:32A:240105EUR1000,\r\n\
///     :50K:/DE89370400440532013000\r\nALPINE TIMBER AG\r\nZURICH\r\n\
///     :59:/KZ86125KZT5004100100\r\nKAZSTANEX LLP\r\nALMATY\r\n\
///     :70:INVOICE 7 TOO KAZSTANEKS\r\n:71A:SHA\r\n-}";
/// let message = &payment::read(fin.as_bytes())?[0];
/// assert_eq!(message.message_type(), MessageType::Mt103);
/// assert_eq!(message.message_type().as_str(), "MT103");
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MessageType {
    /// MT103, single customer credit transfer.
    Mt103,
    /// MT202, general financial institution transfer.
    Mt202,
    /// MT202COV: an MT202 with `{119:COV}` in block 3, carrying the underlying customer
    /// credit transfer in its sequence B.
    Mt202Cov,
    /// pacs.008, FI to FI customer credit transfer.
    Pacs008,
    /// pacs.009, financial institution credit transfer.
    Pacs009,
    /// pacs.009 COV: a pacs.009 whose transactions carry an underlying customer credit
    /// transfer (`UndrlygCstmrCdtTrf`).
    Pacs009Cov,
}

impl MessageType {
    /// The name used in output (`MT103`, `MT202`, `MT202COV`, `pacs.008`, `pacs.009`,
    /// `pacs.009COV`).
    pub fn as_str(self) -> &'static str {
        match self {
            MessageType::Mt103 => "MT103",
            MessageType::Mt202 => "MT202",
            MessageType::Mt202Cov => "MT202COV",
            MessageType::Pacs008 => "pacs.008",
            MessageType::Pacs009 => "pacs.009",
            MessageType::Pacs009Cov => "pacs.009COV",
        }
    }

    /// The family of its format.
    ///
    /// ```
    /// use sanctions::payment::{Format, MessageType};
    ///
    /// assert_eq!(MessageType::Mt202Cov.format(), Format::SwiftMt);
    /// assert_eq!(MessageType::Pacs009Cov.format(), Format::Iso20022);
    /// ```
    pub fn format(self) -> Format {
        match self {
            MessageType::Mt103 | MessageType::Mt202 | MessageType::Mt202Cov => Format::SwiftMt,
            MessageType::Pacs008 | MessageType::Pacs009 | MessageType::Pacs009Cov => {
                Format::Iso20022
            }
        }
    }
}

impl fmt::Display for MessageType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for MessageType {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// How a field is screened.
///
/// ```
/// use sanctions::payment::{self, FieldKind};
///
/// let fin = "{1:F01DEUTDEFFAXXX0000000000}{2:I103COBADEFFXXXXN}{4:\r\n\
///     :20:REF-1\r\n:32A:240105EUR1000,\r\n\
///     :50K:/DE89370400440532013000\r\nALPINE TIMBER AG\r\nZURICH\r\n\
///     :59:/KZ86125KZT5004100100\r\nKAZSTANEX LLP\r\nALMATY\r\n\
///     :70:INVOICE 7 TOO KAZSTANEKS\r\n:71A:SHA\r\n-}";
/// let message = &payment::read(fin.as_bytes())?[0];
/// let kind = |tag| message.field(tag).map(|f| f.kind());
/// assert_eq!(kind("59"), Some(FieldKind::Party));
/// assert_eq!(kind("70"), Some(FieldKind::Text));
/// assert_eq!(kind("32A"), Some(FieldKind::Other));
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FieldKind {
    /// A party's name on its own (ISO 20022 `Nm` of a party or agent): screened as a name,
    /// and scanned as text.
    Name,
    /// An MT party field (`50K`, `59F`, `57D`, ...): the name it gives is screened as a
    /// name, its BIC as an identifier, and all its lines are scanned as text.
    Party,
    /// Free text (MT `70`, `72`, `77B`; ISO 20022 `Ustrd`, `AdrLine`, `StrtNm`, `TwnNm`,
    /// the leaves of `Strd`, instructions): scanned as text.
    Text,
    /// A BIC on its own (`BICFI`, `AnyBIC`): screened as an identifier of its party.
    Bic,
    /// Everything else (references, amounts, dates, codes, countries): kept, not screened.
    Other,
}

impl FieldKind {
    /// Whether the field's text is scanned for listed names.
    ///
    /// ```
    /// use sanctions::payment::FieldKind;
    ///
    /// assert!(FieldKind::Text.is_scanned());
    /// assert!(FieldKind::Party.is_scanned());
    /// assert!(!FieldKind::Bic.is_scanned());
    /// assert!(!FieldKind::Other.is_scanned());
    /// ```
    pub fn is_scanned(self) -> bool {
        matches!(self, FieldKind::Name | FieldKind::Party | FieldKind::Text)
    }
}

/// One field of a message: its name, its value as written, and where it is.
///
/// ```
/// use sanctions::payment::{self, FieldKind};
///
/// let xml = r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.10"><FIToFICstmrCdtTrf>
///   <GrpHdr><MsgId>MSG-1</MsgId></GrpHdr>
///   <CdtTrfTxInf><PmtId><EndToEndId>E2E-1</EndToEndId></PmtId>
///     <Dbtr><Nm>Alpine Timber AG</Nm></Dbtr>
///     <CdtrAgt><FinInstnId><BICFI>HSBKKZKX</BICFI></FinInstnId></CdtrAgt>
///     <Cdtr><Nm>ТОО «Казстанекс»</Nm><PstlAdr><TwnNm>Almaty</TwnNm><Ctry>KZ</Ctry></PstlAdr></Cdtr>
///     <RmtInf><Ustrd>Invoice 7</Ustrd></RmtInf>
///   </CdtTrfTxInf></FIToFICstmrCdtTrf></Document>"#;
/// let message = &payment::read(xml.as_bytes())?[0];
/// let name = message.field("CdtTrfTxInf[1]/Cdtr/Nm").ok_or("the creditor's name")?;
/// assert_eq!(name.name(), "CdtTrfTxInf[1]/Cdtr/Nm");
/// assert_eq!(name.value(), "ТОО «Казстанекс»");
/// assert_eq!(name.kind(), FieldKind::Name);
/// assert_eq!(name.line(), 6);
/// assert_eq!(name.transaction(), Some("E2E-1"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Field {
    pub(crate) name: String,
    pub(crate) value: String,
    pub(crate) kind: FieldKind,
    pub(crate) line: u64,
    /// Shared by the fields and parties of one transaction: a reference is copied once per
    /// transaction, not once per field.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "serialize_shared"
    )]
    pub(crate) transaction: Option<Arc<str>>,
}

fn serialize_shared<S: Serializer>(
    value: &Option<Arc<str>>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    value.as_deref().serialize(s)
}

impl Field {
    /// The field's name: an MT tag with its option letter (`50K`, `59`, `70`; `B/59F` in
    /// sequence B of an MT202COV; `{1:}`, `{2:}`, `{3:}/119` for header blocks), or the
    /// path of an ISO 20022 element below the message element (`GrpHdr/MsgId`,
    /// `CdtTrfTxInf[1]/Cdtr/Nm`, `CdtTrfTxInf[2]/RmtInf/Ustrd[1]`; an attribute as
    /// `.../IntrBkSttlmAmt/@Ccy`). Repeatable ISO 20022 elements always carry their
    /// position, counting from 1.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The value as written: MT lines joined with `\n` (carriage returns removed); an ISO
    /// 20022 element's text, entities resolved and trimmed.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// How the field is screened.
    pub fn kind(&self) -> FieldKind {
        self.kind
    }

    /// The line of the input the field starts on, counting from 1.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// The reference of the ISO 20022 transaction the field belongs to (its `EndToEndId`,
    /// else `TxId`, else `UETR`); `None` for MT fields and group header fields.
    pub fn transaction(&self) -> Option<&str> {
        self.transaction.as_deref()
    }
}

/// The role of a party in a payment. MT fields map to the ISO 20022 roles of the standard
/// MT to MX mappings.
///
/// ```
/// use sanctions::payment::{self, PartyRole};
///
/// let fin = "{1:F01DEUTDEFFAXXX0000000000}{2:I103COBADEFFXXXXN}{4:\r\n\
///     :20:REF-1\r\n:32A:240105EUR1000,\r\n\
///     :50K:/DE89370400440532013000\r\nALPINE TIMBER AG\r\nZURICH\r\n\
///     :59:/KZ86125KZT5004100100\r\nKAZSTANEX LLP\r\nALMATY\r\n\
///     :70:INVOICE 7 TOO KAZSTANEKS\r\n:71A:SHA\r\n-}";
/// let message = &payment::read(fin.as_bytes())?[0];
/// let roles: Vec<&str> = message.parties().iter().map(|p| p.role().as_str()).collect();
/// assert_eq!(roles, ["sender", "receiver", "debtor", "creditor"]);
/// assert_eq!(message.parties()[3].role(), PartyRole::Creditor);
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PartyRole {
    /// Who pays: MT 50a (ordering customer); MT202 52a (ordering institution); `Dbtr`.
    Debtor,
    /// Who is paid: MT 59a (beneficiary customer); MT202 58a (beneficiary institution);
    /// `Cdtr`.
    Creditor,
    /// `UltmtDbtr`.
    UltimateDebtor,
    /// `UltmtCdtr`.
    UltimateCreditor,
    /// `InitgPty`.
    InitiatingParty,
    /// MT103 52a (ordering institution); `DbtrAgt`.
    DebtorAgent,
    /// MT 57a (account with institution); `CdtrAgt`.
    CreditorAgent,
    /// MT 56a; `IntrmyAgt1` to `IntrmyAgt3`.
    IntermediaryAgent,
    /// `InstgAgt`.
    InstructingAgent,
    /// `InstdAgt`.
    InstructedAgent,
    /// `PrvsInstgAgt1` to `PrvsInstgAgt3`.
    PreviousInstructingAgent,
    /// MT 51A (sending institution).
    SendingInstitution,
    /// MT 53a; `InstgRmbrsmntAgt`.
    SendersCorrespondent,
    /// MT 54a; `InstdRmbrsmntAgt`.
    ReceiversCorrespondent,
    /// MT 55a; `ThrdRmbrsmntAgt`.
    ThirdReimbursementInstitution,
    /// The sender of the message: MT block 1 (input) or block 2 (output); the business
    /// application header's `Fr`.
    Sender,
    /// The receiver of the message: MT block 2 (input) or block 1 (output); the business
    /// application header's `To`.
    Receiver,
    /// A party of structured remittance information (`Invcr`, `Invcee`).
    Other,
}

impl PartyRole {
    /// The name used in output (`debtor`, `creditor_agent`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            PartyRole::Debtor => "debtor",
            PartyRole::Creditor => "creditor",
            PartyRole::UltimateDebtor => "ultimate_debtor",
            PartyRole::UltimateCreditor => "ultimate_creditor",
            PartyRole::InitiatingParty => "initiating_party",
            PartyRole::DebtorAgent => "debtor_agent",
            PartyRole::CreditorAgent => "creditor_agent",
            PartyRole::IntermediaryAgent => "intermediary_agent",
            PartyRole::InstructingAgent => "instructing_agent",
            PartyRole::InstructedAgent => "instructed_agent",
            PartyRole::PreviousInstructingAgent => "previous_instructing_agent",
            PartyRole::SendingInstitution => "sending_institution",
            PartyRole::SendersCorrespondent => "senders_correspondent",
            PartyRole::ReceiversCorrespondent => "receivers_correspondent",
            PartyRole::ThirdReimbursementInstitution => "third_reimbursement_institution",
            PartyRole::Sender => "sender",
            PartyRole::Receiver => "receiver",
            PartyRole::Other => "other",
        }
    }
}

impl fmt::Display for PartyRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A party of a message (a customer or a financial institution), as its fields give it.
///
/// ```
/// use sanctions::EntityKind;
/// use sanctions::payment::{self, PartyRole};
///
/// let xml = r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.10"><FIToFICstmrCdtTrf>
///   <GrpHdr><MsgId>MSG-1</MsgId></GrpHdr>
///   <CdtTrfTxInf><PmtId><EndToEndId>E2E-1</EndToEndId></PmtId>
///     <Dbtr><Nm>Alpine Timber AG</Nm></Dbtr>
///     <CdtrAgt><FinInstnId><BICFI>HSBKKZKX</BICFI></FinInstnId></CdtrAgt>
///     <Cdtr><Nm>ТОО «Казстанекс»</Nm><PstlAdr><TwnNm>Almaty</TwnNm><Ctry>KZ</Ctry></PstlAdr></Cdtr>
///     <RmtInf><Ustrd>Invoice 7</Ustrd></RmtInf>
///   </CdtTrfTxInf></FIToFICstmrCdtTrf></Document>"#;
/// let message = &payment::read(xml.as_bytes())?[0];
/// let creditor = message.parties().iter().find(|p| p.role() == PartyRole::Creditor).ok_or("creditor")?;
/// assert_eq!(creditor.field(), "CdtTrfTxInf[1]/Cdtr");
/// assert_eq!(creditor.name(), Some("ТОО «Казстанекс»"));
/// assert_eq!(creditor.name_field(), Some("CdtTrfTxInf[1]/Cdtr/Nm"));
/// assert_eq!(creditor.address(), ["Almaty"]);
/// assert_eq!(creditor.country(), Some("KZ"));
/// assert_eq!((creditor.bic(), creditor.bic_field(), creditor.account()), (None, None, None));
/// assert_eq!(creditor.kind(), EntityKind::Unknown);
/// assert_eq!(creditor.birth_date(), None);
/// assert_eq!(creditor.transaction(), Some("E2E-1"));
/// let agent = message.parties().iter().find(|p| p.role() == PartyRole::CreditorAgent).ok_or("agent")?;
/// assert_eq!(agent.bic(), Some("HSBKKZKX"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Party {
    pub(crate) role: PartyRole,
    pub(crate) field: String,
    pub(crate) name: Option<String>,
    pub(crate) name_field: Option<String>,
    pub(crate) address: Vec<String>,
    pub(crate) country: Option<String>,
    pub(crate) bic: Option<String>,
    pub(crate) bic_field: Option<String>,
    pub(crate) account: Option<String>,
    pub(crate) kind: EntityKind,
    pub(crate) birth_date: Option<PartialDate>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "serialize_shared"
    )]
    pub(crate) transaction: Option<Arc<str>>,
    /// Position in [`Message::fields`] of the field named `name_field`, when there is one.
    #[serde(skip)]
    pub(crate) name_at: Option<usize>,
    /// Position in [`Message::fields`] of the field named `bic_field`, when there is one.
    #[serde(skip)]
    pub(crate) bic_at: Option<usize>,
}

impl Party {
    fn new(role: PartyRole, field: impl Into<String>) -> Party {
        Party {
            role,
            field: field.into(),
            name: None,
            name_field: None,
            address: Vec::new(),
            country: None,
            bic: None,
            bic_field: None,
            account: None,
            kind: EntityKind::Unknown,
            birth_date: None,
            transaction: None,
            name_at: None,
            bic_at: None,
        }
    }

    /// The party's role.
    pub fn role(&self) -> PartyRole {
        self.role
    }

    /// The field the party is given in: `50K`, `B/59F`, `CdtTrfTxInf[1]/Dbtr`.
    pub fn field(&self) -> &str {
        &self.field
    }

    /// The party's name: the name line of an MT field (the `1/` lines of option F, joined),
    /// or the `Nm` of an ISO 20022 party or agent.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The field the name comes from (`50K`, `CdtTrfTxInf[1]/Cdtr/Nm`).
    pub fn name_field(&self) -> Option<&str> {
        self.name_field.as_deref()
    }

    /// Address lines, as written.
    pub fn address(&self) -> &[String] {
        &self.address
    }

    /// The country (ISO 3166-1 alpha-2): of the address when given (MT option F line `3/`,
    /// ISO 20022 `Ctry`, else `CtryOfRes`), else letters 5 and 6 of the party's BIC.
    pub fn country(&self) -> Option<&str> {
        self.country.as_deref()
    }

    /// The party's BIC, when given (MT option A, `BICFI`, `AnyBIC`, header blocks).
    pub fn bic(&self) -> Option<&str> {
        self.bic.as_deref()
    }

    /// The field the BIC comes from.
    pub fn bic_field(&self) -> Option<&str> {
        self.bic_field.as_deref()
    }

    /// The account or party identifier line of an MT field, without its leading `/`.
    pub fn account(&self) -> Option<&str> {
        self.account.as_deref()
    }

    /// The party's kind when the message shows it: a person when a birth date or private
    /// identification is given, an organization for an ISO 20022 `OrgId` or an agent;
    /// otherwise [`EntityKind::Unknown`].
    pub fn kind(&self) -> EntityKind {
        self.kind
    }

    /// The party's birth date, when given (MT 50F line `4/`, ISO 20022 `BirthDt`).
    pub fn birth_date(&self) -> Option<PartialDate> {
        self.birth_date
    }

    /// The ISO 20022 transaction the party belongs to (see [`Field::transaction`]).
    pub fn transaction(&self) -> Option<&str> {
        self.transaction.as_deref()
    }
}

/// A field or part of a field that a reader could not use as it stood: what it did with it
/// and why. The field is kept, and screened as free text when it holds text.
///
/// ```
/// let fin = "{1:F01DEUTDEFFAXXX0000000000}{2:I103COBADEFFXXXXN}{4:\r\n:20:REF-1\r\n:57A:NOT-A-BIC\r\n-}";
/// let message = &sanctions::payment::read(fin.as_bytes())?[0];
/// let issue = &message.issues()[0];
/// assert_eq!(issue.line(), 3);
/// assert_eq!(issue.field(), Some("57A"));
/// assert!(issue.reason().contains("BIC"));
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReadIssue {
    pub(crate) line: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) field: Option<String>,
    pub(crate) reason: String,
}

impl ReadIssue {
    pub(crate) fn new(line: u64, field: Option<&str>, reason: impl Into<String>) -> ReadIssue {
        ReadIssue {
            line,
            field: field.map(str::to_string),
            reason: reason.into(),
        }
    }

    /// The line of the input, counting from 1.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// The field, when the issue is about one.
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }

    /// What was expected, what was found, and what the reader did.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl fmt::Display for ReadIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: ", self.line)?;
        if let Some(field) = &self.field {
            write!(f, "field {field}: ")?;
        }
        f.write_str(&self.reason)
    }
}

/// One payment message: its type, reference, fields, parties and read issues.
///
/// ```
/// use sanctions::payment::{self, Format, MessageType};
///
/// let fin = "{1:F01DEUTDEFFAXXX0000000000}{2:I103COBADEFFXXXXN}{4:\r\n\
///     :20:REF-1\r\n:32A:240105EUR1000,\r\n\
///     :50K:/DE89370400440532013000\r\nALPINE TIMBER AG\r\nZURICH\r\n\
///     :59:/KZ86125KZT5004100100\r\nKAZSTANEX LLP\r\nALMATY\r\n\
///     :70:INVOICE 7 TOO KAZSTANEKS\r\n:71A:SHA\r\n-}";
/// let message = &payment::read(fin.as_bytes())?[0];
/// assert_eq!(message.message_type(), MessageType::Mt103);
/// assert_eq!(message.format(), Format::SwiftMt);
/// assert_eq!((message.index(), message.line()), (0, 1));
/// assert_eq!(message.reference(), Some("REF-1"));
/// assert_eq!(message.fields().iter().filter(|f| !f.name().starts_with('{')).count(), 6);
/// assert_eq!(message.parties().len(), 4);
/// assert!(message.issues().is_empty());
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Message {
    pub(crate) message_type: MessageType,
    pub(crate) index: usize,
    pub(crate) line: u64,
    pub(crate) reference: Option<String>,
    pub(crate) fields: Vec<Field>,
    pub(crate) parties: Vec<Party>,
    pub(crate) issues: Vec<ReadIssue>,
}

impl Message {
    /// The message type.
    pub fn message_type(&self) -> MessageType {
        self.message_type
    }

    /// The family of its format.
    ///
    /// ```
    /// use sanctions::payment::{self, Format};
    ///
    /// let xml = r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.10"><FIToFICstmrCdtTrf>
    ///   <GrpHdr><MsgId>MSG-1</MsgId></GrpHdr>
    ///   <CdtTrfTxInf><PmtId><EndToEndId>E2E-1</EndToEndId></PmtId>
    ///     <Dbtr><Nm>Alpine Timber AG</Nm></Dbtr>
    ///     <CdtrAgt><FinInstnId><BICFI>HSBKKZKX</BICFI></FinInstnId></CdtrAgt>
    ///     <Cdtr><Nm>ТОО «Казстанекс»</Nm><PstlAdr><TwnNm>Almaty</TwnNm><Ctry>KZ</Ctry></PstlAdr></Cdtr>
    ///     <RmtInf><Ustrd>Invoice 7</Ustrd></RmtInf>
    ///   </CdtTrfTxInf></FIToFICstmrCdtTrf></Document>"#;
    /// let message = &payment::read(xml.as_bytes())?[0];
    /// assert_eq!(message.format(), Format::Iso20022);
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn format(&self) -> Format {
        self.message_type.format()
    }

    /// The message's position in its input, counting from 0.
    pub fn index(&self) -> usize {
        self.index
    }

    /// The line of the input the message starts on, counting from 1.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// The sender's reference: MT field `20`, or ISO 20022 `GrpHdr/MsgId`.
    pub fn reference(&self) -> Option<&str> {
        self.reference.as_deref()
    }

    /// Every field, in the order of the input.
    pub fn fields(&self) -> &[Field] {
        &self.fields
    }

    /// The first field of a name.
    ///
    /// ```
    /// use sanctions::payment;
    ///
    /// let fin = "{1:F01DEUTDEFFAXXX0000000000}{2:I103COBADEFFXXXXN}{4:\r\n\
    ///     :20:REF-1\r\n:32A:240105EUR1000,\r\n\
    ///     :50K:/DE89370400440532013000\r\nALPINE TIMBER AG\r\nZURICH\r\n\
    ///     :59:/KZ86125KZT5004100100\r\nKAZSTANEX LLP\r\nALMATY\r\n\
    ///     :70:INVOICE 7 TOO KAZSTANEKS\r\n:71A:SHA\r\n-}";
    /// let message = &payment::read(fin.as_bytes())?[0];
    /// assert_eq!(message.field("70").map(|f| f.value()), Some("INVOICE 7 TOO KAZSTANEKS"));
    /// assert!(message.field("72").is_none());
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The parties, in the order of the input.
    pub fn parties(&self) -> &[Party] {
        &self.parties
    }

    /// What the reader could not use as it stood.
    pub fn issues(&self) -> &[ReadIssue] {
        &self.issues
    }

    /// Links each party to the positions of its name and BIC fields (the first field of
    /// each name).
    pub(crate) fn link_parties(&mut self) {
        let mut at: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
        for (i, f) in self.fields.iter().enumerate() {
            at.entry(f.name.as_str()).or_insert(i);
        }
        for party in &mut self.parties {
            let find = |name: &Option<String>| at.get(name.as_deref()?).copied();
            party.name_at = find(&party.name_field);
            party.bic_at = find(&party.bic_field);
        }
    }
}

/// Names the format of payment messages from their first bytes.
///
/// # Errors
///
/// [`ErrorKind::UnknownFormat`] when the content starts neither with a SWIFT block `{1:`
/// nor with XML.
///
/// ```
/// use sanctions::payment::{self, Format};
///
/// assert_eq!(payment::detect(b"{1:F01DEUTDEFFAXXX0000000000}{2:I103")?, Format::SwiftMt);
/// assert_eq!(payment::detect(b"<?xml version=\"1.0\"?><Document/>")?, Format::Iso20022);
/// assert!(payment::detect(b":20:REF").is_err());
/// # Ok::<(), sanctions::Error>(())
/// ```
pub fn detect(input: &[u8]) -> Result<Format> {
    let start = trim_start(input);
    if start.starts_with(b"{1:") {
        return Ok(Format::SwiftMt);
    }
    if start.starts_with(b"<") {
        return Ok(Format::Iso20022);
    }
    let found = if start.is_empty() {
        "an empty input".to_string()
    } else {
        let shown: String = String::from_utf8_lossy(start.get(..40).unwrap_or(start)).into();
        format!("content starting {shown:?}")
    };
    Err(Error::new(
        ErrorKind::UnknownFormat,
        format!(
            "expected a SWIFT MT message (starting {{1:) or an ISO 20022 XML document (starting <), found {found}"
        ),
    ))
}

/// The input without a leading byte order mark and white space.
fn trim_start(input: &[u8]) -> &[u8] {
    let input = input.strip_prefix(b"\xef\xbb\xbf").unwrap_or(input);
    let skip = input.iter().take_while(|b| b.is_ascii_whitespace()).count();
    input.get(skip..).unwrap_or_default()
}

/// Reads every payment message of an input, detecting its format from the content: SWIFT MT
/// messages one after another, or an ISO 20022 document (or an envelope of several).
///
/// # Errors
///
/// [`ErrorKind::UnknownFormat`] when the format is not recognized (see [`detect`]);
/// [`ErrorKind::Malformed`] (with the line) when a message breaks its format or is of a type
/// the crate does not read; [`ErrorKind::Encoding`] when the text is not UTF-8.
///
/// # Example
///
/// ```
/// use sanctions::{ErrorKind, payment::{self, MessageType}};
///
/// let xml = r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.10"><FIToFICstmrCdtTrf>
///   <GrpHdr><MsgId>MSG-1</MsgId></GrpHdr>
///   <CdtTrfTxInf><PmtId><EndToEndId>E2E-1</EndToEndId></PmtId>
///     <Dbtr><Nm>Alpine Timber AG</Nm></Dbtr>
///     <CdtrAgt><FinInstnId><BICFI>HSBKKZKX</BICFI></FinInstnId></CdtrAgt>
///     <Cdtr><Nm>ТОО «Казстанекс»</Nm><PstlAdr><TwnNm>Almaty</TwnNm><Ctry>KZ</Ctry></PstlAdr></Cdtr>
///     <RmtInf><Ustrd>Invoice 7</Ustrd></RmtInf>
///   </CdtTrfTxInf></FIToFICstmrCdtTrf></Document>"#;
/// let message = &payment::read(xml.as_bytes())?[0];
/// assert_eq!(message.message_type(), MessageType::Pacs008);
/// assert_eq!(message.reference(), Some("MSG-1"));
/// let err = payment::read(b"{1:F01DEUTDEFFAXXX0000000000}{2:I999COBADEFFXXXXN}{4:\r\n-}").unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Malformed);
/// # Ok::<(), sanctions::Error>(())
/// ```
pub fn read(input: &[u8]) -> Result<Vec<Message>> {
    match detect(input)? {
        Format::SwiftMt => mt::read(input),
        Format::Iso20022 => iso20022::read(input),
    }
}

/// Whether a text is a BIC: 4 letters (institution), 2 letters (country), 2 letters or
/// digits (location), and optionally 3 letters or digits (branch) (ISO 9362).
pub(crate) fn is_bic(s: &str) -> bool {
    let b = s.as_bytes();
    (b.len() == 8 || b.len() == 11)
        && b.iter().take(6).all(u8::is_ascii_uppercase)
        && b.iter()
            .skip(6)
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// Letters 5 and 6 of a BIC: its country.
pub(crate) fn bic_country(bic: &str) -> Option<String> {
    bic.get(4..6).map(str::to_string)
}

/// Whether a text is an ISO 3166-1 alpha-2 code as written in messages (two capitals).
pub(crate) fn is_country(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// An error of a field longer than [`MAX_FIELD_BYTES`].
pub(crate) fn too_long(field: &str, len: usize, line: u64) -> Error {
    Error::new(
        ErrorKind::Malformed,
        format!("expected field {field} of at most {MAX_FIELD_BYTES} bytes, found {len} bytes"),
    )
    .with_line(line)
}
