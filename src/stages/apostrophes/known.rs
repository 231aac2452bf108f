//! The words the stage knows by heart, the contraction forms and the first words of its
//! phrases, in one table built at compile time: a word is looked up once, as its letters packed
//! into an integer, with one multiplication and (nearly always) one comparison. Most words of a
//! text are in neither list, and this is all they cost.

use super::contractions::{FORMS, Form};
use super::phrases::FIRST_WORDS;

/// What the table knows of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Known {
    /// The contraction it is, without its apostrophe.
    pub form: Option<Form>,
    /// It may start a phrase.
    pub phrase: bool,
}

/// The longest word in the table, in bytes.
const LONGEST: usize = 16;

const SLOTS: usize = 1024;

/// The word of ASCII letters at `range` of `bytes`, lower-cased, packed into an integer (first
/// letter lowest); `None` for a word longer than [`LONGEST`]. Lower-casing a letter sets its bit
/// 0x20. Sixteen bytes are read at once where the text has them (a copy of the word's own
/// length would call `memcpy`).
fn pack(bytes: &[u8], range: std::ops::Range<usize>) -> Option<u128> {
    let len = range.len();
    if len > LONGEST {
        return None;
    }
    let raw = match bytes.get(range.start..range.start + LONGEST) {
        Some(block) => u128::from_le_bytes(block.try_into().expect("sixteen bytes")),
        None => {
            let mut block = [0u8; LONGEST];
            block[..len].copy_from_slice(&bytes[range]);
            u128::from_le_bytes(block)
        }
    };
    Some((raw | u128::from_le_bytes([0x20; LONGEST])) & mask(len))
}

const fn mask(len: usize) -> u128 {
    if len == LONGEST {
        u128::MAX
    } else {
        (1 << (8 * len)) - 1
    }
}

const fn pack_const(word: &str) -> u128 {
    let word = word.as_bytes();
    assert!(word.len() <= LONGEST);
    let mut key = 0u128;
    let mut i = 0;
    while i < word.len() {
        key |= (word[i] as u128) << (8 * i);
        i += 1;
    }
    key
}

const fn slot(key: u128, seed: u64) -> usize {
    let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (folded.wrapping_mul(seed) >> 54) as usize
}

const EMPTY: (u128, Known) = (
    0,
    Known {
        form: None,
        phrase: false,
    },
);

/// The table for one multiplier, or `None` if two words share a slot.
const fn build(seed: u64) -> Option<[(u128, Known); SLOTS]> {
    let mut table = [EMPTY; SLOTS];
    let mut i = 0;
    while i < FORMS.len() {
        let key = pack_const(FORMS[i].0);
        let s = slot(key, seed);
        if table[s].0 != 0 {
            return None;
        }
        table[s] = (
            key,
            Known {
                form: Some(FORMS[i].1),
                phrase: false,
            },
        );
        i += 1;
    }
    let mut i = 0;
    while i < FIRST_WORDS.len() {
        let key = pack_const(FIRST_WORDS[i]);
        let s = slot(key, seed);
        if table[s].0 != 0 && table[s].0 != key {
            return None;
        }
        table[s].0 = key;
        table[s].1.phrase = true;
        i += 1;
    }
    Some(table)
}

/// The first multiplier (odd, from a fixed sequence) under which no two words share a slot:
/// then a word has one slot to look at, and the branch that compares it is nearly always
/// "not this word", which the processor predicts.
const SEED: u64 = {
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    while build(seed).is_none() {
        seed = seed.wrapping_add(0x6A09_E667_F3BC_C909) | 1;
    }
    seed
};

static TABLE: [(u128, Known); SLOTS] = match build(SEED) {
    Some(table) => table,
    None => panic!("SEED has no collision"),
};

/// What the table knows of the word of ASCII letters at `range` of `bytes`, in any case.
pub(super) fn lookup(bytes: &[u8], range: std::ops::Range<usize>) -> Option<Known> {
    let key = pack(bytes, range)?;
    let (k, known) = TABLE[slot(key, SEED)];
    (k == key).then_some(known)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_found_in_any_case_and_nothing_else() {
        let find = |word: &str| lookup(word.as_bytes(), 0..word.len());
        for &(word, form) in FORMS {
            assert_eq!(find(word).and_then(|k| k.form), Some(form), "{word}");
            let upper = word.to_ascii_uppercase();
            assert_eq!(find(&upper).and_then(|k| k.form), Some(form), "{word}");
            // Read from a longer text, sixteen bytes at once.
            let text = format!("{word} and the rest of a sentence");
            let known = lookup(text.as_bytes(), 0..word.len());
            assert_eq!(known.and_then(|k| k.form), Some(form), "{word}");
        }
        for word in FIRST_WORDS {
            assert!(find(word).is_some_and(|k| k.phrase), "{word}");
        }
        for word in ["the", "were'", "dontt", "don", "a", "internationalization"] {
            assert!(find(word).is_none_or(|k| k.form.is_none()), "{word}");
        }
    }
}
