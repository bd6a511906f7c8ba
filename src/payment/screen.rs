//! Screening a payment message: party names as names, BICs as identifiers, free text by
//! scanning; one hit per entity and field.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use serde::{Serialize, Serializer};

use super::{Message, Party, PartyRole};
use crate::model::{EntityId, EntityKind, Identifier, IdentifierKind};
use crate::score::{Explanation, Factor};
use crate::screen::{Match, Query, Score, Screener, TextHit};

/// How a payment hit was found.
///
/// ```
/// use sanctions::{Screener, payment::{self, HitKind}};
///
/// let fin = "{1:F01DEUTDEFFAXXX0000000000}{2:I103COBADEFFXXXXN}{4:\r\n\
///     :20:REF-1\r\n:32A:240105EUR1000,\r\n\
///     :50K:/DE89370400440532013000\r\nALPINE TIMBER AG\r\nZURICH\r\n\
///     :59:/KZ86125KZT5004100100\r\nKAZSTANEX LLP\r\nALMATY\r\n\
///     :70:INVOICE 7 TOO KAZSTANEKS\r\n:71A:SHA\r\n-}";
/// let message = &payment::read(fin.as_bytes())?[0];
/// let hits = Screener::demo()?.screen_payment(message);
/// let kinds: Vec<HitKind> = hits.iter().map(|h| h.kind()).collect();
/// assert_eq!(kinds, [HitKind::Name, HitKind::Text]);
/// assert_eq!(HitKind::Text.as_str(), "text");
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum HitKind {
    /// A party's name, screened as a name with [`Screener::screen`].
    Name,
    /// A party's BIC, equal to an identifier of the entity (the name, if any, did not match
    /// on its own).
    Identifier,
    /// A listed name found in the field's text by [`Screener::screen_text`].
    Text,
}

impl HitKind {
    /// The name used in output (`name`, `identifier`, `text`).
    pub fn as_str(self) -> &'static str {
        match self {
            HitKind::Name => "name",
            HitKind::Identifier => "identifier",
            HitKind::Text => "text",
        }
    }
}

/// What a hit holds: the match of a name or identifier query, or the hit of a text scan.
#[derive(Clone, Debug, PartialEq)]
enum Found {
    Match(Match),
    Text(TextHit),
}

/// A listed entity found in a payment message: where (message, field, text) and what (the
/// entity, the list name, the score and its explanation).
///
/// ```
/// use sanctions::payment::{self, HitKind, PartyRole};
/// use sanctions::Screener;
///
/// let fin = "{1:F01DEUTDEFFAXXX0000000000}{2:I103COBADEFFXXXXN}{4:\r\n\
///     :20:REF-1\r\n:32A:240105EUR1000,\r\n\
///     :50K:/DE89370400440532013000\r\nALPINE TIMBER AG\r\nZURICH\r\n\
///     :59:/KZ86125KZT5004100100\r\nKAZSTANEX LLP\r\nALMATY\r\n\
///     :70:INVOICE 7 TOO KAZSTANEKS\r\n:71A:SHA\r\n-}";
/// let message = &payment::read(fin.as_bytes())?[0];
/// let hits = Screener::demo()?.screen_payment(message);
/// let name = &hits[0];
/// assert_eq!((name.message(), name.reference()), (0, Some("REF-1")));
/// assert_eq!(name.transaction(), None); // an MT message has one transaction
/// assert_eq!((name.field(), name.role(), name.kind()), ("59", Some(PartyRole::Creditor), HitKind::Name));
/// assert_eq!(name.text(), "KAZSTANEX LLP");
/// assert_eq!(name.span(), None);
/// assert_eq!(name.entity_id().to_string(), "uk:16678");
/// assert_eq!(name.name(), "KAZSTANEX LIMITED LIABILITY PARTNERSHIP");
/// assert!(name.score().value() >= 0.9);
/// assert!(name.as_match().is_some());
/// let text = &hits[1];
/// assert_eq!((text.field(), text.kind(), text.role()), ("70", HitKind::Text, None));
/// assert_eq!(text.text(), "TOO KAZSTANEKS");
/// assert_eq!(text.span(), Some(10..24));
/// assert!(text.as_text_hit().is_some());
/// assert_eq!(text.explanation().matched().len(), 2);
/// assert_eq!(text.audit().threshold(), sanctions::DEFAULT_THRESHOLD);
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct PaymentHit {
    message: usize,
    reference: Option<String>,
    transaction: Option<Arc<str>>,
    field: String,
    /// The position of the field in the message, for ordering.
    at: usize,
    role: Option<PartyRole>,
    kind: HitKind,
    text: String,
    found: Found,
}

impl PaymentHit {
    /// The message's position in its input ([`Message::index`]).
    pub fn message(&self) -> usize {
        self.message
    }

    /// The message's reference ([`Message::reference`]: MT `:20:`, ISO 20022 `MsgId`).
    pub fn reference(&self) -> Option<&str> {
        self.reference.as_deref()
    }

    /// The ISO 20022 transaction's reference (`EndToEndId`), when the field is in one.
    pub fn transaction(&self) -> Option<&str> {
        self.transaction.as_deref()
    }

