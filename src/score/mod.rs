//! Similarity of two normalized names, and the explanation of every score.
//!
//! The score is a weighted agreement of the two token sets, order-free:
//!
//! 1. Every query token is linked with at most one list token (or two glued ones, and the
//!    reverse: `JSCARGUMENT` / `JSC ARGUMENT`) by token similarity: equal text 1, equal
//!    spelling-variant key [`KEY_EQUAL`], else the weighted edit distance of the keys (see
//!    [`normalize`](crate::normalize)) when it passes a length-dependent floor; an initial
//!    meets a word with its first letter at [`INITIAL_SIM`]; numbers and legal-form classes
//!    only meet their equal. Links are chosen greedily, strongest first.
//! 2. `base = Σ sim · (w_q + w_c) / (Σ w_q + Σ w_c)` over links, where unlinked tokens count
//!    with their weight, less for what is often left out: a patronymic
//!    ([`PATRONYMIC_FACTOR`]) and a legal form.
//! 3. Factors then lower it: numbers that disagree ([`NUMBER_CONFLICT`]), a match carried
//!    only by common words ([`GENERIC_ONLY_CAP`]), distinctive tokens left over on both sides
//!    (different given names of siblings: [`BOTH_SIDES_UNMATCHED`]).
//!
//! Scores are in [0, 1] and deterministic.

mod weights;

use std::fmt;

use serde::{Deserialize, Serialize};

pub(crate) use weights::Frequencies;

use crate::normalize::variant::{key, key_similarity, skeleton};
use crate::normalize::{Token, TokenKind};

/// Similarity of two different tokens with the same spelling-variant key.
pub const KEY_EQUAL: f32 = 0.97;
/// Similarity of an initial and a word that starts with it.
pub const INITIAL_SIM: f32 = 0.75;
/// The weight left to an unmatched patronymic (`Viktorovich`): often left out of a name.
pub const PATRONYMIC_FACTOR: f32 = 0.2;
/// Multiplier when both names have numbers and they disagree (`DA GROUP 23` / `DA GROUP 22`).
pub const NUMBER_CONFLICT: f32 = 0.5;
/// The highest score a match may have when no matched token is distinctive (weight at least
/// [`DISTINCTIVE_WEIGHT`]): common words alone never carry a match.
pub const GENERIC_ONLY_CAP: f32 = 0.5;
/// The weight from which a token is distinctive.
pub const DISTINCTIVE_WEIGHT: f32 = 0.35;
/// Strength of the penalty when both names keep distinctive tokens unmatched.
pub const BOTH_SIDES_UNMATCHED: f32 = 0.6;

/// A token prepared for scoring: its normalized form and its weight.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ScoreToken {
    pub(crate) text: Box<str>,
    pub(crate) key: Box<str>,
    pub(crate) kind: TokenKind,
    pub(crate) weight: f32,
    pub(crate) patronymic: bool,
    /// Romanized from Arabic script: compared by consonant skeleton.
    pub(crate) abjad: bool,
    /// The key's consonant skeleton.
    pub(crate) skeleton: Box<str>,
}

/// Patronymic endings: Russian -ovich/-evich/-ovna/-evna/-ichna, Ukrainian -ovych/-ivna,
/// Belarusian -avich/-auna, Turkic -ogly/-oglu/-uly/-kyzy/-qizi (the patronymic formants of
/// the East Slavic and Turkic naming customs; see ICAO 9303 part 3 on names).
const PATRONYMIC_ENDINGS: &[&str] = &[
    "ovich", "evich", "ovych", "evych", "avich", "ovna", "evna", "ivna", "avna", "auna", "ichna",
    "ogly", "oglu", "ugli", "uly", "kyzy", "qizi", "kizi",
];

impl ScoreToken {
    pub(crate) fn new(token: &Token, freq: &Frequencies) -> ScoreToken {
        let text = token.text();
        let patronymic = token.kind() == TokenKind::Word
            && text.len() >= 6
            && PATRONYMIC_ENDINGS.iter().any(|e| text.ends_with(e));
        ScoreToken {
            text: text.into(),
            key: token.key().into(),
            kind: token.kind(),
            weight: freq.weight(token.kind(), token.key()),
            patronymic,
            abjad: token.is_abjad(),
            skeleton: skeleton(token.key()).into(),
        }
    }

    fn unmatched_weight(&self) -> f32 {
        if self.patronymic {
            self.weight * PATRONYMIC_FACTOR
        } else {
            self.weight
        }
    }

    fn distinctive(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
            && self.weight >= DISTINCTIVE_WEIGHT
    }
}

/// The least key similarity for two words to meet, by the length of the longer key: short
/// words must agree exactly in their key (`Ali` / `Aly`), longer ones may differ more.
fn word_floor(len: usize) -> f32 {
    match len {
        0..=2 => 1.0,
        // One vowel apart (Kol / Kel) but not one consonant (Ali / Ari).
        3 => 0.83,
        4..=5 => 0.8,
        _ => 0.75,
    }
}

