//! `decode`: bytes to text.
//!
//! **Repairs** input that is not UTF-8 text yet: a byte order mark (UTF-8, UTF-16LE, UTF-16BE)
//! decides the encoding and is removed; otherwise valid UTF-8 is taken as it is (borrowed, no
//! copy); otherwise the bytes are either UTF-8 with a few damaged sequences, each replaced by
//! U+FFFD, or text in a legacy encoding, which [chardetng] guesses and [encoding_rs] decodes.
//! A forced encoding overrides detection (a BOM of that same encoding is still removed).
//!
//! **Will not touch** valid UTF-8, even when it looks like mojibake ("CafÃ©" is valid UTF-8 that
//! was decoded wrongly *upstream*; undoing that is the `mojibake` stage's job, on evidence).
//!
//! **Evidence** for "damaged UTF-8" against "legacy encoding": text in a legacy encoding almost
//! never forms valid multi-byte UTF-8 sequences by chance, while UTF-8 with a few bad bytes is
//! mostly valid ones. So when valid multi-byte sequences outnumber invalid ones at least two to
//! one, the input is UTF-8 and only the invalid sequences are replaced; otherwise it is legacy.
//! chardetng judges by the few non-ASCII letters: English text with one "æ" in windows-1252
//! reads to it as Central European ("ć" in windows-1250). When it guesses a Central European or
//! Baltic encoding for text whose ASCII words are English (85 in 100 of them words of the
//! embedded lexicon), windows-1252 is taken instead; and so it is when every non-ASCII byte is
//! punctuation in windows-1252 (curly quotes and dashes, which chardetng may read as Cyrillic
//! letters of IBM866 in English text). chardetng reads the first 64 KiB of a longer
//! input, as a browser reads the start of a page: it costs some 700 instructions a byte, and a
//! document does not change encoding halfway.
//!
//! **Logged** as edits in byte offsets of the input: the BOM's removal, each U+FFFD with the bytes
//! it replaced, and a legacy decoding as one edit per run of non-ASCII bytes (single-byte
//! encodings; runs one ASCII byte apart, as the words of a Cyrillic phrase are, and U+FFFDs one
//! byte apart, are one edit) or one edit for the whole input (UTF-16 and the East Asian multi-byte encodings,
//! whose ASCII-range bytes can belong to a character).
//!
//! ```
//! use textmend::stages::DecodeBytes;
//!
//! // "İstanbul, Türkiye" in windows-1254, as a Turkish site would serve it:
//! let bytes = b"\xDDstanbul, T\xFCrkiye'nin en kalabal\xFDk \xFEehri";
//! let decoded = DecodeBytes::default().decode(bytes);
//! assert_eq!(decoded.text, "İstanbul, Türkiye'nin en kalabalık şehri");
//! assert_eq!(decoded.encoding.name(), "windows-1254");
//!
//! // A forced encoding wins:
//! let decoded = DecodeBytes::forced("koi8-r").unwrap().decode(b"\xF0\xD2\xC9\xD7\xC5\xD4");
//! assert_eq!(decoded.text, "Привет");
//! ```

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{
    Encoding, ISO_8859_2, ISO_8859_13, UTF_8, WINDOWS_1250, WINDOWS_1252, WINDOWS_1257,
};
use serde::{Deserialize, Serialize};

use crate::edit::{Edit, escape_invalid};

/// The `decode` stage's settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct DecodeBytes {
    /// Decode with this encoding instead of detecting one (any WHATWG label: `"latin1"`,
    /// `"cp1254"`, `"koi8-r"`, ...). Written by its canonical name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<&'static Encoding>,
}

/// Text decoded from bytes, with what the decoder found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text: borrowed when the input was valid UTF-8 without a BOM.
    pub text: Cow<'a, str>,
    /// The encoding the bytes were read as.
    pub encoding: &'static Encoding,
    /// Whether a byte order mark was found (and removed).
    pub bom: bool,
    /// How many invalid sequences were replaced by U+FFFD.
    pub invalid_sequences: usize,
    /// What changed, as byte ranges of the input (stage `"decode"`).
    pub edits: Vec<Edit>,
}

