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
//!    only by common words ([`GENERIC_ONLY_CAP`]), words met only through respellings
//!    ([`RESPELLED_ONLY`]), distinctive tokens left over on both sides (different given names
//!    of siblings: [`BOTH_SIDES_UNMATCHED`]).
//!
//! Words of an organization's name inflected in two languages meet as cognates
//! ([`COGNATE_SIM`]).
//!
//! Scores are in [0, 1] and deterministic.
//!
//! ```
//! use sanctions::score::{Factor, NUMBER_CONFLICT};
//!
//! let screener = sanctions::Screener::builder().build()?;
//! let c = screener.compare("Prigoschin Jewgeni", "PRIGOZHIN, Yevgeniy");
//! assert!(c.is_match()); // German and English romanizations meet
//! assert_eq!(c.explanation().to_string(), "prigoschin~prigozhin 0.97, jewgeni~yevgeniy 0.97");
//! let c = screener.compare("DA GROUP 23", "DA GROUP 22");
//! assert!(c.explanation().factors().contains(&Factor::NumberConflict { multiplier: NUMBER_CONFLICT }));
//! # Ok::<(), sanctions::Error>(())
//! ```

mod common_names;
mod generic_words;
mod name_groups;
pub mod ofac;
mod weights;

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

pub(crate) use weights::Frequencies;

use crate::model::EntityKind;
use crate::normalize::variant::{
    abjad_joined_in, abjad_key, abjad_similarity_if_at_least, key, key_similarity,
    key_similarity_at_least, key_similarity_if_at_least,
};
use crate::normalize::{
    CONCEPT_MARK, COUNTRY_MARK, Token, TokenKind, country_of, is_burmese_honorific,
};

/// Similarity of two different tokens with the same spelling-variant key.
///
/// ```
/// use sanctions::score::KEY_EQUAL;
///
/// let screener = sanctions::Screener::builder().build()?; // the embedded token weights
/// // `Jusuf` and `Yusuf`: two romanizations with one spelling-variant key.
/// let c = screener.compare("Jusuf Ibrahim", "Yusuf Ibrahim");
/// let link = c.explanation().matched().iter().find(|m| m.query() == ["jusuf"]);
/// assert_eq!(link.map(|m| m.similarity()), Some(KEY_EQUAL));
/// # Ok::<(), sanctions::Error>(())
/// ```
pub const KEY_EQUAL: f32 = 0.97;
/// Similarity of an initial and a word that starts with it.
///
/// ```
/// use sanctions::score::INITIAL_SIM;
///
/// let screener = sanctions::Screener::builder().build()?; // the embedded token weights
/// let c = screener.compare("Y. Prigozhin", "Yevgeniy Prigozhin");
/// let link = c.explanation().matched().iter().find(|m| m.query() == ["y"]);
/// assert_eq!(link.map(|m| m.similarity()), Some(INITIAL_SIM));
/// # Ok::<(), sanctions::Error>(())
/// ```
pub const INITIAL_SIM: f32 = 0.75;
/// The weight left to an unmatched patronymic (`Viktorovich`): often left out of a name.
///
/// ```
/// use sanctions::score::PATRONYMIC_FACTOR;
///
/// let screener = sanctions::Screener::builder().build()?; // the embedded token weights
/// // A patronymic left over costs less than another word left over.
/// let patronymic = screener.compare("Iosif Viktorovich Prigozhin", "Iosif Prigozhin").score();
/// let other = screener.compare("Iosif Rotenberg Prigozhin", "Iosif Prigozhin").score();
/// assert!(patronymic.value() > other.value());
/// assert!(PATRONYMIC_FACTOR < 1.0);
/// # Ok::<(), sanctions::Error>(())
/// ```
pub const PATRONYMIC_FACTOR: f32 = 0.2;
/// Multiplier when both names have numbers and they disagree (`DA GROUP 23` / `DA GROUP 22`).
///
/// ```
/// use sanctions::score::{Factor, NUMBER_CONFLICT};
///
/// let screener = sanctions::Screener::builder().build()?; // the embedded token weights
/// let c = screener.compare("DA GROUP 23", "DA GROUP 22");
/// assert!(c.explanation().factors().contains(&Factor::NumberConflict { multiplier: NUMBER_CONFLICT }));
/// # Ok::<(), sanctions::Error>(())
/// ```
pub const NUMBER_CONFLICT: f32 = 0.5;
/// The highest score a partial match may have when no matched token is distinctive (weight
/// at least [`DISTINCTIVE_WEIGHT`]): common words alone never carry a match. A name of common
/// words only still matches itself in full.
///
/// ```
/// use sanctions::score::{Factor, GENERIC_ONLY_CAP};
///
/// let screener = sanctions::Screener::builder().build()?; // the embedded token weights
/// let c = screener.compare("Trading Group", "Trading Group International");
/// assert_eq!(c.score().value(), GENERIC_ONLY_CAP);
/// assert!(c.explanation().factors().contains(&Factor::GenericOnly { cap: GENERIC_ONLY_CAP }));
/// // A name of common words only still matches itself.
/// assert_eq!(screener.compare("Trading Group", "TRADING GROUP").score().value(), 1.0);
/// # Ok::<(), sanctions::Error>(())
/// ```
pub const GENERIC_ONLY_CAP: f32 = 0.5;

/// How many words, each met firmly word for word, lift [`GENERIC_ONLY_CAP`] when they hold one
/// of the two names whole: `SALEH, Ahmed Ali` inside `SALEH, Ahmed Ali Abdullah` is that
/// person's name with a middle name left out. Two common names met (`MUSTAFA, Hamid` in
/// `Mustafa Hamid Al-Qasimi`) are too common a pair to say more than the cap.
///
/// ```
/// use sanctions::score::GENERIC_ONLY_CAP;
///
/// let screener = sanctions::Screener::builder().build()?; // the embedded token weights
/// let three = screener.compare("SALEH, Ahmed Ali", "SALEH, Ahmed Ali Abdullah");
/// assert!(three.score().value() > GENERIC_ONLY_CAP);
/// let two = screener.compare("Mustafa Hamid Al-Qasimi", "MUSTAFA, Hamid");
/// assert!(two.score().value() <= GENERIC_ONLY_CAP);
/// # Ok::<(), sanctions::Error>(())
/// ```
pub const CONTAINED_LINKS: usize = 3;
/// The weight from which a token is distinctive: not a common word. 0.45 is a document
/// frequency of about 0.8 % of the listed entities in the embedded table (`trading`, `group`,
/// `international`, `bank` are below it; `global`, `kazstanex` above).
///
/// ```
/// use sanctions::score::DISTINCTIVE_WEIGHT;
///
/// let screener = sanctions::Screener::builder().build()?; // the embedded token weights
/// // `Kazstanex` is distinctive, `Trading` and `Group` are not: only the first carries a match.
/// assert!(screener.compare("Kazstanex Group", "Kazstanex Group International").is_match());
/// assert!(!screener.compare("Trading Group", "Trading Group International").is_match());
/// let c = screener.compare("Kazstanex Group", "KAZSTANEX GROUP");
/// let weight = |word: &str| c.explanation().matched().iter().find(|m| m.query() == [word]).map(|m| m.weight() / 2.0);
/// assert!(weight("kazstanex") >= Some(DISTINCTIVE_WEIGHT));
/// assert!(weight("group") < Some(DISTINCTIVE_WEIGHT));
/// # Ok::<(), sanctions::Error>(())
/// ```
pub const DISTINCTIVE_WEIGHT: f32 = 0.45;

/// The weight from which an unmatched token counts as a disagreement when both names keep
/// one ([`BOTH_SIDES_UNMATCHED`]): lower than [`DISTINCTIVE_WEIGHT`], since two different
/// common words (`Trading` / `Trust`) still tell two names apart.
///
/// ```
/// use sanctions::score::{DISAGREEING_WEIGHT, DISTINCTIVE_WEIGHT, Factor};
///
/// let screener = sanctions::Screener::builder().build()?; // the embedded token weights
/// // Two different words left over: the names are told apart.
/// let c = screener.compare("Prigozhin Ivanov", "Yevgeniy Prigozhin");
/// assert!(matches!(c.explanation().factors(), [Factor::UnmatchedOnBothSides { .. }]));
/// assert!(DISAGREEING_WEIGHT < DISTINCTIVE_WEIGHT);
/// # Ok::<(), sanctions::Error>(())
/// ```
pub const DISAGREEING_WEIGHT: f32 = 0.35;
/// Strength of the penalty when the given names of two `SURNAME, Given` names do not meet
/// each other (a son named after his father: `QADHAFI, Hannibal Muammar` / `QADHAFI,
/// Muammar`; brothers: `AL-TIKRITI, Ayman Sabawi` / `AL-TIKRITI, Sabawi`): the multiplier is
/// `1 - GIVEN_NAME_CONFLICT × w`, with `w` the rarity of the given name left unmatched: the
/// weight it keeps unmatched, not the lower weight a common given name has when met (`Ayman`,
/// common as it is, tells a son from his father as well as a rarer name does).
///
/// ```
/// use sanctions::score::{Factor, GIVEN_NAME_CONFLICT};
///
/// let screener = sanctions::Screener::builder().build()?; // the embedded token weights
/// // Brothers: one surname, two given names.
/// let c = screener.compare("ROTENBERG, Boris", "ROTENBERG, Arkady");
/// let multiplier = c.explanation().factors().iter().find_map(|f| match f {
///     Factor::GivenNameConflict { multiplier } => Some(*multiplier),
///     _ => None,
/// });
/// assert!(multiplier.is_some_and(|m| (1.0 - GIVEN_NAME_CONFLICT..1.0).contains(&m)));
/// assert!(!c.is_match());
/// # Ok::<(), sanctions::Error>(())
/// ```
pub const GIVEN_NAME_CONFLICT: f32 = 0.4;

/// The multiplier when a person's `SURNAME, Given` name has no surname word met (see
/// [`Factor::SurnameMissing`]).
///
/// ```
/// use sanctions::EntityKind;
/// use sanctions::score::{Factor, SURNAME_MISSING};
///
/// let screener = sanctions::Screener::builder().build()?; // the embedded token weights
/// let c = screener.compare_as("Yevgeniy Ivanov", "PRIGOZHIN, Yevgeniy", EntityKind::Person);
/// assert!(c.explanation().factors().contains(&Factor::SurnameMissing { multiplier: SURNAME_MISSING }));
/// # Ok::<(), sanctions::Error>(())
/// ```
pub const SURNAME_MISSING: f32 = 0.8;

/// The least similarity of a link that meets a word firmly: as written, or as one of its
/// spelling variants ([`KEY_EQUAL`]); less is a respelling (see [`RESPELLED_ONLY`]).
///
/// ```
/// use sanctions::score::{FIRM, Factor, RESPELLED_ONLY};
///
/// let screener = sanctions::Screener::builder().build()?; // the embedded token weights
/// // Neither word is met as written or as a spelling variant: the match is respelled only.
/// let c = screener.compare("Prigogine Jewgienij", "Yevgeniy Prigozhin");
/// assert!(c.explanation().matched().iter().all(|m| m.similarity() < FIRM));
/// assert!(c.explanation().factors().contains(&Factor::RespelledOnly { multiplier: RESPELLED_ONLY }));
/// # Ok::<(), sanctions::Error>(())
/// ```
pub const FIRM: f32 = 0.95;
/// As [`FIRM`], for a word written in Arabic script against a Latin spelling, which is met
/// letter by letter and never quite exactly (`محمد` / `Muhammad`, 0.93).
///
/// ```
/// use sanctions::score::{FIRM, FIRM_ABJAD};
///
/// let screener = sanctions::Screener::builder().build()?; // the embedded token weights
/// // `محمد` meets `Mohammed` letter by letter, firmly enough for Arabic script.
/// let c = screener.compare("Mohammed Sayed", "محمد سيد");
/// let link = c.explanation().matched().iter().find(|m| m.query() == ["mohammed"]).map(|m| m.similarity());
/// assert!(link.is_some_and(|s| (FIRM_ABJAD..FIRM).contains(&s)));
/// assert!(c.explanation().factors().is_empty());
/// # Ok::<(), sanctions::Error>(())
/// ```
pub const FIRM_ABJAD: f32 = 0.9;
/// The multiplier when no word is met firmly ([`FIRM`]) and the names are more than one word
/// for one word, or when a listed name of one word is met respelled inside a longer query.
///
/// ```
/// use sanctions::score::{Factor, RESPELLED_ONLY};
///
/// let screener = sanctions::Screener::builder().build()?; // the embedded token weights
/// let c = screener.compare("Prigogine Jewgienij", "Yevgeniy Prigozhin");
/// assert!(c.explanation().factors().contains(&Factor::RespelledOnly { multiplier: RESPELLED_ONLY }));
/// assert!(c.score().value() < c.explanation().name_score() / RESPELLED_ONLY + 1e-6);
/// # Ok::<(), sanctions::Error>(())
/// ```
pub const RESPELLED_ONLY: f32 = 0.9;

/// Strength of the penalty when both names keep distinctive tokens unmatched.
///
/// ```
/// use sanctions::score::{BOTH_SIDES_UNMATCHED, Factor};
///
/// let screener = sanctions::Screener::builder().build()?; // the embedded token weights
/// let c = screener.compare("Yevgeniy Prigozhin", "PRIGOZHIN, Iosif");
/// let multiplier = c.explanation().factors().iter().find_map(|f| match f {
///     Factor::UnmatchedOnBothSides { multiplier } => Some(*multiplier),
///     _ => None,
/// });
/// assert!(multiplier.is_some_and(|m| (1.0 - BOTH_SIDES_UNMATCHED..1.0).contains(&m)));
/// # Ok::<(), sanctions::Error>(())
/// ```
pub const BOTH_SIDES_UNMATCHED: f32 = 0.6;

/// A short string kept inline (see `compact_str` in Cargo.toml): the words of names.
pub(crate) type SmallText = compact_str::CompactString;

/// The heap bytes a [`SmallText`] holds: none when it is kept inline.
pub(crate) fn heap_len(s: &SmallText) -> usize {
    if s.is_heap_allocated() {
        s.capacity()
    } else {
        0
    }
}

