//! `redress serve`.

use std::net::IpAddr;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Result;
use clap::Args;

use super::args::RootArgs;

/// Preview the site in a browser, rebuilding and reloading it on every save.
///
/// Builds the site in memory and serves it at http://127.0.0.1:1111/. Whenever site.toml or a file under data/,
/// content/, themes/ or static/ is saved, the site is rebuilt and open pages reload by themselves; a change to a
/// stylesheet alone is swapped in without a reload. When a rebuild fails, the last good build stays up and every
/// open page shows the errors (file, line, column and what to do) until they are fixed.
///
/// Nothing is written to disk: the output folder is not touched, and the live-reload script exists only in the
/// preview, never in `redress build`'s output. If the port is taken, the next free one is used and named.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Examples:\n  redress serve                      Preview the site in this folder at http://127.0.0.1:1111/\n  redress serve --root my-report --open\n                                     Preview my-report/ and open it in the browser\n  redress serve --port 0             Use any free port (the address is printed)"
)]
pub struct ServeArgs {
    /// Where the site is.
    #[command(flatten)]
    pub root: RootArgs,
    /// The port to serve on; if it is taken, the next free one of the 20 after it is used. 0 picks any free port.
    #[arg(long, short = 'p', value_name = "N", default_value_t = 1111)]
    pub port: u16,
    /// Open the preview in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Listen on another address than 127.0.0.1, such as 0.0.0.0 for every network.
    ///
    /// Anyone who can reach that address can then read the preview, draft figures included, so redress warns
    /// when it is not a loopback address.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    pub bind: IpAddr,
    /// How long the files must be quiet after a change before rebuilding, in milliseconds (for measuring).
    #[arg(long, value_name = "MS", default_value_t = 10, hide = true)]
    pub debounce_ms: u64,
}

/// Runs `redress serve` until Ctrl-C.
pub fn run(args: ServeArgs) -> Result<ExitCode> {
    crate::serve::run(&crate::serve::Options {
        root: args.root.root,
        port: args.port,
        bind: args.bind,
        open: args.open,
        debounce: Duration::from_millis(args.debounce_ms),
    })
}
