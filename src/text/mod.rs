//! Character rules shared by every stage that handles text: which
//! characters are Han, which marks open and close, where the quarter-em
//! Han–Latin gap goes, which characters never reach the output, and (in
//! [`links`]) where a text holds a phone number or a web address.
//!
//! The layout and the text exports both use these, so the PDF and the
//! plain-text preview can never disagree about them.

pub mod links;

/// Han ideographs (not punctuation): the URO, Extension A, the
/// compatibility block and the supplementary planes (Extensions B–H).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

/// Letters, digits and the signs that go with numbers: they take a gap next to Han.
pub fn is_latin_alnum(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '+' | '#' | '$' | '%' | '&' | '@')
        || matches!(c, '\u{C0}'..='\u{24F}' if c.is_alphabetic())
        || matches!(c, '\u{370}'..='\u{3FF}' | '\u{400}'..='\u{4FF}')
}

/// Whether a quarter-em gap separates `prev` and `next` in Chinese text
/// (clreq §3.2.1: between Han and Western letters or digits).
pub fn needs_gap(prev: char, next: char) -> bool {
    (is_han(prev) && is_latin_alnum(next)) || (is_latin_alnum(prev) && is_han(next))
}

/// Full-width punctuation whose ink sits in the left half (GB style): the
/// right half may be removed.
pub fn is_closing_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '．'
            | '）'
            | '］'
            | '｝'
            | '〕'
            | '〉'
            | '》'
            | '」'
            | '』'
            | '】'
            | '〗'
            | '”'
            | '’'
    )
}

/// Full-width opening brackets and quotes: the left half may be removed.
pub fn is_opening_punct(c: char) -> bool {
    matches!(
        c,
        '（' | '［' | '｛' | '〔' | '〈' | '《' | '「' | '『' | '【' | '〖' | '“' | '‘'
    )
}

/// Removes bidirectional controls and other invisible format characters
/// that no font draws.
pub fn strip_controls(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            !matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
                && (!c.is_control() || c == '\n')
        })
        .collect()
}

/// Why a user-supplied field was refused by [`clean`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CleanError {
    /// Nothing but spaces, or nothing at all.
    #[error("is empty")]
    Empty,
    /// Only characters that print nothing (format, control or
    /// default-ignorable characters, separators).
    #[error("holds only invisible characters")]
    Invisible,
}

/// Whether `c` prints nothing and must never reach the output: controls
/// (other than the line breaks [`clean`] turns into spaces), format and
/// bidirectional controls, zero-width characters, the soft hyphen, variation
/// selectors and the other default-ignorable code points.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'..='\u{1160}'
                | '\u{17B4}'..='\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFF8}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// Whether `c` breaks a line: it becomes a space in a one-line field.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\t' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Cleans one user-supplied field (a name, an organisation text, a roster
/// cell): normalised to NFC (decomposed input, as macOS produces, becomes
/// the precomposed form the fonts map), every invisible character removed
/// (see [`is_invisible`]), line and paragraph breaks turned into spaces, and
/// spaces at both ends trimmed. A field left empty is refused.
pub fn clean(field: &str) -> Result<String, CleanError> {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(field.len());
    let mut dropped = false;
    for c in field.nfc() {
        if is_line_break(c) {
            out.push(' ');
        } else if is_invisible(c) {
            dropped = true;
        } else {
            out.push(c);
        }
    }
    let trimmed = out.trim();
    match (trimmed.is_empty(), dropped) {
        (false, _) => Ok(trimmed.to_string()),
        (true, true) => Err(CleanError::Invisible),
        (true, false) => Err(CleanError::Empty),
    }
}

/// The text with a space wherever the PDF sets the Han–Latin gap, for
/// plain-text output (the translations have none).
pub fn spaced(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if prev.is_some_and(|p| needs_gap(p, c)) {
            out.push(' ');
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gap_between_han_and_latin_only() {
        assert_eq!(spaced("拨打12308或+86"), "拨打 12308 或 +86");
        assert_eq!(spaced("使用Wi-Fi时"), "使用 Wi-Fi 时");
        assert_eq!(spaced("约5%的"), "约 5% 的");
        assert_eq!(spaced("中文，English"), "中文，English");
        assert!(needs_gap('𠀀', 'a'));
    }

    #[test]
    fn clean_normalises_and_removes_invisible_characters() {
        assert_eq!(clean("  Wang\u{00AD}Fang\u{206A} ").unwrap(), "WangFang");
        assert_eq!(clean("Zhang\u{2028}San").unwrap(), "Zhang San");
        assert_eq!(clean("a\u{202E}b\u{200B}c\u{7}\u{FEFF}").unwrap(), "abc");
        // Decomposed é (e + U+0301) becomes the precomposed U+00E9.
        assert_eq!(clean("Rene\u{301}e").unwrap(), "Ren\u{E9}e");
        assert_eq!(clean("张三").unwrap(), "张三");
    }

    #[test]
    fn clean_refuses_empty_fields() {
        assert_eq!(clean(""), Err(CleanError::Empty));
        assert_eq!(clean(" \n "), Err(CleanError::Empty));
        assert_eq!(
            clean("\u{200B}\u{2060}\u{00AD}"),
            Err(CleanError::Invisible)
        );
    }

    #[test]
    fn controls_are_stripped() {
        assert_eq!(strip_controls("a\u{202E}b\u{200B}c\u{7}\n"), "abc\n");
    }
}
