//! `site.toml`: who the landlord is, the report period, how to complain, and build options.
//!
//! These structs mirror the file exactly (unknown keys are errors); checks that need more than one value, such as
//! the period's label matching the data, live in [`crate::model`].

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::data::date::Date;

/// The whole of `site.toml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SiteConfig {
    /// The report's title; a default is derived from the period when absent.
    pub(crate) title: Option<String>,
    /// BCP 47 language tag of the pages.
    #[serde(default = "default_language")]
    pub(crate) language: String,
    /// Where the site will be published; used only for the canonical link, never for navigation.
    pub(crate) base_url: Option<String>,
    /// `#rrggbb` brand colour.
    pub(crate) brand_colour: Option<Spanned<String>>,
    /// Name of the folder under `themes/` whose files override the built-in theme.
    #[serde(default = "default_theme")]
    pub(crate) theme: String,
    /// The landlord.
    pub(crate) landlord: Landlord,
    /// The report year.
    pub(crate) period: Period,
    /// How residents complain: shown on every page (Code 3.1-3.3 ask that the route is easy to find).
    pub(crate) contact: Contact,
    /// Fields for the accessibility statement.
    #[serde(default)]
    pub(crate) accessibility: Accessibility,
    /// Build options.
    #[serde(default)]
    pub(crate) build: BuildOptions,
    /// Chart titles that replace the computed ones, by chart id (`ch01 = "..."`).
    #[serde(default)]
    pub(crate) charts: std::collections::BTreeMap<String, Spanned<String>>,
    /// How the figures are reported.
    #[serde(default)]
    pub(crate) figures: Figures,
    /// How a complaints log (a case management system's export) is read.
    #[serde(default)]
    pub(crate) cases: CasesConfig,
    /// Where the pages are published in a content management system (`redress export cms`).
    #[serde(default)]
    pub(crate) cms: CmsConfig,
}

/// `[cms]`: where `redress export cms`'s fragments will live, so links between them can be full addresses.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CmsConfig {
    /// The address of each page in the CMS, by the page's name (`performance`, `index` for the home page).
    #[serde(default)]
    pub(crate) pages: std::collections::BTreeMap<String, Spanned<String>>,
    /// The address of the folder in the CMS's media library where the chart images are uploaded.
    pub(crate) media: Option<Spanned<String>>,
}

/// How the site's figures are reported: by tenure or combined, and whether categories overlap.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Figures {
    /// "split" (LCRA and LCHO, the default) or "combined" (landlords with fewer than 1,000 homes only).
    pub(crate) tenure: Option<Spanned<String>>,
    /// Whether one complaint can fall in several categories, so that the categories may add up to more than the
    /// complaints received.
    #[serde(default)]
    pub(crate) categories_overlap: bool,
}

/// The landlord publishing the report.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Landlord {
    /// Name as residents know it.
    pub(crate) name: String,
    /// What the governing body is called ("Board", "Cabinet").
    pub(crate) governing_body: String,
    /// Main website.
    pub(crate) website: Option<String>,
    /// Registration with the Regulator of Social Housing, as it should be printed.
    pub(crate) registration: Option<String>,
    /// The Member Responsible for Complaints (Code 9.5): their name, their role, or both.
    pub(crate) member_responsible_for_complaints: Option<Spanned<String>>,
}

/// The report year.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Period {
    /// "2025-26".
    pub(crate) label: Spanned<String>,
    /// First day.
    pub(crate) start: Spanned<Date>,
    /// Last day.
    pub(crate) end: Spanned<Date>,
}

/// The complaint route.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Contact {
    /// Phone number.
    pub(crate) phone: Option<String>,
    /// Email address.
    pub(crate) email: Option<String>,
    /// Address of the online form.
    pub(crate) web_form: Option<String>,
    /// Postal address.
    pub(crate) address: Option<String>,
    /// Opening hours of the phone line.
    pub(crate) hours: Option<String>,
    /// Relay UK number.
    pub(crate) text_relay: Option<String>,
}

