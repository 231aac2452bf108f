//! The single-byte codecs that UTF-8 is commonly misread as, and the reverse map from the
//! characters they produce back to the bytes they were.
//!
//! The tables come from `encoding_rs` (the WHATWG definitions, which are what browsers and most
//! software actually used), except code page 437, which the WHATWG does not define. Every codec is
//! also taken in its "sloppy" form: a byte the codec leaves undefined was often passed through as
//! the Latin-1 character of the same value (a C1 control), so that character maps back to it too.
//! Windows-1252 in its sloppy form is Latin-1 as well (all of U+0080..U+009F map to their bytes).

use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

/// A codec that UTF-8 bytes were wrongly decoded with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Codec {
    Windows1252,
    Windows1251,
    Windows1250,
    Iso8859_2,
    Windows1253,
    Windows1254,
    Windows1257,
    MacRoman,
    Cp437,
}

/// In the order they are tried: the most common misreadings first.
pub(crate) const CODECS: [Codec; 9] = [
    Codec::Windows1252,
    Codec::Windows1251,
    Codec::Windows1250,
    Codec::Iso8859_2,
    Codec::Windows1253,
    Codec::Windows1254,
    Codec::Windows1257,
    Codec::MacRoman,
    Codec::Cp437,
];

const CP437_HIGH: &str = "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{a0}";

impl Codec {
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    /// The name used in edit reasons.
    pub(crate) fn name(self, sloppy: bool) -> &'static str {
        match (self, sloppy) {
            (Codec::Windows1252, false) => "windows-1252",
            (Codec::Windows1252, true) => "latin-1",
            (Codec::Windows1251, false) => "windows-1251",
            (Codec::Windows1251, true) => "sloppy windows-1251",
            (Codec::Windows1250, false) => "windows-1250",
            (Codec::Windows1250, true) => "sloppy windows-1250",
            (Codec::Iso8859_2, _) => "iso-8859-2",
            (Codec::Windows1253, false) => "windows-1253",
            (Codec::Windows1253, true) => "sloppy windows-1253",
            (Codec::Windows1254, false) => "windows-1254",
            (Codec::Windows1254, true) => "sloppy windows-1254",
            (Codec::Windows1257, false) => "windows-1257",
            (Codec::Windows1257, true) => "sloppy windows-1257",
            (Codec::MacRoman, _) => "macroman",
            (Codec::Cp437, _) => "cp437",
        }
    }

    /// The characters this codec gives for bytes 0x80..=0xFF; `None` where it defines none.
    fn high_half(self) -> [Option<char>; 128] {
        let mut out = [None; 128];
        if self == Codec::Cp437 {
            for (slot, c) in out.iter_mut().zip(CP437_HIGH.chars()) {
                *slot = Some(c);
            }
            return out;
        }
        let encoding = match self {
            Codec::Windows1252 => encoding_rs::WINDOWS_1252,
            Codec::Windows1251 => encoding_rs::WINDOWS_1251,
            Codec::Windows1250 => encoding_rs::WINDOWS_1250,
            Codec::Iso8859_2 => encoding_rs::ISO_8859_2,
            Codec::Windows1253 => encoding_rs::WINDOWS_1253,
            Codec::Windows1254 => encoding_rs::WINDOWS_1254,
            Codec::Windows1257 => encoding_rs::WINDOWS_1257,
            Codec::MacRoman => encoding_rs::MACINTOSH,
            Codec::Cp437 => unreachable!(),
        };
        for (i, slot) in out.iter_mut().enumerate() {
            let byte = [0x80 + i as u8];
            let (text, had_errors) = encoding.decode_without_bom_handling(&byte);
            // WHATWG's windows-1252 maps its five undefined bytes to C1 controls; count those as
            // undefined, so that using them marks the path as Latin-1.
            let c = text.chars().next().filter(|_| !had_errors);
            // ISO-8859-2 defines 0x80..=0x9F as the C1 controls; the Windows codecs do not.
            *slot = c.filter(|&c| self == Codec::Iso8859_2 || !('\u{80}'..='\u{9f}').contains(&c));
        }
        out
    }
}

/// What a character was, as a byte, in each codec.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Bytes {
    /// The byte in each codec, by [`Codec::index`]; 0 where the codec cannot produce the character.
    byte: [u8; CODECS.len()],
    /// Bit `i` set: in codec `i` the character stands for an undefined byte passed through.
    sloppy: u16,
    /// Bit `i` set: in codec `i` the character is a UTF-8 lead byte (0xC2..=0xF4).
    pub(crate) lead: u16,
    /// Bit `i` set: in codec `i` the character is a UTF-8 continuation byte (0x80..=0xBF).
    pub(crate) cont: u16,
    /// Bit `i` set: in codec `i` the character is a lead whose sequence with 0xA0 is a common
    /// character (no-break space, `à`, `Š`, `Π`, `Р`): a lost no-break space is believed only
    /// after these.
    pub(crate) space_lead: u16,
    /// Bit `i` set: in codec `i` the character leads a three-byte sequence.
    pub(crate) lead3: u16,
}

