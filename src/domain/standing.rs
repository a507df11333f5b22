//! Who may complain about which service of a decision (pbrl § 7-2 and § 2-8; FACTS.md §3, §5).
//!
//! The person a decision is about may complain about all of it (or their representative). A
//! carer with especially heavy care work has a right of their own to complain about the relief
//! measures: avlastning, omsorgsstønad and opplæring for pårørende. When one decision covers both
//! (Ola's omsorgsstønad and his wife's hjemmesykepleie), the carer's part and the person's part
//! are two complaints: the carer writes one in their own name, and the other comes from the person
//! (or from the carer with a fullmakt).

use super::service::Service;

/// The services of one decision, split by who may complain about them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Split {
    /// The carer may complain about these on their own behalf.
    pub carer: Vec<&'static Service>,
    /// Only the person they are for (or that person's representative) may complain about these.
    pub person: Vec<&'static Service>,
}

impl Split {
    /// A carer's complaint would cover only part of the decision: the rest is another letter.
    #[must_use]
    pub fn needs_two_letters(&self) -> bool {
        !self.carer.is_empty() && !self.person.is_empty()
    }
}

/// Split the services of a decision by who may complain about them, keeping their order.
#[must_use]
pub fn split(services: &[&'static Service]) -> Split {
    let (carer, person) = services.iter().partition(|s| s.carer_may_complain);
    Split { carer, person }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::service::by_id;

    fn ids(v: &[&Service]) -> Vec<&'static str> {
        v.iter().map(|s| s.id).collect()
    }

    #[test]
    fn relief_services_are_the_carers_the_rest_the_persons() {
        let services: Vec<_> = ["omsorgsstonad", "hjemmesykepleie", "avlastning"]
            .into_iter()
            .filter_map(by_id)
            .collect();
        let s = split(&services);
        assert_eq!(ids(&s.carer), ["omsorgsstonad", "avlastning"]);
        assert_eq!(ids(&s.person), ["hjemmesykepleie"]);
        assert!(s.needs_two_letters());
    }

    #[test]
    fn one_kind_of_service_is_one_letter() {
        let both: Vec<_> = ["omsorgsstonad", "avlastning"]
            .into_iter()
            .filter_map(by_id)
            .collect();
        assert!(!split(&both).needs_two_letters());
        let person: Vec<_> = ["hjemmesykepleie"].into_iter().filter_map(by_id).collect();
        assert!(!split(&person).needs_two_letters());
    }
}
