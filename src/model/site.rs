//! site.toml judged and turned into typed settings: the brand colour as a colour, chart titles keyed by chart,
//! the tenure setting as a choice, and the Member Responsible for Complaints required.

use std::collections::BTreeMap;

use super::colour::{parse_hex, Rgb};
use super::Period;
use crate::data::date::Date;
use crate::data::site::SiteConfig;
use crate::diagnostics::{did_you_mean, Diagnostic, Diagnostics, SourceFile};

/// The site's settings, checked.
#[derive(Debug, Clone)]
pub(crate) struct Site {
    /// The report's title as given; see [`Site::title`].
    pub(crate) title: Option<String>,
    /// BCP 47 language tag of the pages ("en-GB").
    pub(crate) language: String,
    /// Where the site will be published, without a trailing slash.
    pub(crate) base_url: Option<String>,
    /// The brand colour, when given.
    pub(crate) brand: Option<Rgb>,
    /// The landlord.
    pub(crate) landlord: Landlord,
    /// The report year.
    pub(crate) period: Period,
    /// The year's label ("2025-26").
    pub(crate) label: String,
    /// How to complain.
    pub(crate) contact: Contact,
    /// The accessibility statement's inputs.
    pub(crate) accessibility: Accessibility,
    /// Let raw HTML in markdown through.
    pub(crate) unsafe_html: bool,
    /// Titles that replace the computed ones.
    pub(crate) chart_titles: BTreeMap<ChartId, String>,
    /// Whether figures are split by tenure.
    pub(crate) tenure: TenureReporting,
    /// Whether one complaint can fall in several categories.
    pub(crate) categories_overlap: bool,
}

/// The landlord.
#[derive(Debug, Clone)]
pub(crate) struct Landlord {
    /// Name as residents know it.
    pub(crate) name: String,
    /// "Board", "Cabinet".
    pub(crate) governing_body: String,
    /// Main website.
    pub(crate) website: Option<String>,
    /// Registration with the Regulator.
    pub(crate) registration: Option<String>,
    /// The Member Responsible for Complaints (Code 9.5).
    pub(crate) member_responsible: String,
}

/// The complaint route.
#[derive(Debug, Clone)]
pub(crate) struct Contact {
    /// Phone number.
    pub(crate) phone: Option<String>,
    /// Email address.
    pub(crate) email: Option<String>,
    /// Online form.
    pub(crate) web_form: Option<String>,
    /// Postal address.
    pub(crate) address: Option<String>,
    /// Phone line's hours.
    pub(crate) hours: Option<String>,
    /// Relay UK number.
    pub(crate) text_relay: Option<String>,
}

/// The accessibility statement's inputs, with their defaults applied.
#[derive(Debug, Clone)]
pub(crate) struct Accessibility {
    /// Who to tell about a problem.
    pub(crate) contact: Option<String>,
    /// Last reviewed.
    pub(crate) reviewed: Date,
    /// First prepared.
    pub(crate) prepared: Date,
    /// Last tested, when known.
    pub(crate) tested: Option<Date>,
    /// Known problems.
    pub(crate) known_issues: Vec<String>,
    /// Disproportionate burden claims.
    pub(crate) disproportionate_burden: Vec<String>,
    /// Content out of scope.
    pub(crate) out_of_scope: Vec<String>,
    /// How the site was tested (markdown).
    pub(crate) method: Option<String>,
}

/// Whether the site reports CH01, CH02 and TP09 for each tenure or combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TenureReporting {
    /// Low-cost rental and low-cost home ownership separately: what landlords with 1,000 or more homes must do.
    Split,
    /// One figure for all social homes: allowed for landlords with fewer than 1,000 homes.
    Combined,
}

/// A chart of the report, as site.toml's `[charts]` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum ChartId {
    /// CH01 over the years.
    Ch01,
    /// CH02 over the years.
    Ch02,
    /// TP09 over the years.
    Tp09,
    /// Stage 1 complaints by category.
    Categories,
    /// Outcomes by stage.
    Outcomes,
    /// Refusals by reason.
    Refusals,
    /// The Ombudsman's findings by outcome.
    Findings,
}

impl ChartId {
    /// Every chart, in the order the pages show them.
    pub(crate) const ALL: [ChartId; 7] = [
        ChartId::Ch01,
        ChartId::Ch02,
        ChartId::Tp09,
        ChartId::Categories,
        ChartId::Outcomes,
        ChartId::Refusals,
        ChartId::Findings,
    ];

