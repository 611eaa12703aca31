//! `redress build` over the example site and deliberately broken copies of it: what a reader gets, and what a
//! user is told when the input is wrong.

mod common;

use common::{one_decimal, sel, text, tree, SiteTest};

const PAGES: [&str; 14] = [
    "index.html",
    "performance.html",
    "self-assessment.html",
    "learning.html",
    "ombudsman.html",
    "governing-body-response.html",
    "report.html",
    "data.html",
    "complaints.html",
    "accessibility.html",
    "about-this-report.html",
    "submission.html",
    "past-reports.html",
    "pages.html",
];

fn performance(t: &SiteTest) -> toml::Table {
    t.performance()
}

fn year(perf: &toml::Table, i: isize) -> &toml::Table {
    let years = perf["years"].as_array().unwrap();
    let i = if i < 0 { years.len() as isize + i } else { i } as usize;
    years[i].as_table().unwrap()
}

fn count(t: &toml::Table, path: &[&str]) -> u64 {
    let mut v = t.get(path[0]).unwrap();
    for p in &path[1..] {
        v = v.get(p).unwrap();
    }
    v.as_integer().unwrap() as u64
}

/// The cell in the row headed `row` and the column headed `column` of the table with caption id `id`.
fn cell(html: &scraper::Html, id: &str, row: &str, column: &str) -> String {
    let table = html
        .select(&sel(&format!("#{id} table")))
        .next()
        .unwrap_or_else(|| panic!("no table #{id}"));
    let heads: Vec<String> = table.select(&sel("thead th")).map(text).collect();
    let col = heads
        .iter()
        .position(|h| h == column)
        .unwrap_or_else(|| panic!("no column {column:?} in {heads:?}"));
    for tr in table.select(&sel("tbody tr")) {
        let cells: Vec<String> = tr.select(&sel("th, td")).map(text).collect();
        if cells[0] == row {
            return cells[col].clone();
        }
    }
    panic!("no row {row:?} in #{id}");
}

#[test]
fn example_site_builds_every_page() {
    let t = SiteTest::example();
    t.build()
        .expect_success()
        .expect_stderr_contains("built 14 pages");
    for page in PAGES {
        let html = t.page(page);
        assert_eq!(
            html.select(&sel("h1")).count(),
            1,
            "{page} should have one h1"
        );
        assert_eq!(
            html.select(&sel("main#main")).count(),
            1,
            "{page} should have a main landmark"
        );
        let route = html
            .select(&sel("aside.rd-complaint-route"))
            .next()
            .unwrap_or_else(|| panic!("{page} lacks the complaint route"));
        assert!(
            text(route).contains("0300 555 0142"),
            "{page}: complaint route lacks the phone number"
        );
    }
}

