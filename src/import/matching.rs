//! Says which provision of the 2024 Code a piece of requirement text is, by comparing it with the built-in
//! catalogue.
//!
//! Every self-assessment form quotes the Code's requirement beside the answer, so the text identifies the row even
//! when its number was lost, mangled by OCR ("0.10" for "6.10") or retyped by Excel ("6.1" for "6.10"). The
//! comparison counts shared word pairs (bigrams) after light normalisation, weighting each pair by how rare it is
//! in the Code, so "landlords must" counts for little and "representative deal" for a lot. Containment, not
//! similarity, is measured: a row that quotes half a provision (the other half on the next page) still matches it.
//!
//! The scores are confidences, not proofs, so callers apply thresholds and report what they decided: a number
//! the text contradicts is overruled only when the text is clearly another provision's.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::catalogue;

/// Normalised words: lower case, apostrophes dropped ("landlord's" → "landlords"), split at anything that is not
/// a letter or digit, and a plural `s` taken off so "complaint" and "complaints" meet.
pub(crate) fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .replace(['\'', '’', '‘', '`'], "")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.chars().count() > 4 && w.ends_with('s') && !w.ends_with("ss") {
                w[..w.len() - 1].to_string()
            } else {
                w.to_string()
            }
        })
        .collect()
}

fn bigrams(words: &[String]) -> Vec<String> {
    words
        .windows(2)
        .map(|w| format!("{} {}", w[0], w[1]))
        .collect()
}

/// The share of `text`'s word pairs (or words, for a one-word text) that occur in `reference`: 1.0 when the
/// text is a piece of the reference, whatever is around it.
pub(crate) fn containment(text: &str, reference: &str) -> f32 {
    let t = words(text);
    let r = words(reference);
    if t.is_empty() {
        return 0.0;
    }
    if t.len() == 1 {
        return if r.contains(&t[0]) { 1.0 } else { 0.0 };
    }
    let rb: HashSet<String> = bigrams(&r).into_iter().collect();
    let tb = bigrams(&t);
    tb.iter().filter(|b| rb.contains(*b)).count() as f32 / tb.len() as f32
}

/// How a record's provision was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum How {
    /// By its number, which its text agrees with (or there was too little text to check).
    Number,
    /// By its number, though its text does not look like that provision's.
    NumberDoubted,
    /// By its text: the number was missing or is not on the 2024 form.
    Text,
    /// By its text, which is clearly another provision's than the number written beside it.
    NumberOverruled,
}

/// One identification.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Identified {
    /// Index into the catalogue's provisions.
    pub(crate) index: usize,
    /// How it was decided.
    pub(crate) how: How,
}

struct Entry {
    number: String,
    words: HashSet<String>,
    bigrams: HashSet<String>,
}

/// The catalogue, indexed for comparison.
pub(crate) struct Matcher {
    entries: Vec<Entry>,
    weight: HashMap<String, f32>,
    unseen: f32,
}

/// Below this weighted containment, a number's text is "not that provision's".
const AGREES: f32 = 0.3;
/// At or above this, text alone identifies a provision.
const IDENTIFIES: f32 = 0.45;
/// Text overrules a written number only at or above this, and this far above the number's own score.
const OVERRULES: f32 = 0.55;
const OVERRULE_MARGIN: f32 = 0.3;
/// Candidates within this of the best are ties, settled by position and the written number.
const TIE: f32 = 0.1;

/// The matcher for the built-in catalogue, built once.
pub(crate) fn matcher() -> &'static Matcher {
    static MATCHER: OnceLock<Matcher> = OnceLock::new();
    MATCHER.get_or_init(|| {
        let cat = catalogue::catalogue();
        let entries: Vec<Entry> = cat
            .provisions
            .iter()
            .map(|p| {
                let w = words(&p.text);
                Entry {
                    number: p.number.clone(),
                    bigrams: bigrams(&w).into_iter().collect(),
                    words: w.into_iter().collect(),
                }
            })
            .collect();
        let mut df: HashMap<String, usize> = HashMap::new();
        for e in &entries {
            for b in &e.bigrams {
                *df.entry(b.clone()).or_default() += 1;
            }
        }
        let n = entries.len() as f32;
        let weight: HashMap<String, f32> = df
            .into_iter()
            .map(|(b, d)| (b, ((n + 1.0) / (d as f32 + 1.0)).ln() + 0.1))
            .collect();
        let unseen = weight.values().sum::<f32>() / weight.len().max(1) as f32;
        Matcher {
            entries,
            weight,
            unseen,
        }
    })
}

