//! Contractions written without their apostrophe: the table of forms, and the context rules for
//! the forms that are also words.
//!
//! A form is in one of three groups. *Plain* forms are not English words ("doesnt", "youre",
//! "theyve"): they always take the apostrophe. *Ambiguous* forms are words too ("its", "cant",
//! "wont", "lets", "ill", "id", "im", "well", "wed", "shed", "hed"): they take it only where a
//! rule below says the context allows no other reading. Forms with no such rule ("hell",
//! "shell", "whore", "hows") are not in the table, so they are never changed.

/// Where the apostrophe goes in a form, counted in letters from the end (`doesnt` → 1:
/// `doesn't`; `ive` → 2: `i've`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// Always a contraction; the apostrophe goes this many letters before the end.
    Plain(usize),
    /// A contraction only in the context the rule accepts.
    Ambiguous(Rule, usize),
}

/// The context rules of the ambiguous forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rule {
    /// "its": `it's` before a word that cannot follow the possessive `its`.
    Its,
    /// "cant", "wont": after a subject pronoun, or before a verb.
    Modal,
    /// "lets": at the start of a sentence, before a verb.
    Lets,
    /// "ill", "id": before a verb, when "I" can be the subject.
    Pronoun,
    /// "im", "ive": before a word in lower case, not after a name ("Jony Ive", "Im Yoon-ah").
    IWord,
    /// "were": "we're" where no subject precedes it (after "because", "if", or opening a
    /// sentence that is not a question: "Were going", not "Were they").
    We,
    /// "well": "we'll" before a verb of [`will_verb`], opening a clause ("and well see",
    /// "Well keep them posted"); never after "as", "may", "how" or any word that is not an
    /// opener.
    WeWill,
    /// "wed", "shed", "hed": "we'd", "she'd", "he'd" before a verb of [`would_verb`], not after
    /// a determiner or a verb ("the shed", "to wed"); "hed", no English word, before a
    /// participle too ("hed ordered it").
    Would,
}

/// The contraction forms: each written without its apostrophe, in lower case.
pub(super) const FORMS: &[(&str, Form)] = {
    use Form::{Ambiguous, Plain};
    &[
        ("dont", Plain(1)),
        ("doesnt", Plain(1)),
        ("didnt", Plain(1)),
        ("isnt", Plain(1)),
        ("arent", Plain(1)),
        ("wasnt", Plain(1)),
        ("werent", Plain(1)),
        ("hasnt", Plain(1)),
        ("havent", Plain(1)),
        ("hadnt", Plain(1)),
        ("wouldnt", Plain(1)),
        ("shouldnt", Plain(1)),
        ("couldnt", Plain(1)),
        ("mustnt", Plain(1)),
        ("neednt", Plain(1)),
        ("mightnt", Plain(1)),
        ("aint", Plain(1)),
        ("darent", Plain(1)),
        ("shant", Plain(1)),
        ("oughtnt", Plain(1)),
        ("youve", Plain(2)),
        ("weve", Plain(2)),
        ("theyve", Plain(2)),
        ("wouldve", Plain(2)),
        ("shouldve", Plain(2)),
        ("couldve", Plain(2)),
        ("mightve", Plain(2)),
        ("mustve", Plain(2)),
        ("whove", Plain(2)),
        ("youre", Plain(2)),
        ("theyre", Plain(2)),
        ("youll", Plain(2)),
        ("theyll", Plain(2)),
        ("itll", Plain(2)),
        ("thatll", Plain(2)),
        ("wholl", Plain(2)),
        ("therell", Plain(2)),
        ("youd", Plain(1)),
        ("theyd", Plain(1)),
        ("itd", Plain(1)),
        ("thatd", Plain(1)),
        ("whod", Plain(1)),
        ("thered", Plain(1)),
        ("thats", Plain(1)),
        ("theres", Plain(1)),
        ("whats", Plain(1)),
        ("hes", Plain(1)),
        ("shes", Plain(1)),
        ("heres", Plain(1)),
        ("wheres", Plain(1)),
        ("whos", Plain(1)),
        ("everyones", Plain(1)),
        ("everybodys", Plain(1)),
        ("someones", Plain(1)),
        ("somebodys", Plain(1)),
        ("anyones", Plain(1)),
        ("anybodys", Plain(1)),
        ("nobodys", Plain(1)),
        ("yall", Plain(3)),
        ("its", Ambiguous(Rule::Its, 1)),
        ("cant", Ambiguous(Rule::Modal, 1)),
        ("wont", Ambiguous(Rule::Modal, 1)),
        ("lets", Ambiguous(Rule::Lets, 1)),
        ("ill", Ambiguous(Rule::Pronoun, 2)),
        ("id", Ambiguous(Rule::Pronoun, 1)),
        ("im", Ambiguous(Rule::IWord, 1)),
        ("ive", Ambiguous(Rule::IWord, 2)),
        ("were", Ambiguous(Rule::We, 2)),
        ("well", Ambiguous(Rule::WeWill, 2)),
        ("wed", Ambiguous(Rule::Would, 1)),
        ("shed", Ambiguous(Rule::Would, 1)),
        ("hed", Ambiguous(Rule::Would, 1)),
    ]
};

