//! `redress serve`: the real binary on a free port over a copy of the example site, driven the way a browser would
//! (plain HTTP/1.1 over a socket, and the Server-Sent Events stream read line by line).
//!
//! Each test owns its server and kills it when done, even when an assertion fails (see [`Serve`]'s `Drop`).
//! Rebuilds here are debug builds on a shared machine, so the waits are generous; the benchmark
//! (benches/serve.sh) measures the real latency.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use common::SiteTest;

/// How long a test waits for a rebuild's event.
const EVENT_WAIT: Duration = Duration::from_secs(60);

/// A running `redress serve`, killed on drop.
struct Serve {
    child: Child,
    addr: String,
    stderr: Receiver<String>,
    log: Vec<String>,
}

impl Serve {
    /// Starts `redress serve --root SITE ARGS` (with `--port 0` unless ARGS name a port) and waits for the address it prints.
    fn start(site: &SiteTest, args: &[&str]) -> Serve {
        let mut child = Command::new(env!("CARGO_BIN_EXE_redress"))
            .args(["serve", "--root"])
            .arg(site.root())
            .args(if args.contains(&"--port") {
                &[][..]
            } else {
                &["--port", "0"][..]
            })
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("cannot start redress serve");
        let pipe = child.stderr.take().expect("stderr is piped");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines() {
                let Ok(line) = line else { return };
                if tx.send(line).is_err() {
                    return;
                }
            }
        });
        let mut serve = Serve {
            child,
            addr: String::new(),
            stderr: rx,
            log: Vec::new(),
        };
        let line = serve.wait_for_line(" at http://");
        let url = line
            .split(" at http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        serve.addr = url.to_string();
        serve
    }

    /// Waits for a line of stderr containing `needle`, keeping every line read in `log`.
    #[track_caller]
    fn wait_for_line(&mut self, needle: &str) -> String {
        let deadline = Instant::now() + EVENT_WAIT;
        if let Some(l) = self.log.iter().find(|l| l.contains(needle)) {
            return l.clone();
        }
        while Instant::now() < deadline {
            match self.stderr.recv_timeout(Duration::from_millis(200)) {
                Ok(line) => {
                    self.log.push(line.clone());
                    if line.contains(needle) {
                        return line;
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
        }
        panic!(
            "redress serve never printed {needle:?}; it printed:\n{}",
            self.log.join("\n")
        );
    }

    /// Sends a raw request and returns the response.
    fn request(&self, raw: &str) -> Response {
        let mut stream = TcpStream::connect(&self.addr).expect("cannot connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        stream.write_all(raw.as_bytes()).unwrap();
        let mut bytes = Vec::new();
        stream
            .read_to_end(&mut bytes)
            .expect("cannot read the response");
        Response::parse(&bytes)
    }

    fn method(&self, method: &str, path: &str) -> Response {
        self.request(&format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        ))
    }

    fn get(&self, path: &str) -> Response {
        self.method("GET", path)
    }

    /// Connects to the event stream and reads its `hello`.
    fn events(&self) -> Events {
        let mut stream = TcpStream::connect(&self.addr).expect("cannot connect");
        stream
            .set_read_timeout(Some(Duration::from_millis(100)))
            .unwrap();
        write!(
            stream,
            "GET /__redress/events HTTP/1.1\r\nHost: {}\r\nAccept: text/event-stream\r\n\r\n",
            self.addr
        )
        .unwrap();
        let mut events = Events {
            stream,
            buf: Vec::new(),
            head_read: false,
        };
        events.expect("hello");
        events
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A parsed HTTP response.
#[derive(Debug)]
struct Response {
    status: u16,
    head: String,
    body: Vec<u8>,
}

impl Response {
    fn parse(bytes: &[u8]) -> Response {
        let split = bytes
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or_else(|| panic!("no response head in {:?}", String::from_utf8_lossy(bytes)));
        let head = String::from_utf8_lossy(&bytes[..split]).into_owned();
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("no status in {head:?}"));
        Response {
            status,
            head,
            body: bytes[split + 4..].to_vec(),
        }
    }

    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().skip(1).find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
        })
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// The event stream, read by hand: a response head, then events separated by blank lines.
struct Events {
    stream: TcpStream,
    buf: Vec<u8>,
    head_read: bool,
}

impl Events {
    /// The next event as (name, data), or `None` if none arrives in `wait` (or the stream ends).
    fn next(&mut self, wait: Duration) -> Option<(String, String)> {
        let deadline = Instant::now() + wait;
        loop {
            if !self.head_read {
                if let Some(end) = self.buf.windows(4).position(|w| w == b"\r\n\r\n") {
                    let head = String::from_utf8_lossy(&self.buf[..end]).into_owned();
                    assert!(
                        head.starts_with("HTTP/1.1 200"),
                        "event stream refused: {head}"
                    );
                    assert!(head.contains("Content-Type: text/event-stream"), "{head}");
                    self.buf.drain(..end + 4);
                    self.head_read = true;
                }
            } else if let Some(end) = self.buf.windows(2).position(|w| w == b"\n\n") {
                let block = String::from_utf8_lossy(&self.buf[..end]).into_owned();
                self.buf.drain(..end + 2);
                let mut name = String::from("message");
                let mut data = None;
                for line in block.lines() {
                    if let Some(v) = line.strip_prefix("event: ") {
                        name = v.to_string();
                    } else if let Some(v) = line.strip_prefix("data: ") {
                        data = Some(v.to_string());
                    }
                }
                // `retry:` and keep-alive comments carry no data and are not events.
                match data {
                    Some(data) => return Some((name, data)),
                    None => continue,
                }
            }
            if Instant::now() >= deadline {
                return None;
            }
            let mut chunk = [0u8; 8192];
            match self.stream.read(&mut chunk) {
                Ok(0) => return None,
                Ok(n) => self.buf.extend_from_slice(&chunk[..n]),
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) => {}
                Err(_) => return None,
            }
        }
    }

    /// Waits for the event `name`, skipping others, and returns its data.
    #[track_caller]
    fn expect(&mut self, name: &str) -> String {
        let deadline = Instant::now() + EVENT_WAIT;
        let mut seen = Vec::new();
        while Instant::now() < deadline {
            if let Some((n, data)) = self.next(deadline - Instant::now()) {
                if n == name {
                    return data;
                }
                seen.push(n);
            }
        }
        panic!("no `{name}` event arrived; saw {seen:?}");
    }

    /// Asserts no event at all arrives in `wait`.
    #[track_caller]
    fn expect_quiet(&mut self, wait: Duration) {
        if let Some((name, data)) = self.next(wait) {
            panic!("expected no event, got `{name}`: {data}");
        }
    }
}

/// Appends to a file.
fn append(site: &SiteTest, rel: &str, text: &str) {
    let old = site.read(rel);
    site.write(rel, &format!("{old}{text}"));
}

#[test]
fn an_edit_reloads_the_page_with_the_new_text() {
    let site = SiteTest::example();
    // Without static/ (and the list of past reports whose files are in it), to see the folder appear below.
    std::fs::remove_dir_all(site.path("static")).unwrap();
    site.remove("data/past-reports.toml");
    let serve = Serve::start(&site, &[]);
    let mut events = serve.events();
    append(
        &site,
        "content/introduction.md",
        "\nA sentence added while serving.\n",
    );
    let data = events.expect("reload");
    assert!(data.contains("\"index.html\""), "{data}");
    let page = serve.get("/");
    assert_eq!(page.status, 200);
    assert!(page.text().contains("A sentence added while serving."));
    assert!(page.text().contains("<script src=\"/__redress/live.js\""));

    // A new page appears, a renamed page moves, a removed page goes.
    site.write(
        "content/case-study.md",
        "+++\ntitle = \"A case study\"\n+++\nWhat we learned.\n",
    );
    events.expect("reload");
    assert_eq!(serve.get("/case-study.html").status, 200);
    std::fs::rename(
        site.path("content/case-study.md"),
        site.path("content/lessons.md"),
    )
    .unwrap();
    events.expect("reload");
    assert_eq!(serve.get("/case-study.html").status, 404);
    assert!(serve
        .get("/lessons.html")
        .text()
        .contains("What we learned."));
    site.remove("content/lessons.md");
    events.expect("reload");
    assert_eq!(serve.get("/lessons.html").status, 404);

    // A folder created while serving is watched from then on.
    assert!(!site.path("static").exists());
    site.write("static/notice.txt", "first notice");
    events.expect("reload");
    assert_eq!(serve.get("/notice.txt").text(), "first notice");
    site.write("static/notice.txt", "second notice");
    events.expect("reload");
    assert_eq!(serve.get("/notice.txt").text(), "second notice");

    // An editor's temporary file and a file outside the inputs do not rebuild anything.
    site.write("content/.introduction.md.swp", "x");
    site.write("content/introduction.md~", "x");
    site.write("notes.txt", "x");
    events.expect_quiet(Duration::from_secs(2));
    // Serving wrote nothing.
    assert!(!site.path("public").exists());
}

#[test]
fn a_new_complaints_log_export_reloads_the_figures() {
    let site = SiteTest::example();
    let serve = Serve::start(&site, &[]);
    let mut events = serve.events();
    let received = |page: &str| page.contains(">656<");
    assert!(!received(&serve.get("/performance.html").text()));
    // One more stage 1 complaint in the year, as a new export from the case management system would have it.
    append(
        &site,
        "private/complaints-2025-26.csv",
        "AH-2025-99999,LCRA,Communication,02/06/2025,03/06/2025,,10/06/2025,Upheld,,,,,,,\n",
    );
    events.expect("reload");
    assert!(
        received(&serve.get("/performance.html").text()),
        "the performance page does not show 656 complaints received at stage 1"
    );
}

#[test]
fn a_broken_file_shows_its_error_until_it_is_fixed() {
    let site = SiteTest::example();
    let mut serve = Serve::start(&site, &[]);
    let mut events = serve.events();
    let good = site.read("data/performance.toml");
    let line = good
        .lines()
        .position(|l| l.starts_with("homes = "))
        .expect("performance.toml has a homes key")
        + 1;
    site.replace("data/performance.toml", "\nhomes = ", "\nhommes = ");
    let data = events.expect("error");
    let position = format!("data/performance.toml:{line}:1");
    assert!(
        data.contains(&format!("\"position\":\"{position}\"")),
        "{data}"
    );
    assert!(data.contains("unknown key `hommes`"), "{data}");
    assert!(data.contains("did you mean `homes`?"), "{data}");
    assert!(
        data.contains("\"line\":") && data.contains("\"column\":1"),
        "{data}"
    );
    serve.wait_for_line(&format!("--> {position}"));
    serve.wait_for_line("still shows the last good build");

    // The last good build is still served, and a tab opened now is told about the error at once.
    assert_eq!(serve.get("/performance.html").status, 200);
    let mut late = serve.events();
    assert!(late.expect("error").contains(&position));

    site.write("data/performance.toml", &good);
    events.expect("ok");
    late.expect("ok");
    serve.wait_for_line("the errors are fixed");
    // The fix restored the last good build exactly, so nothing reloads.
    events.expect_quiet(Duration::from_secs(2));
}

#[test]
fn a_stylesheet_change_swaps_styles_without_a_reload() {
    // A change to one component's CSS: the stylesheet it is joined into changes, and nothing else.
    let site = SiteTest::example();
    let tag = "themes/default/components/tag/tag.css";
    let css = std::fs::read_to_string(common::repo().join(tag)).unwrap();
    site.write(tag, &css);
    let serve = Serve::start(&site, &[]);
    let mut events = serve.events();
    append(
        &site,
        tag,
        "\n@layer components { .rd-test { color: #123456; } }\n",
    );
    let data = events.expect("css");
    assert!(data.contains("\"paths\":[\"assets/style.css\"]"), "{data}");
    assert!(data.contains("\"previous\":"), "{data}");
    assert!(serve.get("/assets/style.css").text().contains(".rd-test"));
}

#[test]
fn the_server_is_a_proper_static_server() {
    let site = SiteTest::example();
    site.write("SECRET.txt", "top secret contents");
    site.write(
        "static/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    site.write("static/extra.js", "void 0;");
    #[cfg(unix)]
    std::os::unix::fs::symlink(site.path("SECRET.txt"), site.path("static/linked.txt")).unwrap();
    let serve = Serve::start(&site, &[]);

    for (path, ty) in [
        ("/", "text/html; charset=utf-8"),
        ("/performance.html", "text/html; charset=utf-8"),
        ("/assets/style.css", "text/css; charset=utf-8"),
        ("/data/ch01.csv", "text/csv; charset=utf-8"),
        ("/data/ch01.json", "application/json"),
        ("/logo.svg", "image/svg+xml"),
        ("/extra.js", "text/javascript; charset=utf-8"),
        ("/__redress/live.js", "text/javascript; charset=utf-8"),
    ] {
        let r = serve.get(path);
        assert_eq!(r.status, 200, "{path}: {}", r.head);
        assert_eq!(r.header("Content-Type").as_deref(), Some(ty), "{path}");
        assert_eq!(
            r.header("X-Content-Type-Options").as_deref(),
            Some("nosniff")
        );
    }
    // Only HTML gets the script.
    assert!(!serve.get("/assets/style.css").text().contains("__redress"));

    let get = serve.get("/performance.html");
    let head = serve.method("HEAD", "/performance.html");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty(), "HEAD sent a body");
    assert_eq!(
        head.header("Content-Length"),
        Some(get.body.len().to_string())
    );
    assert_eq!(head.header("Content-Type"), get.header("Content-Type"));
    assert_eq!(serve.method("POST", "/").status, 405);

    let missing = serve.get("/no-such-page.html");
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.header("Content-Type").as_deref(),
        Some("text/html; charset=utf-8")
    );
    assert!(missing.text().contains("href=\"/\""));
    assert!(missing.text().contains("/__redress/live.js"));

    for target in [
        "/../SECRET.txt",
        "/%2e%2e/SECRET.txt",
        "/%2E%2E/SECRET.txt",
        "/..%2fSECRET.txt",
        "/..%5cSECRET.txt",
        "/assets/../../SECRET.txt",
        "//etc/passwd",
        "/%2fetc/passwd",
        "/../../../../../../etc/passwd",
        "/SECRET.txt",
        "/linked.txt",
        "/%252e%252e/SECRET.txt",
        "/index.html%00",
    ] {
        let r = serve.get(target);
        assert!(
            r.status == 400 || r.status == 404,
            "{target} answered {}",
            r.status
        );
        let text = r.text();
        assert!(
            !text.contains("top secret") && !text.contains("root:x:0"),
            "{target} leaked: {text}"
        );
    }

    // Other sites' pages cannot read the preview through a name that points at 127.0.0.1.
    let rebound =
        serve.request("GET / HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n");
    assert_eq!(rebound.status, 403);
}

