//! Possessives written without their apostrophe ("Russias Sochi city", "the childrens hospital").
//!
//! `Xs` becomes `X's` only when `Xs` is not a word, or is a word far too rare to be meant, while
//! `X` is: a proper name of the lexicon, a capitalized word the same document uses on its own,
//! or a common noun whose plural is not `Xs` ("children", "company"). And always only before a
//! word that a possessive can stand before: "the Nagiyevs and the Aliyevs" are two families.

use std::collections::{HashMap, HashSet};

use super::words::Word;
use crate::lexicon::Lexicon;

/// A proper name's possessive, and the evidence for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Evidence {
    /// `X` is a proper name, or a common noun with an irregular plural, in the lexicon.
    Lexicon,
    /// `X` is written on its own elsewhere in the document.
    Document,
}

/// The capitalized words of a document: where it writes each of them.
pub(super) struct Names<'t> {
    /// Each capitalized word, and whether it is ever written not right after another
    /// capitalized word (on its own: "Russia", not only "New" of "New York").
    seen: HashMap<&'t str, bool>,
    /// Capitalized words right after a capitalized word ("Hong Kong", "New York").
    pairs: HashSet<(&'t str, &'t str)>,
}

/// A word written like a name or an acronym: a capital, then letters, apostrophes allowed (so
/// that "Russias" and "Russia's", "DONT" and "DON'T" count alike, and restoring one changes
/// nothing).
fn name_like(word: &str) -> bool {
    is_capitalized(word)
        && word
            .chars()
            .all(|c| c.is_ascii_alphabetic() || matches!(c, '\'' | '’'))
}

fn is_capitalized(word: &str) -> bool {
    word.as_bytes()[0].is_ascii_uppercase()
}

impl<'t> Names<'t> {
    pub fn new(text: &'t str, words: &[Word]) -> Self {
        let mut seen = HashMap::new();
        let mut pairs = HashSet::new();
        for (i, w) in words.iter().enumerate() {
            let word = &text[w.range()];
            if !name_like(word) {
                continue;
            }
            let after_name = (i > 0 && !w.sentence_start)
                .then(|| &words[i - 1])
                .filter(|p| p.joined_to_next && name_like(&text[p.range()]));
            *seen.entry(word).or_insert(false) |= after_name.is_none();
            if let Some(p) = after_name {
                pairs.insert((&text[p.range()], word));
            }
        }
        Names { seen, pairs }
    }

    /// Whether the document writes `name` where "Xs" stands: after the same capitalized word
    /// when "Xs" follows one ("Hong Kongs" needs "Hong Kong"), else on its own.
    fn written(&self, name: &str, prev: Option<&str>) -> bool {
        match prev.filter(|p| name_like(p)) {
            Some(p) => self.pairs.contains(&(p, name)),
            None => self.seen.get(name).copied().unwrap_or(false),
        }
    }
}

/// Words that cannot follow a possessive: they end the noun phrase that `Xs` is in, so `Xs` is
/// a plural (or a verb).
fn ends_noun_phrase(next: &str) -> bool {
    let mut buf = [0u8; 12];
    let Some(lower) = buf.get_mut(..next.len()) else {
        return false;
    };
    lower.copy_from_slice(next.as_bytes());
    lower.make_ascii_lowercase();
    let Ok(lower) = std::str::from_utf8(lower) else {
        return false;
    };
    matches!(
        lower,
        "and"
            | "or"
            | "but"
            | "nor"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "from"
            | "with"
            | "by"
            | "as"
            | "into"
            | "than"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "have"
            | "has"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "do"
            | "does"
            | "did"
            | "said"
            | "says"
            | "say"
            | "told"
            | "who"
            | "which"
            | "that"
            | "whom"
            | "whose"
            | "where"
            | "when"
            | "while"
            | "if"
            | "because"
            | "so"
            | "then"
            | "there"
            | "here"
            | "also"
            | "not"
            | "too"
            | "vs"
            | "versus"
            | "a"
            | "an"
            | "the"
            | "this"
            | "these"
            | "those"
            | "it"
            | "its"
            | "they"
            | "them"
            | "their"
            | "he"
            | "she"
            | "his"
            | "her"
            | "him"
            | "we"
            | "our"
            | "us"
            | "you"
            | "your"
            | "i"
            | "me"
            | "my"
            | "according"
            | "after"
            | "before"
            | "since"
            | "until"
            | "during"
            | "about"
            | "against"
            | "between"
            | "through"
            | "over"
            | "under"
            | "up"
            | "down"
            | "out"
            | "off"
            | "all"
            | "both"
            | "each"
            | "every"
            | "some"
            | "any"
            | "no"
            | "more"
            | "most"
            | "such"
            | "like"
            | "including"
            | "now"
            | "again"
            | "still"
            | "often"
            | "never"
            | "always"
            | "themselves"
            | "together"
            | "yet"
            | "am"
            | "being"
            | "per"
            | "via"
            | "near"
            | "without"
            | "within"
            | "across"
            | "along"
            | "around"
            | "behind"
            | "beyond"
            | "toward"
            | "towards"
            | "upon"
            | "among"
            | "despite"
            | "except"
            | "although"
            | "though"
            | "unless"
            | "whether"
            | "once"
            | "just"
            | "even"
            | "only"
            | "very"
            | "really"
            | "who's"
            | "what"
            | "how"
            | "why"
            | "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "many"
            | "several"
            | "few"
            | "other"
            | "others"
            | "either"
            | "neither"
    )
}

