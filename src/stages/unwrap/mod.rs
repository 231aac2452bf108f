//! `unwrap`: lines and paragraphs that a conversion broke, rejoined.
//!
//! **Repairs** three kinds of breaks, each join an edit with its reason:
//!
//! - `hard wrap`: the lines of a paragraph cut at a fixed width (e-mail, Project Gutenberg, PDF
//!   extraction) are joined with a space. Whether the document is wrapped, and at which width,
//!   is read from the lengths of its lines that are followed by another (see `wrap.rs`), so
//!   paragraphs written on one line do not count and a wrapped block inside an unwrapped article
//!   is found; a break is a cut only when the next line's first word would not have fitted on
//!   the line before it. A line indented to where a list item's text begins goes on the item.
//! - `broken paragraph`: a paragraph broken mid-sentence by a blank line ("...are of strategic
//!   nature and are\n\nconstantly developing.") is joined with a space (see `paragraphs.rs`).
//! - `hyphenation`: a word hyphenated across a line break is joined: "develop-\nment" becomes
//!   "development", "self-\nreliant" stays "self-reliant", "COVID-\n19" stays "COVID-19"; the
//!   document's own spelling elsewhere decides first (see `hyphen.rs`). Soft hyphens (U+00AD),
//!   hyphens (U+2010) and non-breaking hyphens (U+2011) are understood.
//!
//! **Will not touch** the structure a writer made with line breaks: list items (bullets, numbers,
//! letters), headings (`#`, `Chapter 12`, `CHAPTER XVII.`), short lines (verse, addresses, the
//! lines of a letter, a signature, the last line of a paragraph: they leave room for the next
//! word), indented lines (code, quotations, verse) and fenced code, table rows (`|` columns, tabs
//! inside a line), quoted blocks (`>`), separators (`* * *`), dialogue turns (`MARY: Out.`),
//! closings of letters (`Yours, etc.`), text in scripts written without spaces.
//! A title never joins the text after it (a first paragraph that reads as a headline, before one
//! that begins with a capital: judged from the text, not from `meta.title`, which a second run of
//! the pipeline would not have), nor does one of several short paragraphs in a row that end
//! without punctuation (captions, contents). Text with nothing to join (each
//! paragraph on one line, each ending a sentence) is returned as it is, borrowed.
//!
//! **Evidence**: a wrap needs at least three breaks that look like cuts, seven in ten of the
//! breaks inside paragraphs, and lines that do not nearly all begin with a capital (verse). A
//! broken paragraph needs a first part that says it is not finished. A word split at a line end
//! is joined wherever it is, wrapped document or not: the split says the line was cut. When
//! unsure, the text stays. The output is a fixed point: a second run finds nothing to join.
//!
//! The text is judged as the `whitespace` stage, which the `news` preset runs after, will leave
//! it: a run of spaces inside a line counts as one space. So a run of spaces is no sign of
//! columns (`Name   Region`): after `whitespace` it is gone, and a second run of the pipeline
//! would join what the first kept apart; tabs and `|`, which `whitespace` keeps, are.
//!
//! ```
//! use textmend::{Meta, Stage};
//! use textmend::stages::JoinWrappedLines;
//!
//! let text = "It is a truth universally acknowledged, that a single man in\n\
//!             possession of a good fortune, must be in want of a wife. However\n\
//!             little known the feelings or views of such a man may be on his\n\
//!             first entering a neighbourhood, this truth is so well fixed in the\n\
//!             minds of the surrounding families that he is considered the right-\n\
//!             ful property of some one or other of their daughters.\n\
//!             \n\
//!             Chapter 2\n\
//!             \n\
//!             Relations between the two countries are of strategic nature and are\n\
//!             \n\
//!             constantly developing.\n";
//! let out = JoinWrappedLines::default().apply(text, &mut Meta::default());
//! assert_eq!(
//!     out.text(),
//!     "It is a truth universally acknowledged, that a single man in possession of a good \
//!      fortune, must be in want of a wife. However little known the feelings or views of such a \
//!      man may be on his first entering a neighbourhood, this truth is so well fixed in the \
//!      minds of the surrounding families that he is considered the rightful property of some \
//!      one or other of their daughters.\n\
//!      \n\
//!      Chapter 2\n\
//!      \n\
//!      Relations between the two countries are of strategic nature and are constantly \
//!      developing.\n"
//! );
//! let reasons: Vec<&str> = out.edits().iter().map(|e| e.reason.as_ref()).collect();
//! assert_eq!(reasons, ["hard wrap", "hard wrap", "hard wrap", "hard wrap", "hyphenation", "broken paragraph"]);
//! ```

mod hyphen;
mod lines;
mod paragraphs;
mod wrap;

use std::ops::Range;

use memchr::memchr;
use serde::{Deserialize, Serialize};

use crate::edit::{Rewrite, Rewriter, View};
use crate::stages::NormalizeWhitespace;
use crate::{Meta, Stage};
use hyphen::{Outcome, Split};
use lines::{Line, Shape};
use paragraphs::{Ending, Prose};

/// The `unwrap` stage's settings. Everything is on by default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct JoinWrappedLines {
    /// Join the lines of paragraphs that were wrapped at a fixed width.
    pub hard_wraps: bool,
    /// Join paragraphs broken mid-sentence by a blank line.
    pub broken_paragraphs: bool,
    /// Join words hyphenated across a line break.
    pub hyphenation: bool,
    /// The widest wrap recognised, in characters (150 by default): longer lines are paragraphs
    /// written on one line.
    pub max_width: usize,
}

impl Default for JoinWrappedLines {
    fn default() -> Self {
        JoinWrappedLines {
            hard_wraps: true,
            broken_paragraphs: true,
            hyphenation: true,
            max_width: 150,
        }
    }
}

impl JoinWrappedLines {
    /// Sets [`hard_wraps`](Self::hard_wraps).
    pub fn hard_wraps(mut self, on: bool) -> Self {
        self.hard_wraps = on;
        self
    }

    /// Sets [`broken_paragraphs`](Self::broken_paragraphs).
    pub fn broken_paragraphs(mut self, on: bool) -> Self {
        self.broken_paragraphs = on;
        self
    }

