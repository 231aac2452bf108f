//! Words hyphenated across a line break: `develop-` + `ment` is "development", `self-` +
//! `reliant` is "self-reliant", `COVID-` + `19` is "COVID-19".
//!
//! The document's own spelling comes first: if it writes "development" (or "self-reliant")
//! elsewhere, more often than the other way, that spelling wins. Then rules that hold without
//! evidence: a hyphen next to a digit, after a capitalised or all-capital half ("Anglo-Saxon",
//! "COVID-related"), inside a word that already has one ("mother-in-law"), after a prefix that
//! makes compounds ("self-", "well-", "non-"), or a non-breaking hyphen (U+2011) is kept; a soft
//! hyphen (U+00AD) is a hyphenation point and goes. Then the embedded lexicon
//! ([`crate::lexicon`]): halves that make a word are joined; halves that are both words and make
//! none keep the hyphen. Last, the document's words again: both halves used on their own, or
//! as parts of other compounds, say compound; otherwise the halves are one word that a wrapper
//! split, and the hyphen goes.

use crate::fast_hash::FastMap;
use std::ops::Range;

/// A word split at a line end.
#[derive(Debug)]
pub(super) struct Split {
    /// The hyphen at the end of the first line.
    pub hyphen: Range<usize>,
    /// Where the second half begins.
    pub rest: usize,
    /// The first half (the word before the hyphen, as the tokenizer reads it).
    pub first: Range<usize>,
    /// The second half.
    pub second: Range<usize>,
}

/// The hyphens this module knows: hyphen-minus, soft hyphen, hyphen, non-breaking hyphen.
pub(super) const HYPHENS: [char; 4] = ['-', '\u{AD}', '\u{2010}', '\u{2011}'];

/// First halves that make compounds ("self-reliant", "well-known", "non-violent",
/// "ex-president"), for which the hyphen stays when the document says nothing.
/// ("ex-" is not one: far more words begin with "ex" than compounds with "ex-".)
const COMPOUND_PREFIXES: [&str; 11] = [
    "self", "well", "ill", "non", "all", "half", "quasi", "pseudo", "great", "ever", "vice",
];

/// Prefixes that keep a hyphen before the vowel they end with.
const VOWEL_PREFIXES: [&str; 10] = [
    "co", "re", "pre", "de", "anti", "semi", "multi", "ultra", "micro", "macro",
];

/// Words that are also common prefixes or suffixes of longer words ("in-tolerable",
/// "pain-fully", "comfort-able"): that both halves are words says nothing when one is of these.
const AFFIXES: [&str; 24] = [
    "in", "un", "re", "de", "dis", "im", "en", "con", "com", "pre", "pro", "per", "able", "ably",
    "fully", "less", "ness", "ment", "ship", "ward", "wards", "ing", "ful", "tion",
];

/// Whether the embedded English lexicon knows `w` (in lower case, or as it is written).
fn known_word(w: &str) -> bool {
    crate::lexicon::english().is_word(w)
}

