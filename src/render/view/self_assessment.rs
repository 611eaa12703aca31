//! The self-assessment (Code 8.1(a)) and the improvements (Code 8.1(d)) as the pages show them: answers and
//! statuses as words and class names, dates written out, the governing body's approval in a sentence.

use serde_json::{json, Value};

use super::date;
use crate::format;
use crate::model::self_assessment::Answer;
use crate::model::Report;

pub(super) fn self_assessment(r: &Report) -> Value {
    let sa = &r.self_assessment;
    let a = &sa.approval;
    let sections: Vec<Value> = sa
        .sections
        .iter()
        .map(|s| {
            let provisions: Vec<Value> = s
                .provisions
                .iter()
                .map(|p| {
                    json!({
                        "number": p.number,
                        "anchor": format!("provision-{}", p.number.replace('.', "-")),
                        "requirement": p.requirement,
                        "stage": p.stage,
                        "answer": format::answer_key(p.answer),
                        "answer_label": format::answer(p.answer),
                        "met": p.answer == Answer::Yes,
                        "evidence": p.evidence,
                        "commentary": p.commentary,
                        "explanation": p.explanation,
                        "actions": p.actions.iter().map(|a| json!({
                            "action": a.action,
                            "owner": a.owner,
                            "due": date(a.due),
                            "status": format::action_status(a.status),
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect();
            json!({
                "number": s.number,
                "title": s.title,
                "provisions": provisions,
                "counts": {"yes": s.counts.yes, "no": s.counts.no},
            })
        })
        .collect();
    json!({
        "approval": {
            "body": a.body,
            "date": date(a.date),
            "reason": format::review_reason(a.reason),
            "note": a.note,
        },
        "sections": sections,
        "counts": {"yes": sa.counts.yes, "no": sa.counts.no, "total": sa.counts.yes + sa.counts.no},
        "not_met": sa.not_met,
        // Each provision's answer by number, so a page can say what the self-assessment says of a provision it
        // mentions (`self_assessment.answers["2.4"]`) rather than claim compliance in a fixed sentence.
        "answers": sa
            .sections
            .iter()
            .flat_map(|s| &s.provisions)
            .map(|p| (p.number.clone(), Value::String(format::answer(p.answer).to_string())))
            .collect::<serde_json::Map<String, Value>>(),
    })
}

pub(super) fn improvements(r: &Report) -> Value {
    Value::Array(
        r.improvements
            .iter()
            .map(|i| {
                json!({
                    "theme": i.theme,
                    "you_said": i.you_said,
                    "we_did": i.we_did,
                    "date": i.date.map(date),
                    "status": format::improvement_status(i.status),
                })
            })
            .collect(),
    )
}
