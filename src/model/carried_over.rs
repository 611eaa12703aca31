//! Files carried over from an earlier year by `redress new-year`, each a warning until someone has reviewed it.
//!
//! `new-year` keeps last year's words and answers as the draft for the next report, and marks every file it kept
//! with `carried_over = "2025-26"` (at the top of a data file, in a content file's front matter). Each mark is a
//! warning that names the file and says what to review there for the report year; removing the line is how a person
//! says it is done. A mark is only a warning, because a draft is a legitimate state of a site; but
//! `redress new-year` will not freeze a year that still has one, and `check --deny-warnings` fails on it.

use toml::Spanned;

use crate::data::SiteInput;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};

/// The part of the report a carried-over file holds, which decides what there is to review.
#[derive(Debug, Clone, Copy)]
enum Part {
    Performance,
    SelfAssessment,
    Approval,
    Ombudsman,
    Improvements,
    Introduction,
    Analysis,
    Response,
    MemberStatement,
    Page,
}

/// Pushes one warning per carried-over file. `year` is the report year (site.toml's period label) and `body` what
/// the governing body is called, both for the wording.
pub(super) fn warn(
    input: &SiteInput,
    year: Option<&str>,
    body: Option<&str>,
    diags: &mut Diagnostics,
) {
    let year = year.unwrap_or("this year");
    let body = body.unwrap_or("governing body");
    // The approval is the one date of a carried-over file that no rule catches: last year's review is usually
    // approved after last year ended, so inside the new year, where a date of this year's review would also be.
    let approved = input
        .self_assessment
        .as_ref()
        .and_then(|(f, _)| f.approval.as_ref())
        .and_then(|a| a.get_ref().date.as_ref())
        .or_else(|| input.approval.as_ref().and_then(|(a, _)| a.date.as_ref()))
        .map(|d| d.get_ref().long());
    let mut marks: Vec<(&SourceFile, &Spanned<String>, Part)> = Vec::new();
    if let Some((f, src)) = &input.performance {
        marks.extend(f.carried_over.as_ref().map(|m| (src, m, Part::Performance)));
    }
    if let Some((f, src)) = &input.self_assessment {
        marks.extend(
            f.carried_over
                .as_ref()
                .map(|m| (src, m, Part::SelfAssessment)),
        );
    }
    if let (Some((_, src)), Some(m)) = (&input.approval, &input.approval_carried_over) {
        marks.push((src, m, Part::Approval));
    }
    if let Some((f, src)) = &input.ombudsman {
        marks.extend(f.carried_over.as_ref().map(|m| (src, m, Part::Ombudsman)));
    }
    if let Some((f, src)) = &input.improvements {
        marks.extend(
            f.carried_over
                .as_ref()
                .map(|m| (src, m, Part::Improvements)),
        );
    }
    for page in &input.content {
        let part = match page.slug.as_str() {
            "introduction" => Part::Introduction,
            "analysis" => Part::Analysis,
            "governing-body-response" => Part::Response,
            "member-responsible-for-complaints" => Part::MemberStatement,
            _ => Part::Page,
        };
        marks.extend(
            page.front
                .carried_over
                .as_ref()
                .map(|m| (&page.source, m, part)),
        );
    }
    for (src, mark, part) in marks {
        let from = mark.get_ref();
        let (message, todo) = words(part, from, year, body, approved.as_deref());
        diags.push(
            Diagnostic::warning(message)
                .at(src, mark.span())
                .label(format!("carried over from {from}"))
                .help(format!(
                    "{todo}; then delete the line `carried_over = \"{from}\"` to say it is done"
                )),
        );
    }
}

/// What the warning says about one part, and what to do: `from` is the year the file was written for, `year` the
/// report year.
fn words(
    part: Part,
    from: &str,
    year: &str,
    body: &str,
    approved: Option<&str>,
) -> (String, String) {
    match part {
        Part::Performance => (
            format!("the figures for {year} are still to be filled in (this file was carried over from {from})"),
            format!("give {year}'s counts in its [[years]] entry, or the complaints log it names (a count is 0 until you do); check its homes and targets, and update the [[sector]] comparisons when the Regulator publishes new ones"),
        ),
        Part::SelfAssessment | Part::Approval => (
            format!("the self-assessment is {from}'s, kept as the draft for {year}'s review"),
            format!(
                "review each answer, its evidence and its actions against how you handle complaints now; the {body} must approve it at least once a year, so {}",
                match approved {
                    Some(date) => format!("replace the approval's date ({date}, the approval of {from}'s) with the day the {body} approves this one"),
                    None => format!("give the day the {body} approves it in the approval's `date`"),
                }
            ),
        ),
        Part::Ombudsman => (
            format!("what the Ombudsman found and published about you in {year} is still to be added (this file was carried over from {from})"),
            format!("the lists for the year were emptied: add {year}'s findings of non-compliance, orders, failure orders and notices and the Ombudsman's reports about you, or leave a list empty to say there were none (Code 8.1(c), (e), (f)); add {year}'s [[determinations]] when the Ombudsman publishes its landlord data"),
        ),
        Part::Improvements => (
            format!("the improvements are those still under way at the end of {from}"),
            format!("update each one's status and date, and add what you changed in {year} because of complaints (Code 8.1(d))"),
        ),
        Part::Introduction => (
            format!("the introduction is {from}'s"),
            format!("rewrite it for {year}"),
        ),
        Part::Analysis => (
            format!("the analysis of complaint handling is {from}'s"),
            format!("rewrite it for {year}'s figures: the themes behind the year's complaints, their causes and what the figures show (Code 8.1(b))"),
        ),
        Part::Response => (
            format!("the {body}'s response is to the {from} report"),
            format!("replace it with the {body}'s response to the {year} report (Code 8.2), with the date it was agreed in `date`"),
        ),
        Part::MemberStatement => (
            format!("the Member Responsible for Complaints' statement is {from}'s"),
            format!("replace it with their statement on {year}, with its date in `date`"),
        ),
        Part::Page => (
            format!("this page was written for {from}"),
            format!("check that what it says still holds for {year}: figures, dates, names"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::self_assessment::ApprovalFile;

    #[test]
    fn the_approval_beside_a_csv_form_carries_its_own_mark() {
        let src = SourceFile::new(
            "data/approval.toml",
            "x",
            "carried_over = \"2024-25\"\nbody = \"Board\"\ndate = 2025-06-18\nreason = \"annual\"\n",
        );
        let mut diags = Diagnostics::new();
        let file: ApprovalFile = crate::data::toml_doc::load(&src, &mut diags).unwrap();
        let (approval, mark) = file.split();
        let input = SiteInput {
            approval: Some((approval, src)),
            approval_carried_over: mark,
            ..SiteInput::default()
        };
        warn(&input, Some("2025-26"), Some("Board"), &mut diags);
        let d = &diags.sorted()[0];
        assert_eq!(
            d.message,
            "the self-assessment is 2024-25's, kept as the draft for 2025-26's review"
        );
        assert_eq!(d.file.as_deref(), Some("data/approval.toml"));
        assert_eq!(d.location.as_ref().unwrap().line, 1);
        assert!(d
            .help
            .as_ref()
            .unwrap()
            .contains("(18 June 2025, the approval of 2024-25's)"));
        assert!(d
            .help
            .as_ref()
            .unwrap()
            .ends_with("then delete the line `carried_over = \"2024-25\"` to say it is done"));
    }
}
