//! The words of a document as the `apostrophes` stage sees them: where each is, whether a
//! sentence starts there, whether it may be touched at all, and whether its paragraph is English.

use std::ops::Range;

/// One word: a run of letters and digits.
#[derive(Debug, Clone, Copy)]
pub(super) struct Word {
    pub start: usize,
    pub end: usize,
    /// Only ASCII letters: the only words a rule may change.
    pub letters: bool,
    /// It is in a URL, an e-mail address, a path, a hashtag or code-like text: left alone, and
    /// no context for its neighbours either.
    pub code: bool,
    /// It is written against an apostrophe, a hyphen or a dot ("don't", "self-", "file.txt"):
    /// left alone, though it may be the context of a neighbour.
    pub against: bool,
    /// A sentence, a line or the document starts here.
    pub sentence_start: bool,
    /// Its paragraph reads as English.
    pub english: bool,
    /// Only spaces, or one line break, lie between this word and the next.
    pub joined_to_next: bool,
    /// The first character after the word is `'` or `’`.
    pub apostrophe_after: bool,
}

impl Word {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

const SPACE: u8 = 1;
const ALNUM: u8 = 2;
/// Marks a whitespace-delimited chunk as a URL, address, path or code.
const CODE: u8 = 4;
const SENTENCE_END: u8 = 8;

/// The class of each byte; bytes of multi-byte characters (0x80 and up) have none.
static CLASS: [u8; 256] = {
    let mut class = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        class[b] = if matches!(c, b' ' | b'\t' | b'\n' | b'\r') {
            SPACE
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(
            c,
            b'/' | b'\\'
                | b'@'
                | b'_'
                | b'='
                | b'<'
                | b'>'
                | b'{'
                | b'}'
                | b'|'
                | b'~'
                | b'^'
                | b'`'
                | b'#'
                | b'+'
                | b'$'
                | b'%'
        ) {
            CODE
        } else if matches!(c, b'.' | b'!' | b'?' | b':' | b';') {
            SENTENCE_END
        } else {
            0
        };
        b += 1;
    }
    class
};

fn is_space(b: u8) -> bool {
    CLASS[b as usize] == SPACE
}

/// The character that ends at byte `at`, reading ASCII without decoding.
fn char_before(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at.wrapping_sub(1)) {
        None => None,
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => text[..at].chars().next_back(),
    }
}

/// The character that starts at byte `at`, reading ASCII without decoding.
fn char_at(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at) {
        None => None,
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => text[at..].chars().next(),
    }
}

/// Frequent English function words, rare in the other languages a news corpus holds.
/// Apostrophes are skipped, so that "it's" counts as "its" does.
pub(super) fn is_english_function_word(word: &[u8]) -> bool {
    // Five letters and a curly apostrophe at most: most words are settled by their length.
    if word.len() > 8 {
        return false;
    }
    let mut buf = [0u8; 5];
    let mut n = 0;
    for &b in word {
        if b == b'\'' || b >= 0x80 {
            // `’` is three bytes, none of them a letter.
            continue;
        }
        if n == buf.len() {
            return false;
        }
        buf[n] = b.to_ascii_lowercase();
        n += 1;
    }
    let lower = &buf[..n];
    // By length first: each arm then compares a few fixed-size arrays, not a chain of memcmp.
    match n {
        1 => matches!(lower, b"a" | b"i"),
        2 => matches!(
            lower,
            b"an"
                | b"as"
                | b"at"
                | b"be"
                | b"by"
                | b"do"
                | b"he"
                | b"if"
                | b"in"
                | b"is"
                | b"it"
                | b"me"
                | b"my"
                | b"of"
                | b"on"
                | b"or"
                | b"so"
                | b"to"
                | b"we"
        ),
        3 => matches!(
            lower,
            b"all"
                | b"and"
                | b"are"
                | b"but"
                | b"can"
                | b"for"
                | b"had"
                | b"has"
                | b"her"
                | b"his"
                | b"its"
                | b"not"
                | b"one"
                | b"she"
                | b"the"
                | b"was"
                | b"who"
                | b"you"
        ),
        4 => matches!(
            lower,
            b"been"
                | b"from"
                | b"have"
                | b"just"
                | b"said"
                | b"that"
                | b"they"
                | b"this"
                | b"were"
                | b"what"
                | b"will"
                | b"with"
        ),
        5 => matches!(lower, b"their" | b"there" | b"which" | b"would"),
        _ => false,
    }
}

