//! Past years kept as published: `redress new-year` freezes the report year's built site into `archive/<year>/`
//! and rolls the inputs forward ([`mod@new_year`]); every build then publishes each frozen year beside the live one
//! ([`publish`]).
//!
//! A landlord's report of a year is a public record: once the governing body has responded to it and the Ombudsman's
//! submission has linked to it, it must stay readable exactly as it was. So a frozen year holds the very files its
//! build wrote, byte for byte, and nothing rebuilds them, neither a newer redress nor a new theme nor this year's data.
//! The year's inputs are kept beside it (never published, and never a case export, see [`inputs`]) so it can be
//! checked later. The next year starts from last year's words and answers, each file marked as carried over
//! ([`roll`]), because a report is mostly revised, not written from nothing.
//!
//! This sits at the output stage: it runs the same in-memory build as `check` and writes into the site folder, never
//! into the build output; the folder's layout and the marker's format live in [`crate::data::frozen`], which reads
//! them back.

mod inputs;
pub(crate) mod new_year;
pub(crate) mod publish;
mod roll;
mod staging;

pub(crate) use new_year::new_year;
