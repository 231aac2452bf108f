//! Byte scans shared by the stages' fast paths. Text that a stage has nothing to do on is mostly
//! printable ASCII, which these skip eight bytes at a time (in a `u64`, without `unsafe`); what
//! they stop at, the stage looks at byte by byte.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `w` that is not printable ASCII (0x20..=0x7E). Above the lowest
/// flagged byte, other bytes may be flagged wrongly (a borrow runs on), so only the lowest one
/// is to be read.
fn not_plain(w: u64) -> u64 {
    let below_space = w.wrapping_sub(0x20 * ONES) & !w & HIGH;
    let x = w ^ (0x7F * ONES);
    let delete = x.wrapping_sub(ONES) & !x & HIGH;
    (w & HIGH) | below_space | delete
}

/// The first byte at or after `from` that is not printable ASCII (a control character, line
/// breaks and tabs among them, DEL, or a byte of a non-ASCII character), or the length of
/// `bytes`.
pub(crate) fn skip_plain_ascii(bytes: &[u8], mut from: usize) -> usize {
    let word = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight bytes"));
    // Sixteen bytes a round while they last, then eight.
    while from + 16 <= bytes.len() {
        let (low, high) = (not_plain(word(from)), not_plain(word(from + 8)));
        if low | high != 0 {
            let k = if low != 0 {
                low.trailing_zeros()
            } else {
                64 + high.trailing_zeros()
            };
            return from + (k / 8) as usize;
        }
        from += 16;
    }
    while let Some(chunk) = bytes.get(from..from + 8) {
        let flags = not_plain(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        if flags != 0 {
            return from + (flags.trailing_zeros() / 8) as usize;
        }
        from += 8;
    }
    while from < bytes.len() && (0x20..0x7F).contains(&bytes[from]) {
        from += 1;
    }
    from
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_ascii_chunks() {
        assert_eq!(not_plain(u64::from_le_bytes(*b"abcdefgh")), 0);
        assert_eq!(not_plain(u64::from_le_bytes(*b" ~!09AZz")), 0);
        for bad in [b'\n', b'\t', b'\r', 0, 0x1f, 0x7f, 0x80, 0xff] {
            for at in 0..8 {
                let mut chunk = *b"abcdefgh";
                chunk[at] = bad;
                let flags = not_plain(u64::from_le_bytes(chunk));
                assert_eq!(flags.trailing_zeros() / 8, at as u32, "{bad:#x} at {at}");
            }
        }
    }

    #[test]
    fn skips_to_the_first_byte_that_is_not_plain() {
        let naive = |bytes: &[u8], from: usize| {
            (from..bytes.len())
                .find(|&i| !(0x20..0x7F).contains(&bytes[i]))
                .unwrap_or(bytes.len())
        };
        // Every byte value at every place in a text longer than two chunks, with another odd
        // byte after it (whose borrow must not hide the first).
        for bad in 0..=255u8 {
            for at in 0..20 {
                let mut text = *b"The quick brown fox jumps.";
                text[at] = bad;
                text[at + 1] = 0x1F;
                for from in [0, 1, 7, 8, 9] {
                    assert_eq!(
                        skip_plain_ascii(&text, from),
                        naive(&text, from),
                        "{bad:#x} at {at} from {from}"
                    );
                }
            }
        }
        assert_eq!(skip_plain_ascii(b"short", 0), 5);
        assert_eq!(skip_plain_ascii(b"", 0), 0);
    }
}
