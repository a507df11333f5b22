//! One decision on several services (issue #26, case format 0.3 `services`), in the interview.
//!
//! While the interview runs, the first service stays in the single fields (`service`,
//! `service_other`, `situation`, `decision.applied_for`/`granted`, `outcome`), so that every
//! screen about it works as before, and `raw.services` holds only the *other* services of the
//! same decision: item `k` of the file (1, 2 …) is `raw.services[k - 1]`. A case file has either
//! the single fields or `services`, never both, so the case is turned into the file's form
//! ([`to_file`]) wherever it leaves the interview or is judged (the draft saved, check answers,
//! the preview, the letter saved), and back ([`from_file`]) where a case comes in (a draft or a
//! file opened). The questions about another service are the first service's screens, reading and
//! writing that item through [`view`] and [`with_item`].

use std::borrow::Cow;

use crate::domain::case::{RawCase, RawDecision, RawServiceItem};
use crate::domain::routing::{self, Route};
use crate::domain::service::{self, Service};
use crate::i18n::{Ui, t};

/// The other services of the decision, as the interview keeps them.
pub fn extras(raw: &RawCase) -> &[RawServiceItem] {
    raw.services.as_deref().unwrap_or(&[])
}

/// The first service, from the single fields.
fn first(raw: &RawCase) -> RawServiceItem {
    let d = raw.decision.as_ref();
    RawServiceItem {
        service: raw.service.clone(),
        service_other: raw.service_other.clone(),
        situation: raw.situation.clone(),
        applied_for: d.and_then(|d| d.applied_for.clone()),
        granted: d.and_then(|d| d.granted.clone()),
        outcome: raw.outcome.clone(),
        // The first service's postponement is `requests.postponement` (see [`asks_postponement`]).
        postponement: None,
    }
}

/// Put an item into the single fields.
fn put_first(raw: &mut RawCase, item: RawServiceItem) {
    raw.service = item.service;
    raw.service_other = item.service_other;
    raw.situation = item.situation;
    raw.outcome = item.outcome;
    if item.applied_for.is_some() || item.granted.is_some() || raw.decision.is_some() {
        let d = raw.decision.get_or_insert_with(RawDecision::default);
        d.applied_for = item.applied_for;
        d.granted = item.granted;
    }
}

/// Item `k` of the decision's services (0: the first).
pub fn item(raw: &RawCase, k: usize) -> RawServiceItem {
    if k == 0 {
        first(raw)
    } else {
        extras(raw).get(k - 1).cloned().unwrap_or_default()
    }
}

/// The case as the first service's screens read item `k`: the item in the single fields.
pub fn view(raw: &RawCase, k: usize) -> Cow<'_, RawCase> {
    if k == 0 {
        return Cow::Borrowed(raw);
    }
    let mut v = raw.clone();
    put_first(&mut v, item(raw, k));
    Cow::Owned(v)
}

/// Change item `k` as the first service's screens change the single fields: `f` works on
/// [`view`], and what it wrote into the service's fields is kept in the item (nothing else).
pub fn with_item(raw: &mut RawCase, k: usize, f: impl FnOnce(&mut RawCase)) {
    if k == 0 {
        f(raw);
        return;
    }
    let mut v = view(raw, k).into_owned();
    f(&mut v);
    let mut changed = first(&v);
    let list = raw.services.get_or_insert_with(Vec::new);
    while list.len() < k {
        list.push(RawServiceItem::default());
    }
    changed.postponement = list[k - 1].postponement;
    list[k - 1] = changed;
}

/// The services of the decision named so far, with the item each is (0: the first).
pub fn named(raw: &RawCase) -> Vec<(usize, &'static Service)> {
    std::iter::once(raw.service.as_deref())
        .chain(extras(raw).iter().map(|i| i.service.as_deref()))
        .enumerate()
        .filter_map(|(k, id)| Some((k, service::by_id(id?)?)))
        .collect()
}

/// The route of a service in this case (the law the decision cites decides some).
pub fn route_of(raw: &RawCase, s: &Service) -> Route {
    let cited = raw
        .decision
        .as_ref()
        .and_then(|d| d.route.as_deref())
        .and_then(Route::from_id);
    routing::route_for(s, cited).0
}

/// Why a service cannot be added to this letter (the domain's rule, [`routing::may_join`]).
pub use crate::domain::routing::NotTogether as NotAdded;

