//! `data/ombudsman.toml` judged and made typed: the parts Code 8.1(c), (e) and (f) require, determinations that
//! hold at least one finding each, orders that follow an adverse finding, failure orders of a known type, dates
//! inside the report year, and no case or year given twice.
//!
//! A determination is a case the Ombudsman decided; "each defined complaint must have its own determination …
//! in a case involving two (or more) defined complaints, there will be 2 (or more) different findings" (the
//! Ombudsman's guidance on outcomes). So the page counts cases and findings apart, and the maladministration rate
//! (in [`crate::measures`]) divides findings by findings, never by cases.

use super::performance::Year;
use super::{repeats, Period};
use crate::data::date::Date;
use crate::data::money::Money;
use crate::data::ombudsman as file;
use crate::data::ombudsman::OmbudsmanFile;
use crate::diagnostics::{did_you_mean, Diagnostic, Diagnostics, SourceFile};

/// What the Ombudsman decided and published, checked.
#[derive(Debug, Clone)]
pub(crate) struct Ombudsman {
    /// Code 8.1(c) findings of non-compliance given as such (type 3 failure orders and failure notices are in
    /// their own lists and count too: see [`Ombudsman::non_compliance_count`]).
    pub(crate) non_compliance: Vec<NonCompliance>,
    /// Code 8.1(e).
    pub(crate) annual_reports: Vec<Publication>,
    /// Code 8.1(f).
    pub(crate) other_reports: Vec<Publication>,
    /// Complaint Handling Failure Orders.
    pub(crate) failure_orders: Vec<FailureOrder>,
    /// Complaint Handling Failure Notices.
    pub(crate) failure_notices: Vec<FailureNotice>,
    /// Orders made in determinations.
    pub(crate) orders: Vec<Order>,
    /// Determinations and findings by year.
    pub(crate) determinations: Vec<Determinations>,
}

/// A finding of non-compliance with the Code.
#[derive(Debug, Clone)]
pub(crate) struct NonCompliance {
    /// When.
    pub(crate) date: Date,
    /// Case reference.
    pub(crate) reference: String,
    /// Markdown.
    pub(crate) finding: String,
    /// Markdown.
    pub(crate) response: String,
}

/// A report or publication by the Ombudsman.
#[derive(Debug, Clone)]
pub(crate) struct Publication {
    /// Title.
    pub(crate) title: String,
    /// Address.
    pub(crate) url: Option<String>,
    /// When published.
    pub(crate) published: Option<Date>,
    /// Markdown.
    pub(crate) summary: Option<String>,
}

/// The outcome of a finding, in the Ombudsman's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Outcome {
    /// Severe maladministration.
    SevereMaladministration,
    /// Maladministration.
    Maladministration,
    /// Service failure.
    ServiceFailure,
    /// Reasonable redress: the landlord had already put things right.
    ReasonableRedress,
    /// No maladministration.
    NoMaladministration,
    /// Outside the Ombudsman's jurisdiction.
    OutsideJurisdiction,
}

impl Outcome {
    /// Every outcome, most serious first, as the Ombudsman lists them.
    pub(crate) const ALL: [Outcome; 6] = [
        Outcome::SevereMaladministration,
        Outcome::Maladministration,
        Outcome::ServiceFailure,
        Outcome::ReasonableRedress,
        Outcome::NoMaladministration,
        Outcome::OutsideJurisdiction,
    ];

    /// The outcomes the maladministration rate counts as adverse.
    pub(crate) fn is_adverse(self) -> bool {
        matches!(
            self,
            Outcome::SevereMaladministration | Outcome::Maladministration | Outcome::ServiceFailure
        )
    }

    /// The key the data file uses.
    pub(crate) fn key(self) -> &'static str {
        match self {
            Outcome::SevereMaladministration => "severe maladministration",
            Outcome::Maladministration => "maladministration",
            Outcome::ServiceFailure => "service failure",
            Outcome::ReasonableRedress => "reasonable redress",
            Outcome::NoMaladministration => "no maladministration",
            Outcome::OutsideJurisdiction => "outside jurisdiction",
        }
    }

    fn parse(raw: &str) -> Option<Outcome> {
        let s = raw.trim().to_lowercase().replace(['_', '-'], " ");
        Outcome::ALL.into_iter().find(|o| o.key() == s)
    }
}

/// Findings in one year, by outcome.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Findings {
    /// Counts in [`Outcome::ALL`] order.
    pub(crate) counts: [u64; 6],
}

