//! `--diff` in text mode: the lines of the input that changed, each change shown in place, for a
//! person to read in a terminal.
//!
//! A change is `[-what went-]{+what came+}` (only one of them when nothing went or nothing came),
//! in red and green on a terminal. A line break inside a change is shown as `↵`. Lines nobody
//! changed are left out; each run of changed lines is headed by its line number in the input.

use std::fmt::Write as _;

use textmend::Edit;

/// The diff view of `input` (bytes, as given) under the edits of its log, whose spans are byte
/// ranges of `input`.
pub fn view(name: &str, input: &[u8], edits: &[Edit], colour: bool) -> String {
    let (red, green, dim, reset) = if colour {
        ("\x1b[31m", "\x1b[32m", "\x1b[2m", "\x1b[0m")
    } else {
        ("", "", "", "")
    };
    let mut out = String::new();
    let count = edits.len();
    let _ = writeln!(
        out,
        "{dim}--- {name}: {count} change{}{reset}",
        if count == 1 { "" } else { "s" }
    );
    let mut k = 0;
    while k < edits.len() {
        // A hunk: from the start of the first edit's line to the end of the last edit's line,
        // taking in every edit that begins on a line the hunk already covers.
        let start = line_start(input, edits[k].start);
        let mut end = line_end(input, edits[k].end);
        let first = k;
        k += 1;
        while k < edits.len() && edits[k].start <= end {
            end = end.max(line_end(input, edits[k].end));
            k += 1;
        }
        let line = 1 + memchr::memchr_iter(b'\n', &input[..start]).count();
        let _ = write!(out, "{dim}{line:>5} |{reset} ");
        let mut at = start;
        for (j, edit) in edits[first..k].iter().enumerate() {
            push_plain(&mut out, &input[at..edit.start], j > 0, true, dim, reset);
            if !edit.before.is_empty() {
                let _ = write!(out, "{red}[-{}-]{reset}", shown(&edit.before));
            }
            if !edit.after.is_empty() {
                let _ = write!(out, "{green}{{+{}+}}{reset}", shown(&edit.after));
            }
            at = edit.end;
        }
        push_plain(&mut out, &input[at..end], true, false, dim, reset);
        out.push('\n');
    }
    out
}

/// Unchanged text of a hunk, `after_edit` and `before_edit` saying whether a change touches it
/// on either side. Its own line breaks start a new margin, and a long stretch keeps only the
/// words next to the changes around it (or its ends, for a whole unchanged line).
fn push_plain(
    out: &mut String,
    bytes: &[u8],
    after_edit: bool,
    before_edit: bool,
    dim: &str,
    reset: &str,
) {
    let text = String::from_utf8_lossy(bytes);
    let pieces: Vec<&str> = text.split('\n').collect();
    let last = pieces.len() - 1;
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            let _ = write!(out, "\n{dim}      |{reset} ");
        }
        let head = i == 0 && after_edit;
        let tail = i == last && before_edit;
        out.push_str(&elide(piece, head || !tail, tail || !head));
    }
}

/// How many characters of unchanged text are kept next to a change.
const CONTEXT: usize = 40;

/// `piece`, or its first and/or last [`CONTEXT`] characters around a `…` when it is long.
fn elide(piece: &str, keep_head: bool, keep_tail: bool) -> String {
    let n = piece.chars().count();
    if n <= 2 * CONTEXT + 10 {
        return piece.to_owned();
    }
    let head: String = piece.chars().take(CONTEXT).collect();
    let tail: String = piece.chars().skip(n - CONTEXT).collect();
    match (keep_head, keep_tail) {
        (true, false) => format!("{head} …"),
        (false, true) => format!("… {tail}"),
        _ => format!("{head} … {tail}"),
    }
}

/// A change's text with its line breaks made visible.
fn shown(text: &str) -> String {
    text.replace("\r\n", "↵").replace(['\n', '\r'], "↵")
}

/// Where the line holding byte `at` begins.
fn line_start(input: &[u8], at: usize) -> usize {
    memchr::memrchr(b'\n', &input[..at]).map_or(0, |i| i + 1)
}

/// Where the line holding byte `at` ends (before its line break).
fn line_end(input: &[u8], at: usize) -> usize {
    memchr::memchr(b'\n', &input[at..]).map_or(input.len(), |i| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_unchanged_stretches_keep_the_words_next_to_the_change() {
        let long = "word ".repeat(30);
        let input = format!("{long}end  of {long}\n");
        let cleaned = textmend::clean(&input);
        let view = view("b.txt", input.as_bytes(), &cleaned.edits, false);
        assert_eq!(
            view,
            "--- b.txt: 2 changes\n    \
             1 | … d word word word word word word word end[-  -]{+ +}of word word word word \
             word word word wo …  word word word word word word word word[- ↵-]{+↵+}\n"
        );
    }

    #[test]
    fn changes_in_place_and_only_changed_lines() {
        let input = "Title\n\nIt doesnt  matter.\nSame line.\nand\n\nmore.\n";
        let cleaned = textmend::clean(input);
        let view = view("a.txt", input.as_bytes(), &cleaned.edits, false);
        assert_eq!(
            view,
            format!(
                "--- a.txt: {n} changes\n    \
                 3 | It [-doesnt-]{{+doesn't+}}[-  -]{{+ +}}matter.\n    \
                 5 | and[-↵↵-]{{+ +}}more.\n",
                n = cleaned.edits.len()
            )
        );
    }
}
