//! The damage generator: the kinds of damage the seed article arrived with, applied to clean text
//! with a seeded generator, so that every run damages the same documents the same way.
//!
//! Each kind is a function of its own (the stage measures use them one at a time); [`damage`]
//! stacks them on one Wikinews article the way a scrape and a conversion would: apostrophes
//! dropped, paragraphs broken mid-sentence, lines hard-wrapped, a header and footer around the
//! article, and on some documents a mojibake layer or a legacy encoding over the whole.

use serde::Deserialize;

use crate::corpus_text;

/// A small, seeded random generator (xorshift).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// A Wikinews article as the corpus has it.
#[derive(Debug, Clone, Deserialize)]
pub struct Article {
    pub url: String,
    pub date: String,
    pub title: String,
    pub text: String,
}

/// The articles of a JSON Lines file of `corpus/news/`.
pub fn wikinews(file: &str) -> Vec<Article> {
    corpus_text(&format!("news/{file}"))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("news/{file}: {e}")))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Apostrophes dropped.

/// The kinds of apostrophe the measures count separately.
pub const APOSTROPHE_KINDS: [&str; 5] = [
    "contraction",
    "possessive, capitalized",
    "possessive, lower case",
    "plural possessive",
    "other",
];

/// Words before `'s` that make it "is" or "has" (or "us"), not a possessive.
fn is_pronoun_before_s(left: &str) -> bool {
    matches!(
        left.to_ascii_lowercase().as_str(),
        "it" | "that"
            | "there"
            | "what"
            | "he"
            | "she"
            | "who"
            | "here"
            | "where"
            | "let"
            | "how"
            | "everyone"
            | "someone"
            | "everybody"
            | "somebody"
            | "nobody"
            | "anyone"
            | "this"
            | "when"
            | "why"
    )
}

fn apostrophe_kind(left: &str, right: &str) -> &'static str {
    match right.to_ascii_lowercase().as_str() {
        "t" if left.ends_with(['n', 'N']) => APOSTROPHE_KINDS[0],
        "re" | "ve" | "ll" | "d" | "m" => APOSTROPHE_KINDS[0],
        "s" if is_pronoun_before_s(left) => APOSTROPHE_KINDS[0],
        "s" if left.starts_with(|c: char| c.is_uppercase()) => APOSTROPHE_KINDS[1],
        "s" => APOSTROPHE_KINDS[2],
        "" => APOSTROPHE_KINDS[3],
        _ => APOSTROPHE_KINDS[4],
    }
}

/// Whether the apostrophe between `prev` and `next` is one a conversion drops: inside a word
/// ("doesn't", "Russia's"), or after a final `s` ("countries' leaders"); not a quotation mark.
pub fn is_droppable(prev: Option<char>, next: Option<char>) -> bool {
    let inside = prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic);
    let plural = matches!(prev, Some('s' | 'S')) && !next.is_some_and(char::is_alphanumeric);
    inside || plural
}

/// `text` with its droppable apostrophes removed. Returns the damaged text and, for each
/// apostrophe removed, its byte position in the damaged text and its kind.
pub fn drop_apostrophes(text: &str) -> (String, Vec<(usize, &'static str)>) {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut removed = Vec::new();
    for (k, &c) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(k + 1).copied();
        if matches!(c, '\'' | '’') && is_droppable(prev, next) {
            let left: String = chars[..k]
                .iter()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .collect();
            let left: String = left.chars().rev().collect();
            let right: String = chars[k + 1..]
                .iter()
                .take_while(|c| c.is_alphabetic())
                .collect();
            removed.push((out.len(), apostrophe_kind(&left, &right)));
            continue;
        }
        out.push(c);
    }
    (out, removed)
}

// ---------------------------------------------------------------------------------------------
// Paragraphs broken mid-sentence.

/// Byte offsets of the gaps between the paragraphs of `text` (each gap: end of one paragraph's
/// text, start of the next one's).
pub fn gaps(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut last_end: Option<usize> = None;
    let mut blank_since = false;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end();
        if content.trim().is_empty() {
            blank_since = last_end.is_some();
        } else {
            let start = pos + (content.len() - content.trim_start().len());
            if let (Some(end), true) = (last_end, blank_since) {
                out.push((end, start));
            }
            last_end = Some(pos + content.len());
            blank_since = false;
        }
        pos += line.len();
    }
    out
}