/// A token prepared for scoring: its normalized form and its weight.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub(crate) struct ScoreToken {
    pub(crate) text: SmallText,
    pub(crate) key: SmallText,
    pub(crate) kind: TokenKind,
    pub(crate) weight: f32,
    /// The weight when left unmatched: as `weight`, but a generic word keeps its rarity.
    pub(crate) unmatched: f32,
    pub(crate) patronymic: bool,
    /// Romanized from Arabic script: compared by consonant skeleton.
    pub(crate) abjad: bool,
    /// The key's consonant skeleton.
    pub(crate) skeleton: SmallText,
    /// The given name of a `SURNAME, Given` name.
    pub(crate) first_given: bool,
    /// The key without a common surname suffix, and the suffix's class (see
    /// [`SURNAME_SUFFIXES`]), when the key has one.
    #[cfg_attr(feature = "snapshot", serde(with = "stem_serde"))]
    pub(crate) stem: Option<(SmallText, &'static str)>,
    /// A Czech or Slovak woman's form of a surname (`Porrasová`, see
    /// [`Token::is_feminine`]): its stem is the family's surname.
    pub(crate) feminine: bool,
    /// The common name this word spells, when it spells one of `name_groups`: two words
    /// spelling two different names never meet.
    pub(crate) name: Option<u16>,
    /// The word after `Abu` or `Umm` (father, mother of): a part of a kunya, not a name of
    /// the person's own (see [`prepare_tokens`]).
    pub(crate) kunya: bool,
    /// A kunya particle with no word after it (`Muhammad ABU`): the name may be a kunya
    /// written as given name and surname.
    pub(crate) particle_alone: bool,
    /// The first word of a theophoric compound (`Abd al-Sattar`, see [`ABD_HEADS`]).
    pub(crate) abd_head: bool,
    /// A word that may end a compound in `al-Din` (`Uddin`, the `Din` of `al-Din`), keyed
    /// `aldin` or `din` (see [`din_head`]).
    pub(crate) din_end: bool,
    /// A word or number whose key another token of the name has (see [`is_echo`]).
    pub(crate) repeated: bool,
}

/// Surname suffixes (spelling-variant keys) and their classes: the East Slavic and Turkic
/// -ov/-ev/-ova/-eva, -sky/-skaya, and Ukrainian -enko. (-in/-ina is left out: too many given
/// names end so, Hussein, Muhsin, Marina.) Two surnames with a suffix
/// of one class meet only when their stems do: the shared suffix is not evidence (`Krylova`
/// and `Frolova` share four letters of seven, but their stems `kryl` and `frol` are different
/// names). After a vowel, BGN/PCGN writes the suffix's `е` with its glide, `-yev`, `-yeva`
/// (`Клюев` Klyuyev, Kluev; `Сергеев` Sergeyev, Sergeev): the glide is the suffix's, not the
/// stem's (key `J`). Longest first.
const SURNAME_SUFFIXES: &[(&str, &str)] = &[
    ("ovskaia", "ski"),
    ("evskaia", "ski"),
    ("skaia", "ski"),
    ("ski", "ski"),
    ("enko", "enko"),
    ("Jeva", "ov"),
    ("Jev", "ov"),
    ("ova", "ov"),
    ("eva", "ov"),
    ("ov", "ov"),
    ("ev", "ov"),
];

/// The shortest stem left when a suffix is taken off.
const MIN_STEM: usize = 3;

fn surname_stem(key: &str) -> Option<(SmallText, &'static str)> {
    SURNAME_SUFFIXES.iter().find_map(|&(suffix, class)| {
        let stem = key.strip_suffix(suffix)?;
        (stem.len() >= MIN_STEM).then(|| (stem.into(), class))
    })
}

/// A token's [`ScoreToken::stem`] in a screener snapshot: the suffix class by its name, and
/// back to the class of [`SURNAME_SUFFIXES`] of that name.
#[cfg(feature = "snapshot")]
mod stem_serde {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    type Stem = Option<(super::SmallText, &'static str)>;

    pub(super) fn serialize<S: Serializer>(stem: &Stem, s: S) -> Result<S::Ok, S::Error> {
        stem.as_ref()
            .map(|(stem, class)| (stem, *class))
            .serialize(s)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Stem, D::Error> {
        let Some((stem, class)) = Option::<(super::SmallText, super::SmallText)>::deserialize(d)?
        else {
            return Ok(None);
        };
        let known = super::SURNAME_SUFFIXES
            .iter()
            .find(|(_, c)| **c == *class)
            .map(|&(_, c)| c);
        match known {
            Some(class) => Ok(Some((stem, class))),
            None => Err(serde::de::Error::custom(format!(
                "expected a surname suffix class, found {class:?}"
            ))),
        }
    }
}

/// Patronymic endings: Russian -ovich/-evich/-ovna/-evna/-ichna, Ukrainian -ovych/-ivna,
/// Belarusian -avich/-auna, Turkic -ogly/-oglu/-uly/-kyzy/-qizi (the patronymic formants of
/// the East Slavic and Turkic naming customs; see ICAO 9303 part 3 on names).
const PATRONYMIC_ENDINGS: &[&str] = &[
    "ovich", "evich", "ovych", "evych", "avich", "ovna", "evna", "ivna", "avna", "auna", "ichna",
    // German (-owitsch, -ewitsch), French (-ovitch), Swedish (-ovitj) renderings.
    // The same renderings of the Belarusian -авіч (`Michajlavitj`, `Michailawitsch`).
    "owitsch", "ewitsch", "ovitch", "evitch", "ovitj", "evitj", "awitsch", "avitch", "avitj",
    "ogly", "oglu", "ugli", "uly", "kyzy", "qizi", "kizi",
];

/// The bit of a token position in a 64-bit set of positions; none past 64.
pub(crate) fn bit(i: usize) -> u64 {
    u32::try_from(i)
        .ok()
        .and_then(|i| 1u64.checked_shl(i))
        .unwrap_or(0)
}

/// The words of a name met (`used`), as bits by position (the first 64).
fn words_met(tokens: &[ScoreToken], used: &[bool]) -> u64 {
    tokens
        .iter()
        .zip(used)
        .enumerate()
        .filter(|(_, (t, u))| **u && t.kind == TokenKind::Word)
        .fold(0, |bits, (i, _)| bits | bit(i))
}

/// The kunya particles (spelling-variant keys): `Abu` (أبو, father of) and `Umm` (أم, mother
/// of). `Abu Ayham` names a man by his son Ayham: the word after the particle is the son's
/// name, not his own (ODNI ICS-630-01 on the kunya; the names notes, section 6, item 10).
const KUNYA_PARTICLES: &[&str] = &["abu", "umm"];

/// The score tokens of a name's tokens, each with its context marked (the word of a kunya).
pub(crate) fn prepare_tokens<'a>(
    tokens: impl IntoIterator<Item = &'a Token>,
    freq: &Frequencies,
) -> Vec<ScoreToken> {
    let mut out: Vec<ScoreToken> = tokens
        .into_iter()
        .map(|t| ScoreToken::new(t, freq))
        .collect();
    let particles: Vec<usize> = (0..out.len())
        .filter(|&i| {
            out.get(i)
                .is_some_and(|t| t.kind == TokenKind::Word && KUNYA_PARTICLES.contains(&&*t.key))
        })
        .collect();
    for i in particles {
        match out.get_mut(i + 1) {
            Some(next) if next.kind == TokenKind::Word => next.kunya = true,
            _ => {
                if let Some(t) = out.get_mut(i) {
                    t.particle_alone = true;
                }
            }
        }
    }
    settle_patronymics(&mut out);
    mark_burmese_honorific(&mut out);
    mark_nasab_particles(&mut out);
    mark_prepositions_in_organizations(&mut out);
    mark_repeated(&mut out);
    out
}

/// Marks the words and numbers whose key another token of the name has: only those may be
/// an organization's words written again ([`is_echo`]), which scoring then need not look for
/// in every name.
fn mark_repeated(tokens: &mut [ScoreToken]) {
    // By sorting, not pair by pair: a stretch of text prepared at once may be long.
    let class = |k: usize| {
        tokens
            .get(k)
            .map(|t| (t.kind == TokenKind::Number, &*t.key))
    };
    let mut order: Vec<usize> = (0..tokens.len())
        .filter(|&k| {
            tokens
                .get(k)
                .is_some_and(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        })
        .collect();
    order.sort_unstable_by(|&a, &b| class(a).cmp(&class(b)));
    let mut repeated = Vec::new();
    for pair in order.windows(2) {
        if let [a, b] = *pair {
            if class(a) == class(b) {
                repeated.extend([a, b]);
            }
        }
    }
    for k in repeated {
        if let Some(t) = tokens.get_mut(k) {
            t.repeated = true;
        }
    }
}

/// Keeps one patronymic at most in a name: a word is read as a patronymic by its ending
/// ([`PATRONYMIC_ENDINGS`]), which many East Slavic surnames share (`YANUKOVYCH`,
/// `ABRAMOVICH`, `ALIASHKEVICH`). The words before the given names of a `SURNAME, Given`
/// name are its surname; of two words with such endings, the patronymic is the one right
/// after the given name (`Viktor Fedorovych YANUKOVYCH`, `YANUKOVYCH Viktor Fedorovych`: an
/// East Slavic name is the given name, the patronymic and the surname, the surname first or
/// last), and the other is the surname.
fn settle_patronymics(tokens: &mut [ScoreToken]) {
    if let Some(given) = tokens.iter().position(|t| t.first_given) {
        for t in tokens.iter_mut().take(given) {
            t.patronymic = false;
        }
    }
    let marked: Vec<usize> = (0..tokens.len())
        .filter(|&i| tokens.get(i).is_some_and(|t| t.patronymic))
        .collect();
    if marked.len() < 2 {
        return;
    }
    let after_given = marked.iter().copied().find(|&i| {
        i.checked_sub(1)
            .and_then(|p| tokens.get(p))
            .is_some_and(|p| p.kind == TokenKind::Word && !p.patronymic)
    });
    if let Some(keep) = after_given {
        for i in marked.into_iter().filter(|&i| i != keep) {
            if let Some(t) = tokens.get_mut(i) {
                t.patronymic = false;
            }
        }
    }
}

/// Prepositions and articles of organization names that are also name syllables, and so
/// not among the function words (see `generic_words::FUNCTION_WORDS`): Russian, Belarusian,
/// Ukrainian and Bulgarian `по` (for, on: `Федеральная служба по финансовому мониторингу`,
/// `институт по лозарство`) and `на` (of: `Кабинет на главния интендант`), Portuguese and
/// Italian `da`, `do`, `di` (of: `Direção da Segurança Interna do Ministério`), `in` and
/// `per` (in, for), the French and Italian articles `le` and `il`, Dutch `van` (of), and the
/// Greek `του`, `των`, `την`, `για`, `και` (of the, for, and; keyed `tu`, `ton`, `tin`,
/// `gia`, `kai`), and the romanized Arabic `wa` (and), `ila` (to) and `fi` (in) (`Jama'at
/// al-Da'wah ila al-Qur'an wa-al-Sunnah`; the Arabic-script `في` is a function word anywhere).
/// The English forms write them as `for`, `of`, `in` or leave them out. `Po`,
/// `Na`, `Do` and `Van` are Chinese, Korean and Vietnamese name syllables (`PO, Kong`), and
/// `PO` the Russian abbreviation of a production association (`PO SEVER`): only inside an
/// organization's name, told by a generic word read as a concept, are they prepositions.
const PREPOSITIONS_IN_ORGANIZATIONS: &[&str] = &[
    "po", "na", "da", "do", "di", "in", "per", "le", "il", "van", "tu", "ton", "tin", "gia", "kai",
    "wa", "ila", "fi",
];

/// Gives a preposition of [`PREPOSITIONS_IN_ORGANIZATIONS`] between two words of a name that
/// holds a generic word read as a concept (`служба`, `@service`) the weight of a function
/// word, met or not.
fn mark_prepositions_in_organizations(tokens: &mut [ScoreToken]) {
    let organization = tokens.iter().any(|t| {
        t.kind == TokenKind::Word && !t.abjad && t.key.starts_with(crate::normalize::CONCEPT_MARK)
    });
    if !organization {
        return;
    }
    between_two_words(tokens, |t| {
        if t.kind == TokenKind::Word
            && !t.abjad
            && PREPOSITIONS_IN_ORGANIZATIONS.contains(&&*t.text)
        {
            t.weight = weights::HONORIFIC_WEIGHT;
            t.unmatched = weights::HONORIFIC_WEIGHT;
            t.name = None;
        }
    });
}

/// Calls `f` with each token that stands between two words of a name.
fn between_two_words(tokens: &mut [ScoreToken], mut f: impl FnMut(&mut ScoreToken)) {
    for i in 1..tokens.len().saturating_sub(1) {
        let word = |j: usize| tokens.get(j).is_some_and(|t| t.kind == TokenKind::Word);
        if word(i - 1) && word(i + 1) {
            if let Some(t) = tokens.get_mut(i) {
                f(t);
            }
        }
    }
}

/// The particles of an Arabic name's nasab, its chain of ancestors (`bin`, `ibn`: son of;
/// `bint`, `binti`: daughter of; the Maghreb's `ben` and `ould`, `walad`), by text, and the
/// romanizations of `بن`, `ابن` and `بنت` in Arabic script. ODNI ICS-630-01 on Arabic names;
/// the names notes, section 6, item 7: how many ancestors a name lists varies between its
/// aliases (`BIN LADIN, Usama bin Muhammad bin Awad` / `BIN LADEN, Osama`).
const NASAB_PARTICLES: &[&str] = &["bin", "ibn", "bint", "binti", "ben", "ould", "walad"];
const NASAB_PARTICLES_ABJAD: &[&str] = &["bn", "abn", "bnt"];

/// Gives a nasab particle between two words of a name (`AL-AHDAL, Abdallah Bin Faysal`) the
/// weight of a title when left unmatched: it says whose son a person is, not who, and one
/// alias writes it where another leaves it out; met, it is evidence as any word is (`JABR IBN
/// HAYAN`). At a name's edge it is a name (`Wang Bin`, `Ben Smith`).
fn mark_nasab_particles(tokens: &mut [ScoreToken]) {
    between_two_words(tokens, |t| {
        let particles = if t.abjad {
            NASAB_PARTICLES_ABJAD
        } else {
            NASAB_PARTICLES
        };
        if t.kind == TokenKind::Word && particles.contains(&&*t.text) {
            t.unmatched = t.unmatched.min(weights::HONORIFIC_WEIGHT);
        }
    });
}

/// Gives a Burmese honorific at the head of a given name (`U Than Soe`, `NYUNT, U Thein`,
/// see [`BURMESE_HONORIFICS`](crate::normalize::BURMESE_HONORIFICS)) the weight of a title,
/// met or not, in a name of two words or more besides: the name is the other words, and `U`
/// is no initial of `Ugur`. A title keeps its token kind (the score bound lets an initial
/// meet any list word, as it may) and is told by its weight ([`ScoreToken::is_title`]).
fn mark_burmese_honorific(tokens: &mut [ScoreToken]) {
    let head = match tokens.iter().position(|t| t.first_given) {
        Some(given) => given.saturating_sub(1),
        None => 0,
    };
    let names = tokens
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Initial))
        .count();
    if names < 3 {
        return;
    }
    if let Some(t) = tokens.get_mut(head) {
        if !is_burmese_honorific(t.kind, t.abjad, &t.text) {
            return;
        }
        t.weight = weights::HONORIFIC_WEIGHT;
        t.unmatched = weights::HONORIFIC_WEIGHT;
        t.name = None;
    }
}

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
            weight: freq.weight_of(token),
            unmatched: freq.unmatched_weight_of(token),
            patronymic,
            abjad: token.is_abjad(),
            skeleton: token.skeleton().into(),
            first_given: token.is_first_given(),
            stem: (token.kind() == TokenKind::Word)
                .then(|| surname_stem(token.key()))
                .flatten(),
            feminine: token.is_feminine(),
            name: freq.name_group(token),
            kunya: false,
            particle_alone: false,
            abd_head: token.kind() == TokenKind::Word && ABD_HEADS.contains(&text),
            din_end: token.kind() == TokenKind::Word && matches!(token.key(), "aldin" | "din"),
            repeated: false,
        }
    }

    /// Whether the token is a function word or title (`OF`, `Haji`): left unmatched, it does
    /// not make a match partial.
    pub(crate) fn is_minor_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Initial)
            && self.unmatched <= weights::HONORIFIC_WEIGHT
    }

    /// Whether the token is a letter read as a title (the Burmese `U`, see
    /// [`prepare_tokens`]): an initial weighs more, so its weight tells it.
    fn is_title(&self) -> bool {
        self.kind == TokenKind::Initial && self.weight <= weights::HONORIFIC_WEIGHT
    }

    fn unmatched_weight(&self) -> f32 {
        if self.patronymic {
            self.unmatched * PATRONYMIC_FACTOR
        } else {
            self.unmatched
        }
    }

    fn disagrees(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
            && self.unmatched >= DISAGREEING_WEIGHT
    }

    /// A word rare enough to carry a match. Numbers are not: they must agree, but a number
    /// alone (`DA GROUP 21` / `GP-21`) says nothing about which firm a name means.
    /// A patronymic is not: it is a father's given name, as common as given names are
    /// (`ВЛАДИМИРОВИЧ Юра` is not `Юрий Владимирович ЛЕОНОВ`).
    /// A country is, however many names hold it (`Iran`, `Russian`): it is no word every
    /// firm's name may have, and names of one country are told apart by their other words.
    /// A word of a name that is no common name and no generic word: its weight is not capped
    /// when met, and it is distinctive.
    fn is_rare_word(&self) -> bool {
        self.distinctive() && self.weight >= self.unmatched
    }

    pub(crate) fn distinctive(&self) -> bool {
        self.kind == TokenKind::Word
            && !self.patronymic
            && (self.weight >= DISTINCTIVE_WEIGHT || country_of(&self.key).is_some())
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

/// The least key similarity of two surname stems: as [`word_floor`], but never under 0.8 (a
/// stem is what is left of the name once its most variable part is gone).
fn stem_floor(len: usize) -> f32 {
    word_floor(len).max(0.8)
}

/// The similarity of two words whose texts differ, by their keys and scripts alone: what
/// [`token_similarity_with`] and [`glued_similarity`] come to once their other rules are passed.
/// A screener computes it once per query word and list key (see [`KeyMemo`]).
fn key_level(ak: &str, a_abjad: bool, bk: &str, b_abjad: bool) -> f32 {
    // A word read as a country (`Syrian`, `%siria`) meets one written in Arabic script as
    // the country's English name does (the romanization of `سوريا` may be read as one too).
    let unmarked = |k| country_of(k).unwrap_or(k);
    match (a_abjad, b_abjad) {
        (true, false) => abjad_word_similarity(unmarked(ak), unmarked(bk)),
        (false, true) => abjad_word_similarity(unmarked(bk), unmarked(ak)),
        // Both written in Arabic script: their romanizations, long vowels included, compare
        // as any two words (their skeletons alone made أحمد الحمو meet احمد اليامي).
        _ => keys_similarity(ak, bk),
    }
}

/// [`key_level`] of one query's words and glued runs with list keys, each computed once: a
/// query meets the same list words (`Muhammad`, `Ali`) in thousands of candidate names.
#[derive(Debug, Default)]
pub(crate) struct KeyMemo<'c> {
    /// (query word or run, list key, list key romanized from Arabic script) → similarity.
    sims: rustc_hash::FxHashMap<(u32, &'c str, bool), f32>,
    /// The links of the last comparison, kept for the next: their vector is reused, not
    /// allocated per candidate name.
    links: Vec<Link>,
    /// Whether comparisons of Latin words are remembered too (see [`KeyMemo::for_text`]).
    latin: bool,
    /// The id of the first query word of the next comparison (see [`KeyMemo::for_text`]).
    base: u32,
}

/// The memo id of a query word: its position, plus the memo's base.
const MEMO_WORD: u32 = 0;
/// The memo ids of glued runs of the query: their position among the runs, from here on.
const MEMO_RUN: u32 = 1 << 31;

impl KeyMemo<'_> {
    /// A memo for the windows of one stretch of text (`screen_text`): the windows overlap and
    /// meet the same list names again, so Latin comparisons are remembered too, and each
    /// window's words are given ids by their place in the stretch ([`KeyMemo::at`]).
    pub(crate) fn for_text() -> Self {
        KeyMemo {
            latin: true,
            ..KeyMemo::default()
        }
    }

    /// Sets the place in its stretch of the next window's first word.
    pub(crate) fn at(&mut self, start: usize) -> &mut Self {
        self.base = u32::try_from(start).unwrap_or(MEMO_RUN);
        self
    }
}

