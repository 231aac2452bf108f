//! Finding the places where a character sequence was once a UTF-8 byte sequence.
//!
//! A *sequence* is two to four characters (six for a CESU-8 surrogate pair) that, mapped back to
//! bytes through one codec, form one well-formed UTF-8 character: a lead byte and the right number
//! of continuation bytes within the ranges UTF-8 allows (no overlong forms, no surrogates, nothing
//! above U+10FFFF). Sequences are found left to right; a lead is never a continuation in the same
//! codec, so there is no ambiguity about where one starts.
//!
//! A sequence may also be *lossy*: a continuation byte was lost on the way and shows as U+FFFD,
//! as `?`, or (for the byte 0xA0, a no-break space) as a plain space.

use crate::fast_hash::FastHash;
use std::collections::HashMap;

use super::codecs::{Bytes, CODECS, Codec, bytes_of};
use super::plausibility::{is_letter, is_lower, is_rare, is_upper};

/// How a continuation byte was lost, if it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Loss {
    /// Became U+FFFD: the sequence stands for a character that cannot be known.
    Replacement,
    /// Became `?`: the same, but only believed where the document has clear mojibake.
    Question,
    /// 0xA0 became a space: the character can be restored.
    Space,
}

/// One sequence: `start..end` of the text, read as `bytes` in `codec`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sequence {
    pub start: usize,
    pub end: usize,
    pub codec: Codec,
    bytes: [u8; 6],
    len: u8,
    /// Some character stood for an undefined byte passed through (a C1 control, usually).
    pub sloppy: bool,
    /// Some character was a C1 control.
    pub c1: bool,
    pub loss: Option<Loss>,
    /// The first and last characters of the sequence as it stands in the text.
    pub lead: char,
    pub last: char,
}

impl Sequence {
    /// Length in bytes of the UTF-8 it once was (6 for a surrogate pair).
    pub fn byte_len(&self) -> usize {
        usize::from(self.len)
    }

    /// The character it once was (U+FFFD when a byte was lost beyond repair).
    pub fn decoded(&self) -> char {
        if matches!(self.loss, Some(Loss::Replacement | Loss::Question)) {
            return '\u{FFFD}';
        }
        let bytes = &self.bytes[..self.byte_len()];
        if bytes.len() == 6 {
            let high = 0xD800 | (u32::from(bytes[1] & 0x0F) << 6) | u32::from(bytes[2] & 0x3F);
            let low = 0xDC00 | (u32::from(bytes[4] & 0x0F) << 6) | u32::from(bytes[5] & 0x3F);
            let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
            return char::from_u32(code).unwrap_or('\u{FFFD}');
        }
        // Well-formed UTF-8, as `sequence_at` reads it (a lead of 0xC2..=0xF4, continuations in
        // the ranges RFC 3629 allows after it): decoded by hand, which `from_utf8` would do at
        // several times the cost.
        let cont = |b: u8| u32::from(b & 0x3F);
        let code = match *bytes {
            [a, b] => (u32::from(a & 0x1F) << 6) | cont(b),
            [a, b, c] => (u32::from(a & 0x0F) << 12) | (cont(b) << 6) | cont(c),
            [a, b, c, d] => {
                (u32::from(a & 0x07) << 18) | (cont(b) << 12) | (cont(c) << 6) | cont(d)
            }
            _ => return '\u{FFFD}',
        };
        let c = char::from_u32(code).unwrap_or('\u{FFFD}');
        debug_assert_eq!(
            Some(c),
            std::str::from_utf8(bytes)
                .ok()
                .and_then(|s| s.chars().next())
        );
        c
    }
}

/// Which lost bytes a scan may assume.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Allow {
    pub question: bool,
    pub space: bool,
}

/// Valid range of the second byte after `lead`, per RFC 3629 (CESU-8 high surrogates allowed
/// after 0xED; the caller checks that the pair completes).
fn second_range(lead: u8) -> (u8, u8) {
    match lead {
        0xE0 => (0xA0, 0xBF),
        0xED => (0x80, 0xBF),
        0xF0 => (0x90, 0xBF),
        0xF4 => (0x80, 0x8F),
        _ => (0x80, 0xBF),
    }
}

