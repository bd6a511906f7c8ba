//! The audit stamp: which lists, crate version and settings produced a result.
//!
//! A compliance decision must be reproducible: an auditor asks which list version a match
//! came from and which threshold decided it. Every [`Match`](super::Match),
//! [`TextHit`](super::TextHit) and [`Comparison`](super::Comparison) carries an [`Audit`]: the
//! screener's [`AuditStamp`] (shared, built once with the screener) and the settings of the
//! query that produced it.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize, Serializer};

use crate::model::{ContentHash, PartialDate, SanctionsList, Source};

/// One list a screener was built from: its source, publication date, size and content hash.
///
/// ```
/// use sanctions::{Screener, Source};
///
/// let list = Screener::demo_list()?;
/// let screener = Screener::builder().list(list.clone()).build()?;
/// let stamp = &screener.audit_stamp().lists()[0];
/// assert_eq!(stamp.source(), Source::Custom);
/// assert_eq!(stamp.published(), None); // the file states no date
/// assert_eq!(stamp.entities(), 74);
/// assert_eq!(stamp.content_hash(), list.content_hash());
/// assert!(stamp.to_string().starts_with("custom, 74 entities, sha256 "));
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListStamp {
    pub(crate) source: Source,
    /// `null` in JSON when the file states no date. (Always written: a snapshot's format has
    /// no field names, so a field left out would shift the ones after it.)
    pub(crate) published: Option<PartialDate>,
    pub(crate) entities: usize,
    pub(crate) sha256: ContentHash,
}

impl ListStamp {
    /// The stamp of a list: [`SanctionsList::content_hash`] of its entities as read.
    pub(crate) fn of(list: &SanctionsList) -> ListStamp {
        ListStamp {
            source: list.source,
            published: list.published,
            entities: list.entities.len(),
            sha256: list.content_hash(),
        }
    }

    /// The publisher.
    pub fn source(&self) -> Source {
        self.source
    }

    /// The publication date the file states, when it states one.
    pub fn published(&self) -> Option<PartialDate> {
        self.published
    }

    /// The number of entities the list held (before entities of the same id in several lists
    /// were merged).
    pub fn entities(&self) -> usize {
        self.entities
    }

    /// The SHA-256 of the list's entities ([`SanctionsList::content_hash`]).
    pub fn content_hash(&self) -> ContentHash {
        self.sha256
    }
}

/// What a screener was built from and with: the crate version, every list with its
/// publication date and content hash, and the screener's settings. Built once with the
/// screener ([`Screener::audit_stamp`](super::Screener::audit_stamp)), kept in a saved
/// snapshot, and shared by every result.
///
/// ```
/// use sanctions::{Screener, DEFAULT_THRESHOLD, MAX_QUERY_TOKENS, WEAK_ALIAS_MIN};
///
/// let screener = Screener::demo()?;
/// let stamp = screener.audit_stamp();
/// assert_eq!(stamp.crate_version(), env!("CARGO_PKG_VERSION"));
/// assert_eq!(stamp.lists().len(), 1);
/// assert_eq!(stamp.default_threshold(), DEFAULT_THRESHOLD);
/// assert_eq!(stamp.weak_alias_min(), WEAK_ALIAS_MIN);
/// assert_eq!(stamp.max_query_tokens(), MAX_QUERY_TOKENS);
/// // Every result shares it.
/// assert_eq!(screener.screen("KAZSTANEX LLP")[0].audit().stamp(), stamp);
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditStamp {
    #[serde(rename = "crate")]
    pub(crate) crate_name: String,
    pub(crate) version: String,
    pub(crate) lists: Vec<ListStamp>,
    /// The screener's default threshold.
    #[serde(serialize_with = "decimal")]
    pub(crate) default_threshold: f32,
    #[serde(serialize_with = "decimal")]
    pub(crate) weak_alias_min: f32,
    pub(crate) max_query_tokens: usize,
}

impl AuditStamp {
    pub(crate) fn new(lists: Vec<ListStamp>, default_threshold: f32) -> AuditStamp {
        AuditStamp {
            crate_name: env!("CARGO_PKG_NAME").to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            lists,
            default_threshold,
            weak_alias_min: super::WEAK_ALIAS_MIN,
            max_query_tokens: super::MAX_QUERY_TOKENS,
        }
    }

    /// The version of this crate that built the screener.
    pub fn crate_version(&self) -> &str {
        &self.version
    }

    /// The lists, in the order they were added.
    pub fn lists(&self) -> &[ListStamp] {
        &self.lists
    }

    /// The screener's default threshold.
    pub fn default_threshold(&self) -> f32 {
        self.default_threshold
    }

    /// The least score of a match through a weak alias ([`WEAK_ALIAS_MIN`](crate::WEAK_ALIAS_MIN)).
    pub fn weak_alias_min(&self) -> f32 {
        self.weak_alias_min
    }

    /// The most tokens of a query scored ([`MAX_QUERY_TOKENS`](crate::MAX_QUERY_TOKENS)).
    pub fn max_query_tokens(&self) -> usize {
        self.max_query_tokens
    }
}

/// The audit record of one result: the screener's [`AuditStamp`] and the settings the query
/// ran with.
///
/// ```
/// let screener = sanctions::Screener::demo()?;
/// let m = &screener.screen("KAZSTANEX LLP")[0];
/// let audit = m.audit();
/// assert_eq!(audit.stamp().crate_version(), env!("CARGO_PKG_VERSION"));
/// assert_eq!(audit.stamp().lists()[0].content_hash(), screener.audit_stamp().lists()[0].content_hash());
/// assert_eq!(audit.threshold(), screener.threshold());
/// // In JSON: {"crate":"sanctions","version":..,"lists":[{"source":..,"entities":..,"sha256":..}],..}
/// let json = serde_json::to_value(audit)?;
/// assert_eq!(json["threshold"], 0.75);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Audit {
    #[serde(flatten)]
    pub(crate) stamp: Arc<AuditStamp>,
    #[serde(serialize_with = "decimal")]
    pub(crate) threshold: f32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) limit: Option<usize>,
}

impl Audit {
    /// The stamp of the screener that produced the result.
    pub fn stamp(&self) -> &AuditStamp {
        &self.stamp
    }

    /// The threshold the result was decided at (the query's, else the screener's default).
    pub fn threshold(&self) -> f32 {
        self.threshold
    }

    /// The most matches the query asked for; `None` for a text scan or a comparison.
    pub fn limit(&self) -> Option<usize> {
        self.limit
    }
}

impl fmt::Display for ListStamp {
    /// `uk published 2024-05-13, 5 entities, sha256 1a2b...` (the whole hash).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.source)?;
        if let Some(date) = self.published {
            write!(f, " published {date}")?;
        }
        write!(f, ", {} entities, sha256 {}", self.entities, self.sha256)
    }
}

impl fmt::Display for AuditStamp {
    /// The crate and version, the default threshold, then one list per line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}, default threshold {}",
            self.crate_name, self.version, self.default_threshold
        )?;
        for list in &self.lists {
            write!(f, "\n  {list}")?;
        }
        Ok(())
    }
}

/// A setting as the decimal it was written as (`0.95`, not the `0.949999988` of its `f32`) in
/// JSON and other formats for people; as the `f32` itself in a snapshot, which reads it back
/// as one.
fn decimal<S: Serializer>(value: &f32, s: S) -> Result<S::Ok, S::Error> {
    if s.is_human_readable() {
        s.serialize_f64((f64::from(*value) * 1e6).round() / 1e6)
    } else {
        s.serialize_f32(*value)
    }
}
