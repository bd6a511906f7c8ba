//! What every reader does with its records: merge records that share an id, report what was
//! skipped or repaired, and count the result.

use std::collections::HashMap;

use super::custom::merge;
use super::{IssueAction, LoadIssue, LoadReport, Loaded};
use crate::model::{Entity, PartialDate, SanctionsList, Source};

/// Collects a reader's entities and issues into a [`Loaded`].
#[derive(Debug)]
pub(crate) struct Collector {
    list: SanctionsList,
    issues: Vec<LoadIssue>,
    seen: HashMap<String, usize>,
    what: &'static str,
}

impl Collector {
    /// A collector for a source; `what` names a record in reports ("sdnEntry", "row").
    pub fn new(source: Source, what: &'static str) -> Collector {
        Collector {
            list: SanctionsList::new(source),
            issues: Vec::new(),
            seen: HashMap::new(),
            what,
        }
    }

    /// Sets the publication date the file states.
    pub fn published(&mut self, date: Option<PartialDate>) {
        if date.is_some() {
            self.list.published = date;
        }
    }

    /// Records an issue.
    pub fn issue(
        &mut self,
        line: Option<u64>,
        record: Option<&str>,
        action: IssueAction,
        reason: impl Into<String>,
    ) {
        self.issues.push(LoadIssue {
            line,
            record: record.map(str::to_string),
            action,
            reason: reason.into(),
        });
    }

    /// Records a skipped record or field.
    pub fn skip(&mut self, line: Option<u64>, record: Option<&str>, reason: impl Into<String>) {
        self.issue(line, record, IssueAction::Skipped, reason);
    }

    /// Records a repaired record or field.
    pub fn repair(&mut self, line: Option<u64>, record: Option<&str>, reason: impl Into<String>) {
        self.issue(line, record, IssueAction::Repaired, reason);
    }

    /// Adds an entity. Names of whitespace only are left out (and reported); an entity without
    /// a name is skipped and reported; an entity whose id was seen before is merged into the
    /// earlier one, and reported.
    pub fn push(&mut self, mut entity: Entity, line: Option<u64>) {
        let id = entity.id.id.clone();
        let before = entity.names.len();
        entity.names.retain(|n| !n.text.trim().is_empty());
        for name in &mut entity.names {
            let trimmed = name.text.trim();
            if trimmed.len() != name.text.len() {
                name.text = trimmed.to_string();
            }
            name.fill_script();
        }
        if entity.names.is_empty() {
            self.skip(
                line,
                Some(&id),
                format!(
                    "expected at least one name in the {}, found none",
                    self.what
                ),
            );
            return;
        }
        if entity.names.len() < before {
            self.repair(
                line,
                Some(&id),
                format!("{} empty names left out", before - entity.names.len()),
            );
        }
        if let Some(&at) = self.seen.get(&id) {
            self.repair(
                line,
                Some(&id),
                format!(
                    "the {} shares its id with an earlier one: one entity with the union of their names, programs and facts",
                    self.what
                ),
            );
            if let Some(first) = self.list.entities.get_mut(at) {
                merge(first, entity);
            }
            return;
        }
        self.seen.insert(id, self.list.entities.len());
        self.list.entities.push(entity);
    }

    /// The entity added under an id, to add facts read later (OFAC CSV's addresses).
    pub fn get_mut(&mut self, id: &str) -> Option<&mut Entity> {
        let at = *self.seen.get(id)?;
        self.list.entities.get_mut(at)
    }

    /// Whether an entity of this id was added.
    pub fn contains(&self, id: &str) -> bool {
        self.seen.contains_key(id)
    }

    /// The list and its report.
    pub fn finish(self) -> Loaded {
        let mut report = LoadReport {
            issues: self.issues,
            ..LoadReport::default()
        };
        report.count(&self.list);
        Loaded {
            list: self.list,
            report,
        }
    }
}
