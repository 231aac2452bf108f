//! Possessives written without their apostrophe ("Russias Sochi city", "the childrens hospital").
//!
//! `Xs` becomes `X's` only when `Xs` is not a word, or is a word far too rare to be meant, while
//! `X` is: a proper name of the lexicon, a capitalized word the same document uses on its own
//! (the only evidence for a name in accented Latin letters, "Rossellós"),
//! or a common noun whose plural is not `Xs` ("children", "company"). And always only before a
//! word that a possessive can stand before: "the Nagiyevs and the Aliyevs" are two families
//! (a preposition or adverb written with a capital before a capitalized word opens a name, and
//! can be owned: "Hulus Beyond Fest"; so does a compound written with a hyphen, "Melbournes
//! well-educated workforce", but a verb's prefix: "the Nagiyevs re-elected him"; and a verb's
//! base form that a singular's verb follows is a noun: "Munks work was later used").

use crate::fast_hash::FastHash;
use std::collections::{HashMap, HashSet};

use super::words::Word;
use crate::lexicon::Lexicon;

/// A proper name's possessive, and the evidence for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Evidence {
    /// `X` is a proper name, or a common noun with an irregular plural, in the lexicon.
    Lexicon,
    /// `X` is written on its own elsewhere in the document.
    Document,
}

/// Where a document writes the capitalized words that possessives were asked of: how often on
/// its own, and after which capitalized word.
pub(super) struct Names<'t> {
    /// Each name asked of, and how many times it is written not right before another
    /// capitalized word (on its own: "Russia", not only "New" of "New York"; "Trump" of "Donald
    /// Trump" counts).
    seen: HashMap<Key<'t>, u32, FastHash>,
    /// The names asked of that the document writes as the first word of a longer name, right
    /// before another capitalized word ("Manohar" of "Manohar Parrikar").
    leading: HashSet<Key<'t>, FastHash>,
    /// The pairs asked of (a capitalized word, then the name: "Hong Kong") that the document
    /// writes, and how many times.
    pairs: HashMap<(Key<'t>, Key<'t>), u32, FastHash>,
    /// Of those pairs, how many times the document writes each where a plural stands: at the
    /// end of a clause, or before a word that ends a noun phrase or reads as a verb ("the
    /// Revolutionary Guards said", "Red Hats." if "Red Hats" were a plural).
    plural_pairs: HashMap<(Key<'t>, Key<'t>), u32, FastHash>,
    /// The names asked of that the document defines as an acronym, in brackets after the
    /// capitalized words they stand for ("World Health Organization (WHO)"): the name of one
    /// organization, not a count of things ("Members of Parliament (MPs)" defines "MPs").
    defined: HashSet<Key<'t>, FastHash>,
    /// Answers every question with yes: what a rule would decide if the document had all the
    /// evidence it could. The rules only ever accept on more evidence, so a word this refuses is
    /// refused, and only the words it accepts are asked of the real document.
    optimistic: bool,
}

/// A capitalized word as the rules compare it: its letters, without apostrophes, so that
/// "Russia's" and "Russias" are one word and restoring an apostrophe changes no answer (a
/// second run must decide as the first did).
#[derive(Debug, Clone, Copy)]
struct Key<'t>(&'t str);

impl Key<'_> {
    fn letters(&self) -> impl Iterator<Item = u8> + '_ {
        self.0.split(['\'', '’']).flat_map(str::bytes)
    }
}

impl PartialEq for Key<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0 || self.letters().eq(other.letters())
    }
}

impl Eq for Key<'_> {}

impl std::hash::Hash for Key<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        if self.0.bytes().all(|b| b.is_ascii_alphabetic()) {
            state.write(self.0.as_bytes());
        } else {
            state.write(&self.letters().collect::<Vec<u8>>());
        }
    }
}

