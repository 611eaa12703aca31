//! The report's measures, computed from counts: CH01, CH02, TP09 (the Regulator of Social Housing's Tenant
//! Satisfaction Measures), escalation, outcomes, timeliness and the Ombudsman's maladministration rate.
//!
//! Each function cites its definition. All of them return [`Ratio`]s, so a figure always travels with its numerator
//! and denominator (the data downloads publish both) and is rounded by the one rule in [`ratio`].

pub mod ratio;

pub use ratio::Ratio;

use crate::data::ombudsman::Determinations;
use crate::model::performance::{Stage, Year};

/// CH01, complaints relative to size: complaints received at a stage ÷ homes owned × 1,000 (TSM technical
/// requirements, CH01 (1) and (2)).
pub fn ch01(received: u64, homes: u64) -> Ratio {
    Ratio::per_thousand(received, homes)
}

/// CH02, complaints responded to within Code timescales: responses within timescale ÷ responses × 100 (TSM
/// technical requirements, CH02 (1) and (2); the timescales are Code 6.3 and 6.14).
pub fn ch02(stage: &Stage) -> Ratio {
    Ratio::percent(stage.within_timescale, stage.responded)
}

/// TP09, satisfaction with the landlord's approach to complaints handling: satisfied ÷ surveyed × 100.
pub fn tp09(year: &Year) -> Option<Ratio> {
    year.tp09.map(|t| Ratio::percent(t.satisfied, t.surveyed))
}

/// Escalation rate: stage 2 complaints received ÷ stage 1 responses × 100. Stage 1 *responses* rather than
/// complaints received, because only a complaint that has had its stage 1 answer can be escalated.
pub fn escalation(year: &Year) -> Ratio {
    Ratio::percent(year.stage2.received, year.stage1.responded)
}

/// Average working days to respond at a stage: total working days ÷ responses.
pub fn average_days(stage: &Stage) -> Ratio {
    Ratio::average(stage.working_days, stage.responded)
}

/// Share of responses that used an extension, when the landlord records extensions.
pub fn extended(stage: &Stage) -> Option<Ratio> {
    stage.extended.map(|e| Ratio::percent(e, stage.responded))
}

/// Share of responses with an outcome: `count ÷ responses × 100`.
pub fn outcome_share(count: u64, stage: &Stage) -> Ratio {
    Ratio::percent(count, stage.responded)
}

/// The Ombudsman's maladministration rate: findings of severe maladministration, maladministration and service
/// failure ÷ all findings × 100. Cases outside jurisdiction are not findings, so they are in neither count (as in
/// the Ombudsman's landlord performance reports).
pub fn maladministration_rate(d: &Determinations) -> Ratio {
    let adverse = d.severe_maladministration.get_ref()
        + d.maladministration.get_ref()
        + d.service_failure.get_ref();
    let findings = adverse + d.reasonable_redress.get_ref() + d.no_maladministration.get_ref();
    Ratio::percent(adverse, findings)
}
