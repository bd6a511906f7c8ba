//! Recognition of company legal forms in a token sequence.
//!
//! The table ([`legal_forms_table`](super::legal_forms_table)) lists each class of
//! equivalent forms with its spellings in many languages and scripts. Each spelling is
//! normalized once, on first use, with the same tokenizer as names. In a name, the longest
//! spelling that matches at a position replaces its tokens with one token of kind
//! [`TokenKind::LegalForm`] whose text is the class (`llc`) and whose key is `#llc`.
//!
//! Long words of a spelling match with typos (key similarity of at least
//! [`LONG_WORD_SIMILARITY`]): real list data writes `ОБЩЕСТВО С ОГРАНИЧЕНОЙ ОТВЕТСТВЕНОСТЬЮ`.
//! One-letter words of a spelling may be missing (`общество ограниченной ответственности`),
//! two words may be glued (`СОГРАНИЧЕННОЙ`) or one split, and the last word may be cut short
//! at the end of the name (`ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТ`, fields truncated by a form). Short
//! spellings of one token (`AO`, `SA`, `AG`) are taken only at the start or the end of a
//! name, where legal forms stand, so that a name word like `Ao` elsewhere stays a word.

use std::collections::HashMap;

use super::legal_forms_table::LEGAL_FORMS;
use super::variant::key_similarity_at_least;
use super::{Token, TokenKind, tokenize};

/// Minimum key similarity for a long word (five key symbols or more) to match a word of a
/// spelling; 0.8 lets one wrong or missing letter through in a word of five to nine letters.
pub(crate) const LONG_WORD_SIMILARITY: f32 = 0.8;

const LONG_WORD: usize = 5;

struct Spelling {
    class: &'static str,
    /// Keys of the words of the spelling.
    words: Vec<String>,
    /// The romanized text of a spelling of one word (`sal`, `sa`).
    text: Option<String>,
}

/// The prepared table.
pub(crate) struct LegalForms {
    spellings: Vec<Spelling>,
    /// Spellings by the key of their first word.
    by_first: HashMap<String, Vec<usize>>,
    /// Spellings whose first word is long enough to match with a typo, by the first two
    /// symbols of that word's key. A typo in the first two letters is not tolerated: it keeps
    /// the scan of a token to a few spellings (with one letter, the scan of every long word
    /// of a name against dozens of spellings took four fifths of the normalization time of
    /// the real lists' names).
    long_first: HashMap<[u8; 2], Vec<usize>>,
}

impl LegalForms {
    pub(crate) fn build() -> LegalForms {
        let mut spellings = Vec::new();
        for class in LEGAL_FORMS {
            for alias in class.aliases {
                let tokens = tokenize(alias);
                let text = match tokens.as_slice() {
                    [one] => Some(one.text.clone()),
                    _ => None,
                };
                let words: Vec<String> = tokens.into_iter().map(|t| t.key).collect();
                if words.is_empty() {
                    continue;
                }
                if spellings.iter().any(|s: &Spelling| {
                    s.words == words && s.class == class.class && s.text == text
                }) {
                    continue;
                }
                spellings.push(Spelling {
                    class: class.class,
                    words,
                    text,
                });
            }
        }
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        let mut long_first: HashMap<[u8; 2], Vec<usize>> = HashMap::new();
        for (i, s) in spellings.iter().enumerate() {
            if let Some(first) = s.words.first() {
                by_first.entry(first.clone()).or_default().push(i);
                if first.len() >= LONG_WORD {
                    if let Some(&[a, b]) = first.as_bytes().get(..2) {
                        long_first.entry([a, b]).or_default().push(i);
                    }
                }
            }
        }
        LegalForms {
            spellings,
            by_first,
            long_first,
        }
    }

    /// Replaces every legal form in `tokens` by one legal-form token. In a name
    /// (`anywhere == false`) short one-token spellings count only at its edges; in free text,
    /// where names stand side by side, anywhere.
    pub(crate) fn apply(&self, tokens: &mut Vec<Token>, anywhere: bool) {
        if tokens.is_empty() {
            return;
        }
        let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
        let mut i = 0;
        let n = tokens.len();
        let seq: &[Token] = tokens;
        while let Some(tok) = seq.get(i) {
            let best = self.best_at(seq, i, anywhere);
            match best {
                Some((class, used)) => {
                    let end = seq.get(i + used - 1).map_or(tok.span.end, |t| t.span.end);
                    out.push(Token {
                        text: class.to_string(),
                        key: format!("#{class}"),
                        kind: TokenKind::LegalForm,
                        span: tok.span.start..end,
                        abjad: false,
                        first_given: false,
                    });
                    i += used;
                }
                None => {
                    out.push(tok.clone());
                    i += 1;
                }
            }
        }
        debug_assert!(out.len() <= n);
        *tokens = out;
    }

