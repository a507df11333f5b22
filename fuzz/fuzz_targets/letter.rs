//! A valid-looking case with arbitrary texts (long strings, any Unicode, empty fields, thousands
//! of attachments) → validate → letter → text and PDF. Must never panic, and a complete case must
//! always give a letter and a PDF.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use omsorgsklage::domain::case::{self, RawCase, RawDecision, RawGrounds, RawMunicipality, RawPerson, RawRequests};
use omsorgsklage::domain::attachment::{RawAttachment, RawAttachmentFile};
use omsorgsklage::domain::letter::LetterKind;
use omsorgsklage::domain::service::CATALOGUE;
use omsorgsklage::domain::situation::Situation;
use omsorgsklage::render;

#[derive(Debug, Arbitrary)]
struct Input {
    service: u8,
    situation: u8,
    kind: u8,
    nynorsk: bool,
    name: String,
    address: String,
    city: String,
    reference: Option<String>,
    applied_for: Option<String>,
    ground: String,
    other: Option<String>,
    outcome: Option<String>,
    attachments: Vec<String>,
    /// Attachments that name a file: (title, file), neither read here.
    files: Vec<(Option<String>, Option<String>)>,
    attachment_count: u16,
    representative: Option<(String, bool)>,
    received_offset: u8,
    sent_offset: Option<u8>,
    supplement: Option<String>,
    late_reason: Option<String>,
    innsyn: bool,
    postponement: bool,
}

fuzz_target!(|input: Input| {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
    let s = &CATALOGUE[input.service as usize % CATALOGUE.len()];
    let received = today - chrono::Days::new(u64::from(input.received_offset));
    let mut attachments = input.attachments.clone();
    attachments.extend(std::iter::repeat_n("Vedlegg".to_string(), usize::from(input.attachment_count % 5000)));
    let mut attachments: Vec<RawAttachment> = attachments.into_iter().map(RawAttachment::Text).collect();
    attachments.extend(
        input.files.iter().map(|(title, file)| RawAttachment::File(RawAttachmentFile { title: title.clone(), file: file.clone() })),
    );
    let raw = RawCase {
        format: Some(case::FORMAT.into()),
        language: Some(if input.nynorsk { "nn" } else { "nb" }.into()),
        letter_date: Some(today.to_string()),
        service: Some(s.id.into()),
        service_other: Some(input.name.clone()),
        situation: Some(Situation::ALL[input.situation as usize % 5].id().into()),
        municipality: Some(RawMunicipality { number: Some("5501".into()), name: None, address: Some(vec![input.address.clone()]), district: None }),
        applicant: Some(RawPerson {
            name: Some(input.name.clone()),
            address: Some(input.address.clone()),
            postcode: Some("9008".into()),
            city: Some(input.city.clone()),
            ..Default::default()
        }),
        representative: input.representative.as_ref().map(|(n, poa)| case::RawRepresentative {
            name: Some(n.clone()),
            address: Some(input.address.clone()),
            postcode: Some("9010".into()),
            city: Some(input.city.clone()),
            power_of_attorney: Some(*poa),
            ..Default::default()
        }),
        decision: Some(RawDecision {
            date: Some((received - chrono::Days::new(2)).to_string()),
            received: Some(received.to_string()),
            reference: input.reference.clone(),
            applied_for: input.applied_for.clone(),
            ..Default::default()
        }),
        grounds: Some(RawGrounds { health: Some(input.ground.clone()), other: input.other.clone(), ..Default::default() }),
        outcome: input.outcome.clone(),
        attachments: Some(attachments),
        requests: Some(RawRequests { access_to_documents: Some(input.innsyn), postponement: Some(input.postponement) }),
        late_reason: input.late_reason.clone(),
        sent: input.sent_offset.map(|o| (today - chrono::Days::new(u64::from(o))).to_string()),
        supplement: input.supplement.clone(),
        ..Default::default()
    };
    let kind = LetterKind::ALL[input.kind as usize % LetterKind::ALL.len()];
    let checked = case::check_for(&raw, today, kind);
    if let Some(c) = checked.case {
        let letter = render::letter(&c, kind).expect("a checked case always renders");
        let text = render::text::render(&letter);
        assert!(text.lines().all(|l| l.chars().count() <= 80), "a line over 80 columns");
        let _pdf = render::pdf::render(&letter);
    }
});