    /// Sets [`hyphenation`](Self::hyphenation).
    pub fn hyphenation(mut self, on: bool) -> Self {
        self.hyphenation = on;
        self
    }

    /// Sets [`max_width`](Self::max_width).
    pub fn max_width(mut self, width: usize) -> Self {
        self.max_width = width;
        self
    }
}

/// One join: the range between two lines (or two paragraphs) and what replaces it.
enum Join {
    Space(usize, usize, &'static str),
    Tight(usize, usize),
    /// Index into the splits.
    Hyphen(usize),
}

impl JoinWrappedLines {
    /// How line `l` joins the line `n` after it in the same block, if it does.
    #[allow(clippy::too_many_arguments)]
    fn pair(
        &self,
        text: &str,
        l: &Line,
        ls: &Shape,
        n: &Line,
        ns: &Shape,
        width: Option<usize>,
        splits: &mut Vec<Split>,
    ) -> Option<Join> {
        if l.fenced || n.fenced || !lines::may_join(ls, ns) {
            return None;
        }
        let (lt, nt) = (l.text(text), n.text(text));
        if self.hyphenation && !lt.ends_with("--") {
            if let Some(split) = hyphen::split_at(text, l.text_start, l.end, n.text_start) {
                splits.push(split);
                return Some(Join::Hyphen(splits.len() - 1));
            }
        }
        let width = width?;
        if !wrap::is_cut(ls.chars as usize, ns.first_word as usize, width) {
            return None;
        }
        // A dash written without spaces ("undertaker--the") stays without them; one with a
        // space after it ("on hiatus -- workers who") had one before it too.
        let dash = |t: &str| {
            t.starts_with("--") && !t.starts_with("-- ")
                || t.starts_with('—') && !t.starts_with("— ")
        };
        let before_dash = lt.ends_with("--") || lt.ends_with('—');
        if (before_dash && !lt.ends_with(" --") && !lt.ends_with(" —")) || dash(nt) {
            Some(Join::Tight(l.end, n.text_start))
        } else {
            Some(Join::Space(l.end, n.text_start, "hard wrap"))
        }
    }
}

impl Stage for JoinWrappedLines {
    fn name(&self) -> &str {
        "unwrap"
    }

    fn config(&self) -> Option<crate::StageConfig> {
        Some(crate::StageConfig::Unwrap(self.clone()))
    }

    fn apply<'a>(&self, text: &'a str, _meta: &mut Meta) -> Rewrite<'a> {
        // Judged on the text as the `whitespace` stage will leave it, with its runs of spaces
        // inside lines collapsed: they change the lengths of lines (and so the width and the
        // cuts) and the words that the rules split at spaces, so that a second run of the
        // pipeline, which sees them collapsed, would decide otherwise (`CalFire-\n126   "`: the
        // run made the line a table row, which a second run saw as a word split at a line end).
        // And without trailing spaces: lines are read without them, but a paragraph read ahead
        // of a gap is a span of the text, cut at a length in bytes, and a trailing space moves
        // the cut (`###  ` further down kept `ÿÿd\n\nzz` apart in a first run, and a second
        // run, without the spaces, joined them). And with each run of blank lines one, for the
        // same reason: `whitespace` leaves one, or as many as it is told, and the decision is
        // not to hang on how many (`a\n\n\nadot`, two blank lines, stayed apart in a first
        // run, and a second run joined `a\n\nadot`).
        let collapsed = if collapses_more_than_blank_lines(text) {
            COLLAPSE.apply(text, &mut Meta::default())
        } else {
            // At most runs of blank lines to make one (the text after boilerplate was taken
            // out): found by a search for them, not a reading of every line.
            collapse_blank_lines(text)
        };
        if !collapsed.is_unchanged() {
            let view = View::new(collapsed);
            let (_, edits) = self.apply_as_is(&view.text).into_parts();
            let mut out = Rewriter::new(text);
            let edits = edits
                .into_iter()
                .map(|e| view.edit_of_text_taking_deleted(e));
            for e in crate::edit::apart(edits) {
                out.replace(e.start..e.end, &e.after, e.reason);
            }
            return out.finish();
        }
        self.apply_as_is(text)
    }
}

/// What `whitespace` does to the text before this stage judges it (see `apply`).
const COLLAPSE: NormalizeWhitespace = NormalizeWhitespace {
    trailing: true,
    collapse_spaces: true,
    max_blank_lines: 1,
    trim: false,
    final_newline: false,
};

/// [`COLLAPSE`] on text whose lines end without spaces or tabs and with no `\r`, and have no two
/// spaces in a row: each run of empty lines made one (the first kept, the others deleted).
fn collapse_blank_lines(text: &str) -> Rewrite<'_> {
    let bytes = text.as_bytes();
    let mut out = Rewriter::new(text);
    // The end of the run of line feeds from `at`.
    let run_end = |at: usize| {
        bytes[at..]
            .iter()
            .position(|&b| b != b'\n')
            .map_or(bytes.len(), |k| at + k)
    };
    // Two line feeds open the text: two empty lines.
    let mut from = 0;
    if bytes.starts_with(b"\n\n") {
        from = run_end(0);
        out.delete(1..from, "blank lines");
    }
    // Elsewhere three: the end of a line, then two empty lines.
    for at in memchr::memmem::find_iter(&bytes[from..], b"\n\n\n").map(|k| from + k) {
        // (A match inside a run already deleted.)
        if at < out.position() {
            continue;
        }
        out.delete(at + 2..run_end(at), "blank lines");
    }
    out.finish()
}

/// Whether [`COLLAPSE`] may change more of `text` than its runs of blank lines: it has two
/// spaces in a row, a line that ends with a space or a tab, or a `\r` (a line of `\r` alone is
/// blank to `whitespace`).
fn collapses_more_than_blank_lines(text: &str) -> bool {
    memchr::memmem::find(text.as_bytes(), b"  ").is_some()
        || has_trailing_space(text)
        || memchr(b'\r', text.as_bytes()).is_some()
}