/// Words in "-ed" and "-ally" after "Xs" are its verb or an adverb ("Egyptians raised",
/// "Neandertals specifically chose"): "Xs" is then a plural.
fn reads_as_verb(next: &str) -> bool {
    next.len() >= 5 && next.ends_with("ed") && !next.ends_with("eed")
        || next.len() >= 6 && (next.ends_with("ally") || next.ends_with("ely"))
}

/// A lexicon name with no support in the document must be at least this common (its count in
/// the frequency list) to be taken as the possessive's owner: "Russia" (35 million) is, the
/// names the lists hold by the thousand ("Hammon", "Kyriako") are not.
const COMMON_NAME: u64 = 1_000_000;

/// A common noun must be at least this common for a non-word "xs" to be its possessive.
const COMMON_NOUN: u64 = 100_000;

/// Whether the capitalized `token` ("Russias") is `X's`, and on what evidence. `prev` is the
/// word before it in the same sentence, `next` the word after it.
pub(super) fn capitalized_possessive(
    en: &Lexicon,
    token: &str,
    prev: Option<&str>,
    sentence_start: bool,
    next: &str,
    next_is_number: bool,
    names: &Names<'_>,
) -> Option<Evidence> {
    let base = &token[..token.len() - 1];
    if base.len() < 2 || ends_noun_phrase(next) {
        return None;
    }
    let base_lower_is_word = en.get_lowercase(base).is_some_and(|e| e.is_word());
    // "the Nagiyevs": a family, not a possessive, when X is a name and not a common word.
    if matches!(prev, Some("the" | "The")) && !base_lower_is_word {
        return None;
    }
    // A word in this very case ("Democrats", "Egyptians", "Williams"), or a common one in lower
    // case ("Trumps", "Earths"): only the strongest evidence will do.
    if en.get(token).is_some_and(|e| e.is_word()) || reads_as_verb(next) {
        return None;
    }
    let common = en.frequency(token) > 0;
    let listed = en.get_lowercase(token).is_some_and(|e| e.is_word());
    let next_lower = next.as_bytes()[0].is_ascii_lowercase();
    if base.ends_with('s') {
        // "Qabooss": the possessive of a name ending in s, written as the document writes it.
        return (token.ends_with("ss") && !listed && names.written(base, prev))
            .then_some(Evidence::Document);
    }
    if !common {
        if names.written(base, prev) {
            return Some(Evidence::Document);
        }
        if !listed
            && !next_is_number
            && lowercase_possessive(en, &token.to_ascii_lowercase(), next, false)
        {
            return Some(Evidence::Lexicon);
        }
        let common_name =
            en.get(base).is_some_and(|e| e.is_name()) && en.frequency(base) >= COMMON_NAME;
        return (common_name && (next_lower || next_is_number)).then_some(Evidence::Lexicon);
    }
    // "Earths", "Trumps": a common word in lower case. Capitals say it is the name only for a
    // name of the lexicon, in mid-sentence, before a word in lower case, when the document writes
    // the name the same way.
    let is_name = en.get(base).is_some_and(|e| e.is_name());
    (is_name && !sentence_start && next_lower && names.written(base, prev))
        .then_some(Evidence::Document)
}

/// Nouns whose plural is not "xs", so that "xs" can only be the possessive: "party" (parties),
/// "woman" (women), "men" and "children" (plurals already).
fn plural_is_not_s(base: &str) -> bool {
    let b = base.as_bytes();
    let consonant_y = b.len() >= 2 && b[b.len() - 1] == b'y' && !b"aeiou".contains(&b[b.len() - 2]);
    consonant_y
        || base.ends_with("man")
        || matches!(
            base,
            "men" | "women" | "children" | "mice" | "geese" | "feet" | "teeth"
        )
}

/// Whether the lower-case `token` ("childrens", "companys") is `x's`: `xs` is not a word (or,
/// when `x`'s plural is not `xs`, a word too rare to have a count), and `x` is a common one.
pub(super) fn lowercase_possessive(
    en: &Lexicon,
    token: &str,
    next: &str,
    next_is_number: bool,
) -> bool {
    let base = &token[..token.len() - 1];
    if base.len() < 3 || base.ends_with('s') || ends_noun_phrase(next) {
        return false;
    }
    let _ = next_is_number;
    let plural = en.get(token);
    let rare = plural.is_none_or(|e| e.frequency() == 0);
    let not_a_word = plural.is_none_or(|e| !e.is_word());
    if !(rare && (not_a_word || plural_is_not_s(base))) {
        return false;
    }
    en.get(base)
        .is_some_and(|e| e.is_word() && e.frequency() >= COMMON_NOUN)
}