/// The form of a word written in lower case, if it is a contraction without its apostrophe.
pub(super) fn form(lower: &[u8]) -> Option<Form> {
    super::known::lookup(lower, 0..lower.len()).and_then(|known| known.form)
}

/// The words that may follow "its" only as "it's": determiners, adverbs, participles,
/// prepositions and question words, none of which can follow the possessive "its".
pub(super) fn it_is_before(next: &str) -> bool {
    matches!(
        next,
        "been"
            | "not"
            | "a"
            | "an"
            | "the"
            | "also"
            | "just"
            | "really"
            | "so"
            | "too"
            | "now"
            | "always"
            | "never"
            | "already"
            | "actually"
            | "probably"
            | "certainly"
            | "definitely"
            | "going"
            | "gonna"
            | "getting"
            | "got"
            | "because"
            | "about"
            | "like"
            | "ok"
            | "okay"
            | "what"
            | "how"
            | "who"
            | "where"
            | "when"
            | "why"
            | "my"
            | "your"
            | "our"
            | "their"
            | "his"
            | "this"
            | "no"
            | "in"
            | "on"
            | "at"
            | "for"
            | "from"
            | "with"
            | "by"
            | "still"
            | "almost"
            | "even"
            | "enough"
            | "quite"
            | "something"
            | "such"
            | "basically"
            | "called"
            | "gone"
            // "its of interest": no possessive "its" before "of" (Wikinews without apostrophes:
            // 1 restored; intact news and books: none of 300 "its" before it).
            | "of"
    )
}

/// Adjectives and nouns after which "its" is "it's" only when a clause follows them ("it's
/// important to", "it's true that", "it's clear."); "its important role" stays.
pub(super) fn it_is_before_clause(next: &str) -> bool {
    matches!(
        next,
        "time"
            | "true"
            | "likely"
            | "unlikely"
            | "possible"
            | "impossible"
            | "clear"
            | "unclear"
            | "obvious"
            | "important"
            | "necessary"
            | "difficult"
            | "easy"
            | "hard"
            | "good"
            | "great"
            | "bad"
            | "nice"
            | "fine"
            | "sad"
            | "amazing"
            | "crazy"
            | "funny"
            | "interesting"
            | "better"
            | "worse"
            | "worth"
            | "up"
            | "safe"
            | "fair"
            | "unfair"
            | "essential"
            | "vital"
            | "critical"
            | "tough"
            | "strange"
            | "weird"
            | "normal"
            | "over"
            | "all"
            | "very"
            | "only"
            | "fun"
            | "open"
            | "young"
            | "close"
            | "able"
            | "easier"
            | "harder"
            | "cool"
            | "painful"
            | "valuable"
            | "popular"
            | "faster"
            | "slower"
            | "bigger"
            | "smaller"
            | "relevant"
            | "available"
            | "free"
            | "ready"
            | "real"
            | "right"
            | "wrong"
            | "sure"
            | "certain"
            | "simple"
            | "complicated"
            | "complex"
            | "tricky"
            | "odd"
            | "awesome"
            | "terrible"
            | "horrible"
            | "ridiculous"
            | "unfortunate"
            | "scary"
            | "okay"
            // Wikinews without apostrophes: 3 restored, none wrong.
            | "foolish"
            | "fake"
            | "bogus"
    )
}

