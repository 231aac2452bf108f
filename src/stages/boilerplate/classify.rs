//! What a line at the top or bottom of an article is, when it is not article text.

use super::dates;

/// A kind of boilerplate line, with what it says that is worth keeping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// `---`, `***`, `-`, `•`, `=====`.
    Separator,
    /// A bare URL, with or without `<>`.
    Url(String),
    /// `Source:`, `Kaynak/Source: AzerNews`, `Источник: ТАСС`: the value, if any.
    SourceLabel(Option<String>),
    /// `AzerNews (05 October 2019)`: the outlet and the date.
    OutletDate(String, String),
    /// A line that is only a date.
    Dateline(String),
    /// Share, follow, subscribe, newsletter, read more, related, advertisement, cookies.
    Social,
    /// `© 2019 AzerNews`, `Copyright ...`, `All rights reserved.`
    Copyright,
    /// A line matched by one of the user's patterns.
    Pattern,
}

impl Kind {
    /// A word or two for the edit reason.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Separator => "separator",
            Kind::Url(_) => "source URL",
            Kind::SourceLabel(_) => "source label",
            Kind::OutletDate(..) => "outlet and date",
            Kind::Dateline(_) => "dateline",
            Kind::Social => "share/follow line",
            Kind::Copyright => "copyright line",
            Kind::Pattern => "configured pattern",
        }
    }
}

/// Source labels in the languages of the news textmend is for (lower case; a label may be
/// several of these joined by `/`, as in `Kaynak/Source`).
pub const LABELS: &[&str] = &[
    "source",
    "sources",
    "kaynak",
    "kaynaklar",
    "mənbə",
    "menbe",
    "источник",
    "источники",
    "джерело",
    "джерела",
    "quelle",
    "quellen",
    "fuente",
    "fuentes",
    "fonte",
    "fontes",
    "المصدر",
    "مصدر",
    "منبع",
    "źródło",
    "bron",
    "via",
];

/// The first words of share, follow and similar lines.
const SOCIAL_STARTS: &[&str] = &[
    "share",
    "share this",
    "follow us",
    "follow",
    "subscribe",
    "sign up",
    "newsletter",
    "read more",
    "read also",
    "also read",
    "see also",
    "related",
    "related articles",
    "related news",
    "advertisement",
    "sponsored",
    "click here",
    "tweet",
    "print",
    "email",
    "e-mail",
];

/// A URL: `https://...`, `http://...`, `www....`, with no space.
pub fn url(text: &str) -> Option<&str> {
    let t = text
        .strip_prefix('<')
        .and_then(|t| t.strip_suffix('>'))
        .unwrap_or(text);
    let looks = t.starts_with("https://") || t.starts_with("http://") || t.starts_with("www.");
    (looks && t.len() > 8 && !t.contains(char::is_whitespace)).then_some(t)
}

fn separator(t: &str) -> bool {
    !t.is_empty()
        && t.len() <= 4 * 80
        && t.chars().count() <= 80
        && t.chars()
            .all(|c| c.is_whitespace() || "-–—*_=•·~+#|".contains(c))
}

/// `Label: value` with every part of the label known: the value (empty when there is none).
fn source_label<'a>(t: &'a str, extra: &[String]) -> Option<Option<&'a str>> {
    // (The ASCII colon found by a fast scan; the full-width one only before it.)
    let ascii = memchr::memchr(b':', t.as_bytes());
    let colon = match t[..ascii.unwrap_or(t.len())].find('：') {
        Some(wide) => wide,
        None => ascii?,
    };
    let label = t[..colon].trim();
    if label.is_empty() || label.len() > 4 * 40 || label.chars().count() > 40 {
        return None;
    }
    let known = |part: &str| {
        let part = part.trim().to_lowercase();
        LABELS.contains(&part.as_str()) || extra.iter().any(|l| l.to_lowercase() == part)
    };
    if !label.split(['/', '|', ',']).all(known) {
        return None;
    }
    let value = t[colon..].trim_start_matches([':', '：']).trim();
    if value.split_whitespace().count() > 12 {
        return None;
    }
    Some((!value.is_empty()).then_some(value))
}

