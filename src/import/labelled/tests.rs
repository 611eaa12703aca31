//! Reading forms laid out as labelled blocks, one label or value per line, or with their cells run together:
//! each test imports a small form through the whole importer and reads back what was written.

use crate::catalogue::catalogue;
use crate::import::{import_bytes, FormTextKind, ImportOptions, ImportResult};

fn import(name: &str, text: &str) -> ImportResult {
    import_bytes(name, text.as_bytes(), &ImportOptions::default())
        .unwrap_or_else(|e| panic!("{e}\n---\n{text}"))
}

/// The entries written (not commented out), by number.
fn entries(r: &ImportResult) -> Vec<(String, toml::Table)> {
    let doc: toml::Table = toml::from_str(&r.toml).expect("valid TOML");
    doc.get("provisions")
        .and_then(|p| p.as_array())
        .map(|a| {
            a.iter()
                .map(|p| {
                    let t = p.as_table().unwrap().clone();
                    (t["number"].as_str().unwrap().to_string(), t)
                })
                .collect()
        })
        .unwrap_or_default()
}

fn get<'a>(e: &'a [(String, toml::Table)], number: &str, key: &str) -> &'a str {
    e.iter()
        .find(|(n, _)| n == number)
        .unwrap_or_else(|| panic!("{number} imported"))
        .1
        .get(key)
        .and_then(|v| v.as_str())
        .unwrap_or("")
}

fn wording(number: &str) -> String {
    catalogue().get(number).unwrap().text.clone()
}

#[test]
fn labelled_blocks_with_labels_alone_and_inline() {
    let text = format!(
        "Code provision 1.2\nCode requirement\n{}\nComply: Yes.\nEvidence\nPolicy section 2.\n\
         Code provision: 1.3\nComply\nPartially\nEvidence: Staff training.\nExplanation\nNot all staff trained.\n\
         Action required\nTrain the rest\nAction owner\nHead of Service\nCompletion date\n31 March 2027\n",
        wording("1.2")
    );
    let r = import("page.txt", &text);
    let e = entries(&r);
    assert_eq!(get(&e, "1.2", "comply"), "yes");
    assert_eq!(get(&e, "1.2", "evidence"), "Policy section 2.");
    assert_eq!(get(&e, "1.3", "comply"), "no");
    assert_eq!(
        get(&e, "1.3", "commentary"),
        "The form answered \"Partially\"."
    );
    assert_eq!(get(&e, "1.3", "evidence"), "Staff training.");
    assert_eq!(get(&e, "1.3", "explanation"), "Not all staff trained.");
    assert_eq!(r.summary.actions, 1);
    assert!(r.unplaced.is_empty(), "{:?}", r.unplaced);
    let labels = r
        .form_text
        .iter()
        .filter(|(_, k)| *k == FormTextKind::Label)
        .count();
    assert_eq!(labels, 11);
}

#[test]
fn a_header_laid_out_one_cell_per_line_says_what_each_value_is() {
    let text = format!(
        "Code provision\nCode requirement\nComply\nEvidence\nCommentary\n\
         1.2\n{}\nYes\nPolicy section 2.\nReviewed in 2025.\n\
         1.3\n{}\nNo\nNo evidence yet.\n",
        wording("1.2"),
        wording("1.3")
    );
    let r = import("copied.txt", &text);
    let e = entries(&r);
    assert_eq!(get(&e, "1.2", "evidence"), "Policy section 2.");
    assert_eq!(get(&e, "1.2", "commentary"), "Reviewed in 2025.");
    // One block for two columns: it cannot be told which, so it is evidence.
    assert_eq!(get(&e, "1.3", "evidence"), "No evidence yet.");
    assert_eq!(get(&e, "1.3", "comply"), "no");
    let headers = r
        .form_text
        .iter()
        .filter(|(_, k)| *k == FormTextKind::Header)
        .count();
    assert_eq!(headers, 5);
}

