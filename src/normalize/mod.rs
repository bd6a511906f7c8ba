//! Text to tokens: what a name means once the accidents of its writing are removed.
//!
//! [`normalize`] turns a name in any script into [`Token`]s, once per name:
//!
//! 1. Invisible and formatting characters (zero-width, bidi controls, soft hyphen, BOM) are
//!    removed; apostrophes inside a word join it (`O'Brien` → `obrien`), but for the elided
//!    articles of French, Italian and Maltese (`l'ordre` → `ordre`, `d'Iran` → `de iran`);
//!    every other punctuation or separator is a token boundary; `&` is the word `and`.
//! 2. A word that mixes Latin, Cyrillic and Greek letters has its letters folded to their
//!    look-alikes in the one script that takes all of them, else in the majority script
//!    (`Kаzstanex` with a Cyrillic `а`; `GАZРRОМВАNК`, mostly Cyrillic, is Latin).
//! 3. Each word is romanized to lower-case ASCII: Latin special letters spelled out (`ß` →
//!    `ss`, Turkish `ı` → `i`), marks dropped, Cyrillic by the crate's tables for the alphabet
//!    guessed from the name's letters, Greek, Armenian and Georgian by their standards' tables,
//!    other scripts through `any_ascii`.
//! 4. Dotted single letters are joined (`U.S.A.` → `usa`, `L.L.C.` → `llc`), as are runs of
//!    three or more single letters (`G m b H`); Cyrillic and Greek ones before they are
//!    romanized (`Р О С Н Е Ф Т Ь` → `rosneft`). Digits inside a word of letters are read as
//!    the letters they look like (`R0SNEFT` → `rosneft`); a token of digits is a number.
//! 5. Legal forms in any language and script (`ТОО`, `LLP`, `limited liability partnership`,
//!    `ЖШС`) become one [`TokenKind::LegalForm`] token naming their class (`llp`).
//! 6. Each token gets its spelling-variant key (see [`Token::key`]), the form under which
//!    `Prigozhin`, `Prigojine` and `Prigoschin` meet.
//!
//! ```
//! use sanctions::normalize::{normalize, TokenKind};
//!
//! let name = normalize("ТОО «Казстанекс»");
//! let texts: Vec<&str> = name.tokens().iter().map(|t| t.text()).collect();
//! assert_eq!(texts, ["llp", "kazstaneks"]);
//! assert_eq!(name.tokens()[0].kind(), TokenKind::LegalForm);
//! ```

mod chars;
mod concepts;
mod concepts_table;
mod countries_table;
mod homoglyph;
mod legal_form;
mod legal_forms_table;
mod script;
pub(crate) mod translit;
pub(crate) mod variant;

use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

pub(crate) use script::script_of;

use crate::model::Script;
use concepts::Concepts;
pub(crate) use concepts::{CONCEPT_MARK, COUNTRY_MARK};
use concepts_table::{FORMER_NAME_PREFIXES, NUMBER_SIGNS};
use legal_form::LegalForms;
use translit::Lang;

/// What a token is.
///
/// ```
/// use sanctions::normalize::{TokenKind, normalize};
///
/// let kinds: Vec<TokenKind> = normalize("J. Smith 23 LLC").tokens().iter().map(|t| t.kind()).collect();
/// assert_eq!(kinds, [TokenKind::Initial, TokenKind::Word, TokenKind::Number, TokenKind::LegalForm]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TokenKind {
    /// A word of a name.
    Word,
    /// A number, written with digits only; numbers must agree for names to match.
    Number,
    /// A single letter: an initial.
    Initial,
    /// A company legal form; its text is the class (`llc`, `jsc`, `llp`, ...).
    LegalForm,
}

/// One normalized token of a name.
///
/// ```
/// use sanctions::normalize::{TokenKind, normalize};
///
/// let text = "PRIGOZHIN, Yevgeniy";
/// let name = normalize(text);
/// let given = &name.tokens()[1];
/// assert_eq!(given.text(), "yevgeniy");
/// assert_eq!(given.key(), normalize("Jewgeni").tokens()[0].key()); // German romanization, one key
/// assert_eq!(given.kind(), TokenKind::Word);
/// assert_eq!(&text[given.span()], "Yevgeniy");
/// assert!(given.is_first_given());
/// assert!(!given.is_abjad());
/// assert!(normalize("محمد").tokens()[0].is_abjad());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Token {
    text: String,
    key: String,
    kind: TokenKind,
    span: Range<usize>,
    /// Romanized from a script that does not write short vowels (Arabic): compared by
    /// consonant skeleton.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    abjad: bool,
    /// The first word after the first comma: the given name of a `SURNAME, Given` name.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    first_given: bool,
    /// Written with the Czech and Slovak feminine ending `-ová` (`Porrasová`): a woman's
    /// form of the family's surname (`Porras`), which the accent tells from a Russian `-ova`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    feminine: bool,
}

