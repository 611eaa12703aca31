//! Amounts of money as the data files write them, held exactly in pence.
//!
//! Money is never a float inside redress: £0.10 + £0.20 must be £0.30, and a total of compensation must equal the
//! sum of its rows to the penny. The files may write an amount as a TOML number of pounds (`750`, `36_745.50`) or as
//! text (`"£36,745.50"`); either way it becomes a whole number of pence here, and an amount with fractions of a
//! penny is refused rather than rounded.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

use super::toml_doc::with_help;

/// An amount of money in pence, 0 or more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub(crate) struct Money {
    /// Whole pence.
    pub(crate) pence: u64,
}

impl Money {
    /// An amount from whole pence.
    pub(crate) fn from_pence(pence: u64) -> Money {
        Money { pence }
    }

    /// Reads "36745.50", "£36,745.50", "36745" or "£750": pounds with at most two decimal places, commas between
    /// thousands allowed. `None` for anything else (a negative amount, fractions of a penny, words).
    pub(crate) fn parse(text: &str) -> Option<Money> {
        let t = text.trim();
        let t = t.strip_prefix('£').unwrap_or(t).trim();
        let t: String = t.chars().filter(|c| *c != ',' && *c != '_').collect();
        if t.is_empty() {
            return None;
        }
        let (pounds, pence) = match t.split_once('.') {
            Some((p, f)) => (p, f),
            None => (t.as_str(), ""),
        };
        if pounds.is_empty() && pence.is_empty() {
            return None;
        }
        if !pounds.chars().all(|c| c.is_ascii_digit())
            || !pence.chars().all(|c| c.is_ascii_digit())
            || pence.len() > 2
        {
            return None;
        }
        let pounds: u64 = if pounds.is_empty() {
            0
        } else {
            pounds.parse().ok()?
        };
        let pence: u64 = match pence.len() {
            0 => 0,
            1 => pence.parse::<u64>().ok()? * 10,
            _ => pence.parse().ok()?,
        };
        pounds
            .checked_mul(100)?
            .checked_add(pence)
            .map(Money::from_pence)
    }

    /// The sum of two amounts, `None` past the largest amount a `u64` of pence holds (never reached by real data).
    pub(crate) fn checked_add(self, other: Money) -> Option<Money> {
        self.pence.checked_add(other.pence).map(Money::from_pence)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(MoneyVisitor)
    }
}

struct MoneyVisitor;

const EXPECTED: &str =
    "an amount in pounds with at most two decimal places, such as 750, 36745.50 or \"£36,745.50\"";

/// What to do about a value that is not money.
const HELP: &str = "write the amount in pounds and pence, such as 750, 36745.50 or \"£36,745.50\"; money is kept exactly, so it is never rounded for you";

impl Visitor<'_> for MoneyVisitor {
    type Value = Money;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Money, E> {
        v.checked_mul(100)
            .map(Money::from_pence)
            .ok_or_else(|| E::custom("that amount is too large"))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Money, E> {
        u64::try_from(v)
            .map_err(|_| {
                E::custom(with_help(
                    format!("`{v}` is a negative amount of money"),
                    HELP,
                ))
            })
            .and_then(|v| self.visit_u64(v))
    }

    /// A TOML float is the decimal the user wrote, read to the nearest binary fraction; its shortest decimal form
    /// (Rust's `Display` for `f64`) gives back exactly the digits written, which are then read as pounds and pence
    /// without any float arithmetic. So `36745.5` is 3,674,550 pence and `12.345` is refused, not rounded.
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Money, E> {
        if !v.is_finite() || v < 0.0 {
            return Err(E::custom(with_help(
                format!("`{v}` is not an amount of money"),
                HELP,
            )));
        }
        Money::parse(&format!("{v}"))
            .ok_or_else(|| E::custom(with_help(format!("`{v}` has fractions of a penny"), HELP)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Money, E> {
        Money::parse(v)
            .ok_or_else(|| E::custom(with_help(format!("`{v}` is not an amount of money"), HELP)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(toml_value: &str) -> Result<Money, String> {
        #[derive(Deserialize)]
        struct T {
            amount: Money,
        }
        toml::from_str::<T>(&format!("amount = {toml_value}"))
            .map(|t| t.amount)
            .map_err(|e| e.message().to_string())
    }

    #[test]
    fn reads_pounds_exactly() {
        assert_eq!(read("750").unwrap().pence, 75_000);
        assert_eq!(read("36_745.50").unwrap().pence, 3_674_550);
        assert_eq!(read("0.1").unwrap().pence, 10);
        assert_eq!(read("0.29").unwrap().pence, 29);
        assert_eq!(read("\"£36,745.50\"").unwrap().pence, 3_674_550);
        assert_eq!(read("\"£750\"").unwrap().pence, 75_000);
    }

    #[test]
    fn refuses_what_is_not_money() {
        assert!(read("12.345").unwrap_err().contains("fractions of a penny"));
        assert!(read("12.345").unwrap_err().contains("\nhelp: "));
        assert!(read("-5").unwrap_err().contains("negative"));
        assert!(read("\"twelve pounds\"").is_err());
        assert!(read("\"£1.2.3\"").is_err());
        assert_eq!(Money::parse(""), None);
        assert_eq!(Money::parse("£"), None);
    }

    #[test]
    fn tenths_and_hundredths_of_a_pound() {
        assert_eq!(Money::parse("0.5").unwrap().pence, 50);
        assert_eq!(Money::parse("£1,234.05").unwrap().pence, 123_405);
        assert_eq!(Money::parse(".75").unwrap().pence, 75);
    }
}
