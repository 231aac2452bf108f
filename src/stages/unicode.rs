//! `unicode`: one form for each character, and no invisible debris.
//!
//! **Repairs**, each behind its own setting:
//! - normalization to NFC (the default) or NFKC, so that `e` + U+0301 and `é` are one string;
//! - line endings: `\r\n`, a lone `\r`, NEL (U+0085), U+2028 and U+2029 become `\n`;
//! - control characters (C0 other than tab and newline, DEL, C1) removed;
//! - invisible characters removed: byte order marks inside the text (U+FEFF), zero-width spaces
//!   (U+200B), soft hyphens (U+00AD);
//! - no-break spaces (U+00A0, U+2007, U+202F) become plain spaces;
//! - ligatures folded: `ﬁ` → `fi`, `ĳ` → `ij`, `ǌ` → `nj`, `ŉ` → `ʼn`;
//! - full-width forms folded outside CJK text: `Ｎｉｎｇｂｏ，Ｃｈｉｎａ` → `Ningbo,China`, the
//!   ideographic space to a space (in Chinese, Japanese and Korean text they are the correct
//!   typography, and stay: `中文，中文`, `第１回`);
//! - curly quotes folded to straight ones (`‘’‚‛ʼ` → `'`, `“”„‟` → `"`): **off** by default, since
//!   they are correct typography, and apostrophe restoration reads them.
//!
//! **Will not touch** the zero-width joiner and non-joiner (U+200D, U+200C: they carry meaning in
//! emoji sequences and in Persian and Indic scripts), tabs, bidirectional marks, or anything that
//! NFC keeps distinct (NFC never changes how text reads; NFKC, which can, is only an option).
//!
//! **Evidence**: none is needed: each of these characters has one canonical replacement. Text
//! that is already normal is checked with Unicode's quick check, on its non-ASCII stretches only,
//! and comes back borrowed.
//!
//! ```
//! use textmend::{Meta, Stage};
//! use textmend::stages::NormalizeUnicode;
//!
//! let stage = NormalizeUnicode::default();
//! let out = stage.apply("Cafe\u{301}\r\nﬁve\u{a0}o\u{200b}clock", &mut Meta::default());
//! assert_eq!(out.text(), "Café\nfive oclock");
//! assert!(stage.apply("Already “clean” text.\n", &mut Meta::default()).is_unchanged());
//! ```

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick, is_nfkc_quick};

use crate::edit::{Rewrite, Rewriter};
use crate::{Meta, Stage};

/// Which Unicode normalization form the `unicode` stage produces.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Normalization {
    /// Canonical composition: changes nothing a reader can see.
    #[default]
    Nfc,
    /// Compatibility composition: also folds `²` to `2`, `ﬁ` to `fi`, `①` to `1`.
    Nfkc,
    /// No normalization.
    None,
}

/// The `unicode` stage's settings. All on by default, except `curly_quotes`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct NormalizeUnicode {
    /// The normalization form.
    pub normalization: Normalization,
    /// `\r\n`, `\r`, NEL, U+2028 and U+2029 to `\n`.
    pub line_endings: bool,
    /// Remove control characters other than tab and newline.
    pub controls: bool,
    /// Remove byte order marks inside the text, zero-width spaces and soft hyphens.
    pub invisible: bool,
    /// No-break spaces to plain spaces.
    pub no_break_spaces: bool,
    /// Fold ligatures (`ﬁ`, `ĳ`, `ǌ`, `ŉ`).
    pub ligatures: bool,
    /// Fold full-width forms to ASCII.
    pub full_width: bool,
    /// Fold curly quotes and apostrophes to straight ones.
    pub curly_quotes: bool,
}

impl Default for NormalizeUnicode {
    fn default() -> Self {
        NormalizeUnicode {
            normalization: Normalization::Nfc,
            line_endings: true,
            controls: true,
            invisible: true,
            no_break_spaces: true,
            ligatures: true,
            full_width: true,
            curly_quotes: false,
        }
    }
}

impl NormalizeUnicode {
    /// Sets [`normalization`](Self::normalization).
    pub fn normalization(mut self, form: Normalization) -> Self {
        self.normalization = form;
        self
    }

