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
