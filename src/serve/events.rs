//! The live-reload channel: Server-Sent Events from the server to every open page.
//!
//! Events (each `event: NAME` with one line of JSON as `data`):
//!
//! | event    | when | data |
//! |---|---|---|
//! | `hello`  | on connecting | `{"build"}`: the build being served, so a page from an older build (or from before a server restart) reloads |
//! | `reload` | a build changed anything but stylesheets | `{"build", "paths"}` |
//! | `css`    | a build changed only existing stylesheets | `{"build", "previous", "paths"}`: pages swap those stylesheets in place |
//! | `error`  | a build failed (also sent on connecting while it stays failed) | the diagnostics: see [`error_data`] |
//! | `ok`     | the first good build after a failure | `{"build"}`: the overlay clears |
//!
//! SSE rather than WebSocket: the traffic only goes one way, `EventSource` reconnects by itself, and it needs no
//! handshake code or framing. Browsers allow only six HTTP/1.1 connections per host, so the page script shares one
//! `EventSource` between all tabs through a `SharedWorker` (see `worker.js`); tabs beyond six still work.
//!
//! Each connected client has its own thread and a small bounded queue. A client that stops reading fills its queue
//! and is dropped (its browser reconnects and catches up from `hello`), so one stuck tab can never hold up a
//! rebuild or the other tabs.

use std::io::Write;
use std::sync::mpsc::{self, RecvTimeoutError, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use serde_json::{json, Value};

use super::site::Change;
use crate::diagnostics::{diagnostic_json, render_all, snippet, Diagnostic, Diagnostics};

/// The response head of the event stream. The body has no length: it ends when either side closes.
const HEAD: &str =
    "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\
                    X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n\
                    retry: 1000\n\n";

/// How often an idle stream gets a comment line, so a closed tab is noticed and proxies keep the stream open.
const KEEPALIVE: Duration = Duration::from_secs(15);

/// Events queued for one client before it counts as stuck and is dropped.
const QUEUE: usize = 64;

/// Clients served at once; more get 503. With the shared worker a browser holds one, however many tabs it has.
pub(crate) const MAX_CLIENTS: usize = 256;

/// The connected clients and what a newly connected one must be told.
#[derive(Debug)]
pub(crate) struct Hub {
    inner: Mutex<Inner>,
}

#[derive(Debug)]
struct Inner {
    clients: Vec<SyncSender<Arc<str>>>,
    build: String,
    /// The `error` event while the latest build has failed.
    error: Option<Arc<str>>,
    closed: bool,
}

/// Why a client was not taken on.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Refused {
    /// [`MAX_CLIENTS`] are connected.
    Full,
    /// The server is shutting down.
    Closed,
}

impl Hub {
    /// A hub serving build `build`.
    pub(crate) fn new(build: &str) -> Hub {
        Hub {
            inner: Mutex::new(Inner {
                clients: Vec::new(),
                build: build.to_string(),
                error: None,
                closed: false,
            }),
        }
    }

    /// A poisoned lock is recovered: every field is valid after any partial update.
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Checks that a new client can be taken on, before its response is started.
    pub(crate) fn can_accept(&self) -> Result<(), Refused> {
        let inner = self.lock();
        if inner.closed {
            Err(Refused::Closed)
        } else if inner.clients.len() >= MAX_CLIENTS {
            Err(Refused::Full)
        } else {
            Ok(())
        }
    }

