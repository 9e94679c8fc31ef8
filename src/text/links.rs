//! Finds the phone numbers and web addresses in a text, for tappable links
//! and QR codes.
//!
//! A phone number is a run of digits, `+` and single hyphens with at least
//! five digits that is not part of a word (`LS12308`) or a date
//! (`2024-05-10`), written in international form (`+86-10-12308`) or with
//! a trunk prefix (`010-12308`); it links as `tel:` with digits and `+`
//! only. Bare service numbers (`12308`, `12339`) dial the right line only
//! inside China, and bare digit groups are as often postcodes (`20008`) or
//! house numbers, so neither is linked. A web
//! address is a host with a known top-level domain, optionally after a
//! scheme (`https://www.12339.gov.cn/`) and optionally with a path; it links
//! as written, or as `https:` when written without a scheme.
//!
//! A line never breaks inside a phone number, a scheme or a host; a long
//! address breaks only after `/`, `-`, `_` or `?` in its path
//! ([`Found::breaks`]).

use std::ops::Range;

/// A link found in a text: the characters it covers and its target.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Character indexes (not bytes) of the text it covers.
    pub range: Range<usize>,
    /// The text as printed.
    pub text: String,
    /// The URI: `tel:+861012308` or `https://www.12339.gov.cn`.
    pub uri: String,
}

impl Found {
    /// Whether it is a web address (not a phone number).
    pub fn is_web(&self) -> bool {
        !self.uri.starts_with("tel:")
    }

    /// Character indexes (in the searched text) inside the address before
    /// which a line may break: after `/`, `-`, `_` or `?` in the path of a
    /// web address, never in its scheme or host, never in a phone number.
    pub fn breaks(&self) -> Vec<usize> {
        if !self.is_web() {
            return Vec::new();
        }
        let chars: Vec<char> = self.text.chars().collect();
        let host_start = scheme_len(&self.text);
        let Some(path) = chars[host_start..].iter().position(|&c| c == '/') else {
            return Vec::new();
        };
        let path = host_start + path;
        (path + 1..chars.len())
            .filter(|&i| matches!(chars[i - 1], '/' | '-' | '_' | '?'))
            .map(|i| self.range.start + i)
            .collect()
    }
}

/// The length in characters of the address's scheme and `//`, if any.
fn scheme_len(token: &str) -> usize {
    ["https://", "http://"]
        .iter()
        .find(|s| {
            token
                .get(..s.len())
                .is_some_and(|t| t.eq_ignore_ascii_case(s))
        })
        .map_or(0, |s| s.len())
}

const TLDS: [&str; 12] = [
    "cn", "com", "org", "net", "gov", "int", "edu", "uk", "sg", "au", "jp", "info",
];

/// Every phone number and web address in `text`, in order.
pub fn find(text: &str) -> Vec<Found> {
    let chars: Vec<char> = text.chars().collect();
    let token_char = |c: char| {
        c.is_ascii_alphanumeric()
            || matches!(
                c,
                '+' | '-' | '.' | '/' | '_' | ':' | '%' | '?' | '=' | '&' | '#' | '~'
            )
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !token_char(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && token_char(chars[i]) {
            i += 1;
        }
        // Trailing sentence punctuation is not part of the token.
        let mut end = i;
        while end > start && matches!(chars[end - 1], '.' | ':' | '-' | '?') {
            end -= 1;
        }
        // A phone number has digits, an address a dot: most words have neither.
        if !chars[start..end]
            .iter()
            .any(|c| c.is_ascii_digit() || *c == '.')
        {
            continue;
        }
        let token: String = chars[start..end].iter().collect();
        if let Some(uri) = phone_uri(&token).or_else(|| web_uri(&token)) {
            out.push(Found {
                range: start..end,
                text: token,
                uri,
            });
        }
    }
    out
}

/// Every telephone number in `text`, as character ranges: the linked ones
/// of [`find`] and the bare service numbers (`12308`, `12339`) too, for
/// setting them in bold on the wallet card.
pub fn numbers(text: &str) -> Vec<Range<usize>> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
        let starts = (chars[i].is_ascii_digit() || chars[i] == '+')
            && (i == 0 || !word(chars[i - 1]) && chars[i - 1] != '.');
        if !starts {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < chars.len()
            && (chars[i].is_ascii_digit()
                || chars[i] == '-' && chars.get(i + 1).is_some_and(char::is_ascii_digit))
        {
            i += 1;
        }
        let token: String = chars[start..i].iter().collect();
        let next_is_word = chars
            .get(i)
            .is_some_and(|&c| word(c) || c == '.' && chars.get(i + 1).is_some_and(|&d| word(d)));
        let with_plus = if token.starts_with('+') {
            token.clone()
        } else {
            format!("+{token}")
        };
        if !next_is_word && phone_uri(&with_plus).is_some() {
            out.push(start..i);
        }
    }
    out
}

