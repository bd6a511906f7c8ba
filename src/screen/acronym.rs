//! Acronyms that organization names carry in a closing parenthesis: `TEHRIK-E TALIBAN
//! PAKISTAN (TTP)`, `JAMAAT-UL-AHRAR (JuA)`. The lists give the acronym inside the name; other
//! lists and payment messages write it alone (`TTP`). An acronym stands for the name when its
//! letters are initials of the name's words, in order, from the first word.

/// The longest acronym taken, in bytes.
const MAX_ACRONYM: usize = 10;

/// The name without its acronym, and the acronym in its closing parenthesis, when the
/// acronym's letters are initials of the words before it (in order, starting with the first
/// word's).
///
/// ```text
/// KHATIBA IMAM AL-BUKHARI (KIB)        → KHATIBA IMAM AL-BUKHARI, KIB
/// JUND AL-KHILAFAH IN ALGERIA (JAK-A)  → JUND AL-KHILAFAH IN ALGERIA, JAK-A
/// AL-QAIDA (the base)                  → none: not an acronym
/// ```
pub(crate) fn split_acronym(name: &str) -> Option<(&str, &str)> {
    let name = name.trim();
    let body = name.strip_suffix(')')?;
    let open = body.rfind('(')?;
    let inner = body.get(open + 1..)?.trim();
    let main = body.get(..open)?;
    if inner.len() > MAX_ACRONYM
        || !inner
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '&'))
    {
        return None;
    }
    let letters: Vec<char> = inner
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let upper = inner.chars().filter(char::is_ascii_uppercase).count();
    if letters.len() < 2 || upper < 2 {
        return None;
    }
    let initials: Vec<char> = main
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if initials.first() != letters.first() {
        return None;
    }
    let mut rest = initials.iter();
    letters
        .iter()
        .all(|l| rest.any(|i| i == l))
        .then_some((main.trim(), inner))
}

#[cfg(test)]
mod tests {
    use super::split_acronym;

    fn acronym(name: &str) -> Option<&str> {
        split_acronym(name).map(|(_, a)| a)
    }

    #[test]
    fn acronyms_of_the_lists() {
        for (name, want) in [
            ("KHATIBA IMAM AL-BUKHARI (KIB)", Some("KIB")),
            ("JAMAAT-UL-AHRAR (JuA)", Some("JuA")),
            ("JUND AL-KHILAFAH IN ALGERIA (JAK-A)", Some("JAK-A")),
            ("TEHRIK-E TALIBAN PAKISTAN (TTP)", Some("TTP")),
            ("EASTERN TURKISTAN ISLAMIC MOVEMENT (ETIM)", Some("ETIM")),
            ("KOREAN NATIONAL INSURANCE COMPANY (KNIC)", Some("KNIC")),
            // Not initials of the name, not an acronym, or no parenthesis.
            ("AL-QAIDA (the base)", None),
            ("GOLDEN STAR CO (SG)", None),
            ("GOLDEN STAR CO (GS)", Some("GS")),
            ("SOME TRADING LLC (XYZ)", None),
            ("TTP", None),
            ("(TTP)", None),
        ] {
            assert_eq!(acronym(name), want, "{name}");
        }
        assert_eq!(
            split_acronym("TEHRIK-E TALIBAN PAKISTAN (TTP)").map(|(m, _)| m),
            Some("TEHRIK-E TALIBAN PAKISTAN")
        );
    }
}
