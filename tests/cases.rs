//! `redress cases`: a complaints log counted by the Code's rules, checked against counts known by construction and
//! against counts worked out here independently; what a complaints officer is told about a bad row (snapshots);
//! workbooks; the site's settings; and that nothing of a single complaint reaches the summary.
//!
//! Each `tests/fixtures/cases/<fault>.csv` is a header, one good row and the row with the fault;
//! `<fault>.stderr` beside it is what `redress cases` prints, exactly. To record new output, run
//! `SNAPSHOTS=overwrite cargo test --test cases` and review the diff like code.

mod common;

#[allow(dead_code, unreachable_pub, missing_docs)]
#[path = "../examples/complaints_log.rs"]
mod complaints_log;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{one_decimal, repo, Run, SiteTest};
use serde_json::Value;

fn fixtures() -> PathBuf {
    repo().join("tests/fixtures/cases")
}

fn example_log() -> PathBuf {
    repo().join("private/complaints-2025-26.csv")
}

/// Runs `redress ARGS` in `dir`.
fn run_in(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_redress"))
        .args(args)
        .current_dir(dir)
        .env("COLUMNS", "100")
        .output()
        .unwrap();
    Run {
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        output,
    }
}

/// `redress cases FILE --format json` in `dir`, parsed.
#[track_caller]
fn json(dir: &Path, file: &str, code: i32) -> Value {
    let run = run_in(dir, &["cases", file, "--format", "json"]);
    run.expect_code(code);
    serde_json::from_str(&run.stdout).expect("stdout is one JSON object")
}

/// The summary of one year.
#[track_caller]
fn year<'a>(v: &'a Value, label: &str) -> &'a Value {
    v["years"]
        .as_array()
        .unwrap()
        .iter()
        .find(|y| y["year"] == label)
        .unwrap_or_else(|| panic!("no year {label} in {v:#}"))
}

/// Compares `actual` with the file `name` in the fixtures, or records it with SNAPSHOTS=overwrite.
#[track_caller]
fn compare(name: &str, actual: &str) {
    let path = fixtures().join(name);
    if std::env::var("SNAPSHOTS").as_deref() == Ok("overwrite") {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no snapshot {}; run `SNAPSHOTS=overwrite cargo test --test cases` to record it\n\nit would be:\n{actual}",
            path.display()
        )
    });
    assert!(
        actual == expected,
        "output differs from {}\n--- expected\n{expected}\n--- actual\n{actual}",
        path.display()
    );
}

// ---------------------------------------------------------------------------------------------- bad rows

/// Runs `redress cases <fixture>.csv` and compares standard error with `<fixture>.stderr`.
#[track_caller]
fn snapshot(fixture: &str, code: i32) {
    let run = run_in(&fixtures(), &["cases", &format!("{fixture}.csv")]);
    compare(&format!("{fixture}.stderr"), &run.stderr);
    run.expect_code(code);
}

macro_rules! snapshots {
    ($($test:ident: $fixture:literal => $code:literal;)*) => {
        $(
            #[test]
            fn $test() {
                snapshot($fixture, $code);
            }
        )*
        /// Every fixture the tests above use.
        const FIXTURES: &[&str] = &[$($fixture),*];
    };
}

snapshots! {
    // Dates in the wrong order.
    a_response_before_the_complaint: "responded-before-received" => 1;
    an_acknowledgement_before_the_complaint: "acknowledged-before-received" => 1;
    an_escalation_before_the_stage_1_response: "escalated-before-stage1-response" => 1;
    an_escalation_with_no_stage_1_response: "escalated-without-stage1-response" => 1;
    a_stage_2_response_with_no_escalation_date: "stage2-without-escalation-date" => 1;
    an_extension_that_ends_before_the_deadline: "extension-before-deadline" => 1;
    // Cells that cannot be read.
    a_date_that_is_not_a_date: "not-a-date" => 1;
    a_date_written_month_first: "month-first-date" => 1;
    a_two_digit_year: "two-digit-year" => 1;
    a_spreadsheet_date_number_in_a_csv: "spreadsheet-date-number" => 1;
    an_unknown_outcome: "unknown-outcome" => 1;
    an_amount_with_a_decimal_comma: "not-money" => 1;
    an_unquoted_comma: "too-many-cells" => 1;
    // Cells that are missing.
    a_response_with_no_outcome: "response-without-outcome" => 1;
    an_outcome_with_no_response: "outcome-without-response" => 1;
    a_complaint_with_no_reference: "no-reference" => 1;
    a_complaint_with_no_date_received: "no-date-received" => 1;
    // The same complaint twice.
    a_duplicate_reference: "duplicate-reference" => 1;
    // Warnings: counted, and said.
    an_unknown_tenure_is_counted_as_other_and_said_once: "unknown-tenure" => 0;
    a_date_past_the_built_in_bank_holidays: "date-past-calendar" => 0;
    // The header row.
    missing_columns: "missing-columns" => 1;
    a_misspelt_column_and_columns_not_read: "misspelt-column" => 1;
    a_column_given_twice: "doubled-column" => 1;
    an_empty_file: "empty" => 1;
    // All at once.
    a_log_with_many_faults_shows_them_all_in_one_run: "many-faults" => 1;
}

