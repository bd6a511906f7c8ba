//! Transliteration of one word to lower-case ASCII letters and digits.
//!
//! Latin letters lose their marks after the special letters of [`latin`] are spelled out;
//! Cyrillic goes through the crate's own tables per language ([`cyrillic`]), Arabic script
//! through [`arabic`], Hangul through [`hangul`]; Greek, Armenian
//! and Georgian through their standards' tables; every other script through the `any_ascii`
//! crate (its data is the same as the Python `anyascii` package) until the crate has tables
//! of its own for it.

pub(crate) mod arabic;
pub(crate) mod armenian;
pub(crate) mod cyrillic;
pub(crate) mod georgian;
pub(crate) mod greek;
pub(crate) mod hangul;
pub(crate) mod latin;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

pub(crate) use cyrillic::Lang;

use crate::model::Script;

/// Appends the ASCII spelling of `word` (any script, any case) to `out`: lower-case letters
/// and digits only. `lang` is the Cyrillic alphabet guessed for the whole name.
#[cfg(test)]
pub(crate) fn romanize_word(word: &str, lang: Lang, out: &mut String) {
    let persian = arabic::has_persian_letter(word);
    romanize_word_marked(word, lang, persian, out, &mut Vec::new());
}

/// As [`romanize_word`], noting in `breaks` where the spelling of each Arabic-script letter
/// after the first begins in `out`, so that the key keeps two letters apart whose spellings
/// meet as a Latin digraph (see `variant::abjad_key_with_breaks`). `persian` when the name is
/// written in Persian or Urdu: Arabic-script letters take their Persian values.
pub(crate) fn romanize_word_marked(
    word: &str,
    lang: Lang,
    persian: bool,
    out: &mut String,
    breaks: &mut Vec<usize>,
) {
    // A word of ASCII letters and digits alone (most words of payment text) is its lower
    // case: what the steps below make of it, without decomposing it.
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    let mut prev_cyrillic: Option<char> = None;
    // Letters of a table-driven script are gathered into runs so that digraphs are seen.
    let mut run = String::new();
    let mut run_table: Option<&'static [(&'static str, &'static str)]> = None;
    let mut arabic_start = true;
    let mut chars = word.nfkc().peekable();
    while let Some(c) = chars.next() {
        if arabic::is_arabic(c) {
            flush_run(&mut run, run_table, out);
            run_table = None;
            match arabic::romanize_char(c, arabic_start, chars.peek().copied(), persian) {
                Some(s) => {
                    if !arabic_start && !s.is_empty() {
                        breaks.push(out.len());
                    }
                    out.push_str(s);
                }
                None if c.is_alphabetic() => fallback(c, out),
                None => {}
            }
            arabic_start = false;
            continue;
        }
        if hangul::is_syllable(c) {
            flush_run(&mut run, run_table, out);
            run_table = None;
            hangul::romanize_syllable(c, out);
            continue;
        }
        let table = table_of(c);
        if table.map(|t| t.as_ptr()) != run_table.map(|t| t.as_ptr()) {
            flush_run(&mut run, run_table, out);
            run_table = table;
        }
        if table.is_some() {
            for l in c.to_lowercase().nfd().filter(|&m| !is_combining_mark(m)) {
                run.push(l);
            }
            continue;
        }
        for lc in c.to_lowercase() {
            if lc.is_ascii() {
                if lc.is_ascii_alphanumeric() {
                    out.push(lc);
                }
                prev_cyrillic = None;
                continue;
            }
            if let Some(s) = latin::special(lc) {
                out.push_str(s);
                prev_cyrillic = None;
                continue;
            }
            if crate::normalize::script_of(lc) == Some(Script::Cyrillic) {
                if let Some(s) = cyrillic::romanize_char(lc, prev_cyrillic, lang) {
                    out.push_str(s);
                } else {
                    fallback(lc, out);
                }
                prev_cyrillic = Some(lc);
                continue;
            }
            prev_cyrillic = None;
            // Compatibility decomposition: full-width forms, ligatures, letters with marks.
            for d in std::iter::once(lc).nfkd() {
                if is_combining_mark(d) {
                    continue;
                }
                if d.is_ascii() {
                    if d.is_ascii_alphanumeric() {
                        out.push(d.to_ascii_lowercase());
                    }
                } else if let Some(s) = latin::special(d) {
                    out.push_str(s);
                } else if d.is_alphanumeric() {
                    fallback(d, out);
                }
            }
        }
    }
    flush_run(&mut run, run_table, out);
}

/// The sequence table of a script the crate romanizes by table, if `c` belongs to one.
fn table_of(c: char) -> Option<&'static [(&'static str, &'static str)]> {
    match crate::normalize::script_of(c) {
        Some(Script::Greek) => Some(greek::TABLE),
        Some(Script::Armenian) => Some(armenian::TABLE),
        Some(Script::Georgian) => Some(georgian::TABLE),
        _ => None,
    }
}

/// Romanizes a run of one table-driven script by longest match; letters the table lacks go
/// through the fallback.
fn flush_run(run: &mut String, table: Option<&[(&str, &str)]>, out: &mut String) {
    let Some(table) = table else {
        run.clear();
        return;
    };
    let mut rest = run.as_str();
    while let Some(first) = rest.chars().next() {
        let best = table
            .iter()
            .filter(|(k, _)| !k.is_empty() && rest.starts_with(k))
            .max_by_key(|(k, _)| k.len());
        match best {
            Some((k, v)) => {
                out.push_str(v);
                rest = rest.get(k.len()..).unwrap_or("");
            }
            None => {
                if first.is_alphanumeric() {
                    fallback(first, out);
                }
                rest = rest.get(first.len_utf8()..).unwrap_or("");
            }
        }
    }
    run.clear();
}

/// Any other letter: `any_ascii`, lower-cased, letters and digits only.
fn fallback(c: char, out: &mut String) {
    for b in any_ascii::any_ascii_char(c).chars() {
        if b.is_ascii_alphanumeric() {
            out.push(b.to_ascii_lowercase());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(word: &str, want: &str) {
        let lang = Lang::detect(word);
        let mut out = String::new();
        romanize_word(word, lang, &mut out);
        assert_eq!(out, want, "romanizing {word:?} ({lang:?})");
    }

    #[test]
    fn scripts() {
        // Latin: marks dropped, special letters spelled out.
        check("Dış", "dis");
        check("Şti", "sti");
        check("straße", "strasse");
        check("Ølstad", "olstad");
        check("İstanbul", "istanbul");
        check("ＫＡＺ", "kaz"); // full-width forms (NFKD)
        // Russian, BGN/PCGN 1947.
        check("Евгений", "yevgeniy");
        check("Пригожин", "prigozhin");
        check("Щербаков", "shcherbakov");
        // Ukrainian, KMU 2010.
        check("Зеленський", "zelenskiy"); // no Ukrainian-only letter: read as Russian; the key meets zelenskyy
        check("Іващенко", "ivashchenko");
        check("Гаєвич", "hayevych");
        // Kazakh, BGN/PCGN 1979.
        check("Қазақстан", "qazaqstan");
        check("Тоқаев", "toqayev");
        check("Әбілқайыр", "abilqayyr");
        // Greek, Armenian, Georgian by table; Han through any_ascii.
        check("Αθήνα", "athina");
        check("Օբամա", "obama");
        check("ობამა", "obama");
        check("习", "xi");
    }
}
