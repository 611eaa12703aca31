//! The self-assessment checked against the built-in Code catalogue: every provision answered once, each answer one
//! of Yes, No or Partial, and every shortfall carrying an explanation and actions (Code 8.1(a) and the form's own
//! instructions: "for any No, an explanation, actions and timescales").

use std::collections::BTreeMap;

use serde::Serialize;

use crate::catalogue::{self, Catalogue};
use crate::data::date::Date;
use crate::data::self_assessment::SelfAssessmentFile;
use crate::diagnostics::{did_you_mean, Diagnostic, Diagnostics, SourceFile};

/// A provision's answer, normalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Answer {
    /// Complies.
    Yes,
    /// Complies in part.
    Partial,
    /// Does not comply.
    No,
}

impl Answer {
    /// Reads the spellings found on real forms: "Y", "Yes", "Complies", "Partially", "Partly met", "N", "Not met".
    /// Anything else is refused rather than guessed, since a wrong guess would misstate compliance.
    pub fn parse(raw: &str) -> Option<Answer> {
        let s: String = raw
            .trim()
            .trim_end_matches(['.', '!'])
            .to_lowercase()
            .replace(['-', '_'], " ");
        match s.as_str() {
            "yes" | "y" | "complies" | "compliant" | "met" | "fully met" | "yes fully" | "true" => {
                Some(Answer::Yes)
            }
            "partial"
            | "partially"
            | "partly"
            | "in part"
            | "partially met"
            | "partly met"
            | "partial compliance"
            | "partially compliant"
            | "yes partially" => Some(Answer::Partial),
            "no" | "n" | "not met" | "non compliant" | "not compliant" | "does not comply"
            | "false" => Some(Answer::No),
            _ => None,
        }
    }

    /// The word shown to readers.
    pub fn label(self) -> &'static str {
        match self {
            Answer::Yes => "Yes",
            Answer::Partial => "Partly",
            Answer::No => "No",
        }
    }
}

/// The self-assessment, grouped by section in the Code's order.
#[derive(Debug, Clone, Serialize)]
pub struct SelfAssessment {
    /// When the governing body approved it.
    pub approved: Option<String>,
    /// Sections with their answered provisions.
    pub sections: Vec<SectionAnswers>,
    /// How many of each answer.
    pub counts: AnswerCounts,
    /// Provisions answered No or Partial, in order: what the page lists first.
    pub not_met: Vec<String>,
}

/// Totals of each answer.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct AnswerCounts {
    /// Yes.
    pub yes: usize,
    /// Partial.
    pub partial: usize,
    /// No.
    pub no: usize,
}

/// One section's provisions.
#[derive(Debug, Clone, Serialize)]
pub struct SectionAnswers {
    /// 1 to 9.
    pub number: u8,
    /// Title.
    pub title: String,
    /// Provisions, in order.
    pub provisions: Vec<AnsweredProvision>,
    /// Totals in this section.
    pub counts: AnswerCounts,
}

/// A provision with the landlord's answer.
#[derive(Debug, Clone, Serialize)]
pub struct AnsweredProvision {
    /// "5.10".
    pub number: String,
    /// `provision-5-10`: the anchor every provision can be linked by.
    pub anchor: String,
    /// The Code's requirement (markdown).
    pub requirement: String,
    /// 1 or 2 for stage provisions.
    pub stage: Option<u8>,
    /// Normalised answer.
    pub answer: Answer,
    /// Reader-facing answer word.
    pub answer_label: &'static str,
    /// Evidence (markdown).
    pub evidence: String,
    /// Commentary (markdown).
    pub commentary: Option<String>,
    /// Explanation of a shortfall (markdown).
    pub explanation: Option<String>,
    /// Actions.
    pub actions: Vec<ActionView>,
}

