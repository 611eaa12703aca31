//! The bank holidays of England and Wales, 2019 to 2030, as a table.
//!
//! Source: GOV.UK, "UK bank holidays" (<https://www.gov.uk/bank-holidays>, the England and Wales list, also published
//! as <https://www.gov.uk/bank-holidays.json>). The list holds the days as they were, or will be, taken, substitute
//! days included (a Christmas Day on a Saturday gives a holiday on the Monday after), and the one-off changes:
//!
//! - Friday 8 May 2020: the early May bank holiday moved from Monday 4 May for the 75th anniversary of VE Day;
//! - Thursday 2 and Friday 3 June 2022: the spring bank holiday moved from Monday 30 May, and an extra day, for the
//!   Platinum Jubilee;
//! - Monday 19 September 2022: the State Funeral of Queen Elizabeth II;
//! - Monday 8 May 2023: the Coronation of King Charles III.
//!
//! Years the GOV.UK list does not reach yet follow the rules the list has followed every year (New Year's Day, Good
//! Friday, Easter Monday, the first and last Mondays in May, the last Monday in August, Christmas Day and Boxing Day,
//! each with its substitute day); a one-off announced later for those years must be added here. The unit tests
//! below work the regular days out again from those rules, so a mistyped date cannot hide.
//!
//! Scotland and Northern Ireland have other holidays; the Complaint Handling Code applies to landlords in England,
//! whose working days these are.

/// The first year the table covers.
pub(crate) const FIRST_YEAR: u16 = 2019;
/// The last year the table covers.
pub(crate) const LAST_YEAR: u16 = 2030;

