//! The checks every target makes on a result: the invariants of the design, not just "no crash".
//!
//! - the log is well formed: sorted, not overlapping, in bounds, on character boundaries of the
//!   input (for text), each edit changing something and `before` holding the input's text of its
//!   range (so that nothing leaves the text without a trace: no silent loss);
//! - the log replays: applying it to the input gives the output;
//! - the output is valid UTF-8 (it is a `String`; replaying as bytes must give its bytes);
//! - idempotence: cleaning the output again changes nothing, and the result is borrowed.
#![allow(dead_code)]

use std::borrow::Cow;

use textmend::{Edit, Pipeline};

/// The log of `pipeline.clean(input)` is well formed and replays on `input` to `output`.
pub fn check_text_log(input: &str, output: &str, edits: &[Edit], what: &str) {
    let mut copied = 0;
    for e in edits {
        assert!(
            copied <= e.start && e.start <= e.end && e.end <= input.len(),
            "{what}: edit out of order or bounds: {e:?}"
        );
        assert!(
            input.is_char_boundary(e.start) && input.is_char_boundary(e.end),
            "{what}: edit off a character boundary: {e:?}"
        );
        assert_eq!(e.before, input[e.start..e.end], "{what}: wrong `before`: {e:?}");
        assert_ne!(e.before, e.after, "{what}: an edit that changes nothing: {e:?}");
        assert!(!e.stage.is_empty() && !e.reason.is_empty(), "{what}: {e:?}");
        copied = e.end;
    }
    let replayed = textmend::edit::replay(input, edits).expect("the log replays");
    assert_eq!(replayed, output, "{what}: the log does not replay");
}

/// The same for a log of `clean_bytes`, whose ranges are bytes of the input.
pub fn check_bytes_log(input: &[u8], output: &str, edits: &[Edit], what: &str) {
    let mut copied = 0;
    for e in edits {
        assert!(
            copied <= e.start && e.start <= e.end && e.end <= input.len(),
            "{what}: edit out of order or bounds: {e:?}"
        );
        if let Ok(before) = std::str::from_utf8(&input[e.start..e.end]) {
            // Invalid bytes are written as `\xNN` escapes; valid text as it is.
            if !before.contains('\\') {
                assert!(
                    e.before == before || e.before.contains("\\x"),
                    "{what}: wrong `before`: {e:?}"
                );
            }
        }
        assert!(!e.stage.is_empty() && !e.reason.is_empty(), "{what}: {e:?}");
        copied = e.end;
    }
    let replayed = textmend::edit::replay_bytes(input, edits).expect("the log replays");
    assert_eq!(
        replayed,
        output.as_bytes(),
        "{what}: the log does not replay"
    );
}

/// Cleaning `output` again with `pipeline` changes nothing and borrows.
pub fn check_idempotent(pipeline: &Pipeline, output: &str, what: &str) {
    let again = pipeline.clean(output);
    assert!(
        again.edits.is_empty(),
        "{what} is not idempotent: {output:?} -> {:?}",
        again.edits
    );
    assert!(matches!(again.text, Cow::Borrowed(_)), "{what}: not borrowed");
}
