//! Paragraphs broken mid-sentence by a blank line: "...of strategic nature and are\n\nconstantly
//! developing." is one sentence.
//!
//! The first part must not end a sentence, and say so: it ends with a comma, with a word that
//! cannot end a sentence (an article, a preposition, a conjunction, an auxiliary: "and are"), or
//! with a title abbreviation before a name ("Mr.\n\nSmith"); or it ends with a plain word and no
//! punctuation while the second part goes on in lower case, or with a name rather than a word that
//! starts sentences ("The", "He", "However"). Neither part may be a list item, a heading, a
//! quoted block, a table row, a dialogue turn or a closing of a letter, and the first part must
//! read as prose (with words in lower case), so that a title or a dateline ("Friday, January 4,
//! 2019") never joins what follows.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use super::lines::{
    is_chapter_start, is_dialogue_turn, is_list_item, is_speaker_tag, is_valediction, stands_alone,
};

/// What a paragraph is made of, as far as joining it is concerned.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Prose {
    /// Words, counted up to [`Prose::ENOUGH`].
    pub words: usize,
    /// Some word that is not a function word begins with a lower-case letter: prose, not a
    /// title ("Huck and his Father", "Reforming the Drunkard").
    pub lower: bool,
}

impl Prose {
    pub const ENOUGH: usize = 16;

    /// What the words of `t` are, read until more would change nothing.
    pub fn of(t: &str) -> Prose {
        let mut p = Prose::default();
        for w in t.split_ascii_whitespace() {
            p.add(w);
            if p.is_known() {
                break;
            }
        }
        p
    }

    /// The first [`Prose::ENOUGH`] words of `t`, and no more.
    pub fn ahead(t: &str) -> Prose {
        let mut p = Prose::default();
        for w in t.split_ascii_whitespace().take(Self::ENOUGH) {
            p.add(w);
        }
        p
    }

    fn add(&mut self, w: &str) {
        self.words += 1;
        if self.lower {
            return;
        }
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        self.lower = w.starts_with(char::is_lowercase) && !is_small_word(w);
    }

    /// Whether more words would change nothing.
    pub fn is_known(&self) -> bool {
        self.words >= Self::ENOUGH && self.lower
    }

    pub fn and(self, other: Prose) -> Prose {
        Prose {
            words: (self.words + other.words).min(Self::ENOUGH),
            lower: self.lower || other.lower,
        }
    }
}

/// Small words of titles, besides [`OPEN_WORDS`].
const SMALL: &[&str] = &[
    "out", "up", "down", "off", "it", "him", "them", "me", "us", "you",
];

/// How the first part ends.
#[derive(Debug, PartialEq, Eq)]
enum Ending {
    /// A comma.
    Comma,
    /// A word that cannot end a sentence.
    Open,
    /// A title abbreviation ("Mr.", "Dr.").
    Title,
    /// A word with no punctuation after it.
    Bare,
    /// Anything else: punctuation, a URL, a symbol.
    Closed,
}

fn ending(last_line: &str) -> Ending {
    let Some(last) = last_line.chars().next_back() else {
        return Ending::Closed;
    };
    // A dash between words ("what the government is doing —") goes on like a comma; a
    // percentage ("some 25%") is a word.
    let before_last = last_line[..last_line.len() - last.len_utf8()]
        .chars()
        .next_back();
    if matches!(last, '—' | '–') && before_last == Some(' ') {
        return Ending::Comma;
    }
    // "my boss, my mentor, &\n\nmy friend".
    if last == '&' && before_last == Some(' ') {
        return Ending::Open;
    }
    // Most paragraphs end with a full stop, a question mark or a closing quote: settled at once.
    if last != ',' && last != '.' && last != '%' && !last.is_alphanumeric() {
        return Ending::Closed;
    }
    let token = last_line.rsplit(' ').next().unwrap_or(last_line);
    if last == '.' {
        return if TITLES.contains(&token) {
            Ending::Title
        } else {
            Ending::Closed
        };
    }
    if token.contains("://") || token.starts_with("www.") || token.contains('@') {
        return Ending::Closed;
    }
    if last == ',' {
        return Ending::Comma;
    }
    let word = token.trim_start_matches(|c: char| !c.is_alphanumeric());
    // "The" ends no sentence and no title either: it begins a name ("according to The"). Nor
    // does a line that is only a preposition or an article ("On\n\nThursday at the ...").
    // Nor does a capitalised one that begins a sentence or a clause ("On\n\nThursday at the",
    // "...about Neandertals: When\n\nNeandertals were living").
    let capitalised = word.len() >= 2 && word.chars().skip(1).all(char::is_lowercase);
    let opens_clause = |w: &str| {
        is_particle(w)
            || matches!(
                w,
                "when" | "where" | "which" | "while" | "whether" | "because" | "although" | "if"
            )
    };
    if is_open_word(word) || word == "The" || capitalised && opens_clause(&word.to_lowercase()) {
        Ending::Open
    } else {
        Ending::Bare
    }
}