impl Matcher {
    /// The catalogue number of the provision at `index`.
    pub(crate) fn number(&self, index: usize) -> &str {
        &self.entries[index].number
    }

    /// The index of the provision numbered `key` ("6.10").
    pub(crate) fn index_of(&self, key: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.number == key)
    }

    fn w(&self, bigram: &str) -> f32 {
        self.weight.get(bigram).copied().unwrap_or(self.unseen)
    }

    /// Weighted containment of `text` in every provision, in catalogue order.
    pub(crate) fn scores(&self, text: &str) -> Vec<f32> {
        let tb: Vec<String> = {
            let mut seen = HashSet::new();
            bigrams(&words(text))
                .into_iter()
                .filter(|b| seen.insert(b.clone()))
                .collect()
        };
        let total: f32 = tb.iter().map(|b| self.w(b)).sum();
        self.entries
            .iter()
            .map(|e| {
                if total == 0.0 {
                    return 0.0;
                }
                tb.iter()
                    .filter(|b| e.bigrams.contains(*b))
                    .map(|b| self.w(b))
                    .sum::<f32>()
                    / total
            })
            .collect()
    }

    /// The weighted share of provision `index`'s own word pairs that `text` contains: low when a row quotes only
    /// part of a provision, such as one lettered item of 8.1.
    pub(crate) fn coverage(&self, text: &str, index: usize) -> f32 {
        let tb: HashSet<String> = bigrams(&words(text)).into_iter().collect();
        let e = &self.entries[index];
        let total: f32 = e.bigrams.iter().map(|b| self.w(b)).sum();
        if total == 0.0 {
            return 0.0;
        }
        e.bigrams
            .iter()
            .filter(|b| tb.contains(*b))
            .map(|b| self.w(b))
            .sum::<f32>()
            / total
    }

    /// Unweighted containment of a fragment (one line of a wrapped row) in provision `index`; for a fragment of
    /// one word, whether the provision has that word.
    pub(crate) fn fit(&self, fragment: &str, index: usize) -> f32 {
        let w = words(fragment);
        let e = &self.entries[index];
        match w.len() {
            0 => 0.0,
            1 => f32::from(u8::from(e.words.contains(&w[0]))),
            _ => {
                let b = bigrams(&w);
                b.iter().filter(|x| e.bigrams.contains(*x)).count() as f32 / b.len() as f32
            }
        }
    }

    /// Decides which provision a record is, from the number written on it (if any, as written in `raw`) and its
    /// requirement text. `prev` is the provision of the record before it, which settles ties between provisions
    /// the Code words identically (6.5 and 6.16, for example).
    pub(crate) fn identify(
        &self,
        number: Option<&str>,
        raw: Option<&str>,
        text: &str,
        prev: Option<usize>,
    ) -> Option<Identified> {
        let by_number = number.and_then(|k| self.index_of(k));
        if words(text).len() < 4 {
            return by_number.map(|index| Identified {
                index,
                how: How::Number,
            });
        }
        let scores = self.scores(text);
        let mut ranking: Vec<usize> = (0..scores.len()).collect();
        ranking.sort_by(|a, b| scores[*b].total_cmp(&scores[*a]).then(a.cmp(b)));
        let best = ranking[0];
        if let Some(n) = by_number {
            let own = scores[n];
            let how = if own >= AGREES {
                How::Number
            } else if best != n
                && scores[best] >= OVERRULES
                && scores[best] - own >= OVERRULE_MARGIN
            {
                return Some(Identified {
                    index: best,
                    how: How::NumberOverruled,
                });
            } else {
                How::NumberDoubted
            };
            return Some(Identified { index: n, how });
        }
        let top = scores[best];
        if top < IDENTIFIES {
            return None;
        }
        let close: Vec<usize> = ranking
            .iter()
            .copied()
            .take_while(|i| scores[*i] >= top - TIE)
            .collect();
        let index = if close.len() == 1 {
            best
        } else if let Some(i) = close
            .iter()
            .copied()
            .find(|i| raw.is_some_and(|r| ocr_slip(r, &self.entries[*i].number)))
        {
            i
        } else if let Some(p) = prev {
            close
                .iter()
                .copied()
                .filter(|i| *i > p)
                .min()
                .unwrap_or(best)
        } else {
            best
        };
        Some(Identified {
            index,
            how: How::Text,
        })
    }
}