/// `Outlet (date)`.
fn outlet_date(t: &str) -> Option<(String, String)> {
    let inner = t.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let name = inner[..open].trim();
    let date = dates::parse(&inner[open + 1..])?;
    let words = name.split_whitespace().count();
    ((1..=6).contains(&words) && !name.ends_with(['.', ',', ';', ':']))
        .then(|| (name.to_owned(), date))
}

fn social(t: &str) -> bool {
    // Searched and counted (only as far as needed) before anything is lowercased: most lines
    // asked about are article text, far too long to be either kind.
    if mentions_cookies(t) && !more_words_than(t, 60) {
        let lower = t.to_lowercase();
        if ["use", "accept", "policy", "consent"]
            .iter()
            .any(|w| lower.contains(w))
        {
            return true;
        }
    }
    // Short, and not a sentence: `Related to this, the court ruled.` is article text.
    if more_words_than(t, 8) || (more_words_than(t, 4) && t.ends_with(['.', '!', '?'])) {
        return false;
    }
    // The end of a sentence wrapped onto a line of its own: `related deaths worldwide.`
    if t.starts_with(char::is_lowercase) && t.ends_with(['.', '!', '?']) {
        return false;
    }
    let lower = t.to_lowercase();
    let lower = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    // The start is whole words: an apostrophe goes on the word (`click here's` is not `click
    // here`), as it will once the `apostrophes` stage has restored `click heres`.
    let word_goes_on = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
    SOCIAL_STARTS.iter().any(|start| {
        lower
            .strip_prefix(start)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(|c: char| !word_goes_on(c)))
    })
}

/// Whether `t` has more than `n` words (as `split_whitespace` cuts them): read only as far as
/// needed, a byte at a time where the text is ASCII.
pub(super) fn more_words_than(t: &str, n: usize) -> bool {
    let bytes = t.as_bytes();
    let (mut words, mut in_word, mut i) = (0, false, 0);
    while i < bytes.len() {
        let (space, len) = if bytes[i].is_ascii() {
            (bytes[i].is_ascii_whitespace() || bytes[i] == 0x0B, 1)
        } else {
            let c = t[i..].chars().next().expect("a character begins at i");
            (c.is_whitespace(), c.len_utf8())
        };
        i += len;
        if space {
            in_word = false;
            continue;
        }
        let starts = !in_word;
        if starts {
            in_word = true;
            words += 1;
            if words > n {
                return true;
            }
        }
        // Where a word starts, and after a character outside ASCII in it, 32 bytes of ASCII
        // that is neither white space nor a control that could be (`\t`..`\r`, space) are
        // skipped at once: a long word (a URL, a line of joined hyphenations) is read without a
        // test per byte, and a short one is not tried again at each of its letters.
        if starts || len > 1 {
            while let Some(chunk) = bytes.get(i..i + 32)
                && chunk.iter().all(|&b| b > b' ' && b < 0x80)
            {
                i += 32;
            }
        }
    }
    false
}

/// Whether `t` says `cookie`, in any case (a cookie notice, which a share/follow line can be).
pub(super) fn mentions_cookies(t: &str) -> bool {
    const COOKIE: Needle = Needle::new("cookie");
    contains_ignore_ascii_case(t, &COOKIE)
}

/// An ASCII word (lower case, not empty) to look for in any mix of ASCII case, and where in it
/// its rarest letter in English is (the `k` of `cookie`, the `v` of `all rights reserved`): the
/// search runs on that letter, so that prose, full of `a` and `c`, stops it seldom. Found once,
/// where the needle is a constant.
struct Needle {
    bytes: &'static [u8],
    anchor: usize,
}

impl Needle {
    const fn new(word: &'static str) -> Needle {
        const RARE_FIRST: &[u8] = b"zqxjkvbpygfwmucldrhsnioate";
        let bytes = word.as_bytes();
        let mut r = 0;
        while r < RARE_FIRST.len() {
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i] == RARE_FIRST[r] {
                    return Needle { bytes, anchor: i };
                }
                i += 1;
            }
            r += 1;
        }
        Needle { bytes, anchor: 0 }
    }
}