impl DecodeBytes {
    /// Decoding that always uses the encoding with this label (a WHATWG label such as
    /// `"windows-1254"`, `"latin1"` or `"koi8-r"`); `None` for a label nobody defines.
    pub fn forced(label: &str) -> Option<DecodeBytes> {
        Encoding::for_label(label.trim().as_bytes()).map(|encoding| DecodeBytes {
            encoding: Some(encoding),
        })
    }

    /// Decodes `bytes`.
    pub fn decode<'a>(&self, bytes: &'a [u8]) -> Decoded<'a> {
        let mut decoded = self.decode_leaving_before(bytes);
        for e in &mut decoded.edits {
            e.before = escape_invalid(&bytes[e.start..e.end]).into();
        }
        decoded
    }

    /// [`decode`](Self::decode), the edits' `before` left empty: for the pipeline, whose log
    /// has it filled in at the end, once (an input with an invalid byte every other byte is one
    /// edit of all of it, and its `before` four times its size).
    pub(crate) fn decode_leaving_before<'a>(&self, bytes: &'a [u8]) -> Decoded<'a> {
        let bom = Encoding::for_bom(bytes);
        let (encoding, bom_len) = match (self.encoding, bom) {
            (Some(forced), Some((found, len))) if forced == found => (forced, len),
            (Some(forced), _) => (forced, 0),
            (None, Some(found)) => found,
            (None, None) => match std::str::from_utf8(bytes) {
                Ok(text) => {
                    return Decoded {
                        text: Cow::Borrowed(text),
                        encoding: UTF_8,
                        bom: false,
                        invalid_sequences: 0,
                        edits: Vec::new(),
                    };
                }
                Err(_) => (guess(bytes), 0),
            },
        };
        let mut out = Output::new(bytes, bom_len);
        let text = if encoding == UTF_8 {
            out.utf8(&bytes[bom_len..])
        } else if encoding.is_single_byte() {
            out.single_byte(&bytes[bom_len..], encoding)
        } else {
            out.whole(&bytes[bom_len..], encoding)
        };
        Decoded {
            text,
            encoding,
            bom: bom_len > 0,
            invalid_sequences: out.invalid,
            edits: out.edits,
        }
    }
}

/// UTF-8 with damage, or a legacy encoding? See the module docs.
fn guess(bytes: &[u8]) -> &'static Encoding {
    let (mut valid_multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    if valid_multibyte >= 2 * invalid {
        return UTF_8;
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    let start = &bytes[..bytes.len().min(DETECTION_BYTES)];
    detector.feed(start, start.len() == bytes.len());
    let guessed = detector.guess(None, Utf8Detection::Deny);
    if guessed != WINDOWS_1252
        && (CENTRAL_EUROPEAN.contains(&guessed) || only_punctuation_in_1252(bytes))
        && is_english(bytes)
    {
        return WINDOWS_1252;
    }
    guessed
}

/// Whether every non-ASCII byte is, in windows-1252, a punctuation mark or a symbol (curly
/// quotes, dashes, an ellipsis, a no-break space, `©`, `°`): English text with four curly quotes
/// and two dashes, and no other non-ASCII byte, reads to chardetng as IBM866 (`‘’My Little
/// Pony’’` as `СТMy Little PonyТТ`), which puts Cyrillic letters against English words.
fn only_punctuation_in_1252(bytes: &[u8]) -> bool {
    static PUNCTUATION: std::sync::LazyLock<[bool; 128]> = std::sync::LazyLock::new(|| {
        let high: Vec<u8> = (0x80..=0xFF).collect();
        let (text, _) = WINDOWS_1252.decode_without_bom_handling(&high);
        let mut punctuation = [false; 128];
        // (A single-byte encoding: one character for each byte, in order.)
        for (k, c) in text.chars().enumerate() {
            punctuation[k] = !c.is_alphanumeric() && !c.is_control();
        }
        punctuation
    });
    let mut high = bytes.iter().filter(|&&b| b >= 0x80).peekable();
    high.peek().is_some() && high.all(|&b| PUNCTUATION[usize::from(b - 0x80)])
}

/// How much of a long input chardetng reads (see the module docs).
const DETECTION_BYTES: usize = 64 << 10;

/// The Latin encodings of Central Europe and the Baltic, which chardetng may pick for English
/// text with a single non-ASCII letter ("encyclop\xE6dia": "ć" in windows-1250, "æ" in
/// windows-1252).
const CENTRAL_EUROPEAN: [&Encoding; 4] = [WINDOWS_1250, ISO_8859_2, WINDOWS_1257, ISO_8859_13];

/// Whether the ASCII words of the text (the first 400 of three letters or more) are English: at
/// least 85 in 100 of them words of the embedded lexicon. Text in Polish, Czech or Lithuanian
/// is not, even where its words are written without diacritics.
fn is_english(bytes: &[u8]) -> bool {
    let lexicon = crate::lexicon::english();
    let (mut words, mut english) = (0usize, 0usize);
    let tokens = bytes.split(|b| !b.is_ascii_alphabetic() && *b < 0x80);
    for token in tokens.filter(|t| t.len() >= 3 && t.is_ascii()).take(400) {
        words += 1;
        let word = std::str::from_utf8(token).expect("ASCII");
        english +=
            usize::from(lexicon.is_word(&word.to_ascii_lowercase()) || lexicon.is_word(word));
    }
    words >= 20 && english * 100 >= words * 85
}

/// The decoded text as it is built, with its edits in offsets of the whole input.
struct Output<'a> {
    input: &'a [u8],
    /// Where the body (after the BOM) starts in the input.
    offset: usize,
    edits: Vec<Edit>,
    /// The last change, still growing while the next comes one ASCII byte after it.
    pending: Option<Change>,
    invalid: usize,
}

