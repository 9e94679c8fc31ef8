//! What the packet targets share: one renderer and organisation for every
//! run, and the packet request for a fuzzed name.

use std::sync::OnceLock;

use predeparture::model::{Date, Org, TextFile};
use predeparture::profile::Profile;
use predeparture::{PacketRequest, Renderer, Request};

/// The bundled renderer and a small organisation, made once.
pub fn setup() -> &'static (Renderer, Org) {
    static SETUP: OnceLock<(Renderer, Org)> = OnceLock::new();
    SETUP.get_or_init(|| {
        let org = TextFile {
            path: "org.toml".into(),
            text: "name = { en = \"Example Co.\", zh-CN = \"示例公司\" }\n".into(),
        };
        (
            Renderer::bundled().expect("bundled catalog"),
            Org::parse(&org).expect("organisation"),
        )
    })
}

/// A bilingual short-trip packet for `name`.
pub fn packet(org: &Org, name: &str) -> Request {
    let mut request = Request::handout("short-trip", &["zh-CN", "en"]);
    request.profile = Profile::Packet;
    request.org = Some(org.clone());
    request.timestamp = Some(0);
    request.packet = Some(PacketRequest {
        name: Some(name.to_string()),
        departure: None,
        date: Date {
            year: 2026,
            month: 12,
            day: 1,
        },
    });
    request
}
