//! What changed in one entity between two versions of a list.

use std::collections::HashMap;
use std::fmt;
use std::hash::Hash;

use serde::{Deserialize, Serialize};

use crate::model::{
    Address, BirthDate, ContentHash, Entity, EntityId, EntityKind, Gender, Identifier,
    IdentifierKind, Name, NameKind,
};

/// Values longer than this many characters (remarks, mostly) are cut in a [`FieldChange`]:
/// a diff is read by people and stored per list update, and the content hashes already tell
/// that the value changed.
///
/// ```
/// use sanctions::{ListDiff, Screener, diff::{Field, MAX_VALUE_CHARS}};
///
/// let old = Screener::demo_list()?;
/// let mut new = old.clone();
/// new.entities[0].remarks = Some("x".repeat(1000));
/// let diff = ListDiff::between(&old, &new);
/// let change = diff.changed()[0].field(Field::Remarks).ok_or("remarks changed")?;
/// assert_eq!(change.added()[0].chars().count(), MAX_VALUE_CHARS + 1); // cut, and `…` added
/// assert!(change.added()[0].ends_with('…'));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MAX_VALUE_CHARS: usize = 200;

/// The values removed and added in one multi-valued part of an entity (its names, identifiers,
/// programs, or one of its other fields).
///
/// The values are compared as multisets: the same alias given twice counts twice, and a list
/// that only reorders the values gives an empty delta. Removed values are in the old order,
/// added ones in the new order.
///
/// ```
/// use sanctions::{ListDiff, Screener};
///
/// let old = Screener::demo_list()?;
/// let mut new = old.clone();
/// new.entities[0].programs = vec!["RUSSIA-EO14024".into()];
/// let diff = ListDiff::between(&old, &new);
/// let programs = diff.changed()[0].programs();
/// assert_eq!(programs.removed(), ["Russia / Russie"]);
/// assert_eq!(programs.added(), ["RUSSIA-EO14024"]);
/// assert!(diff.changed()[0].names().is_empty());
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
pub struct Delta<T> {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    removed: Vec<T>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    added: Vec<T>,
}

impl<T> Default for Delta<T> {
    fn default() -> Delta<T> {
        Delta {
            removed: Vec::new(),
            added: Vec::new(),
        }
    }
}

impl<T> Delta<T> {
    /// The values the old version has and the new one has not.
    pub fn removed(&self) -> &[T] {
        &self.removed
    }

    /// The values the new version has and the old one has not.
    pub fn added(&self) -> &[T] {
        &self.added
    }

    /// Whether nothing was added or removed.
    ///
    /// ```
    /// use sanctions::{ListDiff, Screener};
    ///
    /// let old = Screener::demo_list()?;
    /// let mut new = old.clone();
    /// new.entities[0].names.reverse(); // the same names in another order
    /// let diff = ListDiff::between(&old, &new);
    /// assert!(diff.changed()[0].names().is_empty());
    /// assert!(diff.changed()[0].is_reordered_only());
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.added.is_empty()
    }

    fn map<U>(self, f: impl Fn(T) -> U) -> Delta<U> {
        Delta {
            removed: self.removed.into_iter().map(&f).collect(),
            added: self.added.into_iter().map(&f).collect(),
        }
    }
}

/// The multiset difference of two slices, in time linear in their lengths.
pub(crate) fn delta<T: Eq + Hash + Clone>(old: &[T], new: &[T]) -> Delta<T> {
    Delta {
        removed: missing_from(old, new),
        added: missing_from(new, old),
    }
}

/// The items of `a` that `b` does not account for, each occurrence in `b` accounting for one
/// in `a`.
fn missing_from<T: Eq + Hash + Clone>(a: &[T], b: &[T]) -> Vec<T> {
    if a == b {
        return Vec::new();
    }
    let mut left: HashMap<&T, usize> = HashMap::with_capacity(b.len());
    for x in b {
        *left.entry(x).or_default() += 1;
    }
    let mut out = Vec::new();
    for x in a {
        match left.get_mut(x) {
            Some(n) if *n > 0 => *n -= 1,
            _ => out.push(x.clone()),
        }
    }
    out
}

