//! Edits: what a stage changed, and the log that maps every change back to the original input.
//!
//! A stage never builds its output by hand. It walks its input with a [`Rewriter`], says which
//! byte ranges to replace and why, and gets back a [`Rewrite`]: the new text together with the
//! edits that produce it. Because the two come from one place they cannot disagree, and a stage
//! that changes nothing hands its input back borrowed without having allocated.
//!
//! The [`Pipeline`](crate::Pipeline) then composes each stage's edits (byte ranges of *that
//! stage's* input) with the log so far, so that the final log speaks of byte ranges of the
//! *original* input. [`replay`] applies such a log; replaying the log of a run on its input gives
//! exactly the output of that run.

use compact_str::CompactString;
use std::borrow::Cow;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::Error;

/// One change in the final log: the byte range `start..end` of the original input, which held
/// `before`, was replaced by `after`.
///
/// When two stages touch the same stretch of text, their changes are merged into one edit whose
/// `stage` names both (`"mojibake+unicode"`) and whose `reason` lists both reasons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    /// The stage (or stages, joined by `+`) that made the change. (A `Cow`: the names of the
    /// stages textmend ships and the reasons they give are borrowed, not copied into each edit.)
    pub stage: Cow<'static, str>,
    /// Start of the replaced range, in bytes of the original input.
    pub start: usize,
    /// End (exclusive) of the replaced range, in bytes of the original input.
    pub end: usize,
    /// The original text of the range. Bytes that were not valid UTF-8 (only possible when the
    /// input was bytes) are written as `\xNN` escapes. (A [`CompactString`], like `after`: up
    /// to 24 bytes are kept inline, and most edits are that short, so a log of many edits does
    /// not allocate for each one. It derefs to `&str`.)
    pub before: CompactString,
    /// The text that replaced it.
    pub after: CompactString,
    /// Why, in a few words (`"trailing whitespace"`); merged edits join their reasons with `"; "`.
    pub reason: Cow<'static, str>,
}

/// One change made by a stage, in byte offsets of that stage's own input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageEdit {
    /// Start of the replaced range in the stage's input.
    pub start: usize,
    /// End (exclusive) of the replaced range in the stage's input.
    pub end: usize,
    /// The replacement text.
    pub after: CompactString,
    /// Why the stage made the change.
    pub reason: Cow<'static, str>,
}

/// The result of a stage: its output text and the edits that turn its input into that output.
///
/// Only a [`Rewriter`] makes one (or [`Rewrite::unchanged`]), so the text and the edits always
/// agree. `text` is `Cow::Borrowed` exactly when nothing changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewrite<'a> {
    text: Cow<'a, str>,
    edits: Vec<StageEdit>,
}

impl<'a> Rewrite<'a> {
    /// A rewrite that changes nothing: the input, borrowed.
    pub fn unchanged(input: &'a str) -> Self {
        Rewrite {
            text: Cow::Borrowed(input),
            edits: Vec::new(),
        }
    }

    /// The output text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The edits, sorted and non-overlapping, in byte offsets of the input.
    pub fn edits(&self) -> &[StageEdit] {
        &self.edits
    }

    /// True when the stage changed nothing (the text is the input, borrowed).
    pub fn is_unchanged(&self) -> bool {
        self.edits.is_empty()
    }

    /// The output text and the edits.
    pub fn into_parts(self) -> (Cow<'a, str>, Vec<StageEdit>) {
        (self.text, self.edits)
    }
}