/// Whether a line of `text` ends with a space or a tab, which `whitespace` removes.
fn has_trailing_space(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'\n', bytes)
        .chain(std::iter::once(bytes.len()))
        .any(|at| {
            let line = &bytes[..at];
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            matches!(line.last(), Some(b' ' | b'\t'))
        })
}

impl JoinWrappedLines {
    /// The stage on text in which `whitespace` has nothing to collapse.
    fn apply_as_is<'a>(&self, text: &'a str) -> Rewrite<'a> {
        let once = self.round(text);
        if once.is_unchanged() || self.round(once.text()).is_unchanged() {
            return once;
        }
        // Rarely, joins change what the document looks like (the lengths of its lines, so its
        // width; the lines a word split ends): go on to the text that a round leaves as it is.
        crate::edit::until_stable(text, "unwrap", 8, |t| self.round(t).into_parts().1)
    }
}

impl JoinWrappedLines {
    /// One reading of the text and the joins it finds.
    fn round<'a>(&self, text: &'a str) -> Rewrite<'a> {
        let lines = lines::lines(text);
        // Only lines that follow or precede another without a blank line are read for their
        // shape (the others are never asked about).
        let mut shapes: Vec<Shape> = Vec::new();
        for (i, p) in lines.windows(2).enumerate() {
            if !p[0].is_blank() && !p[1].is_blank() {
                if shapes.is_empty() {
                    shapes = vec![Shape::default(); lines.len()];
                }
                if i == 0 || lines[i - 1].is_blank() {
                    shapes[i] = Shape::of(text, &p[0]);
                }
                shapes[i + 1] = Shape::of(text, &p[1]);
            }
        }
        let width = if self.hard_wraps && !shapes.is_empty() {
            wrap::detect(&lines, &shapes, self.max_width)
        } else {
            None
        };
        // The lines that join the next line of their block, found first: whether a paragraph is one
        // line once the round's joins are made is part of what decides its gaps.
        let mut splits: Vec<Split> = Vec::new();
        let mut pairs: Vec<Option<Join>> = Vec::new();
        if !shapes.is_empty() {
            pairs.resize_with(lines.len(), || None);
            for i in 0..lines.len() - 1 {
                let (l, n) = (&lines[i], &lines[i + 1]);
                if !l.is_blank() && !n.is_blank() {
                    let (ls, ns) = (&shapes[i], &shapes[i + 1]);
                    pairs[i] = self.pair(text, l, ls, n, ns, width, &mut splits);
                }
            }
        }
        let doc = Doc {
            text,
            lines: &lines,
            joined: pairs.iter().map(Option::is_some).collect(),
            ahead: Default::default(),
            last_gap: Default::default(),
            last_ending: Default::default(),
            last_prose: Default::default(),
        };
        let mut joins: Vec<Join> = Vec::new();

        let doc_first = lines.iter().position(|l| !l.is_blank());
        // Where the paragraph that begins at a line ends, once found (see `paragraph_end`).
        let mut ends = Ends::default();
        // The paragraph before the one being read ended with a bare word (as captions do).
        let mut after_bare = false;
        // The paragraph being read: its first line, whether it is one line as the round's joins
        // leave it, and its words up to `prose_until`.
        let mut para_first = 0;
        let mut one_line = true;
        let mut prose = Prose::default();
        let mut prose_until = 0;
        let mut i = 0;
        while i < lines.len() {
            let l = &lines[i];
            if l.is_blank() {
                i += 1;
                // Blank lines at the start: the first paragraph begins after them.
                if para_first + 1 == i {
                    para_first = i;
                }
                continue;
            }
            let Some(n) = lines.get(i + 1) else { break };
            if !n.is_blank() {
                match pairs[i].take() {
                    Some(join) => joins.push(join),
                    None => one_line = false,
                }
                i += 1;
                continue;
            }
            // A gap of blank lines, then the next block (if any).
            let Some(j) = (i + 1..lines.len()).find(|&j| !lines[j].is_blank()) else {
                break;
            };
            let b = &lines[j];
            let gap = Gap {
                para_first,
                last: i,
                next: j,
                first: Some(para_first) == doc_first,
                after_bare,
                one_line,
            };
            let joined = self.broken_paragraphs
                && self.gap_joins(&doc, &gap, &mut prose, &mut prose_until, &mut ends, 0);
            if joined {
                joins.push(Join::Space(l.end, b.text_start, "broken paragraph"));
            } else {
                // A first paragraph that ends bare is a title or a dateline, not a caption.
                after_bare = paragraphs::ends_bare(l.text(text)) && Some(para_first) != doc_first;
                para_first = j;
                one_line = true;
                prose = Prose::default();
                prose_until = b.start;
            }
            i = j;
        }

        let outcomes = hyphen::decide(text, &splits);
        let joins: Vec<(Range<usize>, &str, &'static str)> = joins
            .into_iter()
            .map(|join| match join {
                Join::Space(start, end, reason) => (start..end, " ", reason),
                Join::Tight(start, end) => (start..end, "", "hard wrap"),
                Join::Hyphen(k) => {
                    let s = &splits[k];
                    let from = match outcomes[k] {
                        Outcome::Join => s.hyphen.start,
                        Outcome::Keep => s.hyphen.end,
                    };
                    (from..s.rest, "", "hyphenation")
                }
            })
            .collect();
        let mut out = Rewriter::new(text);
        let ends = boilerplate_reach(&lines);
        // The joins that make one line of the output, together.
        let mut k = 0;
        while k < joins.len() {
            let mut m = k + 1;
            while m < joins.len()
                && memchr(
                    b'\n',
                    &text.as_bytes()[joins[m - 1].0.end..joins[m].0.start],
                )
                .is_none()
            {
                m += 1;
            }
            let line = &joins[k..m];
            for ((range, with, reason), apart) in
                line.iter().zip(left_apart(text, line, ends.clone()))
            {
                if !apart {
                    out.replace(range.clone(), with, *reason);
                }
            }
            k = m;
        }
        out.finish()
    }
}

/// A join: the range it replaces, with what, and why.
type Joining<'j> = (Range<usize>, &'j str, &'static str);

