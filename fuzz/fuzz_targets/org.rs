//! The organisation file parser on arbitrary bytes (UTF-8 decoding, a BOM,
//! TOML, text cleaning, phone checks). Nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use predeparture::model::{Org, TextFile};

fuzz_target!(|data: &[u8]| {
    if let Ok(file) = TextFile::decode("org.toml".into(), data.to_vec()) {
        if let Ok(org) = Org::parse(&file) {
            for lang in ["en", "zh-CN", "zh-TW"] {
                let _ = org.name.get(lang);
            }
        }
    }
});
