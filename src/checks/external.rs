//! Asking each external link whether it still answers: `redress check --external`, never a plain build.
//!
//! A build must give the same result offline as online, so this runs only when asked. Each address gets one `HEAD`
//! request (redirects are followed), one address at a time, with a short timeout, so a report with a few dozen
//! links is checked in seconds and no server is hammered. Every failure is a warning, never an error: a server that
//! is down today, or a machine with no internet, says nothing certain about the report. Proxies are taken from the
//! usual environment variables (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`, `NO_PROXY`).

use std::time::Duration;

use super::links::ExternalLink;
use crate::diagnostics::{Diagnostic, Diagnostics};

/// How long one address may take to answer, redirects included.
pub(crate) const TIMEOUT: Duration = Duration::from_secs(5);

/// Sends one `HEAD` request to each link's address and records a warning for each that does not answer with
/// success. Returns how many answered.
pub(crate) fn check(links: &[ExternalLink], timeout: Duration, diags: &mut Diagnostics) -> usize {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .user_agent(concat!(
            "redress/",
            env!("CARGO_PKG_VERSION"),
            " (link check)"
        ))
        .build()
        .into();
    let mut answered = 0;
    for link in links {
        let problem = match agent.head(&link.url).call() {
            Ok(response) => status_problem(response.status().as_u16()),
            Err(e) => Some(error_reason(&e, timeout)),
        };
        let Some(reason) = problem else {
            answered += 1;
            continue;
        };
        let mut d = Diagnostic::warning(format!("could not reach `{}`: {reason}", link.url)).help(
            "open it in a browser: if it has moved, link to its new address; if the site was only down, nothing needs to change",
        );
        d.file = link.file.clone();
        d.location = link.location.clone();
        diags.push(d.label("not reached"));
    }
    answered
}

/// `None` when the status means the address is there. A server that does not answer `HEAD` (405, 501) is there
/// too; a second request to find out more would double the load for little gain.
fn status_problem(status: u16) -> Option<String> {
    match status {
        200..=399 | 405 | 501 => None,
        404 => Some("the server answered 404 Not Found".into()),
        410 => Some("the server answered 410 Gone".into()),
        401 | 403 => Some(format!(
            "the server answered {status} (it refuses to show the page to a link checker; check it in a browser)"
        )),
        429 => Some("the server answered 429 Too Many Requests".into()),
        _ => Some(format!("the server answered {status}")),
    }
}

fn error_reason(e: &ureq::Error, timeout: Duration) -> String {
    match e {
        ureq::Error::HostNotFound => {
            "its host name was not found (is this computer online?)".into()
        }
        ureq::Error::Timeout(_) => format!("no answer within {} seconds", timeout.as_secs()),
        // The resolver's failure arrives as an I/O error whose text is the system's ("failed to lookup address
        // information"); say it in words a reader knows.
        ureq::Error::Io(io) if io.to_string().contains("lookup") => {
            "its host name was not found (is this computer online?)".into()
        }
        ureq::Error::Io(io) => format!("the connection failed ({io})"),
        ureq::Error::ConnectProxyFailed(why) => format!("the proxy did not connect ({why})"),
        ureq::Error::BadUri(_) => "it is not a valid web address".into(),
        ureq::Error::ConnectionFailed => "the connection failed".into(),
        ureq::Error::TooManyRedirects => "it redirects too many times".into(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_statuses() {
        assert_eq!(status_problem(200), None);
        assert_eq!(status_problem(301), None);
        assert_eq!(status_problem(405), None);
        assert_eq!(
            status_problem(404).as_deref(),
            Some("the server answered 404 Not Found")
        );
        assert!(status_problem(500).is_some());
    }
}
