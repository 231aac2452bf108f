//! The invariants of the design (issue 8), property-tested for every stage alone, every preset,
//! and `clean_bytes` with every preset, over generated text that looks like real damaged text
//! (corpus words, tokens that lost their apostrophes, hard wraps, hyphenated line ends, headers
//! and footers, markup, mojibake, invisible characters, random Unicode, and for bytes, invalid
//! bytes and legacy encodings) and over arbitrary strings:
//!
//! 1. no panic, and the output is valid UTF-8 (a `str`; for bytes, the log replays to UTF-8);
//! 2. idempotent: cleaning the output again changes nothing, and borrows;
//! 3. clean text (paragraphs of the Wikinews articles as they are) passes through unchanged and
//!    borrowed;
//! 4. no silent loss: every word of the input is in the output, or inside the range of an edit
//!    of the log (whose `before` holds it);
//! 5. the log replays: applying it to the input gives the output; spans are in bounds, sorted,
//!    not overlapping, on character boundaries, and `before` is the input's text of its span;
//! 6. config round-trip: any pipeline config writes to TOML and JSON and reads back equal, and
//!    the pipeline it builds gives it back.
//!
//! Cases per property: 1000 in a release build (`cargo test --release`), 128 in a debug build,
//! from a fixed seed; `PROPTEST_CASES=n` sets the number and draws a random seed.

use std::borrow::Cow;
use std::sync::LazyLock;

use proptest::collection::vec;
use proptest::prelude::*;
use serde_json::{Value, json};
use textmend::edit::{replay, replay_bytes};
use textmend::{Edit, Pipeline, PipelineConfig};

fn config() -> ProptestConfig {
    match std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
    {
        Some(cases) => ProptestConfig::with_cases(cases),
        None => ProptestConfig {
            rng_seed: proptest::test_runner::RngSeed::Fixed(0x2026_1208),
            ..ProptestConfig::with_cases(if cfg!(debug_assertions) { 128 } else { 1000 })
        },
    }
}

// ---------------------------------------------------------------------------------------------
// The pipelines.

/// The text stages, each alone (`decode` is only in `clean_bytes`).
const STAGES: &[&str] = &[
    "mojibake",
    "unicode",
    "markup",
    "boilerplate",
    "unwrap",
    "apostrophes",
    "whitespace",
];
const PRESETS: &[&str] = &["news", "encoding", "minimal"];

static PIPELINES: LazyLock<Vec<(String, Pipeline)>> = LazyLock::new(|| {
    let stages = STAGES
        .iter()
        .map(|&s| (s.to_owned(), Pipeline::from_stage_names([s]).unwrap()));
    let presets = PRESETS
        .iter()
        .map(|&p| (format!("preset {p}"), Pipeline::preset(p).unwrap()));
    stages.chain(presets).collect()
});

fn pipeline(name: &str) -> &'static Pipeline {
    &PIPELINES.iter().find(|(n, _)| n == name).unwrap().1
}

// ---------------------------------------------------------------------------------------------
// Generated input.

/// The articles of `corpus/news/wikinews-100.jsonl`, as they are.
static ARTICLES: LazyLock<Vec<String>> = LazyLock::new(|| {
    crate::corpus_text("news/wikinews-100.jsonl")
        .lines()
        .map(|line| {
            let record: Value = serde_json::from_str(line).unwrap();
            record["text"].as_str().unwrap().to_owned()
        })
        .collect()
});

/// Their paragraphs after the first (which is the date), trimmed, article by article; only
/// those with no white-space damage (some have two spaces after a full stop, a space before a
/// line break, or a no-break space, which `unicode` makes a space): clean text.
static PARAGRAPHS: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    ARTICLES
        .iter()
        .map(|text| {
            text.split("\n\n")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .skip(1)
                .filter(|p| {
                    !p.contains(['\t', '\u{a0}']) && !p.contains("  ") && !p.contains(" \n")
                })
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .filter(|paragraphs| !paragraphs.is_empty())
        .collect()
});

/// Their words.
static WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut words: Vec<String> = PARAGRAPHS
        .iter()
        .flatten()
        .flat_map(|p| p.split_whitespace().map(str::to_owned))
        .collect();
    words.sort();
    words.dedup();
    words
});

