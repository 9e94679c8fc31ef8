//! The localised document: everything a checklist says in the chosen
//! languages, in print order, as plain data before layout.
//!
//! Every text carries the message id it came from, so later stages can name
//! it in errors, and one string per language, in the order the languages
//! were asked for.

use std::collections::BTreeMap;

use fluent_bundle::FluentArgs;

use crate::l10n::{L10nError, Locale};
use crate::model::{
    message_id, Catalog, ChannelKind, Channels, Checklist, Date, Destination, ModelError, Names,
    Org, PartialDate, Problem, Provenance,
};
use crate::text::strip_controls;

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
    /// Make an onboarding packet for an organisation.
    pub packet: Option<PacketInput<'a>>,
    /// The destination whose missions to print.
    pub destination: Option<&'a Destination>,
    /// The date the document is made, to judge how old a fact is.
    pub today: Date,
}

/// The facts of an onboarding packet.
#[derive(Debug, Clone)]
pub struct PacketInput<'a> {
    /// The organisation.
    pub org: &'a Org,
    /// The employee's name.
    pub name: Option<String>,
    /// When they leave.
    pub departure: Option<Date>,
    /// The date of the document.
    pub date: Date,
}

/// The interface messages the program formats itself (besides those derived
/// from checklist, source and card ids). `predeparture validate` reports
/// each one a language lacks, and every message neither listed here nor
/// derived from a definition as unused.
pub const UI_MESSAGES: &[&str] = &[
    "language-name",
    "ui-date",
    "ui-date-month",
    "ui-date-year",
    "ui-page",
    "ui-sources",
    "ui-source-ref",
    "ui-source-entry",
    "ui-source-entry-undated",
    "ui-as-of",
    "ui-edition",
    "ui-list-separator",
    "ui-or",
    "card-title",
    "card-cut",
    "ui-org-name",
    "ui-packet-kind",
    "ui-cover-employee",
    "ui-cover-destination",
    "ui-cover-departure",
    "ui-cover-date",
    "ui-org-items",
    "ui-org-contacts",
    "ui-contact-officer",
    "ui-contact",
    "ui-ack-heading",
    "ui-ack-statement",
    "ui-ack-name",
    "ui-ack-signature",
    "ui-ack-date",
    "ui-channels-heading",
    "ui-channels-heading-blank",
    "ui-mission-name",
    "ui-mission-phone",
    "ui-mission-no-phone",
    "ui-mission-address",
    "ui-mission-website",
    "ui-mission-as-of",
    "ui-verify",
    "ui-verify-note",
    "ui-mission-none",
    "ui-mission-blank-name",
    "ui-mission-blank-phone",
    "ui-channel-hotline",
    "ui-channel-after-return",
    "ui-channel-employer",
];

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
    /// Where to get help and report: the destination's missions, the
    /// consular hotline and the channels for after return.
    pub channels: Option<Section>,
    /// Heading of the sources list.
    pub sources_heading: Text,
    /// Sources cited, numbered in order of first citation.
    pub sources: Vec<Source>,
    /// The "as of" line.
    pub as_of: Text,
    /// The cut-out wallet card, for printed handouts.
    pub card: Option<Card>,
    /// Cover, organisation contacts and acknowledgement, for packets.
    pub packet: Option<Packet>,
}

/// The cut-out wallet card.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Card {
    /// Its heading.
    pub title: Text,
    /// Its rows, each with its source reference.
    pub rows: Vec<Item>,
    /// The instruction printed above the cut line.
    pub cut: Text,
}

/// The parts of an onboarding packet besides the checklist.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Packet {
    /// The organisation's name.
    pub org: Text,
    /// The packet's kind, printed on the cover above the checklist title.
    pub kind: Text,
    /// Cover lines: employee, destination, departure, date.
    pub cover: Vec<Text>,
    /// Heading of the organisation's contacts.
    pub contacts_heading: Text,
    /// One line per contact.
    pub contacts: Vec<Text>,
    /// Heading of the acknowledgement page.
    pub ack_heading: Text,
    /// What the employee confirms.
    pub ack_statement: Text,
    /// Labels of the lines to fill in: printed name, signature, date.
    pub ack_fields: Vec<Text>,
    /// The employee's name, printed on the name line when known.
    pub name: Option<String>,
    /// The logo file, if any.
    pub logo: Option<std::path::PathBuf>,
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
    /// The source reference printed after the text, e.g. `[1, 3]`; none
    /// for the organisation's own items.
    pub reference: Option<Text>,
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

/// A source cited in the document: from the catalog's sources, or given
/// with a row of the channel data.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Cited {
    Catalog(String),
    Data {
        source: String,
        url: Option<String>,
        date: Option<PartialDate>,
    },
}

