//! `redress new-year`: a year frozen exactly as its build wrote it, the inputs rolled forward and marked, the frozen
//! year published beside the next one; and every refusal, with nothing in the site changed.

mod common;

use common::{repo, sel, text, tree, SiteTest};

type Tree = Vec<(String, Vec<u8>)>;

fn without(files: Tree, prefix: &str) -> Tree {
    files
        .into_iter()
        .filter(|(p, _)| !p.starts_with(prefix))
        .collect()
}

fn names(files: &Tree) -> Vec<&str> {
    files.iter().map(|(p, _)| p.as_str()).collect()
}

/// The site's own files: everything but the build output.
fn site_files(t: &SiteTest) -> Tree {
    without(tree(t.root()), "public")
}

/// Lays the example's real inputs (the 2025-26 report) over the site, as a comms officer would after filling in
/// the new year.
fn lay_real_inputs(t: &SiteTest) {
    for dir in ["data", "content", "static"] {
        for (rel, bytes) in tree(&repo().join(dir)) {
            let p = t.path(&format!("{dir}/{rel}"));
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, bytes).unwrap();
        }
    }
    t.write(
        "site.toml",
        &std::fs::read_to_string(repo().join("site.toml")).unwrap(),
    );
}

fn toml_file(t: &SiteTest, rel: &str) -> toml::Table {
    toml::from_str(&t.read(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn the_2024_25_report_is_frozen_and_published_beside_the_live_2025_26_one() {
    let t = SiteTest::fixture("new-year/at-2024-25");
    t.build().expect_success();
    let built = without(tree(&t.path("public")), ".redress-output");
    let before = site_files(&t);

    let run = t.run(&["new-year"]);
    run.expect_success()
        .expect_stderr_contains(&format!(
            "froze the 2024-25 report: {} files in archive/2024-25/",
            built.len()
        ))
        .expect_stderr_contains("moved the site on to 2025-26:")
        .expect_stderr_contains("the period is now 2025-26: 1 April 2025 to 31 March 2026")
        .expect_stderr_contains(
            "base_url = \"https://www.ashmerehomes.example/complaints/report-2024-25\"",
        );

    // The frozen year is exactly what the 2024-25 build wrote, byte for byte.
    let frozen = without(tree(&t.path("archive/2024-25")), ".redress-archive");
    assert_eq!(names(&frozen), names(&built));
    assert!(frozen == built, "a frozen file differs from the build's");
    assert!(t
        .read("archive/2024-25/.redress-archive")
        .contains("label = \"2024-25\""));

    // Nothing was lost: every file of the site is as it was, or kept as it was in archive/inputs/2024-25/.
    let inputs = tree(&t.path("archive/inputs/2024-25"));
    for (rel, bytes) in &before {
        let now = std::fs::read(t.path(rel)).unwrap();
        let kept = inputs.iter().find(|(p, _)| p == rel).map(|(_, b)| b);
        assert!(
            now == *bytes || kept == Some(bytes),
            "{rel} changed and its original was not kept"
        );
    }
    assert!(
        names(&inputs).contains(&"content/introduction.md")
            && names(&inputs).contains(&"site.toml"),
        "{:?}",
        names(&inputs)
    );

    // The inputs moved on a year.
    let site = toml_file(&t, "site.toml");
    assert_eq!(site["period"]["label"].as_str(), Some("2025-26"));
    assert_eq!(site["period"]["start"].to_string(), "2025-04-01");
    assert_eq!(site["period"]["end"].to_string(), "2026-03-31");
    let perf = toml_file(&t, "data/performance.toml");
    let years = perf["years"].as_array().unwrap();
    let labels: Vec<&str> = years.iter().map(|y| y["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["2023-24", "2024-25", "2025-26"]);
    let new = &years[2];
    assert_eq!(new["lcra"]["stage1"]["received"].as_integer(), Some(0));
    assert_eq!(
        new["lcra"]["homes"].as_integer(),
        Some(10_890),
        "homes is kept as the draft"
    );
    assert_eq!(
        years[1]["lcra"]["stage1"]["received"].as_integer(),
        Some(672),
        "earlier years are kept"
    );
    let ombudsman = toml_file(&t, "data/ombudsman.toml");
    for list in [
        "non_compliance",
        "annual_reports",
        "orders",
        "failure_orders",
    ] {
        assert_eq!(ombudsman[list].as_array().map(Vec::len), Some(0), "{list}");
    }
    assert_eq!(ombudsman["determinations"].as_array().unwrap().len(), 2);
    let improvements = toml_file(&t, "data/improvements.toml");
    assert!(improvements["improvements"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["status"].as_str() != Some("done")));
    for rel in [
        "data/performance.toml",
        "data/self-assessment.toml",
        "data/ombudsman.toml",
        "data/improvements.toml",
    ] {
        assert_eq!(
            toml_file(&t, rel)["carried_over"].as_str(),
            Some("2024-25"),
            "{rel}"
        );
    }
    assert!(t
        .read("content/introduction.md")
        .contains("carried_over = \"2024-25\""));
    assert_eq!(
        t.read("data/past-reports.toml"),
        std::fs::read_to_string(t.path("archive/inputs/2024-25/data/past-reports.toml")).unwrap()
    );

    // `check` names every carried-over file and what to review, and the dates that must be renewed.
    let check = t.run(&["check"]);
    check
        .expect_code(1)
        .expect_stderr_contains("warning: the introduction is 2024-25's")
        .expect_stderr_contains("--> content/introduction.md:2:16")
        .expect_stderr_contains("warning: the figures for 2025-26 are still to be filled in")
        .expect_stderr_contains("warning: the self-assessment is 2024-25's, kept as the draft for 2025-26's review")
        .expect_stderr_contains("replace the approval's date (18 June 2025, the approval of 2024-25's)")
        .expect_stderr_contains("error: the governing body's response is dated 10 July 2025, but the report period only ends on 31 March 2026");

    assert_eq!(
        error_files(&t),
        [
            "content/governing-body-response.md",
            "content/member-responsible-for-complaints.md"
        ]
    );

    // The real 2025-26 inputs, laid over the rolled ones, build the live report with 2024-25 beside it.
    lay_real_inputs(&t);
    t.build().expect_success();
    let header = t.page("index.html");
    assert_eq!(
        text(header.select(&sel(".rd-header__title")).next().unwrap()),
        "Complaints report 2025-26"
    );
    let published = tree(&t.path("public/archive/2024-25"));
    assert!(
        published == frozen,
        "the published 2024-25 report differs from the frozen one"
    );
    assert!(names(&tree(&t.path("public/archive")))
        .iter()
        .all(|p| p.starts_with("2024-25/")));
    let marker = t.read("public/.redress-output");
    assert!(
        marker.lines().any(|l| l == "archive/2024-25/index.html"),
        "{marker}"
    );
    assert!(!marker.contains(".redress-archive"));

    let past = t.page("past-reports.html");
    let rows: Vec<String> = past.select(&sel("main dt")).map(text).collect();
    assert_eq!(rows, ["2025-26", "2024-25", "2023-24"]);
    let links: Vec<(String, String)> = past
        .select(&sel("main dd a"))
        .map(|a| (text(a), a.value().attr("href").unwrap().to_string()))
        .collect();
    assert_eq!(
        links[0],
        ("This report".to_string(), "index.html".to_string())
    );
    assert_eq!(
        links[1],
        (
            "Our 2024-25 report".to_string(),
            "archive/2024-25/index.html".to_string()
        )
    );
    assert_eq!(links[2].1, "reports/ashmere-complaints-report-2024-25.pdf");
    let frozen_home = scraper::Html::parse_document(&t.read("public/archive/2024-25/index.html"));
    assert_eq!(
        text(
            frozen_home
                .select(&sel(".rd-header__title"))
                .next()
                .unwrap()
        ),
        "Complaints report 2024-25"
    );
}

#[test]
fn the_past_reports_page_is_linked_from_every_page_and_lists_pdfs_with_their_size() {
    let t = SiteTest::example();
    t.build().expect_success();
    let home = t.page("index.html");
    assert!(home
        .select(&sel("main a[href='past-reports.html']"))
        .next()
        .is_some());
    assert!(home
        .select(&sel("footer a[href='past-reports.html']"))
        .next()
        .is_some());
    let past = t.page("past-reports.html");
    let items: Vec<String> = past.select(&sel("main dd p")).map(text).collect();
    let size =
        std::fs::metadata(repo().join("static/reports/ashmere-complaints-report-2023-24.pdf"))
            .unwrap()
            .len();
    assert_eq!(
        items[2],
        format!(
            "Complaints performance and service improvement report 2023-24 (PDF, {} bytes)",
            common_count(size)
        )
    );
}

/// 1,020.
fn common_count(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[test]
fn a_misspelt_past_report_file_is_an_error_with_a_suggestion() {
    let t = SiteTest::example();
    t.replace(
        "data/past-reports.toml",
        "ashmere-complaints-report-2023-24.pdf",
        "ashmere-complaints-report-2023-42.pdf",
    );
    t.run(&["check"])
        .expect_code(1)
        .expect_stderr_contains(
            "error: `static/reports/ashmere-complaints-report-2023-42.pdf` does not exist",
        )
        .expect_stderr_contains("did you mean `reports/ashmere-complaints-report-2023-24.pdf`?");
}

#[test]
fn an_archived_year_is_never_frozen_again() {
    let t = SiteTest::fixture("new-year/at-2024-25");
    t.run(&["new-year"]).expect_success();
    // Put the 2024-25 inputs back, as if the roll had been undone by hand.
    for (rel, bytes) in tree(&t.path("archive/inputs/2024-25")) {
        std::fs::write(t.path(&rel), bytes).unwrap();
    }
    let before = site_files(&t);
    t.run(&["new-year"])
        .expect_code(2)
        .expect_stderr_contains("error: 2024-25 is already archived in `archive/2024-25/`")
        .expect_stderr_contains("a frozen year is never replaced");
    assert!(
        site_files(&t) == before,
        "a refused new-year changed the site"
    );
}

#[test]
fn a_folder_redress_did_not_write_is_never_replaced() {
    let t = SiteTest::example();
    t.write("archive/2025-26/index.html", "<p>our own copy</p>");
    let before = site_files(&t);
    t.run(&["new-year"])
        .expect_code(2)
        .expect_stderr_contains("`archive/2025-26/` already exists, and redress did not write it");
    assert!(site_files(&t) == before);
    // And a build does not publish it, saying why.
    t.build()
        .expect_success()
        .expect_stderr_contains("`archive/2025-26/` is not published: redress did not write it");
    assert!(!t.path("public/archive").exists());
}

#[test]
fn a_site_that_does_not_build_is_not_frozen() {
    let t = SiteTest::fixture("new-year/does-not-build");
    let before = site_files(&t);
    t.run(&["new-year"])
        .expect_code(1)
        .expect_stderr_contains("error: 2025-26 lcra tp09: 400 satisfied out of 362 surveyed")
        .expect_stderr_contains("nothing was done: a year is frozen only when its site builds");
    assert!(site_files(&t) == before);
    assert!(!t.path("archive").exists());
}

#[test]
fn a_year_still_carried_over_is_not_frozen() {
    let t = SiteTest::example();
    t.replace(
        "content/analysis.md",
        "+++\n",
        "+++\ncarried_over = \"2024-25\"\n",
    );
    let before = site_files(&t);
    t.run(&["new-year"])
        .expect_code(1)
        .expect_stderr_contains("the 2025-26 report still has text carried over from an earlier year, so it is not ready to be frozen:\n  content/analysis.md (carried over from 2024-25)");
    assert!(site_files(&t) == before);
}

#[test]
fn an_interrupted_run_is_recognised_and_explained() {
    // Stopped while preparing: nothing in the site changed, so the folder can go.
    let t = SiteTest::example();
    t.write(
        "archive/.redress-new-year-2025-26/report/index.html",
        "<p>half</p>",
    );
    let before = site_files(&t);
    t.run(&["new-year"])
        .expect_code(2)
        .expect_stderr_contains("stopped while it was preparing its work in `archive/.redress-new-year-2025-26`; nothing in the site was changed")
        .expect_stderr_contains("help: delete the folder `archive/.redress-new-year-2025-26`");
    assert!(site_files(&t) == before);
    t.build().expect_success().expect_stderr_contains(
        "`archive/.redress-new-year-2025-26` is left from a `redress new-year` that did not finish",
    );

    // Stopped while moving: the moves still to do are listed.
    let t = SiteTest::example();
    let staging = ".redress-new-year-2025-26";
    t.write(&format!("archive/{staging}/rolled/site.toml"), "new");
    t.write(
        &format!("archive/{staging}/report/index.html"),
        "<p>2025-26</p>",
    );
    t.write(
        &format!("archive/{staging}/ready"),
        &format!("moves = [\n  {{ from = \"archive/{staging}/inputs\", to = \"archive/inputs/2025-26\" }},\n  {{ from = \"archive/{staging}/rolled/site.toml\", to = \"site.toml\" }},\n  {{ from = \"archive/{staging}/report\", to = \"archive/2025-26\" }},\n]\n"),
    );
    let before = site_files(&t);
    t.run(&["new-year"])
        .expect_code(2)
        .expect_stderr_contains("stopped while moving its work into place")
        .expect_stderr_contains(&format!("move `archive/{staging}/rolled/site.toml` to `site.toml`\n  move `archive/{staging}/report` to `archive/2025-26`"));
    assert!(site_files(&t) == before);
}

#[test]
fn a_case_log_is_never_copied() {
    // The example's 2025-26 counts come from its complaints log, private/complaints-2025-26.csv, which the build
    // reads; a CSV in data/ that the build does not read is not an input either.
    let t = SiteTest::example();
    let log = t.read("private/complaints-2025-26.csv");
    let first_reference = log
        .lines()
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .to_string();
    let personal = "reference,name,address\nC-1,Jane Example,1 Mill Lane\n";
    t.write("data/complaints-export.csv", personal);
    t.run(&["new-year"])
        .expect_success()
        .expect_stderr_contains("put the export at private/complaints-2026-27.csv");
    for (rel, bytes) in tree(&t.path("archive")) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains(&first_reference) && !text.contains("Jane Example"),
            "archive/{rel} holds a row of a case log"
        );
    }
    assert_eq!(t.read("private/complaints-2025-26.csv"), log);
    assert_eq!(t.read("data/complaints-export.csv"), personal);
    // The new year names the next year's log, which does not exist yet: the one error besides the dates to renew.
    let perf = toml_file(&t, "data/performance.toml");
    let years = perf["years"].as_array().unwrap();
    assert_eq!(
        years.last().unwrap()["cases"].as_str(),
        Some("private/complaints-2026-27.csv")
    );
    t.run(&["check"]).expect_stderr_contains(
        "error: the complaints log `private/complaints-2026-27.csv` cannot be found",
    );
}

#[test]
fn a_lost_file_of_a_frozen_year_stops_the_build() {
    let t = SiteTest::fixture("new-year/at-2024-25");
    t.run(&["new-year"]).expect_success();
    lay_real_inputs(&t);
    std::fs::remove_file(t.path("archive/2024-25/performance.html")).unwrap();
    t.build().expect_code(1).expect_stderr_contains(
        "error: the frozen 2024-25 report in `archive/2024-25/` has lost a file: performance.html",
    );
}

#[test]
fn the_help_teaches_with_examples() {
    let t = SiteTest::example();
    let run = t.run(&["new-year", "--help"]);
    run.expect_success();
    for needle in [
        "Freeze this year's report into archive/ and start the next year",
        "archive/inputs/<year>/",
        "carried_over",
        "redress new-year --root my-report",
        "Exit status: 0",
    ] {
        assert!(
            run.stdout.contains(needle),
            "--help lacks {needle:?}:\n{}",
            run.stdout
        );
    }
}

#[test]
fn a_site_reporting_combined_figures_rolls_forward_in_its_own_shape() {
    let t = SiteTest::fixture("sites/small-landlord");
    t.run(&["new-year"]).expect_success();
    let perf = toml_file(&t, "data/performance.toml");
    let years = perf["years"].as_array().unwrap();
    let (last, new) = (&years[years.len() - 2], &years[years.len() - 1]);
    assert_eq!(new["label"].as_str(), Some("2026-27"));
    assert_eq!(new["homes"].as_integer(), last["homes"].as_integer());
    assert!(new.get("lcra").is_none() && new.get("lcho").is_none());
    assert_eq!(new["stage1"]["received"].as_integer(), Some(0));
    assert_eq!(new["stage2"]["responded"].as_integer(), Some(0));
    // The new year's zeros are valid counts: the only errors left are the statements' dates, which must be renewed.
    t.run(&["check"])
        .expect_stderr_contains("warning: the figures for 2026-27 are still to be filled in");
    assert_eq!(
        error_files(&t),
        [
            "content/governing-body-response.md",
            "content/member-responsible-for-complaints.md"
        ]
    );
}

/// The files `redress check` finds errors in, in its order.
fn error_files(t: &SiteTest) -> Vec<String> {
    let run = t.run(&["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| d["file"].as_str().unwrap_or("").to_string())
        .collect()
}
