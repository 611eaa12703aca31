//! The built-in catalogue of the Housing Ombudsman's Complaint Handling Code (2024): the 72 provisions on the
//! self-assessment form, with their section, stage and requirement text.
//!
//! It is the reference every self-assessment is checked against, and the only source of requirement text on the
//! site: a landlord's data file holds answers, never the Code's words. The text was taken from the Code as quoted on
//! landlords' published forms and corrected for their extraction faults (see `provisions.toml`). Provision 1.1 is
//! part of the Code but not of the form, so it is not here.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// The catalogue file, embedded at compile time.
const PROVISIONS_TOML: &str = include_str!("provisions.toml");

/// The whole Code, as far as the self-assessment form goes.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Catalogue {
    /// "2024".
    pub(crate) edition: String,
    /// The nine sections, in order.
    pub(crate) sections: Vec<Section>,
    /// The 72 provisions, in order.
    pub(crate) provisions: Vec<Provision>,
}

/// A section of the Code.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Section {
    /// 1 to 9.
    pub(crate) number: u8,
    /// "Definition of a complaint".
    pub(crate) title: String,
}

/// One provision.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Provision {
    /// "6.10".
    pub(crate) number: String,
    /// Its section's number.
    pub(crate) section: u8,
    /// 1 or 2 for the provisions of section 6 that belong to a complaint stage.
    pub(crate) stage: Option<u8>,
    /// The requirement, as markdown.
    pub(crate) text: String,
}

/// The catalogue, parsed once.
pub(crate) fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        // The file is part of the binary and a unit test parses it, so a failure here is a bug in redress itself,
        // never a problem with a user's input.
        toml::from_str(PROVISIONS_TOML)
            .expect("the embedded provisions.toml is checked by the catalogue tests")
    })
}

impl Catalogue {
    /// The provision with this number, as written in the Code ("5.10").
    pub(crate) fn get(&self, number: &str) -> Option<&Provision> {
        self.provisions.iter().find(|p| p.number == number)
    }
}

/// Tidies a provision number as people type it: trims, drops a trailing full stop, and accepts "5.1O" typed with a
/// letter O or "6,10" with a comma. Returns the text unchanged when it does not look like a number at all.
pub(crate) fn normalise_number(raw: &str) -> String {
    raw.trim()
        .trim_end_matches('.')
        .replace(',', ".")
        .replace(['O', 'o'], "0")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_the_72_provisions_of_the_form_in_order() {
        let c = catalogue();
        assert_eq!(c.edition, "2024");
        assert_eq!(c.provisions.len(), 72);
        let per_section: Vec<usize> = (1..=9)
            .map(|s| c.provisions.iter().filter(|p| p.section == s).count())
            .collect();
        assert_eq!(per_section, [5, 5, 7, 3, 15, 20, 4, 5, 8]);
        let mut sorted = c.provisions.clone();
        // The Code's order: 5.9 before 5.10, so compare the parts as numbers.
        sorted.sort_by_key(|p| {
            let (a, b) = p.number.split_once('.').unwrap();
            (a.parse::<u32>().unwrap(), b.parse::<u32>().unwrap())
        });
        let numbers: Vec<_> = c.provisions.iter().map(|p| &p.number).collect();
        let sorted: Vec<_> = sorted.iter().map(|p| &p.number).collect();
        assert_eq!(numbers, sorted);
        assert!(c.get("1.1").is_none());
        assert_eq!(c.get("6.10").unwrap().stage, Some(2));
        assert_eq!(c.get("6.1").unwrap().stage, Some(1));
        for p in &c.provisions {
            assert!(p.text.len() > 40, "{} has a short text", p.number);
            assert!(c.sections.iter().any(|s| s.number == p.section));
            assert_eq!(p.number.split('.').next().unwrap(), p.section.to_string());
        }
    }

    #[test]
    fn normalises_typed_numbers() {
        assert_eq!(normalise_number(" 5.1O. "), "5.10");
        assert_eq!(normalise_number("6,10"), "6.10");
    }
}
