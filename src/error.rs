//! The one error type of the library. Cleaning text cannot fail; building a pipeline (from names,
//! presets or a config file) and replaying a log can, and their errors say what and where.

use std::fmt;

/// What went wrong, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A stage name that textmend does not know.
    UnknownStage {
        /// The name as given.
        name: String,
    },
    /// A stage that is part of textmend's design but not built yet.
    StageNotBuilt {
        /// The stage's name.
        name: String,
    },
    /// A preset name that textmend does not know.
    UnknownPreset {
        /// The name as given.
        name: String,
    },
    /// `decode` turns bytes into text, so it can only come first.
    DecodeNotFirst {
        /// Its position in the list (0-based).
        position: usize,
    },
    /// A config file that could not be read as a pipeline.
    Config {
        /// `"TOML"` or `"JSON"`; `"pipeline"` for a config that parses but makes no sense.
        format: &'static str,
        /// The parser's message, with its line and column where it gives them.
        message: String,
    },
    /// A pipeline holding a custom stage has no config form.
    NotConfigurable {
        /// The custom stage's name.
        stage: String,
    },
    /// A log that cannot be applied to the given input.
    Replay {
        /// The index of the offending edit.
        index: usize,
        /// What is wrong with it.
        message: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::UnknownStage { name } => write!(
                f,
                "unknown stage {name:?}; the stages are: {}",
                crate::registry::STAGES
                    .iter()
                    .map(|s| s.name)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Error::StageNotBuilt { name } => write!(
                f,
                "stage {name:?} is planned but not built yet; `textmend stages` lists what exists"
            ),
            Error::UnknownPreset { name } => write!(
                f,
                "unknown preset {name:?}; the presets are: {}",
                crate::registry::PRESETS
                    .iter()
                    .map(|p| p.name)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Error::DecodeNotFirst { position } => write!(
                f,
                "stage \"decode\" is at position {} but turns bytes into text, so it must come first",
                position + 1
            ),
            Error::Config { format, message } => write!(f, "invalid {format} config: {message}"),
            Error::NotConfigurable { stage } => write!(
                f,
                "stage {stage:?} is a custom stage and cannot be written as a config"
            ),
            Error::Replay { index, message } => write!(f, "cannot replay edit {index}: {message}"),
        }
    }
}

impl std::error::Error for Error {}