impl Token {
    /// The romanized token: lower-case ASCII letters and digits; for a legal form, its class.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The spelling-variant key: the token rewritten so that the romanizations of one name in
    /// different systems meet (`prigozhin`, `prigoschin` → `prigoSin`).
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Word, number, initial or legal form.
    pub fn kind(&self) -> TokenKind {
        self.kind
    }

    /// Whether the word ends in the Czech and Slovak feminine `-ová` as written
    /// (`Porrasová`, the woman's form of `Porras`).
    pub fn is_feminine(&self) -> bool {
        self.feminine
    }

    /// The byte range of the token in the text it was read from.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// The consonant skeleton of the key: what a spelling in a script without written short
    /// vowels (Arabic) can be compared on.
    ///
    /// ```
    /// use sanctions::normalize::normalize;
    ///
    /// let arabic = normalize("محمد");
    /// let latin = normalize("Muhammad");
    /// assert_eq!(arabic.tokens()[0].skeleton(), latin.tokens()[0].skeleton());
    /// ```
    ///
    /// Two Arabic letters that the key keeps apart where Latin spells them as one digraph
    /// (س ح of إسحاق, `Ishaq`) are read as the digraph here, as the Latin spelling without a
    /// vowel between them keys them: `إسحاق` has the skeleton of `Ishaq`.
    ///
    /// ```
    /// use sanctions::normalize::normalize;
    ///
    /// let arabic = normalize("إسحاق");
    /// let latin = normalize("Ishaq");
    /// assert_eq!(arabic.tokens()[0].skeleton(), latin.tokens()[0].skeleton());
    /// ```
    pub fn skeleton(&self) -> String {
        match self
            .abjad
            .then(|| variant::abjad_joined(&self.key))
            .flatten()
        {
            Some(joined) => variant::skeleton(&joined),
            None => variant::skeleton(&self.key),
        }
    }

    /// Whether the token is the first word after the first comma of the name: the (first)
    /// given name of a name written `SURNAME, Given Names`, as OFAC, the UK and the UN write
    /// persons.
    pub fn is_first_given(&self) -> bool {
        self.first_given
    }

    /// Whether the token was romanized from a script without written short vowels (Arabic),
    /// so that only its consonants are certain.
    pub fn is_abjad(&self) -> bool {
        self.abjad
    }
}

/// A name after normalization: its tokens in order.
///
/// ```
/// let name = sanctions::normalize::normalize("ТОО «Казстанекс»");
/// assert_eq!(name.tokens().len(), 2);
/// assert_eq!(name.to_string(), "llp kazstaneks");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NormalizedName {
    tokens: Vec<Token>,
}

impl NormalizedName {
    /// The tokens, in the order of the text.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// Whether the name has no token at all.
    ///
    /// ```
    /// use sanctions::normalize::normalize;
    ///
    /// assert!(normalize(" «» \u{200b}").is_empty());
    /// assert!(!normalize("Пригожин").is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    pub(crate) fn into_tokens(self) -> Vec<Token> {
        self.tokens
    }
}

impl fmt::Display for NormalizedName {
    /// The token texts separated by spaces.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, t) in self.tokens.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            f.write_str(&t.text)?;
        }
        Ok(())
    }
}

/// Normalizes a name with the crate's tables.
///
/// # Performance
///
/// Linear in the length of the text. The legal-form table is prepared once per process, on
/// first use.
///
/// # Example
///
/// ```
/// use sanctions::normalize::normalize;
///
/// assert_eq!(normalize("Евгений Пригожин").to_string(), "yevgeniy prigozhin");
/// // The Italian S.p.A. is a joint-stock company: its legal-form class is `jsc`.
/// assert_eq!(normalize("Gruppo Alpha S.p.A.").to_string(), "gruppo alpha jsc");
/// ```
pub fn normalize(text: &str) -> NormalizedName {
    let mut tokens = tokenize(text);
    drop_former_name_prefix(&mut tokens);
    drop_number_signs(&mut tokens);
    concepts().split_compounds(&mut tokens);
    legal_forms().apply_to_name(&mut tokens, |t| concepts().knows(&t.key, &t.text));
    concepts().apply(&mut tokens);
    NormalizedName { tokens }
}

