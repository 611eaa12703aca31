//! A build makes its pages, charts, downloads and files in parallel; what it writes and what it says must not depend
//! on how many threads did the work or in which order they finished. Each test runs the real binary several times,
//! on one thread and on several (`RAYON_NUM_THREADS`), and compares every byte.

mod common;

use common::{tree, SiteTest};

/// The thread counts each test runs with: one thread (the order a single loop would take), the machine's own
/// default, and more threads than pages in some stages.
const THREADS: [&str; 4] = ["1", "2", "3", "8"];

/// The example site with `n` extra pages, some part of the report and some in two groups, each with links, a
/// table and a list, so every stage has several pages' worth of work to share out.
fn many_pages(n: usize) -> SiteTest {
    let t = SiteTest::example();
    for i in 1..=n {
        let group = match i % 3 {
            0 => "",
            1 => "group = \"Case studies\"\n",
            _ => "group = \"News\"\n",
        };
        t.write(
            &format!("content/page-{i:03}.md"),
            &format!(
                "+++\ntitle = \"Page {i}\"\n{group}+++\n## Part {i}\n\nSee [the performance page](performance.html#ch01) and [page 1](page-001.html).\n\n| a | b |\n|---|---:|\n| {i} | {} |\n\n- one\n- two\n",
                i * 7
            ),
        );
    }
    t
}

#[test]
fn the_output_is_byte_identical_run_to_run_on_any_number_of_threads() {
    let t = many_pages(45);
    let mut first: Option<Vec<(String, Vec<u8>)>> = None;
    for (run, threads) in THREADS.iter().chain(THREADS.iter()).enumerate() {
        let out = format!("out-{run}");
        t.run_with(
            &[("RAYON_NUM_THREADS", threads)],
            &["build", "--output", &out],
        )
        .expect_success()
        .expect_stderr_contains("built 59 pages");
        let files = tree(&t.path(&out));
        match &first {
            None => first = Some(files),
            Some(expected) => {
                assert_eq!(files.len(), expected.len(), "run {run} ({threads} threads)");
                for ((path, bytes), (want_path, want)) in files.iter().zip(expected) {
                    assert_eq!(path, want_path, "run {run} ({threads} threads)");
                    assert!(
                        bytes == want,
                        "{path} differs in run {run} ({threads} threads)"
                    );
                }
            }
        }
    }
}

#[test]
fn the_diagnostics_are_the_same_and_in_the_same_order_on_any_number_of_threads() {
    let t = many_pages(30);
    // Faults found in the parallel stages: broken links and anchors on many pages (the link check reads pages in
    // parallel), and a link to another site on every page (placed in its file in parallel).
    for i in [3, 11, 17, 26] {
        t.replace(
            &format!("content/page-{i:03}.md"),
            "(page-001.html)",
            &format!("(page-{}.html) and [a part](report.html#part-nowhere-{i}) and [us](https://www.example.org/{i})", 900 + i),
        );
    }
    let runs: Vec<String> = THREADS
        .iter()
        .chain(THREADS.iter())
        .map(|threads| {
            let run = t.run_with(&[("RAYON_NUM_THREADS", threads)], &["check"]);
            run.expect_code(1);
            run.stderr
        })
        .collect();
    assert!(runs[0].contains("8 errors in 4 files"), "{}", runs[0]);
    for (i, stderr) in runs.iter().enumerate() {
        assert!(
            stderr == &runs[0],
            "run {i} differs:\n{stderr}\n--- first run:\n{}",
            runs[0]
        );
    }
}

#[test]
fn a_template_that_fails_on_every_page_is_reported_once_on_any_number_of_threads() {
    let t = many_pages(20);
    t.write(
        "themes/default/components/complaint-route/complaint-route.html",
        "{% macro complaint_route(landlord, contact, root) %}<aside>{{ contact.nowhere | upper }}</aside>{% endmacro complaint_route %}\n",
    );
    let runs: Vec<String> = THREADS
        .iter()
        .map(|threads| {
            let run = t.run_with(&[("RAYON_NUM_THREADS", threads)], &["build"]);
            run.expect_code(1);
            run.stderr
        })
        .collect();
    assert_eq!(runs[0].matches("error:").count(), 1, "{}", runs[0]);
    assert!(runs.iter().all(|r| r == &runs[0]), "{runs:#?}");
}