fn utf8_len(lead: u8) -> usize {
    match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// The sequence starting at byte `start` of `text` with lead `lead` (whose byte forms are
/// `lead_bytes`), read in `codec`.
fn sequence_at(
    text: &str,
    start: usize,
    lead: char,
    lead_bytes: Bytes,
    codec: Codec,
    allow: Allow,
    lossy: bool,
) -> Option<Sequence> {
    let lead_byte = lead_bytes
        .get(codec)
        .filter(|b| (0xC2..=0xF4).contains(b))?;
    let mut seq = Sequence {
        start,
        end: start + lead.len_utf8(),
        codec,
        bytes: [lead_byte, 0, 0, 0, 0, 0],
        len: 1,
        sloppy: lead_bytes.is_sloppy(codec),
        c1: ('\u{80}'..='\u{9f}').contains(&lead),
        loss: None,
        lead,
        last: lead,
    };
    let mut want = utf8_len(lead_byte);
    let mut chars = text[seq.end..].chars();
    let mut i = 1;
    while i < want {
        let c = chars.next()?;
        // A soft hyphen is a byte (0xAD) in most codecs; in the others it is only an invisible
        // character, which the `unicode` stage removes.
        let invisible_here = c == '\u{ad}' && bytes_of(c).is_some_and(|b| b.get(codec).is_none());
        if is_transparent(c) || invisible_here {
            // Removed by the `unicode` stage later: what it separates is read as adjacent now,
            // or a second run would find what the first did not. (However many there are: each
            // is read once per codec that the lead leads in.)
            seq.end += c.len_utf8();
            continue;
        }
        let (lo, hi) = match (i, want) {
            (1, _) => second_range(lead_byte),
            (3, 6) => (0xED, 0xED),
            (4, 6) => (0xB0, 0xBF),
            _ => (0x80, 0xBF),
        };
        let byte = match bytes_of(c).and_then(|b| b.get(codec).map(|byte| (b, byte))) {
            Some((b, byte)) if (lo..=hi).contains(&byte) => {
                seq.sloppy |= b.is_sloppy(codec);
                seq.c1 |= ('\u{80}'..='\u{9f}').contains(&c);
                byte
            }
            _ if want == 6 => return None,
            // Only after a letter: symbols before a U+FFFD are not mojibake leads.
            _ if c == '\u{FFFD}' && is_letter(lead) => {
                seq.loss = Some(Loss::Replacement);
                0x80
            }
            _ if !lossy => return None,
            _ if c == '?' && allow.question => {
                seq.loss.get_or_insert(Loss::Question);
                0x80
            }
            _ if c == ' '
                && allow.space
                && (lo..=hi).contains(&0xA0)
                && (want != 2 || super::codecs::SPACE_LEADS.contains(&lead_byte)) =>
            {
                seq.loss.get_or_insert(Loss::Space);
                0xA0
            }
            _ => return None,
        };
        seq.bytes[i] = byte;
        seq.end += c.len_utf8();
        seq.last = c;
        i += 1;
        // More spaces after a space that was a lost byte are one with it once the `whitespace`
        // stage has collapsed them: read as a second run of the pipeline would (`с� ё` is one
        // sequence there). (After the last byte, they are the space between words.)
        if c == ' ' && byte == 0xA0 && i < want {
            while chars.clone().next() == Some(' ') {
                chars.next();
                seq.end += 1;
            }
        }
        // A CESU-8 high surrogate must be followed by a low one: six bytes in all.
        if i == 2 && lead_byte == 0xED && byte >= 0xA0 {
            if byte > 0xAF || seq.loss.is_some() {
                return None;
            }
            want = 6;
        }
    }
    seq.len = want as u8;
    Some(seq)
}

/// The codec that reads the sequences at the starts of `seqs` best: the one that reads the most
/// of them, and among those, the one whose readings are commonest in real text (see
/// [`commonness`]; a sloppy reading, an undefined byte passed through, counts 1). Ties go to the
/// earlier codec in [`CODECS`].
///
/// Windows-1250 and ISO-8859-2 read most of each other's mojibake, to different letters: `ĂĄ` is
/// `å` in one and `á` in the other; the commoner letters tell which it was.
pub(crate) fn best_codec(text: &str, seqs: &[Sequence]) -> Codec {
    // How many sequences each codec reads at all, then how common what it reads is.
    let mut votes = [(0usize, 0usize); CODECS.len()];
    // What a sequence adds depends only on its characters and the letter before it (a reading
    // that does not end where the sequence does adds nothing), and the same few sequences make
    // up most mojibake: each is read once.
    let mut memo: HashMap<(&str, Before), Ballot, FastHash> = HashMap::with_hasher(FastHash);
    let mut last: Option<((&str, Before), Ballot)> = None;
    for seq in seqs {
        let key = (
            &text[seq.start..seq.end],
            Before::of(text[..seq.start].chars().next_back()),
        );
        let ballot = match last {
            Some((k, ballot)) if k == key => ballot,
            _ => {
                let ballot = *memo.entry(key).or_insert_with(|| ballot(text, seq, key.1));
                last = Some((key, ballot));
                ballot
            }
        };
        for (vote, b) in votes.iter_mut().zip(ballot) {
            if b != 0 {
                vote.0 += 1;
                vote.1 += usize::from(b - 1);
            }
        }
    }
    let best = (0..CODECS.len())
        .max_by_key(|&i| (votes[i], std::cmp::Reverse(i)))
        .expect("there are codecs");
    CODECS[best]
}

/// What one sequence adds to each codec's votes in [`best_codec`]: 0 when the codec does not
/// read it, else 1 + how common its reading is.
type Ballot = [u8; CODECS.len()];

/// The character before a sequence, as far as [`best_codec`] asks: whether it is a letter, and
/// of which case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Before {
    NoLetter,
    Upper,
    Lower,
}