/// Similarity of two tokens, 0 when they do not meet, with the key-level similarity of two
/// words whose texts differ from `key_sim` (see [`key_level`]).
fn token_similarity_with(a: &ScoreToken, b: &ScoreToken, key_sim: impl FnOnce() -> f32) -> f32 {
    use TokenKind::*;
    match (a.kind, b.kind) {
        (LegalForm, LegalForm) | (Number, Number) => f32::from(u8::from(a.text == b.text)),
        (LegalForm, _) | (_, LegalForm) | (Number, _) | (_, Number) => 0.0,
        (Initial, Initial) => f32::from(u8::from(a.text == b.text)),
        // Arabic script has no initials: a letter alone is a cut word (الاء), not an initial.
        (Initial, Word) | (Word, Initial) if a.abjad || b.abjad => 0.0,
        // A title (the Burmese `U`) is no initial: it meets only itself.
        (Initial, Word) | (Word, Initial) if a.is_title() || b.is_title() => 0.0,
        (Initial, Word) => initial_of(&a.text, &b.text),
        (Word, Initial) => initial_of(&b.text, &a.text),
        (Word, Word) if a.text == b.text => 1.0,
        // Spellings of two different common names (`Muhammad` / `Mahmoud`, `Zhang` / `Jiang`).
        (Word, Word) if a.name.zip(b.name).is_some_and(|(x, y)| x != y) => 0.0,
        // Two spellings of one common name too far apart in their letters for the keys to
        // meet (`Mohd` / `Muhammad`) meet as respellings: the table says they are one name.
        // Short spellings are too often other names (`Tan` of 陈 is also 谭, `Ho`, `Lee`).
        (Word, Word)
            if a.name.is_some()
                && a.name == b.name
                && a.text.chars().count().min(b.text.chars().count()) >= GROUP_MIN_LEN =>
        {
            let sim = key_sim();
            if sim > 0.0 { sim } else { GROUP_SIM }
        }
        // A spelling of a common name against a word of no group: a closed group lists the
        // name's spellings, so a word only near one is another name (`Iman` / `Akman`).
        (Word, Word)
            if a.name.is_some() != b.name.is_some()
                && a.name.or(b.name).is_some_and(name_groups::is_closed) =>
        {
            let sim = key_sim();
            if sim >= GROUP_OUTSIDER_MIN { sim } else { 0.0 }
        }
        // Either written in Arabic script (see `key_level`).
        (Word, Word) if a.abjad || b.abjad => key_sim(),
        // A patronymic meets only a patronymic, or its own spelling: `Grigorievna` is not the
        // surname `Grigoryeva`, nor `Dmitrievich` the surname `Dmitriyev`.
        (Word, Word) if a.patronymic != b.patronymic => f32::from(u8::from(a.key == b.key)),
        (Word, Word) => match (&a.stem, &b.stem) {
            (Some((sa, ca)), Some((sb, cb))) if ca == cb && a.key != b.key => {
                if sa == sb || key_similarity(sa, sb) >= stem_floor(sa.len().max(sb.len())) {
                    key_sim()
                } else {
                    0.0
                }
            }
            // A Czech or Slovak woman's surname is the family's with `-ová` (`Porrasová` /
            // `Porras`).
            (Some((stem, _)), None) if a.feminine => keys_similarity(stem, &b.key).max(key_sim()),
            (None, Some((stem, _))) if b.feminine => keys_similarity(stem, &a.key).max(key_sim()),
            // A surname is not its own stem: `Kovalev` is not `Koval`, nor `Rahimov` `Rahim`.
            (Some((stem, _)), None) if is_stem_of(stem, &b.key) => 0.0,
            (None, Some((stem, _))) if is_stem_of(stem, &a.key) => 0.0,
            _ => key_sim(),
        },
    }
}

/// Whether a word's key is a surname stem (`koval` of `kovalev`, `kowal` of `kovalyov`: the
/// keys meet the spellings). A nearer test would take `Liubow` for the stem of `Любоў`.
fn is_stem_of(stem: &str, key: &str) -> bool {
    stem == key
}

/// Similarity of a word romanized from Arabic script with a Latin word
/// ([`abjad_similarity`]), 0 below the floor of the Arabic word's length; of its letters
/// read apart (`zhir` of زهير, `Zuhair`) or as their Latin digraph (`aSr` of أزهر, `Azhar`:
/// [`abjad_joined_in`]), the nearer.
fn abjad_word_similarity(abjad: &str, latin: &str) -> f32 {
    let apart = abjad_letters_similarity(abjad, latin);
    if apart >= KEY_EQUAL {
        return apart;
    }
    let mut buf = [0u8; crate::normalize::variant::MAX_KEY];
    match abjad_joined_in(abjad, &mut buf) {
        Some(joined) => apart.max(abjad_letters_similarity(joined, latin)),
        None => apart,
    }
}

/// [`abjad_word_similarity`] of one reading of the Arabic word's key.
fn abjad_letters_similarity(abjad: &str, latin: &str) -> f32 {
    // By the Arabic word's length, over which the distance is taken: the Latin spelling is
    // longer by the vowels it adds (two consonants, گل / Gul, count as three letters). Names
    // are told apart by how they begin, in Arabic script too (حازم Hazim is not Azim).
    let mut floor = word_floor(abjad.len().max(3));
    // A written initial alif may go unwritten in Latin (إرحيم Irhim / Rahim).
    let after_alif = abjad
        .strip_prefix(['a', 'i', 'u'])
        .is_some_and(|rest| first_sounds_agree(rest, latin));
    if !first_sounds_agree(abjad, latin) && !after_alif {
        floor = floor.max(FIRST_SOUND_FLOOR);
    }
    // The bounded distance gives up on pairs far below the floor (with room for rounding;
    // the floor itself is applied as before).
    let Some(sim) = abjad_similarity_if_at_least(abjad, latin, floor - 1e-3) else {
        return 0.0;
    };
    let sim = sim * KEY_EQUAL;
    if sim >= floor * KEY_EQUAL { sim } else { 0.0 }
}

fn initial_of(initial: &str, word: &str) -> f32 {
    if word.as_bytes().first() == initial.as_bytes().first() {
        INITIAL_SIM
    } else {
        0.0
    }
}

/// The similarity of two spellings of one common name (`name_groups`) whose keys do not meet
/// (`Mohd` / `Muhammad`): a respelling, met surely enough for a name met inside another
/// ([`SUBSET_MIN_SIMILARITY`]) but not firmly ([`FIRM`]).
const GROUP_SIM: f32 = 0.9;

/// The least similarity of a spelling of a common name (`name_groups`) and a word of no
/// group: the groups list the names' spellings, so a word far from all of them is another
/// name (`Iman` / `Akman`, `Kader` / `Hadar`), while a near one is a spelling the table
/// lacks (`Hicham` / `Hisham`).
const GROUP_OUTSIDER_MIN: f32 = 0.85;

/// The shortest spellings, in letters, that meet by their name group alone.
const GROUP_MIN_LEN: usize = 4;

/// The least key similarity of two words whose first sounds differ (`Hamad` / `Muhammad`,
/// `Frolova` / `Krylova`): names are told apart by how they begin.
const FIRST_SOUND_FLOOR: f32 = 0.9;

/// The similarity of two Latin words whose texts differ, by their keys: [`KEY_EQUAL`] for
/// one key, less by the key distance down to the floor ([`words_floor`]), 0 below it.
fn keys_similarity(ak: &str, bk: &str) -> f32 {
    if ak == bk {
        return KEY_EQUAL;
    }
    let Some((ak, bk)) = country_keys(ak, bk) else {
        return 0.0;
    };
    if ak == bk {
        return KEY_EQUAL;
    }
    let floor = words_floor(ak, bk);
    // The bounded test rejects most pairs without the full distance.
    key_similarity_if_at_least(ak, bk, floor).map_or(0.0, |sim| sim * KEY_EQUAL)
}

/// The keys two words compare by: a country meets only itself (`%iran` is not `%irak`:
/// `None`), and a word not read as a country meets one by the key of the country's English
/// name (`suudan` / `%sudan`, `Irani` / `%iran`), as it met the name itself.
fn country_keys<'k>(ak: &'k str, bk: &'k str) -> Option<(&'k str, &'k str)> {
    match (country_of(ak), country_of(bk)) {
        (Some(_), Some(_)) => None,
        (Some(a), None) => Some((a, bk)),
        (None, Some(b)) => Some((ak, b)),
        (None, None) => Some((ak, bk)),
    }
}

/// The least key similarity of two Latin words of keys `ak` and `bk` to meet: by length
/// ([`word_floor`]), and higher when their first sounds differ.
fn words_floor(ak: &str, bk: &str) -> f32 {
    let floor = word_floor(ak.len().max(bk.len()));
    if first_sounds_agree(ak, bk) {
        floor
    } else {
        floor.max(FIRST_SOUND_FLOOR)
    }
}

/// Whether two keys begin with one sound: the same symbol, a cheap pair (`Qaddafi` /
/// `Gaddafi`), or vowels and glides (`Yevgeniy` / `Evgeniy`, `Ulyanov` / `Oulianov`).
fn first_sounds_agree(a: &str, b: &str) -> bool {
    let (Some(&x), Some(&y)) = (a.as_bytes().first(), b.as_bytes().first()) else {
        return false;
    };
    let open = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'J');
    if x == y || (open(x) && open(y)) || crate::normalize::variant::is_cheap_pair(x, y) {
        return true;
    }
    // The Arabic article glued to a name (`ELKADDAFI` / `QADHAFI`).
    fn article(k: &str) -> Option<&str> {
        ["al", "el", "ul"]
            .iter()
            .find_map(|p| k.strip_prefix(p).filter(|rest| rest.len() >= 3))
    }
    match (article(a), article(b)) {
        (Some(rest), None) => first_sounds_agree(rest, b),
        (None, Some(rest)) => first_sounds_agree(a, rest),
        _ => false,
    }
}