/// Which of these joins (in order, on one line of the output) are left undone, because the line
/// they make is one that an earlier stage of the `news` preset would change where it changed none
/// of the lines joined: mojibake across a join (`à¤` and `!`, joined with a space, are `ठ` with a
/// lost byte), emphasis whose markers were on two lines (`*.` and `!*:`), and near the ends of
/// the document, where `boilerplate` reads, boilerplate (`Equinox,` and `AzerNews (2019-01-04)`,
/// an outlet and its date; a line of boilerplate joined to another, which ends the walk of
/// `boilerplate`). Those stages judged the lines apart, and a second run of the pipeline would
/// change what the joins made. The joins left are those
/// across which the change is made (the whole line for boilerplate); what the others make is
/// checked again, a few times at most, after which the lines all stay apart.
fn left_apart(text: &str, joins: &[Joining<'_>], ends: Range<usize>) -> Vec<bool> {
    let mut apart = vec![false; joins.len()];
    for _ in 0..4 {
        let mut more = false;
        let mut k = 0;
        while k < joins.len() {
            if apart[k] {
                k += 1;
                continue;
            }
            let m = (k..joins.len()).find(|&m| apart[m]).unwrap_or(joins.len());
            for i in changes_for_earlier_stages(text, &joins[k..m], ends.clone()) {
                apart[k + i] = true;
                more = true;
            }
            k = m;
        }
        if !more {
            return apart;
        }
    }
    vec![true; joins.len()]
}

/// The length in bytes of `piece` less its spaces and apostrophes, which the stages after this
/// one add and remove (`apostrophes` makes `USCs` `USC's`, `whitespace` collapses spaces): what
/// a line's size is judged by here, so that a second run judges it as the first did.
fn unchanging_len(piece: &str) -> usize {
    let bytes = piece.as_bytes();
    let plain = bytes.iter().filter(|&&b| b == b' ' || b == b'\'').count();
    let curly = memchr::memmem::find_iter(bytes, "’".as_bytes()).count();
    bytes.len() - plain - 3 * curly
}

/// The joins (indices into `joins`, which make one line) across which an earlier stage would
/// change the line they make: see [`left_apart`].
fn changes_for_earlier_stages(text: &str, joins: &[Joining<'_>], ends: Range<usize>) -> Vec<usize> {
    let bytes = text.as_bytes();
    let first = &joins[0].0;
    let last = &joins[joins.len() - 1].0;
    let start = memchr::memrchr(b'\n', &bytes[..first.start]).map_or(0, |i| i + 1);
    let end = memchr(b'\n', &bytes[last.end..]).map_or(text.len(), |i| last.end + i);
    let end = if end > last.end && bytes[end - 1] == b'\r' {
        end - 1
    } else {
        end
    };
    // The lines, as the joins cut them.
    let mut pieces = Vec::with_capacity(joins.len() + 1);
    let mut from = start;
    for (range, _, _) in joins {
        pieces.push(&text[from..range.start]);
        from = range.end;
    }
    pieces.push(&text[from..end]);
    let mojibake = pieces[..pieces.len() - 1]
        .iter()
        .any(|p| p.chars().next_back().is_some_and(|c| !c.is_ascii()))
        || joins.iter().any(|(_, with, _)| with.is_empty());
    let markup = crate::stages::markup::may_have_markup(&pieces);
    // A line of at most a few dozen words may be boilerplate; a longer one, a URL, has no space.
    // (Counted only past 1024 bytes, and only until it is known.)
    let short = pieces.iter().map(|p| p.len()).sum::<usize>() < 1024
        || pieces
            .iter()
            .try_fold(0, |n, p| Some(n + unchanging_len(p)).filter(|&n| n < 1024))
            .is_some()
        || joins.iter().all(|(_, with, _)| with.is_empty());
    if !mojibake && !markup && !short {
        return Vec::new();
    }
    // The line, and where each of its pieces is in it (no longer than the text it is made of: a
    // join puts one space, or nothing, for a line break).
    let mut line = String::with_capacity(end - start);
    let mut spans = Vec::with_capacity(pieces.len());
    for (k, piece) in pieces.iter().enumerate() {
        spans.push(line.len()..line.len() + piece.len());
        line.push_str(piece);
        if let Some((_, with, _)) = joins.get(k) {
            line.push_str(with);
        }
    }
    let all = || (0..joins.len()).collect();
    // Near the ends of the document, where `boilerplate` reads: a line the joins make that is
    // boilerplate (an outlet and its date, on two lines) a second run would remove, and a line
    // of boilerplate joined to another is no longer one, so what it walked over as boilerplate
    // would end its walk. Elsewhere no stage reads a line as boilerplate.
    let near_ends = start < ends.start || end > ends.end;
    if near_ends && short && crate::stages::boilerplate::is_boilerplate(&line) {
        return all();
    }
    if near_ends {
        // (A piece asked about once is not asked again: a line of many joins may repeat one.)
        // (Nor hashed when it is the piece before it again.)
        let mut asked = crate::fast_hash::FastSet::default();
        let mut before: Option<&str> = None;
        if pieces.iter().any(|&p| {
            let again = before == Some(p);
            before = Some(p);
            !again
                && (p.len() < 1024 || unchanging_len(p) < 1024)
                && asked.insert(p)
                && crate::stages::boilerplate::is_boilerplate(p)
        }) {
            return all();
        }
    }
    // Each join is where its piece ends.
    let at = |k: usize| spans[k].end;
    // The first byte that is not ASCII at or after a point, looked for again only past it: a
    // word that `sequence_near` reads (64 characters, 256 bytes at most, either side of the
    // join) holds no sequence when its bytes are all ASCII.
    let mut non_ascii: Option<usize> = None;
    let mut ascii_around = |at: usize| {
        let from = at.saturating_sub(256);
        if non_ascii.is_none_or(|k| k < from) {
            non_ascii = line.as_bytes()[from..]
                .iter()
                .position(|b| !b.is_ascii())
                .map_or(Some(line.len()), |k| Some(from + k));
        }
        non_ascii.is_some_and(|k| k >= (at + 256).min(line.len()))
    };
    // Mojibake across a join; or, where the join leaves no space, in the word it makes, which
    // `mojibake` would judge with letters beside it that it did not have.
    let mut across: Vec<usize> = (0..joins.len())
        .filter(|&k| {
            if joins[k].1.is_empty() {
                !ascii_around(at(k)) && crate::stages::mojibake::sequence_near(&line, at(k))
            } else {
                mojibake && crate::stages::mojibake::sequence_across(&line, at(k))
            }
        })
        .collect();
    // (Only where `markup` may change the line or one of its pieces: not for the brackets of a
    // quotation.)
    use crate::stages::markup::may_change;
    if markup
        && (may_change(&line) || pieces.iter().any(|p| may_change(p)))
        && let Some(changed) = crate::stages::markup::markup_across(&line, &spans)
    {
        let inside: Vec<usize> = (0..joins.len())
            .filter(|&k| changed.start <= at(k) && at(k) <= changed.end)
            .collect();
        if inside.is_empty() {
            return all();
        }
        across.extend(inside);
        across.sort_unstable();
        across.dedup();
    }
    across
}

/// The text between the first and the last lines that `boilerplate` reads from the ends of the
/// document (64 lines that are not blank from each, more than it reads: a second run, on joined
/// lines, reads further), as a byte range.
fn boilerplate_reach(lines: &[Line]) -> Range<usize> {
    const READ: usize = 64;
    let nonblank = || lines.iter().filter(|l| !l.is_blank());
    let start = nonblank().nth(READ).map_or(usize::MAX, |l| l.start);
    let end = nonblank().rev().nth(READ).map_or(0, |l| l.end);
    start..end
}

/// Blank lines between two paragraphs, by line index.
struct Gap {
    /// The first line of the paragraph before (which may have joined paragraphs before it).
    para_first: usize,
    /// Its last line.
    last: usize,
    /// The first line after the gap.
    next: usize,
    /// The paragraph before is the document's first.
    first: bool,
    /// The paragraph before that one ends with a word and no punctuation.
    after_bare: bool,
    /// The paragraph before is one line once the round's joins are made.
    one_line: bool,
}

/// The text a round reads: its lines, and which of them join the next line of their block.
struct Doc<'t> {
    text: &'t str,
    lines: &'t [Line],
    /// By line: the line and the next, both in a block, are joined (a hard wrap, a hyphenation).
    joined: Vec<bool>,
    /// The words after each gap, read once for the gaps that follow one another.
    ahead: std::cell::RefCell<paragraphs::Ahead>,
    /// The last gap decided without the paragraph's text before its last line and without what
    /// follows the next line's paragraph (see [`GapShape`]), and how.
    last_gap: std::cell::Cell<Option<(GapShape<'t>, bool)>>,
    /// The last line whose ending was read, and the last text read for its words, with what
    /// they were: a gap like the one before it reads the same (`'and\n\n'` repeated).
    last_ending: std::cell::Cell<Option<(&'t str, Ending)>>,
    last_prose: std::cell::Cell<Option<(&'t str, Prose)>>,
}

/// All that the decision on a gap reads when it reads neither the paragraph before but for its
/// first and last lines (it does not when the last line does not end bare and no headline is
/// asked about) nor the paragraph after but for its first line and its words
/// (`paragraph_end`): the lines' text.
#[derive(Clone, Copy, PartialEq, Eq)]
struct GapShape<'t> {
    a_first: &'t str,
    a_last: &'t str,
    b_first: &'t str,
    a: Prose,
    b: Prose,
    one_line: bool,
    first: bool,
    after_bare: bool,
}

/// `f(t)`, from `last` when `t` is the text it was last asked of (the same text again, as a
/// line of many joins or a run of like paragraphs asks), which it then remembers.
fn remembered<'t, T: Copy>(
    last: &std::cell::Cell<Option<(&'t str, T)>>,
    t: &'t str,
    f: impl FnOnce(&str) -> T,
) -> T {
    if let Some((was, value)) = last.get()
        && was == t
    {
        return value;
    }
    let value = f(t);
    last.set(Some((t, value)));
    value
}

impl<'t> Doc<'t> {
    /// `paragraphs::ending(t)`, read again only for a line other than the last asked about.
    fn ending(&self, t: &'t str) -> Ending {
        remembered(&self.last_ending, t, paragraphs::ending)
    }

    /// `Prose::of(t)`, read again only for a text other than the last asked about.
    fn prose_of(&self, t: &'t str) -> Prose {
        remembered(&self.last_prose, t, Prose::of)
    }
}

impl Doc<'_> {
    /// The lines `from..=to` are one once joined.
    fn is_one_line(&self, from: usize, to: usize) -> bool {
        self.joined
            .get(from..to)
            .is_none_or(|j| j.iter().all(|&b| b))
    }
}

impl JoinWrappedLines {
    /// Whether the paragraph before `gap` goes on after it. `prose` holds what is known of the
    /// paragraph's words, read up to `prose_until`; `ends` and `depth` are for
    /// [`Self::paragraph_end`].
    fn gap_joins<'t>(
        &self,
        doc: &Doc<'t>,
        gap: &Gap,
        prose: &mut Prose,
        prose_until: &mut usize,
        ends: &mut Ends,
        depth: usize,
    ) -> bool {
        let (text, lines) = (doc.text, doc.lines);
        let (para_first, next) = (gap.para_first, gap.next);
        let (a, b) = (&lines[gap.last], &lines[next]);
        if a.fenced || b.fenced || a.indent(text) >= 4 || b.indent(text) >= 4 {
            return false;
        }
        let (a_last, b_first) = (a.text(text), b.text(text));
        // `paragraphs::may_continue` and `paragraphs::ends_bare`, read once.
        let ending = doc.ending(a_last);
        if ending == Ending::Closed {
            return false;
        }
        let ends_bare = ending == Ending::Bare;
        if !prose.is_known() {
            *prose = prose.and(doc.prose_of(&text[*prose_until..a.end]));
        }
        *prose_until = a.end;
        // A title never goes on in the text: a first paragraph that reads as a headline before
        // one that begins with a capital. Read from the text alone: the title `markup` found
        // (`meta.title`) is known in a first run of the pipeline and not in a second, on text
        // without its `**` or `#`, which would join what the first kept apart.
        let para = text[lines[para_first].text_start..a.end].trim();
        let headline_asked =
            gap.first && b_first.starts_with(|c: char| c.is_uppercase() || "\"“‘".contains(c));
        let headline = headline_asked
            && !paragraphs::opens_like_a_sentence(para)
            && (paragraphs::is_headline(para)
                || prose.words < Prose::ENOUGH
                    && ends_bare
                    && !paragraphs::reads_as_sentence(para));
        // Short paragraphs one after another that end without punctuation are a list (of
        // captions, of contents): one of them does not go on in a capitalised one.
        let listed = gap.after_bare
            && (4..8).contains(&prose.words)
            && !para.contains(", ")
            && ends_bare
            && b_first.starts_with(char::is_uppercase);
        if headline || listed {
            return false;
        }
        // The words after the gap, whatever blank lines they cross: what this round or a later
        // one joins after the gap must not change what is seen from before it.
        let b_prose = doc.ahead.borrow_mut().prose(text, b.text_start);
        let after_bare = ends_bare && !gap.first;
        // A gap whose decision reads no more than its `GapShape` (the paragraph's text is read
        // only where it ends bare, or for a headline, above; what follows the next paragraph,
        // through `paragraph_end`, is read or not as the shape decides) is decided as the gap
        // before it was when the two have the same shape: `'and\n\n'` repeated.
        let shape = (!ends_bare && !headline_asked).then_some(GapShape {
            a_first: lines[para_first].text(text),
            a_last,
            b_first,
            a: *prose,
            b: b_prose,
            one_line: gap.one_line,
            first: gap.first,
            after_bare: gap.after_bare,
        });
        if let (Some(shape), Some((last, joins))) = (shape, doc.last_gap.get())
            && shape == last
        {
            return joins;
        }
        let read_on = std::cell::Cell::new(false);
        let joins = paragraphs::continues(
            para,
            lines[para_first].text(text),
            a_last,
            gap.one_line,
            *prose,
            b_first,
            b_prose,
            || {
                read_on.set(true);
                self.paragraph_end(doc, next, after_bare, ends, depth + 1)
            },
        );
        if let Some(shape) = shape
            && !read_on.get()
        {
            doc.last_gap.set(Some((shape, joins)));
        }
        joins
    }

    /// The paragraph that begins at line `first` after a gap that does not join (`after_bare` as
    /// the paragraph before ends), with the paragraphs that go on it, from its first line's text
    /// to the end of its last line: the paragraph that the text will have once the round's
    /// joins are made. Judged on the block alone,
    /// a gap would be decided one way in this run and the other in a second run, which sees the
    /// joined paragraph. Found once for each `first` (into `ends`); past [`MAX_READ_AHEAD`]
    /// paragraphs, read ahead or nested, the paragraph is taken to end where it has got to.
    fn paragraph_end<'t>(
        &self,
        doc: &Doc<'t>,
        first: usize,
        after_bare: bool,
        ends: &mut Ends,
        depth: usize,
    ) -> &'t str {
        let (text, lines) = (doc.text, doc.lines);
        let span = |last: usize| &text[lines[first].text_start..lines[last].end];
        if let Some(&last) = ends.get(&(first, after_bare)) {
            return span(last);
        }
        let block_end = |from: usize| {
            (from..lines.len())
                .take_while(|&k| !lines[k].is_blank())
                .last()
                .unwrap_or(from)
        };
        let mut last = block_end(first);
        let mut one_line = doc.is_one_line(first, last);
        let mut prose = Prose::default();
        let mut prose_until = lines[first].start;
        for _ in depth..MAX_READ_AHEAD {
            let end = lines[last].text(text);
            if paragraphs::ends_sentence(end) || !paragraphs::may_continue(end) {
                break;
            }
            let Some(next) = (last + 1..lines.len()).find(|&k| !lines[k].is_blank()) else {
                break;
            };
            let gap = Gap {
                para_first: first,
                last,
                next,
                first: false,
                after_bare,
                one_line,
            };
            if !self.gap_joins(doc, &gap, &mut prose, &mut prose_until, ends, depth) {
                break;
            }
            last = block_end(next);
            one_line &= doc.is_one_line(next, last);
        }
        ends.insert((first, after_bare), last);
        span(last)
    }
}

