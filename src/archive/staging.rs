//! Where `new-year` prepares its work, and how it moves it into place, so that an interruption at any moment leaves
//! either nothing changed or something the next run recognises and explains.
//!
//! Everything is first written into one folder, `archive/.redress-new-year-<year>/`: the frozen report
//! (`report/`), the year's inputs (`inputs/`) and the new text of each rolled input (`rolled/`). A `ready` file,
//! written last, lists the moves that put them in place. Then each move is one rename on the same disk: the inputs to
//! `archive/inputs/<year>/`, each rolled file over the input it replaces, and the report to `archive/<year>/` (a
//! folder rename, so a reader never sees half a frozen year). The staging folder, empty by then, is removed last.
//!
//! So if the staging folder is found without `ready`, nothing in the site was changed and it can be deleted; with
//! `ready`, the moves still to do are exactly the entries it lists whose source is still in the staging folder.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use serde::{Deserialize, Serialize};

use crate::data::frozen::{ARCHIVE, INPUTS, MARKER, STAGING_PREFIX};
use crate::render::OutputFile;

/// The file, in the staging folder, that lists the moves once everything is written.
const READY: &str = "ready";

/// A move from the staging folder into the site; both paths relative to the site root, `/`-separated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Move {
    /// In the staging folder.
    pub(crate) from: String,
    /// Where it goes.
    pub(crate) to: String,
}

#[derive(Serialize, Deserialize)]
struct Ready {
    moves: Vec<Move>,
}

/// A staging folder left by a `new-year` that did not finish.
#[derive(Debug)]
pub(crate) struct Unfinished {
    /// The folder, relative to the site root.
    pub(crate) dir: String,
    /// `None` when it was still being prepared (nothing in the site was changed); else the moves still to do.
    pub(crate) remaining: Option<Vec<Move>>,
}

/// What is staged, ready to move into place.
pub(crate) struct Staged {
    dir: PathBuf,
    moves: Vec<Move>,
}

/// The staging folder's name for `label`, relative to the root.
fn dir_name(label: &str) -> String {
    format!("{ARCHIVE}/{STAGING_PREFIX}{label}")
}

/// The first staging folder under `root/archive/`, if a `new-year` left one.
pub(crate) fn unfinished(root: &Path) -> Result<Option<Unfinished>> {
    let archive = root.join(ARCHIVE);
    let Ok(entries) = std::fs::read_dir(&archive) else {
        return Ok(None);
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(STAGING_PREFIX))
        .collect();
    names.sort();
    let Some(name) = names.into_iter().next() else {
        return Ok(None);
    };
    let dir = archive.join(&name);
    let remaining = match std::fs::read_to_string(dir.join(READY)) {
        Err(_) => None,
        Ok(text) => {
            let ready: Ready = toml::from_str(&text)
                .with_context(|| format!("`{}` cannot be read", dir.join(READY).display()))?;
            Some(
                ready
                    .moves
                    .into_iter()
                    .filter(|m| root.join(&m.from).exists())
                    .collect(),
            )
        }
    };
    Ok(Some(Unfinished {
        dir: format!("{ARCHIVE}/{name}"),
        remaining,
    }))
}

