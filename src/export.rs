//! Text exports of the localised document: plain text (a terminal preview),
//! Markdown (for a web page or an article) and JSON (the document model).
//! Same content and order as the PDF: title, audience, introduction,
//! sections of items, the channels section, the organisation's contacts,
//! the sources with the "as of" date, the wallet card; each text in every
//! language, the first language first.

use crate::compose::{Document, Item, Text};
use crate::text::spaced;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// JSON of the [`Document`].
    Json,
}

/// `doc` in `format`.
pub fn export(doc: &Document, format: Format) -> Result<String, serde_json::Error> {
    Ok(match format {
        Format::Text => text(doc),
        Format::Markdown => markdown(doc),
        Format::Json => format!("{}\n", serde_json::to_string_pretty(doc)?),
    })
}

/// The parts of the document in print order, as (kind, texts) pairs.
enum Part<'a> {
    Title(&'a Text),
    Para(&'a Text),
    Heading(&'a Text),
    Item(&'a Item, bool),
    Source(usize, &'a Text, Option<&'a str>),
}

fn parts(doc: &Document) -> Vec<Part<'_>> {
    let mut out = Vec::new();
    if let Some(org) = &doc.org {
        out.push(Part::Title(&org.name));
    }
    if let Some(packet) = &doc.packet {
        out.push(Part::Para(&packet.kind));
        out.extend(packet.cover.iter().map(Part::Para));
    }
    out.push(Part::Title(&doc.title));
    out.push(Part::Para(&doc.audience));
    out.extend(doc.edition.iter().map(Part::Para));
    out.push(Part::Para(&doc.intro));
    for section in &doc.sections {
        out.push(Part::Heading(&section.heading));
        out.extend(section.items.iter().map(|i| Part::Item(i, true)));
    }
    if let Some(channels) = &doc.channels {
        out.push(Part::Heading(&channels.heading));
        out.extend(channels.items.iter().map(|i| Part::Item(i, false)));
    }
    if let Some(org) = doc.org.as_ref().filter(|o| !o.contacts.is_empty()) {
        out.push(Part::Heading(&org.contacts_heading));
        out.extend(org.contacts.iter().map(Part::Para));
    }
    out.push(Part::Heading(&doc.sources_heading));
    out.push(Part::Para(&doc.as_of));
    out.extend(
        doc.sources
            .iter()
            .map(|s| Part::Source(s.number, &s.entry, s.url.as_deref())),
    );
    // The card's rows, without the cutting instruction that only paper needs.
    if let Some(card) = &doc.card {
        out.push(Part::Heading(&card.title));
        out.extend(card.rows.iter().map(|i| Part::Item(i, false)));
    }
    if let Some(ack) = &doc.acknowledgement {
        out.push(Part::Heading(&ack.heading));
        out.extend(ack.facts.iter().map(Part::Para));
        out.push(Part::Para(&ack.statement));
        out.push(Part::Para(&ack.read));
        out.extend(ack.lines.iter().map(|l| Part::Para(&l.label)));
    }
    out
}

/// An item's text in language `lang` with its source reference.
fn with_reference(item: &Item, lang: usize) -> String {
    match &item.reference {
        Some(r) => format!("{} {}", spaced(&item.text.text[lang]), r.text[lang]),
        None => spaced(&item.text.text[lang]),
    }
}

fn text(doc: &Document) -> String {
    let mut out = String::new();
    for part in parts(doc) {
        match part {
            Part::Title(t) => {
                for s in &t.text {
                    out.push_str(&format!("{}\n", spaced(s)));
                }
                out.push_str(&format!("{}\n\n", "=".repeat(40)));
            }
            Part::Para(t) => {
                for s in &t.text {
                    out.push_str(&format!("{s}\n"));
                }
                out.push('\n');
            }
            Part::Heading(t) => {
                out.push_str(&format!("{}\n{}\n", t.text.join(" / "), "-".repeat(40)))
            }
            Part::Item(item, tick) => {
                for lang in 0..item.text.text.len() {
                    let mark = match (tick, lang) {
                        (true, 0) => "[ ] ",
                        (false, 0) => "- ",
                        _ => "    ",
                    };
                    out.push_str(&format!("{mark}{}\n", with_reference(item, lang)));
                }
                out.push('\n');
            }
            Part::Source(n, entry, url) => {
                let number = format!("{n}. ");
                for (lang, s) in entry.text.iter().enumerate() {
                    let lead = if lang == 0 {
                        number.clone()
                    } else {
                        " ".repeat(number.len())
                    };
                    out.push_str(&format!("{lead}{}\n", spaced(s)));
                }
                if let Some(url) = url {
                    out.push_str(&format!("{}{url}\n", " ".repeat(number.len())));
                }
            }
        }
    }
    out
}

/// Escapes the characters Markdown would read as markup.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn markdown(doc: &Document) -> String {
    let mut out = String::new();
    let mut in_list = false;
    for part in parts(doc) {
        let list = matches!(part, Part::Item(..) | Part::Source(..));
        if in_list && !list {
            out.push('\n');
        }
        in_list = list;
        let joined = |t: &Text, sep: &str| {
            t.text
                .iter()
                .map(|s| md(&spaced(s)))
                .collect::<Vec<_>>()
                .join(sep)
        };
        match part {
            Part::Title(t) => out.push_str(&format!("# {}\n\n", joined(t, " / "))),
            Part::Para(t) => out.push_str(&format!("{}\n\n", joined(t, "  \n"))),
            Part::Heading(t) => out.push_str(&format!("## {}\n\n", joined(t, " / "))),
            Part::Item(item, tick) => {
                let lines: Vec<String> = (0..item.text.text.len())
                    .map(|l| md(&with_reference(item, l)))
                    .collect();
                out.push_str(&format!(
                    "- {}{}\n",
                    if tick { "[ ] " } else { "" },
                    lines.join("  \n  ")
                ));
            }
            Part::Source(n, entry, url) => {
                let mut lines: Vec<String> = entry.text.iter().map(|s| md(&spaced(s))).collect();
                if let Some(url) = url {
                    lines.push(format!("<https://{url}>"));
                }
                // Continuation lines line up with the text after "n. ".
                let indent = " ".repeat(format!("{n}. ").len());
                out.push_str(&format!("{n}. {}\n", lines.join(&format!("  \n{indent}"))));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::md;

    #[test]
    fn spaces_han_and_latin_like_the_pdf() {
        assert_eq!(
            super::spaced("拨打12339或登录www.12339.gov.cn，24小时"),
            "拨打 12339 或登录 www.12339.gov.cn，24 小时"
        );
        assert_eq!(super::spaced("the 中国领事 app"), "the 中国领事 app");
    }

    #[test]
    fn escapes_markdown() {
        assert_eq!(md("a_b *c* [1] ____"), "a\\_b \\*c\\* \\[1\\] \\_\\_\\_\\_");
    }
}
