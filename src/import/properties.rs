//! Property tests of reading web pages and text copied from a browser: whatever the shape, the faults and the
//! page chrome, no input makes the importer panic, what it writes is valid TOML, and no text of the landlord's
//! is lost: every piece is in the file written (as an entry, or a commented-out one) or in the list of what
//! could not be placed.
//!
//! Forms are made from the pieces real ones are made of: provision numbers (lost, garbled, or the landlord's
//! own clause numbers at the start of evidence), the Code's wording, answers ("Yes.", "Part", "N/A", lost),
//! labels, chrome, blank lines doubled, cells run together, repeated copies. Each piece of the landlord's
//! text carries a word found nowhere else ("Qx17q"), so where it ended up can be checked.

use proptest::prelude::*;

use super::{import_bytes, ImportOptions};
use crate::catalogue::catalogue;

/// A record as text: number, wording, answer, evidence paragraphs, commentary, chrome inside it.
type Item<'a> = (String, String, String, Vec<String>, String, Option<&'a str>);

/// One provision's record in a generated form.
#[derive(Debug, Clone)]
struct Rec {
    index: usize,
    lose_number: bool,
    lose_wording: bool,
    answer: &'static str,
    evidence: Vec<(u8, usize)>,
    commentary: Option<usize>,
    chrome: Option<&'static str>,
}

const ANSWERS: [&str; 10] = [
    "Yes",
    "Yes.",
    "No",
    "No.",
    "Partial",
    "Part",
    "Partially met",
    "N/A",
    "",
    "Largely",
];
const CHROME: [&str; 6] = [
    "Skip to main content",
    "Share this page",
    "Last modified on 3 March 2025",
    "Back to top",
    "© Example Homes 2026",
    "Home > Complaints > Self-assessment",
];
/// How a paragraph of evidence may begin: with the landlord's own clause numbers.
const LEADS: [&str; 4] = ["", "2.1 ", "Section 3.4 of our policy: ", "6.10 "];

fn rec() -> impl Strategy<Value = Rec> {
    (
        0..72usize,
        any::<bool>(),
        prop::bool::weighted(0.15),
        prop::sample::select(ANSWERS.to_vec()),
        prop::collection::vec((0..4u8, 0..1000usize), 1..3),
        prop::option::of(0..1000usize),
        prop::option::weighted(0.3, prop::sample::select(CHROME.to_vec())),
    )
        .prop_map(
            |(index, lose_number, lose_wording, answer, evidence, commentary, chrome)| Rec {
                index,
                lose_number: lose_number && index % 3 == 0,
                lose_wording,
                answer,
                evidence,
                commentary,
                chrome,
            },
        )
}

/// The shapes of issue 15.
#[derive(Debug, Clone, Copy)]
enum Shape {
    LabelPerLine,
    LabelledPage,
    TablePage,
    RunTogether,
    PipeTable,
}

fn shape() -> impl Strategy<Value = Shape> {
    prop_oneof![
        Just(Shape::LabelPerLine),
        Just(Shape::LabelledPage),
        Just(Shape::TablePage),
        Just(Shape::RunTogether),
        Just(Shape::PipeTable),
    ]
}

