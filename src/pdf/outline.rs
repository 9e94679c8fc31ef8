//! The outline (bookmarks) in layout order, and where the document opens.

use lopdf::{dictionary, Object, ObjectId};

use super::{catalog, text_string};
use crate::layout::Layout;

/// Adds the outline (printpdf sorts its bookmarks by name, so they are
/// written here) and opens the document at the top of page 1.
pub(super) fn outline(doc: &mut lopdf::Document, layout: &Layout, pages: &[ObjectId], open: bool) {
    if let Some(outlines_id) = entries(doc, layout, pages) {
        let mode = if open { "UseOutlines" } else { "UseNone" };
        if let Some(catalog) = catalog(doc) {
            catalog.set("Outlines", outlines_id);
            catalog.set("PageMode", Object::Name(mode.as_bytes().to_vec()));
        }
    }
    if let Some(&first) = pages.first() {
        if let Some(catalog) = catalog(doc) {
            catalog.set("OpenAction", vec![first.into(), "Fit".into()]);
        }
    }
}

/// Writes the outline entries and their root; `None` when there are none.
fn entries(doc: &mut lopdf::Document, layout: &Layout, pages: &[ObjectId]) -> Option<ObjectId> {
    if layout.outline.is_empty() {
        return None;
    }
    let outlines_id = doc.new_object_id();
    let ids: Vec<ObjectId> = layout.outline.iter().map(|_| doc.new_object_id()).collect();
    for (i, bookmark) in layout.outline.iter().enumerate() {
        let (Some(&page), Some(laid)) = (pages.get(bookmark.page), layout.pages.get(bookmark.page))
        else {
            continue;
        };
        let top = Object::Real(laid.height - bookmark.y + 4.0);
        let mut entry = dictionary! {
            "Title" => text_string(&bookmark.title),
            "Parent" => outlines_id,
            "Dest" => vec![page.into(), "XYZ".into(), Object::Null, top, Object::Null],
        };
        if i > 0 {
            entry.set("Prev", ids[i - 1]);
        }
        if let Some(&next) = ids.get(i + 1) {
            entry.set("Next", next);
        }
        doc.objects.insert(ids[i], Object::Dictionary(entry));
    }
    let outlines = dictionary! {
        "Type" => "Outlines",
        "First" => *ids.first()?,
        "Last" => *ids.last()?,
        "Count" => ids.len() as i64,
    };
    doc.objects
        .insert(outlines_id, Object::Dictionary(outlines));
    Some(outlines_id)
}
