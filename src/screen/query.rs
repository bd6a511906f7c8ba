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
    ///
    /// ```
    /// let screener = sanctions::Screener::demo()?;
    /// let query = sanctions::Query::new("KAZSTANEX LLP");
    /// assert_eq!(screener.screen(query), screener.screen("KAZSTANEX LLP"));
    /// # Ok::<(), sanctions::Error>(())
    /// ```
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
    ///
    /// ```
    /// use sanctions::{EntityKind, Query};
    ///
    /// let screener = sanctions::Screener::demo()?;
    /// let person = Query::new("Yevgeniy Prigozhin").kind(EntityKind::Person);
    /// assert_eq!(screener.screen(person).len(), 5);
    /// let organization = Query::new("Yevgeniy Prigozhin").kind(EntityKind::Organization);
    /// assert!(screener.screen(organization).is_empty());
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn kind(mut self, kind: EntityKind) -> Query {
        self.kind = Some(kind);
        self
    }

    /// Match entities of every kind, whatever the query's kind.
    ///
    /// ```
    /// use sanctions::{EntityKind, Query};
    ///
    /// let screener = sanctions::Screener::demo()?;
    /// let query = Query::new("Yevgeniy Prigozhin").kind(EntityKind::Organization).any_kind();
    /// assert_eq!(screener.screen(query)[0].kind(), EntityKind::Person);
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn any_kind(mut self) -> Query {
        self.any_kind = true;
        self
    }

    /// The party's birth date (persons) or date of registration.
    ///
    /// ```
    /// use sanctions::{Query, score::Factor};
    ///
    /// let screener = sanctions::Screener::demo()?;
    /// let born_1961 = Query::new("Yevgeniy Prigozhin").birth_date("1961".parse()?);
    /// let m = &screener.screen(born_1961)[0];
    /// assert!(m.explanation().factors().contains(&Factor::BirthDateAgrees));
    /// // Another birth year lowers the score of every match.
    /// let born_1969 = Query::new("Yevgeniy Prigozhin").birth_date("1969".parse()?);
    /// let m = &screener.screen(born_1969)[0];
    /// assert!(m.explanation().factors().contains(&Factor::BirthDateConflict { multiplier: 0.85 }));
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn birth_date(mut self, date: PartialDate) -> Query {
        self.birth_date = Some(date);
        self
    }

    /// The party's country (ISO 3166-1 alpha-2).
    ///
    /// ```
    /// use sanctions::{Query, score::Factor};
    ///
    /// let screener = sanctions::Screener::demo()?;
    /// let matches = screener.screen(Query::new("Sberbank").country("KZ"));
    /// // The EU lists Sberbank in RU: the country lowers the score.
    /// let eu = matches.iter().find(|m| m.entity_id().to_string() == "eu:142064").ok_or("eu")?;
    /// assert_eq!(eu.score().value(), 0.95);
    /// assert!(eu.explanation().factors().contains(&Factor::CountryConflict { multiplier: 0.95 }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn country(mut self, country: impl Into<String>) -> Query {
        self.country = Some(country.into());
        self
    }

    /// One more identifier of the party.
    ///
    /// ```
    /// use sanctions::model::{Identifier, IdentifierKind};
    /// use sanctions::{Query, score::Factor};
    ///
    /// let screener = sanctions::Screener::demo()?;
    /// let registration = Identifier::new(IdentifierKind::Registration, "110340017087");
    /// let m = &screener.screen(Query::new("KAZSTANEX").identifier(registration))[0];
    /// let factor = Factor::IdentifierMatch { value: "110340017087".into() };
    /// assert!(m.explanation().factors().contains(&factor));
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn identifier(mut self, identifier: Identifier) -> Query {
        self.identifiers.push(identifier);
        self
    }

    /// The least score a match must reach (default: the screener's threshold).
    ///
    /// ```
    /// use sanctions::Query;
    ///
    /// let screener = sanctions::Screener::demo()?;
    /// assert_eq!(screener.screen("Prigojine Evgueni").len(), 5);
    /// assert_eq!(screener.screen(Query::new("Prigojine Evgueni").threshold(0.95)).len(), 1);
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn threshold(mut self, threshold: f32) -> Query {
        self.threshold = Some(threshold);
        self
    }

    /// The most matches to return (default 10).
    ///
    /// ```
    /// use sanctions::Query;
    ///
    /// let screener = sanctions::Screener::demo()?;
    /// let best = screener.screen(Query::new("Yevgeniy Prigozhin").limit(1));
    /// assert_eq!(best.len(), 1);
    /// assert_eq!(best[0].audit().limit(), Some(1));
    /// # Ok::<(), sanctions::Error>(())
    /// ```
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