    /// The id as site.toml writes it, and as it appears in the page (`#ch01`) and the downloads.
    pub(crate) fn key(self) -> &'static str {
        match self {
            ChartId::Ch01 => "ch01",
            ChartId::Ch02 => "ch02",
            ChartId::Tp09 => "tp09",
            ChartId::Categories => "categories",
            ChartId::Outcomes => "outcomes",
            ChartId::Refusals => "refusals",
            ChartId::Findings => "findings",
        }
    }

    fn parse(key: &str) -> Option<ChartId> {
        ChartId::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// Checks site.toml and turns it into [`Site`]; `None` when something in it is wrong (all of it reported).
pub(crate) fn build(c: &SiteConfig, src: &SourceFile, diags: &mut Diagnostics) -> Option<Site> {
    let before = diags.error_count();
    let start = *c.period.start.get_ref();
    let end = *c.period.end.get_ref();
    if end <= start {
        diags.push(
            Diagnostic::error("the period ends before it starts")
                .at(src, c.period.end.span())
                .help("period.start is the first day of the report year and period.end the last"),
        );
    }
    let brand = c.brand_colour.as_ref().and_then(|colour| {
        let parsed = parse_hex(colour.get_ref());
        if parsed.is_none() {
            diags.push(
                Diagnostic::error(format!(
                    "`{}` is not a colour redress understands",
                    colour.get_ref()
                ))
                .at(src, colour.span())
                .help("write it as six hexadecimal digits after #, such as \"#1d4f91\""),
            );
        }
        parsed
    });
    let mut chart_titles = BTreeMap::new();
    for (id, title) in &c.charts {
        match ChartId::parse(id) {
            Some(chart) => {
                chart_titles.insert(chart, title.get_ref().clone());
            }
            None => {
                let keys = ChartId::ALL.map(ChartId::key);
                let hint = did_you_mean(id, keys)
                    .map_or(String::new(), |s| format!("did you mean `{s}`? "));
                diags.push(
                    Diagnostic::error(format!("there is no chart called `{id}`"))
                        .at(src, title.span())
                        .help(format!("{hint}the charts are: {}", keys.join(", "))),
                );
            }
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
    if c.base_url.as_deref().is_none_or(|u| u.trim().is_empty()) {
        diags.push(
            Diagnostic::warning("site.toml has no base_url, so the Ombudsman submission sheet cannot give the report's full address")
                .in_file(src)
                .help("add base_url = \"https://www.example.org.uk/complaints/report-2025-26\": the Ombudsman's annual submission asks for links to the self-assessment, the report and the governing body's response"),
        );
    }
    let tenure = tenure_reporting(c, src, diags);
    let member = member_responsible(c, src, diags);
    if diags.error_count() > before {
        return None;
    }
    let a = &c.accessibility;
    let reviewed = a.reviewed.unwrap_or(end);
    Some(Site {
        title: c.title.clone(),
        language: c.language.clone(),
        base_url: c
            .base_url
            .as_ref()
            .map(|u| u.trim_end_matches('/').to_string()),
        brand,
        landlord: Landlord {
            name: c.landlord.name.clone(),
            governing_body: c.landlord.governing_body.clone(),
            website: c.landlord.website.clone(),
            registration: c.landlord.registration.clone(),
            member_responsible: member?,
        },
        period: Period { start, end },
        label: c.period.label.get_ref().clone(),
        contact: Contact {
            phone: ct.phone.clone(),
            email: ct.email.clone(),
            web_form: ct.web_form.clone(),
            address: ct.address.clone(),
            hours: ct.hours.clone(),
            text_relay: ct.text_relay.clone(),
        },
        accessibility: Accessibility {
            contact: a.contact.clone().or_else(|| ct.email.clone()),
            reviewed,
            prepared: a.prepared.unwrap_or(reviewed),
            tested: a.tested,
            known_issues: a.known_issues.clone(),
            disproportionate_burden: a.disproportionate_burden.clone(),
            out_of_scope: a.out_of_scope.clone(),
            method: a.method.clone(),
        },
        unsafe_html: c.build.unsafe_html,
        chart_titles,
        tenure: tenure?,
        categories_overlap: c.figures.categories_overlap,
    })
}

fn tenure_reporting(
    c: &SiteConfig,
    src: &SourceFile,
    diags: &mut Diagnostics,
) -> Option<TenureReporting> {
    let Some(value) = &c.figures.tenure else {
        return Some(TenureReporting::Split);
    };
    match value.get_ref().trim().to_lowercase().as_str() {
        "split" => Some(TenureReporting::Split),
        "combined" => Some(TenureReporting::Combined),
        other => {
            diags.push(
                Diagnostic::error(format!("`{other}` is not a way of reporting by tenure"))
                    .at(src, value.span())
                    .label("expected \"split\" or \"combined\"")
                    .help("write tenure = \"split\" to report low-cost rental (LCRA) and low-cost home ownership (LCHO) separately, or \"combined\" (landlords with fewer than 1,000 homes only)"),
            );
            None
        }
    }
}

/// Code 9.5: "a member of the governing body (or equivalent) must be appointed to have lead responsibility for
/// complaints … referred to as the Member Responsible for Complaints ('the MRC')". The report names them, so a
/// reader knows who answers for complaint handling at the top.
fn member_responsible(c: &SiteConfig, src: &SourceFile, diags: &mut Diagnostics) -> Option<String> {
    match &c.landlord.member_responsible_for_complaints {
        Some(m) if !m.get_ref().trim().is_empty() => Some(m.get_ref().trim().to_string()),
        Some(m) => {
            diags.push(
                Diagnostic::error("member_responsible_for_complaints is empty (Code 9.5)")
                    .at(src, m.span())
                    .help("give their name, their role, or both: \"Priya Nair, Board member\""),
            );
            None
        }
        None => {
            diags.push(
                Diagnostic::error("site.toml does not name the Member Responsible for Complaints (Code 9.5)")
                    .in_file(src)
                    .help("add member_responsible_for_complaints = \"name, role\" under [landlord]: Code 9.5 requires a member of the governing body to be appointed, and the report says who"),
            );
            None
        }
    }
}

impl Site {
    /// The report's title, from `title` or derived from the period.
    pub(crate) fn title(&self) -> String {
        self.title.clone().unwrap_or_else(|| {
            format!(
                "Complaints performance and service improvement report {}",
                self.label
            )
        })
    }
}
