//! The command line as users and outside tools drive it: the contract in DESIGN.md.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

pub(crate) fn textmend(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_textmend"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("textmend runs");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin)
        .expect("stdin takes the input");
    child.wait_with_output().expect("textmend finishes")
}

pub(crate) fn stdout(output: &Output) -> &str {
    std::str::from_utf8(&output.stdout).expect("stdout is UTF-8")
}

pub(crate) fn stderr(output: &Output) -> &str {
    std::str::from_utf8(&output.stderr).expect("stderr is UTF-8")
}

fn corpus(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(path)
}

/// A fresh directory under the target directory, for files a test writes.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn cleans_stdin_to_stdout() {
    let out = textmend(&["clean"], b"\n\nTwo  spaces.   \n\n\n\nNext.");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "Two spaces.\n\nNext.\n");
    assert_eq!(stderr(&out), "");
}

#[test]
fn a_dash_is_stdin_and_files_are_decoded_from_their_encoding() {
    let turkish = corpus("encodings/sample-turkish.txt");
    let out = textmend(
        &["clean", "--meta", turkish.to_str().unwrap(), "-"],
        b"From stdin.\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("İstanbul, Türkiye'nin"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).ends_with("\nFrom stdin.\n"));
    let metas: Vec<Value> = stderr(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(metas[0]["meta"]["encoding"], "windows-1254");
    assert_eq!(metas[1]["input"], "<stdin>");
    assert_eq!(metas[1]["meta"]["encoding"], "UTF-8");
}

#[test]
fn a_forced_encoding_overrides_detection() {
    let out = textmend(
        &["clean", "--encoding", "koi8-r"],
        b"\xF0\xD2\xC9\xD7\xC5\xD4\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "Привет\n");
}

#[test]
fn out_dir_writes_one_file_per_input_and_reports_unreadable_ones() {
    let dir = scratch("out_dir");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("a.txt"), "a  a\n\n\n").unwrap();
    std::fs::write(input.join("b.txt"), "b\n").unwrap();
    let missing = input.join("missing.txt");
    let out_dir = dir.join("out");
    let out = textmend(
        &[
            "clean",
            "--out-dir",
            out_dir.to_str().unwrap(),
            input.join("a.txt").to_str().unwrap(),
            missing.to_str().unwrap(),
            input.join("b.txt").to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("missing.txt: cannot read"),
        "{}",
        stderr(&out)
    );
    assert_eq!(stdout(&out), "");
    assert_eq!(
        std::fs::read_to_string(out_dir.join("a.txt")).unwrap(),
        "a a\n"
    );
    assert_eq!(
        std::fs::read_to_string(out_dir.join("b.txt")).unwrap(),
        "b\n"
    );
}

#[test]
fn jsonl_keeps_order_and_fields_and_reports_a_malformed_line_by_number() {
    let input = concat!(
        r#"{"id":1,"text":"one  two","lang":"en"}"#,
        "\n",
        r#"{"id":2,"text":"broken"#,
        "\n",
        r#"{"id":3,"body":"no text field"}"#,
        "\n",
        r#"{"id":4,"text":42}"#,
        "\n\n",
        r#"{"id":5,"text":"five\n\n\n\nsix"}"#,
        "\n",
    );
    let out = textmend(&["clean", "--jsonl"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let records: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["id"], 1);
    assert_eq!(records[0]["text"], "one two\n");
    assert_eq!(records[0]["lang"], "en");
    assert_eq!(records[1]["id"], 5);
    assert_eq!(records[1]["text"], "five\n\nsix\n");
    let first_line = stdout(&out).lines().next().unwrap();
    assert!(
        first_line.starts_with(r#"{"id":1,"text":"#),
        "field order kept: {first_line}"
    );
    let err = stderr(&out);
    assert!(err.contains("<stdin>:2: not a JSON object"), "{err}");
    assert!(err.contains("<stdin>:3: no field \"text\""), "{err}");
    assert!(
        err.contains("<stdin>:4: field \"text\" is a number"),
        "{err}"
    );
}

#[test]
fn jsonl_explain_gives_edits_that_replay_on_the_input_and_meta_on_request() {
    let text = "Title  \n\n\n\nBody   text.";
    let record = serde_json::json!({ "body": text });
    let out = textmend(
        &["clean", "--jsonl", "--field", "body", "--explain", "--meta"],
        format!("{record}\n").as_bytes(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let record: Value = serde_json::from_str(stdout(&out).trim_end()).unwrap();
    let edits: Vec<textmend::Edit> = serde_json::from_value(record["edits"].clone()).unwrap();
    assert_eq!(edits.len(), 4);
    assert!(
        edits
            .iter()
            .all(|e| !e.stage.is_empty() && !e.reason.is_empty())
    );
    assert_eq!(
        textmend::edit::replay(text, &edits).unwrap(),
        record["body"].as_str().unwrap()
    );
    assert!(record["meta"].is_object());
}

#[test]
fn explain_in_text_mode_reports_line_and_column() {
    let out = textmend(&["clean", "--explain"], "é\nab  c\n".as_bytes());
    assert!(out.status.success());
    assert_eq!(stdout(&out), "é\nab c\n");
    let report = stderr(&out);
    assert!(report.contains("<stdin>: 1 edit\n"), "{report}");
    assert!(
        report.contains("<stdin>:2:3  bytes 5..7  whitespace  \"  \" -> \" \"  (repeated spaces)"),
        "{report}"
    );
}

#[test]
fn explain_shows_the_codec_path_of_a_mojibake_repair() {
    let input = "Iggy Pop (nÃƒÂ© Jim)\nIt’s â€œfineâ€\u{9d}.\n";
    let out = textmend(
        &["clean", "--preset", "encoding", "--explain"],
        input.as_bytes(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "Iggy Pop (né Jim)\nIt’s “fine”.\n");
    let report = stderr(&out);
    assert!(
        report.contains(
            "<stdin>:1:12  bytes 11..19  mojibake  \"ÃƒÂ©\" -> \"é\"  (utf-8 read as windows-1252, twice)"
        ),
        "{report}"
    );
    assert!(
        report.contains("mojibake  \"â€œ\" -> \"“\"  (utf-8 read as windows-1252)"),
        "{report}"
    );
    assert!(
        report.contains("mojibake  \"â€\\u{9d}\" -> \"”\"  (utf-8 read as latin-1)"),
        "{report}"
    );
}

#[test]
fn a_config_file_sets_the_pipeline() {
    let dir = scratch("config");
    let config = dir.join("pipeline.toml");
    std::fs::write(
        &config,
        "[[stages]]\nname = \"whitespace\"\nmax_blank_lines = 2\n",
    )
    .unwrap();
    let out = textmend(
        &["clean", "--config", config.to_str().unwrap()],
        b"a\n\n\n\n\nb\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "a\n\n\nb\n");

    std::fs::write(
        &config,
        "[[stages]]\nname = \"whitespace\"\nmax_blank = 2\n",
    )
    .unwrap();
    let out = textmend(&["clean", "--config", config.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("pipeline.toml"), "{}", stderr(&out));
    assert!(stderr(&out).contains("max_blank"), "{}", stderr(&out));
}

#[test]
fn usage_errors_exit_2_and_say_what_is_wrong() {
    for (args, message) in [
        (
            &["clean", "--preset", "nope"][..],
            "unknown preset \"nope\"",
        ),
        (
            &["clean", "--stages", "whitespace,spelling"][..],
            "unknown stage \"spelling\"",
        ),
        (
            &["clean", "--encoding", "klingon"][..],
            "unknown encoding \"klingon\"",
        ),
        (
            &["clean", "--jsonl", "--encoding", "latin1"][..],
            "--encoding applies to plain-text",
        ),
        (
            &["clean", "--preset", "news", "--stages", "whitespace"][..],
            "cannot be used with",
        ),
        (
            &["clean", "--out-dir", "x"][..],
            "--out-dir needs input files",
        ),
        (&["frobnicate"][..], "unrecognized subcommand"),
    ] {
        let out = textmend(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn stages_lists_every_stage_and_preset_and_says_what_is_missing() {
    let out = textmend(&["stages"], b"");
    assert!(out.status.success());
    let listing = stdout(&out);
    for stage in textmend::registry::STAGES {
        let line = listing
            .lines()
            .find(|l| l.trim_start().starts_with(stage.name))
            .unwrap_or_else(|| panic!("{} is listed", stage.name));
        assert_eq!(line.contains("not built yet"), !stage.built, "{line}");
    }
    for preset in textmend::registry::PRESETS {
        assert!(
            listing.contains(&format!("  {:<12} ", preset.name)),
            "{listing}"
        );
    }
}
