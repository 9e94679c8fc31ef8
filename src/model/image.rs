//! Raster images (the organisation's logo), decoded once when the file that
//! names them is loaded and shared from then on.

use std::fmt;
use std::sync::Arc;

/// How the bytes of an [`Image`] are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum PixelFormat {
    /// 3 bytes per pixel: red, green, blue.
    Rgb8,
    /// 4 bytes per pixel: red, green, blue, alpha.
    Rgba8,
}

impl PixelFormat {
    /// Bytes per pixel.
    pub fn channels(self) -> usize {
        match self {
            PixelFormat::Rgb8 => 3,
            PixelFormat::Rgba8 => 4,
        }
    }
}

/// A decoded image, 8 bits per channel, rows top to bottom.
///
/// The pixels are shared: cloning an image or the document that holds it
/// copies no pixel.
#[derive(Clone, PartialEq, Eq)]
pub struct Image {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The layout of [`Image::pixels`].
    pub format: PixelFormat,
    /// Pixels, row by row.
    pub pixels: Arc<[u8]>,
}

impl fmt::Debug for Image {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Image({}×{} {:?})", self.width, self.height, self.format)
    }
}

/// Serialised as its size and format only: exports carry no pixels.
impl serde::Serialize for Image {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut s = serializer.serialize_struct("Image", 3)?;
        s.serialize_field("width", &self.width)?;
        s.serialize_field("height", &self.height)?;
        s.serialize_field("format", &self.format)?;
        s.end()
    }
}

/// Why an image cannot be used. Each message is one line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImageError {
    /// The bytes are neither a PNG nor a JPEG image.
    #[error("not a PNG or JPEG image")]
    UnknownFormat,
    /// The image is damaged or uses a feature that is not supported.
    #[error("damaged or unsupported {format} image: {reason}")]
    Malformed {
        /// `PNG` or `JPEG`.
        format: &'static str,
        /// What the decoder said, on one line.
        reason: String,
    },
    /// The image is empty or larger than allowed, as its header states.
    #[error("{width}×{height} pixels: use an image of 1 to {MAX_SIDE} pixels on each side")]
    TooLarge {
        /// Width in pixels, as the file states it.
        width: u64,
        /// Height in pixels, as the file states it.
        height: u64,
    },
}

/// The largest width or height accepted, in pixels.
pub const MAX_SIDE: u32 = 4096;

/// The most bytes a decoder may allocate: a [`MAX_SIDE`]-square RGBA image
/// (64 MiB) and some working room.
pub const MAX_BYTES: usize = MAX_SIDE as usize * MAX_SIDE as usize * 4 + (1 << 20);

const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";
const JPEG_MAGIC: &[u8] = &[0xFF, 0xD8, 0xFF];

impl Image {
    /// Decodes a PNG or JPEG image. The size the header states is checked
    /// before any pixel memory is allocated.
    pub fn decode(bytes: &[u8]) -> Result<Image, ImageError> {
        if bytes.starts_with(PNG_MAGIC) {
            decode_png(bytes)
        } else if bytes.starts_with(JPEG_MAGIC) {
            decode_jpeg(bytes)
        } else {
            Err(ImageError::UnknownFormat)
        }
    }

    /// The number of bytes the pixels of an image this size take.
    fn check_size(width: u64, height: u64, format: PixelFormat) -> Result<usize, ImageError> {
        let max = u64::from(MAX_SIDE);
        if width == 0 || height == 0 || width > max || height > max {
            return Err(ImageError::TooLarge { width, height });
        }
        Ok((width * height) as usize * format.channels())
    }
}

fn decode_png(bytes: &[u8]) -> Result<Image, ImageError> {
    // The size is the first thing after the signature (IHDR comes first):
    // check it before the decoder allocates anything.
    if let (Some(b"IHDR"), Some(w), Some(h)) =
        (bytes.get(12..16), bytes.get(16..20), bytes.get(20..24))
    {
        let be = |b: &[u8]| u64::from(u32::from_be_bytes([b[0], b[1], b[2], b[3]]));
        Image::check_size(be(w), be(h), PixelFormat::Rgba8)?;
    }
    let malformed = |e: png::DecodingError| ImageError::Malformed {
        format: "PNG",
        reason: png_reason(&e),
    };
    let mut decoder = png::Decoder::new_with_limits(bytes, png::Limits { bytes: MAX_BYTES });
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(malformed)?;
    let (width, height) = reader.info().size();
    Image::check_size(width.into(), height.into(), PixelFormat::Rgba8)?;
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).map_err(malformed)?;
    buf.truncate(info.buffer_size());
    let (format, pixels): (PixelFormat, Vec<u8>) = match info.color_type {
        png::ColorType::Rgba => (PixelFormat::Rgba8, buf),
        png::ColorType::Rgb => (PixelFormat::Rgb8, buf),
        png::ColorType::GrayscaleAlpha => (
            PixelFormat::Rgba8,
            buf.chunks_exact(2)
                .flat_map(|p| [p[0], p[0], p[0], p[1]])
                .collect(),
        ),
        png::ColorType::Grayscale => (
            PixelFormat::Rgb8,
            buf.iter().flat_map(|&g| [g, g, g]).collect(),
        ),
        png::ColorType::Indexed => {
            return Err(ImageError::Malformed {
                format: "PNG",
                reason: "palette not expanded".into(),
            })
        }
    };
    Ok(Image {
        width,
        height,
        format,
        pixels: pixels.into(),
    })
}