#[test]
fn many_tabs_are_served_at_once() {
    let site = SiteTest::example();
    let serve = Serve::start(&site, &[]);
    let mut tabs: Vec<Events> = (0..12).map(|_| serve.events()).collect();
    // Ordinary requests still go through while every stream is open.
    assert_eq!(serve.get("/").status, 200);
    append(&site, "content/introduction.md", "\nTwelve tabs.\n");
    for tab in &mut tabs {
        tab.expect("reload");
    }
}

#[test]
fn build_output_never_has_the_reload_script() {
    let site = SiteTest::example();
    site.build().expect_success();
    for (path, bytes) in common::tree(&site.path("public")) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("__redress"),
            "{path} has the live-reload script"
        );
    }
}

#[test]
fn a_taken_port_moves_to_the_next_and_ctrl_c_stops_cleanly() {
    let site = SiteTest::example();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let mut serve = Serve::start(&site, &["--port", &port]);
    serve.wait_for_line(&format!("port {port} is in use; serving on"));
    assert_ne!(serve.addr, format!("127.0.0.1:{port}"));
    assert_eq!(serve.get("/").status, 200);

    #[cfg(unix)]
    {
        let mut events = serve.events();
        let status = Command::new("kill")
            .args(["-INT", &serve.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let deadline = Instant::now() + Duration::from_secs(10);
        let exit = loop {
            if let Some(exit) = serve.child.try_wait().unwrap() {
                break exit;
            }
            assert!(
                Instant::now() < deadline,
                "redress serve did not stop on Ctrl-C"
            );
            std::thread::sleep(Duration::from_millis(50));
        };
        assert_eq!(exit.code(), Some(0));
        serve.wait_for_line("stopped");
        // The event stream was closed, not left hanging.
        assert!(events.next(Duration::from_secs(5)).is_none());
    }
}

#[test]
fn a_missing_site_is_refused_before_serving() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_redress"))
        .args(["serve", "--port", "0", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("there is no site.toml"), "{stderr}");
}

#[test]
fn the_pdf_is_made_when_it_is_asked_for_not_on_every_save() {
    let site = SiteTest::example();
    let mut serve = Serve::start(&site, &[]);
    serve.wait_for_line("built ");
    assert!(
        !serve.log.iter().any(|l| l.contains("made report.pdf")),
        "the first build made the PDF: {:?}",
        serve.log
    );
    let text = serve.get("/report.txt");
    assert_eq!(text.status, 200, "{}", text.head);
    assert!(text
        .text()
        .contains("Complaints performance and service improvement report"));
    let pdf = serve.get("/report.pdf");
    assert_eq!(pdf.status, 200, "{}", pdf.head);
    assert_eq!(
        pdf.header("content-type").as_deref(),
        Some("application/pdf")
    );
    assert!(pdf.body.starts_with(b"%PDF-"));
    serve.wait_for_line("made report.pdf");
    // It is the PDF `redress build` writes, byte for byte.
    site.build().expect_success();
    assert!(pdf.body == std::fs::read(site.path("public/report.pdf")).unwrap());
}