/// Normalizes a person's name: as [`normalize`], without legal forms or the concepts of
/// organization words, which a person's name does not have (`PAK HAN SE`: Se is a given name,
/// not the Societas Europaea).
pub(crate) fn normalize_person(text: &str) -> NormalizedName {
    NormalizedName {
        tokens: tokenize(text),
    }
}

/// Normalizes free text: as [`normalize`], but short legal forms (`LLP`, `AO`) are recognized
/// anywhere, since names stand side by side in text.
pub(crate) fn normalize_text(text: &str) -> NormalizedName {
    let mut tokens = tokenize(text);
    drop_number_signs(&mut tokens);
    concepts().split_compounds(&mut tokens);
    legal_forms().apply(&mut tokens, true);
    concepts().apply(&mut tokens);
    NormalizedName { tokens }
}

/// Drops a word for "number" right before a number (`No. 3`, `nr 3`, `št. 3`:
/// [`NUMBER_SIGNS`]): the sign `№` is dropped as punctuation, and a name that writes the word
/// meets one that writes the sign, or another language's word, by the number alone.
fn drop_number_signs(tokens: &mut Vec<Token>) {
    // By the romanized text whatever the script, as the normalized text is read again: an
    // Arabic `ن` before a number is the `n` that reading would drop.
    let is_sign = |t: &Token| {
        matches!(t.kind, TokenKind::Word | TokenKind::Initial)
            && NUMBER_SIGNS.contains(&t.text.as_str())
    };
    // Most names hold no number: the signs are looked for only before one.
    if !tokens
        .windows(2)
        .any(|w| matches!(w, [a, b] if b.kind == TokenKind::Number && is_sign(a)))
    {
        return;
    }
    // The whole run of signs before a number (`No. Nr. 3`), read from the right: one left
    // would stand before the number once the others are gone, and normalizing the
    // normalized name would drop it.
    let mut drop = vec![false; tokens.len()];
    let mut before_number = false;
    for (t, d) in tokens.iter().zip(drop.iter_mut()).rev() {
        *d = before_number && is_sign(t);
        before_number = t.kind == TokenKind::Number || *d;
    }
    let mut i = 0;
    tokens.retain(|_| {
        let keep = !drop.get(i).copied().unwrap_or(false);
        i += 1;
        keep
    });
}

/// The words of each of [`FORMER_NAME_PREFIXES`], romanized as a name's are.
fn former_name_prefixes() -> &'static [Vec<String>] {
    static PREFIXES: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    PREFIXES.get_or_init(|| {
        FORMER_NAME_PREFIXES
            .iter()
            .map(|p| tokenize(p).into_iter().map(|t| t.text).collect::<Vec<_>>())
            .filter(|words| !words.is_empty())
            .collect()
    })
}

/// Leaves out the words that say a name is a former one (`известно преди като`, `formerly
/// known as`: [`FORMER_NAME_PREFIXES`]) when the name begins with them and has a word after
/// them, as often as it does, so that the normalized name normalizes to itself.
fn drop_former_name_prefix(tokens: &mut Vec<Token>) {
    let begins = |start: usize, words: &[String]| {
        tokens.len() > start + words.len()
            && tokens
                .get(start..)
                .is_some_and(|rest| rest.iter().zip(words).all(|(t, w)| t.text == *w))
    };
    let mut start = 0;
    while let Some(words) = former_name_prefixes().iter().find(|w| begins(start, w)) {
        start += words.len();
    }
    if start > 0 {
        tokens.drain(..start);
    }
}

/// The concept key of a word of key `key` and romanized text `text` (`international` →
/// `@international`), or its country key (`syrian` → `%siria`), when the word is one the crate
/// knows across languages; text scanning keys words glued from two.
pub(crate) fn concept_of(key: &str, text: &str) -> Option<String> {
    concepts().concept_of(key, text)
}

fn legal_forms() -> &'static LegalForms {
    static FORMS: OnceLock<LegalForms> = OnceLock::new();
    FORMS.get_or_init(LegalForms::build)
}

/// The key of a country's English name when `key` is a country's (`%siria` → `siria`, see
/// `concepts`).
pub(crate) fn country_of(key: &str) -> Option<&str> {
    key.strip_prefix(COUNTRY_MARK)
}