impl Findings {
    /// Findings with one outcome.
    pub(crate) fn of(&self, outcome: Outcome) -> u64 {
        Outcome::ALL
            .iter()
            .position(|o| *o == outcome)
            .map_or(0, |i| self.counts[i])
    }

    /// Every finding, outside jurisdiction included.
    pub(crate) fn total(&self) -> u64 {
        self.counts.iter().sum()
    }
}

/// One year's determinations.
#[derive(Debug, Clone)]
pub(crate) struct Determinations {
    /// Year label.
    pub(crate) year: String,
    /// Cases decided.
    pub(crate) cases: u64,
    /// Findings made in them.
    pub(crate) findings: Findings,
    /// The Ombudsman's published rate for similar landlords, in tenths of a percent.
    pub(crate) similar_landlords_rate: Option<i64>,
}

/// An order made in a determination.
#[derive(Debug, Clone)]
pub(crate) struct Order {
    /// Case reference.
    pub(crate) reference: String,
    /// The finding it follows.
    pub(crate) finding: Outcome,
    /// What the complaint was about.
    pub(crate) category: String,
    /// What was ordered.
    pub(crate) order: String,
    /// Compensation ordered.
    pub(crate) compensation: Option<Money>,
    /// Done.
    pub(crate) complied: bool,
    /// Markdown.
    pub(crate) note: Option<String>,
}

/// The three types of Complaint Handling Failure Order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FailureOrderType {
    /// Type 1: to progress a complaint through the landlord's procedure.
    One,
    /// Type 2: to provide information the Ombudsman needs.
    Two,
    /// Type 3: to take action "to ensure that landlords comply with the statutory Complaint Handling Code", so a
    /// finding of non-compliance with the Code (Code 8.1(c)).
    Three,
}

/// A Complaint Handling Failure Order.
#[derive(Debug, Clone)]
pub(crate) struct FailureOrder {
    /// When.
    pub(crate) date: Date,
    /// Case reference.
    pub(crate) reference: String,
    /// Its type.
    pub(crate) kind: FailureOrderType,
    /// Markdown.
    pub(crate) reason: String,
    /// Whether the landlord did what it ordered.
    pub(crate) complied: bool,
    /// Markdown.
    pub(crate) response: Option<String>,
}

/// A Complaint Handling Failure Notice.
#[derive(Debug, Clone)]
pub(crate) struct FailureNotice {
    /// When.
    pub(crate) date: Date,
    /// Case reference.
    pub(crate) reference: String,
    /// Markdown.
    pub(crate) reason: String,
    /// Markdown.
    pub(crate) response: Option<String>,
}

impl Ombudsman {
    /// Determinations for a year label.
    pub(crate) fn determinations(&self, label: &str) -> Option<&Determinations> {
        self.determinations.iter().find(|d| d.year == label)
    }

    /// Findings of non-compliance with the Code in the report (Code 8.1(c)): those given as such, type 3 failure
    /// orders, and failure notices ("Findings of non-compliance may result in … a Complaint Handling Failure
    /// Notice", the Ombudsman's Code guidance). The page may only say "none" when this is 0.
    pub(crate) fn non_compliance_count(&self) -> usize {
        self.non_compliance.len()
            + self
                .failure_orders
                .iter()
                .filter(|f| f.kind == FailureOrderType::Three)
                .count()
            + self.failure_notices.len()
    }
}

/// Checks the Ombudsman's file against the years of performance.toml and the report period, and makes it typed;
/// `None` when anything in it is wrong.
pub(crate) fn build(
    o: &OmbudsmanFile,
    src: &SourceFile,
    years: &[Year],
    period: Option<Period>,
    diags: &mut Diagnostics,
) -> Option<Ombudsman> {
    let before = diags.error_count();
    check_required_lists(o, src, diags);
    let determinations = o
        .determinations
        .iter()
        .filter_map(|d| determination(d, years, src, diags))
        .collect();
    repeats::report(
        o.determinations
            .iter()
            .map(|d| (d.year.get_ref().as_str(), d.year.span())),
        src,
        |v| format!("the determinations for `{v}` are given twice"),
        "give one [[determinations]] table for each year",
        diags,
    );
    let orders = o
        .orders
        .iter()
        .filter_map(|x| order(x, src, diags))
        .collect();
    let failure_orders = o
        .failure_orders
        .iter()
        .filter_map(|f| failure_order(f, src, diags))
        .collect();
    check_references(o, src, diags);
    if let Some(period) = period {
        check_dates(o, period, src, diags);
    }
    if diags.error_count() > before {
        return None;
    }
    let publications = |list: &Option<Vec<file::OmbudsmanReport>>| -> Vec<Publication> {
        list.iter()
            .flatten()
            .map(|r| Publication {
                title: r.title.clone(),
                url: r.url.clone(),
                published: r.published,
                summary: r.summary.clone(),
            })
            .collect()
    };
    Some(Ombudsman {
        non_compliance: o
            .non_compliance
            .iter()
            .flatten()
            .map(|n| NonCompliance {
                date: *n.date.get_ref(),
                reference: n.reference.get_ref().clone(),
                finding: n.finding.clone(),
                response: n.response.clone(),
            })
            .collect(),
        annual_reports: publications(&o.annual_reports),
        other_reports: publications(&o.other_reports),
        failure_orders,
        failure_notices: o
            .failure_notices
            .iter()
            .map(|n| FailureNotice {
                date: *n.date.get_ref(),
                reference: n.reference.get_ref().clone(),
                reason: n.reason.clone(),
                response: n.response.clone(),
            })
            .collect(),
        orders,
        determinations,
    })
}

