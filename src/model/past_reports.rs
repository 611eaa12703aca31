//! Every year's report, for the past reports page: the report year itself, the years `redress new-year` froze under
//! `archive/`, and the reports published before redress that `data/past-reports.toml` lists.
//!
//! A landlord's reports of earlier years are part of the public record, and a reader looking for one should find it
//! beside the current year's. A listed file must exist under `static/` (a typo would publish a dead link), a link
//! must be a full address, and no past report can be for a year after the report year.

use crate::data::frozen::FrozenYear;
use crate::data::past_reports::{PastReportData, PastReportsFile, StaticFile};
use crate::data::year_label::YearLabel;
use crate::diagnostics::{did_you_mean, Diagnostic, Diagnostics, SourceFile};

/// One year on the past reports page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PastYear {
    /// "2024-25".
    pub(crate) label: String,
    /// The report year: this site.
    pub(crate) live: bool,
    /// Frozen under `archive/<label>/`.
    pub(crate) frozen: bool,
    /// Reports published before redress (or beside it: a PDF of a year also kept as web pages), in file order.
    pub(crate) published: Vec<Published>,
}

/// A report listed in `data/past-reports.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Published {
    /// Link text.
    pub(crate) title: String,
    /// Where it is.
    pub(crate) link: Link,
}

/// Where a listed report is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Link {
    /// A file under `static/`, published with the site at the same path.
    File {
        /// Path relative to `static/` (and to the built site's root).
        path: String,
        /// Size in bytes.
        bytes: u64,
    },
    /// A full address elsewhere.
    Url(String),
}

