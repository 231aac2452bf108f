//! Lines and what they are: the structure that a join must never cross (list items, tables,
//! quoted blocks, code, rules, signatures, chapter headings, dialogue turns).

use memchr::memchr;

/// One line of the text. `start..end` is its text without the line break and without trailing
/// spaces and tabs; `text_start` is where its text begins after the indentation.
#[derive(Debug, Clone, Copy)]
pub(super) struct Line {
    pub start: usize,
    pub text_start: usize,
    pub end: usize,
    /// Inside a fenced code block, or a fence itself.
    pub fenced: bool,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.text_start == self.end
    }

    /// Width of the indentation, a tab counting as four.
    pub fn indent(&self, text: &str) -> usize {
        text.as_bytes()[self.start..self.text_start]
            .iter()
            .map(|&b| if b == b'\t' { 4 } else { 1 })
            .sum()
    }

    /// The line's text, without indentation and trailing white space.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.text_start..self.end]
    }
}

pub(super) fn count_chars(t: &str) -> usize {
    // Mostly ASCII: a fast check, then the length; else the standard library's count.
    if t.is_ascii() {
        t.len()
    } else {
        t.chars().count()
    }
}

/// The length of `t` in characters as the `apostrophes` stage, after this one, leaves it, less
/// the apostrophes: it adds those a conversion dropped (`isnt` becomes `isn't`, `five o clock`
/// `five o'clock`), and a second run of the pipeline must measure the lines as the first did. So
/// apostrophes do not count, nor does the space of `o clock`.
pub(super) fn measure(t: &str) -> usize {
    let bytes = t.as_bytes();
    if bytes.len() < 256 {
        // A line of prose, read in one pass (which the compiler makes a few bytes at a time):
        // whether it is ASCII, its apostrophes, and whether it has a `k` for `o clock` at all.
        let (mut high, mut apostrophes, mut k) = (0u8, 0u8, 0u8);
        for &b in bytes {
            high |= b;
            apostrophes += u8::from(b == b'\'');
            k |= u8::from(b | 0x20 == b'k');
        }
        if high < 0x80 {
            let o_clocks = if k != 0 { o_clocks(t) } else { 0 };
            return bytes.len() - usize::from(apostrophes) - o_clocks;
        }
    }
    let apostrophes = if t.is_ascii() {
        if t.len() < 64 {
            // (By hand where the call to `memchr` would cost more than the bytes.)
            t.bytes().filter(|&b| b == b'\'').count()
        } else {
            memchr::memchr_iter(b'\'', t.as_bytes()).count()
        }
    } else {
        t.chars().filter(|&c| c == '\'' || c == '’').count()
    };
    count_chars(t) - apostrophes - o_clocks(t)
}

/// How many times `t` has `o clock` (in any case), the `o` a word of its own. Found by its `k`,
/// which prose has far fewer of than spaces.
fn o_clocks(t: &str) -> usize {
    let bytes = t.as_bytes();
    // `o clock` and a character before it, at the least.
    if bytes.len() < 7 {
        return 0;
    }
    memchr::memchr2_iter(b'k', b'K', &bytes[6..])
        .map(|k| k + 6)
        .filter(|&k| {
            bytes[k - 6..=k].eq_ignore_ascii_case(b"o clock")
                && (k == 6 || !bytes[k - 7].is_ascii_alphanumeric())
        })
        .count()
}

/// `memchr::memchr2(a, b, bytes)`, the first 16 bytes read by hand: for a short line, the call
/// costs more than its bytes.
pub(super) fn find2(a: u8, b: u8, bytes: &[u8]) -> Option<usize> {
    let near = &bytes[..bytes.len().min(16)];
    match near.iter().position(|&c| c == a || c == b) {
        Some(i) => Some(i),
        None if near.len() == bytes.len() => None,
        None => memchr::memchr2(a, b, &bytes[near.len()..]).map(|i| near.len() + i),
    }
}

