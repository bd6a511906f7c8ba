//! Countries by ISO 3166-1 code, with the names and spellings lists use for them.
//!
//! Data only; [`country_code`](super::fields::country_code) does the lookup.

/// One country: its ISO 3166-1 alpha-2 and alpha-3 codes and the names lists write for it.
pub(crate) struct Country {
    /// ISO 3166-1 alpha-2.
    pub alpha2: &'static str,
    /// ISO 3166-1 alpha-3.
    pub alpha3: &'static str,
    /// Short and official names and the variants list files use.
    pub names: &'static [&'static str],
}

/// The countries: ISO 3166-1 (Online Browsing Platform short names), plus the variants
/// official lists use.
pub(crate) const COUNTRIES: &[Country] = &[
    Country {
        alpha2: "KZ",
        alpha3: "KAZ",
        names: &["Kazakhstan"],
    },
    Country {
        alpha2: "RU",
        alpha3: "RUS",
        names: &["Russian Federation", "Russia"],
    },
];
