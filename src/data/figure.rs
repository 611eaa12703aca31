//! Figures the landlord copies from someone else's publication (a target it set, a sector quartile, a weighted TP09
//! result, the Ombudsman's rate for similar landlords), held exactly in tenths.
//!
//! redress computes its own figures from counts; these are the few it cannot, because their counts are not the
//! landlord's. They are shown to one decimal place like every other figure, so more decimal places than one are
//! refused rather than silently rounded: the figure on the page must be the one the source published.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

use super::toml_doc::with_help;

/// A figure to one decimal place, as a whole number of tenths (71.0 is 710).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Figure {
    /// The figure times ten.
    pub(crate) tenths: i64,
}

impl Figure {
    /// Reads "71", "71.0", "-3.5": at most one decimal place.
    pub(crate) fn parse(text: &str) -> Option<Figure> {
        let t = text.trim();
        let (negative, t) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t),
        };
        let (whole, fraction) = t.split_once('.').unwrap_or((t, ""));
        if whole.is_empty()
            || !whole.chars().all(|c| c.is_ascii_digit())
            || !fraction.chars().all(|c| c.is_ascii_digit())
        {
            return None;
        }
        // "71.50" is 71.5 as published with a trailing zero; only real extra digits are refused.
        let fraction = fraction.trim_end_matches('0');
        if fraction.len() > 1 {
            return None;
        }
        let tenths =
            whole.parse::<i64>().ok()?.checked_mul(10)? + fraction.parse::<i64>().unwrap_or(0);
        Some(Figure {
            tenths: if negative { -tenths } else { tenths },
        })
    }
}

/// "71.0", "-3.5": for diagnostics about a value as the file gave it.
impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.tenths < 0 { "-" } else { "" };
        let t = self.tenths.abs();
        write!(f, "{sign}{}.{}", t / 10, t % 10)
    }
}

impl<'de> Deserialize<'de> for Figure {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(FigureVisitor)
    }
}

struct FigureVisitor;

const EXPECTED: &str = "a figure with at most one decimal place, such as 71 or 37.5";

/// What to do about a value that is not such a figure.
const HELP: &str =
    "give the figure as its source published it, to one decimal place, such as 71.0 or 37.5";

impl Visitor<'_> for FigureVisitor {
    type Value = Figure;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Figure, E> {
        v.checked_mul(10)
            .map(|tenths| Figure { tenths })
            .ok_or_else(|| E::custom("that figure is too large"))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Figure, E> {
        i64::try_from(v)
            .map_err(|_| E::custom("that figure is too large"))
            .and_then(|v| self.visit_i64(v))
    }

    /// The shortest decimal form of the float is exactly what the file says, so this reads the user's digits, not a
    /// binary approximation of them (see [`crate::data::money`] for the same reasoning).
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Figure, E> {
        if !v.is_finite() {
            return Err(E::custom(with_help(
                format!("`{v}` is not {EXPECTED}"),
                HELP,
            )));
        }
        Figure::parse(&format!("{v}")).ok_or_else(|| {
            E::custom(with_help(
                format!("`{v}` has more than one decimal place"),
                HELP,
            ))
        })
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Figure, E> {
        Figure::parse(v.trim().trim_end_matches('%'))
            .ok_or_else(|| E::custom(with_help(format!("`{v}` is not {EXPECTED}"), HELP)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_one_decimal_place() {
        assert_eq!(Figure::parse("71").unwrap().tenths, 710);
        assert_eq!(Figure::parse("37.5").unwrap().tenths, 375);
        assert_eq!(Figure::parse("37.50").unwrap().tenths, 375);
        assert_eq!(Figure::parse("-3.5").unwrap().tenths, -35);
        assert_eq!(Figure::parse("0.1").unwrap().tenths, 1);
        assert_eq!(Figure::parse("37.55"), None);
        assert_eq!(Figure::parse("abc"), None);
        assert_eq!(Figure::parse(".5"), None);
    }

    #[test]
    fn reads_toml_numbers_as_written() {
        #[derive(Deserialize)]
        struct T {
            v: Figure,
        }
        let read = |s: &str| toml::from_str::<T>(&format!("v = {s}")).map(|t| t.v.tenths);
        assert_eq!(read("64.1").unwrap(), 641);
        assert_eq!(read("71").unwrap(), 710);
        assert_eq!(read("\"71.0%\"").unwrap(), 710);
        assert!(read("64.15").is_err());
    }
}
