//! The words of a document as the `apostrophes` stage sees them: where each is, whether a
//! sentence starts there, whether it may be touched at all, and whether its paragraph is English.

use std::ops::Range;

use super::known;

/// One word: a run of letters and digits.
#[derive(Debug, Clone, Copy)]
pub(super) struct Word {
    pub start: usize,
    pub end: usize,
    /// Only ASCII letters: the only words a rule may change, but the possessive of a name in
    /// accented Latin letters ("Rossellós").
    pub letters: bool,
    /// It is in a URL, an e-mail address, a path, a hashtag or code-like text: left alone, and
    /// no context for its neighbours either.
    pub code: bool,
    /// It is written against an apostrophe, a hyphen or a dot ("don't", "self-", "file.txt"):
    /// left alone, though it may be the context of a neighbour.
    pub against: bool,
    /// A sentence, a line or the document starts here.
    pub sentence_start: bool,
    /// Only spaces, or one line break, lie between this word and the next.
    pub joined_to_next: bool,
    /// The first character after the word is `'` or `’`.
    pub apostrophe_after: bool,
    /// It has a letter (or digit) outside ASCII: of another script, or accented.
    pub foreign: bool,
}

impl Word {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// A word of ASCII letters or digits with white space before it and nothing against it.
    fn plain(range: Range<usize>, letters: bool, sentence_start: bool) -> Word {
        Word {
            start: range.start,
            end: range.end,
            letters,
            code: false,
            against: false,
            sentence_start,
            joined_to_next: false,
            apostrophe_after: false,
            foreign: false,
        }
    }
}

const SPACE: u8 = 1;
const LETTER: u8 = 2;
/// Marks a whitespace-delimited chunk as a URL, address, path or code.
const CODE: u8 = 4;
const SENTENCE_END: u8 = 8;
const DIGIT: u8 = 16;
/// Other ASCII punctuation.
const OTHER: u8 = 32;
/// A byte of a multi-byte character.
const HIGH: u8 = 64;
const ALNUM: u8 = LETTER | DIGIT;

/// The class of each byte.
static CLASS: [u8; 256] = {
    let mut class = [HIGH; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        class[b] = if matches!(c, b' ' | b'\t' | b'\n' | b'\r') {
            SPACE
        } else if c.is_ascii_alphabetic() {
            LETTER
        } else if c.is_ascii_digit() {
            DIGIT
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
            OTHER
        };
        b += 1;
    }
    class
};

/// `char::is_alphanumeric`, remembered: the standard library searches its tables for every
/// character outside ASCII (hundreds of instructions), and a text in another script asks about
/// the same few dozen letters again and again.
struct Alphanumeric {
    /// The last character asked about in each slot (by its low bits), and the answer.
    slots: [(char, bool); 64],
}

impl Alphanumeric {
    fn new() -> Self {
        Alphanumeric {
            slots: [('\0', false); 64],
        }
    }

    fn is(&mut self, c: char) -> bool {
        if c.is_ascii() {
            return c.is_ascii_alphanumeric();
        }
        let slot = &mut self.slots[c as usize % 64];
        if slot.0 != c {
            *slot = (c, c.is_alphanumeric());
        }
        slot.1
    }
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
pub(super) const FUNCTION_WORDS: &[&str] = &[
    "a", "i", "an", "as", "at", "be", "by", "do", "he", "if", "in", "is", "it", "me", "my", "of",
    "on", "or", "so", "to", "we", "all", "and", "are", "but", "can", "for", "had", "has", "her",
    "his", "its", "not", "one", "she", "the", "was", "who", "you", "been", "from", "have", "just",
    "said", "that", "they", "this", "were", "what", "will", "with", "their", "there", "which",
    "would",
];

/// Whether a word is one of [`FUNCTION_WORDS`], in any case. Apostrophes are skipped, so that
/// "it's" counts as "its" does (as are the other bytes of characters outside ASCII).
pub(super) fn is_english_function_word(text: &[u8], range: Range<usize>) -> bool {
    let word = &text[range.clone()];
    if word.iter().all(u8::is_ascii_alphabetic) {
        return known::lookup(text, range).is_some_and(|k| k.function);
    }
    // The bytes kept, in a buffer on the stack: no function word has more than five.
    let mut kept = [0u8; 8];
    let mut n = 0;
    for &b in word.iter().filter(|&&b| b != b'\'' && b < 0x80) {
        if n == kept.len() {
            return false;
        }
        kept[n] = b;
        n += 1;
    }
    n > 0 && known::lookup(&kept[..n], 0..n).is_some_and(|k| k.function)
}

/// The words of a document, and what the stage needs to know of the whole.
pub(super) struct Words {
    pub list: Vec<Word>,
    /// How many apostrophes the document has inside words ("it's").
    pub apostrophes: usize,
    pub paragraphs: Paragraphs,
}

/// The paragraphs of a document, and whether each reads as English.
pub(super) struct Paragraphs {
    /// The index of the first word of each paragraph, in order; the first is 0.
    first_words: Vec<usize>,
    /// Whether each paragraph reads as English, decided when first asked.
    verdicts: Vec<Option<bool>>,
    /// The [`sizes`](Self::sizes) of each paragraph, counted when first asked (for its own
    /// verdict or for the document's).
    sizes: Vec<Option<(u32, u32)>>,
    /// Whether the document as a whole reads as English, decided when first asked.
    document: Option<bool>,
}

impl Paragraphs {
    /// Whether the paragraph of word `i` reads as English: one word in ten at least an English
    /// function word, fewer than one in five with letters of other scripts. Short paragraphs
    /// (titles, captions) take the document's verdict. Each paragraph is read once, and only when
    /// a repair in it asks, and only as far as the verdict needs: clean text costs no more than
    /// the scan for candidates.
    pub fn english(&mut self, text: &str, words: &[Word], i: usize) -> bool {
        let k = self.first_words.partition_point(|&first| first <= i) - 1;
        if let Some(verdict) = self.verdicts[k] {
            return verdict;
        }
        let (n, foreign) = self.sizes(text, words, k);
        let verdict = if n >= 8 {
            5 * foreign < n && self.function_words(text, words, k, n.div_ceil(10)) >= n.div_ceil(10)
        } else {
            self.document_english(text, words)
                || foreign == 0 && self.function_words(text, words, k, 1) > 0
        };
        self.verdicts[k] = Some(verdict);
        verdict
    }

