//! `redress check`: what a user is told about a broken site, recorded as snapshots, and what a clean site, a script
//! (`--format json`) and a link checker (`--external`) get.
//!
//! Each folder under `tests/fixtures/check/` holds only the file(s) one fault breaks, laid over the example site;
//! `tests/fixtures/check/<snapshot>.stderr` beside it is what `redress check` prints, exactly. To record new output,
//! run `SNAPSHOTS=overwrite cargo test --test check` and review the diff like code.

mod common;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::Command;
use std::sync::{Arc, Mutex};

use common::{repo, SiteTest};

fn fixtures() -> PathBuf {
    repo().join("tests/fixtures/check")
}

/// Runs `redress check ARGS` over the fixture and compares its standard error with `<snapshot>.stderr`.
#[track_caller]
fn snapshot(fixture: &str, snapshot: &str, args: &[&str], code: i32) {
    let t = SiteTest::fixture(&format!("check/{fixture}"));
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    let run = t.run(&all);
    let path = fixtures().join(format!("{snapshot}.stderr"));
    if std::env::var("SNAPSHOTS").as_deref() == Ok("overwrite") {
        std::fs::write(&path, &run.stderr).unwrap();
    } else {
        let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
            panic!(
                "no snapshot {}; run `SNAPSHOTS=overwrite cargo test --test check` to record it\n\nstderr was:\n{}",
                path.display(),
                run.stderr
            )
        });
        assert!(
            run.stderr == expected,
            "stderr differs from {}\n--- expected\n{expected}\n--- actual\n{}",
            path.display(),
            run.stderr
        );
    }
    run.expect_code(code);
    assert_eq!(
        run.stdout, "",
        "check prints nothing on stdout in human format"
    );
    assert!(!t.path("public").exists(), "check must write nothing");
}

macro_rules! snapshots {
    ($($test:ident: $fixture:literal $(, $arg:literal)* => $code:literal, $snap:literal;)*) => {
        $(
            #[test]
            fn $test() {
                snapshot($fixture, $snap, &[$($arg),*], $code);
            }
        )*
        /// Every (fixture, snapshot) pair the tests above use.
        const SNAPSHOTS: &[(&str, &str)] = &[$(($fixture, $snap)),*];
    };
}