/// Articles, prepositions and conjunctions, which no sentence and no answer ends with (unlike a
/// verb: "...the plan is").
const PARTICLES: &[&str] = &[
    "a", "an", "the", "and", "or", "nor", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "into", "between", "than",
];

fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word)
}

/// Whether the last word is an article, a preposition or a conjunction.
fn ends_with_particle(a_last: &str) -> bool {
    is_particle(a_last.rsplit(' ').next().unwrap_or(a_last))
}

/// Whether a first paragraph reads as the start of a sentence rather than a headline: long, or
/// with a comma, and with the articles, auxiliaries or pronouns that headlines leave out ("On
/// Saturday night, a propeller plane in Nevada, United").
pub(super) fn reads_as_sentence(para: &str) -> bool {
    const GRAMMAR: &[&str] = &[
        "a", "an", "the", "was", "were", "is", "are", "has", "had", "been", "she", "he", "they",
        "it", "we",
    ];
    let words = para.split_ascii_whitespace().count();
    (words >= 9 || para.contains(", "))
        && para
            .split_ascii_whitespace()
            .any(|w| GRAMMAR.contains(&w.trim_end_matches(',')))
}

/// A name cut after its first part: a paragraph of at most three capitalised words, the last a
/// name of the lexicon ("Senator Lindsey"), before a capitalised word followed by a comma or by
/// lower-case words ("Graham spoke on Fox News").
fn is_split_name(a_first: &str, a_last: &str, a: Prose, b_first: &str) -> bool {
    if a.words > 3 || a.lower || a_first != a_last {
        return false;
    }
    let all_capitalised = a_last.split(' ').all(|w| {
        w.starts_with(char::is_uppercase) && w.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
    });
    let last = a_last.rsplit(' ').next().unwrap_or(a_last);
    // The rest of the name (one or two capitalised words), then a comma or lower case:
    // "Graham spoke", "Llerandi, the chief", "Ann Spearman remarked".
    let mut goes_on = false;
    for (k, w) in b_first.split(' ').enumerate().take(3) {
        if w.starts_with(char::is_lowercase) {
            goes_on = k > 0;
            break;
        }
        if !w.starts_with(char::is_uppercase) || is_starter(w) {
            break;
        }
        if w.ends_with(',') {
            goes_on = true;
            break;
        }
    }
    let lexicon = crate::lexicon::english();
    // A given name of the lexicon, or a word it does not know ("Jing").
    let named = lexicon.is_name(last) || !lexicon.is_word(&last.to_lowercase());
    all_capitalised && goes_on && named
}

/// A short phrase that opens a sentence before its comma ("Upon arrival,", "In the past few
/// years,", "The mayor of London,"), not a salutation ("Dear Sir,", "My dear Pip,").
fn is_intro(a_first: &str, a: Prose) -> bool {
    let first = a_first.split(' ').next().unwrap_or("");
    a.words >= 2
        && !matches!(first, "Dear" | "My" | "Hello" | "Hi" | "To")
        && (is_starter(first) || is_open_word(&first.to_lowercase()))
}