/// The split that starts at the hyphen ending `line` (`..end`), if the line ends with a word and
/// a hyphen and the next line's text (from `rest`) begins with a letter or digit.
pub(super) fn split_at(text: &str, line_start: usize, end: usize, rest: usize) -> Option<Split> {
    let before = &text[line_start..end];
    let hyphen_char = before.chars().next_back()?;
    if !HYPHENS.contains(&hyphen_char) {
        return None;
    }
    let hyphen_start = end - hyphen_char.len_utf8();
    let first_start = word_start(text, line_start, hyphen_start);
    if first_start == hyphen_start {
        return None;
    }
    let second_end = word_end(text, rest);
    // A hyphen left hanging for a later word ("African-\nand Asian-American", "pre- or
    // post-war") is not a split: the line break is a space.
    if second_end == rest {
        return None;
    }
    let (first, second) = (&text[first_start..hyphen_start], &text[rest..second_end]);
    if matches!(second, "and" | "or" | "nor" | "to") && !known_word(&format!("{first}{second}")) {
        return None;
    }
    Some(Split {
        hyphen: hyphen_start..end,
        rest,
        first: first_start..hyphen_start,
        second: rest..second_end,
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’') || HYPHENS.contains(&c)
}

/// Start of the word (word characters with single joiners between them) that ends at `end`.
fn word_start(text: &str, floor: usize, end: usize) -> usize {
    let mut start = end;
    let mut chars = text[floor..end].char_indices().rev().peekable();
    while let Some((i, c)) = chars.next() {
        if is_word_char(c) {
            start = floor + i;
        } else if is_joiner(c)
            && start == floor + i + c.len_utf8()
            && chars.peek().is_some_and(|&(_, p)| is_word_char(p))
        {
            continue;
        } else {
            break;
        }
    }
    start
}

/// End of the run of word characters that starts at `start`.
fn word_end(text: &str, start: usize) -> usize {
    text[start..]
        .find(|c: char| !is_word_char(c))
        .map_or(text.len(), |i| start + i)
}

/// How a split is joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Outcome {
    /// One word: the hyphen goes.
    Join,
    /// A compound: the hyphen stays.
    Keep,
}

/// Decides every split of the document, reading the document once for evidence when a split
/// needs it.
pub(super) fn decide(text: &str, splits: &[Split]) -> Vec<Outcome> {
    let mut outcomes: Vec<Option<Outcome>> = splits.iter().map(|s| by_rule(text, s)).collect();
    if outcomes.iter().all(Option::is_some) {
        return outcomes.into_iter().flatten().collect();
    }
    // The spellings to count for each split left: joined, hyphenated, as parts of compounds,
    // and each half on its own; each spelling a slot of `counts`.
    let mut slots: FastMap<String, usize> = FastMap::default();
    let mut asked: Vec<(usize, String, String, [usize; KEYS])> = Vec::new();
    // A split whose halves are written as those of one asked before is decided as that one:
    // the same spellings, counted once (`same[k]`, the index of the split asked).
    let mut written: FastMap<(&str, &str), usize> = FastMap::default();
    let mut same: Vec<(usize, usize)> = Vec::new();
    // The last split looked up in `written` and the one asked for its halves: a split written
    // as the one before it is found without hashing its halves.
    let mut last: Option<((&str, &str), usize)> = None;
    for (k, (s, o)) in splits.iter().zip(&outcomes).enumerate() {
        if o.is_none() {
            let raw = (&text[s.first.clone()], &text[s.second.clone()]);
            if let Some((last_raw, earlier)) = last
                && last_raw == raw
            {
                same.push((k, earlier));
                continue;
            }
            if let Some(&earlier) = written.get(&raw) {
                last = Some((raw, earlier));
                same.push((k, earlier));
                continue;
            }
            last = Some((raw, k));
            written.insert(raw, k);
            let (first, second) = halves(text, s);
            let keys = [
                [first.as_str(), second.as_str()].concat(),
                [first.as_str(), "-", second.as_str()].concat(),
                [first.as_str(), "-"].concat(),
                ["-", second.as_str()].concat(),
                first.clone(),
                second.clone(),
            ];
            let ids = keys.map(|key| {
                let next = slots.len();
                *slots.entry(key).or_insert(next)
            });
            asked.push((k, first, second, ids));
        }
    }
    let mut counts = vec![0usize; slots.len()];
    // The halves at the splits themselves are not evidence.
    let mut skip: Vec<usize> = splits
        .iter()
        .flat_map(|s| [s.first.start, s.second.start])
        .collect();
    skip.sort_unstable();
    count_words(text, &slots, &mut counts, &skip);
    for (k, first, second, [joined, hyphenated, head, tail, alone1, alone2]) in asked {
        let (joined, hyphenated) = (counts[joined], counts[hyphenated]);
        outcomes[k] = Some(if hyphenated > joined {
            Outcome::Keep
        } else if joined > hyphenated {
            Outcome::Join
        } else {
            let evidence = Evidence {
                halves: counts[alone1] > 0 && counts[alone2] > 0,
                compound_parts: counts[head] > 0 || counts[tail] > 0,
            };
            by_words(&first, &second, evidence)
        });
    }
    for (k, earlier) in same {
        outcomes[k] = outcomes[earlier];
    }
    outcomes.into_iter().flatten().collect()
}

/// The spellings counted for each split.
const KEYS: usize = 6;

/// The halves, lower-cased, with their hyphens written `-`.
fn halves(text: &str, s: &Split) -> (String, String) {
    (
        normalize(&text[s.first.clone()]),
        normalize(&text[s.second.clone()]),
    )
}

fn normalize(w: &str) -> String {
    w.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if HYPHENS.contains(&c) { '-' } else { c })
        .collect()
}

/// The decisions that need no evidence.
fn by_rule(text: &str, s: &Split) -> Option<Outcome> {
    let hyphen = text[s.hyphen.clone()].chars().next()?;
    let first = &text[s.first.clone()];
    let second = &text[s.second.clone()];
    let last = first.chars().next_back()?;
    let next = second.chars().next()?;
    if hyphen == '\u{AD}' {
        return Some(Outcome::Join);
    }
    if hyphen == '\u{2011}' || last.is_numeric() || next.is_numeric() || first.contains(is_joiner) {
        return Some(Outcome::Keep);
    }
    // A word in capitals split in two ("CONSTITU-" + "TION") is read as in lower case; a
    // capitalised second half ("Anglo-Saxon", "non-European") or a first half in capitals
    // before one that is not ("COVID-related") is a compound.
    let capitals = |w: &str| w.chars().all(|c| !c.is_lowercase());
    if capitals(first) && capitals(second) {
        return None;
    }
    if next.is_uppercase() || (first.chars().count() >= 2 && capitals(first)) {
        return Some(Outcome::Keep);
    }
    None
}

