//! The rules that turn one complaint's dates into what the report counts: which year it counts in, when the Code's
//! clock starts, when the response was due, whether it was on time, and whether it was refused.
//!
//! Every rule is here, once, with its source. The sources are the Housing Ombudsman's Complaint Handling Code
//! (2024, statutory from 1 April 2024; provision numbers as on its self-assessment form) and the Regulator of Social
//! Housing's Tenant Satisfaction Measures (TSM) technical requirements for CH01 and CH02. Where the published text
//! could not be read (the body of the TSM technical requirements), the rule follows redress's issue 12 and says so:
//! those are marked *assumption* below, and [`STATEMENTS`] states every rule in a sentence so the report and
//! `redress cases` can show how each figure was made.
//!
//! Nothing here reads cells or builds totals: [`super::rows`] reads a row into a [`Case`], and [`super::summary`]
//! adds up the [`CaseFacts`] this module derives from it.

use super::calendar::Calendar;
use super::columns::Column;
use super::rows::{Case, StageDates};
use super::values::{Outcome, Tenure};
use super::Fault;
use crate::data::date::Date;

/// A financial year, 1 April to 31 March, named by its first year: `FinancialYear(2025)` is "2025-26".
///
/// TSMs are reported for the landlord's reporting year, 1 April to 31 March for most landlords (TSM technical
/// requirements, "Reporting year and year end dates"; the body of that section could not be read, so a landlord
/// with another year end is not provided for yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct FinancialYear(pub(crate) u16);

impl FinancialYear {
    /// The financial year a date falls in.
    pub(crate) fn of(date: Date) -> FinancialYear {
        FinancialYear(if date.month >= 4 {
            date.year
        } else {
            date.year.saturating_sub(1)
        })
    }

    /// "2025-26", as the report and data/performance.toml name years.
    pub(crate) fn label(self) -> String {
        format!("{}-{:02}", self.0, (u32::from(self.0) + 1) % 100)
    }

    /// 1 April.
    pub(crate) fn first_day(self) -> Date {
        Date {
            year: self.0,
            month: 4,
            day: 1,
        }
    }

    /// The quarter of its financial year a date falls in: 1 for April to June, up to 4 for January to March.
    pub(crate) fn quarter(date: Date) -> u8 {
        match date.month {
            4..=6 => 1,
            7..=9 => 2,
            10..=12 => 3,
            _ => 4,
        }
    }

    /// 31 March.
    pub(crate) fn last_day(self) -> Date {
        Date {
            year: self.0.saturating_add(1),
            month: 3,
            day: 31,
        }
    }
}

/// A stage of the complaints procedure. The Code allows two only (Code 5.3: "A process with more than two stages is
/// not acceptable under any circumstances").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Stage {
    /// Stage 1.
    One,
    /// Stage 2, the landlord's final response (Code 6.10).
    Two,
}

impl Stage {
    /// Working days to acknowledge: 5 at both stages (Code 6.2: "within five working days of the complaint being
    /// received"; Code 6.11: "within five working days of the escalation request being received").
    pub(crate) const ACKNOWLEDGE_WITHIN: u32 = 5;

    /// Working days to respond, counted from the acknowledgement: 10 at stage 1 (Code 6.3: "within 10 working days
    /// of the complaint being acknowledged"), 20 at stage 2 (Code 6.14: "within 20 working days of the complaint
    /// being acknowledged").
    pub(crate) fn respond_within(self) -> u32 {
        match self {
            Stage::One => 10,
            Stage::Two => 20,
        }
    }

    /// The longest extension the Code allows without good reason: 10 working days at stage 1 (Code 6.4), 20 at
    /// stage 2 (Code 6.15): "Any extension must be no more than 10 \[20\] working days without good reason, and the
    /// reason(s) must be clearly explained to the resident". A longer extension is allowed with good reason, so it
    /// is counted like any other and also counted apart, for the landlord to show its reasons.
    pub(crate) fn extension_limit(self) -> u32 {
        self.respond_within()
    }