/// Whether a token is a word of the name's surname, when the name's structure says which
/// words those are: the words before the given names of a `SURNAME, Given` name (one with a
/// first given name marked); in an East Slavic or Turkic name with one patronymic, the words
/// other than the patronymic and the given name right before it (`Юрий Владимирович ЛЕОНОВ`,
/// `ЛЕОНОВ Юрий Владимирович`: `ЛЕОНОВ`). `None` when the structure says nothing.
fn surname_words(tokens: &[ScoreToken]) -> Option<impl Iterator<Item = usize> + '_> {
    let word = |i: &usize| tokens.get(*i).is_some_and(|t| t.kind == TokenKind::Word);
    if let Some(given) = tokens.iter().position(|t| t.first_given) {
        return Some(Either::Left((0..given).filter(word)));
    }
    let mut patronymics = tokens.iter().enumerate().filter(|(_, t)| t.patronymic);
    let (p, _) = patronymics.next()?;
    if patronymics.next().is_some() || p == 0 || !word(&(p - 1)) {
        return None;
    }
    Some(Either::Right(
        (0..tokens.len()).filter(move |i| *i + 1 != p && *i != p && word(i)),
    ))
}

/// One of two iterators.
enum Either<L, R> {
    Left(L),
    Right(R),
}

impl<L: Iterator<Item = usize>, R: Iterator<Item = usize>> Iterator for Either<L, R> {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        match self {
            Either::Left(l) => l.next(),
            Either::Right(r) => r.next(),
        }
    }
}

/// Whether a name has surname words ([`surname_words`]) and none of them met.
fn surname_missing(tokens: &[ScoreToken], used: &[bool]) -> bool {
    let Some(mut surname) = surname_words(tokens).map(Iterator::peekable) else {
        return false;
    };
    surname.peek().is_some() && surname.all(|i| used.get(i) == Some(&false))
}

/// Whether a name has a word of its surname ([`surname_words`]) met.
fn surname_met(tokens: &[ScoreToken], used: &[bool]) -> bool {
    surname_words(tokens).is_some_and(|mut surname| surname.any(|i| used.get(i) == Some(&true)))
}

/// The multiplier for given names that do not meet, if both names have one (see
/// [`GIVEN_NAME_CONFLICT`]).
fn given_name_conflict(
    q: &[ScoreToken],
    c: &[ScoreToken],
    q_used: &[bool],
    c_used: &[bool],
    chosen: &[(Range<usize>, Range<usize>)],
    person: bool,
) -> Option<f32> {
    let marked = |tokens: &[ScoreToken]| tokens.iter().position(|t| t.first_given);
    let (qi, ci) = match (marked(q), marked(c)) {
        (Some(qi), Some(ci)) => (qi, ci),
        // A person's name without that structure begins with its given name, as names are
        // written in their natural order: the name stays ambiguous (a surname may come
        // first), so only the shape of a father's name inside his child's (or the other way
        // round) tells: one name's first word left unmatched, the other's met by a later
        // word of the first (`Abir Saddam Husayn` / `HUSAYN, Saddam`, `Bashir Mohamed
        // Mahamoud` / `Muhammad Mahmud`). A surname written first (`PETROV Yevgeniy` /
        // `Yevgeniy PETROV`) meets the other name's words and leaves no first word unmatched.
        (qi, ci) if person => {
            let qi = qi.or_else(|| natural_head(q))?;
            let ci = ci.or_else(|| natural_head(c))?;
            let met = |used: &[bool], i: usize| used.get(i) == Some(&true);
            if met(q_used, qi) == met(c_used, ci) {
                return None;
            }
            (qi, ci)
        }
        _ => return None,
    };
    if chosen
        .iter()
        .any(|(qr, cr)| qr.contains(&qi) && cr.contains(&ci))
    {
        return None;
    }
    // One given name, met elsewhere in a name that repeats it (`OMAR, Omar Awadh` / `AWADH,
    // Omar`: the query's surname took the list's `Omar`): the given names agree.
    if q.get(qi)
        .zip(c.get(ci))
        .is_some_and(|(a, b)| a.kind == TokenKind::Word && a.key == b.key)
    {
        return None;
    }
    // `Muhammad` before a given name met (`MUJAHID, Mohammed Yahya` / `MUJAHID, Yahya`) is
    // the name many men carry first, not the one they are called by (Pakistani and other
    // South Asian usage: T. Rahman, *Names: A Study of Personal Names, Identity, and Power in
    // Pakistan*, OUP 2015; Wikipedia, "Pakistani name"): no given name of its own. Nor is the
    // title `Sayyid` (`RAZAVI, Seyed Morteza` / `RAZAVI, Morteza`; Wikipedia, "Sayyid"), nor
    // `Malik`, the Punjabi and Pashtun title of landholders and tribal chiefs written before
    // the name (`IQBAL, Malik Zafar` / `IQBAL, Zafar`; Wikipedia, "Malik").
    let carried_first = |tokens: &[ScoreToken], used: &[bool], i: usize| {
        tokens.get(i).is_some_and(|t| {
            t.name
                .is_some_and(|g| g == name_groups::MUHAMMAD || g == name_groups::SAYYID)
                || &*t.key == "malik"
        }) && tokens.get(i + 1).is_some_and(|t| t.kind == TokenKind::Word)
            && used.get(i + 1) == Some(&true)
    };
    let unmatched = |tokens: &[ScoreToken], used: &[bool], i: usize| {
        if used.get(i) == Some(&false) && !carried_first(tokens, used, i) {
            tokens.get(i).map_or(0.0, |t| t.unmatched)
        } else {
            0.0
        }
    };
    let w = unmatched(q, q_used, qi).max(unmatched(c, c_used, ci));
    (w > 0.0).then(|| 1.0 - GIVEN_NAME_CONFLICT * w.min(1.0))
}

/// The first word of a person's name written without a `SURNAME, Given` structure, where it
/// is a name: not a title or function word, not a patronymic, no kunya's particle (`Abu
/// Ayham` names a man by his son: see [`KUNYA_PARTICLES`]) and no first word of a theophoric
/// compound (`عبد البصير`, `Abd al-Basir`, written `Basir` elsewhere: see [`ABD_HEADS`]);
/// `None` when the name begins otherwise, or has fewer than two words.
fn natural_head(tokens: &[ScoreToken]) -> Option<usize> {
    let mut words = tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(t.kind, TokenKind::Word | TokenKind::Initial));
    let (i, head) = words.find(|(_, t)| !t.is_minor_word())?;
    words.next()?;
    (head.kind == TokenKind::Word
        && !head.patronymic
        && !head.kunya
        && !head.abd_head
        && !KUNYA_PARTICLES.contains(&&*head.key))
    .then_some(i)
}

/// The similarity of two words of an organization's name that are one word inflected in two
/// languages (`siriană` / `Siria`, `Islamului` / `Islamic`): their keys share a prefix of at
/// least five symbols covering most of the shorter one, and differ only in endings of at most
/// four.
///
/// ```
/// use sanctions::score::COGNATE_SIM;
///
/// let screener = sanctions::Screener::builder().build()?; // the embedded token weights
/// // Romanian `siriană` and English `Syrian`: one word in two languages.
/// let c = screener.compare("Banca Siriană", "Syrian Bank");
/// let link = c.explanation().matched().iter().find(|m| m.query() == ["siriana"]).map(|m| m.similarity());
/// assert!(link >= Some(COGNATE_SIM));
/// assert!(c.is_match());
/// # Ok::<(), sanctions::Error>(())
/// ```
pub const COGNATE_SIM: f32 = 0.85;

/// The least common prefix of two cognate words, and the share of the shorter word it must
/// cover (in tenths).
const COGNATE_PREFIX: usize = 5;
const COGNATE_SHARE: usize = 6;
/// The longest ending after the common prefix.
const COGNATE_ENDING: usize = 4;
/// The shortest key of a word whose plural in `s` is its cognate (`fud`, the key of `FOOD`).
const PLURAL_MIN: usize = 3;

/// Whether the token at `i` is the last word of a name, legal forms after it aside.
fn last_word(tokens: &[ScoreToken], i: usize) -> bool {
    tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
        && tokens
            .get(i + 1..)
            .is_some_and(|rest| rest.iter().all(|t| t.kind == TokenKind::LegalForm))
}

/// Whether `cut` is `word` cut short, as a name's last word is in a payment message's
/// fixed-length field (`ATLANTIC SHIPPING & TRANS` / `ATLANTIC SHIPPING AND
/// TRANSPORTATION`): a Latin key of at least [`TRUNCATION_MIN`] symbols that begins the other.
fn truncation_of(cut: &ScoreToken, word: &ScoreToken) -> bool {
    cut.kind == TokenKind::Word
        && word.kind == TokenKind::Word
        && !cut.abjad
        && !word.abjad
        && truncated_key(&cut.key, &word.key)
}

/// Whether key `cut` begins the longer key `word` and is at least [`TRUNCATION_MIN`] long.
fn truncated_key(cut: &str, word: &str) -> bool {
    cut.len() >= TRUNCATION_MIN
        && word.len() > cut.len()
        && word.starts_with(cut)
        && ![cut, word]
            .iter()
            .any(|k| k.starts_with([CONCEPT_MARK, COUNTRY_MARK]))
}

/// The shortest cut word that stands for the word it begins (`TRANS`): shorter cuts are
/// words of their own (`ELEM` is not `ELEMENT`).
pub(crate) const TRUNCATION_MIN: usize = 5;

/// Whether two words of an organization's name are one word with the endings of two
/// languages: the EU writes every name in 24 languages, and the words of a name that are
/// not translated are inflected (`siriană` / `Siria`, `Islamului` / `Islamic`, `Respublikos`
/// / `Republic`, `nacionalinės` / `nacionaline`). Their keys share a prefix of at least
/// [`COGNATE_PREFIX`] symbols covering most of the shorter one, and differ only in endings of
/// at most [`COGNATE_ENDING`]. Shorter words are names more than words (`ELEM` is not
/// `ELEMENT`). The index finds such words by their prefix.
fn cognates(a: &ScoreToken, b: &ScoreToken) -> bool {
    if a.kind != TokenKind::Word || b.kind != TokenKind::Word || a.abjad || b.abjad {
        return false;
    }
    cognate_keys(&a.key, &b.key) || plural_texts(&a.text, &b.text)
}

/// Whether one text is the other's English plural in `s` (`WORKS` / `WORK`), told by the
/// texts when a key is a concept's: `works` reads as a plant, `work` as itself.
fn plural_texts(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    short.len() >= PLURAL_MIN && long.strip_suffix('s') == Some(short)
}

/// The key test of [`cognates`].
fn cognate_keys(a: &str, b: &str) -> bool {
    if [a, b]
        .iter()
        .any(|k| k.starts_with([CONCEPT_MARK, COUNTRY_MARK]))
    {
        return false;
    }
    let (x, y) = (a.as_bytes(), b.as_bytes());
    // An English plural (`FOODS` / `FOOD`, `WORKS` / `WORK`): too short for a prefix of
    // `COGNATE_PREFIX`, but nothing else than the word.
    let (short, long) = if x.len() < y.len() { (x, y) } else { (y, x) };
    if short.len() >= PLURAL_MIN && long.strip_suffix(b"s") == Some(short) {
        return true;
    }
    let shorter = x.len().min(y.len());
    let prefix = x.iter().zip(y).take_while(|(p, q)| p == q).count();
    // Endings, not a second word (`BLACK` is not `BLACKENERGY`).
    if x.len().max(y.len()) > prefix + COGNATE_ENDING {
        return false;
    }
    prefix >= COGNATE_PREFIX && prefix * 10 >= COGNATE_SHARE * shorter
}

/// One link of the alignment: query tokens, list tokens, similarity.
///
/// ```
/// let screener = sanctions::Screener::builder().build()?; // the embedded token weights
/// let c = screener.compare("Abdul Rahman Prigozhin", "ABDULRAHMAN PRIGOZHIN");
/// let links = c.explanation().matched();
/// assert_eq!(links.len(), 2);
/// let glued = links.iter().find(|m| m.candidate() == ["abdulrahman"]).map(|m| m.query());
/// assert_eq!(glued, Some(&["abdul".to_string(), "rahman".to_string()][..]));
/// assert!(links.iter().all(|m| m.similarity() == 1.0 && m.weight() > 0.0));
/// # Ok::<(), sanctions::Error>(())
/// ```
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
///
/// ```
/// use sanctions::score::Factor;
///
/// let screener = sanctions::Screener::builder().build()?; // the embedded token weights
/// let c = screener.compare("DA GROUP 23", "DA GROUP 22");
/// assert_eq!(c.explanation().factors()[0], Factor::NumberConflict { multiplier: 0.5 });
/// assert_eq!(c.explanation().factors()[0].to_string(), "numbers disagree (×0.5)");
/// let json = serde_json::to_string(&c.explanation().factors()[0]).ok();
/// assert_eq!(json.as_deref(), Some(r#"{"factor":"number_conflict","multiplier":0.5}"#));
/// # Ok::<(), sanctions::Error>(())
/// ```
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
    /// Words were met only through respellings, none as written or as a spelling variant
    /// (more than one word for one word), or a one-word listed name was met respelled inside
    /// a longer query.
    RespelledOnly {
        /// The multiplier applied.
        multiplier: f32,
    },
    /// Both names keep distinctive tokens that match nothing (different given names).
    UnmatchedOnBothSides {
        /// The multiplier applied.
        multiplier: f32,
    },
    /// The list name is a weak alias: it counts only when near-exact.
    WeakAlias,
    /// The query met the acronym that the list name gives in parentheses (`TTP` in `TEHRIK-E
    /// TALIBAN PAKISTAN (TTP)`): it counts only when near-exact.
    Acronym,
    /// The given names of two `SURNAME, Given` names do not meet each other.
    GivenNameConflict {
        /// The multiplier applied.
        multiplier: f32,
    },
    /// A person's name written `SURNAME, Given` has no word of its surname met by the other
    /// name: given names alone do not make one person.
    SurnameMissing {
        /// The multiplier applied.
        multiplier: f32,
    },
    /// The birth dates of query and entity disagree.
    BirthDateConflict {
        /// The multiplier applied.
        multiplier: f32,
    },
    /// The birth date of the query agrees with the entity's.
    BirthDateAgrees,
    /// The query's kind is another than the entity's: an organization against a vessel or
    /// an aircraft (persons meet persons only).
    KindConflict {
        /// The multiplier applied.
        multiplier: f32,
    },
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
    /// The query's words met across two names of one person, none of which holds them all
    /// (a given name from one alias, a surname from another: `Shahab GHAFARI` against the
    /// aliases `Shahab al-Muhajir` and `Sanaullah Ghafari`).
    CombinedNames {
        /// The other name whose words were met.
        with: String,
        /// The multiplier applied.
        multiplier: f32,
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
            Factor::Acronym => f.write_str("the name's acronym: counted only when near-exact"),
            Factor::RespelledOnly { multiplier } => {
                write!(f, "words met only respelled (×{multiplier:.2})")
            }
            Factor::SurnameMissing { multiplier } => {
                write!(f, "surname not met (×{multiplier:.2})")
            }
            Factor::GivenNameConflict { multiplier } => {
                write!(f, "given names do not meet (×{multiplier:.2})")
            }
            Factor::BirthDateConflict { multiplier } => {
                write!(f, "birth dates disagree (×{multiplier})")
            }
            Factor::BirthDateAgrees => f.write_str("birth dates agree"),
            Factor::KindConflict { multiplier } => write!(f, "kind differs (×{multiplier})"),
            Factor::CountryConflict { multiplier } => write!(f, "country differs (×{multiplier})"),
            Factor::IdentifierMatch { value } => write!(f, "identifier {value} matches"),
            Factor::CombinedNames { with, multiplier } => {
                write!(f, "words met across two names, with {with} (×{multiplier})")
            }
            Factor::QueryTruncated { tokens } => write!(f, "query truncated to {tokens} tokens"),
        }
    }
}