/// `text` with up to `count` of its prose paragraphs broken by a blank line at a random word
/// boundary inside a sentence (the word before does not end with `.!?:;`, a quote or a bracket).
/// Returns the damaged text and the byte offset, in it, of each break (where its `"\n\n"` is).
pub fn break_paragraphs(rng: &mut Rng, text: &str, count: usize) -> (String, Vec<usize>) {
    // Paragraphs, as byte ranges.
    let spans: Vec<(usize, usize)> = {
        let g = gaps(text);
        let first = text.len() - text.trim_start().len();
        let mut starts = vec![first];
        starts.extend(g.iter().map(|&(_, s)| s));
        let mut ends: Vec<usize> = g.iter().map(|&(e, _)| e).collect();
        ends.push(text.trim_end().len());
        starts.into_iter().zip(ends).collect()
    };
    let mut cuts: Vec<usize> = Vec::new();
    for _ in 0..count {
        let (s, e) = spans[rng.below(spans.len())];
        let para = &text[s..e];
        // Prose: a paragraph of sentences (not the dateline, not a caption).
        if para.split_whitespace().count() < 8 || !para.contains(['.', '?', '!']) {
            continue;
        }
        let candidates: Vec<usize> = para
            .match_indices(' ')
            .map(|(i, _)| i)
            .filter(|&i| {
                let before = para[..i].rsplit(' ').next().unwrap_or("");
                !before.is_empty()
                    && !para[..i].contains('\n')
                    && !before.ends_with(['.', '!', '?', ':', ';', '"', '”', '’', '\'', ')', ']'])
                    && para[i + 1..].starts_with(|c: char| !c.is_whitespace())
            })
            .collect();
        if !candidates.is_empty() {
            let cut = s + candidates[rng.below(candidates.len())];
            if !cuts.contains(&cut) {
                cuts.push(cut);
            }
        }
    }
    cuts.sort_unstable();
    let mut damaged = String::new();
    let mut copied = 0;
    let mut cut_at = Vec::new();
    for &c in &cuts {
        damaged.push_str(&text[copied..c]);
        cut_at.push(damaged.len());
        damaged.push_str("\n\n");
        copied = c + 1;
    }
    damaged.push_str(&text[copied..]);
    (damaged, cut_at)
}

// ---------------------------------------------------------------------------------------------
// Hard wraps.

/// A word split by [`wrap_words`]: its index among the paragraph's words, and whether it is a
/// compound.
pub type Site = (usize, bool);

/// Greedy wrapping at `width` characters, breaking only between words; with `hyphenate`, a word
/// that does not fit is split with a hyphen where that lets the line take part of it: a compound
/// at its own hyphen, a plain lower-case word of six letters or more anywhere that leaves two
/// letters before and three after. Returns the text and the index (in `words`) of each word
/// split, with whether it was a compound.
pub fn wrap_words(words: &[&str], width: usize, hyphenate: bool) -> (String, Vec<Site>) {
    let mut text = String::new();
    let mut sites = Vec::new();
    let mut line_len = 0;
    for (i, word) in words.iter().enumerate() {
        let len = word.chars().count();
        if line_len == 0 {
            text.push_str(word);
            line_len = len;
            continue;
        }
        if line_len + 1 + len <= width {
            text.push(' ');
            text.push_str(word);
            line_len += 1 + len;
            continue;
        }
        let room = width.saturating_sub(line_len + 1);
        if let Some((head, tail, compound)) = hyphenate.then(|| split_word(word, room)).flatten() {
            text.push(' ');
            text.push_str(head);
            text.push_str("-\n");
            text.push_str(tail);
            line_len = tail.chars().count();
            sites.push((i, compound));
            continue;
        }
        text.push('\n');
        text.push_str(word);
        line_len = len;
    }
    (text, sites)
}

