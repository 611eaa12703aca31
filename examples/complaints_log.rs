//! Writes a fictional, plausible complaints log for the example landlord, Ashmere Homes (12,140 homes: about 11,000
//! for low-cost rent and 1,140 for low-cost home ownership), as a case management system would export it.
//!
//! ```sh
//! cargo run --example complaints_log > private/complaints-2025-26.csv     # the example site's log
//! cargo run --release --example complaints_log -- --complaints 100000 --rows 100000 > /tmp/big.csv   # the benchmark's
//! ```
//!
//! The log is the same every time for the same options: the "random" choices come from a small seeded generator
//! (SplitMix64), not from the system. It has what a real year's export has: complaints received in March 2025 and
//! answered in April 2025 (so they count in two years), about 700 stage 1 complaints received in 2025-26 and about 70
//! escalated to stage 2, responses around Christmas 2025 and Easter 2026, late and missing acknowledgements, agreed
//! extensions (some longer than the Code allows without good reason), late responses, refusals (not accepted, and a
//! few escalations refused), compensation, a few rows from other tenures, and complaints still open when the log
//! was exported on 10 April 2026.
//!
//! The dates are chosen with a small working-day calendar of its own (weekends and the England and Wales bank
//! holidays of 2025 and 2026), so that most responses fall on working days, as real ones do; redress counts the
//! log by its own calendar, and its tests check the counts independently.

use std::fmt::Write as _;

/// What to generate.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Stage 1 complaints received in the year (refused ones included).
    pub complaints: u32,
    /// The seed of the generator.
    pub seed: u64,
    /// Stop after this many rows, if given.
    pub rows: Option<usize>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            complaints: 700,
            seed: 2025,
            rows: None,
        }
    }
}

/// SplitMix64: a tiny, well-known generator, enough for made-up data and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// True with probability `percent` in 1,000 (tenths of a percent).
    fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }

    /// One of `items`, by weight.
    fn weighted<'a, T>(&mut self, items: &'a [(T, u64)]) -> &'a T {
        let total: u64 = items.iter().map(|(_, w)| w).sum();
        let mut pick = self.below(total);
        for (item, w) in items {
            if pick < *w {
                return item;
            }
            pick -= w;
        }
        &items[items.len() - 1].0
    }
}

/// A day as a number of days since 1 January 1970.
type Day = i32;

fn day(y: i32, m: i32, d: i32) -> Day {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

fn ymd(n: Day) -> (i32, i32, i32) {
    let z = n + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i32::from(m <= 2), m, d)
}

/// The England and Wales bank holidays the log's dates run across.
const HOLIDAYS: [(i32, i32, i32); 17] = [
    (2025, 1, 1),
    (2025, 4, 18),
    (2025, 4, 21),
    (2025, 5, 5),
    (2025, 5, 26),
    (2025, 8, 25),
    (2025, 12, 25),
    (2025, 12, 26),
    (2026, 1, 1),
    (2026, 4, 3),
    (2026, 4, 6),
    (2026, 5, 4),
    (2026, 5, 25),
    (2026, 8, 31),
    (2026, 12, 25),
    (2026, 12, 28),
    (2027, 1, 1),
];

fn working(n: Day) -> bool {
    let weekday = (n + 3).rem_euclid(7); // 0 = Monday
    weekday < 5 && !HOLIDAYS.iter().any(|&(y, m, d)| day(y, m, d) == n)
}

/// `k` working days after `n`.
fn add(n: Day, k: u64) -> Day {
    let mut d = n;
    let mut left = k;
    while left > 0 {
        d += 1;
        if working(d) {
            left -= 1;
        }
    }
    d
}

/// The first working day on or after `n`.
fn on_working_day(n: Day) -> Day {
    let mut d = n;
    while !working(d) {
        d += 1;
    }
    d
}

/// 01/04/2025, as UK exports write dates.
fn uk(n: Day) -> String {
    let (y, m, d) = ymd(n);
    format!("{d:02}/{m:02}/{y}")
}

const CATEGORIES: [(&str, u64); 9] = [
    ("Repairs and maintenance", 498),
    ("Damp and mould", 176),
    ("Anti-social behaviour", 94),
    ("Staff conduct", 71),
    ("Communication", 109),
    ("Estate services and grounds maintenance", 83),
    ("Rent, service charges and other payments", 68),
    ("Lettings and allocations", 39),
    ("Other", 49),
];