#[test]
fn self_assessment_table_has_72_rows_with_row_headers_and_the_codes_words() {
    let t = SiteTest::example();
    t.build().expect_success();
    let html = t.page("self-assessment.html");
    let rows: Vec<_> = html.select(&sel("tr.rd-provision")).collect();
    assert_eq!(rows.len(), 72);
    let data: toml::Table = toml::from_str(&t.read("data/self-assessment.toml")).unwrap();
    let answers: std::collections::HashMap<String, String> = data["provisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["number"].as_str().unwrap().to_string(),
                p["comply"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for row in &rows {
        let th = row
            .select(&sel("th[scope=row]"))
            .next()
            .expect("each provision row has a row header");
        let number = text(th).split_whitespace().next().unwrap().to_string();
        assert_eq!(
            row.value().attr("id").unwrap(),
            format!("provision-{}", number.replace('.', "-"))
        );
        let tag = text(row.select(&sel(".rd-tag")).next().unwrap());
        let expected = match answers[&number].as_str() {
            "yes" => "Yes",
            "no" => "No",
            other => panic!("unexpected answer {other}"),
        };
        assert_eq!(tag, expected, "answer shown for {number}");
    }
    // The requirement comes from the built-in Code text, not the site's data.
    let req = text(
        html.select(&sel("#provision-1-2 .rd-provision__requirement"))
            .next()
            .unwrap(),
    );
    assert!(req.starts_with("A complaint must be defined as"), "{req}");
    // Grouped by section, each with a heading.
    assert_eq!(html.select(&sel("section.rd-sa-section h2")).count(), 9);
}

#[test]
fn ch01_and_ch02_figures_equal_those_computed_from_the_counts() {
    let t = SiteTest::example();
    t.build().expect_success();
    let perf = performance(&t);
    let html = t.page("performance.html");
    for i in 0..3 {
        let y = year(&perf, i);
        let label = y["label"].as_str().unwrap();
        for tenure in ["lcra", "lcho"] {
            let homes = count(y, &[tenure, "homes"]);
            let short = tenure.to_uppercase();
            for (stage, name) in [("stage1", "stage 1"), ("stage2", "stage 2")] {
                let column = format!("{short} {name}");
                let want = one_decimal(count(y, &[tenure, stage, "received"]), homes, 1000);
                assert_eq!(
                    cell(&html, "ch01_trend", label, &column),
                    want,
                    "CH01 {label} {column}"
                );
                let want = one_decimal(
                    count(y, &[tenure, stage, "within_timescale"]),
                    count(y, &[tenure, stage, "responded"]),
                    100,
                );
                assert_eq!(
                    cell(&html, "ch02_trend", label, &column),
                    format!("{want}%"),
                    "CH02 {label} {column}"
                );
            }
        }
    }
    // The report year's tables show each tenure's counts beside its figure, and the combined figure as an extra
    // row computed from both tenures' counts.
    let y = year(&perf, -1);
    let both = |path: &[&str]| {
        let mut with = vec!["lcra"];
        with.extend_from_slice(path);
        let mut with_lcho = vec!["lcho"];
        with_lcho.extend_from_slice(path);
        count(y, &with) + count(y, &with_lcho)
    };
    let combined = "All low-cost homes (combined, for comparison)";
    assert_eq!(
        cell(&html, "ch01", combined, "Stage 1 per 1,000 homes"),
        one_decimal(both(&["stage1", "received"]), both(&["homes"]), 1000)
    );
    assert_eq!(
        cell(&html, "ch01", "Low-cost rental (LCRA)", "Homes owned"),
        count(y, &["lcra", "homes"])
            .to_string()
            .chars()
            .rev()
            .collect::<Vec<_>>()
            .chunks(3)
            .map(|c| c.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join(",")
            .chars()
            .rev()
            .collect::<String>()
    );
    assert_eq!(
        cell(&html, "ch02", combined, "Stage 2 within timescale"),
        format!(
            "{}%",
            one_decimal(
                both(&["stage2", "within_timescale"]),
                both(&["stage2", "responded"]),
                100
            )
        )
    );
}

#[test]
fn downloads_carry_each_figures_numerator_and_denominator() {
    let t = SiteTest::example();
    t.build().expect_success();
    let perf = performance(&t);
    let last = year(&perf, -1);
    let csv = t.read("public/data/ch02_trend.csv");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "year,lcra_stage1,lcra_stage1_numerator,lcra_stage1_denominator,lcho_stage1,lcho_stage1_numerator,lcho_stage1_denominator,lcra_stage2,lcra_stage2_numerator,lcra_stage2_denominator,lcho_stage2,lcho_stage2_numerator,lcho_stage2_denominator"
    );
    let row = csv
        .lines()
        .find(|l| l.starts_with(last["label"].as_str().unwrap()))
        .unwrap();
    let fields: Vec<&str> = row.split(',').collect();
    assert_eq!(
        fields[2].parse::<u64>().unwrap(),
        count(last, &["lcra", "stage1", "within_timescale"])
    );
    assert_eq!(
        fields[3].parse::<u64>().unwrap(),
        count(last, &["lcra", "stage1", "responded"])
    );
    let json: serde_json::Value = serde_json::from_str(&t.read("public/data/ch01.json")).unwrap();
    let rows = json["rows"].as_array().unwrap();
    let lcho = rows
        .iter()
        .find(|r| r["tenure"] == "Low-cost home ownership (LCHO)")
        .unwrap();
    assert_eq!(
        lcho["stage1_ch01"]["numerator"].as_u64().unwrap(),
        count(last, &["lcho", "stage1", "received"])
    );
    assert_eq!(
        lcho["stage1_ch01"]["denominator"].as_u64().unwrap(),
        count(last, &["lcho", "homes"])
    );
    // A weighted TP09 keeps its counts beside the published figure.
    let tp09: serde_json::Value = serde_json::from_str(&t.read("public/data/tp09.json")).unwrap();
    let r = tp09["rows"].as_array().unwrap().last().unwrap();
    assert_eq!(
        r["lcra"]["value"].as_f64().unwrap().to_string(),
        last["lcra"]["tp09"]["published"]
            .as_float()
            .unwrap()
            .to_string()
    );
    assert_eq!(
        r["lcra"]["numerator"].as_u64().unwrap(),
        count(last, &["lcra", "tp09", "satisfied"])
    );
}

#[test]
fn every_table_has_a_caption_scoped_headers_and_download_links_that_exist() {
    let t = SiteTest::example();
    t.build().expect_success();
    for page in PAGES {
        let html = t.page(page);
        for table in html.select(&sel("table")) {
            assert!(
                table.select(&sel("caption")).next().is_some(),
                "{page}: a table without a caption"
            );
            for th in table.select(&sel("th")) {
                assert!(
                    th.value().attr("scope").is_some(),
                    "{page}: a th without scope"
                );
            }
        }
        for fig in html.select(&sel("section.rd-figure")) {
            let links: Vec<&str> = fig
                .select(&sel(".rd-downloads a"))
                .filter_map(|a| a.value().attr("href"))
                .collect();
            assert_eq!(
                links.len(),
                2,
                "{page}: a table without its CSV and JSON links"
            );
            for l in links {
                assert!(
                    t.path(&format!("public/{l}")).is_file(),
                    "{page}: {l} does not exist"
                );
            }
        }
    }
}

#[test]
fn links_are_relative_and_every_internal_link_and_anchor_resolves() {
    let t = SiteTest::example();
    t.build().expect_success();
    for page in PAGES {
        let html = t.page(page);
        for el in html.select(&sel("[href], [src]")) {
            let link = el.value().attr("href").or(el.value().attr("src")).unwrap();
            if link.starts_with("http://")
                || link.starts_with("https://")
                || link.starts_with("mailto:")
                || link.starts_with("tel:")
            {
                continue;
            }
            assert!(
                !link.starts_with('/'),
                "{page}: root-relative link {link} breaks in sub-folders and file://"
            );
            let (file, anchor) = link.split_once('#').unwrap_or((link, ""));
            let target = if file.is_empty() { page } else { file };
            assert!(
                t.path(&format!("public/{target}")).is_file(),
                "{page}: {link} leads nowhere"
            );
            if !anchor.is_empty() && target.ends_with(".html") {
                let doc = t.page(target);
                assert!(
                    doc.select(&sel(&format!("[id=\"{anchor}\"]")))
                        .next()
                        .is_some(),
                    "{page}: no #{anchor} in {target}"
                );
            }
        }
    }
}

#[test]
fn same_inputs_give_byte_identical_output() {
    let t = SiteTest::example();
    t.build().expect_success();
    let first = tree(&t.path("public"));
    t.run(&["build", "--output", "second"]).expect_success();
    assert_eq!(first, tree(&t.path("second")));
}

#[test]
fn broken_toml_names_file_line_and_column() {
    let t = SiteTest::example();
    t.replace("data/performance.toml", "homes = 11", "homes = = 11");
    let run = t.build();
    run.expect_code(1);
    let line = t
        .read("data/performance.toml")
        .lines()
        .position(|l| l.contains("homes = = 11"))
        .unwrap()
        + 1;
    run.expect_stderr_contains(&format!("--> data/performance.toml:{line}:"));
    run.expect_stderr_contains("not valid TOML");
}

#[test]
fn all_errors_of_a_build_are_reported_at_once() {
    let t = SiteTest::example();
    t.replace("data/performance.toml", "homes =", "hommes =")
        .replace("site.toml", "[contact]", "colour = 1\n[contact]")
        .replace(
            "data/self-assessment.toml",
            "number = \"9.8\"",
            "number = \"9.9\"",
        )
        .replace(
            "data/improvements.toml",
            "status = \"done\"",
            "status = \"finished\"",
        );
    let run = t.build();
    run.expect_code(1)
        .expect_stderr_contains("unknown key `hommes`")
        .expect_stderr_contains("did you mean `homes`?")
        .expect_stderr_contains("--> site.toml:")
        .expect_stderr_contains("`9.9` is not a provision")
        .expect_stderr_contains("`finished` is not an improvement status")
        .expect_stderr_contains("errors in 4 files");
}

#[test]
fn arithmetic_that_cannot_be_is_an_error_at_the_number() {
    let t = SiteTest::example();
    let perf = t.read("data/performance.toml");
    // The last year typed in (the report year's counts come from its complaints log).
    let s1 = year(&performance(&t), -2)["lcra"]["stage1"]
        .as_table()
        .unwrap()
        .clone();
    let responded = s1["responded"].as_integer().unwrap();
    let old = format!(
        "within_timescale = {}",
        s1["within_timescale"].as_integer().unwrap()
    );
    let new = format!("within_timescale = {}", responded + 5);
    // That year's LCRA stage 1: the first match after the last such table header.
    let start = perf.rfind("[years.lcra.stage1]").unwrap();
    let at = start
        + perf[start..]
            .find(&old)
            .expect("report year's within_timescale");
    let changed = format!("{}{}{}", &perf[..at], new, &perf[at + old.len()..]);
    t.write("data/performance.toml", &changed);
    let line = changed[..at].matches('\n').count() + 1;
    t.build()
        .expect_code(1)
        .expect_stderr_contains(&format!("--> data/performance.toml:{line}:20"))
        .expect_stderr_contains("more than responded");
}

#[test]
fn a_failed_build_leaves_the_previous_output_as_it_was() {
    let t = SiteTest::example();
    t.build().expect_success();
    let before = tree(&t.path("public"));
    t.replace(
        "data/self-assessment.toml",
        "comply = \"yes\"",
        "comply = \"perhaps\"",
    );
    t.build()
        .expect_code(1)
        .expect_stderr_contains("previous output (if any) is unchanged");
    assert_eq!(before, tree(&t.path("public")));
    let leftovers: Vec<_> = std::fs::read_dir(t.root())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("redress-"))
        .collect();
    assert!(leftovers.is_empty(), "staging folders left behind");
}

#[test]
fn a_foreign_folder_at_the_output_path_survives() {
    let t = SiteTest::example();
    t.write("public/notes.txt", "mine");
    t.build()
        .expect_code(2)
        .expect_stderr_contains("refusing to replace");
    assert_eq!(t.read("public/notes.txt"), "mine");
    assert!(!t.path("public/index.html").exists());
}

/// A rebuild links the files that did not change from the output it replaces (no new file: BENCHMARKS.md) and
/// writes the rest; what a reader gets is the same as a build into an empty folder.
#[cfg(unix)]
#[test]
fn a_rebuild_keeps_unchanged_files_and_writes_changed_and_hand_edited_ones() {
    use std::os::unix::fs::MetadataExt as _;
    let t = SiteTest::example();
    t.build().expect_success();
    let inode = |rel: &str| std::fs::metadata(t.path(rel)).unwrap().ino();
    let before: Vec<u64> = [
        "public/self-assessment.html",
        "public/index.html",
        "public/learning.html",
    ]
    .iter()
    .map(|p| inode(p))
    .collect();
    // A change that reaches the home page (the introduction) but not the self-assessment, and a page edited by
    // hand in the output.
    t.replace(
        "content/introduction.md",
        "Thank you to everyone",
        "Thank you, warmly, to everyone",
    );
    t.write("public/learning.html", "edited by hand");
    t.build().expect_success();
    assert_eq!(
        inode("public/self-assessment.html"),
        before[0],
        "unchanged: linked"
    );
    assert_ne!(inode("public/index.html"), before[1], "changed: written");
    assert_ne!(
        inode("public/learning.html"),
        before[2],
        "edited by hand: written"
    );
    assert!(t
        .read("public/index.html")
        .contains("Thank you, warmly, to everyone"));
    assert!(t.read("public/learning.html").contains("<main"));
    // The same bytes as a build into a new folder.
    t.run(&["build", "--output", "fresh"]).expect_success();
    assert_eq!(tree(&t.path("public")), tree(&t.path("fresh")));
}

#[test]
fn a_file_added_to_redress_output_by_hand_is_never_deleted() {
    let t = SiteTest::example();
    t.build().expect_success();
    t.write("public/CNAME", "report.example.org");
    t.build()
        .expect_code(2)
        .expect_stderr_contains("CNAME")
        .expect_stderr_contains("static/");
    assert_eq!(t.read("public/CNAME"), "report.example.org");
    // Put in static/, it is published with every build.
    std::fs::remove_file(t.path("public/CNAME")).unwrap();
    t.write("static/CNAME", "report.example.org");
    t.build().expect_success();
    assert_eq!(t.read("public/CNAME"), "report.example.org");
}

#[test]
fn an_empty_part_says_so_in_words_and_an_absent_one_names_the_provision() {
    let t = SiteTest::example();
    t.build().expect_success();
    let html = t.page("ombudsman.html");
    let insets: Vec<String> = html.select(&sel(".rd-inset")).map(text).collect();
    assert!(
        insets
            .iter()
            .any(|s| s.contains("made no findings that we did not comply")),
        "{insets:?}"
    );
    t.replace("data/ombudsman.toml", "non_compliance = []", "");
    t.build()
        .expect_code(1)
        .expect_stderr_contains("Code 8.1(c)");
    let t = SiteTest::example();
    t.remove("content/governing-body-response.md");
    t.build().expect_code(1).expect_stderr_contains("Code 8.2");
}

#[test]
fn missing_duplicate_and_unknown_provisions_are_errors() {
    let t = SiteTest::example();
    t.replace(
        "data/self-assessment.toml",
        "number = \"4.1\"",
        "number = \"4.2\"",
    );
    t.build()
        .expect_code(1)
        .expect_stderr_contains("provision 4.2 is answered twice");
    let t = SiteTest::example();
    t.replace(
        "data/self-assessment.toml",
        "number = \"1.2\"",
        "number = \"1.1\"",
    );
    t.build()
        .expect_code(1)
        .expect_stderr_contains("provision 1.1 is not on the self-assessment form");
    let t = SiteTest::example();
    let text = t.read("data/self-assessment.toml");
    let start = text
        .find("[[provisions]]\nnumber = \"7.4\"")
        .expect("7.4 entry");
    let end = start + text[start + 1..].find("[[provisions]]").unwrap() + 1;
    t.write(
        "data/self-assessment.toml",
        &format!("{}{}", &text[..start], &text[end..]),
    );
    t.build()
        .expect_code(1)
        .expect_stderr_contains("1 of the Code's 72 provisions is not answered: 7.4");
}

#[test]
fn the_csv_self_assessment_builds_the_same_page() {
    let t = SiteTest::example();
    let data: toml::Table = toml::from_str(&t.read("data/self-assessment.toml")).unwrap();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "number",
        "comply",
        "evidence",
        "commentary",
        "explanation",
        "action",
        "owner",
        "due",
        "status",
    ])
    .unwrap();
    for p in data["provisions"].as_array().unwrap() {
        let s = |k: &str| p.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
        let first = p
            .get("actions")
            .and_then(|a| a.as_array())
            .and_then(|a| a.first())
            .cloned();
        let a = |k: &str| {
            first
                .as_ref()
                .and_then(|f| f.get(k))
                .map(|v| v.to_string().trim_matches('"').to_string())
                .unwrap_or_default()
        };
        w.write_record([
            s("number"),
            s("comply"),
            s("evidence"),
            s("commentary"),
            s("explanation"),
            a("action"),
            a("owner"),
            a("due"),
            a("status"),
        ])
        .unwrap();
    }
    t.write(
        "data/self-assessment.csv",
        &String::from_utf8(w.into_inner().unwrap()).unwrap(),
    );
    t.remove("data/self-assessment.toml");
    // Beside the CSV form, the governing body's approval has a small file of its own.
    t.build()
        .expect_code(1)
        .expect_stderr_contains("`data/approval.toml` is missing");
    t.write(
        "data/approval.toml",
        "body = \"Board\"\ndate = 2026-06-18\nreason = \"annual\"\n",
    );
    t.build().expect_success();
    let html = t.page("self-assessment.html");
    assert_eq!(
        html.select(&sel("tr.rd-provision th[scope=row]")).count(),
        72
    );
    assert_eq!(
        html.select(&sel("tr.rd-provision[data-answer=no]")).count(),
        6
    );
}