/// Splits `text` into lines (`\n` or `\r\n`) and marks fenced code blocks.
pub(super) fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 64 + 1);
    let mut start = 0;
    let mut fence: Option<u8> = None;
    // The line feeds, found in one pass.
    let mut feeds = memchr::memchr_iter(b'\n', bytes);
    while start < bytes.len() {
        let nl = feeds.next();
        let next = nl.map_or(bytes.len(), |nl| nl + 1);
        let content_end = nl.unwrap_or(bytes.len());
        let end = start
            + bytes[start..content_end]
                .iter()
                .rposition(|&b| !matches!(b, b' ' | b'\t' | b'\r'))
                .map_or(0, |i| i + 1);
        let text_start = start
            + bytes[start..end]
                .iter()
                .position(|&b| !matches!(b, b' ' | b'\t'))
                .unwrap_or(end - start);
        let line_text = &bytes[text_start..end];
        let fence_mark = [b'`', b'~']
            .into_iter()
            .find(|&m| line_text.len() >= 3 && line_text[..3].iter().all(|&b| b == m));
        let fenced = match (fence, fence_mark) {
            (None, Some(m)) => {
                fence = Some(m);
                true
            }
            (Some(f), Some(m)) if f == m => {
                fence = None;
                true
            }
            (Some(_), _) => true,
            (None, None) => false,
        };
        out.push(Line {
            start,
            text_start,
            end,
            fenced,
        });
        start = next;
    }
    out
}

/// What a line is, as far as joining it to its neighbours goes: read once per line.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Shape {
    flags: u16,
    /// Length in characters, indentation included, apostrophes not (see [`measure`]).
    pub chars: u32,
    /// Width of the indentation.
    pub indent: u32,
    /// Length in characters of the first word, apostrophes not included.
    pub first_word: u32,
    /// For a list item, where its text begins (indentation and marker), which is where the
    /// lines that go on it are indented to: `1. The item` hangs at 3.
    hang: u32,
}

const ALONE: u16 = 1;
const ITEM: u16 = 2;
const VALEDICTION: u16 = 4;
const DIALOGUE: u16 = 8;
const ENDS_SENTENCE: u16 = 32;
const SPACELESS_START: u16 = 64;
const SPACELESS_END: u16 = 128;
const CAPITAL: u16 = 256;
const GOES_ON: u16 = 512;
const QUOTE_END: u16 = 1024;
const ATTRIBUTION: u16 = 2048;

impl Shape {
    pub fn of(text: &str, line: &Line) -> Shape {
        let t = line.text(text);
        let (Some(first), Some(last)) = (t.chars().next(), t.chars().next_back()) else {
            return Shape::default();
        };
        let mut flags = 0;
        let mut set = |flag: u16, on: bool| {
            if on {
                flags |= flag;
            }
        };
        let bytes = t.as_bytes();
        // A tab or a `|`, found by one fast scan, before counting the pipes.
        let table = find2(b'|', b'\t', bytes).is_some() && is_table_row(t);
        // Most lines of prose begin with a lower-case letter, which no heading, closing,
        // dialogue turn, rule or quote does: only tables and lettered items are left to check.
        let plain = first.is_ascii_lowercase();
        let alone = if plain { table } else { stands_alone(t) };
        set(ALONE, alone);
        let marker = if plain
            && !t
                .as_bytes()
                .get(1)
                .is_some_and(|b| matches!(b, b'.' | b')' | b'i' | b'v' | b'x'))
        {
            None
        } else {
            list_marker(t)
        };
        let item = alone || marker.is_some() || (!plain && is_speaker_tag(t));
        set(ITEM, item);
        if !plain {
            set(VALEDICTION, is_valediction(t));
            set(DIALOGUE, is_dialogue_turn(t));
        }
        set(ENDS_SENTENCE, ends_sentence(t));
        set(SPACELESS_START, is_spaceless_script(first));
        set(SPACELESS_END, is_spaceless_script(last));
        set(CAPITAL, first.is_uppercase());
        // "...in the Roe\nv. Wade case", "...currently Queen Elizabeth\nII. In this way": a
        // marker with a full stop, like a number ("12. The research"), goes on an unfinished
        // line; a bullet or a bracket does not.
        let dotted = marker.is_some_and(|m| t.as_bytes()[m - 2] == b'.');
        let en_dash = t
            .strip_prefix("– ")
            .is_some_and(|rest| rest.starts_with(char::is_lowercase));
        set(
            GOES_ON,
            t.starts_with("— ") || en_dash || dotted || starts_with_number_and_stop(t),
        );
        // `...a big change."` then `— Aparna Garg, Mysore Divisional Railway Manager`: who said
        // it, after the quotation.
        set(
            QUOTE_END,
            t.strip_suffix(['"', '”'])
                .is_some_and(|q| q.ends_with(['.', '!', '?'])),
        );
        set(
            ATTRIBUTION,
            t.strip_prefix("— ").is_some_and(|rest| {
                rest.trim_start_matches('\u{200d}')
                    .starts_with(char::is_uppercase)
            }),
        );
        let indent = line.indent(text) as u32;
        let chars = measure(t);
        // A line of one word is its first word (and measured once).
        let first_word = if find2(b' ', b'\t', bytes).is_none() {
            chars
        } else {
            super::wrap::first_word_chars(t)
        };
        Shape {
            flags,
            // Indentation is spaces and tabs: one character a byte.
            chars: (chars + (line.text_start - line.start)) as u32,
            indent,
            first_word: first_word as u32,
            hang: marker.map_or(0, |m| indent + count_chars(&t[..m]) as u32),
        }
    }

