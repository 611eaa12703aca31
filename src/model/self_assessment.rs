//! The self-assessment checked against the built-in Code catalogue: every provision answered once, each answer Yes
//! or No, every No carrying an explanation and actions (Code 8.1(a) and the form's own instructions), and the
//! governing body's approval recorded.
//!
//! The 2024 form asks "Comply: Yes / No", and the Ombudsman's annual submission asks each provision the same way
//! ("Landlords must confirm if they comply with each individual provision", guidance on annual submissions), so
//! "partial" is not an answer: a provision partly met is not met, and the commentary says what is in place.

use std::collections::BTreeMap;

use super::Period;
use crate::catalogue::{self, Catalogue};
use crate::data::date::Date;
use crate::data::self_assessment::{Approval as ApprovalData, SelfAssessmentFile};
use crate::diagnostics::{did_you_mean, Diagnostic, Diagnostics, SourceFile};

/// A provision's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Answer {
    /// Complies.
    Yes,
    /// Does not comply.
    No,
}

/// Why an answer could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AnswerError {
    /// "Partial", "partly met" and the like: not an answer the form allows.
    Partial,
    /// Anything else.
    Unknown,
}

impl Answer {
    /// Reads the spellings found on real forms: "Y", "Yes", "Complies", "N", "Not met". "Partial" and its
    /// spellings are refused with their own error, and anything else is refused rather than guessed, since a wrong
    /// guess would misstate compliance.
    pub(crate) fn parse(raw: &str) -> Result<Answer, AnswerError> {
        let s: String = raw
            .trim()
            .trim_end_matches(['.', '!'])
            .to_lowercase()
            .replace(['-', '_'], " ");
        match s.as_str() {
            "yes" | "y" | "complies" | "compliant" | "met" | "fully met" | "yes fully" | "true" => {
                Ok(Answer::Yes)
            }
            "partial"
            | "partially"
            | "partly"
            | "in part"
            | "partially met"
            | "partly met"
            | "partial compliance"
            | "partially compliant"
            | "yes partially" => Err(AnswerError::Partial),
            "no" | "n" | "not met" | "non compliant" | "not compliant" | "does not comply"
            | "false" => Ok(Answer::No),
            _ => Err(AnswerError::Unknown),
        }
    }
}

/// Why the governing body reviewed the self-assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ReviewReason {
    /// The yearly review the form requires ("reviewed and approved by the landlord's governing body at least
    /// annually").
    Annual,
    /// After "a significant restructure, merger and/or change in procedures" (Code 8.3).
    Restructure,
    /// At the Ombudsman's request "following an Ombudsman investigation" (Code 8.4).
    OmbudsmanRequest,
}

impl ReviewReason {
    fn parse(raw: &str) -> Option<ReviewReason> {
        let s = raw.trim().to_lowercase().replace(['-', '_'], " ");
        match s.as_str() {
            "annual" | "annually" | "yearly" | "annual review" => Some(ReviewReason::Annual),
            "restructure" | "merger" | "change in procedures" | "change of procedure" | "8.3" => {
                Some(ReviewReason::Restructure)
            }
            "ombudsman request" | "ombudsman" | "ombudsman investigation" | "8.4" => {
                Some(ReviewReason::OmbudsmanRequest)
            }
            _ => None,
        }
    }
}

/// The governing body's approval of the self-assessment.
#[derive(Debug, Clone)]
pub(crate) struct Approval {
    /// The body that approved it.
    pub(crate) body: String,
    /// When.
    pub(crate) date: Date,
    /// Why this review happened.
    pub(crate) reason: ReviewReason,
    /// Markdown: anything more.
    pub(crate) note: Option<String>,
}

/// The self-assessment, grouped by section in the Code's order.
#[derive(Debug, Clone)]
pub(crate) struct SelfAssessment {
    /// The governing body's approval.
    pub(crate) approval: Approval,
    /// Sections with their answered provisions.
    pub(crate) sections: Vec<SectionAnswers>,
    /// How many of each answer.
    pub(crate) counts: AnswerCounts,
    /// Provisions answered No, in order: what the page lists first.
    pub(crate) not_met: Vec<String>,
}

/// Totals of each answer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct AnswerCounts {
    /// Yes.
    pub(crate) yes: usize,
    /// No.
    pub(crate) no: usize,
}

impl AnswerCounts {
    fn add(&mut self, answer: Answer) {
        match answer {
            Answer::Yes => self.yes += 1,
            Answer::No => self.no += 1,
        }
    }
}

