//! Personal data never reaches the built site: the complaints log is read to count, and only counts and measures
//! leave it.

mod common;

use common::{tree, SiteTest};

use std::collections::{HashMap, HashSet};

/// Every text of the built site, each file as (lossy) text.
fn built_texts(t: &SiteTest) -> Vec<(String, String)> {
    tree(&t.path("public"))
        .into_iter()
        .map(|(name, bytes)| (name, String::from_utf8_lossy(&bytes).into_owned()))
        .collect()
}

/// The words of each built file, and each run of three words, by the files they are in. A cell is looked up as a
/// whole word (or three, for a date written out), so "9 May 2025" is not found inside "19 May 2025".
fn word_index(built: &[(String, String)]) -> HashMap<String, HashSet<String>> {
    let mut index: HashMap<String, HashSet<String>> = HashMap::new();
    for (file, text) in built {
        let words: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || "<>\"',;:()[]{}|=".contains(c))
            .map(|w| w.trim_end_matches('.'))
            .filter(|w| !w.is_empty())
            .collect();
        for w in &words {
            index.entry(w.to_string()).or_default().insert(file.clone());
        }
        for three in words.windows(3) {
            index
                .entry(three.join(" "))
                .or_default()
                .insert(file.clone());
        }
    }
    index
}

/// Every input the site publishes on purpose, besides the log: a cell that also appears in these (a date that is
/// also an action's due date, say) may appear in the site because of them.
fn other_inputs(t: &SiteTest) -> String {
    let mut all = t.read("site.toml");
    for dir in ["data", "content"] {
        for (_, bytes) in tree(&t.path(dir)) {
            all.push_str(&String::from_utf8_lossy(&bytes));
        }
    }
    all
}

/// "19/03/2025" → ["19/03/2025", "2025-03-19", "19 March 2025"]: every way a page could write the date.
fn date_forms(cell: &str) -> Vec<String> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts: Vec<&str> = cell.split('/').collect();
    let [d, m, y] = parts[..] else {
        return vec![cell.to_string()];
    };
    let (day, month): (u32, usize) = (d.parse().unwrap(), m.parse().unwrap());
    vec![
        cell.to_string(),
        format!("{y}-{m}-{d}"),
        format!("{day} {} {y}", MONTHS[month - 1]),
    ]
}

/// The cells of the example's log that appear in the built site: (how many cells were checked, what leaked).
fn leaks(t: &SiteTest) -> (usize, Vec<String>) {
    let built = built_texts(t);
    let index = word_index(&built);
    let inputs = other_inputs(t);
    let log = t.read("private/complaints-2025-26.csv");
    let mut reader = csv::Reader::from_reader(log.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let mut checked = 0;
    let mut leaked = Vec::new();
    for record in reader.records() {
        let record = record.unwrap();
        for (heading, cell) in headers.iter().zip(record.iter()) {
            // Tenure, category, outcome and refusal reason are the report's own labels: they head its tables.
            if cell.is_empty()
                || matches!(heading, "Tenure" | "Category" | "Refused")
                || heading.ends_with("outcome")
            {
                continue;
            }
            let forms = if heading == "Reference" || heading == "Compensation" {
                vec![cell.to_string()]
            } else {
                date_forms(cell)
            };
            // A value the site publishes anyway, from another input, proves nothing either way; a reference is
            // checked whatever the inputs say.
            if heading != "Reference" && forms.iter().any(|f| inputs.contains(f.as_str())) {
                continue;
            }
            checked += 1;
            for form in &forms {
                for file in index.get(form.as_str()).into_iter().flatten() {
                    leaked.push(format!("{file} contains `{form}` ({heading})"));
                }
            }
        }
    }
    for (name, _) in &built {
        if name.contains("complaints-2025-26") {
            leaked.push(format!("{name} is a copy of the log"));
        }
    }
    (checked, leaked)
}

#[test]
fn no_cell_of_the_complaints_log_reaches_the_built_site() {
    let t = SiteTest::example();
    t.build().expect_success();
    let (checked, leaked) = leaks(&t);
    // The example's log has hundreds of references and thousands of dates: the test looked at them.
    assert!(checked > 2_000, "only {checked} cells checked");
    assert!(
        leaked.is_empty(),
        "from the complaints log:\n{}",
        leaked.join("\n")
    );
}

/// The check bites: a page that quotes a reference from the log is caught.
#[test]
fn a_reference_planted_in_a_page_is_caught() {
    let t = SiteTest::example();
    t.replace(
        "content/analysis.md",
        "Repairs are still",
        "One complaint (AH-2025-00002) was typical. Repairs are still",
    );
    t.build().expect_success();
    let (_, leaked) = leaks(&t);
    assert!(
        leaked.iter().any(|l| l.contains("AH-2025-00002")),
        "{leaked:?}"
    );
}
