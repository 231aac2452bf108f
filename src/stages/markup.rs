//! `markup`: what a Markdown or HTML conversion left behind.
//!
//! **Repairs**, each behind its own setting:
//! - emphasis markers around text: `**bold**`, `__bold__`, `*em*`, `_em_` (the text stays);
//! - links: `[text](https://...)` becomes `text`, an image `![alt](...)` its `alt`;
//! - autolinks: `<https://...>` becomes the bare URL (the `boilerplate` stage then decides whether
//!   the line is a source URL);
//! - stray HTML tags of known elements (`<b>`, `</p>`, `<span class="x">`, `<!-- ... -->`);
//!   `<br>` becomes a line break;
//! - heading markers: `## Title` becomes `Title`;
//! - horizontal rules inside the text: a line of three or more `-`, `*` or `_` becomes an empty
//!   line (before the first line of text and after the last, rules are separators, left for the
//!   `boilerplate` stage to read and remove).
//!
//! - character references (`&amp;`, `&#233;`) in a document that looked like HTML only because of
//!   the tags removed here: the `mojibake` stage leaves them in HTML, and would decode them in
//!   the text that is left (and repair what they decode to, with the `unicode` stage after it:
//!   that is done here too).
//!
//! It also lifts the document's title into `meta.title`: the first line that is not blank or
//! decoration (a rule, `-`, `•`), when it is a heading or bold from end to end.
//!
//! **Will not touch** asterisks and underscores that are not emphasis: `5 * 3`, a footnote mark
//! `word*`, `snake_case`, list bullets (`* item`), a lone `*`; angle brackets that are not a tag of
//! a known HTML element (`a < b`, `<3`, `<tag-that-is-not-html>`); a `#` not followed by a space
//! (`#hashtag`, `#1`).
//!
//! **Evidence**: emphasis needs a marker that opens (after a space or punctuation, before a
//! non-space) and one that closes (after a non-space, before a space or punctuation) on the same
//! line; a tag needs a known element name.
//!
//! ```
//! use textmend::{Meta, Stage};
//! use textmend::stages::StripMarkup;
//!
//! let mut meta = Meta::default();
//! let out = StripMarkup::default().apply(
//!     "---\n\n**A Title**\n\nSee [the report](https://x.org) at <https://x.org/r>, 5 * 3 = 15.",
//!     &mut meta,
//! );
//! assert_eq!(out.text(), "---\n\nA Title\n\nSee the report at https://x.org/r, 5 * 3 = 15.");
//! assert_eq!(meta.title.as_deref(), Some("A Title"));
//! ```

use std::ops::Range;

use memchr::{memchr, memrchr};
use serde::{Deserialize, Serialize};

use crate::edit::{Rewrite, Rewriter};
use crate::{Meta, Stage};

/// The `markup` stage's settings. Everything is on by default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct StripMarkup {
    /// Remove `**`, `__`, `*`, `_` emphasis markers (keeping the text).
    pub emphasis: bool,
    /// `[text](url)` to `text`.
    pub links: bool,
    /// `<https://...>` to `https://...`.
    pub autolinks: bool,
    /// Remove tags of known HTML elements and HTML comments.
    pub html_tags: bool,
    /// Remove `#` heading markers.
    pub headings: bool,
    /// Empty lines that are horizontal rules.
    pub rules: bool,
    /// Lift a heading or bold first line into `meta.title`.
    pub title: bool,
}

impl Default for StripMarkup {
    fn default() -> Self {
        StripMarkup {
            emphasis: true,
            links: true,
            autolinks: true,
            html_tags: true,
            headings: true,
            rules: true,
            title: true,
        }
    }
}

impl StripMarkup {
    /// Sets [`emphasis`](Self::emphasis).
    pub fn emphasis(mut self, on: bool) -> Self {
        self.emphasis = on;
        self
    }

    /// Sets [`links`](Self::links).
    pub fn links(mut self, on: bool) -> Self {
        self.links = on;
        self
    }

    /// Sets [`autolinks`](Self::autolinks).
    pub fn autolinks(mut self, on: bool) -> Self {
        self.autolinks = on;
        self
    }

    /// Sets [`html_tags`](Self::html_tags).
    pub fn html_tags(mut self, on: bool) -> Self {
        self.html_tags = on;
        self
    }

    /// Sets [`headings`](Self::headings).
    pub fn headings(mut self, on: bool) -> Self {
        self.headings = on;
        self
    }

    /// Sets [`rules`](Self::rules).
    pub fn rules(mut self, on: bool) -> Self {
        self.rules = on;
        self
    }

    /// Sets [`title`](Self::title).
    pub fn title(mut self, on: bool) -> Self {
        self.title = on;
        self
    }
}

/// HTML elements whose tags are removed; anything else in angle brackets stays.
const ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "article",
    "aside",
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "font",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "ins",
    "kbd",
    "label",
    "li",
    "link",
    "main",
    "mark",
    "meta",
    "nav",
    "noscript",
    "ol",
    "p",
    "picture",
    "pre",
    "q",
    "s",
    "section",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "tt",
    "u",
    "ul",
    "wbr",
];