/// One section's provisions.
#[derive(Debug, Clone)]
pub(crate) struct SectionAnswers {
    /// 1 to 9.
    pub(crate) number: u8,
    /// Title.
    pub(crate) title: String,
    /// Provisions, in order.
    pub(crate) provisions: Vec<AnsweredProvision>,
    /// Totals in this section.
    pub(crate) counts: AnswerCounts,
}

/// A provision with the landlord's answer.
#[derive(Debug, Clone)]
pub(crate) struct AnsweredProvision {
    /// "5.10".
    pub(crate) number: String,
    /// The Code's requirement (markdown).
    pub(crate) requirement: String,
    /// 1 or 2 for stage provisions.
    pub(crate) stage: Option<u8>,
    /// The answer.
    pub(crate) answer: Answer,
    /// Evidence (markdown).
    pub(crate) evidence: String,
    /// Commentary (markdown).
    pub(crate) commentary: Option<String>,
    /// Explanation of a shortfall (markdown).
    pub(crate) explanation: Option<String>,
    /// Actions.
    pub(crate) actions: Vec<Action>,
}

/// An action towards compliance.
#[derive(Debug, Clone)]
pub(crate) struct Action {
    /// What.
    pub(crate) action: String,
    /// Who.
    pub(crate) owner: String,
    /// By when.
    pub(crate) due: Date,
    /// How far it has got.
    pub(crate) status: ActionStatus,
}

/// How far an action has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ActionStatus {
    /// Not started.
    NotStarted,
    /// In progress.
    InProgress,
    /// Done.
    Done,
}

