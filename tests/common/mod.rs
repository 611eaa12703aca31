//! A builder for tests that run the real `redress` binary over a real site in a temporary folder.
//!
//! `SiteTest::example()` copies the example site at the repository root; `SiteTest::fixture(name)` starts from the
//! example and lays `tests/fixtures/<name>/` over it, so each broken fixture holds only the files it breaks. Calls
//! chain: change files, run a command, then ask questions of the output the way a reader would (parsed HTML).
#![allow(dead_code, unreachable_pub)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scraper::{Html, Selector};

/// The repository root, which is also the example site.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A site in a temporary folder.
pub struct SiteTest {
    dir: tempfile::TempDir,
}

/// What a run of the binary printed and returned.
pub struct Run {
    pub output: Output,
    pub stderr: String,
    pub stdout: String,
}

impl Run {
    pub fn code(&self) -> i32 {
        self.output.status.code().unwrap_or(-1)
    }

    #[track_caller]
    pub fn expect_success(&self) -> &Self {
        assert_eq!(self.code(), 0, "expected success; stderr:\n{}", self.stderr);
        self
    }

    #[track_caller]
    pub fn expect_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code(),
            code,
            "expected exit {code}; stderr:\n{}",
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn expect_stderr_contains(&self, needle: &str) -> &Self {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}:\n{}",
            self.stderr
        );
        self
    }
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).sort_by_file_name() {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

impl SiteTest {
    /// A copy of the example site.
    pub fn example() -> SiteTest {
        let dir = tempfile::Builder::new()
            .prefix("redress-test-")
            .tempdir()
            .unwrap();
        let root = repo();
        std::fs::copy(root.join("site.toml"), dir.path().join("site.toml")).unwrap();
        copy_tree(&root.join("data"), &dir.path().join("data"));
        copy_tree(&root.join("content"), &dir.path().join("content"));
        // The example's complaints log: fictional, so it can live in the repository (a real one must not).
        copy_tree(&root.join("private"), &dir.path().join("private"));
        copy_tree(&root.join("static"), &dir.path().join("static"));
        SiteTest { dir }
    }

    /// The example site with `tests/fixtures/<name>/` laid over it: its files replace the example's, and its
    /// `edits.toml`, when there is one, changes the example's files in place. So a fault fixture holds only what it
    /// changes: one edit, not a copy of a whole data file.
    ///
    /// An `edits.toml` is a list of `[[edit]]` tables, each with `file`, `find` and `replace`, and optionally
    /// `after` (the edit applies to the first `find` after the first `after`, for text that repeats) and `until`
    /// (the edit replaces everything from `find` up to the next `until`, which stays, to cut a whole section out
    /// without copying it into the fixture). An edit whose
    /// text is not found fails the test, so a fixture cannot silently stop breaking anything when the example
    /// changes. At its top, `base = "sites/small-landlord"` lays another fixture down first, and
    /// `remove = ["content/analysis.md"]` deletes files of the example.
    pub fn fixture(name: &str) -> SiteTest {
        let t = SiteTest::example();
        t.lay(name);
        t
    }

    fn lay(&self, name: &str) {
        let fixture = repo().join("tests/fixtures").join(name);
        assert!(fixture.is_dir(), "no fixture {}", fixture.display());
        let edits = fixture.join("edits.toml");
        let doc: Option<toml::Table> = edits.exists().then(|| {
            std::fs::read_to_string(&edits)
                .unwrap()
                .parse()
                .unwrap_or_else(|e| panic!("{name}/edits.toml: {e}"))
        });
        if let Some(base) = doc
            .as_ref()
            .and_then(|d| d.get("base"))
            .and_then(|b| b.as_str())
        {
            self.lay(base);
        }
        copy_tree(&fixture, self.root());
        if let Some(doc) = doc {
            std::fs::remove_file(self.path("edits.toml")).unwrap();
            for rel in doc
                .get("remove")
                .and_then(|r| r.as_array())
                .into_iter()
                .flatten()
            {
                self.remove(rel.as_str().expect("remove: file names"));
            }
            self.apply_edits(name, &doc);
        }
    }

    #[track_caller]
    fn apply_edits(&self, fixture: &str, doc: &toml::Table) {
        let Some(edits) = doc.get("edit").and_then(|e| e.as_array()) else {
            return;
        };
        for edit in edits {
            let field = |k: &str| edit.get(k).and_then(|v| v.as_str());
            let file = field("file").expect("edit.file");
            let find = field("find").expect("edit.find");
            let replace = field("replace").expect("edit.replace");
            let body = self.read(file);
            let from = match field("after") {
                Some(after) => body
                    .find(after)
                    .unwrap_or_else(|| panic!("{fixture}: {file} has no {after:?}")),
                None => 0,
            };
            let at = body[from..].find(find).unwrap_or_else(|| {
                panic!(
                    "{fixture}: {file} has no {find:?} after {:?}",
                    field("after")
                )
            }) + from;
            let end = match field("until") {
                Some(until) => {
                    body[at..].find(until).unwrap_or_else(|| {
                        panic!("{fixture}: {file} has no {until:?} after {find:?}")
                    }) + at
                }
                None => at + find.len(),
            };
            let changed = format!("{}{replace}{}", &body[..at], &body[end..]);
            self.write(file, &changed);
        }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("cannot read {rel}: {e}"))
    }

    pub fn write(&self, rel: &str, text: &str) -> &Self {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
        self
    }

    /// Replaces `from` with `to` in a file, failing if `from` is not there (so a test cannot silently break nothing).
    #[track_caller]
    pub fn replace(&self, rel: &str, from: &str, to: &str) -> &Self {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        self.write(rel, &text.replacen(from, to, 1))
    }

    pub fn remove(&self, rel: &str) -> &Self {
        std::fs::remove_file(self.path(rel)).unwrap();
        self
    }

    /// Runs `redress ARGS` in the site folder.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with(&[], args)
    }

    /// Runs `redress ARGS` in the site folder with these environment variables set (`RAYON_NUM_THREADS`, say).
    pub fn run_with(&self, env: &[(&str, &str)], args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_redress"))
            .args(args)
            .envs(env.iter().copied())
            .current_dir(self.root())
            .output()
            .unwrap();
        let root = self.root().display().to_string();
        Run {
            stderr: String::from_utf8_lossy(&output.stderr).replace(&root, "[ROOT]"),
            stdout: String::from_utf8_lossy(&output.stdout).replace(&root, "[ROOT]"),
            output,
        }
    }

    pub fn build(&self) -> Run {
        self.run(&["build"])
    }

    /// data/performance.toml as a table, with the counts of a year that names its complaints log filled in from
    /// `redress cases --format json`: the pages must agree with the log as that command counts it, which is how a
    /// complaints officer checks them.
    pub fn performance(&self) -> toml::Table {
        let mut perf: toml::Table = toml::from_str(&self.read("data/performance.toml")).unwrap();
        for y in perf["years"].as_array_mut().unwrap() {
            let y = y.as_table_mut().unwrap();
            let Some(log) = y.get("cases").and_then(|c| c.as_str()).map(str::to_string) else {
                continue;
            };
            let run = self.run(&["cases", &log, "--format", "json"]);
            run.expect_success();
            let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
            let label = y["label"].as_str().unwrap().to_string();
            let counted = json["years"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["year"] == label.as_str())
                .unwrap()
                .clone();
            let categories: Vec<toml::Value> = counted["categories"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| {
                    let mut t = toml::Table::new();
                    t.insert(
                        "name".into(),
                        toml::Value::String(c["name"].as_str().unwrap().into()),
                    );
                    t.insert(
                        "stage1".into(),
                        toml::Value::Integer(c["stage1"].as_i64().unwrap()),
                    );
                    t.insert(
                        "stage2".into(),
                        toml::Value::Integer(c["stage2"].as_i64().unwrap()),
                    );
                    toml::Value::Table(t)
                })
                .collect();
            y.insert("categories".into(), toml::Value::Array(categories));
            for tenure in ["lcra", "lcho"] {
                for stage in ["stage1", "stage2"] {
                    let c = &counted["tenures"][tenure][stage];
                    let mut table = toml::Table::new();
                    for (key, from) in [
                        ("received", "received"),
                        ("responded", "responded"),
                        ("within_timescale", "within_timescale"),
                        ("within_extension", "within_extension"),
                        ("acknowledged_on_time", "acknowledged_within_5_days"),
                    ] {
                        table.insert(key.into(), toml::Value::Integer(c[from].as_i64().unwrap()));
                    }
                    y[tenure]
                        .as_table_mut()
                        .unwrap()
                        .insert(stage.into(), toml::Value::Table(table));
                }
            }
        }
        perf
    }

    /// A built page, parsed.
    pub fn page(&self, rel: &str) -> Html {
        Html::parse_document(&self.read(&format!("public/{rel}")))
    }
}

/// Shorthand for a CSS selector.
pub fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// The text of an element, whitespace collapsed.
pub fn text(el: scraper::ElementRef<'_>) -> String {
    el.text()
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every file under `dir`, relative, sorted, with its bytes.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            out.push((rel, std::fs::read(entry.path()).unwrap()));
        }
    }
    out
}

/// `numerator / denominator × scale` to one decimal place, halves away from zero: computed here independently of
/// redress (with integers) to check the figures it prints.
pub fn one_decimal(numerator: u64, denominator: u64, scale: u64) -> String {
    let tenths =
        (numerator as u128 * scale as u128 * 20 + denominator as u128) / (2 * denominator as u128);
    format!("{}.{}", tenths / 10, tenths % 10)
}