    /// Starts streaming events to `writer`, the raw connection of a `GET /__redress/events`: writes the response
    /// head, queues `hello` (and the current `error`, if any) and hands the stream to a thread of its own.
    pub(crate) fn subscribe(&self, mut writer: Box<dyn Write + Send>) -> Result<(), Refused> {
        if writer
            .write_all(HEAD.as_bytes())
            .and_then(|()| writer.flush())
            .is_err()
        {
            return Ok(());
        }
        let (tx, rx) = mpsc::sync_channel::<Arc<str>>(QUEUE);
        {
            let mut inner = self.lock();
            if inner.closed {
                return Err(Refused::Closed);
            }
            let hello = event("hello", &json!({ "build": inner.build }));
            // The queue is new and empty, so these two cannot fail for want of room.
            let _ = tx.try_send(hello.into());
            if let Some(error) = &inner.error {
                let _ = tx.try_send(Arc::clone(error));
            }
            inner.clients.push(tx);
        }
        let spawned = std::thread::Builder::new()
            .name("redress-events".into())
            .spawn(move || pump(writer, &rx));
        // If no thread can be had the sender stays registered until the next event finds its receiver gone.
        drop(spawned);
        Ok(())
    }

    /// Tells every client about a good build.
    pub(crate) fn succeeded(&self, build: &str, previous: &str, change: &Change) {
        let mut inner = self.lock();
        inner.build = build.to_string();
        if inner.error.take().is_some() {
            inner.send(event("ok", &json!({ "build": build })).into());
        }
        match change {
            Change::None => {}
            Change::Css(paths) => inner.send(
                event(
                    "css",
                    &json!({ "build": build, "previous": previous, "paths": paths }),
                )
                .into(),
            ),
            Change::Reload(paths) => {
                inner.send(event("reload", &json!({ "build": build, "paths": paths })).into());
            }
        }
    }

    /// Tells every client (and every client that connects until the next good build) that a build failed.
    pub(crate) fn failed(&self, data: &Value) {
        let mut inner = self.lock();
        let msg: Arc<str> = event("error", data).into();
        inner.error = Some(Arc::clone(&msg));
        inner.send(msg);
    }

    /// Ends every stream and takes on no more clients.
    pub(crate) fn close(&self) {
        let mut inner = self.lock();
        inner.closed = true;
        inner.clients.clear();
    }

    /// How many clients are connected (as of the last event sent).
    #[cfg(test)]
    pub(crate) fn clients(&self) -> usize {
        self.lock().clients.len()
    }
}

impl Inner {
    fn send(&mut self, msg: Arc<str>) {
        self.clients
            .retain(|client| match client.try_send(Arc::clone(&msg)) {
                Ok(()) => true,
                Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => false,
            });
    }
}