#[test]
fn a_bad_csv_cell_names_its_line() {
    let t = SiteTest::example();
    t.remove("data/self-assessment.toml");
    t.write(
        "data/self-assessment.csv",
        "number,comply,evidence\n1.2,yes,Policy\n1.3,maybe,Policy\n",
    );
    t.build()
        .expect_code(1)
        .expect_stderr_contains("--> data/self-assessment.csv:3:5")
        .expect_stderr_contains("`maybe`");
}

#[test]
fn raw_html_in_markdown_is_dropped_unless_the_site_opts_in() {
    let t = SiteTest::example();
    t.write(
        "content/introduction.md",
        "+++\ntitle = \"Introduction\"\n+++\nHello <script>alert(1)</script> **world**\n",
    );
    t.build().expect_success();
    let index = t.read("public/index.html");
    assert!(!index.contains("<script>alert(1)</script>"));
    assert!(index.contains("<strong>world</strong>"));
}

#[cfg(unix)]
#[test]
fn a_symlink_cannot_lead_out_of_the_site() {
    let t = SiteTest::example();
    let outside = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(outside.path(), t.read("data/ombudsman.toml")).unwrap();
    t.remove("data/ombudsman.toml");
    std::os::unix::fs::symlink(outside.path(), t.path("data/ombudsman.toml")).unwrap();
    t.build()
        .expect_code(1)
        .expect_stderr_contains("outside the site folder");
}

