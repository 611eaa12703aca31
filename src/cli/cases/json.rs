//! A [`Summary`] for programs: one JSON object (`redress cases --format json`), for scripts, for the lead's
//! pages to cross-check, and for anyone re-doing the sums.
//!
//! It holds the same counts as [`super::text`], every measure with its numerator and denominator, and the rules
//! each was made by ([`crate::cases::rules::STATEMENTS`]); nothing of a single complaint.
//!
//! The JSON shape is stable (`"format": 1`); fields may be added, never renamed or removed without a new format
//! number:
//!
//! ```json
//! { "format": 1, "file": "complaints.csv",
//!   "rows": { "read": 812, "used": 805, "set_aside": 7, "blank": 0 },
//!   "set_aside_without_year": 1,
//!   "years": [ {
//!     "year": "2025-26", "rows": { "used": 790, "set_aside": 3 },
//!     "homes": { "lcra": 11020, "lcho": 1120, "combined": null },
//!     "tenures": { "lcra": { "stage1": STAGE, "stage2": STAGE }, "lcho": {…}, "other": {…}, "all": {…} },
//!     "categories": [ { "name": "Repairs", "stage1": 298, "stage2": 30 } ],
//!     "uncategorised": { "stage1": 0, "stage2": 0 },
//!     "refusals": [ { "name": "More than 12 months since the issue", "stage1": 9, "stage2": 0 } ],
//!     "compensation": { "pence": 4138000, "complaints": 268 } } ],
//!   "rules": [ { "id": "timescale", "text": "…" } ],
//!   "diagnostics": [ … ], "errors": 7, "warnings": 1 }
//! ```
//!
//! where `STAGE` is every count of [`crate::cases::summary::StageCounts`] by its field name, plus `"measures"`: `ch01`
//! (for `lcra` and `lcho` with their own homes, for `all` with the combined homes of a site that reports all social
//! homes together; null where those homes are not known, and always for `other`), `ch02`, `acknowledged_within_5_days`,
//! `within_extension`, `extended`, `extended_beyond_limit` (of the extended), `average_working_days`, `upheld`,
//! `partly_upheld`, `not_upheld`. Each measure is `{ "value": 91.2, "numerator": 560, "denominator": 614, "scale":
//! 100 }`, `value` rounded to one decimal place (null when the denominator is 0). `homes` holds nulls outside a site
//! or when data/performance.toml gives no homes for the year. `diagnostics` is the list `redress check --format json`
//! prints.

use serde_json::{json, Value};

use super::measures::{ch01, MEASURES};
use crate::cases::rules::STATEMENTS;
use crate::cases::summary::{ByStage, Homes, StageCounts, Summary, Tally, YearHomes, YearSummary};
use crate::cases::values::Tenure;
use crate::diagnostics::Diagnostics;
use crate::measures::Ratio;

/// A ratio as JSON.
fn ratio_json(r: Ratio) -> Value {
    let value = r
        .tenths()
        .and_then(|t| {
            serde_json::from_str::<Value>(&crate::format::tenths(t).replace(',', "")).ok()
        })
        .unwrap_or(Value::Null);
    json!({
        "value": value,
        "numerator": r.numerator,
        "denominator": r.denominator,
        "scale": r.scale,
    })
}

fn stage_json(c: &StageCounts, homes: Option<u64>) -> Value {
    let mut v = serde_json::to_value(c).unwrap_or(Value::Null);
    let mut measures = serde_json::Map::new();
    measures.insert(
        "ch01".to_string(),
        homes.map_or(Value::Null, |h| ratio_json(ch01(c, h))),
    );
    for m in MEASURES {
        measures.insert(m.id.to_string(), ratio_json((m.of)(c)));
    }
    v["measures"] = Value::Object(measures);
    v
}

fn pair_json(p: &ByStage<StageCounts>, homes: Option<u64>) -> Value {
    json!({ "stage1": stage_json(&p.stage1, homes), "stage2": stage_json(&p.stage2, homes) })
}

fn tallies_json(t: &[Tally]) -> Value {
    Value::Array(
        t.iter()
            .map(|t| json!({ "name": t.name, "stage1": t.stage1, "stage2": t.stage2 }))
            .collect(),
    )
}

fn year_json(y: &YearSummary, homes: YearHomes) -> Value {
    json!({
        "year": y.year.label(),
        "rows": { "used": y.rows_used, "set_aside": y.rows_set_aside },
        "homes": homes,
        "tenures": {
            "lcra": pair_json(&y.tenures.lcra, homes.for_column(Some(Tenure::Lcra))),
            "lcho": pair_json(&y.tenures.lcho, homes.for_column(Some(Tenure::Lcho))),
            "other": pair_json(&y.tenures.other, None),
            "all": pair_json(&y.tenures.all(), homes.for_column(None)),
        },
        "categories": tallies_json(&y.categories),
        "uncategorised": { "stage1": y.uncategorised.stage1, "stage2": y.uncategorised.stage2 },
        "refusals": tallies_json(&y.refusals),
        "compensation": { "pence": y.compensation.pence, "complaints": y.compensation.complaints },
    })
}

/// The summary as one JSON object (see the module docs for its shape).
pub(super) fn summary(file: &str, summary: &Summary, homes: &Homes, diags: &Diagnostics) -> Value {
    let d = crate::diagnostics::to_json(diags);
    json!({
        "format": 1,
        "file": file,
        "rows": summary.rows,
        "set_aside_without_year": summary.set_aside_without_year,
        "years": summary
            .years
            .iter()
            .map(|y| year_json(y, homes.get(&y.year.label()).copied().unwrap_or_default()))
            .collect::<Vec<_>>(),
        "rules": STATEMENTS
            .iter()
            .map(|(id, text)| json!({ "id": id, "text": text }))
            .collect::<Vec<_>>(),
        "diagnostics": d["diagnostics"],
        "errors": d["errors"],
        "warnings": d["warnings"],
    })
}
