//! `data/ombudsman.toml` judged: the parts Code 8.1(c), (e) and (f) require, findings dated inside the report year,
//! percentages that can be percentages, and no case or year given twice.
//!
//! The file's own types stay as serde reads them ([`crate::data::ombudsman`]); this only reports what is wrong.

use serde::Deserialize;
use toml::Spanned;

use super::performance::Year;
use super::{repeats, Period};
use crate::data::ombudsman::OmbudsmanFile;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};

/// Checks the Ombudsman's file against the years of performance.toml and the report period.
pub(crate) fn check(
    o: &OmbudsmanFile,
    src: &SourceFile,
    years: &[Year],
    period: Option<Period>,
    diags: &mut Diagnostics,
) {
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
    let known: Vec<&str> = years.iter().map(|y| y.label.as_str()).collect();
    for d in &o.determinations {
        if !years.is_empty() && !known.contains(&d.year.get_ref().as_str()) {
            diags.push(
                Diagnostic::error(format!(
                    "determinations for `{}`, a year that is not in data/performance.toml",
                    d.year.get_ref()
                ))
                .at(src, d.year.span())
                .help(format!(
                    "use one of the years in performance.toml: {}",
                    known.join(", ")
                )),
            );
        }
        if let Some(rate) = &d.similar_landlords_rate {
            let r = *rate.get_ref();
            if !(0.0..=100.0).contains(&r) {
                diags.push(
                    Diagnostic::error(format!(
                        "{}: a similar_landlords_rate of {r} is not a percentage",
                        d.year.get_ref()
                    ))
                    .at(src, rate.span())
                    .label("expected 0 to 100")
                    .help("copy the maladministration rate for similar landlords from the Ombudsman's landlord performance data, as a percentage such as 71.0"),
                );
            }
        }
    }
    repeats::report(
        o.determinations
            .iter()
            .map(|d| (d.year.get_ref().as_str(), d.year.span())),
        src,
        |v| format!("the determinations for `{v}` are given twice"),
        "give one [[determinations]] table for each year",
        diags,
    );
    for order in &o.orders {
        if let Some(c) = &order.compensation {
            if !(c.get_ref().is_finite() && *c.get_ref() >= 0.0) {
                diags.push(
                    Diagnostic::error(format!(
                        "case {}: `{}` is not an amount of compensation",
                        order.reference,
                        c.get_ref()
                    ))
                    .at(src, c.span())
                    .label("expected 0 or more")
                    .help("compensation is the amount ordered in pounds, such as 600.00; leave it out if no money was ordered"),
                );
            }
        }
    }
    check_references(src, diags);
    if let Some(period) = period {
        let dated = o
            .non_compliance
            .iter()
            .flatten()
            .map(|n| ("finding of non-compliance", &n.reference, &n.date))
            .chain(
                o.failure_orders
                    .iter()
                    .map(|f| ("Complaint Handling Failure Order", &f.reference, &f.date)),
            );
        for (what, reference, date) in dated {
            if !period.contains(*date.get_ref()) {
                diags.push(
                    Diagnostic::warning(format!(
                        "the {what} for case {reference} is dated {}, outside the report period ({})",
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
}

/// The case references of the file with their places. The file's own structs keep `reference` as plain text (the
/// order table reads it as a row header), so the references are read again here, with spans, from the text that
/// has already parsed without error.
#[derive(Debug, Deserialize)]
struct References {
    #[serde(default)]
    non_compliance: Vec<Reference>,
    #[serde(default)]
    orders: Vec<Reference>,
    #[serde(default)]
    failure_orders: Vec<Reference>,
}

#[derive(Debug, Deserialize)]
struct Reference {
    reference: Spanned<String>,
}

/// Each list's case references are unique: a case has one finding, one order entry (listing all it ordered), one
/// failure order.
fn check_references(src: &SourceFile, diags: &mut Diagnostics) {
    let Ok(refs) = toml::from_str::<References>(&src.text) else {
        return;
    };
    for (list, what, help) in [
        (
            &refs.non_compliance,
            "finding of non-compliance",
            "give each finding once; put everything about the case in one [[non_compliance]] entry",
        ),
        (
            &refs.orders,
            "order",
            "give each case's orders once; list everything ordered in one [[orders]] entry's `order`",
        ),
        (
            &refs.failure_orders,
            "Complaint Handling Failure Order",
            "give each failure order once",
        ),
    ] {
        repeats::report(
            list.iter()
                .map(|r| (r.reference.get_ref().as_str(), r.reference.span())),
            src,
            |v| format!("the {what} for case {v} is given twice"),
            help,
            diags,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::date::Date;
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
        check(&file, &src, &[], Some(period), &mut diags);
        diags
            .sorted()
            .into_iter()
            .map(|d| (d.severity, d.message.clone()))
            .collect()
    }

    const LISTS: &str = "non_compliance = []\nannual_reports = []\nother_reports = []\n";

    #[test]
    fn findings_outside_the_period_are_warnings() {
        let d = run(
            "annual_reports = []\nother_reports = []\n[[non_compliance]]\ndate = 2025-03-31\nreference = \"1\"\nfinding = \"f\"\nresponse = \"r\"\n[[failure_orders]]\ndate = 2025-04-01\nreference = \"2\"\nreason = \"r\"\n",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].0, Severity::Warning);
        assert!(d[0]
            .1
            .contains("case 1 is dated 31 March 2025, outside the report period"));
    }

    #[test]
    fn a_case_or_year_given_twice_is_an_error() {
        let order = "[[orders]]\nreference = \"7\"\nfinding = \"f\"\ncategory = \"c\"\norder = \"o\"\ncomplied = true\n";
        let det = "[[determinations]]\nyear = \"2025-26\"\nsevere_maladministration = 0\nmaladministration = 0\nservice_failure = 0\nreasonable_redress = 0\nno_maladministration = 0\noutside_jurisdiction = 0\n";
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
    fn a_rate_must_be_a_percentage() {
        let det = "[[determinations]]\nyear = \"2025-26\"\nsevere_maladministration = 0\nmaladministration = 0\nservice_failure = 0\nreasonable_redress = 0\nno_maladministration = 0\noutside_jurisdiction = 0\nsimilar_landlords_rate = -1.5\n";
        let d = run(&format!("{LISTS}{det}"));
        assert_eq!(
            d[0].1,
            "2025-26: a similar_landlords_rate of -1.5 is not a percentage"
        );
    }
}
