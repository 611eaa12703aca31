//! Options shared by several commands.

use std::path::PathBuf;

use clap::Args;

/// Where the site is.
#[derive(Debug, Args)]
pub struct RootArgs {
    /// The site folder: the one holding site.toml [default: the current folder].
    ///
    /// Relative paths in site.toml (such as build.output) are resolved against this folder.
    #[arg(
        long,
        short = 'r',
        value_name = "DIR",
        default_value = ".",
        hide_default_value = true
    )]
    pub root: PathBuf,
}