/// A word written like a name or an acronym: a capital, then letters (accented ones too:
/// "Rosselló"), apostrophes allowed (so that "Russias" and "Russia's", "DONT" and "DON'T" count
/// alike, and restoring one changes nothing).
fn name_like(word: &str) -> bool {
    let bytes = word.as_bytes();
    // The bytes of `’` (E2 80 99) stand in a word only as `’`: no letter of those bytes alone.
    bytes[0].is_ascii_uppercase()
        && (bytes
            .iter()
            .all(|&b| b.is_ascii_alphabetic() || matches!(b, b'\'' | 0xE2 | 0x80 | 0x99))
            || word
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’')))
}

impl<'t> Names<'t> {
    /// No names: the document was asked nothing.
    pub fn none() -> Self {
        Names {
            optimistic: false,
            ..Names::optimistic()
        }
    }

    /// Names that say yes to everything (see [`Names::optimistic`](Names)).
    pub fn optimistic() -> Self {
        Names {
            seen: HashMap::with_hasher(FastHash),
            leading: HashSet::with_hasher(FastHash),
            pairs: HashMap::with_hasher(FastHash),
            plural_pairs: HashMap::with_hasher(FastHash),
            defined: HashSet::with_hasher(FastHash),
            optimistic: true,
        }
    }

    /// Reads `text` for the names asked of: each `(prev, name)` is a name and, if the word
    /// before it is capitalized, that word. One pass over the words, and most capitalized words
    /// cost only a look at their length and letters, not a hash.
    pub fn asked(text: &'t str, words: &[Word], asked: &[(Option<&'t str>, &'t str)]) -> Self {
        let mut seen = HashMap::with_hasher(FastHash);
        let mut wanted = HashSet::with_hasher(FastHash);
        // A filter of the names asked of, by length and first, second and last letter, mixed
        // into one of 4096 bits: a document without apostrophes asks thousands of names, which
        // share few lengths and first and last letters ("Xs" and "X").
        let mut filter = [0u64; 64];
        let slot = |w: Key<'_>| {
            let b = w.0.as_bytes();
            let (len, first, second, last) = if b.iter().all(u8::is_ascii_alphabetic) {
                (
                    b.len(),
                    b[0],
                    b.get(1).copied().unwrap_or(0),
                    b[b.len() - 1],
                )
            } else {
                let letters: Vec<u8> = w.letters().collect();
                let at = |k: usize| letters.get(k).copied().unwrap_or(0);
                (
                    letters.len(),
                    at(0),
                    at(1),
                    letters.last().copied().unwrap_or(0),
                )
            };
            let packed = u32::from_le_bytes([first, second, last, len as u8]);
            (packed.wrapping_mul(0x9E37_79B1) >> 20) as usize
        };
        for &(prev, name) in asked {
            seen.insert(Key(name), 0);
            let k = slot(Key(name));
            filter[k / 64] |= 1 << (k % 64);
            if let Some(p) = prev.filter(|p| name_like(p)) {
                wanted.insert((Key(p), Key(name)));
            }
        }
        let mut pairs = HashMap::with_hasher(FastHash);
        let mut plural_pairs = HashMap::with_hasher(FastHash);
        let mut defined = HashSet::with_hasher(FastHash);
        let mut leading = HashSet::with_hasher(FastHash);
        for (i, w) in words.iter().enumerate() {
            if !text.as_bytes()[w.start].is_ascii_uppercase() {
                continue;
            }
            let word = Key(&text[w.range()]);
            let k = slot(word);
            if filter[k / 64] & (1 << (k % 64)) == 0 || !name_like(word.0) {
                continue;
            }
            let Some(count) = seen.get_mut(&word) else {
                continue;
            };
            let next_is_name = words.get(i + 1).is_some_and(|n| {
                w.joined_to_next && !n.sentence_start && name_like(&text[n.range()])
            });
            *count += u32::from(!next_is_name);
            if next_is_name {
                leading.insert(word);
            }
            let bytes = text.as_bytes();
            if w.start > 0
                && bytes[w.start - 1] == b'('
                && bytes.get(w.end) == Some(&b')')
                && i > 0
                && bytes[words[i - 1].start].is_ascii_uppercase()
                && word.0.bytes().all(|b| b.is_ascii_uppercase())
            {
                defined.insert(word);
            }
            // (Only a capitalized word is a `prev` of `wanted`: the others are not hashed.)
            if i > 0
                && !w.sentence_start
                && words[i - 1].joined_to_next
                && bytes[words[i - 1].start].is_ascii_uppercase()
            {
                let prev = Key(&text[words[i - 1].range()]);
                if wanted.contains(&(prev, word)) {
                    *pairs.entry((prev, word)).or_insert(0) += 1;
                    // Only a pair with an "s" is asked how it reads.
                    let next = words
                        .get(i + 1)
                        .filter(|n| w.joined_to_next && !n.sentence_start)
                        .map(|n| &text[n.range()]);
                    if word.0.ends_with('s')
                        && next.is_none_or(|n| ends_noun_phrase(n) || reads_as_verb(n))
                    {
                        *plural_pairs.entry((prev, word)).or_insert(0) += 1;
                    }
                }
            }
        }
        Names {
            seen,
            leading,
            pairs,
            plural_pairs,
            defined,
            optimistic: false,
        }
    }

    /// Whether the document defines `name` as an acronym (see [`Names::defined`](Names)).
    fn defines(&self, name: &str) -> bool {
        self.optimistic || self.defined.contains(&Key(name))
    }

    /// How many times the document writes `name` on its own.
    fn standalone(&self, name: &str) -> u32 {
        if self.optimistic {
            return u32::MAX;
        }
        self.seen.get(&Key(name)).copied().unwrap_or(0)
    }

    /// Whether the document writes `name` as the first word of a longer name (see
    /// [`Names::leading`](Names)).
    fn leads(&self, name: &str) -> bool {
        self.optimistic || self.leading.contains(&Key(name))
    }

    /// Whether the document writes `name` where "Xs" stands: after the same capitalized word
    /// when "Xs" follows one ("Hong Kongs" needs "Hong Kong"), else on its own.
    fn written(&self, name: &str, prev: Option<&str>) -> bool {
        if self.optimistic {
            return true;
        }
        match prev.filter(|p| name_like(p)) {
            Some(p) if is_title(p) => {
                self.pairs.contains_key(&(Key(p), Key(name)))
                    || self.seen.get(&Key(name)).is_some_and(|&n| n > 0)
            }
            // "Oleksiy Honcharuks offer": a given name before a name the document writes on
            // its own, again and again ("seemingly Honcharuk", "with Honcharuk").
            Some(p) => {
                self.pairs.contains_key(&(Key(p), Key(name)))
                    || self.seen.get(&Key(name)).is_some_and(|&n| n >= 2)
            }
            None => self.seen.get(&Key(name)).is_some_and(|&n| n > 0),
        }
    }
}

/// Words that cannot follow a possessive: they end the noun phrase that `Xs` is in, so `Xs` is
/// a plural (or a verb).
fn ends_noun_phrase(next: &str) -> bool {
    // An acronym is not one of these words in capitals ("US" is not "us").
    if next.len() >= 2 && next.bytes().all(|b| b.is_ascii_uppercase()) {
        return false;
    }
    let mut buf = [0u8; 12];
    let Some(lower) = buf.get_mut(..next.len()) else {
        return false;
    };
    lower.copy_from_slice(next.as_bytes());
    lower.make_ascii_lowercase();
    let Ok(lower) = std::str::from_utf8(lower) else {
        return false;
    };
    never_opens_a_name(lower)
        || matches!(
            lower,
            "into"
                | "there"
                | "here"
                | "also"
                | "not"
                | "too"
                | "this"
                | "these"
                | "those"
                | "it"
                | "its"
                | "they"
                | "them"
                | "their"
                | "he"
                | "she"
                | "his"
                | "her"
                | "him"
                | "we"
                | "our"
                | "us"
                | "you"
                | "your"
                | "i"
                | "me"
                | "my"
                | "according"
                | "after"
                | "before"
                | "since"
                | "until"
                | "during"
                | "about"
                | "against"
                | "between"
                | "through"
                | "over"
                | "under"
                | "up"
                | "down"
                | "out"
                | "off"
                | "all"
                | "both"
                | "each"
                | "every"
                | "some"
                | "any"
                | "no"
                | "more"
                | "most"
                | "such"
                | "like"
                | "including"
                | "now"
                | "again"
                | "still"
                | "often"
                | "never"
                | "always"
                | "themselves"
                | "together"
                | "yet"
                | "am"
                | "being"
                | "per"
                | "via"
                | "near"
                | "without"
                | "within"
                | "across"
                | "along"
                | "around"
                | "behind"
                | "beyond"
                | "toward"
                | "towards"
                | "upon"
                | "among"
                | "despite"
                | "except"
                | "although"
                | "though"
                | "unless"
                | "whether"
                | "once"
                | "just"
                | "even"
                | "only"
                | "very"
                | "really"
                | "what"
                | "how"
                | "why"
                | "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "many"
                | "several"
                | "few"
                | "other"
                | "others"
                | "either"
                | "neither"
                | "onto"
                | "alongside"
                | "beside"
                | "besides"
                | "underneath"
                | "throughout"
                | "amid"
                | "amidst"
                | "atop"
                | "unto"
                | "whereas"
                | "thereby"
        )
}

/// Whether `next`, a word that ends a noun phrase in lower case ("beyond", "very"), is written
/// with a capital before another capitalized word, inside a sentence: the first word of a name
/// ("Hulus Beyond Fest", "the Observatorys Very Large Telescope"), which a possessive can own.
/// Not a conjunction, an article or a verb: "the Nagiyevs And Aliyevs" of a title written in
/// capitals are two families.
fn opens_a_name(next: &str, after_next: Option<&str>) -> bool {
    let capitalized = |w: &str| {
        w.len() >= 2
            && w.as_bytes()[0].is_ascii_uppercase()
            && w.bytes().skip(1).all(|b| b.is_ascii_lowercase())
    };
    capitalized(next)
        && after_next.is_some_and(|a| a.as_bytes()[0].is_ascii_uppercase())
        && !never_opens_a_name(&next.to_ascii_lowercase())
}

