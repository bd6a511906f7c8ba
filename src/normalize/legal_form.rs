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
//!
//! Some spellings hold the name of a class (`Open JSC`, `JSC Company`, `Free Zone LLC`), so a
//! legal form found can make a longer one with its neighbours (`OPEN STOCK COMPANY` is `open`
//! and `jsc`, which are `Open JSC`). Recognition goes on until no spelling matches across a
//! legal form found, reading each as its class name; and a word romanized from Arabic script
//! is matched by the key of its romanization as Latin text: so normalizing a normalized name
//! changes nothing.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

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
    /// The key of each class name read as a word (`jsc` → the key of `jsc`): how a legal form
    /// found reads when spellings are matched across it, as it reads in its normalized text.
    class_keys: HashMap<&'static str, String>,
    /// The most tokens a spelling can cover: two per word (a word split in the name).
    widest: usize,
}

/// The tokens of a name as recognition reads them: those kept so far (legal forms found
/// replacing their words), then those still to read.
#[derive(Clone, Copy)]
struct View<'a> {
    done: &'a [Token],
    rest: &'a [Token],
}

impl<'a> View<'a> {
    fn get(self, i: usize) -> Option<&'a Token> {
        match i.checked_sub(self.done.len()) {
            None => self.done.get(i),
            Some(j) => self.rest.get(j),
        }
    }

    fn len(self) -> usize {
        self.done.len() + self.rest.len()
    }
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
                let words: Vec<String> = tokens.iter().map(|t| text_key(t).into_owned()).collect();
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
        let class_keys = LEGAL_FORMS
            .iter()
            .map(|c| {
                let key = tokenize(c.class).into_iter().map(|t| t.key).collect();
                (c.class, key)
            })
            .collect();
        let widest = spellings
            .iter()
            .map(|s| 2 * s.words.len())
            .max()
            .unwrap_or(0);
        LegalForms {
            spellings,
            by_first,
            long_first,
            class_keys,
            widest,
        }
    }

    /// The key a token is matched by: a legal form found reads as its class name, a word as
    /// its [`text_key`].
    fn key_of<'t>(&'t self, tok: &'t Token) -> Cow<'t, str> {
        match tok.kind {
            TokenKind::LegalForm => match self.class_keys.get(tok.text.as_str()) {
                Some(key) => Cow::Borrowed(key),
                None => Cow::Borrowed(&tok.key),
            },
            _ => text_key(tok),
        }
    }

    /// Replaces every legal form of a name in `tokens` by one legal-form token: as
    /// [`apply`](Self::apply) with short one-token spellings at the name's edges, and after
    /// the generic words that begin it (`generic` tells them), since the EU's translations put
    /// what a firm is before its legal form (`Организация АО “ДУКС”`, `Koncern JSC
    /// Sozvezdie`).
    pub(crate) fn apply_to_name(&self, tokens: &mut Vec<Token>, generic: impl Fn(&Token) -> bool) {
        self.apply(tokens, false);
        if self.after_generic_head(tokens, generic) {
            self.settle(tokens, false);
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
            // Right after a legal form is an edge too: `АО ЧВК Вагнер`, `JSC PMC Wagner`.
            let after_form = out.last().is_some_and(|t| t.kind == TokenKind::LegalForm);
            let best = self.best_at(
                View {
                    done: seq,
                    rest: &[],
                },
                i,
                anywhere || after_form,
            );
            match best {
                Some((class, used)) => {
                    let end = seq.get(i + used - 1).map_or(tok.span.end, |t| t.span.end);
                    out.push(legal_form(class, tok.span.start..end));
                    i += used;
                }
                None => {
                    out.push(tok.clone());
                    i += 1;
                }
            }
        }
        self.settle(&mut out, anywhere);
        debug_assert!(out.len() <= n);
        *tokens = out;
    }

    /// Reads the short one-token spellings right after the generic words and legal forms that
    /// begin a name as legal forms (see [`apply_to_name`](Self::apply_to_name)); whether one
    /// was. Read on the tokens as read whole, so that the name's normalized text, read again,
    /// finds the same.
    fn after_generic_head(&self, tokens: &mut [Token], generic: impl Fn(&Token) -> bool) -> bool {
        let mut seen_generic = false;
        let mut changed = false;
        for at in 0..tokens.len() {
            let Some(tok) = tokens.get(at) else { break };
            if tok.kind == TokenKind::LegalForm {
                continue;
            }
            if tok.kind == TokenKind::Word && generic(tok) {
                seen_generic = true;
                continue;
            }
            if !seen_generic {
                break;
            }
            let view = View {
                done: tokens,
                rest: &[],
            };
            let Some((class, 1)) = self.best_at(view, at, true) else {
                break;
            };
            if let Some(t) = tokens.get_mut(at) {
                *t = legal_form(class, t.span.clone());
                changed = true;
            }
        }
        changed
    }

    /// Replaces by one legal form every spelling that matches across a legal form found,
    /// reading each as its class name, until none does: the tokens are read again left to
    /// right, and at each legal form (found before, or made here) the spellings that may hold
    /// it are tried. A spelling of words alone would have matched when they were read; one
    /// across a legal form starts at most `widest - 1` tokens before it. Each replacement
    /// leaves one token fewer and touches only the last tokens kept, so the work stays linear
    /// in the tokens.
    fn settle(&self, tokens: &mut Vec<Token>, anywhere: bool) {
        let is_form = |t: &Token| t.kind == TokenKind::LegalForm;
        if !tokens.iter().any(is_form) {
            return;
        }
        // In place: `tokens[..kept]` are kept, `tokens[read..]` are still to read.
        let mut kept = 0;
        let mut read = 0;
        while read < tokens.len() {
            tokens.swap(kept, read);
            kept += 1;
            read += 1;
            // Right after a legal form is an edge, as in `apply`; a form made here can newly
            // border a word that `apply` read in the middle of the name: `LIMILITY
            // PARTNERSHIP IP` is `ltd`, `partnership`, `ip` there, and `ltd partnership` is
            // made an `lp` here, after which `IP` is a legal form too (as normalizing the
            // normalized name, `lp ip`, would find).
            let at = kept - 1;
            let after_form = at
                .checked_sub(1)
                .and_then(|before| tokens.get(before))
                .is_some_and(is_form);
            if after_form && tokens.get(at).is_some_and(|t| !is_form(t)) {
                let view = View {
                    done: tokens.get(..kept).unwrap_or_default(),
                    rest: tokens.get(read..).unwrap_or_default(),
                };
                if let Some((class, 1)) = self.best_at(view, at, true) {
                    if let Some(t) = tokens.get_mut(at) {
                        *t = legal_form(class, t.span.clone());
                    }
                }
            }
            // The legal form whose spellings are tried: the token read, then the one made.
            let mut focus = kept - 1;
            while tokens.get(focus).is_some_and(is_form) {
                let view = View {
                    done: tokens.get(..kept).unwrap_or_default(),
                    rest: tokens.get(read..).unwrap_or_default(),
                };
                let starts = focus.saturating_sub(self.widest.saturating_sub(1))..=focus;
                let found = starts.into_iter().find_map(|at| {
                    // Most words start no spelling: they are passed over before `best_at`.
                    let (exact, fuzzy) = self.starting_with(&self.key_of(view.get(at)?));
                    if exact.is_empty() && fuzzy.is_empty() {
                        return None;
                    }
                    let (class, used) = self.best_at(view, at, anywhere)?;
                    let holds_form = (at..at + used).any(|t| view.get(t).is_some_and(is_form));
                    if used < 2 || !holds_form {
                        return None;
                    }
                    let span = view.get(at)?.span.start..view.get(at + used - 1)?.span.end;
                    Some((at, used, legal_form(class, span)))
                });
                let Some((at, used, form)) = found else {
                    break;
                };
                // The spelling may reach into the tokens still to read, or end before the last
                // token kept: those after it move down behind the legal form.
                let end = at + used;
                read += end.saturating_sub(kept);
                let after = end.min(kept);
                if let Some(slot) = tokens.get_mut(at) {
                    *slot = form;
                }
                if let Some(moved) = tokens.get_mut(at + 1..kept) {
                    moved.rotate_left(after - (at + 1));
                }
                kept = at + 1 + (kept - after);
                focus = at;
            }
        }
        tokens.truncate(kept);
    }

    /// The spellings that may start at a token of key `key`: those whose first word is the
    /// key, and those whose first word may match it with a typo.
    fn starting_with(&self, key: &str) -> (&[usize], &[usize]) {
        let exact = self
            .by_first
            .get(key)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let fuzzy: &[usize] = match key.as_bytes().get(..2) {
            Some(&[a, b]) if key.len() >= LONG_WORD => self
                .long_first
                .get(&[a, b])
                .map(Vec::as_slice)
                .unwrap_or_default(),
            _ => &[],
        };
        (exact, fuzzy)
    }

    /// The class and token count of the longest spelling matching at `at`.
    fn best_at(
        &self,
        tokens: View<'_>,
        at: usize,
        anywhere: bool,
    ) -> Option<(&'static str, usize)> {
        let tok = tokens.get(at)?;
        let key = self.key_of(tok);
        let key = key.as_ref();
        if tok.kind == TokenKind::Number {
            return None;
        }
        let edge = anywhere || at == 0 || at + 1 == tokens.len();
        // A class name stands for its class (normalizing a normalized name changes nothing),
        // unless a longer spelling starts with it (`Ltd. Liability Co.` is an `llc`).
        let mut best: Option<(&'static str, usize)> = LEGAL_FORMS
            .iter()
            .find(|c| c.class == tok.text && (edge || c.class.len() > 3))
            .map(|c| (c.class, 1));
        let (exact, fuzzy) = self.starting_with(key);
        for &si in exact.iter().chain(fuzzy) {
            let Some(s) = self.spellings.get(si) else {
                continue;
            };
            let Some(used) = match_spelling(self, &s.words, tokens, at) else {
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
    if la < LONG_WORD || lb < LONG_WORD || la.abs_diff(lb) > length_slack(la.max(lb)) {
        return false;
    }
    if a2.is_empty() && b2.is_empty() {
        return key_similarity_at_least(a1, b1, LONG_WORD_SIMILARITY);
    }
    key_similarity_at_least(&[a1, a2].concat(), &[b1, b2].concat(), LONG_WORD_SIMILARITY)
}

/// The most two keys of a typo'd word may differ in length: two symbols, and a third of a
/// longer word's (`ОТВЕТСТВЕТСТВЕННОСТЬЮ`, four letters written twice in the 16 of
/// `ОТВЕТСТВЕННОСТЬЮ`; `ОГРАНИЧЕЕЕНОЙ`), as much as [`LONG_WORD_SIMILARITY`] lets through when
/// the letters left over are cheap edits (`ь`, a doubled or a glide letter).
fn length_slack(longer: usize) -> usize {
    (longer / 3).max(2)
}

/// How many tokens from `at` the spelling `words` covers, if it matches there.
fn match_spelling(
    forms: &LegalForms,
    words: &[String],
    tokens: View<'_>,
    at: usize,
) -> Option<usize> {
    let mut w = 0;
    let mut t = at;
    while let Some(word) = words.get(w) {
        let tok = tokens.get(t)?;
        if tok.kind == TokenKind::Number {
            return None;
        }
        let key = forms.key_of(tok);
        let key = key.as_ref();
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
            if word.len() >= LONG_WORD && joined_matches((key, &forms.key_of(next_tok)), (word, ""))
            {
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

/// The key of a token's text as a Latin word: a word romanized from Arabic script is matched by
/// the key its romanization has as Latin text, not by its own (`abjad`) key, so that a name
/// reads the same in its normalized text (Latin, where nothing says it was Arabic) as in its
/// script.
fn text_key(tok: &Token) -> Cow<'_, str> {
    if tok.abjad {
        Cow::Owned(super::variant::key(&tok.text))
    } else {
        Cow::Borrowed(&tok.key)
    }
}

/// The token of a legal form of `class` found over `span`.
fn legal_form(class: &str, span: Range<usize>) -> Token {
    Token {
        text: class.to_string(),
        key: format!("#{class}"),
        kind: TokenKind::LegalForm,
        span,
        abjad: false,
        first_given: false,
        feminine: false,
    }
}