/// Why a score is what it is: the token links, what stayed unmatched, and the factors.
///
/// ```
/// let screener = sanctions::Screener::builder().build()?; // the embedded token weights
/// let c = screener.compare("Yevgeniy Viktorovich Prigozhin", "PRIGOZHIN, Yevgeniy");
/// let why = c.explanation();
/// assert_eq!(why.matched().len(), 2);
/// assert_eq!(why.unmatched_query(), ["viktorovich"]);
/// assert!(why.unmatched_candidate().is_empty());
/// assert_eq!(why.name_score(), c.score().value()); // no factor besides the names
/// assert!(why.factors().is_empty());
/// assert_eq!(why.to_string(), "prigozhin~prigozhin 1.00, yevgeniy~yevgeniy 1.00; query only: viktorovich");
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    matched: Vec<TokenMatch>,
    unmatched_query: Vec<String>,
    unmatched_candidate: Vec<String>,
    name_score: f32,
    factors: Vec<Factor>,
    /// The query's words that met a token, as bits by position (see
    /// [`Explanation::query_words_met`]).
    #[serde(skip)]
    query_met: u64,
    /// The list name's words that met a token, the same way.
    #[serde(skip)]
    candidate_met: u64,
    /// The list name's tokens of any kind that met a token, the same way.
    #[serde(skip)]
    candidate_tokens_met: u64,
    /// The query's tokens of any kind that met a token, the same way.
    #[serde(skip)]
    query_tokens_met: u64,
    /// The query's words met firmly (as written or as a spelling variant), the same way.
    #[serde(skip)]
    query_firm: u64,
    /// Made without the texts (see [`score_names_with`]).
    #[serde(skip)]
    unexplained: bool,
}

impl Explanation {
    /// The query's words (tokens of kind word) that met a list-name token, as bits by token
    /// position (the first 64).
    pub(crate) fn query_words_met(&self) -> u64 {
        self.query_met
    }

    /// The query's words met firmly: as written or as a spelling variant, not respelled.
    pub(crate) fn query_words_firm(&self) -> u64 {
        self.query_firm
    }

    /// The list name's words that met a query token, as [`query_words_met`](Self::query_words_met).
    pub(crate) fn candidate_words_met(&self) -> u64 {
        self.candidate_met
    }

    /// The list name's tokens of any kind that met a query token, as bits by position.
    pub(crate) fn candidate_tokens_met(&self) -> u64 {
        self.candidate_tokens_met
    }

    /// The query's tokens of any kind that met a list-name token, as bits by position.
    pub(crate) fn query_tokens_met(&self) -> u64 {
        self.query_tokens_met
    }

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

    /// Whether the explanation holds the texts of the links and of the unmatched tokens.
    pub(crate) fn explained(&self) -> bool {
        !self.unexplained
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

/// A possible link between the query tokens `q` and the list tokens `c` (ranges of adjacent
/// tokens: one token on one side, one to [`MAX_GLUED`] on the other).
#[derive(Debug)]
struct Link {
    q: Range<usize>,
    c: Range<usize>,
    sim: f32,
    mass: f32,
}

/// The first words of a theophoric compound (`Abd al-Sattar`, servant of the Veiler;
/// `Abdul Rahman`, `Abdel Kader`), by text, the Arabic-script `عبد` romanized `abd` among them.
/// Such a word is a fragment, never a name of its own (the names notes, section 6, item 6:
/// "`Abdul` alone is a fragment, never a full Arab name"). `Abdu` and `Abdi` are names too
/// (Muhammad Abduh; Somali `Abdi`) and are left out.
const ABD_HEADS: &[&str] = &["abd", "abdul", "abdel", "abdal", "abdol", "abdur", "abdoul"];

/// The articles between an `Abd` and the rest of its compound (`Abd al-Sattar`).
const ABD_ARTICLES: &[&str] = &["al", "el", "ul"];

/// Where the rest of the compound begun at `i` stands, if the token at `i` begins one: the
/// next word after the article.
fn abd_complement(tokens: &[ScoreToken], i: usize) -> Option<usize> {
    if !tokens.get(i)?.abd_head {
        return None;
    }
    let mut j = i + 1;
    while tokens
        .get(j)
        .is_some_and(|t| ABD_ARTICLES.contains(&&*t.text))
    {
        j += 1;
    }
    tokens
        .get(j)
        .filter(|t| t.kind == TokenKind::Word)
        .map(|_| j)
}

/// Where the first word of a compound ending in `al-Din` (religion: `Jamal al-Din`, `Nasir
/// Uddin`, `Salah ad-Din`) stands, if the token at `i` is that ending: the word before it,
/// or before its article. The ending belongs to the word it follows (the names notes, section
/// 6, item 5): `Sajid Uddin` is Sajid's, not a `Jamal al-Din`'s.
fn din_head(tokens: &[ScoreToken], i: usize) -> Option<usize> {
    let t = tokens.get(i).filter(|t| t.din_end)?;
    let before = match &*t.key {
        "aldin" => i.checked_sub(1)?,
        "din" if i >= 2 && tokens.get(i - 1).is_some_and(|a| &*a.text == "al") => i - 2,
        _ => return None,
    };
    tokens
        .get(before)
        .filter(|h| h.kind == TokenKind::Word)
        .map(|_| before)
}

/// Leaves out the links that meet the first word of a theophoric compound alone while no link
/// can meet the rest of it: `Abdu` in `Muhmmad Abdu Seid` does not meet the `Abd` of `محمد
/// عبد الستار السيد` (Muhammad Abd al-Sattar al-Sayyid) when nothing meets `Sattar`. A run
/// glued over the compound (`ABDULSATTAR`) is a link of its own and stays. Likewise an
/// `al-Din` ending met alone while no link can meet the word it follows (`Jamal Sajid Uddin`
/// / `Jamal Aldiyn`: nothing meets `Sajid`).
fn drop_lone_compound_parts(links: &mut Vec<Link>, q: &[ScoreToken], c: &[ScoreToken]) {
    let has_compound = |v: &[ScoreToken]| v.iter().any(|t| t.abd_head || t.din_end);
    if !has_compound(q) && !has_compound(c) {
        return;
    }
    // The tokens of each side that some link may meet, as bits (names of up to 64 tokens).
    let (mut q_reach, mut c_reach) = (0u64, 0u64);
    for l in links.iter() {
        for i in l.q.clone() {
            q_reach |= bit(i);
        }
        for j in l.c.clone() {
            c_reach |= bit(j);
        }
    }
    let lone = |r: &Range<usize>, v: &[ScoreToken], reach: u64| {
        let unmet = |k: usize| k < 64 && reach & bit(k) == 0;
        r.len() == 1
            && (abd_complement(v, r.start).is_some_and(unmet)
                || din_head(v, r.start).is_some_and(unmet))
    };
    links.retain(|l| !lone(&l.q, q, q_reach) && !lone(&l.c, c, c_reach));
}

/// `len` flags, all false: in `stack` when they fit, else in `heap`.
fn used_flags<'a>(
    stack: &'a mut [bool; 64],
    heap: &'a mut Vec<bool>,
    len: usize,
) -> &'a mut [bool] {
    match stack.get_mut(..len) {
        Some(flags) => flags,
        None => {
            *heap = vec![false; len];
            heap
        }
    }
}

/// The most adjacent tokens glued together to meet one token (`ABDALKHALIQ` / `Abd al-Khaliq`).
///
/// ```
/// use sanctions::score::MAX_GLUED;
///
/// let screener = sanctions::Screener::builder().build()?; // the embedded token weights
/// let c = screener.compare("Abdul Rahman Alpha", "ABDULRAHMAN ALPHA");
/// let glued = c.explanation().matched().iter().find(|m| m.candidate() == ["abdulrahman"]);
/// assert_eq!(glued.map(|m| m.query().len()), Some(2)); // at most MAX_GLUED
/// assert!(2 <= MAX_GLUED);
/// assert_eq!(c.score().value(), 1.0);
/// # Ok::<(), sanctions::Error>(())
/// ```
pub const MAX_GLUED: usize = 3;

/// The least ratio of the shorter to the longer of a word and a glued run of words: every
/// word of the run must be met (`DUFFY INDUSTRIAL` is not `INDUSTRIAL` glued), while Arabic
/// names glued with their article keep their length (`BADR-AL-DIN` / `BADREDDINE`).
const GLUED_LENGTH_RATIO: f32 = 0.75;

/// Whether a run of adjacent tokens can be glued to meet a word of `word_len` bytes: no
/// numbers, and a length near the word's ([`GLUED_LENGTH_RATIO`]), which also spares the key of
/// runs that cannot meet it.
fn glue_fits(run: &[ScoreToken], word: &ScoreToken) -> bool {
    if run.iter().any(|t| t.kind == TokenKind::Number) {
        return false;
    }
    let len: usize = run.iter().map(|t| t.text.len()).sum();
    // A word romanized from Arabic script has no short vowels, which a Latin spelling writes
    // (`محمد الله` / `Mohammadullah`): its length is taken with them.
    // (Its long vowels are written already: `ahsan allh` / `Ehsanullah`.)
    let run_abjad = run.iter().all(|t| t.abjad);
    let fits = |a: f32, b: f32| a.min(b) >= GLUED_LENGTH_RATIO * a.max(b);
    let (a, b) = (len as f32, word.text.len() as f32);
    fits(a, b)
        || (run_abjad && !word.abjad && fits(a * ABJAD_VOWELS, b))
        || (word.abjad && !run_abjad && fits(a, b * ABJAD_VOWELS))
}

/// How much longer a Latin spelling may be than the romanized letters of an Arabic-script
/// word: the short vowels it writes (`mhmd` / `Muhammad`, `khir` / `Khair`).
const ABJAD_VOWELS: f32 = 1.5;

/// The text and key of adjacent tokens written as one word: words, initials and legal forms
/// (by their class text: `JSCARGUMENT`), never numbers.
fn glued(run: &[ScoreToken]) -> Option<(String, String, bool)> {
    if run.iter().any(|t| t.kind == TokenKind::Number) {
        return None;
    }
    let text: String = run.iter().map(|t| &*t.text).collect();
    let abjad = run.iter().any(|t| t.abjad);
    let k = if abjad { abjad_key(&text) } else { key(&text) };
    Some((text, k, abjad))
}

/// A run of adjacent tokens of a name written as one word (see [`glued`]).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub(crate) struct GluedRun {
    text: SmallText,
    key: SmallText,
    abjad: bool,
}

/// Every glued run of a name, two to [`MAX_GLUED`] tokens long, made once: a list name's
/// when the screener is built, a query's once per query, not once per comparison.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub(crate) struct GluedRuns {
    /// The runs of two tokens by start, then those of three, and so on; `None` for a run
    /// with a number.
    runs: Vec<Option<GluedRun>>,
}

impl GluedRuns {
    pub(crate) fn new(tokens: &[ScoreToken]) -> GluedRuns {
        let mut runs = Vec::new();
        for n in 2..=MAX_GLUED {
            runs.extend(tokens.windows(n).map(|run| {
                glued(run).map(|(text, key, abjad)| GluedRun {
                    text: text.into(),
                    key: key.into(),
                    abjad,
                })
            }));
        }
        GluedRuns { runs }
    }

    /// The run of `n` tokens from `start` in a name of `len` tokens, with its position
    /// among the runs.
    fn get(&self, len: usize, n: usize, start: usize) -> Option<(usize, &GluedRun)> {
        // Runs of m tokens number len + 1 - m.
        let at = (2..n).map(|m| (len + 1).saturating_sub(m)).sum::<usize>() + start;
        Some((at, self.runs.get(at)?.as_ref()?))
    }

    /// The text, key and script (Arabic or not) of the run of `n` tokens from `start` in a
    /// name of `len` tokens; `None` for a run with a number. The candidate index keys a list
    /// name's runs by these, made once.
    pub(crate) fn run(&self, len: usize, n: usize, start: usize) -> Option<(&str, &str, bool)> {
        self.get(len, n, start)
            .map(|(_, r)| (&*r.text, &*r.key, r.abjad))
    }

    /// The runs of a name of `len` tokens, to be read whole or in part (see
    /// [`GluedSlice::part`]).
    pub(crate) fn slice(&self, len: usize) -> GluedSlice<'_> {
        GluedSlice {
            runs: self,
            len,
            offset: 0,
        }
    }

    /// An estimate of the heap memory held, in bytes.
    pub(crate) fn memory_usage(&self) -> usize {
        self.runs.capacity() * std::mem::size_of::<Option<GluedRun>>()
            + self
                .runs
                .iter()
                .flatten()
                .map(|r| heap_len(&r.text) + heap_len(&r.key))
                .sum::<usize>()
    }
}

/// The glued runs of a name or of a part of it: a window of text tokens reads the runs made
/// once for the stretch of text around it (a run's key depends on its tokens alone).
#[derive(Clone, Copy, Debug)]
pub(crate) struct GluedSlice<'a> {
    runs: &'a GluedRuns,
    /// The tokens the runs were made from.
    len: usize,
    /// Where the part starts among them.
    offset: usize,
}

impl<'a> GluedSlice<'a> {
    /// The runs of the tokens `range` of this slice.
    pub(crate) fn part(self, range: std::ops::Range<usize>) -> Self {
        GluedSlice {
            offset: self.offset + range.start,
            ..self
        }
    }

    /// The run of `n` tokens from `start` in this slice, with its position among all the
    /// runs; the caller keeps `start + n` within the part.
    fn get(self, n: usize, start: usize) -> Option<(usize, &'a GluedRun)> {
        self.runs.get(self.len, n, self.offset + start)
    }
}

/// Similarity of one word with a glued run of words, the key-level similarity from `key_sim`
/// (`key_level` of the word and the run).
fn glued_similarity(word: &ScoreToken, run: &GluedRun, key_sim: impl FnOnce() -> f32) -> f32 {
    if word.abjad == run.abjad && *word.text == *run.text {
        1.0
    } else {
        key_sim()
    }
}

/// The weight an unmatched list or query token keeps when the other name is wholly matched:
/// one name is a part of the other (a missing middle name, a longer alias), which is weaker
/// evidence against identity than words that disagree.
///
/// ```
/// use sanctions::score::SUBSET_FACTOR;
///
/// let screener = sanctions::Screener::builder().build()?; // the embedded token weights
/// // `Prigozhin` is wholly part of `Yevgeniy Prigozhin`: the name left over costs less than
/// // when both names keep a word of their own.
/// let subset = screener.compare("Prigozhin", "Yevgeniy Prigozhin").score();
/// let both = screener.compare("Prigozhin Ivanov", "Yevgeniy Prigozhin").score();
/// assert!(subset.value() > both.value());
/// assert!(SUBSET_FACTOR < 1.0);
/// # Ok::<(), sanctions::Error>(())
/// ```
pub const SUBSET_FACTOR: f32 = 0.5;

