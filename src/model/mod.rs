//! The checked report: everything the pages show, built only from the input files and the Code catalogue.
//!
//! Building the model is where a site's data is judged. Each rule pushes a diagnostic naming the file, line and
//! column; [`build`] returns `None` when any error was found, so no page is ever rendered from data that failed a
//! check. The completeness rules are Code 8.1 (a)-(f) and 8.2: a part that is empty this year must say so
//! explicitly in the data, and a part that is simply absent is an error naming the provision.

mod counts;
mod improvements;
mod ombudsman;
pub mod performance;
mod repeats;
pub mod self_assessment;

use serde::Serialize;

use crate::config::SiteConfig;
use crate::data::content::ContentPage;
use crate::data::date::Date;
use crate::data::ombudsman::{Determinations, OmbudsmanFile};
use crate::data::SiteInput;
use crate::diagnostics::{Diagnostic, Diagnostics};

pub use performance::Year;
pub use self_assessment::{Answer, SelfAssessment};

/// The whole report, checked.
#[derive(Debug, Clone)]
pub struct Report {
    /// site.toml.
    pub site: SiteConfig,
    /// Report year, oldest first; the last is the report year.
    pub years: Vec<Year>,
    /// The self-assessment.
    pub self_assessment: SelfAssessment,
    /// What the Ombudsman found and published.
    pub ombudsman: OmbudsmanFile,
    /// Service improvements.
    pub improvements: Vec<ImprovementView>,
    /// content/introduction.md.
    pub introduction: ContentPage,
    /// content/governing-body-response.md.
    pub response: ContentPage,
    /// Other content pages, in navigation order.
    pub pages: Vec<ContentPage>,
}

/// An improvement as pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct ImprovementView {
    /// Theme.
    pub theme: String,
    /// Markdown.
    pub you_said: String,
    /// Markdown.
    pub we_did: String,
    /// ISO date.
    pub date: Option<String>,
    /// "14 October 2025".
    pub date_long: Option<String>,
    /// done, in progress or planned.
    pub status: String,
}

/// Checks everything and assembles the report; `None` if there were errors (all of them are in `diags`).
pub fn build(input: SiteInput, diags: &mut Diagnostics) -> Option<Report> {
    let before = diags.error_count();
    let config = input.config;
    if let (Some(c), Some(src)) = (&config, &input.config_source) {
        check_config(c, src, diags);
    }
    let label = config.as_ref().map(|c| c.period.label.get_ref().clone());
    let period_end = config.as_ref().map(|c| *c.period.end.get_ref());
    // A period that ends before it starts is reported by check_config; checking dates against it would only add
    // noise.
    let period = config
        .as_ref()
        .map(|c| Period {
            start: *c.period.start.get_ref(),
            end: *c.period.end.get_ref(),
        })
        .filter(|p| p.start < p.end);

    let years = input
        .performance
        .as_ref()
        .map(|(f, src)| performance::build(f, src, label.as_deref(), diags))
        .unwrap_or_default();
    let self_assessment = input
        .self_assessment
        .as_ref()
        .and_then(|(f, src)| self_assessment::build(f, src, period_end, diags));

    if let Some((o, src)) = &input.ombudsman {
        ombudsman::check(o, src, &years, period, diags);
    }

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

    let mut introduction = None;
    let mut response = None;
    let mut pages = Vec::new();
    for page in input.content {
        match page.slug.as_str() {
            "introduction" => introduction = Some(page),
            "governing-body-response" => {
                check_response(&page, period, diags);
                response = Some(page);
            }
            _ => pages.push(page),
        }
    }
    pages.sort_by(|a, b| {
        (a.front.order.unwrap_or(i64::MAX), &a.slug)
            .cmp(&(b.front.order.unwrap_or(i64::MAX), &b.slug))
    });
    for p in &pages {
        if RESERVED_SLUGS.contains(&p.slug.as_str()) {
            diags.push(
                Diagnostic::error(format!(
                    "`{}` would replace one of the report's own pages",
                    p.source.name
                ))
                .in_file(&p.source)
                .help(format!(
                    "rename the file; these names are taken: {}",
                    RESERVED_SLUGS.join(", ")
                )),
            );
        }
    }
    if introduction.is_none() {
        diags.push(Diagnostic::error("`content/introduction.md` is missing").help(
            "add it with front matter `title = \"Introduction\"`: it opens the home page and the full report",
        ));
    }
    if response.is_none() {
        diags.push(Diagnostic::error(
            "`content/governing-body-response.md` is missing: Code 8.2 requires the governing body's response to be published alongside the report",
        ).help("add it with front matter `title`, `date` (when it was agreed) and optionally `signed`"));
    }
    if diags.error_count() > before {
        return None;
    }
    Some(Report {
        site: config?,
        years,
        self_assessment: self_assessment?,
        ombudsman: input.ombudsman?.0,
        improvements: improvements?,
        introduction: introduction?,
        response: response?,
        pages,
    })
    .filter(|r| !r.years.is_empty())
}