/// The words of [`ends_noun_phrase`] that never open a name, even written with a capital
/// before another capitalized word: conjunctions, articles, forms of "be", "have" and "do",
/// modals, verbs of saying, relative and subordinating words, and the commonest prepositions.
fn never_opens_a_name(lower: &str) -> bool {
    matches!(
        lower,
        "and"
            | "or"
            | "but"
            | "nor"
            | "vs"
            | "versus"
            | "the"
            | "a"
            | "an"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "have"
            | "has"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "do"
            | "does"
            | "did"
            | "said"
            | "says"
            | "say"
            | "told"
            | "who"
            | "which"
            | "that"
            | "whom"
            | "whose"
            | "where"
            | "when"
            | "while"
            | "if"
            | "because"
            | "so"
            | "then"
            | "than"
            | "as"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "from"
            | "with"
            | "by"
    )
}

/// Words in "-ed" and "-ally" after "Xs" are its verb or an adverb ("Egyptians raised",
/// "Neandertals specifically chose"): "Xs" is then a plural.
pub(super) fn reads_as_verb(next: &str) -> bool {
    let lower = next.to_ascii_lowercase();
    next.len() >= 4 && next.ends_with("ed") && !(next.ends_with("eed") && next.len() < 6)
        || next.len() >= 6 && (next.ends_with("ally") || next.ends_with("ely"))
        || super::contractions::form(lower.as_bytes()).is_some()
        || matches!(
            lower.as_str(),
            "came"
                | "went"
                | "got"
                | "made"
                | "took"
                | "gave"
                | "began"
                | "became"
                | "saw"
                | "found"
                | "left"
                | "felt"
                | "kept"
                | "held"
                | "brought"
                | "thought"
                | "won"
                | "lost"
                | "ran"
                | "met"
                | "paid"
                | "sent"
                | "spent"
                | "stood"
                | "wrote"
                | "knew"
                | "grew"
                | "drew"
                | "chose"
                | "fought"
                | "led"
                | "rose"
                | "fell"
                | "built"
                | "sought"
                | "spoke"
                | "broke"
                | "gone"
                | "done"
                | "seen"
                | "taken"
                | "given"
                | "want"
                | "need"
                | "think"
                | "know"
                | "get"
                | "make"
                | "go"
                | "take"
                | "see"
                | "come"
                | "seem"
                | "tend"
                | "live"
                | "work"
                | "believe"
                | "agree"
                | "claim"
                | "argue"
                | "hope"
                | "feel"
                | "remain"
                | "continue"
                | "appear"
                | "refuse"
        )
}

/// Whether the name joined by hyphens `whole` ("ABS-CBNs", "Mir-Mohammadis") is a possessive
/// by what stands around it: its last word no people's name, nothing before it that counts a
/// plural, a word in lower case after it that a possessive can stand before. (The stage asks
/// only in a document that has lost its apostrophes, and that writes the name without its "s".)
pub(super) fn compound_possessive(whole: &str, prev: Option<&str>, next: &str) -> bool {
    let last = whole.rsplit('-').next().unwrap_or(whole);
    let base = &last[..last.len() - 1];
    base.len() >= 2
        && !base.ends_with('s')
        && !demonym_like(base)
        && next.len() >= 3
        && next.bytes().all(|b| b.is_ascii_lowercase())
        && !ends_noun_phrase(next)
        && !reads_as_verb(next)
        && !prev.is_some_and(counts_a_plural)
}

/// Whether `next`, a verb's base form that is a noun too ("work", "claim"), is the noun a
/// possessive owns because a verb that agrees with a singular follows it ("Munks work was
/// later used", "the Presidents claim would tread"): were `next` a plural's verb, no verb could
/// follow it.
fn noun_before_verb(en: &Lexicon, next: &str, after_next: Option<&str>) -> bool {
    next.len() >= 3
        && next.bytes().all(|b| b.is_ascii_lowercase())
        && !next.ends_with("ed")
        && !next.ends_with('s')
        // ("{next}s" in lower case is the word in exactly its case: `next` is in lower case.)
        && en
            .get_lowercase_of_parts(&[next, "s"])
            .is_some_and(|e| e.is_word() && e.frequency() > 0)
        && matches!(
            after_next,
            Some("is" | "was" | "has" | "would" | "will" | "could" | "can" | "may" | "might")
        )
}

/// Words that are a plural's demonym or agent: "Egyptian", "Swede", "Neandertal", "Muslim"
/// ("Egyptians", "Swedes" are peoples, not owners).
fn demonym_like(base: &str) -> bool {
    [
        "an", "ese", "ish", "i", "er", "ist", "ite", "al", "e", "im", "ic",
    ]
    .iter()
    .any(|suffix| base.ends_with(suffix))
}

/// Titles before a name: "President Trumps" needs "Trump", not "President Trump", in the
/// document.
fn is_title(word: &str) -> bool {
    matches!(
        word,
        "President"
            | "Senator"
            | "Sen"
            | "Governor"
            | "Gov"
            | "Representative"
            | "Rep"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Dr"
            | "Judge"
            | "Justice"
            | "King"
            | "Queen"
            | "Prince"
            | "Princess"
            | "Pope"
            | "General"
            | "Minister"
            | "Chancellor"
            | "Premier"
            | "Mayor"
            | "Secretary"
            | "Speaker"
            | "Lord"
            | "Lady"
            | "Sir"
            | "Saint"
            | "St"
            | "Captain"
            | "Chief"
            | "Director"
            | "Professor"
            | "Prof"
            | "Coach"
            | "Commissioner"
            | "Ambassador"
            | "Leader"
            | "Chairman"
            | "Chairwoman"
            | "Sheikh"
            | "Sultan"
    )
}

/// Words before a plural that count it: "two MPs", "the IDs", "many NGOs".
fn counts_a_plural(prev: &str) -> bool {
    super::words::is_number(prev)
        || matches!(
            prev.to_ascii_lowercase().as_str(),
            "the"
                | "these"
                | "those"
                | "many"
                | "several"
                | "some"
                | "all"
                | "of"
                | "other"
                | "few"
                | "both"
                | "most"
                | "more"
                | "their"
                | "our"
                | "its"
                | "his"
                | "her"
                | "your"
                | "my"
                | "such"
                | "no"
                | "dozens"
                | "hundreds"
                | "thousands"
                | "own"
                | "various"
                | "different"
                | "multiple"
                | "new"
                | "old"
                | "any"
        )
}

