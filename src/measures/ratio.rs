//! A figure computed from two counts, and the one rounding rule every figure on the site follows.
//!
//! **Rounding rule.** Figures are shown to one decimal place, rounded half away from zero (97.75 → 97.8,
//! −3.25 → −3.3), computed exactly from the counts with integer arithmetic, never from a rounded figure or a binary
//! float. This is the rule the Regulator's TSM guidance asks for ("to one decimal place"), applied the same way
//! everywhere, so no figure on the site is truncated while another is rounded.

/// `numerator / denominator × scale`, kept as its counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Ratio {
    /// The count on top (complaints received, responses on time).
    pub(crate) numerator: u64,
    /// The count below (homes, responses).
    pub(crate) denominator: u64,
    /// 1000 for "per 1,000 homes", 100 for a percentage, 1 for an average.
    pub(crate) scale: u64,
}

impl Ratio {
    /// A percentage: `numerator / denominator × 100`.
    pub(crate) fn percent(numerator: u64, denominator: u64) -> Ratio {
        Ratio {
            numerator,
            denominator,
            scale: 100,
        }
    }

    /// A rate per 1,000: `numerator / denominator × 1000` (CH01).
    pub(crate) fn per_thousand(numerator: u64, denominator: u64) -> Ratio {
        Ratio {
            numerator,
            denominator,
            scale: 1000,
        }
    }

    /// A plain average: `numerator / denominator`.
    pub(crate) fn average(numerator: u64, denominator: u64) -> Ratio {
        Ratio {
            numerator,
            denominator,
            scale: 1,
        }
    }

    /// The figure in tenths, rounded by the rule above; `None` when the denominator is 0 (no responses, say), which
    /// the site shows in words rather than as 0 or a division error.
    ///
    /// For example 1,187 per 12,140 homes is 97.776… per 1,000, so 978 tenths; 1 in 16 is 6.25%, so 63 tenths (half
    /// away from zero); 0 of 0 is `None` (the unit test `tenths_examples` pins these down).
    pub(crate) fn tenths(&self) -> Option<i128> {
        (self.denominator > 0).then(|| {
            round_div(
                i128::from(self.numerator) * i128::from(self.scale) * 10,
                i128::from(self.denominator),
            )
        })
    }

    /// "97.8", or `None` when there is nothing to divide by.
    pub(crate) fn display(&self) -> Option<String> {
        self.tenths().map(crate::format::tenths)
    }

    /// The change from `earlier` to `self`, in the figure's own unit (percentage points for percentages), computed
    /// exactly from both pairs of counts and then rounded once.
    ///
    /// For example from 977 of 1,110 (88.018…%) to 1,077 of 1,171 (91.972…%) is +4.0 points, worked out from the
    /// counts, not as 92.0 − 88.0 by luck (the unit test `change_examples`).
    pub(crate) fn change_since(&self, earlier: &Ratio) -> Option<i128> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenths_examples() {
        assert_eq!(Ratio::per_thousand(1187, 12140).tenths(), Some(978)); // 97.776… → 97.8
        assert_eq!(Ratio::percent(1, 8).tenths(), Some(125)); // 12.5 exactly
        assert_eq!(Ratio::percent(1, 16).tenths(), Some(63)); // 6.25 → 6.3, half away from zero
        assert_eq!(Ratio::percent(0, 0).tenths(), None);
    }

    #[test]
    fn change_examples() {
        let before = Ratio::percent(977, 1110); // 88.018…
        let after = Ratio::percent(1077, 1171); // 91.972…
        assert_eq!(after.change_since(&before), Some(40));
    }

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