fn concepts() -> &'static Concepts {
    static CONCEPTS: OnceLock<Concepts> = OnceLock::new();
    CONCEPTS.get_or_init(Concepts::build)
}

/// A word as cut from the text, before romanization.
struct RawWord {
    start: usize,
    end: usize,
    text: String,
    dot_after: bool,
}

/// The Arabic article `ال` as a word of its own, from `start` to the lam at `lam_at`.
fn article_word(start: usize, lam_at: usize) -> RawWord {
    RawWord {
        start,
        end: lam_at + 'ل'.len_utf8(),
        text: "ال".to_string(),
        dot_after: false,
    }
}

fn cut_words(text: &str) -> Vec<RawWord> {
    let mut words = Vec::new();
    let mut cur: Option<RawWord> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        // A letter or digit of ASCII (most of payment text) goes to the word, as below.
        if c.is_ascii_alphanumeric() {
            extend_word(&mut cur, i, c);
            continue;
        }
        if chars::is_invisible(c) {
            continue;
        }
        // Han characters and Hangul syllables are one syllable each, and lists write their
        // romanizations as separate or joined syllables (Xi Jinping, XI Jin-ping): each is a
        // token of its own, and glued-token matching joins them again.
        if matches!(script_of(c), Some(Script::Han | Script::Hangul)) {
            if let Some(w) = cur.take() {
                words.push(w);
            }
            words.push(RawWord {
                start: i,
                end: i + c.len_utf8(),
                text: c.to_string(),
                dot_after: false,
            });
            continue;
        }
        // The conjunction و (and) and the preposition ل (for) are written joined to the
        // article and its noun (والتصدير, and the export; للتجارة, for the trade, the article's
        // alif left out after ل): words of no name, left out, the article and the noun read
        // as below. Not before a noun of one letter (والي, Wali, is a name).
        if matches!(c, 'و' | 'ل') && cur.is_none() {
            let mut after = chars.clone().filter(|&(_, n)| !chars::is_invisible(n));
            let article = match (c, after.next(), after.next()) {
                ('و', Some((_, 'ا')), Some((lam_at, 'ل'))) => Some(lam_at),
                ('ل', Some((lam_at, 'ل')), _) => Some(lam_at),
                _ => None,
            };
            // The letters of the noun, two at most: the look ahead ends at the word.
            let noun = |lam_at: usize| {
                chars
                    .clone()
                    .filter(|&(_, n)| !chars::is_invisible(n))
                    .skip_while(|&(j, _)| j <= lam_at)
                    .take_while(|&(_, n)| n.is_alphabetic())
                    .take(2)
                    .count()
            };
            if let Some(lam_at) = article.filter(|&at| noun(at) == 2) {
                words.push(article_word(i, lam_at));
                while chars.next().is_some_and(|(j, _)| j < lam_at) {}
                continue;
            }
        }
        // The Arabic article ال is written joined to its noun (الخيري, al-Khairy): it is a
        // word of its own, as the Latin spellings write it.
        if c == 'ا' && cur.is_none() {
            // Look past invisible characters, which evaders insert anywhere.
            let mut after = chars.clone().filter(|&(_, n)| !chars::is_invisible(n));
            let lam = after.next().filter(|&(_, n)| n == 'ل');
            let next: String = after.take(2).map(|(_, n)| n).collect();
            // الله (Allah, as in عبد الله) is a word, not the article.
            let allah = next.starts_with("له");
            if let Some((lam_at, _)) =
                lam.filter(|_| !allah && next.chars().filter(|n| n.is_alphabetic()).count() == 2)
            {
                words.push(article_word(i, lam_at));
                while chars.next().is_some_and(|(j, _)| j < lam_at) {}
                continue;
            }
        }
        let in_word = c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c);
        if in_word {
            extend_word(&mut cur, i, c);
            continue;
        }
        if chars::is_apostrophe(c) && cur.is_some() {
            // Join only when a letter follows (O'Brien, Mish'an); a trailing apostrophe ends
            // the word.
            let next_is_letter = chars
                .clone()
                .find(|&(_, n)| !chars::is_invisible(n))
                .is_some_and(|(_, n)| n.is_alphanumeric());
            if next_is_letter {
                // An elided article or preposition (`l'ordre`, `d'Iran`) is a word of its own,
                // or none, when a word of two letters or more follows (`D'S SUPERMARKET` keeps
                // its `'s`).
                let elided = cur
                    .as_ref()
                    .filter(|_| chars::is_elision_apostrophe(c))
                    .and_then(|w| chars::elision(&w.text));
                let letters_after = || {
                    chars
                        .clone()
                        .filter(|&(_, n)| !chars::is_invisible(n))
                        .take_while(|&(_, n)| n.is_alphabetic())
                        .take(2)
                        .count()
                };
                if let Some(full) = elided.filter(|_| letters_after() == 2) {
                    // The article ends here: kept as its function word, or left out.
                    if let (Some(w), Some(full)) = (cur.take(), full) {
                        words.push(RawWord {
                            start: w.start,
                            end: i + c.len_utf8(),
                            text: full.to_string(),
                            dot_after: false,
                        });
                    }
                }
                continue;
            }
        }
        if let Some(mut w) = cur.take() {
            w.dot_after = c == '.';
            words.push(w);
        }
        if c == '&' {
            words.push(RawWord {
                start: i,
                end: i + 1,
                text: "and".to_string(),
                dot_after: false,
            });
        }
    }
    if let Some(w) = cur.take() {
        words.push(w);
    }
    words
}