snapshots! {
    // Reading the files: keys, syntax, counts.
    unknown_key_suggests_the_right_one: "unknown-key" => 1, "unknown-key";
    syntax_error_points_at_the_line: "syntax-error" => 1, "syntax-error";
    negative_count: "negative-count" => 1, "negative-count";
    non_integer_count: "non-integer-count" => 1, "non-integer-count";
    // Counts that cannot be.
    within_timescale_above_responded: "within-timescale-above-responded" => 1, "within-timescale-above-responded";
    more_stage2_than_stage1_responses_is_a_warning: "stage2-above-stage1" => 0, "stage2-above-stage1";
    years_out_of_order: "years-out-of-order" => 1, "years-out-of-order";
    categories_that_do_not_add_up: "categories-dont-add-up" => 1, "categories-dont-add-up";
    a_refusal_reason_given_twice: "duplicate-refusal-reason" => 1, "duplicate-refusal-reason";
    a_percentage_above_100: "rate-above-100" => 1, "rate-above-100";
    // The self-assessment against the Code.
    unknown_provision: "unknown-provision" => 1, "unknown-provision";
    duplicate_provision: "duplicate-provision" => 1, "duplicate-provision";
    missing_provision: "missing-provision" => 1, "missing-provision";
    an_answer_that_is_not_yes_or_no: "answer-maybe" => 1, "answer-maybe";
    partial_is_not_an_answer_on_the_2024_form: "partial-answer" => 1, "partial-answer";
    // The governing body's approval (the form's preamble, Code 8.3, 8.4) and the MRC (Code 9.5).
    no_approval_of_the_self_assessment: "approval-missing" => 1, "approval-missing";
    an_approval_from_before_the_year: "approval-before-period" => 1, "approval-before-period";
    an_approval_for_no_reason_the_code_gives: "approval-reason-unknown" => 1, "approval-reason-unknown";
    no_member_responsible_for_complaints: "member-missing" => 1, "member-missing";
    a_member_statement_without_a_date: "member-statement-without-date" => 1, "member-statement-without-date";
    a_no_without_explanation_or_actions: "no-without-explanation" => 1, "no-without-explanation";
    a_past_due_action_is_a_warning: "past-due-action" => 0, "past-due-action";
    deny_warnings_fails_on_a_warning: "past-due-action", "--deny-warnings" => 1, "past-due-action.deny-warnings";
    // Tenure, timescales, TP09 and its survey (the Regulator's TSMs).
    homes_for_all_homes_on_a_split_site: "homes-for-all-when-split" => 1, "homes-for-all-when-split";
    combined_figures_from_1000_homes: "combined-over-1000" => 1, "combined-over-1000";
    within_extension_above_within_timescale: "within-extension-above-within" => 1, "within-extension-above-within";
    acknowledged_above_received: "acknowledged-above-received" => 1, "acknowledged-above-received";
    the_report_year_records_extensions: "extension-not-recorded" => 1, "extension-not-recorded";
    overlapping_categories_may_add_up_to_more: "categories-overlap-more" => 0, "categories-overlap-more";
    overlapping_categories_may_not_add_up_to_fewer: "categories-overlap-fewer" => 1, "categories-overlap-fewer";
    a_weighted_tp09_beside_no_weighting: "tp09-published-unweighted" => 1, "tp09-published-unweighted";
    tp09_without_its_survey_summary_is_a_warning: "survey-summary-missing" => 0, "survey-summary-missing";
    // A year's counts from its complaints log (issue 12).
    a_log_and_typed_counts_for_one_year: "log-and-counts" => 1, "log-and-counts";
    a_log_that_is_not_there: "log-missing" => 1, "log-missing";
    a_bad_row_in_the_log_stops_the_build: "log-bad-row" => 1, "log-bad-row";
    // Money, quarters, breakdowns, transactions, targets and sector comparisons.
    money_with_fractions_of_a_penny: "money-fraction" => 1, "money-fraction";
    quarters_that_do_not_add_up: "quarters-dont-add-up" => 1, "quarters-dont-add-up";
    a_breakdown_over_its_total: "breakdown-covers-more" => 1, "breakdown-covers-more";
    transactions_against_an_unknown_category: "transaction-unknown-category" => 1, "transaction-unknown-category";
    an_impossible_target: "target-out-of-range" => 1, "target-out-of-range";
    sector_quartiles_out_of_order: "sector-quartiles-out-of-order" => 1, "sector-quartiles-out-of-order";
    a_sector_comparison_for_an_unknown_measure: "sector-unknown-measure" => 1, "sector-unknown-measure";
    // The Ombudsman's cases and findings.
    more_determinations_than_findings: "more-cases-than-findings" => 1, "more-cases-than-findings";
    an_order_after_no_maladministration: "order-after-no-maladministration" => 1, "order-after-no-maladministration";
    a_failure_order_of_no_known_type: "failure-order-type-4" => 1, "failure-order-type-4";
    // Completeness: Code 8.1 and 8.2.
    no_analysis_8_1_b: "analysis-missing" => 1, "analysis-missing";
    no_public_address_for_the_submission_is_a_warning: "base-url-missing" => 0, "base-url-missing";
    missing_8_1_c: "missing-non-compliance" => 1, "missing-non-compliance";
    response_without_a_date: "response-without-date" => 1, "response-without-date";
    an_empty_response: "empty-response" => 1, "empty-response";
    a_response_dated_before_the_year_ended: "response-before-period-end" => 1, "response-before-period-end";
    // Dates outside the report period, and the same thing twice.
    a_finding_dated_outside_the_period: "finding-outside-period" => 0, "finding-outside-period";
    an_improvement_done_after_the_period: "improvement-done-after-period" => 0, "improvement-done-after-period";
    an_improvement_given_twice: "duplicate-improvement" => 1, "duplicate-improvement";
    // Links.
    a_broken_link_in_markdown: "broken-link" => 1, "broken-link";
    a_broken_anchor_in_markdown: "broken-anchor" => 1, "broken-anchor";
    a_broken_link_in_a_theme_override: "broken-template-link" => 1, "broken-template-link";
    // All at once.
    a_site_with_many_faults_shows_them_all_in_one_run: "many-faults" => 1, "many-faults";
}