/// Builds a stage's output from its input, one replacement at a time, in input order.
///
/// Nothing is allocated until the first real change; a replacement by identical text is not a
/// change. Adjacent replacements with the same reason are merged into one edit.
///
/// ```
/// use textmend::edit::Rewriter;
///
/// let input = "one  two";
/// let mut out = Rewriter::new(input);
/// out.replace(3..5, " ", "repeated spaces");
/// let rewrite = out.finish();
/// assert_eq!(rewrite.text(), "one two");
/// assert_eq!(rewrite.edits().len(), 1);
///
/// // No change, no copy:
/// let rewrite = Rewriter::new("clean").finish();
/// assert!(rewrite.is_unchanged());
/// ```
#[derive(Debug)]
pub struct Rewriter<'a> {
    input: &'a str,
    out: String,
    copied: usize,
    edits: Vec<StageEdit>,
}

impl<'a> Rewriter<'a> {
    /// Starts a rewrite of `input`.
    pub fn new(input: &'a str) -> Self {
        Rewriter {
            input,
            out: String::new(),
            copied: 0,
            edits: Vec::new(),
        }
    }

    /// The text being rewritten.
    pub fn input(&self) -> &'a str {
        self.input
    }

    /// The end of the last replacement: the next one may not start before it.
    pub fn position(&self) -> usize {
        self.copied
    }

    /// Replaces `range` of the input by `with`.
    ///
    /// # Panics
    ///
    /// When `range` starts before the end of the previous replacement, is reversed, is out of
    /// bounds or does not fall on character boundaries: these are bugs in the calling stage, and
    /// a log built from them would not replay.
    pub fn replace(
        &mut self,
        range: Range<usize>,
        with: &str,
        reason: impl Into<Cow<'static, str>>,
    ) {
        let Range { start, end } = range;
        assert!(
            self.copied <= start && start <= end && end <= self.input.len(),
            "Rewriter: range {start}..{end} is out of order (previous edit ended at {}) or out of \
             bounds (input is {} bytes)",
            self.copied,
            self.input.len()
        );
        assert!(
            self.input.is_char_boundary(start) && self.input.is_char_boundary(end),
            "Rewriter: range {start}..{end} is not on character boundaries"
        );
        if &self.input[start..end] == with {
            return;
        }
        if self.edits.is_empty() {
            // With room for what the edits may add (apostrophes, mostly): growing past the
            // input's length would copy the output once more.
            self.out
                .reserve(self.input.len() + self.input.len() / 32 + with.len());
        }
        self.out.push_str(&self.input[self.copied..start]);
        self.out.push_str(with);
        self.copied = end;
        let reason = reason.into();
        if let Some(last) = self.edits.last_mut()
            && last.end == start
            && last.reason == reason
        {
            last.end = end;
            last.after.push_str(with);
            return;
        }
        self.edits.push(StageEdit {
            start,
            end,
            after: CompactString::from(with),
            reason,
        });
    }

    /// Deletes `range` of the input.
    pub fn delete(&mut self, range: Range<usize>, reason: impl Into<Cow<'static, str>>) {
        self.replace(range, "", reason);
    }

    /// Inserts `text` at byte `at` of the input.
    pub fn insert(&mut self, at: usize, text: &str, reason: impl Into<Cow<'static, str>>) {
        self.replace(at..at, text, reason);
    }

    /// Finishes the rewrite: the input, borrowed, when nothing changed.
    pub fn finish(mut self) -> Rewrite<'a> {
        if self.edits.is_empty() {
            return Rewrite::unchanged(self.input);
        }
        self.out.push_str(&self.input[self.copied..]);
        Rewrite {
            text: Cow::Owned(self.out),
            edits: self.edits,
        }
    }
}

/// Applies a log to the input it was made on, giving the output of that run.
///
/// The edits must be sorted, must not overlap and must lie on character boundaries of `original`,
/// as every log made by a [`Pipeline`](crate::Pipeline) on text input does.
///
/// ```
/// let input = "Trailing   \n\n\n\nspaces";
/// let cleaned = textmend::Pipeline::preset("minimal").unwrap().clean(input);
/// assert_eq!(textmend::edit::replay(input, &cleaned.edits).unwrap(), cleaned.text);
/// ```
pub fn replay(original: &str, edits: &[Edit]) -> Result<String, Error> {
    let bytes = replay_bytes(original.as_bytes(), edits)?;
    String::from_utf8(bytes).map_err(|_| Error::Replay {
        index: edits.len(),
        message: "the result is not valid UTF-8 (an edit splits a character)".into(),
    })
}

