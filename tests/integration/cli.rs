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
    assert!(
        err.contains("<stdin>:2: not JSON: EOF while parsing a string at column 22"),
        "{err}"
    );
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

// ---------------------------------------------------------------------------------------------
// Bad input: each case gets a message naming the file (and the line, for JSON Lines), no panic
// and no backtrace, the good records still written, and the documented exit code (0 all well,
// 1 some input could not be cleaned, 2 the command was wrong).

/// Starts textmend with `RUST_BACKTRACE=1`, so that a panic would show (see
/// [`assert_no_panic`]), its stdout and stderr piped.
fn spawn_showing_panics(args: &[&str], stdin: Stdio) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_textmend"))
        .args(args)
        .env("RUST_BACKTRACE", "1")
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("textmend runs")
}

/// Runs textmend with `RUST_BACKTRACE=1`, so that a panic would show, and checks that none did.
fn textmend_checked(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = spawn_showing_panics(args, Stdio::piped());
    let mut input = child.stdin.take().expect("stdin is piped");
    let stdin = stdin.to_vec();
    // A separate thread, so that a large input cannot block against a full stdout pipe.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let out = child.wait_with_output().expect("textmend finishes");
    writer.join().unwrap();
    assert_no_panic(&out);
    out
}

fn assert_no_panic(out: &Output) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("panicked") && !err.contains("stack backtrace") && !err.contains("RUST_"),
        "{err}"
    );
    // A panic exits with 101, a signal with no code.
    assert!(matches!(out.status.code(), Some(0..=2)), "{:?}", out.status);
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Every kind of bad JSON Lines record in one file, between good ones: each bad line is named
/// by file and line number, the good records are written in order, and the exit code is 1.
#[test]
fn bad_jsonl_records_are_reported_by_file_and_line_and_the_good_ones_written() {
    let dir = scratch("bad_jsonl");
    let file = dir.join("records.jsonl");
    let mut bytes = Vec::new();
    for line in [
        &br#"{"id":1,"text":"one  two"}"#[..],
        br#"{"id":2,"text":"broken"#,          // 2: malformed JSON
        br#"[1, 2, 3]"#,                       // 3: JSON, not an object
        br#""just a string""#,                 // 4: JSON, not an object
        br#"{"id":5,"body":"no text field"}"#, // 5: no field
        br#"{"id":6,"text":null}"#,            // 6: not a string
        br#"{"id":7,"text":["a"]}"#,           // 7: not a string
        b"{\"id\":8,\"text\":\"caf\xE9\"}",    // 8: invalid UTF-8 in the string
        b"\xFF\xFE{\"id\":9}",                 // 9: invalid UTF-8 outside
        br#"{"id":10,"text":"\ud800"}"#,       // 10: a lone surrogate escape
        b"   ",                                // 11: blank: no record, no error
        br#"{"id":12,"text":"twelve\n\n\n\nend"}"#,
    ] {
        bytes.extend_from_slice(line);
        bytes.push(b'\n');
    }
    bytes.extend_from_slice(br#"{"id":13,"text":"no final newline"}"#);
    std::fs::write(&file, &bytes).unwrap();

    let out = textmend_checked(&["clean", "--jsonl", path_str(&file)], b"");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let ids: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].clone())
        .collect();
    assert_eq!(ids, [1, 12, 13]);
    let err = stderr(&out);
    let name = path_str(&file);
    for (line, message) in [
        (2, "not JSON: EOF while parsing a string at column 22"),
        (3, "an array, not a JSON object"),
        (4, "a string, not a JSON object"),
        (5, "no field \"text\""),
        (6, "field \"text\" is null, not a string"),
        (7, "field \"text\" is an array, not a string"),
        (8, "not UTF-8 (an invalid byte at column 20)"),
        (9, "not UTF-8 (an invalid byte at column 1)"),
        (10, "not JSON: unexpected end of hex escape at column 24"),
    ] {
        let expected = format!("textmend: {name}:{line}: {message}");
        assert!(err.contains(&expected), "{expected:?} in\n{err}");
    }
    assert_eq!(err.lines().count(), 9, "one line per bad record: {err}");
}

#[test]
fn an_empty_file_is_clean_text_and_no_records() {
    let dir = scratch("empty_file");
    let file = dir.join("empty.txt");
    std::fs::write(&file, b"").unwrap();
    for args in [
        &["clean", path_str(&file)][..],
        &["clean", "--jsonl", path_str(&file)][..],
        &["clean", "--meta", "--explain", path_str(&file)][..],
    ] {
        let out = textmend_checked(args, b"");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert_eq!(stdout(&out), "", "{args:?}");
    }
    // And an empty standard input.
    let out = textmend_checked(&["clean", "--jsonl"], b"");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "");
}

