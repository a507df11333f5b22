//! The interface's message catalogue: bokmål, nynorsk and English.
//!
//! One file per language in `templates/ui/` (`key = text`, `{name}` for values, `\n` for a line
//! break), embedded in the binary. A test checks that every key exists in every language with the
//! same placeholders. Letters are not translated here: they are written from `templates/letters/`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use crate::domain::case::{Arg, Problem};
use crate::domain::dates;

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Ui {
    #[default]
    Nb,
    Nn,
    En,
}

impl Ui {
    pub const ALL: [Ui; 3] = [Ui::Nb, Ui::Nn, Ui::En];

    pub fn code(self) -> &'static str {
        match self {
            Ui::Nb => "nb",
            Ui::Nn => "nn",
            Ui::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Ui> {
        match code.trim().to_lowercase().as_str() {
            "nb" | "no" | "bokmål" | "bokmal" => Some(Ui::Nb),
            "nn" | "nynorsk" => Some(Ui::Nn),
            "en" | "english" => Some(Ui::En),
            _ => None,
        }
    }

    /// The interface language from the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`, `LANGUAGE`):
    /// `nn_NO` → nynorsk, `nb_NO`/`no_NO` → bokmål, `en_*` → English; otherwise bokmål.
    pub fn from_env() -> Ui {
        for var in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
            if let Ok(v) = std::env::var(var) {
                let v = v.to_lowercase();
                if v.is_empty() || v == "c" || v.starts_with("c.") || v == "posix" {
                    continue;
                }
                if v.starts_with("nn") {
                    return Ui::Nn;
                }
                if v.starts_with("nb") || v.starts_with("no") {
                    return Ui::Nb;
                }
                if v.starts_with("en") {
                    return Ui::En;
                }
            }
        }
        Ui::Nb
    }
}

const SOURCES: [(Ui, &str); 3] = [
    (Ui::Nb, include_str!("../templates/ui/nb.txt")),
    (Ui::Nn, include_str!("../templates/ui/nn.txt")),
    (Ui::En, include_str!("../templates/ui/en.txt")),
];

/// One language's messages, borrowed from the embedded file where they can be.
pub type Catalogue = HashMap<&'static str, Cow<'static, str>>;

/// Parse one catalogue file.
pub fn parse_catalogue(source: &'static str) -> Catalogue {
    source
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| l.split_once(" = "))
        .map(|(k, v)| {
            let v = v.trim();
            let v = if v.contains("\\n") {
                Cow::Owned(v.replace("\\n", "\n"))
            } else {
                Cow::Borrowed(v)
            };
            (k.trim(), v)
        })
        .collect()
}

/// A language's catalogue, parsed the first time it is needed: a command run in bokmål never
/// parses the other two (a third of the instructions of `render` went to parsing all three).
fn catalogue(ui: Ui) -> &'static Catalogue {
    static CATALOGUES: [LazyLock<Catalogue>; 3] = [
        LazyLock::new(|| parse_catalogue(SOURCES[0].1)),
        LazyLock::new(|| parse_catalogue(SOURCES[1].1)),
        LazyLock::new(|| parse_catalogue(SOURCES[2].1)),
    ];
    let i = SOURCES.iter().position(|(u, _)| *u == ui).unwrap_or(0);
    &CATALOGUES[i]
}

/// A message by key; the key itself if it is missing (the completeness test prevents that).
pub fn t(ui: Ui, key: &str) -> String {
    catalogue(ui)
        .get(key)
        .or_else(|| catalogue(Ui::Nb).get(key))
        .map(|v| v.to_string())
        .unwrap_or_else(|| key.to_string())
}

/// A number with its thousands grouped by spaces, as Norwegian writes them: 10000 → "10 000".
pub fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::from(if n < 0 { "-" } else { "" });
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// True when the catalogue has this key.
pub fn has(ui: Ui, key: &str) -> bool {
    catalogue(ui).contains_key(key)
}

/// A message with values filled in.
pub fn tf(ui: Ui, key: &str, args: &[(&str, String)]) -> String {
    let mut s = t(ui, key);
    for (name, value) in args {
        s = s.replace(&format!("{{{name}}}"), value);
    }
    s
}

/// Format a problem value in the interface language.
pub fn arg(ui: Ui, a: &Arg) -> String {
    match a {
        Arg::Text(s) => s.clone(),
        Arg::Number(n) => grouped(*n),
        Arg::Date(d) => dates::in_words(*d, ui.code()),
        Arg::List(items) => match items.split_last() {
            None => String::new(),
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} {} {last}", rest.join(", "), t(ui, "word.or")),
        },
        Arg::Cite(c) => c.full(if ui == Ui::Nn {
            crate::domain::letter::Lang::Nn
        } else {
            crate::domain::letter::Lang::Nb
        }),
        Arg::Services(ids) => {
            let names: Vec<String> = ids
                .iter()
                .map(|id| {
                    crate::domain::service::by_id(id)
                        .map_or_else(|| id.clone(), |s| s.ui_name(ui.code()).to_string())
                })
                .collect();
            match names.split_last() {
                None => String::new(),
                Some((last, [])) => last.clone(),
                Some((last, rest)) => {
                    format!("{} {} {last}", rest.join(", "), t(ui, "word.and"))
                }
            }
        }
    }
}