/// Applies a log to the bytes it was made on (see [`Pipeline::clean_bytes`](crate::Pipeline::clean_bytes)),
/// giving the UTF-8 bytes of the output.
pub fn replay_bytes(original: &[u8], edits: &[Edit]) -> Result<Vec<u8>, Error> {
    let growth: usize = edits.iter().map(|e| e.after.len()).sum();
    let mut out = Vec::with_capacity(original.len() + growth);
    let mut copied = 0;
    for (index, edit) in edits.iter().enumerate() {
        if edit.start < copied || edit.start > edit.end || edit.end > original.len() {
            return Err(Error::Replay {
                index,
                message: format!(
                    "range {}..{} is out of order (previous edit ended at {copied}) or out of \
                     bounds (input is {} bytes)",
                    edit.start,
                    edit.end,
                    original.len()
                ),
            });
        }
        out.extend_from_slice(&original[copied..edit.start]);
        out.extend_from_slice(edit.after.as_bytes());
        copied = edit.end;
    }
    out.extend_from_slice(&original[copied..]);
    Ok(out)
}

/// Composes the edits one stage made on its input `current` with the log that turned the
/// original into `current`, giving a log of the original that turns it into the stage's output.
///
/// Both lists are sorted and free of overlaps, so one sweep in order of `current` suffices. An
/// old edit and a new one are merged when they share text of `current`, or when one is empty and
/// lies strictly inside the other; otherwise they stay apart, and the order in which they are
/// emitted (old before new at a shared boundary, except before an old insertion) is the order of
/// `current`, which is also the order of the original. `before` is left empty: see [`finish_log`].
pub(crate) fn compose(
    old: Vec<Edit>,
    current: &str,
    mut new: Vec<StageEdit>,
    stage: &str,
) -> Vec<Edit> {
    if new.is_empty() {
        return old;
    }
    if old.is_empty() {
        // The first stage that changes anything: its input is the original.
        let stage = stage_name(stage);
        return new
            .into_iter()
            .map(|e| Edit {
                stage: stage.clone(),
                start: e.start,
                end: e.end,
                before: CompactString::default(),
                after: e.after,
                reason: e.reason,
            })
            .collect();
    }
    let stage_cow = stage_name(stage);
    let mut log = Vec::with_capacity(old.len() + new.len());
    let mut old = old.into_iter();
    // `current` position minus original position, for positions past every emitted old edit.
    let mut delta: isize = 0;
    let mut next = 0;
    while next < new.len() {
        let first = &new[next];
        // The old edits before it, counted, then moved in one go. (`take_while` stops at the
        // first edit that is not before it, so `delta` grows by exactly those counted.)
        let before = old
            .as_slice()
            .iter()
            .take_while(|o| {
                let span = current_span(o, delta);
                let before =
                    span.end <= first.start && !shares_text(&span, &(first.start..first.end));
                if before {
                    delta += growth(o);
                }
                before
            })
            .count();
        log.extend(old.by_ref().take(before));

        // Gather one cluster: a run of new and old edits that overlap one another.
        let cluster_delta = delta;
        let mut span = first.start..first.end;
        let new_from = next;
        next += 1;
        let mut members: Vec<Edit> = Vec::new();
        let mut members_growth: isize = 0;
        loop {
            let mut grew = false;
            while let Some(o) = old.as_slice().first() {
                let o_span = current_span(o, cluster_delta + members_growth);
                if !shares_text(&o_span, &span) {
                    break;
                }
                span.start = span.start.min(o_span.start);
                span.end = span.end.max(o_span.end);
                members_growth += growth(o);
                members.push(old.next().expect("looked at"));
                grew = true;
            }
            while next < new.len() && shares_text(&(new[next].start..new[next].end), &span) {
                span.end = span.end.max(new[next].end);
                next += 1;
                grew = true;
            }
            if !grew {
                break;
            }
        }

        if members.is_empty() && next == new_from + 1 {
            // A new edit alone, the common case: its text is taken over as it is.
            let e = &mut new[new_from];
            log.push(Edit {
                stage: stage_cow.clone(),
                start: unshift(span.start, cluster_delta),
                end: unshift(span.end, cluster_delta),
                before: CompactString::default(),
                after: std::mem::take(&mut e.after),
                reason: std::mem::take(&mut e.reason),
            });
            delta = cluster_delta;
            continue;
        }
        let start = match members.first() {
            Some(m) if current_span(m, cluster_delta).start == span.start => m.start,
            _ => unshift(span.start, cluster_delta),
        };
        let end = match members.last() {
            Some(m)
                if current_span(m, cluster_delta + members_growth - growth(m)).end == span.end =>
            {
                m.end
            }
            _ => unshift(span.end, cluster_delta + members_growth),
        };
        let growth: usize = new[new_from..next].iter().map(|e| e.after.len()).sum();
        let mut after = String::with_capacity(span.end - span.start + growth);
        let mut copied = span.start;
        for e in &new[new_from..next] {
            after.push_str(&current[copied..e.start]);
            after.push_str(&e.after);
            copied = e.end;
        }
        after.push_str(&current[copied..span.end]);

        let mut stages: Vec<&str> = Vec::new();
        let mut reasons: Vec<&str> = Vec::new();
        for m in &members {
            stages.extend(m.stage.split('+'));
            reasons.extend(m.reason.split("; "));
        }
        stages.push(stage);
        reasons.extend(new[new_from..next].iter().map(|e| e.reason.as_ref()));
        log.push(Edit {
            stage: join_unique(&stages, "+").into(),
            start,
            end,
            before: CompactString::default(),
            after: after.into(),
            reason: join_unique(&reasons, "; ").into(),
        });
        delta = cluster_delta + members_growth;
    }
    log.extend(old);
    log
}

