//! The page's preview: the same localised document the PDF is made from,
//! as accessible HTML (headings, lists, a `lang` on every text).

use std::fmt::Write as _;

use predeparture::compose::{Document, Item, Section, Text};

/// Escapes text for HTML content and attribute values.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A text in every language of the document, one element each.
fn text(out: &mut String, langs: &[String], tag: &str, class: &str, t: &Text) {
    for (lang, s) in langs.iter().zip(&t.text) {
        let _ = write!(
            out,
            "<{tag} class=\"{class}\" lang=\"{}\">{}</{tag}>",
            escape(lang),
            escape(s)
        );
    }
}

fn item(out: &mut String, langs: &[String], item: &Item) {
    out.push_str("<li>");
    for (i, (lang, s)) in langs.iter().zip(&item.text.text).enumerate() {
        let _ = write!(out, "<p lang=\"{}\">{}", escape(lang), escape(s));
        if let Some(r) = item.reference.as_ref().and_then(|r| r.text.get(i)) {
            let _ = write!(out, " <span class=\"ref\">{}</span>", escape(r));
        }
        out.push_str("</p>");
    }
    out.push_str("</li>");
}

fn section(out: &mut String, langs: &[String], section: &Section) {
    out.push_str("<section>");
    out.push_str("<h3>");
    for (lang, s) in langs.iter().zip(&section.heading.text) {
        let _ = write!(
            out,
            "<span class=\"line\" lang=\"{}\">{}</span>",
            escape(lang),
            escape(s)
        );
    }
    out.push_str("</h3><ul class=\"items\">");
    for i in &section.items {
        item(out, langs, i);
    }
    out.push_str("</ul></section>");
}

/// The packet's cover, contacts and acknowledgement.
fn packet(out: &mut String, langs: &[String], doc: &Document) {
    let (Some(p), Some(org)) = (&doc.packet, &doc.org) else {
        return;
    };
    out.push_str("<section class=\"cover\">");
    text(out, langs, "p", "org", &org.name);
    text(out, langs, "p", "kind", &p.kind);
    for line in &p.cover {
        text(out, langs, "p", "cover-line", line);
    }
    out.push_str("</section>");
}

fn packet_end(out: &mut String, langs: &[String], doc: &Document) {
    if let Some(org) = doc.org.as_ref().filter(|o| !o.contacts.is_empty()) {
        out.push_str("<section><h3>");
        text(out, langs, "span", "line", &org.contacts_heading);
        out.push_str("</h3><ul class=\"items\">");
        for c in &org.contacts {
            out.push_str("<li>");
            text(out, langs, "p", "contact", c);
            out.push_str("</li>");
        }
        out.push_str("</ul></section>");
    }
    let Some(ack) = &doc.acknowledgement else {
        return;
    };
    out.push_str("<section><h3>");
    text(out, langs, "span", "line", &ack.heading);
    out.push_str("</h3>");
    for fact in &ack.facts {
        text(out, langs, "p", "ack", fact);
    }
    text(out, langs, "p", "ack", &ack.statement);
    text(out, langs, "p", "ack", &ack.read);
    out.push_str("<ul class=\"fields\">");
    for f in &ack.lines {
        out.push_str("<li>");
        text(out, langs, "span", "line", &f.label);
        out.push_str("</li>");
    }
    out.push_str("</ul></section>");
}

fn sources(out: &mut String, langs: &[String], doc: &Document) {
    out.push_str("<section class=\"sources\"><h3>");
    text(out, langs, "span", "line", &doc.sources_heading);
    out.push_str("</h3><ol>");
    for s in &doc.sources {
        let _ = write!(out, "<li value=\"{}\">", s.number);
        text(out, langs, "p", "entry", &s.entry);
        if let Some(url) = &s.url {
            let _ = write!(out, "<p class=\"url\">{}</p>", escape(url));
        }
        out.push_str("</li>");
    }
    out.push_str("</ol>");
    text(out, langs, "p", "as-of", &doc.as_of);
    out.push_str("</section>");
}

/// The whole document as an HTML fragment; `pages` is the PDF's page count
/// and `line` says it in the page's language.
pub(crate) fn html(doc: &Document, pages: usize, line: &str) -> String {
    let langs = &doc.langs;
    let first = langs.first().map_or("en", String::as_str);
    let mut out = format!(
        "<article class=\"doc\" lang=\"{}\" data-pages=\"{pages}\" data-pages-line=\"{}\">",
        escape(first),
        escape(line)
    );
    packet(&mut out, langs, doc);
    out.push_str("<header><h2>");
    text(&mut out, langs, "span", "line", &doc.title);
    out.push_str("</h2>");
    text(&mut out, langs, "p", "audience", &doc.audience);
    if let Some(edition) = &doc.edition {
        text(&mut out, langs, "p", "edition", edition);
    }
    out.push_str("</header>");
    text(&mut out, langs, "p", "intro", &doc.intro);
    for s in &doc.sections {
        section(&mut out, langs, s);
    }
    if let Some(channels) = &doc.channels {
        section(&mut out, langs, channels);
    }
    if let Some(card) = &doc.card {
        out.push_str("<aside class=\"card\"><h3>");
        text(&mut out, langs, "span", "line", &card.title);
        out.push_str("</h3><ul class=\"items\">");
        for row in &card.rows {
            item(&mut out, langs, row);
        }
        out.push_str("</ul>");
        text(&mut out, langs, "p", "cut", &card.cut);
        out.push_str("</aside>");
    }
    packet_end(&mut out, langs, doc);
    sources(&mut out, langs, doc);
    out.push_str("</article>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
