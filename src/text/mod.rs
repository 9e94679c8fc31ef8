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
    fn controls_are_stripped() {
        assert_eq!(strip_controls("a\u{202E}b\u{200B}c\u{7}\n"), "abc\n");
    }
}
