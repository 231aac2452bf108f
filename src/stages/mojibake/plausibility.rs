//! How plausible a character is as real text: the measure the `mojibake` stage uses to decide
//! whether a repair is clearly better than what it replaces.
//!
//! Mojibake has a signature. Each character of real text that was UTF-8 becomes two to four
//! characters drawn from a small set: a *lead* (in Windows-1252 `Â Ã Ä Å` and the other capitals
//! with accents, `â ã ä`...) followed by *continuations* (`€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ ™ © ® ° ± ² ³ ´
//! µ ¶ · ¸ ¹ º » ¼ ½ ¾ ¿`, C1 controls...). Real text rarely has a capital with an accent directly
//! after a lower-case letter, or a symbol in the middle of a word, and almost never a C1 control.
//! Decoding the bytes back gives one character; the repair is plausible when that character is
//! one that real text uses (a letter of a living script, common punctuation, a symbol, an emoji)
//! and fits its neighbours.
//!
//! The measure itself, the score of a run, is documented with the stage
//! ([`crate::stages::mojibake`]); this module holds its character classes.

/// Rough script of a letter, for the mixing rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    Latin,
    Greek,
    Cyrillic,
    Other,
}

pub(crate) fn script(c: char) -> Script {
    match c as u32 {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x2AF | 0x1E00..=0x1EFF => Script::Latin,
        0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
        0x400..=0x52F => Script::Cyrillic,
        _ => Script::Other,
    }
}

/// `char::is_alphabetic`, from a table below U+3000 (the scripts mojibake is made of and gives):
/// the standard library's lookup costs a hundred instructions or more a character there.
pub(crate) fn is_letter(c: char) -> bool {
    match class(c) {
        Some(class) => class & LETTER != 0,
        None => c.is_alphabetic(),
    }
}

/// `char::is_uppercase`, from the same table.
pub(crate) fn is_upper(c: char) -> bool {
    match class(c) {
        Some(class) => class & UPPER != 0,
        None => c.is_uppercase(),
    }
}

/// `char::is_lowercase`, from the same table.
pub(crate) fn is_lower(c: char) -> bool {
    match class(c) {
        Some(class) => class & LOWER != 0,
        None => c.is_lowercase(),
    }
}

const LETTER: u8 = 1;
const UPPER: u8 = 2;
const LOWER: u8 = 4;

/// Characters below U+3000, in blocks of 256.
const BLOCKS: usize = 0x3000 / 256;

/// Whether a character below U+3000 is alphabetic, upper case, lower case: from the standard
/// library's own answers, a block of 256 characters at a time, each block when a character of
/// it is first asked about (a document asks about a few blocks; all 48 cost 10 M instructions).
fn class(c: char) -> Option<u8> {
    static CLASSES: [std::sync::OnceLock<[u8; 256]>; BLOCKS] =
        [const { std::sync::OnceLock::new() }; BLOCKS];
    let code = c as usize;
    let block = CLASSES.get(code / 256)?.get_or_init(|| {
        let first = (code / 256 * 256) as u32;
        std::array::from_fn(|k| {
            char::from_u32(first + k as u32).map_or(0, |c| {
                let bit = |yes: bool, bit: u8| if yes { bit } else { 0 };
                bit(c.is_alphabetic(), LETTER)
                    | bit(c.is_uppercase(), UPPER)
                    | bit(c.is_lowercase(), LOWER)
            })
        })
    });
    Some(block[code % 256])
}

/// A combining mark (of the blocks mojibake produces): it joins the character before it.
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x483..=0x489 | 0x591..=0x5C7 | 0x610..=0x61A | 0x64B..=0x65F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// A character that real text almost never has, so that a repair producing it is suspect.
pub(crate) fn is_rare(c: char) -> bool {
    let u = c as u32;
    if u < 0x17F {
        // ASCII, Latin-1 and Latin Extended-A, the most of what is asked: only the C1 controls.
        return (0x80..=0x9F).contains(&u);
    }
    match u {
        0x80..=0x9F => true,
        // Long s: archaic.
        0x17F => true,
        // Latin Extended-B: rare, except Vietnamese horn letters, digraphs, pinyin tones, ș ț.
        0x180..=0x24F => !matches!(
            u,
            0x18F | 0x1A0 | 0x1A1 | 0x1AF | 0x1B0 | 0x1C4..=0x1DC | 0x1E6 | 0x1E7 | 0x1F8..=0x1FF
                | 0x218..=0x21B | 0x259
        ),
        // IPA; spacing modifiers other than the ones the codecs themselves contain and those
        // of names and transliteration: the ʻokina ("Nukuʻalofa", "Hawaiʻi"), the modifier
        // apostrophe, the half rings of Arabic and Hebrew ("Shiʿa", "Qurʾan") and the primes of
        // Cyrillic transliteration.
        0x250..=0x2AF => u != 0x259,
        0x2B0..=0x2FF => !matches!(u, 0x2B9..=0x2BC | 0x2BE | 0x2BF | 0x2C6..=0x2DD),
        // Greek: archaic letters and symbols.
        0x370..=0x385 | 0x387 | 0x3CF..=0x3FF => true,
        // Cyrillic: historic letters and combining signs.
        0x460..=0x48F => true,
        // Armenian punctuation; Hebrew points and cantillation.
        0x55A..=0x560 | 0x589..=0x5CF | 0x5EB..=0x5FF => true,
        // Arabic marks that never stand alone, Quranic annotation signs.
        0x610..=0x61A | 0x6D6..=0x6ED => true,
        // Syriac, Arabic Supplement, Thaana, NKo, Samaritan, Mandaic and extensions.
        0x700..=0x8FF => true,
        // Phonetic extensions.
        0x1D00..=0x1DBF => true,
        // Private use, specials other than U+FFFD, noncharacters.
        0xE000..=0xF8FF | 0xFFF0..=0xFFFC | 0xFFFE | 0xFFFF => true,
        // Unassigned planes (after CJK Extension H) and the private-use planes.
        0x323B0..=0xDFFFF | 0xE0080..=0xE00FF | 0xE01F0.. => true,
        _ => (u & 0xFFFE) == 0xFFFE || (0xFDD0..=0xFDEF).contains(&u),
    }
}

/// Punctuation and symbols that may follow a word: real text puts them after a final letter.
pub(crate) fn is_closing(c: char) -> bool {
    !is_letter(c) && !c.is_numeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_agree_with_the_standard_library() {
        for c in (0..0x11000).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
            assert_eq!(is_lower(c), c.is_lowercase(), "{c:?}");
        }
    }

    #[test]
    fn rare_and_common() {
        for c in [
            'é', 'ş', 'ı', 'ğ', 'д', 'ї', 'α', 'ש', 'ر', '中', '€', '’', '😀', '✔', 'ơ', 'ș', 'ʻ',
            'ʿ',
        ] {
            assert!(!is_rare(c), "{c:?} is common");
        }
        for c in ['\u{85}', 'ɻ', 'ѳ', 'ϲ', '߅', 'ᴴ', '\u{E000}', 'Ѱ'] {
            assert!(is_rare(c), "{c:?} is rare");
        }
        for c in (0..0x17F).filter_map(char::from_u32) {
            assert_eq!(is_rare(c), ('\u{80}'..='\u{9f}').contains(&c), "{c:?}");
        }
    }
}
