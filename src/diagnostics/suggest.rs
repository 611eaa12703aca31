//! "Did you mean" suggestions for misspelt keys and values.

/// The candidate closest to `input`, if it is close enough to be a likely typo.
///
/// Uses Jaro-Winkler similarity (kind to transposed letters and shared prefixes, which is how keys get misspelt) with
/// a threshold of 0.8, so "hommes" suggests "homes" but "colour" does not suggest "count".
pub(crate) fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let input = input.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&input, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn suggests_close_keys_only() {
        let keys = ["homes", "label", "refusals"];
        assert_eq!(did_you_mean("hommes", keys), Some("homes"));
        assert_eq!(did_you_mean("refusal", keys), Some("refusals"));
        assert_eq!(did_you_mean("zzz", keys), None);
    }
}