/// Sentence adverbs, which qualify a clause and not a noun: "its clearly not", "its
/// basically a"; ("its newly built", "its usually reliable" have adverbs of the other kind).
pub(super) fn sentence_adverb(next: &str) -> bool {
    matches!(
        next,
        "clearly"
            | "obviously"
            | "basically"
            | "essentially"
            | "necessarily"
            | "certainly"
            | "definitely"
            | "probably"
            | "possibly"
            | "actually"
            | "literally"
            | "absolutely"
            | "surely"
            | "apparently"
            | "honestly"
            | "seriously"
            | "exactly"
            | "supposedly"
            | "allegedly"
            | "unlikely"
            | "perhaps"
            | "maybe"
    )
}

/// Past participles: in "-ed" or "-en", and the common irregular ones.
pub(super) fn participle(word: &str) -> bool {
    word.len() >= 5 && (word.ends_with("ed") || word.ends_with("en"))
        || matches!(
            word,
            "done"
                | "gone"
                | "made"
                | "born"
                | "built"
                | "found"
                | "known"
                | "shown"
                | "held"
                | "kept"
                | "left"
                | "lost"
                | "met"
                | "paid"
                | "said"
                | "sent"
                | "set"
                | "told"
                | "won"
                | "run"
                | "come"
                | "become"
                | "got"
                | "put"
                | "cut"
                | "hit"
                | "let"
        )
}

/// Prepositions after a participle: "written in", "based on", "composed of".
pub(super) fn preposition(word: &str) -> bool {
    matches!(
        word,
        "in" | "on"
            | "of"
            | "by"
            | "to"
            | "for"
            | "with"
            | "from"
            | "up"
            | "out"
            | "as"
            | "at"
            | "into"
            | "about"
            | "off"
            | "down"
            | "over"
            | "through"
            | "that"
    )
}

/// What may follow such an adjective for "its" to be "it's".
pub(super) fn opens_clause(next: Option<&str>) -> bool {
    match next {
        None => false,
        Some(w) => matches!(
            w,
            "to" | "that"
                | "for"
                | "if"
                | "whether"
                | "when"
                | "how"
                | "because"
                | "a"
                | "an"
                | "the"
                | "being"
                | "not"
                | "so"
        ),
    }
}

/// Subject pronouns, after which "cant" and "wont" are "can't" and "won't".
pub(super) fn subject_pronoun(word: &str) -> bool {
    matches!(
        word,
        "I" | "i"
            | "you"
            | "You"
            | "we"
            | "We"
            | "they"
            | "They"
            | "he"
            | "He"
            | "she"
            | "She"
            | "it"
            | "It"
            | "who"
            | "that"
            | "this"
            | "This"
            | "there"
            | "There"
            | "u"
    )
}

/// Words before which "cant" and "wont" are the nouns ("cant of", "wont to": "as was his
/// wont").
pub(super) fn modal_noun_after(next: &str) -> bool {
    matches!(
        next,
        "to" | "of" | "and" | "or" | "is" | "was" | "that" | "which" | "in"
    )
}

/// Words after which "cant" and "wont" are the nouns: determiners, and the verbs of "he was wont".
pub(super) fn modal_noun_before(prev: &str) -> bool {
    matches!(
        prev.to_ascii_lowercase().as_str(),
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "my"
            | "your"
            | "our"
            | "was"
            | "were"
            | "is"
            | "are"
            | "be"
            | "been"
            | "of"
            | "such"
            | "political"
            | "pious"
            | "religious"
            | "moral"
            | "empty"
            | "mere"
            | "sanctimonious"
            | "hypocritical"
    )
}

