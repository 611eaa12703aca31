//! Properties of counting a log that must hold for any log at all: the order of the rows does not matter, no row
//! is lost, the counts agree with each other, and nothing panics.

use std::path::Path;

use proptest::prelude::*;

use super::calendar::Day;
use super::summary::{StageCounts, Summary};
use super::{count_table, read, Options};
use crate::data::date::Date;
use crate::diagnostics::Diagnostics;

const HEADER: &str = "reference,tenure,category,stage1_received,stage1_acknowledged,stage1_extended_to,stage1_responded,stage1_outcome,stage2_received,stage2_acknowledged,stage2_extended_to,stage2_responded,stage2_outcome,refused,compensation";

/// A date as the log writes it, `offset` days after `base`.
fn date(base: Day, offset: i32) -> String {
    base.plus(offset).date().to_string()
}

/// A date cell: mostly a real date some days after `base`, sometimes empty or not a date.
fn date_cell(base: Day) -> impl Strategy<Value = String> {
    prop_oneof![
        6 => (0i32..40).prop_map(move |o| date(base, o)),
        3 => Just(String::new()),
        1 => prop::sample::select(vec!["soon", "31/02/2025", "2025-13-01", "01/04/25"]).prop_map(String::from),
    ]
}

/// One row's cells: plausible more often than not, with every kind of fault now and then.
fn row() -> impl Strategy<Value = Vec<String>> {
    // From 1 January 2025 to the end of 2026: across three financial years and two Christmases.
    let base = Day::from_date(Date {
        year: 2025,
        month: 1,
        day: 1,
    });
    (0i32..700).prop_flat_map(move |start| {
        let b = base.plus(start);
        let b2 = b.plus(30);
        (
            prop_oneof![
                8 => (0u32..60).prop_map(|n| format!("R{n}")),
                1 => Just(String::new()),
            ],
            prop::sample::select(vec!["LCRA", "LCHO", "", "Other", "LRCA", "Shared ownership"]),
            prop::sample::select(vec!["Repairs", "repairs", "Damp and mould", ""]),
            (
                prop_oneof![9 => Just(date(b, 0)), 1 => Just(String::new()), 1 => Just("nope".to_string())],
                date_cell(b),
                prop_oneof![4 => Just(String::new()), 1 => date_cell(b.plus(10))],
                date_cell(b),
                prop::sample::select(vec!["Upheld", "Partly upheld", "not upheld", "", "maybe"]),
            ),
            (
                prop_oneof![5 => Just(String::new()), 1 => date_cell(b2)],
                date_cell(b2),
                prop_oneof![4 => Just(String::new()), 1 => date_cell(b2.plus(20))],
                date_cell(b2),
                prop::sample::select(vec!["Upheld", "Partly upheld", "not upheld", ""]),
            ),
            prop::sample::select(vec!["", "", "", "", "Out of time", "Legal proceedings"]),
            prop::sample::select(vec!["", "", "£50.00", "1,250.5", "12.345", "£0"]),
        )
            .prop_map(|(reference, tenure, category, s1, s2, refused, money)| {
                let mut cells = vec![reference, tenure.to_string(), category.to_string()];
                cells.extend([s1.0, s1.1, s1.2, s1.3, s1.4.to_string()]);
                cells.extend([s2.0, s2.1, s2.2, s2.3, s2.4.to_string()]);
                cells.extend([refused.to_string(), money.to_string()]);
                cells
            })
    })
}

fn csv(rows: &[Vec<String>]) -> String {
    let mut text = format!("{HEADER}\n");
    for r in rows {
        let cells: Vec<String> = r
            .iter()
            .map(|c| {
                if c.contains(',') {
                    format!("\"{c}\"")
                } else {
                    c.clone()
                }
            })
            .collect();
        text.push_str(&cells.join(","));
        text.push('\n');
    }
    text
}

fn count(text: &str) -> (Summary, Diagnostics) {
    let mut diags = Diagnostics::new();
    let options = Options::default();
    let table = read::read_csv(
        Path::new("log.csv"),
        "log.csv",
        text.as_bytes(),
        &options.renames,
        &mut diags,
    );
    let summary = count_table(&table, &options, &mut diags).expect("the header is complete");
    (summary, diags)
}

