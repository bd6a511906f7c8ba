//! Cyrillic to Latin, by language.
//!
//! One romanization per letter and language, chosen so that the spellings of the standards
//! that lists mix (BGN/PCGN, ICAO 9303, GOST 7.79 System B, ISO 9, German and French practice,
//! the Kazakh Latin alphabets) land on the same spelling-variant key (see `variant.rs`): the
//! table writes the BGN/PCGN form with diacritics removed, the key folds the rest.
//!
//! The language is guessed once per name from the letters only some alphabets have (see
//! [`Lang::detect`]); without such a letter a name is read as Russian.
//!
//! Data only, apart from the small lookup functions at the end.

/// A Cyrillic alphabet whose letters romanize differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lang {
    /// Russian, and any name without a letter of another alphabet.
    Russian,
    /// Ukrainian: є ї ґ, or і without Kazakh letters.
    Ukrainian,
    /// Belarusian: ў (without Uzbek letters).
    Belarusian,
    /// Kazakh: ә ғ қ ұ һ (and і).
    Kazakh,
    /// Kyrgyz and Mongolian: ң ө ү without Kazakh-only letters.
    Kyrgyz,
    /// Uzbek and Tajik: ҳ ҷ ӣ ӯ, or ў with қ ғ.
    UzbekTajik,
    /// Serbian: ђ ћ џ љ њ ј.
    Serbian,
    /// Macedonian: ѓ ќ ѕ.
    Macedonian,
}

impl Lang {
    /// Guesses the alphabet of a whole name from its distinctive letters.
    pub(crate) fn detect(text: &str) -> Lang {
        // One pass over the text notes which of the letters that tell the alphabets apart it
        // has (all in the Cyrillic block).
        const MARKERS: &[char] = &[
            'ҳ', 'ҷ', 'ӣ', 'ӯ', 'ў', 'қ', 'ғ', 'ә', 'ұ', 'һ', 'ң', 'ө', 'ү', 'ђ', 'ћ', 'џ', 'љ',
            'њ', 'ј', 'ѓ', 'ќ', 'ѕ', 'є', 'ї', 'ґ', 'і',
        ];
        let mut seen: u32 = 0;
        for c in text
            .chars()
            .filter(|c| ('\u{0400}'..='\u{04FF}').contains(c))
        {
            for l in c.to_lowercase() {
                if let Some(i) = MARKERS.iter().position(|&m| m == l) {
                    seen |= 1 << i;
                }
            }
        }
        let has = |set: &str| {
            set.chars().any(|l| {
                MARKERS
                    .iter()
                    .position(|&m| m == l)
                    .is_some_and(|i| seen & (1 << i) != 0)
            })
        };
        if has("ҳҷӣӯ") || (has("ў") && has("қғ")) {
            Lang::UzbekTajik
        } else if has("әғқұһ") {
            Lang::Kazakh
        } else if has("ңөү") {
            Lang::Kyrgyz
        } else if has("ђћџ") || (has("љњ") && has("ј")) {
            Lang::Serbian
        } else if has("ѓќѕ") {
            Lang::Macedonian
        } else if has("ў") {
            Lang::Belarusian
        } else if has("єїґ") {
            Lang::Ukrainian
        } else if has("і") {
            // і without ў: Ukrainian is by far the more frequent in list data.
            Lang::Ukrainian
        } else {
            Lang::Russian
        }
    }
}

