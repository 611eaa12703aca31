//! A figure computed from two counts, and the one rounding rule every figure on the site follows.
//!
//! **Rounding rule.** Figures are shown to one decimal place, rounded half away from zero (97.75 → 97.8,
//! −3.25 → −3.3), computed exactly from the counts with integer arithmetic, never from a rounded figure or a binary
//! float. This is the rule the Regulator's TSM guidance asks for ("to one decimal place"), applied the same way
//! everywhere, so no figure on the site is truncated while another is rounded.

use serde::Serialize;

/// `numerator / denominator × scale`, kept as its counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Ratio {
    /// The count on top (complaints received, responses on time).
    pub numerator: u64,
    /// The count below (homes, responses).
    pub denominator: u64,
    /// 1000 for "per 1,000 homes", 100 for a percentage, 1 for an average.
    pub scale: u64,
}

impl Ratio {
    /// A percentage: `numerator / denominator × 100`.
    pub fn percent(numerator: u64, denominator: u64) -> Ratio {
        Ratio {
            numerator,
            denominator,
            scale: 100,
        }
    }

    /// A rate per 1,000: `numerator / denominator × 1000` (CH01).
    pub fn per_thousand(numerator: u64, denominator: u64) -> Ratio {
        Ratio {
            numerator,
            denominator,
            scale: 1000,
        }
    }

    /// A plain average: `numerator / denominator`.
    pub fn average(numerator: u64, denominator: u64) -> Ratio {
        Ratio {
            numerator,
            denominator,
            scale: 1,
        }
    }

    /// The figure in tenths, rounded by the rule above; `None` when the denominator is 0 (no responses, say), which
    /// the site shows in words rather than as 0 or a division error.
    ///
    /// ```
    /// use redress::measures::Ratio;
    /// assert_eq!(Ratio::per_thousand(1187, 12140).tenths(), Some(978)); // 97.776… → 97.8
    /// assert_eq!(Ratio::percent(1, 8).tenths(), Some(125));             // 12.5 exactly
    /// assert_eq!(Ratio::percent(1, 16).tenths(), Some(63));             // 6.25 → 6.3, half away from zero
    /// assert_eq!(Ratio::percent(0, 0).tenths(), None);
    /// ```
    pub fn tenths(&self) -> Option<i128> {
        (self.denominator > 0).then(|| {
            round_div(
                i128::from(self.numerator) * i128::from(self.scale) * 10,
                i128::from(self.denominator),
            )
        })
    }

    /// The exact value as a float, for charts only; the site's figures come from [`Ratio::tenths`].
    pub fn value(&self) -> Option<f64> {
        (self.denominator > 0)
            .then(|| self.numerator as f64 * self.scale as f64 / self.denominator as f64)
    }

    /// "97.8", or `None` when there is nothing to divide by.
    pub fn display(&self) -> Option<String> {
        self.tenths().map(format_tenths)
    }

    /// The change from `earlier` to `self`, in the figure's own unit (percentage points for percentages), computed
    /// exactly from both pairs of counts and then rounded once.
    ///
    /// ```
    /// use redress::measures::Ratio;
    /// let before = Ratio::percent(977, 1110); // 88.018…
    /// let after = Ratio::percent(1077, 1171); // 91.972…
    /// assert_eq!(after.change_since(&before), Some(40)); // +4.0 points, not 92.0 − 88.0 by luck
    /// ```
    pub fn change_since(&self, earlier: &Ratio) -> Option<i128> {
        if self.denominator == 0 || earlier.denominator == 0 || self.scale != earlier.scale {
            return None;
        }
        let (a, b) = (i128::from(self.numerator), i128::from(self.denominator));
        let (c, d) = (
            i128::from(earlier.numerator),
            i128::from(earlier.denominator),
        );
        Some(round_div(
            (a * d - c * b) * i128::from(self.scale) * 10,
            b * d,
        ))
    }
}

/// Integer division rounded half away from zero. `den` must be positive.
fn round_div(num: i128, den: i128) -> i128 {
    let q = (num.abs() * 2 + den) / (den * 2);
    if num < 0 {
        -q
    } else {
        q
    }
}

/// 978 → "97.8"; -35 → "-3.5".
pub fn format_tenths(t: i128) -> String {
    let sign = if t < 0 { "-" } else { "" };
    let t = t.abs();
    format!(
        "{sign}{}.{}",
        group_thousands(&(t / 10).to_string()),
        t % 10
    )
}

/// "12140" → "12,140".
pub fn group_thousands(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_away_from_zero_exactly() {
        // 0.15 cannot be held exactly in binary; the counts can.
        assert_eq!(Ratio::percent(3, 2000).tenths(), Some(2)); // 0.15 → 0.2
        assert_eq!(Ratio::percent(1, 3).display().as_deref(), Some("33.3"));
        assert_eq!(Ratio::percent(2, 3).display().as_deref(), Some("66.7"));
        assert_eq!(Ratio::average(8900, 1171).display().as_deref(), Some("7.6"));
        assert_eq!(round_div(-35, 10), -4);
        assert_eq!(round_div(-34, 10), -3);
    }

    #[test]
    fn formats_with_thousands() {
        assert_eq!(format_tenths(123456), "12,345.6");
        assert_eq!(format_tenths(-5), "-0.5");
        assert_eq!(group_thousands("1000"), "1,000");
        assert_eq!(group_thousands("100"), "100");
    }

    #[test]
    fn change_needs_both_denominators() {
        assert_eq!(
            Ratio::percent(1, 2).change_since(&Ratio::percent(0, 0)),
            None
        );
        assert_eq!(
            Ratio::percent(1, 4).change_since(&Ratio::percent(1, 2)),
            Some(-250)
        );
    }
}