/// A stage's name for the log: borrowed when it is one of the stages textmend ships (a custom
/// stage's name is copied).
fn stage_name(name: &str) -> Cow<'static, str> {
    match crate::registry::stage(name) {
        Some(info) => Cow::Borrowed(info.name),
        None => Cow::Owned(name.to_owned()),
    }
}

/// Runs `round` on `text`, then on its output, until a round changes nothing, and gives the
/// rounds as one rewrite of `text`: for a stage whose repairs can meet across their edges, so
/// that its output is a fixed point and a second run has nothing to do. Clean text costs one
/// round and comes back borrowed.
///
/// Text that has not settled after `max_rounds` rounds (a chain of repairs that each make the
/// next, such as mojibake nested a dozen times, which only a fuzzer writes) is left as it is:
/// what the rounds made is no fixed point, so a second run would go on where the first stopped,
/// and a repair that does not settle is not one to be sure of. The bound keeps such a chain from
/// costing a scan of the text per link.
pub(crate) fn until_stable<'a>(
    text: &'a str,
    stage: &str,
    max_rounds: usize,
    mut round: impl FnMut(&str) -> Vec<StageEdit>,
) -> Rewrite<'a> {
    let edits = round(text);
    if edits.is_empty() {
        return Rewrite::unchanged(text);
    }
    let first = replace_all(text, &edits);
    let mut edits_after = round(first.text());
    if edits_after.is_empty() {
        // One round was enough (nearly always): its rewrite is the answer, without a log.
        return first;
    }
    let mut log = compose(Vec::new(), text, edits, stage);
    let mut current = first.into_parts().0.into_owned();
    for _ in 1..max_rounds {
        if edits_after.is_empty() {
            break;
        }
        let next = replace_all(&current, &edits_after)
            .into_parts()
            .0
            .into_owned();
        log = compose(log, &current, edits_after, stage);
        current = next;
        edits_after = round(&current);
    }
    if !edits_after.is_empty() {
        return Rewrite::unchanged(text);
    }
    let mut out = Rewriter::new(text);
    for edit in log {
        out.replace(edit.start..edit.end, &edit.after, edit.reason);
    }
    out.finish()
}

