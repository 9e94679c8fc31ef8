//! Form checkboxes over the tick boxes that have a field name (phone profile).

use std::collections::BTreeMap;

use lopdf::{dictionary, Dictionary, Object, ObjectId, Stream};

use super::{catalog, text_string};
use crate::layout::{Item, Layout};

/// The off and on appearances of a box, shared by boxes of the same size.
type Appearances = BTreeMap<u32, (ObjectId, ObjectId)>;

/// Adds a checkbox widget over every named tick box, and the form that lists them.
pub(super) fn checkboxes(doc: &mut lopdf::Document, layout: &Layout, pages: &[ObjectId]) {
    let mut appearances = Appearances::new();
    let mut fields = Vec::new();
    for (page, &page_id) in layout.pages.iter().zip(pages) {
        let mut widgets = Vec::new();
        for item in &page.items {
            let Item::TickBox {
                x,
                y,
                size,
                field: Some(name),
                ..
            } = item
            else {
                continue;
            };
            let (off, on) = appearance(doc, &mut appearances, *size);
            let bottom = page.height - y - size;
            let rect = [*x, bottom, x + size, bottom + size].map(Object::Real);
            let widget = dictionary! {
                "Type" => "Annot",
                "Subtype" => "Widget",
                "FT" => "Btn",
                "T" => text_string(name),
                "V" => "Off",
                "AS" => "Off",
                "F" => 4,
                "Rect" => rect.to_vec(),
                "P" => page_id,
                "MK" => dictionary! { "CA" => Object::string_literal("4") },
                // Normal appearances only: PDF/A allows no others.
                "AP" => dictionary! { "N" => dictionary! { "Yes" => on, "Off" => off } },
            };
            let id = doc.add_object(widget);
            widgets.push(Object::Reference(id));
            fields.push(Object::Reference(id));
        }
        add_annotations(doc, page_id, widgets);
    }
    if let Some(catalog) = catalog(doc) {
        let form: Dictionary = dictionary! { "Fields" => fields, "NeedAppearances" => false };
        catalog.set("AcroForm", form);
    }
}

/// The (off, on) appearance streams of a box `size` wide.
fn appearance(
    doc: &mut lopdf::Document,
    cache: &mut Appearances,
    size: f32,
) -> (ObjectId, ObjectId) {
    let key = (size * 100.0).round() as u32;
    *cache.entry(key).or_insert_with(|| {
        let s = size;
        let frame = format!("0 G 0.7 w 0.35 0.35 {0:.2} {0:.2} re S", s - 0.7);
        let tick = format!(
            "{frame} 1.1 w 1 J 1 j {:.2} {:.2} m {:.2} {:.2} l {:.2} {:.2} l S",
            0.2 * s,
            0.52 * s,
            0.42 * s,
            0.26 * s,
            0.8 * s,
            0.8 * s
        );
        let form = |content: String| {
            let bbox = vec![0.into(), 0.into(), Object::Real(s), Object::Real(s)];
            Stream::new(
                dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => bbox },
                content.into_bytes(),
            )
        };
        (doc.add_object(form(frame)), doc.add_object(form(tick)))
    })
}

/// Appends `widgets` to the page's annotations.
pub(super) fn add_annotations(doc: &mut lopdf::Document, page: ObjectId, widgets: Vec<Object>) {
    if widgets.is_empty() {
        return;
    }
    if let Ok(dict) = doc.get_object_mut(page).and_then(Object::as_dict_mut) {
        let mut annots = match dict.get(b"Annots") {
            Ok(Object::Array(a)) => a.clone(),
            _ => Vec::new(),
        };
        annots.extend(widgets);
        dict.set("Annots", annots);
    }
}