/// Where a word may be split so that its first part and a hyphen take at most `room` characters.
fn split_word(word: &str, room: usize) -> Option<(&str, &str, bool)> {
    let core = word.trim_end_matches(|c: char| !c.is_alphabetic());
    if !core.is_ascii() {
        return None;
    }
    let parts: Vec<&str> = core.split('-').collect();
    if parts.len() == 2
        && parts
            .iter()
            .all(|p| p.len() >= 2 && p.bytes().all(|b| b.is_ascii_alphabetic()))
    {
        let head = parts[0];
        return (head.len() < room).then(|| (head, &word[head.len() + 1..], true));
    }
    if core.len() >= 6 && core.bytes().all(|b| b.is_ascii_lowercase()) {
        let at = (2..=core.len() - 3).rev().find(|&at| at < room)?;
        return Some((&word[..at], &word[at..], false));
    }
    None
}

/// `text` with every paragraph that is one line longer than `width` wrapped at `width`, between
/// words (split at spaces only, so a thin or no-break space stays inside its word; the line's
/// indentation kept). Blank lines, and paragraphs already laid out in lines, are left as they
/// are.
pub fn hard_wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / width);
    let lines: Vec<&str> = text.split('\n').collect();
    for (k, line) in lines.iter().enumerate() {
        let blank = |i: Option<&&str>| i.is_none_or(|l| l.trim().is_empty());
        let alone = blank(k.checked_sub(1).and_then(|p| lines.get(p))) && blank(lines.get(k + 1));
        if alone && line.chars().count() > width {
            let body = line.trim_start_matches(' ');
            out.push_str(&line[..line.len() - body.len()]);
            let words: Vec<&str> = body.split(' ').filter(|w| !w.is_empty()).collect();
            out.push_str(&wrap_words(&words, width, false).0);
        } else {
            out.push_str(line);
        }
        if k + 1 < lines.len() {
            out.push('\n');
        }
    }
    out
}

/// Whether some paragraph of `text` is laid out in lines (a line followed by another without a
/// blank line between).
pub fn has_lines(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().collect();
    lines
        .windows(2)
        .any(|w| !w[0].trim().is_empty() && !w[1].trim().is_empty())
}

// ---------------------------------------------------------------------------------------------
// Headers and footers.

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The ISO date written the ways datelines write it.
fn dateline(rng: &mut Rng, iso: &str) -> String {
    let (y, m, d) = (
        &iso[..4],
        iso[5..7].parse::<usize>().unwrap(),
        iso[8..10].parse::<u32>().unwrap(),
    );
    let month = MONTHS[m - 1];
    match rng.below(5) {
        0 => format!("{d:02}.{m:02}.{y}"),
        1 => iso.to_owned(),
        2 => format!("{}. {d}, {y}", &month[..3]),
        3 => format!("{d} {month} {y}"),
        _ => format!("{month} {d}, {y}"),
    }
}

const LABELS: &[&str] = &[
    "Source",
    "Kaynak",
    "Mənbə",
    "Источник",
    "Джерело",
    "Quelle",
    "Source ",
    "Fuente",
    "Fonte",
    "المصدر",
    "منبع",
    "Kaynak/Source",
];
const OUTLETS: &[&str] = &["AzerNews", "Trend", "Reuters", "Anadolu Agency", "TASS"];
const SEPARATORS: &[&str] = &["---", "***", "=====", "•", "-", "___"];
const SOCIAL: &[&str] = &[
    "Share this article",
    "Follow us on Twitter",
    "Subscribe to our newsletter",
    "Read more:",
    "Related articles",
    "Advertisement",
    "We use cookies to improve your experience. By continuing you accept our cookie policy.",
];

/// The lines put around an article: what they are, and what the output should keep of them.
pub struct Frame {
    header: Vec<String>,
    footer: Vec<String>,
    /// The lines that are boilerplate (all but the title).
    pub boilerplate: Vec<String>,
    /// The title the output should begin with (the title line without its markup), if any.
    pub title: Option<String>,
    pub has_url: bool,
    pub has_date: bool,
}

/// The article's text without its own dateline (its first line): with a header, the header
/// carries the date instead.
pub fn body_without_dateline(text: &str) -> &str {
    let text = text.trim_start();
    let body = text.split_once('\n').map_or(text, |(_, rest)| rest);
    body.trim()
}

