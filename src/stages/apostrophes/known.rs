//! The words the stage knows by heart: the contraction forms, the first words of its phrases and
//! the English function words it reads a paragraph's language by, in one table built at compile
//! time. A word is looked up once, as its letters packed into an integer, with one
//! multiplication and one comparison: the table is a perfect hash (no two of its words share a
//! slot), so there is no probing, and the branch that compares is nearly always "not this word",
//! which the processor predicts. Most words of a text are in none of the lists, and this is all
//! they cost.

use super::contractions::{FORMS, Form};
use super::phrases::FIRST_WORDS;
use super::words::FUNCTION_WORDS;

/// What the table knows of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Known {
    /// The contraction it is, without its apostrophe.
    pub form: Option<Form>,
    /// It may start a phrase.
    pub phrase: bool,
    /// It is an English function word ([`FUNCTION_WORDS`]).
    pub function: bool,
}

/// The longest word in the table, in bytes.
const LONGEST: usize = 16;

const SLOTS: usize = 1024;

/// The multiplier of the hash: one under which no two words of the lists share a slot, found by
/// [`tests::find_seed`]. A change to the lists that makes two words meet fails to compile, with
/// a message that says to run it.
const SEED: u64 = 0xe773_17b4_a0f1_d63f;

/// A slot: the key (0 for none), the index of the form in [`FORMS`] (`NO_FORM` for none), and
/// the flags.
#[derive(Clone, Copy)]
struct Slot {
    key: [u8; LONGEST],
    form: u8,
    flags: u8,
}

const NO_FORM: u8 = u8::MAX;
const PHRASE: u8 = 1;
const FUNCTION: u8 = 2;

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
    // A word has a letter at least (and the table's first mask is never read).
    Some((raw | u128::from_le_bytes([0x20; LONGEST])) & MASKS[len.max(1)])
}

/// The low `n` bytes of a `u128` set, by `n`: a load, where the shift of a `u128` by a variable
/// is a few instructions and a branch, for every word of a document.
const MASKS: [u128; LONGEST + 1] = {
    let mut masks = [0u128; LONGEST + 1];
    let mut n = 1;
    while n <= LONGEST {
        masks[n] = u128::MAX >> (8 * (LONGEST - n));
        n += 1;
    }
    masks
};

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

const EMPTY: Slot = Slot {
    key: [0; LONGEST],
    form: NO_FORM,
    flags: 0,
};

/// Puts `word` in `table`, or says it collides with another word.
const fn put(table: &mut [Slot; SLOTS], word: &str, seed: u64) -> Option<usize> {
    let key = pack_const(word);
    let s = slot(key, seed);
    let here = u128::from_le_bytes(table[s].key);
    if here != 0 && here != key {
        return None;
    }
    table[s].key = key.to_le_bytes();
    Some(s)
}

/// Puts each of `words` in `table` with `flag`; false if one collides with another word.
const fn flag_all(table: &mut [Slot; SLOTS], words: &[&str], flag: u8, seed: u64) -> bool {
    let mut i = 0;
    while i < words.len() {
        let Some(s) = put(table, words[i], seed) else {
            return false;
        };
        table[s].flags |= flag;
        i += 1;
    }
    true
}

/// The table for one multiplier, or `None` if two words share a slot.
const fn build(seed: u64) -> Option<[Slot; SLOTS]> {
    let mut table = [EMPTY; SLOTS];
    let mut i = 0;
    while i < FORMS.len() {
        let Some(s) = put(&mut table, FORMS[i].0, seed) else {
            return None;
        };
        table[s].form = i as u8;
        i += 1;
    }
    if !flag_all(&mut table, FIRST_WORDS, PHRASE, seed) {
        return None;
    }
    if !flag_all(&mut table, FUNCTION_WORDS, FUNCTION, seed) {
        return None;
    }
    Some(table)
}

static TABLE: [Slot; SLOTS] = match build(SEED) {
    Some(table) => table,
    None => panic!(
        "two known words share a slot: run `cargo test --lib find_seed -- --ignored --nocapture` \
         and put the multiplier it prints in known::SEED"
    ),
};

/// What the table knows of the word of ASCII letters at `range` of `bytes`, in any case.
#[inline]
pub(super) fn lookup(bytes: &[u8], range: std::ops::Range<usize>) -> Option<Known> {
    let key = pack(bytes, range)?;
    let entry = TABLE[slot(key, SEED)];
    (u128::from_le_bytes(entry.key) == key).then(|| Known {
        form: FORMS.get(usize::from(entry.form)).map(|f| f.1),
        phrase: entry.flags & PHRASE != 0,
        function: entry.flags & FUNCTION != 0,
    })
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
        for word in FUNCTION_WORDS {
            assert!(find(word).is_some_and(|k| k.function), "{word}");
        }
        for word in ["the", "were'", "dontt", "don", "a", "internationalization"] {
            assert!(find(word).is_none_or(|k| k.form.is_none()), "{word}");
        }
        assert!(find("government").is_none());
    }

    /// Prints a multiplier under which no two words of the lists share a slot.
    #[test]
    #[ignore = "run when the lists change and SEED no longer builds"]
    fn find_seed() {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        while build(seed).is_none() {
            seed = seed.wrapping_add(0x6A09_E667_F3BC_C909) | 1;
        }
        println!("SEED: {seed:#x}");
    }
}