/// A field of an [`Entity`] other than its names, identifiers and programs (which
/// [`EntityChange`] reports with their own types).
///
/// ```
/// use sanctions::diff::Field;
///
/// assert_eq!(Field::BirthDates.as_str(), "birth_dates");
/// assert_eq!(serde_json::to_string(&Field::ListedOn)?, r#""listed_on""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Field {
    /// [`Entity::kind`]: one value.
    Kind,
    /// [`Entity::birth_dates`].
    BirthDates,
    /// [`Entity::birth_places`].
    BirthPlaces,
    /// [`Entity::nationalities`].
    Nationalities,
    /// [`Entity::countries`].
    Countries,
    /// [`Entity::addresses`], each written on one line.
    Addresses,
    /// [`Entity::gender`]: at most one value.
    Gender,
    /// [`Entity::listed_on`]: at most one value.
    ListedOn,
    /// [`Entity::remarks`]: at most one value.
    Remarks,
}

impl Field {
    /// The field's name as in the `custom` format (`birth_dates`, `listed_on`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Kind => "kind",
            Field::BirthDates => "birth_dates",
            Field::BirthPlaces => "birth_places",
            Field::Nationalities => "nationalities",
            Field::Countries => "countries",
            Field::Addresses => "addresses",
            Field::Gender => "gender",
            Field::ListedOn => "listed_on",
            Field::Remarks => "remarks",
        }
    }

    /// Whether the field holds at most one value, so that a change is an old value replaced
    /// by a new one.
    ///
    /// ```
    /// use sanctions::diff::Field;
    ///
    /// assert!(Field::Remarks.is_single());
    /// assert!(!Field::Countries.is_single());
    /// ```
    pub fn is_single(self) -> bool {
        matches!(
            self,
            Field::Kind | Field::Gender | Field::ListedOn | Field::Remarks
        )
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A change in one [`Field`]: the values removed and added, written as text.
///
/// For a single-valued field ([`Field::is_single`]), `removed` holds the old value and `added`
/// the new one (either empty when the field was unset). Values longer than
/// [`MAX_VALUE_CHARS`] characters are cut and end with `…`.
///
/// ```
/// use sanctions::{ListDiff, Screener, diff::Field};
///
/// let old = Screener::demo_list()?;
/// let mut new = old.clone();
/// new.entities[0].countries = vec!["RU".into()];
/// let diff = ListDiff::between(&old, &new);
/// let change = &diff.changed()[0].fields()[0];
/// assert_eq!(change.field(), Field::Countries);
/// assert!(change.removed().is_empty());
/// assert_eq!(change.added(), ["RU"]);
/// assert_eq!(change.to_string(), r#"countries: +"RU""#);
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    field: Field,
    #[serde(flatten)]
    values: Delta<String>,
}

impl FieldChange {
    /// The field.
    pub fn field(&self) -> Field {
        self.field
    }

    /// The values that were removed (the old value of a single-valued field).
    pub fn removed(&self) -> &[String] {
        self.values.removed()
    }

    /// The values that were added (the new value of a single-valued field).
    pub fn added(&self) -> &[String] {
        self.values.added()
    }
}

impl fmt::Display for FieldChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:", self.field)?;
        if self.field.is_single() {
            let show = |v: &[String]| v.first().map_or("(none)".to_string(), |s| format!("{s:?}"));
            return write!(f, " {} -> {}", show(self.removed()), show(self.added()));
        }
        for v in self.removed() {
            write!(f, " -{v:?}")?;
        }
        for v in self.added() {
            write!(f, " +{v:?}")?;
        }
        Ok(())
    }
}

/// What a list update changed in one entity: names, identifiers and programs added and
/// removed, the other fields by name, and the entity's old and new content hashes.
///
/// An entity whose values are all the same but in another order (aliases reordered, say) is
/// [reordered only](EntityChange::is_reordered_only): its hash changed, every delta is
/// empty. Such a change cannot move a screening result, so
/// [`ListDiff::names_changed`](super::ListDiff::names_changed) and
/// [`ListDiff::rescreen`](super::ListDiff::rescreen) leave it out.
///
/// ```
/// use sanctions::model::{Name, NameKind};
/// use sanctions::{ListDiff, Screener};
///
/// let old = Screener::demo_list()?;
/// let mut new = old.clone();
/// new.entities[0].names.push(Name::new("Jewgeni Prigoschin").with_kind(NameKind::Aka));
/// let diff = ListDiff::between(&old, &new);
/// let change = &diff.changed()[0];
/// assert_eq!(change.id(), &old.entities[0].id);
/// assert_eq!(change.name(), Some("PRIGOZHIN, Yevgeny Viktorovich"));
/// assert_eq!(change.old_hash(), old.entities[0].content_hash());
/// assert_eq!(change.new_hash(), new.entities[0].content_hash());
/// assert!(!change.is_reordered_only());
/// assert_eq!(change.names().added()[0].text, "Jewgeni Prigoschin");
/// assert!(change.identifiers().is_empty() && change.programs().is_empty());
/// assert!(change.fields().is_empty());
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityChange {
    #[serde(flatten)]
    id: EntityId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    old_hash: ContentHash,
    new_hash: ContentHash,
    reordered_only: bool,
    #[serde(default, skip_serializing_if = "Delta::is_empty")]
    names: Delta<Name>,
    #[serde(default, skip_serializing_if = "Delta::is_empty")]
    identifiers: Delta<Identifier>,
    #[serde(default, skip_serializing_if = "Delta::is_empty")]
    programs: Delta<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    fields: Vec<FieldChange>,
}

