//! Logo decoding on arbitrary bytes (PNG and JPEG): sizes are checked
//! from the header before any allocation, so nothing may panic, abort or
//! allocate past the caps.
#![no_main]

use libfuzzer_sys::fuzz_target;
use predeparture::model::image::{Image, MAX_BYTES, MAX_SIDE};

fuzz_target!(|data: &[u8]| {
    if let Ok(image) = Image::decode(data) {
        assert!(image.width >= 1 && image.width <= MAX_SIDE);
        assert!(image.height >= 1 && image.height <= MAX_SIDE);
        assert!(image.pixels.len() <= MAX_BYTES);
    }
});