/// Inputs to the accessibility statement.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Accessibility {
    /// Who to tell about a problem; defaults to the complaints email.
    pub(crate) contact: Option<String>,
    /// When the statement was last reviewed; defaults to the end of the period.
    pub(crate) reviewed: Option<Date>,
    /// Known problems, one sentence each. None means the statement says the site is fully compliant; any means
    /// partially compliant.
    #[serde(default)]
    pub(crate) known_issues: Vec<String>,
    /// Content the landlord has decided would be a disproportionate burden to fix, one entry each with the reason.
    #[serde(default)]
    pub(crate) disproportionate_burden: Vec<String>,
    /// Content outside the scope of the accessibility regulations (for example PDFs published before 23 September
    /// 2018), one entry each.
    #[serde(default)]
    pub(crate) out_of_scope: Vec<String>,
    /// When the statement was first prepared; defaults to `reviewed`.
    pub(crate) prepared: Option<Date>,
    /// When the site was last tested; the statement gives no test date without it.
    pub(crate) tested: Option<Date>,
    /// How the site was tested and by whom (markdown); a default sentence describes redress's automated checks.
    pub(crate) method: Option<String>,
}

/// Build options.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct BuildOptions {
    /// Output folder relative to the site root.
    #[serde(default = "default_output")]
    pub(crate) output: String,
    /// Let raw HTML in markdown through. Off by default: a pasted `<script>` must not reach residents' browsers.
    #[serde(default)]
    pub(crate) unsafe_html: bool,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            output: default_output(),
            unsafe_html: false,
        }
    }
}

/// `[cases]`: how a complaints log (one row per complaint, exported from a case management system) is read, by
/// `redress cases` and by a year that names its log.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CasesConfig {
    /// The order of day and month in dates written with slashes or dots: `dmy` (01/04/2025 is 1 April, as the UK
    /// writes it; the default) or `mdy` (04/01/2025 is 1 April). Dates written `2025-04-01` are read the same either
    /// way.
    #[serde(default)]
    pub(crate) date_order: DateOrder,
    /// Days the landlord was closed, besides weekends and the bank holidays of England and Wales: they are not
    /// working days, so no timescale runs on them.
    #[serde(default)]
    pub(crate) closure_days: Vec<Date>,
    /// The headings the log uses, for columns whose heading is not the default name.
    #[serde(default)]
    pub(crate) columns: CaseColumns,
}

/// The order of day and month in a date such as `01/04/2025`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum DateOrder {
    /// Day, month, year: 01/04/2025 is 1 April 2025.
    #[default]
    Dmy,
    /// Month, day, year: 04/01/2025 is 1 April 2025.
    Mdy,
}

/// `[cases.columns]`: the heading a log gives each column, where it differs from the default name (the key). Headings
/// are matched ignoring case, spaces and punctuation.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CaseColumns {
    /// The complaint's reference, unique in the log.
    pub(crate) reference: Option<String>,
    /// LCRA, LCHO or anything else.
    pub(crate) tenure: Option<String>,
    /// What the complaint was about.
    pub(crate) category: Option<String>,
    /// When the complaint was received.
    pub(crate) stage1_received: Option<String>,
    /// When it was acknowledged at stage 1.
    pub(crate) stage1_acknowledged: Option<String>,
    /// The date an agreed stage 1 extension runs to.
    pub(crate) stage1_extended_to: Option<String>,
    /// When the stage 1 response was sent.
    pub(crate) stage1_responded: Option<String>,
    /// Upheld, partly upheld or not upheld, at stage 1.
    pub(crate) stage1_outcome: Option<String>,
    /// When the request to escalate to stage 2 was received.
    pub(crate) stage2_received: Option<String>,
    /// When it was acknowledged at stage 2.
    pub(crate) stage2_acknowledged: Option<String>,
    /// The date an agreed stage 2 extension runs to.
    pub(crate) stage2_extended_to: Option<String>,
    /// When the stage 2 response was sent.
    pub(crate) stage2_responded: Option<String>,
    /// Upheld, partly upheld or not upheld, at stage 2.
    pub(crate) stage2_outcome: Option<String>,
    /// Why the complaint was not accepted, or not escalated.
    pub(crate) refused: Option<String>,
    /// Compensation offered, in pounds.
    pub(crate) compensation: Option<String>,
}

fn default_language() -> String {
    "en-GB".to_string()
}
fn default_theme() -> String {
    "default".to_string()
}
fn default_output() -> String {
    "public".to_string()
}
