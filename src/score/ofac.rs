//! An OFAC-style score beside the crate's own, so that a team can show an auditor where the
//! crate's judgement differs from the regulator's tool.
//!
//! OFAC describes its Sanctions List Search score in FAQ 249 (ofac.treasury.gov/faqs/249):
//! Jaro-Winkler on the whole name entered against whole list names; and the name split into
//! parts, each part compared with the list name's parts by Jaro-Winkler and Soundex, giving a
//! score per part and a composite score; the higher of the two techniques is the score. The
//! FAQ does not give the composite or how Soundex enters it; here, as documented on
//! [`ofac_score`]: a part scores its best Jaro-Winkler similarity with a list part, raised to
//! [`SOUNDEX_PART_SCORE`] when the two sound alike by Soundex, and the composite is the mean
//! over the parts entered. Like the regulator's tool, the comparison is on the letters as
//! written (upper case, marks removed, punctuation ignored): it does not transliterate, so a
//! Cyrillic query meets no Latin name, and words of two letters or fewer are left out of the
//! part comparison (OFAC's FAQ 250 notes the tool ignores them).
//!
//! ```
//! let screener = sanctions::Screener::demo()?;
//! let m = &screener.screen("Евгений Пригожин")[0];
//! // The crate transliterates; the regulator's technique sees no common letter.
//! assert_eq!(m.score().value(), 1.0);
//! assert!(m.ofac_score().value() < 0.5);
//! # Ok::<(), sanctions::Error>(())
//! ```

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The score of a name part that sounds like a list part by Soundex, unless its Jaro-Winkler
/// similarity is higher.
///
/// ```
/// use sanctions::{ofac_score, score::ofac::SOUNDEX_PART_SCORE};
///
/// // Jaro-Winkler says less, but both sound alike by Soundex (M530).
/// assert_eq!(ofac_score("Mohamed", "MUHAMMAD"), SOUNDEX_PART_SCORE);
/// ```
pub const SOUNDEX_PART_SCORE: f32 = 0.9;

/// The OFAC-style score of a query name against a list name, in [0, 1] (see the module
/// documentation).
///
/// ```
/// let s = sanctions::ofac_score("Yevgeniy Prigozhin", "PRIGOZHIN, Yevgeniy Viktorovich");
/// assert!(s > 0.8);
/// // The regulator's tool does not transliterate.
/// assert!(sanctions::ofac_score("Евгений Пригожин", "PRIGOZHIN, Yevgeniy") < 0.5);
/// ```
pub fn ofac_score(query: &str, candidate: &str) -> f32 {
    let q = fold(query);
    let c = fold(candidate);
    if q.is_empty() || c.is_empty() {
        return 0.0;
    }
    let whole = jaro_winkler(&q.join(" "), &c.join(" "));
    let parts: Vec<&String> = q.iter().filter(|p| p.chars().count() > 2).collect();
    let c_parts: Vec<&String> = c.iter().filter(|p| p.chars().count() > 2).collect();
    let composite = if parts.is_empty() || c_parts.is_empty() {
        0.0
    } else {
        let sum: f32 = parts
            .iter()
            .map(|p| {
                c_parts
                    .iter()
                    .map(|cp| {
                        let jw = jaro_winkler(p, cp);
                        if soundex(p).is_some() && soundex(p) == soundex(cp) {
                            jw.max(SOUNDEX_PART_SCORE)
                        } else {
                            jw
                        }
                    })
                    .fold(0.0, f32::max)
            })
            .sum();
        sum / parts.len() as f32
    };
    whole.max(composite).clamp(0.0, 1.0)
}

/// The most characters of a name the score looks at: Jaro-Winkler is quadratic, and no
/// listed name is this long.
const MAX_CHARS: usize = 256;

