//! What the organisation adds to a document: its name, logo and contacts
//! (every profile), its own items (packets, and elsewhere when asked), a
//! packet's cover, and the acknowledgement page.

use fluent_bundle::FluentArgs;

use super::{
    destination_names, per_lang, text, AckLine, Acknowledgement, ComposeError, Item, OrgInput,
    OrgPart, Packet, Section, Text,
};
use crate::l10n::Locale;
use crate::model::{message_id, Checklist, Contact, Destination, Org};

/// A blank to write in, for facts the document was not given.
const BLANK: &str = "________________";

/// Form field names of the acknowledgement page. They cannot clash with
/// item fields, which are named by message ids (`<checklist>-…`,
/// `org-item-…`).
pub const ACK_READ: &str = "ack-read";
/// The id of a value printed on an acknowledgement line (the employee's
/// name on the name line), a text of its own beside the line's label.
pub const ACK_VALUE: &str = "ack-value";

/// The texts that print the employee's name: the cover's line, the
/// acknowledgement's statement and the name printed on its line.
pub const PERSONAL: [&str; 3] = ["ui-cover-employee", "ui-ack-statement", ACK_VALUE];

/// The printed name's field.
pub const ACK_NAME: &str = "ack-name";
/// The date's field.
pub const ACK_DATE: &str = "ack-date";

/// Everything the organisation adds to the document.
pub(super) struct OrgParts {
    /// Its own items, when asked for and it has some.
    pub section: Option<Section>,
    /// Name, logo and contacts.
    pub org: OrgPart,
    /// The packet's cover.
    pub packet: Option<Packet>,
    /// The acknowledgement page.
    pub acknowledgement: Option<Acknowledgement>,
}

/// `{ $org }` for message arguments.
fn with_org(org: &Org, l: &Locale) -> Result<FluentArgs<'static>, ComposeError> {
    let mut args = FluentArgs::new();
    args.set("org", org.name.get(&l.tag)?.to_string());
    Ok(args)
}

/// The organisation's parts of the document `input` asks for.
pub(super) fn org_parts(
    input: &OrgInput,
    destinations: &[&Destination],
    locales: &[&Locale],
    checklist: &Checklist,
) -> Result<OrgParts, ComposeError> {
    let org = input.org;
    // Cleaned where the request came in (`text::clean` in the facade).
    let name = input.name.clone();
    let part = OrgPart {
        name: per_lang(locales, "ui-org-name", |l| with_org(org, l))?,
        logo: org.logo.clone(),
        contacts_heading: per_lang(locales, "ui-org-contacts", |l| with_org(org, l))?,
        contacts: contacts(org, locales)?,
    };
    let packet = if input.cover {
        Some(Packet {
            kind: text(locales, "ui-packet-kind".into(), None)?,
            cover: cover(input, name.as_deref(), destinations, locales)?,
        })
    } else {
        None
    };
    let acknowledgement = if input.acknowledgement {
        Some(acknowledgement(
            input,
            name,
            destinations,
            locales,
            checklist,
        )?)
    } else {
        None
    };
    let items = if input.items {
        org_items(org, locales)?
    } else {
        Vec::new()
    };
    let section = if items.is_empty() {
        None
    } else {
        Some(Section {
            heading: per_lang(locales, "ui-org-items", |l| with_org(org, l))?,
            items,
        })
    };
    Ok(OrgParts {
        section,
        org: part,
        packet,
        acknowledgement,
    })
}

/// The acknowledgement page: the checklist and its edition, destination and
/// departure, the statement, the box and the lines.
fn acknowledgement(
    input: &OrgInput,
    name: Option<String>,
    destinations: &[&Destination],
    locales: &[&Locale],
    checklist: &Checklist,
) -> Result<Acknowledgement, ComposeError> {
    let title = |l: &Locale| l.format(&message_id(&[&checklist.id, "title"]), None);
    let statement = per_lang(locales, "ui-ack-statement", |l| {
        let mut args = with_org(input.org, l)?;
        args.set("name", name.clone().unwrap_or_else(|| BLANK.into()));
        args.set("checklist", title(l)?);
        Ok(args)
    })?;
    let edition = per_lang(locales, "ui-ack-checklist", |l| {
        let mut args = FluentArgs::new();
        args.set("checklist", title(l)?);
        args.set("date", l.format_day(checklist.as_of)?);
        Ok(args)
    })?;
    let [_, destination, departure, _] = facts(input, name.as_deref(), destinations, locales)?;
    let line = |id: &str, value: Option<String>, field: Option<&str>| -> Result<_, ComposeError> {
        Ok(AckLine {
            label: text(locales, id.into(), None)?,
            value,
            field: field.map(str::to_string),
        })
    };
    Ok(Acknowledgement {
        heading: text(locales, "ui-ack-heading".into(), None)?,
        facts: vec![edition, destination, departure],
        statement,
        read: text(locales, "ui-ack-read".into(), None)?,
        read_field: ACK_READ.into(),
        lines: vec![
            // A printed name needs no field; a blank one gets one.
            line(
                "ui-ack-name",
                name.clone(),
                name.is_none().then_some(ACK_NAME),
            )?,
            line("ui-ack-date", None, Some(ACK_DATE))?,
            line("ui-ack-signature", None, None)?,
            line("ui-ack-countersignature", None, None)?,
        ],
        name,
    })
}

/// The organisation's own items, as it wrote them in each language.
fn org_items(org: &Org, locales: &[&Locale]) -> Result<Vec<Item>, ComposeError> {
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
    Ok(items)
}

/// The cover's lines: employee, destination, departure and the document's
/// date, with a blank to write in for what the packet was not given.
fn cover(
    input: &OrgInput,
    name: Option<&str>,
    destinations: &[&Destination],
    locales: &[&Locale],
) -> Result<Vec<Text>, ComposeError> {
    Ok(facts(input, name, destinations, locales)?.into())
}

/// Employee, destination, departure and date lines.
fn facts(
    input: &OrgInput,
    name: Option<&str>,
    destinations: &[&Destination],
    locales: &[&Locale],
) -> Result<[Text; 4], ComposeError> {
    let line =
        |id: &str, var: &'static str, value: &dyn Fn(&Locale) -> Result<String, ComposeError>| {
            per_lang(locales, id, |l| {
                let mut args = FluentArgs::new();
                args.set(var, value(l)?);
                Ok(args)
            })
        };
    Ok([
        line("ui-cover-employee", "name", &|_| {
            Ok(name.unwrap_or(BLANK).to_string())
        })?,
        line("ui-cover-destination", "destination", &|l| {
            if destinations.is_empty() {
                Ok(BLANK.into())
            } else {
                destination_names(destinations, l)
            }
        })?,
        line("ui-cover-departure", "date", &|l| match input.departure {
            Some(d) => Ok(l.format_day(d)?),
            None => Ok(BLANK.into()),
        })?,
        line("ui-cover-date", "date", &|l| Ok(l.format_day(input.date)?))?,
    ])
}

/// A contact's phone and e-mail, as one string in `l`'s language.
pub(super) fn details(contact: &Contact, l: &Locale) -> Result<String, ComposeError> {
    let details: Vec<&str> = contact
        .phone
        .iter()
        .chain(&contact.email)
        .map(String::as_str)
        .collect();
    Ok(details.join(&l.format("ui-list-separator", None)?))
}

/// One line per contact, the security officer first.
fn contacts(org: &Org, locales: &[&Locale]) -> Result<Vec<Text>, ComposeError> {
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
            args.set("details", details(contact, l)?);
            Ok(args)
        })?);
    }
    Ok(contacts)
}