    fn is(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }

    /// The line begins with a capital letter.
    pub fn starts_capitalised(&self) -> bool {
        self.is(CAPITAL)
    }
}

/// Whether a line of shape `l` and the line of shape `n` after it may be one line, as far as
/// the structure says: no list item, heading, table, quote or separator on either side, no deeper
/// indentation after, no closing of a letter or dialogue turn after a finished sentence, no script
/// written without spaces at the junction. A line that only looks like an item or a turn after
/// an unfinished line goes on it: a spaced dash, a number or a letter with a full stop ("Roe\nv.
/// Wade", "Elizabeth\nII. In"), a spaced en dash before lower case; so does an attribution
/// ("— Name") after a quotation, and a picture's credit ("Image: Paul Budd.") is no turn.
/// (Fenced code is the caller's to check.)
pub(super) fn may_join(l: &Shape, n: &Shape) -> bool {
    // A spaced em dash or a number and a stop after an unfinished line of text is the sentence
    // going on ("in the case of the first spray\n— toothpaste", "in Wuhan on January\n12. The
    // research"), not an item of a list.
    let goes_on = n.is(GOES_ON) && !l.is(ENDS_SENTENCE) && !l.is(ITEM)
        || n.is(ATTRIBUTION) && l.is(QUOTE_END);
    let item = n.is(ITEM) && !goes_on;
    if l.is(ALONE) || item || l.is(VALEDICTION) {
        return false;
    }
    // One space is not indentation (Gutenberg texts begin some lines with one after a quote);
    // a line indented to where a list item's text begins goes on the item.
    let (li, ni) = (l.indent, n.indent);
    let hanging = l.hang > 0 && ni == l.hang;
    if (ni > li && ni > 1 && !hanging) || (li >= 4 && ni >= 4) || li > 8 {
        return false;
    }
    if l.is(SPACELESS_END) || n.is(SPACELESS_START) {
        return false;
    }
    !(l.is(ENDS_SENTENCE) && (n.is(VALEDICTION) || n.is(DIALOGUE)))
}

/// `12. `: a number of up to four digits, a full stop and a space.
fn starts_with_number_and_stop(t: &str) -> bool {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    (1..=4).contains(&digits) && t.as_bytes()[digits..].starts_with(b". ")
}

/// A line that stands on its own: nothing is joined to it or from it.
pub(super) fn stands_alone(t: &str) -> bool {
    let b = t.as_bytes();
    b.first() == Some(&b'>')
        // A heading, not a hashtag ("#DemDebate").
        || b.first() == Some(&b'#') && !b.get(1).is_some_and(u8::is_ascii_alphanumeric)
        || t == "--"
        || is_rule(t)
        || is_table_row(t)
        || is_chapter_heading(t)
}