/// Numbers sources in order of first citation.
#[derive(Default)]
struct Citations {
    numbers: BTreeMap<Cited, usize>,
    order: Vec<Cited>,
    /// Catalog sources by address, so a data row citing the same page is
    /// numbered as that source.
    by_url: BTreeMap<String, String>,
}

impl Citations {
    /// The reference text (`[1, 3]`) for catalog source `ids`, numbering new ones.
    fn cite(
        &mut self,
        ids: &[String],
        locales: &[&Locale],
    ) -> Result<(Text, Vec<usize>), L10nError> {
        self.cite_all(
            ids.iter().map(|id| Cited::Catalog(id.clone())).collect(),
            locales,
        )
    }

    /// The reference text for a row of the channel data.
    fn cite_data(
        &mut self,
        p: &Provenance,
        locales: &[&Locale],
    ) -> Result<(Text, Vec<usize>), L10nError> {
        let cited = match p.url.as_ref().and_then(|u| self.by_url.get(u)) {
            Some(id) => Cited::Catalog(id.clone()),
            None => Cited::Data {
                source: p.source.clone().unwrap_or_default(),
                url: p.url.clone(),
                date: p.date,
            },
        };
        self.cite_all(vec![cited], locales)
    }

    fn cite_all(
        &mut self,
        cited: Vec<Cited>,
        locales: &[&Locale],
    ) -> Result<(Text, Vec<usize>), L10nError> {
        let mut refs: Vec<usize> = cited
            .into_iter()
            .map(|c| {
                let next = self.order.len() + 1;
                *self.numbers.entry(c.clone()).or_insert_with(|| {
                    self.order.push(c);
                    next
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
        Ok((text(locales, "ui-source-ref".into(), Some(&args))?, refs))
    }
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
    let mut citations = Citations {
        by_url: catalog
            .sources
            .values()
            .filter_map(|s| Some((s.url.clone()?, s.id.clone())))
            .collect(),
        ..Citations::default()
    };
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
    let packet = match &extras.packet {
        Some(input) => {
            let (section, packet) = packet(input, extras.destination, locales, checklist)?;
            sections.extend(section);
            Some(packet)
        }
        None => None,
    };
    let channels = match &catalog.channels {
        Some(data) => Some(channels_section(
            data,
            extras.destination,
            extras.today,
            locales,
            &mut citations,
        )?),
        None => None,
    };
    let card = if extras.card && !catalog.card.is_empty() {
        let mut rows = Vec::new();
        for row in &catalog.card {
            let embassy = destination_embassy(extras.destination).filter(|_| row.fill.is_some());
            let item = match embassy {
                Some(m) => {
                    let text = per_lang(locales, &message_id(&["card", &row.id, "known"]), |l| {
                        let mut args = FluentArgs::new();
                        args.set("name", name_in(&m.name, l, &m.provenance.location)?);
                        let mut phone = m.phone.clone().unwrap_or_default();
                        // An old or uncertain number says so on the card too.
                        if let (true, Some(date)) = (
                            Channels::needs_verifying(&m.provenance, extras.today),
                            m.provenance.date,
                        ) {
                            let mut note = FluentArgs::new();
                            note.set("date", l.format_date(date)?);
                            phone.push_str(&l.format("ui-verify-note", Some(&note))?);
                        }
                        args.set("phone", phone);
                        Ok(args)
                    })?;
                    let (reference, sources) = citations.cite_data(&m.provenance, locales)?;
                    Item {
                        text,
                        reference: Some(reference),
                        sources,
                    }
                }
                None => {
                    let (reference, sources) = citations.cite(&row.sources, locales)?;
                    Item {
                        text: text(locales, message_id(&["card", &row.id]), None)?,
                        reference: Some(reference),
                        sources,
                    }
                }
            };
            rows.push(item);
        }
        Some(Card {
            title: text(locales, "card-title".into(), None)?,
            rows,
            cut: text(locales, "card-cut".into(), None)?,
        })
    } else {
        None
    };
    let mut sources = Vec::new();
    for (i, cited) in citations.order.iter().enumerate() {
        let (id, title_id, published, url) = match cited {
            Cited::Catalog(id) => {
                let source = &catalog.sources[id];
                (
                    id.clone(),
                    message_id(&["source", id]),
                    source.published,
                    source.url.clone(),
                )
            }
            Cited::Data { source, url, date } => {
                (source.clone(), "channels".to_string(), *date, url.clone())
            }
        };
        let mut entries = Vec::new();
        for locale in locales {
            let mut args = FluentArgs::new();
            // Sources of the channel data are cited as the data names them.
            let title = match cited {
                Cited::Catalog(_) => locale.format(&title_id, None)?,
                Cited::Data { source, .. } => source.clone(),
            };
            args.set("title", title);
            let entry_id = match published {
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
            id,
            entry: Text {
                id: title_id.to_string(),
                text: entries,
            },
            url,
        });
    }
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
        packet,
    })
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

/// The first mission of a destination that has a consular-protection number.
fn destination_embassy(destination: Option<&Destination>) -> Option<&crate::model::Mission> {
    destination?.missions.iter().find(|m| m.phone.is_some())
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

/// The section of help and reporting channels: the destination's embassy and
/// consulates (or lines to write them in), the consular hotline, then the
/// channels for after return.
fn channels_section(
    data: &Channels,
    destination: Option<&Destination>,
    today: Date,
    locales: &[&Locale],
    citations: &mut Citations,
) -> Result<Section, ComposeError> {
    let mut items = Vec::new();
    let plain = |text: Text| Item {
        text,
        reference: None,
        sources: Vec::new(),
    };
    let heading = match destination {
        Some(d) => per_lang(locales, "ui-channels-heading", |l| {
            let mut args = FluentArgs::new();
            args.set("destination", name_in(&d.name, l, &d.location)?);
            Ok(args)
        })?,
        None => text(locales, "ui-channels-heading-blank".into(), None)?,
    };
    match destination {
        Some(d) if d.missions.is_empty() => {
            items.push(plain(per_lang(locales, "ui-mission-none", |l| {
                let mut args = FluentArgs::new();
                args.set("destination", name_in(&d.name, l, &d.location)?);
                Ok(args)
            })?));
        }
        Some(d) => {
            for (n, m) in d.missions.iter().enumerate() {
                let at = &m.provenance.location;
                let mut texts = Vec::new();
                for locale in locales {
                    let one =
                        |id: &str, name: &str, value: String| -> Result<String, ComposeError> {
                            let mut args = FluentArgs::new();
                            args.set(name.to_string(), value);
                            Ok(locale.format(id, Some(&args))?)
                        };
                    let mut args = FluentArgs::new();
                    let name = name_in(&m.name, locale, at)?;
                    let city = name_in(&m.city, locale, at)?;
                    // "Consulate General in Osaka" needs no ", Osaka".
                    let mut parts = if name.contains(&city) {
                        vec![name]
                    } else {
                        args.set("name", name);
                        args.set("city", city);
                        vec![locale.format("ui-mission-name", Some(&args))?]
                    };
                    parts.push(match &m.phone {
                        Some(phone) => one("ui-mission-phone", "phone", phone.clone())?,
                        None => locale.format("ui-mission-no-phone", None)?,
                    });
                    if let Some(address) = &m.address {
                        parts.push(one("ui-mission-address", "address", address.clone())?);
                    }
                    if let Some(website) = &m.website {
                        parts.push(one("ui-mission-website", "website", website.clone())?);
                    }
                    if let Some(date) = m.provenance.date {
                        parts.push(one("ui-mission-as-of", "date", locale.format_date(date)?)?);
                    }
                    if Channels::needs_verifying(&m.provenance, today) {
                        parts.push(locale.format("ui-verify", None)?);
                    }
                    texts.push(parts.join(&locale.format("ui-list-separator", None)?));
                }
                let (reference, sources) = citations.cite_data(&m.provenance, locales)?;
                items.push(Item {
                    text: Text {
                        id: format!("ui-mission:{}-{}", d.code, n + 1),
                        text: texts,
                    },
                    reference: Some(reference),
                    sources,
                });
            }
        }
        None => {
            for id in ["ui-mission-blank-name", "ui-mission-blank-phone"] {
                items.push(plain(text(locales, id.into(), None)?));
            }
        }
    }
    // The consular hotline, then what to use after return.
    let hotlines = data
        .national
        .iter()
        .filter(|c| c.abroad && c.kind == ChannelKind::Hotline && !c.phones.is_empty());
    let after_return = data
        .national
        .iter()
        .filter(|c| !c.abroad && (!c.phones.is_empty() || c.url.is_some()));
    for (channel, id) in hotlines
        .map(|c| (c, "ui-channel-hotline"))
        .chain(after_return.map(|c| (c, "ui-channel-after-return")))
    {
        let text = per_lang(locales, id, |l| {
            let mut args = FluentArgs::new();
            args.set(
                "name",
                name_in(&channel.name, l, &channel.provenance.location)?,
            );
            let how: Vec<&str> = channel
                .phones
                .iter()
                .chain(&channel.url)
                .map(String::as_str)
                .collect();
            args.set("contact", how.join(&l.format("ui-or", None)?));
            Ok(args)
        })?;
        let (reference, sources) = citations.cite_data(&channel.provenance, locales)?;
        // One id per row, naming the channel.
        let text = Text {
            id: format!("{id}:{}", channel.id),
            ..text
        };
        items.push(Item {
            text,
            reference: Some(reference),
            sources,
        });
    }
    items.push(plain(text(locales, "ui-channel-employer".into(), None)?));
    Ok(Section { heading, items })
}

/// A blank to write in, for facts the packet was not given.
const BLANK: &str = "________________";

/// The organisation's section and the packet's own pages.
fn packet(
    input: &PacketInput,
    destination: Option<&Destination>,
    locales: &[&Locale],
    checklist: &Checklist,
) -> Result<(Option<Section>, Packet), ComposeError> {
    let org = input.org;
    let org_name =
        |l: &Locale| -> Result<String, ComposeError> { Ok(org.name.get(&l.tag)?.to_string()) };
    let with_org = |l: &Locale| -> Result<FluentArgs<'static>, ComposeError> {
        let mut args = FluentArgs::new();
        args.set("org", org_name(l)?);
        Ok(args)
    };
    let name = input
        .name
        .as_deref()
        .map(|n| strip_controls(n).trim().to_string())
        .filter(|n| !n.is_empty());
    let mut items = Vec::new();
    for item in &org.items {
        let mut texts = Vec::new();
        for locale in locales {
            texts.push(item.text.get(&locale.tag)?.to_string());
        }
        items.push(Item {
            text: Text {
                id: format!("org-item-{}", item.id),
                text: texts,
            },
            reference: None,
            sources: Vec::new(),
        });
    }
    let section = if items.is_empty() {
        None
    } else {
        Some(Section {
            heading: per_lang(locales, "ui-org-items", with_org)?,
            items,
        })
    };

    let mut cover = Vec::new();
    cover.push(per_lang(locales, "ui-cover-employee", |_| {
        let mut args = FluentArgs::new();
        args.set("name", name.clone().unwrap_or_else(|| BLANK.into()));
        Ok(args)
    })?);
    cover.push(per_lang(locales, "ui-cover-destination", |l| {
        let mut args = FluentArgs::new();
        let value = match destination {
            Some(d) => name_in(&d.name, l, &d.location)?,
            None => BLANK.into(),
        };
        args.set("destination", value);
        Ok(args)
    })?);
    cover.push(per_lang(locales, "ui-cover-departure", |l| {
        let mut args = FluentArgs::new();
        args.set(
            "date",
            match input.departure {
                Some(d) => l.format_day(d)?,
                None => BLANK.into(),
            },
        );
        Ok(args)
    })?);
    cover.push(per_lang(locales, "ui-cover-date", |l| {
        let mut args = FluentArgs::new();
        args.set("date", l.format_day(input.date)?);
        Ok(args)
    })?);

    let mut contacts = Vec::new();
    for (n, contact) in org.security_officer.iter().chain(&org.contacts).enumerate() {
        let id = if n == 0 && org.security_officer.is_some() {
            "ui-contact-officer"
        } else {
            "ui-contact"
        };
        contacts.push(per_lang(locales, id, |l| {
            let mut args = FluentArgs::new();
            args.set("name", contact.name.get(&l.tag)?.to_string());
            let details: Vec<&str> = contact
                .phone
                .iter()
                .chain(&contact.email)
                .map(String::as_str)
                .collect();
            args.set(
                "details",
                details.join(&l.format("ui-list-separator", None)?),
            );
            Ok(args)
        })?);
    }
    let ack_statement = per_lang(locales, "ui-ack-statement", |l| {
        let mut args = with_org(l)?;
        args.set("name", name.clone().unwrap_or_else(|| BLANK.into()));
        args.set(
            "checklist",
            l.format(&message_id(&[&checklist.id, "title"]), None)?,
        );
        Ok(args)
    })?;
    let packet = Packet {
        org: per_lang(locales, "ui-org-name", with_org)?,
        kind: text(locales, "ui-packet-kind".into(), None)?,
        cover,
        contacts_heading: per_lang(locales, "ui-org-contacts", with_org)?,
        contacts,
        ack_heading: text(locales, "ui-ack-heading".into(), None)?,
        ack_statement,
        ack_fields: ["ui-ack-name", "ui-ack-signature", "ui-ack-date"]
            .iter()
            .map(|id| text(locales, id.to_string(), None))
            .collect::<Result<_, _>>()?,
        name,
        logo: org.logo.clone(),
    };
    Ok((section, packet))
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
