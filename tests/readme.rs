//! The README's examples are real: each is produced again here and compared.

mod common;

use common::{repo, SiteTest};

/// The fenced block that follows `marker` in the README.
fn block_after(marker: &str) -> String {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let at = readme
        .find(marker)
        .unwrap_or_else(|| panic!("README lacks {marker:?}"));
    let rest = &readme[at..];
    let start = rest.find("```text\n").unwrap() + "```text\n".len();
    let end = rest[start..].find("```\n").unwrap() + start;
    rest[start..end].to_string()
}

#[test]
fn the_error_example_is_what_build_prints() {
    let t = SiteTest::example();
    let perf = t.read("data/performance.toml");
    t.write(
        "data/performance.toml",
        &perf.replacen("homes = ", "hommes = ", 1),
    );
    t.replace(
        "data/self-assessment.toml",
        "number = \"9.8\"",
        "number = \"9.9\"",
    );
    let run = t.build();
    run.expect_code(1);
    assert_eq!(run.stderr, block_after("When something is wrong"));
}