    /// The Code provisions of the stage's timescales, for messages: acknowledgement, response, extension.
    pub(crate) fn provisions(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Stage::One => ("6.2", "6.3", "6.4"),
            Stage::Two => ("6.11", "6.14", "6.15"),
        }
    }

    /// "stage 1".
    pub(crate) fn name(self) -> &'static str {
        match self {
            Stage::One => "stage 1",
            Stage::Two => "stage 2",
        }
    }

    fn extended_to_column(self) -> Column {
        match self {
            Stage::One => Column::Stage1ExtendedTo,
            Stage::Two => Column::Stage2ExtendedTo,
        }
    }
}

/// How a complaint was acknowledged at a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ack {
    /// Within 5 working days of receipt (Code 6.2, 6.11).
    Within,
    /// Later than that.
    Late,
    /// No acknowledgement date: not acknowledged, or not recorded.
    Missing,
}

/// What a response at a stage counts as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Response {
    /// The year it counts in for CH02: the year it was sent.
    pub(crate) year: FinancialYear,
    /// The quarter of that year it was sent in (1 to 4).
    pub(crate) quarter: u8,
    /// Sent by the Code's deadline, or by the end of an agreed extension (CH02's numerator).
    pub(crate) within_timescale: bool,
    /// Sent after the Code's deadline but by the end of an agreed extension: on time only because of it.
    pub(crate) within_extension: bool,
    /// The complaint had an agreed extension at this stage.
    pub(crate) extended: bool,
    /// The extension was longer than the Code allows without good reason (Code 6.4, 6.15).
    pub(crate) extended_beyond_limit: bool,
    /// Working days from receipt to response.
    pub(crate) working_days: u32,
    /// The outcome.
    pub(crate) outcome: Outcome,
}

/// What one stage of a complaint counts as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum StageFacts {
    /// Accepted and handled at this stage.
    Handled {
        /// The year it counts in for CH01: the year it was received at this stage.
        received: FinancialYear,
        /// The quarter of that year it was received in (1 to 4).
        received_quarter: u8,
        /// Its acknowledgement.
        ack: Ack,
        /// Its response, once sent.
        response: Option<Response>,
    },
    /// Refused at this stage: not accepted as a complaint (stage 1) or not escalated (stage 2).
    Refused {
        /// The year the refusal counts in: the year the complaint (or the request to escalate) was received.
        received: FinancialYear,
        /// Why, as the log gives it.
        reason: String,
    },
}

/// Everything the report counts about one complaint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CaseFacts {
    /// Its tenure.
    pub(crate) tenure: Tenure,
    /// Its category, if recorded.
    pub(crate) category: Option<String>,
    /// Stage 1.
    pub(crate) stage1: StageFacts,
    /// Stage 2, when it was escalated (or the escalation refused).
    pub(crate) stage2: Option<StageFacts>,
    /// Compensation offered, in pence, and the year it counts in.
    pub(crate) compensation: Option<(FinancialYear, u64)>,
    /// The first date of the complaint (or of a deadline worked out for it) outside the years whose bank holidays
    /// are built in, if any.
    pub(crate) outside_calendar: Option<Date>,
}

/// When the Code's clock starts for the response: the acknowledgement, or the last day the Code allows for it (5
/// working days after receipt) when the acknowledgement is missing or later than that. A late acknowledgement never
/// buys time: Code 6.3 and 6.14 count from the acknowledgement, and Code 6.2 and 6.11 say when the acknowledgement
/// must be made by.
pub(crate) fn clock_start(dates: &StageDates, cal: &Calendar) -> Date {
    let latest = cal.add_working_days(dates.received, Stage::ACKNOWLEDGE_WITHIN);
    match dates.acknowledged {
        Some(ack) if ack <= latest => ack,
        _ => latest,
    }
}

/// The Code's deadline for the response, before any extension: 10 (stage 1) or 20 (stage 2) working days after
/// [`clock_start`] (Code 6.3, 6.14).
pub(crate) fn deadline(stage: Stage, dates: &StageDates, cal: &Calendar) -> Date {
    cal.add_working_days(clock_start(dates, cal), stage.respond_within())
}

/// The acknowledgement: within 5 working days of receipt, late, or missing (Code 6.2, 6.11).
pub(crate) fn acknowledgement(dates: &StageDates, cal: &Calendar) -> Ack {
    match dates.acknowledged {
        None => Ack::Missing,
        Some(ack) if ack <= cal.add_working_days(dates.received, Stage::ACKNOWLEDGE_WITHIN) => {
            Ack::Within
        }
        Some(_) => Ack::Late,
    }
}