    /// Sets [`line_endings`](Self::line_endings).
    pub fn line_endings(mut self, on: bool) -> Self {
        self.line_endings = on;
        self
    }

    /// Sets [`controls`](Self::controls).
    pub fn controls(mut self, on: bool) -> Self {
        self.controls = on;
        self
    }

    /// Sets [`invisible`](Self::invisible).
    pub fn invisible(mut self, on: bool) -> Self {
        self.invisible = on;
        self
    }

    /// Sets [`no_break_spaces`](Self::no_break_spaces).
    pub fn no_break_spaces(mut self, on: bool) -> Self {
        self.no_break_spaces = on;
        self
    }

    /// Sets [`ligatures`](Self::ligatures).
    pub fn ligatures(mut self, on: bool) -> Self {
        self.ligatures = on;
        self
    }

    /// Sets [`full_width`](Self::full_width).
    pub fn full_width(mut self, on: bool) -> Self {
        self.full_width = on;
        self
    }

    /// Sets [`curly_quotes`](Self::curly_quotes).
    pub fn curly_quotes(mut self, on: bool) -> Self {
        self.curly_quotes = on;
        self
    }

    /// What a non-ASCII character becomes, and why; `None` when it stays.
    fn map(&self, c: char, in_cjk: bool) -> Option<(Cow<'static, str>, &'static str)> {
        let fixed = |s: &'static str| Cow::Borrowed(s);
        let (with, why) = match c {
            '\u{85}' | '\u{2028}' | '\u{2029}' if self.line_endings => (fixed("\n"), "line ending"),
            '\u{80}'..='\u{9f}'
            | '\0'..='\u{8}'
            | '\u{b}'..='\u{c}'
            | '\u{e}'..='\u{1f}'
            | '\u{7f}'
                if self.controls =>
            {
                (fixed(""), "control character")
            }
            '\u{feff}' if self.invisible => (fixed(""), "byte order mark"),
            '\u{200b}' if self.invisible => (fixed(""), "zero-width space"),
            '\u{ad}' if self.invisible => (fixed(""), "soft hyphen"),
            '\u{a0}' | '\u{2007}' | '\u{202f}' if self.no_break_spaces => {
                (fixed(" "), "no-break space")
            }
            '\u{fb00}'..='\u{fb06}'
            | 'Ĳ'
            | 'ĳ'
            | 'ŉ'
            | '\u{1c4}'..='\u{1cc}'
            | '\u{1f1}'..='\u{1f3}'
                if self.ligatures =>
            {
                let folded = match c {
                    'ŉ' if self.curly_quotes => "'n",
                    _ => ligature(c),
                };
                (fixed(folded), "ligature")
            }
            '\u{ff01}'..='\u{ff5e}' if self.full_width && !in_cjk => {
                // The ASCII character 0x21..=0x7E, borrowed.
                const PRINTABLE: &str = "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ\
                                         [\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
                let at = (c as u32 - 0xFF01) as usize;
                (fixed(&PRINTABLE[at..=at]), "full-width form")
            }
            '\u{3000}' if self.full_width && !in_cjk => (fixed(" "), "full-width form"),
            '‘' | '’' | '‚' | '‛' | 'ʼ' if self.curly_quotes => {
                (fixed("'"), "curly quote")
            }
            '“' | '”' | '„' | '‟' if self.curly_quotes => (fixed("\""), "curly quote"),
            _ => return None,
        };
        Some((with, why))
    }

    /// An ASCII control character this stage removes: C0 other than tab, line feed and carriage
    /// return (line endings are their own setting), and DEL.
    fn deletes_control(&self, b: u8) -> bool {
        self.controls && (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r') || b == 0x7F)
    }

    fn needs_normalizing(&self, run: &str) -> bool {
        let quick = match self.normalization {
            Normalization::Nfc if run.chars().all(nfc_inert) => return false,
            Normalization::Nfc => is_nfc_quick(run.chars()),
            Normalization::Nfkc => is_nfkc_quick(run.chars()),
            Normalization::None => return false,
        };
        quick != IsNormalized::Yes
    }

    fn normalize(&self, text: &str) -> String {
        match self.normalization {
            Normalization::Nfc => text.nfc().collect(),
            Normalization::Nfkc => text.nfkc().collect(),
            Normalization::None => text.to_owned(),
        }
    }

    fn form_name(&self) -> &'static str {
        match self.normalization {
            Normalization::Nfc => "NFC",
            Normalization::Nfkc => "NFKC",
            Normalization::None => "",
        }
    }

