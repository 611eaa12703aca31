//! Learning from complaints (Code 8.1(d)) judged: each improvement's status, its date against the report year, and
//! no improvement given twice.

use super::{repeats, Period};
use crate::data::date::Date;
use crate::data::improvements::Improvement as ImprovementData;
use crate::diagnostics::{did_you_mean, Diagnostic, Diagnostics, SourceFile};

/// A service improvement, checked.
#[derive(Debug, Clone)]
pub(crate) struct Improvement {
    /// What it is about.
    pub(crate) theme: String,
    /// Markdown: what residents told us.
    pub(crate) you_said: String,
    /// Markdown: what we changed.
    pub(crate) we_did: String,
    /// When it was made or is due.
    pub(crate) date: Option<Date>,
    /// How far it has got.
    pub(crate) status: ImprovementStatus,
}

/// How far an improvement has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ImprovementStatus {
    /// Made.
    Done,
    /// Under way.
    InProgress,
    /// Planned.
    Planned,
}

impl ImprovementStatus {
    /// The words the data file uses.
    pub(crate) const WORDS: [&'static str; 3] = ["done", "in progress", "planned"];

    fn parse(raw: &str) -> Option<ImprovementStatus> {
        match raw.trim().to_lowercase().as_str() {
            "done" => Some(ImprovementStatus::Done),
            "in progress" => Some(ImprovementStatus::InProgress),
            "planned" => Some(ImprovementStatus::Planned),
            _ => None,
        }
    }
}

/// Checks the improvements and turns them into what the pages show; those with an unknown status are left out
/// (and reported).
pub(crate) fn build(
    list: &[ImprovementData],
    src: &SourceFile,
    period: Option<Period>,
    diags: &mut Diagnostics,
) -> Vec<Improvement> {
    check_repeats(list, src, diags);
    list.iter()
        .filter_map(|i| improvement(i, src, period, diags))
        .collect()
}

/// Two entries with the same theme and the same "we did" text are one change given twice; the page would show it
/// twice. (The same theme with the same "you said" is allowed: one complaint can lead to several changes.)
fn check_repeats(list: &[ImprovementData], src: &SourceFile, diags: &mut Diagnostics) {
    let mut seen: Vec<(String, String, usize)> = Vec::new();
    for i in list {
        let theme = repeats::normalise(i.theme.get_ref());
        let did = repeats::normalise(&i.we_did);
        if let Some((_, _, line)) = seen.iter().find(|(t, d, _)| *t == theme && *d == did) {
            diags.push(
                Diagnostic::error(format!(
                    "the improvement `{}` is given twice",
                    i.theme.get_ref()
                ))
                .at(src, i.theme.span())
                .label(format!("the same theme and \"we did\" as line {line}"))
                .help("give each improvement once; if there were two changes on one theme, describe each in its own words"),
            );
        }
        let line = src.locate(i.theme.span()).line;
        seen.push((theme, did, line));
    }
}

fn improvement(
    i: &ImprovementData,
    src: &SourceFile,
    period: Option<Period>,
    diags: &mut Diagnostics,
) -> Option<Improvement> {
    let Some(status) = ImprovementStatus::parse(i.status.get_ref()) else {
        let hint = did_you_mean(
            &i.status.get_ref().trim().to_lowercase(),
            ImprovementStatus::WORDS,
        )
        .map_or(String::new(), |s| format!("did you mean \"{s}\"? "));
        diags.push(
            Diagnostic::error(format!(
                "`{}` is not an improvement status",
                i.status.get_ref()
            ))
            .at(src, i.status.span())
            .help(format!(
                "{hint}use one of: {}",
                ImprovementStatus::WORDS.join(", ")
            )),
        );
        return None;
    };
    if let (Some(date), Some(period)) = (&i.date, period) {
        check_date(i, status, date, period, src, diags);
    }
    Some(Improvement {
        theme: i.theme.get_ref().clone(),
        you_said: i.you_said.clone(),
        we_did: i.we_did.clone(),
        date: i.date.as_ref().map(|d| *d.get_ref()),
        status,
    })
}

/// An improvement belongs to the report year (Code 8.1(d): "service improvements made as a result of the learning
/// from complaints" in that year). One marked done after the year ended, or dated more than a year before it began,
/// is probably a wrong date or a leftover from an earlier report: a warning, since a landlord may have reasons.
fn check_date(
    i: &ImprovementData,
    status: ImprovementStatus,
    date: &toml::Spanned<Date>,
    period: Period,
    src: &SourceFile,
    diags: &mut Diagnostics,
) {
    let d = *date.get_ref();
    let year_before_start = Date {
        year: period.start.year.saturating_sub(1),
        ..period.start
    };
    let theme = i.theme.get_ref();
    if status == ImprovementStatus::Done && d > period.end {
        diags.push(
            Diagnostic::warning(format!(
                "the improvement `{theme}` is marked done, but dated {}, after the report period ended on {}",
                d.long(),
                period.end.long()
            ))
            .at(src, date.span())
            .label("after the report period")
            .help("check the date; a change made after the year ended belongs in next year's report, or give it status = \"in progress\" if it was under way at the year end"),
        );
    } else if d < year_before_start {
        diags.push(
            Diagnostic::warning(format!(
                "the improvement `{theme}` is dated {}, more than a year before the report period began on {}",
                d.long(),
                period.start.long()
            ))
            .at(src, date.span())
            .label("long before the report period")
            .help("Code 8.1(d) asks for the improvements made from this year's complaints; check the date, or leave the entry to the report it belongs to"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::improvements::ImprovementsFile;
    use crate::data::toml_doc;
    use crate::diagnostics::Severity;

    fn run(entries: &[(&str, &str, &str, &str)]) -> Vec<(Severity, String)> {
        let text: String = entries
            .iter()
            .map(|(theme, did, date, status)| {
                format!("[[improvements]]\ntheme = \"{theme}\"\nyou_said = \"s\"\nwe_did = \"{did}\"\ndate = {date}\nstatus = \"{status}\"\n")
            })
            .collect();
        let src = SourceFile::new("data/improvements.toml", "i", text);
        let mut diags = Diagnostics::new();
        let file: ImprovementsFile = toml_doc::load(&src, &mut diags).expect("valid test data");
        let period = Period {
            start: Date::parse("2025-04-01").unwrap(),
            end: Date::parse("2026-03-31").unwrap(),
        };
        build(&file.improvements.unwrap(), &src, Some(period), &mut diags);
        diags
            .sorted()
            .into_iter()
            .map(|d| (d.severity, d.message.clone()))
            .collect()
    }

    #[test]
    fn the_same_theme_and_text_twice_is_an_error() {
        let d = run(&[
            ("Repairs", "texts", "2025-06-01", "done"),
            ("Repairs", "a new team", "2025-07-01", "done"),
            ("repairs ", "a new team", "2025-08-01", "done"),
        ]);
        // The same theme with a different change is two improvements; the same theme and change is one, twice.
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            d[0],
            (
                Severity::Error,
                "the improvement `repairs ` is given twice".into()
            )
        );
    }

    #[test]
    fn dates_far_from_the_period_are_warnings() {
        let d = run(&[
            ("Done later", "a", "2026-04-01", "done"),
            ("Planned later", "b", "2026-09-30", "planned"),
            ("Long ago", "c", "2024-03-31", "done"),
            ("Last year", "d", "2024-04-01", "done"),
        ]);
        let messages: Vec<&str> = d.iter().map(|(_, m)| m.as_str()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0]
            .starts_with("the improvement `Done later` is marked done, but dated 1 April 2026"));
        assert!(messages[1].starts_with(
            "the improvement `Long ago` is dated 31 March 2024, more than a year before"
        ));
        assert!(d.iter().all(|(s, _)| *s == Severity::Warning));
    }
}
