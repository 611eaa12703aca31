//! The values in a complaints log's cells: dates, outcomes, tenures and money, in the spellings exports use.
//!
//! Each reader takes the cell's text and either returns the value or says what is wrong and what would be right,
//! in words a complaints officer can act on. Nothing here knows about rows or columns; [`super::rows`] puts the
//! values together.

use super::calendar::Day;
use crate::data::date::Date;
use crate::data::site::DateOrder;
use crate::diagnostics::did_you_mean;

/// Why a cell could not be read: what is wrong, the label beside the caret, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ValueError {
    pub(crate) message: String,
    pub(crate) label: String,
    pub(crate) help: String,
}

impl ValueError {
    fn new(message: String, label: &str, help: impl Into<String>) -> ValueError {
        ValueError {
            message,
            label: label.to_string(),
            help: help.into(),
        }
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Reads a date: `2025-04-01`; `01/04/2025`, `1/4/2025`, `01.04.2025` or `01-04-2025` (day first unless
/// `order` is [`DateOrder::Mdy`]); `1 April 2025`, `1 Apr 2025` or `01-Apr-2025`. A time after the date
/// (`01/04/2025 09:30`, `2025-04-01T09:30:00`), as exports often add, is ignored: the Code counts whole days.
pub(crate) fn parse_date(text: &str, order: DateOrder) -> Result<Date, ValueError> {
    let text = text.trim();
    let date_part = strip_time(text);
    if let Some(d) = iso(date_part) {
        return Ok(d);
    }
    if let Some(result) = numeric(date_part, order) {
        return result.map_err(|help| not_a_date(text, help));
    }
    if let Some(d) = with_month_name(date_part) {
        return Ok(d);
    }
    let help = if !date_part.is_empty() && date_part.chars().all(|c| c.is_ascii_digit()) {
        "this looks like a spreadsheet's date number: format the column as a date before saving the CSV, or read the .xlsx file itself".to_string()
    } else {
        format!("write dates as 2025-04-01 or {}", example(order))
    };
    Err(not_a_date(text, help))
}

fn example(order: DateOrder) -> &'static str {
    match order {
        DateOrder::Dmy => "01/04/2025 (day/month/year)",
        DateOrder::Mdy => "04/01/2025 (month/day/year, as site.toml's [cases] date_order says)",
    }
}

fn not_a_date(text: &str, help: String) -> ValueError {
    ValueError::new(format!("`{text}` is not a date"), "not a date", help)
}

/// The date part of a date and time: everything before the space or `T` that precedes the first `:`.
fn strip_time(text: &str) -> &str {
    match text.find(':') {
        Some(colon) => text[..colon]
            .rfind([' ', 'T'])
            .map_or(text, |cut| text[..cut].trim_end()),
        None => text,
    }
}

/// The date, if it exists (31 June does not).
fn date(year: u32, month: u32, day: u32) -> Option<Date> {
    if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let d = Date {
        year: year as u16,
        month: month as u8,
        day: day as u8,
    };
    // A day its month does not have comes back from the day count as another date.
    (Day::from_date(d).date() == d).then_some(d)
}

/// Three parts split at any of `separators`, or `None`.
fn three<'a>(text: &'a str, separators: &[char]) -> Option<[&'a str; 3]> {
    let mut parts = text.split(separators);
    let found = [parts.next()?, parts.next()?, parts.next()?];
    parts.next().is_none().then_some(found)
}

fn digits(part: &str, most: usize) -> bool {
    !part.is_empty() && part.len() <= most && part.bytes().all(|b| b.is_ascii_digit())
}

/// `2025-04-01` (or `2025/04/01`).
fn iso(text: &str) -> Option<Date> {
    let [y, m, d] = three(text, &['-', '/'])?;
    if y.len() != 4 || !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
        return None;
    }
    date(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// `01/04/2025` in the site's order. `None` when the text is not three numbers; `Some(Err(help))` when it is, but
/// they make no date.
fn numeric(text: &str, order: DateOrder) -> Option<Result<Date, String>> {
    let [a, b, y] = three(text, &['/', '.', '-'])?;
    if !digits(a, 2) || !digits(b, 2) || !digits(y, 4) {
        return None;
    }
    if y.len() != 4 {
        return Some(Err(
            "write the year in full (2025, not 25), so the century is not a guess".to_string(),
        ));
    }
    let (a, b, y): (u32, u32, u32) = (a.parse().ok()?, b.parse().ok()?, y.parse().ok()?);
    let (day, month) = match order {
        DateOrder::Dmy => (a, b),
        DateOrder::Mdy => (b, a),
    };
    Some(match date(y, month, day) {
        Some(d) => Ok(d),
        None => match (order, date(y, day, month)) {
            (DateOrder::Dmy, Some(_)) => Err(
                "read day first (day/month/year) there is no such date; if this log writes the month first, set date_order = \"mdy\" under [cases] in site.toml".to_string(),
            ),
            (DateOrder::Mdy, Some(_)) => Err(
                "read month first (as [cases] date_order = \"mdy\" says) there is no such date; if this log writes the day first, remove date_order from site.toml".to_string(),
            ),
            _ => Err(format!("there is no such date; write dates as 2025-04-01 or {}", example(order))),
        },
    })
}

/// `1 April 2025`, `1 Apr 2025`, `01-Apr-2025`.
fn with_month_name(text: &str) -> Option<Date> {
    let parts: Vec<&str> = text.split([' ', '-']).filter(|p| !p.is_empty()).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let m = m.trim_end_matches(['.', ',']).to_lowercase();
    let month = MONTHS
        .iter()
        .position(|name| *name == m || name[..3] == m || (m == "sept" && *name == "september"))?;
    if y.len() != 4 {
        return None;
    }
    date(y.parse().ok()?, month as u32 + 1, d.parse().ok()?)
}

/// An Excel date number (days since 30 December 1899 in the 1900 date system that Excel for Windows uses) as a
/// date, for workbook cells that hold a date as a plain number. Only numbers between 1 January 1990 (32874) and
/// 31 December 2099 (73050) are taken as dates: anything else in a date column is more likely a mistake.
pub(crate) fn date_from_serial(serial: f64) -> Option<Date> {
    if !(32_874.0..73_051.0).contains(&serial) {
        return None;
    }
    let whole = serial.floor() as i32;
    let epoch = Day::from_date(Date {
        year: 1899,
        month: 12,
        day: 30,
    });
    Some(epoch.plus(whole).date())
}

/// True when the letters and digits of `text`, in lower case, are `key`: how spellings such as "Partly-Upheld" are
/// matched, without building a string for each cell.
fn folds_to(text: &str, key: &str) -> bool {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .eq(key.chars())
}

/// How a complaint was decided at a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Outcome {
    /// Upheld in full.
    Upheld,
    /// Upheld in part.
    PartlyUpheld,
    /// Not upheld.
    NotUpheld,
}

/// The outcomes as the hints list them.
const OUTCOMES: &str = "upheld, partly upheld, not upheld";

/// Reads an outcome, in the spellings case management systems use: `Upheld`, `Fully upheld`; `Partly upheld`,
/// `Partially upheld`, `Part upheld`, `Upheld in part`, `Partial`; `Not upheld`, `Not-upheld`.
pub(crate) fn parse_outcome(text: &str) -> Result<Outcome, ValueError> {
    const SPELLINGS: [(&str, Outcome); 12] = [
        ("upheld", Outcome::Upheld),
        ("notupheld", Outcome::NotUpheld),
        ("partlyupheld", Outcome::PartlyUpheld),
        ("partiallyupheld", Outcome::PartlyUpheld),
        ("partupheld", Outcome::PartlyUpheld),
        ("upheldinpart", Outcome::PartlyUpheld),
        ("partly", Outcome::PartlyUpheld),
        ("partially", Outcome::PartlyUpheld),
        ("partial", Outcome::PartlyUpheld),
        ("fullyupheld", Outcome::Upheld),
        ("upheldinfull", Outcome::Upheld),
        ("upheldfully", Outcome::Upheld),
    ];
    match SPELLINGS.iter().find(|(key, _)| folds_to(text, key)) {
        Some((_, outcome)) => Ok(*outcome),
        None => {
            let suggestion = did_you_mean(text.trim(), ["upheld", "partly upheld", "not upheld"]);
            let help = match suggestion {
                Some(s) => format!("did you mean \"{s}\"? The outcomes are: {OUTCOMES}"),
                None => format!("the outcomes are: {OUTCOMES}; a complaint still being considered has no response date and no outcome yet"),
            };
            Err(ValueError::new(
                format!("`{}` is not an outcome", text.trim()),
                "unknown outcome",
                help,
            ))
        }
    }
}

/// The tenure a complaint is counted under. The Regulator asks landlords with 1,000 homes or more for CH01 and
/// CH02 separately for low-cost rental accommodation and low-cost home ownership (TSM technical requirements,
/// "level of reporting"); anything else counts in the totals only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Tenure {
    /// Low-cost rental accommodation.
    Lcra,
    /// Low-cost home ownership.
    Lcho,
    /// Anything else (market rent, leasehold, a row with no tenure): counted in the totals only.
    Other,
}