    /// The field the hit comes from ([`Field::name`](super::Field::name)).
    pub fn field(&self) -> &str {
        &self.field
    }

    /// The role of the party screened, for name and identifier hits.
    pub fn role(&self) -> Option<PartyRole> {
        self.role
    }

    /// How it was found.
    pub fn kind(&self) -> HitKind {
        self.kind
    }

    /// The text found: the party's name or BIC as screened, or the text of a text hit as it
    /// stands in the field.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// For a text hit, the byte offsets of [`text`](Self::text) in the field's value; the end
    /// is exclusive.
    pub fn span(&self) -> Option<Range<usize>> {
        match &self.found {
            Found::Text(h) => Some(h.span()),
            Found::Match(_) => None,
        }
    }

    /// The entity found.
    pub fn entity_id(&self) -> &EntityId {
        match &self.found {
            Found::Match(m) => m.entity_id(),
            Found::Text(h) => h.entity_id(),
        }
    }

    /// The list name matched, as published.
    pub fn name(&self) -> &str {
        match &self.found {
            Found::Match(m) => m.name(),
            Found::Text(h) => h.name(),
        }
    }

    /// The score.
    pub fn score(&self) -> Score {
        match &self.found {
            Found::Match(m) => m.score(),
            Found::Text(h) => h.score(),
        }
    }

    /// Why.
    pub fn explanation(&self) -> &Explanation {
        match &self.found {
            Found::Match(m) => m.explanation(),
            Found::Text(h) => h.explanation(),
        }
    }

    /// The lists, crate version and settings that produced the hit.
    pub fn audit(&self) -> &crate::Audit {
        match &self.found {
            Found::Match(m) => m.audit(),
            Found::Text(h) => h.audit(),
        }
    }

    /// The match, for a name or identifier hit.
    pub fn as_match(&self) -> Option<&Match> {
        match &self.found {
            Found::Match(m) => Some(m),
            Found::Text(_) => None,
        }
    }

    /// The text hit, for a text hit.
    pub fn as_text_hit(&self) -> Option<&TextHit> {
        match &self.found {
            Found::Text(h) => Some(h),
            Found::Match(_) => None,
        }
    }
}

impl fmt::Display for PaymentHit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "message {}", self.message)?;
        if let Some(r) = &self.reference {
            write!(f, " ({r})")?;
        }
        write!(f, " field {}", self.field)?;
        if let Some(span) = self.span() {
            write!(f, " [{}..{}]", span.start, span.end)?;
        }
        write!(
            f,
            " {} {:?}: {} {} {:?}",
            self.kind.as_str(),
            self.text,
            self.score(),
            self.entity_id(),
            self.name()
        )
    }
}

/// The JSON form of a hit (see the README): flat, with the entity's source and id apart.
#[derive(Serialize)]
struct HitJson<'a> {
    message: usize,
    reference: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    transaction: Option<&'a str>,
    field: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<PartyRole>,
    kind: HitKind,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<usize>,
    source: &'a str,
    entity_id: &'a str,
    name: &'a str,
    score: Score,
    explanation: &'a Explanation,
}

impl Serialize for PaymentHit {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let span = self.span();
        HitJson {
            message: self.message,
            reference: self.reference(),
            transaction: self.transaction(),
            field: &self.field,
            role: self.role,
            kind: self.kind,
            text: &self.text,
            start: span.as_ref().map(|s| s.start),
            end: span.as_ref().map(|s| s.end),
            source: self.entity_id().source.as_str(),
            entity_id: &self.entity_id().id,
            name: self.name(),
            score: self.score(),
            explanation: self.explanation(),
        }
        .serialize(s)
    }
}

/// The identifiers a BIC is listed under: its first eight letters (the institution), and
/// all eleven when a branch is given.
fn bic_identifiers(bic: &str) -> Vec<Identifier> {
    let mut ids = vec![Identifier::new(
        IdentifierKind::Bic,
        bic.get(..8).unwrap_or(bic),
    )];
    if bic.len() == 11 {
        ids.push(Identifier::new(IdentifierKind::Bic, bic));
    }
    ids
}

