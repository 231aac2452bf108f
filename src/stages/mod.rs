//! The stages, one repair per file.

mod decode;
mod whitespace;

pub use decode::{DecodeBytes, Decoded};
pub use whitespace::NormalizeWhitespace;
