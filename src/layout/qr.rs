//! QR codes as module matrices (the `qrcode` crate), drawn as vector squares.

use std::num::NonZeroUsize;

use qrcode::{Color, EcLevel, QrCode};

use crate::memo::Memo;

/// A QR code: `width` × `width` modules, row by row, `true` for dark.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Matrix {
    /// Modules per side (without the quiet zone).
    pub width: usize,
    /// Dark modules, row by row.
    pub dark: Vec<bool>,
}

/// The most modules per side a printed code may have (version 6): at the
/// 46 pt a handout gives a code, each module is then still over 1 pt, which
/// phone cameras read from paper.
pub const MAX_MODULES: usize = 41;

/// Codes made so far, by text.
static CACHE: Memo<String, Option<Matrix>> = Memo::new(NonZeroUsize::MIN.saturating_add(255));

/// The QR code of `text` at error-correction level L: short addresses stay
/// at version 1 (21 modules), so each module prints large. `None` when the
/// text needs more than [`MAX_MODULES`] modules per side: such an address
/// is printed without a code.
///
/// Codes are kept in a small process-wide cache: a handout draws the same
/// few addresses every time, and choosing a code's mask is most of its
/// cost (a tenth of a handout's instructions before the cache).
pub fn encode(text: &str) -> Option<Matrix> {
    if let Some(found) = CACHE.get(text) {
        return found;
    }
    let matrix = make(text);
    CACHE.put(text.to_string(), matrix.clone());
    matrix
}

/// Empties the cache of codes.
pub fn clear_cache() {
    CACHE.clear();
}

/// The code of `text`, made anew.
fn make(text: &str) -> Option<Matrix> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).ok()?;
    if code.width() > MAX_MODULES {
        return None;
    }
    Some(Matrix {
        width: code.width(),
        dark: code
            .to_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn encodes_an_address() {
        let m = super::encode("www.12339.gov.cn").unwrap();
        assert_eq!(m.width, 21);
        assert_eq!(m.dark.len(), 21 * 21);
        // The finder pattern's corner.
        assert!(m.dark[0] && m.dark[6] && !m.dark[7]);
    }

    #[test]
    fn long_addresses_get_no_code() {
        let long = format!("www.example.com/{}", "a".repeat(3000));
        assert!(super::encode(&long).is_none());
        assert!(super::encode(&format!("www.example.com/{}", "a".repeat(80))).is_some());
    }
}
