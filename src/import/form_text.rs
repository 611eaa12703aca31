//! Recognises the form's own text between the tables: section and stage headings, the form's title, and the
//! Ombudsman's printed instructions. These are reported as "not carried over" by kind and line, rather than as
//! text that could not be placed, because they are not the landlord's words.

/// Section and stage headings, and the form's title: "Section 3: Accessibility and Awareness", "Stage 2".
pub(crate) fn heading_like(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let words = lower.split_whitespace().count();
    if words > 15 || lower.contains(". ") {
        return false;
    }
    let mut it = lower.split_whitespace();
    let first = it.next().unwrap_or("");
    let second = it.next().unwrap_or("");
    let rest = it.count();
    // "Section 3", "Stage 2", "Section 3: Accessibility and awareness"; not "Section 3.4 of our policy ...",
    // the landlord's own clause, nor a sentence that begins with a section.
    let bare = second.trim_end_matches([':', '.', '-']);
    let numbered = (!bare.is_empty() && bare.chars().all(|c| c.is_ascii_digit()))
        || matches!(bare, "one" | "two" | "three");
    if matches!(first, "section" | "stage" | "part") && numbered {
        return rest == 0 || (rest <= 8 && !lower.ends_with('.'));
    }
    if lower.starts_with("self-assessment form") || lower.starts_with("self assessment form") {
        return true;
    }
    let bare: String = lower
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ')
        .replace('&', "and");
    crate::catalogue::catalogue()
        .sections
        .iter()
        .any(|s| bare.trim() == s.title.to_lowercase())
}

/// The instructions printed at the top of the Ombudsman's forms (2020, 2022 and 2024 templates). They are the
/// Ombudsman's words, not the landlord's, so they are recognised and left out rather than reported.
const INSTRUCTIONS: [&str; 7] = [
    "This self-assessment form should be completed by the complaints officer, and it must be reviewed and approved by the landlord's governing body at least annually.",
    "Once approved, landlords must publish the self-assessment as part of the annual complaints performance and service improvement report on their website. The governing body's response to the report must be published alongside this.",
    "Landlords are required to complete the self-assessment in full and support all statements with evidence, with additional commentary as necessary.",
    "We recognise that there may be a small number of circumstances where landlords are unable to meet the requirements, for example, if they do not have a website. In these circumstances, we expect landlords to deliver the intentions of the Code in an alternative way, for example by publishing information in a public area so that it is easily accessible.",
    "This self-assessment form should be completed by the complaints officer and discussed at the landlord's governing body annually.",
    "Evidence should be included to support all statements with additional commentary as necessary.",
    "Explanations must also be provided where a mandatory 'must' requirement is not met to set out the rationale for the alternative approach adopted and why this delivers a better outcome.",
];

pub(crate) fn instructions_like(text: &str) -> bool {
    INSTRUCTIONS
        .iter()
        .any(|i| super::matching::containment(text, i) >= 0.6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_instructions() {
        assert!(heading_like("Section 3: Accessibility and Awareness"));
        assert!(heading_like("Stage 2"));
        assert!(heading_like(
            "Scrutiny and oversight: continuous learning and improvement"
        ));
        assert!(!heading_like(
            "Stage 2 is the landlord's final response. It must be"
        ));
        assert!(!heading_like(
            "Section 3.4 of our policy sets out the timescales"
        ));
        assert!(!heading_like(
            "Stage 1 complaints are answered within 10 working days."
        ));
        assert!(instructions_like(
            "Landlords are required to complete the self-assessment in full and support all statements with evidence."
        ));
        assert!(!instructions_like("Complaints Policy (Section 3)"));
    }
}