impl Before {
    fn of(c: Option<char>) -> Before {
        match c {
            Some(p) if is_letter(p) => {
                if is_upper(p) {
                    Before::Upper
                } else {
                    Before::Lower
                }
            }
            _ => Before::NoLetter,
        }
    }
}

/// The [`Ballot`] of `seq`, after a character of kind `before`.
fn ballot(text: &str, seq: &Sequence, before: Before) -> Ballot {
    let mut ballot = [0; CODECS.len()];
    let Some(lead_bytes) = bytes_of(seq.lead) else {
        return ballot;
    };
    let strict = Allow {
        question: false,
        space: false,
    };
    for codec in CODECS {
        // Only readings of the same characters compete: a codec that would cut the text
        // into different sequences is a different hypothesis, judged by the scores.
        if let Some(s) = sequence_at(text, seq.start, seq.lead, lead_bytes, codec, strict, false)
            && s.end == seq.end
        {
            let c = s.decoded();
            if is_rare(c) {
                continue;
            }
            // Latin-1's C1 controls are Windows-1252's sloppy bytes, but a codec of their own.
            let sloppy = s.sloppy && codec != Codec::Windows1252;
            // A letter of the same case as the one before it fits (`YAÄž` is `YAĞ`).
            let fits = before != Before::NoLetter && (before == Before::Upper) == is_upper(c);
            let weight = if sloppy {
                1
            } else {
                commonness(c) + usize::from(fits && is_letter(c))
            };
            ballot[codec.index()] = 1 + weight as u8;
        }
    }
    ballot
}

