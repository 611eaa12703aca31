//! One row of a complaints log checked and turned into a [`Case`]: typed dates, outcomes, tenure and money, and
//! every problem with the row as a [`Fault`] on the cell it is about.
//!
//! The checks here are the ones that need only the row: a cell that is not a date, an outcome or an amount; a date
//! that comes before the one it follows (a response before the complaint, an escalation before the stage 1
//! response); a response without an outcome, or an outcome without a response. The Code's timescales, which need
//! the calendar, are checked in [`super::rules`].

use super::columns::{Column, HeaderMatch};
use super::read::{Row, Typed};
use super::values::{
    date_from_serial, parse_date, parse_money, parse_outcome, parse_tenure, Outcome, Tenure,
    TenureCell,
};
use super::Fault;
use crate::data::date::Date;
use crate::data::site::DateOrder;

/// A complaint as the log records it, its values checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Case {
    /// LCRA, LCHO or other.
    pub(crate) tenure: Tenure,
    /// What it was about, if recorded.
    pub(crate) category: Option<String>,
    /// Stage 1.
    pub(crate) stage1: StageDates,
    /// Stage 2, when the complaint was escalated.
    pub(crate) stage2: Option<StageDates>,
    /// Why it was not accepted (or not escalated), when it was refused.
    pub(crate) refused: Option<String>,
    /// Compensation offered, in pence.
    pub(crate) compensation: Option<u64>,
}

/// The dates and outcome of one stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StageDates {
    /// When the complaint (stage 1) or the request to escalate (stage 2) was received.
    pub(crate) received: Date,
    /// When it was acknowledged.
    pub(crate) acknowledged: Option<Date>,
    /// The date an agreed extension runs to.
    pub(crate) extended_to: Option<Date>,
    /// When the response was sent.
    pub(crate) responded: Option<Date>,
    /// The outcome of the response.
    pub(crate) outcome: Option<Outcome>,
}

/// The columns of one stage.
struct StageColumns {
    received: Column,
    acknowledged: Column,
    extended_to: Column,
    responded: Column,
    outcome: Column,
    name: &'static str,
}

const STAGE1: StageColumns = StageColumns {
    received: Column::Stage1Received,
    acknowledged: Column::Stage1Acknowledged,
    extended_to: Column::Stage1ExtendedTo,
    responded: Column::Stage1Responded,
    outcome: Column::Stage1Outcome,
    name: "stage 1",
};

const STAGE2: StageColumns = StageColumns {
    received: Column::Stage2Received,
    acknowledged: Column::Stage2Acknowledged,
    extended_to: Column::Stage2ExtendedTo,
    responded: Column::Stage2Responded,
    outcome: Column::Stage2Outcome,
    name: "stage 2",
};

/// Reads one row. Returns the case when the row had no errors (warnings allowed), and every fault found.
pub(crate) fn parse_row(
    row: &Row,
    header: &HeaderMatch,
    width: usize,
    order: DateOrder,
) -> (Option<Case>, Vec<Fault>) {
    let mut r = RowReader {
        row,
        header,
        order,
        faults: Vec::new(),
    };
    let extra = row
        .texts()
        .skip(width)
        .filter(|c| !c.trim().is_empty())
        .count();
    if extra > 0 {
        r.faults.push(Fault::error(
            None,
            format!(
                "this row has {} cells but the header row has {width}",
                width + extra
            ),
            "too many cells",
            "a value with a comma in it (such as £1,250.00 or a category) must be in double quotes; a row whose cells have shifted cannot be counted",
        ));
        return (None, r.faults);
    }
    // The reference itself is not kept: duplicates are found across rows by the caller, and the summary never
    // shows one.
    if r.text(Column::Reference).is_empty() {
        r.faults.push(Fault::error(
            Some(Column::Reference),
            "this complaint has no reference".to_string(),
            "no reference",
            "give every complaint its reference from the case management system, so that it can be found and counted once",
        ));
    }
    let tenure = match parse_tenure(r.text(Column::Tenure)) {
        TenureCell::Known(t) => t,
        TenureCell::Unknown(e) => {
            r.faults.push(Fault::warning(
                Some(Column::Tenure),
                e.message,
                &e.label,
                e.help,
            ));
            Tenure::Other
        }
    };
    let category = r.optional_text(Column::Category);
    let refused = r.optional_text(Column::Refused);
    let compensation = r.money(Column::Compensation);
    let stage1 = r.stage(&STAGE1, refused.is_some() && !r.has_stage2());
    let stage2 = if r.has_stage2() {
        r.stage(&STAGE2, refused.is_some())
    } else {
        None
    };
    if let (Some(s1), Some(s2)) = (&stage1, &stage2) {
        match s1.responded {
            Some(responded) if s2.received < responded => r.faults.push(Fault::error(
                Some(Column::Stage2Received),
                format!(
                    "the request to escalate ({}) is dated before the stage 1 response ({})",
                    s2.received.long(),
                    responded.long()
                ),
                "before the stage 1 response",
                "a complaint is escalated to stage 2 after its stage 1 response; check both dates",
            )),
            Some(_) => {}
            // A stage 1 response date that could not be read has been reported already.
            None if !r.text(Column::Stage1Responded).is_empty() => {}
            None => r.faults.push(Fault::error(
                Some(Column::Stage1Responded),
                "this complaint was escalated to stage 2 but has no stage 1 response date".to_string(),
                "no stage 1 response",
                "add the date of the stage 1 response; a complaint reaches stage 2 after its stage 1 response",
            )),
        }
    }
    if r.faults.iter().any(Fault::is_error) {
        return (None, r.faults);
    }
    let Some(stage1) = stage1 else {
        return (None, r.faults);
    };
    let case = Case {
        tenure,
        category,
        stage1,
        stage2,
        refused,
        compensation,
    };
    (Some(case), r.faults)
}

