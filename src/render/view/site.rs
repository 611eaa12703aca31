//! The landlord, the complaint route, the accessibility statement's inputs, and the statements published alongside
//! the report (the governing body's response, Code 8.2; the Member Responsible for Complaints', Code 9.5).

use serde_json::{json, Value};

use super::date;
use crate::model::{Report, Statement};

pub(super) fn site(r: &Report) -> Value {
    json!({
        "language": r.site.language,
        "base_url": r.site.base_url,
        "title": r.site.title(),
    })
}

pub(super) fn landlord(r: &Report) -> Value {
    let l = &r.site.landlord;
    json!({
        "name": l.name,
        "governing_body": l.governing_body,
        "website": l.website,
        "registration": l.registration,
        "member_responsible": l.member_responsible,
    })
}

pub(super) fn contact(r: &Report) -> Value {
    let c = &r.site.contact;
    json!({
        "phone": c.phone,
        "email": c.email,
        "web_form": c.web_form,
        "address": c.address,
        "hours": c.hours,
        "text_relay": c.text_relay,
    })
}

pub(super) fn accessibility(r: &Report) -> Value {
    let a = &r.site.accessibility;
    json!({
        "contact": a.contact,
        "contact_is_email": a.contact.as_deref().is_some_and(|c| c.contains('@')),
        "reviewed": date(a.reviewed),
        "prepared": date(a.prepared),
        "tested": a.tested.map(date),
        "known_issues": a.known_issues,
        "disproportionate_burden": a.disproportionate_burden,
        "out_of_scope": a.out_of_scope,
        "method": a.method,
    })
}

pub(super) fn statement(s: &Statement) -> Value {
    json!({
        "title": s.title,
        "body": s.body,
        "date": date(s.date),
        "signed": s.signed,
    })
}

/// The Member Responsible for Complaints: who they are, and their statement when there is one.
pub(super) fn member(r: &Report) -> Value {
    json!({
        "name": r.site.landlord.member_responsible,
        "statement": r.member_statement.as_ref().map(statement),
    })
}