#[test]
fn a_light_brand_colour_is_adjusted_for_links_and_says_so() {
    let t = SiteTest::example();
    let site = t.read("site.toml");
    let line = site
        .lines()
        .find(|l| l.starts_with("brand_colour"))
        .unwrap()
        .to_string();
    t.replace("site.toml", &line, "brand_colour = \"#f4a261\"");
    t.build()
        .expect_success()
        .expect_stderr_contains("too light for links");
    let css = t.read("public/assets/settings.css");
    assert!(css.contains("--rd-brand: #f4a261;"));
    assert!(!css.contains("--rd-link: #f4a261;"));
}

#[test]
fn init_writes_a_site_that_builds_and_never_overwrites() {
    let t = SiteTest::example();
    t.run(&["init", "new-site"]).expect_success();
    t.run(&["build", "--root", "new-site"]).expect_success();
    assert!(t.path("new-site/public/index.html").is_file());
    t.write("new-site/site.toml", "# mine\n");
    t.run(&["init", "new-site"])
        .expect_code(2)
        .expect_stderr_contains("refusing to overwrite");
    assert_eq!(t.read("new-site/site.toml"), "# mine\n");
}

#[test]
fn help_teaches_with_examples() {
    let t = SiteTest::example();
    for cmd in ["build", "init"] {
        let run = t.run(&[cmd, "--help"]);
        run.expect_success();
        assert!(
            run.stdout.contains("Examples:"),
            "{cmd} --help has no examples:\n{}",
            run.stdout
        );
    }
    let run = t.run(&["--help"]);
    assert!(run.stdout.contains("Exit status"));
}

