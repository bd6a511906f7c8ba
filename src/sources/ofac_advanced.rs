//! OFAC Advanced XML (`SDN_ADVANCED.XML`, `cons_advanced.xml`): the UN-designed sanctions
//! data standard OFAC publishes beside its classic files.
//!
//! The root is `<Sanctions>` in the namespace `http://www.un.org/sanctions/1.0` (or OFAC's
//! newer `…/exports/ADVANCED_XML`); another namespace is an error. Everything is coded by id:
//! the reader first loads the file's own `ReferenceValueSets` (alias types, party types and
//! subtypes, name-part types, feature types, document types, scripts, countries, programs,
//! lists, sanctions types, detail references, location-part types) and resolves every
//! reference through them. No reference number is written into the reader: a type is known by
//! its text (`A.K.A.`, `Last Name`, `Birthdate`, `Program`, …).
//!
//! Sections are read in the file's order, each record as a small tree:
//! - `Locations`: addresses and countries, kept by id for the features that point at them;
//! - `IDRegDocuments`: documents, kept by identity id;
//! - `DistinctParties`: one entity per party, its id the `FixedRef` (the OFAC uid). The kind
//!   comes from `PartySubType` (Vessel, Aircraft) or its `PartyType` (Individual, Entity).
//!   Each `Alias` gives one name per `DocumentedName`: its parts ordered `Last, First Middle`
//!   for persons, in file order otherwise; `AliasType` A.K.A. and F.K.A. (N.K.A. as a.k.a.),
//!   `Primary` the primary name, `LowQuality` a weak alias; the script from `ScriptID`.
//!   `Feature`s: `Birthdate` (a `DatePeriod`: a day, a month, a year, a range of years, or
//!   approximate), `Place of Birth`, `Nationality Country`, `Citizenship Country`, `Location`
//!   (an address) and the rest through OFAC's `idType` label table, shared with the classic
//!   reader (`SWIFT/BIC`, `Gender`, `Website`, directive determinations as remarks, …).
//! - `SanctionsEntries`: the programs (measures of the type `Program`), the lists (remarks)
//!   and the earliest entry date (the listing date) of each profile.
//!
//! A reference that the value sets do not hold is reported on its record and the field left
//! out; `ProfileRelationships` and `SanctionsEntryLinks` link parties to each other, which the
//! model does not carry.
//!
//! ```
//! use sanctions::model::{EntityKind, NameKind};
//!
//! let xml = r#"<Sanctions xmlns="http://www.un.org/sanctions/1.0"><ReferenceValueSets>
//!   <AliasTypeValues><AliasType ID="1">Name</AliasType><AliasType ID="2">A.K.A.</AliasType></AliasTypeValues>
//!   <NamePartTypeValues><NamePartType ID="3">Entity Name</NamePartType></NamePartTypeValues>
//!   <PartyTypeValues><PartyType ID="4">Entity</PartyType></PartyTypeValues>
//!   <PartySubTypeValues><PartySubType ID="5" PartyTypeID="4">Unknown</PartySubType></PartySubTypeValues>
//! </ReferenceValueSets><DistinctParties><DistinctParty FixedRef="18715">
//!   <Profile ID="18715" PartySubTypeID="5"><Identity ID="1">
//!     <Alias AliasTypeID="1" Primary="true"><DocumentedName><DocumentedNamePart>
//!       <NamePartValue NamePartGroupID="6">VTB BANK PUBLIC JOINT STOCK COMPANY</NamePartValue>
//!     </DocumentedNamePart></DocumentedName></Alias>
//!     <Alias AliasTypeID="2" LowQuality="true"><DocumentedName><DocumentedNamePart>
//!       <NamePartValue NamePartGroupID="7">VTB</NamePartValue>
//!     </DocumentedNamePart></DocumentedName></Alias>
//!     <NamePartGroups>
//!       <MasterNamePartGroup><NamePartGroup ID="6" NamePartTypeID="3"/></MasterNamePartGroup>
//!       <MasterNamePartGroup><NamePartGroup ID="7" NamePartTypeID="3"/></MasterNamePartGroup>
//!     </NamePartGroups>
//!   </Identity></Profile>
//! </DistinctParty></DistinctParties></Sanctions>"#;
//! let loaded = sanctions::sources::ofac_advanced::read(xml.as_bytes())?;
//! let e = &loaded.list.entities[0];
//! assert_eq!((e.id.id.as_str(), e.kind), ("18715", EntityKind::Organization));
//! assert_eq!(e.names[0].text, "VTB BANK PUBLIC JOINT STOCK COMPANY");
//! assert_eq!(e.names[1].kind, NameKind::WeakAka);
//! # Ok::<(), sanctions::Error>(())
//! ```

