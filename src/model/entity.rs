//! Entities and their facts: kind, identifiers, addresses.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{BirthDate, Name, NameKind, PartialDate, Source};

/// The official identity of a record: its source and the record id exactly as the file writes
/// it (OFAC `uid`, EU `logicalId`, UK `Group ID`, UN `DATAID`, ...).
///
/// ```
/// use sanctions::model::{EntityId, Source};
///
/// let id = EntityId::new(Source::Uk, "16678");
/// assert_eq!(id.to_string(), "uk:16678");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct EntityId {
    /// The list the record comes from.
    #[serde(default)]
    pub source: Source,
    /// The record id as the file writes it.
    pub id: String,
}

impl EntityId {
    /// An id from its parts.
    ///
    /// ```
    /// use sanctions::model::{EntityId, Source};
    ///
    /// let id = EntityId::new(Source::Ofac, "21171");
    /// assert_eq!((id.source, id.id.as_str()), (Source::Ofac, "21171"));
    /// let screener = sanctions::Screener::demo()?;
    /// assert_eq!(screener.screen("Yevgeniy Prigozhin").iter().filter(|m| m.entity_id() == &id).count(), 1);
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn new(source: Source, id: impl Into<String>) -> EntityId {
        EntityId {
            source,
            id: id.into(),
        }
    }
}

impl fmt::Display for EntityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.source, self.id)
    }
}

/// What kind of party an entity is.
///
/// ```
/// use sanctions::EntityKind;
///
/// let screener = sanctions::Screener::demo()?;
/// assert_eq!(screener.screen("DILBAR")[0].kind(), EntityKind::Vessel);
/// assert_eq!(EntityKind::Vessel.as_str(), "vessel");
/// assert_eq!(EntityKind::default(), EntityKind::Unknown);
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum EntityKind {
    /// A natural person.
    Person,
    /// A company, agency, group or other organization.
    Organization,
    /// A ship.
    Vessel,
    /// An aircraft.
    Aircraft,
    /// The list does not say.
    #[default]
    Unknown,
}

impl EntityKind {
    /// The lower-case name used in output (`person`, `organization`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Vessel => "vessel",
            EntityKind::Aircraft => "aircraft",
            EntityKind::Unknown => "unknown",
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A person's gender, where a list states it.
///
/// ```
/// use sanctions::model::Gender;
///
/// let list = sanctions::Screener::demo_list()?;
/// let abramov = list.entities.iter().find(|e| e.id.to_string() == "uk:16773");
/// assert_eq!(abramov.and_then(|e| e.gender), Some(Gender::Male));
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Gender {
    /// Male.
    Male,
    /// Female.
    Female,
}

/// What an identifier identifies.
///
/// ```
/// use sanctions::model::IdentifierKind;
///
/// let list = sanctions::Screener::demo_list()?;
/// let dilbar = list.entities.iter().find(|e| e.id.to_string() == "ofac:35301");
/// let imo = dilbar.and_then(|e| e.identifiers.first());
/// assert_eq!(imo.map(|i| (i.kind, i.value.as_str())), Some((IdentifierKind::Imo, "9661792")));
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum IdentifierKind {
    /// A passport number.
    Passport,
    /// A national identity number.
    NationalId,
    /// A tax number (INN, TIN, VAT, ...).
    TaxId,
    /// A company registration number (OGRN, BIN, ...).
    Registration,
    /// An IMO ship or company number.
    Imo,
    /// A SWIFT/BIC code.
    Bic,
    /// A crypto-currency address.
    Crypto,
    /// Anything else.
    #[default]
    Other,
}

/// A typed identifier of an entity.
///
/// ```
/// use sanctions::model::{Identifier, IdentifierKind};
///
/// let json = r#"{"kind":"tax_id","value":"600320653786","note":"National Identification Number: TRN"}"#;
/// let id: Identifier = serde_json::from_str(json)?;
/// assert_eq!(id.kind, IdentifierKind::TaxId);
/// assert_eq!(id.country, None);
/// assert_eq!(id.note.as_deref(), Some("National Identification Number: TRN"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Identifier {
    /// What it identifies.
    #[serde(default)]
    pub kind: IdentifierKind,
    /// The value as published.
    pub value: String,
    /// The issuing country (ISO 3166-1 alpha-2) when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The list's own label or remark for it (`Identification Number`, `INN`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Identifier {
    /// An identifier of a kind, without country or note.
    ///
    /// ```
    /// use sanctions::model::{Identifier, IdentifierKind};
    ///
    /// let id = Identifier::new(IdentifierKind::Registration, "110340017087");
    /// assert_eq!(serde_json::to_string(&id)?, r#"{"kind":"registration","value":"110340017087"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn new(kind: IdentifierKind, value: impl Into<String>) -> Identifier {
        Identifier {
            kind,
            value: value.into(),
            country: None,
            note: None,
        }
    }
}