/// Whether "NASAs" is "NASA's": an acronym the document writes on its own, before a word that
/// can be owned, and not after a word that counts a plural ("two MPs", "the MPs"), unless that
/// word is "the" and the document defines the acronym as one organization's ("World Health
/// Organization (WHO)" ... "the WHOs decision": 5 of the contractions the damaged Wikinews
/// missed, "WHO's" read as "who's"). Before a number or another acronym, the word after it
/// (`counted`) must be a singular that goes on the noun phrase ("NASAs 2014 selection", "RIAAs
/// DMCA notice").
pub(super) fn acronym_possessive(
    token: &str,
    prev: Option<&str>,
    next: &str,
    counted: Option<&str>,
    compound: Compound,
    names: &Names<'_>,
) -> bool {
    let base = &token[..token.len() - 1];
    let noun = |word: &str| {
        compound == Compound::Modifier && word.bytes().any(|b| b.is_ascii_lowercase())
            || compound == Compound::None
                && word.bytes().any(|b| b.is_ascii_lowercase())
                && !ends_noun_phrase(word)
                && !reads_as_verb(word)
    };
    let owned = match counted {
        Some(counted) => {
            counted.len() >= 3
                && counted.bytes().all(|b| b.is_ascii_lowercase())
                && noun(counted)
                && !time_unit(counted)
                // A plural after them may be one of a list ("DVDs, CDs and USB sticks").
                && !counted.ends_with('s')
        }
        None => noun(next),
    };
    base.len() >= 2
        && base.bytes().all(|b| b.is_ascii_uppercase())
        && owned
        && (!prev.is_some_and(counts_a_plural)
            || matches!(prev, Some("the" | "The")) && names.defines(base))
        && (names.written(base, None) || crate::lexicon::english().is_name(base))
}

/// Units of time, which a number before them counts ("the MPs 10 years ago").
fn time_unit(word: &str) -> bool {
    matches!(
        word,
        "years"
            | "months"
            | "weeks"
            | "days"
            | "hours"
            | "minutes"
            | "seconds"
            | "decades"
            | "centuries"
            | "nights"
            | "times"
            | "year"
            | "month"
            | "week"
            | "day"
            | "hour"
            | "minute"
            | "second"
            | "decade"
            | "century"
            | "night"
            | "time"
    )
}

/// "every" cannot stand before a plural: after it "Xs" is the possessive ("every players
/// score"). ("this", "each" and "another" can: they are pronouns too, "this shows", "each
/// falls".)
fn singular_determiner(prev: &str) -> bool {
    matches!(prev, "every" | "Every")
}

/// Plurals that are used as modifiers or have no singular to own anything: "this sports
/// car", "each news story".
fn modifier_plural(token: &str) -> bool {
    matches!(
        token,
        "news"
            | "sports"
            | "sales"
            | "savings"
            | "arms"
            | "goods"
            | "customs"
            | "earnings"
            | "means"
            | "series"
            | "species"
            | "physics"
            | "economics"
            | "politics"
            | "ethics"
            | "athletics"
            | "electronics"
            | "graphics"
            | "logistics"
            | "statistics"
            | "operations"
            | "communications"
            | "affairs"
            | "humanities"
            | "headquarters"
            | "premises"
            | "clothes"
            | "thanks"
            | "jobs"
            | "rights"
            | "works"
            | "arts"
            | "letters"
            | "services"
            | "systems"
            | "parks"
            | "ratings"
            | "emissions"
            | "olympics"
            | "games"
            | "lyrics"
            | "kids"
            | "girls"
            | "boys"
            | "mens"
            | "womens"
            | "childrens"
            | "teachers"
            | "students"
            | "veterans"
            | "workers"
            | "farmers"
    )
}

/// Whether the lower-case plural `token` is a possessive by its determiner: "this months
/// spotlight", "last weeks action" (but not "the last weeks of"), "every players score".
pub(super) fn determiner_possessive(
    en: &Lexicon,
    token: &str,
    prev: Option<&str>,
    before_prev: Option<&str>,
    next: &str,
) -> bool {
    let Some(prev) = prev else {
        return false;
    };
    let base = &token[..token.len() - 1];
    let time = matches!(
        token,
        "weeks" | "months" | "years" | "days" | "nights" | "seasons"
    );
    let by_determiner = singular_determiner(prev)
        || time
            && matches!(prev, "last" | "Last" | "next" | "Next" | "this" | "This")
            && !before_prev.is_some_and(counts_a_plural);
    // "next years James Webb Telescope": a time's possessive may own a name.
    by_determiner
        && base.len() >= 3
        && !base.ends_with('s')
        && !modifier_plural(token)
        && (next.as_bytes()[0].is_ascii_lowercase() || time && next.len() >= 2)
        && !ends_noun_phrase(next)
        && !reads_as_verb(next)
        && en
            .get(base)
            .is_some_and(|e| e.is_word() && e.frequency() >= COMMON_NOUN)
}

/// A lexicon name with no support in the document must be at least this common (its count in
/// the frequency list) to be taken as the possessive's owner: "Russia" (35 million) is, the
/// names the lists hold by the thousand ("Hammon", "Kyriako") are not.
const COMMON_NAME: u64 = 1_000_000;

/// A common noun must be at least this common for a non-word "xs" to be its possessive.
const COMMON_NOUN: u64 = 100_000;

/// The words after a possessive, in its sentence.
#[derive(Clone, Copy)]
pub(super) struct Following<'t> {
    /// The word right after it.
    pub next: &'t str,
    /// `next` is a number or an ordinal ("22nd").
    pub number: bool,
    /// The word after `next`, if white space alone lies between them.
    pub after_next: Option<&'t str>,
    /// Whether `next` opens a compound written with a hyphen (see [`Compound`]).
    pub compound: Compound,
}

/// The compound that the word after a possessive opens, written with a hyphen.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Compound {
    /// No hyphen after the word.
    None,
    /// A compound that modifies or names what the possessive owns ("well-educated workforce",
    /// "near-infrared", "mixed-sex mark", "take-down notice"), whatever its first word alone
    /// would be.
    Modifier,
    /// A prefix that makes a verb ("re-elected", "co-founded"): a plural's verb.
    Verb,
}

impl Compound {
    /// The compound that `first`, written before a hyphen and a letter, opens.
    pub fn opened_by(first: &str) -> Compound {
        match first.to_ascii_lowercase().as_str() {
            "re" | "co" | "pre" | "un" | "de" | "mis" | "out" | "over" | "under" | "cross"
            | "double" => Compound::Verb,
            _ => Compound::Modifier,
        }
    }
}