#[test]
fn a_year_with_no_complaints_says_so_in_words_and_divides_by_nothing() {
    let t = SiteTest::fixture("sites/zero-complaints");
    t.build().expect_success();
    let perf = t.page("performance.html");
    assert_eq!(
        cell(&perf, "ch02", "All homes", "Stage 1 within timescale"),
        "n/a"
    );
    assert_eq!(
        cell(&perf, "ch01", "All homes", "Stage 1 per 1,000 homes"),
        "0.0"
    );
    let insets: Vec<String> = perf.select(&sel(".rd-inset")).map(text).collect();
    assert!(
        insets
            .iter()
            .any(|s| s.contains("accepted every complaint")),
        "{insets:?}"
    );
    let learning = t.page("learning.html");
    assert!(text(learning.select(&sel(".rd-inset")).next().unwrap())
        .contains("did not make any service improvements"));
    let ombudsman = t.page("ombudsman.html");
    assert_eq!(
        ombudsman.select(&sel("#determinations")).count(),
        0,
        "no empty determinations table"
    );
    assert!(ombudsman.select(&sel(".rd-inset")).count() >= 5);
    // The download says "no figure", not 0.
    assert!(t
        .read("public/data/ch02_trend.csv")
        .contains("2025-26,,0,0,,0,0"));
}

