//! The measures `redress cases` makes from a stage's counts, as a table: each a [`Ratio`], so it is shown with its
//! numerator and denominator and rounded by the site's one rule ([`crate::measures::ratio`]). The JSON output gives
//! them all; the summary for people shows those marked `shown`.

use crate::cases::summary::StageCounts;
use crate::measures::Ratio;

/// One measure of a stage.
pub(super) struct Measure {
    /// Its key in the JSON output.
    pub(super) id: &'static str,
    /// Its name in the summary for people.
    pub(super) label: &'static str,
    /// "%" for a percentage, "" for a number of days.
    pub(super) unit: &'static str,
    /// Shown in the summary for people (the JSON has every one).
    pub(super) shown: bool,
    /// The measure from the counts.
    pub(super) of: fn(&StageCounts) -> Ratio,
}

/// The measures of a stage, in the order they are shown.
pub(super) const MEASURES: &[Measure] = &[
    Measure {
        id: "ch02",
        label: "CH02, % responded within the Code's timescale",
        unit: "%",
        shown: true,
        // TSM CH02 (1) and (2): responses within the Code's timescales ÷ responses × 100, as crate::measures::ch02
        // makes it from the model's counts.
        of: |c| Ratio::percent(c.within_timescale, c.responded),
    },
    Measure {
        id: "acknowledged_within_5_days",
        label: "% acknowledged within 5 working days",
        unit: "%",
        shown: true,
        of: |c| Ratio::percent(c.acknowledged_within_5_days, c.received),
    },
    Measure {
        id: "within_extension",
        label: "% responded only by an agreed extension",
        unit: "%",
        shown: true,
        of: |c| Ratio::percent(c.within_extension, c.responded),
    },
    Measure {
        id: "extended",
        label: "% responded with an agreed extension",
        unit: "%",
        shown: false,
        of: |c| Ratio::percent(c.extended, c.responded),
    },
    Measure {
        id: "extended_beyond_limit",
        label: "% of extensions longer than the Code allows without reason",
        unit: "%",
        shown: false,
        of: |c| Ratio::percent(c.extended_beyond_limit, c.extended),
    },
    Measure {
        id: "average_working_days",
        label: "Average working days to respond",
        unit: "",
        shown: true,
        of: |c| Ratio::average(c.working_days, c.responded),
    },
    Measure {
        id: "upheld",
        label: "% upheld",
        unit: "%",
        shown: false,
        of: |c| Ratio::percent(c.upheld, c.responded),
    },
    Measure {
        id: "partly_upheld",
        label: "% partly upheld",
        unit: "%",
        shown: false,
        of: |c| Ratio::percent(c.partly_upheld, c.responded),
    },
    Measure {
        id: "not_upheld",
        label: "% not upheld",
        unit: "%",
        shown: false,
        of: |c| Ratio::percent(c.not_upheld, c.responded),
    },
];

/// CH01, complaints relative to size: complaints received at the stage per 1,000 homes (TSM CH01 (1) and (2)).
pub(super) fn ch01(c: &StageCounts, homes: u64) -> Ratio {
    crate::measures::ch01(c.received, homes)
}
