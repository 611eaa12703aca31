//! Working days in England and Wales: the calendar every timescale of the Complaint Handling Code is counted in.
//!
//! The Code counts its timescales in working days (Code 6.2, 6.3, 6.11 and 6.14: "within five working days", "within
//! 10 working days", "within 20 working days") and the Regulator's CH02 uses the Code's timescales. A working day here
//! is a Monday to Friday that is not a bank holiday of England and Wales ([`super::bank_holidays`], 2019 to 2030)
//! and not one of the site's own closure days (`[cases] closure_days` in site.toml, for a landlord that closes
//! between Christmas and New Year, say).
//!
//! Two operations, and one convention for both: the day something happened is day 0, and the next working day is
//! day 1, as "within 10 working days of the complaint being acknowledged" is read.
//!
//! - [`Calendar::add_working_days`]: the date `n` working days after a date (the deadline).
//! - [`Calendar::working_days_between`]: how many working days fall after one date, up to and including another (the
//!   time taken).
//!
//! A date outside the built-in years has no bank holidays to exclude; [`Calendar::knows`] tells the caller, who must
//! tell the user rather than count as if there were none. Within the built-in years both operations are a table
//! look-up, so a log of 100,000 complaints is counted in a few milliseconds.

use std::collections::BTreeSet;

use super::bank_holidays::{BANK_HOLIDAYS, FIRST_YEAR, LAST_YEAR};
use crate::data::date::Date;

/// A calendar day as a number: days since 1 January 1970. Day arithmetic on [`Date`] goes through this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Day(i32);

impl Day {
    /// The day number of a date (the proleptic Gregorian calendar; H. Hinnant's `days_from_civil`).
    pub(crate) fn from_date(d: Date) -> Day {
        let (m, dd) = (i32::from(d.month), i32::from(d.day));
        let y = i32::from(d.year) - i32::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + dd - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Day(era * 146_097 + doe - 719_468)
    }

    /// The date of a day number (H. Hinnant's `civil_from_days`). Day numbers come only from real dates plus a
    /// bounded number of days, so the year stays within `u16`.
    pub(crate) fn date(self) -> Date {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i32::from(month <= 2);
        Date {
            year: year.clamp(0, i32::from(u16::MAX)) as u16,
            month: month as u8,
            day: day as u8,
        }
    }

    /// 0 for Monday to 6 for Sunday. Day 0 (1 January 1970) was a Thursday.
    pub(crate) fn weekday(self) -> u8 {
        (self.0 + 3).rem_euclid(7) as u8
    }

    /// The day `n` days later (earlier when negative).
    pub(crate) fn plus(self, n: i32) -> Day {
        Day(self.0 + n)
    }
}

/// The working-day calendar of England and Wales, with a site's own closure days.
#[derive(Debug, Clone)]
pub(crate) struct Calendar {
    /// Bank holidays and closure days.
    closed: BTreeSet<Day>,
    /// 1 January of the first built-in year.
    first: Day,
    /// 31 December of the last built-in year.
    last: Day,
    /// `through[i]`: how many working days fall in `first ..= first + i`.
    through: Vec<u32>,
    /// Every working day in `first ..= last`, in order.
    working: Vec<Day>,
}

impl Calendar {
    /// The calendar with the built-in bank holidays and the site's `closure_days`.
    pub(crate) fn new(closure_days: &[Date]) -> Calendar {
        let mut closed: BTreeSet<Day> = BANK_HOLIDAYS
            .iter()
            .map(|&(year, month, day)| Day::from_date(Date { year, month, day }))
            .collect();
        closed.extend(closure_days.iter().map(|d| Day::from_date(*d)));
        let first = Day::from_date(Date {
            year: FIRST_YEAR,
            month: 1,
            day: 1,
        });
        let last = Day::from_date(Date {
            year: LAST_YEAR,
            month: 12,
            day: 31,
        });
        let mut cal = Calendar {
            closed,
            first,
            last,
            through: Vec::new(),
            working: Vec::new(),
        };
        let mut count = 0;
        let mut d = first;
        while d <= last {
            if cal.is_working(d) {
                count += 1;
                cal.working.push(d);
            }
            cal.through.push(count);
            d = d.plus(1);
        }
        cal
    }

    fn is_working(&self, d: Day) -> bool {
        d.weekday() < 5 && !self.closed.contains(&d)
    }

    /// True when `date` is a working day: Monday to Friday, not a bank holiday, not a closure day.
    #[cfg(test)]
    pub(crate) fn is_working_day(&self, date: Date) -> bool {
        self.is_working(Day::from_date(date))
    }

    /// True when `date` falls in the years whose bank holidays are built in (2019 to 2030). Outside them, working
    /// days are counted without bank holidays, and the caller must say so.
    pub(crate) fn knows(&self, date: Date) -> bool {
        (FIRST_YEAR..=LAST_YEAR).contains(&date.year)
    }

    /// How many working days fall in the table up to and including `d` (which must be in the table).
    fn index(&self, d: Day) -> u32 {
        self.through[(d.0 - self.first.0) as usize]
    }

    /// The date `n` working days after `from`: day 0 is `from` itself, whatever day it is, and day 1 is the first
    /// working day after it. So 5 working days from Friday 19 December 2025 is Tuesday 30 December: 22, 23 and 24
    /// December are days 1 to 3, the 25th and 26th are bank holidays, the 27th and 28th a weekend, then 29 and 30.
    ///
    /// `n = 0` gives `from`.
    pub(crate) fn add_working_days(&self, from: Date, n: u32) -> Date {
        if n == 0 {
            return from;
        }
        let start = Day::from_date(from);
        // The table answers when `from` is inside it (or the day before it) and so is the answer.
        if start.plus(1) >= self.first && start <= self.last {
            let before = if start < self.first {
                0
            } else {
                self.index(start)
            };
            if let Some(d) = self.working.get((before + n - 1) as usize) {
                return d.date();
            }
        }
        let mut d = start;
        let mut left = n;
        while left > 0 {
            d = d.plus(1);
            if self.is_working(d) {
                left -= 1;
            }
        }
        d.date()
    }

    /// How many working days fall after `from`, up to and including `to`: 0 when `to` is `from` or the next
    /// working day has not come yet; negative (the same count, turned round) when `to` is before `from`.
    pub(crate) fn working_days_between(&self, from: Date, to: Date) -> i64 {
        let (a, b) = (Day::from_date(from), Day::from_date(to));
        if b < a {
            return -self.working_days_between(to, from);
        }
        if a >= self.first && b <= self.last {
            return i64::from(self.index(b) - self.index(a));
        }
        let mut count = 0;
        let mut d = a;
        while d < b {
            d = d.plus(1);
            if self.is_working(d) {
                count += 1;
            }
        }
        count
    }
}

#[cfg(test)]
mod tests;