/// How common a character is in real text, roughly: 4 for the accented letters that most
/// European languages use most, 3 for other lower-case letters, 2 for other letters, 1 for the
/// rest.
fn commonness(c: char) -> usize {
    const COMMON: &str = "éáíóúñüöäàèçãâêôßıışğčšžřąęłżőățșţěůýõ";
    if c.to_lowercase().all(|l| COMMON.contains(l)) {
        4
    } else if is_lower(c) {
        3
    } else if is_letter(c) {
        2
    } else {
        1
    }
}

/// Invisible characters that the `unicode` stage removes (C0 controls other than tab and line
/// breaks, DEL, zero-width space, byte order mark): sequences are read through them.
pub(crate) fn is_transparent(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}' | '\u{200b}' | '\u{feff}')
}

/// The first byte at or after `from` that is not ASCII, or the end; eight bytes at a time.
fn next_non_ascii(bytes: &[u8], mut from: usize) -> usize {
    while from + 8 <= bytes.len() {
        let word = u64::from_le_bytes(bytes[from..from + 8].try_into().expect("eight bytes"));
        let high = word & 0x8080_8080_8080_8080;
        if high != 0 {
            return from + (high.trailing_zeros() / 8) as usize;
        }
        from += 8;
    }
    while from < bytes.len() && bytes[from] < 0x80 {
        from += 1;
    }
    from
}

/// Every sequence in `text`, left to right. At each lead, a strict reading is preferred over a
/// lossy one, `preferred` and then the codec of the sequence just before over the others, and a
/// codec that gives a common character over one that gives a rare one.
///
/// Most non-ASCII characters of real text are rejected after two table lookups: the character is
/// a lead in no codec, or the next one is a continuation in none of the codecs it leads in.
pub(crate) fn find(text: &str, allow: Allow, preferred: Option<Codec>) -> Vec<Sequence> {
    scan(text, allow, preferred, &[])
}

/// [`find`] with `preferred`, given `first`, what `find` found with no codec preferred, so that
/// only where `first` read another codec is the text read again. Where `first` found a sequence
/// of `preferred`, the codec that `find` then tries first, it finds the same one; where it found
/// none, no codec reads one in any order. (The same as `find(text, allow, Some(preferred))`: a
/// test checks it.)
pub(crate) fn find_again(
    text: &str,
    allow: Allow,
    preferred: Codec,
    first: &[Sequence],
) -> Vec<Sequence> {
    scan(text, allow, Some(preferred), first)
}