/// A change of the input: bytes `input` became `text` of the decoded text, for a reason.
struct Change {
    input: std::ops::Range<usize>,
    text: std::ops::Range<usize>,
    why: Why,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Why {
    InvalidUtf8,
    Decoded(&'static Encoding),
    /// Decoded, with bytes the encoding does not define.
    Undefined(&'static Encoding),
}

impl Why {
    fn reason(self) -> Cow<'static, str> {
        match self {
            Why::InvalidUtf8 => "invalid UTF-8".into(),
            Why::Decoded(e) => format!("decoded from {}", e.name()).into(),
            Why::Undefined(e) => {
                format!("decoded from {} (with bytes it does not define)", e.name()).into()
            }
        }
    }
}

impl<'a> Output<'a> {
    fn new(input: &'a [u8], bom_len: usize) -> Self {
        let mut edits = Vec::new();
        if bom_len > 0 {
            edits.push(edit(0..bom_len, String::new(), "byte order mark".into()));
        }
        Output {
            input,
            offset: bom_len,
            edits,
            pending: None,
            invalid: 0,
        }
    }

    /// Logs `change`, whose `text` range is in `text` (the decoded text so far). Changes one
    /// ASCII byte apart (a space between two words of Cyrillic, an `a` between two invalid
    /// bytes) for the same reason are one edit: the log reads by phrase rather than by word,
    /// and input made of such runs (`a\xFF` over and over) is not a million edits. The ASCII
    /// byte between them decodes to itself, so the edit's text is one range of `text`.
    fn push(&mut self, change: Change, text: &str) {
        if let Some(last) = &mut self.pending
            && last.input.end + 1 == change.input.start
            && last.why == change.why
            && self.input[last.input.end].is_ascii()
        {
            last.input.end = change.input.end;
            last.text.end = change.text.end;
            return;
        }
        self.flush(text);
        self.pending = Some(change);
    }

    /// Logs the pending change.
    fn flush(&mut self, text: &str) {
        if let Some(change) = self.pending.take() {
            let after = text[change.text].to_owned();
            self.edits
                .push(edit(change.input, after, change.why.reason()));
        }
    }

    fn utf8(&mut self, body: &'a [u8]) -> Cow<'a, str> {
        if let Ok(text) = std::str::from_utf8(body) {
            return Cow::Borrowed(text);
        }
        let mut text = String::with_capacity(body.len() + 16);
        let mut at = self.offset;
        for chunk in body.utf8_chunks() {
            text.push_str(chunk.valid());
            at += chunk.valid().len();
            if !chunk.invalid().is_empty() {
                let end = at + chunk.invalid().len();
                self.invalid += 1;
                let from = text.len();
                text.push('\u{FFFD}');
                let change = Change {
                    input: at..end,
                    text: from..text.len(),
                    why: Why::InvalidUtf8,
                };
                self.push(change, &text);
                at = end;
            }
        }
        self.flush(&text);
        Cow::Owned(text)
    }

    /// Single-byte encodings keep ASCII as it is, so each run of other bytes is its own edit.
    fn single_byte(&mut self, body: &'a [u8], encoding: &'static Encoding) -> Cow<'a, str> {
        // Decoded at once: every single-byte encoding keeps ASCII as it is and makes one
        // character of each other byte (U+FFFD for one it does not define), so the characters
        // of a run of bytes are found by counting.
        let (decoded, _) = encoding.decode_without_bom_handling(body);
        let mut chars = decoded.char_indices();
        let mut i = 0;
        while i < body.len() {
            let ascii_end = i + body[i..].iter().take_while(|b| b.is_ascii()).count();
            if ascii_end == body.len() {
                break;
            }
            let run_end = ascii_end
                + body[ascii_end..]
                    .iter()
                    .take_while(|b| !b.is_ascii())
                    .count();
            // Into the decoded text: past the ASCII, then over one character a byte.
            const ONE_A_BYTE: &str = "a single-byte encoding decodes each byte to one character";
            let (from, first) = chars.nth(ascii_end - i).expect(ONE_A_BYTE);
            let to = match run_end - ascii_end {
                1 => from + first.len_utf8(),
                n => chars
                    .nth(n - 2)
                    .map(|(at, c)| at + c.len_utf8())
                    .expect(ONE_A_BYTE),
            };
            let errors = decoded[from..to].matches('\u{FFFD}').count();
            self.invalid += errors;
            let change = Change {
                input: self.offset + ascii_end..self.offset + run_end,
                text: from..to,
                why: match errors {
                    0 => Why::Decoded(encoding),
                    _ => Why::Undefined(encoding),
                },
            };
            self.push(change, &decoded);
            i = run_end;
        }
        self.flush(&decoded);
        decoded
    }

    fn whole(&mut self, body: &'a [u8], encoding: &'static Encoding) -> Cow<'a, str> {
        let (decoded, _) = encoding.decode_without_bom_handling(body);
        self.invalid += decoded.matches('\u{FFFD}').count();
        let text = decoded.into_owned();
        let range = self.offset..self.input.len();
        let reason = format!("decoded from {}", encoding.name());
        // The BOM's edit touches this one; one edit for the whole input reads better.
        if let Some(bom) = self.edits.pop() {
            self.edits.push(edit(
                bom.start..range.end,
                text.clone(),
                format!("byte order mark; {reason}").into(),
            ));
        } else if !range.is_empty() {
            self.edits.push(edit(range, text.clone(), reason.into()));
        }
        Cow::Owned(text)
    }
}

fn edit(range: std::ops::Range<usize>, after: String, reason: Cow<'static, str>) -> Edit {
    Edit {
        stage: "decode".into(),
        // Filled in once the edits are all made (see `Output::push`).
        before: Default::default(),
        start: range.start,
        end: range.end,
        after: after.into(),
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_with_one_rare_letter_is_western() {
        // As a Wikinews interview had it: em dashes and one "æ", in windows-1252.
        let text = "The project was mainly doing web-hosting and administration \u{2014} being an \
                    encyclop\u{e6}dia about the code and design of the project, assigning code \
                    reviews, and keeping the servers running \u{2014} while the volunteers wrote \
                    most of the documentation themselves.";
        let (bytes, _, unmappable) = WINDOWS_1252.encode(text);
        assert!(!unmappable);
        let decoded = DecodeBytes::default().decode(&bytes);
        assert_eq!(decoded.text, text);
        assert_eq!(decoded.encoding, WINDOWS_1252);
        // Polish stays Polish.
        let polish = "Zgodnie z zapowiedziami rz\u{105}du, nowe przepisy wejd\u{105} w \
                      \u{17c}ycie w przysz\u{142}ym roku, a samorz\u{105}dy otrzymaj\u{105} \
                      dodatkowe \u{15b}rodki na remonty dr\u{f3}g i szk\u{f3}\u{142} w \
                      ca\u{142}ym kraju, \u{17c}eby mieszka\u{144}cy mogli korzysta\u{107} z \
                      lepszej infrastruktury.";
        let (bytes, _, unmappable) = WINDOWS_1250.encode(polish);
        assert!(!unmappable);
        let decoded = DecodeBytes::default().decode(&bytes);
        assert_eq!(decoded.text, polish);
    }

    /// Found by the end-to-end evaluation (seed 27): English whose only non-ASCII bytes are
    /// four curly quotes and two dashes in windows-1252 read to chardetng as IBM866.
    #[test]
    fn english_with_only_curly_quotes_is_western() {
        let text = "Cohen, who goes by his nickname Spike, which he has explained derives from a \
                    character on \u{2018}\u{2019}My Little Pony\u{2019}\u{2019}, was initially a \
                    neoconservative but shifted to libertarianism \u{2014} and he is co-owner of \
                    a media company \u{2013} which features the podcasts of the party.";
        let (bytes, _, unmappable) = WINDOWS_1252.encode(text);
        assert!(!unmappable);
        let decoded = DecodeBytes::default().decode(&bytes);
        assert_eq!(decoded.text, text);
        assert_eq!(decoded.encoding, WINDOWS_1252);
        // Russian in windows-1251 stays Russian (its bytes are letters in windows-1252).
        let russian = "\u{41f}\u{440}\u{435}\u{437}\u{438}\u{434}\u{435}\u{43d}\u{442} \
                       \u{437}\u{430}\u{44f}\u{432}\u{438}\u{43b} \u{2014} the news agency \
                       reported on Monday, citing the ministry of foreign affairs and the \
                       government of the country, that talks would go on.";
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(russian);
        assert!(!unmappable);
        let decoded = DecodeBytes::default().decode(&bytes);
        assert_eq!(decoded.text, russian);
    }

    #[test]
    fn damaged_utf8_keeps_its_good_characters() {
        let decoded = DecodeBytes::default().decode("Café \u{2014} naïve ".as_bytes());
        assert!(matches!(decoded.text, Cow::Borrowed(_)));
        let mut bytes = "Café — naïve".as_bytes().to_vec();
        bytes.insert(3, 0xFF);
        let decoded = DecodeBytes::default().decode(&bytes);
        assert_eq!(decoded.encoding, UTF_8);
        assert_eq!(decoded.text, "Caf\u{FFFD}é — naïve");
        assert_eq!(decoded.invalid_sequences, 1);
        assert_eq!((decoded.edits[0].start, decoded.edits[0].end), (3, 4));
        assert_eq!(decoded.edits[0].before, "\\xFF");
    }

    #[test]
    fn a_lone_latin1_byte_in_ascii_is_legacy_not_damage() {
        let decoded = DecodeBytes::default().decode(b"Caf\xE9 au lait, cr\xE8me br\xFBl\xE9e");
        assert_eq!(decoded.text, "Café au lait, crème brûlée");
        assert_eq!(decoded.invalid_sequences, 0);
        // One edit a run of bytes, and runs one ASCII byte apart are one (`\xFBl\xE9`).
        let edits: Vec<_> = decoded
            .edits
            .iter()
            .map(|e| (e.before.as_str(), e.after.as_str()))
            .collect();
        assert_eq!(
            edits,
            [("\\xE9", "é"), ("\\xE8", "è"), ("\\xFBl\\xE9", "ûlé")]
        );
    }

    #[test]
    fn bytes_one_apart_are_one_edit_however_many() {
        let bytes = b"a\xFF".repeat(1000);
        let decoded = DecodeBytes::default().decode(&bytes);
        assert_eq!(decoded.edits.len(), 1);
        assert_eq!((decoded.edits[0].start, decoded.edits[0].end), (1, 2000));
        assert_eq!(decoded.edits[0].after, decoded.text[1..]);
        let mut utf8 = "Текст по-русски. ".repeat(100).into_bytes();
        utf8.extend(b"a\x80".repeat(500));
        let decoded = DecodeBytes::default().decode(&utf8);
        assert_eq!(decoded.encoding, UTF_8);
        assert_eq!(decoded.invalid_sequences, 500);
        assert_eq!(decoded.edits.len(), 1);
    }
}