/// Whether the capitalized `token` ("Russias") is `X's`, and on what evidence. `prev` is the
/// word before it in the same sentence, `following` the words after it.
pub(super) fn capitalized_possessive(
    en: &Lexicon,
    token: &str,
    prev: Option<&str>,
    sentence_start: bool,
    following: &Following<'_>,
    names: &Names<'_>,
) -> Option<Evidence> {
    let Following {
        next,
        number: next_is_number,
        after_next,
        compound,
    } = *following;
    let base = &token[..token.len() - 1];
    // "Australias most boring": "most" and "more" end the phrase of a plural, not of a word
    // that is none ("the Nagiyevs most" stays, below, for its "the").
    let superlative = matches!(next, "most" | "more")
        && en.get(token).is_none()
        && after_next.is_some_and(|a| a.bytes().all(|b| b.is_ascii_lowercase()));
    if base.len() < 2
        || ends_noun_phrase(next)
            && !superlative
            && !opens_a_name(next, after_next)
            && compound != Compound::Modifier
    {
        return None;
    }
    let base_lower_is_word = en.get_lowercase(base).is_some_and(|e| e.is_word());
    // "the Nagiyevs": a family, not a possessive, when X is a name and not a common word.
    if matches!(prev, Some("the" | "The")) && !base_lower_is_word {
        return None;
    }
    // A word in this very case ("Democrats", "Egyptians", "Williams"), or a common one in lower
    // case ("Trumps", "Earths"): only the strongest evidence will do.
    // Except a rare word of the lists ("Bidens", a plant) for a name the document writes on its
    // own again and again, that is not a common word in lower case and not a people's name.
    let rare_listed = en.frequency(token) == 0
        && en.get(base).is_some_and(|e| e.is_name())
        && !base_lower_is_word
        && !demonym_like(base)
        && names.standalone(base) >= 2;
    if en.get(token).is_some_and(|e| e.is_word()) && !rare_listed {
        return None;
    }
    // "Dutertes unaired political ads": a word in "-ed" between a name that is no word and a
    // word that goes on the noun phrase is an adjective, unless something counts the name as a
    // family ("the Obamas hosted state dinners").
    let verb_next =
        reads_as_verb(next) && compound != Compound::Modifier || compound == Compound::Verb;
    let adjective_next = || {
        next.len() >= 5
            && next.ends_with("ed")
            && !prev.is_some_and(counts_a_plural)
            && after_next.is_some_and(|a| {
                a.len() >= 3
                    && a.bytes().all(|b| b.is_ascii_lowercase())
                    && !ends_noun_phrase(a)
                    && !reads_as_verb(a)
                    && !adverb_in_ly(en, a)
            })
            && en.frequency(token) == 0
            && !en.get_lowercase(token).is_some_and(|e| e.is_word())
    };
    if verb_next && !adjective_next() && !noun_before_verb(en, next, after_next) {
        return None;
    }
    let common = en.frequency(token) > 0;
    let listed = en.get_lowercase(token).is_some_and(|e| e.is_word());
    let next_lower = next.as_bytes()[0].is_ascii_lowercase();
    if base.ends_with('s') {
        // "Qabooss": the possessive of a name ending in s, written as the document writes it.
        return (token.ends_with("ss") && !listed && names.written(base, prev))
            .then_some(Evidence::Document);
    }
    if !common {
        if names.written(base, prev) {
            return Some(Evidence::Document);
        }
        if verb_next {
            return None;
        }
        // "with Manohars government": a name the lexicon does not know, that the document writes
        // only as the first word of a longer name ("Manohar Parrikar"), before a noun, after no
        // capitalized word.
        if next_lower
            && !listed
            && !base_lower_is_word
            && en.get(base).is_none()
            && prev.is_none_or(|p| !p.starts_with(|c: char| c.is_ascii_uppercase()))
            && possessed_noun(en, next)
            && names.leads(base)
        {
            return Some(Evidence::Document);
        }
        // "Barack Obamas administration": a name of the lexicon after a given name of it,
        // before a word in lower case.
        let given_name = prev.is_some_and(|p| {
            p.len() >= 2
                && p.starts_with(|c: char| c.is_ascii_uppercase())
                && p.bytes().skip(1).all(|b| b.is_ascii_lowercase())
                && !is_title(p)
                && en.get(p).is_some_and(|e| e.is_name())
                && !en.get_lowercase(p).is_some_and(|e| e.is_word())
        });
        // ("Tom Hanks", "Serena Williams": a surname in s is a name of its own.)
        if given_name
            && next_lower
            && en.get(base).is_some_and(|e| e.is_name())
            && en.get(token).is_none()
            && possessed_noun(en, next)
        {
            return Some(Evidence::Lexicon);
        }
        // ("Partys 2016": a word whose plural is not "Xs" may own a number too.)
        if !listed
            && (!next_is_number || plural_is_not_s(&base.to_ascii_lowercase()))
            && lowercase_possessive(en, &token.to_ascii_lowercase(), next, false)
        {
            return Some(Evidence::Lexicon);
        }
        // Before a capitalized word ("Australias Griffith University") only a very common
        // name: "Angelos Tsiaras" is a name of its own.
        let name_frequency = en
            .get(base)
            .filter(|e| e.is_name())
            .map_or(0, |_| en.frequency(base));
        let enough = if next_lower || next_is_number {
            COMMON_NAME
        } else {
            10 * COMMON_NAME
        };
        return (name_frequency >= enough).then_some(Evidence::Lexicon);
    }
    // "Earths", "Trumps": a common word in lower case. Capitals say it is the name only for a
    // name of the lexicon, in mid-sentence, before a word in lower case, when the document writes
    // the name the same way.
    let is_name = en.get(base).is_some_and(|e| e.is_name());
    let placed = !sentence_start || names.standalone(base) >= 2;
    (is_name && placed && next_lower && names.written(base, prev)).then_some(Evidence::Document)
}

/// Nouns whose plural is not "xs", so that "xs" can only be the possessive: "party" (parties),
/// "woman" (women), "men" and "children" (plurals already).
fn plural_is_not_s(base: &str) -> bool {
    let b = base.as_bytes();
    let consonant_y = b.len() >= 2 && b[b.len() - 1] == b'y' && !b"aeiou".contains(&b[b.len() - 2]);
    consonant_y
        || base.ends_with("man")
        || matches!(
            base,
            "men" | "women" | "children" | "mice" | "geese" | "feet" | "teeth"
        )
}

/// Whether the lower-case `token` ("childrens", "companys") is `x's`: `xs` is not a word (or,
/// when `x`'s plural is not `xs`, a word too rare to have a count), and `x` is a common one.
pub(super) fn lowercase_possessive(
    en: &Lexicon,
    token: &str,
    next: &str,
    next_is_number: bool,
) -> bool {
    let base = &token[..token.len() - 1];
    if base.len() < 3 || base.ends_with('s') || ends_noun_phrase(next) {
        return false;
    }
    let _ = next_is_number;
    let plural = en.get(token);
    let rare = plural.is_none_or(|e| e.frequency() == 0);
    let not_a_word = plural.is_none_or(|e| !e.is_word());
    if !(rare && (not_a_word || plural_is_not_s(base))) {
        return false;
    }
    en.get(base)
        .is_some_and(|e| e.is_word() && e.frequency() >= COMMON_NOUN)
}