/// A sentence adverb of [`ADVERBS`], or a capitalised word of the lexicon that is not a name
/// ("Overnight,"), but no salutation ("Sir,", "Friends,").
fn is_adverb(word: &str) -> bool {
    if ADVERBS.contains(&word) {
        return true;
    }
    let lexicon = crate::lexicon::english();
    let lower = word.to_lowercase();
    word.starts_with(char::is_uppercase)
        && lexicon.is_word(&lower)
        && !lexicon.is_name(word)
        && !matches!(
            lower.as_str(),
            "sir"
                | "madam"
                | "gentlemen"
                | "friends"
                | "ladies"
                | "colleagues"
                | "everyone"
                | "folks"
                | "dear"
                | "hello"
                | "hi"
                | "hey"
                | "well"
                | "yes"
                | "no"
                | "oh"
        )
}

/// Sentence adverbs that stand first, before a comma, and never alone.
const ADVERBS: &[&str] = &[
    "Additionally",
    "Afterwards",
    "Also",
    "Alternatively",
    "Apparently",
    "Accordingly",
    "Consequently",
    "Currently",
    "Earlier",
    "Eventually",
    "Finally",
    "First",
    "Firstly",
    "Furthermore",
    "However",
    "Initially",
    "Instead",
    "Later",
    "Likewise",
    "Meanwhile",
    "Moreover",
    "Namely",
    "Nevertheless",
    "Nonetheless",
    "Notably",
    "Previously",
    "Recently",
    "Reportedly",
    "Secondly",
    "Separately",
    "Similarly",
    "Specifically",
    "Subsequently",
    "Therefore",
    "Thus",
    "Ultimately",
    "Yesterday",
];

/// Whether a paragraph's last line ends a sentence: a full stop, a question or exclamation mark,
/// a colon, or a closing quote or bracket after one of those.
pub(super) fn ends_sentence(last_line: &str) -> bool {
    let t = last_line.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
    t.ends_with(['.', '!', '?', ':', '…'])
}

/// Whether a first paragraph reads as a headline: a phrase of at most 30 words that ends with a
/// word (not a comma, not punctuation that ends a sentence), without the articles that headlines
/// leave out and the first part of a sentence broken off by a blank line nearly always has
/// ("On Saturday night, a propeller plane in Nevada, United").
pub(super) fn is_headline(para: &str) -> bool {
    let last_line = para.rsplit('\n').next().unwrap_or(para);
    matches!(ending(last_line), Ending::Bare | Ending::Open)
        && para.split_ascii_whitespace().nth(30).is_none()
        && !para.split_ascii_whitespace().any(|w| {
            matches!(
                w.trim_matches(|c: char| !c.is_alphanumeric()),
                "a" | "an" | "the"
            )
        })
}

/// Whether the last line ends with a word that may end a sentence, without punctuation.
pub(super) fn ends_bare(a_last: &str) -> bool {
    ending(a_last) == Ending::Bare
}

/// Whether a paragraph whose last line is `a_last` may go on in the next (a cheap test, made
/// before the paragraphs are read).
pub(super) fn may_continue(a_last: &str) -> bool {
    ending(a_last) != Ending::Closed
}

