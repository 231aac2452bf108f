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

const SLOTS: usize = 256;

/// A word of ASCII letters, lower-cased, packed into an integer (first letter lowest); `None`
/// for a word longer than [`LONGEST`]. Lower-casing a letter sets its bit 0x20.
fn pack(word: &[u8]) -> Option<u128> {
    if word.len() > LONGEST {
        return None;
    }
    let mut bytes = [0u8; LONGEST];
    bytes[..word.len()].copy_from_slice(word);
    Some(u128::from_le_bytes(bytes) | u128::from_le_bytes([0x20; LONGEST]) & mask(word.len()))
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

const fn slot(key: u128) -> usize {
    let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as usize
}

/// Open addressing, probing forward; a key of 0 marks an empty slot.
static TABLE: [(u128, Known); SLOTS] = {
    let mut table = [(
        0u128,
        Known {
            form: None,
            phrase: false,
        },
    ); SLOTS];
    let mut i = 0;
    while i < FORMS.len() {
        let key = pack_const(FORMS[i].0);
        let mut s = slot(key);
        while table[s].0 != 0 {
            s = (s + 1) % SLOTS;
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
        let mut s = slot(key);
        while table[s].0 != 0 && table[s].0 != key {
            s = (s + 1) % SLOTS;
        }
        table[s].0 = key;
        table[s].1.phrase = true;
        i += 1;
    }
    table
};

/// What the table knows of a word of ASCII letters, in any case.
pub(super) fn lookup(word: &[u8]) -> Option<Known> {
    let key = pack(word)?;
    let mut s = slot(key);
    loop {
        match TABLE[s] {
            (0, _) => return None,
            (k, known) if k == key => return Some(known),
            _ => s = (s + 1) % SLOTS,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_found_in_any_case_and_nothing_else() {
        for &(word, form) in FORMS {
            assert_eq!(
                lookup(word.as_bytes()).and_then(|k| k.form),
                Some(form),
                "{word}"
            );
            let upper = word.to_ascii_uppercase();
            assert_eq!(
                lookup(upper.as_bytes()).and_then(|k| k.form),
                Some(form),
                "{word}"
            );
        }
        for word in FIRST_WORDS {
            assert!(lookup(word.as_bytes()).is_some_and(|k| k.phrase), "{word}");
        }
        for word in ["the", "were'", "dontt", "don", "a", "internationalization"] {
            assert!(
                lookup(word.as_bytes()).is_none_or(|k| k.form.is_none()),
                "{word}"
            );
        }
    }
}