/// Adds the character `c` at byte `i` to the word being cut, starting one if none is.
fn extend_word(cur: &mut Option<RawWord>, i: usize, c: char) {
    let w = cur.get_or_insert_with(|| RawWord {
        start: i,
        end: i,
        text: String::new(),
        dot_after: false,
    });
    w.text.push(c);
    w.end = i + c.len_utf8();
}

/// Folds look-alike letters of a mixed-script word to its majority script.
fn fold_homoglyphs(word: &str, name_script: Option<Script>) -> Option<String> {
    let target = homoglyph::fold_script(word, name_script)?;
    Some(
        word.chars()
            .map(|c| match script_of(c) {
                Some(s) if s != target => homoglyph::fold_to(c, target).unwrap_or(c),
                _ => c,
            })
            .collect(),
    )
}

/// A word written wholly in Cyrillic or Greek letters that all look like Latin ones (`ВАNК`
/// has Latin N; `ΒΑΝΚ` none), spelled with those Latin letters; `None` for any other word.
fn to_latin(word: &str) -> Option<String> {
    let mut any = false;
    let latin: Option<String> = word
        .chars()
        .map(|c| match script_of(c) {
            Some(Script::Cyrillic | Script::Greek) => {
                any = true;
                homoglyph::fold_to(c, Script::Latin)
            }
            Some(Script::Latin) => None,
            _ => Some(c),
        })
        .collect();
    latin.filter(|_| any)
}

/// Whether the words of a name written wholly in Latin look-alikes are Latin: when another
/// word of the name is Latin (or folds to Latin) and every word in Cyrillic or Greek letters
/// folds to Latin (`ΙΝΤΕRΝΑΤΙΟΝΑL ΙΝVΕSΤΜΕΝΤ ΒΑΝΚ`). A name with a word of its own in Cyrillic
/// or Greek (`ТОО «Казстанекс»`, `АО ВЕКТОР` alone) is read in that script.
fn latin_look_alike_words(raw: &[RawWord], name_script: Option<Script>) -> bool {
    let mut latin = false;
    for w in raw {
        let scripts = || w.text.chars().filter_map(script_of);
        let has = |s: Script| scripts().any(|x| x == s);
        let other = scripts().any(|x| x != Script::Latin);
        if !other {
            latin |= has(Script::Latin);
        } else if has(Script::Latin) {
            // Mixed: Latin when its letters fold to Latin.
            if homoglyph::fold_script(&w.text, name_script) != Some(Script::Latin) {
                return false;
            }
            latin = true;
        } else if to_latin(&w.text).is_none() {
            return false;
        }
    }
    latin
}

