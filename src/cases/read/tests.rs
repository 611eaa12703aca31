//! Finding cells in CSV text, naming workbook columns, decoding Excel's CSV.

use super::*;

#[test]
fn finds_each_field_of_a_csv_record() {
    let text = "a,\"b,\"\"c\"\"\", d ,\nx";
    let spans = field_spans(text, 0, b',');
    let fields: Vec<&str> = spans.iter().map(|s| &text[s.clone()]).collect();
    assert_eq!(fields, ["a", "b,\"\"c\"\"", " d ", ""]);
    assert_eq!(trimmed(text, spans[2].clone()), 13..14);
    assert_eq!(field_spans(text, 17, b','), vec![17..18]);
}

#[test]
fn names_spreadsheet_columns() {
    assert_eq!(column_letters(0), "A");
    assert_eq!(column_letters(25), "Z");
    assert_eq!(column_letters(26), "AA");
    assert_eq!(column_letters(27), "AB");
}

#[test]
fn reads_windows_1252() {
    let mut diags = Diagnostics::new();
    assert_eq!(
        decode(b"\xa3250 \x93ok\x94", "x.csv", &mut diags),
        "£250 “ok”"
    );
    assert_eq!(diags.warning_count(), 1);
    let mut diags = Diagnostics::new();
    assert_eq!(decode("\u{feff}£1".as_bytes(), "x.csv", &mut diags), "£1");
    assert!(diags.is_empty());
}