/// `text` with `edits` (sorted, not overlapping) made, through a [`Rewriter`].
fn replace_all<'a>(text: &'a str, edits: &[StageEdit]) -> Rewrite<'a> {
    let mut out = Rewriter::new(text);
    for e in edits {
        out.replace(e.start..e.end, &e.after, e.reason.clone());
    }
    out.finish()
}

/// Fills in `before` from the original input and drops edits that, after merging, change
/// nothing (one stage undid what another did).
pub(crate) fn finish_log(mut log: Vec<Edit>, original: &[u8]) -> Vec<Edit> {
    // (Checked once, not once for each edit: edits begin and end on character boundaries.)
    match std::str::from_utf8(original) {
        Ok(text) => finish_log_of_text(log, text),
        Err(_) => {
            log.retain(|e| &original[e.start..e.end] != e.after.as_bytes());
            for e in &mut log {
                e.before = escape_invalid(&original[e.start..e.end]).into();
            }
            log
        }
    }
}

/// [`finish_log`] for an original that is text already: nothing to check.
pub(crate) fn finish_log_of_text(mut log: Vec<Edit>, original: &str) -> Vec<Edit> {
    log.retain(|e| original[e.start..e.end] != e.after);
    for e in &mut log {
        e.before = CompactString::from(&original[e.start..e.end]);
    }
    log
}

/// `bytes` as text, with bytes that are not UTF-8 written as `\xNN`.
pub(crate) fn escape_invalid(bytes: &[u8]) -> String {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_owned();
    }
    // Built as bytes (by hand: `write!` costs a hundred times more, and input can be all
    // invalid bytes), each escape appended at once.
    let mut text = Vec::with_capacity(bytes.len() * 4);
    for chunk in bytes.utf8_chunks() {
        text.extend_from_slice(chunk.valid().as_bytes());
        for &b in chunk.invalid() {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            text.extend_from_slice(&[
                b'\\',
                b'x',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 15)],
            ]);
        }
    }
    String::from_utf8(text).expect("valid UTF-8 and ASCII escapes")
}

/// A text as a later stage will leave it, with the way back to the text's offsets: for a stage
/// whose judgement that later stage could change (`mojibake` judges on what `unicode` leaves,
/// `unwrap` on what `whitespace` leaves), so that what a second run of the pipeline would find is
/// found in the first.
pub(crate) struct View {
    /// The text as the later stage leaves it.
    pub text: String,
    /// Each of the later stage's edits: its range in the text, then in the view; in order.
    spans: Vec<(Range<usize>, Range<usize>)>,
    /// Where the last look-up in `spans` ended: edits are mostly mapped in order, and the next
    /// look-up starts there rather than from the whole list.
    last: std::cell::Cell<usize>,
}

impl View {
    /// The view that a rewrite of the text makes.
    pub fn new(rewrite: Rewrite<'_>) -> View {
        let (text, edits) = rewrite.into_parts();
        let mut spans = Vec::with_capacity(edits.len());
        let mut delta: isize = 0;
        for e in &edits {
            let start = shift(e.start, delta);
            spans.push((e.start..e.end, start..start + e.after.len()));
            delta += e.after.len() as isize - (e.end - e.start) as isize;
        }
        View {
            text: text.into_owned(),
            spans,
            last: std::cell::Cell::new(0),
        }
    }