/// Pronouns that stand only as an object ("put herself forward", "told them"): the word before
/// one is a verb, which no possessive owns.
fn object_pronoun(word: &str) -> bool {
    matches!(
        word,
        "me" | "him"
            | "us"
            | "them"
            | "myself"
            | "yourself"
            | "himself"
            | "herself"
            | "itself"
            | "ourselves"
            | "yourselves"
            | "themselves"
    )
}

/// Determiners before a possessive: "the government's", "his sister's".
fn possessive_determiner(prev: &str) -> bool {
    matches!(
        prev,
        "the"
            | "The"
            | "his"
            | "His"
            | "her"
            | "Her"
            | "their"
            | "Their"
            | "its"
            | "Its"
            | "our"
            | "Our"
            | "my"
            | "My"
            | "your"
            | "Your"
    )
}

/// The word that opens the phrase of a plural in lower case, as the context rules judge it:
/// the word before it, or, when that word is a modifier ("the federal governments", "the Trump
/// administrations", "the island nations"), the determiner before the modifier. A word that
/// counts a plural ("the two nations", "the other governments") or ends a noun phrase is no
/// modifier. Nor is a noun before a verb in "-s", its subject ("the scene shows", "the coating
/// repels"): the plural must have no common form in "-ed".
pub(super) fn phrase_determiner<'t>(
    en: &Lexicon,
    token: &str,
    prev: Option<&'t str>,
    before_prev: Option<&'t str>,
) -> Option<&'t str> {
    let Some(modifier) = prev.filter(|p| !possessive_determiner(p)) else {
        return prev;
    };
    if before_prev.is_none_or(|d| !possessive_determiner(d)) {
        return prev;
    }
    let base = &token[..token.len() - 1];
    let last = &base[base.len() - 1..];
    let verb = en.frequency_of_parts(&[base, "ed"]) >= 20_000
        || en.frequency_of_parts(&[base, "d"]) >= 20_000
        || en.frequency_of_parts(&[base, last, "ed"]) >= 20_000;
    let modifies = !verb
        && modifier.len() >= 3
        && modifier.bytes().all(|b| b.is_ascii_alphabetic())
        && !modifier.ends_with('s')
        && !counts_a_plural(modifier)
        && !ends_noun_phrase(modifier)
        && !matches!(
            modifier.to_ascii_lowercase().as_str(),
            "same" | "last" | "next" | "past" | "first" | "only" | "top" | "key" | "main"
        );
    match before_prev {
        Some(determiner) if modifies && possessive_determiner(determiner) => Some(determiner),
        _ => prev,
    }
}

/// Whether `word` can be the noun a possessive stands before, as far as the lexicon tells: a
/// common word, not a verb (no common "-ed" or "-ing" form), not an adjective (no common "-ly"
/// form), not a plural or a verb in "-s", not a word that ends a noun phrase.
fn possessed_noun(en: &Lexicon, word: &str) -> bool {
    const COMMON_FORM: u64 = 20_000;
    if word.len() < 3
        || !word.bytes().all(|b| b.is_ascii_lowercase())
        || word.ends_with('s')
        || word.ends_with("ing")
        || adverb_in_ly(en, word)
        || ends_noun_phrase(word)
        || reads_as_verb(word)
        || en.frequency(word) < 10_000
        || matches!(
            word,
            "today"
                | "prior"
                | "due"
                | "rather"
                | "wherever"
                | "whenever"
                | "outright"
                | "put"
                | "travel"
                | "ethnic"
                | "back"
                | "alone"
                | "ago"
                | "away"
                | "else"
                | "enough"
                | "instead"
                | "later"
                | "less"
                | "much"
                | "once"
                | "soon"
                | "thus"
                | "tomorrow"
                | "yesterday"
                | "tonight"
                | "overseas"
                | "abroad"
                | "ahead"
                | "aside"
                | "apart"
        )
    {
        return false;
    }
    // A comparative ("quicker": there is a "quickest").
    if let Some(stem) = word.strip_suffix("er") {
        if en.frequency_of_parts(&[stem, "est"]) >= 1_000 {
            return false;
        }
    }
    let stem = &word[..word.len() - 1];
    let [ed, ing, ly] = match word.as_bytes()[word.len() - 1] {
        b'e' => [(word, "d"), (stem, "ing"), (word, "ly")],
        b'y' => [(stem, "ied"), (word, "ing"), (stem, "ily")],
        _ => [(word, "ed"), (word, "ing"), (word, "ly")],
    }
    .map(|(stem, suffix)| en.frequency_of_parts(&[stem, suffix]));
    // An adjective in "-ly" made from a noun ("deathly", "timely") does not make the noun an
    // adjective: a noun has a plural, more common than it.
    let plural = en.frequency_of_parts(&[word, "s"]);
    ed < COMMON_FORM && ing < COMMON_FORM && (ly < COMMON_FORM || plural > ly)
}

/// An adverb or adjective in "-ly" ("quickly", "likely"), not a noun that ends so ("family",
/// "assembly"): what comes before the "ly" is a common word.
fn adverb_in_ly(en: &Lexicon, word: &str) -> bool {
    let Some(stem) = word.strip_suffix("ly") else {
        return false;
    };
    // "happily", "gently", "basically": "happy", "gentle", "basic".
    let y = stem.strip_suffix('i').map(|s| [s, "y"]);
    let ic = stem.strip_suffix("al").filter(|s| s.ends_with("ic"));
    [Some([stem, ""]), y, Some([stem, "le"]), ic.map(|s| [s, ""])]
        .into_iter()
        .flatten()
        .any(|parts| {
            parts[0].len() + parts[1].len() >= 2 && en.frequency_of_parts(&parts) >= 100_000
        })
}

/// Whether `word` is an adjective before a noun, as far as the lexicon tells: it has a common
/// adverb in "-ly" ("medical", "initial", "final"), or is a superlative ("biggest"), and is no
/// verb form, no noun in "-s" and no word that ends a noun phrase. ("own", "last" and "next"
/// are left out: "the victims own homes", "the nations last year".)
fn attributive_adjective(en: &Lexicon, word: &str) -> bool {
    const COMMON_FORM: u64 = 20_000;
    if word.len() < 4
        || !word.bytes().all(|b| b.is_ascii_lowercase())
        || word.ends_with('s')
        || word.ends_with("ing")
        || word.ends_with("ly")
        || ends_noun_phrase(word)
        || reads_as_verb(word)
        || matches!(word, "last" | "next" | "own")
    {
        return false;
    }
    if word.ends_with("est") && en.get(word).is_some_and(|e| e.is_word()) {
        return true;
    }
    let (stem, suffix) = match word.as_bytes()[word.len() - 1] {
        b'y' => (&word[..word.len() - 1], "ily"),
        b'e' if word.ends_with("le") => (&word[..word.len() - 1], "ly"),
        b'c' => (word, "ally"),
        _ => (word, "ly"),
    };
    en.frequency_of_parts(&[stem, suffix]) >= COMMON_FORM
}

