//! Returned acknowledgements: a PDF that predeparture made, filled in a
//! viewer and sent back, read into one row of a register.
//!
//! Whether a file is ours and unaltered is decided by its content stamp
//! (see [`crate::pdf`]'s fields module): the facts the document recorded
//! about itself and the SHA-256 of its pages' content, written into its
//! document information when it was rendered. Filling the form changes
//! field values and appearances only, so a filled file is intact; a file
//! whose printed content changed is altered; a file without a stamp is not
//! ours. The stamp shows alteration, not authorship: it is no signature.
//!
//! ```
//! use predeparture::{ack, Renderer, Request};
//!
//! let pdf = Renderer::bundled()?.render(&Request::handout("short-trip", &["en"]))?;
//! let returned = ack::read(&pdf);
//! assert_eq!(returned.status, ack::Status::Intact);
//! assert_eq!(returned.acknowledged, None); // a handout has no form
//! # Ok::<(), predeparture::Error>(())
//! ```

use lopdf::{Dictionary, Document, Object};

use crate::compose::{ACK_DATE, ACK_NAME, ACK_READ};
use crate::pdf::fields::{content_hash, info, HASH_KEY, PREFIX};

/// The most one stream of a returned file may decompress to while it is
/// loaded (a file from outside may be made to explode).
const MAX_STREAM: usize = 64 << 20;

/// Whether a returned file is one predeparture made, as it made it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub enum Status {
    /// Ours, its pages as they were rendered (the form may be filled).
    Intact,
    /// Ours, but what its pages print has changed since.
    Altered,
    /// A PDF without predeparture's stamp.
    Foreign,
    /// Not a PDF that can be read; the reason.
    Unreadable(String),
}

/// What a returned file says.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Returned {
    /// Ours and intact, altered, foreign or unreadable.
    pub status: Status,
    /// The checklist id it was made of, as recorded.
    pub checklist: Option<String>,
    /// The checklist's edition ("as of" date), as recorded.
    pub edition: Option<String>,
    /// The name typed into the form, else the name printed on it.
    pub name: Option<String>,
    /// Whether the "I have read and understood" box is ticked; `None` when
    /// the file has no such box (no acknowledgement page, or a printed one).
    pub acknowledged: Option<bool>,
    /// The date typed into the form.
    pub date: Option<String>,
    /// How many checklist items are ticked.
    pub ticked: usize,
    /// How many checklist items have a box to tick.
    pub items: usize,
}

impl Returned {
    fn empty(status: Status) -> Returned {
        Returned {
            status,
            checklist: None,
            edition: None,
            name: None,
            acknowledged: None,
            date: None,
            ticked: 0,
            items: 0,
        }
    }
}

/// A form field's value.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    /// A text field's text.
    Text(String),
    /// A checkbox, ticked or not.
    Ticked(bool),
}

/// Reads a returned file: its status, what its form says.
pub fn read(bytes: &[u8]) -> Returned {
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(MAX_STREAM),
        ..Default::default()
    };
    let doc = match Document::load_mem_with_options(bytes, options) {
        Ok(doc) => doc,
        Err(e) => return Returned::empty(Status::Unreadable(e.to_string())),
    };
    let Some((record, stamp)) = recorded(&doc) else {
        return Returned::empty(Status::Foreign);
    };
    let status = if content_hash(&doc, &record).as_deref() == Some(stamp.as_str()) {
        Status::Intact
    } else {
        Status::Altered
    };
    let fact = |key: &str| {
        record
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    };
    let fields = fields(&doc);
    let text = |name: &str| {
        fields.iter().find_map(|(n, v)| match v {
            Value::Text(t) if n == name && !t.trim().is_empty() => Some(t.trim().to_string()),
            _ => None,
        })
    };
    let boxes = || {
        fields.iter().filter_map(|(n, v)| match v {
            Value::Ticked(on) if n != ACK_READ => Some(*on),
            _ => None,
        })
    };
    Returned {
        checklist: fact("Checklist"),
        edition: fact("Edition"),
        name: text(ACK_NAME).or_else(|| fact("Name")),
        acknowledged: fields.iter().find_map(|(n, v)| match v {
            Value::Ticked(on) if n == ACK_READ => Some(*on),
            _ => None,
        }),
        date: text(ACK_DATE),
        ticked: boxes().filter(|on| *on).count(),
        items: boxes().count(),
        status,
    }
}

