//! `redress build` over several site folders in one run: each site built into its own output, exactly as it would be
//! alone, its problems listed under its name in the order the sites were given, and the worst site's exit status.

mod common;

use common::{tree, SiteTest};

/// A folder holding the sites `names` under `landlords/`, each the example site as `redress init` writes it.
fn group(names: &[&str]) -> SiteTest {
    let t = SiteTest::example();
    for name in names {
        t.run(&["init", &format!("landlords/{name}")])
            .expect_success();
    }
    t
}

/// The standard error with each "in N ms" made "in _ ms", the one part that changes from run to run.
fn without_timings(stderr: &str) -> String {
    let mut out = String::new();
    for line in stderr.lines() {
        let mut words: Vec<&str> = line.split(' ').collect();
        for i in 1..words.len() {
            if words[i].starts_with("ms") && words[i - 1].chars().all(|c| c.is_ascii_digit()) {
                words[i - 1] = "_";
            }
        }
        out.push_str(&words.join(" "));
        out.push('\n');
    }
    out
}

#[test]
fn each_site_is_built_into_its_own_output_byte_for_byte_as_it_would_be_alone() {
    let t = group(&["a", "b"]);
    t.replace(
        "landlords/b/site.toml",
        "name = \"Ashmere Homes\"",
        "name = \"Bexley Homes\"",
    );
    let run = t.run(&["build", "landlords/a", "landlords/b"]);
    run.expect_success()
        .expect_stderr_contains("== landlords/a ==\nbuilt 14 pages and ")
        .expect_stderr_contains("into landlords/a/public in ")
        .expect_stderr_contains("into landlords/b/public in ")
        .expect_stderr_contains("built all 2 sites in ");
    assert!(t
        .read("landlords/b/public/index.html")
        .contains("Bexley Homes"));
    assert!(!t
        .read("landlords/a/public/index.html")
        .contains("Bexley Homes"));
    for name in ["a", "b"] {
        t.run(&[
            "build",
            &format!("landlords/{name}"),
            "--output",
            &format!("alone-{name}"),
        ])
        .expect_success();
        assert!(
            tree(&t.path(&format!("landlords/{name}/public")))
                == tree(&t.path(&format!("alone-{name}"))),
            "{name} built with another site differs from {name} built alone"
        );
    }
    // --root, as every other command names its site, works the same, once or several times.
    t.run(&["build", "--root", "landlords/a", "--root", "landlords/b"])
        .expect_success()
        .expect_stderr_contains("built all 2 sites in ");
}

#[test]
fn each_site_s_problems_are_under_its_name_in_the_order_given_and_the_others_are_built() {
    let t = group(&["a", "b", "c"]);
    t.replace("landlords/b/data/performance.toml", "homes = ", "hommes = ");
    let runs: Vec<String> = ["1", "2", "4"]
        .iter()
        .map(|threads| {
            let run = t.run_with(
                &[("RAYON_NUM_THREADS", threads)],
                &["build", "landlords/c", "landlords/b", "landlords/a"],
            );
            run.expect_code(1);
            without_timings(&run.stderr)
        })
        .collect();
    let stderr = &runs[0];
    let c = stderr.find("== landlords/c ==").expect("c's header");
    let b = stderr.find("== landlords/b ==").expect("b's header");
    let a = stderr.find("== landlords/a ==").expect("a's header");
    let error = stderr
        .find("error: unknown key `hommes`")
        .expect("b's error");
    assert!(c < b && b < error && error < a, "{stderr}");
    assert!(
        stderr[b..a].contains("the site was not built; the previous output (if any) is unchanged"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("built 2 of 3 sites in _ ms; not built: landlords/b\n"),
        "{stderr}"
    );
    assert!(t.path("landlords/a/public/index.html").exists());
    assert!(t.path("landlords/c/public/index.html").exists());
    assert!(!t.path("landlords/b/public").exists());
    for (i, other) in runs.iter().enumerate() {
        assert_eq!(other, stderr, "run {i} on a different number of threads");
    }
}

#[test]
fn the_exit_status_is_the_worst_of_the_sites() {
    let t = group(&["a", "b", "c"]);
    t.replace("landlords/b/data/performance.toml", "homes = ", "hommes = ");
    // c's output folder holds someone else's file: redress cannot do its job there (exit 2), and leaves it be.
    t.write("landlords/c/public/notes.txt", "not redress's");
    let run = t.run(&["build", "landlords/a", "landlords/b", "landlords/c"]);
    run.expect_code(2)
        .expect_stderr_contains(
            "== landlords/c ==\nerror: refusing to replace `landlords/c/public`",
        )
        .expect_stderr_contains("not built: landlords/b, landlords/c");
    assert_eq!(t.read("landlords/c/public/notes.txt"), "not redress's");
    assert!(t.path("landlords/a/public/index.html").exists());
}

#[test]
fn with_output_each_site_goes_into_a_folder_named_after_its_own() {
    let t = group(&["a", "b"]);
    t.run(&["build", "landlords/a", "landlords/b", "--output", "out"])
        .expect_success()
        .expect_stderr_contains("/out/a in ")
        .expect_stderr_contains("/out/b in ");
    assert!(t.path("out/a/index.html").exists() && t.path("out/b/index.html").exists());
    assert!(!t.path("landlords/a/public").exists());
}

#[test]
fn two_sites_that_would_share_an_output_folder_are_refused_before_anything_is_built() {
    let t = group(&["a", "b"]);
    t.run(&["init", "other/a"]).expect_success();
    t.run(&["build", "landlords/a", "other/a", "--output", "out"])
        .expect_code(2)
        .expect_stderr_contains(
            "error: `landlords/a` and `other/a` would both be built into `[ROOT]/out/a`",
        )
        .expect_stderr_contains("rename one of the folders");
    assert!(!t.path("out").exists());

    let site = t.read("landlords/b/site.toml");
    t.write(
        "landlords/b/site.toml",
        &format!("{site}\n[build]\noutput = \"../a/public\"\n"),
    );
    t.run(&["build", "landlords/a", "landlords/b"])
        .expect_code(2)
        .expect_stderr_contains("error: `landlords/a` and `landlords/b` would both be built into `landlords/b/../a/public`")
        .expect_stderr_contains("give each site its own build.output");
    assert!(!t.path("landlords/a/public").exists());

    t.run(&["build", "landlords/a", "./landlords/a/"])
        .expect_code(2)
        .expect_stderr_contains(
            "error: `landlords/a` and `./landlords/a/` are the same site folder",
        );
}
