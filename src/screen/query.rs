//! What a caller screens: a name and, optionally, what else is known of the party.

use crate::model::{EntityKind, Identifier, PartialDate};

/// A screening query: a name, and optionally the party's kind, birth date, country and
/// identifiers, with per-query settings.
///
/// `&str` and `String` convert into a query with defaults:
///
/// ```
/// use sanctions::{EntityKind, Query};
///
/// let q = Query::new("Yevgeniy Prigozhin").kind(EntityKind::Person).threshold(0.9).limit(3);
/// assert_eq!(q.name(), "Yevgeniy Prigozhin");
/// let plain: Query = "KAZSTANEX LLP".into();
/// assert_eq!(plain.get_limit(), 10);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Query {
    pub(crate) name: String,
    pub(crate) kind: Option<EntityKind>,
    pub(crate) any_kind: bool,
    pub(crate) birth_date: Option<PartialDate>,
    pub(crate) country: Option<String>,
    pub(crate) identifiers: Vec<Identifier>,
    pub(crate) threshold: Option<f32>,
    pub(crate) limit: usize,
}

impl Query {
    /// A query for a name, with the screener's defaults.
    pub fn new(name: impl Into<String>) -> Query {
        Query {
            name: name.into(),
            kind: None,
            any_kind: false,
            birth_date: None,
            country: None,
            identifiers: Vec::new(),
            threshold: None,
            limit: 10,
        }
    }

    /// The party's kind. A person query does not match organizations, vessels or aircraft,
    /// and the reverse, unless [`Query::any_kind`] is set; entities of unknown kind always
    /// take part.
    pub fn kind(mut self, kind: EntityKind) -> Query {
        self.kind = Some(kind);
        self
    }

    /// Match entities of every kind, whatever the query's kind.
    pub fn any_kind(mut self) -> Query {
        self.any_kind = true;
        self
    }

    /// The party's birth date (persons) or date of registration.
    pub fn birth_date(mut self, date: PartialDate) -> Query {
        self.birth_date = Some(date);
        self
    }

    /// The party's country (ISO 3166-1 alpha-2).
    pub fn country(mut self, country: impl Into<String>) -> Query {
        self.country = Some(country.into());
        self
    }

    /// One more identifier of the party.
    pub fn identifier(mut self, identifier: Identifier) -> Query {
        self.identifiers.push(identifier);
        self
    }

    /// The least score a match must reach (default: the screener's threshold).
    pub fn threshold(mut self, threshold: f32) -> Query {
        self.threshold = Some(threshold);
        self
    }

    /// The most matches to return (default 10).
    pub fn limit(mut self, limit: usize) -> Query {
        self.limit = limit;
        self
    }

    /// The name screened.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The most matches returned.
    pub fn get_limit(&self) -> usize {
        self.limit
    }
}

impl From<&str> for Query {
    fn from(name: &str) -> Query {
        Query::new(name)
    }
}

impl From<String> for Query {
    fn from(name: String) -> Query {
        Query::new(name)
    }
}

impl From<&String> for Query {
    fn from(name: &String) -> Query {
        Query::new(name.as_str())
    }
}
