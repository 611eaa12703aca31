//! Recognises a form's header row and says what each column holds, whatever the order and wording.
//!
//! The Ombudsman's template heads its columns "Code provision", "Code requirement", "Comply: Yes / No",
//! "Evidence" and "Commentary / explanation", and its seven-column variant adds "Action required", "Action Owner"
//! and "Completion Date". Landlords reword, reorder, drop and add columns ("Ref", "Compliant?", "RAG status",
//! "Lead officer", "Target date"), split the answer into Yes / No / Partial columns of ticks, and Word breaks long
//! headers across two lines. Columns are therefore recognised by the words in their heading, not by position; a
//! column whose heading means nothing to redress is kept, and its text is carried into the commentary under its
//! own heading.

use super::matching::{matcher, words};
use super::rows::parse_number;
use super::values::{read_answer, AnswerRead, FormAnswer};
use super::Row;

/// What a column holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Role {
    /// The provision number ("6.10").
    Number,
    /// The Code's requirement, quoted.
    Requirement,
    /// The answer, written out ("Yes", "Partially met").
    Comply,
    /// One answer's own column, ticked or marked with an "x".
    Mark(FormAnswer),
    /// A column for "N/A" marks.
    NotApplicable,
    /// Evidence.
    Evidence,
    /// Commentary (or "Commentary / explanation": an explanation when the answer is No or Partial).
    Commentary,
    /// An explanation of a shortfall.
    Explanation,
    /// An action towards compliance.
    Action,
    /// Who owns the action.
    Owner,
    /// When it is due.
    Due,
    /// How far along it is.
    Status,
    /// A heading redress does not know; its text goes into the commentary under this heading.
    Other(String),
    /// No heading at all.
    Blank,
}

/// A header row: one role per column, with the heading as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Header {
    /// What each column holds.
    pub(crate) roles: Vec<Role>,
    /// The headings as the form writes them.
    pub(crate) labels: Vec<String>,
}

impl Header {
    /// The index of the first column with this role.
    pub(crate) fn column(&self, role: &Role) -> Option<usize> {
        self.roles.iter().position(|r| r == role)
    }

    fn known(&self) -> usize {
        let mut seen: Vec<&Role> = Vec::new();
        for r in &self.roles {
            if !matches!(r, Role::Other(_) | Role::Blank) && !seen.contains(&r) {
                seen.push(r);
            }
        }
        seen.len()
    }
}

