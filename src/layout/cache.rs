//! Paragraphs already set, kept for the next document: a batch or a server
//! renders the same checklist again and again with another name or date,
//! and most of its paragraphs come out the same.
//!
//! A paragraph is set at the origin and then moved into place, hit or miss,
//! so what the cache holds is exactly what setting it anew would give: the
//! same input gives the same layout whatever the cache holds.

use std::num::NonZeroUsize;
use std::sync::Arc;

use super::setting::Role;
use super::Item;
use crate::fonts::FaceId;
use crate::memo::Memo;
use crate::model::Script;
use crate::profile::Profile;

/// Paragraphs kept: a bilingual student handout sets 260, a packet 292, so
/// this holds some fifteen documents' worth (a batch of rosters with many
/// destinations, or a server answering every checklist and language).
const CAPACITY: NonZeroUsize = NonZeroUsize::MIN.saturating_add(4095);

/// Set paragraphs, shared by the documents of one renderer (one font set).
#[derive(Debug)]
pub struct Cache(Memo<Key, Arc<Set>>);

impl Default for Cache {
    fn default() -> Self {
        Cache(Memo::new(CAPACITY))
    }
}

/// A paragraph as set at the origin: its items and its height.
pub(crate) type Set = (Vec<Item>, f32);

/// Everything setting a paragraph depends on, but where it goes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Key {
    /// The language's index in the document (lines carry it), script and
    /// faces.
    pub lang: usize,
    pub script: Script,
    pub families: Vec<[FaceId; 2]>,
    /// The design: profile and language count decide the styles.
    pub profile: Profile,
    pub langs: usize,
    pub role: Role,
    /// The column's width, as bits.
    pub width: u32,
    /// The message id, its text and the glued reference.
    pub id: String,
    pub body: String,
    pub reference: Option<String>,
}

impl Cache {
    /// The paragraph set for `key`, if kept.
    pub(crate) fn get(&self, key: &Key) -> Option<Arc<Set>> {
        self.0.get(key)
    }

    /// Keeps `value` as the paragraph set for `key`.
    pub(crate) fn put(&self, key: Key, value: Arc<Set>) {
        self.0.put(key, value);
    }

    /// How many paragraphs are kept.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether none is kept.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Forgets every paragraph.
    pub fn clear(&self) {
        self.0.clear();
    }
}