/// Names of generated pages, which content files may not take.
pub const RESERVED_SLUGS: [&str; 10] = [
    "index",
    "performance",
    "self-assessment",
    "learning",
    "ombudsman",
    "report",
    "data",
    "accessibility",
    "complaints",
    "404",
];

fn check_config(c: &SiteConfig, src: &crate::diagnostics::SourceFile, diags: &mut Diagnostics) {
    if c.period.end.get_ref() <= c.period.start.get_ref() {
        diags.push(
            Diagnostic::error("the period ends before it starts")
                .at(src, c.period.end.span())
                .help("period.start is the first day of the report year and period.end the last"),
        );
    }
    if let Some(colour) = &c.brand_colour {
        if crate::render::colour::parse_hex(colour.get_ref()).is_none() {
            diags.push(
                Diagnostic::error(format!(
                    "`{}` is not a colour redress understands",
                    colour.get_ref()
                ))
                .at(src, colour.span())
                .help("write it as six hexadecimal digits after #, such as \"#1d4f91\""),
            );
        }
    }
    for (id, title) in &c.charts {
        if !crate::charts::report::CHART_IDS.contains(&id.as_str()) {
            let hint = crate::diagnostics::did_you_mean(id, crate::charts::report::CHART_IDS)
                .map_or(String::new(), |s| format!("did you mean `{s}`? "));
            diags.push(
                Diagnostic::error(format!("there is no chart called `{id}`"))
                    .at(src, title.span())
                    .help(format!(
                        "{hint}the charts are: {}",
                        crate::charts::report::CHART_IDS.join(", ")
                    )),
            );
        }
    }
    let ct = &c.contact;
    if ct.phone.is_none() && ct.email.is_none() && ct.web_form.is_none() {
        diags.push(
            Diagnostic::error("site.toml gives no way to complain")
                .in_file(src)
                .help("add at least one of phone, email or web_form under [contact]: every page shows how to complain (Code 3.1-3.3)"),
        );
    }
}

/// Code 8.2: the governing body's response is published with the report, so it must say something and say when it
/// was agreed; and since it responds to the whole year, it cannot be dated before the year ended.
fn check_response(page: &ContentPage, period: Option<Period>, diags: &mut Diagnostics) {
    if page.body.trim().is_empty() {
        diags.push(
            Diagnostic::error("the governing body's response is empty (Code 8.2)")
                .in_file(&page.source)
                .help("write the response below the front matter"),
        );
    }
    match (&page.front.date, period) {
        (None, _) => diags.push(
            Diagnostic::error("the governing body's response has no date (Code 8.2)")
                .at(&page.source, 0..3)
                .help("add `date = 2026-07-10` (the day it was agreed) to the front matter"),
        ),
        (Some(date), Some(period)) if *date.get_ref() <= period.end => diags.push(
            Diagnostic::error(format!(
                "the governing body's response is dated {}, but the report period only ends on {} (Code 8.2)",
                date.get_ref().long(),
                period.end.long()
            ))
            .at(&page.source, date.span())
            .label("before the year it responds to had ended")
            .help("give the date the governing body agreed its response to this report, after the period ended"),
        ),
        _ => {}
    }
}

/// The report year's first and last day, from site.toml.
#[derive(Debug, Clone, Copy)]
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
    pub fn current(&self) -> &Year {
        &self.years[self.years.len() - 1]
    }

    /// The year before the report year, if given.
    pub fn previous(&self) -> Option<&Year> {
        self.years.len().checked_sub(2).map(|i| &self.years[i])
    }

    /// Determinations for a year label.
    pub fn determinations(&self, label: &str) -> Option<&Determinations> {
        self.ombudsman
            .determinations
            .iter()
            .find(|d| d.year.get_ref() == label)
    }
}
