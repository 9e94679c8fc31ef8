//! A whole packet with an arbitrary name: the fuzzer's bytes, as UTF-8,
//! become the employee's name, which the layout sets on the cover and the
//! acknowledgement page and the PDF stage draws from the shared font subset
//! or a personal one, in a file the PDF module writes itself. Nothing may
//! panic (a character no font has is an error), and what is written must
//! read back as intact, with the name it printed.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use predeparture::model::{Date, Org, TextFile};
use predeparture::profile::Profile;
use predeparture::{ack, PacketRequest, Renderer, Request};

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
    let Ok(pdf) = renderer.render_pdf(&request) else {
        return;
    };
    let returned = ack::read(&pdf.bytes);
    assert_eq!(returned.status, ack::Status::Intact, "{name:?}");
    assert!(pdf.pages > 2);
});