    /// The class and token count of the longest spelling matching at `at`.
    fn best_at(
        &self,
        tokens: &[Token],
        at: usize,
        anywhere: bool,
    ) -> Option<(&'static str, usize)> {
        let tok = tokens.get(at)?;
        if tok.kind == TokenKind::Number {
            return None;
        }
        // A class name stands for its class (normalizing a normalized name changes nothing).
        if let Some(c) = LEGAL_FORMS.iter().find(|c| c.class == tok.text) {
            let edge = anywhere || at == 0 || at + 1 == tokens.len();
            if edge || c.class.len() > 3 {
                return Some((c.class, 1));
            }
        }
        let mut best: Option<(&'static str, usize)> = None;
        let exact = self
            .by_first
            .get(&tok.key)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let fuzzy: &[usize] = match tok.key.as_bytes().get(..2) {
            Some(&[a, b]) if tok.key.len() >= LONG_WORD => self
                .long_first
                .get(&[a, b])
                .map(Vec::as_slice)
                .unwrap_or_default(),
            _ => &[],
        };
        let edge = anywhere || at == 0 || at + 1 == tokens.len();
        for &si in exact.iter().chain(fuzzy) {
            let Some(s) = self.spellings.get(si) else {
                continue;
            };
            let Some(used) = match_spelling(&s.words, tokens, at) else {
                continue;
            };
            // A short one-token spelling counts only at the edges of the name, and only as
            // written: its spelling variants are names (`SAAL` is not `S.A.L.`, `Sah` not `SA`).
            let short_single = s.words.len() == 1 && s.words.iter().all(|w| w.len() <= 3);
            if short_single && !(edge && used == 1 && s.text.as_deref() == Some(tok.text.as_str()))
            {
                continue;
            }
            if best.is_none_or(|(_, u)| used > u) {
                best = Some((s.class, used));
            }
        }
        best
    }
}

fn word_matches(token_key: &str, word: &str) -> bool {
    joined_matches((token_key, ""), (word, ""))
}

/// [`word_matches`] of two keys each written in two parts, joined: the strings are made only
/// when their lengths allow a match with a typo.
fn joined_matches((a1, a2): (&str, &str), (b1, b2): (&str, &str)) -> bool {
    let (la, lb) = (a1.len() + a2.len(), b1.len() + b2.len());
    if la == lb
        && a1
            .bytes()
            .chain(a2.bytes())
            .eq(b1.bytes().chain(b2.bytes()))
    {
        return true;
    }
    if la < LONG_WORD || lb < LONG_WORD || la.abs_diff(lb) > 2 {
        return false;
    }
    key_similarity_at_least(&[a1, a2].concat(), &[b1, b2].concat(), LONG_WORD_SIMILARITY)
}

/// How many tokens from `at` the spelling `words` covers, if it matches there.
fn match_spelling(words: &[String], tokens: &[Token], at: usize) -> Option<usize> {
    let mut w = 0;
    let mut t = at;
    while let Some(word) = words.get(w) {
        let tok = tokens.get(t)?;
        if tok.kind == TokenKind::Number {
            return None;
        }
        let key = tok.key.as_str();
        if word_matches(key, word) {
            w += 1;
            t += 1;
            continue;
        }
        // Two words of the spelling glued in the name (СОГРАНИЧЕННОЙ).
        if let Some(next) = words.get(w + 1) {
            if joined_matches((key, ""), (word, next)) {
                w += 2;
                t += 1;
                continue;
            }
        }
        // One word of the spelling split in the name (ОГРА НИЧЕННОЙ).
        if let Some(next_tok) = tokens.get(t + 1) {
            if word.len() >= LONG_WORD && joined_matches((key, &next_tok.key), (word, "")) {
                w += 1;
                t += 2;
                continue;
            }
        }
        // A one-letter word of the spelling left out (общество ограниченной ответственности).
        if word.len() == 1 && w > 0 {
            w += 1;
            continue;
        }
        // The last word cut short at the end of the name.
        if w + 1 == words.len()
            && w > 0
            && t + 1 == tokens.len()
            && key.len() >= 2
            && word.starts_with(key)
        {
            return Some(t + 1 - at);
        }
        return None;
    }
    Some(t - at)
}