/// A postal address; every part is optional because lists give what they have.
///
/// ```
/// let list = sanctions::Screener::demo_list()?;
/// let kazstanex = list.entities.iter().find(|e| e.id.to_string() == "uk:16678");
/// let address = kazstanex.and_then(|e| e.addresses.first());
/// assert_eq!(address.and_then(|a| a.city.as_deref()), Some("ALMATY CITY"));
/// assert_eq!(address.and_then(|a| a.country.as_deref()), Some("KZ"));
/// assert_eq!(address.and_then(|a| a.full.as_deref()), None);
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Address {
    /// The address on one line, when the list gives it so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full: Option<String>,
    /// Street and number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// City.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Region, state or province.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// Country (ISO 3166-1 alpha-2 where known, else as written).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// A listed party: a person, organization, vessel or aircraft, with all the facts the list
/// gives.
///
/// In the `custom` JSON Lines format, each line is one entity:
///
/// ```
/// use sanctions::model::{Entity, EntityKind};
///
/// let line = r#"{"source":"uk","id":"16678","kind":"organization",
///     "names":[{"text":"KAZSTANEX LLP"},{"text":"TOO КАЗСТАНЭКС","kind":"aka","lang":"ru"}],
///     "programs":["Russia"],"countries":["KZ"]}"#;
/// let entity: Entity = serde_json::from_str(line)?;
/// assert_eq!(entity.kind, EntityKind::Organization);
/// assert_eq!(entity.names.len(), 2);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Entity {
    /// Source and official record id.
    #[serde(flatten)]
    pub id: EntityId,
    /// Person, organization, vessel, aircraft or unknown.
    #[serde(default)]
    pub kind: EntityKind,
    /// Every name, primary first as the list orders them.
    pub names: Vec<Name>,
    /// Sanctions programs or regimes (`RUSSIA-EO14024`, `Russia`, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programs: Vec<String>,
    /// Birth dates (persons) or dates of registration, as precise as given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub birth_dates: Vec<BirthDate>,
    /// Places of birth as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub birth_places: Vec<String>,
    /// Nationalities or citizenships (ISO 3166-1 alpha-2 where known).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nationalities: Vec<String>,
    /// Countries of residence, registration or operation (ISO 3166-1 alpha-2 where known).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    /// Addresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<Address>,
    /// Typed identifiers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<Identifier>,
    /// Gender, for persons, when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// The date the entity was listed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listed_on: Option<PartialDate>,
    /// Free-text remarks of the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
}

impl Entity {
    /// An entity with an id, a kind and no names yet; its other fields are public.
    ///
    /// ```
    /// use sanctions::model::{Entity, EntityId, EntityKind, Name, Source};
    ///
    /// let mut entity = Entity::new(EntityId::new(Source::Custom, "c-1"), EntityKind::Organization)
    ///     .with_name(Name::new("ТОО «Казстанекс»"));
    /// entity.countries.push("KZ".into());
    /// assert_eq!(
    ///     serde_json::to_string(&entity)?,
    ///     r#"{"source":"custom","id":"c-1","kind":"organization","names":[{"text":"ТОО «Казстанекс»","kind":"primary","script":"Cyrl"}],"countries":["KZ"]}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn new(id: EntityId, kind: EntityKind) -> Entity {
        Entity {
            id,
            kind,
            names: Vec::new(),
            programs: Vec::new(),
            birth_dates: Vec::new(),
            birth_places: Vec::new(),
            nationalities: Vec::new(),
            countries: Vec::new(),
            addresses: Vec::new(),
            identifiers: Vec::new(),
            gender: None,
            listed_on: None,
            remarks: None,
        }
    }

    /// The same entity with one more name.
    ///
    /// ```
    /// use sanctions::model::{Entity, EntityId, EntityKind, Name, NameKind, Source};
    ///
    /// let entity = Entity::new(EntityId::new(Source::Custom, "c-1"), EntityKind::Organization)
    ///     .with_name(Name::new("KAZSTANEX LLP"))
    ///     .with_name(Name::new("TOO KAZSTANEX").with_kind(NameKind::Aka));
    /// assert_eq!(entity.names.len(), 2);
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn with_name(mut self, name: Name) -> Entity {
        self.names.push(name);
        self
    }

    /// The primary name: the first of kind primary, else the first name.
    ///
    /// ```
    /// use sanctions::model::{Entity, EntityId, EntityKind, Name, NameKind, Source};
    ///
    /// let entity = Entity::new(EntityId::new(Source::Custom, "c-1"), EntityKind::Person)
    ///     .with_name(Name::new("Евгений Пригожин").with_kind(NameKind::Aka))
    ///     .with_name(Name::new("Yevgeniy Prigozhin"));
    /// assert_eq!(entity.primary_name().map(|n| n.text.as_str()), Some("Yevgeniy Prigozhin"));
    /// ```
    pub fn primary_name(&self) -> Option<&Name> {
        self.names
            .iter()
            .find(|n| n.kind == NameKind::Primary)
            .or_else(|| self.names.first())
    }
}
