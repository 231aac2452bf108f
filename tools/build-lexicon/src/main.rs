//! Rebuilds `src/lexicon/english.fst` from the word lists in `tools/lexicon-sources/`.
//!
//! ```text
//! cargo run --release --manifest-path tools/build-lexicon/Cargo.toml
//! ```
//!
//! The output is a function of the sources alone (keys sorted, no timestamps), so a rebuild from
//! the same sources gives the same bytes; `.ci/run` checks that.
//!
//! Each key is a word as written (case kept); its value packs what the lexicon knows of it. The
//! layout is read by `src/lexicon/mod.rs`, which must agree with the constants below.
//!
//! | bits  | meaning |
//! |-------|---------|
//! | 0-7   | how common the word is: `round(4 * log2(count))` of its SymSpell count (Google Books n-grams), 0 if it has none; only on the keys of the SymSpell list, which are lower case |
//! | 8     | `WORD`: in SCOWL's american- or british-english-huge, in this exact case |
//! | 9     | `NAME`: a proper name (SCOWL's proper-name lists, or a capitalized word of the lists) |
//! | 10    | `POSSESSIVE`: the lists also hold `word's` |
//! | 11-18 | how often `word's` is written in wordfreq's English: `round(4 * log2(count per billion words))`, 0 if wordfreq does not list it; only on lower-case keys |
//! | 19-26 | the same for `words` (`word` and an "s"), where `word's` is listed |
//! | 27-30 | `APOSTROPHE`: where a name of the lists has an apostrophe that is not a possessive's, in bytes from its start (`O'Rourke`: 1), on the key written without it (`ORourke`), when that is no word of the lists itself (`Quran` is) |
//!
//! The count is kept to a quarter of a power of two (within 19%): exact counts would take every
//! key its own output and double the size of the map, and no use of it needs more.
//!
//! Entries that hold an apostrophe (`doesn't`, `o'clock`) are not keys: the `apostrophes` stage
//! keeps its own table of contractions; a `word's` entry becomes the `POSSESSIVE` bit of `word`,
//! and a name with an apostrophe (`O'Rourke`, `d'Estaing`) the `APOSTROPHE` bits of the name
//! written without it.

use std::collections::BTreeMap;
use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

const FREQUENCY_MASK: u64 = 0xff;
const WORD: u64 = 1 << 8;
const NAME: u64 = 1 << 9;
const POSSESSIVE: u64 = 1 << 10;
const POSSESSIVE_LEVEL_SHIFT: u32 = 11;
const APOSTROPHE_SHIFT: u32 = 27;
const PLURAL_LEVEL_SHIFT: u32 = 19;

/// A wordfreq Zipf value (log10 of the count per billion words) as a quarter power of two.
fn zipf_level(zipf: f64) -> u64 {
    if zipf <= 0.0 {
        0
    } else {
        (4.0 * zipf * std::f64::consts::LOG2_10).round().clamp(1.0, 255.0) as u64
    }
}

/// SCOWL's lists are UTF-8 in some releases and ISO-8859-1 in others; take each as it comes.
fn read_lines(path: &Path) -> Result<Vec<String>, Box<dyn Error>> {
    let bytes = fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => e.into_bytes().iter().map(|&b| b as char).collect(),
    };
    Ok(text.lines().map(|l| l.trim().to_owned()).filter(|l| !l.is_empty()).collect())
}

fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn main() -> Result<(), Box<dyn Error>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let sources = root.join("tools/lexicon-sources");
    let mut entries: BTreeMap<String, u64> = BTreeMap::new();

    // Names with an apostrophe inside ("O'Rourke"), and where it stands.
    let mut with_apostrophe: BTreeMap<String, u64> = BTreeMap::new();
    let mut add = |word: &str, bits: u64| {
        match word.strip_suffix("'s") {
            Some(base) if !base.contains('\'') && !base.is_empty() => {
                *entries.entry(base.to_owned()).or_default() |= POSSESSIVE
            }
            _ if word.contains('\'') => {
                // One apostrophe between letters, in a name (a capital after it or at the start).
                let at = word.find('\'').expect("an apostrophe");
                let (before, after) = (&word[..at], &word[at + 1..]);
                let letters = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphabetic());
                let name = is_capitalized(before) || is_capitalized(after);
                if name && letters(before) && letters(after) && at < 16 {
                    with_apostrophe.insert(format!("{before}{after}"), at as u64);
                }
            }
            _ => *entries.entry(word.to_owned()).or_default() |= bits,
        }
    };

    for list in ["american-english-huge", "british-english-huge"] {
        for word in read_lines(&sources.join(list))? {
            let name = if is_capitalized(&word) { NAME } else { 0 };
            add(&word, WORD | name);
        }
    }
    for size in [50, 80, 95] {
        for list in ["english-proper-names", "american-proper-names"] {
            for word in read_lines(&sources.join(format!("scowl/{list}.{size}")))? {
                add(&word, WORD | NAME);
            }
        }
    }
    for line in read_lines(&sources.join("frequency_dictionary_en_82_765.txt"))? {
        let mut fields = line.split_whitespace();
        let (Some(word), Some(count)) = (fields.next(), fields.next()) else {
            return Err(format!("frequency list: bad line {line:?}").into());
        };
        if word.contains('\'') {
            continue;
        }
        let count: u64 = count.parse()?;
        let level = (4.0 * (count.max(1) as f64).log2()).round() as u64;
        let value = entries.entry(word.to_owned()).or_default();
        *value = (*value & !FREQUENCY_MASK) | level.clamp(1, FREQUENCY_MASK);
    }

    for (word, at) in with_apostrophe {
        if entries.contains_key(&word) || entries.contains_key(&word.to_lowercase()) {
            // "Quran", "Sharia": written without the apostrophe too.
            continue;
        }
        entries.insert(word, at << APOSTROPHE_SHIFT);
    }
    for line in read_lines(&sources.join("wordfreq-possessives.tsv"))? {
        if line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [word, possessive, plural] = fields[..] else {
            return Err(format!("wordfreq list: bad line {line:?}").into());
        };
        let value = entries.entry(word.to_owned()).or_default();
        *value |= zipf_level(possessive.parse()?) << POSSESSIVE_LEVEL_SHIFT
            | zipf_level(plural.parse()?) << PLURAL_LEVEL_SHIFT;
    }

    let mut builder = fst::MapBuilder::memory();
    for (word, value) in &entries {
        builder.insert(word, *value)?;
    }
    let bytes = builder.into_inner()?;
    let out = root.join("src/lexicon/english.fst");
    fs::create_dir_all(out.parent().expect("a parent"))?;
    fs::write(&out, &bytes)?;
    eprintln!("{} words, {} bytes -> {}", entries.len(), bytes.len(), out.display());
    Ok(())
}
