//! How figures, money, dates and the model's words are written for readers: the one home of every display
//! string, so the pages, the tables, the charts and the downloads write each thing the same way.
//!
//! The model holds typed values (an [`Outcome`], a [`Group`], money in pence); this module is where they become
//! words. It sits just above [`crate::measures`] in the pipeline, so tables, charts and pages all call it, and it
//! never calls them.

use crate::data::date::Date;
use crate::data::money::Money;
use crate::model::improvements::ImprovementStatus;
use crate::model::ombudsman::{FailureOrderType, Outcome};
use crate::model::performance::{Group, Measure, Stage};
use crate::model::self_assessment::{ActionStatus, Answer, ReviewReason};

/// 978 → "97.8"; -35 → "-3.5"; 123456 → "12,345.6".
pub(crate) fn tenths(t: i128) -> String {
    let sign = if t < 0 { "-" } else { "" };
    let t = t.abs();
    format!("{sign}{}.{}", thousands(&(t / 10).to_string()), t % 10)
}

/// A whole number with commas between thousands: 12140 → "12,140".
pub(crate) fn count(n: u64) -> String {
    thousands(&n.to_string())
}

/// "12140" → "12,140".
pub(crate) fn thousands(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "£41,380" for whole pounds, "£36,745.50" otherwise.
pub(crate) fn money(m: Money) -> String {
    let whole = count(m.pence / 100);
    match m.pence % 100 {
        0 => format!("£{whole}"),
        p => format!("£{whole}.{p:02}"),
    }
}

/// Money as the downloads hold it: pounds with two decimal places, "36745.50".
pub(crate) fn money_plain(m: Money) -> String {
    format!("{}.{:02}", m.pence / 100, m.pence % 100)
}

/// "10 July 2026".
pub(crate) fn date(d: Date) -> String {
    d.long()
}

/// The group's name in a heading or a column: "Low-cost rental (LCRA)".
pub(crate) fn group(g: Group) -> &'static str {
    match g {
        Group::Lcra => "Low-cost rental (LCRA)",
        Group::Lcho => "Low-cost home ownership (LCHO)",
        Group::Combined => "All low-cost homes",
    }
}

/// The group's name inside a sentence: "low-cost rental (LCRA)".
pub(crate) fn group_phrase(g: Group) -> &'static str {
    match g {
        Group::Lcra => "low-cost rental (LCRA)",
        Group::Lcho => "low-cost home ownership (LCHO)",
        Group::Combined => "all low-cost homes",
    }
}

/// The group's short name, for narrow columns and chart keys: "LCRA".
pub(crate) fn group_short(g: Group) -> &'static str {
    match g {
        Group::Lcra => "LCRA",
        Group::Lcho => "LCHO",
        Group::Combined => "All",
    }
}

/// The group's key in downloads: "lcra".
pub(crate) fn group_key(g: Group) -> &'static str {
    match g {
        Group::Lcra => "lcra",
        Group::Lcho => "lcho",
        Group::Combined => "combined",
    }
}

/// "Stage 1".
pub(crate) fn stage(s: Stage) -> &'static str {
    match s {
        Stage::One => "Stage 1",
        Stage::Two => "Stage 2",
    }
}

/// "stage1", as the data files and downloads write a stage.
pub(crate) fn stage_key(s: Stage) -> &'static str {
    match s {
        Stage::One => "stage1",
        Stage::Two => "stage2",
    }
}

/// The measure's name: "Stage 1 complaints per 1,000 homes (CH01)".
pub(crate) fn measure(m: Measure) -> &'static str {
    match m {
        Measure::Ch01(Stage::One) => "Stage 1 complaints per 1,000 homes (CH01)",
        Measure::Ch01(Stage::Two) => "Stage 2 complaints per 1,000 homes (CH01)",
        Measure::Ch02(Stage::One) => "Stage 1 responses within Code timescales (CH02)",
        Measure::Ch02(Stage::Two) => "Stage 2 responses within Code timescales (CH02)",
        Measure::Tp09 => "Satisfaction with complaint handling (TP09)",
    }
}

/// The unit a measure's figure is written with: "%" or "" (per 1,000 homes).
pub(crate) fn measure_suffix(m: Measure) -> &'static str {
    if m.is_percentage() {
        "%"
    } else {
        ""
    }
}

/// A measure's figure in tenths with its unit: "92.0%", "57.7".
pub(crate) fn measure_value(m: Measure, t: i128) -> String {
    format!("{}{}", tenths(t), measure_suffix(m))
}

/// The Ombudsman's word for an outcome: "Severe maladministration".
pub(crate) fn outcome(o: Outcome) -> &'static str {
    match o {
        Outcome::SevereMaladministration => "Severe maladministration",
        Outcome::Maladministration => "Maladministration",
        Outcome::ServiceFailure => "Service failure",
        Outcome::ReasonableRedress => "Reasonable redress",
        Outcome::NoMaladministration => "No maladministration",
        Outcome::OutsideJurisdiction => "Outside jurisdiction",
    }
}

/// "Type 3".
pub(crate) fn failure_order_type(t: FailureOrderType) -> &'static str {
    match t {
        FailureOrderType::One => "Type 1",
        FailureOrderType::Two => "Type 2",
        FailureOrderType::Three => "Type 3",
    }
}

/// What a type of failure order is for, in a sentence's words.
pub(crate) fn failure_order_purpose(t: FailureOrderType) -> &'static str {
    match t {
        FailureOrderType::One => "to progress a complaint through our complaints procedure",
        FailureOrderType::Two => "to give the Ombudsman information it needed",
        FailureOrderType::Three => "to take action to comply with the Complaint Handling Code",
    }
}

/// "Yes" or "No".
pub(crate) fn answer(a: Answer) -> &'static str {
    match a {
        Answer::Yes => "Yes",
        Answer::No => "No",
    }
}

/// "yes" or "no", for class names and downloads.
pub(crate) fn answer_key(a: Answer) -> &'static str {
    match a {
        Answer::Yes => "yes",
        Answer::No => "no",
    }
}

/// "in progress".
pub(crate) fn action_status(s: ActionStatus) -> &'static str {
    ActionStatus::WORDS[match s {
        ActionStatus::NotStarted => 0,
        ActionStatus::InProgress => 1,
        ActionStatus::Done => 2,
    }]
}

/// "in progress".
pub(crate) fn improvement_status(s: ImprovementStatus) -> &'static str {
    ImprovementStatus::WORDS[match s {
        ImprovementStatus::Done => 0,
        ImprovementStatus::InProgress => 1,
        ImprovementStatus::Planned => 2,
    }]
}

/// Why the self-assessment was reviewed, as the end of a sentence: "as its annual review".
pub(crate) fn review_reason(r: ReviewReason) -> &'static str {
    match r {
        ReviewReason::Annual => "as its annual review",
        ReviewReason::Restructure => {
            "after a significant restructure, merger or change in procedures (Code 8.3)"
        }
        ReviewReason::OmbudsmanRequest => {
            "at the Ombudsman's request, following an investigation (Code 8.4)"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_and_money() {
        assert_eq!(tenths(123456), "12,345.6");
        assert_eq!(tenths(-5), "-0.5");
        assert_eq!(thousands("1000"), "1,000");
        assert_eq!(thousands("100"), "100");
        assert_eq!(money(Money::from_pence(4_138_000)), "£41,380");
        assert_eq!(money(Money::from_pence(3_674_550)), "£36,745.50");
        assert_eq!(money_plain(Money::from_pence(3_674_550)), "36745.50");
    }
}