/// Sentences in many languages, read as Windows-1252 or -1251 once, twice or three times.
static SENTENCES: LazyLock<Vec<String>> = LazyLock::new(|| {
    crate::corpus_text("mojibake/sentences.txt")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t').map(|(_, s)| s.to_owned()))
        .collect()
});

fn mojibake() -> impl Strategy<Value = String> {
    (
        any::<prop::sample::Index>(),
        prop::sample::select(vec![encoding_rs::WINDOWS_1252, encoding_rs::WINDOWS_1251]),
        1..=3usize,
    )
        .prop_map(|(index, encoding, layers)| {
            let mut text = index.get(&SENTENCES).clone();
            for _ in 0..layers {
                text = encoding
                    .decode_without_bom_handling(text.as_bytes())
                    .0
                    .into_owned();
            }
            text
        })
}

/// Words that lost their apostrophes, and forms that are words too.
const APOSTROPHE_LESS: &[&str] = &[
    "doesnt",
    "isnt",
    "dont",
    "DONT",
    "Im",
    "ive",
    "cant",
    "wont",
    "its",
    "lets",
    "were",
    "ill",
    "Russias",
    "childrens",
    "todays",
    "others",
    "each others",
    "o clock",
    "governments",
    "NASAs",
    "last weeks",
    "theyre",
    "youre",
    "wouldnt",
];

/// Header and footer lines.
const BOILERPLATE: &[&str] = &[
    "Source: AzerNews",
    "Kaynak/Source: AA",
    "Источник: ТАСС",
    "https://example.com/news/2019/01/04/story.html",
    "<https://example.com/a>",
    "Share this article",
    "Follow us on Twitter",
    "© 2019 The Outlet. All rights reserved.",
    "---",
    "* * *",
    "BAKU, Azerbaijan, Jan. 4",
    "AzerNews (2019-01-04)",
    "Subscribe to our newsletter",
    "We use cookies.",
];

/// Markup remnants.
const MARKUP: &[&str] = &[
    "**bold**",
    "__bold__",
    "*em*",
    "_em_",
    "[text](https://example.com)",
    "<b>",
    "</b>",
    "<!-- comment -->",
    "# Heading",
    "5 * 3",
    "snake_case",
    "a < b",
    "#hashtag",
    "&amp;",
    "&#233;",
    "&eacute;",
];

/// Characters the `unicode` stage changes or removes.
const INVISIBLE: &[&str] = &[
    "\u{a0}",
    "\u{ad}",
    "\u{200b}",
    "\u{feff}",
    "\u{2028}",
    "\u{85}",
    "\r",
    "\r\n",
    "\u{1}",
    "\u{7f}",
    "ﬁ",
    "Ｆｕｌｌ",
    "e\u{301}",
    "\u{202f}",
    "\u{2011}",
    "’",
    "“",
    "”",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        12 => any::<prop::sample::Index>().prop_map(|i| i.get(&WORDS).clone()),
        2 => prop::sample::select(APOSTROPHE_LESS).prop_map(str::to_owned),
        1 => mojibake(),
        1 => prop::sample::select(MARKUP).prop_map(str::to_owned),
        1 => prop::sample::select(INVISIBLE).prop_map(str::to_owned),
        1 => "\\PC{1,4}",
        1 => any::<char>().prop_map(String::from),
    ]
}

fn separator() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", "\n", "\n\n", "-\n", "  ", "\t", " \n",
        "\n\n\n\n", "\r\n",
    ])
}

/// Text that looks like a damaged article: header lines, words (some without their
/// apostrophes, some mojibake, some markup or invisible characters) wrapped at a width or not,
/// footer lines.
fn damaged_text() -> impl Strategy<Value = String> {
    (
        vec(prop::sample::select(BOILERPLATE), 0..3),
        vec((piece(), separator()), 0..80),
        prop_oneof![Just(0usize), 30..90usize],
        vec(prop::sample::select(BOILERPLATE), 0..4),
    )
        .prop_map(|(header, pieces, width, footer)| {
            let mut text = String::new();
            for line in header {
                text.push_str(line);
                text.push('\n');
            }
            let mut column = 0;
            for (piece, separator) in pieces {
                text.push_str(&piece);
                column += piece.chars().count();
                if width > 0 && column >= width {
                    text.push('\n');
                    column = 0;
                } else {
                    text.push_str(separator);
                    column = if separator.contains('\n') {
                        0
                    } else {
                        column + 1
                    };
                }
            }
            for line in footer {
                text.push('\n');
                text.push_str(line);
            }
            text
        })
}