/// Whether `text` holds `needle`, in any mix of ASCII case.
fn contains_ignore_ascii_case(text: &str, needle: &Needle) -> bool {
    let (bytes, at) = (text.as_bytes(), needle.anchor);
    let anchor = needle.bytes[at];
    memchr::memchr2_iter(anchor, anchor.to_ascii_uppercase(), bytes).any(|i| {
        i.checked_sub(at)
            .and_then(|start| bytes[start..].get(..needle.bytes.len()))
            .is_some_and(|w| w.eq_ignore_ascii_case(needle.bytes))
    })
}

/// Whether `t` may be a copyright line: it starts with `©`, `(c)` or `copyright`, or says `all
/// rights reserved`, in any case. Most lines asked about cannot be one, which this shows without
/// lowercasing them: no character outside ASCII lowercases to an ASCII letter but the Kelvin
/// sign, and neither phrase has a `k`, so it misses no line that [`copyright`] finds.
pub(super) fn may_be_copyright(t: &str) -> bool {
    const ALL_RIGHTS_RESERVED: Needle = Needle::new("all rights reserved");
    let starts_ascii = |prefix: &str| {
        t.as_bytes()
            .get(..prefix.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(prefix.as_bytes()))
    };
    t.starts_with('©')
        || starts_ascii("(c)")
        || starts_ascii("copyright")
        || contains_ignore_ascii_case(t, &ALL_RIGHTS_RESERVED)
}

fn copyright(t: &str) -> bool {
    if !may_be_copyright(t) || more_words_than(t, 25) {
        return false;
    }
    let lower = t.to_lowercase();
    let after_word = lower.strip_prefix("copyright").map(str::trim_start);
    let starts = lower.starts_with('©')
        || lower.starts_with("(c)")
        || after_word.is_some_and(|r| {
            r.starts_with('©')
                || r.starts_with("(c)")
                || r.starts_with(|c: char| c.is_ascii_digit())
        });
    let reserved = lower.trim_end_matches('.') == "all rights reserved"
        || lower.contains("all rights reserved") && lower.contains('©');
    starts || reserved
}

/// The longest line, in bytes, that is read as boilerplate of a built-in kind other than a bare
/// URL: a share line has at most 8 words, a copyright line 25, a cookie notice 60, a source
/// label 12 after the label. A longer line is article text, or something no rule here knows;
/// it is not lowercased and counted by each rule in turn (a 2 MB line cost 350 M instructions).
const LONGEST: usize = 4096;

/// What the line `t` (trimmed) is, if it is boilerplate. It is read as the `whitespace` stage
/// leaves it, each run of spaces one space (the user's patterns see it so too), so that a second
/// run, after that stage, reads it the same: `###` and 81 spaces and `##` is too long for a
/// separator, and `### ##` is one. (Tabs and other spaces that stage leaves, and so does this.)
pub fn classify(t: &str, labels: &[String], patterns: &[regex::Regex]) -> Option<Kind> {
    if t.is_empty() {
        return None;
    }
    if has_spaces_in_a_row(t) {
        let mut collapsed = String::with_capacity(t.len());
        for (i, c) in t.char_indices() {
            if c != ' ' || !t[..i].ends_with(' ') {
                collapsed.push(c);
            }
        }
        return classify_collapsed(&collapsed, labels, patterns);
    }
    classify_collapsed(t, labels, patterns)
}

/// Whether `t` has two spaces in a row: eight bytes at a time, each space found exactly (a
/// byte is a space when it XORs with `0x20` to zero), and two found side by side.
pub(super) fn has_spaces_in_a_row(t: &str) -> bool {
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let bytes = t.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    // Whether the last byte of the chunk before was a space.
    let mut carry = false;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes")) ^ 0x2020_2020_2020_2020;
        // 0x80 in each byte that is zero, and nothing else.
        let zero = !(((x & LOW) + LOW) | x | LOW);
        if zero & (zero >> 8) != 0 || carry && zero & 0x80 != 0 {
            return true;
        }
        carry = zero >> 63 != 0;
    }
    let rest = chunks.remainder();
    let mut previous = carry;
    for &b in rest {
        if b == b' ' && previous {
            return true;
        }
        previous = b == b' ';
    }
    false
}