impl ActionStatus {
    /// The words the data files use, in order.
    pub(crate) const WORDS: [&'static str; 3] = ["not started", "in progress", "done"];

    fn parse(raw: &str) -> Option<ActionStatus> {
        match raw.trim().to_lowercase().as_str() {
            "not started" => Some(ActionStatus::NotStarted),
            "in progress" => Some(ActionStatus::InProgress),
            "done" => Some(ActionStatus::Done),
            _ => None,
        }
    }
}

/// Checks the answers against the catalogue, and the approval (from the TOML form's `[approval]`, or from
/// `data/approval.toml` beside the CSV form). Returns `None` if anything is wrong.
pub(crate) fn build(
    file: &SelfAssessmentFile,
    src: &SourceFile,
    approval: Option<(&ApprovalData, &SourceFile, std::ops::Range<usize>)>,
    period: Option<Period>,
    diags: &mut Diagnostics,
) -> Option<SelfAssessment> {
    let cat = catalogue::catalogue();
    let before = diags.error_count();
    let approval = check_approval(approval, src, period, diags);
    let mut answered: BTreeMap<String, AnsweredProvision> = BTreeMap::new();
    for p in &file.provisions {
        let number = catalogue::normalise_number(p.number.get_ref());
        let Some(provision) = cat.get(&number) else {
            diags.push(unknown_provision(cat, &number, src, p.number.span()));
            continue;
        };
        if answered.contains_key(&number) {
            diags.push(
                Diagnostic::error(format!("provision {number} is answered twice"))
                    .at(src, p.number.span())
                    .label("second answer")
                    .help("keep one answer per provision; merge the evidence into one entry"),
            );
            continue;
        }
        let answer = match Answer::parse(p.comply.get_ref()) {
            Ok(a) => a,
            Err(AnswerError::Partial) => {
                diags.push(
                    Diagnostic::error(format!(
                        "`{}` is not an answer on the 2024 form (provision {number})",
                        p.comply.get_ref()
                    ))
                    .at(src, p.comply.span())
                    .label("the form asks Yes or No")
                    .help("a provision partly met is not met: answer comply = \"no\", say in the commentary what is already in place, and give the explanation and actions the form asks for every No"),
                );
                continue;
            }
            Err(AnswerError::Unknown) => {
                diags.push(
                    Diagnostic::error(format!(
                        "`{}` is not an answer redress understands (provision {number})",
                        p.comply.get_ref()
                    ))
                    .at(src, p.comply.span())
                    .label("expected yes or no")
                    .help("write comply = \"yes\" or \"no\""),
                );
                continue;
            }
        };
        if answer == Answer::No {
            let blank = p.explanation.as_deref().is_none_or(|e| e.trim().is_empty());
            if blank {
                diags.push(
                    Diagnostic::error(format!("provision {number} is answered `{}` but has no explanation", p.comply.get_ref()))
                        .at(src, p.comply.span())
                        .label("needs an explanation")
                        .help("add explanation = \"...\" saying why it is not met; the form requires it for every No"),
                );
            }
            if p.actions.is_empty() {
                diags.push(
                    Diagnostic::error(format!("provision {number} is answered `{}` but has no actions", p.comply.get_ref()))
                        .at(src, p.comply.span())
                        .label("needs actions")
                        .help("add at least one [[provisions.actions]] with action, owner and due, saying how it will be met"),
                );
            }
        } else if p.evidence.trim().is_empty() {
            diags.push(
                Diagnostic::warning(format!("provision {number} is answered yes with no evidence"))
                    .at(src, p.comply.span())
                    .help("the form asks for every statement to be supported with evidence: add evidence = \"...\""),
            );
        }
        let actions = p
            .actions
            .iter()
            .filter_map(|a| action(a, &number, src, period.map(|p| p.end), diags))
            .collect();
        answered.insert(
            number.clone(),
            AnsweredProvision {
                number,
                requirement: provision.text.clone(),
                stage: provision.stage,
                answer,
                evidence: p.evidence.clone(),
                commentary: p.commentary.clone().filter(|c| !c.trim().is_empty()),
                explanation: p.explanation.clone().filter(|c| !c.trim().is_empty()),
                actions,
            },
        );
    }
    let missing: Vec<&str> = cat
        .provisions
        .iter()
        .filter(|p| !answered.contains_key(&p.number))
        .map(|p| p.number.as_str())
        .collect();
    if !missing.is_empty() && diags.error_count() == before {
        diags.push(
            Diagnostic::error(format!(
                "{} of the Code's 72 provisions {} not answered: {}",
                missing.len(),
                if missing.len() == 1 { "is" } else { "are" },
                missing.join(", ")
            ))
            .in_file(src)
            .help("add a [[provisions]] entry for each; Code 8.1(a) requires the whole self-assessment in the report"),
        );
    }
    if diags.error_count() > before {
        return None;
    }
    let mut sections = Vec::new();
    let mut counts = AnswerCounts::default();
    let mut not_met = Vec::new();
    for s in &cat.sections {
        let mut section = SectionAnswers {
            number: s.number,
            title: s.title.clone(),
            provisions: Vec::new(),
            counts: AnswerCounts::default(),
        };
        for p in cat.provisions.iter().filter(|p| p.section == s.number) {
            let a = answered.remove(&p.number)?;
            section.counts.add(a.answer);
            counts.add(a.answer);
            if a.answer == Answer::No {
                not_met.push(a.number.clone());
            }
            section.provisions.push(a);
        }
        sections.push(section);
    }
    Some(SelfAssessment {
        approval: approval?,
        sections,
        counts,
        not_met,
    })
}

fn action(
    a: &crate::data::self_assessment::Action,
    number: &str,
    src: &SourceFile,
    period_end: Option<Date>,
    diags: &mut Diagnostics,
) -> Option<Action> {
    let status = ActionStatus::parse(a.status.get_ref());
    if status.is_none() {
        let hint = did_you_mean(
            &a.status.get_ref().trim().to_lowercase(),
            ActionStatus::WORDS,
        )
        .map_or(String::new(), |s| format!("did you mean \"{s}\"? "));
        diags.push(
            Diagnostic::error(format!("`{}` is not an action status", a.status.get_ref()))
                .at(src, a.status.span())
                .help(format!(
                    "{hint}use one of: {}",
                    ActionStatus::WORDS.join(", ")
                )),
        );
    }
    if a.action.trim().is_empty() {
        diags.push(
            Diagnostic::error(format!("an action for provision {number} does not say what will be done"))
                .at(src, a.due.span())
                .label("in this action")
                .help("write what will be done in action = \"...\", so readers can tell how the provision will be met"),
        );
    }
    if a.owner.trim().is_empty() {
        diags.push(
            Diagnostic::error(format!("an action for provision {number} has no owner"))
                .at(src, a.due.span())
                .help("give the job title of the person responsible: owner = \"Head of Customer Experience\""),
        );
    }
    if status != Some(ActionStatus::Done) {
        if let Some(end) = period_end {
            if *a.due.get_ref() < end {
                diags.push(
                    Diagnostic::warning(format!(
                        "the action for provision {number} was due on {} and is not done",
                        a.due.get_ref().long()
                    ))
                    .at(src, a.due.span())
                    .label("past due at the end of the period")
                    .help(
                        "update its status, or give a new due date and say why in the explanation",
                    ),
                );
            }
        }
    }
    Some(Action {
        action: a.action.clone(),
        owner: a.owner.clone(),
        due: *a.due.get_ref(),
        status: status?,
    })
}

/// The form "must be reviewed and approved by the landlord's governing body at least annually" (the 2024
/// self-assessment form's preamble), and again after a significant restructure (Code 8.3) or when the Ombudsman
/// asks (Code 8.4). So the report says who approved it, when and why; an approval from before the report year
/// began cannot be this year's review.
fn check_approval(
    approval: Option<(&ApprovalData, &SourceFile, std::ops::Range<usize>)>,
    answers: &SourceFile,
    period: Option<Period>,
    diags: &mut Diagnostics,
) -> Option<Approval> {
    let Some((a, src, at)) = approval else {
        // Beside the CSV form the approval has its own file, whose absence the data layer has reported already.
        if answers.name.ends_with(".csv") {
            return None;
        }
        diags.push(
            Diagnostic::error("the self-assessment does not say when the governing body approved it")
                .in_file(answers)
                .help("add an [approval] table with body = \"Board\", date = 2026-06-18 and reason = \"annual\" (or \"restructure\", Code 8.3, or \"ombudsman request\", Code 8.4): the form must be reviewed and approved by the governing body at least annually"),
        );
        return None;
    };
    let mut ok = true;
    let mut missing = |key: &str, help: &str| {
        ok = false;
        diags.push(
            Diagnostic::error(format!("the self-assessment's approval has no `{key}`"))
                .at(src, at.clone())
                .label("in this approval")
                .help(help.to_string()),
        );
    };
    if a.body
        .as_ref()
        .is_none_or(|b| b.get_ref().trim().is_empty())
    {
        missing(
            "body",
            "name the governing body that approved it: body = \"Board\"",
        );
    }
    if a.date.is_none() {
        missing("date", "give the day it was approved: date = 2026-06-18");
    }
    if a.reason.is_none() {
        missing("reason", "say why this review happened: reason = \"annual\", \"restructure\" (Code 8.3) or \"ombudsman request\" (Code 8.4)");
    }
    let reason = a.reason.as_ref().and_then(|r| {
        let parsed = ReviewReason::parse(r.get_ref());
        if parsed.is_none() {
            ok = false;
            diags.push(
                Diagnostic::error(format!("`{}` is not a reason for reviewing the self-assessment", r.get_ref()))
                    .at(src, r.span())
                    .label("expected annual, restructure or ombudsman request")
                    .help("\"annual\" for the yearly review, \"restructure\" after a restructure, merger or change in procedures (Code 8.3), \"ombudsman request\" after an Ombudsman investigation (Code 8.4)"),
            );
        }
        parsed
    });
    if let (Some(date), Some(period)) = (&a.date, period) {
        if *date.get_ref() < period.start {
            ok = false;
            diags.push(
                Diagnostic::error(format!(
                    "the self-assessment was approved on {}, before the report year began ({})",
                    date.get_ref().long(),
                    period.start.long()
                ))
                .at(src, date.span())
                .label("an earlier year's approval")
                .help("the form must be reviewed and approved by the governing body at least annually: give the date of this year's review"),
            );
        }
    }
    if !ok {
        return None;
    }
    Some(Approval {
        body: a.body.as_ref()?.get_ref().trim().to_string(),
        date: *a.date.as_ref()?.get_ref(),
        reason: reason?,
        note: a.note.clone().filter(|n| !n.trim().is_empty()),
    })
}

fn unknown_provision(
    cat: &Catalogue,
    number: &str,
    src: &SourceFile,
    span: std::ops::Range<usize>,
) -> Diagnostic {
    let help = if number == "1.1" {
        "provision 1.1 is not on the self-assessment form; remove this entry".to_string()
    } else {
        match did_you_mean(number, cat.provisions.iter().map(|p| p.number.as_str())) {
            Some(s) => format!("did you mean {s}? The form's provisions run 1.2-1.6, 2.1-2.5, 3.1-3.7, 4.1-4.3, 5.1-5.15, 6.1-6.20, 7.1-7.4, 8.1-8.5 and 9.1-9.8"),
            None => "the form's provisions run 1.2-1.6, 2.1-2.5, 3.1-3.7, 4.1-4.3, 5.1-5.15, 6.1-6.20, 7.1-7.4, 8.1-8.5 and 9.1-9.8".to_string(),
        }
    };
    Diagnostic::error(format!(
        "`{number}` is not a provision of the 2024 Code's self-assessment form"
    ))
    .at(src, span)
    .label("unknown provision")
    .help(help)
}

#[cfg(test)]
mod tests {
    use super::{Answer, AnswerError};

    #[test]
    fn reads_common_spellings() {
        assert_eq!(Answer::parse("Y"), Ok(Answer::Yes));
        assert_eq!(Answer::parse(" Yes. "), Ok(Answer::Yes));
        assert_eq!(Answer::parse("Partially met"), Err(AnswerError::Partial));
        assert_eq!(Answer::parse("not-met"), Ok(Answer::No));
        assert_eq!(Answer::parse("maybe"), Err(AnswerError::Unknown));
    }
}