#[test]
fn a_site_with_many_faults_shows_them_all_in_one_run() {
    let t = SiteTest::fixture("sites/many-faults");
    let run = t.build();
    run.expect_code(1)
        .expect_stderr_contains("2024-25 stage1: within_timescale is 128, more than responded (30)")
        .expect_stderr_contains(
            "warning: 2025-26: 300 stage 2 complaints received, more than the 29 stage 1 responses sent in the year",
        )
        .expect_stderr_contains("2025-26 has no `categories`: Code 8.1(b)")
        .expect_stderr_contains("`data/improvements.toml` is missing")
        .expect_stderr_contains("the governing body's response has no date (Code 8.2)")
        .expect_stderr_contains("4 errors and 1 warning in 2 files");
}

#[test]
fn a_small_landlord_reports_combined_figures() {
    let t = SiteTest::fixture("sites/small-landlord");
    t.build().expect_success();
    let perf = t.page("performance.html");
    let data = performance(&t);
    let y = year(&data, -1);
    assert_eq!(
        cell(&perf, "ch01", "All homes", "Stage 1 per 1,000 homes"),
        one_decimal(
            count(y, &["stage1", "received"]),
            count(y, &["homes"]),
            1000
        )
    );
    // No tenure split anywhere: one row, one column per stage.
    assert_eq!(perf.select(&sel("#ch01 tbody tr")).count(), 1);
    let heads: Vec<String> = perf
        .select(&sel("#ch01_trend thead th"))
        .map(text)
        .collect();
    assert_eq!(heads, ["Year", "Stage 1", "Stage 2"]);
    assert!(!text(perf.select(&sel("main")).next().unwrap()).contains("LCRA"));
    // An unweighted TP09 is satisfied ÷ surveyed.
    assert_eq!(
        cell(&perf, "tp09", "2025-26", "Satisfied"),
        format!(
            "{}%",
            one_decimal(
                count(y, &["tp09", "satisfied"]),
                count(y, &["tp09", "surveyed"]),
                100
            )
        )
    );
}