/// Verbs in their base form, and the adverbs that come between a modal and its verb: what
/// follows "can't", "won't", "let's", "I'll" and "I'd".
pub(super) fn base_verb(word: &str) -> bool {
    matches!(
        word,
        "be" | "have"
            | "do"
            | "go"
            | "get"
            | "see"
            | "help"
            | "believe"
            | "wait"
            | "find"
            | "say"
            | "tell"
            | "make"
            | "take"
            | "stand"
            | "afford"
            | "imagine"
            | "remember"
            | "think"
            | "understand"
            | "stop"
            | "seem"
            | "live"
            | "work"
            | "happen"
            | "let"
            | "give"
            | "allow"
            | "change"
            | "come"
            | "keep"
            | "leave"
            | "win"
            | "use"
            | "pay"
            | "hear"
            | "sleep"
            | "eat"
            | "play"
            | "put"
            | "run"
            | "talk"
            | "move"
            | "last"
            | "accept"
            | "agree"
            | "answer"
            | "buy"
            | "control"
            | "deal"
            | "explain"
            | "fight"
            | "forget"
            | "handle"
            | "hurt"
            | "lose"
            | "miss"
            | "open"
            | "prove"
            | "read"
            | "recall"
            | "rely"
            | "sell"
            | "speak"
            | "spend"
            | "survive"
            | "trust"
            | "walk"
            | "watch"
            | "write"
            | "even"
            | "really"
            | "just"
            | "always"
            | "ever"
            | "never"
            | "possibly"
            | "try"
            | "call"
            | "send"
            | "show"
            | "start"
            | "bring"
            | "pass"
            | "ask"
            | "add"
            | "look"
            | "check"
            | "need"
            | "want"
            | "like"
            | "love"
            | "hate"
            | "rather"
            | "recommend"
            | "suggest"
            | "guess"
            | "definitely"
            | "probably"
            | "also"
            | "still"
            | "post"
            | "update"
            | "pick"
            | "pray"
            | "stick"
            | "prefer"
            | "face"
            | "hope"
            | "begin"
            | "celebrate"
            | "consider"
            | "focus"
            | "discuss"
            | "review"
            | "not"
            | "all"
            | "better"
            | "been"
            | "decide"
            | "fix"
            | "grant"
            | "touch"
            | "bet"
            | "beat"
            | "pull"
            | "cut"
            | "hold"
    )
}

/// The verbs after which "well" is "we'll": none of them follows "well" the adverb or the
/// interjection without a comma ("as well as", "well done", "Well put!", "Well, let me"). A
/// verb of a question ("Well have you", "Well do they") is no "we'll": see `Rule::WeWill`.
pub(super) fn will_verb(word: &str) -> bool {
    matches!(
        word,
        "see"
            | "keep"
            | "try"
            | "probably"
            | "publish"
            | "accept"
            | "have"
            | "do"
            | "start"
            | "need"
            | "continue"
            | "be"
            | "get"
            | "make"
            | "definitely"
            | "also"
            | "still"
            | "always"
            | "find"
            | "give"
            | "take"
            | "send"
            | "bring"
    )
}

/// The verbs after which "wed", "shed" and "hed" are "we'd", "she'd" and "he'd": none is a
/// noun that "shed" the verb sheds ("shed light", "shed jobs", "shed all").
pub(super) fn would_verb(word: &str) -> bool {
    matches!(
        word,
        "be" | "been"
            | "have"
            | "like"
            | "love"
            | "hate"
            | "rather"
            | "never"
            | "just"
            | "always"
            | "say"
            | "go"
            | "do"
            | "get"
            | "make"
            | "take"
            | "think"
            | "want"
            | "need"
            | "probably"
            | "also"
            | "still"
            | "really"
            | "even"
    )
}

/// Words after which "wed" and "shed" are the verb or the noun: determiners, modals, "to",
/// and the verbs of "have shed", "was wed".
pub(super) fn would_noun_before(prev: &str) -> bool {
    modal_noun_before(prev)
        || matches!(
            prev.to_ascii_lowercase().as_str(),
            "to" | "will"
                | "would"
                | "could"
                | "should"
                | "may"
                | "might"
                | "can"
                | "must"
                | "not"
                | "never"
                | "newly"
                | "recently"
                | "had"
                | "has"
                | "have"
                | "garden"
                | "tool"
                | "cow"
                | "wood"
                | "storage"
                | "this"
                | "that"
        )
}

/// Words that open a clause, after which "well" before a verb of [`will_verb`] is "we'll"
/// ("and well see", "but well keep", "Hey well publish"): "as", "may", "how", "so", "very"
/// and the verbs are not among them ("as well have", "may well be", "how well do").
pub(super) fn well_opener(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "and" | "but" | "hey" | "right" | "then" | "now" | "soon" | "think" | "hope" | "guess"
    )
}

/// Adverbs of degree that qualify an adjective or a participle, not a noun: "its relatively
/// minor if", "its completely made from". "its relatively small size" has one too: the rule
/// that uses them asks what follows.
pub(super) fn degree_adverb(word: &str) -> bool {
    matches!(
        word,
        "relatively"
            | "especially"
            | "particularly"
            | "completely"
            | "totally"
            | "entirely"
            | "fundamentally"
            | "easily"
            | "extremely"
            | "incredibly"
            | "simply"
            | "purely"
    )
}