/// Similarity of two tokens, 0 when they do not meet.
pub(crate) fn token_similarity(a: &ScoreToken, b: &ScoreToken) -> f32 {
    use TokenKind::*;
    match (a.kind, b.kind) {
        (LegalForm, LegalForm) | (Number, Number) => f32::from(u8::from(a.text == b.text)),
        (LegalForm, _) | (_, LegalForm) | (Number, _) | (_, Number) => 0.0,
        (Initial, Initial) => f32::from(u8::from(a.text == b.text)),
        (Initial, Word) => initial_of(&a.text, &b.text),
        (Word, Initial) => initial_of(&b.text, &a.text),
        (Word, Word) if a.abjad || b.abjad => skeleton_similarity(&a.skeleton, &b.skeleton),
        (Word, Word) => words_similarity(&a.text, &a.key, &b.text, &b.key),
    }
}

/// Similarity of two words of which one was romanized from Arabic script: their consonant
/// skeletons, which must agree exactly when short.
fn skeleton_similarity(a: &str, b: &str) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if a == b {
        return KEY_EQUAL;
    }
    let sim = key_similarity(a, b) * KEY_EQUAL;
    if sim >= word_floor(a.len().max(b.len())) * KEY_EQUAL {
        sim
    } else {
        0.0
    }
}

fn initial_of(initial: &str, word: &str) -> f32 {
    if word.as_bytes().first() == initial.as_bytes().first() {
        INITIAL_SIM
    } else {
        0.0
    }
}

fn words_similarity(at: &str, ak: &str, bt: &str, bk: &str) -> f32 {
    if at == bt {
        return 1.0;
    }
    if ak == bk {
        return KEY_EQUAL;
    }
    let sim = key_similarity(ak, bk) * KEY_EQUAL;
    if sim >= word_floor(ak.len().max(bk.len())) * KEY_EQUAL {
        sim
    } else {
        0.0
    }
}

/// One link of the alignment: query tokens, list tokens, similarity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TokenMatch {
    query: Vec<String>,
    candidate: Vec<String>,
    similarity: f32,
    weight: f32,
}

impl TokenMatch {
    /// The query tokens of the link (two when glued in the list name's spelling).
    pub fn query(&self) -> &[String] {
        &self.query
    }

    /// The list-name tokens of the link.
    pub fn candidate(&self) -> &[String] {
        &self.candidate
    }

    /// How similar they are, in [0, 1].
    pub fn similarity(&self) -> f32 {
        self.similarity
    }

    /// The combined weight of the linked tokens (how much they say about identity).
    pub fn weight(&self) -> f32 {
        self.weight
    }
}

/// Something besides the token links that moved the score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "factor", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Factor {
    /// Both names have numbers and they disagree.
    NumberConflict {
        /// The multiplier applied.
        multiplier: f32,
    },
    /// Only common words matched; the score was capped.
    GenericOnly {
        /// The cap applied.
        cap: f32,
    },
    /// Both names keep distinctive tokens that match nothing (different given names).
    UnmatchedOnBothSides {
        /// The multiplier applied.
        multiplier: f32,
    },
    /// The list name is a weak alias: it counts only when near-exact.
    WeakAlias,
    /// The birth dates of query and entity disagree.
    BirthDateConflict {
        /// The multiplier applied.
        multiplier: f32,
    },
    /// The birth date of the query agrees with the entity's.
    BirthDateAgrees,
    /// The query's country is not among the entity's countries.
    CountryConflict {
        /// The multiplier applied.
        multiplier: f32,
    },
    /// An identifier of the query equals one of the entity's.
    IdentifierMatch {
        /// The identifier value.
        value: String,
    },
    /// The query was longer than the screener reads; only its start was screened.
    QueryTruncated {
        /// How many tokens were kept.
        tokens: usize,
    },
}

impl fmt::Display for Factor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Factor::NumberConflict { multiplier } => write!(f, "numbers disagree (×{multiplier})"),
            Factor::GenericOnly { cap } => write!(f, "only common words match (capped at {cap})"),
            Factor::UnmatchedOnBothSides { multiplier } => {
                write!(
                    f,
                    "distinctive words unmatched on both sides (×{multiplier:.2})"
                )
            }
            Factor::WeakAlias => f.write_str("weak alias: counted only when near-exact"),
            Factor::BirthDateConflict { multiplier } => {
                write!(f, "birth dates disagree (×{multiplier})")
            }
            Factor::BirthDateAgrees => f.write_str("birth dates agree"),
            Factor::CountryConflict { multiplier } => write!(f, "country differs (×{multiplier})"),
            Factor::IdentifierMatch { value } => write!(f, "identifier {value} matches"),
            Factor::QueryTruncated { tokens } => write!(f, "query truncated to {tokens} tokens"),
        }
    }
}

