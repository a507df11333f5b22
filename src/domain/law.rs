//! Every legal citation the program makes, in one table.
//!
//! The fact sheet (`shared/domain/FACTS.md`) is the only source. Letters always write the full
//! name of the act ("pasient- og brukerrettighetsloven § 7-2"), so the rule "write the full name
//! the first time" holds trivially. Templates never write a section number themselves: they get
//! the citations from here through the letter context.

use serde::Serialize;

use super::letter::Lang;

/// The day the citation table was last verified against its sources (FACTS.md).
pub const VERIFIED_ON: &str = "2026-12-01";

/// The acts the program cites.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Act {
    /// pasient- og brukerrettighetsloven (LOV-1999-07-02-63): rights of patients and users.
    Pbrl,
    /// helse- og omsorgstjenesteloven (LOV-2011-06-24-30): the municipality's duties.
    Hol,
    /// forvaltningsloven (LOV-1967-02-10): the Public Administration Act, 1967 numbering.
    Fvl,
}

impl Act {
    /// The act's name in bokmål or nynorsk.
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Act::Pbrl, Lang::Nb) => "pasient- og brukerrettighetsloven",
            (Act::Pbrl, Lang::Nn) => "pasient- og brukarrettslova",
            (Act::Hol, Lang::Nb) => "helse- og omsorgstjenesteloven",
            (Act::Hol, Lang::Nn) => "helse- og omsorgstenestelova",
            (Act::Fvl, Lang::Nb) => "forvaltningsloven",
            (Act::Fvl, Lang::Nn) => "forvaltningslova",
        }
    }

    /// The short form used on screens: pbrl, hol, fvl.
    pub fn short(self) -> &'static str {
        match self {
            Act::Pbrl => "pbrl",
            Act::Hol => "hol",
            Act::Fvl => "fvl",
        }
    }
}

/// A reference to a section of an act, exactly as FACTS.md writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Citation {
    pub act: Act,
    /// "§ 3-2 første ledd nr. 6 bokstav a". The same in bokmål and nynorsk.
    pub section: &'static str,
}

impl Citation {
    const fn new(act: Act, section: &'static str) -> Self {
        Citation { act, section }
    }

    /// "helse- og omsorgstjenesteloven § 3-2 første ledd nr. 6 bokstav a".
    pub fn full(self, lang: Lang) -> String {
        format!("{} {}", self.act.name(lang), self.section)
    }

    /// "hol § 3-2 første ledd nr. 6 bokstav a", for screens and tables.
    pub fn short(self) -> String {
        format!("{} {}", self.act.short(), self.section)
    }
}

// ---- Service legal bases (FACTS.md section 3) ----
pub const HOL_3_2_NR6_A: Citation = Citation::new(Act::Hol, "§ 3-2 første ledd nr. 6 bokstav a");
pub const HOL_3_2_NR6_B: Citation = Citation::new(Act::Hol, "§ 3-2 første ledd nr. 6 bokstav b");
pub const HOL_3_2_NR6_C: Citation = Citation::new(Act::Hol, "§ 3-2 første ledd nr. 6 bokstav c");
pub const HOL_3_2_NR7: Citation = Citation::new(Act::Hol, "§ 3-2 første ledd nr. 7");
pub const HOL_3_2_A: Citation = Citation::new(Act::Hol, "§ 3-2 a");
pub const HOL_3_6_NR1: Citation = Citation::new(Act::Hol, "§ 3-6 første ledd nr. 1");
pub const HOL_3_6_NR2: Citation = Citation::new(Act::Hol, "§ 3-6 første ledd nr. 2");
pub const HOL_3_6_NR3: Citation = Citation::new(Act::Hol, "§ 3-6 første ledd nr. 3");
pub const HOL_3_8: Citation = Citation::new(Act::Hol, "§ 3-8");
pub const HOL_3_1: Citation = Citation::new(Act::Hol, "§ 3-1");
pub const PBRL_2_1_A: Citation = Citation::new(Act::Pbrl, "§ 2-1 a");
pub const PBRL_2_1_D: Citation = Citation::new(Act::Pbrl, "§ 2-1 d");
pub const PBRL_2_1_E: Citation = Citation::new(Act::Pbrl, "§ 2-1 e");
/// The carer's own right to relief measures and to complain (særlig tyngende omsorgsarbeid).
pub const PBRL_2_8: Citation = Citation::new(Act::Pbrl, "§ 2-8");