fn check_required_lists(o: &OmbudsmanFile, src: &SourceFile, diags: &mut Diagnostics) {
    for (key, value, provision, what) in [
        (
            "non_compliance",
            o.non_compliance.is_some(),
            "8.1(c)",
            "findings of non-compliance with the Code made by the Ombudsman",
        ),
        (
            "annual_reports",
            o.annual_reports.is_some(),
            "8.1(e)",
            "any annual report about the landlord's performance from the Ombudsman",
        ),
        (
            "other_reports",
            o.other_reports.is_some(),
            "8.1(f)",
            "any other relevant reports or publications from the Ombudsman about the landlord",
        ),
    ] {
        if !value {
            diags.push(
                Diagnostic::error(format!("`{key}` is missing: Code {provision} requires {what}"))
                    .in_file(src)
                    .help(format!("list them, or write `{key} = []` at the top of the file if there were none this year")),
            );
        }
    }
}

/// One year's determinations: a year of performance.toml, findings by outcome, and at least as many findings as
/// cases (every determination makes a finding on each complaint it decides).
fn determination(
    d: &file::Determinations,
    years: &[Year],
    src: &SourceFile,
    diags: &mut Diagnostics,
) -> Option<Determinations> {
    let year = d.year.get_ref();
    let mut ok = true;
    let known: Vec<&str> = years.iter().map(|y| y.label.as_str()).collect();
    if !years.is_empty() && !known.contains(&year.as_str()) {
        ok = false;
        diags.push(
            Diagnostic::error(format!(
                "determinations for `{year}`, a year that is not in data/performance.toml"
            ))
            .at(src, d.year.span())
            .help(format!(
                "use one of the years in performance.toml: {}",
                known.join(", ")
            )),
        );
    }
    let f = &d.findings;
    let findings = Findings {
        counts: [
            &f.severe_maladministration,
            &f.maladministration,
            &f.service_failure,
            &f.reasonable_redress,
            &f.no_maladministration,
            &f.outside_jurisdiction,
        ]
        .map(|c| *c.get_ref()),
    };
    let cases = *d.cases.get_ref();
    if findings.total() < cases {
        ok = false;
        diags.push(
            Diagnostic::error(format!(
                "{year}: {cases} determinations, but only {} findings",
                findings.total()
            ))
            .at(src, d.cases.span())
            .label("more cases than findings")
            .help("each determination makes at least one finding (one for each complaint it decided); `cases` counts the determinations and the findings table counts every finding by outcome, as the Ombudsman's landlord performance data gives them"),
        );
    } else if cases == 0 && findings.total() > 0 {
        ok = false;
        diags.push(
            Diagnostic::error(format!(
                "{year}: {} findings but no determinations",
                findings.total()
            ))
            .at(src, d.cases.span())
            .help("give the number of cases the Ombudsman decided in `cases`"),
        );
    }
    if let Some(rate) = &d.similar_landlords_rate {
        let r = rate.get_ref().tenths;
        if !(0..=1000).contains(&r) {
            ok = false;
            diags.push(
                Diagnostic::error(format!(
                    "{year}: a similar_landlords_rate of {} is not a percentage",
                    crate::data::figure::Figure { tenths: r }
                ))
                .at(src, rate.span())
                .label("expected 0 to 100")
                .help("copy the maladministration rate for similar landlords from the Ombudsman's landlord performance data, as a percentage such as 71.0"),
            );
        }
    }
    ok.then(|| Determinations {
        year: year.clone(),
        cases,
        findings,
        similar_landlords_rate: d
            .similar_landlords_rate
            .as_ref()
            .map(|r| r.get_ref().tenths),
    })
}