impl EntityChange {
    /// Compares two versions of one entity, which differ (`old != new`).
    pub(crate) fn between(old: &Entity, new: &Entity) -> EntityChange {
        // Every field is named, so that a field added to `Entity` does not compile here until
        // the diff reports it.
        let Entity {
            id: _,
            kind: old_kind,
            names: old_names,
            programs: old_programs,
            birth_dates: old_birth_dates,
            birth_places: old_birth_places,
            nationalities: old_nationalities,
            countries: old_countries,
            addresses: old_addresses,
            identifiers: old_identifiers,
            gender: old_gender,
            listed_on: old_listed_on,
            remarks: old_remarks,
        } = old;
        let mut fields = Vec::new();
        let f = &mut fields;
        push_single(
            f,
            Field::Kind,
            Some(old_kind.as_str()),
            Some(new.kind.as_str()),
        );
        push_many(
            f,
            Field::BirthDates,
            delta(old_birth_dates, &new.birth_dates).map(|b| birth_date_text(&b)),
        );
        push_many(
            f,
            Field::BirthPlaces,
            delta(old_birth_places, &new.birth_places),
        );
        push_many(
            f,
            Field::Nationalities,
            delta(old_nationalities, &new.nationalities),
        );
        push_many(f, Field::Countries, delta(old_countries, &new.countries));
        push_many(
            f,
            Field::Addresses,
            delta(old_addresses, &new.addresses).map(|a| address_text(&a)),
        );
        push_single(
            f,
            Field::Gender,
            old_gender.map(gender_text),
            new.gender.map(gender_text),
        );
        push_single(
            f,
            Field::ListedOn,
            old_listed_on.map(|d| d.to_string()),
            new.listed_on.map(|d| d.to_string()),
        );
        push_single(
            f,
            Field::Remarks,
            old_remarks.as_deref(),
            new.remarks.as_deref(),
        );
        let names = delta(old_names, &new.names);
        let identifiers = delta(old_identifiers, &new.identifiers);
        let programs = delta(old_programs, &new.programs);
        let reordered_only =
            names.is_empty() && identifiers.is_empty() && programs.is_empty() && fields.is_empty();
        debug_assert!(old != new, "an entity change between equal entities");
        EntityChange {
            id: new.id.clone(),
            name: new.primary_name().map(|n| n.text.clone()),
            old_hash: old.content_hash(),
            new_hash: new.content_hash(),
            reordered_only,
            names,
            identifiers,
            programs,
            fields,
        }
    }

    /// The entity's id.
    pub fn id(&self) -> &EntityId {
        &self.id
    }

    /// The entity's primary name in the new version.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The content hash of the old version.
    pub fn old_hash(&self) -> ContentHash {
        self.old_hash
    }

    /// The content hash of the new version.
    pub fn new_hash(&self) -> ContentHash {
        self.new_hash
    }

    /// Whether only the order of values changed: every delta is empty, the content hash
    /// changed.
    pub fn is_reordered_only(&self) -> bool {
        self.reordered_only
    }

    /// Names removed and added. A name whose kind changed (a.k.a. to f.k.a., say) is removed
    /// with its old kind and added with its new one.
    pub fn names(&self) -> &Delta<Name> {
        &self.names
    }

    /// Whether a name was added or removed: the change that calls for screening customers
    /// against the entity again.
    ///
    /// ```
    /// use sanctions::{ListDiff, Screener};
    ///
    /// let old = Screener::demo_list()?;
    /// let mut new = old.clone();
    /// new.entities[0].remarks = Some("Wagner Group founder".into());
    /// new.entities[1].names.pop();
    /// let diff = ListDiff::between(&old, &new);
    /// let changed = |i: usize| diff.changed().iter().find(|c| c.id() == &old.entities[i].id);
    /// assert_eq!(changed(0).map(|c| c.names_changed()), Some(false));
    /// assert_eq!(changed(1).map(|c| c.names_changed()), Some(true));
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn names_changed(&self) -> bool {
        !self.names.is_empty()
    }