/// What the document says about the halves of a split word it does not spell either way.
#[derive(Debug, Clone, Copy)]
struct Evidence {
    /// Both halves are words of the document.
    halves: bool,
    /// The first half begins, or the second ends, another hyphenated word of the document
    /// ("fellow-" in "fellow-creatures", "-headed" in "shark-headed").
    compound_parts: bool,
}

/// The decision from the words, when the document does not spell the word either way: a word
/// of the lexicon when joined is one word ("development", "comfortable", "rampage"); halves that
/// are both words and make none are a compound ("hard-breathing", "slate-pencil"); then the
/// prefixes and the document's other compounds.
fn by_words(first: &str, second: &str, evidence: Evidence) -> Outcome {
    if COMPOUND_PREFIXES.contains(&first) {
        return Outcome::Keep;
    }
    // "co-operate", "re-enter", "pre-eminent": a prefix ending in the vowel the word begins with.
    if VOWEL_PREFIXES.contains(&first) && first.chars().next_back() == second.chars().next() {
        return Outcome::Keep;
    }
    let joined = format!("{first}{second}");
    let halves = known_word(first) && known_word(second);
    // The word lists hold rare closed spellings of compounds ("wellbred", "diningroom"); a
    // joined word that the frequency list does not know loses to two halves that are words.
    if known_word(&joined) && (!halves || crate::lexicon::english().frequency(&joined) > 0) {
        return Outcome::Join;
    }
    let words = |a: &str, b: &str| {
        a.chars().count() >= 2
            && b.chars().count() >= 3
            && !AFFIXES.contains(&a)
            && !AFFIXES.contains(&b)
    };
    if halves || (words(first, second) && (evidence.halves || evidence.compound_parts)) {
        return Outcome::Keep;
    }
    Outcome::Join
}

/// Counts, in `counts` (at the slot `slots` gives), the words of `text` that are keys of `slots`
/// (lower-cased, hyphens written `-`), except those that start at a position in `skip` (sorted).
///
/// One pass over the text: ASCII words are hashed as they are read (lower-cased on the fly) and
/// looked up only when a bit set of the keys' hashes has their hash; hyphenated words and words
/// with other characters are lower-cased and looked up.
fn count_words(text: &str, slots: &FastMap<String, usize>, counts: &mut [usize], skip: &[usize]) {
    let mut filter = vec![0u64; FILTER_WORDS];
    for k in slots.keys() {
        let h = fold_hash(k.as_bytes());
        filter[(h as usize / 64) % FILTER_WORDS] |= 1 << (h % 64);
    }
    let seen = |h: u64| filter[(h as usize / 64) % FILTER_WORDS] & (1 << (h % 64)) != 0;
    let bytes = text.as_bytes();
    let mut key = String::new();
    let mut skip = skip.iter().peekable();
    let mut pos = 0;
    while pos < bytes.len() {
        let class = CLASS[usize::from(bytes[pos])];
        if class == SEPARATOR || class == JOINER {
            pos += 1;
            continue;
        }
        let start = pos;
        let token = read_token(text, start);
        if token.end == start {
            // A character that is not a letter or digit.
            pos += text[start..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        pos = token.end;
        while skip.next_if(|&&s| s < start).is_some() {}
        if skip.peek() == Some(&&start) {
            continue;
        }
        if token.plain && !seen(token.hash) {
            continue;
        }
        key.clear();
        key.extend(
            text[start..token.end]
                .chars()
                .flat_map(char::to_lowercase)
                .map(|c| if HYPHENS.contains(&c) { '-' } else { c }),
        );
        if let Some(&slot) = slots.get(key.as_str()) {
            counts[slot] += 1;
        }
        // A hyphenated word also attests its first and last parts as parts of compounds.
        if let (Some(head), Some(tail)) = (key.find('-'), key.rfind('-')) {
            for part in [&key[..=head], &key[tail..]] {
                if let Some(&slot) = slots.get(part) {
                    counts[slot] += 1;
                }
            }
        }
    }
}

/// Size of the bit set of key hashes, in 64-bit words (65 536 bits).
const FILTER_WORDS: usize = 1024;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a over the bytes with ASCII letters lower-cased, as [`read_token`] hashes a word.
fn fold_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET, |h, &b| {
        (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME)
    })
}