use std::collections::HashMap;
use std::io::BufRead;

use super::Loaded;
use super::collect::Collector;
use super::ofac_xml::{IdItem, add_id_item, push_unique};
use super::xml::{Element, XmlReader};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{
    Address, BirthDate, Entity, EntityId, EntityKind, Name, NameKind, PartialDate, Source,
};

/// The namespaces of the Advanced XML: the UN standard's, as `SDN_ADVANCED.XML` and
/// `cons_advanced.xml` write it, and OFAC's newer publication address.
///
/// ```
/// use sanctions::sources::{ofac_advanced, read};
///
/// for namespace in ofac_advanced::NAMESPACES {
///     let empty = format!(r#"<Sanctions xmlns="{namespace}"><ReferenceValueSets/></Sanctions>"#);
///     assert!(read(empty.as_bytes())?.list.entities.is_empty());
/// }
/// # Ok::<(), sanctions::Error>(())
/// ```
pub const NAMESPACES: [&str; 2] = [
    "http://www.un.org/sanctions/1.0",
    "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML",
];

/// The file's reference value sets: for each set, id → text (and a second attribute where one
/// matters: a subtype's party type, a country's ISO code).
#[derive(Default)]
struct References {
    sets: HashMap<String, HashMap<String, (String, Option<String>)>>,
}

impl References {
    fn text(&self, set: &str, id: &str) -> Option<&str> {
        self.sets.get(set)?.get(id).map(|(t, _)| t.as_str())
    }

    fn extra(&self, set: &str, id: &str) -> Option<&str> {
        self.sets.get(set)?.get(id)?.1.as_deref()
    }
}

/// A document of `IDRegDocuments`.
struct Document {
    label: String,
    number: String,
    country: Option<String>,
}