/// Cuts, folds and romanizes the words of a text, joins dotted letters, and keys the tokens;
/// legal forms are not yet recognized.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let raw = join_spaced_letters(text, cut_words(text));
    // The Cyrillic alphabet is guessed from the whole name: Зеленський has no Ukrainian-only
    // letter, but Володимир Зеленський often comes with one elsewhere.
    let lang = if text.chars().any(|c| script_of(c) == Some(Script::Cyrillic)) {
        Lang::detect(text)
    } else {
        Lang::Russian
    };
    // A word with as many letters of one script as of another takes the script of the name.
    let name_script = homoglyph::majority_script(text, None);
    struct Roman {
        text: String,
        span: Range<usize>,
        dot_after: bool,
        abjad: bool,
        breaks: Vec<usize>,
    }
    // A name in Persian or Urdu reads its Arabic letters the Persian way (ض z, not d).
    let persian = translit::arabic::has_persian_letter(text);
    let latin_look_alikes = latin_look_alike_words(&raw, name_script);
    let mut romans: Vec<Roman> = Vec::with_capacity(raw.len());
    for w in raw {
        let folded = if latin_look_alikes {
            to_latin(&w.text).or_else(|| fold_homoglyphs(&w.text, name_script))
        } else {
            fold_homoglyphs(&w.text, name_script)
        };
        let mut out = String::with_capacity(w.text.len());
        let mut breaks = Vec::new();
        translit::romanize_word_marked(
            folded.as_deref().unwrap_or(&w.text),
            lang,
            persian,
            &mut out,
            &mut breaks,
        );
        if out.is_empty() {
            continue;
        }
        // Read as a word of Arabic script when all its letters are: one mixing Arabic letters
        // with others (`COMPANتضی`) is keyed as Latin, as its romanization will be when it is
        // normalized again.
        let abjad = w.text.chars().any(translit::arabic::is_arabic)
            && w.text
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(translit::arabic::is_arabic);
        romans.push(Roman {
            text: out,
            span: w.start..w.end,
            dot_after: w.dot_after,
            abjad,
            breaks,
        });
    }
    // Join runs of single letters: dotted (U.S.A., L.L.C.) from two letters on, undotted
    // (G m b H, K a z s t a n e x) from three.
    let mut tokens = Vec::with_capacity(romans.len());
    let single = |r: &Roman| r.text.len() == 1 && r.text.bytes().all(|b| b.is_ascii_alphabetic());
    let mut i = 0;
    while let Some(first) = romans.get(i) {
        let run = romans
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|r| single(r))
            .count();
        let letters = romans.get(i..i + run).unwrap_or_default();
        let parts = letter_runs(
            run,
            |k| match (letters.get(k.wrapping_sub(1)), letters.get(k)) {
                (Some(a), Some(b)) => gap(text, a.span.end, b.span.start),
                _ => "",
            },
            |k| letters.get(k).is_some_and(|r| r.dot_after),
        );
        if parts.is_empty() {
            tokens.push(make_token(
                first.text.clone(),
                first.span.clone(),
                first.abjad,
                &first.breaks,
            ));
            i += 1;
            continue;
        }
        for part in parts {
            let part = letters.get(part).unwrap_or_default();
            let (Some(a), Some(z)) = (part.first(), part.last()) else {
                continue;
            };
            let text: String = part.iter().map(|r| r.text.as_str()).collect();
            tokens.push(make_token(text, a.span.start..z.span.end, false, &[]));
        }
        i += run;
    }
    for t in &mut tokens {
        t.feminine = t.kind == TokenKind::Word
            && !t.abjad
            && text
                .get(t.span.clone())
                .is_some_and(|w| FEMININE_OVA.iter().any(|e| w.ends_with(e)));
    }
    read_arabic_articles(text, &mut tokens);
    // The given name of `SURNAME, Given Names`: the first word after the first comma, or
    // the word after a Burmese honorific there (`NYUNT, U Thein`).
    if let Some(comma) = text.find(',') {
        let mut after = tokens.iter_mut().filter(|t| t.span.start > comma);
        let first = after.next();
        let given = match first {
            Some(t) if is_burmese_honorific(t.kind, t.abjad, &t.text) => after.next(),
            first => first,
        };
        if let Some(t) = given {
            t.first_given = t.kind == TokenKind::Word;
        }
    }
    tokens
}