/// An interviewer's or speaker's tag in double brackets, as Wikinews interviews write them
/// (`((WN))  Why did you...`), followed by a space; not a note of the language a quotation is in,
/// which runs on in the text (`((hu))Hungarian language: ...`).
pub(super) fn is_speaker_tag(t: &str) -> bool {
    t.starts_with("((")
        && t.find("))")
            .is_none_or(|end| t[end + 2..].is_empty() || t[end + 2..].starts_with([' ', '\u{a0}']))
}

/// `* * *`, `---`, `=====`, `~~~`: a separator.
fn is_rule(t: &str) -> bool {
    let mut marks = 0;
    for c in t.chars() {
        match c {
            '-' | '*' | '_' | '=' | '~' | '•' | '·' | '—' | '–' => marks += 1,
            ' ' => {}
            _ => return false,
        }
    }
    marks >= 3
}

/// Columns: two or more `|` (outside braces: `{w|neuroplasticity|plasticity}` is wiki markup),
/// or a tab inside the text.
fn is_table_row(t: &str) -> bool {
    let b = t.as_bytes();
    if memchr(b'\t', b).is_some() {
        return true;
    }
    if memchr::memchr_iter(b'|', b).nth(1).is_none() {
        return false;
    }
    let mut depth = 0usize;
    let mut pipes = 0;
    for &c in b {
        match c {
            b'{' => depth += 1,
            b'}' => depth = depth.saturating_sub(1),
            b'|' if depth == 0 => pipes += 1,
            _ => {}
        }
    }
    pipes >= 2
}

/// `Chapter 1`, `CHAPTER XVII.`, `Part Two`, `BOOK III`: the whole line.
fn is_chapter_heading(t: &str) -> bool {
    is_chapter_start(t) && t.split(' ').nth(2).is_none()
}

/// A line that begins like a chapter heading (`CHAPTER XII. Tom Shows his Generosity`).
pub(super) fn is_chapter_start(t: &str) -> bool {
    // The first letters of the heading words: most lines are settled by their first byte.
    if !t
        .as_bytes()
        .first()
        .is_some_and(|b| b"CBPVSAcbpvsa".contains(b))
    {
        return false;
    }
    let mut words = t.split(' ');
    let (Some(word), Some(rest)) = (words.next(), words.next()) else {
        return false;
    };
    const WORDS: [&str; 7] = [
        "chapter", "book", "part", "volume", "section", "act", "scene",
    ];
    if !WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
        || !word.starts_with(|c: char| c.is_ascii_uppercase())
    {
        return false;
    }
    let number = rest.trim_end_matches(['.', ':']);
    // "Chapter 11 bankruptcy protections" is a sentence: a heading's title is capitalised.
    if words
        .next()
        .is_some_and(|w| w.starts_with(char::is_lowercase))
    {
        return false;
    }
    !number.is_empty()
        && number.len() <= 12
        && (number.bytes().all(|b| b.is_ascii_digit())
            || number.bytes().all(|b| b"IVXLCDM".contains(&b))
            || NUMBER_WORDS.iter().any(|n| number.eq_ignore_ascii_case(n)))
}

const NUMBER_WORDS: [&str; 12] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

/// A bullet (`- `, `* `, `• `, `– `), a number (`1. `, `2) `, `(3) `), a letter (`a) `, `b. `,
/// `(c) `, `D) `) or a small Roman numeral (`iv. `, `IV. `) followed by a space.
pub(super) fn is_list_item(t: &str) -> bool {
    list_marker(t).is_some()
}

