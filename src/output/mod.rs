//! Writing the built site safely.
//!
//! The site is written into a fresh staging folder beside the output folder and swapped in only when every file
//! was written, so a failed build leaves the previous output exactly as it was. redress marks each output folder
//! with a `.redress-output` file listing every file it wrote. It replaces a folder only when that marker is present
//! and every file in the folder is on its list: a folder it did not create, or a file someone added to it by hand
//! (a `CNAME`, say), is never deleted or overwritten. Static files that must be published belong in the site's
//! `static/` folder, which is copied into every build.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

use crate::render::OutputFile;

/// Name of the marker file in an output folder.
pub(crate) const MARKER: &str = ".redress-output";

const MARKER_HEADER: &str = "# This folder is written by redress. Each build replaces it whole.\n# Files listed below were written by redress; anything else here stops the next build from replacing the folder.\n";

/// Why the output folder cannot be replaced: its own error type, because the CLI gives each case its own hint.
#[derive(Debug)]
#[non_exhaustive]
pub(crate) enum OutputError {
    /// The folder exists, is not empty and was not created by redress.
    Foreign(PathBuf),
    /// The folder was created by redress but holds files redress did not write.
    ForeignFiles(PathBuf, Vec<String>),
    /// The output path is not a folder, or is a symlink.
    NotAFolder(PathBuf),
}

impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OutputError::Foreign(p) => write!(
                f,
                "refusing to replace `{}`: it is not empty and redress did not create it\n\nhelp: choose another folder with --output, or move its files away first; redress never deletes files it did not write",
                p.display()
            ),
            OutputError::ForeignFiles(p, files) => write!(
                f,
                "refusing to replace `{}`: it holds files redress did not write: {}\n\nhelp: move them into the site's static/ folder (copied into every build) or elsewhere, then build again",
                p.display(),
                files.join(", ")
            ),
            OutputError::NotAFolder(p) => write!(
                f,
                "refusing to write to `{}`: it is a file or a link, not a folder\n\nhelp: choose another output folder with --output",
                p.display()
            ),
        }
    }
}

impl std::error::Error for OutputError {}

/// Checks that `out` may be replaced: absent, empty, or a redress output folder holding only redress's files.
pub(crate) fn check_replaceable(out: &Path) -> Result<(), OutputError> {
    if crate::fs::is_symlink(out) || (out.exists() && !out.is_dir()) {
        return Err(OutputError::NotAFolder(out.to_path_buf()));
    }
    if !out.exists() {
        return Ok(());
    }
    let marker = out.join(MARKER);
    let Ok(text) = std::fs::read_to_string(&marker) else {
        let empty = std::fs::read_dir(out)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        return if empty {
            Ok(())
        } else {
            Err(OutputError::Foreign(out.to_path_buf()))
        };
    };
    let listed: BTreeSet<&str> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    let mut foreign = Vec::new();
    for entry in walkdir::WalkDir::new(out).min_depth(1).sort_by_file_name() {
        let Ok(entry) = entry else { continue };
        if entry.file_type().is_dir() {
            continue;
        }
        let rel = crate::fs::display_relative(out, entry.path());
        if rel != MARKER && !listed.contains(rel.as_str()) {
            foreign.push(rel);
        }
    }
    if foreign.is_empty() {
        Ok(())
    } else {
        Err(OutputError::ForeignFiles(out.to_path_buf(), foreign))
    }
}

/// How many sites this process has started writing.
static BUILDS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// The threads that write and remove files: more than there are cores, because removing files waits on the file
/// system far more than it computes. On the CI machine (ext4 mounted with `discard`), removing the previous output
/// of a 10,000-page site once it had reached the disk took 3.8-9.9 s one file at a time, 0.5-5.7 s on two threads
/// and 0.56-0.69 s on eight (the journal commits the waiting removals together); with `rm`, 2,000 files of 7 KB took
/// 6.2 s one at a time and 0.14 s eight at a time. Writing showed no such difference, so the same threads do it.
fn io_pool() -> &'static rayon::ThreadPool {
    static POOL: std::sync::OnceLock<rayon::ThreadPool> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(IO_THREADS)
            .thread_name(|i| format!("redress-io-{i}"))
            .build()
            // Only fails when the system cannot start a thread; then the global pool does the work.
            .unwrap_or_else(|_| {
                rayon::ThreadPoolBuilder::new()
                    .build()
                    .expect("a thread pool")
            })
    })
}

/// See [`io_pool`].
const IO_THREADS: usize = 8;

/// Removes a folder redress wrote (the previous output, once the new one is in place): its files in parallel on
/// [`io_pool`], then its folders, deepest first.
fn remove_tree(dir: &Path) -> Result<()> {
    use anyhow::Context as _;
    use rayon::prelude::*;
    let mut files = Vec::new();
    let mut folders = Vec::new();
    for entry in walkdir::WalkDir::new(dir).contents_first(true) {
        let entry = entry.with_context(|| format!("failed to list `{}`", dir.display()))?;
        if entry.file_type().is_dir() {
            folders.push(entry.into_path());
        } else {
            files.push(entry.into_path());
        }
    }
    let removed: Vec<Result<()>> = io_pool().install(|| {
        files
            .par_iter()
            .map(|f| {
                std::fs::remove_file(f)
                    .with_context(|| format!("failed to remove `{}`", f.display()))
            })
            .collect()
    });
    removed.into_iter().collect::<Result<()>>()?;
    for folder in &folders {
        std::fs::remove_dir(folder)
            .with_context(|| format!("failed to remove folder `{}`", folder.display()))?;
    }
    Ok(())
}

