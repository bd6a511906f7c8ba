//! Partial dates (`1961`, `1961-06`, `1961-06-01`) and birth-date specifications.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, ErrorKind};

/// A calendar date of which the month and day may be unknown, as lists publish them.
///
/// Written and parsed as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
///
/// # Example
///
/// ```
/// use sanctions::model::PartialDate;
///
/// let d: PartialDate = "1961-06".parse()?;
/// assert_eq!((d.year(), d.month(), d.day()), (1961, Some(6), None));
/// assert_eq!(d.to_string(), "1961-06");
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

impl PartialDate {
    /// A date from its parts; `None` when a part is out of range, or a day is given without a
    /// month.
    ///
    /// ```
    /// use sanctions::model::PartialDate;
    ///
    /// assert_eq!(PartialDate::new(1961, Some(6), None).map(|d| d.to_string()).as_deref(), Some("1961-06"));
    /// assert_eq!(PartialDate::new(1961, Some(2), Some(29)), None); // not a leap year
    /// assert_eq!(PartialDate::new(1961, None, Some(1)), None);
    /// ```
    pub fn new(year: u16, month: Option<u8>, day: Option<u8>) -> Option<PartialDate> {
        if !(1..=9999).contains(&year) {
            return None;
        }
        match (month, day) {
            (None, Some(_)) => None,
            (Some(m), _) if !(1..=12).contains(&m) => None,
            (Some(m), Some(d)) if d == 0 || d > days_in_month(year, m) => None,
            _ => Some(PartialDate { year, month, day }),
        }
    }

    /// The year.
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The month (1 to 12), when known.
    pub fn month(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, when known.
    pub fn day(&self) -> Option<u8> {
        self.day
    }

    /// Whether two partial dates can denote the same day: every part known on both sides
    /// agrees.
    ///
    /// ```
    /// use sanctions::model::PartialDate;
    ///
    /// let listed: PartialDate = "1961-06-01".parse()?;
    /// assert!(listed.is_compatible(&"1961".parse()?));
    /// assert!(listed.is_compatible(&"1961-06".parse()?));
    /// assert!(!listed.is_compatible(&"1961-07".parse()?));
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn is_compatible(&self, other: &PartialDate) -> bool {
        self.year == other.year
            && opt_agree(self.month, other.month)
            && opt_agree(self.day, other.day)
    }
}

fn opt_agree(a: Option<u8>, b: Option<u8>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = Error;

    fn from_str(s: &str) -> Result<PartialDate, Error> {
        PartialDate::parse_iso(s).ok_or_else(|| {
            Error::new(
                ErrorKind::InvalidInput,
                format!("expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found {s:?}"),
            )
        })
    }
}

impl PartialDate {
    /// [`FromStr`] without the error: readers try this form first on every date they meet,
    /// and most dates in some lists are in other forms.
    pub(crate) fn parse_iso(s: &str) -> Option<PartialDate> {
        let mut parts = s.trim().split('-');
        let year = parse_part(parts.next(), 4)?;
        let month = match parts.next() {
            Some(p) => Some(u8::try_from(parse_part(Some(p), 2)?).ok()?),
            None => None,
        };
        let day = match parts.next() {
            Some(p) => Some(u8::try_from(parse_part(Some(p), 2)?).ok()?),
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        PartialDate::new(year, month, day)
    }
}

fn parse_part(p: Option<&str>, width: usize) -> Option<u16> {
    let p = p?;
    if p.len() != width || !p.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    p.parse().ok()
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<PartialDate, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A birth date as a list states it: a (partial) date, an approximate one, or a range.
///
/// Serialized as `"1961-06-01"`, `{"circa": "1961"}` or `{"from": "1960", "to": "1962"}`.
///
/// ```
/// use sanctions::model::BirthDate;
///
/// let dates: Vec<BirthDate> =
///     serde_json::from_str(r#"["1961-06-01", {"circa": "1961"}, {"from": "1960", "to": "1962"}]"#)?;
/// assert_eq!(dates[0], BirthDate::On("1961-06-01".parse()?));
/// assert!(matches!(dates[1], BirthDate::Circa { .. }));
/// assert!(matches!(dates[2], BirthDate::Between { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum BirthDate {
    /// The date, as precise as the list gives it.
    On(PartialDate),
    /// About this date (`circa`, `approximately`).
    Circa {
        /// The approximate date.
        circa: PartialDate,
    },
    /// Some day between two dates, both included.
    Between {
        /// The earliest possible date.
        from: PartialDate,
        /// The latest possible date.
        to: PartialDate,
    },
}

impl BirthDate {
    /// Whether a (partial) date given by a customer is consistent with this birth date.
    /// An approximate date accepts a year on either side.
    ///
    /// ```
    /// use sanctions::model::BirthDate;
    ///
    /// let circa = BirthDate::Circa { circa: "1961".parse()? };
    /// assert!(circa.accepts(&"1962-03".parse()?));
    /// assert!(!circa.accepts(&"1963".parse()?));
    /// let on = BirthDate::On("1961-06-01".parse()?);
    /// assert!(!on.accepts(&"1961-06-02".parse()?));
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn accepts(&self, date: &PartialDate) -> bool {
        match self {
            BirthDate::On(d) => d.is_compatible(date),
            BirthDate::Circa { circa } => circa.year().abs_diff(date.year()) <= 1,
            BirthDate::Between { from, to } => {
                from.year() <= date.year() && date.year() <= to.year()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_print() {
        for (input, out) in [
            ("1961", "1961"),
            ("1961-06", "1961-06"),
            ("2000-02-29", "2000-02-29"),
        ] {
            let d: PartialDate = input.parse().unwrap();
            assert_eq!(d.to_string(), out);
        }
        for bad in [
            "",
            "61",
            "1961-6",
            "1961-13",
            "1900-02-29",
            "1961-06-01-01",
            "abcd",
            "0000",
        ] {
            assert!(
                bad.parse::<PartialDate>().is_err(),
                "{bad:?} should not parse"
            );
        }
    }

    #[test]
    fn birth_date_serde_forms() {
        let on: BirthDate = serde_json::from_str("\"1961-06-01\"").unwrap();
        assert!(matches!(on, BirthDate::On(_)));
        let circa: BirthDate = serde_json::from_str(r#"{"circa":"1961"}"#).unwrap();
        assert!(circa.accepts(&"1962".parse().unwrap()));
        let range: BirthDate = serde_json::from_str(r#"{"from":"1960","to":"1962"}"#).unwrap();
        assert!(range.accepts(&"1961-03".parse().unwrap()));
        assert!(!range.accepts(&"1963".parse().unwrap()));
        assert_eq!(
            serde_json::to_string(&range).unwrap(),
            r#"{"from":"1960","to":"1962"}"#
        );
    }
}
