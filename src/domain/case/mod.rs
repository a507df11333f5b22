//! The case file (format `omsorgsklage/1`, see `shared/case-format.md`) in two stages.
//!
//! 1. [`read`] turns bytes into a [`RawCase`]: every field optional, as a draft may be
//!    incomplete. Problems of form (not UTF-8, not JSON, too large, unknown fields, wrong types)
//!    are reported here, all of them, each naming the field.
//! 2. [`check`] turns a `RawCase` into a [`Case`] that the law, deadline and letter code accept,
//!    collecting *every* problem of content (missing answers, impossible dates, …).
//!
//! A problem is data ([`Problem`]): a field path and a [`ProblemKind`]. The words a person reads
//! come from the interface's message catalogue, not from here.
//!
//! The stages live in their own files, ripgrep's lowargs → hiargs style: [`raw`] (the file as
//! written, and reading it), [`problem`] (what can be wrong), [`model`] (the checked case) and
//! [`check`] (stage 2).

mod check;
mod model;
mod problem;
mod raw;

#[cfg(test)]
pub(crate) use check::check_inner;
pub use check::{check, check_for, paragraphs};
pub use model::{
    CaredFor, Case, Checked, Decision, Person, Representative, Role, ServiceItem, age_on,
};
pub use problem::{Arg, Problem, ProblemKind, Severity};
pub use raw::{
    Ground, RawCaredFor, RawCase, RawDecision, RawDraft, RawFollowUp, RawGrounds, RawMunicipality,
    RawPerson, RawRepresentative, RawRequests, RawServiceItem, levenshtein, read,
};

/// The format tag every case file carries.
pub const FORMAT: &str = "omsorgsklage/1";
/// The largest case file read, in bytes.
pub const MAX_BYTES: usize = 1_000_000;
