//! Leaf: a bounded memo, safe to share between threads: the most recently
//! used values computed, by key. The stages keep what is costly to make and
//! the same from one document to the next in one (set paragraphs, QR codes,
//! deflated pages); what they keep is a pure function of the key, so output
//! never depends on what a memo holds.

use std::borrow::Borrow;
use std::hash::{BuildHasher, Hash};
use std::num::NonZeroUsize;
use std::sync::{Mutex, MutexGuard, PoisonError};

use lru::LruCache;

/// At most `capacity` values by key, the least recently used dropped first.
/// Made empty and `const`, so it can be a `static`; the map is allocated at
/// the first `put`.
pub struct Memo<K, V, S = lru::DefaultHasher> {
    capacity: NonZeroUsize,
    map: Mutex<Option<LruCache<K, V, S>>>,
}

impl<K: Hash + Eq, V: Clone, S: BuildHasher + Default> Memo<K, V, S> {
    /// An empty memo of `capacity` values.
    pub const fn new(capacity: NonZeroUsize) -> Self {
        Memo {
            capacity,
            map: Mutex::new(None),
        }
    }

    /// The value kept for `key`, if any.
    pub fn get<Q>(&self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.lock().as_mut()?.get(key).cloned()
    }

    /// Keeps `value` for `key`.
    pub fn put(&self, key: K, value: V) {
        let capacity = self.capacity;
        self.lock()
            .get_or_insert_with(|| LruCache::with_hasher(capacity, S::default()))
            .put(key, value);
    }

    /// How many values are kept.
    pub fn len(&self) -> usize {
        self.lock().as_ref().map_or(0, LruCache::len)
    }

    /// Whether none is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Forgets every value.
    pub fn clear(&self) {
        *self.lock() = None;
    }

    /// The map; a thread that panicked while holding it left it whole
    /// (each call changes it in one step).
    fn lock(&self) -> MutexGuard<'_, Option<LruCache<K, V, S>>> {
        self.map.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl<K, V, S> std::fmt::Debug for Memo<K, V, S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Memo")
            .field("capacity", &self.capacity)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_most_recently_used() {
        let memo: Memo<String, u32> = Memo::new(NonZeroUsize::MIN.saturating_add(1));
        assert_eq!(memo.get("a"), None);
        memo.put("a".into(), 1);
        memo.put("b".into(), 2);
        assert_eq!(memo.get("a"), Some(1));
        memo.put("c".into(), 3);
        assert_eq!(
            (memo.get("a"), memo.get("b"), memo.len()),
            (Some(1), None, 2)
        );
        memo.clear();
        assert!(memo.is_empty());
    }
}
