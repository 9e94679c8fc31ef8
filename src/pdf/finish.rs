//! What printpdf does not write: the document language and a file id derived
//! from the content; then compression.

use std::cell::RefCell;
use std::num::NonZeroUsize;
use std::sync::Arc;

use rustc_hash::FxBuildHasher;

use lopdf::{Object, StringFormat};
use sha2::{Digest, Sha256};

use super::fonts::Embedding;
use super::{catalog, PdfError, PdfOptions};
use crate::memo::Memo;

/// Sets /Lang, compresses every stream not compressed yet, and sets /ID.
pub(super) fn finish(doc: &mut lopdf::Document, options: &PdfOptions, fonts: &Embedding) {
    if let Some(catalog) = catalog(doc) {
        let lang = options.lang.clone().into_bytes();
        catalog.set("Lang", Object::String(lang, StringFormat::Literal));
    }
    compress(doc);
    let id = file_id(doc, options, fonts);
    let id = Object::String(id, StringFormat::Hexadecimal);
    doc.trailer.set("ID", Object::Array(vec![id.clone(), id]));
}

/// A hash of everything drawn (streams and fonts, as compressed) and the
/// metadata. Fonts count by their digests, made once per subset.
fn file_id(doc: &lopdf::Document, options: &PdfOptions, fonts: &Embedding) -> Vec<u8> {
    let mut hash = Sha256::new();
    hash.update(format!("{options:?}").as_bytes());
    for (id, object) in &doc.objects {
        if let Object::Stream(stream) = object {
            if !fonts.streams.contains(id) {
                hash.update(&stream.content);
            }
        }
    }
    for digest in &fonts.digests {
        hash.update(digest);
    }
    hash.finalize()[..16].to_vec()
}

/// Deflates every stream that has no filter yet (page content, images,
/// form appearances), where that makes it smaller.
fn compress(doc: &mut lopdf::Document) {
    for object in doc.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        if stream.dict.get(b"Filter").is_ok() || !stream.allows_compression {
            continue;
        }
        let Ok(packed) = deflate_cached(&stream.content) else {
            continue;
        };
        if packed.len() < stream.content.len() {
            stream
                .dict
                .set("Filter", Object::Name(b"FlateDecode".to_vec()));
            stream.set_content(packed.to_vec());
        }
    }
}

/// Page content deflated before: most pages of a batch's documents or a
/// server's answers are the same as an earlier one's. Keyed by the whole
/// content, so a hit gives exactly what deflating would. A page is 10 to
/// 50 KB before deflating.
static PACKED: Memo<Vec<u8>, Arc<Vec<u8>>, FxBuildHasher> =
    Memo::new(NonZeroUsize::MIN.saturating_add(255));

/// `data` deflated at [`Level::Content`], from [`PACKED`] when it was before.
fn deflate_cached(data: &[u8]) -> Result<Arc<Vec<u8>>, PdfError> {
    if let Some(packed) = PACKED.get(data) {
        return Ok(packed);
    }
    let packed = Arc::new(deflate(data, Level::Content)?);
    PACKED.put(data.to_vec(), Arc::clone(&packed));
    Ok(packed)
}

/// Forgets the deflated pages.
pub(super) fn clear_cache() {
    PACKED.clear();
}

/// How hard to compress a kind of stream.
#[derive(Debug, Clone, Copy)]
pub(super) enum Level {
    /// Font programs and ToUnicode maps: large, made once per glyph set
    /// and then cached.
    Font,
    /// Page content, images and everything else: made for every document.
    Content,
    /// Object streams and the cross-reference stream (see `write`).
    Objects,
}

impl Level {
    /// The libdeflate level, chosen by measurement on the bilingual student
    /// handout (in-process medians of 200 documents, another date each;
    /// bytes of the whole file).
    ///
    /// - Fonts: 6. A subset is made once and then cached, so its level
    ///   costs only the first document (levels 1 / 3 / 6 / 9 measured on
    ///   a packet: 157,111 / 155,393 / 153,293 / 152,979 bytes).
    /// - Content: 1. Deflated pages are cached too, but a changed document
    ///   has changed pages: level 1 gives 187.8 KB in 2.5 ms, level 3
    ///   183.3 KB in 2.8 ms.
    /// - Object streams: 1. They differ in every document: levels
    ///   1 / 3 / 6 gave 181,130 / 180,278 / 178,500 bytes, and 4.73 / 5.06 /
    ///   5.32 ms per document (fastest of 100) before the caches.
    const fn libdeflate(self) -> i32 {
        match self {
            Level::Font => 6,
            Level::Content => 1,
            Level::Objects => 1,
        }
    }
}

thread_local! {
    /// One compressor per level and thread, kept: making one allocates its tables.
    static COMPRESSORS: RefCell<[Option<libdeflater::Compressor>; 3]> = const { RefCell::new([None, None, None]) };
}

/// `data` in the zlib format (PDF's FlateDecode).
pub(super) fn deflate(data: &[u8], level: Level) -> Result<Vec<u8>, PdfError> {
    COMPRESSORS.with(|cell| {
        let mut slots = cell.borrow_mut();
        let slot = &mut slots[level as usize];
        let compressor = slot.get_or_insert_with(|| {
            let lvl = libdeflater::CompressionLvl::new(level.libdeflate())
                .unwrap_or_else(|_| libdeflater::CompressionLvl::default());
            libdeflater::Compressor::new(lvl)
        });
        let mut out = vec![0; compressor.zlib_compress_bound(data.len())];
        match compressor.zlib_compress(data, &mut out) {
            Ok(n) => {
                out.truncate(n);
                Ok(out)
            }
            // Not expected with a buffer of the bound's size.
            Err(e) => Err(PdfError::Writer(format!("compression: {e}"))),
        }
    })
}
