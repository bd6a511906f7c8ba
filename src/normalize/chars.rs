//! Character classes the tokenizer needs: invisible characters, apostrophes, word separators.

/// Characters with no visible form that evaders insert inside words, or that editors leave:
/// zero-width space and joiners, directional marks and embeddings, word joiner, invisible
/// operators, soft hyphen, byte-order mark, Mongolian vowel separator, variation selectors and
/// tag characters (Unicode general category Cf and the default-ignorable code points of
/// Unicode's DerivedCoreProperties.txt that matter in names).
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c as u32,
        0x00AD          // soft hyphen
        | 0x034F        // combining grapheme joiner
        | 0x061C        // Arabic letter mark
        | 0x115F | 0x1160 // Hangul fillers
        | 0x17B4 | 0x17B5 // Khmer inherent vowels
        | 0x180B..=0x180F // Mongolian free variation selectors and vowel separator
        | 0x200B..=0x200F // zero-width space, ZWNJ, ZWJ, LRM, RLM
        | 0x202A..=0x202E // bidi embeddings and overrides
        | 0x2060..=0x206F // word joiner, invisible operators, bidi isolates
        | 0x3164        // Hangul filler
        | 0xFE00..=0xFE0F // variation selectors
        | 0xFEFF        // byte-order mark, zero-width no-break space
        | 0xFFA0        // half-width Hangul filler
        | 0xFFF0..=0xFFF8
        | 0x1BCA0..=0x1BCA3 // shorthand format controls
        | 0x1D173..=0x1D17A // musical formatting
        | 0xE0000..=0xE0FFF // tags and variation selectors supplement
    )
}

/// Apostrophes and the letters that write the Arabic ʿayn and hamza in romanized names
/// (`O'Brien`, `Mish'an`, `Sa’d`, `ʿAbd`), the hard and soft signs of BGN/PCGN and ISO 9
/// (`”`, `ʺ`, `ʹ`) and the BGN/PCGN separator `·` (`t·s` for тс): inside a word they join its
/// letters; elsewhere they separate nothing.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '’'
            | '‘'
            | '‛'
            | '`'
            | '´'
            | 'ʹ'
            | 'ʻ'
            | 'ʼ'
            | 'ʽ'
            | 'ʾ'
            | 'ʿ'
            | '′'
            | '＇'
            | 'ˈ'
            | '·'
            | '”'
            | 'ʺ'
            | '″'
    )
}

/// Digits written for the letters they look like inside a word of letters (`R0SNEFT`,
/// `1NTERNATIONAL`, `GAZPR0MBANK`): the pairs of Unicode's confusables (UTS #39,
/// `confusables.txt`: 0 for O, 1 for I and l, 5 for S, 8 for B), and 3 for E, 4 for A and 7
/// for T by the same likeness of shape.
pub(crate) const DIGIT_LETTERS: &[(char, char)] = &[
    ('0', 'o'),
    ('1', 'i'),
    ('3', 'e'),
    ('4', 'a'),
    ('5', 's'),
    ('7', 't'),
    ('8', 'b'),
];

/// The letter a digit stands for inside a word of letters (see [`DIGIT_LETTERS`]).
pub(crate) fn letter_of_digit(c: char) -> Option<char> {
    DIGIT_LETTERS
        .iter()
        .find(|(d, _)| *d == c)
        .map(|&(_, letter)| letter)
}

/// Articles and prepositions that French, Italian and Maltese write elided before a vowel,
/// joined to the next word by an apostrophe (`Forces de l'ordre`, `d'Iran`, `Comando
/// missilistico dell'aeronautica`, Maltese `f'Lorestan`), with the word each stands for when
/// it is a function word of names (`d'` for `de`, see `score::generic_words`), else `None`:
/// the article is left out. French elides the articles `le` and `la` and the preposition `de`
/// before a vowel or a mute `h` (Bescherelle, *L'élision*); Italian the articles `lo` and `la`,
/// alone and in the articulated prepositions (`dell'`, `dall'`, `all'`, `nell'`, `sull'`),
/// and the preposition `di` (R. Fornaciari, *Grammatica italiana*, 1879, "L'elisione" §3–4);
/// Maltese writes `fi` (in) as `f'` before a vowel, as the EU file's Maltese aliases do
/// (`f’Lorestan`, `f’Gilan`). The elisions that also begin names glued by an apostrophe are
/// left out: French `m'`, `n'`, `qu'` (`M'hamed`, `N'Diaye`, `Qu'ran`) and Maltese `b'`, `t'`
/// (McCune–Reischauer `T'aek`).
pub(crate) const ELISIONS: &[(&str, Option<&str>)] = &[
    ("l", None),
    ("d", Some("de")),
    ("dell", None),
    ("dall", None),
    ("all", None),
    ("nell", None),
    ("sull", None),
    ("f", None),
];

/// The apostrophes that write an elision: ASCII, the typographic right and left quotes, the
/// modifier letter apostrophe, the grave and acute accents and the full-width apostrophe
/// (not the letters of the ʿayn and hamza, nor the hard and soft signs).
pub(crate) fn is_elision_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´' | '＇')
}

/// The elided article or preposition a word before an apostrophe is, if one (see
/// [`ELISIONS`]), with the function word it stands for.
pub(crate) fn elision(word: &str) -> Option<Option<&'static str>> {
    ELISIONS
        .iter()
        .find(|(e, _)| e.eq_ignore_ascii_case(word))
        .map(|&(_, full)| full)
}