/// Two-byte leads whose sequence with 0xA0 is a common character: U+00A0, `à`, `Š`, `Π`, `Р`.
pub(crate) const SPACE_LEADS: [u8; 5] = [0xC2, 0xC3, 0xC5, 0xCE, 0xD0];

impl Bytes {
    pub(crate) fn get(&self, codec: Codec) -> Option<u8> {
        let b = self.byte[codec.index()];
        (b != 0).then_some(b)
    }

    pub(crate) fn is_sloppy(&self, codec: Codec) -> bool {
        self.sloppy & (1 << codec.index()) != 0
    }

    /// Bit `i` set: codec `i` has a byte for the character.
    pub(crate) fn codecs(&self) -> u16 {
        self.byte
            .iter()
            .enumerate()
            .filter(|(_, b)| **b != 0)
            .fold(0, |mask, (i, _)| mask | (1 << i))
    }

    /// True if the character is a UTF-8 lead byte (0xC2..=0xF4) in any codec.
    pub(crate) fn is_lead_anywhere(&self) -> bool {
        self.lead != 0
    }
}

/// Characters below this are looked up directly; the rest by binary search, but for those of
/// [`PUNCTUATION`].
const DIRECT: usize = 0x500;

/// General punctuation, currency and letterlike symbols (`’`, `“`, `–`, `…`, `€`, `™`), looked up
/// directly too: curly quotes and dashes are in most real text, and in most mojibake.
const PUNCTUATION: std::ops::Range<usize> = 0x2000..0x2200;

struct Reverse {
    high: Vec<[Option<char>; 128]>,
    direct: Vec<Bytes>,
    /// The characters of [`PUNCTUATION`], from its start.
    punctuation: Vec<Bytes>,
    other: Vec<(char, Bytes)>,
    /// Bit `b` set: some character of `other` is in the 256-character block `b` of the BMP, so
    /// that the characters of most scripts (CJK, Indic, Arabic...) are turned away at once.
    blocks: [u64; 4],
}

fn reverse() -> &'static Reverse {
    static REVERSE: OnceLock<Reverse> = OnceLock::new();
    REVERSE.get_or_init(|| {
        let mut direct = vec![Bytes::default(); DIRECT];
        let mut punctuation = vec![Bytes::default(); PUNCTUATION.len()];
        let mut other: Vec<(char, Bytes)> = Vec::new();
        let high: Vec<[Option<char>; 128]> = CODECS.iter().map(|c| c.high_half()).collect();
        let mut put = |c: char, codec: Codec, byte: u8, sloppy: bool| {
            let entry = if (c as usize) < DIRECT {
                &mut direct[c as usize]
            } else if PUNCTUATION.contains(&(c as usize)) {
                &mut punctuation[c as usize - PUNCTUATION.start]
            } else {
                match other.iter().position(|(o, _)| *o == c) {
                    Some(i) => &mut other[i].1,
                    None => {
                        other.push((c, Bytes::default()));
                        &mut other.last_mut().expect("just pushed").1
                    }
                }
            };
            if entry.byte[codec.index()] == 0 {
                let bit = 1 << codec.index();
                entry.byte[codec.index()] = byte;
                if sloppy {
                    entry.sloppy |= bit;
                }
                if (0xC2..=0xF4).contains(&byte) {
                    entry.lead |= bit;
                }
                if (0x80..=0xBF).contains(&byte) {
                    entry.cont |= bit;
                }
                if SPACE_LEADS.contains(&byte) {
                    entry.space_lead |= bit;
                }
                if (0xE0..=0xEF).contains(&byte) {
                    entry.lead3 |= bit;
                }
            }
        };
        for codec in CODECS {
            for (i, c) in high[codec.index()].iter().enumerate() {
                let byte = 0x80 + i as u8;
                match c {
                    Some(c) => put(*c, codec, byte, false),
                    // Sloppy: the undefined byte passed through as the Latin-1 character.
                    None => put(char::from(byte), codec, byte, true),
                }
            }
            if codec == Codec::Windows1252 {
                // Latin-1: every C1 control is its own byte.
                for byte in 0x80..=0x9Fu8 {
                    put(char::from(byte), codec, byte, true);
                }
            }
        }
        // Characters that NFC replaces by one of the above (Greek with oxia by Greek with tonos,
        // the Ångström sign by `Å`) were those bytes too: the `unicode` stage, run after this one,
        // would otherwise turn them into leads for the next run to find.
        let singletons: Vec<(char, char)> = (0x340..=0x390u32)
            .chain(0x1F00..=0x1FFF)
            .chain(0x2100..=0x2200)
            .filter_map(char::from_u32)
            .filter_map(|c| {
                let mut nfc = std::iter::once(c).nfc();
                match (nfc.next(), nfc.next()) {
                    (Some(n), None) if n != c => Some((c, n)),
                    _ => None,
                }
            })
            .collect();
        for (alias, target) in singletons {
            let bytes = if (target as usize) < DIRECT {
                direct[target as usize]
            } else if PUNCTUATION.contains(&(target as usize)) {
                punctuation[target as usize - PUNCTUATION.start]
            } else {
                match other.iter().find(|(o, _)| *o == target) {
                    Some((_, b)) => *b,
                    None => continue,
                }
            };
            if bytes.byte != [0; CODECS.len()] {
                if PUNCTUATION.contains(&(alias as usize)) {
                    // (Unless a codec makes the alias itself.)
                    let entry = &mut punctuation[alias as usize - PUNCTUATION.start];
                    if entry.byte == [0; CODECS.len()] {
                        *entry = bytes;
                    }
                } else {
                    other.push((alias, bytes));
                }
            }
        }
        other.sort_by_key(|(c, _)| *c);
        let mut blocks = [0u64; 4];
        for (c, _) in &other {
            let block = (*c as usize) >> 8;
            if block < 256 {
                blocks[block / 64] |= 1 << (block % 64);
            }
        }
        Reverse {
            high,
            direct,
            punctuation,
            other,
            blocks,
        }
    })
}