/// Writes a client's events until it goes away or the hub drops it.
fn pump(mut writer: Box<dyn Write + Send>, rx: &mpsc::Receiver<Arc<str>>) {
    loop {
        let msg: Arc<str> = match rx.recv_timeout(KEEPALIVE) {
            Ok(msg) => msg,
            Err(RecvTimeoutError::Timeout) => Arc::from(": keepalive\n\n"),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if writer
            .write_all(msg.as_bytes())
            .and_then(|()| writer.flush())
            .is_err()
        {
            return;
        }
    }
}

/// One event in the SSE wire format. The JSON is compact, so it is always a single `data:` line.
pub(crate) fn event(name: &str, data: &Value) -> String {
    format!("event: {name}\ndata: {data}\n\n")
}

/// The data of an `error` event for a build with diagnostics:
///
/// ```json
/// {"build": "…", "errors": 1, "warnings": 0, "text": "error: unknown key `hommes`\n --> …",
///  "diagnostics": [{"severity": "error", "message": "unknown key `hommes`", "file": "data/performance.toml",
///                   "line": 7, "column": 1, "position": "data/performance.toml:7:1",
///                   "snippet": "7 | hommes = 11_860\n  | ^^^^^^ unknown key", "help": "did you mean `homes`?"}]}
/// ```
///
/// `text` is what the terminal shows; `diagnostics` lets the overlay lay each one out.
pub(crate) fn error_data(build: &str, diagnostics: &Diagnostics) -> Value {
    let list: Vec<Value> = diagnostics.sorted().into_iter().map(diagnostic).collect();
    json!({
        "build": build,
        "errors": diagnostics.error_count(),
        "warnings": diagnostics.warning_count(),
        "text": render_all(diagnostics),
        "diagnostics": list,
    })
}

/// The data of an `error` event when redress itself could not build (a file could not be read): one message with
/// its chain of causes.
pub(crate) fn failure_data(build: &str, error: &anyhow::Error) -> Value {
    let message = format!("{error:#}");
    json!({
        "build": build,
        "errors": 1,
        "warnings": 0,
        "text": format!("error: {message}\n"),
        "diagnostics": [{ "severity": "error", "message": message }],
    })
}

/// A diagnostic for the overlay: the JSON `check --format json` gives, plus its `file:line:col` and its snippet
/// as the terminal shows them.
fn diagnostic(d: &Diagnostic) -> Value {
    let mut v = diagnostic_json(d);
    if let Some(obj) = v.as_object_mut() {
        if let Some(position) = d.position() {
            obj.insert("position".into(), json!(position));
        }
        if let Some(snippet) = snippet(d) {
            obj.insert("snippet".into(), json!(snippet));
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::SourceFile;
    use std::io;

    /// A writer whose bytes a test can read while the hub's thread writes.
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    impl Shared {
        fn wait_for(&self, needle: &str) -> String {
            for _ in 0..200 {
                let text = String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned();
                if text.contains(needle) {
                    return text;
                }
                std::thread::sleep(Duration::from_millis(10));
            }
            panic!("{needle:?} never arrived");
        }
    }

    #[test]
    fn a_new_client_hears_hello_then_the_current_error() {
        let hub = Hub::new("b-1");
        hub.failed(&json!({ "build": "b-1", "errors": 1 }));
        let out = Shared::default();
        hub.subscribe(Box::new(out.clone())).unwrap();
        let text = out.wait_for("event: error");
        assert!(text.starts_with("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"));
        let hello = text
            .find("event: hello\ndata: {\"build\":\"b-1\"}\n\n")
            .unwrap();
        assert!(hello < text.find("event: error").unwrap());
    }

    #[test]
    fn a_fix_sends_ok_then_the_change() {
        let hub = Hub::new("b-1");
        let out = Shared::default();
        hub.subscribe(Box::new(out.clone())).unwrap();
        hub.failed(&json!({ "build": "b-1" }));
        hub.succeeded("b-2", "b-1", &Change::Css(vec!["assets/style.css".into()]));
        let text = out.wait_for("event: css");
        assert!(text.find("event: ok").unwrap() < text.find("event: css").unwrap());
        assert!(text.contains(
            "data: {\"build\":\"b-2\",\"paths\":[\"assets/style.css\"],\"previous\":\"b-1\"}"
        ));
        hub.succeeded("b-3", "b-2", &Change::None);
        assert_eq!(hub.clients(), 1);
        hub.close();
        assert_eq!(hub.clients(), 0);
        assert_eq!(
            hub.subscribe(Box::new(Shared::default())),
            Err(Refused::Closed)
        );
    }

    #[test]
    fn error_data_carries_position_snippet_and_help() {
        let f = SourceFile::new("data/performance.toml", "p", "label = \"x\"\nhommes = 1\n");
        let mut ds = Diagnostics::new();
        ds.push(
            Diagnostic::error("unknown key `hommes`")
                .at(&f, 12..18)
                .label("unknown key")
                .help("did you mean `homes`?"),
        );
        let v = error_data("b-1", &ds);
        assert_eq!(v["errors"], 1);
        let d = &v["diagnostics"][0];
        assert_eq!(d["position"], "data/performance.toml:2:1");
        assert_eq!(d["line"], 2);
        assert_eq!(d["column"], 1);
        assert_eq!(d["snippet"], "2 | hommes = 1\n  | ^^^^^^ unknown key");
        assert_eq!(d["help"], "did you mean `homes`?");
        assert!(v["text"]
            .as_str()
            .unwrap()
            .contains("--> data/performance.toml:2:1"));
        let line = event("error", &v);
        assert_eq!(line.matches('\n').count(), 3, "one data line: {line}");
    }
}
