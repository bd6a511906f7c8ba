//! What screening returns: matches with their scores and explanations, and text hits.

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize, Serializer};

use super::Audit;
use crate::model::{EntityId, EntityKind, NameKind};
use crate::score::Explanation;

/// A score in [0, 1]; higher is more similar.
///
/// Serialized rounded to four decimals, so output is stable across platforms.
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd, Deserialize)]
pub struct Score(f32);

impl Score {
    /// A score, clamped into [0, 1] (NaN becomes 0).
    pub fn new(value: f32) -> Score {
        Score(if value.is_nan() {
            0.0
        } else {
            value.clamp(0.0, 1.0)
        })
    }

    /// The value, in [0, 1].
    pub fn value(self) -> f32 {
        self.0
    }

    /// The value rounded to four decimals, as output shows it.
    pub fn rounded(self) -> f64 {
        (f64::from(self.0) * 10_000.0).round() / 10_000.0
    }
}

impl Serialize for Score {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.rounded())
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.3}", self.0)
    }
}

/// One listed entity that a query matched, through its best name.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Match {
    pub(crate) entity_id: EntityId,
    pub(crate) kind: EntityKind,
    pub(crate) name: String,
    pub(crate) name_kind: NameKind,
    pub(crate) score: Score,
    pub(crate) ofac_score: Score,
    pub(crate) explanation: Explanation,
    /// Left out of the result's JSON: output writes the stamp once, beside the results.
    #[serde(skip)]
    pub(crate) audit: Audit,
}

impl Match {
    /// The entity: source and official record id.
    pub fn entity_id(&self) -> &EntityId {
        &self.entity_id
    }

    /// The entity's kind.
    pub fn kind(&self) -> EntityKind {
        self.kind
    }

    /// The list name that matched best, as published.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The kind of that name; [`NameKind::WeakAka`] flags a weak alias.
    pub fn name_kind(&self) -> NameKind {
        self.name_kind
    }

    /// Whether the match is through a weak alias only.
    pub fn is_weak(&self) -> bool {
        self.name_kind.is_weak()
    }

    /// The score.
    pub fn score(&self) -> Score {
        self.score
    }

    /// The OFAC-style score of the query against the matched name
    /// ([`ofac_score`](crate::ofac_score)): the regulator's technique, for comparison.
    pub fn ofac_score(&self) -> Score {
        self.ofac_score
    }

    /// Why the score is what it is.
    pub fn explanation(&self) -> &Explanation {
        &self.explanation
    }

    /// The lists, crate version and settings that produced the match.
    pub fn audit(&self) -> &Audit {
        &self.audit
    }
}

impl fmt::Display for Match {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {:?} ({}): {}",
            self.score, self.entity_id, self.name, self.kind, self.explanation
        )
    }
}

/// A listed name found inside free text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TextHit {
    pub(crate) span: Range<usize>,
    pub(crate) text: String,
    pub(crate) entity_id: EntityId,
    pub(crate) name: String,
    pub(crate) score: Score,
    pub(crate) explanation: Explanation,
    /// Left out of the result's JSON: output writes the stamp once, beside the results.
    #[serde(skip)]
    pub(crate) audit: Audit,
}

impl TextHit {
    /// Byte offsets of the hit in the scanned text; the end is exclusive.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// The text of the hit, as it stands in the scanned text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The entity found.
    pub fn entity_id(&self) -> &EntityId {
        &self.entity_id
    }

    /// The list name found, as published.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// How well the text matches that name.
    pub fn score(&self) -> Score {
        self.score
    }

    /// Why.
    pub fn explanation(&self) -> &Explanation {
        &self.explanation
    }

    /// The lists, crate version and settings that produced the result.
    pub fn audit(&self) -> &Audit {
        &self.audit
    }
}

/// The comparison of two names: score, decision and explanation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    pub(crate) score: Score,
    pub(crate) ofac_score: Score,
    pub(crate) is_match: bool,
    pub(crate) explanation: Explanation,
    /// Left out of the result's JSON: output writes the stamp once, beside the results.
    #[serde(skip)]
    pub(crate) audit: Audit,
}

impl Comparison {
    /// The name-to-name score.
    pub fn score(&self) -> Score {
        self.score
    }

    /// The OFAC-style score of the two names ([`ofac_score`](crate::ofac_score)).
    pub fn ofac_score(&self) -> Score {
        self.ofac_score
    }

    /// Whether the score reaches the threshold.
    pub fn is_match(&self) -> bool {
        self.is_match
    }

    /// Why.
    pub fn explanation(&self) -> &Explanation {
        &self.explanation
    }

    /// The lists, crate version and settings that produced the result.
    pub fn audit(&self) -> &Audit {
        &self.audit
    }
}