/// [`classify`], on a line whose white space is single spaces.
fn classify_collapsed(t: &str, labels: &[String], patterns: &[regex::Regex]) -> Option<Kind> {
    if separator(t) {
        return Some(Kind::Separator);
    }
    if let Some(u) = url(t) {
        return Some(Kind::Url(u.to_owned()));
    }
    if t.len() > LONGEST {
        return patterns
            .iter()
            .any(|p| p.is_match(t))
            .then_some(Kind::Pattern);
    }
    if let Some(value) = source_label(t, labels) {
        return Some(Kind::SourceLabel(value.map(str::to_owned)));
    }
    if let Some(date) = dates::parse(t) {
        return Some(Kind::Dateline(date));
    }
    if let Some((name, date)) = outlet_date(t) {
        return Some(Kind::OutletDate(name, date));
    }
    if copyright(t) {
        return Some(Kind::Copyright);
    }
    if social(t) {
        return Some(Kind::Social);
    }
    patterns
        .iter()
        .any(|p| p.is_match(t))
        .then_some(Kind::Pattern)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(t: &str) -> Option<Kind> {
        classify(t, &[], &[])
    }

    /// Found by the `clean_bytes` fuzz target (`boilerplate-separator-with-a-run-of-spaces`):
    /// a line is read as `whitespace` will leave it, so that a second run reads it the same.
    #[test]
    fn runs_of_spaces_are_read_as_one() {
        let wide = format!("###{}##", " ".repeat(81));
        assert_eq!(classify(&wide, &[], &[]), Some(Kind::Separator));
        // Two spaces at every place in lines of up to 24 bytes (across the eight-byte chunks),
        // and spaces one apart, which are no run.
        for len in 0..24 {
            for at in 0..len {
                let mut pair = vec![b'a'; len];
                pair[at] = b' ';
                if at + 1 < len {
                    pair[at + 1] = b' ';
                }
                let spaced: Vec<u8> = (0..len)
                    .map(|i| if i % 2 == at % 2 { b' ' } else { b'x' })
                    .collect();
                for bytes in [pair, spaced] {
                    let text = String::from_utf8(bytes).unwrap();
                    let naive = text.as_bytes().windows(2).any(|w| w == b"  ");
                    assert_eq!(has_spaces_in_a_row(&text), naive, "{text:?}");
                }
            }
        }
        let label = format!("Source:{}AzerNews", " ".repeat(LONGEST));
        assert_eq!(
            classify(&label, &[], &[]),
            Some(Kind::SourceLabel(Some("AzerNews".into())))
        );
        assert_eq!(classify("A  sentence   of  prose.", &[], &[]), None);
    }

    #[test]
    fn more_words_than_counts_as_split_whitespace_does() {
        let texts = [
            "",
            " ",
            "one",
            "  one two\tthree\n",
            "a\u{0B}b\u{0C}c\u{85}d\u{a0}e\u{2003}f\u{3000}g",
            "é à  ü\u{1c}x",
            "\u{200b}zero\u{200b}width",
        ];
        // Words long enough to be skipped 32 bytes at a time, ending at each byte of a chunk.
        let long: Vec<String> = (30..70)
            .flat_map(|n| {
                let w = "x".repeat(n);
                [
                    format!("{w} {w}\t{w}"),
                    format!("{w}\u{0B}{w}\u{a0}{w}"),
                    format!("{w}é{w} a"),
                    format!("{w}\u{1c}{w}\n"),
                ]
            })
            .collect();
        for t in texts.into_iter().chain(long.iter().map(String::as_str)) {
            let words = t.split_whitespace().count();
            for n in 0..9 {
                assert_eq!(more_words_than(t, n), words > n, "{t:?} {n}");
            }
        }
    }

    #[test]
    fn kinds() {
        for t in ["---", "***", "-", "•", "=====", "* * *", "___"] {
            assert_eq!(kind(t), Some(Kind::Separator), "{t}");
        }
        assert_eq!(
            kind("<https://www.azernews.az/nation/156893.html>"),
            Some(Kind::Url(
                "https://www.azernews.az/nation/156893.html".into()
            ))
        );
        for t in [
            "Kaynak/Source:",
            "Source:",
            "Source :",
            "Mənbə:",
            "Источник:",
            "Джерело:",
            "Quelle:",
            "Fuente:",
            "Fonte:",
            "المصدر:",
            "منبع:",
        ] {
            assert_eq!(kind(t), Some(Kind::SourceLabel(None)), "{t}");
        }
        assert_eq!(
            kind("Source: Reuters"),
            Some(Kind::SourceLabel(Some("Reuters".into())))
        );
        assert_eq!(
            kind("AzerNews (05 October 2019)"),
            Some(Kind::OutletDate("AzerNews".into(), "2019-10-05".into()))
        );
        assert_eq!(
            kind("07.10.2019"),
            Some(Kind::Dateline("2019-10-07".into()))
        );
        for t in [
            "Share this article",
            "Follow us on Twitter",
            "Subscribe to our newsletter",
            "Read more:",
            "Related articles",
            "Advertisement",
            "We use cookies to improve your experience. Accept",
        ] {
            assert_eq!(kind(t), Some(Kind::Social), "{t}");
        }
        for t in [
            "© 2019 AzerNews",
            "Copyright 2019 Reuters. All rights reserved.",
            "All rights reserved.",
            "AzerNews © 2019 All Rights Reserved",
            "Copyright © Trend",
        ] {
            assert_eq!(kind(t), Some(Kind::Copyright), "{t}");
        }
    }

    #[test]
    fn article_text_is_not_boilerplate() {
        for t in [
            "Shares fell 5% on Monday.",
            "The source of the leak was not found.",
            "Sources said the deal was close: talks went on.",
            "He said: the matter is closed.",
            "Following the election, the party split.",
            "Related to this, the court ruled.",
            "related deaths worldwide.",
            "The company (founded in 1990) grew.",
            "Printing costs rose.",
            "—Testimony from the chief internal police investigator",
            "Visit https://example.org for details.",
            "Copyright law changed in 2019 when the court ruled.",
            "The copyright holder, (c) 2019, said all rights reserved.",
        ] {
            assert_eq!(kind(t), None, "{t}");
        }
    }

    #[test]
    fn only_a_url_or_a_pattern_is_longer_than_the_longest_line() {
        let long = "x".repeat(LONGEST);
        let url = format!("https://example.com/{long}");
        assert_eq!(kind(&url), Some(Kind::Url(url.clone())));
        let copyright = format!("© 2019 {long}");
        assert_eq!(kind(&copyright[..LONGEST]), Some(Kind::Copyright));
        assert_eq!(kind(&copyright), None);
        let pattern = [regex::Regex::new("^© 2019").unwrap()];
        assert_eq!(classify(&copyright, &[], &pattern), Some(Kind::Pattern));
    }

    #[test]
    fn contains_ignore_ascii_case_finds_the_needle_anywhere() {
        assert_eq!(Needle::new("cookie").anchor, 3);
        assert_eq!(Needle::new("all rights reserved").anchor, 16);
        for (text, needle, found) in [
            ("Cookies", "cookie", true),
            ("we use COOKIES.", "cookie", true),
            ("kie cookie", "cookie", true),
            ("cooki", "cookie", false),
            ("kookie", "cookie", false),
            ("All Rights Reserved", "all rights reserved", true),
            ("reserved: all rights", "all rights reserved", false),
            ("v", "all rights reserved", false),
            ("a", "a", true),
        ] {
            assert_eq!(
                contains_ignore_ascii_case(text, &Needle::new(needle)),
                found,
                "{text:?}"
            );
        }
    }
}