/// Lower-case words of a heading, punctuation turned into spaces ("Comply: Yes / No" → "comply yes / no").
fn normalise(label: &str) -> String {
    label
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '/' {
                c
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The role a heading names, or `None` when it names none redress knows.
pub(crate) fn role_of(label: &str) -> Option<Role> {
    let l = normalise(label);
    let has = |w: &str| l.contains(w);
    let word = |w: &str| l.split([' ', '/']).any(|x| x == w);
    if l.is_empty() {
        return None;
    }
    let role = match l.as_str() {
        "yes" | "y" | "complies" | "compliant" | "met" | "fully met" | "yes fully" => {
            Role::Mark(FormAnswer::Yes)
        }
        "no" | "n" | "not met" | "non compliant" | "not compliant" => Role::Mark(FormAnswer::No),
        "partial"
        | "partially"
        | "partly"
        | "partially met"
        | "partly met"
        | "partial compliance"
        | "partially compliant" => Role::Mark(FormAnswer::Partial),
        "n/a" | "na" | "not applicable" => Role::NotApplicable,
        _ if has("evidence") || l.starts_with("how we") => Role::Evidence,
        _ if has("owner")
            || has("responsib")
            || word("lead")
            || word("who")
            || has("accountable") =>
        {
            Role::Owner
        }
        _ if word("date")
            || word("dates")
            || word("due")
            || has("deadline")
            || has("by when")
            || has("timescale")
            || has("target") =>
        {
            Role::Due
        }
        _ if has("action") || has("improvement") || has("next step") || has("what we will do") => {
            Role::Action
        }
        // A RAG rating is kept under its own heading: green, amber and red are not answers to guess at.
        _ if has("progress") || (word("status") && !word("rag")) => Role::Status,
        _ if has("comment") || word("notes") || word("note") || has("remark") => Role::Commentary,
        _ if has("explanation") || has("reason") || has("justification") => Role::Explanation,
        _ if has("comply")
            || has("complian")
            || has("compliant")
            || has("yes/no")
            || has("y/n")
            || word("met")
            || word("answer")
            || has("assessment")
            || word("rating") =>
        {
            Role::Comply
        }
        _ if has("requirement")
            || has("the code says")
            || has("wording")
            || has("description")
            || has("question")
            || has("criteri")
            || has("standard") =>
        {
            Role::Requirement
        }
        _ if has("provision")
            || word("section")
            || word("ref")
            || has("reference")
            || has("clause")
            || word("para")
            || has("paragraph")
            || word("number")
            || word("no")
            || l == "#" =>
        {
            Role::Number
        }
        _ => return None,
    };
    Some(role)
}

/// Reads a row as a header row, if it is one: short cells that are not sentences, at least two of them naming
/// different known roles, somewhere for the answer or the evidence, and no provision number (which would make it
/// a row of data). `strict` asks for three known roles: for a row in the middle of a table, where a wrapped line
/// of prose is likelier than a new header.
pub(crate) fn read_header(cells: &[String], strict: bool) -> Option<Header> {
    let filled: Vec<&String> = cells.iter().filter(|c| !c.trim().is_empty()).collect();
    if filled.len() < 2 {
        return None;
    }
    // Headings are short and are not sentences; a wrapped line of prose can hold the same words ("...the answer
    // to the complaint is", "accordance with the timescales.").
    let short = filled.iter().all(|c| {
        let words = c.split_whitespace().count();
        c.chars().count() <= 60
            && words <= 7
            && !(words >= 2 && c.trim_end().ends_with(['.', ',', ';']))
    });
    if !short || filled.iter().any(|c| parse_number(c).is_some()) {
        return None;
    }
    let header = build(cells);
    // A table of provisions has somewhere for the answer or the evidence; a version-control table ("Version |
    // Date | Author | Comments") has neither.
    let answers_or_evidence = header
        .roles
        .iter()
        .any(|r| matches!(r, Role::Comply | Role::Mark(_) | Role::Evidence));
    let needed = if strict { 3 } else { 2 };
    (header.known() >= needed && answers_or_evidence && header.known() * 2 >= filled.len())
        .then_some(header)
}

fn build(cells: &[String]) -> Header {
    let mut roles: Vec<Role> = cells
        .iter()
        .map(|c| {
            if c.trim().is_empty() {
                Role::Blank
            } else {
                role_of(c).unwrap_or_else(|| Role::Other(c.trim().to_string()))
            }
        })
        .collect();
    // A lone "Compliant?" or "Met" column holds the answer written out, not ticks for one answer.
    let marks = roles.iter().filter(|r| matches!(r, Role::Mark(_))).count();
    if marks == 1 && roles.contains(&Role::Mark(FormAnswer::Yes)) {
        for r in roles.iter_mut() {
            if *r == Role::Mark(FormAnswer::Yes) {
                *r = Role::Comply;
            }
        }
    }
    // "No." with no "Yes" column beside it is a number column, not an answer.
    let has_yes = roles.contains(&Role::Mark(FormAnswer::Yes));
    if !has_yes && !roles.contains(&Role::Number) {
        for r in roles.iter_mut() {
            if *r == Role::Mark(FormAnswer::No) {
                *r = Role::Number;
            }
        }
    }
    Header {
        roles,
        labels: cells.iter().map(|c| c.trim().to_string()).collect(),
    }
}

/// Joins the next row onto a header that Word or a PDF broke across two lines ("Code" / "section",
/// "Comply:" / "Yes/No"), when the row is short and joining makes more of the columns recognisable.
pub(crate) fn extend_header(header: &Header, cells: &[String]) -> Option<Header> {
    let filled: Vec<&String> = cells.iter().filter(|c| !c.trim().is_empty()).collect();
    if filled.is_empty()
        || filled
            .iter()
            .any(|c| c.chars().count() > 30 || parse_number(c).is_some())
    {
        return None;
    }
    let width = header.labels.len().max(cells.len());
    let joined: Vec<String> = (0..width)
        .map(|i| {
            let a = header.labels.get(i).map_or("", String::as_str);
            let b = cells.get(i).map_or("", |s| s.trim());
            format!("{a} {b}").trim().to_string()
        })
        .collect();
    let extended = build(&joined);
    let unknown = |h: &Header| {
        h.roles
            .iter()
            .filter(|r| matches!(r, Role::Other(_)))
            .count()
    };
    (extended.known() > header.known() || unknown(&extended) < unknown(header)).then_some(extended)
}

/// Works out the columns of a table pasted without its header row, from what the cells hold: the column of
/// provision numbers, the column of answers, and the column quoting the Code; the others are taken as evidence,
/// then commentary, then columns of their own, in order. Returns `None` unless there are answers, and numbers or
/// quoted requirements to place them by.
pub(crate) fn infer_header(rows: &[Row]) -> Option<Header> {
    let table: Vec<&Row> = rows
        .iter()
        .filter(|r| r.table.is_some() && r.cells.iter().filter(|c| !c.is_empty()).count() >= 2)
        .collect();
    let width = table.iter().map(|r| r.cells.len()).max()?;
    let m = matcher();
    let quotes_code =
        |x: &str| words(x).len() >= 6 && m.scores(x).into_iter().fold(0.0, f32::max) >= 0.45;
    let best = |test: &dyn Fn(&str) -> bool, skip: &[usize]| {
        (0..width)
            .filter(|c| !skip.contains(c))
            .map(|c| {
                let n = table
                    .iter()
                    .filter(|r| r.cells.get(c).is_some_and(|x| test(x)))
                    .count();
                (n, std::cmp::Reverse(c))
            })
            .max()
            .filter(|(n, _)| *n >= 3)
            .map(|(_, c)| c.0)
    };
    let number = best(&|x| parse_number(x).is_some(), &[]);
    let skip: Vec<usize> = number.into_iter().collect();
    let answer = best(&|x| matches!(read_answer(x), AnswerRead::Answer(..)), &skip)?;
    let skip: Vec<usize> = number.into_iter().chain([answer]).collect();
    let requirement = best(&quotes_code, &skip);
    if number.is_none() && requirement.is_none() {
        return None;
    }
    let mut rest = [Role::Evidence, Role::Commentary].into_iter();
    let roles: Vec<Role> = (0..width)
        .map(|c| {
            if Some(c) == number {
                Role::Number
            } else if c == answer {
                Role::Comply
            } else if Some(c) == requirement {
                Role::Requirement
            } else {
                rest.next()
                    .unwrap_or_else(|| Role::Other(format!("Column {}", c + 1)))
            }
        })
        .collect();
    let labels = roles
        .iter()
        .map(|r| match r {
            Role::Number => "provision".to_string(),
            Role::Comply => "answer".to_string(),
            Role::Requirement => "requirement".to_string(),
            Role::Evidence => "evidence".to_string(),
            Role::Commentary => "commentary".to_string(),
            Role::Other(l) => l.clone(),
            _ => String::new(),
        })
        .collect();
    Some(Header { roles, labels })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_header_(cells: &[String]) -> Option<Header> {
        read_header(cells, false)
    }

    fn cells(s: &str) -> Vec<String> {
        s.split('\t').map(String::from).collect()
    }

    #[test]
    fn recognises_the_templates_headings_in_any_order() {
        let h = read_header_(&cells(
            "Code provision\tCode requirement\tComply: Yes / No\tEvidence\tCommentary / explanation",
        ))
        .unwrap();
        assert_eq!(
            h.roles,
            [
                Role::Number,
                Role::Requirement,
                Role::Comply,
                Role::Evidence,
                Role::Commentary
            ]
        );
        let h = read_header_(&cells(
            "Evidence\tAction Owner\tRef\tCompliant?\tCompletion Date\tAction required\tProgress",
        ))
        .unwrap();
        assert_eq!(
            h.roles,
            [
                Role::Evidence,
                Role::Owner,
                Role::Number,
                Role::Comply,
                Role::Due,
                Role::Action,
                Role::Status
            ]
        );
    }

    #[test]
    fn answer_columns_and_unknown_columns() {
        let h = read_header_(&cells("Question\tYes\tNo\tAction")).unwrap();
        assert_eq!(
            h.roles,
            [
                Role::Requirement,
                Role::Mark(FormAnswer::Yes),
                Role::Mark(FormAnswer::No),
                Role::Action
            ]
        );
        let h = read_header_(&cells("No.\tRequirement\tComply\tEvidence\tBudget code")).unwrap();
        assert_eq!(h.roles[0], Role::Number);
        assert_eq!(h.roles[4], Role::Other("Budget code".into()));
    }

    #[test]
    fn data_rows_and_titles_are_not_headers() {
        let prose = cells("\tresident when the answer to the complaint is\t\taccordance with the timescales.\tActions are set out");
        assert!(read_header(&prose, false).is_none());
        assert!(read_header(&cells("Ref\tAnswer\tEvidence"), true).is_some());
        assert!(read_header(&cells("Ref\tAnswer"), true).is_none());
        assert!(read_header_(&cells("1.2\tA complaint must be defined\tYes\tPolicy")).is_none());
        assert!(read_header_(&cells("Section 1: Definition of a complaint")).is_none());
        assert!(
            read_header_(&cells("\tCompliance with the Complaint Handling Code\t\t")).is_none()
        );
        assert!(read_header_(&cells("Version\tDate\tAuthor\tComments")).is_none());
        let h = read_header_(&cells("Provision\tHow we comply\tLead\tBy when\tRAG")).unwrap();
        assert_eq!(h.roles[1..4], [Role::Evidence, Role::Owner, Role::Due]);
        assert_eq!(h.roles[4], Role::Other("RAG".into()));
    }

    #[test]
    fn infers_the_columns_of_a_table_without_a_header() {
        let cat = crate::catalogue::catalogue();
        let rows: Vec<Row> = cat.provisions[..4]
            .iter()
            .enumerate()
            .map(|(i, p)| Row {
                loc: super::super::Loc::Line(i + 1),
                cells: vec![
                    p.number.clone(),
                    p.text.clone(),
                    "Policy".into(),
                    "Yes".into(),
                    "Note".into(),
                ],
                table: Some(0),
                heading: false,
                given: None,
            })
            .collect();
        let h = infer_header(&rows).unwrap();
        assert_eq!(
            h.roles,
            [
                Role::Number,
                Role::Requirement,
                Role::Evidence,
                Role::Comply,
                Role::Commentary
            ]
        );
        assert!(infer_header(&rows[..2]).is_none());
    }

    #[test]
    fn joins_a_header_broken_across_lines() {
        let h = read_header_(&cells("Code\tCode requirement\tComply:\tEvidence")).unwrap();
        let h2 = extend_header(&h, &cells("section\t\tYes/No\t")).unwrap();
        assert_eq!(h2.roles[0], Role::Number);
        assert_eq!(h2.labels[0], "Code section");
        assert!(extend_header(&h2, &cells("1.2\tA complaint\tYes\tPolicy")).is_none());
    }
}