    /// Rewrites the non-ASCII stretch `start..end` of `text` (and, when it must be normalized,
    /// the ASCII character before it, which a combining mark may join).
    fn non_ascii_run(&self, out: &mut Rewriter<'_>, text: &str, start: usize, end: usize) {
        let run = &text[start..end];
        // Most runs hold only characters that stay and that NFC leaves alone: settled in one
        // pass over them (what follows would come to the same, at more cost).
        let inert = |c: char| {
            nfc_inert(c) && (!may_map(c) || !is_full_width(c) && self.map(c, false).is_none())
        };
        if self.normalization != Normalization::Nfkc && run.chars().all(inert) {
            return;
        }
        // What each character becomes: (offset in the run, length, the replacement, why), those
        // side by side with the same reason taken together, as the log would merge them anyway
        // (a million control characters are one change, not a million).
        let mut changes: Vec<(usize, usize, Cow<'static, str>, &'static str)> = Vec::new();
        let mut push = |i: usize, len: usize, with: Cow<'static, str>, why: &'static str| {
            if let Some(last) = changes.last_mut()
                && last.0 + last.1 == i
                && last.3 == why
            {
                last.1 += len;
                if !with.is_empty() {
                    last.2.to_mut().push_str(&with);
                }
            } else {
                changes.push((i, len, with, why));
            }
        };
        let bytes = run.as_bytes();
        let mut cjk = CjkContext::default();
        let mut i = 0;
        while i < run.len() {
            if bytes[i] < 0x80 {
                // The ASCII characters of a run are control characters this stage removes, each
                // of them (the run ends at any other).
                let n = bytes[i..].iter().take_while(|&&b| b < 0x80).count();
                push(i, n, Cow::Borrowed(""), "control character");
                i += n;
                continue;
            }
            let c = run[i..]
                .chars()
                .next()
                .expect("i is on a character boundary");
            if may_map(c)
                && let Some((with, why)) = self.map(c, is_full_width(c) && cjk.at(run, i))
            {
                push(i, c.len_utf8(), with, why);
            }
            i += c.len_utf8();
        }
        let mapped = (!changes.is_empty()).then(|| {
            let mut s = String::with_capacity(run.len());
            let mut at = 0;
            for (i, len, with, _) in &changes {
                s.push_str(&run[at..*i]);
                s.push_str(with);
                at = i + len;
            }
            s.push_str(&run[at..]);
            s
        });
        let current = mapped.as_deref().unwrap_or(run);
        if !self.needs_normalizing(current) {
            // Character by character, so that each edit says what it was.
            for (i, len, with, why) in &changes {
                out.replace(start + i..start + i + len, with, *why);
            }
            return;
        }
        let base = (start > out.position())
            .then(|| text.as_bytes()[start - 1])
            .filter(|b| b.is_ascii_graphic());
        let chunk_start = if base.is_some() { start - 1 } else { start };
        let mut input = String::with_capacity(end - chunk_start);
        if let Some(b) = base {
            input.push(char::from(b));
        }
        input.push_str(current);
        let normal = self.normalize(&input);
        let mut reasons: Vec<&str> = Vec::new();
        for (_, _, _, why) in &changes {
            if !reasons.contains(why) {
                reasons.push(why);
            }
        }
        reasons.push(self.form_name());
        let reason = reasons.join("; ");
        out.replace(chunk_start..end, &normal, reason);
    }
}

/// True for a character of the Basic Multilingual Plane that NFC leaves alone whatever surrounds
/// it: its quick-check value is Yes and its combining class 0. A run of such characters is in NFC,
/// which a bit table (built once, from the crate's own quick check) says at a lookup a character.
pub(crate) fn nfc_inert(c: char) -> bool {
    // A block of 256 characters at a time, each when a character of it is first asked about (a
    // document asks about a few blocks; all 256 cost 12 M instructions).
    static INERT: [OnceLock<[u64; 4]>; 256] = [const { OnceLock::new() }; 256];
    let code = c as usize;
    let Some(block) = INERT.get(code / 256) else {
        return false;
    };
    let bits = block.get_or_init(|| {
        let mut bits = [0u64; 4];
        let first = (code / 256 * 256) as u32;
        for k in 0..256u32 {
            if let Some(c) = char::from_u32(first + k)
                && canonical_combining_class(c) == 0
                && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
            {
                bits[k as usize / 64] |= 1 << (k % 64);
            }
        }
        bits
    });
    bits[code % 256 / 64] & (1 << (code % 64)) != 0
}