impl Screener {
    /// Screens a payment message: every party's name as a name (with the party's country,
    /// and its kind and birth date when the message gives them), every party's BIC as an
    /// identifier, and every free-text field ([`FieldKind::is_scanned`](super::FieldKind::is_scanned):
    /// MT `70`, `72`, the lines of party fields; ISO 20022 `Nm`, `Ustrd`, address lines)
    /// with [`screen_text`](Self::screen_text).
    ///
    /// A text hit without a letter (a listed name that is a number, met by a house number
    /// or an amount) is left out.
    ///
    /// One hit per entity and field: a party's name hit is kept over a text hit of the same
    /// entity in the same field, and a name over an identifier (the BIC's agreement is then a
    /// factor of the name's score). Hits come in the order of the message's fields, then name
    /// before identifier before text, then by position in the field. Never fails.
    ///
    /// ```
    /// use sanctions::{Screener, payment::{self, HitKind}};
    ///
    /// let xml = r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08">
    ///   <FIToFICstmrCdtTrf><GrpHdr><MsgId>M-1</MsgId></GrpHdr>
    ///     <CdtTrfTxInf><PmtId><EndToEndId>E2E-1</EndToEndId></PmtId>
    ///       <CdtrAgt><FinInstnId><BICFI>VTBRRUMMXXX</BICFI></FinInstnId></CdtrAgt>
    ///       <RmtInf><Ustrd>FOR TOO KAZSTANEKS</Ustrd></RmtInf>
    ///     </CdtTrfTxInf></FIToFICstmrCdtTrf></Document>"#;
    /// let message = &payment::read(xml.as_bytes())?[0];
    /// let screener = Screener::demo()?;
    /// let hits = screener.screen_payment(message);
    /// assert_eq!(hits[0].field(), "CdtTrfTxInf[1]/CdtrAgt/FinInstnId/BICFI");
    /// assert_eq!((hits[0].kind(), hits[0].entity_id().to_string().as_str()), (HitKind::Identifier, "ofac:17013"));
    /// assert_eq!(hits[1].field(), "CdtTrfTxInf[1]/RmtInf/Ustrd[1]");
    /// assert_eq!((hits[1].text(), hits[1].span()), ("TOO KAZSTANEKS", Some(4..18)));
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    ///
    /// # Performance
    ///
    /// One [`screen`](Self::screen) per party and one [`screen_text`](Self::screen_text) per
    /// scanned field.
    pub fn screen_payment(&self, message: &Message) -> Vec<PaymentHit> {
        let mut hits: Vec<PaymentHit> = Vec::new();
        let hit = |field: &str, at: usize, role, kind, text: &str, found| PaymentHit {
            message: message.index,
            reference: message.reference.clone(),
            transaction: None,
            field: field.to_string(),
            at,
            role,
            kind,
            text: text.to_string(),
            found,
        };
        for party in &message.parties {
            for m in self.screen_party(party) {
                let by_identifier = party.name.is_none()
                    || m.explanation().name_score() < self.threshold()
                        && m.explanation()
                            .factors()
                            .iter()
                            .any(|f| matches!(f, Factor::IdentifierMatch { .. }));
                let (kind, field, at, text) = if by_identifier {
                    (
                        HitKind::Identifier,
                        party.bic_field.as_deref(),
                        party.bic_at,
                        party.bic.as_deref(),
                    )
                } else {
                    (
                        HitKind::Name,
                        party.name_field.as_deref(),
                        party.name_at,
                        party.name.as_deref(),
                    )
                };
                let field = field.unwrap_or(&party.field);
                let at = at.or(party.name_at).or(party.bic_at).unwrap_or(usize::MAX);
                let mut h = hit(
                    field,
                    at,
                    Some(party.role),
                    kind,
                    text.unwrap_or(""),
                    Found::Match(m),
                );
                h.transaction = party.transaction.clone();
                hits.push(h);
            }
        }
        for (at, field) in message.fields.iter().enumerate() {
            if !field.kind.is_scanned() {
                continue;
            }
            for t in self.screen_text(&field.value) {
                // Payment fields are full of numbers (amounts, house numbers, references)
                // and a few listed names are numbers alone (`07`, `40`): a text hit without
                // a letter is noise here.
                if !t.text().chars().any(char::is_alphabetic) {
                    continue;
                }
                let text = t.text().to_string();
                let mut h = hit(&field.name, at, None, HitKind::Text, &text, Found::Text(t));
                h.transaction = field.transaction.clone();
                hits.push(h);
            }
        }
        // One hit per entity and field: name, then identifier, then text; then the best score,
        // then the first in the field.
        hits.sort_by(|a, b| {
            (a.at, &a.field, a.entity_id())
                .cmp(&(b.at, &b.field, b.entity_id()))
                .then(a.kind.cmp(&b.kind))
                .then(b.score().value().total_cmp(&a.score().value()))
                .then(start(a).cmp(&start(b)))
        });
        hits.dedup_by(|later, first| {
            later.field == first.field && later.entity_id() == first.entity_id()
        });
        hits.sort_by(|a, b| {
            a.at.cmp(&b.at)
                .then(a.kind.cmp(&b.kind))
                .then(start(a).cmp(&start(b)))
                .then(b.score().value().total_cmp(&a.score().value()))
                .then(a.entity_id().cmp(b.entity_id()))
        });
        hits
    }

    /// The matches of a party's name and BIC.
    fn screen_party(&self, party: &Party) -> Vec<Match> {
        if party.name.is_none() && party.bic.is_none() {
            return Vec::new();
        }
        let mut query = Query::new(party.name.clone().unwrap_or_default());
        if let Some(c) = &party.country {
            query = query.country(c.clone());
        }
        if party.kind != EntityKind::Unknown {
            query = query.kind(party.kind);
        }
        if let Some(d) = party.birth_date {
            query = query.birth_date(d);
        }
        for id in party
            .bic
            .as_deref()
            .map(bic_identifiers)
            .unwrap_or_default()
        {
            query = query.identifier(id);
        }
        self.screen(query)
    }
}

fn start(h: &PaymentHit) -> usize {
    h.span().map_or(0, |s| s.start)
}
