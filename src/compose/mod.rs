//! The localised document: everything a checklist says in the chosen
//! languages, in print order, as plain data before layout.
//!
//! Every text carries the message id it came from, so later stages can name
//! it in errors, and one string per language, in the order the languages
//! were asked for.

mod card;
mod channels;
mod citations;
mod document;
mod packet;
mod ui;

pub use document::{
    AckLine, Acknowledgement, Card, Document, Item, OrgPart, Packet, Section, Source, Text,
};
pub use packet::{ACK_DATE, ACK_NAME, ACK_READ, ACK_VALUE, PERSONAL};
pub use ui::{link_words, page_label, UI_ARGS, UI_MESSAGES, WEB_MESSAGES};

use fluent_bundle::FluentArgs;

use crate::l10n::{L10nError, Locale};
use crate::model::{
    message_id, Catalog, Checklist, Date, Destination, ModelError, Names, Org, Problem,
};
use channels::channels_section;
use citations::Citations;
use packet::org_parts;

/// An error while composing the document.
#[derive(Debug, thiserror::Error)]
pub enum ComposeError {
    /// A translation is missing or broken.
    #[error(transparent)]
    L10n(#[from] L10nError),
    /// The organisation file lacks a text.
    #[error(transparent)]
    Model(#[from] ModelError),
}

/// What goes into the document besides the checklist.
#[derive(Debug, Clone)]
pub struct Extras<'a> {
    /// Add the cut-out wallet card.
    pub card: bool,
    /// The organisation the document is made for, and what of it to print.
    pub org: Option<OrgInput<'a>>,
    /// The destinations whose missions to print: none, one, or the
    /// countries of a trip, in order.
    pub destinations: Vec<&'a Destination>,
    /// The date the document is made, to judge how old a fact is.
    pub today: Date,
}

/// The organisation a document is made for, what of it to print, and the
/// facts of the person it is made for.
#[derive(Debug, Clone)]
pub struct OrgInput<'a> {
    /// The organisation: its name, logo and contacts are always printed.
    pub org: &'a Org,
    /// Print its own items.
    pub items: bool,
    /// Open with a packet's cover.
    pub cover: bool,
    /// End with the acknowledgement page.
    pub acknowledgement: bool,
    /// The employee's name, already cleaned (`text::clean`, in the facade).
    pub name: Option<String>,
    /// When they leave.
    pub departure: Option<Date>,
    /// The date of the document.
    pub date: Date,
}

pub(crate) fn text(
    locales: &[&Locale],
    id: String,
    args: Option<&FluentArgs>,
) -> Result<Text, L10nError> {
    let text = locales
        .iter()
        .map(|l| l.format(&id, args))
        .collect::<Result<_, _>>()?;
    Ok(Text { id, text })
}

/// Localises `checklist` into `locales`, keeping the items that apply to
/// `roles`, with the card and packet parts `extras` asks for.
pub fn compose(
    catalog: &Catalog,
    checklist: &Checklist,
    locales: &[&Locale],
    roles: &[String],
    extras: &Extras,
) -> Result<Document, ComposeError> {
    let c = checklist.id.as_str();
    // Every message must exist in every language, also those of items not selected.
    let ids = checklist.message_ids();
    for locale in locales {
        if let Some(id) = ids.iter().find(|id| !locale.has(id)) {
            return Err(L10nError::MissingMessage {
                dir: locale.dir.clone(),
                id: id.clone(),
            }
            .into());
        }
    }
    let mut citations = Citations::new(catalog);
    let mut sections = sections(checklist, locales, roles, &mut citations)?;
    let parts = match &extras.org {
        Some(input) => Some(org_parts(input, &extras.destinations, locales, checklist)?),
        None => None,
    };
    let (org, packet, acknowledgement) = match parts {
        Some(parts) => {
            sections.extend(parts.section);
            (Some(parts.org), parts.packet, parts.acknowledgement)
        }
        None => (None, None, None),
    };
    let channels = match &catalog.channels {
        Some(data) => Some(channels_section(
            data,
            &extras.destinations,
            extras.today,
            locales,
            &mut citations,
        )?),
        None => None,
    };
    let card = card::card(catalog, extras, locales, &mut citations)?;
    let sources = citations.sources(catalog, locales)?;
    let as_of = with_date(locales, "ui-as-of", "date", checklist.as_of)?;
    Ok(Document {
        checklist: c.to_string(),
        langs: locales.iter().map(|l| l.tag.clone()).collect(),
        title: text(locales, message_id(&[c, "title"]), None)?,
        audience: text(locales, message_id(&[c, "audience"]), None)?,
        edition: edition(locales, c, roles)?,
        intro: text(locales, message_id(&[c, "intro"]), None)?,
        sections,
        channels,
        sources_heading: text(locales, "ui-sources".into(), None)?,
        sources,
        as_of,
        card,
        org,
        packet,
        acknowledgement,
    })
}

