//! Every legal citation the program makes, in one table.
//!
//! The fact sheet (`shared/domain/FACTS.md`) is the only source. Letters always write the full
//! name of the act ("pasient- og brukerrettighetsloven § 7-2"), so the rule "write the full name
//! the first time" holds trivially. Templates never write a section number themselves: they get
//! the citations from here through the letter context.

use chrono::{Months, NaiveDate};
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

    /// The act's identifier at Lovdata ("LOV-1999-07-02-63").
    pub fn lovdata_id(self) -> &'static str {
        match self {
            Act::Pbrl => "LOV-1999-07-02-63",
            Act::Hol => "LOV-2011-06-24-30",
            Act::Fvl => "LOV-1967-02-10",
        }
    }

    /// Every act the program cites.
    pub const ALL: [Act; 3] = [Act::Pbrl, Act::Hol, Act::Fvl];

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
    /// A citation; the table below holds every one the program makes.
    pub const fn new(act: Act, section: &'static str) -> Self {
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

/// Asking for the reasons for a decision before the deadline interrupts it: "forvaltningsloven
/// § 29 og § 24" (FACTS.md section 1). A rule of route B only: never write it for route A.
pub fn reasons_interrupt(lang: Lang) -> String {
    format!("{} og {}", FVL_29.full(lang), FVL_24.section)
}

/// One row of the dated citation table: a citation and the days it is valid.
///
/// Rows with the same `key` are the same rule at different times (for example the right to
/// services, today pbrl § 2-1 a andre ledd, later perhaps pbrl § 2-1 andre ledd). When the law
/// changes, the old row gets a `valid_to` and a new row with the same key a `valid_from`: one
/// change of data, and every letter cites what was valid on its decision's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// What the citation is used for; also the key of its description in the interface
    /// catalogue (`law.use.<key>`).
    pub key: &'static str,
    pub citation: Citation,
    /// First day the citation is valid (ISO date); `None`: valid since before the table.
    pub valid_from: Option<&'static str>,
    /// Last day the citation is valid (ISO date); `None`: still valid, no end known.
    pub valid_to: Option<&'static str>,
}

impl Row {
    const fn open(key: &'static str, citation: Citation) -> Row {
        Row {
            key,
            citation,
            valid_from: None,
            valid_to: None,
        }
    }

    /// The first valid day, parsed.
    pub fn from_date(&self) -> Option<NaiveDate> {
        self.valid_from.and_then(|d| d.parse().ok())
    }

    /// The last valid day, parsed.
    pub fn to_date(&self) -> Option<NaiveDate> {
        self.valid_to.and_then(|d| d.parse().ok())
    }

    /// The citation is valid on `day`.
    pub fn valid_on(&self, day: NaiveDate) -> bool {
        self.from_date().is_none_or(|f| f <= day) && self.to_date().is_none_or(|t| day <= t)
    }
}

/// Every citation the program can make, with the days it is valid (FACTS.md). The new
/// forvaltningsloven (LOV-2025-06-20-81, not in force) and the new pbrl § 2-1 (Prop. 40 L
/// (2022–2023), not confirmed in force) are deliberately not here yet.
pub const TABLE: &[Row] = &[
    // Service legal bases (FACTS.md section 3).
    Row::open("basis-hjemmesykepleie", HOL_3_2_NR6_A),
    Row::open("basis-praktisk-bistand", HOL_3_2_NR6_B),
    Row::open("basis-korttidsopphold", HOL_3_2_NR6_C),
    Row::open("basis-dagaktivitet", HOL_3_2_NR7),
    Row::open("basis-langtidsopphold", HOL_3_2_A),
    Row::open("right-langtidsopphold", PBRL_2_1_E),
    Row::open("basis-parorendeopplaering", HOL_3_6_NR1),
    Row::open("basis-avlastning", HOL_3_6_NR2),
    Row::open("basis-omsorgsstonad", HOL_3_6_NR3),
    Row::open("basis-bpa", HOL_3_8),
    Row::open("right-bpa", PBRL_2_1_D),
    Row::open("basis-annet", HOL_3_1),
    Row::open("right-annet", PBRL_2_1_A),
    Row::open("carer", PBRL_2_8),
    // Rights the letter relies on (section 2).
    Row::open("right-to-services", PBRL_2_1_A_2),
    Row::open("sound", HOL_4_1),
    Row::open("user-view", PBRL_3_1),
    Row::open("investigated", FVL_17),
    // Route A (section 1).
    Row::open("complaint-right-a", PBRL_7_2),
    Row::open("deadline-a", PBRL_7_5),
    Row::open("late-a", PBRL_7_7),
    // Route B.
    Row::open("complaint-right-b", FVL_28),
    Row::open("appeal-body-b", FVL_28_2),
    Row::open("deadline-b", FVL_29),
    Row::open("posting", FVL_30),
    Row::open("late", FVL_31),
    Row::open("send-to-b", FVL_32),
    // Representatives, requests, what happens next (sections 5, 6, 8).
    Row::open("representative", FVL_12),
    Row::open("documents", FVL_18),
    Row::open("journal", PBRL_5_1),
    Row::open("reasons", FVL_24),
    Row::open("reasons-content", FVL_25),
    Row::open("postponement", FVL_42),
    Row::open("preliminary", FVL_11_A),
    Row::open("guidance", FVL_11),
    Row::open("forwarded", FVL_33),
];

