//! Arabic script (Arabic, Persian, Urdu, Pashto letters) to Latin.
//!
//! Consonants follow BGN/PCGN 1956 for Arabic (the system of UN and OFAC spellings; the US
//! ODNI ICS-630-01 standard of 2015 for Arabic personal names agrees on these letters), with
//! diacritics dropped: ح ḥ → h, ص ṣ → s, ض ḍ → d, ط ṭ → t, ظ ẓ → z; ء (ʾ) and ع (ʿ) inside a word are not
//! written, as in most list spellings. Persian and Urdu letters after BGN/PCGN 1958 (Persian)
//! and the Urdu table of ALA-LC.
//!
//! Short vowels are not written in Arabic script. Written vowel signs (fatha, kasra, damma)
//! give a, i, u; otherwise the romanization is a consonant skeleton with the long vowels ا و
//! ي as a, u, i, and the matcher compares it with Latin spellings by skeleton (see
//! `variant::skeleton`). و and ي are w and y at the start of a word, u and i inside it.
//!
//! Data only, apart from the small lookup function at the end.

/// Letter (or vowel sign), spelling.
pub(crate) const TABLE: &[(char, &str)] = &[
    // Hamza and its seats, alif forms (BGN/PCGN 1956: ʾ not written at the start of a word).
    ('ء', ""),
    ('آ', "a"),
    ('أ', "a"),
    ('إ', "i"),
    ('ؤ', "u"),
    ('ئ', "i"),
    ('ا', "a"),
    ('ٱ', "a"),
    ('ى', "a"),
    // Consonants.
    ('ب', "b"),
    ('ت', "t"),
    ('ث', "th"),
    ('ج', "j"),
    ('ح', "h"),
    ('خ', "kh"),
    ('د', "d"),
    ('ذ', "dh"),
    ('ر', "r"),
    ('ز', "z"),
    ('س', "s"),
    ('ش', "sh"),
    ('ص', "s"),
    ('ض', "d"),
    ('ط', "t"),
    ('ظ', "z"),
    ('غ', "gh"),
    ('ف', "f"),
    ('ق', "q"),
    ('ك', "k"),
    ('ل', "l"),
    ('م', "m"),
    ('ن', "n"),
    ('ه', "h"),
    // Tā' marbūṭa: -a (BGN/PCGN; -ah in ODNI, which the key folds).
    ('ة', "a"),
    // Persian and Urdu letters.
    ('پ', "p"),
    ('چ', "ch"),
    ('ژ', "zh"),
    ('گ', "g"),
    ('ک', "k"),
    ('ٹ', "t"),
    ('ڈ', "d"),
    ('ڑ', "r"),
    ('ں', "n"),
    ('ھ', "h"),
    ('ہ', "h"),
    ('ۃ', "a"),
    ('ڤ', "v"),
    ('ڨ', "g"),
    ('ڭ', "ng"),
    ('ۆ', "o"),
    ('ێ', "e"),
    ('ە', "e"),
    // Vowel signs, when written: fatha, kasra, damma, and their doubled (tanwīn) forms,
    // which are case endings and not written in names.
    ('\u{064E}', "a"),
    ('\u{0650}', "i"),
    ('\u{064F}', "u"),
    ('\u{064B}', ""),
    ('\u{064C}', ""),
    ('\u{064D}', ""),
    ('\u{0652}', ""),
    ('\u{0651}', ""),
    ('\u{0670}', "a"),
    ('\u{0653}', ""),
    ('\u{0654}', ""),
    ('\u{0655}', ""),
    ('ـ', ""),
];

/// Letters spelled one way at the start of a word and another inside: و and ي are
/// consonants at the start of a word, long vowels inside, and consonants again before a
/// long a (ا, آ), since Arabic writes no two long vowels in a row (BGN/PCGN 1956: زياد Ziyād,
/// جواد Jawād, إياد Iyād).
const GLIDES: &[(char, &str, &str)] = &[
    // ع is not written inside a word (Sa'd → Sad); at its start lists write the vowel that
    // follows it (عبد → Abd, عمر → Umar, Omar).
    ('ع', "a", ""),
    ('و', "w", "u"),
    ('ي', "y", "i"),
    ('ی', "y", "i"),
    ('ے', "y", "e"),
];

/// Letters Persian and Urdu read otherwise than Arabic: ث s, ذ ض ظ z (BGN/PCGN 1958 for
/// Persian; the Urdu table of ALA-LC agrees): `رضا` is Reza, `ضیایی` Ziaei, `عثمان` Osman.
const PERSIAN: &[(char, &str)] = &[('ث', "s"), ('ذ', "z"), ('ض', "z"), ('ظ', "z")];

/// Letters that Persian and Urdu write and Arabic does not: a name holding one is read with
/// the [`PERSIAN`] values (Farsi yeh ی and keheh ک are what Persian and Urdu keyboards type).
const PERSIAN_ONLY: &[char] = &[
    'پ', 'چ', 'ژ', 'گ', 'ک', 'ی', 'ے', 'ہ', 'ٹ', 'ڈ', 'ڑ', 'ں', 'ھ',
];

/// Whether a text holds a letter of Persian or Urdu that Arabic does not write.
pub(crate) fn has_persian_letter(text: &str) -> bool {
    text.chars().any(|c| PERSIAN_ONLY.contains(&c))
}

/// The spelling of an Arabic-script character followed by `next`, `None` for one the table
/// does not know; `persian` when the name is written in Persian or Urdu
/// ([`has_persian_letter`]).
pub(crate) fn romanize_char(
    c: char,
    word_start: bool,
    next: Option<char>,
    persian: bool,
) -> Option<&'static str> {
    if let Some(&(_, initial, inner)) = GLIDES.iter().find(|(k, _, _)| *k == c) {
        let before_long_a = matches!(next, Some('ا' | 'آ')) && c != 'ع';
        return Some(if word_start || before_long_a {
            initial
        } else {
            inner
        });
    }
    if persian {
        if let Some(&(_, v)) = PERSIAN.iter().find(|(k, _)| *k == c) {
            return Some(v);
        }
    }
    TABLE.iter().find_map(|&(k, v)| (k == c).then_some(v))
}

/// Whether a character is an Arabic-script letter or vowel sign.
pub(crate) fn is_arabic(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}