/// The checklist's sections with the items that apply to `roles`, each
/// citing its sources; sections left without items are left out.
fn sections(
    checklist: &Checklist,
    locales: &[&Locale],
    roles: &[String],
    citations: &mut Citations,
) -> Result<Vec<Section>, L10nError> {
    let c = checklist.id.as_str();
    let mut sections = Vec::new();
    for section in &checklist.sections {
        let mut items = Vec::new();
        for item in section.items.iter().filter(|i| i.applies_to(roles)) {
            let (reference, sources) = citations.cite(&item.sources, locales)?;
            items.push(Item {
                text: text(locales, message_id(&[c, &section.id, &item.id]), None)?,
                reference: Some(reference),
                sources,
            });
        }
        if !items.is_empty() {
            sections.push(Section {
                heading: text(locales, message_id(&[c, &section.id]), None)?,
                items,
            });
        }
    }
    Ok(sections)
}

/// Message `id` with the date `date` formatted per language as `$name`.
fn with_date(locales: &[&Locale], id: &str, name: &str, date: Date) -> Result<Text, L10nError> {
    let mut texts = Vec::new();
    for locale in locales {
        let mut args = FluentArgs::new();
        args.set(name, locale.format_day(date)?);
        texts.push(locale.format(id, Some(&args))?);
    }
    Ok(Text {
        id: id.into(),
        text: texts,
    })
}

/// Message `id` formatted per language with `args(lang_tag)`.
fn per_lang(
    locales: &[&Locale],
    id: &str,
    mut args: impl FnMut(&Locale) -> Result<FluentArgs<'static>, ComposeError>,
) -> Result<Text, ComposeError> {
    let mut texts = Vec::new();
    for locale in locales {
        texts.push(locale.format(id, Some(&args(locale)?))?);
    }
    Ok(Text {
        id: id.into(),
        text: texts,
    })
}

/// The names of `destinations` in `locale`'s language, as a list.
fn destination_names(
    destinations: &[&Destination],
    locale: &Locale,
) -> Result<String, ComposeError> {
    let names = destinations
        .iter()
        .map(|d| name_in(&d.name, locale, &d.location))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(names.join(&locale.format("ui-name-separator", None)?))
}

