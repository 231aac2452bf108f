//! The stages, one repair per file.

mod decode;
mod mojibake;
mod unicode;
mod whitespace;

pub use decode::{DecodeBytes, Decoded};
pub use mojibake::FixMojibake;
pub use unicode::{Normalization, NormalizeUnicode};
pub use whitespace::NormalizeWhitespace;
