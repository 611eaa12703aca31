//! Reading cell values: dates, outcomes, tenures, money.

use super::*;

fn d(text: &str) -> Date {
    Date::parse(text).unwrap()
}

#[test]
fn reads_dates_as_exports_write_them() {
    let dmy = DateOrder::Dmy;
    for text in [
        "2025-04-01",
        "2025/04/01",
        "01/04/2025",
        "1/4/2025",
        "01.04.2025",
        "01-04-2025",
        " 01/04/2025 ",
        "01/04/2025 09:30",
        "01/04/2025 09:30:00",
        "2025-04-01T09:30:00",
        "2025-04-01 09:30",
        "1 April 2025",
        "1 Apr 2025",
        "01-Apr-2025",
        "1 april 2025 14:00",
    ] {
        assert_eq!(parse_date(text, dmy), Ok(d("2025-04-01")), "{text}");
    }
    assert_eq!(
        parse_date("04/01/2025", DateOrder::Mdy),
        Ok(d("2025-04-01"))
    );
    assert_eq!(parse_date("30 Sept 2025", dmy), Ok(d("2025-09-30")));
}

#[test]
fn explains_dates_it_cannot_read() {
    let dmy = DateOrder::Dmy;
    let e = parse_date("04/13/2025", dmy).unwrap_err();
    assert!(e.help.contains("date_order = \"mdy\""), "{}", e.help);
    let e = parse_date("01/04/25", dmy).unwrap_err();
    assert!(e.help.contains("year in full"), "{}", e.help);
    let e = parse_date("45748", dmy).unwrap_err();
    assert!(e.help.contains("date number"), "{}", e.help);
    assert!(parse_date("31/02/2025", dmy).is_err());
    assert!(parse_date("soon", dmy).is_err());
    assert!(parse_date("1 Ma 2025", dmy).is_err());
}

#[test]
fn reads_excel_date_numbers() {
    assert_eq!(date_from_serial(45748.0), Some(d("2025-04-01")));
    assert_eq!(date_from_serial(45748.75), Some(d("2025-04-01")));
    assert_eq!(date_from_serial(12.0), None);
}

#[test]
fn reads_outcomes_in_common_spellings() {
    for (text, outcome) in [
        ("Upheld", Outcome::Upheld),
        ("upheld in full", Outcome::Upheld),
        ("Partially upheld", Outcome::PartlyUpheld),
        ("Part upheld", Outcome::PartlyUpheld),
        ("Upheld in part", Outcome::PartlyUpheld),
        ("partly-upheld", Outcome::PartlyUpheld),
        ("Not Upheld", Outcome::NotUpheld),
        ("NOT_UPHELD", Outcome::NotUpheld),
    ] {
        assert_eq!(parse_outcome(text), Ok(outcome), "{text}");
    }
    let e = parse_outcome("Uphled").unwrap_err();
    assert!(e.help.starts_with("did you mean \"upheld\"?"), "{}", e.help);
    assert!(parse_outcome("Withdrawn").is_err());
}

#[test]
fn reads_tenures_and_flags_the_unknown() {
    assert_eq!(parse_tenure("LCRA"), TenureCell::Known(Tenure::Lcra));
    assert_eq!(
        parse_tenure("Low-cost rental"),
        TenureCell::Known(Tenure::Lcra)
    );
    assert_eq!(
        parse_tenure("Shared ownership"),
        TenureCell::Known(Tenure::Lcho)
    );
    assert_eq!(
        parse_tenure("low cost home ownership"),
        TenureCell::Known(Tenure::Lcho)
    );
    assert_eq!(parse_tenure(""), TenureCell::Known(Tenure::Other));
    assert_eq!(parse_tenure("Other"), TenureCell::Known(Tenure::Other));
    assert_eq!(parse_tenure("Leasehold"), TenureCell::Known(Tenure::Other));
    assert_eq!(
        parse_tenure("Market rent"),
        TenureCell::Known(Tenure::Other)
    );
    let TenureCell::Unknown(e) = parse_tenure("LRCA") else {
        panic!("LRCA must be flagged");
    };
    assert!(e.help.starts_with("did you mean LCRA?"), "{}", e.help);
}

#[test]
fn reads_money_exactly_in_pence() {
    assert_eq!(parse_money("£1,250.00"), Ok(125_000));
    assert_eq!(parse_money("1250"), Ok(125_000));
    assert_eq!(parse_money("1250.5"), Ok(125_050));
    assert_eq!(parse_money("£ 0.10"), Ok(10));
    assert_eq!(parse_money("GBP 75"), Ok(7_500));
    // 0.1 + 0.2 is not 0.3 in binary; in pence it is.
    assert_eq!(
        parse_money("0.1").unwrap() + parse_money("0.2").unwrap(),
        30
    );
    assert!(parse_money("-5").is_err());
    assert!(parse_money("12.345").is_err());
    assert!(parse_money("£12,50").is_err()); // a decimal comma: 12.50 or 1,250?
    assert!(parse_money("ten pounds").is_err());
    assert!(parse_money("99999999999999999999").is_err());
}