/// How far a closing marker, bracket or `>` is looked for, in bytes as `whitespace` leaves them
/// (see [`Reach`]).
const REACH: usize = 512;

/// Where [`REACH`] ends from a point of a line, counting a run of spaces as one space: the
/// `whitespace` stage, after this one, collapses the runs, and a second run of the pipeline must
/// find the same closers within reach as the first.
struct Reach {
    /// For a line with two spaces in a row: how many of the bytes before each byte count (a
    /// space after a space does not), and one more entry for the end of the line.
    counted: Option<Vec<u32>>,
}

impl Reach {
    fn of(line: &str) -> Reach {
        let bytes = line.as_bytes();
        let counted = memchr::memmem::find(bytes, b"  ").map(|_| {
            let mut counted = Vec::with_capacity(bytes.len() + 1);
            let mut n = 0u32;
            counted.push(0);
            for (k, &b) in bytes.iter().enumerate() {
                n += u32::from(!(b == b' ' && k > 0 && bytes[k - 1] == b' '));
                counted.push(n);
            }
            counted
        });
        Reach { counted }
    }

    /// The end of the reach from byte `from` of `line` (a character boundary).
    fn after(&self, line: &str, from: usize) -> usize {
        match &self.counted {
            None => floor_boundary(line, from + REACH),
            Some(counted) => {
                let most = counted[from] + REACH as u32;
                floor_boundary(line, counted.partition_point(|&n| n <= most) - 1)
            }
        }
    }

    /// The start of the reach that ends at byte `to` of `line` (a character boundary).
    fn before(&self, line: &str, to: usize) -> usize {
        let from = match &self.counted {
            None => to.saturating_sub(REACH),
            Some(counted) => {
                let least = counted[to].saturating_sub(REACH as u32);
                counted.partition_point(|&n| n < least)
            }
        };
        floor_boundary(line, from)
    }
}

/// The largest character boundary of `s` at or below `at` (and at most its length).
fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// True for a line of three or more `-`, `*` or `_` (the same one), spaces allowed between.
fn is_rule(line: &str) -> bool {
    let trimmed = line.trim();
    let Some(first) = trimmed.chars().next() else {
        return false;
    };
    matches!(first, '-' | '*' | '_')
        && trimmed.chars().all(|c| c == first || c == ' ')
        && trimmed.chars().filter(|&c| c == first).count() >= 3
}

/// A blank line, or one of nothing but separator punctuation (`-`, `•`, `=====`, a rule): what a
/// title may come after.
fn is_decoration(line: &str) -> bool {
    line.trim()
        .chars()
        .all(|c| c.is_whitespace() || "-–—*_=•·~+#|".contains(c))
}

/// `# Title` (one to six `#` and a space): the byte range of the heading's text, without the
/// marker and without a closing ` ###` run.
fn heading(line: &str) -> Option<Range<usize>> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) || !line[hashes..].starts_with(' ') {
        return None;
    }
    let rest = &line[hashes..];
    let text_start = hashes + (rest.len() - rest.trim_start_matches([' ', '\t']).len());
    // A heading has text, and text that is not itself more markers.
    if line[text_start..].trim().is_empty() || line[text_start..].starts_with(['#', '\r']) {
        return None;
    }
    let trimmed_end = line.trim_end().len();
    let closing = line[text_start..trimmed_end]
        .bytes()
        .rev()
        .take_while(|&b| b == b'#')
        .count();
    let before_closing = &line[text_start..trimmed_end - closing];
    let text_end = if closing > 0 && before_closing.ends_with(' ') {
        text_start + before_closing.trim_end().len()
    } else {
        line.len()
    };
    Some(text_start..text_end)
}

/// The text of a line that is bold from end to end (`**Title**`), if it is one.
fn whole_bold(line: &str) -> Option<&str> {
    let t = line.trim();
    for marker in ["**", "__"] {
        if let Some(inner) = t.strip_prefix(marker).and_then(|r| r.strip_suffix(marker))
            && !inner.is_empty()
            && !inner.contains(marker)
            && !inner.starts_with(' ')
            && !inner.ends_with(' ')
        {
            return Some(inner);
        }
    }
    None
}

