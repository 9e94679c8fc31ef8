//! Font embedding: the one place that turns a face into PDF font objects.
//!
//! printpdf embeds the faces from its own parse, which is costly; the parse
//! of each face is therefore kept for the life of the process.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use crate::fonts::{Face, FontError};

type Parsed = Arc<OnceLock<Option<printpdf::ParsedFont>>>;

/// printpdf's parse of every face seen so far, by [`Face::key`].
static PARSED: OnceLock<Mutex<HashMap<u64, Parsed>>> = OnceLock::new();

/// printpdf's parse of `face`, parsed on first use.
pub(super) fn parsed(face: &Face) -> Result<printpdf::ParsedFont, FontError> {
    let slot = {
        let mut map = PARSED
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        map.entry(face.key()).or_default().clone()
    };
    slot.get_or_init(|| printpdf::ParsedFont::from_bytes(face.data(), 0, &mut Vec::new()))
        .clone()
        .ok_or_else(|| FontError::Invalid {
            file: face.file.clone(),
            reason: "printpdf cannot parse this font".into(),
        })
}

/// Parses `face` for embedding now, so that a later export need not.
/// Documents that use few faces call this on other threads while layout runs.
pub fn prepare(face: &Face) -> Result<(), FontError> {
    parsed(face).map(|_| ())
}

/// Whether [`prepare`] has already run for `face`.
pub fn is_prepared(face: &Face) -> bool {
    PARSED
        .get()
        .and_then(|m| m.lock().ok()?.get(&face.key()).map(|s| s.get().is_some()))
        .unwrap_or(false)
}
