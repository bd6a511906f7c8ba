//! A whole list: its source, publication date and entities.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::{Entity, PartialDate};
use crate::error::{Error, ErrorKind};

/// The publisher of a list, by its short lower-case name (`ofac`, `eu`, `uk`, ...).
///
/// ```
/// use sanctions::Source;
///
/// let uk: Source = "uk".parse()?;
/// assert_eq!(uk, Source::Uk);
/// assert_eq!(uk.as_str(), "uk");
/// assert!("hmt".parse::<Source>().is_err());
/// assert_eq!(Source::ALL.len(), 8);
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Source {
    /// US Treasury OFAC: the SDN and non-SDN consolidated lists.
    Ofac,
    /// European Union Financial Sanctions Files.
    Eu,
    /// United Kingdom, OFSI consolidated list.
    Uk,
    /// United Nations Security Council consolidated list.
    Un,
    /// US Consolidated Screening List (trade.gov).
    Csl,
    /// Canada, Special Economic Measures Act list.
    Canada,
    /// OpenSanctions collections.
    #[serde(rename = "opensanctions")]
    OpenSanctions,
    /// A team's own list in the crate's JSON Lines format.
    #[default]
    Custom,
}

impl Source {
    /// Every source, in the order results are sorted by.
    pub const ALL: [Source; 8] = [
        Source::Canada,
        Source::Csl,
        Source::Custom,
        Source::Eu,
        Source::OpenSanctions,
        Source::Ofac,
        Source::Uk,
        Source::Un,
    ];

    /// The short lower-case name used in ids and output (`ofac`, `eu`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Ofac => "ofac",
            Source::Eu => "eu",
            Source::Uk => "uk",
            Source::Un => "un",
            Source::Csl => "csl",
            Source::Canada => "canada",
            Source::OpenSanctions => "opensanctions",
            Source::Custom => "custom",
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Source {
    type Err = Error;

    fn from_str(s: &str) -> Result<Source, Error> {
        Source::ALL.into_iter().find(|src| src.as_str() == s).ok_or_else(|| {
            Error::new(
                ErrorKind::InvalidInput,
                format!(
                    "expected a source (ofac, eu, uk, un, csl, canada, opensanctions, custom), found {s:?}"
                ),
            )
        })
    }
}

/// A sanctions list: where it comes from, when it was published, and its entities.
///
/// ```
/// use sanctions::{Screener, Source};
///
/// let list = Screener::demo_list()?;
/// assert_eq!(list.source, Source::Custom);
/// assert_eq!(list.published, None);
/// assert_eq!(list.entities.len(), 74);
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SanctionsList {
    /// The publisher.
    pub source: Source,
    /// The publication date the file states, when it states one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
    /// The entities, in file order.
    pub entities: Vec<Entity>,
}

impl SanctionsList {
    /// An empty list of a source, to fill with entities.
    ///
    /// ```
    /// use sanctions::model::{Entity, EntityId, EntityKind, Name};
    /// use sanctions::{SanctionsList, Screener, Source};
    ///
    /// let mut list = SanctionsList::new(Source::Custom);
    /// list.entities.push(
    ///     Entity::new(EntityId::new(Source::Custom, "c-1"), EntityKind::Organization)
    ///         .with_name(Name::new("ТОО «Казстанекс»")),
    /// );
    /// let screener = Screener::builder().list(list).build()?;
    /// assert_eq!(screener.screen("TOO KAZSTANEKS")[0].entity_id().id, "c-1");
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn new(source: Source) -> SanctionsList {
        SanctionsList {
            source,
            published: None,
            entities: Vec::new(),
        }
    }

    /// The same list with a publication date, which the screener's audit stamp records.
    ///
    /// ```
    /// use sanctions::{SanctionsList, Screener, Source};
    ///
    /// let list = SanctionsList::new(Source::Uk).with_published("2025-02-24".parse()?);
    /// let screener = Screener::builder().list(list).build()?;
    /// assert_eq!(screener.audit_stamp().lists()[0].published().map(|d| d.to_string()).as_deref(), Some("2025-02-24"));
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn with_published(mut self, date: PartialDate) -> SanctionsList {
        self.published = Some(date);
        self
    }
}
