//! Recognises the labels of a form laid out as blocks rather than as a table: "Code provision", "Code
//! requirement", "Comply: Yes / No", "Evidence", "Commentary / explanation", alone on a line or heading a value
//! ("Comply: Yes.", "Code provision 1.2"), and the section headings between them.
//!
//! A table's header row is read by [`super::header`], where every cell is a heading and loose matching is safe.
//! A block on a page could as well be a line of evidence, so a label here is one of the headings the
//! Ombudsman's template and landlords' pages use, written out, not any text that mentions a column's word:
//! "Section 3.4 of our policy" is not a label, nor is "Action taken to date was reviewed".

use super::header::Role;
use super::number::{parse_number, NumberToken};

/// A label, and the value written after it on the same line, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Label {
    pub(crate) role: Role,
    /// The label as written, without its colon.
    pub(crate) written: String,
    /// "Yes." in "Comply: Yes.", "1.2" in "Code provision 1.2".
    pub(crate) value: Option<String>,
}

/// Labels as pages write them, in lower case with punctuation reduced to spaces, and what each heads.
const LABELS: [(&str, Role); 62] = [
    ("code provision", Role::Number),
    ("code provision number", Role::Number),
    ("provision", Role::Number),
    ("provision number", Role::Number),
    ("code reference", Role::Number),
    ("code ref", Role::Number),
    ("code paragraph", Role::Number),
    ("code section", Role::Number),
    ("code requirement", Role::Requirement),
    ("code requirements", Role::Requirement),
    ("requirement", Role::Requirement),
    ("requirements", Role::Requirement),
    ("the code says", Role::Requirement),
    ("what the code says", Role::Requirement),
    ("requirement of the code", Role::Requirement),
    ("comply", Role::Comply),
    ("comply yes / no", Role::Comply),
    ("comply yes/no", Role::Comply),
    ("comply yes no", Role::Comply),
    ("comply y/n", Role::Comply),
    ("complies", Role::Comply),
    ("compliant", Role::Comply),
    ("compliant yes / no", Role::Comply),
    ("compliance", Role::Comply),
    ("compliance status", Role::Comply),
    ("do we comply", Role::Comply),
    ("are we compliant", Role::Comply),
    ("yes / no", Role::Comply),
    ("met", Role::Comply),
    ("answer", Role::Comply),
    ("evidence", Role::Evidence),
    ("evidence of compliance", Role::Evidence),
    ("how we comply", Role::Evidence),
    ("how we meet this", Role::Evidence),
    ("how we meet the requirement", Role::Evidence),
    ("commentary", Role::Commentary),
    ("commentary / explanation", Role::Commentary),
    ("commentary/explanation", Role::Commentary),
    ("explanation / commentary", Role::Commentary),
    ("comments", Role::Commentary),
    ("comment", Role::Commentary),
    ("notes", Role::Commentary),
    ("additional commentary", Role::Commentary),
    ("explanation", Role::Explanation),
    ("explanation if no", Role::Explanation),
    ("reason", Role::Explanation),
    ("action", Role::Action),
    ("actions", Role::Action),
    ("action required", Role::Action),
    ("actions required", Role::Action),
    ("action needed", Role::Action),
    ("action plan", Role::Action),
    ("next steps", Role::Action),
    ("what we will do", Role::Action),
    ("action owner", Role::Owner),
    ("owner", Role::Owner),
    ("responsible officer", Role::Owner),
    ("lead officer", Role::Owner),
    ("completion date", Role::Due),
    ("target date", Role::Due),
    ("due date", Role::Due),
    ("status", Role::Status),
];