/// False for characters [`NormalizeUnicode::map`] never changes: most letters of most scripts,
/// found with two comparisons.
fn may_map(c: char) -> bool {
    matches!(c as u32, 0x0..=0x8 | 0xB | 0xC | 0xE..=0x1F | 0x7F..=0x1F3 | 0x2BC | 0x2000..=0x206F | 0x3000 | 0xFB00..=0xFB06 | 0xFEFF..=0xFF5E)
}

/// Han, kana, Hangul and CJK punctuation: the scripts whose typography uses full-width forms.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x2E80..=0x2FDF | 0x3001..=0x3029 | 0x3030..=0x303F | 0x3040..=0x30FF | 0x3130..=0x318F
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF61..=0xFF9F
        | 0x20000..=0x3FFFF)
}

fn is_full_width(c: char) -> bool {
    matches!(c, '\u{ff01}'..='\u{ff5e}' | '\u{3000}')
}

/// True when the full-width form at byte `i` of `run` sits in CJK text: the nearest characters
/// that are not full-width forms, on either side, include a CJK one. There `，` and `１` are
/// correct typography; beside Latin text (`Ningbo，China`) they are conversion debris.
#[cfg(test)]
fn full_width_in_cjk(run: &str, i: usize) -> bool {
    // Combining marks are skipped: NFC may reorder them, and they belong to what they follow.
    // Within a few dozen characters: a long stretch of full-width forms is not scanned for each.
    let before = run[..i].chars().rev().take(64).find(|&c| cjk_context(c));
    let after = run[i..].chars().take(64).find(|&c| cjk_context(c));
    before.is_some_and(is_cjk) || after.is_some_and(is_cjk)
}

/// [`full_width_in_cjk`] for each full-width form of a run, read left to right, with the context
/// of a stretch of them found once for the stretch: a million full-width commas cost a million
/// lookups, not a scan of 128 characters each.
#[derive(Default)]
struct CjkContext {
    /// The stretch of full-width forms (byte range in the run) last met, ...
    stretch: std::ops::Range<usize>,
    /// ... how many characters of it lie before its end, ...
    len: usize,
    /// ... the nearest context character before it (and how many characters back it is, 1 for
    /// the one just before), within 64, ...
    before: Option<(usize, char)>,
    /// ... and after it (0 for the one just after), within 63.
    after: Option<(usize, char)>,
    /// Which character of the stretch the last one asked was, and where it ended.
    index: usize,
    next: usize,
}

impl CjkContext {
    /// Whether the full-width form at byte `i` of `run` sits in CJK text, as
    /// [`full_width_in_cjk`] says; `i` after the one asked before.
    fn at(&mut self, run: &str, i: usize) -> bool {
        if self.stretch.contains(&i) {
            // The stretch is all full-width forms, two or three bytes each: count to `i`.
            self.index += 1 + run[self.next..i].chars().count();
        } else {
            let len = run[i..].chars().take_while(|&c| is_full_width(c)).count();
            let end = i + run[i..]
                .char_indices()
                .find(|&(_, c)| !is_full_width(c))
                .map_or(run.len() - i, |(at, _)| at);
            self.stretch = i..end;
            self.len = len;
            self.before = run[..i]
                .chars()
                .rev()
                .take(64)
                .enumerate()
                .find(|&(_, c)| cjk_context(c))
                .map(|(k, c)| (k + 1, c));
            self.after = run[end..]
                .chars()
                .take(63)
                .enumerate()
                .find(|&(_, c)| cjk_context(c));
            self.index = 0;
        }
        self.next = i + run[i..].chars().next().map_or(0, char::len_utf8);
        // The character `index` of the stretch: the context before it is `index` more back, the
        // one after it `len - index` more on (counting itself), as the scan of 64 characters
        // either way reaches.
        let before = self
            .before
            .is_some_and(|(k, c)| k + self.index <= 64 && is_cjk(c));
        let after = self
            .after
            .is_some_and(|(k, c)| k + self.len - self.index <= 63 && is_cjk(c));
        before || after
    }
}

