//! Calendar dates as the data files write them: TOML local dates such as `2026-03-31`.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date with no time or zone. Ordered, so periods and due dates compare directly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Date {
    /// Year, e.g. 2026.
    pub(crate) year: u16,
    /// Month, 1 to 12.
    pub(crate) month: u8,
    /// Day of the month, 1 to 31.
    pub(crate) day: u8,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// Parses `YYYY-MM-DD`, checking that the day exists in that month.
    pub(crate) fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year: u16 = parts.next()?.parse().ok()?;
        let month: u8 = parts.next()?.parse().ok()?;
        let day: u8 = parts.next()?.parse().ok()?;
        let date = Date { year, month, day };
        date.is_valid().then_some(date)
    }

    fn is_valid(&self) -> bool {
        let leap = (self.year.is_multiple_of(4) && !self.year.is_multiple_of(100))
            || self.year.is_multiple_of(400);
        let days = match self.month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return false,
        };
        (1..=days).contains(&self.day)
    }

    /// The last day of the month `months` after this date's month: 31 March 2026 and 6 give 30 September 2026.
    pub(crate) fn end_of_month_after(&self, months: u8) -> Date {
        let index = u32::from(self.year) * 12 + u32::from(self.month - 1) + u32::from(months);
        let (year, month) = ((index / 12) as u16, (index % 12) as u8 + 1);
        let last = (28..=31)
            .rev()
            .find(|d| {
                Date {
                    year,
                    month,
                    day: *d,
                }
                .is_valid()
            })
            .unwrap_or(28);
        Date {
            year,
            month,
            day: last,
        }
    }

    /// The next day: 31 March 2026 gives 1 April 2026.
    pub(crate) fn next_day(&self) -> Date {
        let tomorrow = Date {
            day: self.day + 1,
            ..*self
        };
        if tomorrow.is_valid() {
            return tomorrow;
        }
        match self.month {
            12 => Date {
                year: self.year.saturating_add(1),
                month: 1,
                day: 1,
            },
            m => Date {
                year: self.year,
                month: m + 1,
                day: 1,
            },
        }
    }

    /// The same day `years` later; 29 February becomes 28 February in a year that has no 29th.
    pub(crate) fn years_later(&self, years: u16) -> Date {
        let later = Date {
            year: self.year.saturating_add(years),
            ..*self
        };
        if later.is_valid() {
            later
        } else {
            Date { day: 28, ..later }
        }
    }

    /// The date as people read it in the UK: "10 July 2026".
    pub(crate) fn long(&self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTHS[usize::from(self.month - 1)],
            self.year
        )
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Date {
    /// Accepts a TOML local date (`2026-03-31`) and, for CSV and hand-typed files, the same written as a string.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DateVisitor)
    }
}

struct DateVisitor;

impl DateVisitor {
    fn from_text<E: serde::de::Error>(text: &str) -> Result<Date, E> {
        Date::parse(text).ok_or_else(|| {
            E::custom(format!(
                "`{text}` is not a date: write it as YYYY-MM-DD, e.g. 2026-03-31"
            ))
        })
    }
}

impl<'de> serde::de::Visitor<'de> for DateVisitor {
    type Value = Date;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date such as 2026-03-31")
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Date, E> {
        Self::from_text(s)
    }

    /// TOML hands dates over as a one-entry map; let the toml crate read it, then insist on a plain date.
    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Date, A::Error> {
        use serde::de::Error;
        let dt =
            toml::value::Datetime::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
        if dt.time.is_some() || dt.offset.is_some() {
            return Err(A::Error::custom(format!(
                "expected a date such as 2026-03-31, found the date and time `{dt}`"
            )));
        }
        Self::from_text(&dt.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn parses_and_formats() {
        let d = Date::parse("2026-07-10").unwrap();
        assert_eq!(d.long(), "10 July 2026");
        assert_eq!(d.to_string(), "2026-07-10");
        assert!(Date::parse("2026-02-29").is_none());
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2026-13-01").is_none());
    }

    #[test]
    fn next_day_and_years_later() {
        let day = |s: &str| Date::parse(s).unwrap();
        assert_eq!(day("2026-03-31").next_day(), day("2026-04-01"));
        assert_eq!(day("2025-12-31").next_day(), day("2026-01-01"));
        assert_eq!(day("2024-02-28").next_day(), day("2024-02-29"));
        assert_eq!(day("2026-03-31").years_later(1), day("2027-03-31"));
        assert_eq!(day("2024-02-29").years_later(1), day("2025-02-28"));
    }

    #[test]
    fn end_of_month_after() {
        let d = Date::parse("2026-03-31").unwrap();
        assert_eq!(d.end_of_month_after(6).to_string(), "2026-09-30");
        assert_eq!(
            Date::parse("2025-08-31")
                .unwrap()
                .end_of_month_after(6)
                .to_string(),
            "2026-02-28"
        );
        assert_eq!(
            Date::parse("2027-08-31")
                .unwrap()
                .end_of_month_after(6)
                .to_string(),
            "2028-02-29"
        );
    }
}
