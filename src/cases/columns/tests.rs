//! Matching header rows to columns.

use super::*;

fn headers(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn matches_without_regard_to_case_spaces_or_punctuation() {
    assert_eq!(normalise("Stage 1 Received"), "stage1received");
    assert_eq!(normalise("STAGE1_RECEIVED"), normalise("stage1_received"));
    assert_eq!(normalise("stage-1 received"), "stage1received");
    let m = match_header(
        &headers(&[
            "Reference",
            "Stage 1 received",
            "Stage 1 acknowledged",
            "Stage 1 responded",
            "Stage 1 outcome",
            "Tenant name",
        ]),
        &Renames::new(),
    );
    // The one column it does not read is a warning, listed by name.
    assert_eq!(m.problems.len(), 1, "{:?}", m.problems);
    assert!(!m.problems[0].error);
    assert_eq!(
        m.problems[0].message,
        "1 column is not read: \"Tenant name\""
    );
    assert_eq!(m.get(Column::Stage1Responded), Some(3));
    assert_eq!(m.get(Column::Tenure), None);
}

#[test]
fn a_rename_replaces_the_default_name() {
    let mut renames = Renames::new();
    renames.insert(Column::Reference, "Case ID".to_string());
    let m = match_header(
        &headers(&[
            "case id",
            "stage1_received",
            "stage1_acknowledged",
            "stage1_responded",
            "stage1_outcome",
        ]),
        &renames,
    );
    assert!(m.problems.is_empty(), "{:?}", m.problems);
    assert_eq!(m.get(Column::Reference), Some(0));
}

#[test]
fn missing_misspelt_and_doubled_columns_are_reported() {
    let m = match_header(
        &headers(&[
            "reference",
            "stage1_recieved",
            "stage1_acknowledged",
            "stage1_responded",
            "Stage 1 responded",
            "stage2_received",
        ]),
        &Renames::new(),
    );
    let messages: Vec<&str> = m.problems.iter().map(|p| p.message.as_str()).collect();
    assert!(messages
        .iter()
        .any(|m| m.contains("two columns are `stage1_responded`")));
    assert!(m
        .problems
        .iter()
        .any(|p| !p.error && p.help.starts_with("did you mean `stage1_received`?")));
    assert!(messages.contains(&"the header row has no `stage1_received` column"));
    assert!(messages.contains(&"the header row has no `stage1_outcome` column"));
    assert!(messages.contains(&"the header row has no `stage2_outcome` column"));
}