/// Why a score is what it is: the token links, what stayed unmatched, and the factors.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    matched: Vec<TokenMatch>,
    unmatched_query: Vec<String>,
    unmatched_candidate: Vec<String>,
    name_score: f32,
    factors: Vec<Factor>,
}

impl Explanation {
    /// The token links, strongest first.
    pub fn matched(&self) -> &[TokenMatch] {
        &self.matched
    }

    /// Query tokens that met nothing.
    pub fn unmatched_query(&self) -> &[String] {
        &self.unmatched_query
    }

    /// List-name tokens that met nothing.
    pub fn unmatched_candidate(&self) -> &[String] {
        &self.unmatched_candidate
    }

    /// The name score before secondary factors (birth date, country, identifiers).
    pub fn name_score(&self) -> f32 {
        self.name_score
    }

    /// What moved the score besides the links.
    pub fn factors(&self) -> &[Factor] {
        &self.factors
    }

    pub(crate) fn push_factor(&mut self, factor: Factor) {
        self.factors.push(factor);
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, m) in self.matched.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(
                f,
                "{}~{} {:.2}",
                m.query.join("+"),
                m.candidate.join("+"),
                m.similarity
            )?;
        }
        if !self.unmatched_query.is_empty() {
            write!(f, "; query only: {}", self.unmatched_query.join(" "))?;
        }
        if !self.unmatched_candidate.is_empty() {
            write!(f, "; list only: {}", self.unmatched_candidate.join(" "))?;
        }
        for factor in &self.factors {
            write!(f, "; {factor}")?;
        }
        Ok(())
    }
}

/// A possible link between query tokens `q` and list tokens `c`.
struct Link {
    q: (usize, Option<usize>),
    c: (usize, Option<usize>),
    sim: f32,
    mass: f32,
}

fn glued(a: &ScoreToken, b: &ScoreToken) -> Option<(String, String)> {
    if a.kind != TokenKind::Word || b.kind != TokenKind::Word {
        // Legal forms glue by their class text (JSCARGUMENT); numbers never.
        if !(matches!(
            a.kind,
            TokenKind::Word | TokenKind::LegalForm | TokenKind::Initial
        ) && matches!(
            b.kind,
            TokenKind::Word | TokenKind::LegalForm | TokenKind::Initial
        )) {
            return None;
        }
    }
    let text = format!("{}{}", a.text, b.text);
    let k = key(&text);
    Some((text, k))
}

