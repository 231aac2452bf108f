//! Pipelines through the public API: edits composed across several stages (custom ones written
//! here with `Rewriter`, and the real `whitespace` stage), configs written and read back, config
//! errors that say what and where, and clean text that comes through borrowed.

use std::borrow::Cow;

use textmend::edit::{Rewrite, Rewriter, replay, replay_bytes};
use textmend::stages::{DecodeBytes, NormalizeUnicode, NormalizeWhitespace};
use textmend::{Error, Meta, Pipeline, PipelineConfig, Stage, StageConfig};

use crate::{corpus_bytes, corpus_text};

/// Deletes every occurrence of a marker.
#[derive(Debug)]
struct DeleteMarker(&'static str);

impl Stage for DeleteMarker {
    fn name(&self) -> &str {
        "markers"
    }
    fn apply<'a>(&self, text: &'a str, _meta: &mut Meta) -> Rewrite<'a> {
        let mut out = Rewriter::new(text);
        for (at, marker) in text.match_indices(self.0) {
            out.delete(at..at + marker.len(), "citation marker");
        }
        out.finish()
    }
}

/// Writes a word in capitals.
#[derive(Debug)]
struct Capitalize(&'static str);

impl Stage for Capitalize {
    fn name(&self) -> &str {
        "capitals"
    }
    fn apply<'a>(&self, text: &'a str, _meta: &mut Meta) -> Rewrite<'a> {
        let mut out = Rewriter::new(text);
        let upper = self.0.to_uppercase();
        for (at, word) in text.match_indices(self.0) {
            out.replace(at..at + word.len(), &upper, "capitals");
        }
        out.finish()
    }
}

/// Inserts text before every occurrence of a word.
#[derive(Debug)]
struct InsertBefore {
    word: &'static str,
    text: &'static str,
}

impl Stage for InsertBefore {
    fn name(&self) -> &str {
        "insert"
    }
    fn apply<'a>(&self, text: &'a str, _meta: &mut Meta) -> Rewrite<'a> {
        let mut out = Rewriter::new(text);
        for (at, _) in text.match_indices(self.word) {
            out.insert(at, self.text, "inserted word");
        }
        out.finish()
    }
}

fn four_stages() -> Pipeline {
    Pipeline::builder()
        .stage(DeleteMarker("[cn]"))
        .stage(Capitalize("mayor"))
        .stage(InsertBefore {
            word: "council",
            text: "city ",
        })
        .stage(NormalizeWhitespace::default())
        .build()
}

#[test]
fn edits_of_four_stages_compose_into_spans_of_the_original() {
    let original = "\n\nThe  mayor[cn] met the council on Monday.   \n\n\n\nLater the mayor said  [cn]  nothing[cn]";
    let pipeline = four_stages();
    assert_eq!(
        pipeline.stage_names(),
        ["markers", "capitals", "insert", "whitespace"]
    );
    let cleaned = pipeline.clean(original);
    assert_eq!(
        cleaned.text,
        "The MAYOR met the city council on Monday.\n\nLater the MAYOR said nothing\n"
    );
    assert_eq!(replay(original, &cleaned.edits).unwrap(), cleaned.text);

    let log: Vec<_> = cleaned
        .edits
        .iter()
        .map(|e| {
            (
                e.start,
                e.end,
                e.before.as_str(),
                e.after.as_str(),
                e.stage.as_ref(),
            )
        })
        .collect();
    assert_eq!(
        log,
        [
            (0, 2, "\n\n", "", "whitespace"),
            (5, 7, "  ", " ", "whitespace"),
            (7, 12, "mayor", "MAYOR", "capitals"),
            (12, 16, "[cn]", "", "markers"),
            (25, 25, "", "city ", "insert"),
            (43, 46, "   ", "", "whitespace"),
            (48, 50, "\n\n", "", "whitespace"),
            (60, 65, "mayor", "MAYOR", "capitals"),
            // The marker's deletion left four spaces, which whitespace collapsed: one edit.
            (70, 78, "  [cn]  ", " ", "markers+whitespace"),
            (85, 89, "[cn]", "", "markers"),
            (89, 89, "", "\n", "whitespace"),
        ]
    );
    for e in &cleaned.edits {
        assert_eq!(e.before, original[e.start..e.end], "{e:?}");
    }
    assert_eq!(cleaned.edits[8].reason, "citation marker; repeated spaces");
    assert_eq!(cleaned.edits[10].reason, "end of document");
}

