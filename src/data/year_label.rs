//! Year labels as sites write them ("2025-26"): read, compared and moved on by one year.
//!
//! A label names a reporting year in site.toml, performance.toml, the folders of `archive/` and the list of past
//! reports. Three forms are understood: `2025-26` (the usual one, as the Regulator's and the Ombudsman's
//! publications write a financial year), `2025-2026`, and `2025` for a landlord whose year is the calendar year. A
//! label in another form (`2025/26`, say) cannot name a folder, and redress cannot tell which year follows it.

use std::cmp::Ordering;
use std::fmt;

/// A year label in one of the understood forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct YearLabel {
    /// The year it starts in: 2025 for "2025-26".
    first: u16,
    form: Form,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Form {
    /// "2025-26".
    Short,
    /// "2025-2026".
    Long,
    /// "2025".
    Single,
}

impl YearLabel {
    /// Reads a label, or `None` when it is not one of the understood forms or its two years do not follow each
    /// other ("2025-27").
    ///
    /// ```ignore
    /// assert_eq!(YearLabel::parse("2025-26").unwrap().next().to_string(), "2026-27");
    /// assert_eq!(YearLabel::parse("2099-00").unwrap().next().to_string(), "2100-01");
    /// assert!(YearLabel::parse("2025/26").is_none());
    /// ```
    pub(crate) fn parse(text: &str) -> Option<YearLabel> {
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let (first, rest) = match text.split_once('-') {
            Some((a, b)) => (a, Some(b)),
            None => (text, None),
        };
        if first.len() != 4 || !digits(first) {
            return None;
        }
        let year: u16 = first.parse().ok()?;
        if year < 1000 {
            return None;
        }
        let form = match rest {
            None => Form::Single,
            Some(b) if b.len() == 2 && digits(b) => {
                let second: u16 = b.parse().ok()?;
                if second != (year + 1) % 100 {
                    return None;
                }
                Form::Short
            }
            Some(b) if b.len() == 4 && digits(b) => {
                let second: u16 = b.parse().ok()?;
                if second != year + 1 {
                    return None;
                }
                Form::Long
            }
            Some(_) => return None,
        };
        Some(YearLabel { first: year, form })
    }

    /// The year after this one, written in the same form.
    pub(crate) fn next(self) -> YearLabel {
        YearLabel {
            first: self.first.saturating_add(1),
            form: self.form,
        }
    }
}

impl fmt::Display for YearLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.form {
            Form::Short => write!(f, "{}-{:02}", self.first, (self.first + 1) % 100),
            Form::Long => write!(f, "{}-{}", self.first, self.first + 1),
            Form::Single => write!(f, "{}", self.first),
        }
    }
}

/// Years compare by when they start; the form only breaks ties, so the order is total.
impl Ord for YearLabel {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.first, self.form as u8).cmp(&(other.first, other.form as u8))
    }
}

impl PartialOrd for YearLabel {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::YearLabel;

    fn next(text: &str) -> Option<String> {
        YearLabel::parse(text).map(|l| l.next().to_string())
    }

    #[test]
    fn each_form_moves_on_in_its_own_form() {
        assert_eq!(next("2025-26").as_deref(), Some("2026-27"));
        assert_eq!(next("2099-00").as_deref(), Some("2100-01"));
        assert_eq!(next("2025-2026").as_deref(), Some("2026-2027"));
        assert_eq!(next("2025").as_deref(), Some("2026"));
    }

    #[test]
    fn other_forms_are_not_labels() {
        for text in [
            "2025/26",
            "2025-27",
            "25-26",
            "2025-26 ",
            "",
            "2025-",
            "abcd-ef",
            "2025-2027",
            "0999",
        ] {
            assert!(YearLabel::parse(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn labels_order_by_their_first_year() {
        let a = YearLabel::parse("2023-24").unwrap();
        let b = YearLabel::parse("2024-25").unwrap();
        assert!(a < b);
        assert_eq!(a.to_string(), "2023-24");
    }
}
