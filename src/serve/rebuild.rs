//! One rebuild: render the site in memory, swap it in if it built, tell the browsers and the terminal.
//!
//! Building and publishing are two steps so the serve loop can drop a build during which a file changed: it may
//! have read a file halfway through being saved (see [`super::watch::during_build`]).
//!
//! A failed build changes nothing that is served: the last good build stays up, the terminal lists the problems
//! the way `redress build` does, and every page shows them in its overlay until a build succeeds. A build that
//! changes no file (a file saved unchanged) keeps its build id, so no page reloads for nothing.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use super::events::{self, Hub};
use super::site::{self, Change, Current, Snapshot};
use crate::diagnostics::{render_all, Diagnostics};
use crate::render::OutputFile;

/// What a preview build made: its problems, its files, `build.output` from site.toml, and what makes
/// `report.txt` and `report.pdf` when they are asked for.
type Preview = (
    Diagnostics,
    Vec<OutputFile>,
    Option<String>,
    Option<crate::formats::Formats>,
);

/// A build not yet published: what [`crate::preview_site`] returned, and how long it took.
pub(crate) struct Built {
    result: anyhow::Result<Preview>,
    ms: u128,
}

/// Rebuilds the site and publishes each good build.
#[derive(Debug)]
pub(crate) struct Rebuilder {
    root: PathBuf,
    instance: String,
    number: u64,
    current: Current,
    hub: Arc<Hub>,
    failing: bool,
    /// The output folder named by the last build's site.toml (absolute), which the watcher ignores.
    pub(crate) output: Option<PathBuf>,
}

impl Rebuilder {
    /// A rebuilder for the site at `root`, publishing to `current` and `hub`, which must both start at build
    /// [`Rebuilder::initial_build`]`(instance)`.
    pub(crate) fn new(root: &Path, instance: &str, current: Current, hub: Arc<Hub>) -> Rebuilder {
        Rebuilder {
            root: root.to_path_buf(),
            instance: instance.to_string(),
            number: 0,
            current,
            hub,
            failing: false,
            output: None,
        }
    }

    /// The id of the empty site served before the first good build.
    pub(crate) fn initial_build(instance: &str) -> String {
        format!("{instance}-0")
    }

    /// Builds the site in memory, publishing nothing yet.
    pub(crate) fn build(&self) -> Built {
        let start = Instant::now();
        // Everything `build` makes but report.txt and report.pdf, made only if a browser asks for them.
        let result = crate::preview_site(&self.root)
            .map(|(site, later)| (site.diagnostics, site.files, site.configured_output, later));
        Built {
            result,
            ms: start.elapsed().as_millis(),
        }
    }

    /// Serves a build if it succeeded, and tells the browsers and the terminal either way; `changed` (the paths
    /// that triggered it, empty for the first build) is only for the message. Returns true when it succeeded.
    pub(crate) fn publish(&mut self, built: Built, changed: &[PathBuf]) -> bool {
        let Built { result, ms } = built;
        let what = self.describe(changed);
        let previous = self.current.get();
        let (diagnostics, files, configured, later) = match result {
            Ok(built) => built,
            Err(e) => {
                eprintln!("{what}the build failed\nerror: {e:#}");
                self.fail_message(&previous);
                self.hub.failed(&events::failure_data(&previous.build, &e));
                self.failing = true;
                return false;
            }
        };
        self.output = configured.map(|o| self.root.join(o));
        if diagnostics.has_errors() {
            if !what.is_empty() {
                eprintln!("{what}the build failed");
            }
            eprint!("{}", render_all(&diagnostics));
            self.fail_message(&previous);
            self.hub
                .failed(&events::error_data(&previous.build, &diagnostics));
            self.failing = true;
            return false;
        }
        if !diagnostics.is_empty() {
            eprint!("{}", render_all(&diagnostics));
        }
        let pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
        let next = Snapshot::new(format!("{}-{}", self.instance, self.number + 1), files)
            .with_formats(later);
        let change = site::diff(&previous.files, &next.files);
        let fixed = if self.failing {
            "the errors are fixed: "
        } else {
            ""
        };
        self.failing = false;
        if changed.is_empty() {
            eprintln!("built {pages} pages in {ms} ms");
        }
        match &change {
            Change::None => {
                // Nothing to reload; a failure before this build still has to be cleared.
                self.hub
                    .succeeded(&previous.build, &previous.build, &Change::None);
                if !changed.is_empty() {
                    eprintln!("{what}{fixed}rebuilt in {ms} ms; no page changed");
                }
            }
            Change::Css(paths) | Change::Reload(paths) => {
                let build = next.build.clone();
                self.number += 1;
                self.current.set(next);
                self.hub.succeeded(&build, &previous.build, &change);
                if !changed.is_empty() {
                    let how = if matches!(change, Change::Css(_)) {
                        "updating the styles in open pages"
                    } else {
                        "reloading open pages"
                    };
                    eprintln!(
                        "{what}{fixed}rebuilt in {ms} ms; {} changed, {how}",
                        plural(paths.len(), "file")
                    );
                }
            }
        }
        true
    }

    fn fail_message(&self, previous: &Snapshot) {
        if previous.is_empty() {
            eprintln!("the site has errors; the preview will show it once they are fixed");
        } else {
            eprintln!("the site has errors; the preview still shows the last good build");
        }
    }

    /// "content/introduction.md changed: " (or the first few of several), or nothing for the first build. Paths
    /// that no longer exist are left out when some do: they are mostly the temporary files editors save through
    /// (`sed -i`'s `content/sedX1y2Z3`, renamed over the real file). An empty path is a change the watcher could
    /// not place.
    fn describe(&self, changed: &[PathBuf]) -> String {
        let known: Vec<&PathBuf> = changed
            .iter()
            .filter(|p| !p.as_os_str().is_empty())
            .collect();
        if known.is_empty() && !changed.is_empty() {
            return "files changed: ".to_string();
        }
        let existing: Vec<&PathBuf> = known.iter().copied().filter(|p| p.exists()).collect();
        let shown = if existing.is_empty() { known } else { existing };
        let mut names: Vec<String> = shown
            .iter()
            .map(|p| crate::fs::display_relative(&self.root, p))
            .collect();
        names.sort();
        names.dedup();
        match names.len() {
            0 => String::new(),
            1..=3 => format!("{} changed: ", names.join(", ")),
            n => format!("{} and {} more changed: ", names[..2].join(", "), n - 2),
        }
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
