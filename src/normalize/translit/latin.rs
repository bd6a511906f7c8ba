//! Latin letters that Unicode decomposition does not reduce to ASCII, and letters whose
//! language gives them a spelling of their own.
//!
//! Applied to lower-case letters before marks are stripped, so that `ß` becomes `ss` and `ø`
//! becomes `o` rather than vanishing. German umlauts are stripped to their base letter here
//! (`Müller` → `muller`); the German practice `Mueller` is one cheap vowel insertion away in
//! the key distance (BGN/PCGN Roman-script spelling convention for German,
//! 2000: Ä Ö Ü → AE OE UE; ICAO 9303 machine-readable zone: the same).
//!
//! Data only; the logic is in `translit/mod.rs`.

/// Lower-case letter, ASCII spelling.
pub(crate) const SPECIAL: &[(char, &str)] = &[
    // German: ß is "ss" (Duden; ICAO 9303 MRZ writes SS).
    ('ß', "ss"),
    ('ẞ', "ss"),
    // Danish and Norwegian ø, æ; French and Latin œ (ICAO 9303 transliteration table: Ø → OE,
    // Æ → AE, Œ → OE; the base-letter spelling "o" is what lists write, and the variant key
    // folds "oe" to "o").
    ('ø', "o"),
    ('æ', "ae"),
    ('œ', "oe"),
    // Polish ł, Croatian/Vietnamese đ, Icelandic ð and þ (ICAO 9303: Ł → L, Đ → D, Ð → D,
    // Þ → TH).
    ('ł', "l"),
    ('đ', "d"),
    ('ð', "d"),
    ('þ', "th"),
    // Turkish and Azerbaijani dotless ı is "i" (Turkish alphabet; ICAO practice on Turkish
    // passports). Dotted İ lower-cases to "i" plus a combining dot, which mark stripping drops.
    ('ı', "i"),
    // Azerbaijani and Tatar schwa ə: names like Əliyev are Aliyev in Latin lists (Azerbaijani
    // passport practice).
    ('ə', "a"),
    ('ǝ', "a"),
    // Letters with a háček or a dot that write ш, ч, ж, щ in ISO 9:1995 and GOST 7.79
    // System A, in the Czech, Slovak, Slovene, Croatian, Lithuanian and Latvian spellings of
    // Russian names that the EU file gives (Jevgenij Prigožin), and Polish ż: spelled as the
    // BGN/PCGN digraphs so that both meet (the ASCII forms s, c, z that lists also write meet
    // them through the key distance's cheap pairs).
    ('š', "sh"),
    ('č', "ch"),
    ('ž', "zh"),
    ('ŝ', "shch"),
    ('ż', "zh"),
    ('ǆ', "dzh"),
    ('ǅ', "dzh"),
    // Sami and IPA letters that appear in names.
    ('ŋ', "ng"),
    ('ħ', "h"),
    ('ĸ', "k"),
    ('ſ', "s"),
    ('ƒ', "f"),
    ('ȷ', "j"),
    ('ɨ', "i"),
    ('ʃ', "sh"),
    ('ʒ', "zh"),
];

/// The ASCII spelling of a special Latin letter, if it is one.
pub(crate) fn special(c: char) -> Option<&'static str> {
    SPECIAL.iter().find_map(|&(k, v)| (k == c).then_some(v))
}