/// A directory, a missing file and a file that cannot be opened, among good files: each is
/// named with what went wrong, the good files are still cleaned, in order, and the exit code
/// is 1.
#[test]
fn unreadable_inputs_are_named_and_the_other_files_still_cleaned() {
    let dir = scratch("unreadable_inputs");
    let good = dir.join("good.txt");
    std::fs::write(&good, "good  text\n").unwrap();
    let records = dir.join("good.jsonl");
    std::fs::write(&records, "{\"text\":\"good  text\"}\n").unwrap();
    let subdir = dir.join("a-directory");
    std::fs::create_dir_all(&subdir).unwrap();
    let missing = dir.join("missing.txt");
    // A path below a regular file cannot be opened, even by root (for whom permissions do
    // not stop a read).
    let not_a_dir = good.join("below-a-file.txt");
    let locked = dir.join("locked.txt");
    std::fs::write(&locked, "secret\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    let locked_is_unreadable = std::fs::read(&locked).is_err();

    let bad = [&subdir, &missing, &not_a_dir];
    let mut text_args = vec!["clean", path_str(&good)];
    text_args.extend(bad.iter().map(|p| path_str(p)));
    text_args.push(path_str(&locked));
    text_args.push(path_str(&good));
    let out = textmend_checked(&text_args, b"");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let expected_locked = if locked_is_unreadable { "" } else { "secret\n" };
    assert_eq!(
        stdout(&out),
        format!("good text\n{expected_locked}good text\n")
    );
    let err = stderr(&out);
    for (path, why) in [
        (&subdir, "Is a directory"),
        (&missing, "No such file"),
        (&not_a_dir, "Not a directory"),
    ] {
        let expected = format!("textmend: {}: cannot read: {why}", path_str(path));
        assert!(err.contains(&expected), "{expected:?} in\n{err}");
    }
    if locked_is_unreadable {
        let expected = format!("textmend: {}: cannot read:", path_str(&locked));
        assert!(err.contains(&expected), "{expected:?} in\n{err}");
    }

    let mut jsonl_args = vec!["clean", "--jsonl", path_str(&records)];
    jsonl_args.extend(bad.iter().map(|p| path_str(p)));
    jsonl_args.push(path_str(&records));
    let out = textmend_checked(&jsonl_args, b"");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "{\"text\":\"good text\\n\"}\n{\"text\":\"good text\\n\"}\n"
    );
    let err = stderr(&out);
    for path in bad {
        let expected = format!("textmend: {}: cannot read:", path_str(path));
        assert!(err.contains(&expected), "{expected:?} in\n{err}");
    }
}

