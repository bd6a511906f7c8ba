//! The crate's own list format: JSON Lines, one [`Entity`] per line.
//!
//! Blank lines are ignored. A line that is not JSON, or not an entity, is an error naming the
//! line: the file is malformed. An entity without a usable name (no name, or names of
//! whitespace only) is skipped and reported. Two lines with the same source and id are one
//! entity: the later line's names, programs and facts are added to the first, and the report
//! says so. Entities without a `source` field are `custom`.
//!
//! ```
//! use sanctions::sources::custom;
//!
//! let data = r#"{"id":"c-1","kind":"person","names":[{"text":"Ivan Petrov"}]}
//! {"id":"c-2","names":[]}
//! "#;
//! let loaded = custom::read(data.as_bytes())?;
//! assert_eq!(loaded.list.entities.len(), 1);
//! assert_eq!(loaded.report.skipped(), 1);
//! # Ok::<(), sanctions::Error>(())
//! ```

use std::collections::HashMap;
use std::io::BufRead;

use super::{IssueAction, LoadIssue, LoadReport, Loaded};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Entity, EntityId, NameKind, SanctionsList, Source};

/// Reads JSON Lines of [`Entity`].
///
/// # Errors
///
/// [`ErrorKind::Malformed`] with the line number when a line is not a JSON entity;
/// [`ErrorKind::Io`] when reading fails.
/// # Example
///
/// ```
/// use sanctions::{ErrorKind, sources::custom};
///
/// let data = r#"{"id":"c-1","kind":"organization","names":[{"text":"KAZSTANEX LLP"}]}
///
/// {"id":"c-2","names":"Yevgeniy Prigozhin"}
/// "#;
/// let err = custom::read(data.as_bytes()).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Malformed);
/// assert_eq!(err.line(), Some(3)); // blank lines count, and are skipped
/// ```
pub fn read(reader: impl BufRead) -> Result<Loaded> {
    let mut list = SanctionsList::new(Source::Custom);
    let mut report = LoadReport::default();
    let mut seen: HashMap<EntityId, usize> = HashMap::new();
    let mut sources = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let line_no = i as u64 + 1;
        let line = line.map_err(|e| {
            Error::new(ErrorKind::Io, format!("cannot read the list: {e}"))
                .with_line(line_no)
                .with_source(e)
        })?;
        let text = line.trim_start_matches('\u{feff}').trim();
        if text.is_empty() {
            continue;
        }
        let mut entity: Entity = serde_json::from_str(text).map_err(|e| {
            Error::new(
                ErrorKind::Malformed,
                format!("expected a JSON entity, found an error: {e}"),
            )
            .with_line(line_no)
            .with_source(e)
        })?;
        let issue = |action, reason: String| LoadIssue {
            line: Some(line_no),
            record: Some(entity_label(&entity_id_of(text))),
            action,
            reason,
        };
        let before = entity.names.len();
        entity.names.retain(|n| !n.text.trim().is_empty());
        if entity.names.is_empty() {
            let reason = if before == 0 {
                "expected at least one name, found none".to_string()
            } else {
                format!("expected at least one name, found {before} empty")
            };
            report.issues.push(issue(IssueAction::Skipped, reason));
            continue;
        }
        if entity.names.len() < before {
            report.issues.push(issue(
                IssueAction::Repaired,
                format!("{} empty names left out", before - entity.names.len()),
            ));
        }
        for name in &mut entity.names {
            name.fill_script();
        }
        if !sources.contains(&entity.id.source) {
            sources.push(entity.id.source);
        }
        if let Some(&at) = seen.get(&entity.id) {
            report.issues.push(issue(
                IssueAction::Repaired,
                "the id was already used by an earlier line: names and facts merged into it"
                    .to_string(),
            ));
            if let Some(first) = list.entities.get_mut(at) {
                merge(first, entity);
            }
            continue;
        }
        seen.insert(entity.id.clone(), list.entities.len());
        list.entities.push(entity);
    }
    // A file of one source's records (the demo list keeps the official sources) is that
    // source's list; a mix is a custom list.
    if let [only] = sources.as_slice() {
        list.source = *only;
    }
    report.count(&list);
    Ok(Loaded { list, report })
}

fn entity_id_of(text: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(text).ok()?;
    match v.get("id")? {
        serde_json::Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

fn entity_label(id: &Option<String>) -> String {
    id.clone().unwrap_or_else(|| "(no id)".to_string())
}

/// Adds what `other` says to `into`, without repeating what is already there.
pub(crate) fn merge(into: &mut Entity, other: Entity) {
    fn extend<T: PartialEq>(a: &mut Vec<T>, b: Vec<T>) {
        for x in b {
            if !a.contains(&x) {
                a.push(x);
            }
        }
    }
    // One primary name: the later record's primary names join as a.k.a.; a name already
    // there (same text and language) is not repeated, whatever its kind.
    let has_primary = into.names.iter().any(|n| n.kind == NameKind::Primary);
    for mut n in other.names {
        if into
            .names
            .iter()
            .any(|m| m.text == n.text && m.lang == n.lang)
        {
            continue;
        }
        if has_primary && n.kind == NameKind::Primary {
            n.kind = NameKind::Aka;
        }
        into.names.push(n);
    }
    extend(&mut into.programs, other.programs);
    extend(&mut into.birth_dates, other.birth_dates);
    extend(&mut into.birth_places, other.birth_places);
    extend(&mut into.nationalities, other.nationalities);
    extend(&mut into.countries, other.countries);
    extend(&mut into.addresses, other.addresses);
    extend(&mut into.identifiers, other.identifiers);
    into.gender = into.gender.or(other.gender);
    into.listed_on = into.listed_on.or(other.listed_on);
    if into.remarks.is_none() {
        into.remarks = other.remarks;
    }
}