#[test]
fn cells_that_ran_together_are_split_at_the_end_of_the_codes_wording() {
    let text = format!(
        "1.2{}YesOur policy, section 2.\nA second paragraph.\n1.3{}No.We are rewriting it.\n",
        wording("1.2"),
        wording("1.3")
    );
    let r = import("copied.txt", &text);
    let e = entries(&r);
    assert_eq!(get(&e, "1.2", "comply"), "yes");
    assert_eq!(
        get(&e, "1.2", "evidence"),
        "Our policy, section 2.\n\nA second paragraph."
    );
    assert_eq!(get(&e, "1.3", "comply"), "no");
    assert_eq!(get(&e, "1.3", "evidence"), "We are rewriting it.");
    assert_eq!(r.summary.merged_cells, 2);
}

#[test]
fn a_number_in_evidence_is_a_provision_only_when_its_wording_follows() {
    let text = format!(
        "1.2\n{}\nYes\n2.1 A complaint is defined in our policy as any expression of dissatisfaction.\n\
         Section 3.4 of our policy says where it is published.\n2.1\n{}\nYes\nWe accept every complaint.\n",
        wording("1.2"),
        wording("2.1")
    );
    let r = import("copied.txt", &text);
    let e = entries(&r);
    assert_eq!(
        get(&e, "1.2", "evidence"),
        "2.1 A complaint is defined in our policy as any expression of dissatisfaction.\n\n\
         Section 3.4 of our policy says where it is published."
    );
    assert_eq!(get(&e, "2.1", "evidence"), "We accept every complaint.");
}

#[test]
fn chrome_inside_a_record_is_set_aside_and_a_feedback_widget_is_not_an_answer() {
    let text = format!(
        "Code provision 1.2\nCode requirement\n{}\nComply\nShare this page\nYes.\nEvidence\nPolicy section 2.\n\
         Last modified on 3 March 2025\nTraining records.\nWas this page helpful?\nYes\nNo\n© Ashmere Homes 2026\n",
        wording("1.2")
    );
    let r = import("copied.txt", &text);
    let e = entries(&r);
    assert_eq!(get(&e, "1.2", "comply"), "yes");
    assert_eq!(
        get(&e, "1.2", "evidence"),
        "Policy section 2.\n\nTraining records."
    );
    let chrome = r
        .form_text
        .iter()
        .filter(|(_, k)| *k == FormTextKind::PageChrome)
        .count();
    assert_eq!(chrome, 6);
}

#[test]
fn a_table_of_labels_and_values_per_provision() {
    let html = format!(
        "<table><tr><th>Code provision</th><td>1.2</td></tr><tr><th>Code requirement</th><td>{}</td></tr>\
         <tr><th>Comply</th><td>No.</td></tr><tr><th>Evidence</th><td>Draft policy.</td></tr></table>\
         <table><tr><th>Code provision</th><td>1.3</td></tr><tr><th>Comply</th><td>Yes</td></tr>\
         <tr><th>Evidence</th><td><p>Policy.</p><ul><li>Leaflet</li><li>Website</li></ul></td></tr></table>",
        wording("1.2")
    );
    let r = import("page.html", &html);
    let e = entries(&r);
    assert_eq!(get(&e, "1.2", "comply"), "no");
    assert_eq!(get(&e, "1.2", "evidence"), "Draft policy.");
    assert_eq!(
        get(&e, "1.3", "evidence"),
        "Policy.\n\n- Leaflet\n- Website"
    );
}

#[test]
fn a_record_with_no_number_and_no_wording_is_reported_not_guessed() {
    let text = format!(
        "Code provision 1.2\nCode requirement\n{}\nComply: Yes\nEvidence: Policy.\n\
         Comply: No\nEvidence: Something about another provision.\n",
        wording("1.2")
    );
    let r = import("copied.txt", &text);
    assert_eq!(entries(&r).len(), 1);
    assert!(r
        .unplaced
        .iter()
        .any(|u| u.text.contains("Something about another provision.")));
}

#[test]
fn the_landlords_words_after_the_codes_wording_are_listed() {
    let text = format!(
        "Code provision 1.2\nCode requirement\n{} We added this note to the requirement.\nComply: Yes\nEvidence: Policy.\n",
        wording("1.2")
    );
    let r = import("copied.txt", &text);
    assert!(r
        .unplaced
        .iter()
        .any(|u| u.text == "We added this note to the requirement."
            && u.reason.contains("after the Code's wording of 1.2")));
}