/// The length in bytes of the list item's marker and the space after it (`"1. "` is 3), if the
/// line is a list item.
pub(super) fn list_marker(t: &str) -> Option<usize> {
    let first = t.chars().next()?;
    if matches!(
        first,
        '-' | '*' | '+' | '•' | '‣' | '◦' | '▪' | '·' | '–' | '—' | '―'
    ) {
        let after = first.len_utf8();
        return (t.as_bytes().get(after) == Some(&b' ')).then_some(after + 1);
    }
    let b = t.as_bytes();
    let (body, open) = match b.strip_prefix(b"(") {
        Some(rest) => (rest, true),
        None => (b, false),
    };
    let n = body
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if n == 0 || n > 4 || body.len() < n + 2 || body[n + 1] != b' ' {
        return None;
    }
    let (marker, close) = (&body[..n], body[n]);
    if open && close != b')' || !matches!(close, b'.' | b')') {
        return None;
    }
    let digits = marker.iter().all(u8::is_ascii_digit) && n <= 3;
    let lower = n == 1 && marker[0].is_ascii_lowercase();
    // "A. Lincoln": a capital with a full stop is an initial, not an item.
    let upper = n == 1 && marker[0].is_ascii_uppercase() && close == b')';
    let roman =
        marker.iter().all(|c| b"ivx".contains(c)) || marker.iter().all(|c| b"IVX".contains(c));
    (digits || lower || upper || (roman && (n > 1 || close == b')')))
        .then_some(usize::from(open) + n + 2)
}

/// Whether the line ends a sentence: its last character, past closing quotes and brackets, is
/// terminal punctuation.
pub(super) fn ends_sentence(t: &str) -> bool {
    let core = t.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', '*', '_']);
    core.ends_with(['.', '!', '?', '…', ':', ';'])
}

/// A closing of a letter on its own line (`Yours, etc.`, `Sincerely,`, `Best regards,`).
pub(super) fn is_valediction(t: &str) -> bool {
    let t = t.trim_start_matches(['"', '“', '‘', '\'']);
    // The first letters of the closings: most lines are settled by their first byte.
    if !t
        .as_bytes()
        .first()
        .is_some_and(|b| b"YSRCTLFBKWA".contains(b))
    {
        return false;
    }
    let first = t.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    const CLOSINGS: [&str; 14] = [
        "yours",
        "sincerely",
        "regards",
        "cheers",
        "thanks",
        "love",
        "respectfully",
        "cordially",
        "faithfully",
        "best",
        "kind",
        "warm",
        "affectionately",
        "truly",
    ];
    first.starts_with(|c: char| c.is_uppercase())
        && CLOSINGS.iter().any(|c| first.eq_ignore_ascii_case(c))
        && t.split_whitespace().nth(4).is_none()
}

/// A dialogue turn that begins its line with a speaker's name and a colon (`MARY: Out.`,
/// `Dr. Smith: Yes.`). (A turn that begins with a dash and a space is a list item to
/// [`is_list_item`].)
pub(super) fn is_dialogue_turn(t: &str) -> bool {
    // The speaker's name is short: look for the colon in the first few dozen bytes only.
    let head = &t.as_bytes()[..t.len().min(40)];
    let Some(colon) = memchr::memchr_iter(b':', head).find(|&i| head.get(i + 1) == Some(&b' '))
    else {
        return false;
    };
    let speaker = &t[..colon];
    // A caption's credit ("...in a portable trailer. Image: Paul Budd."), not a speaker.
    if CREDIT_LABELS.contains(&speaker) {
        return false;
    }
    let words: Vec<&str> = speaker.split(' ').collect();
    words.len() <= 3
        && speaker.len() <= 30
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
        })
}

/// The labels of a picture's credit in a caption.
const CREDIT_LABELS: &[&str] = &[
    "Image",
    "Images",
    "Photo",
    "Photos",
    "Photograph",
    "Picture",
    "Credit",
    "Video",
    "Illustration",
    "Map",
    "Graphic",
];