/// A problem in plain words, without the field name: "mangler dato for når du fikk vedtaket".
pub fn problem_text(ui: Ui, p: &Problem) -> String {
    let base = format!("problem.{}", p.kind.key());
    let specific = format!("{base}.{}", p.field);
    let key = if has(ui, &specific) { specific } else { base };
    let mut args: Vec<(&str, String)> = p
        .kind
        .args()
        .iter()
        .map(|(k, v)| (*k, arg(ui, v)))
        .collect();
    if let Some((_, expected)) = args.iter_mut().find(|(k, _)| *k == "expected") {
        *expected = t(ui, &format!("type.{expected}"));
    }
    tf(ui, &key, &args)
}

/// A problem as `check` prints it: "decision.received: mangler dato for når du fikk vedtaket".
/// A problem as one printable line (a field name from a file is data: see [`printable`]).
///
/// [`printable`]: crate::text_safety::printable
pub fn problem_line(ui: Ui, p: &Problem) -> String {
    let line = if p.field.is_empty() {
        problem_text(ui, p)
    } else {
        format!("{}: {}", p.field, problem_text(ui, p))
    };
    crate::text_safety::printable(&line).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn placeholders(s: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        let mut rest = s;
        while let Some(i) = rest.find('{') {
            rest = &rest[i + 1..];
            if let Some(j) = rest.find('}') {
                let name = &rest[..j];
                if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    out.insert(name.to_string());
                }
                rest = &rest[j + 1..];
            }
        }
        out
    }

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(grouped(7), "7");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1 000");
        assert_eq!(grouped(10_000), "10 000");
        assert_eq!(grouped(1_234_567), "1 234 567");
        assert_eq!(grouped(-45_000), "-45 000");
    }

    #[test]
    fn every_key_exists_in_every_language_with_the_same_placeholders() {
        let nb = catalogue(Ui::Nb);
        for ui in [Ui::Nn, Ui::En] {
            let other = catalogue(ui);
            for (k, v) in nb {
                let o = other
                    .get(k)
                    .unwrap_or_else(|| panic!("{} lacks key {k}", ui.code()));
                assert_eq!(
                    placeholders(v),
                    placeholders(o),
                    "placeholders of {k} in {}",
                    ui.code()
                );
            }
            for k in other.keys() {
                assert!(
                    nb.contains_key(k),
                    "{} has key {k} that nb lacks",
                    ui.code()
                );
            }
        }
    }

    #[test]
    fn every_problem_kind_has_a_message() {
        use crate::domain::case::ProblemKind as K;
        let kinds = [
            K::TooLarge { bytes: 1 },
            K::NotUtf8 { line: 1, column: 1 },
            K::NotJson { line: 1, column: 1 },
            K::NotAnObject,
            K::UnknownField { suggestion: None },
            K::UnknownField {
                suggestion: Some("x".into()),
            },
            K::WrongType { expected: "text" },
            K::Missing,
            K::Empty,
            K::WrongFormatTag { found: "x".into() },
            K::NewerFormat { found: "x".into() },
            K::UnknownLanguage { found: "x".into() },
            K::NotADate { found: "x".into() },
            K::ReceivedBeforeDecision,
            K::SentBeforeDecision,
            K::ReminderEarly,
            K::SentBeforeLetter {
                letter_date: chrono::NaiveDate::MIN,
            },
            K::DateAfterLetter,
            K::UnknownService {
                found: "x".into(),
                suggestion: None,
            },
            K::UnknownService {
                found: "x".into(),
                suggestion: Some("y".into()),
            },
            K::ServiceOtherMissing,
            K::UnknownSituation { found: "x".into() },
            K::UnknownRoute { found: "x".into() },
            K::PostcodeNotFourDigits { found: "x".into() },
            K::MunicipalityNumber { found: "x".into() },
            K::MunicipalityUnknown {
                found: "x".into(),
                suggestions: vec![],
            },
            K::MunicipalityUnknown {
                found: "x".into(),
                suggestions: vec!["y".into()],
            },
            K::MunicipalityAmbiguous {
                found: "x".into(),
                candidates: vec![],
            },
            K::MunicipalityMismatch {
                number: "x".into(),
                name: "y".into(),
            },
            K::ControlCharacter,
            K::NoGrounds,
            K::LateWithoutReason {
                last_day: chrono::NaiveDate::MIN,
            },
            K::RouteAssumed,
            K::PostponementNotMeaningful,
            K::CarerNotApplicable,
            K::ChildAlone { age: 12 },
            K::ChildNeedsParent { age: 12 },
            K::CaredForIsApplicant,
            K::AttachmentTitleMissing {
                suggestion: "x".into(),
            },
            K::NoPowerOfAttorney,
            K::OverOneYear,
            K::NoMunicipalityAddress,
            K::VentelisteNotLongTerm,
            K::SentMissing,
            K::RepresentativeMissing,
            K::PostponementNeedsCut,
            K::SupplementMissing,
            K::DistrictUnknown { found: "x".into() },
            K::DistrictNotOslo {
                found: "x".into(),
                municipality: "y".into(),
            },
            K::DistrictMissing,
            K::MunicipalityNotPostcode {
                municipality: "x".into(),
                postcode: "y".into(),
                home: "z".into(),
            },
            K::ServicesWithSingle { fields: vec![] },
            K::ServicesTooFew,
            K::ServicesMixedRoutes {
                care: vec![],
                other: vec![],
            },
            K::ServiceTwice { found: "x".into() },
            K::CarerServiceNotOwn { found: "x".into() },
        ];
        for ui in Ui::ALL {
            for k in &kinds {
                assert!(
                    has(ui, &format!("problem.{}", k.key())),
                    "{}: no message for {}",
                    ui.code(),
                    k.key()
                );
            }
        }
    }
}