/// True when `written` could be `number` misread by OCR or mistyped: same shape, and every differing digit is one
/// commonly confused with the other (0 and 6, 1 and 7, 5 and 6, 3 and 8...).
pub(crate) fn ocr_slip(written: &str, number: &str) -> bool {
    const PAIRS: [(char, char); 8] = [
        ('0', '6'),
        ('0', '8'),
        ('0', '9'),
        ('1', '7'),
        ('5', '6'),
        ('3', '8'),
        ('5', '8'),
        ('6', '8'),
    ];
    let a: Vec<char> = written.trim().trim_end_matches('.').chars().collect();
    let b: Vec<char> = number.chars().collect();
    a.len() == b.len()
        && a != b
        && a.iter()
            .zip(&b)
            .all(|(x, y)| x == y || PAIRS.contains(&(*x, *y)) || PAIRS.contains(&(*y, *x)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number_of(text: &str) -> Option<String> {
        let m = matcher();
        m.identify(None, None, text, None)
            .map(|i| m.number(i.index).to_string())
    }

    #[test]
    fn identifies_provisions_by_their_text() {
        assert_eq!(
            number_of("Landlords must provide residents with information on their right to access the Ombudsman service and how the individual can engage with the Ombudsman about their complaint.").as_deref(),
            Some("3.7")
        );
        assert_eq!(
            number_of("Any restrictions placed on contact due to unacceptable behaviour must be proportionate and demonstrate regard for the provisions of the Equality Act 2010.").as_deref(),
            Some("5.15")
        );
        // Half a provision, the rest lost to a page break, still identifies it.
        assert_eq!(
            number_of(
                "Landlords must give residents the opportunity to have a representative deal"
            )
            .as_deref(),
            Some("3.6")
        );
        assert_eq!(
            number_of("The weather was fine and the garden needs weeding."),
            None
        );
    }

    #[test]
    fn the_number_wins_unless_the_text_is_clearly_another() {
        let m = matcher();
        let stage2 = "Landlords must issue a final response to the stage 2 within 20 working days of the complaint being acknowledged.";
        // Excel turned 6.14 into a number and back: "6.14" survives, but "6.10" would come back as "6.1".
        let i = m.identify(Some("6.14"), None, stage2, None).unwrap();
        assert_eq!((m.number(i.index), i.how), ("6.14", How::Number));
        let ten = "If all or part of the complaint is not resolved to the resident's satisfaction at stage 1, it must be progressed to stage 2 of the landlord's procedure. Stage 2 is the landlord's final response.";
        let i = m.identify(Some("6.1"), Some("6.1"), ten, None).unwrap();
        assert_eq!((m.number(i.index), i.how), ("6.10", How::NumberOverruled));
        let i = m.identify(Some("6.1"), None, "See policy", None).unwrap();
        assert_eq!((m.number(i.index), i.how), ("6.1", How::Number));
    }

    #[test]
    fn word_for_word_repeats_are_settled_by_position_and_slips() {
        let m = matcher();
        let text = "When an organisation informs a resident about an extension to these timescales, they must be provided with the contact details of the Ombudsman.";
        let after_6_15 = m.index_of("6.15");
        let i = m.identify(None, None, text, after_6_15).unwrap();
        assert_eq!(m.number(i.index), "6.16");
        let i = m.identify(None, Some("0.5"), text, None).unwrap();
        assert_eq!(m.number(i.index), "6.5");
        assert!(ocr_slip("0.11", "6.11"));
        assert!(!ocr_slip("0.11", "6.12"));
    }

    #[test]
    fn containment_and_fit() {
        assert_eq!(containment("the cat sat", "so the cat sat down"), 1.0);
        assert_eq!(containment("", "x"), 0.0);
        let m = matcher();
        let i = m.index_of("6.11").unwrap();
        assert!(m.fit("Requests for stage 2 must be acknowledged,", i) > 0.9);
        assert!(m.fit("Ombadoman.", i) < 0.5);
        let f = m.index_of("8.1").unwrap();
        assert!(m.coverage("Any other relevant reports or publications produced by the Ombudsman in relation to the work of the landlord.", f) < 0.35);
    }
}