impl Frame {
    /// A header and footer of many kinds and languages: separators, a bold or `#` title,
    /// datelines in five formats, outlet lines, source labels in 12 languages with and without a
    /// value, URLs with and without `<>`, share/follow/cookie lines, copyright lines.
    pub fn generated(rng: &mut Rng, a: &Article) -> Frame {
        let mut header: Vec<String> = Vec::new();
        let mut boilerplate = Vec::new();
        let push = |lines: &mut Vec<String>, line: String, bp: &mut Vec<String>| {
            bp.push(line.clone());
            lines.push(line);
        };
        let has_title = rng.chance(60);
        let has_date = rng.chance(80);
        let has_url = rng.chance(80);
        if rng.chance(50) {
            push(
                &mut header,
                rng.pick(SEPARATORS).to_owned(),
                &mut boilerplate,
            );
        }
        if has_title {
            header.push(if rng.chance(50) {
                format!("**{}**", a.title)
            } else {
                format!("# {}", a.title)
            });
        }
        if rng.chance(40) {
            push(
                &mut header,
                rng.pick(SEPARATORS).to_owned(),
                &mut boilerplate,
            );
        }
        if has_date {
            let line = dateline(rng, &a.date);
            push(&mut header, line, &mut boilerplate);
        }
        if rng.chance(50) {
            let outlet = rng.pick(OUTLETS);
            let line = format!("{outlet} ({})", dateline(rng, &a.date).replace(',', ""));
            push(&mut header, line, &mut boilerplate);
        }
        // A header that is one dateline and nothing else is how the Wikinews articles themselves
        // begin, which the stage keeps by design; so every header here has something besides.
        let only_dateline =
            header.len() == usize::from(has_title) + usize::from(has_date) && !has_title;
        if header.len() == usize::from(has_title) || only_dateline || rng.chance(30) {
            push(
                &mut header,
                format!("{}: {}", rng.pick(LABELS), rng.pick(OUTLETS)),
                &mut boilerplate,
            );
        }
        let mut footer: Vec<String> = Vec::new();
        if has_url {
            let line = if rng.chance(50) {
                format!("<{}>", a.url)
            } else {
                a.url.clone()
            };
            push(&mut footer, line, &mut boilerplate);
        }
        for _ in 0..rng.below(3) {
            push(&mut footer, rng.pick(SOCIAL).to_owned(), &mut boilerplate);
        }
        if rng.chance(50) {
            push(
                &mut footer,
                rng.pick(SEPARATORS).to_owned(),
                &mut boilerplate,
            );
        }
        if rng.chance(40) {
            let line = format!(
                "© {} {}. All rights reserved.",
                &a.date[..4],
                rng.pick(OUTLETS)
            );
            push(&mut footer, line, &mut boilerplate);
        }
        if footer.is_empty() || rng.chance(40) {
            let label = rng.pick(LABELS);
            let line = if rng.chance(50) {
                format!("{label}:")
            } else {
                format!("{label}: {}", rng.pick(OUTLETS))
            };
            push(&mut footer, line, &mut boilerplate);
        }
        Frame {
            header,
            footer,
            boilerplate,
            title: has_title.then(|| a.title.clone()),
            has_url,
            has_date,
        }
    }

    /// The seed's own frame: separators, a bold title, a dateline, an outlet line; the URL in
    /// `<>`, a separator and an empty source label after the article.
    pub fn seed_like(rng: &mut Rng, a: &Article) -> Frame {
        let (y, m, d) = (&a.date[..4], &a.date[5..7], &a.date[8..10]);
        let month = MONTHS[m.parse::<usize>().unwrap() - 1];
        let outlet = rng.pick(OUTLETS);
        let boilerplate: Vec<String> = vec![
            "---".into(),
            "-".into(),
            format!("{d}.{m}.{y}"),
            "---".into(),
            format!("{outlet} ({d} {month} {y})"),
            format!("<{}>", a.url),
            "---".into(),
            "Kaynak/Source:".into(),
        ];
        let mut header = boilerplate[..5].to_vec();
        header.insert(1, format!("**{}**", a.title.to_uppercase()));
        Frame {
            header,
            footer: boilerplate[5..].to_vec(),
            boilerplate,
            title: Some(a.title.to_uppercase()),
            has_url: true,
            has_date: true,
        }
    }