fn is_space(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

fn is_punct(c: Option<char>) -> bool {
    c.is_some_and(|c| !c.is_alphanumeric() && !c.is_whitespace())
}

/// One inline change inside a line: a byte range of the line and its replacement.
struct Inline {
    start: usize,
    end: usize,
    with: String,
    reason: &'static str,
}

impl StripMarkup {
    /// The inline changes of one line, in order and not overlapping.
    fn inline(&self, line: &str) -> Vec<Inline> {
        let bytes = line.as_bytes();
        let mut out = Vec::new();
        let special = |b: &u8| matches!(b, b'<' | b'[' | b'!' | b'*' | b'_');
        let mut found = Found::new(line);
        let mut i = 0;
        while let Some(k) = bytes[i..].iter().position(special) {
            i += k;
            let b = bytes[i];
            let taken = match b {
                b'<' if self.autolinks || self.html_tags => {
                    self.angle(line, i, &mut found, &mut out)
                }
                b'[' | b'!' if self.links => link(line, i, &mut found, &mut out),
                b'*' | b'_' if self.emphasis => emphasis(line, i, &mut found, &mut out),
                _ => None,
            };
            i = taken.unwrap_or(i + 1);
            while i < bytes.len() && !line.is_char_boundary(i) {
                i += 1;
            }
        }
        out
    }

    /// An autolink, tag or comment at byte `i` (a `<`): pushes its change, returns where to go on.
    fn angle(
        &self,
        line: &str,
        i: usize,
        found: &mut Found,
        out: &mut Vec<Inline>,
    ) -> Option<usize> {
        let rest = &line[i..found.reach.after(line, i)];
        let close = found.angle.within(line, i, rest.len())? - i;
        let inner = &rest[1..close];
        if self.autolinks
            && ["http://", "https://", "mailto:", "www."]
                .iter()
                .any(|p| inner.starts_with(p))
            && !inner.contains(char::is_whitespace)
            && !inner.contains('<')
        {
            out.push(Inline {
                start: i,
                end: i + close + 1,
                with: inner.to_owned(),
                reason: "autolink brackets",
            });
            return Some(i + close + 1);
        }
        if !self.html_tags {
            return None;
        }
        if let Some(comment) = rest.strip_prefix("<!--") {
            let end = comment.find("-->")?;
            let len = 4 + end + 3;
            out.push(Inline {
                start: i,
                end: i + len,
                with: String::new(),
                reason: "html comment",
            });
            return Some(i + len);
        }
        let body = inner.strip_prefix('/').unwrap_or(inner);
        let name_len = body
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let name = body[..name_len].to_ascii_lowercase();
        let after = &body[name_len..];
        let well_formed = after.is_empty()
            || after == "/"
            || after.starts_with(|c: char| c.is_whitespace()) && !after.contains('<');
        if name_len == 0 || !well_formed || ELEMENTS.binary_search(&name.as_str()).is_err() {
            return None;
        }
        out.push(Inline {
            start: i,
            end: i + close + 1,
            with: if name == "br" {
                "\n".into()
            } else {
                String::new()
            },
            reason: "html tag",
        });
        Some(i + close + 1)
    }
}

/// A link `[text](url)` or image `![alt](url)` at byte `i`.
fn link(line: &str, i: usize, found: &mut Found, out: &mut Vec<Inline>) -> Option<usize> {
    let open = if line[i..].starts_with("![") {
        i + 1
    } else if line[i..].starts_with('[') {
        i
    } else {
        return None;
    };
    // The first `]` or `)` within reach, found once for all the openers that share it.
    let reach = &found.reach;
    let window = |from: usize| reach.after(line, from) - from;
    let text_end = found.bracket.within(line, open + 1, window(open + 1))?;
    let text = &line[open + 1..text_end];
    if text.is_empty() || text.contains('[') || !line[text_end..].starts_with("](") {
        return None;
    }
    let url_start = text_end + 2;
    let url_end = found
        .parenthesis
        .within(line, url_start, window(url_start))?;
    let url = &line[url_start..url_end];
    if url.is_empty() || url.contains(char::is_whitespace) {
        return None;
    }
    out.push(Inline {
        start: i,
        end: url_end + 1,
        with: text.to_owned(),
        reason: if open > i { "image" } else { "link" },
    });
    Some(url_end + 1)
}

/// Whether byte `i` of `line` is inside a URL (`https://x.org/Iran,_citing_%27security%27`),
/// whose underscores and stars are its own.
/// Only [`REACH`] bytes either side are read, so that a line of markers stays linear.
fn in_url(line: &str, i: usize, reach: &Reach) -> bool {
    let from = reach.before(line, i);
    let to = reach.after(line, i);
    // (The space before may be wider than a byte: U+3000.)
    let start = i - line[from..i]
        .rsplit(char::is_whitespace)
        .next()
        .map_or(0, str::len);
    let end = line[i..to].find(char::is_whitespace).map_or(to, |k| i + k);
    let token = line[start..end].trim_start_matches(['<', '(', '[', '"']);
    token.contains("://") || token.starts_with("www.")
}

/// Emphasis opening at byte `i` (a `*` or `_`): pushes the removal of both markers.
fn emphasis(line: &str, i: usize, found: &mut Found, out: &mut Vec<Inline>) -> Option<usize> {
    let marker = line.as_bytes()[i];
    let double = line.as_bytes().get(i + 1) == Some(&marker);
    let width = if double { 2 } else { 1 };
    let before = line[..i].chars().next_back();
    let after = line[i + width..].chars().next();
    // Opens after a space or punctuation (not inside a word), before a non-space.
    let opens = (is_space(before) || is_punct(before) && before != Some(marker as char))
        && !is_space(after)
        && after != Some(marker as char);
    if !opens || in_url(line, i, &found.reach) {
        return Some(i + width);
    }
    // An emphasis closes within a few hundred bytes; looking further would make a line full of
    // unclosed markers quadratic.
    let limit = found.reach.after(line, i + width);
    let closer = &mut found.closers[usize::from(marker == b'_') * 2 + usize::from(double)];
    let Some(k) = closer.find(line, marker, width, i + width, limit, &found.reach) else {
        return Some(i + width);
    };
    let reason = match (marker, double) {
        (b'*', true) | (b'_', true) => "bold markers",
        _ => "emphasis markers",
    };
    out.push(Inline {
        start: i,
        end: i + width,
        with: String::new(),
        reason,
    });
    out.push(Inline {
        start: k,
        end: k + width,
        with: String::new(),
        reason,
    });
    Some(k + width)
}

/// What the searches on one line found, kept for the openers after: a line's openers are tried
/// in order, and where the first `]`, `)` or `>` after a point is, or whether a run of markers
/// closes an emphasis, does not depend on the opener. A line full of openers that nothing closes
/// (`*a *a *a`, `[[[[`) is then read once, not once for each opener within reach.
struct Found {
    bracket: NextByte<b']'>,
    parenthesis: NextByte<b')'>,
    angle: NextByte<b'>'>,
    /// For `*` and `_` (in that order), single then double.
    closers: [Closer; 4],
    reach: Reach,
}

impl Found {
    fn new(line: &str) -> Found {
        Found {
            bracket: NextByte::default(),
            parenthesis: NextByte::default(),
            angle: NextByte::default(),
            closers: Default::default(),
            reach: Reach::of(line),
        }
    }
}

/// The first `B` at or after `from` in the line: `found` (`None` when there is none in the rest
/// of the line).
#[derive(Default)]
struct NextByte<const B: u8> {
    looked: Option<(usize, Option<usize>)>,
}

impl<const B: u8> NextByte<B> {
    /// The first `B` in the `len` bytes of `line` from `from`, for `from` never less than the
    /// one before.
    fn within(&mut self, line: &str, from: usize, len: usize) -> Option<usize> {
        let found = match self.looked {
            Some((was, found)) if was <= from && found.is_none_or(|k| k >= from) => found,
            _ => {
                let found = memchr(B, &line.as_bytes()[from..]).map(|k| from + k);
                self.looked = Some((from, found));
                found
            }
        };
        found.filter(|&k| k < from + len)
    }
}

/// The runs of one marker, of one width, that close an emphasis: every run that starts before
/// `checked` and at or after where it was first looked for does not, but `next` does.
#[derive(Default)]
struct Closer {
    checked: usize,
    next: Option<usize>,
}

impl Closer {
    /// The first run of `width` markers starting in `from..limit` that closes an emphasis (not
    /// before a space, before a space or punctuation, not in a URL). `from` is never less than
    /// the one before, and the byte at `from` is not the marker.
    fn find(
        &mut self,
        line: &str,
        marker: u8,
        width: usize,
        from: usize,
        limit: usize,
        reach: &Reach,
    ) -> Option<usize> {
        debug_assert!(line.as_bytes().get(from) != Some(&marker));
        if let Some(k) = self.next {
            if k >= from {
                return (k < limit).then_some(k);
            }
            self.next = None;
        }
        // A run is read from its first marker: `j` is never inside one.
        let mut j = self.checked.max(from);
        while j < limit {
            let Some(k) = memchr(marker, &line.as_bytes()[j..limit]).map(|k| j + k) else {
                break;
            };
            let run = line.as_bytes()[k..]
                .iter()
                .take_while(|&&b| b == marker)
                .count();
            let prev = line[..k].chars().next_back();
            let next = line[k + run..].chars().next();
            let closes = run == width
                && !is_space(prev)
                && (is_space(next) || is_punct(next))
                && !in_url(line, k, reach);
            if closes {
                (self.checked, self.next) = (k, Some(k));
                return Some(k);
            }
            j = k + run;
        }
        self.checked = j.max(limit);
        None
    }
}

impl Stage for StripMarkup {
    fn name(&self) -> &str {
        "markup"
    }

    fn config(&self) -> Option<crate::StageConfig> {
        Some(crate::StageConfig::Markup(self.clone()))
    }

    fn apply<'a>(&self, text: &'a str, meta: &mut Meta) -> Rewrite<'a> {
        // Removing one marker can make another one open or close (`*_x_*`): repeat until
        // nothing changes, so that a second run has nothing to do.
        //
        // A document with tags in it is HTML for the `mojibake` stage, which leaves its character
        // references to whoever renders it. Once the tags are gone (removed here), it is text,
        // and a second run of the pipeline would decode them, then repair what they decode to
        // (`&#195;&#169;` is `Ã©`, mojibake of `é`; `&nbsp;` a no-break space, which `unicode`
        // makes a space): so, as soon as the text no longer looks like HTML, what `mojibake` and
        // `unicode` (with their defaults) do with it as text is done here, if it may hold a
        // reference at all (the `&` of "AT&T" is none; the removals' other effects are weighed
        // below, as for any document).
        let was_html = (self.html_tags || self.autolinks)
            && memchr(b'&', text.as_bytes()).is_some()
            && crate::stages::mojibake::entities::looks_like_html(text);
        //
        // A removal can also bring together characters that `mojibake` or `unicode` judged
        // apart (`«*ÖA€*` is `«ÖA€`, MacRoman mojibake), or take away mojibake that `mojibake`
        // weighed with the rest of the document (a tag with garbage in it): where one does, what
        // they do with the text is done here too, as a second run of the pipeline would.
        let mut run = |again: bool| {
            crate::edit::until_stable(text, "markup", 16, |t| {
                let edits = self.pass(t, meta).into_parts().1;
                let html_gone = was_html
                    && crate::stages::mojibake::entities::may_hold_reference(t)
                    && !crate::stages::mojibake::entities::looks_like_html(t);
                if !edits.is_empty() || !(html_gone || again) {
                    return edits;
                }
                as_text(t)
            })
        };
        let rewrite = run(false);
        if rewrite.is_unchanged()
            || !brings_together(&rewrite)
                && !crate::stages::mojibake::takes_sequences(text, rewrite.edits())
        {
            return rewrite;
        }
        run(true)
    }
}

