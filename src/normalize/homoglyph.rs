//! Look-alike letters across Latin, Cyrillic and Greek.
//!
//! Evaders write `Kаzstanex` with a Cyrillic `а`, and careless data entry mixes the scripts
//! (`Гaгaрин` with Latin `a`). A word whose letters are mostly of one script has its
//! minority-script letters folded to their look-alike in the majority script, before
//! transliteration. The pairs are the confusables of Unicode Technical Standard #39
//! (`confusables.txt`, "Latin/Cyrillic/Greek whole-script confusables") restricted to letters
//! that look the same in common fonts, in both cases.

use crate::model::Script;

/// Cyrillic letter, Latin look-alike (UTS #39 confusables).
const CYRILLIC_LATIN: &[(char, char)] = &[
    ('а', 'a'),
    ('А', 'A'),
    ('В', 'B'),
    ('в', 'b'),
    ('с', 'c'),
    ('С', 'C'),
    ('е', 'e'),
    ('Е', 'E'),
    ('һ', 'h'),
    ('Һ', 'H'),
    ('Н', 'H'),
    ('і', 'i'),
    ('І', 'I'),
    ('ј', 'j'),
    ('Ј', 'J'),
    ('К', 'K'),
    ('к', 'k'),
    ('М', 'M'),
    ('о', 'o'),
    ('О', 'O'),
    ('р', 'p'),
    ('Р', 'P'),
    ('ԛ', 'q'),
    ('Ԛ', 'Q'),
    ('ѕ', 's'),
    ('Ѕ', 'S'),
    ('Т', 'T'),
    ('т', 't'),
    ('у', 'y'),
    ('У', 'Y'),
    ('х', 'x'),
    ('Х', 'X'),
    ('ԝ', 'w'),
    ('Ԝ', 'W'),
    ('ԁ', 'd'),
    ('Ү', 'Y'),
    ('ү', 'y'),
    ('Ӏ', 'I'),
    ('ӏ', 'l'),
    ('Ԍ', 'G'),
    ('ɡ', 'g'),
];

/// Greek letter, Latin look-alike (UTS #39 confusables).
const GREEK_LATIN: &[(char, char)] = &[
    ('Α', 'A'),
    ('Β', 'B'),
    ('Ε', 'E'),
    ('Ζ', 'Z'),
    ('Η', 'H'),
    ('Ι', 'I'),
    ('Κ', 'K'),
    ('Μ', 'M'),
    ('Ν', 'N'),
    ('Ο', 'O'),
    ('ο', 'o'),
    ('Ρ', 'P'),
    ('ρ', 'p'),
    ('Τ', 'T'),
    ('Υ', 'Y'),
    ('υ', 'u'),
    ('Χ', 'X'),
    ('ι', 'i'),
    ('ν', 'v'),
    ('κ', 'k'),
    ('α', 'a'),
];

/// Greek letter, Cyrillic look-alike (UTS #39 confusables).
const GREEK_CYRILLIC: &[(char, char)] = &[
    ('Α', 'А'),
    ('Β', 'В'),
    ('Ε', 'Е'),
    ('Η', 'Н'),
    ('Κ', 'К'),
    ('Μ', 'М'),
    ('Ο', 'О'),
    ('ο', 'о'),
    ('Ρ', 'Р'),
    ('ρ', 'р'),
    ('Τ', 'Т'),
    ('Χ', 'Х'),
    ('α', 'а'),
    ('Φ', 'Ф'),
    ('Π', 'П'),
    ('Γ', 'Г'),
];

fn lookup(table: &[(char, char)], c: char, reverse: bool) -> Option<char> {
    table.iter().find_map(|&(a, b)| {
        if reverse {
            (b == c).then_some(a)
        } else {
            (a == c).then_some(b)
        }
    })
}

