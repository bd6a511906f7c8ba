//! Hangul syllables to Latin, as the lists write Korean names.
//!
//! Most Korean names on the sanctions lists are North Korean, and the UN, OFAC, EU and UK
//! write them in the DPRK's own romanization (the 1992 national system, close to
//! McCune-Reischauer without its breves and apostrophes): `Kim Jong Un` (김정은), `Ri Pyong
//! Chol` (리병철), `Jang Song Thaek` (장성택), `Choe Ryong Hae` (최룡해). The table follows it,
//! with two simplifications for the key: ㅋ k and ㅍ p (not kh, ph, which the spelling-variant
//! key would read as х and f). ㄹ at the start of a syllable is r (DPRK practice: Ri, Ryong);
//! ㅓ and ㅕ (ŏ, yŏ) are o and yo, ㅡ (ŭ) is u. Revised Romanization spellings (`Gim Jeong-eun`)
//! meet these through the key's cheap pairs (g/k, j/ch) and its vowel costs.
//!
//! A syllable is decomposed arithmetically (Unicode §3.12, Hangul syllable decomposition):
//! `S - 0xAC00 = (L × 21 + V) × 28 + T`.
//!
//! Data only, apart from the decomposition.

/// Leading consonants (choseong), in Unicode order.
const INITIALS: [&str; 19] = [
    "k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
    "h",
];

/// Vowels (jungseong), in Unicode order.
const VOWELS: [&str; 21] = [
    "a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "u", "ui", "i",
];

/// Trailing consonants (jongseong), in Unicode order; the first is none.
const FINALS: [&str; 28] = [
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
    "s", "t", "ng", "t", "t", "k", "t", "p", "h",
];

/// The first and last precomposed Hangul syllables.
const FIRST: u32 = 0xAC00;
const LAST: u32 = 0xD7A3;

/// Whether a character is a precomposed Hangul syllable.
pub(crate) fn is_syllable(c: char) -> bool {
    (FIRST..=LAST).contains(&u32::from(c))
}

/// Appends the romanization of a Hangul syllable; returns false for any other character.
pub(crate) fn romanize_syllable(c: char, out: &mut String) -> bool {
    if !is_syllable(c) {
        return false;
    }
    let s = (u32::from(c) - FIRST) as usize;
    let (l, v, t) = (s / (21 * 28), (s % (21 * 28)) / 28, s % 28);
    for part in [INITIALS.get(l), VOWELS.get(v), FINALS.get(t)]
        .into_iter()
        .flatten()
    {
        out.push_str(part);
    }
    true
}

#[cfg(test)]
mod tests {
    use crate::normalize::translit::{Lang, romanize_word};

    fn rom(s: &str) -> String {
        s.chars()
            .map(|c| {
                let mut out = String::new();
                romanize_word(&c.to_string(), Lang::Russian, &mut out);
                out
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn dprk_names_as_the_lists_write_them() {
        // (Hangul, the spelling of the UN and OFAC lists, lower case, syllable by syllable)
        for (hangul, latin) in [
            ("김정은", "kim jong un"),
            ("리병철", "ri pyong chol"),
            ("최룡해", "choe ryong hae"),
            ("박봉주", "pak pong ju"),
            ("김여정", "kim yo jong"),
            ("장성택", "jang song taek"),
        ] {
            assert_eq!(rom(hangul), latin, "{hangul}");
        }
    }
}