#[test]
fn the_submission_sheet_gives_every_answer_the_approval_and_full_addresses() {
    let t = SiteTest::example();
    t.build().expect_success();
    let html = t.page("submission.html");
    let data: toml::Table = toml::from_str(&t.read("data/self-assessment.toml")).unwrap();
    let provisions = data["provisions"].as_array().unwrap();
    assert_eq!(
        html.select(&sel("#submission_answers tbody tr")).count(),
        provisions.len()
    );
    for p in provisions {
        let number = p["number"].as_str().unwrap();
        let want = match p["comply"].as_str().unwrap() {
            "yes" => "Yes",
            _ => "No",
        };
        assert_eq!(
            cell(&html, "submission_answers", number, "Do we comply?"),
            want,
            "{number}"
        );
    }
    let approval = data["approval"].as_table().unwrap();
    assert_eq!(
        cell(
            &html,
            "submission",
            "Self-assessment approved by",
            "Our answer"
        ),
        approval["body"].as_str().unwrap()
    );
    assert_eq!(
        cell(&html, "submission", "Date approved", "Our answer"),
        "18 June 2026"
    );
    let site: toml::Table = toml::from_str(&t.read("site.toml")).unwrap();
    let base = site["base_url"].as_str().unwrap();
    assert_eq!(
        cell(
            &html,
            "submission",
            "The governing body's response: full address",
            "Our answer"
        ),
        format!("{base}/governing-body-response.html")
    );
    assert_eq!(
        cell(&html, "submission", "Submit by", "Our answer"),
        "30 September 2026"
    );
    assert!(t.read("public/data/submission_answers.csv").lines().count() == provisions.len() + 1);
    // Without a public address the sheet says so rather than print a relative one, and check warns.
    t.replace("site.toml", &format!("base_url = \"{base}\""), "");
    t.build()
        .expect_success()
        .expect_stderr_contains("site.toml has no base_url");
    let html = t.page("submission.html");
    assert_eq!(
        cell(
            &html,
            "submission",
            "The self-assessment: full address",
            "Our answer"
        ),
        "not known: site.toml has no base_url"
    );
}
