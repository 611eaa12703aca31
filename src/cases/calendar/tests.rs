//! The calendar against dates worked out by hand, across each Easter and Christmas from 2023 to 2027.
//!
//! Each case shows its counting: `(1)` is the first working day counted, `[..]` the days skipped and why.

use proptest::prelude::*;

use super::{Calendar, Day};
use crate::data::date::Date;

fn d(text: &str) -> Date {
    Date::parse(text).unwrap()
}

#[track_caller]
fn add(from: &str, n: u32, expected: &str) {
    let cal = Calendar::new(&[]);
    assert_eq!(
        cal.add_working_days(d(from), n),
        d(expected),
        "{from} + {n}"
    );
    // And back again: the days between are the days added.
    assert_eq!(
        cal.working_days_between(d(from), d(expected)),
        i64::from(n),
        "{from} to {expected}"
    );
}

#[track_caller]
fn between(from: &str, to: &str, expected: i64) {
    let cal = Calendar::new(&[]);
    assert_eq!(
        cal.working_days_between(d(from), d(to)),
        expected,
        "{from} to {to}"
    );
}

#[test]
fn easter_2023() {
    // Good Friday 7 April, Easter Monday 10 April.
    // Wed 5 Apr + 5: Thu 6 (1) [Fri 7 Good Friday, Sat 8, Sun 9, Mon 10 Easter Monday] Tue 11 (2) Wed 12 (3)
    // Thu 13 (4) Fri 14 (5).
    add("2023-04-05", 5, "2023-04-14");
    // Thu 6 Apr to Tue 11 Apr: [Fri 7, Sat 8, Sun 9, Mon 10] Tue 11 (1).
    between("2023-04-06", "2023-04-11", 1);
}

#[test]
fn christmas_2023() {
    // Mon 25 and Tue 26 December, Mon 1 January 2024.
    // Wed 20 Dec + 10: Thu 21 (1) Fri 22 (2) [Sat 23, Sun 24, Mon 25, Tue 26] Wed 27 (3) Thu 28 (4) Fri 29 (5)
    // [Sat 30, Sun 31, Mon 1 Jan] Tue 2 (6) Wed 3 (7) Thu 4 (8) Fri 5 (9) [Sat 6, Sun 7] Mon 8 (10).
    add("2023-12-20", 10, "2024-01-08");
    // Fri 22 Dec to Wed 27 Dec: [Sat 23, Sun 24, Mon 25, Tue 26] Wed 27 (1).
    between("2023-12-22", "2023-12-27", 1);
}

#[test]
fn easter_2024() {
    // Good Friday 29 March, Easter Monday 1 April.
    // Thu 28 Mar + 5: [Fri 29, Sat 30, Sun 31, Mon 1 Apr] Tue 2 (1) Wed 3 (2) Thu 4 (3) Fri 5 (4) [Sat 6, Sun 7]
    // Mon 8 (5).
    add("2024-03-28", 5, "2024-04-08");
    // From a Saturday: Sat 30 Mar + 1: [Sun 31, Mon 1 Apr] Tue 2 (1).
    add("2024-03-30", 1, "2024-04-02");
}

#[test]
fn christmas_2024() {
    // Wed 25 and Thu 26 December, Wed 1 January 2025.
    // Mon 16 Dec + 20 (a stage 2 deadline): Tue 17 (1) Wed 18 (2) Thu 19 (3) Fri 20 (4) Mon 23 (5) Tue 24 (6)
    // [Wed 25, Thu 26] Fri 27 (7) Mon 30 (8) Tue 31 (9) [Wed 1 Jan] Thu 2 (10) Fri 3 (11) Mon 6 (12) Tue 7 (13)
    // Wed 8 (14) Thu 9 (15) Fri 10 (16) Mon 13 (17) Tue 14 (18) Wed 15 (19) Thu 16 (20).
    add("2024-12-16", 20, "2025-01-16");
    // Tue 24 Dec to Thu 2 Jan: [Wed 25, Thu 26] Fri 27 (1) Mon 30 (2) Tue 31 (3) [Wed 1] Thu 2 (4).
    between("2024-12-24", "2025-01-02", 4);
}