/// Writes `files` into `out`, atomically from a reader's point of view: staged first, then swapped in. `notes`
/// are comment lines for the marker (the key of `report.pdf`, for the next build to reuse it).
pub(crate) fn write_site(out: &Path, files: &[OutputFile], notes: &[String]) -> Result<()> {
    check_replaceable(out)?;
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    crate::fs::create_dir_all(parent)?;
    let name = out
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    // The process id and a count of builds in this process: sites built in one run never share a staging folder.
    let run = format!(
        "{}-{}",
        std::process::id(),
        BUILDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    );
    let staging = parent.join(format!(".{name}.redress-staging-{run}"));
    let old = parent.join(format!(".{name}.redress-old-{run}"));
    if staging.exists() {
        crate::fs::remove_dir_all(&staging)?;
    }
    // Every file in `out` is redress's (checked above), so its unchanged files can be linked, not written again.
    let previous = out.is_dir().then_some(out);
    let result = stage(&staging, files, notes, previous);
    if let Err(e) = result {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    if out.exists() {
        crate::fs::rename(out, &old)?;
        if let Err(e) = crate::fs::rename(&staging, out) {
            // Put the previous output back before reporting.
            let _ = std::fs::rename(&old, out);
            let _ = std::fs::remove_dir_all(&staging);
            return Err(e);
        }
        remove_tree(&old)?;
    } else {
        crate::fs::rename(&staging, out)?;
    }
    Ok(())
}

/// Writes every file into `staging`: the paths are checked and the folders made first, one after another, then the
/// files are written in parallel (rayon, on [`io_pool`]). The first failure in file order is the one reported, whichever thread met
/// it first, so the same fault gives the same message every time.
///
/// A file whose bytes are those of the same file in `previous` (the output being replaced) is hard-linked from
/// there instead of written (see [`link_unchanged`]).
fn stage(
    staging: &Path,
    files: &[OutputFile],
    notes: &[String],
    previous: Option<&Path>,
) -> Result<()> {
    use anyhow::Context as _;
    use rayon::prelude::*;
    crate::fs::create_dir_all(staging)?;
    let mut listed = BTreeSet::new();
    let mut folders = BTreeSet::new();
    let mut targets = Vec::with_capacity(files.len());
    for f in files {
        let Some(path) = crate::fs::join_within(staging, &f.path) else {
            bail!(
                "refusing to write `{}`: the path leads outside the output folder",
                f.path
            );
        };
        if !listed.insert(f.path.as_str()) {
            bail!(
                "two files of the site would be written to `{}`; rename one of them",
                f.path
            );
        }
        if let Some(parent) = path.parent().filter(|p| *p != staging) {
            folders.insert(parent.to_path_buf());
        }
        targets.push(path);
    }
    for folder in &folders {
        crate::fs::create_dir_all(folder)?;
    }
    let written: Vec<Result<()>> = io_pool().install(|| {
        files
            .par_iter()
            .zip(targets.par_iter())
            .map(|(f, path)| {
                if previous.is_some_and(|prev| link_unchanged(prev, f, path)) {
                    return Ok(());
                }
                std::fs::write(path, &f.bytes)
                    .with_context(|| format!("failed to write `{}`", path.display()))
            })
            .collect()
    });
    written.into_iter().collect::<Result<()>>()?;
    let mut marker = String::from(MARKER_HEADER);
    for n in notes
        .iter()
        .filter(|n| n.starts_with('#') && !n.contains('\n'))
    {
        marker.push_str(n);
        marker.push('\n');
    }
    for p in &listed {
        marker.push_str(p);
        marker.push('\n');
    }
    crate::fs::write(&staging.join(MARKER), marker)
}

/// Hard-links `previous`'s copy of `file` to `target` when it holds exactly `file`'s bytes; false when it does not,
/// or cannot be linked (then the file is written).
///
/// Why: the staging folder makes every file new, and on ext4 making a file beside many just deleted (the last
/// output, removed each build) is most of a small build's time: `perf` on 20 builds of the example put over half
/// of all samples in the kernel's `ext4_create` → `recently_deleted` (BENCHMARKS.md). A link adds a name to a file
/// that exists, and removing the old output then frees nothing. The result is the same bytes at the same paths;
/// an unchanged file also keeps its modification time, which static hosts and `rsync` use to skip it. Only regular
/// files are linked (never a symlink put in the old output), and the old file is read and compared in full, so a
/// file edited by hand in the output is written afresh.
fn link_unchanged(previous: &Path, file: &OutputFile, target: &Path) -> bool {
    let Some(old) = crate::fs::join_within(previous, &file.path) else {
        return false;
    };
    let same = std::fs::symlink_metadata(&old)
        .is_ok_and(|m| m.file_type().is_file() && m.len() == file.bytes.len() as u64)
        && std::fs::read(&old).is_ok_and(|bytes| bytes == file.bytes);
    same && std::fs::hard_link(&old, target).is_ok()
}