const REFUSALS: [(&str, u64); 5] = [
    ("More than 12 months since the issue", 12),
    ("Legal proceedings had already started", 7),
    ("Already considered under our complaints policy", 6),
    ("A personal injury claim for our insurers", 4),
    ("A matter for another organisation", 5),
];

const REFUSED_ESCALATION: &str = "Already considered under our complaints policy";

const TENURES: [(&str, u64); 4] = [
    ("LCRA", 895),
    ("LCHO", 90),
    ("Leasehold", 10),
    ("Market rent", 5),
];

const OUTCOMES: [(&str, u64); 3] = [("Upheld", 42), ("Partly upheld", 21), ("Not upheld", 37)];

/// The header row: the default column names, written as a person would head them.
pub const HEADER: [&str; 15] = [
    "Reference",
    "Tenure",
    "Category",
    "Stage 1 received",
    "Stage 1 acknowledged",
    "Stage 1 extended to",
    "Stage 1 responded",
    "Stage 1 outcome",
    "Stage 2 received",
    "Stage 2 acknowledged",
    "Stage 2 extended to",
    "Stage 2 responded",
    "Stage 2 outcome",
    "Refused",
    "Compensation",
];

/// One stage of a complaint as generated: dates as day numbers.
#[derive(Default)]
struct Stage {
    received: Day,
    acknowledged: Option<Day>,
    extended_to: Option<Day>,
    responded: Option<Day>,
    outcome: Option<&'static str>,
}

/// Acknowledgement, extension and response for a stage received on `received`, answered within `within` working
/// days by the Code.
fn handle(rng: &mut Rng, received: Day, within: u64, export: Day) -> Stage {
    let ack_delay = *rng.weighted(&[
        (Some(0), 200),
        (Some(1), 350),
        (Some(2), 200),
        (Some(3), 100),
        (Some(4), 60),
        (Some(5), 40),
        (Some(6), 15),
        (Some(8), 15),
        (None, 20),
    ]);
    let acknowledged = ack_delay.map(|k| add(received, k));
    // The clock starts at the acknowledgement, or 5 working days after receipt at the latest.
    let start = match acknowledged {
        Some(a) if a <= add(received, 5) => a,
        _ => add(received, 5),
    };
    let deadline = add(start, within);
    let (extended_to, responded) = if rng.chance(70) {
        // An agreed extension: mostly up to the Code's limit, a quarter of them longer.
        let length = if rng.chance(250) {
            within + 1 + rng.below(within)
        } else {
            within / 2 + rng.below(within / 2 + 1)
        };
        let to = add(deadline, length);
        let answered = if rng.chance(150) {
            add(to, 1 + rng.below(4))
        } else {
            add(deadline, 1 + rng.below(length.max(1)))
        };
        (Some(to), answered)
    } else if rng.chance(90) {
        (None, add(deadline, 1 + rng.below(within / 2 + 1)))
    } else {
        (None, add(start, 2 + rng.below(within - 1)))
    };
    let responded = (responded <= export).then_some(responded);
    // An extension is only recorded once it has been agreed, which is before the deadline passes.
    let extended_to = extended_to.filter(|_| responded.is_some() || deadline < export);
    Stage {
        received,
        acknowledged: acknowledged.filter(|a| *a <= export),
        extended_to,
        responded,
        outcome: responded.map(|_| *rng.weighted(&OUTCOMES)),
    }
}

