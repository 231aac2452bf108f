//! `whitespace`: spaces and blank lines.
//!
//! **Repairs** spaces and tabs at the ends of lines, runs of two or more spaces inside a line
//! (collapsed to one), runs of blank lines longer than `max_blank_lines`, blank lines at the start
//! and end of the document, and a missing or repeated final newline (the text ends with exactly
//! one).
//!
//! **Will not touch** indentation at the start of a line (it marks code, verse, quotations and
//! indented paragraphs, which later stages and readers rely on), tabs inside a line (tables),
//! line endings (`\r\n` stays `\r\n`: converting them is the `unicode` stage's job), or any
//! non-ASCII space (no-break and other Unicode spaces are the `unicode` stage's job too).
//!
//! **Evidence**: none is needed; these are layout, not content. Every removed character is an
//! edit in the log.
//!
//! ```
//! use textmend::{Meta, Stage};
//! use textmend::stages::NormalizeWhitespace;
//!
//! let stage = NormalizeWhitespace::default();
//! let out = stage.apply("\n\nTitle  \n\n\n\n    indented,  kept\nend", &mut Meta::default());
//! assert_eq!(out.text(), "Title\n\n    indented, kept\nend\n");
//! ```

use memchr::memchr;
use memchr::memmem;
use serde::{Deserialize, Serialize};

use crate::edit::{Rewrite, Rewriter};
use crate::{Meta, Stage};

/// The `whitespace` stage's settings. Everything is on by default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct NormalizeWhitespace {
    /// Remove spaces and tabs at the end of each line.
    pub trailing: bool,
    /// Collapse runs of spaces inside a line (not its indentation) to one space.
    pub collapse_spaces: bool,
    /// The most blank lines kept in a row; longer runs are cut to this.
    pub max_blank_lines: usize,
    /// Remove blank lines (and trailing spaces) at the start and end of the document.
    pub trim: bool,
    /// End a non-empty document with exactly one line break.
    pub final_newline: bool,
}

impl Default for NormalizeWhitespace {
    fn default() -> Self {
        NormalizeWhitespace {
            trailing: true,
            collapse_spaces: true,
            max_blank_lines: 1,
            trim: true,
            final_newline: true,
        }
    }
}

impl NormalizeWhitespace {
    /// Sets [`trailing`](Self::trailing).
    pub fn trailing(mut self, on: bool) -> Self {
        self.trailing = on;
        self
    }

    /// Sets [`collapse_spaces`](Self::collapse_spaces).
    pub fn collapse_spaces(mut self, on: bool) -> Self {
        self.collapse_spaces = on;
        self
    }

    /// Sets [`max_blank_lines`](Self::max_blank_lines).
    pub fn max_blank_lines(mut self, n: usize) -> Self {
        self.max_blank_lines = n;
        self
    }

    /// Sets [`trim`](Self::trim).
    pub fn trim(mut self, on: bool) -> Self {
        self.trim = on;
        self
    }

    /// Sets [`final_newline`](Self::final_newline).
    pub fn final_newline(mut self, on: bool) -> Self {
        self.final_newline = on;
        self
    }
}

fn is_blank(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// One line: `start..content_end` is its text, `content_end..next` its line break (if any).
struct Line {
    start: usize,
    /// End of the text, before `\r\n` or `\n`.
    content_end: usize,
    /// End of the text without trailing spaces and tabs.
    trimmed_end: usize,
    /// Start of the next line.
    next: usize,
}

/// The line feeds of a text, found in one pass over it and read in order.
struct LineFeeds<'a> {
    feeds: memchr::Memchr<'a>,
    next: Option<usize>,
}

impl<'a> LineFeeds<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        let mut feeds = memchr::memchr_iter(b'\n', bytes);
        let next = feeds.next();
        LineFeeds { feeds, next }
    }

    /// The first line feed at or after `at`.
    fn first_from(&mut self, at: usize) -> Option<usize> {
        while let Some(n) = self.next
            && n < at
        {
            self.next = self.feeds.next();
        }
        self.next
    }
}

/// The line that starts at `start`, ending at the first line feed before `limit`.
fn line_at(bytes: &[u8], start: usize, limit: usize, feeds: &mut LineFeeds<'_>) -> Line {
    let newline = feeds.first_from(start).filter(|&nl| nl < limit);
    let (content_end, next) = match newline {
        Some(nl) if nl > start && bytes[nl - 1] == b'\r' => (nl - 1, nl + 1),
        Some(nl) => (nl, nl + 1),
        None => (limit, limit),
    };
    let trimmed_end = start
        + bytes[start..content_end]
            .iter()
            .rposition(|&b| !is_blank(b) && b != b'\r')
            .map_or(0, |i| i + 1);
    Line {
        start,
        content_end,
        trimmed_end,
        next,
    }
}

impl Stage for NormalizeWhitespace {
    fn name(&self) -> &str {
        "whitespace"
    }

    fn config(&self) -> Option<crate::StageConfig> {
        Some(crate::StageConfig::Whitespace(self.clone()))
    }