/// Whether the lower-case plural `token`, after `prev`, can be an owner by what follows it (see
/// [`adjective_possessive`] and [`head_noun_possessive`]): a determiner before it, a common noun
/// of three letters or more before its `s` (not one in `s`, nor a plural that modifies), whose
/// possessive is written often enough (see [`ODDS_CONTEXT`]).
fn determined_owner(en: &Lexicon, token: &str, prev: Option<&str>) -> bool {
    let base = &token[..token.len() - 1];
    prev.is_some_and(possessive_determiner)
        && token.bytes().all(|b| b.is_ascii_lowercase())
        && base.len() >= 3
        && !base.ends_with('s')
        && !modifier_plural(token)
        && en
            .possessive_odds(base)
            .is_some_and(|odds| odds >= ODDS_CONTEXT)
        && en
            .get(base)
            .is_some_and(|e| e.is_word() && e.frequency() >= COMMON_NOUN)
}

/// Whether the lower-case plural `token` is a possessive because an adjective and a noun follow
/// it after a determiner ("the nations medical services", "the states largest city"): a plural
/// that heads its noun phrase is not followed by an adjective before a noun, so the phrase is
/// the possessive's ("the nation's medical services").
pub(super) fn adjective_possessive(
    en: &Lexicon,
    token: &str,
    prev: Option<&str>,
    next: &str,
    after_next: Option<&str>,
) -> bool {
    let Some(noun) = after_next else {
        return false;
    };
    determined_owner(en, token, prev)
        && attributive_adjective(en, next)
        && noun.len() >= 3
        && noun.bytes().all(|b| b.is_ascii_lowercase())
        && !ends_noun_phrase(noun)
        && !reads_as_verb(noun)
        && !noun.ends_with("ly")
        && en.get(noun).is_some_and(|e| e.is_word())
}

/// Whether the lower-case plural `token` is a possessive because, after a determiner, the
/// word after it heads the noun phrase: a singular noun that a verb agreeing with it follows
/// ("the fires cause was", "the planets orbit is": were the noun the plural's verb, no verb
/// could follow it), or a plural noun ("the victims lawyers": a plural's verb does not end in
/// "s"). The plural must be one whose possessive is written often enough (see
/// [`ODDS_CONTEXT`]): "the elections website was" is a compound.
pub(super) fn head_noun_possessive(
    en: &Lexicon,
    token: &str,
    prev: Option<&str>,
    next: &str,
    after_next: Option<&str>,
) -> bool {
    let owner = determined_owner(en, token, prev);
    let plural_noun = |word: &str| {
        word.strip_suffix('s').is_some_and(|singular| {
            !word.ends_with("ss")
                && word.bytes().all(|b| b.is_ascii_lowercase())
                && en.get(word).is_some_and(|e| e.is_word())
                && en
                    .get(singular)
                    .is_some_and(|e| e.is_word() && e.frequency() >= COMMON_NOUN)
        })
    };
    // "the states 40 delegates": a number and what it counts.
    if owner && next.bytes().all(|b| b.is_ascii_digit()) {
        return after_next.is_some_and(|noun| plural_noun(noun) && !modifier_plural(noun));
    }
    if !owner
        || next.len() < 3
        || !next.bytes().all(|b| b.is_ascii_lowercase())
        || ends_noun_phrase(next)
        || reads_as_verb(next)
        || next.ends_with("ing")
        || adverb_in_ly(en, next)
    {
        return false;
    }
    if let Some(singular) = next.strip_suffix('s') {
        // A plural: "lawyers", not "glass" or "this"; not a measure of time ("the characters
        // years later"), nor a verb too ("the surgeons inserts", as a writer may put it).
        let verb = en.frequency_of_parts(&[singular, "ed"]) >= 20_000
            || en.frequency_of_parts(&[&next[..next.len() - 2], "ed"]) >= 20_000
                && singular.ends_with('e');
        return !next.ends_with("ss")
            && !verb
            && !time_unit(next)
            && !modifier_plural(next)
            && en.get(next).is_some_and(|e| e.is_word())
            && en
                .get(singular)
                .is_some_and(|e| e.is_word() && e.frequency() >= COMMON_NOUN);
    }
    en.frequency(next) >= 10_000
        && after_next.is_some_and(|verb| {
            matches!(
                verb,
                "is" | "was"
                    | "has"
                    | "had"
                    | "does"
                    | "will"
                    | "would"
                    | "could"
                    | "can"
                    | "may"
                    | "might"
                    | "must"
                    | "should"
            )
        })
}

/// Whether the lower-case plural `token` is a possessive by its context: after a determiner,
/// before a noun ("the governments perspective", "the victims family"). Right often but not
/// always ("the elections website" is a compound), so the stage asks it only in documents that
/// have lost their apostrophes.
pub(super) fn context_possessive(
    en: &Lexicon,
    token: &str,
    prev: Option<&str>,
    next: &str,
) -> bool {
    let base = &token[..token.len() - 1];
    // A plural whose possessive is hardly ever written is a compound's first word ("the
    // elections website", "the articles level"), not an owner.
    if en
        .possessive_odds(base)
        .is_some_and(|odds| odds < ODDS_CONTEXT)
    {
        return false;
    }
    // "the Presidents power", "the Kingdoms economy": an institution written as a name, one of
    // it, after "the".
    let institution = matches!(prev, Some("the" | "The"))
        && matches!(
            base,
            "President"
                | "Kingdom"
                | "Union"
                | "Administration"
                | "Government"
                | "Ministry"
                | "Department"
                | "Court"
                | "Council"
                | "Commission"
                | "Senate"
                | "Army"
                | "Navy"
                | "Church"
                | "University"
        );
    if institution {
        return possessed_noun(en, next);
    }
    prev.is_some_and(possessive_determiner)
        && token.bytes().all(|b| b.is_ascii_lowercase())
        && base.len() >= 3
        && !base.ends_with('s')
        && !modifier_plural(token)
        && en.get(token).is_some_and(|e| e.is_word())
        && en
            .get(base)
            .is_some_and(|e| e.is_word() && e.frequency() >= COMMON_NOUN)
        && possessed_noun(en, next)
}

/// Words before a plural that cannot stand before a possessive of one ("many Trumps", "these
/// governments", "other peoples"): what [`counts_a_plural`] lists, but the determiners ("the
/// president's", "his sister's").
fn plural_quantifier(prev: &str) -> bool {
    counts_a_plural(prev)
        && !matches!(
            prev.to_ascii_lowercase().as_str(),
            "the" | "of" | "their" | "our" | "its" | "his" | "her" | "your" | "my" | "new" | "old"
        )
}

