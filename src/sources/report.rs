//! The load report: counts and every problem a reader met.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::{EntityKind, SanctionsList, Source};

/// What a reader did about a problem.
///
/// ```
/// use sanctions::sources::{self, IssueAction};
///
/// let data = r#"{"id":"c-1","names":[]}"#;
/// let loaded = sources::read(data.as_bytes())?;
/// assert_eq!(loaded.report.issues[0].action, IssueAction::Skipped);
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum IssueAction {
    /// The record or field was left out.
    Skipped,
    /// The record or field was kept after a repair (a value dropped, a duplicate merged).
    Repaired,
}

/// One record or field a reader could not use as it stood.
///
/// ```
/// use sanctions::sources::{self, IssueAction};
///
/// let data = "{\"id\":\"c-1\",\"names\":[{\"text\":\"KAZSTANEX LLP\"}]}\n{\"id\":\"c-2\",\"names\":[]}\n";
/// let issue = &sources::read(data.as_bytes())?.report.issues[0];
/// assert_eq!((issue.line, issue.record.as_deref()), (Some(2), Some("c-2")));
/// assert_eq!(issue.action, IssueAction::Skipped);
/// assert_eq!(issue.reason, "expected at least one name, found none");
/// assert_eq!(issue.to_string(), "line 2: record c-2: skipped: expected at least one name, found none");
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LoadIssue {
    /// The line of the file (from 1), when the format has lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// The record's id, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<String>,
    /// Skipped or repaired.
    pub action: IssueAction,
    /// Why, in words: what was expected and what was found.
    pub reason: String,
}

impl fmt::Display for LoadIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        }
        if let Some(record) = &self.record {
            write!(f, "record {record}: ")?;
        }
        let action = match self.action {
            IssueAction::Skipped => "skipped",
            IssueAction::Repaired => "repaired",
        };
        write!(f, "{action}: {}", self.reason)
    }
}

/// Counts of what a load kept, and the issues it met.
///
/// ```
/// use sanctions::{EntityKind, Source, sources};
///
/// let data = r#"{"id":"c-1","kind":"vessel","names":[{"text":"PEGAS"},{"text":"PERUN","kind":"weak_aka"}],"identifiers":[{"kind":"imo","value":"9256860"}]}"#;
/// let report = sources::read(data.as_bytes())?.report;
/// assert_eq!(report.source, Source::Custom);
/// assert_eq!(report.entities_by_kind.get(&EntityKind::Vessel), Some(&1));
/// assert_eq!((report.names, report.weak_aliases, report.identifiers), (2, 1, 1));
/// assert_eq!(report.to_string(), "custom: 1 entities (1 vessel), 2 names (1 weak), 1 identifiers, 0 issues (0 skipped)");
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LoadReport {
    /// The list's source.
    pub source: Source,
    /// Entities kept, by kind.
    pub entities_by_kind: BTreeMap<EntityKind, usize>,
    /// Names kept, weak aliases included.
    pub names: usize,
    /// Weak or low-quality aliases among the names.
    pub weak_aliases: usize,
    /// Identifiers kept.
    pub identifiers: usize,
    /// Every record or field skipped or repaired.
    pub issues: Vec<LoadIssue>,
}

impl LoadReport {
    /// Recounts entities, names and identifiers from a list, keeping the issues: after a
    /// caller changed the list, say.
    ///
    /// ```
    /// use sanctions::sources;
    ///
    /// let data = "{\"id\":\"c-1\",\"names\":[{\"text\":\"KAZSTANEX LLP\"}]}\n{\"id\":\"c-2\",\"names\":[{\"text\":\"Yevgeniy Prigozhin\"}]}\n";
    /// let mut loaded = sources::read(data.as_bytes())?;
    /// loaded.list.entities.retain(|e| e.id.id != "c-2");
    /// loaded.report.count(&loaded.list);
    /// assert_eq!((loaded.report.entities(), loaded.report.names), (1, 1));
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn count(&mut self, list: &SanctionsList) {
        self.source = list.source;
        self.entities_by_kind.clear();
        self.names = 0;
        self.weak_aliases = 0;
        self.identifiers = 0;
        for e in &list.entities {
            *self.entities_by_kind.entry(e.kind).or_default() += 1;
            self.names += e.names.len();
            self.weak_aliases += e.names.iter().filter(|n| n.kind.is_weak()).count();
            self.identifiers += e.identifiers.len();
        }
    }

    /// Entities kept, all kinds.
    ///
    /// ```
    /// let data = "{\"id\":\"c-1\",\"kind\":\"organization\",\"names\":[{\"text\":\"KAZSTANEX LLP\"}]}\n\
    ///     {\"id\":\"c-2\",\"kind\":\"person\",\"names\":[{\"text\":\"Yevgeniy Prigozhin\"}]}\n";
    /// let report = sanctions::sources::read(data.as_bytes())?.report;
    /// assert_eq!(report.entities(), 2);
    /// assert_eq!(report.entities_by_kind.len(), 2);
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn entities(&self) -> usize {
        self.entities_by_kind.values().sum()
    }

    /// Records or fields that were skipped (the others were repaired).
    ///
    /// ```
    /// let data = "{\"id\":\"c-1\",\"names\":[]}\n{\"id\":\"c-2\",\"names\":[]}\n";
    /// let report = sanctions::sources::read(data.as_bytes())?.report;
    /// assert_eq!((report.skipped(), report.entities()), (2, 0));
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn skipped(&self) -> usize {
        self.issues
            .iter()
            .filter(|i| i.action == IssueAction::Skipped)
            .count()
    }

    /// The report's line, then its first `shown` issues a line each, and how many more there
    /// are: what a loader shows a person, one line per line of text.
    ///
    /// ```
    /// let data = "{\"id\":\"c-1\",\"names\":[]}\n{\"id\":\"c-2\",\"names\":[]}\n{\"id\":\"c-3\",\"names\":[]}\n";
    /// let report = sanctions::sources::read(data.as_bytes())?.report;
    /// let text = report.with_issues(2).to_string();
    /// let lines: Vec<&str> = text.lines().collect();
    /// assert_eq!(lines.len(), 4);
    /// assert_eq!(lines[0], report.to_string());
    /// assert_eq!(lines[1], report.issues[0].to_string());
    /// assert_eq!(lines[3], "... 1 more issues");
    /// // With room for every issue, no last line.
    /// assert_eq!(report.with_issues(10).to_string().lines().count(), 4);
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn with_issues(&self, shown: usize) -> impl fmt::Display + '_ {
        WithIssues {
            report: self,
            shown,
        }
    }
}

/// [`LoadReport::with_issues`].
struct WithIssues<'a> {
    report: &'a LoadReport,
    shown: usize,
}

impl fmt::Display for WithIssues<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.report)?;
        for issue in self.report.issues.iter().take(self.shown) {
            write!(f, "\n{issue}")?;
        }
        let more = self.report.issues.len().saturating_sub(self.shown);
        if more > 0 {
            write!(f, "\n... {more} more issues")?;
        }
        Ok(())
    }
}

impl fmt::Display for LoadReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} entities (", self.source, self.entities())?;
        for (i, (kind, n)) in self.entities_by_kind.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{n} {kind}")?;
        }
        write!(
            f,
            "), {} names ({} weak), {} identifiers, {} issues ({} skipped)",
            self.names,
            self.weak_aliases,
            self.identifiers,
            self.issues.len(),
            self.skipped()
        )
    }
}