    /// How many spans end in the view at or before `at`
    /// (`spans.partition_point(|(_, view)| view.end <= at)`), read on from the last look-up when
    /// `at` lies past it.
    fn spans_ending_by(&self, at: usize) -> usize {
        let ends_by = |(_, view): &(Range<usize>, Range<usize>)| view.end <= at;
        let last = self.last.get();
        let k = if last > 0 && last <= self.spans.len() && ends_by(&self.spans[last - 1]) {
            // A few steps on, then a search of the rest.
            let mut k = last;
            while k < self.spans.len() && k < last + 8 && ends_by(&self.spans[k]) {
                k += 1;
            }
            if k == last + 8 {
                k + self.spans[k..].partition_point(ends_by)
            } else {
                k
            }
        } else {
            self.spans.partition_point(ends_by)
        };
        self.last.set(k);
        k
    }

    /// The text offset of view offset `at`, which is not strictly inside a span: past any text
    /// that the later stage deleted at that point. `k` is `spans_ending_by(at)`.
    fn origin(&self, at: usize, k: usize) -> usize {
        match k {
            0 => at,
            _ => {
                let (text, view) = &self.spans[k - 1];
                text.end + (at - view.end)
            }
        }
    }

    /// The text offset of view offset `at`, which is not strictly inside a span: before any text
    /// that the later stage deleted at that point. `k` is `spans_ending_by(at)`.
    fn origin_before(&self, at: usize, mut k: usize) -> usize {
        let mut origin = self.origin(at, k);
        while k > 0 && self.spans[k - 1].1 == (at..at) {
            origin = self.spans[k - 1].0.start;
            k -= 1;
        }
        origin
    }

    /// The span whose view range has `at` strictly inside, if any. `k` is
    /// `spans_ending_by(at)`.
    fn around(&self, at: usize, k: usize) -> Option<&(Range<usize>, Range<usize>)> {
        self.spans
            .get(k)
            .filter(|(_, view)| view.start < at && at < view.end)
    }

    /// An edit of the view as an edit of the text. An end that falls inside one of the later
    /// stage's changes (a character NFC composed from several) takes the whole change, with the
    /// view's text of it; text the later stage deleted at an end goes with the edit.
    pub fn edit_of_text(&self, e: StageEdit) -> StageEdit {
        self.map_edit(e, false)
    }

    /// As [`edit_of_text`](Self::edit_of_text), and text the later stage deleted right before
    /// the edit's start goes with the edit too: a join of two lines takes the trailing spaces
    /// and tabs of the first, which the view read without, so that the text it leaves reads as
    /// the view it was judged on (`ryr\t\t` joined kept its tabs before the space, which
    /// `whitespace` does not collapse, and a second run judged longer lines).
    pub fn edit_of_text_taking_deleted(&self, e: StageEdit) -> StageEdit {
        self.map_edit(e, true)
    }

    fn map_edit(&self, e: StageEdit, take_deleted_before: bool) -> StageEdit {
        // (Inline up to 24 bytes: a join's space allocates nothing.)
        let mut after = CompactString::default();
        // (The spans that end by each end of the edit, found once for all that asks.)
        let k = self.spans_ending_by(e.start);
        let start = match self.around(e.start, k) {
            Some((text, view)) => {
                after.push_str(&self.text[view.start..e.start]);
                text.start
            }
            None if take_deleted_before => self.origin_before(e.start, k),
            None => self.origin(e.start, k),
        };
        after.push_str(&e.after);
        let k = self.spans_ending_by(e.end);
        let end = match self.around(e.end, k) {
            Some((text, view)) => {
                after.push_str(&self.text[e.end..view.end]);
                text.end
            }
            None => self.origin(e.end, k),
        };
        StageEdit {
            start,
            end,
            after,
            reason: e.reason,
        }
    }
}

