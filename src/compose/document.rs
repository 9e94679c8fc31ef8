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
    /// The organisation the document is made for: its name and logo head
    /// the document (or its cover), its contacts follow the channels.
    pub org: Option<OrgPart>,
    /// The cover, for packets.
    pub packet: Option<Packet>,
    /// The acknowledgement page, for packets and where asked for.
    pub acknowledgement: Option<Acknowledgement>,
}

/// The cut-out wallet card.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Card {
    /// Its heading.
    pub title: Text,
    /// Its rows, each with its source reference; the organisation's
    /// contacts last.
    pub rows: Vec<Item>,
    /// The instruction printed above the cut line.
    pub cut: Text,
    /// The organisation's logo, printed small in a corner of each panel,
    /// and its name (the logo's alternative text). Exports show the logo's
    /// size only.
    pub logo: Option<(std::sync::Arc<crate::model::image::Image>, Text)>,
}

/// The organisation a document is made for.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct OrgPart {
    /// The organisation's name.
    pub name: Text,
    /// Its logo, if any, decoded when its file was loaded. Exports show its
    /// size only, never pixels or a path.
    pub logo: Option<std::sync::Arc<crate::model::image::Image>>,
    /// Heading of the organisation's contacts.
    pub contacts_heading: Text,
    /// One line per contact, the security officer first.
    pub contacts: Vec<Text>,
}

/// The cover of an onboarding packet.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Packet {
    /// The packet's kind, printed on the cover above the checklist title.
    pub kind: Text,
    /// Cover lines: employee, destination, departure, date.
    pub cover: Vec<Text>,
}

/// The acknowledgement page: what was received, the statement, the box to
/// tick and the lines to fill in and sign.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Acknowledgement {
    /// Its heading.
    pub heading: Text,
    /// The checklist and its edition date, the destination, the departure.
    pub facts: Vec<Text>,
    /// What the employee confirms.
    pub statement: Text,
    /// The "I have read and understood" box's label.
    pub read: Text,
    /// The form field name of that box (used where the profile has forms).
    pub read_field: String,
    /// The lines to fill in or sign, in order.
    pub lines: Vec<AckLine>,
    /// The employee's name, when the document was made for someone.
    pub name: Option<String>,
}

/// A line of the acknowledgement page.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AckLine {
    /// Its label.
    pub label: Text,
    /// What is printed on it, when known (the employee's name).
    pub value: Option<String>,
    /// The name of the text field over it, where the profile has forms and
    /// the line is filled in rather than signed by hand.
    pub field: Option<String>,
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