/// What a response counts as.
///
/// - Within timescale: sent by the Code's [`deadline`], or by `extended_to` where an extension was agreed (Code
///   6.4, 6.15 let the landlord extend; the TSM text on extensions could not be read, so counting a response within
///   an agreed extension as within the Code's timescales follows issue 12: *assumption*).
/// - Within an extension: sent after the Code's deadline but by `extended_to`, so the page can show how many were
///   on time only because of one.
/// - Extended beyond the limit: an extension of more than 10 (stage 1) or 20 (stage 2) working days past the Code's
///   deadline, which the Code allows only "with good reason" (6.4, 6.15).
/// - Working days: from receipt to response, in the working-day calendar (the day received is day 0).
///
/// Not checked, because a log does not record it: that the resident was told of the extension, with reasons, the
/// new date and the Ombudsman's contact details (Code 6.5, 6.16), before the original deadline passed (the
/// Ombudsman's page "Waiting for a final response").
///
/// An extension that ends before the Code's deadline is an error: it would shorten the time allowed.
pub(crate) fn response(
    stage: Stage,
    dates: &StageDates,
    cal: &Calendar,
) -> Result<Option<Response>, Fault> {
    let due = deadline(stage, dates, cal);
    let extension = match dates.extended_to {
        Some(to) if to < due => {
            let (_, respond, extend) = stage.provisions();
            let start = clock_start(dates, cal);
            let from = if dates.acknowledged == Some(start) {
                format!("the acknowledgement ({})", start.long())
            } else {
                format!(
                    "{}, 5 working days after receipt, as the acknowledgement was later or is missing",
                    start.long()
                )
            };
            return Err(Fault::error(
                Some(stage.extended_to_column()),
                format!(
                    "the {} extension ends on {}, before the Code's own deadline of {}",
                    stage.name(),
                    to.long(),
                    due.long()
                ),
                "before the deadline",
                format!(
                    "an extension adds time after the deadline (Code {respond} and {extend}), which is {} working days after {from}; check the date, or clear it if there was no extension",
                    stage.respond_within(),
                ),
            ));
        }
        other => other,
    };
    let (Some(responded), Some(outcome)) = (dates.responded, dates.outcome) else {
        return Ok(None);
    };
    let on_time_by_code = responded <= due;
    let (within_timescale, within_extension, beyond) = match extension {
        Some(to) => (
            responded <= to,
            !on_time_by_code && responded <= to,
            cal.working_days_between(due, to) > i64::from(stage.extension_limit()),
        ),
        None => (on_time_by_code, false, false),
    };
    Ok(Some(Response {
        year: FinancialYear::of(responded),
        quarter: FinancialYear::quarter(responded),
        within_timescale,
        within_extension,
        extended: extension.is_some(),
        extended_beyond_limit: beyond,
        working_days: u32::try_from(cal.working_days_between(dates.received, responded))
            .unwrap_or(0),
        outcome,
    }))
}

/// Which stage, if any, a complaint was refused at.
///
/// A complaint with a `refused` reason and no stage 2 date was not accepted as a complaint (Code 2.1-2.4: "If a
/// landlord decides not to accept a complaint, an explanation must be provided to the resident…"); with a stage 2
/// date, it was accepted at stage 1 and the request to escalate was refused (Code 5.11: "Landlords must not refuse
/// to escalate a complaint through all stages of the complaints procedure unless it has valid reasons to do so").
///
/// A refused complaint is counted among the refusals by reason (Code 8.1(b) asks for "a summary of the types of
/// complaints the landlord has refused to accept"), and not among the complaints received at the stage it was
/// refused at. Whether the Regulator's CH01 counts refused complaints could not be read in the TSM technical
/// requirements, so this follows issue 12: *assumption*.
pub(crate) fn refusal(case: &Case) -> Option<Stage> {
    case.refused.as_ref()?;
    Some(if case.stage2.is_some() {
        Stage::Two
    } else {
        Stage::One
    })
}