#[test]
fn every_fixture_has_its_test_and_snapshot() {
    let used: BTreeSet<&str> = FIXTURES.iter().copied().collect();
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let (stem, _) = name.rsplit_once('.').unwrap();
        let other = [
            "cases-help.stdout",
            "small.csv",
            "small.stdout",
            "unknown-column-key.stderr",
        ];
        assert!(
            used.contains(stem) || other.contains(&name.as_str()),
            "{name} belongs to no test"
        );
    }
}

#[test]
fn a_bad_row_is_set_aside_and_counted_as_set_aside() {
    let v = json(&fixtures(), "many-faults.csv", 1);
    // 9 rows below the header: one blank, two good, six with errors (one of them sharing a reference with a
    // good row, which is set aside too).
    assert_eq!(v["rows"]["read"], 8);
    assert_eq!(v["rows"]["blank"], 1);
    assert_eq!(v["rows"]["used"], 2);
    assert_eq!(v["rows"]["set_aside"], 6);
    // The row whose date received is 31 June belongs to no year; the others to 2025-26.
    assert_eq!(v["set_aside_without_year"], 1);
    assert_eq!(year(&v, "2025-26")["rows"]["set_aside"], 5);
    assert!(v["errors"].as_u64().unwrap() >= 6);
}

// ---------------------------------------------------------------------------------------------- by construction

