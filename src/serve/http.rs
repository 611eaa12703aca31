//! Answering requests: the site's files from memory, the live-reload script and event stream, and the errors.
//!
//! Every answer carries its content type, `X-Content-Type-Options: nosniff` and `Cache-Control: no-store` (a
//! preview must never show a cached page from before the last save), and a `Content-Length`, so `HEAD` requests
//! get the same headers as `GET` with no body. Only `GET` and `HEAD` are served. HTML gets the live-reload script
//! on its way out, so the pages in memory stay exactly those `redress build` writes.
//!
//! A fixed pool of threads answers ordinary requests. The event stream is handed to a thread of its own (see
//! [`super::events`]) so open tabs never use up the pool.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::Arc;
use std::thread::JoinHandle;

use tiny_http::{Header, Method, Request, Response, Server};

use super::events::{Hub, Refused};
use super::mime;
use super::path::{self, Target};
use super::site::{self, Current, Lookup};
use super::watch::Msg;

/// The page script, which connects to the event stream and drives the error overlay.
const LIVE_JS: &str = include_str!("live.js");

/// What `/__redress/live.js` serves: the error overlay component (built in, never the site's: see
/// [`crate::theme::overlay_script`]) and then the live-reload script, in one function scope so that neither adds
/// names to the page's own scripts. Made once, as it never changes while the server runs.
fn live_script() -> &'static str {
    static SCRIPT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SCRIPT.get_or_init(|| {
        format!(
            "(function () {{\n{}\n{}}})();\n",
            crate::theme::overlay_script(),
            LIVE_JS
        )
    })
}
/// The shared worker that holds one event stream for all of a browser's tabs.
const WORKER_JS: &str = include_str!("worker.js");

/// What every request handler needs.
#[derive(Debug)]
pub(crate) struct Context {
    /// The build being served.
    pub(crate) current: Current,
    /// The event-stream clients.
    pub(crate) hub: Arc<Hub>,
    /// True when listening on a loopback address, so `Host` is checked (see [`super::listen::host_allowed`]).
    pub(crate) loopback: bool,
    /// Set when shutting down, so that a worker told to stop does not report it as a failure.
    pub(crate) stopping: Arc<AtomicBool>,
}

/// Starts `n` threads answering requests until the server is unblocked once for each. If the server stops
/// accepting connections for another reason, the first worker to notice says so and asks the serve loop to stop.
pub(crate) fn spawn_workers(
    server: &Arc<Server>,
    ctx: &Arc<Context>,
    n: usize,
    stop: &Sender<Msg>,
) -> std::io::Result<Vec<JoinHandle<()>>> {
    (0..n)
        .map(|i| {
            let server = Arc::clone(server);
            let ctx = Arc::clone(ctx);
            let stop = stop.clone();
            std::thread::Builder::new()
                .name(format!("redress-http-{i}"))
                .spawn(move || loop {
                    match server.recv() {
                        Ok(req) => handle(req, &ctx),
                        Err(e) => {
                            if !ctx.stopping.swap(true, Ordering::SeqCst) {
                                eprintln!("error: the preview stopped accepting connections: {e}");
                                let _ = stop.send(Msg::Stop);
                            }
                            return;
                        }
                    }
                })
        })
        .collect()
}

/// Answers one request. Errors writing the answer mean the browser went away, which needs no report.
pub(crate) fn handle(req: Request, ctx: &Context) {
    let host = req
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str().to_string());
    if !super::listen::host_allowed(ctx.loopback, host.as_deref()) {
        let _ = req.respond(text(
            403,
            "this preview only answers requests for localhost or 127.0.0.1\n",
        ));
        return;
    }
    let head = match req.method() {
        Method::Get => false,
        Method::Head => true,
        _ => {
            let response = with_header(
                text(405, "only GET and HEAD are served\n"),
                "Allow",
                "GET, HEAD",
            );
            let _ = req.respond(response);
            return;
        }
    };
    let url = req.url().to_string();
    let raw_path = url.split(['?', '#']).next().unwrap_or("").to_string();
    if let Some(own) = raw_path.strip_prefix("/__redress/") {
        own_file(req, own, head, ctx);
        return;
    }
    let path = match path::parse(&url) {
        Target::Path(p) => p,
        Target::Refused(why) => {
            let _ = req.respond(text(400, &format!("bad request: {why}\n")));
            return;
        }
    };
    let snapshot = ctx.current.get();
    let response = if snapshot.is_empty() {
        page(503, site::not_built_page(&snapshot.build))
    } else {
        match snapshot.lookup(&path) {
            Lookup::File(p, bytes) => {
                let body = if mime::is_html(p) {
                    site::inject(bytes, &snapshot.build)
                } else {
                    bytes.to_vec()
                };
                file(200, mime::content_type(p), body)
            }
            Lookup::Folder => {
                let location = format!("{raw_path}/");
                match Header::from_bytes(&b"Location"[..], location.as_bytes()) {
                    Ok(h) => text(301, "moved\n").with_header(h),
                    Err(()) => page(404, site::not_found_page(&path, &snapshot.build)),
                }
            }
            Lookup::Missing => page(404, site::not_found_page(&path, &snapshot.build)),
            Lookup::Failed(p, why) => page(500, site::failed_page(p, why, &snapshot.build)),
        }
    };
    let _ = req.respond(response);
}

/// Requests under `/__redress/`: the script, the worker and the event stream.
fn own_file(req: Request, name: &str, head: bool, ctx: &Context) {
    let response = match name {
        "live.js" => file(
            200,
            "text/javascript; charset=utf-8",
            live_script().as_bytes().to_vec(),
        ),
        "worker.js" => file(
            200,
            "text/javascript; charset=utf-8",
            WORKER_JS.as_bytes().to_vec(),
        ),
        "events" if !head => {
            match ctx.hub.can_accept() {
                Ok(()) => {
                    // Refused only when shutting down: the stream then ends at once, and the browser retries.
                    let _ = ctx.hub.subscribe(req.into_writer());
                    return;
                }
                Err(Refused::Full) => {
                    text(503, "too many live-reload connections; close some tabs\n")
                }
                Err(Refused::Closed) => text(503, "the preview is stopping\n"),
            }
        }
        "events" => file(200, "text/event-stream", Vec::new()),
        _ => text(404, "not found\n"),
    };
    let _ = req.respond(response);
}

type Reply = Response<std::io::Cursor<Vec<u8>>>;

/// A response with the headers every answer carries. The chunked threshold is lifted so a `Content-Length` is
/// always sent: every body is in memory, and `HEAD` must report the length `GET` would send.
fn file(status: u16, content_type: &str, body: Vec<u8>) -> Reply {
    let response = Response::from_data(body)
        .with_status_code(status)
        .with_chunked_threshold(usize::MAX);
    let response = with_header(response, "Content-Type", content_type);
    let response = with_header(response, "Cache-Control", "no-store");
    let response = with_header(response, "X-Content-Type-Options", "nosniff");
    with_header(response, "Server", "redress")
}

fn page(status: u16, html: Vec<u8>) -> Reply {
    file(status, "text/html; charset=utf-8", html)
}

fn text(status: u16, message: &str) -> Reply {
    file(
        status,
        "text/plain; charset=utf-8",
        message.as_bytes().to_vec(),
    )
}

/// Adds a header. Names here are constants and values ASCII, so this does not fail; a value that was not ASCII
/// would leave the header out rather than panic.
fn with_header(response: Reply, name: &str, value: &str) -> Reply {
    match Header::from_bytes(name.as_bytes(), value.as_bytes()) {
        Ok(h) => response.with_header(h),
        Err(()) => response,
    }
}
