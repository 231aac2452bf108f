//! HTML character references (`&amp;`, `&eacute;`, `&#8217;`, `&#x2019;`) left in text that is
//! not HTML.
//!
//! Only complete references with their `;` are decoded, by the HTML5 table (from the
//! `html-escape` crate). Numeric references to 128..=159 mean the Windows-1252 character, as
//! browsers read them; a surrogate pair written as two references becomes its one character; a
//! reference to nothing (0, a lone surrogate, beyond U+10FFFF) stays. `&amp;` before something
//! that is itself a reference (`&amp;eacute;`) stays too: the text was escaped twice on purpose,
//! or decoding it would make a new reference and a second run would change the text again.

use std::borrow::Cow;

use memchr::memchr;

/// True when the text has something that looks like an HTML tag: then `&...;` is markup, not
/// damage, and is left for whoever renders it.
pub(crate) fn looks_like_html(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr(b'<', &bytes[from..]).map(|i| from + i) {
        let next = bytes.get(i + 1).copied().unwrap_or(b' ');
        if next.is_ascii_alphabetic() || next == b'/' || next == b'!' {
            let tail = &bytes[i + 1..bytes.len().min(i + 512)];
            if let Some(close) = memchr(b'>', tail)
                && memchr(b'<', &tail[..close]).is_none()
            {
                return true;
            }
        }
        from = i + 1;
    }
    false
}

/// A reference at the start of `text` (which starts with `&`): its length and what it stands for.
fn reference(text: &str) -> Option<(usize, Cow<'static, str>)> {
    let semi = memchr(b';', &text.as_bytes()[..text.len().min(40)])?;
    Some((semi + 1, body(&text[1..semi])?))
}

/// What the body of a reference (between `&` and `;`) stands for.
fn body(body: &str) -> Option<Cow<'static, str>> {
    if let Some(number) = body.strip_prefix('#') {
        let c = match numeric(number)? {
            code @ 0x80..=0x9F => {
                super::codecs::char_of(super::codecs::Codec::Windows1252, code as u8)?
            }
            // Nothing, surrogates, and control characters (which HTML forbids too).
            0..=0x8 | 0xB | 0xC | 0xE..=0x1F | 0x7F | 0xD800..=0xDFFF => return None,
            code => char::from_u32(code)?,
        };
        return Some(Cow::Owned(c.to_string()));
    }
    if body.is_empty() || !body.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let table = &html_escape::NAMED_ENTITIES;
    let i = table
        .binary_search_by(|(name, _)| (*name).cmp(body.as_bytes()))
        .ok()?;
    Some(Cow::Borrowed(table[i].1))
}

/// True when `rest` starts with what would be a reference after a `&`.
fn starts_like_reference(rest: &str) -> bool {
    memchr(b';', &rest.as_bytes()[..rest.len().min(40)])
        .is_some_and(|semi| body(&rest[..semi]).is_some())
}

/// The number of a numeric reference body (`8217` or `x2019`).
fn numeric(number: &str) -> Option<u32> {
    let (digits, radix) = match number.strip_prefix(['x', 'X']) {
        Some(hex) => (hex, 16),
        None => (number, 10),
    };
    if digits.is_empty() || digits.len() > 7 {
        return None;
    }
    u32::from_str_radix(digits, radix).ok()
}

/// A surrogate pair written as two numeric references, at the start of `text`.
fn surrogate_pair(text: &str) -> Option<(usize, char)> {
    let first_end = text.find(';')?;
    let high = numeric(text.get(2..first_end)?)?;
    let rest = &text[first_end + 1..];
    let rest_body = rest.strip_prefix("&#")?;
    let second_end = rest_body.find(';')?;
    let low = numeric(&rest_body[..second_end])?;
    if !(0xD800..=0xDBFF).contains(&high) || !(0xDC00..=0xDFFF).contains(&low) {
        return None;
    }
    let c = char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))?;
    Some((first_end + 1 + 2 + second_end + 1, c))
}

/// Whether `text`, or what `unicode` and `whitespace` make of it, may hold a reference: a `&`
/// whose run of letters, digits and `#` ends with `;`, or with a character those stages may
/// change or remove (anything but printable ASCII and a line feed). A quick test that turns away
/// the `&` of "AT&T" and "Q&A" without reading them as references.
pub(crate) fn may_hold_reference(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr(b'&', &bytes[from..]).map(|i| from + i) {
        let end = run_end(bytes, i + 1);
        match bytes.get(end) {
            Some(b';') => return true,
            Some(&b) if b != b'\n' && !(b' '..=b'~').contains(&b) => return true,
            _ => from = end,
        }
    }
    false
}

/// Where the run of ASCII letters, digits and `#` that starts at byte `at` of `bytes` ends: the
/// name or number of a reference, if a `&` is before it.
fn run_end(bytes: &[u8], at: usize) -> usize {
    bytes[at..]
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'#'))
        .map_or(bytes.len(), |k| at + k)
}