/// Conjunctions that must be followed by a subject: a "were" right after one is "we're".
pub(super) fn needs_subject(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "because"
            | "if"
            | "since"
            | "while"
            | "although"
            | "though"
            | "unless"
            | "until"
            | "cause"
            | "whether"
            | "cos"
    )
}

/// Words that open a sentence and are no subject: after one of them, "were" that goes on a verb
/// is "we're".
pub(super) fn discourse_opener(word: &str) -> bool {
    matches!(
        word,
        "so" | "now" | "but" | "and" | "then" | "yes" | "well" | "okay" | "ok" | "hopefully"
    )
}

/// What goes on "we're" and not on a plural subject's "were": adverbs, "not", "gonna", and a
/// preposition or article of "we're in the process", "we're a team".
pub(super) fn after_we_are(word: &str) -> bool {
    matches!(
        word,
        "not"
            | "still"
            | "gonna"
            | "actually"
            | "mostly"
            | "just"
            | "really"
            | "also"
            | "always"
            | "never"
            | "already"
            | "probably"
            | "definitely"
            | "very"
            | "in"
            | "on"
            | "at"
            | "about"
            | "here"
            | "going"
            | "constantly"
            | "only"
    )
}

/// Words that open a noun phrase: after "Were" they are its subject, and "Were" asks a
/// question ("Were they", "Were the results").
pub(super) fn opens_noun_phrase(word: &str) -> bool {
    matches!(
        word,
        "you"
            | "they"
            | "we"
            | "he"
            | "she"
            | "it"
            | "there"
            | "the"
            | "these"
            | "those"
            | "any"
            | "all"
            | "some"
            | "many"
            | "most"
            | "both"
            | "such"
            | "his"
            | "her"
            | "their"
            | "our"
            | "your"
            | "my"
            | "its"
            | "this"
            | "that"
            | "a"
            | "an"
            | "none"
            | "people"
            | "others"
            | "either"
            | "neither"
            | "each"
            | "every"
            | "several"
            | "few"
            | "i"
            | "u"
            | "ye"
    )
}

/// Words after which "ill" and "id" can be "I'll" and "I'd".
pub(super) fn i_opener(word: &str) -> bool {
    matches!(
        word,
        "and"
            | "but"
            | "so"
            | "then"
            | "if"
            | "because"
            | "that"
            | "think"
            | "guess"
            | "hope"
            | "wish"
            | "know"
            | "said"
            | "say"
            | "when"
            | "maybe"
            | "now"
    )
}

/// Words that open a sentence before "lets" means "let's" in a run-on ("so lets go").
pub(super) fn lets_opener(word: &str) -> bool {
    matches!(
        word,
        "so" | "So"
            | "and"
            | "And"
            | "but"
            | "But"
            | "now"
            | "Now"
            | "ok"
            | "OK"
            | "Ok"
            | "okay"
            | "then"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_put_the_apostrophe_where_the_letters_go() {
        for (word, expected) in [
            ("doesnt", "doesn't"),
            ("youre", "you're"),
            ("theyve", "they've"),
            ("yall", "y'all"),
            ("thatll", "that'll"),
            ("whos", "who's"),
        ] {
            let Some(Form::Plain(back)) = form(word.as_bytes()) else {
                panic!("{word} is plain");
            };
            let at = word.len() - back;
            assert_eq!(format!("{}'{}", &word[..at], &word[at..]), expected);
        }
    }

    #[test]
    fn words_without_a_rule_are_not_forms() {
        for word in ["hell", "shell", "whore", "hows"] {
            assert_eq!(form(word.as_bytes()), None, "{word}");
        }
    }

    #[test]
    fn the_scowl_contractions_are_covered() {
        // SCOWL's english-contractions.10-50 (tools/lexicon-sources/scowl), apostrophe removed,
        // except those that are words with no safe rule.
        for word in [
            "arent", "cant", "couldnt", "didnt", "doesnt", "dont", "havent", "isnt", "theyre",
            "wasnt", "wont", "wouldnt", "youre", "im", "aint", "id", "ill", "ive", "hadnt",
            "hasnt", "itd", "itll", "mustnt", "shouldnt", "theyd", "theyll", "theyve", "weve",
            "werent", "whod", "wholl", "whove", "wouldve", "yall", "youd", "youll", "youve",
        ] {
            assert!(form(word.as_bytes()).is_some(), "{word}");
        }
    }
}