fn phone_uri(token: &str) -> Option<String> {
    let body = token.strip_prefix('+').unwrap_or(token);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    // Without a country code, only a trunk-prefixed number (010-12308) is a
    // phone number; a postcode such as 106-0046 or 20008 is not.
    let plain = token.starts_with('+') || (body.starts_with('0') && body.contains('-'));
    let shape = !body.is_empty()
        && body.chars().all(|c| c.is_ascii_digit() || c == '-')
        && !body.starts_with('-')
        && !body.contains("--");
    let parts: Vec<&str> = body.split('-').collect();
    let date =
        parts.len() == 3 && parts[0].len() == 4 && parts[1].len() <= 2 && parts[2].len() <= 2;
    if !shape || !plain || digits < 5 || date {
        return None;
    }
    let plus = if token.starts_with('+') { "+" } else { "" };
    Some(format!("tel:{plus}{}", body.replace('-', "")))
}

fn web_uri(token: &str) -> Option<String> {
    let scheme = scheme_len(token);
    let host = token[scheme..].split('/').next()?;
    let labels: Vec<&str> = host.split('.').collect();
    let tld = labels.last()?;
    let ok = labels.len() >= 2
        && TLDS.contains(tld)
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        });
    ok.then(|| {
        if scheme > 0 {
            token.to_string()
        } else {
            format!("https://{token}")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uris(text: &str) -> Vec<String> {
        find(text).into_iter().map(|f| f.uri).collect()
    }

    #[test]
    fn finds_phone_numbers_and_addresses() {
        assert_eq!(
            uris("拨打+86-10-12308或+86-10-65612308；回国后拨打12339，或登录www.12339.gov.cn。"),
            [
                "tel:+861012308",
                "tel:+861065612308",
                "https://www.12339.gov.cn"
            ]
        );
        assert_eq!(
            uris("Call 010-12308, or see cs.mfa.gov.cn."),
            ["tel:01012308", "https://cs.mfa.gov.cn"]
        );
        assert_eq!(
            uris("sg.china-embassy.gov.cn/chn/lsfw_0/zytz/202308/t20230815_11126982.htm"),
            ["https://sg.china-embassy.gov.cn/chn/lsfw_0/zytz/202308/t20230815_11126982.htm"]
        );
    }

    #[test]
    fn finds_addresses_with_a_scheme() {
        assert_eq!(
            uris("登录https://www.12339.gov.cn/举报，或http://example.com/a?b=1。"),
            ["https://www.12339.gov.cn/", "http://example.com/a?b=1"]
        );
        assert!(uris("https://nothing, ftp://x").is_empty());
    }

    #[test]
    fn addresses_break_only_in_their_path() {
        let f = &find("见https://sg.china-embassy.gov.cn/chn/lsfw_0/a-b.htm?x")[0];
        let text: Vec<char> = "见https://sg.china-embassy.gov.cn/chn/lsfw_0/a-b.htm?x"
            .chars()
            .collect();
        let after: String = f.breaks().iter().map(|&i| text[i - 1]).collect();
        assert_eq!(after, "//_/-?");
        assert!(find("www.12339.gov.cn")[0].breaks().is_empty());
        assert!(find("+86-10-12308")[0].breaks().is_empty());
    }

    #[test]
    fn ignores_ids_dates_years_and_abbreviations() {
        assert!(uris("WeChat ID LS12308, 2024-05-10, in 2026, e.g. U.S. Wi-Fi 11.6%, Tokyo 106-0046, 1234567").is_empty());
        // Postcodes and bare service numbers are not dialled from abroad.
        assert!(uris("Washington, DC 20008; 75007 Paris; call 12308 in China; 0123456").is_empty());
    }

    #[test]
    fn numbers_include_service_numbers_but_not_dates_or_ids() {
        let text = "拨打12308或+86-10-12308，2024-05-10，LS12308，www.12339.gov.cn，12339";
        let found: Vec<String> = numbers(text)
            .into_iter()
            .map(|r| text.chars().skip(r.start).take(r.len()).collect())
            .collect();
        assert_eq!(found, ["12308", "+86-10-12308", "12339"]);
    }

    #[test]
    fn ranges_are_in_characters() {
        let f = &find("热线+86-10-12308")[0];
        assert_eq!((f.range.clone(), f.text.as_str()), (2..14, "+86-10-12308"));
    }
}