/// What a tenure cell held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TenureCell {
    /// A tenure redress knows (`other` and an empty cell are [`Tenure::Other`]).
    Known(Tenure),
    /// Something else: counted as [`Tenure::Other`], with a warning, because it may be a typo of LCRA or LCHO.
    Unknown(ValueError),
}

/// Reads a tenure: `LCRA` or `low cost rental (accommodation)`; `LCHO`, `low cost home ownership` or `shared
/// ownership`; `other`, nothing, or a tenure that is plainly neither (`leasehold`, `freehold`, `market rent`,
/// `non-social`, `commercial`). Any other text is counted as other too, but [`TenureCell::Unknown`] says so, so that
/// a typo such as `LRCA` is caught rather than quietly moved out of the LCRA figures.
pub(crate) fn parse_tenure(text: &str) -> TenureCell {
    const SPELLINGS: [(&str, Tenure); 15] = [
        ("lcra", Tenure::Lcra),
        ("lcho", Tenure::Lcho),
        ("", Tenure::Other),
        ("other", Tenure::Other),
        ("lowcostrental", Tenure::Lcra),
        ("lowcostrentalaccommodation", Tenure::Lcra),
        ("lowcosthomeownership", Tenure::Lcho),
        ("sharedownership", Tenure::Lcho),
        ("leasehold", Tenure::Other),
        ("leaseholder", Tenure::Other),
        ("freehold", Tenure::Other),
        ("freeholder", Tenure::Other),
        ("marketrent", Tenure::Other),
        ("nonsocial", Tenure::Other),
        ("commercial", Tenure::Other),
    ];
    match SPELLINGS.iter().find(|(key, _)| folds_to(text, key)) {
        Some((_, tenure)) => TenureCell::Known(*tenure),
        None => {
            let suggestion = did_you_mean(text.trim(), ["LCRA", "LCHO"]);
            let help = match suggestion {
                Some(s) => format!("did you mean {s}? Write LCRA (low-cost rental), LCHO (low-cost home ownership) or other"),
                None => "write LCRA (low-cost rental), LCHO (low-cost home ownership) or other; other tenures count in the totals only".to_string(),
            };
            TenureCell::Unknown(ValueError::new(
                format!("`{}` is not a tenure redress knows, so these complaints count in the totals only, not under LCRA or LCHO", text.trim()),
                "counted as other",
                help,
            ))
        }
    }
}