/// The png crate's message on one line, with chunk names instead of its
/// `ChunkType { type: IDAT, critical: … }` debug output.
fn png_reason(e: &png::DecodingError) -> String {
    match e {
        png::DecodingError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            return "the file ends too early".into();
        }
        png::DecodingError::LimitsExceeded => {
            return format!("decoding needs more than {} MiB", MAX_BYTES >> 20);
        }
        _ => {}
    }
    let mut text = e.to_string();
    while let Some(start) = text.find("ChunkType { type: ") {
        let rest = &text[start + "ChunkType { type: ".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let end = rest
            .find('}')
            .map_or(text.len(), |i| start + "ChunkType { type: ".len() + i + 1);
        text.replace_range(start..end, &name);
    }
    one_line(&text)
}

fn decode_jpeg(bytes: &[u8]) -> Result<Image, ImageError> {
    use zune_jpeg::zune_core::{
        bytestream::ZCursor, colorspace::ColorSpace, options::DecoderOptions,
    };
    let malformed = |e: zune_jpeg::errors::DecodeErrors| ImageError::Malformed {
        format: "JPEG",
        reason: one_line(&e.to_string()),
    };
    let options = DecoderOptions::default()
        .set_strict_mode(true)
        .jpeg_set_out_colorspace(ColorSpace::RGB);
    let mut decoder = zune_jpeg::JpegDecoder::new_with_options(ZCursor::new(bytes), options);
    decoder.decode_headers().map_err(malformed)?;
    let (width, height) = decoder.dimensions().unwrap_or((0, 0));
    let size = Image::check_size(width as u64, height as u64, PixelFormat::Rgb8)?;
    let pixels = decoder.decode().map_err(malformed)?;
    if pixels.len() != size {
        return Err(ImageError::Malformed {
            format: "JPEG",
            reason: format!("{} bytes of pixels for {width}×{height}", pixels.len()),
        });
    }
    Ok(Image {
        width: width as u32,
        height: height as u32,
        format: PixelFormat::Rgb8,
        pixels: pixels.into(),
    })
}

/// `text` without line breaks or the quotes of a debug-formatted string.
fn one_line(text: &str) -> String {
    let text = text.trim().trim_matches('"');
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        let mut out = (data.len() as u32).to_be_bytes().to_vec();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&crc.sum().to_be_bytes());
        out
    }

    fn png(width: u32, height: u32, color: png::ColorType, pixels: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut enc = png::Encoder::new(&mut out, width, height);
        enc.set_color(color);
        enc.write_header()
            .unwrap()
            .write_image_data(pixels)
            .unwrap();
        out
    }

    #[test]
    fn a_header_claiming_a_huge_image_fails_before_allocating() {
        // Signature, a valid IHDR of 2,000,000,000 × 2,000,000,000 RGBA
        // pixels, and the start of an IDAT chunk: 41 bytes.
        let mut ihdr = 2_000_000_000u32.to_be_bytes().to_vec();
        ihdr.extend_from_slice(&2_000_000_000u32.to_be_bytes());
        ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
        let mut bytes = PNG_MAGIC.to_vec();
        bytes.extend(chunk(b"IHDR", &ihdr));
        bytes.extend_from_slice(&[0, 0, 0, 10, b'I', b'D', b'A', b'T']);
        assert_eq!(bytes.len(), 41);
        let e = Image::decode(&bytes).unwrap_err();
        assert_eq!(
            e,
            ImageError::TooLarge {
                width: 2_000_000_000,
                height: 2_000_000_000
            }
        );
        assert_eq!(
            e.to_string(),
            "2000000000×2000000000 pixels: use an image of 1 to 4096 pixels on each side"
        );
        let wide = png(4097, 1, png::ColorType::Grayscale, &[0; 4097]);
        assert!(matches!(
            Image::decode(&wide),
            Err(ImageError::TooLarge { width: 4097, .. })
        ));
    }

    #[test]
    fn damaged_pngs_are_one_line_errors() {
        let good = png(3, 2, png::ColorType::Rgb, &[9; 18]);
        let cut = &good[..good.len() - 20];
        let e = Image::decode(cut).unwrap_err().to_string();
        assert!(e.starts_with("damaged or unsupported PNG image: "), "{e}");
        let mut bad_crc = good.clone();
        let at = bad_crc.len() - 20;
        bad_crc[at] ^= 0xFF;
        for bytes in [cut, &bad_crc[..]] {
            let e = Image::decode(bytes).unwrap_err().to_string();
            assert!(
                !e.contains('\n') && !e.contains("ChunkType") && !e.contains('{'),
                "{e}"
            );
        }
        assert_eq!(
            Image::decode(b"GIF89a").unwrap_err(),
            ImageError::UnknownFormat
        );
    }

    #[test]
    fn pngs_keep_alpha_only_when_they_have_it() {
        let rgb = Image::decode(&png(3, 2, png::ColorType::Rgb, &[9; 18])).unwrap();
        assert_eq!((rgb.format, rgb.pixels.len()), (PixelFormat::Rgb8, 18));
        let ga = Image::decode(&png(1, 1, png::ColorType::GrayscaleAlpha, &[7, 100])).unwrap();
        assert_eq!(
            (ga.format, &ga.pixels[..]),
            (PixelFormat::Rgba8, &[7, 7, 7, 100][..])
        );
    }

    #[test]
    fn decodes_a_jpeg() {
        let bytes = include_bytes!("../../tests/fixtures/images/logo.jpg");
        let image = Image::decode(bytes).unwrap();
        assert_eq!((image.width, image.height), (6, 4));
        assert_eq!((image.format, image.pixels.len()), (PixelFormat::Rgb8, 72));
        // Reddish at the top, bluish at the bottom.
        assert!(image.pixels[0] > image.pixels[2]);
        assert!(image.pixels[71] > image.pixels[69]);
        let e = Image::decode(&bytes[..bytes.len() / 2])
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("damaged or unsupported JPEG image: ") && !e.contains('\n'),
            "{e}"
        );
    }
}