/// A character that tells whether full-width forms beside it are CJK typography: not a
/// full-width form itself, and not a combining mark (NFC may reorder those, and they belong to
/// what they follow).
fn cjk_context(c: char) -> bool {
    !is_full_width(c) && canonical_combining_class(c) == 0
}

fn ligature(c: char) -> &'static str {
    match c {
        '\u{fb00}' => "ff",
        '\u{fb01}' => "fi",
        '\u{fb02}' => "fl",
        '\u{fb03}' => "ffi",
        '\u{fb04}' => "ffl",
        '\u{fb05}' | '\u{fb06}' => "st",
        'Ĳ' => "IJ",
        'ĳ' => "ij",
        'ŉ' => "ʼn",
        '\u{1c4}' => "DŽ",
        '\u{1c5}' => "Dž",
        '\u{1c6}' => "dž",
        '\u{1c7}' => "LJ",
        '\u{1c8}' => "Lj",
        '\u{1c9}' => "lj",
        '\u{1ca}' => "NJ",
        '\u{1cb}' => "Nj",
        '\u{1cc}' => "nj",
        '\u{1f1}' => "DZ",
        '\u{1f2}' => "Dz",
        _ => "dz",
    }
}

impl Stage for NormalizeUnicode {
    fn name(&self) -> &str {
        "unicode"
    }

    fn config(&self) -> Option<crate::StageConfig> {
        Some(crate::StageConfig::Unicode(self.clone()))
    }

