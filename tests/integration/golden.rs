//! Whole documents as data: every `corpus/golden/NAME.input.txt` is cleaned and compared with
//! `NAME.expected.txt`, byte for byte.
//!
//! A case is a set of files sharing `NAME`:
//!
//! - `NAME.input.txt`: the input, as bytes (it goes through `decode`, like a file given to the CLI);
//! - `NAME.expected.txt`: the exact expected output (UTF-8);
//! - `NAME.meta.json` (optional): the expected metadata, a JSON object compared as a JSON value
//!   with the serialized `Meta` (so every field the run fills in must be listed);
//! - `NAME.toml` (optional): the pipeline config; without one the case runs the `minimal` preset.
//!
//! Besides the comparison, each case checks that the log replays and that the expected output
//! is a fixed point (cleaning it again changes nothing).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use textmend::edit::replay_bytes;
use textmend::{Pipeline, PipelineConfig};

const SUFFIXES: [&str; 4] = [".input.txt", ".expected.txt", ".meta.json", ".toml"];

#[test]
fn golden_cases() {
    let dir = crate::corpus_path("golden");
    let cases = find_cases(&dir);
    assert!(
        !cases.is_empty(),
        "no golden cases (*.input.txt) in {}",
        dir.display()
    );
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|name| run_case(&dir, name).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} golden cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

/// The names of the cases, sorted; panics on a file that belongs to no case (a misspelt suffix
/// would otherwise be skipped without a word).
fn find_cases(dir: &Path) -> Vec<String> {
    let mut files: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries {
        let file_name = entry.expect("a directory entry").file_name();
        let file_name = file_name.to_str().expect("golden file names are UTF-8");
        let (name, suffix) = SUFFIXES
            .iter()
            .find_map(|s| file_name.strip_suffix(s).map(|name| (name, *s)))
            .unwrap_or_else(|| {
                panic!(
                    "corpus/golden/{file_name} is not part of a case (suffixes: {})",
                    SUFFIXES.join(", ")
                )
            });
        files.entry(name.to_owned()).or_default().push(suffix);
    }
    for (name, suffixes) in &files {
        for required in [".input.txt", ".expected.txt"] {
            assert!(
                suffixes.contains(&required),
                "golden case {name:?} has no {name}{required}"
            );
        }
    }
    files.into_keys().collect()
}

fn run_case(dir: &Path, name: &str) -> Result<(), String> {
    let read = |suffix: &str| std::fs::read(dir.join(format!("{name}{suffix}"))).ok();
    let input = read(".input.txt").expect("found above");
    let expected = String::from_utf8(read(".expected.txt").expect("found above"))
        .map_err(|e| format!("{name}: {name}.expected.txt is not UTF-8: {e}"))?;

    let pipeline = match read(".toml") {
        Some(toml) => {
            let toml = String::from_utf8(toml).map_err(|e| format!("{name}.toml: {e}"))?;
            let config =
                PipelineConfig::from_toml(&toml).map_err(|e| format!("{name}.toml: {e}"))?;
            Pipeline::from_config(&config).map_err(|e| format!("{name}.toml: {e}"))?
        }
        None => Pipeline::preset("minimal").expect("the minimal preset exists"),
    };

    let cleaned = pipeline.clean_bytes(&input);
    if cleaned.text != expected {
        return Err(format!(
            "{name}: the output differs from {name}.expected.txt ({} stages: {})\n{}",
            pipeline.stage_names().len(),
            pipeline.stage_names().join(", "),
            first_difference(&expected, &cleaned.text)
        ));
    }

    let replayed = replay_bytes(&input, &cleaned.edits).map_err(|e| format!("{name}: {e}"))?;
    if replayed != cleaned.text.as_bytes() {
        return Err(format!(
            "{name}: replaying the log does not give the output\n{}",
            first_difference(&cleaned.text, &String::from_utf8_lossy(&replayed))
        ));
    }

    if let Some(meta) = read(".meta.json") {
        let want: serde_json::Value =
            serde_json::from_slice(&meta).map_err(|e| format!("{name}.meta.json: {e}"))?;
        let got = serde_json::to_value(&cleaned.meta).expect("Meta serializes");
        if want != got {
            return Err(format!(
                "{name}: metadata differs from {name}.meta.json\n  expected: {want}\n  actual:   {got}"
            ));
        }
    }

    let again = pipeline.clean(&expected);
    if !matches!(again.text, Cow::Borrowed(_)) || !again.edits.is_empty() {
        return Err(format!(
            "{name}: cleaning the expected output again changes it: {:?}",
            again.edits
        ));
    }
    Ok(())
}

/// Where two texts first differ: the line number, the character in that line, and both
/// versions of the line (around the difference, when the line is long).
fn first_difference(expected: &str, actual: &str) -> String {
    let mut expected_lines = expected.split_inclusive('\n');
    let mut actual_lines = actual.split_inclusive('\n');
    let mut number = 1;
    loop {
        match (expected_lines.next(), actual_lines.next()) {
            (Some(e), Some(a)) if e == a => number += 1,
            (None, None) => return "  (the texts are equal)".to_owned(),
            (e, a) => {
                let column = match (e, a) {
                    (Some(e), Some(a)) => {
                        e.chars().zip(a.chars()).take_while(|(x, y)| x == y).count()
                    }
                    _ => 0,
                };
                let show = |line: Option<&str>| match line {
                    None => "<end of text>".to_owned(),
                    Some(line) => excerpt(line, column),
                };
                return format!(
                    "  first difference at line {number}, character {}:\n  expected: {}\n  actual:   {}\n  \
                     (expected {} lines / {} bytes, actual {} lines / {} bytes)",
                    column + 1,
                    show(e),
                    show(a),
                    expected.split_inclusive('\n').count(),
                    expected.len(),
                    actual.split_inclusive('\n').count(),
                    actual.len()
                );
            }
        }
    }
}

/// `line` quoted, cut to about 40 characters on each side of character `at` when it is long.
fn excerpt(line: &str, at: usize) -> String {
    const SIDE: usize = 40;
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= 2 * SIDE + 20 {
        return format!("{line:?}");
    }
    let from = at.saturating_sub(SIDE);
    let to = (at + SIDE).min(chars.len());
    let middle: String = chars[from..to].iter().collect();
    format!(
        "{}{middle:?}{}",
        if from > 0 { "..." } else { "" },
        if to < chars.len() { "..." } else { "" }
    )
}

#[test]
fn first_difference_names_the_line() {
    let report = first_difference("a\nb\nc\n", "a\nb \nc\n");
    assert!(report.contains("line 2, character 2"), "{report}");
    assert!(
        report.contains(r#""b\n""#) && report.contains(r#""b \n""#),
        "{report}"
    );
    let report = first_difference("a\n", "a\nb\n");
    assert!(
        report.contains("line 2") && report.contains("<end of text>"),
        "{report}"
    );
    let long = "word ".repeat(100);
    let report = first_difference(
        &long,
        &format!("{}ward {}", "word ".repeat(49), "word ".repeat(50)),
    );
    assert!(
        report.contains("character 247") && report.contains("...\"") && report.contains("ward"),
        "{report}"
    );
}