    /// Identifiers removed and added (a change of value, kind, country or note is one of each).
    pub fn identifiers(&self) -> &Delta<Identifier> {
        &self.identifiers
    }

    /// Programs removed and added.
    pub fn programs(&self) -> &Delta<String> {
        &self.programs
    }

    /// The other fields that changed, in the order of [`Field`].
    pub fn fields(&self) -> &[FieldChange] {
        &self.fields
    }

    /// The change of one field, if it changed.
    ///
    /// ```
    /// use sanctions::{ListDiff, Screener, diff::Field};
    ///
    /// let old = Screener::demo_list()?;
    /// let mut new = old.clone();
    /// new.entities[0].listed_on = "2022-03-01".parse().ok();
    /// let diff = ListDiff::between(&old, &new);
    /// let listed = diff.changed()[0].field(Field::ListedOn).ok_or("listed_on changed")?;
    /// assert_eq!(listed.added(), ["2022-03-01"]);
    /// assert!(diff.changed()[0].field(Field::Remarks).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn field(&self, field: Field) -> Option<&FieldChange> {
        self.fields.iter().find(|c| c.field == field)
    }
}

impl fmt::Display for EntityChange {
    /// One line with the id, the name and the hashes, then one line per change, indented.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "~ {}", self.id)?;
        if let Some(name) = &self.name {
            write!(f, " {name:?}")?;
        }
        write!(
            f,
            " ({} -> {})",
            short(&self.old_hash),
            short(&self.new_hash)
        )?;
        if self.reordered_only {
            return f.write_str(" reordered only");
        }
        for n in self.names.removed() {
            write!(f, "\n    - {} {:?}", name_kind_text(n.kind), n.text)?;
        }
        for n in self.names.added() {
            write!(f, "\n    + {} {:?}", name_kind_text(n.kind), n.text)?;
        }
        for i in self.identifiers.removed() {
            write!(f, "\n    - identifier {}", identifier_text(i))?;
        }
        for i in self.identifiers.added() {
            write!(f, "\n    + identifier {}", identifier_text(i))?;
        }
        for p in self.programs.removed() {
            write!(f, "\n    - program {p}")?;
        }
        for p in self.programs.added() {
            write!(f, "\n    + program {p}")?;
        }
        for c in &self.fields {
            write!(f, "\n    {c}")?;
        }
        Ok(())
    }
}

/// Records a change of a single-valued field, if its value changed.
fn push_single<S: Into<String> + PartialEq>(
    fields: &mut Vec<FieldChange>,
    field: Field,
    old: Option<S>,
    new: Option<S>,
) {
    if old != new {
        fields.push(FieldChange {
            field,
            values: Delta {
                removed: old.map(|s| cut(s.into())).into_iter().collect(),
                added: new.map(|s| cut(s.into())).into_iter().collect(),
            },
        });
    }
}

/// Records a change of a multi-valued field, if a value was added or removed.
fn push_many(fields: &mut Vec<FieldChange>, field: Field, values: Delta<String>) {
    if !values.is_empty() {
        fields.push(FieldChange {
            field,
            values: values.map(cut),
        });
    }
}

/// The first 12 hex digits of a hash, enough for a person to tell two apart.
pub(crate) fn short(h: &ContentHash) -> String {
    let mut s = h.to_string();
    s.truncate(12);
    s
}

fn cut(mut s: String) -> String {
    if let Some((at, _)) = s.char_indices().nth(MAX_VALUE_CHARS) {
        s.truncate(at);
        s.push('…');
    }
    s
}

fn name_kind_text(k: NameKind) -> &'static str {
    match k {
        NameKind::Primary => "primary",
        NameKind::Aka => "aka",
        NameKind::Fka => "fka",
        NameKind::WeakAka => "weak_aka",
    }
}

fn gender_text(g: Gender) -> &'static str {
    match g {
        Gender::Male => "male",
        Gender::Female => "female",
    }
}

