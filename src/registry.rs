//! The public vocabulary: every stage and preset by name, including the stages that are part of
//! textmend's design but not built yet, so that `textmend stages` can say what is missing instead
//! of a preset silently pretending to run it.

/// A stage name and what it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StageInfo {
    /// The name used in configs and on the command line.
    pub name: &'static str,
    /// One line on what it repairs.
    pub summary: &'static str,
    /// False for stages that are designed but not built yet.
    pub built: bool,
}

/// A named pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PresetInfo {
    /// The name used in configs and on the command line.
    pub name: &'static str,
    /// One line on what it is for.
    pub summary: &'static str,
    /// Its stages in order, built or not; the pipeline runs the built ones.
    pub stages: &'static [&'static str],
}

/// Every stage, in the order the `news` preset runs them.
pub const STAGES: &[StageInfo] = &[
    StageInfo {
        name: "decode",
        summary: "bytes to text: BOM, strict UTF-8, then lossy UTF-8 or a detected legacy encoding",
        built: true,
    },
    StageInfo {
        name: "mojibake",
        summary: "text decoded with the wrong codec upstream (\"CafÃ©\"), repaired where the evidence is strong",
        built: true,
    },
    StageInfo {
        name: "unicode",
        summary: "NFC, line endings, control and zero-width characters, no-break spaces",
        built: true,
    },
    StageInfo {
        name: "markup",
        summary: "Markdown and HTML remnants: **bold**, <https://...> autolinks, stray tags, rules",
        built: true,
    },
    StageInfo {
        name: "boilerplate",
        summary: "header and footer lines that are not the article; title, date, source, URL to meta",
        built: true,
    },
    StageInfo {
        name: "unwrap",
        summary: "hard-wrapped lines, paragraphs broken mid-sentence and hyphenated words rejoined",
        built: true,
    },
    StageInfo {
        name: "apostrophes",
        summary: "dropped apostrophes restored (\"doesnt\" -> \"doesn't\"), precision first",
        built: true,
    },
    StageInfo {
        name: "whitespace",
        summary: "trailing spaces, runs of spaces and blank lines, one final newline",
        built: true,
    },
];

/// Every preset.
pub const PRESETS: &[PresetInfo] = &[
    PresetInfo {
        name: "news",
        summary: "the whole chain, for scraped and converted news articles",
        stages: &[
            "decode",
            "mojibake",
            "unicode",
            "markup",
            "boilerplate",
            "unwrap",
            "apostrophes",
            "whitespace",
        ],
    },
    PresetInfo {
        name: "encoding",
        summary: "only the encoding repairs: bytes, mojibake, Unicode normalization",
        stages: &["decode", "mojibake", "unicode"],
    },
    PresetInfo {
        name: "minimal",
        summary: "decoding, Unicode normalization and whitespace; safe on any text",
        stages: &["decode", "unicode", "whitespace"],
    },
];

/// The stage with this name.
pub fn stage(name: &str) -> Option<&'static StageInfo> {
    STAGES.iter().find(|s| s.name == name)
}

/// The preset with this name.
pub fn preset(name: &str) -> Option<&'static PresetInfo> {
    PRESETS.iter().find(|p| p.name == name)
}

impl PresetInfo {
    /// The stages of this preset that are not built yet.
    pub fn missing(&self) -> impl Iterator<Item = &'static str> {
        self.stages
            .iter()
            .copied()
            .filter(|name| stage(name).is_some_and(|s| !s.built))
    }
}