fn money(pence: u64) -> String {
    let pounds = (pence / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in pounds.chars().enumerate() {
        if i > 0 && (pounds.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("£{grouped}.{:02}", pence % 100)
}

/// Quotes a CSV cell when it needs it.
fn cell(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The log, as CSV text.
pub fn generate(settings: &Settings) -> String {
    let mut rng = Rng(settings.seed);
    let export = day(2026, 4, 10);
    let year_start = day(2025, 4, 1);
    let year_days = day(2026, 4, 1) - year_start;
    // Received dates: a few from March 2025 still open on 1 April, then the year's complaints, spread over its
    // working days.
    let mut received: Vec<Day> = Vec::new();
    for _ in 0..settings.complaints.div_ceil(25) {
        received.push(on_working_day(day(2025, 3, 17) + rng.below(15) as i32));
    }
    for _ in 0..settings.complaints {
        let mut d = year_start + rng.below(year_days as u64) as i32;
        while !working(d) || d >= day(2026, 4, 1) {
            d = year_start + rng.below(year_days as u64) as i32;
        }
        received.push(d);
    }
    received.sort_unstable();
    let mut out = String::new();
    out.push_str(&HEADER.join(","));
    out.push('\n');
    let mut number = 0;
    for r in received {
        let (y, ..) = ymd(r);
        let tenure = *rng.weighted(&TENURES);
        let category = *rng.weighted(&CATEGORIES);
        let mut refused: Option<&str> = None;
        let mut stage1 = Stage {
            received: r,
            ..Stage::default()
        };
        let mut stage2: Option<Stage> = None;
        if rng.chance(45) {
            refused = Some(*rng.weighted(&REFUSALS));
            stage1.acknowledged = Some(add(r, rng.below(3)));
        } else {
            stage1 = handle(&mut rng, r, 10, export);
            if let Some(answered) = stage1.responded {
                if stage1.outcome != Some("Upheld") && rng.chance(185) {
                    let asked = on_working_day(answered + 1 + rng.below(28) as i32);
                    if asked <= export {
                        if rng.chance(50) {
                            refused = Some(REFUSED_ESCALATION);
                            stage2 = Some(Stage {
                                received: asked,
                                acknowledged: Some(add(asked, 1 + rng.below(3))),
                                ..Stage::default()
                            });
                        } else {
                            stage2 = Some(handle(&mut rng, asked, 20, export));
                        }
                    }
                }
            }
        }
        // Complaints from March 2025 are in the year's log only if still open on 1 April 2025.
        // (A refused complaint is closed when the refusal is sent, with the acknowledgement.)
        let last = stage2
            .as_ref()
            .and_then(|s| s.responded.or(s.acknowledged))
            .or(stage1.responded)
            .or(stage1.acknowledged.filter(|_| refused.is_some()));
        if r < year_start && last.is_some_and(|l| l < year_start) {
            continue;
        }
        let final_outcome = stage2.as_ref().and_then(|s| s.outcome).or(stage1.outcome);
        let compensation = match final_outcome {
            Some("Upheld" | "Partly upheld") if rng.chance(380) => {
                let pounds = *rng.weighted(&[
                    (25, 20),
                    (50, 25),
                    (75, 15),
                    (100, 15),
                    (150, 10),
                    (200, 8),
                    (250, 6),
                    (400, 3),
                    (750, 2),
                    (1250, 1),
                ]);
                let pence = if rng.chance(100) { 50 } else { 0 };
                Some(pounds * 100 + pence)
            }
            _ => None,
        };
        if settings.rows.is_some_and(|max| number >= max) {
            break;
        }
        number += 1;
        let date = |d: Option<Day>| d.map(uk).unwrap_or_default();
        let s2 = stage2.as_ref();
        let cells = [
            format!("AH-{y}-{number:05}"),
            tenure.to_string(),
            category.to_string(),
            uk(stage1.received),
            date(stage1.acknowledged),
            date(stage1.extended_to),
            date(stage1.responded),
            stage1.outcome.unwrap_or_default().to_string(),
            date(s2.map(|s| s.received)),
            date(s2.and_then(|s| s.acknowledged)),
            date(s2.and_then(|s| s.extended_to)),
            date(s2.and_then(|s| s.responded)),
            s2.and_then(|s| s.outcome).unwrap_or_default().to_string(),
            refused.unwrap_or_default().to_string(),
            compensation.map(money).unwrap_or_default(),
        ];
        let line: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        let _ = writeln!(out, "{}", line.join(","));
    }
    out
}

#[allow(dead_code)]
fn main() {
    let mut settings = Settings::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().and_then(|v| v.parse::<u64>().ok());
        match (arg.as_str(), value) {
            ("--complaints", Some(n)) => settings.complaints = n as u32,
            ("--seed", Some(n)) => settings.seed = n,
            ("--rows", Some(n)) => settings.rows = Some(n as usize),
            _ => {
                eprintln!("usage: complaints_log [--complaints N] [--seed N] [--rows N]");
                std::process::exit(2);
            }
        }
    }
    use std::io::Write as _;
    // A reader that stops early (`| head`) is not an error.
    let _ = std::io::stdout().write_all(generate(&settings).as_bytes());
}