struct RowReader<'a> {
    row: &'a Row,
    header: &'a HeaderMatch,
    order: DateOrder,
    faults: Vec<Fault>,
}

impl RowReader<'_> {
    fn text(&self, column: Column) -> &str {
        self.header
            .get(column)
            .and_then(|i| self.row.text(i))
            .map_or("", str::trim)
    }

    fn typed(&self, column: Column) -> Option<Typed> {
        self.row.typed(self.header.get(column)?)
    }

    fn optional_text(&self, column: Column) -> Option<String> {
        let t = self.text(column);
        (!t.is_empty()).then(|| t.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    /// True when any stage 2 cell has something in it.
    fn has_stage2(&self) -> bool {
        [
            STAGE2.received,
            STAGE2.acknowledged,
            STAGE2.extended_to,
            STAGE2.responded,
            STAGE2.outcome,
        ]
        .iter()
        .any(|c| !self.text(*c).is_empty())
    }

    fn date(&mut self, column: Column) -> Option<Date> {
        let text = self.text(column);
        let result = match self.typed(column) {
            Some(Typed::Date(d)) => Ok(d),
            Some(Typed::Number(n)) => {
                date_from_serial(n).ok_or_else(|| super::values::ValueError {
                    message: format!("`{text}` is not a date"),
                    label: "not a date".to_string(),
                    help: "this cell holds a number; type the date, or format the column as a date"
                        .to_string(),
                })
            }
            None if text.is_empty() => return None,
            None => parse_date(text, self.order),
        };
        match result {
            Ok(d) => Some(d),
            Err(e) => {
                self.faults
                    .push(Fault::error(Some(column), e.message, &e.label, e.help));
                None
            }
        }
    }

    fn money(&mut self, column: Column) -> Option<u64> {
        // A workbook number is read back through its shortest decimal form (what the file itself holds), so 12.1
        // is 1210 pence, never 1209.99999.
        let number;
        let text = match self.typed(column) {
            Some(Typed::Number(n)) => {
                number = format!("{n}");
                number.as_str()
            }
            _ => self.text(column),
        };
        if text.is_empty() {
            return None;
        }
        match parse_money(text) {
            Ok(p) => Some(p),
            Err(e) => {
                self.faults
                    .push(Fault::error(Some(column), e.message, &e.label, e.help));
                None
            }
        }
    }

    /// Reads one stage's cells. `refused`: this stage was refused, so its response and outcome are not checked
    /// (a refusal is not a complaint handled at that stage; see [`super::rules::refusal`]).
    fn stage(&mut self, c: &StageColumns, refused: bool) -> Option<StageDates> {
        let received = self.date(c.received);
        let acknowledged = self.date(c.acknowledged);
        let extended_to = self.date(c.extended_to);
        let responded = self.date(c.responded);
        let outcome_text = self.text(c.outcome).to_string();
        let outcome = if outcome_text.is_empty() {
            None
        } else {
            match parse_outcome(&outcome_text) {
                Ok(o) => Some(o),
                Err(e) => {
                    self.faults
                        .push(Fault::error(Some(c.outcome), e.message, &e.label, e.help));
                    return None;
                }
            }
        };
        let Some(received) = received else {
            if self.text(c.received).is_empty() {
                let what = if c.name == "stage 1" {
                    "this complaint has no date received"
                } else {
                    "this row has stage 2 dates but no date the request to escalate was received"
                };
                self.faults.push(Fault::error(
                    Some(c.received),
                    what.to_string(),
                    "no date",
                    format!(
                        "add the {} received date; every timescale and every year's count starts from it",
                        c.name
                    ),
                ));
            }
            return None;
        };
        let after = if c.name == "stage 1" {
            "the complaint was received"
        } else {
            "the request to escalate was received"
        };
        for (column, date, what) in [
            (c.acknowledged, acknowledged, "acknowledgement"),
            (c.responded, responded, "response"),
        ] {
            if let Some(d) = date.filter(|d| *d < received) {
                self.faults.push(Fault::error(
                    Some(column),
                    format!(
                        "the {} {what} ({}) is dated before {after} ({})",
                        c.name,
                        d.long(),
                        received.long()
                    ),
                    "before the date received",
                    "check both dates: one of them is wrong, and the timescales cannot be counted until it is fixed",
                ));
            }
        }
        // A date that is there but could not be read has been reported already; it is not also missing.
        let responded_given = responded.is_some() || !self.text(c.responded).is_empty();
        if !refused {
            match (responded, outcome) {
                (Some(_), None) => self.faults.push(Fault::error(
                    Some(c.outcome),
                    format!("a {} response with no outcome", c.name),
                    "no outcome",
                    "add the outcome (upheld, partly upheld or not upheld); the outcomes are counted among the responses",
                )),
                (None, Some(o)) if !responded_given => self.faults.push(Fault::error(
                    Some(c.responded),
                    format!("a {} outcome ({}) with no response date", c.name, outcome_name(o)),
                    "no response date",
                    "add the date the response was sent, or clear the outcome if the complaint is still being considered",
                )),
                _ => {}
            }
        }
        Some(StageDates {
            received,
            acknowledged,
            extended_to,
            responded,
            outcome,
        })
    }
}

/// An outcome in words.
pub(crate) fn outcome_name(o: Outcome) -> &'static str {
    match o {
        Outcome::Upheld => "upheld",
        Outcome::PartlyUpheld => "partly upheld",
        Outcome::NotUpheld => "not upheld",
    }
}