/// An action towards compliance.
#[derive(Debug, Clone, Serialize)]
pub struct ActionView {
    /// What.
    pub action: String,
    /// Who.
    pub owner: String,
    /// By when (ISO).
    pub due: String,
    /// By when, for readers.
    pub due_long: String,
    /// Status word.
    pub status: String,
}

const STATUSES: [&str; 3] = ["not started", "in progress", "done"];

/// Checks the answers against the catalogue. Returns `None` if anything is wrong.
pub fn build(
    file: &SelfAssessmentFile,
    src: &SourceFile,
    period_end: Option<Date>,
    diags: &mut Diagnostics,
) -> Option<SelfAssessment> {
    let cat = catalogue::catalogue();
    let before = diags.error_count();
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
        let Some(answer) = Answer::parse(p.comply.get_ref()) else {
            diags.push(
                Diagnostic::error(format!(
                    "`{}` is not an answer redress understands (provision {number})",
                    p.comply.get_ref()
                ))
                .at(src, p.comply.span())
                .label("expected yes, no or partial")
                .help("write comply = \"yes\", \"no\" or \"partial\""),
            );
            continue;
        };
        if answer != Answer::Yes {
            let blank = p.explanation.as_deref().is_none_or(|e| e.trim().is_empty());
            if blank {
                diags.push(
                    Diagnostic::error(format!("provision {number} is answered `{}` but has no explanation", p.comply.get_ref()))
                        .at(src, p.comply.span())
                        .label("needs an explanation")
                        .help("add explanation = \"...\" saying why it is not (fully) met; the form requires it for every No"),
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
        let mut actions = Vec::new();
        for a in &p.actions {
            let status = a.status.get_ref().trim().to_lowercase();
            if !STATUSES.contains(&status.as_str()) {
                let hint = did_you_mean(&status, STATUSES)
                    .map_or(String::new(), |s| format!("did you mean \"{s}\"? "));
                diags.push(
                    Diagnostic::error(format!("`{}` is not an action status", a.status.get_ref()))
                        .at(src, a.status.span())
                        .help(format!("{hint}use one of: {}", STATUSES.join(", "))),
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
            if status != "done" {
                if let Some(end) = period_end {
                    if *a.due.get_ref() < end {
                        diags.push(
                            Diagnostic::warning(format!(
                                "the action for provision {number} was due on {} and is not done",
                                a.due.get_ref().long()
                            ))
                            .at(src, a.due.span())
                            .label("past due at the end of the period")
                            .help("update its status, or give a new due date and say why in the explanation"),
                        );
                    }
                }
            }
            actions.push(ActionView {
                action: a.action.clone(),
                owner: a.owner.clone(),
                due: a.due.get_ref().to_string(),
                due_long: a.due.get_ref().long(),
                status,
            });
        }
        answered.insert(
            number.clone(),
            AnsweredProvision {
                anchor: format!("provision-{}", number.replace('.', "-")),
                number,
                requirement: provision.text.clone(),
                stage: provision.stage,
                answer,
                answer_label: answer.label(),
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
            for c in [&mut section.counts, &mut counts] {
                match a.answer {
                    Answer::Yes => c.yes += 1,
                    Answer::Partial => c.partial += 1,
                    Answer::No => c.no += 1,
                }
            }
            if a.answer != Answer::Yes {
                not_met.push(a.number.clone());
            }
            section.provisions.push(a);
        }
        sections.push(section);
    }
    Some(SelfAssessment {
        approved: file.approved.map(|d| d.long()),
        sections,
        counts,
        not_met,
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
    use super::Answer;

    #[test]
    fn reads_common_spellings() {
        assert_eq!(Answer::parse("Y"), Some(Answer::Yes));
        assert_eq!(Answer::parse(" Yes. "), Some(Answer::Yes));
        assert_eq!(Answer::parse("Partially met"), Some(Answer::Partial));
        assert_eq!(Answer::parse("not-met"), Some(Answer::No));
        assert_eq!(Answer::parse("maybe"), None);
    }
}
