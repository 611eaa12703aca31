//! Recognises forms written against older editions of the Complaint Handling Code, and explains why they are
//! refused.
//!
//! The 2022 Code's self-assessment split each section into mandatory "must" and best-practice "should" tables,
//! headed its number column "Code section", and numbered its provisions differently (its 1.7 is the 2024 Code's
//! 2.1; its section 3, "Complaint handling personnel", is 2024's section 4). The 2020 Code's form was a checklist
//! of questions ("Does the complaints process use the following definition...?") with Yes and No columns to
//! mark. An answer to an old requirement is not an answer to a new one, so neither is mapped onto the 2024
//! provisions: redress says what it saw, and the landlord completes the 2024 form.
//!
//! Detection weighs several independent signs, each reported with where it was seen, so one odd phrase in a
//! 2024 form does not trip it, and a user who disagrees can see why and pass `--edition 2024`.

use std::fmt;

use super::header::Role;
use super::rows::Structure;
use super::sequence::Placement;
use super::values::FormAnswer;
use super::{Loc, Row};

/// An edition of the Housing Ombudsman's Complaint Handling Code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Edition {
    /// The 2024 Code, statutory from 1 April 2024: the one redress reports against.
    Code2024,
    /// The 2022 Code, with "must" and "should" requirements.
    Code2022,
    /// The 2020 Code's self-assessment checklist.
    Code2020,
}

impl fmt::Display for Edition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Edition::Code2024 => "2024",
            Edition::Code2022 => "2022",
            Edition::Code2020 => "2020",
        })
    }
}

/// The edition found, and the signs that showed it.
#[derive(Debug)]
pub(crate) struct Verdict {
    pub(crate) edition: Edition,
    pub(crate) signals: Vec<(Loc, String)>,
}

const PHRASES_2022: [(&str, &str); 6] = [
    ("'must' requirement", "mandatory 'must' requirements"),
    (
        "'should' requirement",
        "best-practice 'should' requirements",
    ),
    ("best practice 'sh", "best-practice 'should' requirements"),
    (
        "complaint handling personnel",
        "the 2022 section \"Complaint handling personnel\"",
    ),
    (
        "complaint handling principles",
        "the 2022 section \"Complaint handling principles\"",
    ),
    ("mandatory 'must'", "mandatory 'must' requirements"),
];

const PHRASES_2020: [(&str, &str); 4] = [
    (
        "does the complaints process use the following definition",
        "the 2020 checklist's first question",
    ),
    ("(data from", "a data period before the 2024 Code"),
    (
        "compliance with the complaint handling code",
        "the 2020 checklist's title",
    ),
    (
        "has the code made a difference",
        "a 2020 checklist question",
    ),
];