#[test]
fn edits_of_stages_compose_over_decoded_bytes() {
    // windows-1252 bytes: decode's edits and three more stages, all in offsets of the bytes.
    let text = "Le  maire[cn] a vu le conseil à Noël.  \n\n\n\nLe maire est parti. Café crème, \
                déjà vu, naïve façade, œuvre";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let pipeline = Pipeline::builder()
        .decode(DecodeBytes::forced("windows-1252").unwrap())
        .stage(DeleteMarker("[cn]"))
        .stage(Capitalize("maire"))
        .stage(InsertBefore {
            word: "conseil",
            text: "grand ",
        })
        .stage(NormalizeWhitespace::default())
        .build();
    let cleaned = pipeline.clean_bytes(&bytes);
    assert_eq!(
        cleaned.text,
        "Le MAIRE a vu le grand conseil à Noël.\n\nLe MAIRE est parti. Café crème, déjà vu, \
         naïve façade, œuvre\n"
    );
    assert_eq!(
        replay_bytes(&bytes, &cleaned.edits).unwrap(),
        cleaned.text.as_bytes()
    );
    let noel = cleaned.edits.iter().find(|e| e.after == "ë").unwrap();
    assert_eq!(noel.before, "\\xEB");
    assert_eq!(&bytes[noel.start..noel.end], b"\xEB");
}

#[test]
fn a_pipeline_with_custom_stages_has_no_config() {
    let err = four_stages().config().unwrap_err();
    assert!(matches!(&err, Error::NotConfigurable { stage } if stage == "markers"));
    assert!(err.to_string().contains("\"markers\""), "{err}");
}

#[test]
fn config_round_trip() {
    let built = Pipeline::builder()
        .decode(DecodeBytes::forced("cp1254").unwrap())
        .stage(
            NormalizeWhitespace::default()
                .max_blank_lines(2)
                .collapse_spaces(false),
        )
        .build();
    let config = built.config().unwrap();
    assert_eq!(config.stages.len(), 2);

    let toml = config.to_toml();
    assert!(toml.contains("encoding = \"windows-1254\""), "{toml}");
    assert!(toml.contains("max_blank_lines = 2"), "{toml}");
    let from_toml = PipelineConfig::from_toml(&toml).unwrap();
    assert_eq!(from_toml, config);
    assert_eq!(PipelineConfig::parse(&toml).unwrap(), config);

    let json = from_toml.to_json();
    assert!(json.contains("\"windows-1254\""), "{json}");
    let from_json = PipelineConfig::from_json(&json).unwrap();
    assert_eq!(from_json, config);
    assert_eq!(PipelineConfig::parse(&json).unwrap(), config);

    let rebuilt = Pipeline::from_config(&from_json).unwrap();
    assert_eq!(rebuilt.config().unwrap(), config);
    assert_eq!(rebuilt.stage_names(), built.stage_names());
    let input = b"\xDDstanbul,  T\xFCrkiye  \n\n\n\n\n\xDEehir";
    assert_eq!(rebuilt.clean_bytes(input), built.clean_bytes(input));
    assert_eq!(
        rebuilt.clean_bytes(input).text,
        "İstanbul,  Türkiye\n\n\nŞehir\n"
    );
}

#[test]
fn presets_and_stage_names_build_the_same_pipeline() {
    let minimal = Pipeline::preset("minimal").unwrap();
    assert_eq!(minimal.stage_names(), ["decode", "unicode", "whitespace"]);
    let by_name = Pipeline::from_stage_names(["decode", "unicode", "whitespace"]).unwrap();
    assert_eq!(by_name.config().unwrap(), minimal.config().unwrap());
    let config = PipelineConfig::from_toml("preset = \"minimal\"\n").unwrap();
    assert_eq!(
        Pipeline::from_config(&config).unwrap().config().unwrap(),
        minimal.config().unwrap()
    );
    assert_eq!(
        PipelineConfig::preset("minimal").unwrap().stages,
        [
            StageConfig::Decode(DecodeBytes::default()),
            StageConfig::Unicode(NormalizeUnicode::default()),
            StageConfig::Whitespace(NormalizeWhitespace::default())
        ]
    );
}

/// The error a TOML config gives, whether the parser or the pipeline refuses it.
fn toml_error(toml: &str) -> Error {
    match PipelineConfig::from_toml(toml) {
        Err(e) => e,
        Ok(config) => Pipeline::from_config(&config).expect_err("the config is refused"),
    }
}

fn assert_mentions(err: &Error, parts: &[&str]) {
    let message = err.to_string();
    for part in parts {
        assert!(
            message.contains(part),
            "the message should mention {part:?}: {message}"
        );
    }
}