/// One kind of complaint, repeated `times`, with what each copy adds to the counts, worked out by hand.
///
/// `adds` is `;`-separated: `YEAR TENURE STAGE field field=n …` adds 1 (or n) to each field of that year's tenure
/// and stage; `refusal YEAR STAGE` and `compensation YEAR PENCE` add a refusal and an amount.
struct Kind {
    times: u64,
    row: [&'static str; 14],
    adds: &'static str,
}

const HEADER: &str = "reference,tenure,category,stage1_received,stage1_acknowledged,stage1_extended_to,stage1_responded,stage1_outcome,stage2_received,stage2_acknowledged,stage2_extended_to,stage2_responded,stage2_outcome,refused,compensation";

/// June 2025 has no bank holiday: Mon 2, Tue 3 … Tue 17 is the 10th working day after Tue 3 June; Tue 1 July the
/// 10th after Tue 17 June. Each `adds` shows how its working days were counted.
const KINDS: &[Kind] = &[
    // On time: acknowledged the next day, answered on the 10th working day after (17 June). 3..6, 9..13, 16, 17
    // June = 11 working days from receipt.
    Kind {
        times: 7,
        row: ["LCRA", "Repairs", "2025-06-02", "2025-06-03", "", "2025-06-17", "Upheld", "", "", "", "", "", "", ""],
        adds: "2025-26 lcra stage1 received acknowledged_within_5_days responded within_timescale upheld working_days=11",
    },
    // A day late.
    Kind {
        times: 3,
        row: ["LCRA", "Repairs", "02/06/2025", "03/06/2025", "", "18/06/2025", "Not upheld", "", "", "", "", "", "", ""],
        adds: "2025-26 lcra stage1 received acknowledged_within_5_days responded not_upheld working_days=12",
    },
    // Acknowledged on the 6th working day (10 June): the clock starts on the 5th (9 June), so the deadline is 23
    // June and a response on 24 June (10 working days after the acknowledgement) is late. 2 June to 24 June: 16.
    Kind {
        times: 2,
        row: ["LCHO", "Damp and mould", "2025-06-02", "2025-06-10", "", "2025-06-24", "Partially upheld", "", "", "", "", "", "", ""],
        adds: "2025-26 lcho stage1 received acknowledged_late responded partly_upheld working_days=16",
    },
    // No acknowledgement: the clock starts on 9 June, deadline 23 June: on time. 15 working days.
    Kind {
        times: 2,
        row: ["LCRA", "Damp and mould", "2025-06-02", "", "", "2025-06-23", "not upheld", "", "", "", "", "", "", ""],
        adds: "2025-26 lcra stage1 received acknowledgement_missing responded within_timescale not_upheld working_days=15",
    },
    // Extended by 10 working days to 1 July, answered 30 June: on time only by the extension. 20 working days.
    Kind {
        times: 2,
        row: ["LCRA", "Repairs", "2025-06-02", "2025-06-03", "2025-07-01", "2025-06-30", "Upheld", "", "", "", "", "", "", ""],
        adds: "2025-26 lcra stage1 received acknowledged_within_5_days responded within_timescale within_extension extended upheld working_days=20",
    },
    // Extended by 11 working days to 2 July, beyond the Code's 10, answered on 2 July. 22 working days.
    Kind {
        times: 1,
        row: ["LCHO", "Repairs", "2025-06-02", "2025-06-03", "2025-07-02", "2025-07-02", "Part upheld", "", "", "", "", "", "", ""],
        adds: "2025-26 lcho stage1 received acknowledged_within_5_days responded within_timescale within_extension extended extended_beyond_limit partly_upheld working_days=22",
    },
    // Extended to 1 July, answered 3 July: late, extension or not. 23 working days.
    Kind {
        times: 1,
        row: ["LCRA", "Communication", "2025-06-02", "2025-06-03", "2025-07-01", "2025-07-03", "Not upheld", "", "", "", "", "", "", ""],
        adds: "2025-26 lcra stage1 received acknowledged_within_5_days responded extended not_upheld working_days=23",
    },
    // Extended, but answered before the Code's deadline (16 June): on time without the extension. 10 working days.
    Kind {
        times: 1,
        row: ["Leasehold", "Communication", "2025-06-02", "2025-06-03", "2025-07-01", "2025-06-16", "Upheld", "", "", "", "", "", "", ""],
        adds: "2025-26 other stage1 received acknowledged_within_5_days responded within_timescale extended upheld working_days=10",
    },
    // Still open at the end of the year.
    Kind {
        times: 3,
        row: ["LCRA", "Repairs", "25/03/2026", "26/03/2026", "", "", "", "", "", "", "", "", "", ""],
        adds: "2025-26 lcra stage1 received acknowledged_within_5_days not_yet_responded",
    },
    // Received Mon 24 March 2025 (2024-25), answered Tue 8 April 2025 (2025-26), the 10th working day after the
    // acknowledgement: 26, 27, 28, 31 March, 1, 2, 3, 4, 7, 8 April. 11 working days from receipt.
    Kind {
        times: 2,
        row: ["LCRA", "Repairs", "24/03/2025", "25/03/2025", "", "08/04/2025", "Upheld", "", "", "", "", "", "", ""],
        adds: "2024-25 lcra stage1 received acknowledged_within_5_days; 2025-26 lcra stage1 responded within_timescale upheld working_days=11",
    },
    // Across Christmas: acknowledged Tue 23 Dec; 24, 29, 30, 31 Dec, 2, 5, 6, 7, 8, 9 Jan are the 10 working days
    // (25, 26 Dec and 1 Jan are bank holidays): answered 9 January, on time. 11 working days from receipt.
    Kind {
        times: 2,
        row: ["LCHO", "Repairs", "22/12/2025", "23/12/2025", "", "09/01/2026", "Not upheld", "", "", "", "", "", "", ""],
        adds: "2025-26 lcho stage1 received acknowledged_within_5_days responded within_timescale not_upheld working_days=11",
    },
    // The same, answered Monday 12 January: late.
    Kind {
        times: 1,
        row: ["LCRA", "Repairs", "22/12/2025", "23/12/2025", "", "12/01/2026", "Upheld", "", "", "", "", "", "", ""],
        adds: "2025-26 lcra stage1 received acknowledged_within_5_days responded upheld working_days=12",
    },
    // Across Easter 2026 and into the next year: acknowledged Tue 31 March; 1, 2, 7, 8, 9, 10, 13, 14, 15, 16 April
    // (3 and 6 April are Good Friday and Easter Monday): answered Thursday 16 April, on time, in 2026-27.
    Kind {
        times: 2,
        row: ["LCRA", "Damp and mould", "30/03/2026", "31/03/2026", "", "16/04/2026", "Partly upheld", "", "", "", "", "", "", ""],
        adds: "2025-26 lcra stage1 received acknowledged_within_5_days; 2026-27 lcra stage1 responded within_timescale partly_upheld working_days=11",
    },
    // Escalated: stage 2 acknowledged Mon 23 June, answered on the 20th working day after (21 July): on time. 20
    // June to 21 July: 21 working days. Compensation £150.00, counted in the year of the stage 2 response.
    Kind {
        times: 2,
        row: ["LCHO", "Repairs", "2025-06-02", "2025-06-03", "", "2025-06-17", "Not upheld", "2025-06-20", "2025-06-23", "", "2025-07-21", "Upheld", "", "£150.00"],
        adds: "2025-26 lcho stage1 received acknowledged_within_5_days responded within_timescale not_upheld working_days=11; 2025-26 lcho stage2 received acknowledged_within_5_days responded within_timescale upheld working_days=21; compensation 2025-26 15000",
    },
    // Escalated with no stage 2 acknowledgement: the clock starts 5 working days after 20 June (27 June) and runs
    // 20 more, to 25 July; answered 28 July, late. 20 June to 28 July: 26 working days.
    Kind {
        times: 1,
        row: ["Other", "Communication", "2025-06-02", "2025-06-03", "", "2025-06-17", "Upheld in part", "2025-06-20", "", "", "2025-07-28", "Not upheld", "", "1250.5"],
        adds: "2025-26 other stage1 received acknowledged_within_5_days responded within_timescale partly_upheld working_days=11; 2025-26 other stage2 received acknowledgement_missing responded not_upheld working_days=26; compensation 2025-26 125050",
    },
    // Not accepted as a complaint: a refusal at stage 1, not a complaint received.
    Kind {
        times: 3,
        row: ["LCRA", "Repairs", "2025-06-02", "", "", "", "", "", "", "", "", "", "Out of time", ""],
        adds: "refusal 2025-26 stage1",
    },
    // Escalation refused: stage 1 counted as usual, stage 2 a refusal.
    Kind {
        times: 1,
        row: ["LCRA", "Repairs", "2025-06-02", "2025-06-03", "", "2025-06-18", "Not upheld", "2025-06-25", "2025-06-26", "", "", "", "Already considered", ""],
        adds: "2025-26 lcra stage1 received acknowledged_within_5_days responded not_upheld working_days=12; refusal 2025-26 stage2",
    },
];

const COUNTS: [&str; 14] = [
    "received",
    "acknowledged_within_5_days",
    "acknowledged_late",
    "acknowledgement_missing",
    "not_yet_responded",
    "responded",
    "within_timescale",
    "within_extension",
    "extended",
    "extended_beyond_limit",
    "upheld",
    "partly_upheld",
    "not_upheld",
    "working_days",
];

#[test]
fn every_count_of_a_log_built_by_construction() {
    let mut csv = format!("{HEADER}\n");
    // (year, tenure, stage, field) → count; (year, stage) → refusals; year → (pence, complaints).
    let mut expected: BTreeMap<(String, String, String, String), u64> = BTreeMap::new();
    let mut refusals: BTreeMap<(String, String), u64> = BTreeMap::new();
    let mut compensation: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    let mut reference = 0;
    for kind in KINDS {
        for _ in 0..kind.times {
            reference += 1;
            let cells: Vec<String> = std::iter::once(format!("C-{reference}"))
                .chain(kind.row.iter().map(|c| {
                    if c.contains(',') {
                        format!("\"{c}\"")
                    } else {
                        c.to_string()
                    }
                }))
                .collect();
            csv.push_str(&cells.join(","));
            csv.push('\n');
        }
        for part in kind.adds.split(';') {
            let words: Vec<&str> = part.split_whitespace().collect();
            match words.as_slice() {
                ["refusal", y, stage] => {
                    *refusals
                        .entry((y.to_string(), stage.to_string()))
                        .or_default() += kind.times;
                }
                ["compensation", y, pence] => {
                    let c = compensation.entry(y.to_string()).or_default();
                    c.0 += kind.times * pence.parse::<u64>().unwrap();
                    c.1 += kind.times;
                }
                [y, tenure, stage, fields @ ..] => {
                    for f in fields {
                        let (name, n) = f.split_once('=').unwrap_or((f, "1"));
                        assert!(COUNTS.contains(&name), "no count {name}");
                        *expected
                            .entry((
                                y.to_string(),
                                tenure.to_string(),
                                stage.to_string(),
                                name.to_string(),
                            ))
                            .or_default() += kind.times * n.parse::<u64>().unwrap();
                    }
                }
                _ => panic!("cannot read {part:?}"),
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("log.csv"), &csv).unwrap();
    let v = json(dir.path(), "log.csv", 0);
    assert_eq!(v["errors"], 0, "{:#}", v["diagnostics"]);
    let rows: u64 = KINDS.iter().map(|k| k.times).sum();
    assert_eq!(v["rows"]["read"], rows);
    assert_eq!(v["rows"]["used"], rows);
    let years: Vec<&str> = v["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| y["year"].as_str().unwrap())
        .collect();
    assert_eq!(years, ["2024-25", "2025-26", "2026-27"]);
    for y in ["2024-25", "2025-26", "2026-27"] {
        let summary = year(&v, y);
        for tenure in ["lcra", "lcho", "other"] {
            for stage in ["stage1", "stage2"] {
                for field in COUNTS {
                    let want = expected
                        .get(&(
                            y.to_string(),
                            tenure.to_string(),
                            stage.to_string(),
                            field.to_string(),
                        ))
                        .copied()
                        .unwrap_or(0);
                    assert_eq!(
                        summary["tenures"][tenure][stage][field].as_u64(),
                        Some(want),
                        "{y} {tenure} {stage} {field}"
                    );
                }
            }
        }
        for stage in ["stage1", "stage2"] {
            let want = refusals
                .get(&(y.to_string(), stage.to_string()))
                .copied()
                .unwrap_or(0);
            let got: u64 = summary["refusals"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r[stage].as_u64().unwrap())
                .sum();
            assert_eq!(got, want, "{y} refusals at {stage}");
        }
        let (pence, complaints) = compensation.get(y).copied().unwrap_or((0, 0));
        assert_eq!(summary["compensation"]["pence"], pence, "{y}");
        assert_eq!(summary["compensation"]["complaints"], complaints, "{y}");
    }
    // The rows each year counts: 2024-25 has only the two received in March 2025; 2026-27 the two answered after
    // Easter; every row counts in 2025-26.
    assert_eq!(year(&v, "2024-25")["rows"]["used"], 2);
    assert_eq!(year(&v, "2025-26")["rows"]["used"], rows);
    assert_eq!(year(&v, "2026-27")["rows"]["used"], 2);
    // And the measures are made from those counts: CH02 at stage 1 in 2025-26 for all tenures.
    let all = &year(&v, "2025-26")["tenures"]["all"]["stage1"];
    let ch02 = &all["measures"]["ch02"];
    assert_eq!(ch02["numerator"], all["within_timescale"]);
    assert_eq!(ch02["denominator"], all["responded"]);
    assert_eq!(
        ch02["value"].to_string(),
        one_decimal(
            all["within_timescale"].as_u64().unwrap(),
            all["responded"].as_u64().unwrap(),
            100
        )
    );
}

// ---------------------------------------------------------------------------------------------- the example log

/// A date in the example log (`01/04/2025`) as (year, month, day).
fn uk_date(text: &str) -> Option<(i32, u32, u32)> {
    let mut p = text.split('/');
    let d = p.next()?.parse().ok()?;
    let m = p.next()?.parse().ok()?;
    let y = p.next()?.parse().ok()?;
    Some((y, m, d))
}

/// The day after, by the calendar's month lengths.
fn next_day((y, m, d): (i32, u32, u32)) -> (i32, u32, u32) {
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let len = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if d < len {
        (y, m, d + 1)
    } else if m < 12 {
        (y, m + 1, 1)
    } else {
        (y + 1, 1, 1)
    }
}

/// Monday to Friday and not a bank holiday of England and Wales (GOV.UK), for the years the example log spans. The
/// weekday comes from Zeller's congruence, not from redress's day numbers.
fn is_working((y, m, d): (i32, u32, u32)) -> bool {
    const HOLIDAYS: [(i32, u32, u32); 16] = [
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
    ];
    let (yy, mm) = if m < 3 { (y - 1, m + 12) } else { (y, m) };
    let k = yy % 100;
    let j = yy / 100;
    // 0 = Saturday, 1 = Sunday, 2 = Monday … 6 = Friday.
    let h = (d as i32 + 13 * (mm as i32 + 1) / 5 + k + k / 4 + j / 4 + 5 * j) % 7;
    h >= 2 && !HOLIDAYS.contains(&(y, m, d))
}

fn add_working(mut day: (i32, u32, u32), n: u32) -> (i32, u32, u32) {
    let mut left = n;
    while left > 0 {
        day = next_day(day);
        if is_working(day) {
            left -= 1;
        }
    }
    day
}

fn working_between(from: (i32, u32, u32), to: (i32, u32, u32)) -> u64 {
    let mut n = 0;
    let mut day = from;
    while day < to {
        day = next_day(day);
        if is_working(day) {
            n += 1;
        }
    }
    n
}

fn financial_year((y, m, _): (i32, u32, u32)) -> String {
    let start = if m >= 4 { y } else { y - 1 };
    format!("{start}-{:02}", (start + 1) % 100)
}

/// The example log counted here, by the Code's rules written out again, with nothing from redress.
fn count_example_independently() -> BTreeMap<String, u64> {
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    let mut add = |key: String, n: u64| *counts.entry(key).or_default() += n;
    let mut reader = csv::Reader::from_path(example_log()).unwrap();
    for row in reader.records() {
        let row = row.unwrap();
        let tenure = match &row[1] {
            "LCRA" => "lcra",
            "LCHO" => "lcho",
            _ => "other",
        };
        let refused = !row[13].is_empty();
        let has_stage2 = !row[8].is_empty();
        for (stage, base, limit) in [("stage1", 3, 10), ("stage2", 8, 20)] {
            let Some(received) = uk_date(&row[base]) else {
                continue;
            };
            let year = financial_year(received);
            if refused && (stage == "stage2") == has_stage2 {
                add(format!("{year} refusals {stage}"), 1);
                continue;
            }
            let at = |what: &str| format!("{year} {tenure} {stage} {what}");
            add(at("received"), 1);
            let latest_ack = add_working(received, 5);
            let ack = uk_date(&row[base + 1]);
            match ack {
                None => add(at("acknowledgement_missing"), 1),
                Some(a) if a <= latest_ack => add(at("acknowledged_within_5_days"), 1),
                Some(_) => add(at("acknowledged_late"), 1),
            }
            let start = match ack {
                Some(a) if a <= latest_ack => a,
                _ => latest_ack,
            };
            let deadline = add_working(start, limit);
            let Some(responded) = uk_date(&row[base + 3]) else {
                add(at("not_yet_responded"), 1);
                continue;
            };
            let ryear = financial_year(responded);
            let at = |what: &str| format!("{ryear} {tenure} {stage} {what}");
            add(at("responded"), 1);
            let extended_to = uk_date(&row[base + 2]);
            let by = extended_to.unwrap_or(deadline);
            if responded <= by {
                add(at("within_timescale"), 1);
                if responded > deadline {
                    add(at("within_extension"), 1);
                }
            }
            if let Some(to) = extended_to {
                add(at("extended"), 1);
                if working_between(deadline, to) > limit as u64 {
                    add(at("extended_beyond_limit"), 1);
                }
            }
            let outcome = match &row[base + 4] {
                "Upheld" => "upheld",
                "Partly upheld" => "partly_upheld",
                "Not upheld" => "not_upheld",
                other => panic!("the example log has the outcome {other:?}"),
            };
            add(at(outcome), 1);
            add(at("working_days"), working_between(received, responded));
        }
        if !row[14].is_empty() {
            let last = uk_date(&row[11])
                .or(uk_date(&row[6]))
                .or(uk_date(&row[3]))
                .unwrap();
            let amount = row[14].trim_start_matches('£').replace(',', "");
            let (pounds, pence) = amount.split_once('.').unwrap();
            let year = financial_year(last);
            add(
                format!("{year} compensation pence"),
                pounds.parse::<u64>().unwrap() * 100 + pence.parse::<u64>().unwrap(),
            );
            add(format!("{year} compensation complaints"), 1);
        }
    }
    counts
}

#[test]
fn the_example_log_gives_the_counts_worked_out_independently() {
    let expected = count_example_independently();
    let log = example_log();
    let v = json(&repo(), log.to_str().unwrap(), 0);
    let mut actual: BTreeMap<String, u64> = BTreeMap::new();
    for y in v["years"].as_array().unwrap() {
        let label = y["year"].as_str().unwrap();
        for tenure in ["lcra", "lcho", "other"] {
            for stage in ["stage1", "stage2"] {
                for field in COUNTS {
                    let n = y["tenures"][tenure][stage][field].as_u64().unwrap();
                    if n > 0 {
                        actual.insert(format!("{label} {tenure} {stage} {field}"), n);
                    }
                }
            }
        }
        for stage in ["stage1", "stage2"] {
            let n: u64 = y["refusals"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r[stage].as_u64().unwrap())
                .sum();
            if n > 0 {
                actual.insert(format!("{label} refusals {stage}"), n);
            }
        }
        for what in ["pence", "complaints"] {
            let n = y["compensation"][what].as_u64().unwrap();
            if n > 0 {
                actual.insert(format!("{label} compensation {what}"), n);
            }
        }
    }
    let differences: Vec<String> = expected
        .keys()
        .chain(actual.keys())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .filter(|k| expected.get(*k) != actual.get(*k))
        .map(|k| {
            format!(
                "{k}: expected {:?}, redress {:?}",
                expected.get(k),
                actual.get(k)
            )
        })
        .collect();
    assert!(differences.is_empty(), "{}", differences.join("\n"));
    // The log is what the issue asks the example to be.
    let year = year(&v, "2025-26");
    let s1 = year["tenures"]["all"]["stage1"]["received"]
        .as_u64()
        .unwrap();
    let s2 = year["tenures"]["all"]["stage2"]["received"]
        .as_u64()
        .unwrap();
    assert!((620..=720).contains(&s1), "{s1} stage 1 complaints");
    assert!((55..=85).contains(&s2), "{s2} stage 2 complaints");
    for key in [
        "acknowledged_late",
        "acknowledgement_missing",
        "within_extension",
        "extended_beyond_limit",
        "not_yet_responded",
    ] {
        assert!(
            year["tenures"]["all"]["stage1"][key].as_u64().unwrap() > 0,
            "no {key}"
        );
    }
    assert!(
        year["tenures"]["lcho"]["stage1"]["received"]
            .as_u64()
            .unwrap()
            > 0
    );
    assert!(
        year["tenures"]["other"]["stage1"]["received"]
            .as_u64()
            .unwrap()
            > 0
    );
    assert!(year["refusals"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["stage2"].as_u64().unwrap() > 0));
}

#[test]
fn the_example_log_is_what_its_generator_writes() {
    let committed = std::fs::read_to_string(example_log()).unwrap();
    let generated = complaints_log::generate(&complaints_log::Settings::default());
    assert!(
        committed == generated,
        "private/complaints-2025-26.csv is not what the generator writes; run `cargo run --example complaints_log > private/complaints-2025-26.csv`"
    );
}

// ---------------------------------------------------------------------------------------------- privacy

/// The cells of the example log that would identify a complaint: references, dates and amounts.
fn personal_cells() -> Vec<(usize, String)> {
    let mut reader = csv::Reader::from_path(example_log()).unwrap();
    let mut cells = Vec::new();
    for row in reader.records() {
        let row = row.unwrap();
        for (i, cell) in row.iter().enumerate() {
            // Tenure, category, outcomes and refusal reasons are the landlord's own labels, shown as labels.
            if ![1, 2, 7, 12, 13].contains(&i) && !cell.is_empty() {
                cells.push((i, cell.to_string()));
            }
        }
    }
    cells
}

#[test]
fn no_cell_of_the_example_log_appears_in_what_redress_cases_prints() {
    let log = example_log();
    let log = log.to_str().unwrap();
    let cells = personal_cells();
    assert!(cells.len() > 3000, "{} cells", cells.len());
    for format in ["human", "json"] {
        let run = run_in(&repo(), &["cases", log, "--format", format]);
        run.expect_success();
        assert_eq!(run.stderr, "", "the example log is clean");
        let out = run.stdout.replace(log, "[LOG]");
        let words: BTreeSet<&str> = out
            .split(|c: char| c.is_whitespace() || "()\":[]{}".contains(c))
            .collect();
        for (column, cell) in &cells {
            if *column == 14 {
                // An amount (£150.00) could only show as a word of its own; 50.00 inside £1,250.00 is not it.
                assert!(
                    !words.contains(cell.trim_start_matches('£')) && !out.contains(cell),
                    "{format} shows the amount {cell}"
                );
            } else {
                assert!(
                    !out.contains(cell.as_str()),
                    "{format} output shows the cell {cell:?}"
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------- workbooks

/// The example log as a workbook, the way Excel keeps it: dates as date cells, amounts as numbers.
fn example_workbook(path: &Path) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Cases").unwrap();
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    let mut reader = csv::Reader::from_path(example_log()).unwrap();
    for (c, h) in reader.headers().unwrap().iter().enumerate() {
        sheet.write_string(0, c as u16, h).unwrap();
    }
    for (r, row) in reader.records().enumerate() {
        let row = row.unwrap();
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            if cell.is_empty() {
                continue;
            }
            if let Some((y, m, d)) = uk_date(cell) {
                let date = ExcelDateTime::from_ymd(y as u16, m as u8, d as u8).unwrap();
                sheet
                    .write_datetime_with_format(r, c, &date, &date_format)
                    .unwrap();
            } else if c == 14 {
                let amount: f64 = cell
                    .trim_start_matches('£')
                    .replace(',', "")
                    .parse()
                    .unwrap();
                sheet.write_number(r, c, amount).unwrap();
            } else {
                sheet.write_string(r, c, cell).unwrap();
            }
        }
    }
    book.save(path).unwrap();
}

#[test]
fn a_workbook_gives_the_same_figures_as_the_csv() {
    let dir = tempfile::tempdir().unwrap();
    example_workbook(&dir.path().join("log.xlsx"));
    std::fs::copy(example_log(), dir.path().join("log.csv")).unwrap();
    let from_csv = json(dir.path(), "log.csv", 0);
    let from_xlsx = json(dir.path(), "log.xlsx", 0);
    assert_eq!(from_xlsx["diagnostics"], from_csv["diagnostics"]);
    assert_eq!(from_xlsx["rows"], from_csv["rows"]);
    assert_eq!(from_xlsx["years"], from_csv["years"]);
}

#[test]
fn a_fault_in_a_workbook_names_the_sheet_and_column() {
    use rust_xlsxwriter::Workbook;
    let dir = tempfile::tempdir().unwrap();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Export").unwrap();
    let rows = [
        vec!["Case export, printed 10 April 2026"],
        vec![],
        HEADER.split(',').collect::<Vec<_>>(),
        vec![
            "C-1",
            "LCRA",
            "Repairs",
            "02/06/2025",
            "03/06/2025",
            "",
            "soon",
            "Upheld",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    book.save(dir.path().join("log.xlsx")).unwrap();
    let run = run_in(dir.path(), &["cases", "log.xlsx"]);
    run.expect_code(1);
    assert!(
        run.stderr
            .contains("error: `soon` is not a date\n --> log.xlsx:4:"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("not a date (sheet Export, column G)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("1 row read: 0 counted, 1 set aside"),
        "{}",
        run.stdout
    );
}

// ---------------------------------------------------------------------------------------------- inside a site

#[test]
fn inside_the_site_ch01_is_worked_out_with_the_years_homes() {
    let t = SiteTest::example();
    let log = example_log();
    let run = t.run(&["cases", log.to_str().unwrap(), "--format", "json"]);
    run.expect_success();
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    let y = year(&v, "2025-26");
    // The example reports by tenure: CH01 for LCRA and LCHO, each over its own homes.
    assert_eq!(y["homes"]["lcra"], 11_020);
    assert_eq!(y["homes"]["lcho"], 1_120);
    assert!(y["homes"]["combined"].is_null());
    for (tenure, homes) in [("lcra", 11_020), ("lcho", 1_120)] {
        let stage1 = &y["tenures"][tenure]["stage1"];
        let ch01 = &stage1["measures"]["ch01"];
        assert_eq!(ch01["numerator"], stage1["received"]);
        assert_eq!(ch01["denominator"], homes);
        assert_eq!(ch01["scale"], 1000);
        assert_eq!(
            ch01["value"].to_string(),
            one_decimal(stage1["received"].as_u64().unwrap(), homes, 1000)
        );
    }
    // Other tenures are in no CH01, and all tenures together have none in a site that reports by tenure; nor does a
    // year the site does not have.
    assert!(y["tenures"]["other"]["stage1"]["measures"]["ch01"].is_null());
    assert!(y["tenures"]["all"]["stage1"]["measures"]["ch01"].is_null());
    assert!(year(&v, "2026-27")["homes"]["lcra"].is_null());
    // The same in words.
    let run = t.run(&["cases", log.to_str().unwrap()]);
    assert!(
        run.stdout
            .contains("Homes: 11,020 LCRA and 1,120 LCHO (data/performance.toml)."),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("CH01, complaints received per 1,000 homes"),
        "{}",
        run.stdout
    );
    // Every figure in its column: no line wider than a terminal of 100 characters.
    for line in run.stdout.lines() {
        assert!(line.chars().count() <= 100, "too wide: {line:?}");
    }
}

#[test]
fn a_site_reporting_all_homes_together_has_one_ch01() {
    let t = SiteTest::example();
    t.write(
        "data/performance.toml",
        "[[years]]\nlabel = \"2025-26\"\nhomes = 900\n",
    );
    let log = example_log();
    let run = t.run(&["cases", log.to_str().unwrap(), "--format", "json"]);
    run.expect_success();
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    let all = &year(&v, "2025-26")["tenures"]["all"]["stage2"];
    assert_eq!(all["measures"]["ch01"]["numerator"], all["received"]);
    assert_eq!(all["measures"]["ch01"]["denominator"], 900);
    assert!(year(&v, "2025-26")["tenures"]["lcra"]["stage2"]["measures"]["ch01"].is_null());
}

#[test]
fn the_sites_settings_rename_columns_and_set_the_date_order_and_closure_days() {
    let t = SiteTest::example();
    let site = t.read("site.toml");
    t.write(
        "site.toml",
        &format!(
            "{site}\n[cases]\ndate_order = \"mdy\"\nclosure_days = [2025-06-16]\n\n[cases.columns]\nreference = \"Case ID\"\nstage1_responded = \"Date of stage 1 reply\"\n"
        ),
    );
    t.write(
        "log.csv",
        "Case ID,Stage 1 received,Stage 1 acknowledged,Date of stage 1 reply,Stage 1 outcome\nC-1,06/02/2025,06/03/2025,06/18/2025,Upheld\n",
    );
    let run = t.run(&["cases", "log.csv", "--format", "json"]);
    run.expect_success();
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    // Read month first: 2 June to 18 June. The closure day (16 June) moves the deadline from 17 to 18 June.
    let s1 = &year(&v, "2025-26")["tenures"]["other"]["stage1"];
    assert_eq!(
        (s1["responded"].as_u64(), s1["within_timescale"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(s1["working_days"], 11);
    // Without the site's settings, the same file cannot be read.
    let run = run_in(t.root(), &["cases", "log.csv", "--root", "/"]);
    run.expect_code(1);
}

/// The smallest site.toml `redress cases` reads, so that a snapshot does not move when the example's grows.
const SITE: &str = "[landlord]\nname = \"Test Homes\"\ngoverning_body = \"Board\"\n\n[period]\nlabel = \"2025-26\"\nstart = 2025-04-01\nend = 2026-03-31\n\n[contact]\nemail = \"complaints@test.example\"\n";

#[test]
fn an_unknown_column_key_in_site_toml_suggests_the_right_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("site.toml"),
        format!("{SITE}\n[cases.columns]\nrefrence = \"Case ID\"\n"),
    )
    .unwrap();
    std::fs::write(dir.path().join("log.csv"), "x\n").unwrap();
    let run = run_in(dir.path(), &["cases", "log.csv"]);
    run.expect_code(1);
    compare("unknown-column-key.stderr", &run.stderr);
    assert_eq!(run.stdout, "");
}

// ---------------------------------------------------------------------------------------------- what a reader gets

#[test]
fn the_summary_for_people_reads_as_recorded() {
    let run = run_in(&fixtures(), &["cases", "small.csv"]);
    run.expect_success();
    compare("small.stdout", &run.stdout);
}

#[test]
fn the_help_text_is_what_a_reader_gets() {
    let run = run_in(&fixtures(), &["cases", "--help"]);
    run.expect_success();
    for needle in [
        "Examples:",
        "--format",
        "--root",
        "Exit status",
        "personal data",
    ] {
        assert!(run.stdout.contains(needle), "cases --help lacks {needle}");
    }
    compare("cases-help.stdout", &run.stdout);
}

#[test]
fn a_log_that_cannot_be_read_is_a_failure_of_its_own() {
    let run = run_in(&fixtures(), &["cases", "no-such-log.csv"]);
    run.expect_code(2);
    assert!(
        run.stderr.contains("failed to read `no-such-log.csv`"),
        "{}",
        run.stderr
    );
}