/// Whether the paragraph whose first line is `a_first`, last line `a_last` and words `a` goes on
/// in the one whose first line is `b_first`, words `b`, and last line `b_last()` (asked for
/// only when needed: finding it may mean reading further paragraphs).
pub(super) fn continues<'b>(
    a_first: &str,
    a_last: &str,
    a: Prose,
    b_first: &str,
    b: Prose,
    b_last: impl FnOnce() -> &'b str,
) -> bool {
    // "...speaking just for myself now\n\n— is the most": a spaced dash and the sentence going on
    // in lower case, not an item of a list.
    let dash_goes_on = b_first
        .strip_prefix("— ")
        .is_some_and(|rest| rest.starts_with(char::is_lowercase));
    // "1. Unofficial\n\nresults": an item going on in lower case.
    let item_goes_on = is_list_item(a_first)
        && a_first == a_last
        && b_first.starts_with(char::is_lowercase)
        && !is_list_item(b_first);
    if is_list_item(a_first) && !item_goes_on
        || stands_alone(a_first)
        || stands_alone(a_last)
        || is_list_item(b_first) && !dash_goes_on
        || stands_alone(b_first)
        || is_valediction(b_first)
        || is_dialogue_turn(b_first) && !matches!(ending(a_last), Ending::Open | Ending::Comma)
        || !a_first.starts_with(|c: char| c.is_alphanumeric() || "\"“‘'(".contains(c))
        || is_chapter_start(b_first)
        || is_speaker_tag(b_first)
        || a_first.starts_with(['—', '–', '―'])
        || a_first.starts_with("--")
    {
        return false;
    }
    if item_goes_on {
        return ending(a_last) != Ending::Closed;
    }
    let Some(next) = b_first.chars().next() else {
        return false;
    };
    let first_word = b_first
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .next()
        .unwrap_or("");
    let capitals = first_word.chars().count() >= 2 && !first_word.contains(char::is_lowercase);
    let after_quote = matches!(next, '"' | '“' | '‘')
        .then(|| b_first[next.len_utf8()..].chars().next())
        .flatten();
    let quoted = after_quote.is_some_and(|c| c.is_alphanumeric() || c == '[')
        || next == '[' && b_first[1..].starts_with(char::is_alphanumeric);
    let lower = next.is_lowercase()
        || next.is_numeric()
        || after_quote.is_some_and(char::is_lowercase)
        || dash_goes_on;
    // "...like Escherichia coli\n\n(E. coli) and yeast can": a parenthesis, then the sentence
    // going on in lower case.
    let aside = next == '(';
    // A capitalised word that goes on the sentence: a name, not a word that starts sentences, nor
    // a signature or heading in capitals.
    let capitalized = next.is_uppercase() && !capitals && !is_starter(first_word);
    let name = capitalized && b.lower;
    // "Queen Elizabeth\n\nII at the request", "a NBA Finals\n\nMVP (Most Valuable Player)
    // twice": a regnal number or an acronym after a name.
    let acronym =
        capitals && first_word.len() <= 5 && first_word.chars().all(|c| c.is_ascii_uppercase());
    let regnal = (["II", "III", "IV", "VI", "VII", "VIII"].contains(&first_word)
        || acronym && a.lower && a.words >= 8)
        && a_last
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && b.lower;
    let small = |n: usize| a.words + b.words < n;
    let ending = ending(a_last);
    // A sentence adverb and its comma: "Namely,\n\nPresident Erdogan said".
    if a.words == 1 && ending == Ending::Comma && is_adverb(a_last.trim_end_matches(',')) {
        return next.is_alphanumeric() || quoted;
    }
    // A title has no lower-case words but its small ones, and ends with a word that may end a
    // phrase; what follows one in lower case is still a continuation, unless the title is in
    // capitals. (A part that ends with "of the" or a comma is no title, whatever its words.)
    let titled = matches!(ending, Ending::Bare | Ending::Title);
    // Whether the second part ends its sentence, found at most once.
    let mut b_last = Some(b_last);
    let mut b_ended = None;
    let mut b_ends_sentence =
        || *b_ended.get_or_insert_with(|| ends_sentence(b_last.take().map_or("", |f| f())));
    let split_name = ending == Ending::Bare
        && name
        && is_split_name(a_first, a_last, a, b_first)
        && b_ends_sentence();
    if split_name {
        return true;
    }
    if titled && !(a.lower || lower && a_first.contains(char::is_lowercase)) {
        return false;
    }
    // A speaker's words in an interview end where the speaker stops, finished or not (as
    // "...a successful mayorship are"): only a continuation in lower case, or one after an
    // article, a preposition or a conjunction, goes on them.
    if is_speaker_tag(a_first) && !lower && !ends_with_particle(a_last) {
        return false;
    }
    match ending {
        // After "to", "of", "told" a name goes on even when it begins with "The" ("according
        // to\n\nThe Verge"); but a sentence may have been cut short there ("to\n\nIt goes").
        Ending::Open => {
            let particle = ends_with_particle(a_last) || a_last.ends_with(" told");
            let name = !is_starter(first_word) || particle && first_word == "The";
            lower || quoted || (next.is_uppercase() && name)
        }
        // (Not a quotation after a comma: books open a speech or a letter that way, "while her
        // daughter read,\n\n“Well, Jane...")
        Ending::Comma => lower || (capitalized && (a.words >= 8 || is_intro(a_first, a))),
        Ending::Title => next.is_uppercase(),
        // A word and no punctuation ends captions and headings too: the second part must end
        // its sentence (a caption after a caption does not).
        Ending::Bare => {
            ((lower && !small(6))
                || (aside && a.lower && a.words >= 8)
                || ((name || regnal) && a.words >= 4 && !small(12)))
                && b_ends_sentence()
        }
        _ => false,
    }
}

