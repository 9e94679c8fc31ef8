//! What printpdf does not write: the document language and a file id derived
//! from the content; then compression.

use lopdf::{Object, StringFormat};
use sha2::{Digest, Sha256};

use super::{catalog, PdfOptions};

/// Sets /Lang and /ID, then compresses every stream.
pub(super) fn finish(doc: &mut lopdf::Document, options: &PdfOptions) {
    if let Some(catalog) = catalog(doc) {
        let lang = options.lang.clone().into_bytes();
        catalog.set("Lang", Object::String(lang, StringFormat::Literal));
    }
    let id = file_id(doc, options);
    let id = Object::String(id, StringFormat::Hexadecimal);
    doc.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    compress(doc);
}

/// A hash of everything drawn (streams and fonts) and the metadata.
fn file_id(doc: &lopdf::Document, options: &PdfOptions) -> Vec<u8> {
    let mut hash = Sha256::new();
    hash.update(format!("{options:?}").as_bytes());
    for object in doc.objects.values() {
        if let Object::Stream(stream) = object {
            hash.update(&stream.content);
        }
    }
    hash.finalize()[..16].to_vec()
}

/// Deflates every stream once. lopdf's own pass uses the slowest level;
/// the default level gives nearly the same size in a fraction of the time.
fn compress(doc: &mut lopdf::Document) {
    use std::io::Write as _;
    for object in doc.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        if stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        if enc.write_all(&stream.content).is_ok() {
            if let Ok(packed) = enc.finish() {
                if packed.len() < stream.content.len() {
                    stream
                        .dict
                        .set("Filter", Object::Name(b"FlateDecode".to_vec()));
                    stream.set_content(packed);
                }
            }
        }
    }
}