/// Reads OFAC Advanced XML.
///
/// # Errors
///
/// [`ErrorKind::UnknownFormat`] for another root or namespace; [`ErrorKind::Malformed`] (with
/// the line) for XML that is not well formed or is truncated; [`ErrorKind::Encoding`] for bytes
/// that are not UTF-8.
/// # Example
///
/// ```
/// use sanctions::{ErrorKind, sources::ofac_advanced};
///
/// let err = ofac_advanced::read(&br#"<Sanctions xmlns="urn:other"/>"#[..]).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::UnknownFormat);
/// assert!(err.to_string().ends_with(r#"found "urn:other""#));
/// ```
pub fn read(reader: impl BufRead) -> Result<Loaded> {
    let mut xml = XmlReader::new(reader, "OFAC Advanced XML");
    let mut out = Collector::new(Source::Ofac, "DistinctParty");
    let mut refs = References::default();
    let mut locations: HashMap<String, Address> = HashMap::new();
    let mut documents: HashMap<String, Vec<Document>> = HashMap::new();
    let mut profiles: HashMap<String, String> = HashMap::new();
    let mut root_seen = false;
    while let Some(start) = xml.next_start()? {
        if start.depth == 1 {
            if start.name != "Sanctions" {
                return Err(Error::new(
                    ErrorKind::UnknownFormat,
                    format!(
                        "expected the OFAC Advanced XML root element <Sanctions>, found <{}>",
                        start.name
                    ),
                )
                .with_line(start.line));
            }
            let ns = start.attr("xmlns").unwrap_or("");
            if !NAMESPACES.contains(&ns) {
                return Err(Error::new(
                    ErrorKind::UnknownFormat,
                    format!(
                        "expected the OFAC Advanced XML namespace {} or {}, found {ns:?}",
                        NAMESPACES[0], NAMESPACES[1]
                    ),
                )
                .with_line(start.line));
            }
            root_seen = true;
            continue;
        }
        match (start.depth, start.name.as_str()) {
            (2, "DateOfIssue") => {
                let d = xml.read_tree(start)?;
                out.published(date_of(d));
            }
            (2, "ReferenceValueSets") => {
                let sets = xml.read_tree(start)?;
                refs = references(sets);
            }
            (3, "Location") => {
                let l = xml.read_tree(start)?;
                if let Some(id) = l.attr("ID") {
                    locations.insert(id.to_string(), location(l, &refs, &mut out));
                }
            }
            (3, "IDRegDocument") => {
                let d = xml.read_tree(start)?;
                document(d, &refs, &mut documents, &mut out);
            }
            (3, "DistinctParty") => {
                let p = xml.read_tree(start)?;
                party(p, &refs, &locations, &documents, &mut profiles, &mut out);
            }
            (3, "SanctionsEntry") => {
                let s = xml.read_tree(start)?;
                entry(s, &refs, &profiles, &mut out);
            }
            (2, "ProfileRelationships" | "SanctionsEntryLinks") => xml.skip(&start)?,
            _ => {}
        }
    }
    if !root_seen {
        return Err(Error::new(
            ErrorKind::Malformed,
            "expected the OFAC Advanced XML root element <Sanctions>, found an empty document",
        ));
    }
    Ok(out.finish())
}

fn references(sets: Element<'_>) -> References {
    let mut refs = References::default();
    for set in sets.elements() {
        let name = set.name().trim_end_matches("Values").to_string();
        let values = set
            .elements()
            .filter_map(|v| {
                let id = v.attr("ID")?;
                let extra = v
                    .attr("PartyTypeID")
                    .or_else(|| v.attr("ISO2"))
                    .map(str::to_string);
                Some((id.to_string(), (v.raw_text().trim().to_string(), extra)))
            })
            .collect();
        refs.sets.insert(name, values);
    }
    refs
}

fn date_of(d: Element<'_>) -> Option<PartialDate> {
    let n = |c: &str| d.child_text(c).and_then(|v| v.parse::<u16>().ok());
    let year = n("Year")?;
    let month = n("Month").and_then(|m| u8::try_from(m).ok());
    let day = n("Day").and_then(|m| u8::try_from(m).ok());
    PartialDate::new(year, month, day.filter(|_| month.is_some()))
}

fn location(l: Element<'_>, refs: &References, out: &mut Collector) -> Address {
    let country_id = l.child("LocationCountry").and_then(|c| c.attr("CountryID"));
    let country = country_id.and_then(|id| {
        refs.extra("Country", id)
            .or_else(|| refs.text("Country", id))
            .map(str::to_string)
    });
    if let (Some(id), None) = (country_id, &country) {
        out.repair(
            Some(l.line()),
            l.attr("ID"),
            format!(
                "expected a CountryID of the reference value sets in the Location, found {id:?}: the country left out"
            ),
        );
    }
    let mut parts: Vec<String> = Vec::new();
    let mut city = None;
    let mut postal = None;
    let mut region = None;
    for p in l.children("LocationPart") {
        let ty = p
            .attr("LocPartTypeID")
            .and_then(|id| refs.text("LocPartType", id))
            .unwrap_or("");
        let Some(value) = p
            .children("LocationPartValue")
            .find_map(|v| v.child_text("Value"))
        else {
            continue;
        };
        match ty {
            "CITY" => city = Some(value.to_string()),
            "POSTAL CODE" => postal = Some(value.to_string()),
            "STATE/PROVINCE" | "REGION" => region = Some(value.to_string()),
            _ => {}
        }
        parts.push(value.to_string());
    }
    Address {
        full: (!parts.is_empty()).then(|| parts.join(", ")),
        street: None,
        city,
        region,
        postal_code: postal,
        country,
    }
}