    fn document_english(&mut self, text: &str, words: &[Word]) -> bool {
        if let Some(verdict) = self.document {
            return verdict;
        }
        let paragraphs = 0..self.first_words.len();
        let (mut n, mut foreign) = (0, 0);
        for k in paragraphs.clone() {
            let sizes = self.sizes(text, words, k);
            n += sizes.0;
            foreign += sizes.1;
        }
        let needed = n.div_ceil(10);
        let mut function = 0;
        for k in paragraphs {
            if function >= needed {
                break;
            }
            function += self.function_words(text, words, k, needed - function);
        }
        // A text too short to judge is English unless it has letters of other scripts.
        let verdict = 5 * foreign < n && function >= needed || n < 8 && foreign == 0;
        self.document = Some(verdict);
        verdict
    }

    /// The words of paragraph `k`.
    fn range(&self, words: &[Word], k: usize) -> Range<usize> {
        self.first_words[k]..self.first_words.get(k + 1).copied().unwrap_or(words.len())
    }

    /// How many words paragraph `k` has, and how many of them have letters of other scripts.
    /// "o clock" is two words and "o'clock" one: "o" is not counted, so that restoring the
    /// phrase changes no verdict.
    fn sizes(&mut self, text: &str, words: &[Word], k: usize) -> (u32, u32) {
        if let Some(sizes) = self.sizes[k] {
            return sizes;
        }
        let sizes = words[self.range(words, k)]
            .iter()
            .fold((0, 0), |(n, foreign), w| {
                let o = w.end - w.start == 1 && text.as_bytes()[w.start] | 0x20 == b'o';
                (n + u32::from(!o), foreign + u32::from(w.foreign))
            });
        self.sizes[k] = Some(sizes);
        sizes
    }