/// A form: its file name, its text, and the marker words of the landlord's text in it.
fn render(shape: Shape, recs: &[Rec], doubled: bool) -> (String, String, Vec<String>) {
    let cat = catalogue();
    let mut markers = Vec::new();
    let mut para = |(lead, n): (u8, usize), k: usize| {
        let m = format!("Qx{k}q{n}");
        markers.push(m.clone());
        format!(
            "{}{m} our policy sets this out.",
            LEADS[usize::from(lead) % LEADS.len()]
        )
    };
    let mut items: Vec<Item<'_>> = Vec::new();
    for (k, r) in recs.iter().enumerate() {
        let p = &cat.provisions[r.index];
        let number = if r.lose_number {
            String::new()
        } else {
            p.number.clone()
        };
        let wording = if r.lose_wording {
            String::new()
        } else {
            p.text.replace('\n', " ")
        };
        let evidence: Vec<String> = r.evidence.iter().map(|e| para(*e, k)).collect();
        let commentary = r
            .commentary
            .map(|c| para((0, c), k + 500))
            .unwrap_or_default();
        items.push((
            number,
            wording,
            r.answer.to_string(),
            evidence,
            commentary,
            r.chrome,
        ));
    }
    let sep = if doubled { "\n\n" } else { "\n" };
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;");
    let text = match shape {
        Shape::LabelPerLine => {
            let mut lines = vec![
                "Skip to main content".to_string(),
                "Home".into(),
                "About us".into(),
                "Contact us".into(),
            ];
            for (number, wording, answer, evidence, commentary, chrome) in &items {
                if !number.is_empty() {
                    lines.extend(["Code provision".to_string(), number.clone()]);
                }
                if !wording.is_empty() {
                    lines.extend(["Code requirement".to_string(), wording.clone()]);
                }
                lines.push("Comply: Yes / No".into());
                if !answer.is_empty() {
                    lines.push(answer.clone());
                }
                lines.extend(chrome.map(str::to_string));
                lines.push("Evidence".into());
                lines.extend(evidence.iter().cloned());
                if !commentary.is_empty() {
                    lines.extend(["Commentary / explanation".to_string(), commentary.clone()]);
                }
            }
            lines.join(sep)
        }
        Shape::LabelledPage => {
            let mut html = String::from(
                "<!DOCTYPE html><html><body><nav><a href=\"/\">Home</a></nav><main>\n",
            );
            for (number, wording, answer, evidence, commentary, chrome) in &items {
                if !number.is_empty() {
                    html.push_str(&format!("<h3>Code provision {number}</h3>\n"));
                }
                if !wording.is_empty() {
                    html.push_str(&format!(
                        "<p><strong>Code requirement</strong></p>\n<p>{}</p>\n",
                        esc(wording)
                    ));
                }
                html.push_str(&format!(
                    "<p><strong>Comply:</strong> {}</p>\n",
                    esc(answer)
                ));
                if let Some(c) = chrome {
                    html.push_str(&format!("<p>{c}</p>\n"));
                }
                html.push_str("<p><strong>Evidence</strong></p>\n");
                for e in evidence {
                    html.push_str(&format!("<p>{}</p>\n", esc(e)));
                }
                if !commentary.is_empty() {
                    html.push_str(&format!(
                        "<dl><dt>Commentary</dt><dd>{}</dd></dl>\n",
                        esc(commentary)
                    ));
                }
            }
            html.push_str("</main><footer>Last modified today</footer></body></html>\n");
            html
        }
        Shape::TablePage => {
            let mut html = String::from(
                "<html><body><main><table><tr><th>Code provision</th><th>Code requirement</th><th>Comply</th><th>Evidence</th><th>Commentary</th></tr>\n",
            );
            for (number, wording, answer, evidence, commentary, chrome) in &items {
                let ev: String = evidence
                    .iter()
                    .map(|e| format!("<p>{}</p>", esc(e)))
                    .collect();
                html.push_str(&format!(
                    "<tr><td>{number}</td><td>{}</td><td>{}</td><td>{ev}</td><td>{}</td></tr>\n",
                    esc(wording),
                    esc(answer),
                    esc(commentary)
                ));
                if let Some(c) = chrome {
                    html.push_str(&format!("<tr><td colspan=\"5\">{c}</td></tr>\n"));
                }
            }
            html.push_str("</table></main></body></html>\n");
            html
        }
        Shape::RunTogether => {
            let mut lines = vec!["Skip to main content".to_string()];
            for (number, wording, answer, evidence, commentary, chrome) in &items {
                lines.push(format!("{number}{wording}{answer}{}", evidence.join(sep)));
                if !commentary.is_empty() {
                    lines.push(commentary.clone());
                }
                lines.extend(chrome.map(str::to_string));
            }
            lines.join(sep)
        }
        Shape::PipeTable => {
            let mut lines = vec![
                "| Code provision | Code requirement | Comply | Evidence, commentary and any explanations |".to_string(),
                "| --- | --- | --- | --- |".to_string(),
            ];
            for (number, wording, answer, evidence, commentary, chrome) in &items {
                let all: Vec<&str> = evidence
                    .iter()
                    .map(String::as_str)
                    .chain([commentary.as_str()])
                    .filter(|s| !s.is_empty())
                    .collect();
                lines.push(format!(
                    "| {number} | {wording} | {answer} | {} |",
                    all.join("<br><br>")
                ));
                lines.extend(chrome.map(str::to_string));
            }
            lines.join(sep)
        }
    };
    let name = match shape {
        Shape::LabelledPage | Shape::TablePage => "form.html",
        Shape::PipeTable => "form.md",
        _ => "copied.txt",
    };
    (name.to_string(), text, markers)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    /// Whatever the shape and the faults, the importer does not panic, writes valid TOML, and every piece of
    /// the landlord's text is in the file or listed as not placed.
    #[test]
    fn no_text_is_lost(shape in shape(), recs in prop::collection::vec(rec(), 1..12), doubled in any::<bool>()) {
        let (name, text, markers) = render(shape, &recs, doubled);
        let result = import_bytes(&name, text.as_bytes(), &ImportOptions { force_2024: true });
        let Ok(r) = result else {
            // Refused whole (nothing found to place): nothing was written, so nothing was lost in writing.
            return Ok(());
        };
        prop_assert!(r.toml.parse::<toml::Table>().is_ok(), "{}", r.toml);
        for m in &markers {
            let written = r.toml.contains(m.as_str());
            let listed = r.unplaced.iter().any(|u| u.text.contains(m.as_str()));
            prop_assert!(written || listed, "{m} was lost\n--- input ({name}):\n{text}\n--- output:\n{}\n--- unplaced: {:?}", r.toml, r.unplaced);
        }
    }

    /// Pieces of pages in any order and nesting: no panic, and valid TOML when something is imported.
    #[test]
    fn never_panics_on_page_soup(pieces in prop::collection::vec(prop_oneof![
        Just("<table>".to_string()), Just("</table>".to_string()), Just("<tr>".to_string()),
        Just("<td colspan=\"3\">".to_string()), Just("<td rowspan=\"999999\">".to_string()), Just("<th>Comply</th>".to_string()),
        Just("<main>".to_string()), Just("<nav>".to_string()), Just("<p>".to_string()), Just("<br>".to_string()),
        Just("<li>".to_string()), Just("<h3>Code provision 1.2</h3>".to_string()), Just("Yes.".to_string()),
        Just("<a href=\"../x\">link</a>".to_string()), Just("<img alt=\"Yes\">".to_string()),
        Just("1.3A resident does not have to use the word 'complaint'".to_string()), Just("Evidence".to_string()),
        (0..72usize).prop_map(|i| catalogue().provisions[i].text.clone()),
        "\\PC{0,20}",
    ], 0..60)) {
        let html = pieces.concat();
        if let Ok(r) = import_bytes("page.html", html.as_bytes(), &ImportOptions { force_2024: true }) {
            prop_assert!(r.toml.parse::<toml::Table>().is_ok());
        }
        let _ = import_bytes("copied.txt", pieces.join("\n").as_bytes(), &ImportOptions { force_2024: true });
        let _ = import_bytes("copied.txt", pieces.concat().as_bytes(), &ImportOptions::default());
    }

    /// Any bytes named as a page or a web archive: no panic.
    #[test]
    fn never_panics_on_any_page_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = import_bytes("page.html", &bytes, &ImportOptions::default());
        let mut archive = b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=\"b\"\n\n--b\nContent-Type: text/html\nContent-Transfer-Encoding: quoted-printable\n\n".to_vec();
        archive.extend(&bytes);
        let _ = import_bytes("page.mhtml", &archive, &ImportOptions::default());
    }
}