/// Every bank holiday of England and Wales from 2019 to 2030, in order, as (year, month, day).
pub(crate) const BANK_HOLIDAYS: &[(u16, u8, u8)] = &[
    // 2019
    (2019, 1, 1),
    (2019, 4, 19),
    (2019, 4, 22),
    (2019, 5, 6),
    (2019, 5, 27),
    (2019, 8, 26),
    (2019, 12, 25),
    (2019, 12, 26),
    // 2020: the early May holiday on Friday 8 May (VE Day 75); Boxing Day (a Saturday) on Monday 28 December.
    (2020, 1, 1),
    (2020, 4, 10),
    (2020, 4, 13),
    (2020, 5, 8),
    (2020, 5, 25),
    (2020, 8, 31),
    (2020, 12, 25),
    (2020, 12, 28),
    // 2021: Christmas Day and Boxing Day at the weekend, so Monday 27 and Tuesday 28 December.
    (2021, 1, 1),
    (2021, 4, 2),
    (2021, 4, 5),
    (2021, 5, 3),
    (2021, 5, 31),
    (2021, 8, 30),
    (2021, 12, 27),
    (2021, 12, 28),
    // 2022: New Year's Day (a Saturday) on Monday 3 January; the spring holiday on Thursday 2 June and the Platinum
    // Jubilee on Friday 3 June; the State Funeral on Monday 19 September; Christmas Day (a Sunday) on Tuesday 27.
    (2022, 1, 3),
    (2022, 4, 15),
    (2022, 4, 18),
    (2022, 5, 2),
    (2022, 6, 2),
    (2022, 6, 3),
    (2022, 8, 29),
    (2022, 9, 19),
    (2022, 12, 26),
    (2022, 12, 27),
    // 2023: New Year's Day (a Sunday) on Monday 2 January; the Coronation on Monday 8 May.
    (2023, 1, 2),
    (2023, 4, 7),
    (2023, 4, 10),
    (2023, 5, 1),
    (2023, 5, 8),
    (2023, 5, 29),
    (2023, 8, 28),
    (2023, 12, 25),
    (2023, 12, 26),
    // 2024
    (2024, 1, 1),
    (2024, 3, 29),
    (2024, 4, 1),
    (2024, 5, 6),
    (2024, 5, 27),
    (2024, 8, 26),
    (2024, 12, 25),
    (2024, 12, 26),
    // 2025
    (2025, 1, 1),
    (2025, 4, 18),
    (2025, 4, 21),
    (2025, 5, 5),
    (2025, 5, 26),
    (2025, 8, 25),
    (2025, 12, 25),
    (2025, 12, 26),
    // 2026: Boxing Day (a Saturday) on Monday 28 December.
    (2026, 1, 1),
    (2026, 4, 3),
    (2026, 4, 6),
    (2026, 5, 4),
    (2026, 5, 25),
    (2026, 8, 31),
    (2026, 12, 25),
    (2026, 12, 28),
    // 2027: Christmas Day and Boxing Day at the weekend, so Monday 27 and Tuesday 28 December.
    (2027, 1, 1),
    (2027, 3, 26),
    (2027, 3, 29),
    (2027, 5, 3),
    (2027, 5, 31),
    (2027, 8, 30),
    (2027, 12, 27),
    (2027, 12, 28),
    // 2028: New Year's Day (a Saturday) on Monday 3 January.
    (2028, 1, 3),
    (2028, 4, 14),
    (2028, 4, 17),
    (2028, 5, 1),
    (2028, 5, 29),
    (2028, 8, 28),
    (2028, 12, 25),
    (2028, 12, 26),
    // 2029
    (2029, 1, 1),
    (2029, 3, 30),
    (2029, 4, 2),
    (2029, 5, 7),
    (2029, 5, 28),
    (2029, 8, 27),
    (2029, 12, 25),
    (2029, 12, 26),
    // 2030
    (2030, 1, 1),
    (2030, 4, 19),
    (2030, 4, 22),
    (2030, 5, 6),
    (2030, 5, 27),
    (2030, 8, 26),
    (2030, 12, 25),
    (2030, 12, 26),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cases::calendar::Day;
    use crate::data::date::Date;

    fn day(y: u16, m: u8, d: u8) -> Day {
        Day::from_date(Date {
            year: y,
            month: m,
            day: d,
        })
    }

    /// Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    fn easter(year: u16) -> Day {
        let y = i32::from(year);
        let a = y % 19;
        let b = y / 100;
        let c = y % 100;
        let d = b / 4;
        let e = b % 4;
        let f = (b + 8) / 25;
        let g = (b - f + 1) / 3;
        let h = (19 * a + b - d - g + 15) % 30;
        let i = c / 4;
        let k = c % 4;
        let l = (32 + 2 * e + 2 * i - h - k) % 7;
        let m = (a + 11 * h + 22 * l) / 451;
        let month = (h + l - 7 * m + 114) / 31;
        let day_of_month = (h + l - 7 * m + 114) % 31 + 1;
        day(year, month as u8, day_of_month as u8)
    }

    /// The first Monday on or after `d`.
    fn monday_on_or_after(mut d: Day) -> Day {
        while d.weekday() != 0 {
            d = d.plus(1);
        }
        d
    }

    /// The last Monday on or before `d`.
    fn monday_on_or_before(mut d: Day) -> Day {
        while d.weekday() != 0 {
            d = d.plus(-1);
        }
        d
    }

    /// A fixed-date holiday moved off the weekend to the next weekday that is not already taken.
    fn substitute(d: Day, taken: &[Day]) -> Day {
        let mut d = d;
        while d.weekday() >= 5 || taken.contains(&d) {
            d = d.plus(1);
        }
        d
    }

    /// The year's holidays by the regular rules, before any one-off change.
    fn by_rule(year: u16) -> Vec<Day> {
        let new_year = substitute(day(year, 1, 1), &[]);
        let christmas = substitute(day(year, 12, 25), &[]);
        let boxing = substitute(day(year, 12, 26), &[christmas]);
        let e = easter(year);
        let mut v = vec![
            new_year,
            e.plus(-2),
            e.plus(1),
            monday_on_or_after(day(year, 5, 1)),
            monday_on_or_before(day(year, 5, 31)),
            monday_on_or_before(day(year, 8, 31)),
            christmas,
            boxing,
        ];
        v.sort();
        v
    }

    #[test]
    fn the_table_is_the_rules_plus_the_one_offs() {
        for year in FIRST_YEAR..=LAST_YEAR {
            let mut expected = by_rule(year);
            match year {
                // Early May moved from Monday 4 to Friday 8 May.
                2020 => {
                    expected.retain(|d| *d != day(2020, 5, 4));
                    expected.push(day(2020, 5, 8));
                }
                // Spring moved from Monday 30 May to Thursday 2 June; Friday 3 June added; the funeral added.
                2022 => {
                    expected.retain(|d| *d != day(2022, 5, 30));
                    expected.extend([day(2022, 6, 2), day(2022, 6, 3), day(2022, 9, 19)]);
                }
                // The Coronation.
                2023 => expected.push(day(2023, 5, 8)),
                _ => {}
            }
            expected.sort();
            let table: Vec<Day> = BANK_HOLIDAYS
                .iter()
                .filter(|(y, ..)| *y == year)
                .map(|&(y, m, d)| day(y, m, d))
                .collect();
            assert_eq!(table, expected, "bank holidays of {year}");
        }
    }

    #[test]
    fn the_table_is_in_order_and_on_weekdays() {
        let days: Vec<Day> = BANK_HOLIDAYS
            .iter()
            .map(|&(y, m, d)| day(y, m, d))
            .collect();
        assert!(days.windows(2).all(|w| w[0] < w[1]));
        assert!(days.iter().all(|d| d.weekday() < 5));
        assert_eq!(easter(2026), day(2026, 4, 5));
    }
}
