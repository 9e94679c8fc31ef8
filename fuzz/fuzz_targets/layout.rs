//! The layout of arbitrary text: the fuzzer's bytes, as UTF-8, become the
//! employee's name on a bilingual packet, which the layout measures, breaks
//! and places on the cover and the acknowledgement page. Nothing may panic:
//! a character no font has is an error.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use predeparture::model::{Date, Org, TextFile};
use predeparture::profile::Profile;
use predeparture::{PacketRequest, Renderer, Request};

fn setup() -> &'static (Renderer, Org) {
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

fuzz_target!(|data: &[u8]| {
    let Ok(name) = std::str::from_utf8(data) else {
        return;
    };
    let (renderer, org) = setup();
    let mut request = Request::handout("short-trip", &["zh-CN", "en"]);
    request.profile = Profile::Packet;
    request.org = Some(org.clone());
    request.packet = Some(PacketRequest {
        name: Some(name.to_string()),
        departure: None,
        date: Date {
            year: 2026,
            month: 12,
            day: 1,
        },
    });
    let _ = renderer.layout(&request);
});