fn text_input() -> impl Strategy<Value = String> {
    prop_oneof![4 => damaged_text(), 1 => any::<String>()]
}

/// Bytes: the damaged text in UTF-8, with invalid bytes put in, or in a legacy encoding, or in
/// UTF-16 with its BOM; and arbitrary bytes.
fn bytes_input() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        2 => damaged_text().prop_map(String::into_bytes),
        2 => (damaged_text(), vec((any::<prop::sample::Index>(), 0x80u8..=0xFF), 1..8)).prop_map(
            |(text, bad)| {
                let mut bytes = text.into_bytes();
                for (at, byte) in bad {
                    let at = at.index(bytes.len() + 1);
                    bytes.insert(at, byte);
                }
                bytes
            }
        ),
        2 => (
            damaged_text(),
            prop::sample::select(vec![
                encoding_rs::WINDOWS_1252,
                encoding_rs::WINDOWS_1251,
                encoding_rs::WINDOWS_1254,
                encoding_rs::ISO_8859_2,
                encoding_rs::KOI8_R,
            ])
        )
            .prop_map(|(text, encoding)| encoding.encode(&text).0.into_owned()),
        1 => damaged_text().prop_map(|text| {
            let mut bytes = vec![0xFF, 0xFE];
            bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            bytes
        }),
        1 => vec(any::<u8>(), 0..512),
    ]
}

// ---------------------------------------------------------------------------------------------
// The checks.

/// Property 5 for a log of text input.
fn check_log(input: &str, output: &str, edits: &[Edit]) -> Result<(), TestCaseError> {
    let mut copied = 0;
    for e in edits {
        prop_assert!(
            copied <= e.start && e.start <= e.end && e.end <= input.len(),
            "out of order or bounds: {e:?}"
        );
        prop_assert!(
            input.is_char_boundary(e.start) && input.is_char_boundary(e.end),
            "{e:?}"
        );
        prop_assert_eq!(&e.before, &input[e.start..e.end]);
        prop_assert_ne!(&e.before, &e.after, "changes nothing: {:?}", e);
        prop_assert!(!e.stage.is_empty() && !e.reason.is_empty(), "{:?}", e);
        copied = e.end;
    }
    prop_assert_eq!(replay(input, edits).unwrap(), output);
    Ok(())
}

/// Property 5 for a log of bytes.
fn check_bytes_log(input: &[u8], output: &str, edits: &[Edit]) -> Result<(), TestCaseError> {
    let mut copied = 0;
    for e in edits {
        prop_assert!(
            copied <= e.start && e.start <= e.end && e.end <= input.len(),
            "out of order or bounds: {e:?}"
        );
        if let Ok(before) = std::str::from_utf8(&input[e.start..e.end])
            && !before.contains('\\')
        {
            prop_assert_eq!(&e.before, before);
        }
        copied = e.end;
    }
    prop_assert_eq!(replay_bytes(input, edits).unwrap(), output.as_bytes());
    Ok(())
}

/// Property 4: each word of `input` (a whitespace-separated token at its byte span) is in the
/// output, or an edit's range overlaps it (and so its `before`, checked equal to the input's
/// text, holds what went).
fn check_no_silent_loss(input: &str, output: &str, edits: &[Edit]) -> Result<(), TestCaseError> {
    let mut at = 0;
    for word in input.split_whitespace() {
        let start = at + input[at..].find(word).unwrap();
        let end = start + word.len();
        at = end;
        let k = edits.partition_point(|e| e.end <= start && e.start < start);
        let touched = edits[k..]
            .iter()
            .take_while(|e| e.start <= end)
            .any(|e| e.start < end && e.end > start || (e.start == e.end && e.start > start));
        prop_assert!(
            touched || output.contains(word),
            "{word:?} (at {start}) is neither in the output nor in an edit: {output:?}"
        );
    }
    Ok(())
}