/// Whether `s` may be item `k` of this letter.
pub fn may_add(raw: &RawCase, k: usize, s: &'static Service) -> Result<(), NotAdded> {
    let others: Vec<&'static Service> = named(raw)
        .into_iter()
        .filter(|(i, _)| *i != k)
        .map(|(_, o)| o)
        .collect();
    let cited = raw
        .decision
        .as_ref()
        .and_then(|d| d.route.as_deref())
        .and_then(Route::from_id);
    routing::may_join(&others, s, cited)
}

/// The case in the file's form: with other services, `services` = the first (from the single
/// fields) and the others, and the single service fields empty. Items with no service chosen
/// (one added and left at once) are left out.
pub fn to_file(raw: &RawCase) -> Cow<'_, RawCase> {
    let Some(list) = raw.services.as_ref() else {
        return Cow::Borrowed(raw);
    };
    let mut r = raw.clone();
    let kept: Vec<RawServiceItem> = list
        .iter()
        .filter(|i| i.service.is_some())
        .cloned()
        .collect();
    if kept.is_empty() {
        r.services = None;
        return Cow::Owned(r);
    }
    let mut items = vec![first(raw)];
    items.extend(kept);
    put_first(&mut r, RawServiceItem::default());
    if r.decision.as_ref() == Some(&RawDecision::default()) {
        r.decision = None;
    }
    r.services = Some(items);
    Cow::Owned(r)
}

/// The case in the interview's form ([`to_file`] undone): the first of `services` in the single
/// fields, the others in `services`. A file with both the single fields and `services` (an error
/// the check page names) is left as it is.
pub fn from_file(mut raw: RawCase) -> RawCase {
    let single = !raw.single_service_fields().is_empty();
    let Some(mut list) = raw.services.take() else {
        return raw;
    };
    if single || list.is_empty() {
        raw.services = Some(list);
        return raw;
    }
    let mut head = list.remove(0);
    // The first service's own postponement becomes `requests.postponement`; the others keep
    // what they ask (their own choice, or what `requests.postponement` said).
    if let Some(own) = head.postponement.take() {
        let req = raw.requests.get_or_insert_with(Default::default);
        let before = req.postponement.unwrap_or(false);
        for i in &mut list {
            let v = i.postponement.unwrap_or(before);
            i.postponement = (v != own).then_some(v);
        }
        req.postponement = Some(own);
    }
    put_first(&mut raw, head);
    raw.services = (!list.is_empty()).then_some(list);
    raw
}

/// A service's name in the interface, as in a sentence ("avlastning"); for "something else" the
/// person's own words.
pub fn name_of(ui: Ui, raw: &RawCase, k: usize) -> String {
    let it = item(raw, k);
    match it.service.as_deref().and_then(service::by_id) {
        Some(s) if s.id == "annet" => it
            .service_other
            .filter(|o| !o.trim().is_empty())
            .unwrap_or_else(|| s.ui_name(ui.code()).to_string()),
        Some(s) => s.ui_name(ui.code()).to_string(),
        None => t(ui, "tui.services.unnamed"),
    }
}

/// Some service of the letter is cut or stopped (postponed implementation is then offered).
pub fn any_cut(raw: &RawCase) -> bool {
    !cut_items(raw).is_empty()
}

/// The items the decision cuts or stops (0: the first service).
pub fn cut_items(raw: &RawCase) -> Vec<usize> {
    (0..=extras(raw).len())
        .filter(|k| {
            item(raw, *k)
                .situation
                .as_deref()
                .and_then(crate::domain::situation::Situation::from_id)
                .is_some_and(|s| s.takes_away_service())
        })
        .collect()
}

/// Whether postponed implementation is asked for item `k` (if it is cut): the first service's
/// choice is `requests.postponement`, another's its own `postponement` or else that (as in the
/// file, where an item without `postponement` follows `requests.postponement`).
pub fn asks_postponement(raw: &RawCase, k: usize) -> bool {
    let all = raw
        .requests
        .as_ref()
        .and_then(|r| r.postponement)
        .unwrap_or(false);
    match k {
        0 => all,
        _ => extras(raw)
            .get(k - 1)
            .and_then(|i| i.postponement)
            .unwrap_or(all),
    }
}

