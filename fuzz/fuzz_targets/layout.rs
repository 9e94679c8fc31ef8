//! The layout of arbitrary text: the fuzzer's bytes, as UTF-8, become the
//! employee's name on a bilingual packet, which the layout measures, breaks
//! and places on the cover and the acknowledgement page. Nothing may panic:
//! a character no font has is an error.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(name) = std::str::from_utf8(data) else {
        return;
    };
    let (renderer, org) = common::setup();
    let _ = renderer.layout(&common::packet(org, name));
});