fn document(
    d: Element<'_>,
    refs: &References,
    documents: &mut HashMap<String, Vec<Document>>,
    out: &mut Collector,
) {
    let (Some(identity), Some(number)) = (d.attr("IdentityID"), d.child_text("IDRegistrationNo"))
    else {
        out.repair(
            Some(d.line()),
            d.attr("ID"),
            "expected an IdentityID and an IDRegistrationNo in the IDRegDocument, found none: left out",
        );
        return;
    };
    let Some(label) = d
        .attr("IDRegDocTypeID")
        .and_then(|id| refs.text("IDRegDocType", id))
    else {
        out.repair(
            Some(d.line()),
            d.attr("ID"),
            format!(
                "expected an IDRegDocTypeID of the reference value sets, found {:?}: left out",
                d.attr("IDRegDocTypeID")
            ),
        );
        return;
    };
    let country = d
        .attr("IssuedBy-CountryID")
        .and_then(|id| refs.text("Country", id))
        .map(str::to_string);
    documents
        .entry(identity.to_string())
        .or_default()
        .push(Document {
            label: label.to_string(),
            number: number.to_string(),
            country,
        });
}

fn party(
    p: Element<'_>,
    refs: &References,
    locations: &HashMap<String, Address>,
    documents: &HashMap<String, Vec<Document>>,
    profiles: &mut HashMap<String, String>,
    out: &mut Collector,
) {
    let Some(id) = p.attr("FixedRef").map(str::to_string) else {
        out.skip(
            Some(p.line()),
            None,
            "expected a FixedRef on the DistinctParty, found none",
        );
        return;
    };
    let Some(profile) = p.child("Profile") else {
        out.skip(
            Some(p.line()),
            Some(&id),
            "expected a Profile in the DistinctParty, found none",
        );
        return;
    };
    if let Some(pid) = profile.attr("ID") {
        profiles.insert(pid.to_string(), id.clone());
    }
    let subtype = profile.attr("PartySubTypeID").unwrap_or("");
    let kind = match (
        refs.text("PartySubType", subtype),
        refs.extra("PartySubType", subtype)
            .and_then(|t| refs.text("PartyType", t)),
    ) {
        (Some("Vessel"), _) => EntityKind::Vessel,
        (Some("Aircraft"), _) => EntityKind::Aircraft,
        (_, Some("Individual")) => EntityKind::Person,
        (_, Some("Entity")) => EntityKind::Organization,
        (sub, ty) => {
            out.repair(
                Some(p.line()),
                Some(&id),
                format!(
                    "expected a PartySubType of a vessel, aircraft, individual or entity, found {sub:?} of {ty:?}: taken as unknown"
                ),
            );
            EntityKind::Unknown
        }
    };
    let mut e = Entity::new(EntityId::new(Source::Ofac, id.clone()), kind);
    let mut facts: Vec<String> = Vec::new();
    for identity in profile.children("Identity") {
        let groups: HashMap<&str, &str> = identity
            .child("NamePartGroups")
            .into_iter()
            .flat_map(|g| g.children("MasterNamePartGroup"))
            .flat_map(|m| m.children("NamePartGroup"))
            .filter_map(|g| {
                let ty = refs.text("NamePartType", g.attr("NamePartTypeID")?)?;
                Some((g.attr("ID")?, ty))
            })
            .collect();
        for alias in identity.children("Alias") {
            let alias_type = alias
                .attr("AliasTypeID")
                .and_then(|a| refs.text("AliasType", a))
                .unwrap_or("");
            let kind = if alias.attr("LowQuality") == Some("true") {
                NameKind::WeakAka
            } else if alias.attr("Primary") == Some("true") {
                NameKind::Primary
            } else if alias_type == "F.K.A." {
                NameKind::Fka
            } else {
                NameKind::Aka
            };
            for dn in alias.children("DocumentedName") {
                match name_of(dn, &groups, e.kind == EntityKind::Person) {
                    Some(text) => {
                        let kind = if kind == NameKind::Primary
                            && e.names.iter().any(|n| n.kind == NameKind::Primary)
                        {
                            NameKind::Aka
                        } else {
                            kind
                        };
                        let name = Name::new(text).with_kind(kind);
                        if e.names.contains(&name) {
                            out.repair(
                                Some(dn.line()),
                                Some(&id),
                                format!(
                                    "the alias {:?} repeats an earlier name of the party: kept once",
                                    name.text
                                ),
                            );
                        } else {
                            e.names.push(name);
                        }
                    }
                    None => out.repair(
                        Some(dn.line()),
                        Some(&id),
                        "expected name parts in the DocumentedName, found none: left out",
                    ),
                }
            }
        }
        if let Some(identity_id) = identity.attr("ID") {
            for d in documents.get(identity_id).into_iter().flatten() {
                let item = IdItem {
                    label: &d.label,
                    value: &d.number,
                    country: d.country.as_deref(),
                    issued: None,
                    expires: None,
                };
                if let Err(reason) = add_id_item(&mut e, &item, &mut facts) {
                    out.repair(Some(identity.line()), Some(&id), reason);
                }
            }
        }
    }
    for f in profile.children("Feature") {
        feature(f, refs, locations, &mut e, &mut facts, &id, out);
    }
    if !facts.is_empty() {
        e.remarks = Some(facts.join("\n"));
    }
    out.push(e, Some(p.line()));
}