#[test]
fn unknown_stage_is_named_with_its_position() {
    let err = toml_error("[[stages]]\nname = \"decode\"\n\n[[stages]]\nname = \"spellcheck\"\n");
    assert_mentions(
        &err,
        &["unknown stage", "\"spellcheck\"", "stage 2", "whitespace"],
    );
    let err = PipelineConfig::from_json(r#"{"stages": [{"name": "spellcheck"}]}"#).unwrap_err();
    assert_mentions(&err, &["unknown stage", "\"spellcheck\"", "stage 1"]);
    let err = Pipeline::from_stage_names(["decode", "spellcheck"]).unwrap_err();
    assert_eq!(
        err,
        Error::UnknownStage {
            name: "spellcheck".into()
        }
    );
}

#[test]
fn every_stage_of_the_design_is_built() {
    // Every name the registry knows builds, alone and in order, and round-trips through config.
    let names: Vec<&str> = textmend::registry::STAGES.iter().map(|s| s.name).collect();
    assert!(textmend::registry::STAGES.iter().all(|s| s.built));
    let pipeline = Pipeline::from_stage_names(names.iter().copied()).unwrap();
    assert_eq!(pipeline.stage_names(), names);
    let config = pipeline.config().unwrap();
    assert_eq!(
        textmend::PipelineConfig::from_toml(&config.to_toml()).unwrap(),
        config
    );
}

#[test]
fn decode_must_come_first() {
    let err = toml_error("[[stages]]\nname = \"whitespace\"\n\n[[stages]]\nname = \"decode\"\n");
    assert_eq!(err, Error::DecodeNotFirst { position: 1 });
    assert_mentions(&err, &["\"decode\"", "position 2", "must come first"]);
    let err = Pipeline::from_stage_names(["whitespace", "decode"]).unwrap_err();
    assert_eq!(err, Error::DecodeNotFirst { position: 1 });
}

#[test]
fn bad_encoding_label_is_named() {
    let err = toml_error("[[stages]]\nname = \"decode\"\nencoding = \"klingon\"\n");
    assert!(
        matches!(err, Error::Config { format: "TOML", .. }),
        "{err:?}"
    );
    assert_mentions(&err, &["invalid encoding label", "klingon"]);
    let err =
        PipelineConfig::from_json(r#"{"stages": [{"name": "decode", "encoding": "klingon"}]}"#)
            .unwrap_err();
    assert!(
        matches!(err, Error::Config { format: "JSON", .. }),
        "{err:?}"
    );
    assert_mentions(&err, &["invalid encoding label", "klingon"]);
    assert!(DecodeBytes::forced("klingon").is_none());
}

#[test]
fn unknown_field_is_named() {
    let err = toml_error(
        "[[stages]]\nname = \"decode\"\n\n[[stages]]\nname = \"whitespace\"\nmax_blank_line = 2\n",
    );
    assert!(
        matches!(err, Error::Config { format: "TOML", .. }),
        "{err:?}"
    );
    assert_mentions(
        &err,
        &["unknown field", "`max_blank_line`", "`max_blank_lines`"],
    );
    let err =
        PipelineConfig::from_json(r#"{"stages": [{"name": "whitespace", "max_blank_line": 2}]}"#)
            .unwrap_err();
    assert!(
        matches!(err, Error::Config { format: "JSON", .. }),
        "{err:?}"
    );
    assert_mentions(&err, &["unknown field", "`max_blank_line`"]);
    // A misspelt top-level key, where TOML's position is right.
    let err = toml_error("\nstage = []\n");
    assert_mentions(&err, &["unknown field", "`stage`", "line 2"]);
}

/// The settings of the second stage are wrong: the message says "stage 2" (as it does for an
/// unknown stage name), since TOML would point at the first `[[stages]]` and JSON at nothing.
#[test]
fn errors_in_stage_settings_name_the_stage() {
    let toml_cases = [
        "[[stages]]\nname = \"decode\"\n\n[[stages]]\nname = \"whitespace\"\nmax_blank_line = 2\n",
        "[[stages]]\nname = \"whitespace\"\n\n[[stages]]\nname = \"decode\"\nencoding = \"klingon\"\n",
    ];
    for toml in toml_cases {
        assert_mentions(&toml_error(toml), &["stage 2"]);
    }
    let json_cases = [
        r#"{"stages": [{"name": "decode"}, {"name": "whitespace", "max_blank_line": 2}]}"#,
        r#"{"stages": [{"name": "whitespace"}, {"name": "decode", "encoding": "klingon"}]}"#,
    ];
    for json in json_cases {
        assert_mentions(&PipelineConfig::from_json(json).unwrap_err(), &["stage 2"]);
    }
}

/// Text that has been through `minimal` once, and the check that it comes through `minimal`
/// again untouched and borrowed, as text and as bytes.
fn assert_passes_through(label: &str, text: &str) {
    let minimal = Pipeline::preset("minimal").unwrap();
    let cleaned = minimal.clean(text);
    assert!(
        matches!(cleaned.text, Cow::Borrowed(_)) && cleaned.edits.is_empty(),
        "{label}: clean text was changed: {:?}",
        cleaned.edits
    );
    assert_eq!(cleaned.text, text);
    let cleaned = minimal.clean_bytes(text.as_bytes());
    assert!(
        matches!(cleaned.text, Cow::Borrowed(_)) && cleaned.edits.is_empty(),
        "{label}: clean bytes were changed: {:?}",
        cleaned.edits
    );
    assert_eq!(cleaned.text, text);
    assert_eq!(cleaned.meta.encoding.as_deref(), Some("UTF-8"));
}

fn normalized(text: &str) -> String {
    let minimal = Pipeline::preset("minimal").unwrap();
    minimal.clean(text).text.into_owned()
}

#[test]
fn clean_news_passes_through_borrowed() {
    let news = normalized(&corpus_text("news/wikinews-sample.txt"));
    assert!(news.len() > 30_000);
    assert!(!news.is_ascii());
    assert_passes_through("wikinews-sample.txt", &news);

    // Each article on its own, from the JSON Lines copy.
    let jsonl = corpus_text("news/wikinews-sample.jsonl");
    let mut articles = 0;
    for line in jsonl.lines() {
        let record: serde_json::Value = serde_json::from_str(line).unwrap();
        let title = record["title"].as_str().unwrap();
        let text = normalized(record["text"].as_str().unwrap());
        assert_passes_through(title, &text);
        articles += 1;
    }
    assert_eq!(articles, 12);
}

#[test]
fn clean_ascii_passes_through_borrowed() {
    let news = normalized(&corpus_text("news/wikinews-sample.txt"));
    let ascii: Vec<&str> = news.split("\n\n").filter(|p| p.is_ascii()).collect();
    assert!(ascii.len() > 20, "{} ASCII paragraphs", ascii.len());
    let text = format!("{}\n", ascii.join("\n\n").trim_end());
    assert!(text.is_ascii());
    assert_passes_through("ASCII paragraphs of the news sample", &text);
}

#[test]
fn clean_utf8_samples_pass_through_borrowed() {
    // The UTF-8 Russian sample is clean as it is.
    let russian = corpus_text("encodings/sample-russian-2.txt");
    assert_eq!(normalized(&russian), russian);
    assert_passes_through("sample-russian-2.txt", &russian);

    // The subtitles end with a blank line and start with a BOM: clean once, then they pass.
    let bom = corpus_bytes("encodings/sample-english.bom.txt");
    let subtitles = normalized(std::str::from_utf8(&bom[3..]).unwrap());
    assert_passes_through("sample-english.bom.txt", &subtitles);

    // Legacy samples, once decoded and cleaned, are clean UTF-8 text too.
    for sample in [
        "sample-turkish.txt",
        "sample-greek.txt",
        "sample-french-1.txt",
        "sample-chinese.txt",
    ] {
        let bytes = corpus_bytes(&format!("encodings/{sample}"));
        let minimal = Pipeline::preset("minimal").unwrap();
        let text = minimal.clean_bytes(&bytes).text.into_owned();
        assert_passes_through(sample, &text);
    }
}

/// `clean_many` and `clean_bytes_many` give what cleaning each input alone gives, in order, on
/// damaged and clean articles alike.
#[test]
fn many_at_once_equals_one_by_one() {
    let news = Pipeline::preset("news").unwrap();
    let mut rng = crate::damage::Rng(7);
    let articles = crate::damage::wikinews("wikinews-100.jsonl");
    let texts: Vec<String> = articles
        .iter()
        .map(|a| {
            let damaged = crate::damage::damage(&mut rng, a, &a.text);
            String::from_utf8_lossy(&damaged.bytes).into_owned()
        })
        .chain(articles.iter().map(|a| a.text.clone()))
        .collect();
    let many = news.clean_many(&texts);
    assert_eq!(many.len(), texts.len());
    for (text, cleaned) in texts.iter().zip(&many) {
        let one = news.clean(text);
        assert_eq!(cleaned.text, one.text);
        assert_eq!(cleaned.edits, one.edits);
        assert_eq!(cleaned.meta, one.meta);
    }
    let bytes: Vec<&[u8]> = texts.iter().map(|t| t.as_bytes()).collect();
    for (input, cleaned) in bytes.iter().zip(news.clean_bytes_many(&bytes)) {
        assert_eq!(cleaned.text, news.clean_bytes(input).text);
    }
}