/// The Arabic article `al-` as lists also write it, read as `al`: `el` and
/// `ul` before a word (Egyptian and South Asian practice: `El-Sayed`, `Nusrat ul-Islam`), and
/// the article assimilated to a sun letter as it is pronounced, joined by a hyphen to a word
/// that begins with that letter (`ad-Din`, `ar-Rahman`, `ash-Shabaab`, `ud-Dawa`,
/// `at-Tawhid`; the sun letters ت ث د ذ ر ز س ش ص ض ط ظ ن, `l` being the article's own),
/// where BGN/PCGN 1956 and ODNI 2015 write `al-` always (the names notes, section 6, item
/// 5). A two-letter word alone (`at`, `as`, `an`) stays a word.
fn read_arabic_articles(text: &str, tokens: &mut [Token]) {
    const SUN: &[&str] = &["sh", "th", "dh", "d", "r", "s", "t", "z", "n"];
    let article_at = |i: usize| -> bool {
        let (Some(t), Some(next)) = (tokens.get(i), tokens.get(i + 1)) else {
            return false;
        };
        if t.kind != TokenKind::Word || next.kind != TokenKind::Word {
            return false;
        }
        // Whatever the script it was romanized from: the normalized text reads the same.
        if matches!(t.text.as_str(), "el" | "ul") {
            return true;
        }
        let hyphen = matches!(gap(text, t.span.end, next.span.start), "-" | "‐" | "‑");
        let assimilated = t.text.strip_prefix(['a', 'e', 'u']).is_some_and(|sun| {
            SUN.contains(&sun) && next.text.starts_with(sun) && next.text.len() > sun.len()
        });
        hyphen && assimilated
    };
    let articles: Vec<usize> = (0..tokens.len()).filter(|&i| article_at(i)).collect();
    for i in articles {
        if let Some(t) = tokens.get_mut(i) {
            t.text = "al".to_string();
            t.key = if t.abjad {
                variant::abjad_key("al")
            } else {
                variant::key("al")
            };
        }
    }
}

/// Whether a token of this kind, script and text is written as a Burmese honorific
/// ([`BURMESE_HONORIFICS`]); where it is one is for the name's structure to say.
pub(crate) fn is_burmese_honorific(kind: TokenKind, abjad: bool, text: &str) -> bool {
    matches!(kind, TokenKind::Word | TokenKind::Initial)
        && !abjad
        && BURMESE_HONORIFICS.contains(&text)
}

/// The Czech and Slovak feminine surname ending `-ová`, composed and decomposed, in both
/// cases: Czech and Slovak grammar add it to a woman's surname, foreign ones too
/// (přechylování: the Czech Academy of Sciences' *Internetová jazyková příručka*, "Přechylování
/// příjmení"; `Novák` / `Nováková`, `Morales` / `Moralesová`).
const FEMININE_OVA: &[&str] = &["ová", "OVÁ", "ov\u{301}", "OV\u{301}"];

/// Burmese honorifics: `U` (ဦး, for a man) and `Daw` (ဒေါ်, for a woman) before a Burmese
/// name, the two that official documents use. Burmese names have no surname, and the honorific
/// is no part of the name (`U Than Soe` is Than Soe; a man named with the sound of `U` spells
/// it `Oo`): see "Burmese names" and "Burmese honorifics" (Wikipedia) and Mi Mi Khaing,
/// "Burmese Names", The Atlantic, February 1958. The lists write them first (`U Than Soe`,
/// `Daw Thida Oo`) or first after the comma (`NYUNT, U Thein`). Korean names end in the
/// syllable `U` (`JANG, Hyon U`), never begin the given name with it: the given name of `SURNAME, U Given`
/// is the word after the honorific, and the scorer reads these words as titles only at the
/// head of the given name, in a name of two words or more besides.
pub(crate) const BURMESE_HONORIFICS: &[&str] = &["u", "daw"];

/// The least number of letters in a word for its digits to be read as the letters they look
/// like: `A7`, `X5`, `MI8` keep theirs.
const DIGITS_AS_LETTERS_MIN: usize = 3;

/// A word of letters with a few digits written for letters (`r0sneft`, `pr1g0zh1n`),
/// spelled with those letters; `None` for any other word. The digits must be few (one for two
/// letters at most) and each stand for a letter ([`chars::DIGIT_LETTERS`]); digits that end
/// the word are a number written on it (`phase4`), but for a lone 0 after a letter (`aer0`),
/// which numbers do not end on alone. A token of digits alone stays a number.
fn digits_as_letters(text: &str) -> Option<String> {
    let digits = text.bytes().filter(u8::is_ascii_digit).count();
    let letters = text.bytes().filter(u8::is_ascii_alphabetic).count();
    let ending = text.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digits == 0
        || letters < DIGITS_AS_LETTERS_MIN
        || letters < 2 * digits
        || (ending > 0 && !(ending == 1 && text.ends_with('0')))
    {
        return None;
    }
    text.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                chars::letter_of_digit(c)
            } else {
                Some(c)
            }
        })
        .collect()
}

/// The text between two words: a run of single letters keeps one separator throughout
/// (`K.A.Z.S.T.A.N.E.X.  L.L.P.` is two words, as is `K A Z S T A N E X  L L P`).
fn gap(text: &str, end: usize, start: usize) -> &str {
    text.get(end..start).unwrap_or_default()
}