/// Whether a character belongs to a script written without spaces between words, where a line
/// break is not a space.
pub(super) fn is_spaceless_script(c: char) -> bool {
    if (c as u32) < 0x0E00 {
        return false;
    }
    matches!(c as u32,
        0x0E00..=0x0EFF      // Thai, Lao
        | 0x1000..=0x109F    // Myanmar
        | 0x1780..=0x17FF    // Khmer
        | 0x3000..=0x30FF    // CJK punctuation, Hiragana, Katakana
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0xFF00..=0xFFEF    // full-width forms
        | 0x20000..=0x3FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measure_leaves_out_apostrophes_and_the_space_of_o_clock() {
        for (t, n) in [
            ("", 0),
            ("isn't it", 7),
            ("isnt it", 7),
            ("five o clock", 11),
            ("five o'clock", 11),
            ("FIVE O CLOCK, five o clock", 24),
            ("look, a kiosk", 13),
            ("Café’s o clock", 12),
            ("Zoo clock", 9),
        ] {
            assert_eq!(measure(t), n, "{t:?}");
        }
        // Short lines are read in one pass, long ones otherwise: the same count either way,
        // up to a line of apostrophes alone.
        for len in [254, 255, 256, 300] {
            let t = "'".repeat(len);
            assert_eq!(measure(&t), 0, "{len} apostrophes");
            let t = format!("{}five o clock", "a'".repeat(len / 2));
            assert_eq!(measure(&t), len / 2 + 11, "{t:?}");
        }
    }

    #[test]
    fn list_items() {
        for t in [
            "- a", "* a", "• a", "1. a", "12) a", "(3) a", "a) a", "b. a", "(c) a", "D) a",
            "iv. a", "IV. a",
        ] {
            assert!(is_list_item(t), "{t}");
        }
        for t in [
            "-a",
            "1842. He",
            "A. Lincoln",
            "I. Then",
            "Mr. Smith",
            "word",
            "",
            "1.5 million",
            "(see) a",
        ] {
            assert!(!is_list_item(t), "{t}");
        }
    }

    #[test]
    fn headings_rules_and_tables() {
        for t in ["Chapter 1", "CHAPTER XVII.", "Part Two", "BOOK III"] {
            assert!(is_chapter_heading(t), "{t}");
        }
        for t in ["Chapter 1 begins", "chapter 1", "Chapters 2"] {
            assert!(!is_chapter_heading(t), "{t}");
        }
        assert!(stands_alone("* * * * *"));
        assert!(stands_alone("a | b | c"));
        assert!(!stands_alone("A sentence.  Two spaces."));
    }

    /// Whether the structure lets the two lines of `t` be one.
    fn joinable(t: &str) -> bool {
        let ls = lines(t);
        may_join(&Shape::of(t, &ls[0]), &Shape::of(t, &ls[1]))
    }

    #[test]
    fn wraps_that_look_like_structure() {
        // Seen in hard-wrapped Wikinews articles.
        for t in [
            "established by the US Supreme Court ruling in the Roe\nv. Wade case.",
            "by the King or Queen, currently Queen Elizabeth\nII. In this way, the",
            "coalition bases in Iraq over the last several months\n– including the attack",
            "has been a big change.\"\n— \u{200d}Aparna Garg, Mysore Divisional Railway Manager",
            "around the remains of the spire.\nImage: Remi Mathis.",
        ] {
            assert!(joinable(t), "{t:?}");
        }
        for t in [
            "The options are:\na. to stay",
            "- one item\nii. another",
            "a list of what we need\n– Flour and sugar",
            "It ended.\n— Oui, dit-il.",
            "He left the room.\nMARY: Out.",
        ] {
            assert!(!joinable(t), "{t:?}");
        }
    }

    #[test]
    fn line_kinds() {
        assert!(ends_sentence("he said.”"));
        assert!(!ends_sentence("and are"));
        assert!(is_valediction("Yours, etc.”"));
        assert!(is_valediction("Best regards,"));
        assert!(!is_valediction(
            "Yours is the kingdom and the power and the glory"
        ));
        assert!(is_list_item("— Oui, dit-il."));
        assert!(is_dialogue_turn("MARY: Out."));
        assert!(!is_dialogue_turn("the rule: no"));
    }

    #[test]
    fn o_clocks_are_words() {
        for (t, n) in [
            ("o clock", 1),
            ("at five o clock", 1),
            ("At Five O CLOCK and six o clock.", 2),
            ("(o clock)", 1),
            ("two clock", 0),
            ("o clocks", 1),
            ("o  clock", 0),
            ("bo clock", 0),
            ("o cloc", 0),
            ("é o clock", 1),
        ] {
            assert_eq!(o_clocks(t), n, "{t:?}");
        }
    }
}
