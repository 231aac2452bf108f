//! textmend repairs article text before analysis: text that has been through scrapers, exports
//! and format conversions, and arrives with bytes in a legacy encoding, stray white space,
//! boilerplate headers and footers, broken lines and dropped apostrophes.
//!
//! It is a [`Pipeline`] of small [`Stage`]s, each with one job, each precise enough to run on text
//! that is already clean without harming it: clean text comes out byte for byte the same, and
//! borrowed, not copied. Every change is an [`Edit`] in a log that speaks of byte ranges of the
//! original input, so it can be explained, and [replayed](edit::replay).
//!
//! # Example
//!
//! ```
//! let cleaned = textmend::clean("Spaces   everywhere.  \n\n\n\nAnd blank lines.");
//! assert_eq!(cleaned.text, "Spaces everywhere.\n\nAnd blank lines.\n");
//! for edit in &cleaned.edits {
//!     println!("{}..{} {:?} -> {:?} ({})", edit.start, edit.end, edit.before, edit.after, edit.reason);
//! }
//! assert_eq!(textmend::edit::replay("Spaces   everywhere.  \n\n\n\nAnd blank lines.", &cleaned.edits).unwrap(), cleaned.text);
//!
//! // Clean text is returned as it is, borrowed:
//! let clean = "Already clean.\n";
//! assert!(matches!(textmend::clean(clean).text, std::borrow::Cow::Borrowed(_)));
//! ```
//!
//! Bytes are decoded first, from whatever encoding they are in:
//!
//! ```
//! let cleaned = textmend::clean_bytes(b"Caf\xE9 cr\xE8me  \n");
//! assert_eq!(cleaned.text, "Café crème\n");
//! assert_eq!(cleaned.meta.encoding.as_deref(), Some("windows-1252"));
//! ```
//!
//! # Pipelines
//!
//! [`clean`] and [`clean_bytes`] run the `news` preset. Other pipelines come from a preset name,
//! a list of stage names, a TOML or JSON [config], or a [builder](Pipeline::builder):
//!
//! ```
//! use textmend::{Pipeline, PipelineConfig};
//!
//! let config = PipelineConfig::from_toml(r#"
//!     [[stages]]
//!     name = "decode"
//!     encoding = "windows-1254"
//!
//!     [[stages]]
//!     name = "whitespace"
//!     max_blank_lines = 2
//! "#).unwrap();
//! let pipeline = Pipeline::from_config(&config).unwrap();
//! let cleaned = pipeline.clean_bytes(b"\xDDstanbul\n");
//! assert_eq!(cleaned.text, "İstanbul\n");
//! assert_eq!(pipeline.config().unwrap(), config);
//! ```
//!
//! The stages and presets are listed in [`registry`]. Some stages of textmend's design are not
//! built yet; a preset runs the ones that are, and [`registry::PresetInfo::missing`] names the
//! others.
//!
//! # Crate features
//!
//! - `cli` (default): the `textmend` command-line tool; brings clap, indicatif and rayon.
//!   Library users can turn it off with `default-features = false`.
//! - `parallel`: rayon, for running many documents at once (the CLI uses it).

#![deny(missing_docs)]

pub mod config;
pub mod edit;
mod error;
mod fast_hash;
pub mod lexicon;
mod meta;
mod pipeline;
pub mod registry;
mod scan;
pub mod stages;

use std::sync::LazyLock;

pub use config::{PipelineConfig, StageConfig};
pub use edit::Edit;
pub use error::Error;
pub use meta::Meta;
pub use pipeline::{Cleaned, Pipeline, PipelineBuilder, Stage};

static NEWS: LazyLock<Pipeline> =
    LazyLock::new(|| Pipeline::preset("news").expect("the news preset exists"));

/// Cleans text with the `news` preset.
///
/// ```
/// assert_eq!(textmend::clean("a  b").text, "a b\n");
/// ```
pub fn clean(text: &str) -> Cleaned<'_> {
    NEWS.clean(text)
}

/// Decodes bytes (detecting their encoding) and cleans them with the `news` preset.
///
/// ```
/// let cleaned = textmend::clean_bytes(b"\xEF\xBB\xBFWith a BOM.\n");
/// assert_eq!(cleaned.text, "With a BOM.\n");
/// assert_eq!(cleaned.edits[0].reason, "byte order mark");
/// ```
pub fn clean_bytes(bytes: &[u8]) -> Cleaned<'_> {
    NEWS.clean_bytes(bytes)
}

/// The README's examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
