//! Annotations as the structure tree needs them: indirect objects (printpdf
//! writes link annotations inline in the page's /Annots), each known by the
//! layout item it was made for.

use lopdf::{Object, ObjectId};

use crate::layout::{Item, Layout};

/// Makes every annotation of every page an indirect object and returns, per
/// page and item, the annotation made for the item: link areas in order
/// match the page's link annotations in order, checkboxes and text fields
/// match widgets by field name.
pub(super) fn hoist(
    doc: &mut lopdf::Document,
    layout: &Layout,
    pages: &[ObjectId],
) -> Vec<Vec<Option<ObjectId>>> {
    let mut out = Vec::new();
    for (laid, &page) in layout.pages.iter().zip(pages) {
        let annots = indirect(doc, page);
        let kind = |id: ObjectId, want: &[u8]| {
            doc.get_dictionary(id)
                .and_then(|d| d.get(b"Subtype"))
                .and_then(Object::as_name)
                .is_ok_and(|s| s == want)
        };
        let mut links = annots.iter().copied().filter(|&id| kind(id, b"Link"));
        let widgets: Vec<(ObjectId, Vec<u8>)> = annots
            .iter()
            .copied()
            .filter(|&id| kind(id, b"Widget"))
            .filter_map(|id| {
                let name = doc.get_dictionary(id).ok()?.get(b"T").ok()?.as_str().ok()?;
                Some((id, name.to_vec()))
            })
            .collect();
        let ids = laid
            .items
            .iter()
            .map(|item| match item {
                Item::Link { .. } => links.next(),
                Item::TickBox {
                    field: Some(name), ..
                }
                | Item::TextField { name, .. } => {
                    let name = super::text_string(name);
                    let name = name.as_str().ok()?;
                    widgets.iter().find(|(_, t)| t == name).map(|(id, _)| *id)
                }
                _ => None,
            })
            .collect();
        out.push(ids);
    }
    out
}

/// The page's annotations, each made an indirect object.
fn indirect(doc: &mut lopdf::Document, page: ObjectId) -> Vec<ObjectId> {
    let annots = match doc.get_dictionary(page).and_then(|d| d.get(b"Annots")) {
        Ok(Object::Array(a)) => a.clone(),
        Ok(Object::Reference(r)) => match doc.get_object(*r) {
            Ok(Object::Array(a)) => a.clone(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    if annots.is_empty() {
        return Vec::new();
    }
    let ids: Vec<ObjectId> = annots
        .into_iter()
        .filter_map(|a| match a {
            Object::Reference(id) => Some(id),
            Object::Dictionary(d) => Some(doc.add_object(d)),
            _ => None,
        })
        .collect();
    if let Ok(Object::Dictionary(d)) = doc.get_object_mut(page) {
        d.set(
            "Annots",
            ids.iter()
                .map(|&id| Object::Reference(id))
                .collect::<Vec<_>>(),
        );
    }
    ids
}