/// [`find`], with the sequences a first scan found (see [`find_again`]).
fn scan(text: &str, allow: Allow, preferred: Option<Codec>, first: &[Sequence]) -> Vec<Sequence> {
    let bytes = text.as_bytes();
    let mut found: Vec<Sequence> = Vec::with_capacity(first.len());
    // The first of `first` that does not end at or before `i`.
    let mut k = 0;
    let mut i = next_non_ascii(bytes, 0);
    while i < bytes.len() {
        if !first.is_empty() {
            while first.get(k).is_some_and(|s| s.end <= i) {
                k += 1;
            }
            match first.get(k) {
                Some(s) if s.start == i && Some(s.codec) == preferred => {
                    found.push(*s);
                    i = next_non_ascii(bytes, s.end);
                    continue;
                }
                // The first scan read every character before its next sequence and found
                // nothing there.
                Some(s) if s.start > i => {
                    i = s.start;
                    continue;
                }
                None => break,
                _ => {}
            }
        }
        let c = text[i..]
            .chars()
            .next()
            .expect("i is on a character boundary");
        let after = i + c.len_utf8();
        // U+FFFD, where a byte was lost, is common in damaged text and no codec's byte: it is
        // turned away before the tables.
        if c == '\u{FFFD}' {
            i = next_non_ascii(bytes, after);
            continue;
        }
        // A no-break space (MacRoman's 0xCA) never leads: the `unicode` stage makes it a space.
        let Some(lead_bytes) = bytes_of(c)
            .filter(Bytes::is_lead_anywhere)
            .filter(|_| !c.is_whitespace())
        else {
            i = next_non_ascii(bytes, after);
            continue;
        };
        let (next_at, next) = text[after..]
            .char_indices()
            .find(|&(_, n)| !is_transparent(n))
            .map_or((after, None), |(at, n)| (after + at, Some(n)));
        let mut strict = next
            .and_then(bytes_of)
            .map_or(0, |n| n.cont & lead_bytes.lead);
        if next == Some('\u{ad}') {
            // For the codecs without a soft hyphen, what follows it.
            let without = !bytes_of('\u{ad}').map_or(0, |b| b.codecs());
            let after_shy = text[next_at + 2..]
                .chars()
                .find(|&n| !is_transparent(n))
                .and_then(bytes_of)
                .map_or(0, |n| n.cont);
            strict |= after_shy & lead_bytes.lead & without;
        }
        // A lost byte is only believed after a letter (`Ã `, `Å?`, `Ä\u{FFFD}`): punctuation
        // before a space (`” `) is everywhere in real text.
        let lossy = match next {
            Some('\u{FFFD}') => true,
            Some('?') => allow.question,
            // A two-byte lead that can stand before 0xA0, or a three-byte one with a
            // continuation after the space (`â € `).
            Some(' ') => {
                allow.space
                    && (lead_bytes.space_lead != 0
                        || (lead_bytes.lead3 != 0
                            && text[next_at + 1..]
                                .chars()
                                .next()
                                .and_then(bytes_of)
                                .is_some_and(|b| b.cont & lead_bytes.lead3 != 0)))
            }
            _ => false,
        } && is_letter(c);
        if strict == 0 && !lossy {
            i = next_non_ascii(bytes, after);
            continue;
        }
        let previous = found.last().filter(|s| s.end == i).map(|s| s.codec);
        let mut best: Option<Sequence> = None;
        'passes: for lossy_pass in [false, true] {
            if lossy_pass && !(allow.question || allow.space) {
                break;
            }
            let order = preferred.into_iter().chain(previous).chain(CODECS);
            for codec in order {
                if lead_bytes.lead & (1 << codec.index()) == 0 {
                    continue;
                }
                let Some(seq) = sequence_at(text, i, c, lead_bytes, codec, allow, lossy_pass)
                else {
                    continue;
                };
                if !is_rare(seq.decoded()) {
                    best = Some(seq);
                    break 'passes;
                }
                best.get_or_insert(seq);
            }
            if best.is_some() {
                break;
            }
        }
        match best {
            Some(seq) => {
                i = next_non_ascii(bytes, seq.end);
                found.push(seq);
            }
            None => i = next_non_ascii(bytes, after),
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const STRICT: Allow = Allow {
        question: false,
        space: false,
    };

    /// `find` turns U+FFFD away before the tables, which would too.
    #[test]
    fn the_replacement_character_is_no_byte_of_any_codec() {
        assert!(bytes_of('\u{FFFD}').is_none());
    }

    /// `find_again` finds what `find` with the codec preferred finds, on every text of the
    /// stage's tests of codecs and on mixed mojibake.
    #[test]
    fn find_again_is_find_with_the_codec_preferred() {
        let texts = [
            "CafÃ© doesnâ€™t, MĂĄm tĹ\u{99}etĂ\u{ad}ho, Ä°lham, РґРѕСЂРѕРіРµ, nÃƒÂ©, voilÃ  le, Å?x",
            "√©t√© –ö ¬¨¨ ƒƒØƒ õœ ÃŸ Ã\u{a0}b ï¼Œç‰†å§‹ä¹Ÿ Ð Ñƒ Ã¿ÃŸ",
        ];
        let lossy = Allow {
            question: true,
            space: true,
        };
        // And strings drawn from the characters mojibake is made of, a few thousand of them.
        let alphabet: Vec<char> = "Ã©¬¨®ƒØÂ\u{a0} a?\u{fffd}ÐÑ€â„¢Ä°ÅŸĂĄĹ√–Ö™’Î±ÏŽ\u{ad}\u{93}Рѓ"
            .chars()
            .collect();
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let drawn: Vec<String> = (0..3000)
            .map(|_| {
                (0..12)
                    .map(|_| {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        alphabet[(state % alphabet.len() as u64) as usize]
                    })
                    .collect()
            })
            .collect();
        for text in texts
            .iter()
            .copied()
            .chain(drawn.iter().map(String::as_str))
        {
            for allow in [STRICT, lossy] {
                let first = find(text, allow, None);
                for codec in CODECS {
                    let again = find_again(text, allow, codec, &first);
                    let direct = find(text, allow, Some(codec));
                    let key = |s: &[Sequence]| -> Vec<_> {
                        s.iter()
                            .map(|s| (s.start, s.end, s.codec, s.decoded()))
                            .collect()
                    };
                    assert_eq!(key(&again), key(&direct), "{codec:?} {text}");
                }
            }
        }
    }

    fn decoded(text: &str) -> String {
        find(text, STRICT, None)
            .iter()
            .map(|s| s.decoded())
            .collect()
    }

    #[test]
    fn finds_sequences() {
        assert_eq!(decoded("CafÃ©"), "é");
        assert_eq!(decoded("doesnâ€™t"), "’");
        assert_eq!(decoded("Ð´Ð¾"), "до");
        assert_eq!(decoded("РґРѕ"), "до");
        assert_eq!(decoded("√©"), "é");
        assert_eq!(decoded("í\u{a0}½í¸\u{8d}"), "😍");
        assert_eq!(decoded("ÄŒ"), "Č");
        assert_eq!(decoded("plain Łódź text"), "");
    }

    /// `decoded` by hand says what `from_utf8` says of the bytes, for every lead and second byte
    /// of every codec, strict and lossy.
    #[test]
    fn decoded_agrees_with_from_utf8() {
        let lossy = Allow {
            question: true,
            space: true,
        };
        let (mut checked, mut spaces) = (0, 0);
        for codec in CODECS {
            let char_of = |b: u8| super::super::codecs::char_of(codec, b);
            for lead in 0xC2..=0xF4u8 {
                for second in 0x80..=0xBFu8 {
                    for rest in [0x80u8, 0xBF] {
                        let mut text = String::from("x");
                        for b in [lead, second, rest, rest] {
                            text.extend(char_of(b));
                        }
                        // And with a space for a lost 0xA0.
                        text.push_str(" y");
                        text.extend(char_of(lead));
                        text.push(' ');
                        text.extend(char_of(rest));
                        text.extend(char_of(rest));
                        text.push_str(" z");
                        for allow in [STRICT, lossy] {
                            for seq in find(&text, allow, Some(codec)) {
                                let bytes = &seq.bytes[..seq.byte_len()];
                                let lost =
                                    matches!(seq.loss, Some(Loss::Replacement | Loss::Question));
                                let want = if seq.byte_len() == 6 || lost {
                                    continue;
                                } else {
                                    std::str::from_utf8(bytes)
                                        .ok()
                                        .and_then(|s| s.chars().next())
                                };
                                assert_eq!(Some(seq.decoded()), want, "{bytes:x?}");
                                checked += 1;
                                spaces += usize::from(seq.loss == Some(Loss::Space));
                            }
                        }
                    }
                }
            }
        }
        assert!(checked > 10_000 && spaces > 100, "{checked} {spaces}");
    }

    #[test]
    fn lossy_sequences() {
        let lossy = Allow {
            question: true,
            space: true,
        };
        let seqs = find("â€? and Ã  ", lossy, None);
        assert_eq!(seqs.len(), 2);
        assert_eq!(seqs[0].loss, Some(Loss::Question));
        assert_eq!(seqs[0].decoded(), '\u{FFFD}');
        assert_eq!(seqs[1].loss, Some(Loss::Space));
        assert_eq!(seqs[1].decoded(), 'à');
        assert_eq!(
            find("SlovenÄ\u{FFFD}ina", STRICT, None)[0].decoded(),
            '\u{FFFD}'
        );
    }
}