/// Property 2.
fn check_idempotent(pipeline: &Pipeline, output: &str) -> Result<(), TestCaseError> {
    let again = pipeline.clean(output);
    prop_assert!(
        again.edits.is_empty(),
        "not idempotent: {output:?} -> {:?}",
        again.edits
    );
    prop_assert!(matches!(again.text, Cow::Borrowed(_)));
    Ok(())
}

fn text_invariants(name: &str, input: &str) -> Result<(), TestCaseError> {
    let pipeline = pipeline(name);
    let cleaned = pipeline.clean(input);
    check_log(input, &cleaned.text, &cleaned.edits)?;
    check_no_silent_loss(input, &cleaned.text, &cleaned.edits)?;
    check_idempotent(pipeline, &cleaned.text)?;
    prop_assert_eq!(
        matches!(cleaned.text, Cow::Borrowed(_)),
        cleaned.edits.is_empty()
    );
    Ok(())
}

/// The pipeline without its `decode` stage.
fn text_stages(name: &str) -> Pipeline {
    let names: Vec<&str> = pipeline(name)
        .stage_names()
        .into_iter()
        .filter(|&n| n != "decode")
        .collect();
    Pipeline::from_stage_names(names).unwrap()
}

fn bytes_invariants(name: &str, input: &[u8]) -> Result<(), TestCaseError> {
    let pipeline = pipeline(name);
    let cleaned = pipeline.clean_bytes(input);
    check_bytes_log(input, &cleaned.text, &cleaned.edits)?;
    // No silent loss: the decoding is in the log (checked above, as the replay); what the text
    // stages did to the decoded text is checked as for text, with the same stages on it, which
    // must give the same output.
    let decoded = textmend::stages::DecodeBytes::default().decode(input).text;
    let stages = text_stages(name);
    let from_text = stages.clean(&decoded);
    prop_assert_eq!(from_text.text.as_ref(), cleaned.text.as_ref());
    check_log(&decoded, &from_text.text, &from_text.edits)?;
    check_no_silent_loss(&decoded, &from_text.text, &from_text.edits)?;
    // Idempotent; a leading U+FEFF in the output would be read as a BOM, so clean it as text.
    check_idempotent(pipeline, &cleaned.text)?;
    if !cleaned.text.starts_with('\u{FEFF}') {
        let again = pipeline.clean_bytes(cleaned.text.as_bytes());
        prop_assert!(again.edits.is_empty(), "{:?}", again.edits);
    }
    Ok(())
}

// One property per stage and per preset, on damaged text and arbitrary strings.
macro_rules! text_properties {
    ($($test:ident => $name:expr;)*) => {
        proptest! {
            #![proptest_config(config())]
            $(
                #[test]
                fn $test(input in text_input()) {
                    text_invariants($name, &input)?;
                }
            )*
        }
    };
}

