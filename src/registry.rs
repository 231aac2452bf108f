//! The public vocabulary: every stage and preset by name, including the stages that are part of
//! textmend's design but not built yet, so that `textmend stages` can say what is missing instead
//! of a preset silently pretending to run it.
//!
//! # The `news` preset and why its stages run in this order
//!
//! `decode, mojibake, unicode, markup, boilerplate, unwrap, apostrophes, whitespace`. Each stage
//! is written to see the text as the stages before it leave it:
//!
//! 1. **`decode`** first: every other stage works on text, not bytes.
//! 2. **`mojibake`** before `unicode`: the evidence of a wrong codec is in the characters it
//!    made, C1 controls and no-break spaces among them ("Ã\u{a0}" is "à" read as
//!    Windows-1252); normalizing, or removing control characters, first would destroy it.
//! 3. **`unicode`** before the line-based stages: `\r\n` and the other line breaks become
//!    `\n`, and zero-width characters and no-break spaces go, so that a line, a blank line and a
//!    space mean one thing to everything after.
//! 4. **`markup`** before `boilerplate`: with `**`, `#` and `<...>` gone, a bold title is a title
//!    line (`meta.title`) and `<https://...>` a bare URL line that `boilerplate` knows.
//! 5. **`boilerplate`** before `unwrap`: the header and footer are gone before lines are joined,
//!    so a footer ("Kaynak/Source:") never joins the last paragraph as a "broken paragraph",
//!    and the title is the first paragraph, which `unwrap` never joins when it reads as one.
//! 6. **`unwrap`** before `apostrophes`: sentences are whole again, so the context rules see the
//!    word after "its" even where a break fell between them, hyphenated words ("Rus-\nsias")
//!    are one token, and each paragraph's English verdict is made on the whole paragraph.
//! 7. **`apostrophes`** after everything that changes words or lines, and before `whitespace`.
//! 8. **`whitespace`** last: the stages before it remove lines and join others, which leaves
//!    runs of blank lines and spaces; evening them out once at the end is what makes the output
//!    a fixed point.
//!
//! A stage whose judgement a later stage could change judges the text as that stage will leave
//! it, so that a second run of the preset finds nothing to do: `mojibake` reads the text as
//! `unicode` leaves it, `unwrap` as `whitespace` does (runs of spaces collapsed), and `markup`,
//! once it has removed the tags that made a document HTML (or text that held mojibake, or put
//! mojibake together), does what `mojibake` and `unicode` would have done with it as text, as
//! does `boilerplate` when the lines it removes held mojibake; `unwrap` leaves a join where the
//! line it would make is one that `mojibake`, `markup` or `boilerplate` would change.

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
