//! Field parsers shared by the readers: dates as lists write them, countries to ISO codes,
//! identifier labels to kinds, and the Windows-1252 decoding of the legacy UK file.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::countries::COUNTRIES;
use crate::model::{BirthDate, IdentifierKind, PartialDate};

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Parses a date as lists write it, into a birth-date specification.
///
/// Accepted: `1961`, `1961-06`, `1961-06-01` (and a `T...` time after it), `01/06/1961`
/// and `01.06.1961` (day first, `00` or `dd`/`mm` for unknown parts), `01 Jun 1961`,
/// `1 June 1961`, `Jun 1961`, `circa 1961` (`c.`, `ca.`, `approximately`, `approx.`),
/// `1960 to 1962`, `between 1960 and 1962`, `1960-1962`. Anything else is `None`.
pub(crate) fn parse_birth_date(text: &str) -> Option<BirthDate> {
    let t = text.trim().trim_end_matches('.').trim();
    if t.is_empty() {
        return None;
    }
    let lower = t.to_ascii_lowercase();
    for prefix in [
        "circa ",
        "circa",
        "approximately ",
        "approx. ",
        "approx ",
        "ca. ",
        "ca ",
        "c. ",
        "c.",
        "about ",
    ] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            let rest_orig = t.get(t.len() - rest.len()..)?;
            return parse_partial_date(rest_orig).map(|circa| BirthDate::Circa { circa });
        }
    }
    let body = lower.strip_prefix("between ").unwrap_or(&lower);
    for sep in [" and ", " to ", " - ", " – ", "-", "–"] {
        if let Some((a, b)) = body.split_once(sep) {
            let (a, b) = (a.trim(), b.trim());
            // `1961-06` is a month, not a range: a range needs a year on both sides.
            if sep == "-" && (a.len() != 4 || b.len() != 4) {
                continue;
            }
            if let (Some(from), Some(to)) = (parse_partial_date(a), parse_partial_date(b)) {
                if from <= to {
                    return Some(BirthDate::Between { from, to });
                }
                return None;
            }
        }
    }
    parse_partial_date(t).map(BirthDate::On)
}

/// Parses one (partial) date in the forms [`parse_birth_date`] accepts, without qualifiers.
pub(crate) fn parse_partial_date(text: &str) -> Option<PartialDate> {
    let t = text.trim();
    let t = t.split_once('T').map_or(t, |(d, _)| d);
    if let Some(d) = PartialDate::parse_iso(t) {
        return Some(d);
    }
    // Day-first numeric forms, with `00`/`dd`/`mm` for unknown parts.
    for sep in ['/', '.', '-'] {
        // The first parts, and whether there are more than three.
        let mut split = t.split(sep).map(str::trim);
        let parts = [split.next(), split.next(), split.next(), split.next()];
        if let [Some(d), Some(m), Some(y), None] = parts {
            if y.len() == 4 {
                let year = y.parse::<u16>().ok()?;
                let month = unknown_or(m)?;
                let day = if month.is_none() {
                    None
                } else {
                    unknown_or(d)?
                };
                return PartialDate::new(year, month, day);
            }
        }
        if let [Some(m), Some(y), None, None] = parts {
            if y.len() == 4 && m.len() <= 2 {
                let year = y.parse::<u16>().ok()?;
                return PartialDate::new(year, unknown_or(m)?, None);
            }
        }
    }
    // Month names: `01 Jun 1961`, `Jun 1961`, `June 1, 1961`.
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let month_of = |w: &str| {
        let w = w.to_ascii_lowercase();
        let w = w.trim_end_matches('.');
        MONTHS
            .iter()
            .position(|m| w.len() >= 3 && m.starts_with(w.get(..3).unwrap_or("")) && full_month(w))
            .map(|i| i as u8 + 1)
    };
    match words.as_slice() {
        [d, m, y] if y.len() == 4 => {
            let year = y.parse::<u16>().ok()?;
            if let Some(month) = month_of(m) {
                return PartialDate::new(year, Some(month), unknown_or(d)?);
            }
            if let Some(month) = month_of(d) {
                return PartialDate::new(year, Some(month), unknown_or(m)?);
            }
            None
        }
        [m, y] if y.len() == 4 => {
            let year = y.parse::<u16>().ok()?;
            PartialDate::new(year, Some(month_of(m)?), None)
        }
        _ => None,
    }
}