/// The look-alike of `c` in `target`, if `c` is a letter of another of the three scripts that
/// has one.
pub(crate) fn fold_to(c: char, target: Script) -> Option<char> {
    match target {
        Script::Latin => lookup(CYRILLIC_LATIN, c, false).or_else(|| lookup(GREEK_LATIN, c, false)),
        Script::Cyrillic => {
            lookup(CYRILLIC_LATIN, c, true).or_else(|| lookup(GREEK_CYRILLIC, c, false))
        }
        Script::Greek => lookup(GREEK_LATIN, c, true).or_else(|| lookup(GREEK_CYRILLIC, c, true)),
        _ => None,
    }
}

/// The script a mixed Latin/Cyrillic/Greek word is read in: the one script of the word into
/// which all its other letters fold (`GАZРRОМВАNК`, Cyrillic А Р О М В А К among Latin G Z R
/// N, is Latin even though most of its letters are Cyrillic: an evader replaces as many letters
/// as have look-alikes, and a Cyrillic word has no Latin G). When no script or more than one
/// takes all the others, the majority ([`majority_script`]).
pub(crate) fn fold_script(word: &str, tie: Option<Script>) -> Option<Script> {
    let majority = majority_script(word, tie)?;
    let mut takes_all = [Script::Latin, Script::Cyrillic, Script::Greek]
        .into_iter()
        .filter(|&target| {
            let mut present = false;
            let all_fold = word.chars().all(|c| match crate::normalize::script_of(c) {
                Some(s) if s == target => {
                    present = true;
                    true
                }
                Some(Script::Latin | Script::Cyrillic | Script::Greek) => {
                    fold_to(c, target).is_some()
                }
                _ => true,
            });
            present && all_fold
        });
    match (takes_all.next(), takes_all.next()) {
        (Some(only), None) => Some(only),
        _ => Some(majority),
    }
}

/// The script a mixed Latin/Cyrillic/Greek word is written in: the one most of its letters
/// belong to; on a tie, `tie` if it is one of the tied scripts, else Latin. `None` when the
/// word has letters of at most one script, or of other scripts.
pub(crate) fn majority_script(word: &str, tie: Option<Script>) -> Option<Script> {
    let (mut latin, mut cyrillic, mut greek) = (0usize, 0usize, 0usize);
    for c in word.chars() {
        match crate::normalize::script_of(c) {
            Some(Script::Latin) => latin += 1,
            Some(Script::Cyrillic) => cyrillic += 1,
            Some(Script::Greek) => greek += 1,
            Some(_) => return None,
            None => {}
        }
    }
    let scripts = [latin, cyrillic, greek].iter().filter(|&&n| n > 0).count();
    if scripts < 2 {
        return None;
    }
    let top = latin.max(cyrillic).max(greek);
    let count = |s: Script| match s {
        Script::Latin => latin,
        Script::Cyrillic => cyrillic,
        Script::Greek => greek,
        _ => 0,
    };
    if let Some(t) = tie.filter(|&t| count(t) == top) {
        return Some(t);
    }
    Some(if latin >= cyrillic && latin >= greek {
        Script::Latin
    } else if cyrillic >= greek {
        Script::Cyrillic
    } else {
        Script::Greek
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn majority_and_fold() {
        // "Kazstanex" with a Cyrillic "а" (U+0430) in the middle.
        let word = "Kaz\u{0441}tanex";
        assert_eq!(majority_script(word, None), Some(Script::Latin));
        assert_eq!(fold_to('\u{0441}', Script::Latin), Some('c'));
        // "Гагарин" with Latin "a" letters.
        assert_eq!(majority_script("Гaгaрин", None), Some(Script::Cyrillic));
        // A tie takes the script of the name: "OН" (Latin O, Cyrillic Н) in a Cyrillic text.
        assert_eq!(
            majority_script("O\u{041d}", Some(Script::Cyrillic)),
            Some(Script::Cyrillic)
        );
        assert_eq!(fold_to('a', Script::Cyrillic), Some('а'));
        assert_eq!(majority_script("Kazstanex", None), None);
    }
}