#[test]
fn easter_2025() {
    // Good Friday 18 April, Easter Monday 21 April.
    // Tue 15 Apr + 10: Wed 16 (1) Thu 17 (2) [Fri 18, Sat 19, Sun 20, Mon 21] Tue 22 (3) Wed 23 (4) Thu 24 (5)
    // Fri 25 (6) Mon 28 (7) Tue 29 (8) Wed 30 (9) Thu 1 May (10).
    add("2025-04-15", 10, "2025-05-01");
    // Thu 17 Apr to Tue 22 Apr: [Fri 18, Sat 19, Sun 20, Mon 21] Tue 22 (1).
    between("2025-04-17", "2025-04-22", 1);
}

#[test]
fn christmas_2025() {
    // Thu 25 and Fri 26 December, Thu 1 January 2026.
    // Fri 19 Dec + 5: Mon 22 (1) Tue 23 (2) Wed 24 (3) [Thu 25, Fri 26, Sat 27, Sun 28] Mon 29 (4) Tue 30 (5).
    add("2025-12-19", 5, "2025-12-30");
    // Tue 23 Dec + 10: Wed 24 (1) [Thu 25 .. Sun 28] Mon 29 (2) Tue 30 (3) Wed 31 (4) [Thu 1 Jan] Fri 2 (5)
    // [Sat 3, Sun 4] Mon 5 (6) Tue 6 (7) Wed 7 (8) Thu 8 (9) Fri 9 (10).
    add("2025-12-23", 10, "2026-01-09");
    // Wed 24 Dec to Fri 2 Jan: Mon 29 (1) Tue 30 (2) Wed 31 (3) [Thu 1] Fri 2 (4).
    between("2025-12-24", "2026-01-02", 4);
}

#[test]
fn easter_2026() {
    // Good Friday 3 April, Easter Monday 6 April.
    // Tue 31 Mar + 10: Wed 1 Apr (1) Thu 2 (2) [Fri 3, Sat 4, Sun 5, Mon 6] Tue 7 (3) Wed 8 (4) Thu 9 (5) Fri 10 (6)
    // Mon 13 (7) Tue 14 (8) Wed 15 (9) Thu 16 (10).
    add("2026-03-31", 10, "2026-04-16");
    // Thu 2 Apr to Tue 7 Apr: [Fri 3, Sat 4, Sun 5, Mon 6] Tue 7 (1).
    between("2026-04-02", "2026-04-07", 1);
}

#[test]
fn christmas_2026() {
    // Fri 25 December, Boxing Day (a Saturday) on Mon 28 December, Fri 1 January 2027.
    // Wed 23 Dec + 5: Thu 24 (1) [Fri 25, Sat 26, Sun 27, Mon 28] Tue 29 (2) Wed 30 (3) Thu 31 (4)
    // [Fri 1 Jan, Sat 2, Sun 3] Mon 4 (5).
    add("2026-12-23", 5, "2027-01-04");
    // Thu 24 Dec to Tue 29 Dec: [Fri 25, Sat 26, Sun 27, Mon 28] Tue 29 (1).
    between("2026-12-24", "2026-12-29", 1);
}

#[test]
fn easter_2027() {
    // Good Friday 26 March, Easter Monday 29 March.
    // Mon 15 Mar + 20: Tue 16 (1) Wed 17 (2) Thu 18 (3) Fri 19 (4) Mon 22 (5) Tue 23 (6) Wed 24 (7) Thu 25 (8)
    // [Fri 26, Sat 27, Sun 28, Mon 29] Tue 30 (9) Wed 31 (10) Thu 1 Apr (11) Fri 2 (12) Mon 5 (13) Tue 6 (14)
    // Wed 7 (15) Thu 8 (16) Fri 9 (17) Mon 12 (18) Tue 13 (19) Wed 14 (20).
    add("2027-03-15", 20, "2027-04-14");
    // Thu 25 Mar to Tue 30 Mar: [Fri 26, Sat 27, Sun 28, Mon 29] Tue 30 (1).
    between("2027-03-25", "2027-03-30", 1);
}

