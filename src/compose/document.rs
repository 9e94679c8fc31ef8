//! The localised document's types: plain data in print order, one string
//! per language.

/// A text in every language of the document.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Text {
    /// The Fluent message id.
    pub id: String,
    /// The text, one entry per language of the document.
    pub text: Vec<String>,
}

/// A localised checklist, ready for layout.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Document {
    /// The checklist id.
    pub checklist: String,
    /// Language tags, in print order.
    pub langs: Vec<String>,
    /// Document title.
    pub title: Text,
    /// Who the document is for.
    pub audience: Text,
    /// The line naming the roles selected (`--role`), if any.
    pub edition: Option<Text>,
    /// Opening paragraph.
    pub intro: Text,
    /// Sections in print order (items not selected by role left out).
    pub sections: Vec<Section>,
    /// Where to get help and report: the destination's missions, the
    /// consular hotline and the channels for after return.
    pub channels: Option<Section>,
    /// Heading of the sources list.
    pub sources_heading: Text,
    /// Sources cited, numbered in order of first citation.
    pub sources: Vec<Source>,
    /// The "as of" line.
    pub as_of: Text,
    /// The cut-out wallet card, for printed handouts.
    pub card: Option<Card>,
    /// Cover, organisation contacts and acknowledgement, for packets.
    pub packet: Option<Packet>,
}

/// The cut-out wallet card.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Card {
    /// Its heading.
    pub title: Text,
    /// Its rows, each with its source reference.
    pub rows: Vec<Item>,
    /// The instruction printed above the cut line.
    pub cut: Text,
}

/// The parts of an onboarding packet besides the checklist.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Packet {
    /// The organisation's name.
    pub org: Text,
    /// The packet's kind, printed on the cover above the checklist title.
    pub kind: Text,
    /// Cover lines: employee, destination, departure, date.
    pub cover: Vec<Text>,
    /// Heading of the organisation's contacts.
    pub contacts_heading: Text,
    /// One line per contact.
    pub contacts: Vec<Text>,
    /// Heading of the acknowledgement page.
    pub ack_heading: Text,
    /// What the employee confirms.
    pub ack_statement: Text,
    /// Labels of the lines to fill in: printed name, signature, date.
    pub ack_fields: Vec<Text>,
    /// The employee's name, printed on the name line when known.
    pub name: Option<String>,
    /// The organisation's logo, if any, decoded when its file was loaded.
    /// Exports show its size only, never pixels or a path.
    pub logo: Option<std::sync::Arc<crate::model::image::Image>>,
}

/// A section of the document.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Section {
    /// The section heading.
    pub heading: Text,
    /// Its items.
    pub items: Vec<Item>,
}

/// One checklist item.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Item {
    /// What to do.
    pub text: Text,
    /// The source reference printed after the text, e.g. `[1, 3]`; none
    /// for the organisation's own items.
    pub reference: Option<Text>,
    /// Numbers (1-based) of the sources cited.
    pub sources: Vec<usize>,
}

/// An entry of the sources list.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Source {
    /// Its number in the list, from 1.
    pub number: usize,
    /// The source id.
    pub id: String,
    /// Title and date.
    pub entry: Text,
    /// Where to read it, when known.
    pub url: Option<String>,
}