text_properties! {
    mojibake_stage_keeps_the_invariants => "mojibake";
    unicode_stage_keeps_the_invariants => "unicode";
    markup_stage_keeps_the_invariants => "markup";
    boilerplate_stage_keeps_the_invariants => "boilerplate";
    unwrap_stage_keeps_the_invariants => "unwrap";
    apostrophes_stage_keeps_the_invariants => "apostrophes";
    whitespace_stage_keeps_the_invariants => "whitespace";
    news_preset_keeps_the_invariants_on_text => "preset news";
    encoding_preset_keeps_the_invariants_on_text => "preset encoding";
    minimal_preset_keeps_the_invariants_on_text => "preset minimal";
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn clean_bytes_news_keeps_the_invariants(input in bytes_input()) {
        bytes_invariants("preset news", &input)?;
    }

    #[test]
    fn clean_bytes_encoding_keeps_the_invariants(input in bytes_input()) {
        bytes_invariants("preset encoding", &input)?;
    }

    #[test]
    fn clean_bytes_minimal_keeps_the_invariants(input in bytes_input()) {
        bytes_invariants("preset minimal", &input)?;
    }

    /// Property 3: paragraphs of a real article, as they are and in their order, come out of
    /// every stage and every preset unchanged and borrowed (with a final newline, which
    /// `whitespace` would add).
    #[test]
    fn clean_paragraphs_pass_every_stage_and_preset_unchanged(
        (article, from, count) in (any::<prop::sample::Index>(), any::<prop::sample::Index>(), 1..8usize),
    ) {
        let paragraphs = article.get(&PARAGRAPHS);
        let from = from.index(paragraphs.len());
        let to = (from + count).min(paragraphs.len());
        let mut text = paragraphs[from..to].join("\n\n");
        text.push('\n');
        for (name, pipeline) in PIPELINES.iter() {
            let cleaned = pipeline.clean(&text);
            prop_assert!(cleaned.edits.is_empty(), "{name}: {:?}", cleaned.edits);
            prop_assert!(matches!(cleaned.text, Cow::Borrowed(_)), "{}", name);
            let cleaned = pipeline.clean_bytes(text.as_bytes());
            prop_assert!(cleaned.edits.is_empty(), "{name} (bytes): {:?}", cleaned.edits);
        }
    }

    /// Property 6: any config of built-in stages with any settings.
    #[test]
    fn any_config_round_trips_through_toml_and_json(stages in vec(stage_config(), 0..10)) {
        let json = json!({ "stages": stages }).to_string();
        let Ok(config) = PipelineConfig::from_json(&json) else {
            // Settings out of range (a u8 above 255, an unknown encoding, a bad regex) are
            // refused with an error, which is fine; they are rare by construction.
            return Ok(());
        };
        prop_assert_eq!(&PipelineConfig::from_toml(&config.to_toml()).unwrap(), &config);
        prop_assert_eq!(&PipelineConfig::from_json(&config.to_json()).unwrap(), &config);
        prop_assert_eq!(&PipelineConfig::parse(&config.to_toml()).unwrap(), &config);
        if let Ok(pipeline) = Pipeline::from_config(&config) {
            let back = pipeline.config().unwrap();
            prop_assert_eq!(&PipelineConfig::from_toml(&back.to_toml()).unwrap(), &back);
            prop_assert_eq!(&Pipeline::from_config(&back).unwrap().config().unwrap(), &back);
        }
    }
}

/// One stage's config as JSON: its name and, for each of its settings, either nothing (the
/// default) or a value of the setting's type.
fn stage_config() -> impl Strategy<Value = Value> {
    let name = prop::sample::select(vec![
        "decode",
        "mojibake",
        "unicode",
        "markup",
        "boilerplate",
        "unwrap",
        "apostrophes",
        "whitespace",
    ]);
    (name, vec(any::<(bool, u16, u8)>(), 12)).prop_map(|(name, picks)| {
        let defaults = textmend::StageConfig::default_for(name).unwrap();
        let defaults = serde_json::to_value(&defaults).unwrap();
        let mut stage = serde_json::Map::new();
        stage.insert("name".into(), json!(name));
        let keys: Vec<&String> = defaults
            .as_object()
            .unwrap()
            .keys()
            .filter(|k| *k != "name")
            .collect();
        for (key, &(set, number, pick)) in keys.iter().zip(&picks) {
            if !set {
                continue;
            }
            let value = match (key.as_str(), &defaults[key.as_str()]) {
                ("normalization", _) => json!(["nfc", "nfkc", "none"][pick as usize % 3]),
                ("style", _) => json!(["auto", "straight", "curly"][pick as usize % 3]),
                ("labels", _) => {
                    json!(["Kilde", "Źródło", "Photo", ""][..(pick as usize % 5).min(4)].to_vec())
                }
                ("patterns", _) => json!(
                    ["^Photo: .*$", "(?i)share", "a+b", "("][..(pick as usize % 5).min(4)].to_vec()
                ),
                (_, Value::Bool(_)) => json!(pick % 2 == 0),
                (_, Value::Number(_)) => json!(number % 400),
                _ => continue,
            };
            stage.insert((*key).clone(), value);
        }
        if name == "decode" && picks[11].0 {
            let label = ["windows-1254", "latin1", "koi8-r", "utf-8", "klingon"];
            stage.insert(
                "encoding".into(),
                json!(label[picks[11].2 as usize % label.len()]),
            );
        }
        Value::Object(stage)
    })
}