/// Russian, BGN/PCGN 1947 (the system of OFAC, UK and UN spellings), diacritics dropped;
/// ъ and ь (” and ’) are dropped. ё is written yo as in GOST 7.79 System B and common practice
/// (Fyodor; BGN/PCGN ë loses its mark to e, which the key distance meets as a vowel change). The context rule "е → ye at the start of a word
/// and after a vowel" is applied by [`romanize_char`].
pub(crate) const RUSSIAN: &[(char, &str)] = &[
    ('а', "a"),
    ('б', "b"),
    ('в', "v"),
    ('г', "g"),
    ('д', "d"),
    ('е', "e"),
    ('ё', "yo"),
    ('ж', "zh"),
    ('з', "z"),
    ('и', "i"),
    ('й', "y"),
    ('к', "k"),
    ('л', "l"),
    ('м', "m"),
    ('н', "n"),
    ('о', "o"),
    ('п', "p"),
    ('р', "r"),
    ('с', "s"),
    ('т', "t"),
    ('у', "u"),
    ('ф', "f"),
    ('х', "kh"),
    ('ц', "ts"),
    ('ч', "ch"),
    ('ш', "sh"),
    ('щ', "shch"),
    ('ъ', ""),
    ('ы', "y"),
    ('ь', ""),
    ('э', "e"),
    ('ю', "yu"),
    ('я', "ya"),
    // Pre-1918 letters still seen in old names: і (as Ukrainian), ѣ → e, ѳ → f, ѵ → i.
    ('і', "i"),
    ('ѣ', "e"),
    ('ѳ', "f"),
    ('ѵ', "i"),
];

/// Ukrainian, the official system (Cabinet of Ministers resolution 55, 2010; BGN/PCGN 2019
/// agrees): г → h, ґ → g, и → y, і → i; є ї й ю я in their word-initial forms ye yi y yu ya
/// (the variant key folds the non-initial ie i i iu ia to the same).
pub(crate) const UKRAINIAN: &[(char, &str)] = &[
    ('г', "h"),
    ('ґ', "g"),
    ('е', "e"),
    ('є', "ye"),
    ('и', "y"),
    ('і', "i"),
    ('ї', "yi"),
    ('й', "y"),
    ('х', "kh"),
    ('щ', "shch"),
];

/// Belarusian, BGN/PCGN 1979 and the national system (2007, adopted by UNGEGN 2013):
/// г → h, і → i, ў → u (ŭ without its breve), ы → y, э → e.
pub(crate) const BELARUSIAN: &[(char, &str)] = &[('г', "h"), ('і', "i"), ('ў', "u")];

/// Kazakh, BGN/PCGN 1979 (confirmed 2019), diacritics dropped: ә ä → a, ғ → gh, қ → q,
/// ң → ng, ө ö → o, ұ → u, ү ü → u, һ → h, і → i, и ī → i, у ū → u. The Kazakh Latin alphabet
/// of 2021 (ğ, q, ñ, ū, ü, ı) reaches the same key: ğ → g and gh → g, ñ → n and ng are near.
pub(crate) const KAZAKH: &[(char, &str)] = &[
    ('ә', "a"),
    ('ғ', "gh"),
    ('қ', "q"),
    ('ң', "ng"),
    ('ө', "o"),
    ('ұ', "u"),
    ('ү', "u"),
    ('һ', "h"),
    ('і', "i"),
];

/// Kyrgyz, BGN/PCGN 1979: ж → j, ң → ng, ө → o, ү → u; Mongolian BGN/PCGN 1964 agrees on
/// these letters (ж → j, ө ö, ү ü).
pub(crate) const KYRGYZ: &[(char, &str)] = &[('ж', "j"), ('ң', "ng"), ('ө', "o"), ('ү', "u")];

/// Uzbek (BGN/PCGN 1979, and the Uzbek Latin alphabet of 1995: ў oʻ, қ q, ғ gʻ, ҳ h, ж j)
/// and Tajik (BGN/PCGN 1994: ғ gh, ӣ ī, қ q, ӯ ū, ҳ h, ҷ j).
pub(crate) const UZBEK_TAJIK: &[(char, &str)] = &[
    ('ў', "o"),
    ('қ', "q"),
    ('ғ', "gh"),
    ('ҳ', "h"),
    ('ҷ', "j"),
    ('ӣ', "i"),
    ('ӯ', "u"),
    ('ж', "j"),
];

/// Serbian: the Serbian Latin (Gaj) alphabet, the official second script of Serbia, with its
/// háček letters spelled as the Latin table spells them (ž → zh, č → ch, š → sh, dž → dzh),
/// so Cyrillic and Latin Serbian meet: ђ đ → dj, ј → j, љ → lj, њ → nj, ћ ć → c, ц → c,
/// х → h.
pub(crate) const SERBIAN: &[(char, &str)] = &[
    ('ђ', "dj"),
    ('ј', "j"),
    ('љ', "lj"),
    ('њ', "nj"),
    ('ћ', "c"),
    ('ц', "c"),
    ('џ', "dzh"),
    ('х', "h"),
];

