//! The localised document: everything a checklist says in the chosen
//! languages, in print order, as plain data before layout.
//!
//! Every text carries the message id it came from, so later stages can name
//! it in errors, and one string per language, in the order the languages
//! were asked for.

use std::collections::BTreeMap;

use fluent_bundle::FluentArgs;

use crate::l10n::{L10nError, Locale};
use crate::model::{message_id, Catalog, Checklist};

/// A text in every language of the document.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Text {
    /// The Fluent message id.
    pub id: String,
    /// The text, one entry per language of the document.
    pub text: Vec<String>,
}

/// A localised checklist, ready for layout.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Document {
    /// The checklist id.
    pub checklist: String,
    /// Language tags, in print order.
    pub langs: Vec<String>,
    /// Document title.
    pub title: Text,
    /// Who the document is for.
    pub audience: Text,
    /// The line naming the roles selected (`--role`), if any.
    pub edition: Option<Text>,
    /// Opening paragraph.
    pub intro: Text,
    /// Sections in print order (items not selected by role left out).
    pub sections: Vec<Section>,
    /// Heading of the sources list.
    pub sources_heading: Text,
    /// Sources cited, numbered in order of first citation.
    pub sources: Vec<Source>,
    /// The "as of" line.
    pub as_of: Text,
}

/// A section of the document.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Section {
    /// The section heading.
    pub heading: Text,
    /// Its items.
    pub items: Vec<Item>,
}

/// One checklist item.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Item {
    /// What to do.
    pub text: Text,
    /// The source reference printed after the text, e.g. `[1, 3]`.
    pub reference: Text,
    /// Numbers (1-based) of the sources cited.
    pub sources: Vec<usize>,
}

/// An entry of the sources list.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Source {
    /// Its number in the list, from 1.
    pub number: usize,
    /// The source id.
    pub id: String,
    /// Title and date.
    pub entry: Text,
    /// Where to read it, when known.
    pub url: Option<String>,
}

fn text(locales: &[&Locale], id: String, args: Option<&FluentArgs>) -> Result<Text, L10nError> {
    let text = locales
        .iter()
        .map(|l| l.format(&id, args))
        .collect::<Result<_, _>>()?;
    Ok(Text { id, text })
}

/// Localises `checklist` into `locales`, keeping the items that apply to `roles`.
pub fn compose(
    catalog: &Catalog,
    checklist: &Checklist,
    locales: &[&Locale],
    roles: &[String],
) -> Result<Document, L10nError> {
    let c = checklist.id.as_str();
    // Every message must exist in every language, also those of items not selected.
    for locale in locales {
        if let Some(id) = checklist
            .message_ids()
            .into_iter()
            .find(|id| !locale.has(id))
        {
            return Err(L10nError::MissingMessage {
                dir: locale.dir.clone(),
                id,
            });
        }
    }
    let mut numbers: BTreeMap<&str, usize> = BTreeMap::new();
    let mut order: Vec<&str> = Vec::new();
    let mut sections = Vec::new();
    for section in &checklist.sections {
        let mut items = Vec::new();
        for item in section.items.iter().filter(|i| i.applies_to(roles)) {
            let mut refs: Vec<usize> = item
                .sources
                .iter()
                .map(|s| {
                    *numbers.entry(s.as_str()).or_insert_with(|| {
                        order.push(s.as_str());
                        order.len()
                    })
                })
                .collect();
            refs.sort_unstable();
            refs.dedup();
            let mut args = FluentArgs::new();
            args.set(
                "refs",
                refs.iter()
                    .map(usize::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            );
            items.push(Item {
                text: text(locales, message_id(&[c, &section.id, &item.id]), None)?,
                reference: text(locales, "ui-source-ref".into(), Some(&args))?,
                sources: refs,
            });
        }
        if !items.is_empty() {
            sections.push(Section {
                heading: text(locales, message_id(&[c, &section.id]), None)?,
                items,
            });
        }
    }
    let mut sources = Vec::new();
    for (i, id) in order.iter().enumerate() {
        let source = &catalog.sources[*id];
        let title_id = message_id(&["source", id]);
        let mut entries = Vec::new();
        for locale in locales {
            let mut args = FluentArgs::new();
            args.set("title", locale.format(&title_id, None)?);
            let entry_id = match source.published {
                Some(date) => {
                    args.set("date", locale.format_date(date)?);
                    "ui-source-entry"
                }
                None => "ui-source-entry-undated",
            };
            entries.push(locale.format(entry_id, Some(&args))?);
        }
        sources.push(Source {
            number: i + 1,
            id: id.to_string(),
            entry: Text {
                id: title_id,
                text: entries,
            },
            url: source.url.clone(),
        });
    }
    let as_of = {
        let mut texts = Vec::new();
        for locale in locales {
            let mut args = FluentArgs::new();
            args.set("date", locale.format_day(checklist.as_of)?);
            texts.push(locale.format("ui-as-of", Some(&args))?);
        }
        Text {
            id: "ui-as-of".into(),
            text: texts,
        }
    };
    Ok(Document {
        checklist: c.to_string(),
        langs: locales.iter().map(|l| l.tag.clone()).collect(),
        title: text(locales, message_id(&[c, "title"]), None)?,
        audience: text(locales, message_id(&[c, "audience"]), None)?,
        edition: edition(locales, c, roles)?,
        intro: text(locales, message_id(&[c, "intro"]), None)?,
        sections,
        sources_heading: text(locales, "ui-sources".into(), None)?,
        sources,
        as_of,
    })
}

/// "This edition includes items for: …", naming the selected roles.
fn edition(
    locales: &[&Locale],
    checklist: &str,
    roles: &[String],
) -> Result<Option<Text>, L10nError> {
    if roles.is_empty() {
        return Ok(None);
    }
    let mut texts = Vec::new();
    for locale in locales {
        let names = roles
            .iter()
            .map(|r| locale.format(&message_id(&[checklist, "role", r]), None))
            .collect::<Result<Vec<_>, _>>()?;
        let mut args = FluentArgs::new();
        args.set(
            "roles",
            names.join(&locale.format("ui-list-separator", None)?),
        );
        texts.push(locale.format("ui-edition", Some(&args))?);
    }
    Ok(Some(Text {
        id: "ui-edition".into(),
        text: texts,
    }))
}

/// The footer of page `page` of `total`, in every language.
pub fn page_label(locales: &[&Locale], page: usize, total: usize) -> Result<Text, L10nError> {
    let mut args = FluentArgs::new();
    args.set("page", page);
    args.set("total", total);
    text(locales, "ui-page".into(), Some(&args))
}