    fn apply<'a>(&self, text: &'a str, _meta: &mut Meta) -> Rewrite<'a> {
        let bytes = text.as_bytes();
        let mut out = Rewriter::new(text);
        let spaces = memmem::Finder::new("  ");

        // The document's content ends after its last character that is not white space.
        let content_end = bytes
            .iter()
            .rposition(|&b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
            .map_or(0, |i| i + 1);
        if self.trim && content_end == 0 {
            out.delete(0..text.len(), "blank document");
            return out.finish();
        }

        let mut feeds = LineFeeds::new(bytes);
        let mut pos = 0;
        if self.trim {
            loop {
                let line = line_at(bytes, pos, bytes.len(), &mut feeds);
                if line.trimmed_end > line.start || line.next == line.content_end {
                    break;
                }
                pos = line.next;
            }
            out.delete(0..pos, "leading blank lines");
        }

        let limit = if self.trim { content_end } else { text.len() };
        let mut blank_run = 0;
        // The next two spaces in a row (the length of the text when there are none), found in the
        // text from the line being read on rather than line by line: most lines have none.
        let find_double = |from: usize| {
            spaces
                .find(&bytes[from..])
                .map_or(bytes.len(), |i| from + i)
        };
        let mut double = if self.collapse_spaces {
            find_double(pos)
        } else {
            0
        };
        while pos < limit {
            let line = line_at(bytes, pos, limit, &mut feeds);
            if line.trimmed_end == line.start {
                blank_run += 1;
                if blank_run > self.max_blank_lines {
                    // The empty lines right after it (`\n` or `\r\n` alone) are deleted too: one
                    // deletion, which is what their deletions one by one would merge into.
                    let mut next = line.next;
                    while next < limit {
                        let len = match bytes[next] {
                            b'\n' => 1,
                            b'\r' if bytes.get(next + 1) == Some(&b'\n') => 2,
                            _ => break,
                        };
                        next += len;
                        blank_run += 1;
                    }
                    out.delete(line.start..next, "blank lines");
                    pos = next;
                    continue;
                } else if self.trailing && line.content_end > line.start {
                    out.delete(line.start..line.content_end, "trailing whitespace");
                }
            } else {
                blank_run = 0;
                if self.collapse_spaces {
                    let indent = bytes[line.start..line.trimmed_end]
                        .iter()
                        .take_while(|&&b| is_blank(b))
                        .count();
                    let mut at = line.start + indent;
                    if double < at {
                        double = find_double(at);
                    }
                    // (No search at all in a line without two spaces in a row.)
                    if double >= line.trimmed_end {
                        at = line.trimmed_end;
                    }
                    while at < line.trimmed_end
                        && let Some(i) = spaces.find(&bytes[at..line.trimmed_end])
                    {
                        let run_start = at + i;
                        let run_end = run_start
                            + bytes[run_start..line.trimmed_end]
                                .iter()
                                .take_while(|&&b| b == b' ')
                                .count();
                        out.replace(run_start..run_end, " ", "repeated spaces");
                        at = run_end;
                    }
                }
                if self.trailing && line.content_end > line.trimmed_end {
                    out.delete(line.trimmed_end..line.content_end, "trailing whitespace");
                }
            }
            pos = line.next;
        }

        if self.trim {
            let ending = if self.final_newline {
                line_ending(bytes, content_end)
            } else {
                ""
            };
            out.replace(content_end..text.len(), ending, "end of document");
        } else if self.final_newline && !text.is_empty() && !text.ends_with('\n') {
            out.insert(text.len(), line_ending(bytes, 0), "final newline");
        }
        out.finish()
    }
}

/// The line break this document uses at or after `from`, else its first one, else `\n`.
fn line_ending(bytes: &[u8], from: usize) -> &'static str {
    let nl = memchr(b'\n', &bytes[from..])
        .map(|i| from + i)
        .or_else(|| memchr(b'\n', bytes));
    match nl {
        Some(i) if i > 0 && bytes[i - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn run(stage: &NormalizeWhitespace, text: &str) -> String {
        stage.apply(text, &mut Meta::default()).text().to_owned()
    }

    #[test]
    fn clean_text_comes_back_borrowed() {
        let text = "One paragraph.\n\nTwo,\n  with an indented line.\n";
        let (out, edits) = NormalizeWhitespace::default()
            .apply(text, &mut Meta::default())
            .into_parts();
        assert!(matches!(out, Cow::Borrowed(_)));
        assert!(edits.is_empty());
    }

    #[test]
    fn repairs_each_kind_of_damage() {
        let s = NormalizeWhitespace::default();
        assert_eq!(run(&s, "a  b   c"), "a b c\n");
        assert_eq!(run(&s, "a \t\nb"), "a\nb\n");
        assert_eq!(run(&s, "a\n\n\n\nb\n\n\n"), "a\n\nb\n");
        assert_eq!(run(&s, "  \n\n a"), " a\n");
        assert_eq!(run(&s, "   \n \n"), "");
        assert_eq!(run(&s, ""), "");
        assert_eq!(run(&s, "a\r\n \r\n\r\n\r\nb  \r\n\r\n"), "a\r\n\r\nb\r\n");
    }

    #[test]
    fn settings_turn_repairs_off() {
        let s = NormalizeWhitespace::default()
            .collapse_spaces(false)
            .max_blank_lines(2)
            .trim(false)
            .final_newline(false);
        assert_eq!(run(&s, "\n\n\n\na  b\n\n\n\nc  "), "\n\na  b\n\n\nc");
    }
}
