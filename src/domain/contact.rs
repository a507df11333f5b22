//! Phone numbers and e-mail addresses that look mistyped. Only ever a warning: a foreign number
//! or an unusual address may still be right.

/// A phone number is 8 digits (a Norwegian number), or `+47`/`0047` and 8 digits, or `+` and a
/// country code and 6–14 digits in all (a foreign number). Spaces, dashes and dots between the
/// digits are allowed. Anything else may be mistyped.
#[must_use]
pub fn phone_looks_wrong(phone: &str) -> bool {
    let s = phone.trim();
    let (plus, rest) = match s.strip_prefix('+') {
        Some(r) => (true, r),
        None => match s.strip_prefix("00") {
            Some(r) if s.len() > 10 => (true, r),
            _ => (false, s),
        },
    };
    if !rest
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.'))
    {
        return true;
    }
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    if !plus {
        return digits.len() != 8;
    }
    if let Some(national) = digits.strip_prefix("47") {
        return national.len() != 8;
    }
    !(6..=15).contains(&digits.len())
}

/// An e-mail address has one `@`, something before it, and after it a domain with a dot that is
/// neither first nor last; no spaces.
#[must_use]
pub fn email_looks_wrong(email: &str) -> bool {
    let s = email.trim();
    let Some((local, domain)) = s.split_once('@') else {
        return true;
    };
    local.is_empty()
        || domain.contains('@')
        || s.chars().any(char::is_whitespace)
        || !domain.contains('.')
        || domain.starts_with('.')
        || domain.ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers() {
        for ok in [
            "91234567",
            "912 34 567",
            "+47 912 34 567",
            "+4791234567",
            "0047 91234567",
            "+46 70 123 45 67",
            "+44 20 7946 0958",
            "22-33-44-55",
        ] {
            assert!(!phone_looks_wrong(ok), "{ok}");
        }
        for wrong in [
            "9123456",
            "912345678",
            "+47 9123456",
            "tlf 91234567",
            "91234567a",
            "+",
            "12",
        ] {
            assert!(phone_looks_wrong(wrong), "{wrong}");
        }
    }

    #[test]
    fn email_addresses() {
        for ok in ["kari@example.no", " ola.nordmann@post.example.com "] {
            assert!(!email_looks_wrong(ok), "{ok}");
        }
        for wrong in [
            "kari@example",
            "kari.example.no",
            "@example.no",
            "kari@.no",
            "kari@no.",
            "ka ri@example.no",
            "a@b@c.no",
        ] {
            assert!(email_looks_wrong(wrong), "{wrong}");
        }
    }
}