#[test]
fn every_snapshot_has_its_fixture_and_test() {
    let used_fixtures: BTreeSet<&str> = SNAPSHOTS.iter().map(|(f, _)| *f).collect();
    let used_snapshots: BTreeSet<String> = SNAPSHOTS
        .iter()
        .map(|(_, s)| format!("{s}.stderr"))
        .collect();
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type().unwrap().is_dir() {
            assert!(
                used_fixtures.contains(name.as_str()),
                "the fixture {name}/ has no test"
            );
        } else if name != HELP_SNAPSHOT {
            assert!(
                used_snapshots.contains(&name),
                "{name} is not the snapshot of any test: remove it, or add its test"
            );
        }
    }
    for (fixture, _) in SNAPSHOTS {
        assert!(fixtures().join(fixture).is_dir(), "no fixture {fixture}/");
    }
}

#[test]
fn the_example_site_is_clean_and_nothing_is_written() {
    let t = SiteTest::example();
    let run = t.run(&["check"]);
    run.expect_success()
        .expect_stderr_contains("no problems found")
        .expect_stderr_contains("internal links all lead somewhere")
        .expect_stderr_contains("`redress check --external` lists and checks them");
    assert!(!t.path("public").exists());
}

/// `build` runs the same checks, so it prints the same diagnostics, then says it built nothing.
#[test]
fn build_reports_exactly_what_check_reports() {
    for fixture in [
        "sites/many-faults",
        "check/many-faults",
        "check/broken-link",
    ] {
        let t = SiteTest::fixture(fixture);
        let check = t.run(&["check"]);
        let build = t.build();
        build.expect_code(1);
        assert_eq!(
            build.stderr,
            format!(
                "{}the site was not built; the previous output (if any) is unchanged\n",
                check.stderr
            ),
            "{fixture}"
        );
    }
}

#[test]
fn json_output_has_every_field_for_editors_and_ci() {
    let t = SiteTest::fixture("check/many-faults");
    let run = t.run(&["check", "--format", "json"]);
    run.expect_code(1);
    assert_eq!(
        run.stderr, "",
        "JSON mode keeps standard error for failures"
    );
    let v: serde_json::Value =
        serde_json::from_str(&run.stdout).expect("stdout is one JSON object");
    let list = v["diagnostics"].as_array().unwrap();
    let errors = list.iter().filter(|d| d["severity"] == "error").count();
    let warnings = list.iter().filter(|d| d["severity"] == "warning").count();
    assert_eq!(v["errors"].as_u64(), Some(errors as u64));
    assert_eq!(v["warnings"].as_u64(), Some(warnings as u64));
    assert!(errors > 5 && warnings > 0, "{v:#}");
    for d in list {
        for key in [
            "severity",
            "message",
            "file",
            "line",
            "column",
            "end_column",
            "line_text",
            "label",
            "help",
        ] {
            assert!(d.get(key).is_some(), "{key} missing from {d}");
        }
    }
    let hommes = list
        .iter()
        .find(|d| d["message"] == "unknown key `hommes`")
        .expect("the misspelt key");
    let line_text = hommes["line_text"].as_str().unwrap();
    assert_eq!(line_text, "hommes = 10_760");
    assert_eq!(hommes["file"], "data/performance.toml");
    let line = t
        .read("data/performance.toml")
        .lines()
        .position(|l| l == line_text)
        .unwrap()
        + 1;
    assert_eq!(hommes["line"].as_u64(), Some(line as u64));
    assert_eq!(
        (hommes["column"].as_u64(), hommes["end_column"].as_u64()),
        (Some(1), Some(7))
    );
    assert!(hommes["help"]
        .as_str()
        .unwrap()
        .starts_with("did you mean `homes`?"));
    // The human output lists the same problems.
    let human = t.run(&["check"]);
    for d in list {
        let message = d["message"].as_str().unwrap();
        human.expect_stderr_contains(message);
    }
}

