//! Form text fields (the acknowledgement page's printed name and date) and
//! the content stamp that tells a returned file from an altered one.
//!
//! **Text fields** are widgets over the write-in lines, empty, each with
//! its own appearance stream (an empty `/Tx` marked section) so that every
//! viewer shows them alike; a viewer that fills one writes its value (`/V`)
//! and a new appearance, with the form's default font (Helvetica, which
//! viewers replace for characters it lacks).
//!
//! **The stamp.** At render time, the SHA-256 of what the document records
//! about itself (checklist, edition, languages, profile, printed name) and
//! of every page's content stream, decoded, in page order (the facts
//! sorted by key, each part preceded by its length), is written into
//! the document information dictionary as `PredepartureContent`, beside the
//! recorded facts (`PredepartureChecklist`, …). Filling the form touches
//! only the fields' values and appearances, which are not page content, so
//! a filled file keeps its hash; changing what a page prints changes it.
//! It detects alteration, not forgery: anyone can compute a SHA-256.

use lopdf::{dictionary, Dictionary, Object, ObjectId, Stream, StringFormat};
use sha2::{Digest, Sha256};

use super::forms::add_annotations;
use super::{catalog, text_string};
use crate::layout::{Item, Layout};

/// Prefix of the information dictionary's keys that predeparture writes.
pub(crate) const PREFIX: &str = "Predeparture";
/// The key of the content hash.
pub(crate) const HASH_KEY: &str = "PredepartureContent";
/// The form's default appearance: the font a viewer sets typed text in.
const DEFAULT_APPEARANCE: &str = "/Helv 0 Tf 0 g";
/// The most a page's content may decode to when a returned file is read.
const MAX_PAGE_CONTENT: usize = 64 << 20;

/// Adds a text field widget over every text field of `layout`, and lists
/// them in the form (made here if the document has none yet).
pub(super) fn text_fields(doc: &mut lopdf::Document, layout: &Layout, pages: &[ObjectId]) {
    let mut fields = Vec::new();
    for (page, &page_id) in layout.pages.iter().zip(pages) {
        let mut widgets = Vec::new();
        for item in &page.items {
            let Item::TextField {
                x,
                y,
                width,
                height,
                name,
                ..
            } = item
            else {
                continue;
            };
            let bottom = page.height - y - height;
            let rect = [*x, bottom, x + width, bottom + height].map(Object::Real);
            let bbox = vec![
                0.into(),
                0.into(),
                Object::Real(*width),
                Object::Real(*height),
            ];
            let empty = doc.add_object(Stream::new(
                dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => bbox },
                b"/Tx BMC EMC".to_vec(),
            ));
            let widget = dictionary! {
                "Type" => "Annot",
                "Subtype" => "Widget",
                "FT" => "Tx",
                "T" => text_string(name),
                "V" => text_string(""),
                "DA" => Object::string_literal(DEFAULT_APPEARANCE),
                "F" => 4,
                "Rect" => rect.to_vec(),
                "P" => page_id,
                "AP" => dictionary! { "N" => empty },
            };
            let id = doc.add_object(widget);
            widgets.push(Object::Reference(id));
            fields.push(Object::Reference(id));
        }
        add_annotations(doc, page_id, widgets);
    }
    if fields.is_empty() {
        return;
    }
    let helvetica = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let Some(catalog) = catalog(doc) else { return };
    let mut form = match catalog.get(b"AcroForm") {
        Ok(Object::Dictionary(form)) => form.clone(),
        _ => dictionary! { "Fields" => Vec::<Object>::new(), "NeedAppearances" => false },
    };
    let mut all = match form.get(b"Fields") {
        Ok(Object::Array(a)) => a.clone(),
        _ => Vec::new(),
    };
    all.extend(fields);
    form.set("Fields", all);
    form.set("DA", Object::string_literal(DEFAULT_APPEARANCE));
    form.set(
        "DR",
        dictionary! { "Font" => dictionary! { "Helv" => helvetica } },
    );
    catalog.set("AcroForm", form);
}

/// Writes `record` and the content hash into the information dictionary.
/// Call it when every page's content is final.
pub(super) fn stamp(doc: &mut lopdf::Document, record: &[(String, String)]) {
    let hash = content_hash(doc, record).unwrap_or_default();
    let Ok(info) = doc.trailer.get(b"Info").and_then(Object::as_reference) else {
        return;
    };
    if let Ok(info) = doc.get_object_mut(info).and_then(Object::as_dict_mut) {
        for (key, value) in record {
            info.set(format!("{PREFIX}{key}"), text_string(value));
        }
        info.set(
            HASH_KEY,
            Object::String(hash.into_bytes(), StringFormat::Literal),
        );
    }
}

/// `sha256:` and the hex SHA-256 of `record` and of every page's decoded
/// content, in page order; `None` when a page's content is too large.
pub(crate) fn content_hash(doc: &lopdf::Document, record: &[(String, String)]) -> Option<String> {
    let mut hash = Sha256::new();
    let mut part = |bytes: &[u8]| {
        hash.update((bytes.len() as u64).to_be_bytes());
        hash.update(bytes);
    };
    part(b"predeparture content v1");
    let mut record: Vec<&(String, String)> = record.iter().collect();
    record.sort();
    for (key, value) in record {
        part(key.as_bytes());
        part(value.as_bytes());
    }
    for page in doc.get_pages().into_values() {
        part(
            &doc.get_page_content_with_limit(page, MAX_PAGE_CONTENT)
                .ok()?,
        );
    }
    let digest = hash.finalize();
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    Some(format!("sha256:{hex}"))
}

/// The information dictionary of `doc`, if it has one.
pub(crate) fn info(doc: &lopdf::Document) -> Option<&Dictionary> {
    match doc.trailer.get(b"Info").ok()? {
        Object::Reference(id) => doc.get_dictionary(*id).ok(),
        Object::Dictionary(d) => Some(d),
        _ => None,
    }
}