/// A set of short words, hashed with FNV-1a (the standard SipHash costs more than the
/// lookup it serves here, and these keys are ours, not an attacker's).
type WordSet = HashSet<&'static str, BuildHasherDefault<Fnv>>;

#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

fn is_open_word(w: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| OPEN_WORDS.iter().copied().collect());
    // None is longer than "although".
    w.len() <= 8 && SET.contains(w)
}

/// A word of [`OPEN_WORDS`] or [`SMALL`]: not a content word.
fn is_small_word(w: &str) -> bool {
    static SET: LazyLock<WordSet> =
        LazyLock::new(|| OPEN_WORDS.iter().chain(SMALL).copied().collect());
    w.len() <= 8 && SET.contains(w)
}

fn is_starter(w: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| STARTERS.iter().copied().collect());
    w.len() <= 10 && SET.contains(w)
}

/// Words after which a sentence goes on (sorted): articles, prepositions, conjunctions, auxiliaries,
/// possessives (lower case only: "OF" in a title page is not one).
const OPEN_WORDS: &[&str] = &[
    "a", "about", "across", "after", "against", "also", "although", "among", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "between", "both", "but", "by",
    "can", "could", "did", "do", "does", "during", "each", "every", "for", "from", "had", "has",
    "have", "her", "his", "if", "in", "into", "is", "its", "may", "might", "more", "most", "must",
    "my", "nor", "not", "of", "on", "onto", "or", "our", "over", "said", "says", "shall", "should",
    "some", "such", "than", "that", "the", "their", "these", "this", "those", "though", "through",
    "to", "told", "toward", "towards", "under", "upon", "very", "was", "were", "when", "where",
    "whether", "which", "while", "who", "whom", "whose", "will", "with", "within", "without",
    "would", "your",
];

/// Abbreviations that stand before a name.
const TITLES: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Gen.", "Sen.", "Rep.", "Gov.", "Lt.", "Col.",
    "Sgt.", "Capt.", "Rev.", "Hon.", "Maj.", "Pres.", "Supt.", "Mt.", "Ft.", "Sr.",
];

