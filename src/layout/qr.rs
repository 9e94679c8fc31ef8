//! QR codes as module matrices (the `qrcode` crate), drawn as vector squares.

use qrcode::{Color, EcLevel, QrCode};

/// A QR code: `width` × `width` modules, row by row, `true` for dark.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Matrix {
    /// Modules per side (without the quiet zone).
    pub width: usize,
    /// Dark modules, row by row.
    pub dark: Vec<bool>,
}

/// The QR code of `text` at error-correction level L: short addresses stay at version 1 (21 modules), so each module prints large.
pub fn encode(text: &str) -> Matrix {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L)
        .expect("short texts always fit a QR code");
    Matrix {
        width: code.width(),
        dark: code
            .to_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn encodes_an_address() {
        let m = super::encode("www.12339.gov.cn");
        assert_eq!(m.width, 21);
        assert_eq!(m.dark.len(), 21 * 21);
        // The finder pattern's corner.
        assert!(m.dark[0] && m.dark[6] && !m.dark[7]);
    }
}