/// A name of the channel data in `locale`'s language.
fn name_in(
    names: &Names,
    locale: &Locale,
    at: &crate::diag::Location,
) -> Result<String, ComposeError> {
    names
        .get(&locale.tag)
        .map(str::to_string)
        .ok_or_else(|| ModelError::invalid(at.clone(), Problem::NoName(locale.tag.clone())).into())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::l10n::Localizer;

    fn compose_with(
        checklist: &str,
        langs: &[&str],
        destination: Option<&str>,
        card: bool,
    ) -> Document {
        let catalog = Catalog::bundled().unwrap();
        let localizer = Localizer::new(&catalog).unwrap();
        let locales: Vec<&Locale> = langs
            .iter()
            .map(|l| localizer.negotiate(l).unwrap())
            .collect();
        let channels = catalog.channels.as_ref().unwrap();
        let destinations = destination
            .map(|d| d.split(';').map(|d| channels.find(d).unwrap()).collect())
            .unwrap_or_default();
        let checklist = catalog.checklist(checklist).unwrap();
        let extras = Extras {
            card,
            org: None,
            destinations,
            today: checklist.as_of,
        };
        compose(&catalog, checklist, &locales, &[], &extras).unwrap()
    }

    #[test]
    fn sources_are_numbered_in_order_of_first_citation() {
        let doc = compose_with("student", &["zh-CN", "en"], Some("US"), true);
        let mut highest = 0;
        let rows = doc
            .sections
            .iter()
            .chain(&doc.channels)
            .flat_map(|s| &s.items);
        for item in rows.chain(doc.card.iter().flat_map(|c| &c.rows)) {
            for &n in &item.sources {
                assert!(
                    n <= highest + 1,
                    "{} cites {n} after {highest}",
                    item.text.id
                );
                highest = highest.max(n);
            }
        }
        let numbers: Vec<usize> = doc.sources.iter().map(|s| s.number).collect();
        assert_eq!(numbers, (1..=highest).collect::<Vec<_>>());
        let ids: std::collections::BTreeSet<&str> =
            doc.sources.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids.len(), doc.sources.len(), "a source listed twice");
    }

    #[test]
    fn the_card_names_the_destinations_embassy_or_leaves_a_line() {
        let catalog = Catalog::bundled().unwrap();
        let us = catalog.channels.as_ref().unwrap().find("US").unwrap();
        let embassy = us.missions.iter().find(|m| m.phone.is_some()).unwrap();
        let phone = embassy.phone.as_deref().unwrap();
        let with = compose_with("student", &["en"], Some("US"), true);
        let card = with.card.unwrap();
        assert!(card.rows.iter().any(|r| r.text.text[0].contains(phone)));
        let without = compose_with("student", &["en"], None, true).card.unwrap();
        assert!(!without.rows.iter().any(|r| r.text.text[0].contains(phone)));
        assert_eq!(card.rows.len(), without.rows.len());
        assert!(compose_with("student", &["en"], None, false).card.is_none());
    }

    #[test]
    fn channel_rows_list_every_mission_then_the_hotline() {
        let catalog = Catalog::bundled().unwrap();
        let ke = catalog.channels.as_ref().unwrap().find("KE").unwrap();
        let doc = compose_with("short-trip", &["zh-CN", "en"], Some("KE"), false);
        let rows = &doc.channels.unwrap().items;
        let missions = rows
            .iter()
            .filter(|r| r.text.id.starts_with("ui-mission:KE-"))
            .count();
        assert_eq!(missions, ke.missions.len());
        let hotline = rows
            .iter()
            .position(|r| r.text.id.starts_with("ui-channel-hotline"))
            .expect("the consular hotline");
        assert!(hotline >= missions);
        assert!(rows[hotline].text.text[1].contains("+86-10-12308"));
        assert!(rows.last().unwrap().text.id == "ui-channel-employer");
    }

    #[test]
    fn a_trip_through_several_countries_lists_each_countrys_channels() {
        let catalog = Catalog::bundled().unwrap();
        let channels = catalog.channels.as_ref().unwrap();
        let fr = channels.find("FR").unwrap().missions.len();
        let doc = compose_with("short-trip", &["en"], Some("FR;IT;PT"), true);
        let section = doc.channels.unwrap();
        assert!(
            section.heading.text[0].contains("France, Italy, Portugal"),
            "{:?}",
            section.heading
        );
        let ids: Vec<&str> = section.items.iter().map(|i| i.text.id.as_str()).collect();
        assert_eq!(
            ids.iter()
                .filter(|i| i.starts_with("ui-mission:FR-"))
                .count(),
            fr
        );
        assert!(ids.iter().any(|i| i.starts_with("ui-mission:IT-")));
        // Portugal has no mission data: where to look the numbers up.
        assert!(ids.contains(&"ui-mission-none"));
        let first_it = ids.iter().position(|i| i.starts_with("ui-mission:IT-"));
        let last_fr = ids.iter().rposition(|i| i.starts_with("ui-mission:FR-"));
        assert!(last_fr < first_it, "{ids:?}");
    }
}