/// Where paragraphs end, by the line they begin at and how the one before ends (see
/// [`JoinWrappedLines::paragraph_end`]).
type Ends = crate::fast_hash::FastMap<(usize, bool), usize>;

/// How many paragraphs one decision may read ahead, in a row or nested: enough for the few
/// parts a sentence is broken into, and a bound on the work for text made of nothing but short
/// paragraphs.
const MAX_READ_AHEAD: usize = 64;

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn run(text: &str) -> String {
        JoinWrappedLines::default()
            .apply(text, &mut Meta::default())
            .text()
            .to_owned()
    }

    /// A line the joins would make that reads as boilerplate (a share line) is left apart near
    /// the ends of the document, where `boilerplate` would remove it in a second run, and made
    /// in the middle, which `boilerplate` never reads.
    #[test]
    fn a_line_like_boilerplate_is_made_only_where_boilerplate_does_not_read() {
        let broken = "Follow us on\n\nTwitter";
        let prose = "The council met on Monday and voted on the budget for next year.\n\n";
        let near_end = format!("{}{broken}\n", prose.repeat(80));
        assert_eq!(run(&near_end), near_end);
        let middle = format!("{}{broken}\n\n{}", prose.repeat(80), prose.repeat(80));
        assert_eq!(run(&middle), middle.replace("on\n\nTwitter", "on Twitter"));
    }

    proptest::proptest! {
        #[test]
        fn blank_lines_collapse_as_whitespace_collapses_them(
            text in "(a|b c|\n|\n\n|\n\n\n|\n\n\n\n){0,12}"
        ) {
            let ours = collapse_blank_lines(&text);
            let theirs = COLLAPSE.apply(&text, &mut Meta::default());
            proptest::prop_assert_eq!(ours.text(), theirs.text());
            let spans = |r: &Rewrite<'_>| r.edits().iter().map(|e| (e.start, e.end)).collect::<Vec<_>>();
            proptest::prop_assert_eq!(spans(&ours), spans(&theirs));
        }
    }

    /// Found by the `jsonl` fuzz target (`unwrap-line-size-after-apostrophes.txt`): whether a
    /// joined line is short enough to be asked about as boilerplate was judged by its bytes,
    /// and the apostrophe of `USC's`, added after this stage, took a line of 1023 past 1024.
    #[test]
    fn a_line_is_sized_without_its_spaces_and_apostrophes() {
        assert_eq!(
            unchanging_len("USCs County  Attorney"),
            unchanging_len("USC's County Attorney")
        );
        assert_eq!(unchanging_len("it’s"), unchanging_len("its"));
        assert_eq!(unchanging_len("abc"), 3);
    }

    /// Found by the `jsonl` fuzz target (`unwrap-gap-decided-before-apostrophes*`): an apostrophe
    /// that `apostrophes` adds after this stage changed a decision of this stage in a second run.
    /// A word is read as it is with any apostrophes.
    #[test]
    fn an_added_apostrophe_changes_no_decision() {
        let pairs = [
            (
                "f the l g d boths t e oen\n\nF.\n\ne e\n",
                "f the l g d both's t e oen\n\nF.\n\ne e\n",
            ),
            (
                "Thursday\n\nenP ursday, October 1 217,09\n\nYesterdays b17 ero, 2019\n\n\
                 Yesterdays Questions can monday, ce. Memthe executivebers of\n",
                "Thursday\n\nenP ursday, October 1 217,09\n\nYesterdays b17 ero, 2019\n\n\
                 Yesterday's Questions can monday, ce. Memthe executivebers of\n",
            ),
        ];
        for (without, with) in pairs {
            assert_eq!(run(without).replace('\'', ""), run(with).replace('\'', ""));
        }
    }

    /// Found by the `clean_bytes` fuzz target (`unwrap-two-trailing-spaces-…`): trailing spaces,
    /// which `whitespace` removes after this stage, changed a decision of this stage.
    #[test]
    fn trailing_spaces_change_no_decision() {
        let text =
            include_str!("../../../corpus/fuzz-findings/unwrap-two-trailing-spaces-read-ahead.txt");
        assert!(text.contains("###  \n"));
        let trimmed: String = text
            .split('\n')
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n");
        let strip = |t: String| {
            t.split('\n')
                .map(str::trim_end)
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(strip(run(text)), run(&trimmed));
        assert!(run(text).contains("d z"));
        assert!(has_trailing_space("a \nb") && has_trailing_space("a\t\r\nb"));
        assert!(has_trailing_space("a\nb ") && !has_trailing_space("a b\n c\n"));
    }

    /// Found by the `clean_bytes` fuzz target (`unwrap-blank-lines-in-a-row`): two blank lines,
    /// which `whitespace` makes one after this stage, kept a gap apart that one blank line
    /// joins. The number of blank lines changes no decision.
    #[test]
    fn blank_lines_in_a_row_change_no_decision() {
        let cleaned = crate::Pipeline::preset("news")
            .unwrap()
            .clean_bytes(include_bytes!(
                "../../../corpus/fuzz-findings/unwrap-blank-lines-in-a-row"
            ))
            .text
            .into_owned();
        assert!(
            cleaned.starts_with("zA total dead, offiz\na adot\n\n"),
            "{cleaned:?}"
        );
        let apart = cleaned.replacen("a adot", "a\n\nadot", 1);
        let further = cleaned.replacen("a adot", "a\n\n\n\nadot", 1);
        let one_blank = |mut t: String| {
            while t.contains("\n\n\n") {
                t = t.replace("\n\n\n", "\n\n");
            }
            t
        };
        assert_eq!(run(&apart), cleaned);
        assert_eq!(one_blank(run(&further)), cleaned);
        assert!(!collapse_blank_lines("\n\nx").is_unchanged());
        assert!(collapses_more_than_blank_lines("a\r\nb"));
        assert!(collapse_blank_lines("a\n\nb\n").is_unchanged());
    }

    /// Found by the `stages` fuzz target (`unwrap-alone-after-trailing-space-view`): a join
    /// judged on the view without trailing spaces kept a line's trailing tabs before its space,
    /// which `whitespace` does not collapse, so that a second run judged longer lines.
    #[test]
    fn joins_take_the_trailing_spaces_and_tabs() {
        let plain = "It is a truth universally acknowledged, that a single man in\n\
                     possession of a good fortune, must be in want of a wife. However\n\
                     little known the feelings or views of such a man may be on his\n\
                     first entering a neighbourhood, this truth is so well fixed.\n";
        let text =
            plain
                .replacen(" in\n", " in\t\t\n", 1)
                .replacen("However\n", "However \t \n", 1);
        assert_eq!(run(&text), run(plain));
        assert!(run(plain).contains("man in possession"));
    }

    #[test]
    fn unwrapped_text_comes_back_borrowed() {
        let text = "One paragraph on one line.\n\nTwo, on another.\n- a list\n- of items\n";
        let (out, edits) = JoinWrappedLines::default()
            .apply(text, &mut Meta::default())
            .into_parts();
        assert!(matches!(out, Cow::Borrowed(_)));
        assert!(edits.is_empty());
    }

    #[test]
    fn an_item_goes_on_as_a_second_run_would_see_it() {
        // The item is one line once the joins before each gap are made: read line by line, it
        // went on in one more paragraph each round (a second run joined what the first left).
        let text = "1. a\n\na\n\nj\n\nz\n\nd\n\ns\n\nc\n\nd\n\ns\n\nc\n\nq\n\nr\n";
        let out = run(text);
        assert_eq!(out, "1. a a j z d s c d s c q r\n");
        assert_eq!(run(&out), out);
        // An item of two lines that stay apart does not go on.
        let text = "1. one item\n- another\n\nand more\n";
        assert_eq!(run(text), text);
    }

    #[test]
    fn hyphens_at_line_ends() {
        assert_eq!(run("the develop-\nment of it"), "the development of it");
        assert_eq!(run("a self-\nreliant man"), "a self-reliant man");
        assert_eq!(run("after COVID-\n19 came"), "after COVID-19 came");
        assert_eq!(
            run("co-\noperate, as co-operate is spelt here"),
            "co-operate, as co-operate is spelt here"
        );
    }

    #[test]
    fn an_email_keeps_its_structure() {
        // Wrapped paragraphs and list items (with their hanging lines) are joined; the quote, the
        // code, the table, the closing and the signature stay as they are.
        let text = "Hi Bob,\n\
         \n\
         Thanks for the report on the quarterly figures. I have read it through\n\
         twice and I think the numbers for the northern region need another look\n\
         before we send them to the board, because the totals do not add up with\n\
         what finance sent us last week.\n\
         \n\
         A few points:\n\
         \n\
         1. The revenue line for March is missing the adjustment that we agreed\n\
         \x20  on in the meeting.\n\
         2. Headcount is off by two.\n\
         3. The forecast assumes the old exchange rate, which changed in April\n\
         \x20  and makes a real difference.\n\
         \n\
         > On Monday, Bob wrote:\n\
         > Here are the figures for the quarter. Let me know if anything looks\n\
         > wrong to you before Friday.\n\
         \n\
         \x20   total = sum(region.revenue for region in regions)\n\
         \x20   print(total)\n\
         \n\
         Name      Region     Total\n\
         Alice     North      1200\n\
         Bob       South      900\n\
         \n\
         Best regards,\n\
         Carol\n\
         --\n\
         Carol Smith, Finance\n\
         +1 555 0100\n\
         ";
        let expected = "Hi Bob,\n\
         \n\
         Thanks for the report on the quarterly figures. I have read it through twice and I think the numbers for the northern region need another look before we send them to the board, because the totals do not add up with what finance sent us last week.\n\
         \n\
         A few points:\n\
         \n\
         1. The revenue line for March is missing the adjustment that we agreed on in the meeting.\n\
         2. Headcount is off by two.\n\
         3. The forecast assumes the old exchange rate, which changed in April and makes a real difference.\n\
         \n\
         > On Monday, Bob wrote:\n\
         > Here are the figures for the quarter. Let me know if anything looks\n\
         > wrong to you before Friday.\n\
         \n\
         \x20   total = sum(region.revenue for region in regions)\n\
         \x20   print(total)\n\
         \n\
         Name      Region     Total\n\
         Alice     North      1200\n\
         Bob       South      900\n\
         \n\
         Best regards,\n\
         Carol\n\
         --\n\
         Carol Smith, Finance\n\
         +1 555 0100\n\
         ";
        assert_eq!(run(text), expected);
    }

    #[test]
    fn paragraphs_separated_by_indentation() {
        let text = "    It is a truth universally acknowledged, that a single man in\n\
                    possession of a good fortune, must be in want of a wife. However\n\
                    little known the feelings or views of such a man may be on his\n\
                    first entering a neighbourhood.\n\
                    \x20   This truth is so well fixed in the minds of the surrounding\n\
                    families, that he is considered the rightful property of some one\n\
                    or other of their daughters, and of all the people around them.\n";
        assert_eq!(
            run(text),
            "    It is a truth universally acknowledged, that a single man in possession of a \
             good fortune, must be in want of a wife. However little known the feelings or \
             views of such a man may be on his first entering a neighbourhood.\n    This \
             truth is so well fixed in the minds of the surrounding families, that he is \
             considered the rightful property of some one or other of their daughters, and \
             of all the people around them.\n"
        );
    }

    #[test]
    fn spaced_double_hyphens_keep_their_spaces() {
        let text = "Food delivery services, and taxi services were on hiatus for the\n\
                    month of April, like everything else in the city around them, and\n\
                    the people who worked there were left without work on hiatus\n\
                    -- workers who depended on the profession for their daily income\n\
                    went hungry, and so did their families in the villages far away.\n";
        assert!(
            run(text).contains("on hiatus -- workers who"),
            "{}",
            run(text)
        );
    }

    #[test]
    fn crlf_line_breaks() {
        let text = "It is a truth universally acknowledged, that a single man in\r\n\
                    possession of a good fortune, must be in want of a wife. However\r\n\
                    little known the feelings or views of such a man may be on his\r\n\
                    first entering a neighbourhood, this truth is so well fixed.\r\n";
        assert_eq!(
            run(text),
            "It is a truth universally acknowledged, that a single man in possession of a good \
             fortune, must be in want of a wife. However little known the feelings or views of \
             such a man may be on his first entering a neighbourhood, this truth is so well \
             fixed.\r\n"
        );
    }

    #[test]
    fn structure_stays() {
        let text = "It is a truth universally acknowledged, that a single man in\n\
                    possession of a good fortune, must be in want of a wife. However\n\
                    little known the feelings or views of such a man may be on his\n\
                    first entering a neighbourhood, this truth is so well fixed.\n\
                    \n\
                    - an item of a list that is long enough to reach the margin of\n\
                    - the next item\n\
                    \n\
                    Dear Sir,\n\
                    I write to you about the matter of the house and the garden in\n\
                    the street.\n\
                    Yours, etc.\n\
                    \n\
                    \x20   fn main() {\n\
                    \x20       println!(\"code is left as it is, however long its lines\");\n\
                    \x20   }\n\
                    > a quoted line that is also long enough to reach the margin\n\
                    > of the text\n";
        let out = run(text);
        assert!(out.contains("\n- an item of a list that is long enough to reach the margin of\n- the next item\n"), "{out}");
        assert!(out.contains("Dear Sir,\nI write"), "{out}");
        assert!(
            out.contains("garden in the street.\nYours, etc.\n"),
            "{out}"
        );
        assert!(out.contains("    fn main() {\n        println!"), "{out}");
        assert!(out.contains("margin\n> of the text"), "{out}");
    }
}