/// Whether the edits of a rewrite put side by side, at one of their ends, characters that
/// `mojibake` or `unicode` (which run before this stage) would change together and did not
/// apart: a sequence of mojibake, a sequence in the same word (judged with its neighbours), or
/// a combining mark after a letter.
fn brings_together(rewrite: &Rewrite<'_>) -> bool {
    let out = rewrite.text();
    let mut delta: isize = 0;
    for e in rewrite.edits() {
        let start = (e.start as isize + delta) as usize;
        let end = start + e.after.len();
        delta += e.after.len() as isize - (e.end - e.start) as isize;
        if [start, end].into_iter().any(|at| changes_around(out, at)) {
            return true;
        }
    }
    false
}

/// Whether `mojibake` or `unicode` would change the characters around byte `at` of `text`
/// together (see [`brings_together`]).
fn changes_around(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    // A sequence that ends with a space for a lost byte is judged with the word after it
    // (`Е **bold**` is `Е bold`, a letter and a word going on), past any more spaces.
    let spaces = text[..at].len() - text[..at].trim_end_matches(' ').len();
    if spaces > 0 && crate::stages::mojibake::sequence_across(text, at - spaces) {
        return true;
    }
    // A character reference made whole (`_&#83_;` is `&#83;`), which `mojibake` decodes.
    if crate::stages::mojibake::entities::reference_across(text, at) {
        return true;
    }
    if before.is_none_or(|c| c.is_ascii()) && after.is_none_or(|c| c.is_ascii()) {
        return false;
    }
    if crate::stages::mojibake::sequence_across(text, at)
        || crate::stages::mojibake::sequence_near(text, at)
    {
        return true;
    }
    // A few characters either side: as far as NFC reaches, in practice.
    let from = text[..at].char_indices().rev().nth(7).map_or(0, |(i, _)| i);
    let to = text[at..]
        .char_indices()
        .nth(8)
        .map_or(text.len(), |(i, _)| at + i);
    let changes = |t: &str| {
        !crate::stages::NormalizeUnicode::default()
            .apply(t, &mut Meta::default())
            .is_unchanged()
    };
    changes(&text[from..to]) && !changes(&text[from..at]) && !changes(&text[at..to])
}