    /// `body` inside the frame, the lines separated by one or two line breaks.
    pub fn around(&self, rng: &mut Rng, body: &str) -> String {
        let gap = |rng: &mut Rng| if rng.chance(50) { "\n\n" } else { "\n" };
        let mut text = String::new();
        for line in &self.header {
            text.push_str(line);
            text.push_str(gap(rng));
        }
        text.push('\n');
        text.push_str(body);
        for line in &self.footer {
            text.push_str(gap(rng));
            text.push('\n');
            text.push_str(line);
        }
        text.push('\n');
        text
    }

    /// What the `markup` and `boilerplate` stages should make of the framed `body`: the title, a
    /// blank line and the body.
    pub fn expected(&self, body: &str) -> String {
        match &self.title {
            Some(title) => format!("{title}\n\n{body}\n"),
            None => format!("{body}\n"),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Encodings.

/// `text`'s UTF-8 bytes read as Windows-1252: "é" becomes "Ã©".
pub fn mojibake(text: &str) -> String {
    encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(text.as_bytes())
        .0
        .into_owned()
}

/// `text` in Windows-1252, if every character of it has a byte there.
pub fn windows_1252(text: &str) -> Option<Vec<u8>> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    (!unmappable).then(|| bytes.into_owned())
}

// ---------------------------------------------------------------------------------------------
// All of them.

/// One damaged document and what a perfect repair gives back.
pub struct Damaged {
    /// The bytes as they arrive.
    pub bytes: Vec<u8>,
    /// What the `news` preset should give back.
    pub expected: String,
    /// The damage done, by name, for the report.
    pub kinds: Vec<&'static str>,
    /// Whether the apostrophes were dropped.
    pub apostrophes_dropped: bool,
    /// The frame put around the article, if any.
    pub frame: Option<Frame>,
}

/// `clean`, an article's text already clean, damaged in several ways at once, each with a fixed
/// chance: apostrophes dropped (60%), one or two paragraphs broken mid-sentence (50%), hard
/// wraps at 60 to 80 columns (40%), a header and footer (80%: a quarter the seed's own, the
/// rest generated), and over the whole a mojibake layer (15%) or Windows-1252 bytes (12%, where
/// the text has them all).
pub fn damage(rng: &mut Rng, article: &Article, clean: &str) -> Damaged {
    let mut kinds = Vec::new();
    let framed = rng.chance(80);
    let frame = framed.then(|| {
        if rng.chance(25) {
            kinds.push("seed header and footer");
            Frame::seed_like(rng, article)
        } else {
            kinds.push("header and footer");
            Frame::generated(rng, article)
        }
    });
    let body = match &frame {
        Some(_) => body_without_dateline(clean).to_owned(),
        None => clean.trim_end().to_owned(),
    };
    let expected = match &frame {
        Some(f) => f.expected(&body),
        None => format!("{body}\n"),
    };
    let mut text = body;
    let apostrophes_dropped = rng.chance(60);
    if apostrophes_dropped {
        kinds.push("apostrophes dropped");
        text = drop_apostrophes(&text).0;
    }
    if rng.chance(50) {
        kinds.push("paragraphs broken");
        let count = 1 + rng.below(2);
        text = break_paragraphs(rng, &text, count).0;
    }
    // A document whose own paragraphs are laid out in lines, once hard-wrapped, cannot be told
    // from one wrapped throughout: where its lines were is lost. Such documents are not wrapped.
    if rng.chance(40) && !has_lines(&text) {
        kinds.push("hard wraps");
        let width = 60 + rng.below(21);
        text = hard_wrap(&text, width);
    }
    if let Some(f) = &frame {
        text = f.around(rng, &text);
    } else {
        text.push('\n');
    }
    let bytes = if rng.chance(15) {
        kinds.push("mojibake");
        mojibake(&text).into_bytes()
    } else if let Some(bytes) = rng.chance(12).then(|| windows_1252(&text)).flatten() {
        kinds.push("windows-1252");
        bytes
    } else {
        text.into_bytes()
    };
    Damaged {
        bytes,
        expected,
        kinds,
        apostrophes_dropped,
        frame,
    }
}
