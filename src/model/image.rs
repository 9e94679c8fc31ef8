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
    /// The bytes are not an image of a supported kind, or are damaged.
    #[error("not a usable PNG image: {0}")]
    Malformed(String),
    /// The image is empty or larger than allowed.
    #[error("{width}×{height} pixels: use an image up to {MAX_SIDE} pixels on each side")]
    TooLarge {
        /// Width in pixels, as the file states it.
        width: u32,
        /// Height in pixels, as the file states it.
        height: u32,
    },
}

/// The largest width or height accepted, in pixels.
pub const MAX_SIDE: u32 = 4096;

impl Image {
    /// Decodes a PNG image.
    pub fn decode(bytes: &[u8]) -> Result<Image, ImageError> {
        let malformed = |e: png::DecodingError| ImageError::Malformed(e.to_string());
        let mut decoder = png::Decoder::new(bytes);
        decoder.set_transformations(png::Transformations::normalize_to_color8());
        let mut reader = decoder.read_info().map_err(malformed)?;
        let mut buf = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut buf).map_err(malformed)?;
        buf.truncate(info.buffer_size());
        let (width, height) = (info.width, info.height);
        if width == 0 || height == 0 || width > MAX_SIDE || height > MAX_SIDE {
            return Err(ImageError::TooLarge { width, height });
        }
        let rgba: Vec<u8> = match info.color_type {
            png::ColorType::Rgba => buf,
            png::ColorType::Rgb => buf
                .chunks(3)
                .flat_map(|p| [p[0], p[1], p[2], 255])
                .collect(),
            png::ColorType::GrayscaleAlpha => buf
                .chunks(2)
                .flat_map(|p| [p[0], p[0], p[0], p[1]])
                .collect(),
            png::ColorType::Grayscale => buf.iter().flat_map(|&g| [g, g, g, 255]).collect(),
            png::ColorType::Indexed => {
                return Err(ImageError::Malformed("unsupported palette image".into()))
            }
        };
        Ok(Image {
            width,
            height,
            format: PixelFormat::Rgba8,
            pixels: rgba.into(),
        })
    }
}