/// Macedonian, the official romanization (2008; BGN/PCGN 2013): ѓ → gj, ќ → kj, ѕ → dz,
/// ј → j, љ → lj, њ → nj, џ → dzh, х → h, ц → c.
pub(crate) const MACEDONIAN: &[(char, &str)] = &[
    ('ѓ', "gj"),
    ('ќ', "kj"),
    ('ѕ', "dz"),
    ('ј', "j"),
    ('љ', "lj"),
    ('њ', "nj"),
    ('џ', "dzh"),
    ('х', "h"),
    ('ц', "c"),
];

/// Letters of other Cyrillic alphabets that the language tables above do not carry, in their
/// BGN/PCGN spelling: Tatar and Bashkir җ → zh, ҙ → dh, ҡ → q, ҫ → th, ӊ → ng; Chechen and
/// Caucasian palochka ӏ (dropped); Abkhaz and others via their base letter.
pub(crate) const OTHER: &[(char, &str)] = &[
    ('җ', "zh"),
    ('ҙ', "dh"),
    ('ҡ', "q"),
    ('ҫ', "th"),
    ('ӊ', "ng"),
    ('ӏ', ""),
    ('ӑ', "a"),
    ('ӗ', "e"),
    ('ҫ', "s"),
    ('ӳ', "u"),
    ('ӱ', "u"),
    ('ӧ', "o"),
    ('ӓ', "a"),
    ('ӹ', "y"),
    ('ҝ', "g"),
    ('ҹ', "j"),
    ('ә', "a"),
    ('ғ', "gh"),
    ('қ', "q"),
    ('ң', "ng"),
    ('ө', "o"),
    ('ұ', "u"),
    ('ү', "u"),
    ('һ', "h"),
    ('ў', "u"),
    ('є', "ye"),
    ('ї', "yi"),
    ('ґ', "g"),
    ('ђ', "dj"),
    ('ј', "j"),
    ('љ', "lj"),
    ('њ', "nj"),
    ('ћ', "c"),
    ('џ', "dz"),
    ('ѓ', "gj"),
    ('ќ', "kj"),
    ('ѕ', "dz"),
    ('ҷ', "j"),
    ('ҳ', "h"),
    ('ӣ', "i"),
    ('ӯ', "u"),
];

fn find(table: &[(char, &'static str)], c: char) -> Option<&'static str> {
    table.iter().find_map(|&(k, v)| (k == c).then_some(v))
}

/// Whether a lower-case Cyrillic letter is a vowel (for the BGN/PCGN е → ye rule).
fn is_vowel(c: char) -> bool {
    "аеёиоуыэюяіїєәөұүӣӯ".contains(c)
}

/// The Latin spelling of a lower-case Cyrillic letter in a language, `None` for a character
/// the tables do not know. `prev` is the previous lower-case letter of the word, if any.
pub(crate) fn romanize_char(c: char, prev: Option<char>, lang: Lang) -> Option<&'static str> {
    // BGN/PCGN 1947: е and ё are "ye" at the start of a word and after a vowel, й, ъ or ь.
    if matches!(c, 'е' | 'ё') && lang != Lang::Ukrainian && lang != Lang::Serbian {
        let initial = match prev {
            None => true,
            Some(p) => is_vowel(p) || matches!(p, 'й' | 'ъ' | 'ь'),
        };
        if initial {
            return Some("ye");
        }
    }
    let specific = match lang {
        Lang::Russian => None,
        Lang::Ukrainian => find(UKRAINIAN, c),
        Lang::Belarusian => find(BELARUSIAN, c),
        Lang::Kazakh => find(KAZAKH, c),
        Lang::Kyrgyz => find(KYRGYZ, c),
        Lang::UzbekTajik => find(UZBEK_TAJIK, c),
        Lang::Serbian => find(SERBIAN, c),
        Lang::Macedonian => find(MACEDONIAN, c),
    };
    specific
        .or_else(|| find(RUSSIAN, c))
        .or_else(|| find(OTHER, c))
}