/// Scores a query name against a list name. Both token lists come from the same
/// normalization and weights.
pub(crate) fn score_names(q: &[ScoreToken], c: &[ScoreToken]) -> (f32, Explanation) {
    let mut links: Vec<Link> = Vec::new();
    for (i, qt) in q.iter().enumerate() {
        for (j, ct) in c.iter().enumerate() {
            let sim = token_similarity(qt, ct);
            if sim > 0.0 {
                links.push(Link {
                    q: (i, None),
                    c: (j, None),
                    sim,
                    mass: qt.weight + ct.weight,
                });
            }
        }
    }
    // Glued words: one query token against two adjacent list tokens, and the reverse.
    for (i, qt) in q
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind == TokenKind::Word)
    {
        for (j, pair) in c.windows(2).enumerate() {
            let [a, b] = pair else { continue };
            let Some((text, k)) = glued(a, b) else {
                continue;
            };
            let sim = if qt.abjad || a.abjad || b.abjad {
                skeleton_similarity(&qt.skeleton, &skeleton(&k))
            } else {
                words_similarity(&qt.text, &qt.key, &text, &k)
            };
            if sim > 0.0 {
                let mass = qt.weight + a.weight.max(b.weight);
                links.push(Link {
                    q: (i, None),
                    c: (j, Some(j + 1)),
                    sim,
                    mass,
                });
            }
        }
    }
    for (j, ct) in c
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind == TokenKind::Word)
    {
        for (i, pair) in q.windows(2).enumerate() {
            let [a, b] = pair else { continue };
            let Some((text, k)) = glued(a, b) else {
                continue;
            };
            let sim = if ct.abjad || a.abjad || b.abjad {
                skeleton_similarity(&skeleton(&k), &ct.skeleton)
            } else {
                words_similarity(&text, &k, &ct.text, &ct.key)
            };
            if sim > 0.0 {
                let mass = ct.weight + a.weight.max(b.weight);
                links.push(Link {
                    q: (i, Some(i + 1)),
                    c: (j, None),
                    sim,
                    mass,
                });
            }
        }
    }
    // Strongest links first; ties by position, for determinism.
    links.sort_by(|x, y| {
        (y.sim * y.mass)
            .total_cmp(&(x.sim * x.mass))
            .then(x.q.0.cmp(&y.q.0))
            .then(x.c.0.cmp(&y.c.0))
    });
    let mut q_used = vec![false; q.len()];
    let mut c_used = vec![false; c.len()];
    let mut numerator = 0.0f32;
    let mut explanation = Explanation::default();
    let mut distinctive_matched = false;
    let mut numbers_matched = false;
    for l in &links {
        let qs: Vec<usize> = std::iter::once(l.q.0).chain(l.q.1).collect();
        let cs: Vec<usize> = std::iter::once(l.c.0).chain(l.c.1).collect();
        let free = qs.iter().all(|&i| q_used.get(i) == Some(&false))
            && cs.iter().all(|&j| c_used.get(j) == Some(&false));
        if !free {
            continue;
        }
        let mut wq = 0.0;
        let mut wc = 0.0;
        let mut qtexts = Vec::new();
        let mut ctexts = Vec::new();
        for &i in &qs {
            if let (Some(t), Some(u)) = (q.get(i), q_used.get_mut(i)) {
                *u = true;
                wq += t.weight;
                distinctive_matched |= t.distinctive();
                numbers_matched |= t.kind == TokenKind::Number;
                qtexts.push(t.text.to_string());
            }
        }
        for &j in &cs {
            if let (Some(t), Some(u)) = (c.get(j), c_used.get_mut(j)) {
                *u = true;
                wc += t.weight;
                distinctive_matched |= t.distinctive();
                ctexts.push(t.text.to_string());
            }
        }
        numerator += l.sim * (wq + wc);
        explanation.matched.push(TokenMatch {
            query: qtexts,
            candidate: ctexts,
            similarity: l.sim,
            weight: wq + wc,
        });
    }
    let mut denominator = 0.0f32;
    let mut unmatched_q_distinct = 0.0f32;
    let mut unmatched_c_distinct = 0.0f32;
    let mut q_numbers = Vec::new();
    let mut c_numbers = Vec::new();
    for (t, used) in q.iter().zip(&q_used) {
        if t.kind == TokenKind::Number {
            q_numbers.push(*used);
        }
        if *used {
            denominator += t.weight;
        } else {
            denominator += t.unmatched_weight();
            if t.distinctive() && !t.patronymic {
                unmatched_q_distinct += t.weight;
            }
            explanation.unmatched_query.push(t.text.to_string());
        }
    }
    for (t, used) in c.iter().zip(&c_used) {
        if t.kind == TokenKind::Number {
            c_numbers.push(*used);
        }
        if *used {
            denominator += t.weight;
        } else {
            denominator += t.unmatched_weight();
            if t.distinctive() && !t.patronymic {
                unmatched_c_distinct += t.weight;
            }
            explanation.unmatched_candidate.push(t.text.to_string());
        }
    }
    // Names made of legal forms only compare their classes.
    let only_forms =
        |v: &[ScoreToken]| !v.is_empty() && v.iter().all(|t| t.kind == TokenKind::LegalForm);
    let mut score = if denominator > 0.0 {
        numerator / denominator
    } else {
        0.0
    };
    if only_forms(q) && only_forms(c) {
        score = explanation
            .matched
            .iter()
            .map(|m| m.similarity)
            .fold(0.0, f32::max);
        explanation.name_score = score;
        return (score.clamp(0.0, 1.0), explanation);
    }
    let q_has_unmatched_number = q_numbers.iter().any(|u| !u);
    let c_has_unmatched_number = c_numbers.iter().any(|u| !u);
    if !q_numbers.is_empty()
        && !c_numbers.is_empty()
        && (q_has_unmatched_number || c_has_unmatched_number)
    {
        score *= NUMBER_CONFLICT;
        explanation.factors.push(Factor::NumberConflict {
            multiplier: NUMBER_CONFLICT,
        });
    }
    if !distinctive_matched && !numbers_matched && score > GENERIC_ONLY_CAP {
        score = GENERIC_ONLY_CAP;
        explanation.factors.push(Factor::GenericOnly {
            cap: GENERIC_ONLY_CAP,
        });
    }
    let both = unmatched_q_distinct.min(unmatched_c_distinct);
    if both > 0.0 {
        let total: f32 = q
            .iter()
            .chain(c)
            .map(|t| t.weight)
            .sum::<f32>()
            .max(f32::EPSILON);
        let multiplier = (1.0 - BOTH_SIDES_UNMATCHED * (2.0 * both / total).min(1.0)).max(0.0);
        score *= multiplier;
        explanation
            .factors
            .push(Factor::UnmatchedOnBothSides { multiplier });
    }
    let score = score.clamp(0.0, 1.0);
    explanation.name_score = score;
    (score, explanation)
}

#[cfg(test)]
mod tests;
