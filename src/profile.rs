//! The profiles, as one table: each use of a checklist (printed handout,
//! phone PDF, onboarding packet) with everything that differs between them
//! (page, margins, what the document carries, how tick boxes and links
//! work). A new profile is one new row here.

/// Paper sizes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PageSize {
    /// ISO A4, 210 × 297 mm.
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
    /// Any size, in points.
    Custom {
        /// Width in points.
        width: f32,
        /// Height in points.
        height: f32,
    },
}

impl PageSize {
    /// Width and height in points.
    pub fn points(self) -> (f32, f32) {
        match self {
            PageSize::A4 => (595.2756, 841.8898),
            PageSize::Letter => (612.0, 792.0),
            PageSize::Custom { width, height } => (width, height),
        }
    }
}

impl std::str::FromStr for PageSize {
    type Err = String;

    /// `a4`, `letter`, or a width and height with a unit: `148x210mm`,
    /// `5.8x8.3in`, `420x595pt`, `14.8x21cm` (`×` also accepted).
    fn from_str(s: &str) -> Result<PageSize, String> {
        let lower = s.trim().to_ascii_lowercase();
        match lower.as_str() {
            "a4" => return Ok(PageSize::A4),
            "letter" => return Ok(PageSize::Letter),
            _ => {}
        }
        let bad = || {
            format!("page size `{s}`: expected a4, letter or WIDTHxHEIGHT with mm, cm, in or pt, e.g. 148x210mm")
        };
        let unit_at = lower
            .rfind(|c: char| !c.is_ascii_alphabetic())
            .map(|i| i + 1)
            .ok_or_else(bad)?;
        let (numbers, unit) = lower.split_at(unit_at);
        let scale = match unit {
            "mm" => MM,
            "cm" => 10.0 * MM,
            "in" => 72.0,
            "pt" => 1.0,
            _ => return Err(bad()),
        };
        let (w, h) = numbers.split_once(['x', '×']).ok_or_else(bad)?;
        let parse = |n: &str| n.trim().parse::<f32>().ok().filter(|v| *v > 0.0);
        let (width, height) = (
            parse(w).ok_or_else(bad)? * scale,
            parse(h).ok_or_else(bad)? * scale,
        );
        // From a phone's width to A3.
        if !(200.0..=1200.0).contains(&width) || !(200.0..=1700.0).contains(&height) {
            return Err(format!(
                "page size `{s}`: width and height must be between 71 × 71 mm and 420 × 600 mm"
            ));
        }
        Ok(PageSize::Custom { width, height })
    }
}

/// The three uses of a checklist, each with its own page design.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Profile {
    /// Printed handout: A4 or Letter, print-friendly, QR codes, wallet card.
    Handout,
    /// Phone PDF: narrow pages, large type, tap-to-dial links, form checkboxes.
    Phone,
    /// Employer onboarding packet: cover, organisation items and contacts,
    /// acknowledgement page.
    Packet,
}

/// A millimetre in points.
pub const MM: f32 = 72.0 / 25.4;

/// The phone page: 90 × 160 mm.
pub const PHONE_PAGE: PageSize = PageSize::Custom {
    width: 255.118,
    height: 453.543,
};

/// Sizes and spacing of a page design, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Design {
    /// Left and right margin.
    pub margin_x: f32,
    /// Top margin.
    pub margin_top: f32,
    /// Bottom margin (above the footer).
    pub margin_bottom: f32,
    /// Distance from the page bottom to the footer baseline.
    pub footer_baseline: f32,
    /// Space between the two language columns.
    pub gutter: f32,
    /// Room for the tick box before an item's text.
    pub indent: f32,
    /// Widest measure of a single column of running text, in ems of the
    /// body text: about 32 Chinese characters a line (clreq's 25–35);
    /// Latin text takes 0.9 of it, some 60–70 characters.
    pub measure_em: f32,
    /// Side of a printed QR code; 0 where the profile prints none.
    pub qr: f32,
    /// Side of a tick box, in ems of the body text.
    pub tick_em: f32,
    /// Space before each item.
    pub item_gap: f32,
    /// The least height of a tappable link and side of a tick box (7 mm
    /// on a phone, for a finger); 0 on paper.
    pub tap: f32,
}