/// References found: each one's byte range and its replacement.
pub(crate) type Found = Vec<(std::ops::Range<usize>, Cow<'static, str>)>;

/// Every reference in `text` that should be decoded: its byte range and its replacement.
pub(crate) fn find(text: &str) -> Found {
    find_noting_breaks(text, |_| false).0
}

/// As [`find`], and whether a `&` that starts no reference, or an `&amp;` that is decoded, has a
/// run of letters, digits and `#` after it that ends with a character for which `changes` holds:
/// one that a later stage may remove or change, and so complete a reference there (`&#2\0`
/// `26;`, once `unicode` has removed the NUL), or make the `&amp;` one escaped twice, which
/// stays (`&amp;ｅａｃｕｔｅ；`, once `unicode` has folded the full-width forms). Read in the same
/// pass.
pub(crate) fn find_noting_breaks(text: &str, changes: impl Fn(char) -> bool) -> (Found, bool) {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut broken = false;
    let mut from = 0;
    // Whether the run after byte `at` ends with a character that `changes`.
    let ends_in_change = |at: usize| {
        text[run_end(bytes, at)..]
            .chars()
            .next()
            .is_some_and(&changes)
    };
    while let Some(i) = memchr(b'&', &bytes[from..]).map(|i| from + i) {
        let here = &text[i..];
        if here.starts_with("&#")
            && let Some((len, c)) = surrogate_pair(here)
        {
            out.push((i..i + len, Cow::Owned(c.to_string())));
            from = i + len;
            continue;
        }
        match reference(here) {
            Some((len, with)) => {
                let makes_reference = with == "&" && starts_like_reference(&text[i + len..]);
                if !makes_reference {
                    broken = broken || with == "&" && ends_in_change(i + len);
                    out.push((i..i + len, with));
                }
                from = i + len;
            }
            None => {
                broken = broken || ends_in_change(i + 1);
                from = i + 1;
            }
        }
    }
    (out, broken)
}

/// Whether a reference that [`find`] decodes holds bytes on both sides of byte `at` of `text`:
/// where a later stage removed something at `at` (`markup` taking the `_` of `_&#83_;` away), it
/// made a reference that this stage, which saw the text with it, would decode in a second run.
pub(crate) fn reference_across(text: &str, at: usize) -> bool {
    // A reference is at most 40 bytes from its `&` to its `;`, a surrogate pair two of them.
    const REACH: usize = 96;
    let mut from = at.saturating_sub(REACH);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    if memchr::memrchr(b'&', &text.as_bytes()[from..at]).is_none() {
        return false;
    }
    let mut to = text.len().min(at + REACH);
    while !text.is_char_boundary(to) {
        to += 1;
    }
    find(&text[from..to])
        .iter()
        .any(|(range, _)| from + range.start < at && at < from + range.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(text: &str) -> String {
        let mut out = String::new();
        let mut at = 0;
        for (range, with) in find(text) {
            out.push_str(&text[at..range.start]);
            out.push_str(&with);
            at = range.end;
        }
        out + &text[at..]
    }

    #[test]
    fn a_reference_is_possible_only_where_one_could_end() {
        for text in [
            "AT&T and Q&A",
            "a & b",
            "&amp",
            "&amp\n;",
            "R&D, M&S. &c",
            "&",
        ] {
            assert!(!may_hold_reference(text), "{text:?}");
        }
        // Complete references, and a run that `unicode` or `whitespace` could complete (an
        // invisible character, a tab, NFC's U+037E for `;`), are possible.
        for text in [
            "&amp;",
            "x &#8217; y",
            "&eacute\u{200b};",
            "&amp\t;",
            "&amp\u{37e}",
            "&&gt;",
        ] {
            assert!(may_hold_reference(text), "{text:?}");
        }
        // Every text that `find` decodes something in is one.
        for text in ["&amp;", "&#x2019;", "&#55357;&#56832;", "AT&T &lt;b&gt;"] {
            assert!(
                !find(text).is_empty() && may_hold_reference(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_reference_broken_by_a_character_another_stage_changes_is_noted() {
        let control = |c: char| c.is_control();
        for text in [
            "&#2\u{0}26;",
            "&amp; &#x4\u{90}5;",
            "&\u{200b}amp;",
            "&amp\0",
        ] {
            let changes = |c: char| control(c) || c == '\u{200b}';
            assert!(find_noting_breaks(text, changes).1, "{text:?}");
        }
        // Whole references, and runs that end with what no stage changes, are not.
        for text in ["&#226; &amp;", "AT&T and Q&A", "&#2 26;", "&amp"] {
            assert!(!find_noting_breaks(text, control).1, "{text:?}");
        }
        assert_eq!(find_noting_breaks("&amp; &#2\u{0}26;", control).0.len(), 1);
        // A decoded `&amp;` whose run after it ends so may be one escaped twice.
        let full_width = |c: char| ('\u{ff01}'..='\u{ff5e}').contains(&c);
        assert!(find_noting_breaks("&amp;ｅａｃｕｔｅ；", full_width).1);
        assert!(find_noting_breaks("&amp;eacute\0;", control).1);
        assert!(!find_noting_breaks("&amp; and &amp;x", full_width).1);
    }

    #[test]
    fn references() {
        assert_eq!(decode("caf&eacute; &amp; bar"), "café & bar");
        assert_eq!(decode("it&#8217;s &#x2019; &#146;"), "it’s ’ ’");
        assert_eq!(decode("&#55357;&#56832;"), "😀");
        assert_eq!(
            decode("AT&T; R&D &copy &#0; &#55357; &bogus;"),
            "AT&T; R&D &copy &#0; &#55357; &bogus;"
        );
        assert_eq!(
            decode("&amp;eacute; &amp;#8217;"),
            "&amp;eacute; &amp;#8217;"
        );
        assert_eq!(decode("10&frac14;s"), "10¼s");
    }

    #[test]
    fn html_is_recognized() {
        assert!(looks_like_html("<p>caf&eacute;</p>"));
        assert!(looks_like_html("a <br/> b"));
        assert!(!looks_like_html("5 < 6 and 7 > 3"));
        assert!(!looks_like_html("x<y"));
    }
}