/// How much more often `x's` must be written than `xs` (wordfreq's odds, see
/// [`Lexicon::possessive_odds`]) for `Xs` to be taken as `X's` by its context alone, in a
/// document that has lost its apostrophes. Measured on the Wikinews articles with every
/// apostrophe removed (`tests/integration/apostrophes.rs`): a capitalized word before a word in
/// lower case is the possessive at these odds and up ("Trumps attempt" 3.4, "Presidents claim"
/// 0.71, "Carolinas first" 1.4), below them often a plural or a name ("Days", "Hats");
/// before a capitalized word ("Johns Hopkins") or a number ("Donald Trumps 214", not after a
/// word that counts a plural: "the Trumps 14-year-old son") only at far higher odds; a word in
/// lower case after a determiner ("the governments decision") like a capitalized one, and
/// without one ("peoples support") at higher odds.
const ODDS_CAPITALIZED: f64 = 0.2;
const ODDS_BEFORE_CAPITALIZED: f64 = 5.0;
const ODDS_NAME_BEFORE_CAPITALIZED: f64 = 1.0;
const ODDS_AFTER_DETERMINER: f64 = 0.2;
const ODDS_LOWERCASE: f64 = 0.5;
/// Below these odds (about one possessive in eighty plurals) [`context_possessive`] takes a
/// plural for the first word of a compound.
const ODDS_CONTEXT: f64 = 0.012;

/// Whether `token` ("Trumps attempt", "the governments decision", "Soviet Unions original") is
/// `X's` by its context and how often `X's` is written, in a document that has lost its
/// apostrophes (the stage asks nothing else of this function); and on what evidence.
pub(super) fn odds_possessive(
    en: &Lexicon,
    token: &str,
    prev: Option<&str>,
    next: &str,
    after_next: Option<&str>,
    names: &Names<'_>,
) -> Option<&'static str> {
    let base = &token[..token.len() - 1];
    // "President Trumps planned trip", "Theresa Mays proposed Brexit deal": after a title or a
    // given name that the document writes with the name, no plural can stand, and a word in
    // "-ed" before a word that goes on the noun phrase ("trip") is an adjective.
    let named_adjective = || {
        token.as_bytes()[0].is_ascii_uppercase()
            && next.len() >= 5
            && next.ends_with("ed")
            && prev.is_some_and(|p| {
                name_like(p) && (is_title(p) || names.pairs.contains_key(&(Key(p), Key(base))))
            })
            && names.written(base, prev)
            && after_next.is_some_and(|a| {
                a.len() >= 3
                    && a.bytes().all(|b| b.is_ascii_lowercase())
                    && !ends_noun_phrase(a)
                    && !reads_as_verb(a)
                    && !adverb_in_ly(en, a)
            })
    };
    if base.len() < 2
        || base.ends_with('s')
        || ends_noun_phrase(next) && !opens_a_name(next, Some(after_next).flatten())
        || reads_as_verb(next) && !named_adjective() && !noun_before_verb(en, next, after_next)
        || prev.is_some_and(plural_quantifier)
    {
        return None;
    }
    let capitalized = token.as_bytes()[0].is_ascii_uppercase();
    let next_lower = next.as_bytes()[0].is_ascii_lowercase();
    let next_capitalized = next.as_bytes()[0].is_ascii_uppercase();
    let next_number = next.as_bytes()[0].is_ascii_digit();
    // "Soviet Unions original", "Red Hats engineering": the document writes the pair, a name,
    // more often than with the "s" ("Revolutionary Guards" is the name, "Revolutionary Guard"
    // a shorter form of it); or, before a word in lower case, writes it with the "s" only where
    // a possessive can stand, never where a plural ends its noun phrase ("the Revolutionary
    // Guards said"), and not as a people ("American Samoans citizenship"). Before a capital the
    // plural may open a longer name ("the Free and Equal Elections Foundation"): there only a
    // word whose possessive is not too rare to be an owner (see [`ODDS_CONTEXT`]: "Soviet Unions
    // Voskhod 2 mission", "Marine Traffics AIS database").
    let owner_odds = || {
        en.possessive_odds(base)
            .is_some_and(|odds| odds >= ODDS_CONTEXT)
    };
    if capitalized
        && (next_lower || next_capitalized || next_number)
        && prev.is_some_and(|p| {
            let count = |name| names.pairs.get(&(Key(p), Key(name))).copied().unwrap_or(0);
            let as_plural = names
                .plural_pairs
                .get(&(Key(p), Key(token)))
                .copied()
                .unwrap_or(0);
            name_like(p)
                && !is_title(p)
                && count(base) > 0
                && (count(base) >= count(token)
                    || as_plural == 0
                        && (next_lower || next_capitalized && owner_odds())
                        && !demonym_like(base))
        })
    {
        return Some("possessive: name seen in document");
    }
    // "Days son" of Doris Day: a name of the lexicon that the document writes on its own again
    // and again, before a noun (or a number and a noun: "Guys 100th birthday"), owns it, though
    // its plural is a common word whose possessive is rarely written. Not a people's name or an
    // agent's ("American Samoans citizenship", "Neandertals kind of"), nor after a word that
    // counts a plural.
    let name_written = || {
        capitalized
            && (next_lower && possessed_noun(en, next)
                || next_number && after_next.is_some_and(|a| possessed_noun(en, a)))
            && names.standalone(base) >= 3
            && en.is_name(base)
            && !demonym_like(base)
            && !prev.is_some_and(counts_a_plural)
    };
    let Some(odds) = en.possessive_odds(base) else {
        return name_written().then_some("possessive: name seen in document");
    };
    let enough = if capitalized && next_lower {
        ODDS_CAPITALIZED
    } else if capitalized && (next_capitalized || next_number && !prev.is_some_and(counts_a_plural))
    {
        // "Trumps White House": a name the document writes on its own, and often.
        if names.standalone(base) >= 2 {
            ODDS_NAME_BEFORE_CAPITALIZED
        } else {
            ODDS_BEFORE_CAPITALIZED
        }
    } else if next_lower && token.bytes().all(|b| b.is_ascii_lowercase()) && base.len() >= 3 {
        if prev.is_some_and(possessive_determiner) {
            // Not before an adverb or a verb ("her daughters happily settled", "her daughters
            // put herself forward": a verb before its object).
            if adverb_in_ly(en, next)
                || reads_as_verb(next)
                || after_next.is_some_and(object_pronoun)
            {
                return None;
            }
            ODDS_AFTER_DETERMINER
        } else if possessed_noun(en, next) {
            ODDS_LOWERCASE
        } else {
            return None;
        }
    } else {
        return None;
    };
    if odds >= enough {
        Some("possessive: context and word odds")
    } else {
        name_written().then_some("possessive: name seen in document")
    }
}