/// The share of its weight that a given name after the first of a `SURNAME, Given` name keeps
/// when left over, the other name held whole and met near-exactly: an Arabic name's chain of
/// father's and grandfather's names (the nasab) or a middle name, which shorter aliases leave
/// out. Applied before [`SUBSET_FACTOR`].
///
/// ```
/// let screener = sanctions::Screener::builder().build()?; // the embedded token weights
/// let c = screener.compare_as(
///     "AL-HAMID, Hashim Muhsin Aydarus",
///     "AL HAMID, Hashim",
///     sanctions::EntityKind::Person,
/// );
/// assert!(c.is_match());
/// # Ok::<(), sanctions::Error>(())
/// ```
pub const LATER_GIVEN_FACTOR: f32 = 0.5;

/// The least similarity of one matched word for [`SUBSET_FACTOR`] to apply: spelling
/// variants (key-equal words, 0.97) and Arabic-script words met letter by letter (about 0.9)
/// pass; respellings with a changed letter (`Thapa` / `Taba`, 0.87) do not.
///
/// ```
/// use sanctions::score::SUBSET_MIN_SIMILARITY;
///
/// let screener = sanctions::Screener::builder().build()?; // the embedded token weights
/// let similarity = |a: &str, b: &str| screener.compare(a, b).explanation().matched()[0].similarity();
/// assert!(similarity("Jusuf", "Yusuf") >= SUBSET_MIN_SIMILARITY);
/// assert!(similarity("Thapa", "Taba") < SUBSET_MIN_SIMILARITY);
/// # Ok::<(), sanctions::Error>(())
/// ```
pub const SUBSET_MIN_SIMILARITY: f32 = 0.89;

/// Whether a Latin word of key `a` may meet a Latin word (or glued run) of key `b`: the
/// most that [`token_similarity_with`] and the glued links allow by keys alone, before the other
/// rules (stems, patronymics) can only take the similarity to 0. The candidate index checks
/// what its lookup found with this. Two spellings of one common name are found by the key of
/// their group instead (`index::group_key`); a name's cut last word ([`truncation_of`]) is not
/// looked up at all: such a name is found through its other words, and the score bound takes
/// the cut word for unmatched (the cut prefix would reach thousands of words).
pub(crate) fn keys_may_meet(a: &str, b: &str) -> bool {
    a == b
        || country_keys(a, b).is_some_and(|(a, b)| {
            a == b || key_similarity_at_least(a, b, words_floor(a, b)) || cognate_keys(a, b)
        })
}

/// Whether a word of key `a` (romanized from Arabic script when `a_abjad`) may meet a list
/// word of key `b` by their keys ([`key_level`]): what [`token_similarity_with`] gives a pair
/// with a word in Arabic script, once text equality and the name groups' rules are passed
/// (the candidate index finds those by their own keys). The candidate index checks with it
/// the words a consonant skeleton stands for.
pub(crate) fn word_keys_may_meet(a: &str, a_abjad: bool, b: &str, b_abjad: bool) -> bool {
    key_level(a, a_abjad, b, b_abjad) > 0.0
}

/// Sums over a list name's tokens that [`score_bound`] needs, made once when the screener is
/// built: the bound is taken for thousands of candidate names per query, and reading their
/// tokens would cost more than the bound itself.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub(crate) struct NameSums {
    /// The weight of all its tokens.
    pub(crate) weight: f32,
    /// The weight of its legal forms.
    pub(crate) forms: f32,
    /// The weight of its initials (not letters alone in Arabic script): a query word meets
    /// one (`Sergei` / `S.`), and the index does not look a word's initial up.
    pub(crate) initials: f32,
    /// How many initials it has (at most 255): as many query words the index did not find
    /// may meet them.
    pub(crate) initial_count: u8,
    /// The letters of its initials ([`initial_bit`]): only a word that begins with one meets
    /// it.
    pub(crate) initial_letters: u32,
    /// For one and for two query tokens that may meet it (`k` = [`MAX_GLUED`] and twice
    /// that), when the name has more than `k` tokens: the weight of its `k` heaviest tokens,
    /// and the unmatched weight of the others, the lightest; summed as [`score_bound`] sums
    /// them. `None` when the name has no more than `k` tokens.
    pub(crate) cut: [Option<(f32, f32)>; 2],
    /// The unmatched weight of all its tokens.
    pub(crate) unmatched: f32,
    /// The most unmatched weight a token has per unit of its weight: the list tokens met
    /// weigh no more than `reach` allows, so those left over keep at least
    /// `unmatched - ratio * met`.
    pub(crate) ratio: f32,
    /// The weight of its words that disagree when left unmatched (not patronymics): when the
    /// list tokens met weigh less, one of them is left over, and the name is not wholly part
    /// of the query.
    pub(crate) disagreeing: f32,
    /// The unmatched weight of its given names after the first ([`later_given`]), which a
    /// person's score may weigh at [`LATER_GIVEN_FACTOR`] of it.
    pub(crate) later_given: f32,
    /// The unmatched weight of its words and numbers written again (a key an earlier one
    /// has), which an organization's score leaves out once one of them is met (see
    /// [`is_echo`]).
    pub(crate) echo: f32,
}

impl NameSums {
    pub(crate) fn of(c: &[ScoreToken]) -> NameSums {
        // Letters alone in Arabic script are no initials (see `token_similarity_with`).
        let initials: Vec<&ScoreToken> = c
            .iter()
            .filter(|t| t.kind == TokenKind::Initial && !t.abjad)
            .collect();
        let cut = |meeting: usize| {
            let k = meeting * MAX_GLUED;
            (k < c.len()).then(|| heaviest_and_rest(c, k))
        };
        NameSums {
            weight: c.iter().map(|t| t.weight).sum(),
            forms: c
                .iter()
                .filter(|t| t.kind == TokenKind::LegalForm)
                .map(|t| t.weight)
                .sum(),
            initials: initials.iter().map(|t| t.weight).sum(),
            initial_count: u8::try_from(initials.len()).unwrap_or(u8::MAX),
            initial_letters: initials
                .iter()
                .fold(0, |bits, t| bits | initial_bit(&t.text)),
            cut: [cut(1), cut(2)],
            unmatched: c.iter().map(ScoreToken::unmatched_weight).sum(),
            ratio: c
                .iter()
                .map(|t| {
                    let u = t.unmatched_weight();
                    if u <= 0.0 {
                        0.0
                    } else if t.weight > 0.0 {
                        u / t.weight
                    } else {
                        f32::MAX
                    }
                })
                .fold(0.0, f32::max),
            disagreeing: c
                .iter()
                .filter(|t| t.disagrees() && !t.patronymic)
                .map(|t| t.weight)
                .sum(),
            later_given: later_given(c)
                .filter_map(|i| c.get(i))
                .map(ScoreToken::unmatched_weight)
                .sum(),
            echo: c
                .iter()
                .enumerate()
                .filter(|&(k, t)| {
                    t.repeated
                        && c.get(..k).is_some_and(|before| {
                            before.iter().any(|o| o.kind == t.kind && o.key == t.key)
                        })
                })
                .map(|(_, t)| t.unmatched_weight())
                .sum(),
        }
    }
}

/// Whether the token at `k` of an organization's name, left unmatched, repeats a token of
/// the name that was met (`EGO-HOLDING ('HOLDING COMPANY "EGO-HOLDING"')`: the lists give
/// the full name after the short one, or a name twice in two scripts): the name is said
/// twice, and its words are no more of it the second time. Not in a person's name, whose
/// repeated name is another person's (`Othman Ahmed Othman`: a father's, a grandfather's).
fn is_echo(tokens: &[ScoreToken], used: &[bool], k: usize) -> bool {
    tokens.get(k).is_some_and(|t| {
        t.repeated
            && tokens
                .iter()
                .zip(used)
                .any(|(o, u)| *u && o.kind == t.kind && o.key == t.key)
    })
}

/// The positions of a name's given names after the first of a `SURNAME, Given` name: its
/// words after the one marked the first given name (see [`LATER_GIVEN_FACTOR`]).
fn later_given(tokens: &[ScoreToken]) -> impl Iterator<Item = usize> + '_ {
    let first = tokens.iter().position(|t| t.first_given);
    (0..tokens.len()).filter(move |&i| is_later_given(tokens, first, i))
}

/// Whether the token at `i` is a later given name ([`later_given`]), the first given name
/// being at `first_given`.
fn is_later_given(tokens: &[ScoreToken], first_given: Option<usize>, i: usize) -> bool {
    first_given.is_some_and(|g| i > g) && tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
}

/// The kind a list name is scored as: the listed party's kind, or, when it is not known, an
/// organization's where the name has a legal form (`KALININ MACHINERY PLANT JSC`): a name
/// with a legal form is a company's, and its words meet their cognates and the query words
/// they begin as an organization's do. The candidate index reads names by the same kind.
pub(crate) fn scored_kind(kind: EntityKind, c: &[ScoreToken]) -> EntityKind {
    if kind == EntityKind::Unknown && c.iter().any(|t| t.kind == TokenKind::LegalForm) {
        EntityKind::Organization
    } else {
        kind
    }
}

/// Whether a name of this kind may have initials that stand for words: not an organization's,
/// a vessel's or an aircraft's, whose single letters are parts of the name.
fn initials_stand_for_words(kind: EntityKind) -> bool {
    !matches!(
        kind,
        EntityKind::Organization | EntityKind::Vessel | EntityKind::Aircraft
    )
}

/// The bit of a word's or initial's first letter among [`NameSums::initial_letters`]: one per
/// letter `a` to `z`, one for any other first byte.
fn initial_bit(text: &str) -> u32 {
    match text.as_bytes().first() {
        Some(&b @ b'a'..=b'z') => 1 << (b - b'a'),
        _ => 1 << 26,
    }
}

/// The weight of the `k` heaviest of a name's tokens, and the unmatched weight of the others,
/// the lightest (`k` below the name's length).
fn heaviest_and_rest(c: &[ScoreToken], k: usize) -> (f32, f32) {
    (
        sum_of_first(c.iter().map(|t| t.weight), k, |x, y| y.total_cmp(x)),
        sum_of_first(
            c.iter().map(ScoreToken::unmatched_weight),
            c.len() - k,
            f32::total_cmp,
        ),
    )
}

/// What the candidate index found of a list name for a query: which query tokens may meet
/// it, how much list weight they may meet at most, and whether a distinctive list word may be
/// among it. The index decides: a query word meets only the list words its lookup finds.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Reach {
    /// The query tokens that found the name, as bits by position.
    pub(crate) maybe: u64,
    /// The most list weight those tokens can meet.
    pub(crate) weight: f32,
    /// Whether a list word they found is distinctive.
    pub(crate) distinctive: bool,
}

/// The most [`score_names`] can give a query against a list name when only the query tokens
/// in `reach` can meet a list token: every other query word and number stays unmatched. The
/// screener calls this before scoring, to leave out the names that cannot reach the
/// threshold.
///
/// The score is the weighted similarity of the links over the weights of both names, with
/// the unmatched tokens of one side at no less than [`SUBSET_FACTOR`] of their weight, those
/// of the other whole, times multipliers of at most one. With `a` the weight of the query
/// tokens that may meet, `w` the most list weight they can meet (at most [`MAX_GLUED`] list
/// tokens each, the heaviest, and no more than `reach` allows), `u` the unmatched weight of
/// the query's other tokens and `v` that of the list name's (the lightest, and no less than
/// what the tokens outside `reach`'s weight keep, unless `kind` is an organization's), it is
/// at most `(a + w) / (a + w + min(SUBSET_FACTOR * u + v, u + SUBSET_FACTOR * v))`, with a
/// side's unmatched weight whole where scoring cannot discount it (the query's when none of
/// its words disagrees, or when the list name surely keeps one that does; the list name's
/// when the query surely keeps one); and at most
/// [`GENERIC_ONLY_CAP`] when no distinctive word can meet, some query word cannot (a function
/// word or title aside, which leaves a name complete), and fewer than [`CONTAINED_LINKS`]
/// query words can.
/// Query tokens other than words and numbers (initials, legal forms) and those past the 64th
/// may always meet, and so may as many of the heaviest other Latin words that begin with the
/// letter of one of the list name's initials as it has initials (`Sen` / `S.`), where
/// initials stand for words.
pub(crate) fn score_bound(
    q: &[ScoreToken],
    c: &[ScoreToken],
    sums: NameSums,
    reach: Reach,
    kind: EntityKind,
) -> f32 {
    let kind = scored_kind(kind, c);
    let (mut a, mut u) = (0.0f32, 0.0f32);
    let (mut meeting, mut all_meet, mut distinctive) = (0usize, true, reach.distinctive);
    let (mut meeting_words, mut initials) = (0usize, 0usize);
    // Whether a query word that disagrees when unmatched is sure to stay so.
    let mut query_left = false;
    // Query words the index did not find for the name may meet its initials (`Sen` / `S.`),
    // where initials stand for words: the heaviest of them, as many as the name has initials.
    let mut for_initials = 0u64;
    if sums.initial_count > 0 && initials_stand_for_words(kind) {
        for _ in 0..sums.initial_count {
            let heaviest = q
                .iter()
                .enumerate()
                .take(64)
                .filter(|&(i, t)| {
                    t.kind == TokenKind::Word
                        && !t.abjad
                        && (reach.maybe | for_initials) & bit(i) == 0
                        && (sums.initial_letters & initial_bit(&t.text) != 0
                            || sums.initial_letters & (1 << 26) != 0)
                })
                .max_by(|(_, x), (_, y)| x.weight.total_cmp(&y.weight));
            match heaviest {
                Some((i, _)) => for_initials |= bit(i),
                None => break,
            }
        }
    }
    // A person's later given names left over may weigh `LATER_GIVEN_FACTOR` of their weight,
    // on either side (see `score_names_with`).
    let person = kind == EntityKind::Person;
    let q_first_given = q.iter().position(|t| t.first_given);
    // A word in Arabic script without a consonant of its skeleton (`حجي`, `hji`) is looked
    // up by nothing but its name group, yet scoring meets it with a list word (`Haji`): like
    // an initial, it may meet one list word the index did not reach.
    let unlooked = |t: &ScoreToken| t.kind == TokenKind::Word && t.abjad && t.skeleton.is_empty();
    let may_meet = |i: usize, t: &ScoreToken| {
        !matches!(t.kind, TokenKind::Word | TokenKind::Number)
            || i >= 64
            || unlooked(t)
            || (reach.maybe | for_initials) & bit(i) != 0
    };
    for (i, t) in q.iter().enumerate() {
        // A letter alone in Arabic script is no initial (see `token_similarity_with`).
        initials += usize::from((t.kind == TokenKind::Initial && !t.abjad) || unlooked(t));
        let can_meet = may_meet(i, t);
        // An organization's word written again, whose other writing may meet, may be left
        // out (see `is_echo`).
        if !can_meet
            && t.repeated
            && kind == EntityKind::Organization
            && q.iter()
                .enumerate()
                .any(|(j, o)| j != i && o.kind == t.kind && o.key == t.key && may_meet(j, o))
        {
            continue;
        }
        if can_meet {
            a += t.weight;
            meeting += 1;
            meeting_words += usize::from(t.kind == TokenKind::Word);
            distinctive |= t.distinctive();
        } else {
            u += t.unmatched_weight()
                * if person && is_later_given(q, q_first_given, i) {
                    LATER_GIVEN_FACTOR
                } else {
                    1.0
                };
            query_left |= t.disagrees() && !t.patronymic;
            // A function word or title left unmatched leaves the name complete, as scoring
            // has it (`OF Roman ABRAMOVICH` / `ABRAMOVICH, Roman`): no cap for it.
            all_meet &= t.is_minor_word();
        }
    }
    // At most MAX_GLUED list tokens met per query token, the heaviest at best; the others
    // unmatched, the lightest at best.
    let k = meeting.saturating_mul(MAX_GLUED);
    // Kept beside the name for one or two meeting query tokens: reading the list name's
    // tokens is what the bound of a candidate would cost most.
    let (w, v) = if k >= c.len() {
        (sums.weight, 0.0)
    } else if let Some(Some(cut)) = meeting.checked_sub(1).and_then(|i| sums.cut.get(i)) {
        *cut
    } else {
        heaviest_and_rest(c, k)
    };
    // The index does not hold legal forms, so what a list name's legal form brings is not in
    // `reach.weight`: it is added on top.
    // Nor initials: a query's initial meets a list word it begins (`C.` / `Choïgou`), a list
    // name's initial a query word; each query initial one list word, of weight 1 at most.
    let met = reach.weight + sums.forms + sums.initials + initials as f32;
    let most = a + w.min(met);
    // The list tokens met weigh no more than that: the others keep their unmatched weight.
    // Not so for an organization's name, whose words also meet their cognates and the words
    // they begin (`Tehnologiile` / `Technologies`, `TRANS` / `Transport`), which the index
    // does not look up.
    let v = if kind == EntityKind::Organization {
        // Its words written again may all be left out (see `is_echo`).
        (v - sums.echo).max(0.0)
    } else {
        v.max(sums.unmatched - sums.ratio * met)
    };
    let v = if person {
        (v - (1.0 - LATER_GIVEN_FACTOR) * sums.later_given).max(0.0)
    } else {
        v
    };
    // Neither name is wholly part of the other when each keeps a word that disagrees: the
    // query one the index did not find, the list name one of its disagreeing words, which
    // weigh more than the list tokens met can (not so for an organization's, as above).
    let list_left =
        kind != EntityKind::Organization && sums.disagreeing > w.min(met) + BOUND_ROUNDING;
    // Scoring discounts one side's unmatched weight at most, never both: the query's when it
    // keeps a word that disagrees and the list name none, the list name's when the query
    // keeps none (see `score_names_with`). A query without such a word, however much of it
    // is left over (a name of common words), never has its own weight discounted.
    let query_discounted = !list_left && q.iter().any(|t| t.disagrees() && !t.patronymic);
    let list_discounted = !query_left;
    let unmatched = match (query_discounted, list_discounted) {
        (true, true) => (SUBSET_FACTOR * u + v).min(u + SUBSET_FACTOR * v),
        (true, false) => SUBSET_FACTOR * u + v,
        (false, true) => u + SUBSET_FACTOR * v,
        (false, false) => u + v,
    };
    let bound = if most <= 0.0 {
        // Nothing can meet: a score of 0, unless nothing is unmatched either.
        if u + v > 0.0 { 0.0 } else { 1.0 }
    } else {
        most / (most + unmatched)
    };
    // Three query words met may hold one name wholly (see `CONTAINED_LINKS`).
    if distinctive || all_meet || meeting_words >= CONTAINED_LINKS {
        bound
    } else {
        bound.min(GENERIC_ONLY_CAP)
    }
}

