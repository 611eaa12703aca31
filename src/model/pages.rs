//! The report's own pages, by name: the one list that the renderer builds pages from and that content files may not
//! take a name from.

/// A page the report always has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PageId {
    /// The home page.
    Home,
    /// How complaints were handled (Code 8.1(b)).
    Performance,
    /// The self-assessment (Code 8.1(a)).
    SelfAssessment,
    /// What was learned and changed (Code 8.1(d)).
    Learning,
    /// The Ombudsman's findings and reports (Code 8.1(c), (e), (f)).
    Ombudsman,
    /// The governing body's response (Code 8.2).
    Response,
    /// The whole report on one page.
    Report,
    /// The downloads.
    Data,
    /// How to complain.
    Complaints,
    /// The accessibility statement.
    Accessibility,
    /// What the Ombudsman's annual submission asks for.
    Submission,
    /// Every year's report: this one, the frozen years and those published before redress.
    PastReports,
    /// The index of the extra pages (`content/NAME.md`), grouped as the site chooses: the navigation links to it
    /// once instead of listing every page, so a page's size does not grow with the number of pages.
    Pages,
}

impl PageId {
    /// Every page, in the order of the navigation.
    pub(crate) const ALL: [PageId; 13] = [
        PageId::Home,
        PageId::Performance,
        PageId::SelfAssessment,
        PageId::Learning,
        PageId::Ombudsman,
        PageId::Response,
        PageId::Report,
        PageId::Data,
        PageId::Complaints,
        PageId::Accessibility,
        PageId::Submission,
        PageId::PastReports,
        PageId::Pages,
    ];

    /// The page's file name without `.html`.
    pub(crate) fn slug(self) -> &'static str {
        match self {
            PageId::Home => "index",
            PageId::Performance => "performance",
            PageId::SelfAssessment => "self-assessment",
            PageId::Learning => "learning",
            PageId::Ombudsman => "ombudsman",
            PageId::Response => "governing-body-response",
            PageId::Report => "report",
            PageId::Data => "data",
            PageId::Complaints => "complaints",
            PageId::Accessibility => "accessibility",
            PageId::Submission => "submission",
            PageId::PastReports => "past-reports",
            PageId::Pages => "pages",
        }
    }

    /// The page's path in the built site.
    pub(crate) fn path(self) -> String {
        format!("{}.html", self.slug())
    }
}

/// Content files with a role of their own (they become part of a page, not a page), and names kept for pages
/// redress writes beside the report (the 404 page).
const OTHER_RESERVED: [&str; 4] = [
    "introduction",
    "analysis",
    "member-responsible-for-complaints",
    "404",
];

/// Whether an extra content page may not be called `slug`, because a page of the report (or a content file with a
/// role) has that name. The response's name is its content file's own, so it is not listed twice.
pub(crate) fn is_reserved(slug: &str) -> bool {
    PageId::ALL
        .iter()
        .any(|p| p.slug() == slug && *p != PageId::Response)
        || OTHER_RESERVED.contains(&slug)
}

/// The reserved names, for a hint.
pub(crate) fn reserved() -> Vec<&'static str> {
    PageId::ALL
        .iter()
        .filter(|p| **p != PageId::Response)
        .map(|p| p.slug())
        .chain(OTHER_RESERVED)
        .collect()
}