/// Weighs the signs of each edition.
pub(crate) fn detect(rows: &[Row], s: &Structure, placement: &Placement) -> Verdict {
    let mut old: Vec<(Loc, String)> = Vec::new();
    let mut older: Vec<(Loc, String)> = Vec::new();
    let (mut score_2022, mut score_2020) = (0, 0);
    let mut questions = 0;
    for row in rows {
        for cell in &row.cells {
            let lower = cell.to_lowercase().replace(['‘', '’'], "'");
            for (phrase, what) in PHRASES_2022 {
                if lower.contains(phrase) && !old.iter().any(|(_, w)| w.contains(what)) {
                    score_2022 += 2;
                    old.push((row.loc.clone(), format!("{what}: \"{}\"", short(cell))));
                }
            }
            for (phrase, what) in PHRASES_2020 {
                if lower.contains(phrase) && !older.iter().any(|(_, w)| w.contains(what)) {
                    score_2020 += 2;
                    older.push((row.loc.clone(), format!("{what}: \"{}\"", short(cell))));
                }
            }
            if cell.trim_end().ends_with('?') && cell.split_whitespace().count() >= 4 {
                questions += 1;
            }
        }
    }
    if s.headers.iter().any(|h| {
        h.labels
            .iter()
            .any(|l| l.eq_ignore_ascii_case("code section"))
    }) {
        score_2022 += 2;
        old.push((
            first_header_loc(s),
            "a number column headed \"Code section\", as on the 2022 form (2024's says \"Code provision\")".into(),
        ));
    }
    let yes_no = s.headers.iter().any(|h| {
        h.roles.contains(&Role::Mark(FormAnswer::Yes))
            && h.roles.contains(&Role::Mark(FormAnswer::No))
            && !h.roles.contains(&Role::Number)
    });
    if yes_no {
        score_2020 += 2;
        older.push((
            first_header_loc(s),
            "separate Yes and No columns to mark, as on the 2020 checklist".into(),
        ));
    }
    if questions >= 5 {
        score_2020 += 2;
        older.push((
            rows.first().map_or(Loc::Line(1), |r| r.loc.clone()),
            format!("{questions} rows are questions (\"...?\"), not the Code's provisions"),
        ));
    }
    if placement.foreign.len() >= 3 {
        score_2022 += 2;
        let mut numbers: Vec<&str> = placement.foreign.iter().map(|(_, n)| n.as_str()).collect();
        numbers.dedup();
        let shown: Vec<&str> = numbers.iter().take(8).copied().collect();
        old.push((
            placement.foreign[0].0.clone(),
            format!(
                "provision numbers that are not on the 2024 form: {}{}",
                shown.join(", "),
                if numbers.len() > shown.len() {
                    ", ..."
                } else {
                    ""
                }
            ),
        ));
    }
    let (edition, signals) = if score_2020 >= 3 && score_2020 >= score_2022 {
        (Edition::Code2020, older)
    } else if score_2022 >= 3 {
        (Edition::Code2022, old)
    } else {
        (Edition::Code2024, Vec::new())
    };
    Verdict { edition, signals }
}

fn first_header_loc(s: &Structure) -> Loc {
    s.form_text
        .iter()
        .find(|(_, k)| *k == super::rows::FormTextKind::Header)
        .map_or(Loc::Line(1), |(l, _)| l.clone())
}

fn short(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > 70 {
        format!("{}...", one_line.chars().take(67).collect::<String>())
    } else {
        one_line
    }
}

/// The message shown when a form is refused.
pub(crate) fn explain(edition: Edition, signals: &[(Loc, String)]) -> String {
    let mut out = match edition {
        Edition::Code2022 => "this is a self-assessment against the 2022 Complaint Handling Code, not the 2024 Code".to_string(),
        Edition::Code2020 => "this is the 2020 Complaint Handling Code's self-assessment checklist, not a 2024 Code self-assessment".to_string(),
        Edition::Code2024 => "this form is for the 2024 Code".to_string(),
    };
    out.push_str("\n\nwhat shows it:\n");
    for (loc, what) in signals {
        out.push_str(&format!("  {loc}: {what}\n"));
    }
    out.push('\n');
    out.push_str(match edition {
        Edition::Code2022 => {
            "The 2022 Code split each section into 'must' and 'should' requirements and numbered them differently. \
             The 2024 Code, statutory since 1 April 2024, rewrote, merged and renumbered them: 2022's 1.7 is 2024's \
             2.1, and 2022's section 3 (complaint handling personnel) is 2024's section 4. An answer given to an old \
             requirement is not an answer to the new one, so redress will not carry it across."
        }
        Edition::Code2020 => {
            "The 2020 checklist asks questions (\"Are these exclusions reasonable and fair?\") rather than setting \
             out the provisions of the 2024 Code, and has no provision numbers to map. An answer to one of its \
             questions is not an answer to a 2024 provision, so redress will not carry it across."
        }
        Edition::Code2024 => "",
    });
    out.push_str(
        "\n\nhelp: complete the Ombudsman's 2024 self-assessment form and import that. To keep this older \
         assessment on your site, put the document in static/ and link to it from a page in content/. If this \
         really is a 2024 form, run the import again with --edition 2024.",
    );
    out
}