/// Works out everything the report counts about a complaint, or the fault that stops it being counted.
pub(crate) fn assess(case: Case, cal: &Calendar) -> Result<CaseFacts, Fault> {
    let refused_at = refusal(&case);
    let compensation = case
        .compensation
        .filter(|p| *p > 0)
        .map(|p| (compensation_year(&case), p));
    let mut outside = None;
    let mut reason = case.refused;
    let mut stage_facts = |stage: Stage, dates: &StageDates| -> Result<StageFacts, Fault> {
        let received = FinancialYear::of(dates.received);
        let mut note = |d: Date| {
            if outside.is_none() && !cal.knows(d) {
                outside = Some(d);
            }
        };
        [
            Some(dates.received),
            dates.acknowledged,
            dates.extended_to,
            dates.responded,
        ]
        .into_iter()
        .flatten()
        .for_each(&mut note);
        if refused_at == Some(stage) {
            return Ok(StageFacts::Refused {
                received,
                reason: reason.take().unwrap_or_default(),
            });
        }
        note(deadline(stage, dates, cal));
        Ok(StageFacts::Handled {
            received,
            received_quarter: FinancialYear::quarter(dates.received),
            ack: acknowledgement(dates, cal),
            response: response(stage, dates, cal)?,
        })
    };
    let stage1 = stage_facts(Stage::One, &case.stage1)?;
    let stage2 = match &case.stage2 {
        Some(s2) => Some(stage_facts(Stage::Two, s2)?),
        None => None,
    };
    Ok(CaseFacts {
        tenure: case.tenure,
        category: case.category,
        stage1,
        stage2,
        compensation,
        outside_calendar: outside,
    })
}

/// The year compensation counts in: the year of the complaint's last response (stage 2 if it has one, else stage
/// 1), when it is offered; for a complaint not yet answered, the year it was received. *Assumption*: a log has no
/// date for the offer itself.
pub(crate) fn compensation_year(case: &Case) -> FinancialYear {
    let last = case
        .stage2
        .and_then(|s| s.responded)
        .or(case.stage1.responded)
        .unwrap_or(case.stage1.received);
    FinancialYear::of(last)
}

/// Every rule above in one sentence each, keyed by a stable id: what `redress cases` prints under "How these
/// figures were made", and what a page can show beside the figures.
pub(crate) const STATEMENTS: &[(&str, &str)] = &[
    (
        "year",
        "Years run from 1 April to 31 March. A complaint counts as received (CH01) in the year it was received at that stage, and as responded to (CH02, outcomes, days taken, extensions) in the year its response was sent at that stage.",
    ),
    (
        "working_days",
        "Working days are Monday to Friday, less the bank holidays of England and Wales (GOV.UK's list, built in for 2019 to 2030) and any other days the landlord's offices were closed. The day something happens is day 0; the next working day is day 1.",
    ),
    (
        "acknowledgement",
        "A complaint is acknowledged on time when its acknowledgement is within 5 working days of receipt, at both stages (Code 6.2 and 6.11).",
    ),
    (
        "timescale",
        "A stage 1 response is within the Code's timescale when it is sent within 10 working days of the acknowledgement (Code 6.3), a stage 2 response within 20 (Code 6.14). The clock starts at the acknowledgement, or 5 working days after receipt if the acknowledgement was later or is missing, so a late acknowledgement never buys time.",
    ),
    (
        "extension",
        "Where an extension was agreed (Code 6.4 and 6.15), a response by its end date is within timescale, and is also counted as within an agreed extension when it came after the Code's deadline. Extensions longer than 10 (stage 1) or 20 (stage 2) working days past the deadline, which the Code allows only with good reason, are counted separately.",
    ),
    (
        "average",
        "Average working days to respond: the working days from receipt to response at that stage, added up over the year's responses and divided by the number of responses.",
    ),
    (
        "refusal",
        "A complaint the landlord did not accept (Code section 2), or whose escalation it refused (Code 5.11), is counted among refusals by reason in the year it was received at that stage, not among complaints received.",
    ),
    (
        "ch01",
        "CH01: complaints received at the stage in the year, per 1,000 homes: for LCRA and LCHO each over its own homes, or for all complaints over all social homes where a site reports them together (homes from data/performance.toml). Other tenures count in the totals, in no CH01.",
    ),
    (
        "ch02",
        "CH02: responses sent within the Code's timescale (extensions included) as a percentage of all responses at the stage in the year.",
    ),
    (
        "compensation",
        "Compensation counts in the year of the complaint's last response (or of receipt, if not yet answered), in pounds and pence exactly as the log gives them.",
    ),
];

#[cfg(test)]
mod tests;