/// A month name or its three-letter abbreviation.
fn full_month(w: &str) -> bool {
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    w.len() == 3 || FULL.contains(&w) || w == "sept"
}

/// A day or month number; `Some(None)` for an unknown part (`00`, `0`, `dd`, `mm`, `xx`).
fn unknown_or(part: &str) -> Option<Option<u8>> {
    let p = part.trim();
    if p.is_empty() || ["dd", "mm", "xx"].iter().any(|u| p.eq_ignore_ascii_case(u)) {
        return Some(None);
    }
    let n = p.parse::<u8>().ok()?;
    Some(if n == 0 { None } else { Some(n) })
}

/// The ISO 3166-1 alpha-2 code of a country written as a code or a name, as lists write
/// them (`KZ`, `KAZ`, `Kazakhstan`, `Russian Federation`, `Iran (Islamic Republic of)`).
pub(crate) fn country_code(text: &str) -> Option<&'static str> {
    let t = text.trim().trim_end_matches('.');
    if t.is_empty() {
        return None;
    }
    country_table().get(&country_key(t)).copied()
}

/// Codes and names, reduced by [`country_key`], to alpha-2 codes; built once.
fn country_table() -> &'static FxHashMap<String, &'static str> {
    static TABLE: OnceLock<FxHashMap<String, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = FxHashMap::default();
        for entry in COUNTRIES {
            for name in entry.names {
                map.entry(country_key(name)).or_insert(entry.alpha2);
            }
        }
        // Codes win over names (`IN` is India, never the word "in").
        for entry in COUNTRIES {
            map.insert(country_key(entry.alpha2), entry.alpha2);
            map.insert(country_key(entry.alpha3), entry.alpha2);
        }
        map
    })
}

/// A country name reduced for comparison: lower case ASCII letters and spaces only.
fn country_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            for l in c.to_lowercase() {
                out.push(l);
            }
        } else {
            space = true;
        }
    }
    out
}

/// The kind of an identifier from the label a list gives it (`Passport`, `National ID No.`,
/// `Tax ID No.`, `SWIFT/BIC`, `Vessel Registration Identification`, `Digital Currency Address
/// - XBT`, `INN`, `OGRN`, ...).
pub(crate) fn identifier_kind(label: &str) -> IdentifierKind {
    let l = label.to_ascii_lowercase();
    // Whole words (or word starts for the long ones), so that `Argentina` is no `tin`.
    let words: Vec<&str> = l
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| {
        if w.contains(' ') || w.contains('.') {
            l.contains(w)
        } else if w.len() <= 4 {
            words.contains(&w)
        } else {
            words.iter().any(|x| x.starts_with(w))
        }
    };
    if has("digital currency") || has("crypto") || has("wallet") {
        IdentifierKind::Crypto
    } else if has("swift") || has("bic") {
        IdentifierKind::Bic
    } else if has("imo") || has("vessel registration") {
        IdentifierKind::Imo
    } else if has("passport") {
        IdentifierKind::Passport
    } else if has("tax")
        || has("inn")
        || has("tin")
        || has("vat")
        || has("kpp")
        || has("ruc")
        || has("rfc")
        || has("nit")
        || has("cuit")
    {
        IdentifierKind::TaxId
    } else if has("registration")
        || has("ogrn")
        || has("company number")
        || has("business number")
        || has("legal entity number")
        || has("bin")
        || has("okpo")
    {
        IdentifierKind::Registration
    } else if has("national")
        || has("identity")
        || has("identification")
        || has("id card")
        || has("cedula")
        || has("c.u.r.p")
        || has("curp")
        || has("personal")
        || has("ssn")
    {
        IdentifierKind::NationalId
    } else {
        IdentifierKind::Other
    }
}