/// A token of the text: word characters, with single joiners between them.
struct Token {
    end: usize,
    /// ASCII letters and digits only (so `hash` is its [`fold_hash`]).
    plain: bool,
    hash: u64,
}

/// What a byte is to the tokenizer.
const SEPARATOR: u8 = 0;
const ALNUM: u8 = 1;
const JOINER: u8 = 2;
const NON_ASCII: u8 = 3;

static CLASS: [u8; 256] = {
    let mut class = [SEPARATOR; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        class[b] = if c >= 0x80 {
            NON_ASCII
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else if c == b'-' || c == b'\'' {
            JOINER
        } else {
            SEPARATOR
        };
        b += 1;
    }
    class
};

/// Lower-case ASCII letters, other bytes as they are.
static LOWER: [u8; 256] = {
    let mut lower = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        lower[b] = (b as u8).to_ascii_lowercase();
        b += 1;
    }
    lower
};

fn read_token(text: &str, start: usize) -> Token {
    let bytes = text.as_bytes();
    let is_word_at = |at: usize| match bytes.get(at) {
        Some(&b) if b < 0x80 => CLASS[usize::from(b)] == ALNUM,
        Some(_) => text[at..].chars().next().is_some_and(is_word_char),
        None => false,
    };
    let mut token = Token {
        end: start,
        plain: true,
        hash: FNV_OFFSET,
    };
    let mut pos = start;
    while pos < bytes.len() {
        let b = bytes[pos];
        match CLASS[usize::from(b)] {
            ALNUM => {
                // A run of ASCII letters and digits, hashed in one tight loop.
                let mut hash = token.hash;
                while let Some(&b) = bytes.get(pos) {
                    if CLASS[usize::from(b)] != ALNUM {
                        break;
                    }
                    hash = (hash ^ u64::from(LOWER[usize::from(b)])).wrapping_mul(FNV_PRIME);
                    pos += 1;
                }
                token.hash = hash;
                token.end = pos;
            }
            JOINER if token.end == pos && pos > start && is_word_at(pos + 1) => {
                token.plain = false;
                pos += 1;
            }
            NON_ASCII => {
                let c = text[pos..]
                    .chars()
                    .next()
                    .unwrap_or(char::REPLACEMENT_CHARACTER);
                let len = c.len_utf8();
                if is_word_char(c) {
                    pos += len;
                    token.end = pos;
                } else if is_joiner(c) && token.end == pos && pos > start && is_word_at(pos + len) {
                    pos += len;
                } else {
                    break;
                }
                token.plain = false;
            }
            _ => break,
        }
    }
    token
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Outcome {
        let nl = text.find('\n').unwrap();
        let s = split_at(text, 0, nl, nl + 1).expect("a split");
        decide(text, &[s])[0]
    }

    #[test]
    fn a_hyphen_left_hanging_is_no_split() {
        let text = "the first African-\nand Asian-American vice president";
        let nl = text.find('\n').unwrap();
        assert!(split_at(text, 0, nl, nl + 1).is_none());
        // "potato" split before its "to" is still a split.
        assert_eq!(one("pota-\nto"), Outcome::Join);
    }

    #[test]
    fn rules_without_evidence() {
        assert_eq!(one("develop-\nment"), Outcome::Join);
        assert_eq!(one("self-\nreliant"), Outcome::Keep);
        assert_eq!(one("COVID-\n19"), Outcome::Keep);
        assert_eq!(one("Anglo-\nSaxon"), Outcome::Keep);
        assert_eq!(one("COVID-\nrelated"), Outcome::Keep);
        assert_eq!(one("THE CONSTITU-\nTION"), Outcome::Join);
        assert_eq!(one("mother-in-\nlaw"), Outcome::Keep);
        assert_eq!(one("hyphen\u{AD}\nation"), Outcome::Join);
        assert_eq!(one("non\u{2011}\nstop"), Outcome::Keep);
        assert_eq!(one("import\u{2010}\nant"), Outcome::Join);
    }

    #[test]
    fn the_document_spelling_wins() {
        assert_eq!(one("co-\noperate, as we co-operate"), Outcome::Keep);
        assert_eq!(one("self-\nish, as selfish people are"), Outcome::Join);
        // The halves at the split itself are no evidence; elsewhere they are.
        assert_eq!(one("zorp-\nblat"), Outcome::Join);
        assert_eq!(one("zorp-\nblat: a zorp, blat"), Outcome::Keep);
    }

    #[test]
    fn the_lexicon_without_evidence() {
        assert_eq!(one("comforta-\nble"), Outcome::Join);
        assert_eq!(one("good-\nhumoured"), Outcome::Keep);
        assert_eq!(one("hard-\nbreathing"), Outcome::Keep);
        assert_eq!(one("well-\nbred"), Outcome::Keep);
    }
}