/// An order follows a finding of severe maladministration, maladministration or service failure.
fn order(o: &file::Order, src: &SourceFile, diags: &mut Diagnostics) -> Option<Order> {
    let finding = Outcome::parse(o.finding.get_ref());
    match finding {
        None => {
            let keys = Outcome::ALL.map(Outcome::key);
            let hint = did_you_mean(&o.finding.get_ref().to_lowercase(), keys)
                .map_or(String::new(), |s| format!("did you mean \"{s}\"? "));
            diags.push(
                Diagnostic::error(format!("`{}` is not one of the Ombudsman's findings", o.finding.get_ref()))
                    .at(src, o.finding.span())
                    .help(format!("{hint}orders follow a finding of severe maladministration, maladministration or service failure")),
            );
            None
        }
        Some(f) if !f.is_adverse() => {
            diags.push(
                Diagnostic::error(format!(
                    "case {}: an order after a finding of {}",
                    o.reference.get_ref(),
                    f.key()
                ))
                .at(src, o.finding.span())
                .label("not a finding the Ombudsman makes orders on")
                .help("orders follow a finding of severe maladministration, maladministration or service failure; check the finding, or list recommendations elsewhere"),
            );
            None
        }
        Some(finding) => Some(Order {
            reference: o.reference.get_ref().clone(),
            finding,
            category: o.category.clone(),
            order: o.order.clone(),
            compensation: o.compensation.as_ref().map(|c| *c.get_ref()),
            complied: o.complied,
            note: o.note.clone(),
        }),
    }
}

fn failure_order(
    f: &file::FailureOrder,
    src: &SourceFile,
    diags: &mut Diagnostics,
) -> Option<FailureOrder> {
    let kind = match f.kind.get_ref() {
        1 => FailureOrderType::One,
        2 => FailureOrderType::Two,
        3 => FailureOrderType::Three,
        other => {
            diags.push(
                Diagnostic::error(format!("type {other} is not a Complaint Handling Failure Order"))
                    .at(src, f.kind.span())
                    .label("expected 1, 2 or 3")
                    .help("type 1 orders a complaint to be progressed, type 2 orders information to be provided, type 3 orders action to comply with the Code"),
            );
            return None;
        }
    };
    Some(FailureOrder {
        date: *f.date.get_ref(),
        reference: f.reference.get_ref().clone(),
        kind,
        reason: f.reason.clone(),
        complied: *f.complied.get_ref(),
        response: f.response.clone(),
    })
}

/// Each list's case references are unique: a case has one finding of non-compliance, one order entry (listing all
/// it ordered), one failure order, one notice.
fn check_references(o: &OmbudsmanFile, src: &SourceFile, diags: &mut Diagnostics) {
    let lists: [(Vec<&toml::Spanned<String>>, &str, &str); 4] = [
        (
            o.non_compliance.iter().flatten().map(|n| &n.reference).collect(),
            "finding of non-compliance",
            "give each finding once; put everything about the case in one [[non_compliance]] entry",
        ),
        (
            o.orders.iter().map(|n| &n.reference).collect(),
            "order",
            "give each case's orders once; list everything ordered in one [[orders]] entry's `order`",
        ),
        (
            o.failure_orders.iter().map(|n| &n.reference).collect(),
            "Complaint Handling Failure Order",
            "give each failure order once",
        ),
        (
            o.failure_notices.iter().map(|n| &n.reference).collect(),
            "Complaint Handling Failure Notice",
            "give each failure notice once",
        ),
    ];
    for (list, what, help) in lists {
        repeats::report(
            list.iter().map(|r| (r.get_ref().as_str(), r.span())),
            src,
            |v| format!("the {what} for case {v} is given twice"),
            help,
            diags,
        );
    }
}