/// The edits, in order, less each one that starts before the end of the last one kept. Edits
/// of a [`View`] mapped back onto the text can meet: two whose ends fall inside the same change
/// of the later stage each take the whole change (two repairs inside one run that NFC rewrote,
/// `\u{2001}ÎÎ\u{a0}ÎŠÎ\u{a0}Îˆ`). The first is kept; a stage that repeats its rounds finds
/// the others in the next.
pub(crate) fn apart(edits: impl IntoIterator<Item = StageEdit>) -> impl Iterator<Item = StageEdit> {
    let mut end = 0;
    edits.into_iter().filter(move |e| {
        let kept = end <= e.start;
        if kept {
            end = e.end;
        }
        kept
    })
}

fn current_span(e: &Edit, delta: isize) -> Range<usize> {
    let start = shift(e.start, delta);
    start..start + e.after.len()
}

fn growth(e: &Edit) -> isize {
    e.after.len() as isize - (e.end - e.start) as isize
}

fn shift(original: usize, delta: isize) -> usize {
    (original as isize + delta) as usize
}

fn unshift(current: usize, delta: isize) -> usize {
    (current as isize - delta) as usize
}

/// Whether two ranges of the same text must become one edit: they share a byte, or one of them
/// is empty and lies strictly inside the other.
fn shares_text(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start.max(b.start) < a.end.min(b.end)
        || (a.is_empty() && b.start < a.start && a.start < b.end)
        || (b.is_empty() && a.start < b.start && b.start < a.end)
}

