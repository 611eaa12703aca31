//! `redress serve`: a live preview of the site that rebuilds on every save and reloads the open pages.
//!
//! The parts, in the order a save travels through them:
//!
//! - `watch` sees the input files change (site.toml, data/, content/, themes/, static/), ignores editors'
//!   temporary files and the output folder, and waits for the burst of events from one save to end;
//! - `rebuild` renders the whole site in memory with [`crate::preview_site`] and, if it built, swaps it in as the
//!   new `site::Snapshot`; a failed build leaves the last good one in place;
//! - `events` tells every open page over Server-Sent Events: reload, swap the stylesheets, or show the errors;
//! - `http` serves the snapshot from memory (with `path` refusing anything that tries to leave the site and
//!   `mime` naming each file's type) and adds the live-reload script (`live.js`) to each HTML page as it is sent;
//! - `listen` picks the address and port and guards the preview against other sites' pages.
//!
//! What it must not do: write anything. `serve` never touches the output folder or `redress build`'s output, and
//! the live-reload script is never part of a built site.

mod events;
mod http;
mod listen;
mod mime;
mod path;
mod rebuild;
mod site;
mod watch;

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher as _, Hasher as _};
use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _, Result};

use events::Hub;
use rebuild::Rebuilder;
use site::{Current, Snapshot};
use watch::{Msg, Watch};

/// Threads answering ordinary requests. Every answer comes from memory, so a few keep up with many tabs; the event
/// streams have threads of their own.
const WORKERS: usize = 4;

/// The longest a burst of changes may postpone a rebuild, so a long copy into the site still shows progress.
const LONGEST_WAIT: Duration = Duration::from_secs(1);

/// What `redress serve` was asked to do.
#[derive(Debug, Clone)]
pub(crate) struct Options {
    /// The site folder.
    pub(crate) root: PathBuf,
    /// The port to try first; 0 lets the system choose.
    pub(crate) port: u16,
    /// The address to listen on; loopback unless the user asked otherwise.
    pub(crate) bind: IpAddr,
    /// Open the preview in the desktop's browser.
    pub(crate) open: bool,
    /// How long the input files must be quiet after a change before the site is rebuilt.
    pub(crate) debounce: Duration,
}

/// Runs the preview until Ctrl-C. Returns an error when it cannot start (no site there, no port free) or when it
/// stops for a reason other than Ctrl-C.
pub(crate) fn run(opts: &Options) -> Result<ExitCode> {
    let root = std::fs::canonicalize(&opts.root)
        .with_context(|| format!("cannot serve `{}`: no such folder", opts.root.display()))?;
    if !root.join("site.toml").is_file() {
        bail!(
            "there is no site.toml in `{}`\n\nrun `redress serve` in the site folder, or name it with --root DIR; `redress init DIR` starts a new site",
            root.display()
        );
    }
    let instance = instance_id();
    let first = Rebuilder::initial_build(&instance);
    let current = Current::new(Snapshot::new(first.clone(), Vec::new()));
    let hub = Arc::new(Hub::new(&first));
    let mut rebuilder = Rebuilder::new(&root, &instance, current.clone(), Arc::clone(&hub));
    let first_build = rebuilder.build();
    rebuilder.publish(first_build, &[]);

    let bound = listen::bind(opts.bind, opts.port)?;
    if let Some(asked) = bound.instead_of {
        eprintln!(
            "port {asked} is in use; serving on {} instead",
            bound.addr.port()
        );
    }
    let loopback = bound.addr.ip().is_loopback();
    if !loopback {
        eprintln!(
            "warning: listening on {}, so other computers that can reach this one can read the preview, \
             draft figures and all\n  leave out --bind to keep it to this computer",
            bound.addr.ip()
        );
    }
    let url = listen::url(bound.addr);
    let server = tiny_http::Server::from_listener(bound.listener, None)
        .map_err(|e| anyhow::anyhow!("failed to start the preview server: {e}"))?;
    let server = Arc::new(server);

    let (tx, rx) = mpsc::channel::<Msg>();
    let mut watch = Watch::start(&root, tx.clone())?;
    let interrupted = Arc::new(AtomicBool::new(false));
    {
        let interrupted = Arc::clone(&interrupted);
        let tx = tx.clone();
        ctrlc::set_handler(move || {
            if interrupted.swap(true, Ordering::SeqCst) {
                // A second Ctrl-C while stopping: stop now.
                std::process::exit(130);
            }
            let _ = tx.send(Msg::Stop);
        })
        .context("failed to set up Ctrl-C handling")?;
    }
    let stopping = Arc::new(AtomicBool::new(false));
    let ctx = Arc::new(http::Context {
        current,
        hub: Arc::clone(&hub),
        loopback,
        stopping: Arc::clone(&stopping),
    });
    let workers = http::spawn_workers(&server, &ctx, WORKERS, &tx)
        .context("failed to start the preview's threads")?;
    drop(tx);

    eprintln!("serving {} at {url} (Ctrl-C to stop)", root.display());
    if opts.open {
        if let Err(e) = listen::open_browser(&url) {
            eprintln!("warning: {e:#}; open {url} yourself");
        }
    }

    // Each turn: wait for a save to settle, build, and publish the build unless a file changed while it ran (it
    // may have read a half-saved file); then the changes so far are built again once they settle. So the
    // debounce can be short: it only saves wasted builds, it is not what keeps torn reads out of the preview.
    // A stream of changes that never settles is published anyway after LONGEST_WAIT, to show progress.
    let mut carried = Vec::new();
    let mut since: Option<Instant> = None;
    loop {
        let output = rebuilder.output.clone();
        let relevant = |p: &std::path::Path| watch::is_relevant(&root, output.as_deref(), p);
        let Some(mut changed) =
            watch::next_burst(&rx, opts.debounce, LONGEST_WAIT, &relevant, carried)
        else {
            break;
        };
        watch.refresh(&changed);
        let built = rebuilder.build();
        let Some(during) = watch::during_build(&rx, &relevant) else {
            break;
        };
        let started = *since.get_or_insert_with(Instant::now);
        if during.is_empty() || started.elapsed() > LONGEST_WAIT {
            rebuilder.publish(built, &changed);
            carried = during;
            since = None;
        } else {
            changed.extend(during);
            carried = changed;
        }
    }

    stopping.store(true, Ordering::SeqCst);
    hub.close();
    drop(watch);
    for _ in &workers {
        server.unblock();
    }
    let deadline = Instant::now() + Duration::from_secs(2);
    while workers.iter().any(|w| !w.is_finished()) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    if interrupted.load(Ordering::SeqCst) {
        eprintln!("stopped");
        Ok(ExitCode::SUCCESS)
    } else {
        Ok(ExitCode::from(crate::diagnostics::EXIT_FAILURE))
    }
}

/// A random id for this run of the server, so a page can tell a restarted server from the one that served it.
/// `RandomState` is seeded from the OS's randomness.
fn instance_id() -> String {
    let mut h = RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    h.write_u32(std::process::id());
    format!("{:08x}", h.finish() as u32)
}
