//! The rules on single complaints: years, the clock, deadlines, extensions.

use super::*;

fn d(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn dates(
    received: &str,
    ack: Option<&str>,
    ext: Option<&str>,
    responded: Option<&str>,
) -> StageDates {
    StageDates {
        received: d(received),
        acknowledged: ack.map(d),
        extended_to: ext.map(d),
        responded: responded.map(d),
        outcome: responded.map(|_| Outcome::Upheld),
    }
}

#[test]
fn names_financial_years() {
    assert_eq!(FinancialYear::of(d("2025-03-31")).label(), "2024-25");
    assert_eq!(FinancialYear::of(d("2025-04-01")).label(), "2025-26");
    assert_eq!(FinancialYear(1999).label(), "1999-00");
    assert_eq!(FinancialYear(2025).last_day(), d("2026-03-31"));
}

#[test]
fn a_late_acknowledgement_never_buys_time() {
    let cal = Calendar::new(&[]);
    // Mon 2 June 2025 + 5 working days = Mon 9 June: the latest the Code allows.
    let late = dates("2025-06-02", Some("2025-06-10"), None, None);
    assert_eq!(clock_start(&late, &cal), d("2025-06-09"));
    assert_eq!(acknowledgement(&late, &cal), Ack::Late);
    let missing = dates("2025-06-02", None, None, None);
    assert_eq!(clock_start(&missing, &cal), d("2025-06-09"));
    assert_eq!(acknowledgement(&missing, &cal), Ack::Missing);
    let prompt = dates("2025-06-02", Some("2025-06-03"), None, None);
    assert_eq!(clock_start(&prompt, &cal), d("2025-06-03"));
    assert_eq!(deadline(Stage::One, &prompt, &cal), d("2025-06-17"));
    assert_eq!(deadline(Stage::Two, &prompt, &cal), d("2025-07-01"));
}

#[test]
fn extensions_count_within_timescale_and_apart() {
    let cal = Calendar::new(&[]);
    // Deadline Tue 17 June; extended 10 working days to Tue 1 July; answered Mon 30 June.
    let r = response(
        Stage::One,
        &dates(
            "2025-06-02",
            Some("2025-06-03"),
            Some("2025-07-01"),
            Some("2025-06-30"),
        ),
        &cal,
    )
    .unwrap()
    .unwrap();
    assert!(r.within_timescale && r.within_extension && r.extended && !r.extended_beyond_limit);
    // Extended 11 working days, to Wed 2 July: beyond the limit, still counted.
    let r = response(
        Stage::One,
        &dates(
            "2025-06-02",
            Some("2025-06-03"),
            Some("2025-07-02"),
            Some("2025-06-16"),
        ),
        &cal,
    )
    .unwrap()
    .unwrap();
    assert!(r.within_timescale && !r.within_extension && r.extended_beyond_limit);
    // Ending before the deadline is an error.
    let e = response(
        Stage::One,
        &dates("2025-06-02", Some("2025-06-03"), Some("2025-06-16"), None),
        &cal,
    )
    .unwrap_err();
    assert_eq!(e.column, Some(Column::Stage1ExtendedTo));
}