/// Decodes Windows-1252 bytes (the legacy UK ConList.csv) into text. The five bytes the code
/// page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 controls, as the WHATWG
/// Encoding Standard does.
pub(crate) fn decode_cp1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => HIGH
                .get(usize::from(b - 0x80))
                .copied()
                .unwrap_or('\u{fffd}'),
            _ => char::from(b),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn dates_in_list_forms() {
        assert_eq!(
            parse_birth_date("1961-06-01"),
            Some(BirthDate::On(d("1961-06-01")))
        );
        assert_eq!(
            parse_birth_date("1961-06-01T00:00:00"),
            Some(BirthDate::On(d("1961-06-01")))
        );
        assert_eq!(
            parse_birth_date("01/06/1961"),
            Some(BirthDate::On(d("1961-06-01")))
        );
        assert_eq!(
            parse_birth_date("00/06/1961"),
            Some(BirthDate::On(d("1961-06")))
        );
        assert_eq!(
            parse_birth_date("00/00/1961"),
            Some(BirthDate::On(d("1961")))
        );
        assert_eq!(
            parse_birth_date("dd/mm/1961"),
            Some(BirthDate::On(d("1961")))
        );
        assert_eq!(
            parse_birth_date("01 Jun 1961"),
            Some(BirthDate::On(d("1961-06-01")))
        );
        assert_eq!(
            parse_birth_date("1 June 1961"),
            Some(BirthDate::On(d("1961-06-01")))
        );
        assert_eq!(
            parse_birth_date("Jun 1961"),
            Some(BirthDate::On(d("1961-06")))
        );
        assert_eq!(
            parse_birth_date("circa 1961"),
            Some(BirthDate::Circa { circa: d("1961") })
        );
        assert_eq!(
            parse_birth_date("Circa 1961"),
            Some(BirthDate::Circa { circa: d("1961") })
        );
        assert_eq!(
            parse_birth_date("approximately 1961"),
            Some(BirthDate::Circa { circa: d("1961") })
        );
        let range = Some(BirthDate::Between {
            from: d("1960"),
            to: d("1962"),
        });
        assert_eq!(parse_birth_date("1960 to 1962"), range);
        assert_eq!(parse_birth_date("Between 1960 and 1962"), range);
        assert_eq!(parse_birth_date("1960-1962"), range);
        assert_eq!(parse_birth_date("1962 to 1960"), None);
        assert_eq!(parse_birth_date("31/02/1961"), None);
        assert_eq!(parse_birth_date("unknown"), None);
        assert_eq!(parse_birth_date("Junk 1961"), None);
    }

    #[test]
    fn countries_by_code_and_name() {
        assert_eq!(country_code("KZ"), Some("KZ"));
        assert_eq!(country_code("kaz"), Some("KZ"));
        assert_eq!(country_code("Kazakhstan"), Some("KZ"));
        assert_eq!(country_code("Russian Federation"), Some("RU"));
        assert_eq!(country_code("Russia"), Some("RU"));
        assert_eq!(country_code("Atlantis"), None);
    }

    #[test]
    fn identifier_labels() {
        assert_eq!(identifier_kind("Passport"), IdentifierKind::Passport);
        assert_eq!(identifier_kind("SWIFT/BIC"), IdentifierKind::Bic);
        assert_eq!(
            identifier_kind("Vessel Registration Identification"),
            IdentifierKind::Imo
        );
        assert_eq!(
            identifier_kind("Digital Currency Address - XBT"),
            IdentifierKind::Crypto
        );
        assert_eq!(identifier_kind("Tax ID No."), IdentifierKind::TaxId);
        assert_eq!(
            identifier_kind("Registration Number"),
            IdentifierKind::Registration
        );
        assert_eq!(
            identifier_kind("National ID No."),
            IdentifierKind::NationalId
        );
        assert_eq!(identifier_kind("Website"), IdentifierKind::Other);
        assert_eq!(identifier_kind("Argentina card"), IdentifierKind::Other);
        assert_eq!(identifier_kind("INN"), IdentifierKind::TaxId);
    }

    #[test]
    fn cp1252_high_bytes() {
        assert_eq!(decode_cp1252(b"caf\xe9 \x80 \x93x\x94"), "café € “x”");
    }
}