/// Whether the candidate lookup may leave a query token's own entries unread (see
/// [`minor_only_bound`]): a word that weighs no more than a title, met or not (the article
/// `ال`, `of`, `the`), whose entries hold thousands of names.
pub(crate) fn is_minor_lookup(t: &ScoreToken) -> bool {
    t.kind == TokenKind::Word
        && t.weight <= weights::HONORIFIC_WEIGHT
        && t.unmatched_weight() <= weights::HONORIFIC_WEIGHT
}

/// The most [`score_bound`] can give a list name without initials that only the query's
/// minor tokens (`minor`, as bits by position, see [`is_minor_lookup`]) found, through entries
/// that are not distinctive and of at most `minor_met` list weight in all (the sum, over those
/// tokens, of the weightiest entry each found), the list name holding legal forms of at most
/// `forms` weight: whatever the name, its bound is no more (each minor token taken as met,
/// every other word and number the index must find left unmatched, the list name's unmatched
/// weight at none). When it is below the threshold, such names need not be read at all.
pub(crate) fn minor_only_bound(q: &[ScoreToken], minor: u64, minor_met: f32, forms: f32) -> f32 {
    let (mut a, mut met, mut u) = (0.0f32, minor_met + forms, 0.0f32);
    // A person's later given names left over may weigh `LATER_GIVEN_FACTOR` of their weight
    // (the list names' kinds are not known here: any name's).
    let first_given = q.iter().position(|t| t.first_given);
    for (i, t) in q.iter().enumerate() {
        // As `score_bound` takes them: initials and Arabic words without a skeleton may meet
        // one list word each, of weight 1 at most.
        let unlooked = t.kind == TokenKind::Word && t.abjad && t.skeleton.is_empty();
        if (t.kind == TokenKind::Initial && !t.abjad) || unlooked {
            met += 1.0;
        }
        let can_meet = !matches!(t.kind, TokenKind::Word | TokenKind::Number)
            || i >= 64
            || unlooked
            || minor & bit(i) != 0;
        if can_meet {
            a += t.weight;
        } else {
            u += t.unmatched_weight()
                * if is_later_given(q, first_given, i) {
                    LATER_GIVEN_FACTOR
                } else {
                    1.0
                };
        }
    }
    let most = a + met;
    if most <= 0.0 {
        return if u > 0.0 { 0.0 } else { 1.0 };
    }
    // Scoring discounts one side's unmatched weight at most, to no less than SUBSET_FACTOR.
    most / (most + SUBSET_FACTOR * u)
}

/// Room for the rounding of weights summed in another order than scoring sums them.
const BOUND_ROUNDING: f32 = 1e-4;

/// The sum of the first `n` of `values` in the order of `cmp`, summed in that order; on the
/// stack for the names of up to 16 tokens that nearly all list names are.
fn sum_of_first(
    values: impl ExactSizeIterator<Item = f32>,
    n: usize,
    cmp: impl Fn(&f32, &f32) -> std::cmp::Ordering,
) -> f32 {
    const ON_STACK: usize = 16;
    let sum = |v: &mut [f32]| {
        v.sort_unstable_by(&cmp);
        v.iter().take(n).sum::<f32>()
    };
    if values.len() <= ON_STACK {
        let mut buf = [0.0f32; ON_STACK];
        let mut len = 0;
        for (slot, x) in buf.iter_mut().zip(values) {
            *slot = x;
            len += 1;
        }
        buf.get_mut(..len).map_or(0.0, sum)
    } else {
        sum(&mut values.collect::<Vec<f32>>())
    }
}

/// Scores a query name against a list name. Both token lists come from the same
/// normalization and weights. `kind` is the kind of the listed party, when known: one word of
/// a person's name never stands for a longer name (see [`SUBSET_FACTOR`]), and a person's
/// name must have its surname met; a single letter in an organization's name is a word, not
/// an initial of a longer one (`K TECHNOLOGIES` is not `KOZLOVA TECHNOLOGIES`).
pub(crate) fn score_names(
    q: &[ScoreToken],
    c: &[ScoreToken],
    kind: EntityKind,
) -> (f32, Explanation) {
    score_names_with(
        (q, GluedRuns::new(q).slice(q.len())),
        (c, &GluedRuns::new(c)),
        kind,
        true,
        None,
    )
}