/// The facts the document recorded (keys without the prefix) and its
/// stamp, when it has one.
fn recorded(doc: &Document) -> Option<(Vec<(String, String)>, String)> {
    let info = info(doc)?;
    let mut stamp = None;
    let mut record = Vec::new();
    for (key, value) in info.iter() {
        let Ok(text) = value.as_str() else { continue };
        if key == HASH_KEY.as_bytes() {
            stamp = Some(String::from_utf8_lossy(text).into_owned());
        } else if let Some(key) = key.strip_prefix(PREFIX.as_bytes()) {
            record.push((
                String::from_utf8_lossy(key).into_owned(),
                lopdf::decode_text_string(value).unwrap_or_default(),
            ));
        }
    }
    Some((record, stamp?))
}

/// Every terminal field of the form, by its full name, with its value.
fn fields(doc: &Document) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    let form = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"AcroForm").ok())
        .and_then(|f| resolve(doc, f).as_dict().ok());
    let list = form
        .and_then(|f| f.get(b"Fields").ok())
        .and_then(|f| resolve(doc, f).as_array().ok());
    for field in list.into_iter().flatten() {
        collect(doc, field, "", None, 0, &mut out);
    }
    out
}

/// Adds `field` (and its kids) to `out`; `prefix` and `kind` are inherited.
fn collect(
    doc: &Document,
    field: &Object,
    prefix: &str,
    kind: Option<&[u8]>,
    depth: usize,
    out: &mut Vec<(String, Value)>,
) {
    let Ok(dict) = resolve(doc, field).as_dict() else {
        return;
    };
    if depth > 16 {
        return;
    }
    let partial = dict
        .get(b"T")
        .ok()
        .and_then(|t| lopdf::decode_text_string(t).ok());
    let name = match (&partial, prefix.is_empty()) {
        (Some(p), true) => p.clone(),
        (Some(p), false) => format!("{prefix}.{p}"),
        (None, _) => prefix.to_string(),
    };
    let kind = dict.get(b"FT").ok().and_then(|k| k.as_name().ok()).or(kind);
    if let Ok(kids) = dict.get(b"Kids").and_then(|k| resolve(doc, k).as_array()) {
        // Kids without names are the widgets of this field.
        if kids.iter().any(|k| has_name(doc, k)) {
            for kid in kids {
                collect(doc, kid, &name, kind, depth + 1, out);
            }
            return;
        }
    }
    if let Some(value) = value(doc, dict, kind) {
        out.push((name, value));
    }
}

fn has_name(doc: &Document, kid: &Object) -> bool {
    resolve(doc, kid)
        .as_dict()
        .is_ok_and(|d| d.get(b"T").is_ok())
}

/// A terminal field's value: text for a text field, on or off for a checkbox.
fn value(doc: &Document, dict: &Dictionary, kind: Option<&[u8]>) -> Option<Value> {
    let v = dict.get(b"V").ok().map(|v| resolve(doc, v));
    match kind? {
        b"Tx" => Some(Value::Text(
            v.and_then(|v| lopdf::decode_text_string(v).ok())
                .unwrap_or_default(),
        )),
        b"Btn" => {
            // The value, else (some writers set only the appearance) its state.
            let state = v
                .or_else(|| dict.get(b"AS").ok())
                .and_then(|s| s.as_name().ok());
            Some(Value::Ticked(state.is_some_and(|s| s != b"Off")))
        }
        _ => None,
    }
}

fn resolve<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    match object {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(object),
        other => other,
    }
}