/// Capitalised words that begin sentences (sorted): after a bare word they mean a new sentence, and a
/// new paragraph, rather than a name that goes on the sentence.
const STARTERS: &[&str] = &[
    "A",
    "According",
    "After",
    "All",
    "Also",
    "Although",
    "Among",
    "An",
    "And",
    "As",
    "At",
    "Before",
    "Both",
    "But",
    "By",
    "Despite",
    "During",
    "Each",
    "Earlier",
    "Even",
    "Following",
    "For",
    "From",
    "He",
    "Hence",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Last",
    "Later",
    "Let",
    "Many",
    "Meanwhile",
    "Most",
    "My",
    "Next",
    "No",
    "Not",
    "Now",
    "Of",
    "Officials",
    "Oh",
    "On",
    "Once",
    "One",
    "Or",
    "Other",
    "Our",
    "Over",
    "Police",
    "Several",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Three",
    "Thus",
    "To",
    "Today",
    "Two",
    "Under",
    "We",
    "Well",
    "What",
    "When",
    "Where",
    "Whereas",
    "While",
    "Whilst",
    "Who",
    "Why",
    "With",
    "Yes",
    "Yesterday",
    "Yet",
    "You",
    "Your",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn joins(a: &str, b: &str) -> bool {
        continues(a, a, Prose::of(a), b, Prose::of(b), || b)
    }

    #[test]
    fn word_lists_are_sorted() {
        assert!(OPEN_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(
            OPEN_WORDS.iter().all(|w| w.len() <= 8),
            "is_open_word looks at 8 bytes"
        );
        assert!(STARTERS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn the_seed_and_other_breaks() {
        assert!(joins(
            "relations between Russia and Azerbaijan are of strategic nature and are",
            "constantly developing."
        ));
        assert!(joins(
            "the meeting was attended by",
            "President Aliyev and others."
        ));
        assert!(joins(
            "the meeting was attended by Mr.",
            "Smith and others."
        ));
        assert!(joins("he said the company would", "close in 2020."));
        assert!(joins(
            "talks were held in London on Monday with Prime Minister",
            "Theresa May, officials said."
        ));
    }

    #[test]
    fn real_paragraphs_stay_apart() {
        assert!(!joins("It ended.", "then it began again."));
        assert!(!joins(
            "Friday, January 4, 2019",
            "An apartment building collapsed."
        ));
        assert!(!joins(
            "RUSSIA-AZERBAIJAN CO-OP IN MILITARY SPHERE",
            "and more."
        ));
        assert!(!joins(
            "emergency stabilisation works",
            "The FSB denies the claims."
        ));
        assert!(!joins("- an item of a list without", "the end."));
        assert!(!joins(
            "talks about them here — https://example.org/x.html",
            "our roots."
        ));
        assert!(!joins("the letter ended with", "Yours, etc."));
        // Captions, one after another.
        assert!(!joins(
            "Forever Fairest performed in the kids area",
            "Violinist Brigit O'Regan performs"
        ));
        assert!(!joins("Dear Sir,", "I write to you."));
    }

    #[test]
    fn short_first_parts() {
        assert!(joins("On", "Thursday at the headquarters of the police."));
        assert!(joins("Namely,", "President Erdogan said on Wednesday."));
        assert!(joins(
            "the prorogation of the parliament by Queen Elizabeth",
            "II at the request of the Prime Minister."
        ));
        assert!(joins(
            "what the federal government is doing —",
            "or actually not doing — around air pollution."
        ));
        assert!(joins(
            "The turnout was about 71%, some 25%",
            "higher than last year."
        ));
        assert!(joins("Senator Lindsey", "Graham spoke on Fox News."));
        assert!(joins("Overnight,", "RHL ceased to exist."));
        assert!(!joins("Sir,", "I write to you about the house."));
        assert!(joins(
            "The storm was moving east-by-northeast at 20 mph",
            "(31 kph)."
        ));
        assert!(joins(
            "the collaboration between his agency and",
            "SpaceX: \"Its fun working with a new partner.\""
        ));
        assert!(!joins(
            "she sat out, while her daughter read,",
            "“Well, Jane, who ever would have thought it?”"
        ));
        assert!(joins(
            "State Senator Patricia",
            "Ann Spearman remarked on it."
        ));
        assert!(joins("Upon arrival,", "Zapata told reporters."));
        assert!(joins(
            "Mendez once told",
            "The Washington Post he was an artist."
        ));
        assert!(joins("according to", "The Verge."));
        assert!(joins("1. Unofficial", "results"));
        assert!(!joins("1. Unofficial", "2. Relative"));
        assert!(joins("my boss, my mentor, &", "my friend."));
        assert!(joins(
            "the researchers showed that single-celled organisms like Escherichia coli",
            "(E. coli) and yeast can thrive in hydrogen."
        ));
        assert!(joins(
            "somebody who I believe — and I am speaking just for myself now",
            "— is the most dangerous president."
        ));
        assert!(!joins("the list of what we need", "— flour and sugar"));
        assert!(joins("Ricardo", "Llerandi, the chief of staff, resigned."));
        assert!(!joins("Lindsey", "Graham"));
        assert!(!joins("Senator Lindsey", "The senator spoke on Fox News."));
        assert!(joins(
            "said the roof fell in and everyone started screaming, and",
            "\"[i]t felt like the end.\""
        ));
    }
}
