//! The roster reader on arbitrary bytes: encoding detection (BOM, UTF-8,
//! UTF-16, GB 18030), CSV, headers in English or Chinese, dates as people
//! type them, every row turned into a request and a file name. Nothing may
//! panic, and file names stay path-safe.
#![no_main]

use libfuzzer_sys::fuzz_target;
use predeparture::roster::{decode, Encoding, Roster};
use predeparture::Request;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = decode(data, Encoding::Auto) else {
        return;
    };
    let Ok(roster) = Roster::parse_csv(&text, "roster.csv") else {
        return;
    };
    let base = Request::handout("overseas-staff", &["zh-CN", "en"]);
    for row in &roster.rows {
        let _ = roster.request(row, &base);
        let name = roster.file_name(row, "overseas-staff");
        assert!(!name.contains('/') && !name.contains('\0') && name.len() <= 255, "{name:?}");
    }
});