    fn apply<'a>(&self, text: &'a str, _meta: &mut Meta) -> Rewrite<'a> {
        let bytes = text.as_bytes();
        let mut out = Rewriter::new(text);
        let mut i = 0;
        loop {
            // Printable ASCII is never changed.
            i = crate::scan::skip_plain_ascii(bytes, i);
            let Some(&b) = bytes.get(i) else {
                break;
            };
            if b >= 0x80 || self.deletes_control(b) {
                // A stretch of non-ASCII characters and the control characters among them, taken
                // together so that a combining mark meets its base once a control between them
                // is gone.
                let end = bytes[i..]
                    .iter()
                    .position(|&b| b < 0x80 && !self.deletes_control(b))
                    .map_or(bytes.len(), |n| i + n);
                self.non_ascii_run(&mut out, text, i, end);
                i = end;
                continue;
            }
            if b == b'\r' && self.line_endings {
                let len = if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                out.replace(i..i + len, "\n", "line ending");
                i += len;
                continue;
            }
            i += 1;
        }
        out.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_inert_answers_as_the_quick_check() {
        for code in (0..0x10000u32).chain([0x1F600, 0x10FFFF]) {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let inert = code < 0x10000
                && canonical_combining_class(c) == 0
                && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes;
            assert_eq!(nfc_inert(c), inert, "{code:x}");
        }
    }

    fn apply(stage: &NormalizeUnicode, text: &str) -> String {
        stage.apply(text, &mut Meta::default()).text().to_owned()
    }

    #[test]
    fn each_setting() {
        let s = NormalizeUnicode::default();
        assert_eq!(
            apply(&s, "a\r\nb\rc\u{2028}d\u{2029}e\u{85}f"),
            "a\nb\nc\nd\ne\nf"
        );
        assert_eq!(apply(&s, "a\u{1}b\u{7f}c\u{9f}d\u{1a}"), "abcd");
        assert_eq!(apply(&s, "\u{feff}a\u{feff}b\u{200b}c\u{ad}d"), "abcd");
        assert_eq!(apply(&s, "👩\u{200d}💻 \u{200c}"), "👩\u{200d}💻 \u{200c}");
        assert_eq!(apply(&s, "1\u{a0}000\u{202f}€"), "1 000 €");
        assert_eq!(apply(&s, "ﬁnal ĳs korišteǌem"), "final ijs korištenjem");
        assert_eq!(apply(&s, "Ｎｉｎｇｂｏ，Ｃｈｉｎａ　１"), "Ningbo,China 1");
        assert_eq!(
            apply(&s, "中文，中文（ＡＢＣ）第１回　日本"),
            "中文，中文（ＡＢＣ）第１回　日本"
        );
        assert_eq!(apply(&s, "Ningbo，China 中文"), "Ningbo,China 中文");
        assert_eq!(apply(&s, "“it’s”"), "“it’s”");
        assert_eq!(
            apply(&s.clone().curly_quotes(true), "“it’s” ‚x‛"),
            "\"it's\" 'x'"
        );
        assert_eq!(apply(&s, "e\u{301} A\u{30a}"), "é Å");
        assert_eq!(
            apply(&s.clone().normalization(Normalization::Nfkc), "x² ①"),
            "x2 1"
        );
        assert_eq!(
            apply(&s.clone().normalization(Normalization::None), "e\u{301}"),
            "e\u{301}"
        );
    }

    /// Found by fuzzing: a control character between a base and its combining mark hid the mark
    /// from the base, and a second run composed them.
    #[test]
    fn a_removed_control_lets_a_mark_join_its_base() {
        let s = NormalizeUnicode::default();
        assert_eq!(apply(&s, "G\u{1}\u{30c} e\u{7f}\u{301}\u{1}x"), "Ǧ éx");
        let once = apply(&s, "£ÄG\u{8}\u{30c}...");
        assert!(
            s.apply(&once, &mut Meta::default()).is_unchanged(),
            "{once:?}"
        );
    }

    /// Found by fuzzing: a combining mark after a full-width form, which NFC reorders, was taken
    /// for the CJK text around it.
    #[test]
    fn marks_are_not_cjk_context() {
        let s = NormalizeUnicode::default();
        let once = apply(&s, "\n`，\u{20ec}\u{302e}");
        assert!(
            s.apply(&once, &mut Meta::default()).is_unchanged(),
            "{once:?}"
        );
    }

    #[test]
    fn full_width_forms_are_folded_to_their_ascii() {
        let s = NormalizeUnicode::default();
        let all: String = ('\u{ff01}'..='\u{ff5e}').collect();
        let ascii: String = ('!'..='~').collect();
        assert_eq!(apply(&s, &all), ascii);
    }

    /// The context of a stretch of full-width forms, found once, says what a scan from each
    /// would: at the edges of the 64 characters either way too, and past combining marks.
    #[test]
    fn cjk_context_agrees_with_a_scan_from_each_form() {
        let pieces = ["，", "Ａ", "　", "中", "a", "é", "\u{301}", "\u{20ec}", " "];
        let mut seed = 7u64;
        for _ in 0..400 {
            let mut run = String::new();
            while run.chars().count() < 300 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let piece = pieces[(seed >> 33) as usize % pieces.len()];
                let times = [1, 1, 2, 30, 62, 63, 64, 65, 100][(seed >> 40) as usize % 9];
                run.push_str(&piece.repeat(times));
            }
            let mut cjk = CjkContext::default();
            for (i, c) in run.char_indices() {
                if is_full_width(c) {
                    assert_eq!(
                        cjk.at(&run, i),
                        full_width_in_cjk(&run, i),
                        "{:?} at {i}",
                        run.chars()
                            .map(|c| if is_full_width(c) {
                                'F'
                            } else if is_cjk(c) {
                                'C'
                            } else if cjk_context(c) {
                                'x'
                            } else {
                                'm'
                            })
                            .collect::<String>()
                    );
                }
            }
        }
    }

    #[test]
    fn clean_text_is_borrowed() {
        let s = NormalizeUnicode::default();
        for text in [
            "plain",
            "Çok güzel, “quoted” — ok",
            "дорога",
            "日本語",
            "👍🏽 emoji",
            "ש׳",
        ] {
            assert!(s.apply(text, &mut Meta::default()).is_unchanged(), "{text}");
        }
    }

    #[test]
    fn edits_name_the_reason() {
        let out = NormalizeUnicode::default().apply("a\u{a0}b", &mut Meta::default());
        assert_eq!(out.edits()[0].reason, "no-break space");
        let out = NormalizeUnicode::default().apply("e\u{301}\u{a0}", &mut Meta::default());
        assert_eq!(out.edits()[0].reason, "no-break space; NFC");
    }
}