#[test]
fn json_output_of_a_clean_site() {
    let t = SiteTest::example();
    let run = t.run(&["check", "--format", "json"]);
    run.expect_success();
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["diagnostics"], serde_json::json!([]));
    assert_eq!(
        (v["errors"].as_u64(), v["warnings"].as_u64()),
        (Some(0), Some(0))
    );
    assert!(
        v.get("external").is_none(),
        "external links only with --external"
    );
}

#[test]
fn misuse_exits_2() {
    let t = SiteTest::example();
    t.run(&["check", "--format", "xml"])
        .expect_code(2)
        .expect_stderr_contains("invalid value 'xml'");
    t.run(&["check", "--root", "no-such-folder"])
        .expect_code(2)
        .expect_stderr_contains("`no-such-folder` is not a folder");
}

#[test]
fn help_teaches_with_examples() {
    let t = SiteTest::example();
    let run = t.run(&["check", "--help"]);
    run.expect_success();
    for needle in [
        "Examples:",
        "--deny-warnings",
        "--external",
        "--format",
        "Exit status",
    ] {
        assert!(
            run.stdout.contains(needle),
            "check --help lacks {needle}:\n{}",
            run.stdout
        );
    }
    let run = t.run(&["--help"]);
    assert!(run.stdout.contains("check"), "{}", run.stdout);
}

/// The snapshot of `redress check --help`, beside the fixtures.
const HELP_SNAPSHOT: &str = "check-help.stdout";

#[test]
fn the_help_text_is_what_a_reader_gets() {
    let out = Command::new(env!("CARGO_BIN_EXE_redress"))
        .args(["check", "--help"])
        .env("COLUMNS", "100")
        .output()
        .unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    let path = fixtures().join(HELP_SNAPSHOT);
    if std::env::var("SNAPSHOTS").as_deref() == Ok("overwrite") {
        std::fs::write(&path, &help).unwrap();
    } else {
        let expected =
            std::fs::read_to_string(&path).expect("run with SNAPSHOTS=overwrite to record it");
        assert!(
            help == expected,
            "check --help differs from {}:\n{help}",
            path.display()
        );
    }
}

/// Requests seen by [`serve`]: (method, target).
type Seen = Arc<Mutex<Vec<(String, String)>>>;

/// A tiny web server on 127.0.0.1 that is also the proxy every external request is sent through, so the test
/// needs no network: `/ok` answers 200, `/moved` redirects to `/ok`, anything else 404, and a `CONNECT` (how a
/// proxy is asked for an https site) is refused with 502.
fn serve() -> (u16, Seen) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen: Seen = Arc::default();
    let log = Arc::clone(&seen);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            answer(stream, &log);
        }
    });
    (port, seen)
}

fn answer(mut stream: TcpStream, seen: &Seen) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut first = String::new();
    if reader.read_line(&mut first).is_err() {
        return;
    }
    loop {
        let mut header = String::new();
        match reader.read_line(&mut header) {
            Ok(n) if n > 2 => continue,
            _ => break,
        }
    }
    let mut parts = first.split_whitespace();
    let method = parts.next().unwrap_or_default().to_string();
    let target = parts.next().unwrap_or_default().to_string();
    seen.lock().unwrap().push((method.clone(), target.clone()));
    let response = match (method.as_str(), target.as_str()) {
        ("CONNECT", _) => "HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
        (_, "/ok") => "HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
        (_, "/moved") => {
            "HTTP/1.1 301 Moved Permanently\r\nlocation: /ok\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
        }
        _ => "HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
    };
    let _ = stream.write_all(response.as_bytes());
}