fn identifier_text(i: &Identifier) -> String {
    let kind = match i.kind {
        IdentifierKind::Passport => "passport",
        IdentifierKind::NationalId => "national_id",
        IdentifierKind::TaxId => "tax_id",
        IdentifierKind::Registration => "registration",
        IdentifierKind::Imo => "imo",
        IdentifierKind::Bic => "bic",
        IdentifierKind::Crypto => "crypto",
        IdentifierKind::Other => "other",
    };
    let mut s = format!("{kind} {:?}", i.value);
    if let Some(c) = &i.country {
        s.push_str(&format!(" ({c})"));
    }
    if let Some(n) = &i.note {
        s.push_str(&format!(" [{n}]"));
    }
    s
}

/// A birth date as text: `1961-06-01`, `circa 1961`, `1960 to 1962`.
fn birth_date_text(b: &BirthDate) -> String {
    match b {
        BirthDate::On(d) => d.to_string(),
        BirthDate::Circa { circa } => format!("circa {circa}"),
        BirthDate::Between { from, to } => format!("{from} to {to}"),
    }
}

/// An address on one line: its parts that are set, joined by `, `.
fn address_text(a: &Address) -> String {
    let Address {
        full,
        street,
        city,
        region,
        postal_code,
        country,
    } = a;
    [full, street, city, region, postal_code, country]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

/// An entity as a diff lists it when it was added or removed: id, kind, primary name,
/// programs and content hash.
///
/// ```
/// use sanctions::{EntityKind, ListDiff, Screener};
///
/// let old = Screener::demo_list()?;
/// let mut new = old.clone();
/// let gone = new.entities.remove(0);
/// let diff = ListDiff::between(&old, &new);
/// let removed = &diff.removed()[0];
/// assert_eq!(removed.id(), &gone.id);
/// assert_eq!(removed.kind(), EntityKind::Person);
/// assert_eq!(removed.name(), Some("PRIGOZHIN, Yevgeny Viktorovich"));
/// assert_eq!(removed.programs(), ["Russia / Russie"]);
/// assert_eq!(removed.hash(), gone.content_hash());
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntitySummary {
    #[serde(flatten)]
    id: EntityId,
    kind: EntityKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    programs: Vec<String>,
    hash: ContentHash,
}

impl EntitySummary {
    pub(crate) fn of(e: &Entity) -> EntitySummary {
        EntitySummary {
            id: e.id.clone(),
            kind: e.kind,
            name: e.primary_name().map(|n| n.text.clone()),
            programs: e.programs.clone(),
            hash: e.content_hash(),
        }
    }

    /// The entity's id.
    pub fn id(&self) -> &EntityId {
        &self.id
    }

    /// The entity's kind.
    pub fn kind(&self) -> EntityKind {
        self.kind
    }

    /// The entity's primary name.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The entity's programs.
    pub fn programs(&self) -> &[String] {
        &self.programs
    }

    /// The entity's content hash.
    pub fn hash(&self) -> ContentHash {
        self.hash
    }
}

impl fmt::Display for EntitySummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.id, self.kind)?;
        if let Some(name) = &self.name {
            write!(f, " {name:?}")?;
        }
        if !self.programs.is_empty() {
            write!(f, " [{}]", self.programs.join(", "))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delta_is_a_multiset_difference_in_list_order() {
        type Case<'a> = (
            &'a str,
            &'a [&'a str],
            &'a [&'a str],
            &'a [&'a str],
            &'a [&'a str],
        );
        let cases: &[Case] = &[
            ("equal", &["a", "b"], &["a", "b"], &[], &[]),
            ("reordered", &["a", "b", "a"], &["b", "a", "a"], &[], &[]),
            ("one added", &["a"], &["b", "a"], &[], &["b"]),
            ("one removed", &["a", "b", "c"], &["c", "a"], &["b"], &[]),
            ("a repeat dropped", &["a", "a"], &["a"], &["a"], &[]),
            ("replaced", &["x", "y"], &["y", "z"], &["x"], &["z"]),
            ("from nothing", &[], &["q", "p"], &[], &["q", "p"]),
        ];
        for (name, old, new, removed, added) in cases {
            let d = delta(old, new);
            assert_eq!(d.removed(), *removed, "{name}: removed");
            assert_eq!(d.added(), *added, "{name}: added");
        }
    }

    #[test]
    fn long_values_are_cut_on_a_char_boundary() {
        assert_eq!(cut("short".into()), "short");
        let exact = "é".repeat(MAX_VALUE_CHARS);
        assert_eq!(cut(exact.clone()), exact);
        let long = "é".repeat(MAX_VALUE_CHARS + 5);
        let c = cut(long);
        assert_eq!(c.chars().count(), MAX_VALUE_CHARS + 1);
        assert!(c.ends_with('…'));
    }
}