/// The report covers what the Ombudsman found in the report year (Code 8.1(c)): a dated finding, order or notice
/// outside it is probably in the wrong year's report.
fn check_dates(o: &OmbudsmanFile, period: Period, src: &SourceFile, diags: &mut Diagnostics) {
    let dated = o
        .non_compliance
        .iter()
        .flatten()
        .map(|n| ("finding of non-compliance", &n.reference, &n.date))
        .chain(
            o.failure_orders
                .iter()
                .map(|f| ("Complaint Handling Failure Order", &f.reference, &f.date)),
        )
        .chain(
            o.failure_notices
                .iter()
                .map(|f| ("Complaint Handling Failure Notice", &f.reference, &f.date)),
        );
    for (what, reference, date) in dated {
        if !period.contains(*date.get_ref()) {
            diags.push(
                Diagnostic::warning(format!(
                    "the {what} for case {} is dated {}, outside the report period ({})",
                    reference.get_ref(),
                    date.get_ref().long(),
                    period.describe()
                ))
                .at(src, date.span())
                .label("outside the report period")
                .help("the report covers what the Ombudsman found in the report year (Code 8.1(c)); check the date, or move the entry to the report for its own year"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::toml_doc;
    use crate::diagnostics::Severity;

    fn run(text: &str) -> Vec<(Severity, String)> {
        let src = SourceFile::new("data/ombudsman.toml", "o", text);
        let mut diags = Diagnostics::new();
        let file: OmbudsmanFile = toml_doc::load(&src, &mut diags).expect("valid test data");
        let period = Period {
            start: Date::parse("2025-04-01").unwrap(),
            end: Date::parse("2026-03-31").unwrap(),
        };
        build(&file, &src, &[], Some(period), &mut diags);
        diags
            .sorted()
            .into_iter()
            .map(|d| (d.severity, d.message.clone()))
            .collect()
    }

    const LISTS: &str = "non_compliance = []\nannual_reports = []\nother_reports = []\n";

    fn det(year: &str, cases: u64, findings: [u64; 6]) -> String {
        format!(
            "[[determinations]]\nyear = \"{year}\"\ncases = {cases}\n[determinations.findings]\nsevere_maladministration = {}\nmaladministration = {}\nservice_failure = {}\nreasonable_redress = {}\nno_maladministration = {}\noutside_jurisdiction = {}\n",
            findings[0], findings[1], findings[2], findings[3], findings[4], findings[5]
        )
    }

    #[test]
    fn findings_outside_the_period_are_warnings() {
        let d = run(
            "annual_reports = []\nother_reports = []\n[[non_compliance]]\ndate = 2025-03-31\nreference = \"1\"\nfinding = \"f\"\nresponse = \"r\"\n[[failure_orders]]\ndate = 2025-04-01\nreference = \"2\"\ntype = 3\nreason = \"r\"\ncomplied = true\n",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].0, Severity::Warning);
        assert!(d[0]
            .1
            .contains("case 1 is dated 31 March 2025, outside the report period"));
    }

    #[test]
    fn a_case_or_year_given_twice_is_an_error() {
        let order = "[[orders]]\nreference = \"7\"\nfinding = \"maladministration\"\ncategory = \"c\"\norder = \"o\"\ncomplied = true\n";
        let det = det("2025-26", 1, [0, 1, 0, 0, 0, 0]);
        let d = run(&format!("{LISTS}{order}{order}{det}{det}"));
        let messages: Vec<&str> = d.iter().map(|(_, m)| m.as_str()).collect();
        assert_eq!(
            messages,
            [
                "the order for case 7 is given twice",
                "the determinations for `2025-26` are given twice"
            ]
        );
    }

    #[test]
    fn more_cases_than_findings_is_an_error() {
        let d = run(&format!(
            "{LISTS}{}",
            det("2025-26", 21, [0, 5, 4, 3, 3, 2])
        ));
        assert_eq!(d[0].1, "2025-26: 21 determinations, but only 17 findings");
    }

    #[test]
    fn an_order_needs_an_adverse_finding() {
        let order = "[[orders]]\nreference = \"7\"\nfinding = \"reasonable redress\"\ncategory = \"c\"\norder = \"o\"\ncomplied = true\n";
        let d = run(&format!("{LISTS}{order}"));
        assert_eq!(
            d[0].1,
            "case 7: an order after a finding of reasonable redress"
        );
    }

    #[test]
    fn a_type_3_order_and_a_notice_are_findings_of_non_compliance() {
        let text = format!(
            "{LISTS}[[failure_orders]]\ndate = 2025-06-01\nreference = \"9\"\ntype = 3\nreason = \"r\"\ncomplied = true\n[[failure_notices]]\ndate = 2025-07-01\nreference = \"10\"\nreason = \"r\"\n"
        );
        let src = SourceFile::new("data/ombudsman.toml", "o", text);
        let mut diags = Diagnostics::new();
        let file: OmbudsmanFile = toml_doc::load(&src, &mut diags).unwrap();
        let o = build(&file, &src, &[], None, &mut diags).unwrap();
        assert_eq!(o.non_compliance_count(), 2);
    }
}
