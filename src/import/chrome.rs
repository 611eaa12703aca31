//! Recognises page chrome in text copied from a browser: the site's furniture that comes along with the form
//! when a page is selected and copied ("Skip to main content", menus, "Share this page", "Last modified on ...",
//! cookie notices, "Was this page helpful? Yes No").
//!
//! A saved page's chrome is recognised by its elements (see [`super::page`]); copied text has lost them, so
//! here it is known by its words. Only whole lines are taken, and only phrases sites use for their furniture,
//! so a landlord's sentence that mentions a menu or the word "share" is never taken for chrome. A run of short
//! lines is a menu only when it holds at least two of the links every housing site's menu has ("Home", "About
//! us", "Contact us"); evidence listed one item per line is otherwise kept. What is taken is reported as page
//! chrome, with its line.

/// Lines that are chrome whole, compared in lower case without closing punctuation.
const PHRASES: [&str; 70] = [
    "skip to main content",
    "skip to content",
    "skip to navigation",
    "skip navigation",
    "skip to main navigation",
    "jump to main content",
    "back to top",
    "return to top",
    "top of page",
    "go to top",
    "share this page",
    "share this",
    "share",
    "share page",
    "print this page",
    "print page",
    "print",
    "email this page",
    "share on facebook",
    "share on twitter",
    "share on x",
    "share on linkedin",
    "share via email",
    "share by email",
    "facebook",
    "twitter",
    "linkedin",
    "instagram",
    "youtube",
    "menu",
    "open menu",
    "close menu",
    "main menu",
    "toggle navigation",
    "search",
    "search this site",
    "close",
    "cookie settings",
    "accept all cookies",
    "reject all cookies",
    "accept cookies",
    "reject cookies",
    "accept additional cookies",
    "reject additional cookies",
    "manage cookies",
    "was this page helpful",
    "is this page useful",
    "did you find this page useful",
    "report a problem with this page",
    "listen",
    "translate",
    "translate this page",
    "accessibility tools",
    "on this page",
    "related pages",
    "related links",
    "you are here",
    "breadcrumb",
    "home",
    "contact us",
    "privacy",
    "privacy notice",
    "privacy policy",
    "cookies",
    "cookie policy",
    "accessibility",
    "accessibility statement",
    "sitemap",
    "site map",
    "terms and conditions",
];

/// Lines that are chrome when they start so.
const PREFIXES: [&str; 17] = [
    "last modified",
    "last updated",
    "page last updated",
    "page last reviewed",
    "last reviewed",
    "this page was last",
    "page updated",
    "©",
    "(c) ",
    "copyright ",
    "you are here:",
    "share on ",
    "follow us on",
    "we use cookies",
    "this website uses cookies",
    "this site uses cookies",
    "home > ",
];

/// Links found in the menus and footers of housing websites.
const MENU_WORDS: [&str; 40] = [
    "home",
    "about us",
    "contact us",
    "contact",
    "news",
    "rent",
    "repairs",
    "careers",
    "jobs",
    "my account",
    "log in",
    "login",
    "sign in",
    "complaints",
    "your home",
    "your tenancy",
    "get involved",
    "privacy",
    "privacy notice",
    "privacy policy",
    "cookies",
    "cookie policy",
    "accessibility",
    "accessibility statement",
    "sitemap",
    "site map",
    "terms and conditions",
    "services",
    "help and advice",
    "pay rent",
    "report a repair",
    "find a home",
    "residents",
    "tenants",
    "publications",
    "media",
    "faqs",
    "search",
    "menu",
    "modern slavery statement",
];

fn normalise(text: &str) -> String {
    text.trim()
        .trim_end_matches(['.', '?', '!', ':', '|'])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// True when a whole line is page chrome.
pub(crate) fn chrome_like(text: &str) -> bool {
    let t = normalise(text);
    if t.is_empty() || t.chars().count() > 160 {
        return false;
    }
    if PHRASES.contains(&t.as_str()) || PREFIXES.iter().any(|p| t.starts_with(p)) {
        return true;
    }
    // A breadcrumb trail: "Home > About us > Complaints", "Home / Complaints / Self-assessment".
    let trail = t.starts_with("home") && [" > ", " / ", " » ", " › "].iter().any(|s| t.contains(s));
    trail && t.split_whitespace().count() <= 15
}

/// True for the question of a feedback widget, after which a lone "Yes" and "No" are its buttons, not answers.
pub(crate) fn feedback_question(text: &str) -> bool {
    let t = normalise(text);
    [
        "was this page helpful",
        "is this page useful",
        "did you find this page useful",
        "was this helpful",
    ]
    .contains(&t.as_str())
}

/// How many lines from the start of `lines` make a menu: three or more short lines, none a sentence, a label of
/// the form or an answer, at least two of them links every housing site's menu has. Zero when they do not.
pub(crate) fn menu_run(lines: &[&str]) -> usize {
    let short = |l: &&str| {
        let t = l.trim();
        !t.is_empty()
            && t.chars().count() <= 32
            && t.split_whitespace().count() <= 4
            && !t.ends_with(['.', ',', ';'])
            && !t.chars().any(|c| c.is_ascii_digit())
            && super::labels::label_of(t).is_none()
            && super::values::FormAnswer::parse(t).is_none()
    };
    let run = lines.iter().take_while(|l| short(l)).count();
    let known = lines[..run]
        .iter()
        .filter(|l| MENU_WORDS.contains(&normalise(l).as_str()))
        .count();
    if run >= 3 && known >= 2 {
        run
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_chrome_and_leaves_the_landlords_words() {
        for chrome in [
            "Skip to main content",
            "Share this page",
            "Last modified on 3 March 2025",
            "© Ashmere Homes 2026",
            "Home > About us > Complaints",
            "Was this page helpful?",
        ] {
            assert!(chrome_like(chrome), "{chrome}");
        }
        for words in [
            "Share this page with residents by posting it on the noticeboard.",
            "The menu of options on our phone line includes complaints.",
            "Home visits are offered to residents who cannot use the phone.",
            "Yes",
        ] {
            assert!(!chrome_like(words), "{words}");
        }
    }

    #[test]
    fn a_menu_needs_known_links() {
        assert_eq!(
            menu_run(&["Home", "About us", "Rent", "Contact us", "1.2"]),
            4
        );
        assert_eq!(menu_run(&["Complaints Policy", "Leaflet", "Website"]), 0);
        assert_eq!(menu_run(&["Home", "About us"]), 0);
        assert_eq!(
            menu_run(&["Home", "About us", "Contact us", "Comply", "No"]),
            3
        );
    }
}