/// Lower case, markdown emphasis and heading marks dropped, punctuation other than `/` turned into spaces.
fn normalise(text: &str) -> String {
    let t = text
        .trim()
        .trim_start_matches('#')
        .trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    t.to_lowercase()
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

/// The role a label names, if it is one: one of [`LABELS`], or a short heading without a colon that starts with
/// "Evidence" (the one-column "Evidence, commentary and any explanations").
fn role_of(label: &str) -> Option<Role> {
    let l = normalise(label);
    // "Comply (Yes / No)", "Explanation (if no)": the bracket only explains.
    let bare = match label.find('(') {
        Some(i) if i > 0 => normalise(&label[..i]),
        _ => l.clone(),
    };
    for key in [&l, &bare] {
        if let Some((_, role)) = LABELS.iter().find(|(w, _)| w == key) {
            return Some(role.clone());
        }
    }
    let words = l.split_whitespace().count();
    (l.starts_with("evidence") && words <= 8 && !label.contains(':')).then_some(Role::Evidence)
}

/// Reads a block as a label: the whole of it ("Comply: Yes / No", "**Evidence**"), a label and its value
/// ("Comply: Yes.", "Evidence - our policy ..."), or a number label and its number ("Code provision 1.2").
pub(crate) fn label_of(text: &str) -> Option<Label> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let first_line = t.lines().next().unwrap_or("");
    let plain = |s: &str| {
        s.trim()
            .trim_start_matches('#')
            .trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace())
            .trim_end_matches(':')
            .trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace())
            .to_string()
    };
    if !t.contains('\n') && t.chars().count() <= 60 && !t.trim_end_matches('*').ends_with('.') {
        if let Some(role) = role_of(&plain(t)) {
            return Some(Label {
                role,
                written: plain(t),
                value: None,
            });
        }
    }
    // "Label: value", "Do we comply? Yes", "Evidence - ...": the label on the first line.
    let sep = first_line
        .find([':', '?'])
        .map(|i| (i, i + 1))
        .or_else(|| first_line.find(" - ").map(|i| (i, i + 3)));
    if let Some((head_end, value_start)) = sep {
        let head = plain(&first_line[..head_end]);
        let role = (head.chars().count() <= 50)
            .then(|| role_of(&head))
            .flatten();
        if let Some(role) = role {
            let value = t[value_start..]
                .trim()
                .trim_start_matches(['*', '_'])
                .trim();
            // A number label heads a number: "Reference: Complaints Policy v4" is not a provision.
            let numbered = role != Role::Number || parse_number(value).is_some();
            if numbered {
                return Some(Label {
                    role,
                    written: head,
                    value: (!value.is_empty()).then(|| value.to_string()),
                });
            }
        }
    }
    // "Code provision 1.2", "Provision 6.10 - Stage 2".
    let lower = first_line.to_lowercase();
    for lead in ["code provision", "provision", "code reference", "code ref"] {
        let Some(rest) = lower.strip_prefix(lead) else {
            continue;
        };
        let rest_raw = first_line[lead.len()..].trim_start_matches(['.', ' ', '\u{a0}']);
        if rest.starts_with([' ', '.']) && parse_number(rest_raw).is_some() {
            return Some(Label {
                role: Role::Number,
                written: first_line[..lead.len()].to_string(),
                value: Some(t[t.find(rest_raw).unwrap_or(0)..].trim().to_string()),
            });
        }
    }
    None
}

/// A header row whose cells ran together when it was copied: "Code provisionCode requirementComply: Yes /
/// NoEvidenceCommentary / explanation". True when the whole line is three or more labels and nothing else.
pub(crate) fn run_together_header(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    if lower.is_empty() || lower.contains('\n') || lower.chars().count() > 200 {
        return false;
    }
    let mut keys: Vec<&str> = LABELS.iter().map(|(k, _)| *k).collect();
    keys.push("evidence, commentary and any explanations");
    keys.push("yes/no");
    keys.sort_by_key(|k| std::cmp::Reverse(k.len()));
    let mut rest = lower.as_str();
    let mut count = 0;
    loop {
        rest = rest.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, ':' | '/' | ',' | '(' | ')' | '-' | '?')
        });
        if rest.is_empty() {
            break;
        }
        match keys.iter().find(|k| rest.starts_with(**k)) {
            Some(k) => {
                rest = &rest[k.len()..];
                count += 1;
            }
            None => return false,
        }
    }
    count >= 3
}

/// A provision number standing as the start of a record: "1.2", "Provision 1.2", "1.2." alone, with nothing
/// after it.
pub(crate) fn bare_number(text: &str) -> Option<NumberToken> {
    let t = text
        .trim()
        .trim_matches(|c: char| c == '*' || c == '_' || c == '#' || c.is_whitespace());
    match parse_number(t) {
        Some((n, rest)) if rest.trim().is_empty() => Some(n),
        _ => None,
    }
}