/// Whether any of these lines has something this stage reads: a marker, a bracket, a `&`, a
/// tag, a heading, a rule or a list's dash.
pub(crate) fn may_have_markup(lines: &[&str]) -> bool {
    lines.iter().any(|line| {
        let bytes = line.as_bytes();
        line.trim_start().starts_with('-')
            || memchr::memchr3(b'*', b'_', b'[', bytes).is_some()
            || memchr::memchr3(b'<', b'#', b'&', bytes).is_some()
    })
}

/// Whether this stage may change `line`, one line without its break, at all (a quick test
/// before running it): it has a marker of emphasis, a tag, a heading or a link (`](`), or opens
/// with a dash (a rule, though one alone on its line is left as it is). A bracket that opens no
/// link (an editor's `[...]` in a quotation) is nothing, nor a `&` without a tag (a reference is
/// decoded only in text that looked like HTML). Not for text of several lines: a rule between
/// two of them is removed, and only the first line's dash is looked at.
pub(crate) fn may_change(line: &str) -> bool {
    debug_assert!(!line.contains('\n'), "may_change reads one line");
    let bytes = line.as_bytes();
    line.trim_start().starts_with('-')
        || memchr::memchr3(b'*', b'_', b'<', bytes).is_some()
        || memchr(b'#', bytes).is_some()
        || memchr::memchr_iter(b']', bytes).any(|i| bytes.get(i + 1) == Some(&b'('))
}