/// Reads an amount of money into pence, exactly: `£1,250.00`, `1250`, `1250.5`, `£ 75`. Never through a binary
/// float, so the total is the sum of the amounts as written.
pub(crate) fn parse_money(text: &str) -> Result<u64, ValueError> {
    let t = text.trim();
    let bad = |why: &str| {
        ValueError::new(
            format!("`{t}` is not an amount of money"),
            "not an amount",
            format!("{why}; write amounts in pounds, such as 250, 250.00 or £1,250.00"),
        )
    };
    if t.starts_with('-') || t.starts_with("(") {
        return Err(bad("compensation cannot be negative"));
    }
    let t = t
        .strip_prefix('£')
        .or_else(|| t.strip_prefix("GBP"))
        .unwrap_or(t)
        .trim();
    let (pounds, pence) = t.split_once('.').unwrap_or((t, ""));
    let digits: String = pounds.chars().filter(|c| *c != ',').collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad(
            "this has more than digits, commas, a point and a £ sign",
        ));
    }
    let groups: Vec<&str> = pounds.split(',').collect();
    if groups.len() > 1
        && (groups[0].is_empty() || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3))
    {
        return Err(bad(
            "a comma in an amount separates thousands, and the pence follow a point",
        ));
    }
    if pence.len() > 2 || !pence.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad("an amount has at most two figures after the point"));
    }
    let pounds: u64 = digits.parse().map_err(|_| bad("this is too large"))?;
    let pence: u64 = match pence.len() {
        0 => 0,
        1 => pence.parse::<u64>().unwrap_or(0) * 10,
        _ => pence.parse::<u64>().unwrap_or(0),
    };
    pounds
        .checked_mul(100)
        .and_then(|p| p.checked_add(pence))
        .ok_or_else(|| bad("this is too large"))
}

#[cfg(test)]
mod tests;
