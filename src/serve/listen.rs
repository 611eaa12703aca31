//! Where the preview listens, and who may talk to it.
//!
//! The preview is for the person at the keyboard: it listens on 127.0.0.1 unless told otherwise, and the draft
//! report it shows may hold figures that are not public yet. Listening on loopback is not enough on its own: a web
//! page on the internet can point a name it controls at 127.0.0.1 ("DNS rebinding") and read the preview through
//! the visitor's browser. So on loopback, requests must also name a loopback host (`localhost`, `127.0.0.1`,
//! `[::1]`) in their `Host` header ([`host_allowed`]).

use std::io::ErrorKind;
use std::net::{IpAddr, SocketAddr, TcpListener};

use anyhow::{bail, Context as _, Result};

/// How many ports after the requested one are tried when it is taken.
pub(crate) const PORT_TRIES: u16 = 20;

/// A bound listener, and the port asked for when a different one was used.
#[derive(Debug)]
pub(crate) struct Bound {
    /// The listening socket.
    pub(crate) listener: TcpListener,
    /// The address it listens on.
    pub(crate) addr: SocketAddr,
    /// The port that was asked for, when it was taken and another was used.
    pub(crate) instead_of: Option<u16>,
}

/// Binds `ip:port`, or the next free port of the [`PORT_TRIES`] after it. Port 0 lets the system choose.
pub(crate) fn bind(ip: IpAddr, port: u16) -> Result<Bound> {
    let last = if port == 0 {
        0
    } else {
        port.saturating_add(PORT_TRIES)
    };
    for p in port..=last {
        match TcpListener::bind((ip, p)) {
            Ok(listener) => {
                let addr = listener
                    .local_addr()
                    .context("failed to read the address the preview listens on")?;
                return Ok(Bound {
                    listener,
                    addr,
                    instead_of: (p != port).then_some(port),
                });
            }
            Err(e) if e.kind() == ErrorKind::AddrInUse => continue,
            Err(e) if e.kind() == ErrorKind::AddrNotAvailable => {
                bail!("cannot listen on {ip}: it is not an address of this computer\n\nuse --bind 127.0.0.1 (the default), or an address this computer has")
            }
            Err(e) if e.kind() == ErrorKind::PermissionDenied => {
                bail!("not allowed to listen on port {p} ({e})\n\nports below 1024 need special rights; use the default, --port 1111, or --port 0 for any free port")
            }
            Err(e) => return Err(e).with_context(|| format!("failed to listen on {ip}:{p}")),
        }
    }
    bail!("ports {port} to {last} are all in use\n\nuse --port 0 to let the system choose a free port")
}

/// The address to print and open: `http://127.0.0.1:1111/`; an unspecified address (0.0.0.0) is shown as
/// loopback because that is what works in the local browser.
pub(crate) fn url(addr: SocketAddr) -> String {
    let ip = match addr.ip() {
        IpAddr::V4(v4) if v4.is_unspecified() => IpAddr::from([127, 0, 0, 1]),
        IpAddr::V6(v6) if v6.is_unspecified() => IpAddr::from([0, 0, 0, 0, 0, 0, 0, 1]),
        ip => ip,
    };
    format!("http://{}/", SocketAddr::new(ip, addr.port()))
}

/// Whether a request's `Host` header is acceptable. On a loopback listener, only loopback names are; on another
/// address (chosen with `--bind`, with a warning) any name is, since the preview is then meant to be reached by
/// other names. A request with no `Host` (HTTP/1.0) cannot come from a rebinding attack, which needs a name.
pub(crate) fn host_allowed(loopback: bool, host: Option<&str>) -> bool {
    if !loopback {
        return true;
    }
    let Some(host) = host else { return true };
    let name = if let Some(rest) = host.strip_prefix('[') {
        // [::1]:1111
        rest.split(']').next().unwrap_or("")
    } else {
        host.rsplit_once(':').map_or(host, |(name, _)| name)
    };
    let name = name.to_ascii_lowercase();
    if name == "localhost" || name.ends_with(".localhost") {
        return true;
    }
    name.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Opens `url` in the desktop's browser, best effort: an error is returned for the caller to mention, never to
/// stop the preview.
pub(crate) fn open_browser(url: &str) -> Result<()> {
    let mut cmd = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    cmd.arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let program = cmd.get_program().to_string_lossy().into_owned();
    cmd.spawn()
        .with_context(|| format!("could not run `{program}` to open a browser"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;

    #[test]
    fn a_taken_port_moves_to_the_next() {
        let lo = IpAddr::V4(Ipv4Addr::LOCALHOST);
        let first = bind(lo, 0).unwrap();
        let port = first.addr.port();
        match bind(lo, port) {
            Ok(second) => {
                assert_ne!(second.addr.port(), port);
                assert_eq!(second.instead_of, Some(port));
            }
            // The ports after it may be taken by other programs on a busy machine.
            Err(e) => assert!(e.to_string().contains("all in use"), "{e}"),
        }
        assert_eq!(first.instead_of, None);
    }

    #[test]
    fn loopback_accepts_only_loopback_names() {
        for host in [
            "localhost:1111",
            "127.0.0.1:1111",
            "127.0.0.1",
            "[::1]:1111",
            "LOCALHOST",
            "site.localhost:1111",
        ] {
            assert!(host_allowed(true, Some(host)), "{host}");
        }
        for host in [
            "evil.example:1111",
            "192.168.1.5:1111",
            "[::2]:1111",
            "localhost.evil.example",
        ] {
            assert!(!host_allowed(true, Some(host)), "{host}");
        }
        assert!(host_allowed(true, None));
        assert!(host_allowed(false, Some("evil.example")));
    }

    #[test]
    fn urls() {
        assert_eq!(
            url("127.0.0.1:1111".parse().unwrap()),
            "http://127.0.0.1:1111/"
        );
        assert_eq!(
            url("0.0.0.0:8000".parse().unwrap()),
            "http://127.0.0.1:8000/"
        );
        assert_eq!(url("[::]:8000".parse().unwrap()), "http://[::1]:8000/");
    }
}