/// One name from its parts: `Last, First Middle` for a person, the parts in order otherwise.
fn name_of(dn: Element<'_>, groups: &HashMap<&str, &str>, person: bool) -> Option<String> {
    let parts: Vec<(&str, &str)> = dn
        .children("DocumentedNamePart")
        .filter_map(|p| p.child("NamePartValue"))
        .filter_map(|v| {
            let ty = v
                .attr("NamePartGroupID")
                .and_then(|g| groups.get(g))
                .copied()
                .unwrap_or("");
            Some((ty, v.text()?))
        })
        .collect();
    if parts.is_empty() {
        return None;
    }
    let last: Vec<&str> = parts
        .iter()
        .filter(|(t, _)| *t == "Last Name")
        .map(|(_, v)| *v)
        .collect();
    if person && !last.is_empty() {
        let rest: Vec<&str> = parts
            .iter()
            .filter(|(t, _)| *t != "Last Name")
            .map(|(_, v)| *v)
            .collect();
        let last = last.join(" ");
        return Some(if rest.is_empty() {
            last
        } else {
            format!("{last}, {}", rest.join(" "))
        });
    }
    Some(parts.iter().map(|(_, v)| *v).collect::<Vec<_>>().join(" "))
}

fn feature(
    f: Element<'_>,
    refs: &References,
    locations: &HashMap<String, Address>,
    e: &mut Entity,
    facts: &mut Vec<String>,
    id: &str,
    out: &mut Collector,
) {
    let Some(ty) = f
        .attr("FeatureTypeID")
        .and_then(|t| refs.text("FeatureType", t))
    else {
        out.repair(
            Some(f.line()),
            Some(id),
            format!(
                "expected a FeatureTypeID of the reference value sets, found {:?}: left out",
                f.attr("FeatureTypeID")
            ),
        );
        return;
    };
    for v in f.children("FeatureVersion") {
        let location_id = v
            .child("VersionLocation")
            .and_then(|l| l.attr("LocationID"));
        let location = location_id.and_then(|l| locations.get(l));
        if let (Some(l), None) = (location_id, location) {
            out.repair(
                Some(v.line()),
                Some(id),
                format!("expected the LocationID of a Location in the {ty} feature, found {l:?}: left out"),
            );
            continue;
        }
        let detail = v.child("VersionDetail").and_then(|d| {
            d.text().map(str::to_string).or_else(|| {
                d.attr("DetailReferenceID")
                    .and_then(|r| refs.text("DetailReference", r))
                    .map(str::to_string)
            })
        });
        match ty {
            "Birthdate" => match v.child("DatePeriod").and_then(birth_date) {
                Some(d) => push_unique(&mut e.birth_dates, d),
                None => out.repair(
                    Some(v.line()),
                    Some(id),
                    "expected a DatePeriod with a start and an end in the Birthdate, found none: left out",
                ),
            },
            "Place of Birth" => {
                if let Some(place) = detail.or_else(|| location.and_then(|l| l.full.clone())) {
                    push_unique(&mut e.birth_places, place);
                }
            }
            "Nationality Country" | "Citizenship Country" => {
                if let Some(c) = location.and_then(|l| l.country.clone()) {
                    push_unique(&mut e.nationalities, c);
                }
            }
            "Location" => {
                if let Some(l) = location {
                    if let Some(c) = &l.country {
                        push_unique(&mut e.countries, c.clone());
                    }
                    push_unique(&mut e.addresses, l.clone());
                }
            }
            label => {
                let value = detail.or_else(|| {
                    location.and_then(|l| l.country.clone().or_else(|| l.full.clone()))
                });
                let Some(value) = value else { continue };
                let item = IdItem {
                    label,
                    value: &value,
                    country: None,
                    issued: None,
                    expires: None,
                };
                if let Err(reason) = add_id_item(e, &item, facts) {
                    out.repair(Some(v.line()), Some(id), reason);
                }
            }
        }
    }
}