/// What `c` was as a byte in each codec; `None` when it is ASCII or no codec produces it.
#[inline]
pub(crate) fn bytes_of(c: char) -> Option<Bytes> {
    let code = c as usize;
    if code < 0x80 {
        return None;
    }
    let reverse = reverse();
    if code < DIRECT {
        let b = reverse.direct[code];
        return (b.byte != [0; CODECS.len()]).then_some(b);
    }
    beyond_direct(reverse, c)
}

/// [`bytes_of`] for a character beyond the first table (kept out of line, so that the lookups
/// of Latin, Greek and Cyrillic letters stay small enough to inline).
#[inline(never)]
fn beyond_direct(reverse: &Reverse, c: char) -> Option<Bytes> {
    let code = c as usize;
    if PUNCTUATION.contains(&code) {
        let b = reverse.punctuation[code - PUNCTUATION.start];
        return (b.byte != [0; CODECS.len()]).then_some(b);
    }
    let block = code >> 8;
    if block >= 256 || reverse.blocks[block / 64] & (1 << (block % 64)) == 0 {
        return None;
    }
    reverse
        .other
        .binary_search_by_key(&c, |(o, _)| *o)
        .ok()
        .map(|i| reverse.other[i].1)
}

/// The character codec `codec` gives for byte `b` (0x80..=0xFF), strictly: `None` where the
/// codec leaves the byte undefined.
pub(crate) fn char_of(codec: Codec, b: u8) -> Option<char> {
    b.checked_sub(0x80)
        .and_then(|i| reverse().high[codec.index()][usize::from(i)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_round_trip() {
        for codec in CODECS {
            for b in 0x80..=0xFFu8 {
                if let Some(c) = char_of(codec, b) {
                    let back = bytes_of(c).and_then(|e| e.get(codec));
                    assert_eq!(back, Some(b), "{codec:?} byte {b:#x} = {c:?}");
                }
            }
        }
    }

    #[test]
    fn known_characters() {
        assert_eq!(bytes_of('Ã').unwrap().get(Codec::Windows1252), Some(0xC3));
        assert_eq!(bytes_of('€').unwrap().get(Codec::Windows1252), Some(0x80));
        assert_eq!(bytes_of('Р').unwrap().get(Codec::Windows1251), Some(0xD0));
        assert_eq!(bytes_of('√').unwrap().get(Codec::MacRoman), Some(0xC3));
        assert_eq!(bytes_of('├').unwrap().get(Codec::Cp437), Some(0xC3));
        let c1 = bytes_of('\u{81}').unwrap();
        assert_eq!(c1.get(Codec::Windows1252), Some(0x81));
        assert!(c1.is_sloppy(Codec::Windows1252));
        assert_eq!(bytes_of('a').map(|e| e.get(Codec::Windows1252)), None);
        // The ohm sign, which NFC makes an omega, was the omega's bytes.
        let (ohm, omega) = (bytes_of('\u{2126}').unwrap(), bytes_of('Ω').unwrap());
        assert_eq!(ohm.byte, omega.byte);
    }
}
