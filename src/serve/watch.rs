//! Watching the site's input files, and deciding which changes call for a rebuild.
//!
//! Only the inputs are watched: `site.toml` (through a non-recursive watch on the site folder, so an editor that
//! saves by renaming a new file over the old one is still seen), and `data/`, `content/`, `themes/` and `static/`
//! recursively. The output folder, `target/` and `.git/` are never watched, so a `redress build` or a `cargo build`
//! in the same folder costs nothing. A watched folder that is created, removed or replaced later is picked up again
//! by [`Watch::refresh`].
//!
//! Events are debounced here, on raw `notify` events, rather than with notify-debouncer-full: the rebuild reads the
//! whole site from disk, so it needs to know only *that* something relevant changed and when the burst of events
//! from one save has ended, not each file's history or rename pairs. Waiting on a channel for the quiet period
//! costs nothing while nobody types, where the debouncer's thread wakes every quarter of its timeout all day
//! (200 times a second at 20 ms), and the delay is exactly the quiet period rather than the period plus a tick.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

/// The site's input folders, watched recursively when they exist: with `private/`, where a complaints log named
/// in data/performance.toml usually lives (a new export rebuilds the preview), and `archive/`, where `redress
/// new-year` puts the frozen years the site publishes.
pub(crate) const DIRS: [&str; 6] = ["data", "content", "themes", "static", "private", "archive"];

/// What the rebuild loop waits on: file-system events, or the order to stop.
#[derive(Debug)]
pub(crate) enum Msg {
    /// An event (or an error) from the watcher.
    Fs(notify::Result<Event>),
    /// Ctrl-C: stop.
    Stop,
}

struct Forward(Sender<Msg>);

impl notify::EventHandler for Forward {
    fn handle_event(&mut self, event: notify::Result<Event>) {
        // The receiver is gone only while shutting down, when events no longer matter.
        let _ = self.0.send(Msg::Fs(event));
    }
}

/// The watches on one site.
pub(crate) struct Watch {
    watcher: RecommendedWatcher,
    root: PathBuf,
    watched: BTreeSet<&'static str>,
}

impl Watch {
    /// Starts watching the site at `root` (an absolute, canonical path), sending events to `tx`.
    pub(crate) fn start(root: &Path, tx: Sender<Msg>) -> Result<Watch> {
        let mut watcher = notify::recommended_watcher(Forward(tx))
            .context("failed to start watching the site's files")?;
        watcher
            .watch(root, RecursiveMode::NonRecursive)
            .with_context(|| format!("failed to watch `{}`", root.display()))?;
        let mut w = Watch {
            watcher,
            root: root.to_path_buf(),
            watched: BTreeSet::new(),
        };
        w.refresh(&[]);
        Ok(w)
    }

    /// Brings the recursive watches in line with the input folders that exist now. A folder that an event named
    /// itself (created, removed, renamed) is watched afresh, because a watch follows the folder it was placed on,
    /// not its name.
    pub(crate) fn refresh(&mut self, touched: &[PathBuf]) {
        for dir in DIRS {
            let path = self.root.join(dir);
            if self.watched.contains(dir) && (touched.contains(&path) || !path.is_dir()) {
                // Fails when the watch already went with the folder; either way it is gone now.
                let _ = self.watcher.unwatch(&path);
                self.watched.remove(dir);
            }
            if !self.watched.contains(dir) && path.is_dir() {
                match self.watcher.watch(&path, RecursiveMode::Recursive) {
                    Ok(()) => {
                        self.watched.insert(dir);
                    }
                    Err(e) => eprintln!(
                        "warning: cannot watch `{}`: {e}\n  changes there will not rebuild the site until `redress serve` is restarted",
                        path.display()
                    ),
                }
            }
        }
    }
}