/// A birth date from a `DatePeriod`: the start's earliest and the end's latest day. A single
/// day, a whole month or a whole year is a (partial) date; other spans are ranges of years;
/// `Approximate` makes it circa.
fn birth_date(p: Element<'_>) -> Option<BirthDate> {
    let start = p.child("Start")?;
    let end = p.child("End")?;
    let from = ymd(start.child("From")?)?;
    let to = ymd(end.child("To")?)?;
    let approximate =
        start.attr("Approximate") == Some("true") || end.attr("Approximate") == Some("true");
    let date = if from == to {
        PartialDate::new(from.0, Some(from.1), Some(from.2))
    } else if from.0 == to.0 && (from.1, from.2) == (1, 1) && (to.1, to.2) == (12, 31) {
        PartialDate::new(from.0, None, None)
    } else if (from.0, from.1) == (to.0, to.1) && from.2 == 1 && to.2 >= 28 {
        PartialDate::new(from.0, Some(from.1), None)
    } else {
        let (a, b) = (
            PartialDate::new(from.0, None, None)?,
            PartialDate::new(to.0, None, None)?,
        );
        return Some(if approximate && a == b {
            BirthDate::Circa { circa: a }
        } else {
            BirthDate::Between { from: a, to: b }
        });
    }?;
    Some(if approximate {
        BirthDate::Circa { circa: date }
    } else {
        BirthDate::On(date)
    })
}

fn ymd(d: Element<'_>) -> Option<(u16, u8, u8)> {
    Some((
        d.child_text("Year")?.parse().ok()?,
        d.child_text("Month")?.parse().ok()?,
        d.child_text("Day")?.parse().ok()?,
    ))
}