/// The counts of a stage that must agree with each other.
fn consistent(c: &StageCounts) -> Result<(), TestCaseError> {
    prop_assert!(c.within_timescale <= c.responded);
    prop_assert!(c.within_extension <= c.within_timescale);
    prop_assert!(c.within_extension <= c.extended);
    prop_assert!(c.extended_beyond_limit <= c.extended);
    prop_assert!(c.extended <= c.responded);
    prop_assert_eq!(c.upheld + c.partly_upheld + c.not_upheld, c.responded);
    prop_assert_eq!(
        c.acknowledged_within_5_days + c.acknowledged_late + c.acknowledgement_missing,
        c.received
    );
    prop_assert!(c.not_yet_responded <= c.received);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_counts_do_not_depend_on_the_order_of_the_rows(
        (rows, shuffled) in prop::collection::vec(row(), 0..40)
            .prop_flat_map(|rows| (Just(rows.clone()), Just(rows).prop_shuffle()))
    ) {
        let (a, _) = count(&csv(&rows));
        let (b, _) = count(&csv(&shuffled));
        prop_assert_eq!(a, b);
    }

    #[test]
    fn no_row_is_lost_and_the_counts_agree(rows in prop::collection::vec(row(), 0..40)) {
        let (s, diags) = count(&csv(&rows));
        prop_assert_eq!(s.rows.read + s.rows.blank, rows.len() as u64);
        prop_assert_eq!(s.rows.used + s.rows.set_aside, s.rows.read);
        // Every row set aside was reported (a row can have several errors).
        prop_assert!(diags.error_count() as u64 >= s.rows.set_aside);
        prop_assert_eq!(diags.has_errors(), s.rows.set_aside > 0);
        let by_year: u64 = s.years.iter().map(|y| y.rows_set_aside).sum();
        prop_assert_eq!(by_year + s.set_aside_without_year, s.rows.set_aside);
        for y in &s.years {
            prop_assert!(y.rows_used <= s.rows.used);
            let all = y.tenures.all();
            consistent(&all.stage1)?;
            consistent(&all.stage2)?;
            let categorised: u64 = y.categories.iter().map(|c| c.stage1).sum();
            prop_assert_eq!(categorised + y.uncategorised.stage1, all.stage1.received);
        }
    }

    #[test]
    fn any_text_in_any_cell_is_reported_never_a_panic(
        cells in prop::collection::vec(prop::collection::vec(".{0,12}", 15), 0..10)
    ) {
        let (s, _) = count(&csv(&cells));
        prop_assert_eq!(s.rows.used + s.rows.set_aside, s.rows.read);
    }
}

#[test]
fn a_year_is_counted_by_receipt_for_ch01_and_by_response_for_ch02() {
    // Received Monday 24 March 2025 (2024-25), acknowledged the next day, answered Tuesday 8 April 2025 (2025-26):
    // 26, 27, 28, 31 March, 1, 2, 3, 4, 7, 8 April are the 10 working days after the acknowledgement.
    let (s, diags) = count(&format!(
        "{HEADER}\nA,LCRA,Repairs,2025-03-24,2025-03-25,,2025-04-08,Upheld,,,,,,,\n"
    ));
    assert!(diags.is_empty(), "{diags:?}");
    let labels: Vec<String> = s.years.iter().map(|y| y.year.label()).collect();
    assert_eq!(labels, ["2024-25", "2025-26"]);
    let (before, after) = (
        s.years[0].tenures.lcra.stage1,
        s.years[1].tenures.lcra.stage1,
    );
    assert_eq!((before.received, before.responded), (1, 0));
    assert_eq!(
        (after.received, after.responded, after.within_timescale),
        (0, 1, 1)
    );
    assert_eq!(after.working_days, 11);
    assert_eq!(s.years[0].rows_used + s.years[1].rows_used, 2);
}

#[test]
fn a_refused_complaint_is_a_refusal_not_a_complaint_received() {
    let (s, _) = count(&format!(
        "{HEADER}\n\
         A,LCRA,Repairs,2025-06-02,,,,,,,,,,Out of time,\n\
         B,LCRA,Repairs,2025-06-02,2025-06-03,,2025-06-10,Not upheld,2025-06-20,2025-06-23,,,,Already considered,\n"
    ));
    let y = &s.years[0];
    assert_eq!(y.tenures.lcra.stage1.received, 1);
    assert_eq!(y.tenures.lcra.stage2.received, 0);
    let refusals: Vec<(&str, u64, u64)> = y
        .refusals
        .iter()
        .map(|t| (t.name.as_str(), t.stage1, t.stage2))
        .collect();
    assert_eq!(
        refusals,
        [("Already considered", 0, 1), ("Out of time", 1, 0)]
    );
}
