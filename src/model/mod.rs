//! The checked report: everything the pages show, built only from the input files and the Code catalogue.
//!
//! Building the model is where a site's data is judged. Each rule pushes a diagnostic naming the file, line and
//! column; [`build`] returns `None` when any error was found, so no page is ever rendered from data that failed a
//! check. The completeness rules are Code 8.1 (a)-(f) and 8.2: a part that is empty this year must say so
//! explicitly in the data, and a part that is simply absent is an error naming the provision.

mod carried_over;
pub(crate) mod case_log;
pub(crate) mod colour;
mod content;
mod counts;
mod figures;
pub(crate) mod improvements;
pub(crate) mod ombudsman;
pub(crate) mod pages;
pub(crate) mod past_reports;
pub(crate) mod performance;
mod repeats;
pub(crate) mod self_assessment;
pub(crate) mod site;

use crate::data::date::Date;
use crate::data::SiteInput;
use crate::diagnostics::{Diagnostic, Diagnostics};

pub(crate) use content::{Page, Statement};
pub(crate) use performance::Year;

/// The whole report, checked: typed values only, nothing in it is text waiting to be parsed or a number waiting
/// to be judged.
#[derive(Debug, Clone)]
pub(crate) struct Report {
    /// site.toml.
    pub(crate) site: site::Site,
    /// The years, oldest first; the last is the report year.
    pub(crate) years: Vec<Year>,
    /// Sector comparisons for the report year's measures.
    pub(crate) sector: Vec<performance::Sector>,
    /// The self-assessment.
    pub(crate) self_assessment: self_assessment::SelfAssessment,
    /// What the Ombudsman decided and published.
    pub(crate) ombudsman: ombudsman::Ombudsman,
    /// Service improvements.
    pub(crate) improvements: Vec<improvements::Improvement>,
    /// content/introduction.md.
    pub(crate) introduction: Page,
    /// content/analysis.md: the landlord's own analysis of the year (Code 8.1(b)).
    pub(crate) analysis: Page,
    /// content/governing-body-response.md (Code 8.2).
    pub(crate) response: Statement,
    /// content/member-responsible-for-complaints.md, when given.
    pub(crate) member_statement: Option<Statement>,
    /// Other content pages, in navigation order.
    pub(crate) pages: Vec<Page>,
    /// Every year's report, newest first, for the past reports page.
    pub(crate) past_reports: Vec<past_reports::PastYear>,
}

/// Checks everything and assembles the report; `None` if there were errors (all of them are in `diags`).
pub(crate) fn build(input: SiteInput, diags: &mut Diagnostics) -> Option<Report> {
    let before = diags.error_count();
    let site = match (&input.config, &input.config_source) {
        (Some(c), Some(src)) => site::build(c, src, diags),
        _ => None,
    };
    let config = input.config.as_ref();
    let label = config.map(|c| c.period.label.get_ref().clone());
    // A period that ends before it starts is reported by site::build; checking dates against it would only add
    // noise.
    let period = config
        .map(|c| Period {
            start: *c.period.start.get_ref(),
            end: *c.period.end.get_ref(),
        })
        .filter(|p| p.start < p.end);
    carried_over::warn(
        &input,
        label.as_deref(),
        config.map(|c| c.landlord.governing_body.as_str()),
        diags,
    );
    let past_reports = past_reports::build(
        input.past_reports.as_ref(),
        &input.frozen,
        &input.static_files,
        label.as_deref(),
        diags,
    );
    let tenure = site.as_ref().map(|s| s.tenure);
    let overlap = site.as_ref().is_some_and(|s| s.categories_overlap);

    let (years, sector) = input
        .performance
        .as_ref()
        .map(|(f, src)| {
            performance::build(
                f,
                src,
                &input.case_logs,
                label.as_deref(),
                tenure,
                overlap,
                diags,
            )
        })
        .unwrap_or_default();
    let self_assessment = input.self_assessment.as_ref().and_then(|(f, src)| {
        let approval = match (&f.approval, &input.approval) {
            (Some(a), _) => Some((a.get_ref(), src, a.span())),
            (None, Some((a, asrc))) => Some((a, asrc, 0..0)),
            (None, None) => None,
        };
        self_assessment::build(f, src, approval, period, diags)
    });
    let ombudsman = input
        .ombudsman
        .as_ref()
        .and_then(|(o, src)| ombudsman::build(o, src, &years, period, diags));

    let improvements = input.improvements.as_ref().and_then(|(f, src)| match &f.improvements {
        None => {
            diags.push(
                Diagnostic::error("`improvements` is missing: Code 8.1(d) requires the service improvements made as a result of learning from complaints")
                    .in_file(src)
                    .help("add [[improvements]] tables, or `improvements = []` if there were none this year"),
            );
            None
        }
        Some(list) => Some(improvements::build(list, src, period, diags)),
    });
    let content = content::build(input.content, period, site.as_ref(), diags);
    if diags.error_count() > before {
        return None;
    }
    let content = content?;
    Some(Report {
        site: site?,
        years,
        sector,
        self_assessment: self_assessment?,
        ombudsman: ombudsman?,
        improvements: improvements?,
        introduction: content.introduction,
        analysis: content.analysis,
        response: content.response,
        member_statement: content.member_statement,
        pages: content.pages,
        past_reports,
    })
    .filter(|r| !r.years.is_empty())
}

/// The report year's first and last day, from site.toml.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Period {
    /// First day.
    pub(crate) start: Date,
    /// Last day.
    pub(crate) end: Date,
}

impl Period {
    /// "1 April 2025 to 31 March 2026".
    pub(crate) fn describe(&self) -> String {
        format!("{} to {}", self.start.long(), self.end.long())
    }

    /// Whether `date` falls in the period, both ends included.
    pub(crate) fn contains(&self, date: Date) -> bool {
        self.start <= date && date <= self.end
    }
}

impl Report {
    /// The report year: always present, since [`build`] refuses a report without years.
    pub(crate) fn current(&self) -> &Year {
        &self.years[self.years.len() - 1]
    }

    /// The year before the report year, if given.
    pub(crate) fn previous(&self) -> Option<&Year> {
        self.years.len().checked_sub(2).map(|i| &self.years[i])
    }
}