/// Where this stage (with its defaults, but no title) changes `line` otherwise than it changes its
/// pieces (ranges of it, between which a later stage joined lines) one by one, if it does: a
/// marker that opens on one piece and closes on the next (`*.` and `!*:`), a link or a tag split
/// between them. The `unwrap` stage makes no such line, which a second run of the pipeline would
/// change.
pub(crate) fn markup_across(line: &str, pieces: &[Range<usize>]) -> Option<Range<usize>> {
    let stage = StripMarkup {
        title: false,
        ..StripMarkup::default()
    };
    let edits = |t: &str| stage.apply(t, &mut Meta::default()).into_parts().1;
    let mut apart = Vec::new();
    for piece in pieces {
        // A piece with nothing this stage changes.
        if !may_change(&line[piece.clone()]) {
            continue;
        }
        apart.extend(
            edits(&line[piece.clone()])
                .into_iter()
                .map(|e| crate::edit::StageEdit {
                    start: piece.start + e.start,
                    end: piece.start + e.end,
                    ..e
                }),
        );
    }
    let joined = edits(line);
    // Both lists are in order: the edits that are not in both, found in one sweep.
    let mut changed: Option<Range<usize>> = None;
    let mut note = |e: &crate::edit::StageEdit| {
        changed = Some(match changed.take() {
            None => e.start..e.end,
            Some(r) => r.start.min(e.start)..r.end.max(e.end),
        });
    };
    let (mut a, mut j) = (apart.iter().peekable(), joined.iter().peekable());
    loop {
        match (a.peek(), j.peek()) {
            (Some(x), Some(y)) if x == y => {
                a.next();
                j.next();
            }
            (Some(x), Some(y)) if (x.start, x.end) <= (y.start, y.end) => {
                note(a.next().expect("peeked"))
            }
            (_, Some(_)) => note(j.next().expect("peeked")),
            (Some(_), None) => note(a.next().expect("peeked")),
            (None, None) => break,
        }
    }
    changed
}

/// What the `mojibake` and `unicode` stages, with their defaults, do with `text`, which they saw
/// as HTML before `markup` removed its tags.
pub(crate) fn as_text(text: &str) -> Vec<crate::edit::StageEdit> {
    static STAGES: std::sync::LazyLock<crate::Pipeline> = std::sync::LazyLock::new(|| {
        crate::Pipeline::builder()
            .stage(crate::stages::FixMojibake::default())
            .stage(crate::stages::NormalizeUnicode::default())
            .build()
    });
    STAGES
        .clean(text)
        .edits
        .into_iter()
        .map(|e| crate::edit::StageEdit {
            start: e.start,
            end: e.end,
            after: e.after,
            reason: format!("{} (the tags are gone)", e.reason).into(),
        })
        .collect()
}

impl StripMarkup {
    /// One pass over the lines that have a byte markup can start with: `*`, `_`, `[`, `<`, `#`,
    /// or `-` first on the line (after white space). Those bytes are found with `memchr3` over
    /// the whole text, so a line without them costs no more than its share of that scan.
    fn pass<'a>(&self, text: &'a str, meta: &mut Meta) -> Rewrite<'a> {
        let mut out = Rewriter::new(text);
        let bytes = text.as_bytes();
        // Rules before the first line of text and after the last are the `boilerplate` stage's
        // separators: it reads them to find the header and footer.
        let content = |line: &str| !is_decoration(line);
        let first = lines(text)
            .find(|&(_, l)| content(l))
            .map(|(start, _)| start);
        let last = lines_back(text)
            .find(|&(_, l)| content(l))
            .map(|(start, _)| start);
        let mut markers = Markers::new(bytes);
        // Where the search goes on; the start of the line of the bytes from `scanned` on.
        let mut search = 0;
        let mut scanned = 0;
        let mut start = 0;
        while let Some(at) = markers.next(search) {
            if let Some(k) = memrchr(b'\n', &bytes[scanned..at]) {
                start = scanned + k + 1;
            }
            scanned = at;
            if bytes[at] == b'-' && !text[start..at].chars().all(char::is_whitespace) {
                // A hyphen inside the line: not a rule, a list item or decoration.
                search = at + 1;
                continue;
            }
            let next = memchr(b'\n', &bytes[at..]).map_or(text.len(), |k| at + k + 1);
            let raw = &text[start..next];
            let line = raw.strip_suffix('\n').unwrap_or(raw);
            let line = line.strip_suffix('\r').unwrap_or(line);
            let inside = first.is_some_and(|f| f < start) && last.is_some_and(|l| start < l);
            if inside || !is_rule(line) {
                self.line(&mut out, line, start, Some(start) == first, meta);
            }
            (search, scanned, start) = (next, next, next);
        }
        out.finish()
    }
}

/// The lines of `text` with their start offsets, without their `\n` or `\r\n`.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |at, raw| {
        let start = *at;
        *at += raw.len();
        Some((start, strip_line_break(raw)))
    })
}

/// [`lines`], last first.
fn lines_back(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n')
        .rev()
        .scan(text.len(), |at, raw| {
            *at -= raw.len();
            Some((*at, strip_line_break(raw)))
        })
}

fn strip_line_break(raw: &str) -> &str {
    let line = raw.strip_suffix('\n').unwrap_or(raw);
    line.strip_suffix('\r').unwrap_or(line)
}

/// The bytes markup can start with, found by two `memchr3` searches whose last finds are kept.
struct Markers<'a> {
    bytes: &'a [u8],
    /// The next `*`, `_` or `[`, and the next `<`, `#` or `-`, at or after where they were last
    /// looked for (the length of the text when there is none).
    next: [usize; 2],
}