/// A heading of the form between its records: "Section 3: Accessibility and awareness", "3. Accessibility and
/// awareness", a section's title alone, "Stage 1", "Stage 2: complaint escalated". Stricter than
/// [`super::form_text::heading_like`], because a block of evidence ("Section 3.4 of our policy sets out ...",
/// "Stage 1 complaints are answered within 10 working days.") must not be taken for one.
pub(crate) fn section_heading(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c: char| c == '*' || c == '_' || c == '#' || c.is_whitespace());
    if t.contains('\n') || t.ends_with('.') || t.split_whitespace().count() > 12 {
        return false;
    }
    let lower = t.to_lowercase().replace('&', "and");
    let mut words = lower.split_whitespace();
    let first = words.next().unwrap_or("");
    let second = words.next().unwrap_or("");
    let rest: String = words.collect::<Vec<_>>().join(" ");
    let integer = |w: &str| {
        let w = w.trim_end_matches([':', '.', '-', '–']);
        !w.is_empty() && w.chars().all(|c| c.is_ascii_digit())
            || matches!(w, "one" | "two" | "three")
    };
    let titles: Vec<String> = crate::catalogue::catalogue()
        .sections
        .iter()
        .map(|s| s.title.to_lowercase())
        .collect();
    let is_title = |s: &str| {
        let s = s.trim().trim_start_matches(['-', '–', ':', '.']).trim();
        titles.iter().any(|t| t == s)
    };
    if matches!(first, "section" | "part") && integer(second) {
        return rest.is_empty() || is_title(&rest);
    }
    // A page's title naming its section: "Self-assessment: Section 1: Definition of a complaint".
    if let Some(at) = lower.find(" section ") {
        let tail: Vec<&str> = lower[at + 1..].split_whitespace().collect();
        if tail.len() >= 2
            && integer(tail[1])
            && (tail.len() == 2 || is_title(&tail[2..].join(" ")))
        {
            return true;
        }
    }
    if first == "stage" && integer(second) {
        return rest.split_whitespace().count() <= 4;
    }
    let numbered = integer(first);
    is_title(&lower) || (numbered && is_title(&format!("{second} {rest}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(text: &str) -> Option<(Role, Option<String>)> {
        label_of(text).map(|l| (l.role, l.value))
    }

    #[test]
    fn labels_alone_and_with_values() {
        assert_eq!(role("Comply: Yes / No"), Some((Role::Comply, None)));
        assert_eq!(role("**Evidence**"), Some((Role::Evidence, None)));
        assert_eq!(
            role("Evidence, commentary and any explanations"),
            Some((Role::Evidence, None))
        );
        assert_eq!(
            role("Comply: Yes."),
            Some((Role::Comply, Some("Yes.".into())))
        );
        assert_eq!(
            role("Code provision 1.2"),
            Some((Role::Number, Some("1.2".into())))
        );
        assert_eq!(
            role("Code provision: 6.10"),
            Some((Role::Number, Some("6.10".into())))
        );
        assert_eq!(
            role("Evidence: Policy section 2.\nTraining records."),
            Some((
                Role::Evidence,
                Some("Policy section 2.\nTraining records.".into())
            ))
        );
        assert_eq!(role("Explanation (if no)"), Some((Role::Explanation, None)));
        assert_eq!(
            role("Do we comply? Yes"),
            Some((Role::Comply, Some("Yes".into())))
        );
        for not_a_label in [
            "Section 3.4 of our policy sets out the timescales.",
            "Action taken to date was reviewed by the Board",
            "Yes.",
            "Our evidence is the policy.",
            "2.1 A complaint is defined in our policy",
        ] {
            assert_eq!(role(not_a_label), None, "{not_a_label}");
        }
    }

    #[test]
    fn a_header_row_run_together() {
        assert!(run_together_header(
            "Code provisionCode requirementComply: Yes / NoEvidenceCommentary / explanation"
        ));
        assert!(!run_together_header("Code provision 1.2"));
        assert!(!run_together_header(
            "Evidence of compliance is in the policy"
        ));
    }

    #[test]
    fn numbers_and_section_headings() {
        assert_eq!(bare_number("1.2").map(|n| n.key()).as_deref(), Some("1.2"));
        assert_eq!(
            bare_number("**6.10**").map(|n| n.key()).as_deref(),
            Some("6.10")
        );
        assert!(bare_number("2.1 A complaint").is_none());
        assert!(section_heading("Section 3: Accessibility and Awareness"));
        assert!(section_heading("3. Accessibility and awareness"));
        assert!(section_heading(
            "Scrutiny & oversight: continuous learning and improvement"
        ));
        assert!(section_heading("Stage 2"));
        assert!(!section_heading("Section 3.4 of our policy"));
        assert!(!section_heading(
            "Stage 1 complaints are answered within 10 working days."
        ));
        assert!(!section_heading(
            "Section 3 of our policy explains how to complain"
        ));
        assert!(section_heading(
            "Self-assessment: Section 1: Definition of a complaint"
        ));
        assert!(!section_heading("Read section 3 of our policy"));
    }
}
