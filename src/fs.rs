//! `std::fs` wrappers whose errors name the path, and path joins that cannot leave a root.
//!
//! A bare "No such file or directory" helps nobody; every error here says which file and what was being done.

use std::path::{Component, Path, PathBuf};

use anyhow::{Context as _, Result};

/// Reads a UTF-8 text file.
pub(crate) fn read_to_string(path: &Path) -> Result<String> {
    let bytes =
        std::fs::read(path).with_context(|| format!("failed to read `{}`", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "`{}` is not UTF-8 text (invalid byte at offset {}); save it as UTF-8",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

/// Writes a file, creating its parent folders.
pub(crate) fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result<()> {
    if let Some(parent) = path.parent() {
        create_dir_all(parent)?;
    }
    std::fs::write(path, contents).with_context(|| format!("failed to write `{}`", path.display()))
}

/// Creates a folder and its parents.
pub(crate) fn create_dir_all(path: &Path) -> Result<()> {
    std::fs::create_dir_all(path)
        .with_context(|| format!("failed to create folder `{}`", path.display()))
}

/// Removes a folder that redress created, with everything in it.
pub(crate) fn remove_dir_all(path: &Path) -> Result<()> {
    std::fs::remove_dir_all(path)
        .with_context(|| format!("failed to remove folder `{}`", path.display()))
}

/// Renames a file or folder.
pub(crate) fn rename(from: &Path, to: &Path) -> Result<()> {
    std::fs::rename(from, to).with_context(|| {
        format!(
            "failed to rename `{}` to `{}`",
            from.display(),
            to.display()
        )
    })
}

/// Joins a relative, `/`-separated path under `root`, refusing anything that could climb out of it (`..`, absolute
/// paths, drive prefixes). Returns `None` for such a path. This is the only way output and theme paths are formed,
/// so a crafted name can never write or read outside its folder.
pub(crate) fn join_within(root: &Path, relative: &str) -> Option<PathBuf> {
    let mut out = root.to_path_buf();
    for part in Path::new(relative).components() {
        match part {
            Component::Normal(p) => out.push(p),
            Component::CurDir => {}
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

/// True when `path` is a symbolic link (without following it).
pub(crate) fn is_symlink(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// Path of `path` relative to `root`, with `/` separators, for messages. Falls back to the full path.
pub(crate) fn display_relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_within_refuses_escapes() {
        let root = Path::new("/site");
        assert_eq!(
            join_within(root, "a/b.css"),
            Some(PathBuf::from("/site/a/b.css"))
        );
        assert_eq!(join_within(root, "./a"), Some(PathBuf::from("/site/a")));
        assert_eq!(join_within(root, "../etc/passwd"), None);
        assert_eq!(join_within(root, "a/../../b"), None);
        assert_eq!(join_within(root, "/etc/passwd"), None);
    }
}