/// Waits for the next burst of relevant changes and returns the paths it touched, once no relevant event has
/// arrived for `quiet` (or `longest` after the burst began, so a long copy still shows progress). With `paths`
/// already holding changes (from events that arrived during a discarded build), it only waits for quiet. `None`
/// means stop.
pub(crate) fn next_burst(
    rx: &Receiver<Msg>,
    quiet: Duration,
    longest: Duration,
    is_relevant: &dyn Fn(&Path) -> bool,
    mut paths: Vec<PathBuf>,
) -> Option<Vec<PathBuf>> {
    while paths.is_empty() {
        match rx.recv() {
            Ok(Msg::Fs(event)) => {
                take(event, is_relevant, &mut paths);
            }
            Ok(Msg::Stop) | Err(_) => return None,
        }
    }
    let first = Instant::now();
    let mut deadline = first + quiet;
    loop {
        let now = Instant::now();
        let until = deadline.min(first + longest);
        if now >= until {
            return Some(paths);
        }
        match rx.recv_timeout(until - now) {
            Ok(Msg::Fs(event)) => {
                if take(event, is_relevant, &mut paths) {
                    deadline = Instant::now() + quiet;
                }
            }
            Ok(Msg::Stop) => return None,
            Err(RecvTimeoutError::Timeout) => return Some(paths),
            Err(RecvTimeoutError::Disconnected) => return None,
        }
    }
}

/// The relevant changes that arrived while the site was being built, without waiting. If there are any, the build
/// may have read a file halfway through being saved, so its result is not shown. `None` means stop.
pub(crate) fn during_build(
    rx: &Receiver<Msg>,
    is_relevant: &dyn Fn(&Path) -> bool,
) -> Option<Vec<PathBuf>> {
    let mut paths = Vec::new();
    loop {
        match rx.try_recv() {
            Ok(Msg::Fs(event)) => {
                take(event, is_relevant, &mut paths);
            }
            Ok(Msg::Stop) | Err(TryRecvError::Disconnected) => return None,
            Err(TryRecvError::Empty) => return Some(paths),
        }
    }
}

/// Adds a relevant event's paths to `paths`; true when the event was relevant. A watcher error is printed and
/// counts as a change somewhere (an empty path), because an overflowed event queue means changes were missed.
fn take(
    event: notify::Result<Event>,
    is_relevant: &dyn Fn(&Path) -> bool,
    paths: &mut Vec<PathBuf>,
) -> bool {
    let event = match event {
        Ok(event) => event,
        Err(e) => {
            eprintln!("warning: watching the site's files: {e}");
            paths.push(PathBuf::new());
            return true;
        }
    };
    if event.need_rescan() {
        paths.push(PathBuf::new());
        return true;
    }
    // Opening, reading and closing (which every rebuild does) are not changes. Closing a written file is not
    // needed either: every write that changes a file is a Modify event of its own, and an editor that fsyncs
    // before closing would otherwise send a late event that throws away a build that had read the whole file.
    if matches!(event.kind, EventKind::Access(_)) {
        return false;
    }
    let before = paths.len();
    paths.extend(event.paths.into_iter().filter(|p| is_relevant(p)));
    paths.len() > before
}

/// True when a change at `path` can change the site: `site.toml`, or a file under one of the input folders that is
/// not an editor's temporary file, and not inside the output folder.
///
/// Hidden names are ignored everywhere but under `static/`, which copies every file as it is (a
/// `.well-known/security.txt` is real content there).
pub(crate) fn is_relevant(root: &Path, output: Option<&Path>, path: &Path) -> bool {
    if output.is_some_and(|o| path.starts_with(o)) {
        return false;
    }
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let names: Vec<&str> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(n) => Some(n.to_str().unwrap_or("")),
            _ => None,
        })
        .collect();
    let in_static = match names.first() {
        Some(&"site.toml") => return names.len() == 1,
        Some(&"static") => true,
        Some(first) if DIRS.contains(first) => false,
        _ => return false,
    };
    !names
        .iter()
        .any(|n| is_editor_temp(n) || *n == ".git" || (!in_static && n.starts_with('.')))
}