/// As [`score_names`], with the names' glued runs made beforehand; without `explain`, the
/// explanation holds the bits of the words met and the factors, but not the texts of the
/// links and of the tokens left unmatched (the score is the same). With a `memo` kept for one
/// query, its key-level similarities with list keys are computed once for all the list names
/// scored.
pub(crate) fn score_names_with<'c>(
    (q, q_glued): (&[ScoreToken], GluedSlice<'_>),
    (c, c_glued): (&'c [ScoreToken], &'c GluedRuns),
    kind: EntityKind,
    explain: bool,
    mut memo: Option<&mut KeyMemo<'c>>,
) -> (f32, Explanation) {
    // Room for every pair of words and a few glued runs; with a memo, the last comparison's.
    let mut links: Vec<Link> = match memo.as_deref_mut() {
        Some(m) => std::mem::take(&mut m.links),
        None => Vec::with_capacity(q.len() * c.len() + q.len() + c.len()),
    };
    links.clear();
    // The similarity of a query word (`MEMO_WORD` and its position) or glued run (`MEMO_RUN`
    // and its position among the runs) with a list key, through the memo: each id always
    // computes in the same order. Unless the memo is for text, only comparisons with Arabic
    // script are remembered (`abjad`): a Latin pair is mostly settled by the cheap bound of
    // `key_similarity_if_at_least`, sooner than by a lookup.
    let mut key_sim = |(from, at): (u32, usize),
                       (ck, ca): (&'c str, bool),
                       abjad: bool,
                       compute: &dyn Fn() -> f32| {
        let Some(m) = memo.as_deref_mut().filter(|m| abjad || m.latin) else {
            return compute();
        };
        let base = if from == MEMO_WORD { m.base } else { from };
        match u32::try_from(at).ok().and_then(|at| base.checked_add(at)) {
            // Word ids stay below the runs'.
            Some(id) if from == MEMO_RUN || id < MEMO_RUN => {
                *m.sims.entry((id, ck, ca)).or_insert_with(compute)
            }
            _ => compute(),
        }
    };
    let kind = scored_kind(kind, c);
    let person = kind == EntityKind::Person;
    let organization = kind == EntityKind::Organization;
    let q_particle_alone = q.iter().any(|t| t.particle_alone);
    let c_particle_alone = c.iter().any(|t| t.particle_alone);
    for (i, qt) in q.iter().enumerate() {
        for (j, ct) in c.iter().enumerate() {
            let initial_for_word = matches!(
                (qt.kind, ct.kind),
                (TokenKind::Initial, TokenKind::Word) | (TokenKind::Word, TokenKind::Initial)
            );
            if initial_for_word && !initials_stand_for_words(kind) {
                continue;
            }
            // A kunya's word meets only a kunya's word: `ايهم ابو زيد` (Ayham Abu Zaid) is not
            // `Abu Ayham`, nor `Abu Yigit` `YIGIT, Faruk`. Unless the other name has the
            // particle alone: a kunya written as given name and surname (`Muhammad ABU`).
            let kunya_apart = match (qt.kunya, ct.kunya) {
                (true, false) => !c_particle_alone,
                (false, true) => !q_particle_alone,
                _ => false,
            };
            if kunya_apart && qt.kind == TokenKind::Word && ct.kind == TokenKind::Word {
                continue;
            }
            let mut sim = token_similarity_with(qt, ct, || {
                let compute = || key_level(&qt.key, qt.abjad, &ct.key, ct.abjad);
                key_sim(
                    (MEMO_WORD, i),
                    (&ct.key, ct.abjad),
                    qt.abjad || ct.abjad,
                    &compute,
                )
            });
            if organization
                && sim < COGNATE_SIM
                && (cognates(qt, ct)
                    || (last_word(q, i) && truncation_of(qt, ct))
                    || (last_word(c, j) && truncation_of(ct, qt)))
            {
                sim = COGNATE_SIM;
            }
            if sim > 0.0 {
                links.push(Link {
                    q: i..i + 1,
                    c: j..j + 1,
                    sim,
                    mass: qt.weight + ct.weight,
                });
            }
        }
    }
    // Glued words: one token against a run of adjacent tokens of the other name.
    for n in 2..=MAX_GLUED {
        // Query words against glued runs of the list name, then list words against runs of
        // the query; each run's key is made at most once, when a word is near its length.
        for (j, run) in c.windows(n).enumerate() {
            let Some((_, g)) = c_glued.get(c.len(), n, j) else {
                continue;
            };
            for (i, qt) in q
                .iter()
                .enumerate()
                .filter(|(_, t)| t.kind == TokenKind::Word)
            {
                if !glue_fits(run, qt) {
                    continue;
                }
                let sim = glued_similarity(qt, g, || {
                    let compute = || key_level(&qt.key, qt.abjad, &g.key, g.abjad);
                    key_sim(
                        (MEMO_WORD, i),
                        (&g.key, g.abjad),
                        qt.abjad || g.abjad,
                        &compute,
                    )
                });
                if sim > 0.0 {
                    let mass = qt.weight + run.iter().map(|t| t.weight).fold(0.0, f32::max);
                    links.push(Link {
                        q: i..i + 1,
                        c: j..j + n,
                        sim,
                        mass,
                    });
                }
            }
        }
        for (i, run) in q.windows(n).enumerate() {
            let Some((at, g)) = q_glued.get(n, i) else {
                continue;
            };
            for (j, ct) in c
                .iter()
                .enumerate()
                .filter(|(_, t)| t.kind == TokenKind::Word)
            {
                if !glue_fits(run, ct) {
                    continue;
                }
                let sim = glued_similarity(ct, g, || {
                    let compute = || key_level(&ct.key, ct.abjad, &g.key, g.abjad);
                    key_sim(
                        (MEMO_RUN, at),
                        (&ct.key, ct.abjad),
                        ct.abjad || g.abjad,
                        &compute,
                    )
                });
                if sim > 0.0 {
                    let mass = ct.weight + run.iter().map(|t| t.weight).fold(0.0, f32::max);
                    links.push(Link {
                        q: i..i + n,
                        c: j..j + 1,
                        sim,
                        mass,
                    });
                }
            }
        }
    }
    drop_lone_compound_parts(&mut links, q, c);
    // Strongest links first; ties by position, for determinism.
    links.sort_by(|x, y| {
        (y.sim * y.mass)
            .total_cmp(&(x.sim * x.mass))
            .then(x.q.start.cmp(&y.q.start))
            .then(x.c.start.cmp(&y.c.start))
            .then(x.q.end.cmp(&y.q.end))
            .then(x.c.end.cmp(&y.c.end))
    });
    // Which tokens a chosen link holds: on the stack for the names of up to 64 tokens that
    // nearly all names are.
    let (mut q_stack, mut c_stack) = ([false; 64], [false; 64]);
    let (mut q_heap, mut c_heap) = (Vec::new(), Vec::new());
    let q_used = used_flags(&mut q_stack, &mut q_heap, q.len());
    let c_used = used_flags(&mut c_stack, &mut c_heap, c.len());
    let mut numerator = 0.0f32;
    let mut explanation = Explanation {
        unexplained: !explain,
        ..Explanation::default()
    };
    let mut distinctive_matched = false;
    // Whether a word is met firmly (as written or as a spelling variant): any word, and
    // (`firm_weighty`) a word weightier than a generic word (see below); and whether such a
    // weighty word is met at all.
    let mut firm = false;
    let mut firm_weighty = false;
    let mut weighty_links = false;
    // Whether a word is met as written.
    let mut written = false;
    // Links of words to words, firm, weightier than generic words (`International`,
    // `Trading`): common names met.
    let mut firm_word_links = 0usize;
    // Links of one rare word to one rare word (see `is_rare_word`), however respelled.
    let mut rare_word_links = 0usize;
    let mut chosen: Vec<(Range<usize>, Range<usize>)> = Vec::with_capacity(q.len().min(c.len()));
    // The strongest link's similarity, and the weakest's.
    let mut best_sim = 0.0f32;
    let mut worst_sim = 1.0f32;
    for l in &links {
        let free = q_used
            .get(l.q.clone())
            .is_some_and(|u| u.iter().all(|x| !x))
            && c_used
                .get(l.c.clone())
                .is_some_and(|u| u.iter().all(|x| !x));
        if !free {
            continue;
        }
        let (mut wq, mut wc) = (0.0, 0.0);
        let (mut qtexts, mut ctexts) = (Vec::new(), Vec::new());
        let abjad = l.q.clone().filter_map(|i| q.get(i)).any(|t| t.abjad)
            || l.c.clone().filter_map(|j| c.get(j)).any(|t| t.abjad);
        let firm_at = if abjad { FIRM_ABJAD } else { FIRM };
        let link_word =
            l.q.clone()
                .filter_map(|i| q.get(i))
                .chain(l.c.clone().filter_map(|j| c.get(j)))
                .any(|t| t.kind == TokenKind::Word);
        firm |= link_word && l.sim >= firm_at;
        // A generic word met as written (`SYSTEMS`, `INVESTMENT`) makes no match firm when
        // the name has weightier words met: it is told by those (`Watson Systems` / `FALCON
        // SYSTEMS`).
        let weighty_word =
            l.q.clone()
                .filter_map(|i| q.get(i))
                .chain(l.c.clone().filter_map(|j| c.get(j)))
                .any(|t| t.kind == TokenKind::Word && t.weight > weights::GENERIC_WEIGHT);
        weighty_links |= weighty_word;
        firm_weighty |= weighty_word && l.sim >= firm_at;
        if l.sim >= firm_at {
            for i in l.q.clone() {
                if q.get(i).is_some_and(|t| t.kind == TokenKind::Word) {
                    explanation.query_firm |= bit(i);
                }
            }
        }
        written |= link_word && l.sim >= 1.0;
        let all_words = |r: Range<usize>, v: &[ScoreToken]| {
            r.clone()
                .all(|i| v.get(i).is_some_and(|t| t.kind == TokenKind::Word))
        };
        rare_word_links += usize::from(
            l.q.len() == 1
                && l.c.len() == 1
                && q.get(l.q.start).is_some_and(ScoreToken::is_rare_word)
                && c.get(l.c.start).is_some_and(ScoreToken::is_rare_word),
        );
        firm_word_links += usize::from(
            weighty_word
                && all_words(l.q.clone(), q)
                && all_words(l.c.clone(), c)
                && l.sim >= firm_at,
        );
        for i in l.q.clone() {
            if let (Some(t), Some(u)) = (q.get(i), q_used.get_mut(i)) {
                *u = true;
                wq += t.weight;
                distinctive_matched |= t.distinctive();
                if explain {
                    qtexts.push(t.text.to_string());
                }
            }
        }
        for j in l.c.clone() {
            if let (Some(t), Some(u)) = (c.get(j), c_used.get_mut(j)) {
                *u = true;
                wc += t.weight;
                distinctive_matched |= t.distinctive();
                if explain {
                    ctexts.push(t.text.to_string());
                }
            }
        }
        numerator += l.sim * (wq + wc);
        chosen.push((l.q.clone(), l.c.clone()));
        best_sim = best_sim.max(l.sim);
        worst_sim = worst_sim.min(l.sim);
        if explain {
            explanation.matched.push(TokenMatch {
                query: qtexts,
                candidate: ctexts,
                similarity: l.sim,
                weight: wq + wc,
            });
        }
    }
    if let Some(m) = memo {
        m.links = links;
    }
    let (q_used, c_used): (&[bool], &[bool]) = (q_used, c_used);
    // An organization's word written again in its name, once met, is no more of it.
    let echo =
        |tokens: &[ScoreToken], used: &[bool], k: usize| organization && is_echo(tokens, used, k);
    // Whether every word of a name is met: legal forms left over do not make a match partial
    // (`UNITED SHIPBUILDING CORPORATION` and `OJSC UNITED SHIPBUILDING CORPORATION` are one
    // name), nor do function words and titles (`Агенция за социално проектиране` / `Social
    // Design Agency`: `за` is `for`), nor an organization's words written again
    // (`is_echo`).
    let words_all_used = |tokens: &[ScoreToken], used: &[bool]| {
        tokens.iter().zip(used).enumerate().all(|(k, (t, u))| {
            *u || t.kind == TokenKind::LegalForm || t.is_minor_word() || echo(tokens, used, k)
        })
    };
    let (q_complete, c_complete) = (words_all_used(q, q_used), words_all_used(c, c_used));
    // A person's given names after the first of a `SURNAME, Given` name (an Arabic name's
    // father and grandfather, `AL-SUBHI, Azzam Abdullah Zureik Al-Maulid`; middle names) left
    // over when the other name is held whole, every word met as written or as a spelling
    // variant (`AL-SUBHI, Azzam`): a shorter form of the name, which the lists give as often
    // as the whole chain. They weigh `LATER_GIVEN_FACTOR` of their weight, before the subset
    // discount. Met only by respellings (`HAMDAR, Muhammad Ghaleb` / `Hamdan Muhammad`), the
    // name is too unsure to be called shorter.
    let later_given_discount =
        |other_complete: bool| person && other_complete && worst_sim >= SUBSET_MIN_SIMILARITY;
    let side =
        |tokens: &[ScoreToken], used: &[bool], other_complete: bool, names: &mut Vec<String>| {
            let mut matched = 0.0f32;
            let mut unmatched = 0.0f32;
            let mut distinct = 0.0f32;
            let mut names_left = 0.0f32;
            let mut numbers = (0usize, 0usize);
            let first_given = tokens.iter().position(|t| t.first_given);
            for (k, (t, u)) in tokens.iter().zip(used).enumerate() {
                if t.kind == TokenKind::Number {
                    numbers.0 += 1;
                    numbers.1 += usize::from(!*u);
                }
                let later_given =
                    later_given_discount(other_complete) && is_later_given(tokens, first_given, k);
                if *u {
                    matched += t.weight;
                } else if echo(tokens, used, k) {
                    if explain {
                        names.push(t.text.to_string());
                    }
                } else {
                    unmatched +=
                        t.unmatched_weight() * if later_given { LATER_GIVEN_FACTOR } else { 1.0 };
                    if t.disagrees() && !t.patronymic {
                        distinct += t.unmatched;
                    }
                    // A name of its own: a word weightier than a title.
                    if t.kind == TokenKind::Word && !t.patronymic && !t.is_minor_word() {
                        names_left += t.unmatched;
                    }
                    if explain {
                        names.push(t.text.to_string());
                    }
                }
            }
            (matched, unmatched, distinct, numbers, names_left)
        };
    explanation.query_met = words_met(q, q_used);
    explanation.candidate_met = words_met(c, c_used);
    let tokens_met = |used: &[bool]| {
        used.iter()
            .enumerate()
            .filter(|(_, u)| **u)
            .fold(0, |bits, (i, _)| bits | bit(i))
    };
    explanation.candidate_tokens_met = tokens_met(c_used);
    explanation.query_tokens_met = tokens_met(q_used);
    let (q_matched, q_unmatched, q_distinct, q_numbers, q_names_left) =
        side(q, q_used, c_complete, &mut explanation.unmatched_query);
    let (c_matched, c_unmatched, c_distinct, c_numbers, c_names_left) =
        side(c, c_used, q_complete, &mut explanation.unmatched_candidate);
    // One name wholly inside the other: its extra words count for less; for a listed person,
    // only when the listed name is more than one word, met by more than one link. A one-word
    // alias met by one word of a longer query (the alias `ROMA` in the query `Рома Сергеев`)
    // is too little of the query to discount the rest; one word of a company (`SOBINBANK` in
    // `JSB SOBINBANK`) is not.
    let words = |v: &[ScoreToken]| {
        v.iter()
            .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
            .count()
    };
    // And only when a word of the inner name is met exactly, up to spelling variants: a part
    // of a name that is also respelled (`THAPA SYSTEMS` / `TABA`, `SANDHU EXPORT` / `SINDHU`)
    // is two weak signs, not one strong one.
    let exact = best_sim >= SUBSET_MIN_SIMILARITY;
    // A listed person's name met by one word glued (`Manu` / `MAN, Nu`) is one sign, not two;
    // a legal form met is no sign of which firm a name means.
    let links = chosen
        .iter()
        .filter(|(qr, cr)| {
            qr.clone()
                .filter_map(|i| q.get(i))
                .chain(cr.clone().filter_map(|j| c.get(j)))
                .any(|t| t.kind != TokenKind::LegalForm)
        })
        .count();
    // A name whose word is met only by an initial of the other is not inside it when the
    // other keeps names of its own: `Heba Alzahrani` is not part of `AL ZAHRANI, Mohammad
    // Saad H.` (the query's given name is the list name's `H.`, its given names are left).
    let (mut q_by_initial, mut c_by_initial) = (false, false);
    for (qr, cr) in &chosen {
        let kinds = (
            q.get(qr.start).map(|t| t.kind).filter(|_| qr.len() == 1),
            c.get(cr.start).map(|t| t.kind).filter(|_| cr.len() == 1),
        );
        match kinds {
            (Some(TokenKind::Word), Some(TokenKind::Initial)) => q_by_initial = true,
            (Some(TokenKind::Initial), Some(TokenKind::Word)) => c_by_initial = true,
            _ => {}
        }
    }
    // A listed name of one word inside a longer query must be met as written: `GORGE` in
    // `George Resources Ltd`, `SCOT` in `Scott Logistics` are respellings of other words.
    let (q_factor, c_factor) = match (q_distinct > 0.0, c_distinct > 0.0) {
        (true, false)
            if exact
                && !c_by_initial
                && (words(c) >= 2 || written)
                && (!person || (words(c) >= 2 && links >= 2)) =>
        {
            (SUBSET_FACTOR, 1.0)
        }
        // A query of one word (`NKUNDA`) may stand for the longer listed name: the caller
        // had no more to give, and a missing surname is caught by `SurnameMissing`.
        (false, true) if exact && !q_by_initial => (1.0, SUBSET_FACTOR),
        _ => (1.0, 1.0),
    };
    let denominator = q_matched + c_matched + q_unmatched * q_factor + c_unmatched * c_factor;
    // Names made of legal forms only compare their classes.
    let only_forms =
        |v: &[ScoreToken]| !v.is_empty() && v.iter().all(|t| t.kind == TokenKind::LegalForm);
    let mut score = if denominator > 0.0 {
        numerator / denominator
    } else {
        0.0
    };
    if only_forms(q) && only_forms(c) {
        score = best_sim;
        explanation.name_score = score;
        return (score.clamp(0.0, 1.0), explanation);
    }
    if q_numbers.0 > 0 && c_numbers.0 > 0 && (q_numbers.1 > 0 || c_numbers.1 > 0) {
        score *= NUMBER_CONFLICT;
        explanation.factors.push(Factor::NumberConflict {
            multiplier: NUMBER_CONFLICT,
        });
    }
    // A name that is all common words still matches itself: the cap is for partial matches
    // (`q_complete`, `c_complete` above).
    let complete = q_complete && c_complete;
    // Nor is one name held whole by the other, met word for word by enough common names
    // (`SALEH, Ahmed Ali` / `SALEH, Ahmed Ali Abdullah`: a missing middle name).
    let contained = (q_complete || c_complete) && firm_word_links >= CONTAINED_LINKS;
    if !distinctive_matched && !complete && !contained && score > GENERIC_ONLY_CAP {
        score = GENERIC_ONLY_CAP;
        explanation.factors.push(Factor::GenericOnly {
            cap: GENERIC_ONLY_CAP,
        });
    }
    // Words met, but each only through a respelling (`Kutty General` / `HUTI`, `Askhat
    // Murat` / `AS'AD, Murad`, `Ye Hui` / `SHEHU` glued): several weak signs, not one strong
    // one. One word respelled against one word is the whole evidence there is (`Liubow` /
    // `Любоў`): the key decides.
    let one_to_one = chosen
        .first()
        .is_some_and(|(qr, cr)| qr.len() == 1 && cr.len() == 1);
    // A listed name of one word, respelled inside a longer query (`GORGE LIMITED` / `George
    // Resources Ltd`): the query's other words say it is another name.
    let one_word_respelled = words(c) == 1
        && !written
        && q.iter()
            .zip(q_used)
            .any(|(t, u)| !*u && t.kind == TokenKind::Word);
    let firm = if weighty_links { firm_weighty } else { firm };
    // Two rare words, each respelled one for one (`HEKMATYAR, Gulbuddin` / `HIKMETYAR,
    // Golboddin`), are two strong signs that agree: two names that rare do not both come
    // near by chance.
    let rare_pair = rare_word_links >= 2;
    if (!firm && !rare_pair && (links >= 2 || (links == 1 && !(complete && one_to_one))))
        || one_word_respelled
    {
        score *= RESPELLED_ONLY;
        explanation.factors.push(Factor::RespelledOnly {
            multiplier: RESPELLED_ONLY,
        });
    }
    // A surname met on either side is enough: Arabic names have no fixed surname, and the
    // lists put a different part before the comma in different aliases (`ABDALLAH, Ramadan` /
    // `SHALLAH, Ramadan Abdullah`).
    let missing = surname_missing(q, q_used) || surname_missing(c, c_used);
    let met = surname_met(q, q_used) || surname_met(c, c_used);
    if person && missing && !met {
        score *= SURNAME_MISSING;
        explanation.factors.push(Factor::SurnameMissing {
            multiplier: SURNAME_MISSING,
        });
    }
    if let Some(multiplier) = given_name_conflict(q, c, q_used, c_used, &chosen, person) {
        score *= multiplier;
        explanation
            .factors
            .push(Factor::GivenNameConflict { multiplier });
    }
    // Two persons who each keep a name of their own, however common (`Yasir Muhammad
    // Husayn` / `Yasir Husayn Ibrahim`: in a chain of father's names, two fathers), are two
    // people; a common name left over on one side only is a missing middle name. So are two
    // firms that each keep a word of their own, a generic one too (`Grant Production LLC` /
    // `LLC GRANT-TRADE`, `Hunter Mining` / `Hunter Trading`): one shared name, two trades.
    let both = q_distinct
        .max(q_names_left)
        .min(c_distinct.max(c_names_left));
    if both > 0.0 {
        let total: f32 = q
            .iter()
            .chain(c)
            .map(|t| t.unmatched)
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