/// The words of `text`, in order, and how many apostrophes it has inside words ("it's").
pub(super) fn words(text: &str) -> (Vec<Word>, usize) {
    let mut apostrophes = 0;
    let bytes = text.as_bytes();
    // About one word in six bytes of news: reserved once, not grown by copies.
    let mut words: Vec<Word> = Vec::with_capacity(text.len() / 6 + 1);
    // Per paragraph: (first word index, words, English function words, words with non-ASCII).
    let mut paragraphs: Vec<(usize, u32, u32, u32)> = vec![(0, 0, 0, 0)];
    let mut sentence_start = true;
    let mut newlines_in_gap = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if is_space(b) {
            if b == b'\n' {
                newlines_in_gap += 1;
                if newlines_in_gap >= 2 && paragraphs.last().is_some_and(|p| p.1 > 0) {
                    paragraphs.push((words.len(), 0, 0, 0));
                }
                sentence_start = true;
            }
            i += 1;
            continue;
        }
        // A chunk: a run of non-space bytes.
        let chunk_start = i;
        let mut classes = 0;
        let len = bytes[i..]
            .iter()
            .position(|&b| {
                let class = CLASS[b as usize];
                classes |= class;
                class == SPACE
            })
            .unwrap_or(bytes.len() - i);
        let chunk_end = i + len;
        let chunk = &bytes[chunk_start..chunk_end];
        let code = classes & CODE != 0
            || chunk.len() > 4
                && memchr::memchr(b'.', chunk).is_some()
                && chunk.windows(4).any(|w| w.eq_ignore_ascii_case(b"www."));
        let first_in_chunk = words.len();
        if let Some(last) = words.last_mut() {
            last.joined_to_next = newlines_in_gap <= 1;
        }
        newlines_in_gap = 0;

        let mut j = chunk_start;
        while j < chunk_end {
            let b = bytes[j];
            if b < 0x80 && CLASS[b as usize] != ALNUM {
                if CLASS[b as usize] == SENTENCE_END {
                    sentence_start = true;
                }
                j += 1;
                continue;
            }
            let c = text[j..].chars().next().expect("on a character boundary");
            if !c.is_alphanumeric() {
                if c == '…' {
                    sentence_start = true;
                }
                j += c.len_utf8();
                continue;
            }
            let start = j;
            let mut letters = true;
            let mut foreign = false;
            while j < chunk_end {
                let b = bytes[j];
                if CLASS[b as usize] == ALNUM {
                    letters &= !b.is_ascii_digit();
                    j += 1;
                    continue;
                }
                if b < 0x80 && b != b'\'' {
                    break;
                }
                let c = text[j..].chars().next().expect("on a character boundary");
                // An apostrophe between letters belongs to the word ("it's" is one word, as
                // "its" is), so that restoring one changes no count the verdicts rest on.
                let inner_apostrophe = matches!(c, '\'' | '’')
                    && j > start
                    && text[j + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                if !c.is_alphanumeric() && !inner_apostrophe {
                    break;
                }
                apostrophes += usize::from(inner_apostrophe);
                letters &= c.is_ascii_alphabetic();
                foreign |= c.is_alphabetic() && !c.is_ascii();
                j += c.len_utf8();
            }
            let before = char_before(text, start);
            let after = char_at(text, j);
            let after2 = after.and_then(|a| char_at(text, j + a.len_utf8()));
            let against =
                |c: Option<char>| matches!(c, Some('\'' | '’' | '‘' | '-' | '‐' | '‑' | '&' | '.'));
            let dotted = matches!(after, Some('.')) && after2.is_some_and(char::is_alphanumeric)
                || matches!(before, Some('.')) && start > chunk_start + 1;
            // An apostrophe that opens the chunk is an opening quotation mark ("'Its time").
            let opening_quote =
                matches!(before, Some('\'' | '’' | '‘')) && start == chunk_start + 1;
            let against = dotted
                || against(before) && before != Some('.') && !opening_quote
                || matches!(after, Some('\'' | '’' | '‘' | '-' | '‐' | '‑' | '&'));
            // A quotation opens a sentence of its own.
            if matches!(before, Some('"' | '“' | '‘')) || opening_quote {
                sentence_start = true;
            }
            let paragraph = paragraphs.last_mut().expect("one paragraph at least");
            paragraph.1 += 1;
            paragraph.2 += u32::from(is_english_function_word(&bytes[start..j]));
            paragraph.3 += u32::from(foreign);
            if words.len() > first_in_chunk {
                // Two words in one chunk ("U.S", "and/or") are joined by what lies between.
                if let Some(last) = words.last_mut() {
                    last.joined_to_next = false;
                }
            }
            words.push(Word {
                start,
                end: j,
                letters,
                code,
                against,
                sentence_start,
                english: false,
                joined_to_next: false,
                apostrophe_after: matches!(after, Some('\'' | '’')),
            });
            sentence_start = false;
        }
        i = chunk_end;
    }

    // Short paragraphs (titles, captions) take the document's verdict.
    let total = paragraphs
        .iter()
        .fold((0, 0, 0), |t, p| (t.0 + p.1, t.1 + p.2, t.2 + p.3));
    let verdict = |words: u32, function: u32, foreign: u32| {
        f64::from(function) >= 0.1 * f64::from(words) && f64::from(foreign) < 0.2 * f64::from(words)
    };
    // A text too short to judge is English unless it has letters of other scripts.
    let document_english = verdict(total.0, total.1, total.2) || total.0 < 8 && total.2 == 0;
    for (k, &(first, n, function, foreign)) in paragraphs.iter().enumerate() {
        let english = if n >= 8 {
            verdict(n, function, foreign)
        } else {
            document_english || function > 0 && foreign == 0
        };
        let last = paragraphs.get(k + 1).map_or(words.len(), |p| p.0);
        for word in &mut words[first..last] {
            word.english = english;
        }
    }
    (words, apostrophes)
}

/// A number, in digits or in words up to twelve ("5", "five"): what stands before "o clock",
/// and before a plural it counts.
pub(super) fn is_number(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit())
        || matches!(
            word.to_ascii_lowercase().as_str(),
            "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "eleven"
                | "twelve"
        )
}

/// Whether the document writes its apostrophes curly (`’`) rather than straight (`'`).
pub(super) fn prefers_curly(text: &str) -> bool {
    let curly = memchr::memmem::find_iter(text.as_bytes(), "’").count();
    curly > 0 && curly >= memchr::memchr_iter(b'\'', text.as_bytes()).count()
}