// ---- Rights the letter relies on (FACTS.md section 2) ----
/// Right to necessary health and care services from the municipality (second paragraph).
pub const PBRL_2_1_A_2: Citation = Citation::new(Act::Pbrl, "§ 2-1 a andre ledd");
/// Services must be sound (forsvarlige).
pub const HOL_4_1: Citation = Citation::new(Act::Hol, "§ 4-1");
/// Great weight on what the user thinks, for hol § 3-2 første ledd nr. 6, § 3-6 and § 3-8.
pub const PBRL_3_1: Citation = Citation::new(Act::Pbrl, "§ 3-1");
/// The case must be sufficiently investigated before a decision.
pub const FVL_17: Citation = Citation::new(Act::Fvl, "§ 17");

// ---- Route A: care services (FACTS.md section 1) ----
/// The right to complain to Statsforvalteren; the complaint is sent to the municipality.
pub const PBRL_7_2: Citation = Citation::new(Act::Pbrl, "§ 7-2");
/// Four weeks.
pub const PBRL_7_5: Citation = Citation::new(Act::Pbrl, "§ 7-5");
/// Late complaints: refers to fvl § 31.
pub const PBRL_7_7: Citation = Citation::new(Act::Pbrl, "§ 7-7");

// ---- Route B: other municipal decisions ----
/// Right to complain; the municipality's klagenemnd (second paragraph).
pub const FVL_28: Citation = Citation::new(Act::Fvl, "§ 28");
pub const FVL_28_2: Citation = Citation::new(Act::Fvl, "§ 28 andre ledd");
/// Three weeks.
pub const FVL_29: Citation = Citation::new(Act::Fvl, "§ 29");
/// Posting before the deadline ends is enough.
pub const FVL_30: Citation = Citation::new(Act::Fvl, "§ 30");
/// Late complaints.
pub const FVL_31: Citation = Citation::new(Act::Fvl, "§ 31");
/// The complaint is sent to the body that made the decision.
pub const FVL_32: Citation = Citation::new(Act::Fvl, "§ 32");

// ---- Representatives, requests and what happens next (FACTS.md sections 5, 6, 8) ----
/// Representative: communication goes to them.
pub const FVL_12: Citation = Citation::new(Act::Fvl, "§ 12");
/// Access to the case documents (partsinnsyn).
pub const FVL_18: Citation = Citation::new(Act::Fvl, "§ 18");
/// Access to the patient record (journal).
pub const PBRL_5_1: Citation = Citation::new(Act::Pbrl, "§ 5-1");
/// Reasons must be given.
pub const FVL_24: Citation = Citation::new(Act::Fvl, "§ 24");
/// What the reasons must contain.
pub const FVL_25: Citation = Citation::new(Act::Fvl, "§ 25");
/// Postponed implementation (utsatt iverksetting).
pub const FVL_42: Citation = Citation::new(Act::Fvl, "§ 42");
/// Preliminary reply when the answer takes more than a month.
pub const FVL_11_A: Citation = Citation::new(Act::Fvl, "§ 11 a");
/// The municipality's duty to guide and help.
pub const FVL_11: Citation = Citation::new(Act::Fvl, "§ 11");
/// The municipality forwards the complaint; the person may comment.
pub const FVL_33: Citation = Citation::new(Act::Fvl, "§ 33");

/// Every citation the program can make, for the test that checks them against FACTS.md.
/// Asking for reasons before the deadline interrupts it: "forvaltningsloven § 29 og § 24"
/// (FACTS.md section 1).
pub fn reasons_interrupt(lang: Lang) -> String {
    format!("{} og {}", FVL_29.full(lang), FVL_24.section)
}

pub const ALL: &[Citation] = &[
    HOL_3_2_NR6_A,
    HOL_3_2_NR6_B,
    HOL_3_2_NR6_C,
    HOL_3_2_NR7,
    HOL_3_2_A,
    HOL_3_6_NR1,
    HOL_3_6_NR2,
    HOL_3_6_NR3,
    HOL_3_8,
    HOL_3_1,
    PBRL_2_1_A,
    PBRL_2_1_D,
    PBRL_2_1_E,
    PBRL_2_8,
    PBRL_2_1_A_2,
    HOL_4_1,
    PBRL_3_1,
    FVL_17,
    PBRL_7_2,
    PBRL_7_5,
    PBRL_7_7,
    FVL_28,
    FVL_28_2,
    FVL_29,
    FVL_30,
    FVL_31,
    FVL_32,
    FVL_12,
    FVL_18,
    PBRL_5_1,
    FVL_24,
    FVL_25,
    FVL_42,
    FVL_11_A,
    FVL_11,
    FVL_33,
];