/// Everything a profile decides.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProfileSpec {
    /// The name used on the command line and in file names.
    pub name: &'static str,
    /// A page of its own, whatever paper is asked for (the phone's).
    pub page: Option<PageSize>,
    /// Whether the document carries the wallet card's contacts (a cut-out
    /// card on paper, the opening block on a phone).
    pub card: bool,
    /// Whether web addresses in items get a QR code beside them.
    pub qr: bool,
    /// Whether tick boxes are form checkboxes a PDF viewer can tick, and the
    /// acknowledgement page a form to fill in.
    pub forms: bool,
    /// Whether the file opens with its outline shown.
    pub open_outline: bool,
    /// Whether the document needs an organisation, and always has its cover,
    /// own items and acknowledgement page (elsewhere they are asked for).
    pub needs_org: bool,
    /// Whether text is set in the larger sizes made for a small screen.
    pub large_type: bool,
    /// Whether the emergency contacts (the card's rows) open the document,
    /// right under its title, instead of a cut-out card at its end.
    pub contacts_first: bool,
    /// Whether each page is as tall as its content, one section a page
    /// (for scrolling on a screen), instead of the paper's height.
    pub fitted_pages: bool,
    /// Sizes and spacing.
    pub design: Design,
}

const PRINT: Design = Design {
    margin_x: 46.0,
    margin_top: 44.0,
    margin_bottom: 54.0,
    footer_baseline: 30.0,
    gutter: 16.0,
    indent: 16.0,
    measure_em: 32.0,
    qr: 46.0,
    tick_em: 0.78,
    item_gap: 2.0,
    tap: 0.0,
};

const HANDOUT: ProfileSpec = ProfileSpec {
    name: "handout",
    page: None,
    card: true,
    qr: true,
    forms: false,
    open_outline: false,
    needs_org: false,
    large_type: false,
    contacts_first: false,
    fitted_pages: false,
    design: PRINT,
};

const PHONE: ProfileSpec = ProfileSpec {
    name: "phone",
    page: Some(PHONE_PAGE),
    card: true,
    qr: false,
    forms: true,
    open_outline: true,
    needs_org: false,
    large_type: true,
    contacts_first: true,
    fitted_pages: true,
    design: Design {
        margin_x: 16.0,
        margin_top: 20.0,
        margin_bottom: 34.0,
        footer_baseline: 16.0,
        gutter: 12.0,
        indent: 28.0,
        measure_em: 32.0,
        qr: 0.0,
        tick_em: 0.9,
        item_gap: 4.0,
        tap: 7.0 * MM,
    },
};

const PACKET: ProfileSpec = ProfileSpec {
    name: "packet",
    needs_org: true,
    // Printed, or filled in a viewer and returned (`ack collect`).
    forms: true,
    ..HANDOUT
};

impl Profile {
    /// Every profile, in the order the documentation lists them.
    pub const ALL: [Profile; 3] = [Profile::Handout, Profile::Phone, Profile::Packet];

    /// What the profile decides.
    pub const fn spec(self) -> &'static ProfileSpec {
        match self {
            Profile::Handout => &HANDOUT,
            Profile::Phone => &PHONE,
            Profile::Packet => &PACKET,
        }
    }

    /// The page a document of this profile is laid out on, given the paper
    /// asked for.
    pub fn page(self, paper: PageSize) -> PageSize {
        self.spec().page.unwrap_or(paper)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_printed_profiles_have_qr_codes() {
        for p in Profile::ALL {
            let s = p.spec();
            assert_eq!(
                Profile::ALL
                    .iter()
                    .filter(|q| q.spec().name == s.name)
                    .count(),
                1
            );
            assert_eq!(s.qr, s.design.qr > 0.0, "{}", s.name);
            assert_eq!(s.page.is_some(), s.large_type, "{}", s.name);
        }
        assert_eq!(Profile::Phone.page(PageSize::A4), PHONE_PAGE);
        assert_eq!("A4".parse::<PageSize>(), Ok(PageSize::A4));
        let PageSize::Custom { width, height } = "148x210mm".parse().unwrap() else {
            panic!("custom")
        };
        assert!((width - 419.53).abs() < 0.01 && (height - 595.28).abs() < 0.01);
        assert!("8.5x11in".parse::<PageSize>().is_ok());
        assert!("148x210".parse::<PageSize>().is_err());
        assert!("10x10mm".parse::<PageSize>().is_err());
        assert_eq!(Profile::Packet.page(PageSize::Letter), PageSize::Letter);
    }
}