/// The law as a table reads it on one day: the citation each rule had then.
#[derive(Debug, Clone, Copy)]
pub struct LawOn<'a> {
    table: &'a [Row],
    day: NaiveDate,
}

impl<'a> LawOn<'a> {
    /// The program's table on `day` (a letter uses its decision's date).
    pub fn new(day: NaiveDate) -> LawOn<'static> {
        LawOn { table: TABLE, day }
    }

    /// Another table on `day` (tests, and the day a row is added).
    pub fn with_table(table: &'a [Row], day: NaiveDate) -> LawOn<'a> {
        LawOn { table, day }
    }

    /// The citation valid on the day for the rule `c` stands for (`c` is any citation the
    /// rule has had). A citation not in the table is returned as it is.
    pub fn cite(&self, c: Citation) -> Citation {
        let Some(key) = self.table.iter().find(|r| r.citation == c).map(|r| r.key) else {
            return c;
        };
        self.table
            .iter()
            .filter(|r| r.key == key)
            .find(|r| r.valid_on(self.day))
            .map(|r| r.citation)
            .unwrap_or(c)
    }

    /// `cite` written out in full.
    pub fn full(&self, c: Citation, lang: Lang) -> String {
        self.cite(c).full(lang)
    }
}

/// The day the table was verified.
pub fn verified_on() -> NaiveDate {
    VERIFIED_ON.parse().unwrap_or(NaiveDate::MIN)
}

/// The table was verified more than twelve months before `today`: an adviser should check it
/// against Lovdata again before relying on it.
pub fn needs_reverify(today: NaiveDate) -> bool {
    verified_on()
        .checked_add_months(Months::new(12))
        .is_some_and(|due| today > due)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn every_row_has_valid_dates_and_every_rule_one_citation_on_any_day() {
        for r in TABLE {
            assert_eq!(r.from_date().is_some(), r.valid_from.is_some(), "{}", r.key);
            assert_eq!(r.to_date().is_some(), r.valid_to.is_some(), "{}", r.key);
        }
        for day in ["1990-01-01", "2026-12-01", "2040-01-01"] {
            for r in TABLE {
                let n = TABLE
                    .iter()
                    .filter(|x| x.key == r.key && x.valid_on(d(day)))
                    .count();
                assert_eq!(n, 1, "{} on {day}", r.key);
            }
        }
    }

    #[test]
    fn the_table_asks_to_be_verified_again_after_twelve_months() {
        assert!(!needs_reverify(d("2027-12-01")));
        assert!(needs_reverify(d("2027-12-02")));
    }

    #[test]
    fn a_dated_row_switches_the_citation_by_day() {
        let new = Citation::new(Act::Pbrl, "§ 2-1 andre ledd");
        let mut table = TABLE.to_vec();
        for r in table.iter_mut().filter(|r| r.key == "right-to-services") {
            r.valid_to = Some("2027-06-30");
        }
        table.push(Row {
            key: "right-to-services",
            citation: new,
            valid_from: Some("2027-07-01"),
            valid_to: None,
        });
        assert_eq!(
            LawOn::with_table(&table, d("2027-06-30")).cite(PBRL_2_1_A_2),
            PBRL_2_1_A_2
        );
        assert_eq!(
            LawOn::with_table(&table, d("2027-07-01")).cite(PBRL_2_1_A_2),
            new
        );
        // Asking by the new citation finds the rule too.
        assert_eq!(
            LawOn::with_table(&table, d("2026-01-01")).cite(new),
            PBRL_2_1_A_2
        );
    }
}