/// Joins runs of letters written apart in Cyrillic or Greek (`Р О С Н Е Ф Т Ь`, `Ο.Α.Ε.`)
/// before they are romanized, by the rule the romanized Latin letters follow below: the
/// romanization of a letter depends on its place in the word (BGN/PCGN writes е `ye` at the
/// start of a word, `e` after a consonant; the soft sign ь is written inside a word, not
/// alone).
fn join_spaced_letters(text: &str, raw: Vec<RawWord>) -> Vec<RawWord> {
    let lone = |w: &RawWord| {
        let mut letters = w
            .text
            .chars()
            .filter(|&c| !unicode_normalization::char::is_combining_mark(c));
        matches!(
            (letters.next().map(script_of), letters.next()),
            (Some(Some(Script::Cyrillic | Script::Greek)), None)
        )
    };
    let mut out: Vec<RawWord> = Vec::with_capacity(raw.len());
    let mut words = raw.into_iter().peekable();
    while let Some(first) = words.next() {
        if !lone(&first) {
            out.push(first);
            continue;
        }
        let mut run = vec![first];
        while let Some(next) = words.next_if(|w| lone(w)) {
            run.push(next);
        }
        let parts = letter_runs(
            run.len(),
            |k| match (run.get(k.wrapping_sub(1)), run.get(k)) {
                (Some(a), Some(b)) => gap(text, a.end, b.start),
                _ => "",
            },
            |k| run.get(k).is_some_and(|w| w.dot_after),
        );
        if parts.is_empty() {
            out.extend(run);
            continue;
        }
        for part in parts {
            let part = run.get(part).unwrap_or_default();
            let (Some(a), Some(z)) = (part.first(), part.last()) else {
                continue;
            };
            out.push(RawWord {
                start: a.start,
                end: z.end,
                text: part.iter().map(|w| w.text.as_str()).collect(),
                dot_after: z.dot_after,
            });
        }
    }
    out
}

/// The parts of a run of `len` single letters that join into words, as ranges of the run:
/// dotted letters from two on (`U.S.A.`, `L.L.C`: the last may lack its dot), others from
/// three (`G m b H`). The run is cut where the separator before a letter (`gap(k)`) differs
/// from that between its first two (`K A Z S T A N E X  L L P` is two words), when every part
/// then has two letters or more; else it joins whole, so that normalizing a normalized name,
/// whose letters are one run, changes nothing. Empty when nothing joins.
fn letter_runs<'t>(
    len: usize,
    gap: impl Fn(usize) -> &'t str,
    dot_after: impl Fn(usize) -> bool,
) -> Vec<Range<usize>> {
    let joins = |r: &Range<usize>| r.len() >= 3 || (r.len() == 2 && dot_after(r.start));
    let mut parts = Vec::new();
    let mut from = 0;
    for k in 2..len {
        if gap(k) != gap(1) {
            parts.push(from..k);
            from = k;
        }
    }
    parts.push(from..len);
    // Cut, a part of two letters is a word too (`O F` in `S B E R B A N K  O F  R U S S I A`).
    if parts.len() > 1 && parts.iter().all(|p| p.len() >= 2) {
        parts
    } else if joins(&(0..len)) {
        std::iter::once(0..len).collect()
    } else {
        Vec::new()
    }
}

/// A token of a romanized word; `breaks` are where the spellings of its Arabic-script letters
/// begin (see `translit::romanize_word_marked`).
fn make_token(mut text: String, span: Range<usize>, abjad: bool, breaks: &[usize]) -> Token {
    let kind = if text.bytes().all(|b| b.is_ascii_digit()) {
        // Leading zeros carry no meaning in names (`No. 022` is 22).
        let trimmed = text.trim_start_matches('0');
        text = if trimmed.is_empty() {
            "0".to_string()
        } else {
            trimmed.to_string()
        };
        TokenKind::Number
    } else if text.len() == 1 {
        TokenKind::Initial
    } else {
        TokenKind::Word
    };
    if let Some(letters) = digits_as_letters(&text) {
        text = letters;
    }
    let key = if abjad {
        variant::abjad_key_with_breaks(&text, breaks)
    } else {
        variant::key(&text)
    };
    Token {
        text,
        key,
        kind,
        span,
        abjad,
        first_given: false,
        feminine: false,
    }
}

#[cfg(test)]
mod tests;