/// An `--out-dir` that is a file cannot be made a directory: the command is wrong, exit 2,
/// nothing written. An output file that cannot be created (a directory is in its place) is
/// named; the other files are still written; exit 1.
#[test]
fn an_out_dir_that_cannot_be_written_is_reported() {
    let dir = scratch("out_dir_unwritable");
    let a = dir.join("a.txt");
    let b = dir.join("b.txt");
    std::fs::write(&a, "a  a\n").unwrap();
    std::fs::write(&b, "b  b\n").unwrap();
    let a_file = dir.join("plain-file");
    std::fs::write(&a_file, "").unwrap();
    for mode in [&[][..], &["--jsonl"][..]] {
        let mut args = vec!["clean", "--out-dir", path_str(&a_file)];
        args.extend(mode);
        args.push(path_str(&a));
        let out = textmend_checked(&args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let expected = format!("textmend: {}: cannot create:", path_str(&a_file));
        assert!(stderr(&out).contains(&expected), "{}", stderr(&out));
        assert_eq!(stdout(&out), "");
    }

    let out_dir = dir.join("out");
    std::fs::create_dir_all(out_dir.join("a.txt")).unwrap();
    let out = textmend_checked(
        &[
            "clean",
            "--out-dir",
            path_str(&out_dir),
            path_str(&a),
            path_str(&b),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let expected = format!("cannot write {}", path_str(&out_dir.join("a.txt")));
    assert!(stderr(&out).contains(&expected), "{}", stderr(&out));
    assert!(stderr(&out).contains(path_str(&a)), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(out_dir.join("b.txt")).unwrap(),
        "b b\n"
    );

    std::fs::write(&a, "{\"text\":\"a  a\"}\n").unwrap();
    std::fs::write(&b, "{\"text\":\"b  b\"}\n").unwrap();
    let out = textmend_checked(
        &[
            "clean",
            "--jsonl",
            "--out-dir",
            path_str(&out_dir),
            path_str(&a),
            path_str(&b),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let expected = format!(
        "textmend: {}: cannot create:",
        path_str(&out_dir.join("a.txt"))
    );
    assert!(stderr(&out).contains(&expected), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(out_dir.join("b.txt")).unwrap(),
        "{\"text\":\"b b\\n\"}\n"
    );
}

/// Configs that are wrong: an unknown stage, an unknown option, an option of the wrong type, a
/// bad value, a file that is not TOML or JSON, in both formats; each exits 2 with the file's
/// name and what is wrong, before any input is read.
#[test]
fn a_bad_config_names_the_file_and_the_problem() {
    let dir = scratch("bad_config");
    for (name, text, message) in [
        (
            "unknown-stage.toml",
            "[[stages]]\nname = \"spelling\"\n",
            "spelling",
        ),
        (
            "unknown-stage.json",
            r#"{"stages":[{"name":"spelling"}]}"#,
            "spelling",
        ),
        (
            "unknown-option.toml",
            "[[stages]]\nname = \"whitespace\"\nmax_blanks = 2\n",
            "max_blanks",
        ),
        (
            "unknown-option.json",
            r#"{"stages":[{"name":"whitespace","max_blanks":2}]}"#,
            "max_blanks",
        ),
        (
            "wrong-type.toml",
            "[[stages]]\nname = \"whitespace\"\nmax_blank_lines = \"two\"\n",
            "max_blank_lines",
        ),
        (
            "wrong-type.json",
            r#"{"stages":[{"name":"whitespace","max_blank_lines":-1}]}"#,
            "-1",
        ),
        (
            "bad-encoding.toml",
            "[[stages]]\nname = \"decode\"\nencoding = \"klingon\"\n",
            "klingon",
        ),
        (
            "bad-regex.toml",
            "[[stages]]\nname = \"boilerplate\"\npatterns = [\"(\"]\n",
            "(",
        ),
        ("unknown-preset.toml", "preset = \"nope\"\n", "nope"),
        ("not-toml.toml", "[[stages]\nname = ", "TOML"),
        ("not-json.json", "{\"stages\": [", "JSON"),
    ] {
        let config = dir.join(name);
        std::fs::write(&config, text).unwrap();
        let out = textmend_checked(&["clean", "--config", path_str(&config)], b"text\n");
        assert_eq!(out.status.code(), Some(2), "{name}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.starts_with("textmend: "), "{name}: {err}");
        assert!(err.contains(path_str(&config)), "{name}: {err}");
        assert!(err.contains(message), "{name}: {message:?} in {err}");
        assert_eq!(stdout(&out), "", "{name}");
    }
    let missing = dir.join("missing.toml");
    let out = textmend_checked(&["clean", "--config", path_str(&missing)], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("missing.toml: cannot read config"));
}

/// `--encoding` with a label encoding_rs does not know exits 2 and names the label, in every
/// spelling a user might try.
#[test]
fn an_unknown_encoding_label_is_a_usage_error() {
    for label in ["klingon", "", "utf-9", "windows-9999"] {
        let out = textmend_checked(&["clean", "--encoding", label], b"text\n");
        assert_eq!(out.status.code(), Some(2), "{label:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(&format!("unknown encoding {label:?}")),
            "{}",
            stderr(&out)
        );
        assert_eq!(stdout(&out), "");
    }
}

/// Runs textmend with `args`, reads one line of its output (there is one at least) and closes
/// its stdout; what it did then, checked not to be a panic.
fn closed_after_one_line(args: &[&str]) -> Output {
    use std::io::{BufRead, BufReader};
    let mut child = spawn_showing_panics(args, Stdio::null());
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader is dropped here: stdout is closed after one line.
    assert!(!first.is_empty(), "{args:?}");
    let out = child.wait_with_output().unwrap();
    assert_no_panic(&out);
    out
}

/// `textmend ... | head -1`: the reader closes stdout early. textmend stops quietly, with exit
/// code 0, no message and no panic, in text mode and in JSON Lines mode.
#[test]
fn stdout_closed_early_stops_quietly() {
    let dir = scratch("stdout_closed");
    let text = dir.join("big.txt");
    std::fs::write(&text, "A line of text.\n\n".repeat(200_000)).unwrap();
    let records = dir.join("big.jsonl");
    std::fs::write(&records, "{\"text\":\"A  record.\"}\n".repeat(200_000)).unwrap();
    for args in [
        vec![
            "clean",
            "--preset",
            "minimal",
            path_str(&text),
            path_str(&text),
        ],
        vec![
            "clean",
            "--jsonl",
            "--preset",
            "minimal",
            path_str(&records),
        ],
    ] {
        let out = closed_after_one_line(&args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?}");
    }
}

/// JSON Lines written on Windows end their lines with `\r\n`: each is a record like any other.
#[test]
fn jsonl_with_crlf_line_endings_reads_as_records() {
    let out = textmend_checked(
        &["clean", "--jsonl", "--preset", "minimal"],
        b"{\"text\":\"one  two\"}\r\n{\"text\":\"three\"}\r\n\r\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "{\"text\":\"one two\\n\"}\n{\"text\":\"three\\n\"}\n"
    );
}

/// Batches are cleaned side by side on two threads and written in their order: records longer
/// than a batch, between many short ones, come out where they went in, each cleaned.
#[test]
fn jsonl_keeps_order_across_batches_and_records_longer_than_a_batch() {
    let dir = scratch("jsonl-batches");
    let path = dir.join("records.jsonl");
    let long = "word  word\n".repeat(120_000); // 1.3 MB, longer than a batch
    let mut input = String::new();
    for id in 0..1500 {
        let text = if id % 500 == 7 {
            long.as_str()
        } else {
            "one  two"
        };
        input.push_str(&serde_json::json!({ "id": id, "text": text }).to_string());
        input.push('\n');
    }
    std::fs::write(&path, input).unwrap();
    let out = textmend_checked(
        &[
            "clean",
            "--jsonl",
            "--threads",
            "2",
            "--preset",
            "minimal",
            path_str(&path),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let long_cleaned = "word word\n".repeat(120_000);
    let mut lines = 0;
    for (id, line) in stdout(&out).lines().enumerate() {
        let record: Value = serde_json::from_str(line).unwrap();
        assert_eq!(record["id"], id, "record {id} in its place");
        let expected = if id % 500 == 7 {
            long_cleaned.as_str()
        } else {
            "one two\n"
        };
        assert!(record["text"] == expected, "record {id} cleaned");
        lines += 1;
    }
    assert_eq!(lines, 1500);
}

/// Files are cleaned side by side and written to stdout in the order they were named: more
/// of them than a group holds, in more groups than are in flight at once, a long one among
/// them (which ends its group).
#[test]
fn files_come_out_in_the_order_they_were_named() {
    let dir = scratch("files-in-order");
    let mut paths = Vec::new();
    let mut expected = String::new();
    for k in 0..300 {
        let path = dir.join(format!("{k:03}.txt"));
        let (text, cleaned) = if k == 3 {
            (
                "long  line\n".repeat(150_000),
                "long line\n".repeat(150_000),
            )
        } else {
            (format!("file  {k}\n"), format!("file {k}\n"))
        };
        std::fs::write(&path, text).unwrap();
        expected.push_str(&cleaned);
        paths.push(path);
    }
    let mut args = vec!["clean", "--threads", "2", "--preset", "minimal"];
    args.extend(paths.iter().map(|p| path_str(p)));
    let out = textmend_checked(&args, b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out) == expected, "the files' texts, in order");
}

/// Standard output closed early stops the run quietly, but an input reported before that still
/// makes the exit status 1.
#[test]
fn stdout_closed_early_keeps_the_status_of_what_was_reported_before() {
    let dir = scratch("stdout_closed_after_an_error");
    let text = dir.join("big.txt");
    std::fs::write(&text, "A line of text.\n\n".repeat(200_000)).unwrap();
    let records = dir.join("big.jsonl");
    let mut jsonl = String::from("not json\n");
    jsonl.push_str(&"{\"text\":\"A  record.\"}\n".repeat(200_000));
    std::fs::write(&records, jsonl).unwrap();
    let missing = dir.join("missing.txt");
    for (args, reported) in [
        (
            vec!["clean", path_str(&missing), path_str(&text)],
            "missing.txt: cannot read",
        ),
        (
            vec!["clean", "--jsonl", path_str(&records)],
            "big.jsonl:1: not JSON",
        ),
    ] {
        let out = closed_after_one_line(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(reported),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}
