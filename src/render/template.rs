//! The minijinja environment over `templates/`, and the small line markup the letter templates
//! write (see `templates/letters/README.md`), parsed into the domain's [`Letter`].

use std::sync::LazyLock;

use chrono::NaiveDate;
use minijinja::Environment;
use serde::Serialize;

use crate::domain::letter::{Block, Lang, Letter, Signature};

/// Every template, embedded in the binary so that a copied binary works anywhere.
macro_rules! letter {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../../templates/letters/", $name)),
        )
    };
}

const TEMPLATES: &[(&str, &str)] = &[
    letter!("_header.txt"),
    letter!("_intro.nb.txt"),
    letter!("_intro.nn.txt"),
    letter!("_page.nb.txt"),
    letter!("_page.nn.txt"),
    letter!("_attachment.nb.txt"),
    letter!("_attachment.nn.txt"),
    letter!("_attachment_page.nb.txt"),
    letter!("_attachment_page.nn.txt"),
    letter!("_page_label.nb.txt"),
    letter!("_page_label.nn.txt"),
    letter!("_sign.nb.txt"),
    letter!("_sign.nn.txt"),
    letter!("_services.nb.txt"),
    letter!("_services.nn.txt"),
    letter!("complaint.nb.txt"),
    letter!("complaint.nn.txt"),
    letter!("innsyn.nb.txt"),
    letter!("innsyn.nn.txt"),
    letter!("postponement.nb.txt"),
    letter!("postponement.nn.txt"),
    letter!("reasons.nb.txt"),
    letter!("reasons.nn.txt"),
    letter!("reminder.nb.txt"),
    letter!("reminder.nn.txt"),
    letter!("fullmakt.nb.txt"),
    letter!("fullmakt.nn.txt"),
    letter!("supplement.nb.txt"),
    letter!("supplement.nn.txt"),
];

static ENV: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    // No trim_blocks: a line that ends in an inline `{% endif %}` must keep its line break. The
    // empty lines that block tags leave are ignored by the markup parser.
    env.set_trim_blocks(false);
    env.set_lstrip_blocks(true);
    // Partials end in a line break that must survive `include`.
    env.set_keep_trailing_newline(true);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    // Compiled when first asked for, so that one letter compiles only its own template and the
    // partials it includes (compiling all of them took a tenth of a `render` run). A template
    // that does not parse is a bug caught by the tests (`every_template_parses`); it fails at
    // render time with the parser's message, never a panic.
    env.set_loader(|name| {
        Ok(TEMPLATES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, source)| (*source).to_string()))
    });
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

/// "Side 2 av 3": the page number at the foot of a PDF page, from `_page.<lang>.txt`. A template
/// that fails (a bug the tests catch) gives the bare numbers, never a panic.
pub fn page_label(lang: Lang, n: usize, total: usize) -> String {
    let name = format!("_page.{}.txt", lang.code());
    ENV.get_template(&name)
        .and_then(|t| t.render(minijinja::context! { n, total }))
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|_| format!("{n}/{total}"))
}

/// The words for an attachment in a PDF envelope, from `_attachment*.<lang>.txt`: the
/// bookmark ("Vedlegg 2: Legeerklæring"), the stamp on its `page` of `pages` ("Vedlegg 2:
/// Legeerklæring – side 1 av 3") and the prefix of its pages' labels ("Vedlegg 2, side ").
pub fn attachment_words(
    lang: Lang,
    n: usize,
    title: &str,
    page: usize,
    pages: usize,
) -> (String, String, String) {
    let render = |name: &str, ctx: minijinja::Value| {
        let name = format!("{name}.{}.txt", lang.code());
        ENV.get_template(&name)
            .and_then(|t| t.render(ctx))
            .map(|s| s.trim().to_string())
            .ok()
    };
    let title = title.trim();
    let attachment = render("_attachment", minijinja::context! { n, title })
        .unwrap_or_else(|| format!("{n}: {title}"));
    let stamp = render(
        "_attachment_page",
        minijinja::context! { attachment, page, pages },
    )
    .unwrap_or_else(|| format!("{attachment} – {page}/{pages}"));
    let label = render("_page_label", minijinja::context! { n })
        .map(|s| format!("{s} "))
        .unwrap_or_else(|| format!("{n}-"));
    (attachment, stamp, label)
}

/// Render the template `kind.lang` with `ctx`, and parse its markup into a [`Letter`].
pub fn compose<C: Serialize>(
    kind: &str,
    lang: Lang,
    date: NaiveDate,
    ctx: &C,
) -> Result<Letter, TemplateError> {
    let name = format!("{kind}.{}.txt", lang.code());
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
                    // A line that starts with punctuation continues the word before it (this is
                    // what a template's optional part leaves when it is empty).
                    if !line.starts_with(['.', ',', ';', ':', ')']) {
                        p.push(' ');
                    }
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
    fn the_attachment_words_come_from_the_templates() {
        for lang in [Lang::Nb, Lang::Nn] {
            let (mark, stamp, label) = attachment_words(lang, 2, "Legeerklæring", 1, 3);
            assert_eq!(mark, "Vedlegg 2: Legeerklæring");
            assert_eq!(stamp, "Vedlegg 2: Legeerklæring – side 1 av 3");
            assert_eq!(label, "Vedlegg 2, side ");
        }
        let (mark, stamp, _) = attachment_words(Lang::Nb, 4, " ", 2, 2);
        assert_eq!(mark, "Vedlegg 4");
        assert_eq!(stamp, "Vedlegg 4 – side 2 av 2");
    }

    #[test]
    fn the_page_label_comes_from_the_templates() {
        assert_eq!(page_label(Lang::Nb, 2, 3), "Side 2 av 3");
        assert_eq!(page_label(Lang::Nn, 1, 12), "Side 1 av 12");
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
    fn a_continuation_starting_with_punctuation_joins_without_a_space() {
        let l = parse(
            "@p Vedtaket om hjemmesykepleie\n, og mer\n.",
            Lang::Nb,
            date(),
        )
        .expect("parses");
        assert_eq!(
            l.blocks,
            vec![Block::Paragraph(
                "Vedtaket om hjemmesykepleie, og mer.".into()
            )]
        );
    }

    #[test]
    fn text_outside_a_paragraph_is_an_error_not_a_guess() {
        assert!(parse("@h Heading\nstray", Lang::Nb, date()).is_err());
        assert!(parse("@bogus x", Lang::Nb, date()).is_err());
    }
}