#[test]
fn christmas_2027() {
    // Christmas Day and Boxing Day fall at the weekend: holidays on Mon 27 and Tue 28 December; New Year's Day
    // (a Saturday) on Mon 3 January 2028.
    // Fri 24 Dec + 5: [Sat 25, Sun 26, Mon 27, Tue 28] Wed 29 (1) Thu 30 (2) Fri 31 (3) [Sat 1 Jan, Sun 2, Mon 3]
    // Tue 4 (4) Wed 5 (5).
    add("2027-12-24", 5, "2028-01-05");
    // Fri 24 Dec to Wed 29 Dec: [Sat 25, Sun 26, Mon 27, Tue 28] Wed 29 (1).
    between("2027-12-24", "2027-12-29", 1);
}

#[test]
fn the_one_off_holidays_are_not_working_days() {
    let cal = Calendar::new(&[]);
    for day in [
        "2020-05-08",
        "2022-06-02",
        "2022-06-03",
        "2022-09-19",
        "2023-05-08",
    ] {
        assert!(!cal.is_working_day(d(day)), "{day}");
    }
    // The days they replaced were working days.
    for day in ["2020-05-04", "2022-05-30"] {
        assert!(cal.is_working_day(d(day)), "{day}");
    }
}

#[test]
fn closure_days_are_not_working_days() {
    // Closed on Christmas Eve and New Year's Eve 2025.
    let cal = Calendar::new(&[d("2025-12-24"), d("2025-12-31")]);
    // Fri 19 Dec + 5: Mon 22 (1) Tue 23 (2) [Wed 24 closed, Thu 25, Fri 26, Sat 27, Sun 28] Mon 29 (3) Tue 30 (4)
    // [Wed 31 closed, Thu 1 Jan] Fri 2 (5).
    assert_eq!(cal.add_working_days(d("2025-12-19"), 5), d("2026-01-02"));
}

#[test]
fn past_the_built_in_years_only_weekends_are_skipped() {
    let cal = Calendar::new(&[]);
    assert!(cal.knows(d("2030-12-31")));
    assert!(!cal.knows(d("2031-01-01")));
    assert!(!cal.knows(d("2018-12-31")));
    // Mon 30 Dec 2030 + 5: Tue 31 (1) Wed 1 Jan 2031 (2: no holiday is known) Thu 2 (3) Fri 3 (4) [Sat, Sun] Mon 6 (5).
    assert_eq!(cal.add_working_days(d("2030-12-30"), 5), d("2031-01-06"));
}

#[test]
fn zero_days_and_backwards() {
    let cal = Calendar::new(&[]);
    assert_eq!(cal.add_working_days(d("2025-12-25"), 0), d("2025-12-25"));
    between("2025-12-25", "2025-12-28", 0);
    between("2026-01-09", "2025-12-23", -10);
}

/// Day by day, with no table: what the calendar's look-ups must agree with.
fn slow_add(cal: &Calendar, from: Date, n: u32) -> Date {
    let mut day = Day::from_date(from);
    let mut left = n;
    while left > 0 {
        day = day.plus(1);
        if cal.is_working_day(day.date()) {
            left -= 1;
        }
    }
    day.date()
}

fn any_date() -> impl Strategy<Value = Date> {
    // From mid-2018 to mid-2031: across both ends of the table.
    (17_700i32..22_450).prop_map(|n| Day(n).date())
}

proptest! {
    #[test]
    fn look_ups_agree_with_counting_day_by_day(from in any_date(), n in 0u32..70) {
        let cal = Calendar::new(&[d("2025-12-24")]);
        let to = cal.add_working_days(from, n);
        prop_assert_eq!(to, slow_add(&cal, from, n));
        prop_assert_eq!(cal.working_days_between(from, to), i64::from(n));
        if n > 0 {
            prop_assert!(cal.is_working_day(to));
        }
    }

    #[test]
    fn day_numbers_round_trip(n in -719_000i32..800_000) {
        let date = Day(n).date();
        prop_assert_eq!(Day::from_date(date), Day(n));
    }
}