/// Upper case, marks removed, words split on anything that is not a letter or digit.
fn fold(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    for c in text
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .take(MAX_CHARS)
    {
        if c.is_alphanumeric() {
            word.extend(c.to_uppercase());
        } else if c == '\'' || c == '’' {
            // Apostrophes join (O'Brien, Sa'id), as the tool's punctuation handling does.
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Jaro-Winkler similarity (Winkler 1990) with the usual prefix scale 0.1 over at most four
/// characters.
pub(crate) fn jaro_winkler(a: &str, b: &str) -> f32 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let jaro = jaro(&a, &b);
    let prefix = a.iter().zip(&b).take(4).take_while(|(x, y)| x == y).count();
    jaro + prefix as f32 * 0.1 * (1.0 - jaro)
}

fn jaro(a: &[char], b: &[char]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut b_used = vec![false; b.len()];
    let mut a_matched: Vec<char> = Vec::with_capacity(a.len());
    for (i, &ca) in a.iter().enumerate() {
        let lo = i.saturating_sub(window);
        let hi = (i + window + 1).min(b.len());
        for j in lo..hi {
            if let (Some(&cb), Some(used)) = (b.get(j), b_used.get_mut(j)) {
                if !*used && cb == ca {
                    *used = true;
                    a_matched.push(ca);
                    break;
                }
            }
        }
    }
    let m = a_matched.len();
    if m == 0 {
        return 0.0;
    }
    let b_matched = b.iter().zip(&b_used).filter(|(_, u)| **u).map(|(c, _)| *c);
    let transpositions = a_matched
        .iter()
        .zip(b_matched)
        .filter(|(x, y)| **x != *y)
        .count()
        / 2;
    let m = m as f32;
    (m / a.len() as f32 + m / b.len() as f32 + (m - transpositions as f32) / m) / 3.0
}

/// American Soundex (the US National Archives rules): the first letter and three digits;
/// `None` for a word that does not start with a Latin letter.
pub(crate) fn soundex(word: &str) -> Option<[u8; 4]> {
    let code = |c: u8| match c {
        b'B' | b'F' | b'P' | b'V' => b'1',
        b'C' | b'G' | b'J' | b'K' | b'Q' | b'S' | b'X' | b'Z' => b'2',
        b'D' | b'T' => b'3',
        b'L' => b'4',
        b'M' | b'N' => b'5',
        b'R' => b'6',
        // Vowels, and H and W (which do not separate equal codes), have none.
        _ => b'0',
    };
    let mut letters = word.bytes().filter(u8::is_ascii_uppercase);
    let first = letters.next()?;
    let mut out = [first, b'0', b'0', b'0'];
    let mut n = 1;
    let mut last = code(first);
    for c in letters {
        let d = code(c);
        if d != b'0' && d != last {
            if let Some(slot) = out.get_mut(n) {
                *slot = d;
            }
            n += 1;
            if n == 4 {
                break;
            }
        }
        // H and W keep the previous code; vowels reset it.
        if c != b'H' && c != b'W' {
            last = d;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jaro_winkler_reference_values() {
        // Winkler's examples, as given in the literature.
        for (a, b, want) in [
            ("MARTHA", "MARHTA", 0.961),
            ("DWAYNE", "DUANE", 0.84),
            ("DIXON", "DICKSONX", 0.813),
        ] {
            let got = jaro_winkler(a, b);
            assert!((got - want).abs() < 0.001, "{a} {b}: {got}");
        }
        assert_eq!(jaro_winkler("ABC", "ABC"), 1.0);
        assert_eq!(jaro_winkler("ABC", "XYZ"), 0.0);
    }

    #[test]
    fn soundex_reference_codes() {
        // The National Archives' examples.
        for (w, want) in [
            ("ROBERT", "R163"),
            ("RUPERT", "R163"),
            ("RUBIN", "R150"),
            ("ASHCRAFT", "A261"),
            ("TYMCZAK", "T522"),
            ("PFISTER", "P236"),
        ] {
            let got = soundex(w).map(|c| String::from_utf8_lossy(&c).into_owned());
            assert_eq!(got.as_deref(), Some(want), "{w}");
        }
        assert_eq!(soundex("123"), None);
    }

    #[test]
    fn the_higher_technique_wins_and_scripts_do_not_meet() {
        let s = ofac_score("Prigozhin Yevgeniy", "PRIGOZHIN, Yevgeniy Viktorovich");
        assert!(s > 0.9, "{s}");
        // Word order: the part technique keeps the score.
        let s = ofac_score("Yevgeniy Prigozhin", "PRIGOZHIN, Yevgeniy");
        assert!(s > 0.95, "{s}");
        assert!(ofac_score("Евгений Пригожин", "PRIGOZHIN, Yevgeniy") < 0.5);
        assert_eq!(ofac_score("", "X"), 0.0);
    }

    #[test]
    fn long_input_is_bounded() {
        let long = "ABCDEFGH ".repeat(100_000);
        let start = std::time::Instant::now();
        let s = ofac_score(&long, "ABCDEFGH");
        assert!(s > 0.0);
        assert!(start.elapsed().as_secs() < 2);
    }
}
