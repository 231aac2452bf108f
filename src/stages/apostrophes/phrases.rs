//! Fixed phrases that lost an apostrophe: "each others" → "each other's", "someone elses" →
//! "someone else's", "todays" → "today's", "o clock" → "o'clock", "rock n roll" →
//! "rock 'n' roll".

use super::words::Word;

/// A phrase found at a word: the byte range to replace, and what goes there (with `'` for the
/// apostrophe, replaced by the document's own apostrophe later).
pub(super) struct Found {
    pub range: std::ops::Range<usize>,
    pub replacement: String,
    /// The index of the last word of the phrase.
    pub last_word: usize,
}

/// Two-word phrases whose second word takes `'s` (written `...s`): `each others`.
const BEFORE_S: &[(&str, &str)] = &[
    ("each", "others"),
    ("one", "anothers"),
    ("wits", "end"),
    ("arms", "length"),
    ("years", "eve"),
    ("valentines", "day"),
    ("mothers", "day"),
    ("fathers", "day"),
    // "Stamenković et als research": the possessive of the authors of a paper.
    ("et", "als"),
    // "someone elses": "elses" is no word.
    ("someone", "elses"),
    ("anyone", "elses"),
    ("everyone", "elses"),
    ("one", "elses"),
    ("somebody", "elses"),
    ("anybody", "elses"),
    ("everybody", "elses"),
    ("nobody", "elses"),
];

/// Words that take `'s` wherever they are: nobody writes "todays" for a plural.
const ALWAYS: &[&str] = &["todays", "yesterdays", "tomorrows"];

fn lower_eq(word: &str, lower: &str) -> bool {
    word.len() == lower.len()
        && (word == lower
            || word.eq_ignore_ascii_case(lower)
                && word.as_bytes()[1..].iter().all(u8::is_ascii_lowercase))
}

fn with_apostrophe(word: &str) -> String {
    format!("{}'s", &word[..word.len() - 1])
}

/// The first words of the phrases below, in lower case: only a word that is one of them is
/// asked about (see [`super::known`]).
pub(super) const FIRST_WORDS: &[&str] = &[
    "each",
    "one",
    "wits",
    "arms",
    "years",
    "valentines",
    "mothers",
    "fathers",
    "et",
    "someone",
    "anyone",
    "everyone",
    "somebody",
    "anybody",
    "everybody",
    "nobody",
    "todays",
    "yesterdays",
    "tomorrows",
    "oclock",
    "o",
    "rock",
];

/// The phrase that starts at word `i`, if any.
pub(super) fn at(text: &str, words: &[Word], i: usize) -> Option<Found> {
    let w = &words[i];
    let word = &text[w.range()];
    let next = words
        .get(i + 1)
        .filter(|n| w.joined_to_next && n.letters && !n.code && !n.sentence_start);
    let next_word = next.map(|n| &text[n.range()]);

    if lower_eq(word, "oclock") {
        return Some(Found {
            range: w.range(),
            replacement: format!("{}'{}", &word[..1], &word[1..]),
            last_word: i,
        });
    }
    if ALWAYS.iter().any(|a| lower_eq(word, a)) {
        return Some(Found {
            range: w.range(),
            replacement: with_apostrophe(word),
            last_word: i,
        });
    }
    let (next, next_word) = (next?, next_word?);
    if next.against || next.apostrophe_after {
        return None;
    }
    for &(first, second) in BEFORE_S {
        // The word that takes the apostrophe is the one ending in "s".
        if lower_eq(word, first) && lower_eq(next_word, second) {
            return Some(if first.ends_with('s') && !second.ends_with('s') {
                Found {
                    range: w.range(),
                    replacement: with_apostrophe(word),
                    last_word: i,
                }
            } else {
                Found {
                    range: next.range(),
                    replacement: with_apostrophe(next_word),
                    last_word: i + 1,
                }
            });
        }
    }
    // "five o clock": after a number, in digits or words, in the same paragraph. The gaps are
    // read as `whitespace` will leave them (runs of spaces are one space, a line of spaces is
    // blank), so that a second run decides as the first did.
    if lower_eq(word, "o") && lower_eq(next_word, "clock") && w.joined_to_next {
        let after_number = i > 0
            && words[i - 1].joined_to_next
            && super::words::is_number(&text[words[i - 1].range()]);
        if after_number {
            return Some(Found {
                range: w.start..next.end,
                replacement: format!("{word}'{next_word}"),
                last_word: i + 1,
            });
        }
    }
    // "rock n roll"
    if lower_eq(word, "rock") && next_word.eq_ignore_ascii_case("n") && next.joined_to_next {
        let roll = words.get(i + 2)?;
        if lower_eq(&text[roll.range()], "roll") && !roll.code && !roll.against {
            return Some(Found {
                range: next.range(),
                replacement: format!("'{next_word}'"),
                last_word: i + 2,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_first_word_is_listed() {
        let firsts = BEFORE_S.iter().map(|p| p.0).chain(ALWAYS.iter().copied());
        for word in firsts.chain(["oclock", "o", "rock"]) {
            assert!(FIRST_WORDS.contains(&word), "{word}");
        }
    }
}