/// Write what is asked for each cut item (`asked`: item, yes or no): `requests.postponement` is
/// the first cut item's answer, and another item gets its own `postponement` only where its
/// answer differs, so that a case where every answer is the same is written as before.
pub fn set_postponement(raw: &mut RawCase, asked: &[(usize, bool)]) {
    let all = asked.first().is_some_and(|(_, v)| *v);
    raw.requests
        .get_or_insert_with(Default::default)
        .postponement = Some(all);
    if let Some(list) = raw.services.as_mut() {
        for (i, it) in list.iter_mut().enumerate() {
            it.postponement = asked
                .iter()
                .find(|(k, _)| *k == i + 1)
                .and_then(|(_, v)| (*v != all).then_some(*v));
        }
    }
}

/// After a service's situation changed or a service was taken out: a service no longer cut
/// asks nothing of its own, and with one service cut (or none) its answer is
/// `requests.postponement`, the one checkbox the requests screen then shows.
pub fn tidy_postponement(raw: &mut RawCase) {
    let cut = cut_items(raw);
    let asked: Vec<(usize, bool)> = cut
        .iter()
        .map(|k| (*k, asks_postponement(raw, *k)))
        .collect();
    if let Some(list) = raw.services.as_mut() {
        for (i, it) in list.iter_mut().enumerate() {
            if !cut.contains(&(i + 1)) {
                it.postponement = None;
            }
        }
    }
    match asked.as_slice() {
        [] => {
            if let Some(req) = raw.requests.as_mut()
                && req.postponement == Some(true)
            {
                req.postponement = Some(false);
            }
        }
        [(k, v)] if *k > 0 && extras(raw)[k - 1].postponement.is_some() => {
            set_postponement(raw, &[(*k, *v)]);
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::RawServiceItem;

    fn interview_case() -> RawCase {
        RawCase {
            format: Some("omsorgsklage/1".into()),
            service: Some("omsorgsstonad".into()),
            situation: Some("avslag".into()),
            outcome: Some("Omsorgsstønad for 20 timer i uken.".into()),
            complainant_is_carer: Some(true),
            decision: Some(RawDecision {
                date: Some("2026-11-20".into()),
                applied_for: Some("Omsorgsstønad".into()),
                ..Default::default()
            }),
            services: Some(vec![RawServiceItem {
                service: Some("avlastning".into()),
                situation: Some("redusert".into()),
                applied_for: Some("Ett døgn i uken".into()),
                granted: Some("Ett døgn annenhver uke".into()),
                ..Default::default()
            }]),
            ..Default::default()
        }
    }

    /// A hand-written file with `services` and a single-service field (an error the check page
    /// names) is opened as it is: the first item does not overwrite what the file says.
    #[test]
    fn a_file_with_services_and_a_single_field_is_opened_as_it_is() {
        let mut file = to_file(&interview_case()).into_owned();
        file.decision.get_or_insert_with(Default::default).granted =
            Some("Noe annet enn i listen".into());
        let opened = from_file(file.clone());
        assert_eq!(opened, file);
    }

    #[test]
    fn to_file_and_back_is_the_same_case() {
        let raw = interview_case();
        let file = to_file(&raw).into_owned();
        assert_eq!(file.service, None);
        assert_eq!(file.situation, None);
        assert_eq!(file.outcome, None);
        let d = file.decision.as_ref().unwrap();
        assert_eq!((d.applied_for.as_ref(), d.granted.as_ref()), (None, None));
        assert_eq!(d.date.as_deref(), Some("2026-11-20"));
        let items = file.services.as_ref().unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].service.as_deref(), Some("omsorgsstonad"));
        assert_eq!(items[0].applied_for.as_deref(), Some("Omsorgsstønad"));
        assert_eq!(items[1].service.as_deref(), Some("avlastning"));
        assert_eq!(from_file(file), raw);
    }

    #[test]
    fn one_service_is_left_as_it_is() {
        let mut raw = interview_case();
        raw.services = None;
        assert!(matches!(to_file(&raw), Cow::Borrowed(_)));
        assert_eq!(from_file(raw.clone()), raw);
        // An item added and left with no service chosen is not written.
        raw.services = Some(vec![RawServiceItem::default()]);
        let file = to_file(&raw).into_owned();
        assert_eq!(file.services, None);
        assert_eq!(file.service.as_deref(), Some("omsorgsstonad"));
    }

    #[test]
    fn an_item_is_changed_through_the_first_services_fields() {
        let mut raw = interview_case();
        with_item(&mut raw, 1, |v| v.situation = Some("avsluttet".into()));
        assert_eq!(item(&raw, 1).situation.as_deref(), Some("avsluttet"));
        assert_eq!(raw.situation.as_deref(), Some("avslag"));
        with_item(&mut raw, 2, |v| v.service = Some("praktisk-bistand".into()));
        assert_eq!(extras(&raw).len(), 2);
        assert_eq!(view(&raw, 2).service.as_deref(), Some("praktisk-bistand"));
    }

    /// Both services cut, as the interview keeps them.
    fn two_cuts() -> RawCase {
        let mut raw = interview_case();
        raw.situation = Some("redusert".into());
        raw
    }

    fn asked(raw: &RawCase) -> Vec<bool> {
        cut_items(raw)
            .into_iter()
            .map(|k| asks_postponement(raw, k))
            .collect()
    }

    #[test]
    fn postponement_per_service_is_written_only_where_the_answers_differ() {
        let mut raw = two_cuts();
        set_postponement(&mut raw, &[(0, true), (1, true)]);
        let file = to_file(&raw).into_owned();
        let req = file.requests.as_ref().and_then(|r| r.postponement);
        assert_eq!(req, Some(true));
        let items = file.services.as_ref().unwrap();
        assert!(items.iter().all(|i| i.postponement.is_none()));
        set_postponement(&mut raw, &[(0, false), (1, true)]);
        assert_eq!(asked(&raw), [false, true]);
        let file = to_file(&raw).into_owned();
        let items = file.services.as_ref().unwrap();
        assert_eq!(items[0].postponement, None);
        assert_eq!(items[1].postponement, Some(true));
        assert_eq!(from_file(file), raw);
    }

    #[test]
    fn a_files_first_item_with_its_own_postponement_reads_as_the_same_answers() {
        // requests true, the first item false, the second following requests: [false, true].
        let mut file = to_file(&two_cuts()).into_owned();
        file.requests = Some(crate::domain::case::RawRequests {
            postponement: Some(true),
            ..Default::default()
        });
        file.services.as_mut().unwrap()[0].postponement = Some(false);
        let raw = from_file(file);
        assert_eq!(asked(&raw), [false, true]);
        assert_eq!(
            raw.requests.as_ref().and_then(|r| r.postponement),
            Some(false)
        );
    }

    #[test]
    fn a_service_no_longer_cut_keeps_no_postponement_of_its_own() {
        let mut raw = two_cuts();
        set_postponement(&mut raw, &[(0, false), (1, true)]);
        // The avlastning was refused after all: its own answer goes; one cut is left.
        with_item(&mut raw, 1, |v| v.situation = Some("avslag".into()));
        tidy_postponement(&mut raw);
        assert_eq!(extras(&raw)[0].postponement, None);
        assert_eq!(asked(&raw), [false]);
        // The first was the one refused: the avlastning's answer becomes the one checkbox's.
        let mut raw = two_cuts();
        set_postponement(&mut raw, &[(0, false), (1, true)]);
        raw.situation = Some("avslag".into());
        tidy_postponement(&mut raw);
        assert_eq!(extras(&raw)[0].postponement, None);
        assert_eq!(asked(&raw), [true]);
        // Changing an item through its screens keeps its answer.
        let mut raw = two_cuts();
        set_postponement(&mut raw, &[(0, false), (1, true)]);
        with_item(&mut raw, 1, |v| v.outcome = Some("Som før.".into()));
        assert_eq!(asked(&raw), [false, true]);
    }

    #[test]
    fn a_route_b_service_is_not_added_to_a_care_services_letter() {
        let raw = interview_case();
        let bolig = service::by_id("omsorgsbolig").unwrap();
        assert!(matches!(
            may_add(&raw, 2, bolig),
            Err(NotAdded::OtherRoute { .. })
        ));
        let avl = service::by_id("avlastning").unwrap();
        assert_eq!(may_add(&raw, 2, avl), Err(NotAdded::Twice));
        // Changing item 1 to what it is already is fine.
        assert_eq!(may_add(&raw, 1, avl), Ok(()));
    }
}