/// `redress check ARGS` with every external request sent to the local server.
fn check_offline(t: &SiteTest, port: u16, args: &[&str]) -> (i32, String, String) {
    let proxy = format!("http://127.0.0.1:{port}");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_redress"));
    cmd.arg("check").args(args).current_dir(t.root());
    for var in [
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
        "all_proxy",
        "no_proxy",
    ] {
        cmd.env_remove(var);
    }
    let out = cmd
        .env("ALL_PROXY", &proxy)
        .env("NO_PROXY", "127.0.0.1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn external_links_are_listed_and_checked_only_when_asked() {
    let (port, seen) = serve();
    let base = format!("http://127.0.0.1:{port}");
    let t = SiteTest::example();
    t.write(
        "content/links.md",
        &format!(
            "+++\ntitle = \"Links\"\n+++\nSee [this]({base}/ok), [that]({base}/moved) and [the other]({base}/missing).\n\nAnd [this again]({base}/ok).\n"
        ),
    );

    // By default nothing is fetched and nothing is listed.
    let (code, stdout, stderr) = check_offline(&t, port, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "");
    assert!(
        seen.lock().unwrap().is_empty(),
        "check fetched without --external"
    );

    let (code, stdout, stderr) = check_offline(&t, port, &["--external"]);
    // Failures are warnings, never errors.
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "warning: could not reach `{base}/missing`: the server answered 404 Not Found"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("--> content/links.md:4:"), "{stderr}");
    assert!(!stderr.contains(&format!("`{base}/ok`")), "{stderr}");
    assert!(!stderr.contains(&format!("`{base}/moved`")), "{stderr}");
    assert!(
        stderr.contains("could not reach `https://www.w3.org/TR/WCAG22/`"),
        "an unreachable https site is a warning too:\n{stderr}"
    );
    // One line per address, with where it is.
    let lines: Vec<&str> = stdout.lines().collect();
    let ok: Vec<&&str> = lines
        .iter()
        .filter(|l| l.starts_with(&format!("{base}/ok ")))
        .collect();
    assert_eq!(ok.len(), 1, "{stdout}");
    assert!(
        ok[0].contains("(content/links.md:4:12; on links.html and report.html)"),
        "{stdout}"
    );
    assert!(lines
        .iter()
        .any(|l| l.starts_with("https://www.ashmerehomes.example  (site.toml:")));

    // One HEAD request per address (the redirect adds one for its target), never a GET.
    let requests = seen.lock().unwrap().clone();
    assert!(
        requests.iter().all(|(m, _)| m == "HEAD" || m == "CONNECT"),
        "{requests:?}"
    );
    for path in ["/missing", "/moved"] {
        assert_eq!(
            requests.iter().filter(|(_, p)| p == path).count(),
            1,
            "{path}: {requests:?}"
        );
    }
    assert_eq!(
        requests.iter().filter(|(_, p)| p == "/ok").count(),
        2,
        "{requests:?}"
    );
    let connects: Vec<&String> = requests
        .iter()
        .filter(|(m, _)| m == "CONNECT")
        .map(|(_, p)| p)
        .collect();
    let unique: BTreeSet<&String> = connects.iter().copied().collect();
    assert!(!connects.is_empty());
    assert!(connects.len() <= lines.len(), "{connects:?}");
    assert!(unique.len() <= connects.len());

    // --deny-warnings turns the unreachable addresses into a failure; JSON lists the links too.
    let (code, stdout, _) = check_offline(
        &t,
        port,
        &["--external", "--deny-warnings", "--format", "json"],
    );
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let external = v["external"].as_array().unwrap();
    let ok = external
        .iter()
        .find(|e| e["url"] == format!("{base}/ok"))
        .unwrap();
    assert_eq!(ok["file"], "content/links.md");
    assert_eq!(
        (ok["line"].as_u64(), ok["column"].as_u64()),
        (Some(4), Some(12))
    );
    assert_eq!(
        ok["pages"],
        serde_json::json!(["links.html", "report.html"])
    );
}