    /// How many of the words of paragraph `k` are English function words, counted up to
    /// `enough`.
    fn function_words(&self, text: &str, words: &[Word], k: usize, enough: u32) -> u32 {
        let mut found = 0;
        for w in &words[self.range(words, k)] {
            if found >= enough {
                break;
            }
            let len = w.end - w.start;
            // No function word is longer than five letters (eight bytes with a curly
            // apostrophe): most words are settled by their length.
            let function = if w.letters {
                len <= 5 && known::lookup(text.as_bytes(), w.range()).is_some_and(|k| k.function)
            } else {
                len <= 8 && is_english_function_word(text.as_bytes(), w.range())
            };
            found += u32::from(function);
        }
        found
    }
}

/// How many ASCII letters the eight bytes at `at` start with (0 when fewer than eight bytes
/// are left): a word's letters read a block at a time, not a byte at a time.
fn leading_letters(bytes: &[u8], at: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = 0x80 * ONES;
    let Some(block) = bytes.get(at..at.wrapping_add(8)) else {
        return 0;
    };
    let x = u64::from_le_bytes(block.try_into().expect("eight bytes"));
    // Each byte in lower case and seven bits, so that adding to it carries into no other.
    let lower = (x | (0x20 * ONES)) & !HIGH_BITS;
    let from_a = lower + (0x80 - u64::from(b'a')) * ONES;
    let past_z = lower + (0x80 - u64::from(b'z' + 1)) * ONES;
    let letters = from_a & !past_z & !x & HIGH_BITS;
    ((!letters & HIGH_BITS).trailing_zeros() / 8) as usize
}

/// The words of `text`, in order.
pub(super) fn words(text: &str) -> Words {
    let mut apostrophes = 0;
    let bytes = text.as_bytes();
    // About one word in six bytes of news: reserved once, not grown by copies.
    let mut words: Vec<Word> = Vec::with_capacity(text.len() / 6 + 1);
    let mut paragraphs = vec![0];
    let mut sentence_start = true;
    let mut alphanumeric = Alphanumeric::new();
    let mut i = 0;
    loop {
        // The white space before a chunk: a blank line starts a paragraph, any line a sentence.
        let mut newlines_in_gap = 0;
        while let Some(&b) = bytes.get(i) {
            if CLASS[b as usize] != SPACE {
                break;
            }
            if b == b'\n' {
                newlines_in_gap += 1;
                if newlines_in_gap == 2 && paragraphs.last() != Some(&words.len()) {
                    paragraphs.push(words.len());
                }
                sentence_start = true;
            }
            i += 1;
        }
        if i == bytes.len() {
            break;
        }
        // A chunk: a run of non-space bytes.
        let chunk_start = i;
        let mut classes = 0;
        loop {
            // Letters eight at a time, then the byte that ends them.
            let letters = leading_letters(bytes, i);
            if letters > 0 {
                classes |= LETTER;
                i += letters;
                if letters == 8 {
                    continue;
                }
            }
            let Some(&b) = bytes.get(i) else { break };
            let class = CLASS[b as usize];
            if class == SPACE {
                break;
            }
            classes |= class;
            i += 1;
        }
        let chunk_end = i;
        if let Some(last) = words.last_mut() {
            last.joined_to_next = newlines_in_gap <= 1;
        }
        if classes & !ALNUM == 0 {
            // Most chunks are one word and nothing else: white space on both sides, nothing
            // against it.
            words.push(Word::plain(
                chunk_start..chunk_end,
                classes & DIGIT == 0,
                sentence_start,
            ));
            sentence_start = false;
            continue;
        }
        let chunk = &bytes[chunk_start..chunk_end];
        let code = classes & CODE != 0
            || classes & SENTENCE_END != 0
                && chunk.len() > 4
                && chunk.windows(4).any(|w| w.eq_ignore_ascii_case(b"www."));
        // The next most common chunk: a word and one mark after it ("said," "year."), where the
        // general reading below comes to the same word, against nothing.
        if let [word @ .., last] = chunk
            && !code
            && classes & !(ALNUM | OTHER | SENTENCE_END) == 0
            && !word.is_empty()
            && !matches!(last, b'\'' | b'-' | b'&')
            && CLASS[*last as usize] & ALNUM == 0
            && word.iter().all(|&b| CLASS[b as usize] & ALNUM != 0)
        {
            words.push(Word::plain(
                chunk_start..chunk_end - 1,
                classes & DIGIT == 0,
                sentence_start,
            ));
            sentence_start = CLASS[*last as usize] == SENTENCE_END;
            continue;
        }
        let first_in_chunk = words.len();
        // The character before the next word, once the chunk's first has been passed (a word
        // starts after the characters skipped before it): read once, not again for the word.
        let mut skipped = char_before(text, chunk_start);
        let mut j = chunk_start;
        while j < chunk_end {
            let class = CLASS[bytes[j] as usize];
            if class & (ALNUM | HIGH) == 0 {
                if class == SENTENCE_END {
                    sentence_start = true;
                }
                skipped = Some(char::from(bytes[j]));
                j += 1;
                continue;
            }
            if class == HIGH {
                let c = text[j..].chars().next().expect("on a character boundary");
                if !alphanumeric.is(c) {
                    if c == '…' {
                        sentence_start = true;
                    }
                    skipped = Some(c);
                    j += c.len_utf8();
                    continue;
                }
            }
            let start = j;
            let before = skipped;
            let mut letters = true;
            let mut foreign = false;
            // The character that ends the word, when it is read to see that it does.
            let mut after = None;
            while j < chunk_end {
                let b = bytes[j];
                let class = CLASS[b as usize];
                if class & ALNUM != 0 {
                    letters &= class == LETTER;
                    j += 1;
                    continue;
                }
                if class != HIGH && b != b'\'' {
                    after = Some(char::from(b));
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
                        .is_some_and(|c| alphanumeric.is(c));
                if !alphanumeric.is(c) && !inner_apostrophe {
                    after = Some(c);
                    break;
                }
                // Only an apostrophe after a letter is one the stage restores: "8's" and "1990's"
                // say nothing of whether the document lost the others.
                apostrophes += usize::from(
                    inner_apostrophe
                        && text[..j]
                            .chars()
                            .next_back()
                            .is_some_and(char::is_alphabetic),
                );
                letters &= c.is_ascii_alphabetic();
                foreign |= !inner_apostrophe;
                j += c.len_utf8();
            }
            debug_assert_eq!(before, char_before(text, start));
            let after = if j == chunk_end {
                char_at(text, j)
            } else {
                after
            };
            debug_assert_eq!(after, char_at(text, j));
            let against_before = matches!(before, Some('\'' | '’' | '‘' | '-' | '‐' | '‑' | '&'));
            let against_after = matches!(after, Some('\'' | '’' | '‘' | '-' | '‐' | '‑' | '&'));
            let dotted = matches!(after, Some('.'))
                && char_at(text, j + 1).is_some_and(|c| alphanumeric.is(c))
                || matches!(before, Some('.')) && start > chunk_start + 1;
            // An apostrophe that opens the chunk is an opening quotation mark ("'Its time").
            let opening_quote =
                matches!(before, Some('\'' | '’' | '‘')) && start == chunk_start + 1;
            let against = dotted || against_before && !opening_quote || against_after;
            // A quotation opens a sentence of its own.
            if matches!(before, Some('"' | '“' | '‘')) || opening_quote {
                sentence_start = true;
            }
            if words.len() > first_in_chunk {
                let last = words.last_mut().expect("a word of this chunk");
                // Code-like text is one word, from its first letter or digit to its last: no
                // rule reads inside it, and a URL of a megabyte is not half a million words.
                if code {
                    last.end = j;
                    last.letters &= letters;
                    last.foreign |= foreign;
                    last.apostrophe_after = matches!(after, Some('\'' | '’'));
                    sentence_start = false;
                    continue;
                }
                // Two words in one chunk ("U.S", "and/or") are joined by what lies between.
                last.joined_to_next = false;
            }
            words.push(Word {
                start,
                end: j,
                letters,
                code,
                against,
                sentence_start,
                joined_to_next: false,
                apostrophe_after: matches!(after, Some('\'' | '’')),
                foreign,
            });
            sentence_start = false;
        }
        // A speaker's tag of an interview ("((Perttu Ahola))  Were moving release by release")
        // ends where the answer's first sentence begins. (Wikinews without apostrophes: 2
        // contractions restored, none wrong.)
        if chunk.ends_with(b"))") {
            sentence_start = true;
        }
    }
    let verdicts = vec![None; paragraphs.len()];
    let sizes = vec![None; paragraphs.len()];
    Words {
        list: words,
        apostrophes,
        paragraphs: Paragraphs {
            first_words: paragraphs,
            verdicts,
            sizes,
            document: None,
        },
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_with_apostrophes_digits_or_accents() {
        let by_list = |w: &str| {
            let lower: Vec<u8> = w
                .bytes()
                .filter(|&b| b != b'\'' && b < 0x80)
                .map(|b| b.to_ascii_lowercase())
                .collect();
            FUNCTION_WORDS.iter().any(|f| f.as_bytes() == lower)
        };
        for w in [
            "it’s",
            "IT'S",
            "It's",
            "the",
            "thé",
            "é",
            "’",
            "1990s",
            "a/b",
            "wasn't",
            "would’ve",
            "Who’s",
            "isn’t",
            "@n",
            "THEIR",
            "theirs",
            "a1",
            "x’x’x’x’x’x’",
        ] {
            let range = 0..w.len();
            assert_eq!(
                is_english_function_word(w.as_bytes(), range),
                by_list(w),
                "{w}"
            );
        }
    }

    #[test]
    fn leading_letters_reads_a_block() {
        // Against a byte-by-byte count, for every byte value at every place in a block.
        let count = |bytes: &[u8], at: usize| match bytes.get(at..at + 8) {
            Some(block) => block.iter().take_while(|b| b.is_ascii_alphabetic()).count(),
            None => 0,
        };
        for b in 0..=255u8 {
            for place in 0..8 {
                let mut block = *b"abcdEFGHzZ";
                block[place] = b;
                for at in 0..3 {
                    assert_eq!(
                        leading_letters(&block, at),
                        count(&block, at),
                        "{b} {place} {at}"
                    );
                }
            }
        }
    }

    #[test]
    fn code_like_text_is_one_word() {
        let text = "See https://example.com/a/b-c_d%20 and/or file.txt. Then #tag";
        let words = words(text);
        let found: Vec<(&str, bool, bool)> = words
            .list
            .iter()
            .map(|w| (&text[w.range()], w.code, w.sentence_start))
            .collect();
        assert_eq!(
            found,
            [
                ("See", false, true),
                ("https://example.com/a/b-c_d%20", true, false),
                ("and/or", true, false),
                ("file", false, false),
                ("txt", false, true),
                ("Then", false, true),
                ("tag", true, false),
            ]
        );
    }
}