impl<'a> Markers<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        let mut markers = Markers {
            bytes,
            next: [0; 2],
        };
        markers.next = [markers.find(0, 0), markers.find(1, 0)];
        markers
    }

    fn find(&self, set: usize, from: usize) -> usize {
        let rest = &self.bytes[from..];
        let found = match set {
            0 => memchr::memchr3(b'*', b'_', b'[', rest),
            _ => memchr::memchr3(b'<', b'#', b'-', rest),
        };
        found.map_or(self.bytes.len(), |k| from + k)
    }

    /// The first marker byte at or after `from`.
    fn next(&mut self, from: usize) -> Option<usize> {
        for set in 0..2 {
            if self.next[set] < from {
                self.next[set] = self.find(set, from);
            }
        }
        let at = self.next[0].min(self.next[1]);
        (at < self.bytes.len()).then_some(at)
    }
}

impl StripMarkup {
    fn line(&self, out: &mut Rewriter<'_>, line: &str, start: usize, first: bool, meta: &mut Meta) {
        if self.rules && is_rule(line) {
            out.delete(start..start + line.len(), "horizontal rule");
            return;
        }
        let mut body = 0..line.len();
        if self.headings
            && let Some(text) = heading(line)
        {
            out.delete(start..start + text.start, "heading marker");
            body = text;
            if first && self.title && meta.title.is_none() {
                meta.title = Some(line[body.clone()].trim().to_owned());
            }
        } else if first
            && self.title
            && meta.title.is_none()
            && let Some(title) = whole_bold(line)
        {
            meta.title = Some(title.trim().to_owned());
        }
        for change in self.inline(&line[body.clone()]) {
            let at = start + body.start;
            out.replace(
                at + change.start..at + change.end,
                &change.with,
                change.reason,
            );
        }
        if body.end < line.len() {
            out.delete(start + body.end..start + line.len(), "heading marker");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(text: &str) -> String {
        StripMarkup::default()
            .apply(text, &mut Meta::default())
            .text()
            .to_owned()
    }

    /// Found by the `clean_bytes` fuzzer: a closer just out of reach, but within it once the
    /// `whitespace` stage collapsed the runs of spaces between, was removed by a second run.
    /// Runs of spaces count as one space.
    #[test]
    fn reach_counts_a_run_of_spaces_as_one() {
        let words = "word ".repeat(100);
        let wide = format!("a _x {}  {}  x_ b", words, "  ".repeat(10));
        let narrow = format!("a _x {} {} x_ b", words, " ");
        // 500 bytes of words between the markers: within reach, however wide the spaces.
        assert!(!strip(&narrow).contains('_'));
        assert!(!strip(&wide).contains('_'));
        // Out of reach with the spaces collapsed: left alone, wide or not.
        let far = format!("a _x {}x_ b", "word ".repeat(103));
        assert_eq!(strip(&far), far);
        let far_wide = far.replace(' ', "   ");
        assert_eq!(strip(&far_wide), far_wide);
    }

    /// Found by the property tests: `mojibake` left `&amp;` in a document with an autolink (HTML
    /// to it), this stage removed the autolink, and a second run of `mojibake` decoded it.
    #[test]
    fn references_are_decoded_once_the_tags_are_gone() {
        assert_eq!(strip("Tom &amp; Jerry <b>live</b>"), "Tom & Jerry live");
        assert_eq!(
            strip("&amp; \n<https://example.com/a>"),
            "& \nhttps://example.com/a"
        );
        // Tags this stage does not know stay, and so do the references.
        assert_eq!(strip("&amp; <custom-tag>"), "&amp; <custom-tag>");
        // No tags: the references are the `mojibake` stage's to decode, not this one's.
        assert_eq!(strip("Tom &amp; Jerry"), "Tom &amp; Jerry");
        // A reference that makes a tag: the tag goes too, so that a second run finds nothing.
        let once = strip("<b>&lt;i&gt;x</b>");
        assert_eq!(strip(&once), once);
    }

    /// Found by the `clean_bytes` fuzz target (`markup-markers-make-a-reference`): removing the
    /// markers of `_&#83_` made `&#83;` whole, which `mojibake` decoded in a second run.
    #[test]
    fn a_reference_made_whole_is_decoded() {
        assert_eq!(strip("_&#83_;"), "S");
        assert_eq!(strip("&#_83_;"), "S");
        assert_eq!(strip("x &_eacute_; y"), "x é y");
        // In what stays HTML, references are left to whoever renders it.
        assert_eq!(strip("<custom-tag> _&#83_;"), "<custom-tag> &#83;");
        // A reference next to a removal, not across it, was `mojibake`'s to decode already.
        assert_eq!(strip("_a_&#83;"), "a&#83;");
    }

    #[test]
    fn removes_markup() {
        assert_eq!(
            strip("**bold** and __also__, *em* and _em_."),
            "bold and also, em and em."
        );
        assert_eq!(
            strip("[the text](https://x.org/a_b) ![alt](i.png)"),
            "the text alt"
        );
        assert_eq!(
            strip("https://en.wikinews.org/wiki/Iran,_citing_%27security%27"),
            "https://en.wikinews.org/wiki/Iran,_citing_%27security%27"
        );
        assert_eq!(
            strip("see <https://x.org/a_b_> and _this_ www.x.org/_y_"),
            "see https://x.org/a_b_ and this www.x.org/_y_"
        );
        assert_eq!(
            strip("see <https://x.org/a> and <mailto:a@b.c>"),
            "see https://x.org/a and mailto:a@b.c"
        );
        assert_eq!(
            strip("<p>One<br/>two</p> <span class=\"x\">three</span><!-- c -->"),
            "One\ntwo three"
        );
        assert_eq!(strip("## A heading ##\n# Another"), "A heading\nAnother");
        // Found by fuzzing: a marker with only white space after it.
        assert_eq!(strip("# \u{b}"), "# \u{b}");
        assert_eq!(strip("# #"), "# #");
        // Found by fuzzing: emphasis after an ideographic space, three bytes wide.
        assert_eq!(strip("\u{3000}*ﶆ* "), "\u{3000}ﶆ ");
        assert_eq!(strip("a\n---\n* * *\n___\nb"), "a\n\n\n\nb");
        assert_eq!(strip("---\n\na\n\n***"), "---\n\na\n\n***");
    }

    #[test]
    fn keeps_what_is_not_markup() {
        for text in [
            "5 * 3 * 2 = 30",
            "a footnote* and *another",
            "snake_case_name and file_name.txt",
            "* a list item\n- another",
            "a < b and c > d, <3, <tag-x>, <notanelement>",
            "#hashtag #1 ##",
            "x*y*z",
            "-",
            "--",
            "Price: $5 — or *not",
        ] {
            assert_eq!(strip(text), text, "{text}");
            assert!(
                StripMarkup::default()
                    .apply(text, &mut Meta::default())
                    .is_unchanged()
            );
        }
    }

    /// The pass as it was written first, every line tested in turn: the reference for the
    /// search by marker bytes.
    fn pass_by_lines(stage: &StripMarkup, text: &str, meta: &mut Meta) -> Vec<String> {
        let mut out = Rewriter::new(text);
        let interesting = |line: &str| {
            line.trim_start().starts_with('-')
                || line
                    .bytes()
                    .any(|b| matches!(b, b'*' | b'_' | b'[' | b'<' | b'#'))
        };
        let content = |line: &str| !is_decoration(line);
        let lines: Vec<(usize, &str)> = lines(text).collect();
        let first = lines.iter().position(|(_, l)| content(l));
        let last = lines.iter().rposition(|(_, l)| content(l));
        for (i, &(start, line)) in lines.iter().enumerate() {
            let inside = first.is_some_and(|f| f < i) && last.is_some_and(|l| i < l);
            if !interesting(line) || (is_rule(line) && !inside) {
                continue;
            }
            stage.line(&mut out, line, start, Some(i) == first, meta);
        }
        let rewrite = out.finish();
        rewrite.edits().iter().map(|e| format!("{e:?}")).collect()
    }

    proptest::proptest! {
        #[test]
        fn the_marker_search_finds_what_every_line_would(
            lines in proptest::collection::vec(
                "( |a|\u{3000}|\t|-|---|\\*|\\*\\*|_|#|# |<|>|<b>|<br/>|\\[a\\]|\\(x\\)|https://x.y/|\r){0,8}",
                0..8,
            )
        ) {
            let text = lines.join("\n");
            let stage = StripMarkup::default();
            let (mut ours, mut theirs) = (Meta::default(), Meta::default());
            let edits: Vec<String> = stage
                .pass(&text, &mut ours)
                .edits()
                .iter()
                .map(|e| format!("{e:?}"))
                .collect();
            proptest::prop_assert_eq!(edits, pass_by_lines(&stage, &text, &mut theirs));
            proptest::prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn a_line_that_may_not_change_is_left_as_it_is(
            line in "( |a|Ã©|-|\\*|_|#|# |<|>|<b>|<p>|&|&amp;|&#233;|\\[|\\]|\\(|\\)|!|x\\.y/){0,12}"
        ) {
            let title_off = StripMarkup { title: false, ..StripMarkup::default() };
            if !may_change(&line) {
                for stage in [StripMarkup::default(), title_off] {
                    let out = stage.apply(&line, &mut Meta::default());
                    proptest::prop_assert!(out.is_unchanged(), "{line:?} became {:?}", out.text());
                }
            }
        }
    }

    #[test]
    fn element_names_are_sorted() {
        assert!(ELEMENTS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn lifts_the_title() {
        let mut meta = Meta::default();
        StripMarkup::default().apply("\n---\n\n**THE TITLE**\n\nBody **bold**.", &mut meta);
        assert_eq!(meta.title.as_deref(), Some("THE TITLE"));
        let mut meta = Meta::default();
        StripMarkup::default().apply("# Heading\n\nBody.", &mut meta);
        assert_eq!(meta.title.as_deref(), Some("Heading"));
        let mut meta = Meta::default();
        StripMarkup::default().apply("Plain first line.\n\n**Not a title**", &mut meta);
        assert_eq!(meta.title, None);
    }
}