/// The years, newest first. `live` is the report year's label.
pub(super) fn build(
    file: Option<&(PastReportsFile, SourceFile)>,
    frozen: &[FrozenYear],
    statics: &[StaticFile],
    live: Option<&str>,
    diags: &mut Diagnostics,
) -> Vec<PastYear> {
    let mut years: Vec<(Option<YearLabel>, PastYear)> = Vec::new();
    let live_label = live.map(|l| (l.to_string(), YearLabel::parse(l)));
    if let Some((label, parsed)) = &live_label {
        let i = entry(&mut years, label.clone(), *parsed);
        years[i].1.live = true;
    }
    for f in frozen {
        let i = entry(&mut years, f.label.to_string(), Some(f.label));
        years[i].1.frozen = true;
    }
    if let Some((file, src)) = file {
        let live_year = live_label.as_ref().and_then(|(_, p)| *p);
        let mut seen: Vec<(String, Link, std::ops::Range<usize>)> = Vec::new();
        for r in &file.reports {
            let Some((year, published)) = report(r, src, statics, live_year, diags) else {
                continue;
            };
            if let Some((_, _, first)) = seen
                .iter()
                .find(|(y, l, _)| *y == year.to_string() && *l == published.link)
            {
                let line = src.locate(first.clone()).line;
                diags.push(
                    Diagnostic::error(format!(
                        "the {year} report `{}` is listed twice",
                        published.title
                    ))
                    .at(src, r.year.span())
                    .label(format!("also listed on line {line}"))
                    .help("list each report once"),
                );
                continue;
            }
            seen.push((year.to_string(), published.link.clone(), r.year.span()));
            let i = entry(&mut years, year.to_string(), Some(year));
            years[i].1.published.push(published);
        }
    }
    // Newest first; a label redress cannot read (only the report year's can be one) goes first, as it is the
    // report year.
    years.sort_by(|(a, _), (b, _)| match (a, b) {
        (Some(a), Some(b)) => b.cmp(a),
        (None, Some(_)) => std::cmp::Ordering::Less,
        (Some(_), None) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    years.into_iter().map(|(_, y)| y).collect()
}

/// The index of `label`'s year in `years`, added if it is not there yet.
fn entry(
    years: &mut Vec<(Option<YearLabel>, PastYear)>,
    label: String,
    parsed: Option<YearLabel>,
) -> usize {
    if let Some(i) = years.iter().position(|(_, y)| y.label == label) {
        return i;
    }
    years.push((
        parsed,
        PastYear {
            label,
            live: false,
            frozen: false,
            published: Vec::new(),
        },
    ));
    years.len() - 1
}

/// Checks one entry of the file.
fn report(
    r: &PastReportData,
    src: &SourceFile,
    statics: &[StaticFile],
    live: Option<YearLabel>,
    diags: &mut Diagnostics,
) -> Option<(YearLabel, Published)> {
    let mut ok = true;
    let year = YearLabel::parse(r.year.get_ref().trim());
    match year {
        None => {
            ok = false;
            diags.push(
                Diagnostic::error(format!("`{}` is not a year label", r.year.get_ref()))
                    .at(src, r.year.span())
                    .label("expected a year such as 2023-24")
                    .help("write the year as site.toml's period label is written: 2023-24 (or 2023-2024, or 2023 for a calendar year)"),
            );
        }
        Some(y) if live.is_some_and(|l| y >= l) => {
            ok = false;
            diags.push(
                Diagnostic::error(format!(
                    "a past report for {y}, which is not before the report year {}",
                    live.map(|l| l.to_string()).unwrap_or_default()
                ))
                .at(src, r.year.span())
                .label("not a past year")
                .help("check the year: this site is the report for the year in site.toml's period label, and the past reports page lists it already"),
            );
        }
        Some(_) => {}
    }
    let title = r.title.get_ref().trim();
    if title.is_empty() {
        ok = false;
        diags.push(
            Diagnostic::error("a past report has an empty title")
                .at(src, r.title.span())
                .help("give the report's title, as the text of its link: title = \"Complaints performance report 2023-24\""),
        );
    }
    let link = match (&r.file, &r.url) {
        (Some(file), None) => static_file(file, src, statics, diags),
        (None, Some(url)) => {
            let u = url.get_ref().trim();
            if u.starts_with("https://") || u.starts_with("http://") {
                Some(Link::Url(u.to_string()))
            } else {
                diags.push(
                    Diagnostic::error(format!("`{u}` is not a full address"))
                        .at(src, url.span())
                        .label("expected https://...")
                        .help("give the report's full address, starting https://; for a file published with this site, put it under static/ and give `file = \"reports/NAME.pdf\"` instead"),
                );
                None
            }
        }
        (Some(_), Some(url)) => {
            diags.push(
                Diagnostic::error("a past report gives both `file` and `url`")
                    .at(src, url.span())
                    .help("keep `file` for a copy published with this site, or `url` for one published elsewhere, not both"),
            );
            None
        }
        (None, None) => {
            diags.push(
                Diagnostic::error("a past report gives neither `file` nor `url`")
                    .at(src, r.year.span())
                    .label("in this report")
                    .help("add `file = \"reports/NAME.pdf\"` for a file under static/, or `url = \"https://...\"` for one published elsewhere"),
            );
            None
        }
    };
    let link = link?;
    if !ok {
        return None;
    }
    Some((
        year?,
        Published {
            title: title.to_string(),
            link,
        },
    ))
}

/// A listed file: it must be one of the files under `static/`, which every build publishes at the same path.
fn static_file(
    file: &toml::Spanned<String>,
    src: &SourceFile,
    statics: &[StaticFile],
    diags: &mut Diagnostics,
) -> Option<Link> {
    let raw = file.get_ref().trim();
    let path = raw.trim_start_matches("./");
    let path = path.strip_prefix("static/").unwrap_or(path);
    if let Some(f) = statics.iter().find(|f| f.path == path) {
        return Some(Link::File {
            path: f.path.clone(),
            bytes: f.bytes,
        });
    }
    let help = match did_you_mean(path, statics.iter().map(|f| f.path.as_str())) {
        Some(s) => format!("did you mean `{s}`? The path is taken from the static/ folder"),
        None if statics.is_empty() => {
            "put the file in the site's static/ folder (static/reports/NAME.pdf, say) and give its path there: file = \"reports/NAME.pdf\"".to_string()
        }
        None => format!(
            "put the file in the site's static/ folder and give its path there; static/ holds: {}",
            statics
                .iter()
                .take(8)
                .map(|f| f.path.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    diags.push(
        Diagnostic::error(format!("`static/{path}` does not exist"))
            .at(src, file.span())
            .label("no such file under static/")
            .help(help),
    );
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(toml: &str, statics: &[(&str, u64)], frozen: &[&str]) -> (Vec<PastYear>, Diagnostics) {
        let src = SourceFile::new("data/past-reports.toml", "x", toml);
        let mut diags = Diagnostics::new();
        let file = crate::data::toml_doc::load::<PastReportsFile>(&src, &mut diags).unwrap();
        let statics: Vec<StaticFile> = statics
            .iter()
            .map(|(p, b)| StaticFile {
                path: (*p).into(),
                bytes: *b,
            })
            .collect();
        let frozen: Vec<FrozenYear> = frozen
            .iter()
            .map(|l| FrozenYear {
                label: YearLabel::parse(l).unwrap(),
                files: Vec::new(),
            })
            .collect();
        let years = build(
            Some(&(file, src)),
            &frozen,
            &statics,
            Some("2025-26"),
            &mut diags,
        );
        (years, diags)
    }

    #[test]
    fn lists_every_year_newest_first() {
        let (years, diags) = run(
            "[[reports]]\nyear = \"2022-23\"\ntitle = \"Report 2022-23\"\nurl = \"https://example.org/r.pdf\"\n\n[[reports]]\nyear = \"2024-25\"\ntitle = \"Report 2024-25 (PDF)\"\nfile = \"reports/r-2024-25.pdf\"\n",
            &[("reports/r-2024-25.pdf", 2048)],
            &["2024-25", "2023-24"],
        );
        assert!(diags.is_empty(), "{diags:?}");
        let labels: Vec<&str> = years.iter().map(|y| y.label.as_str()).collect();
        assert_eq!(labels, ["2025-26", "2024-25", "2023-24", "2022-23"]);
        assert!(years[0].live && !years[0].frozen);
        assert!(years[1].frozen);
        assert_eq!(
            years[1].published[0].link,
            Link::File {
                path: "reports/r-2024-25.pdf".into(),
                bytes: 2048
            }
        );
        assert_eq!(
            years[3].published[0].link,
            Link::Url("https://example.org/r.pdf".into())
        );
    }

    #[test]
    fn a_misspelt_file_gets_a_suggestion() {
        let (_, diags) = run(
            "[[reports]]\nyear = \"2023-24\"\ntitle = \"R\"\nfile = \"reports/r-2023-42.pdf\"\n",
            &[("reports/r-2023-24.pdf", 10)],
            &[],
        );
        let d = &diags.sorted()[0];
        assert_eq!(d.message, "`static/reports/r-2023-42.pdf` does not exist");
        assert_eq!(d.location.as_ref().unwrap().line, 4);
        assert!(d
            .help
            .as_ref()
            .unwrap()
            .contains("did you mean `reports/r-2023-24.pdf`?"));
    }

    #[test]
    fn bad_entries_are_errors() {
        let (_, diags) = run(
            "[[reports]]\nyear = \"2023/24\"\ntitle = \"R\"\nurl = \"https://x.org\"\n\n[[reports]]\nyear = \"2026-27\"\ntitle = \"R\"\nurl = \"https://x.org\"\n\n[[reports]]\nyear = \"2022-23\"\ntitle = \"R\"\nurl = \"reports/x.pdf\"\n\n[[reports]]\nyear = \"2021-22\"\ntitle = \"R\"\n\n[[reports]]\nyear = \"2020-21\"\ntitle = \"R\"\nurl = \"https://x.org\"\n\n[[reports]]\nyear = \"2020-21\"\ntitle = \"Again\"\nurl = \"https://x.org\"\n",
            &[],
            &[],
        );
        let messages: Vec<String> = diags.sorted().iter().map(|d| d.message.clone()).collect();
        assert_eq!(
            messages,
            [
                "`2023/24` is not a year label",
                "a past report for 2026-27, which is not before the report year 2025-26",
                "`reports/x.pdf` is not a full address",
                "a past report gives neither `file` nor `url`",
                "the 2020-21 report `Again` is listed twice",
            ]
        );
    }
}
