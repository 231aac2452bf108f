//! Hard wraps: whether a document's lines were cut at a fixed width, at which width, and whether
//! a given line break is one of those cuts.
//!
//! A wrapper fills each line with as many words as fit in the width and breaks before the first
//! word that does not: so after a wrapped line, the next line's first word would not have fitted
//! on it. A line that ends early (verse, an address, a heading, a paragraph's last line, a
//! signature) leaves room for the next word, and its break is the writer's. The width is read from
//! the document: nearly all lines followed by another line are at most that long (the 99th
//! percentile of their lengths), and most of them are within a word of it (in the blocks that
//! have a cut at all: a table or an address is laid out by hand). Lines that nearly all begin
//! with a capital are verse, not wrapped prose, whatever their lengths.

use super::lines::{Line, Shape, may_join, measure};

/// Fewest line breaks inside paragraphs that must look like wrap cuts.
const MIN_CUTS: usize = 3;
/// Narrowest width taken for a wrap (newspaper columns are about 30 characters).
const MIN_WIDTH: usize = 25;

/// The width the document's paragraphs were wrapped at, or `None` when they were not wrapped.
/// `shapes` are those of `lines`.
pub(super) fn detect(lines: &[Line], shapes: &[Shape], max_width: usize) -> Option<usize> {
    // The length of every line followed by another line of the same block, which could be a cut.
    let mut inner: Vec<usize> = Vec::new();
    for (i, pair) in lines.windows(2).enumerate() {
        let (l, n) = (&pair[0], &pair[1]);
        if l.is_blank() || n.is_blank() || l.fenced || n.fenced {
            continue;
        }
        if may_join(&shapes[i], &shapes[i + 1]) {
            inner.push(i);
        }
    }
    if inner.len() < MIN_CUTS {
        return None;
    }
    let mut histogram = vec![0usize; max_width + 2];
    for &i in &inner {
        histogram[(shapes[i].chars as usize).min(max_width + 1)] += 1;
    }
    // The 99th percentile: at most one line in a hundred is longer than the width.
    let allowed_longer = inner.len() / 100;
    let mut longer = inner.len();
    let mut width = 0;
    for (len, &count) in histogram.iter().enumerate() {
        longer -= count;
        if longer <= allowed_longer {
            width = len;
            break;
        }
    }
    if !(MIN_WIDTH..=max_width).contains(&width) {
        return None;
    }
    // Breaks within the width, and those that are cuts, counted by block (lines between blank
    // lines): a block with no cut at all is laid out on purpose (a table, an address, a
    // signature), and says nothing of how the rest was wrapped.
    let (mut cuts, mut within, mut capitals) = (0, 0, 0);
    let (mut block_cuts, mut block_within) = (0, 0);
    let mut previous: Option<usize> = None;
    for &i in &inner {
        let (l, n) = (&shapes[i], &shapes[i + 1]);
        capitals += usize::from(n.starts_capitalised());
        if previous.is_some_and(|p| lines[p + 1..=i].iter().any(Line::is_blank)) {
            if block_cuts > 0 {
                (cuts, within) = (cuts + block_cuts, within + block_within);
            }
            (block_cuts, block_within) = (0, 0);
        }
        previous = Some(i);
        if l.chars as usize > width {
            continue;
        }
        block_within += 1;
        if is_cut(l.chars as usize, n.first_word as usize, width) {
            block_cuts += 1;
        }
    }
    if block_cuts > 0 {
        (cuts, within) = (cuts + block_cuts, within + block_within);
    }
    // In prose, one wrapped line in four or five begins with a capital; in verse, nearly all do.
    let verse = capitals * 10 > inner.len() * 6;
    (!verse && cuts >= MIN_CUTS && cuts * 10 >= within * 7).then_some(width)
}

/// Whether a line of `len` characters, followed by a line whose first word has `next_word`
/// characters, was cut by a wrapper at `width`: the word would not have fitted after a space,
/// give or take an eighth of the width (text set by hand, or wrapped by a tool that balances its
/// lines, leaves a few characters of the width unused; the books of `corpus/books/` leave up to
/// six on 99.5% of their lines, up to nine on 99.9%).
pub(super) fn is_cut(len: usize, next_word: usize, width: usize) -> bool {
    len + 1 + next_word + (width / 8).max(3) > width
}

/// Length in characters of the first word of `t`, as [`measure`] counts (`o clock` is one
/// word, `oclock`, as `o'clock`).
pub(super) fn first_word_chars(t: &str) -> usize {
    let o_clock = t.len() >= 7 && t.as_bytes()[..7].eq_ignore_ascii_case(b"o clock");
    let from = if o_clock { 2 } else { 0 };
    let end = super::lines::find2(b' ', b'\t', &t.as_bytes()[from..]).map_or(t.len(), |i| from + i);
    measure(&t[..end])
}

#[cfg(test)]
mod tests {
    use super::super::lines::lines;
    use super::*;

    fn detect(text: &str, lines: &[Line], max_width: usize) -> Option<usize> {
        let shapes: Vec<Shape> = lines.iter().map(|l| Shape::of(text, l)).collect();
        super::detect(lines, &shapes, max_width)
    }

    #[test]
    fn finds_the_width_of_wrapped_prose() {
        let text = "It is a truth universally acknowledged, that a single man in\n\
                    possession of a good fortune, must be in want of a wife. However\n\
                    little known the feelings or views of such a man may be on his\n\
                    first entering a neighbourhood, this truth is so well fixed.\n";
        assert_eq!(detect(text, &lines(text), 150), Some(64));
    }

    #[test]
    fn verse_and_single_line_paragraphs_are_not_wrapped() {
        let verse = "And did young Stephen sicken,\nAnd did young Stephen die?\n\
                     And did the sad hearts thicken,\nAnd did the mourners cry?\n\
                     No; such was not the fate of\nYoung Stephen Dowling Bots;\n";
        assert_eq!(detect(verse, &lines(verse), 150), None);
        let news = "One paragraph on one line.\n\nAnother one.\n\nA third.\n";
        assert_eq!(detect(news, &lines(news), 150), None);
    }
}
