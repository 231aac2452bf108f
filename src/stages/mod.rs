//! The stages, one repair per file.

pub mod apostrophes;
pub mod boilerplate;
pub mod decode;
pub mod markup;
pub mod mojibake;
pub mod unicode;
pub mod unwrap;
pub mod whitespace;

pub use apostrophes::{ApostropheStyle, RestoreApostrophes};
pub use boilerplate::StripBoilerplate;
pub use decode::{DecodeBytes, Decoded};
pub use markup::StripMarkup;
pub use mojibake::FixMojibake;
pub use unicode::{Normalization, NormalizeUnicode};
pub use unwrap::JoinWrappedLines;
pub use whitespace::NormalizeWhitespace;