/// Names editors and office programs give their backup, swap, lock and half-saved files.
fn is_editor_temp(name: &str) -> bool {
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    name.is_empty()
        || name.ends_with('~')
        || name == "4913"
        || (name.len() > 1 && name.starts_with('#') && name.ends_with('#'))
        || name.starts_with(".#")
        || name.starts_with(".~lock.")
        || name.starts_with(".goutputstream-")
        || name == ".DS_Store"
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
        || matches!(ext, "swp" | "swx" | "swo" | "crswap")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_are_relevant_and_temporaries_are_not() {
        let root = Path::new("/site");
        let out = Path::new("/site/public");
        let rel = |p: &str| is_relevant(root, Some(out), &root.join(p));
        for p in [
            "site.toml",
            "data/performance.toml",
            "content/introduction.md",
            "content/new-page.md",
            "themes/default/static/assets/style.css",
            "static/logo.png",
            "static/.well-known/security.txt",
            "data",
            "private/complaints-2025-26.csv",
            "archive/2024-25/index.html",
        ] {
            assert!(rel(p), "{p} should be relevant");
        }
        for p in [
            "public/index.html",
            "target/debug/redress",
            ".git/index",
            "README.md",
            "site.toml~",
            "site.toml/x",
            "content/introduction.md~",
            "content/.introduction.md.swp",
            "content/introduction.md.swp",
            "content/4913",
            "content/#introduction.md#",
            "content/.#introduction.md",
            "data/.~lock.performance.toml#",
            "data/.goutputstream-X1Y2",
            "content/introduction.md___jb_tmp___",
            "themes/default/.DS_Store",
            "static/.git/config",
            "static/logo.png~",
            "archive/.redress-new-year-2025-26/ready",
        ] {
            assert!(!rel(p), "{p} should be ignored");
        }
        assert!(!is_relevant(
            root,
            Some(Path::new("/site/static/out")),
            Path::new("/site/static/out/a.html")
        ));
        assert!(!is_relevant(root, None, Path::new("/elsewhere/site.toml")));
    }

    #[test]
    fn a_burst_ends_after_the_quiet_period() {
        let (tx, rx) = std::sync::mpsc::channel();
        let ev = |p: &str| Msg::Fs(Ok(Event::new(EventKind::Any).add_path(PathBuf::from(p))));
        tx.send(ev("/site/README.md")).unwrap();
        tx.send(ev("/site/content/a.md")).unwrap();
        tx.send(Msg::Fs(Ok(Event::new(EventKind::Access(
            notify::event::AccessKind::Any,
        ))
        .add_path(PathBuf::from("/site/content/b.md")))))
            .unwrap();
        tx.send(ev("/site/content/c.md")).unwrap();
        let relevant = |p: &Path| is_relevant(Path::new("/site"), None, p);
        let burst = next_burst(
            &rx,
            Duration::from_millis(20),
            Duration::from_secs(1),
            &relevant,
            Vec::new(),
        );
        assert_eq!(
            burst,
            Some(vec![
                PathBuf::from("/site/content/a.md"),
                PathBuf::from("/site/content/c.md")
            ])
        );
        tx.send(Msg::Stop).unwrap();
        assert_eq!(
            next_burst(
                &rx,
                Duration::from_millis(20),
                Duration::from_secs(1),
                &relevant,
                Vec::new(),
            ),
            None
        );
    }

    #[test]
    fn changes_during_a_build_are_collected_without_waiting() {
        use notify::event::{AccessKind, AccessMode, DataChange, ModifyKind};
        let (tx, rx) = std::sync::mpsc::channel();
        let relevant = |p: &Path| is_relevant(Path::new("/site"), None, p);
        assert_eq!(during_build(&rx, &relevant), Some(vec![]));
        let read = Event::new(EventKind::Access(AccessKind::Close(AccessMode::Read)))
            .add_path(PathBuf::from("/site/data/a.toml"));
        tx.send(Msg::Fs(Ok(read))).unwrap();
        assert_eq!(
            during_build(&rx, &relevant),
            Some(vec![]),
            "reading is not a change"
        );
        let closed = Event::new(EventKind::Access(AccessKind::Close(AccessMode::Write)))
            .add_path(PathBuf::from("/site/data/a.toml"));
        tx.send(Msg::Fs(Ok(closed))).unwrap();
        assert_eq!(
            during_build(&rx, &relevant),
            Some(vec![]),
            "closing is not a change"
        );
        let written = Event::new(EventKind::Modify(ModifyKind::Data(DataChange::Any)))
            .add_path(PathBuf::from("/site/data/a.toml"));
        tx.send(Msg::Fs(Ok(written))).unwrap();
        assert_eq!(
            during_build(&rx, &relevant),
            Some(vec![PathBuf::from("/site/data/a.toml")])
        );
        tx.send(Msg::Fs(Err(notify::Error::generic("queue overflow"))))
            .unwrap();
        assert_eq!(during_build(&rx, &relevant), Some(vec![PathBuf::new()]));
        tx.send(Msg::Stop).unwrap();
        assert_eq!(during_build(&rx, &relevant), None);
    }
}