/// The parts joined by `sep`, each once, in the order of their first appearance.
fn join_unique(parts: &[&str], sep: &str) -> String {
    let mut joined = String::with_capacity(parts.iter().map(|p| p.len() + sep.len()).sum());
    for (i, p) in parts.iter().enumerate() {
        if parts[..i].contains(p) {
            continue;
        }
        if i > 0 {
            joined.push_str(sep);
        }
        joined.push_str(p);
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_finds_its_spans_from_the_last_look_up_as_from_none() {
        // A view with an edit every few bytes, asked in order, out of order and far ahead.
        let text = "a  b\t\tc   d  \n".repeat(40);
        use crate::pipeline::Stage;
        let view = View::new(
            crate::stages::NormalizeWhitespace::default()
                .apply(&text, &mut crate::meta::Meta::default()),
        );
        assert!(view.spans.len() > 60);
        let len = view.text.len();
        let order = (0..=len)
            .chain((0..=len).rev())
            .chain((0..=len).step_by(37))
            .chain((0..=len).map(|k| k * 7919 % (len + 1)));
        for at in order {
            let expected = view.spans.partition_point(|(_, v)| v.end <= at);
            assert_eq!(view.spans_ending_by(at), expected, "{at}");
        }
    }

    fn stage(input: &str, edits: &[(Range<usize>, &str)]) -> (String, Vec<StageEdit>) {
        let mut w = Rewriter::new(input);
        for (i, (range, with)) in edits.iter().enumerate() {
            w.replace(range.clone(), with, format!("r{i}"));
        }
        let (text, edits) = w.finish().into_parts();
        (text.into_owned(), edits)
    }

    fn run(original: &str, stages: &[&[(Range<usize>, &str)]]) -> (String, Vec<Edit>) {
        let mut text = original.to_owned();
        let mut log = Vec::new();
        for (i, edits) in stages.iter().enumerate() {
            let (out, new) = stage(&text, edits);
            log = compose(log, &text, new, &format!("s{i}"));
            text = out;
        }
        (text, finish_log(log, original.as_bytes()))
    }

    /// A round that peels one `[]` off the first `[[...]]` it finds.
    fn peel(text: &str) -> Vec<StageEdit> {
        text.find("[[")
            .and_then(|open| {
                let close = open + text[open..].find("]]")?;
                Some(vec![StageEdit {
                    start: open,
                    end: close + 2,
                    after: text[open + 1..close + 1].into(),
                    reason: "peel".into(),
                }])
            })
            .unwrap_or_default()
    }

    #[test]
    fn rounds_go_on_to_a_fixed_point_or_leave_the_text() {
        let settles = until_stable("a [[[[x]]]] b", "test", 8, peel);
        assert_eq!(settles.text(), "a [x] b");
        assert_eq!(settles.edits().len(), 1);
        // Nine peels need ten rounds (the last finds nothing): more than eight.
        let deep = format!("a {}x{} b", "[".repeat(10), "]".repeat(10));
        let stopped = until_stable(&deep, "test", 8, peel);
        assert!(stopped.is_unchanged());
        assert_eq!(stopped.text(), deep);
        let enough = until_stable(&deep, "test", 9, peel);
        assert_eq!(enough.text(), "a [x] b");
    }

    #[test]
    fn three_stages_compose_into_spans_of_the_original() {
        let original = "aaa bbb ccc ddd";
        let (text, log) = run(
            original,
            &[
                &[(0..3, "A"), (8..11, "CCCCC")], // "A bbb CCCCC ddd"
                &[(2..5, "b"), (6..11, "C")],     // "A b C ddd"
                &[(3..5, "~C!"), (6..9, "")],     // "A b~C! "
            ],
        );
        assert_eq!(text, "A b~C! ");
        assert_eq!(replay(original, &log).unwrap(), text);
        let spans: Vec<_> = log
            .iter()
            .map(|e| (e.start, e.end, e.stage.as_ref()))
            .collect();
        assert_eq!(
            spans,
            vec![
                (0, 3, "s0"),
                (4, 7, "s1"),
                (7, 11, "s0+s1+s2"),
                (12, 15, "s2")
            ]
        );
        assert_eq!(log[2].before, " ccc");
        assert_eq!(log[2].after, "~C!");
    }

    #[test]
    fn insertions_keep_their_order_around_an_earlier_insertion() {
        let original = "ab";
        let (text, log) = run(original, &[&[(1..1, "XY")], &[(1..1, "<"), (3..3, ">")]]);
        assert_eq!(text, "a<XY>b");
        assert_eq!(replay(original, &log).unwrap(), text);
    }

    #[test]
    fn an_edit_inside_an_earlier_replacement_merges_with_it() {
        let original = "hello world";
        let (text, log) = run(original, &[&[(0..5, "HELLO")], &[(2..3, "")]]);
        assert_eq!(text, "HELO world");
        assert_eq!(log.len(), 1);
        assert_eq!(
            (log[0].start, log[0].end, log[0].after.as_str()),
            (0, 5, "HELO")
        );
    }

    #[test]
    fn an_edit_undone_by_a_later_stage_leaves_no_trace() {
        let (text, log) = run("abc", &[&[(1..2, "X")], &[(1..2, "b")]]);
        assert_eq!(text, "abc");
        assert!(log.is_empty());
    }

    #[test]
    fn rewriter_skips_identical_replacements_and_stays_borrowed() {
        let mut w = Rewriter::new("same");
        w.replace(0..4, "same", "noop");
        assert!(matches!(w.finish().into_parts().0, Cow::Borrowed("same")));
    }

    #[test]
    #[should_panic(expected = "out of order")]
    fn rewriter_refuses_edits_out_of_order() {
        let mut w = Rewriter::new("abcdef");
        w.replace(3..4, "x", "a");
        w.replace(1..2, "y", "b");
    }

    #[test]
    fn replay_rejects_overlapping_edits_with_their_index() {
        let e = |start, end| Edit {
            stage: "t".into(),
            start,
            end,
            before: Default::default(),
            after: Default::default(),
            reason: "".into(),
        };
        let err = replay("abcdef", &[e(0, 3), e(2, 4)]).unwrap_err();
        assert!(err.to_string().contains("edit 1"), "{err}");
    }

    #[test]
    fn invalid_bytes_are_escaped_in_before() {
        assert_eq!(escape_invalid(b"a\xFFb\xC3"), "a\\xFFb\\xC3");
    }
}
