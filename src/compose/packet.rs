//! The parts of an onboarding packet: the organisation's own items, the
//! cover, the organisation's contacts and the acknowledgement page.

use fluent_bundle::FluentArgs;

use super::{name_in, per_lang, text, ComposeError, Item, Packet, PacketInput, Section, Text};
use crate::l10n::Locale;
use crate::model::{message_id, Checklist, Destination};
use crate::text::strip_controls;

/// A blank to write in, for facts the packet was not given.
const BLANK: &str = "________________";

/// The organisation's section and the packet's own pages.
pub(super) fn packet(
    input: &PacketInput,
    destination: Option<&Destination>,
    locales: &[&Locale],
    checklist: &Checklist,
) -> Result<(Option<Section>, Packet), ComposeError> {
    let org = input.org;
    let with_org = |l: &Locale| -> Result<FluentArgs<'static>, ComposeError> {
        let mut args = FluentArgs::new();
        args.set("org", org.name.get(&l.tag)?.to_string());
        Ok(args)
    };
    let name = input
        .name
        .as_deref()
        .map(|n| strip_controls(n).trim().to_string())
        .filter(|n| !n.is_empty());
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
        cover: cover(input, name.as_deref(), destination, locales)?,
        contacts_heading: per_lang(locales, "ui-org-contacts", with_org)?,
        contacts: contacts(input, locales)?,
        ack_heading: text(locales, "ui-ack-heading".into(), None)?,
        ack_statement,
        ack_fields: ["ui-ack-name", "ui-ack-signature", "ui-ack-date"]
            .iter()
            .map(|id| text(locales, id.to_string(), None))
            .collect::<Result<_, _>>()?,
        name,
        logo: org.logo.clone(),
    };
    let items = org_items(input, locales)?;
    let section = if items.is_empty() {
        None
    } else {
        Some(Section {
            heading: per_lang(locales, "ui-org-items", with_org)?,
            items,
        })
    };
    Ok((section, packet))
}

/// The organisation's own items, as it wrote them in each language.
fn org_items(input: &PacketInput, locales: &[&Locale]) -> Result<Vec<Item>, ComposeError> {
    let mut items = Vec::new();
    for item in &input.org.items {
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
    Ok(items)
}

/// The cover's lines: employee, destination, departure and the document's
/// date, with a blank to write in for what the packet was not given.
fn cover(
    input: &PacketInput,
    name: Option<&str>,
    destination: Option<&Destination>,
    locales: &[&Locale],
) -> Result<Vec<Text>, ComposeError> {
    let line =
        |id: &str, var: &'static str, value: &dyn Fn(&Locale) -> Result<String, ComposeError>| {
            per_lang(locales, id, |l| {
                let mut args = FluentArgs::new();
                args.set(var, value(l)?);
                Ok(args)
            })
        };
    Ok(vec![
        line("ui-cover-employee", "name", &|_| {
            Ok(name.unwrap_or(BLANK).to_string())
        })?,
        line(
            "ui-cover-destination",
            "destination",
            &|l| match destination {
                Some(d) => name_in(&d.name, l, &d.location),
                None => Ok(BLANK.into()),
            },
        )?,
        line("ui-cover-departure", "date", &|l| match input.departure {
            Some(d) => Ok(l.format_day(d)?),
            None => Ok(BLANK.into()),
        })?,
        line("ui-cover-date", "date", &|l| Ok(l.format_day(input.date)?))?,
    ])
}

/// One line per contact, the security officer first.
fn contacts(input: &PacketInput, locales: &[&Locale]) -> Result<Vec<Text>, ComposeError> {
    let org = input.org;
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
    Ok(contacts)
}
