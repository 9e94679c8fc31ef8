//! A whole packet with an arbitrary name: the fuzzer's bytes, as UTF-8,
//! become the employee's name, which the layout sets on the cover and the
//! acknowledgement page and the PDF stage draws from the shared font subset
//! or a personal one, in a file the PDF module writes itself. Nothing may
//! panic (a character no font has is an error), and what is written must
//! read back as intact.
#![no_main]

use libfuzzer_sys::fuzz_target;
use predeparture::ack;

mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(name) = std::str::from_utf8(data) else {
        return;
    };
    let (renderer, org) = common::setup();
    let Ok(pdf) = renderer.render_pdf(&common::packet(org, name)) else {
        return;
    };
    let returned = ack::read(&pdf.bytes);
    assert_eq!(returned.status, ack::Status::Intact, "{name:?}");
    assert!(pdf.pages > 2);
});
