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
///
/// ```
/// use sanctions::Score;
///
/// let score = Score::new(0.123456);
/// assert_eq!(score.value(), 0.123456);
/// assert_eq!(score.to_string(), "0.123");
/// assert_eq!(serde_json::to_string(&score).ok().as_deref(), Some("0.1235"));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd, Deserialize)]
pub struct Score(f32);

impl Score {
    /// A score, clamped into [0, 1] (NaN becomes 0).
    ///
    /// ```
    /// use sanctions::Score;
    ///
    /// assert_eq!(Score::new(1.5).value(), 1.0);
    /// assert_eq!(Score::new(f32::NAN).value(), 0.0);
    /// ```
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
    ///
    /// ```
    /// assert_eq!(sanctions::Score::new(0.123456).rounded(), 0.1235);
    /// ```
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
///
/// ```
/// use sanctions::{EntityKind, Screener, model::NameKind};
///
/// let screener = Screener::demo()?;
/// // Third: two names score 0.9909, and the one OFAC's technique scores higher comes first.
/// let m = &screener.screen("Yevgeniy Prigozhin")[2];
/// assert_eq!(m.entity_id().to_string(), "eu:139815");
/// assert_eq!(m.kind(), EntityKind::Person);
/// assert_eq!(m.name(), "Jevgenij Prigožin"); // the best of the entity's names
/// assert_eq!(m.name_kind(), NameKind::Aka);
/// assert!(!m.is_weak());
/// assert_eq!(m.score().rounded(), 0.9909);
/// assert!(m.ofac_score().value() < m.score().value()); // OFAC's tool does not see `j` as `y`
/// assert_eq!(m.explanation().to_string(), "prigozhin~prigozhin 1.00, yevgeniy~jevgenij 0.97");
/// assert_eq!(m.audit().threshold(), sanctions::DEFAULT_THRESHOLD);
/// # Ok::<(), sanctions::Error>(())
/// ```
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
    ///
    /// ```
    /// let screener = sanctions::Screener::demo()?;
    /// // The OFAC list gives `PERUN` as a weak a.k.a. of the vessel PEGAS.
    /// assert!(screener.screen("PERUN")[0].is_weak());
    /// assert!(!screener.screen("PEGAS")[0].is_weak());
    /// # Ok::<(), sanctions::Error>(())
    /// ```
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
///
/// ```
/// let screener = sanctions::Screener::demo()?;
/// let text = "/BNF/ TOO KAZSTANEX ALMATY KZ";
/// let hit = &screener.screen_text(text)[0];
/// assert_eq!(hit.span(), 6..19);
/// assert_eq!(hit.text(), "TOO KAZSTANEX");
/// assert_eq!(hit.entity_id().to_string(), "uk:16678");
/// assert_eq!(hit.name(), "KAZSTANEX LIMITED LIABILITY PARTNERSHIP");
/// assert_eq!(hit.score().value(), 1.0);
/// // `TOO` is the Kazakh form of `LLP`: both are the legal-form token `llp`.
/// assert_eq!(hit.explanation().to_string(), "kazstanex~kazstanex 1.00, llp~llp 1.00");
/// assert_eq!(hit.audit().limit(), None);
/// # Ok::<(), sanctions::Error>(())
/// ```
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
///
/// ```
/// let screener = sanctions::Screener::demo()?;
/// let c = screener.compare("Prigojine Evgueni", "PRIGOZHIN, Evgeny");
/// assert!(c.is_match());
/// assert_eq!(c.score().rounded(), 0.9353);
/// assert!(c.ofac_score().value() < c.score().value());
/// assert_eq!(c.explanation().to_string(), "prigojine~prigozhin 0.92, evgueni~evgeny 0.97");
/// assert_eq!(c.audit().threshold(), screener.threshold());
/// # Ok::<(), sanctions::Error>(())
/// ```
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