/// Writes everything into a new staging folder: `report` (the frozen year's files, with `marker`), `inputs` (the
/// year's input files) and `rolled` (each input's new text). On failure the staging folder is removed again.
pub(crate) fn stage(
    root: &Path,
    label: &str,
    report: &[&OutputFile],
    marker: &str,
    inputs: &[(String, Vec<u8>)],
    rolled: &[(String, String)],
) -> Result<Staged> {
    let name = dir_name(label);
    let dir = root.join(&name);
    crate::fs::create_dir_all(&root.join(ARCHIVE))?;
    std::fs::create_dir(&dir)
        .with_context(|| format!("failed to create folder `{}`", dir.display()))?;
    let result = (|| -> Result<Vec<Move>> {
        let mut moves = Vec::new();
        let write = |sub: &str, rel: &str, bytes: &[u8]| -> Result<()> {
            let Some(path) = crate::fs::join_within(&dir.join(sub), rel) else {
                bail!("refusing to write `{rel}`: the path leads outside the folder");
            };
            crate::fs::write(&path, bytes)
        };
        for f in report {
            write("report", &f.path, &f.bytes)?;
        }
        write("report", MARKER, marker.as_bytes())?;
        for (rel, bytes) in inputs {
            write("inputs", rel, bytes)?;
        }
        moves.push(Move {
            from: format!("{name}/inputs"),
            to: format!("{ARCHIVE}/{INPUTS}/{label}"),
        });
        for (rel, text) in rolled {
            write("rolled", rel, text.as_bytes())?;
            moves.push(Move {
                from: format!("{name}/rolled/{rel}"),
                to: rel.clone(),
            });
        }
        moves.push(Move {
            from: format!("{name}/report"),
            to: format!("{ARCHIVE}/{label}"),
        });
        let ready = toml::to_string(&Ready {
            moves: moves.clone(),
        })?;
        crate::fs::write(
            &dir.join(READY),
            format!("# `redress new-year` prepared everything; these moves put it in place, in this order.\n{ready}"),
        )?;
        Ok(moves)
    })();
    match result {
        Ok(moves) => Ok(Staged { dir, moves }),
        Err(e) => {
            let _ = std::fs::remove_dir_all(&dir);
            Err(e)
        }
    }
}

/// Moves everything into place, in the order listed, then removes the staging folder.
pub(crate) fn commit(root: &Path, staged: Staged) -> Result<()> {
    for m in &staged.moves {
        let to = root.join(&m.to);
        if to.is_dir() {
            bail!(
                "`{}` appeared while `redress new-year` was working; nothing more was moved",
                to.display()
            );
        }
        if let Some(parent) = to.parent() {
            crate::fs::create_dir_all(parent)?;
        }
        crate::fs::rename(&root.join(&m.from), &to)?;
    }
    crate::fs::remove_dir_all(&staged.dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let t = tempfile::tempdir().unwrap();
        crate::fs::write(&t.path().join("site.toml"), "old").unwrap();
        t
    }

    fn staged(root: &Path) -> Staged {
        let page = OutputFile {
            path: "index.html".into(),
            bytes: b"<p>2024-25</p>".to_vec(),
        };
        stage(
            root,
            "2024-25",
            &[&page],
            "label = \"2024-25\"\n",
            &[("site.toml".into(), b"old".to_vec())],
            &[("site.toml".into(), "new".into())],
        )
        .unwrap()
    }

    #[test]
    fn stages_then_moves_everything_into_place() {
        let t = site();
        let s = staged(t.path());
        assert_eq!(
            std::fs::read_to_string(t.path().join("site.toml")).unwrap(),
            "old"
        );
        let u = unfinished(t.path()).unwrap().unwrap();
        assert_eq!(u.remaining.as_ref().unwrap().len(), 3);
        commit(t.path(), s).unwrap();
        let read = |p: &str| std::fs::read_to_string(t.path().join(p)).unwrap();
        assert_eq!(read("site.toml"), "new");
        assert_eq!(read("archive/inputs/2024-25/site.toml"), "old");
        assert_eq!(read("archive/2024-25/index.html"), "<p>2024-25</p>");
        assert!(read("archive/2024-25/.redress-archive").contains("2024-25"));
        assert!(unfinished(t.path()).unwrap().is_none());
    }

    #[test]
    fn an_interruption_while_moving_leaves_the_moves_still_to_do() {
        let t = site();
        let s = staged(t.path());
        // The first move happened, then the power went.
        std::fs::create_dir_all(t.path().join("archive/inputs")).unwrap();
        crate::fs::rename(
            &t.path().join(&s.moves[0].from),
            &t.path().join(&s.moves[0].to),
        )
        .unwrap();
        let u = unfinished(t.path()).unwrap().unwrap();
        assert_eq!(u.dir, "archive/.redress-new-year-2024-25");
        let left: Vec<&str> = u
            .remaining
            .as_ref()
            .unwrap()
            .iter()
            .map(|m| m.to.as_str())
            .collect();
        assert_eq!(left, ["site.toml", "archive/2024-25"]);
    }

    #[test]
    fn an_interruption_while_preparing_changed_nothing() {
        let t = site();
        let s = staged(t.path());
        std::fs::remove_file(s.dir.join(READY)).unwrap();
        let u = unfinished(t.path()).unwrap().unwrap();
        assert!(u.remaining.is_none());
    }
}
