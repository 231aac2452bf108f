//! Metadata that stages lift out of the text or learn while cleaning it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// What is known about a document besides its text: filled in by the stages that learn it (the
/// `decode` stage sets `encoding`; the boilerplate stage, the title, date, source and URL it
/// lifts out of headers and footers). Fields nobody filled in are `None` and are left out when
/// serialized.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Meta {
    /// The article's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The publication date, as `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The publisher or outlet ("AzerNews").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The article's URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The encoding the input bytes were decoded from (an Encoding Standard name such as
    /// `"UTF-8"` or `"windows-1254"`); `None` when the input was already text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// How many invalid byte sequences were replaced by U+FFFD while decoding (each one is also
    /// an edit in the log).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub invalid_sequences: usize,
    /// Anything else a stage wants to record, by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}
