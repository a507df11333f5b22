//! The minijinja environment over `templates/`, and the small line markup the letter templates
//! write (see `templates/letters/README.md`), parsed into the domain's [`Letter`].

use std::sync::LazyLock;

use chrono::NaiveDate;
use minijinja::Environment;
use serde::Serialize;

use crate::domain::letter::{Block, Lang, Letter, Signature};

/// Every template, embedded in the binary so that a copied binary works anywhere.
const TEMPLATES: &[(&str, &str)] = &[
    (
        "complaint.nb",
        include_str!("../../templates/letters/complaint.nb.txt"),
    ),
    (
        "complaint.nn",
        include_str!("../../templates/letters/complaint.nn.txt"),
    ),
];

static ENV: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    for (name, source) in TEMPLATES {
        // A template that does not parse is a bug caught by the tests; it then fails at render
        // time with the parser's message instead of panicking here.
        let _ = env.add_template(name, source);
    }
    env
});

/// Something went wrong in a template: a bug in the program, never in the person's input.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("malfeil i {name}: {source}")]
    Render {
        name: String,
        #[source]
        source: minijinja::Error,
    },
    #[error("malfeil i {name}, linje {line}: {message}")]
    Markup {
        name: String,
        line: usize,
        message: String,
    },
}

/// Render the template `kind.lang` with `ctx`, and parse its markup into a [`Letter`].
pub fn compose<C: Serialize>(
    kind: &str,
    lang: Lang,
    date: NaiveDate,
    ctx: &C,
) -> Result<Letter, TemplateError> {
    let name = format!("{kind}.{}", lang.code());
    let out = ENV
        .get_template(&name)
        .and_then(|t| t.render(ctx))
        .map_err(|source| TemplateError::Render {
            name: name.clone(),
            source,
        })?;
    parse(&out, lang, date).map_err(|(line, message)| TemplateError::Markup {
        name,
        line,
        message,
    })
}

/// Parse the line markup.
pub fn parse(markup: &str, lang: Lang, date: NaiveDate) -> Result<Letter, (usize, String)> {
    let mut letter = Letter {
        lang,
        date,
        sender: Vec::new(),
        recipient: Vec::new(),
        place_date: String::new(),
        heading: String::new(),
        reference: None,
        blocks: Vec::new(),
        closing: String::new(),
        signatures: Vec::new(),
        attachments_label: String::new(),
        attachments: Vec::new(),
    };
    // Whether a continuation line may extend the last block (only right after `@p`).
    let mut in_paragraph = false;
    for (i, raw) in markup.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let Some(rest) = line.strip_prefix('@') else {
            match letter.blocks.last_mut() {
                Some(Block::Paragraph(p)) if in_paragraph => {
                    p.push(' ');
                    p.push_str(line);
                    continue;
                }
                _ => return Err((i + 1, format!("tekst utenfor et avsnitt: {line}"))),
            }
        };
        let (directive, value) = rest.split_once(' ').unwrap_or((rest, ""));
        let value = value.trim().to_string();
        in_paragraph = directive == "p";
        match directive {
            "sender" => letter.sender.push(value),
            "recipient" => letter.recipient.push(value),
            "place_date" => letter.place_date = value,
            "heading" => letter.heading = value,
            "reference" => letter.reference = Some(value),
            "h" => letter.blocks.push(Block::Heading(value)),
            "p" => letter.blocks.push(Block::Paragraph(value)),
            "li" => match letter.blocks.last_mut() {
                Some(Block::Bullets(items)) => items.push(value),
                _ => letter.blocks.push(Block::Bullets(vec![value])),
            },
            "closing" => letter.closing = value,
            "sign" => letter.signatures.push(Signature {
                name: value,
                role: None,
            }),
            "role" => match letter.signatures.last_mut() {
                Some(s) => s.role = Some(value),
                None => return Err((i + 1, "@role uten @sign foran".into())),
            },
            "attachments" => letter.attachments_label = value,
            "att" => letter.attachments.push(value),
            other => return Err((i + 1, format!("ukjent markering @{other}"))),
        }
    }
    Ok(letter)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 20).expect("date")
    }

    #[test]
    fn every_template_parses() {
        for (name, _) in TEMPLATES {
            assert!(ENV.get_template(name).is_ok(), "{name} does not parse");
        }
    }

    #[test]
    fn continuation_lines_join_a_paragraph_and_bullets_group() {
        let l = parse(
            "@p One\ntwo.\n@li a\n@li b\n@sign Kari\n@role for Ola",
            Lang::Nb,
            date(),
        )
        .expect("parses");
        assert_eq!(
            l.blocks,
            vec![
                Block::Paragraph("One two.".into()),
                Block::Bullets(vec!["a".into(), "b".into()])
            ]
        );
        assert_eq!(l.signatures[0].role.as_deref(), Some("for Ola"));
    }

    #[test]
    fn text_outside_a_paragraph_is_an_error_not_a_guess() {
        assert!(parse("@h Heading\nstray", Lang::Nb, date()).is_err());
        assert!(parse("@bogus x", Lang::Nb, date()).is_err());
    }
}
