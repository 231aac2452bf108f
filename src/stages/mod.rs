//! The stages, one repair per file.

pub mod decode;
pub mod mojibake;
pub mod unicode;
pub mod whitespace;

pub use decode::{DecodeBytes, Decoded};
pub use mojibake::FixMojibake;
pub use unicode::{Normalization, NormalizeUnicode};
pub use whitespace::NormalizeWhitespace;