fn entry(
    s: Element<'_>,
    refs: &References,
    profiles: &HashMap<String, String>,
    out: &mut Collector,
) {
    let Some(entity_id) = s.attr("ProfileID").and_then(|p| profiles.get(p)) else {
        out.skip(
            Some(s.line()),
            s.attr("ID"),
            format!(
                "expected the ProfileID of a DistinctParty in the SanctionsEntry, found {:?}: left out",
                s.attr("ProfileID")
            ),
        );
        return;
    };
    let list = s.attr("ListID").and_then(|l| refs.text("List", l));
    let dates: Vec<PartialDate> = s
        .children("EntryEvent")
        .filter_map(|ev| ev.child("Date"))
        .filter_map(date_of)
        .collect();
    let programs: Vec<String> = s
        .children("SanctionsMeasure")
        .filter(|m| {
            m.attr("SanctionsTypeID")
                .and_then(|t| refs.text("SanctionsType", t))
                == Some("Program")
        })
        .filter_map(|m| m.child_text("Comment"))
        .map(str::to_string)
        .collect();
    let Some(e) = out.get_mut(entity_id) else {
        return;
    };
    for p in programs {
        push_unique(&mut e.programs, p);
    }
    for d in dates {
        e.listed_on = Some(e.listed_on.map_or(d, |x| x.min(d)));
    }
    if let Some(list) = list {
        let line = format!("List: {list}");
        match &mut e.remarks {
            Some(r) if !r.contains(&line) => {
                r.push('\n');
                r.push_str(&line);
            }
            Some(_) => {}
            None => e.remarks = Some(line),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::IdentifierKind;

    const FIXTURE: &str = include_str!("../../tests/data/ofac_advanced/advanced.xml");

    #[test]
    fn fixture_resolves_every_reference() {
        let loaded = read(FIXTURE.as_bytes()).unwrap();
        assert_eq!(loaded.list.published, "2020-03-17".parse().ok());
        let es = &loaded.list.entities;
        assert_eq!(es.len(), 2);
        let p = &es[0];
        assert_eq!(p.id.id, "9639");
        assert_eq!(p.kind, EntityKind::Person);
        let names: Vec<(&str, NameKind)> =
            p.names.iter().map(|n| (n.text.as_str(), n.kind)).collect();
        assert_eq!(
            names,
            [
                ("HANIYA, Ismail Abdul Salah", NameKind::Primary),
                ("HANIYYA, Ismaeel", NameKind::Aka),
                ("HANIA, Ismail", NameKind::WeakAka),
            ]
        );
        assert_eq!(
            p.birth_dates,
            [BirthDate::On("1962".parse::<PartialDate>().unwrap())]
        );
        assert_eq!(p.birth_places, ["Shati"]);
        assert_eq!(p.programs, ["NS-PLC"]);
        assert_eq!(p.listed_on, "2006-04-12".parse().ok());
        assert_eq!(p.addresses[0].region.as_deref(), Some("Gaza"));
        assert_eq!(p.countries, ["PS"]);
        let org = &es[1];
        assert_eq!(org.kind, EntityKind::Organization);
        assert_eq!(org.names[0].text, "VTB BANK PUBLIC JOINT STOCK COMPANY");
        assert_eq!(org.identifiers[0].kind, IdentifierKind::Registration);
        assert_eq!(org.identifiers[0].value, "1027739609391");
        assert_eq!(org.identifiers[0].country.as_deref(), Some("RU"));
        let bic = org
            .identifiers
            .iter()
            .find(|i| i.kind == IdentifierKind::Bic);
        assert_eq!(bic.map(|b| b.value.as_str()), Some("VTBRRUMM"));
        assert!(
            org.remarks
                .as_deref()
                .unwrap()
                .contains("Subject to Directive 1")
        );
        // A feature whose type the value sets do not hold is reported.
        assert_eq!(loaded.report.issues.len(), 1);
        assert!(loaded.report.issues[0].reason.contains("FeatureTypeID"));
    }

    #[test]
    fn malformed_input_is_an_error() {
        let e = read(&FIXTURE.as_bytes()[..FIXTURE.len() / 2]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Malformed);
        let other = FIXTURE.replace(NAMESPACES[0], "urn:other");
        let e = read(other.as_bytes()).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::UnknownFormat);
        assert!(e.to_string().contains("urn:other"), "{e}");
    }
}
