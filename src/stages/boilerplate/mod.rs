//! `boilerplate`: the lines at the top and bottom of a document that are not the article.
//!
//! **Repairs** the header and footer a page or a feed wraps an article in: separator lines (`---`,
//! `***`, `-`, `•`, `=====`), bare source URLs (with or without `<>`), source labels with or
//! without a value in many languages (`Source:`, `Kaynak/Source:`, `Mənbə:`, `Источник:`,
//! `Джерело:`, `Quelle:`, `Source :`, `Fuente:`, `Fonte:`, `المصدر:`, `منبع:`), datelines
//! (`07.10.2019`, `2019-10-07`, `Oct. 7, 2019`, `7 October 2019`), an outlet with its date
//! (`AzerNews (05 October 2019)`), share/follow/subscribe/newsletter/read more/related/
//! advertisement/cookie lines, copyright lines; and lines matching the user's own labels and
//! patterns. What they say goes into `meta`: `date` (ISO; the article's dateline rather than the
//! outlet's date), `source` (the outlet), `url` (the source URL). The title (`meta.title`, set by
//! the `markup` stage from a heading or bold first line) stays as the first paragraph, followed by
//! one blank line, unless `keep_title` is off.
//!
//! **Will not touch** the body. The stage walks inward from each end over boilerplate lines and
//! blank lines, and stops at the first line that is article text; a sentence in the body that
//! mentions a source, a copyright or a URL is never reached. A document that starts with a lone
//! dateline, with no title and nothing else around it (as Wikinews articles start), keeps it; its
//! date still goes into `meta`. A document that would be all boilerplate is left as it is.
//!
//! **Evidence**: a line is boilerplate only when all of it is one of the kinds above: a label
//! must be a known one with at most a short value, a share line must start with its verb and be
//! short, a date must be all of its line. A line is read as the `whitespace` stage will leave
//! it, each run of white space one space (the user's patterns see it so too), so that what a
//! second run reads is what the first read.
//!
//! ```
//! use textmend::{Meta, Stage};
//! use textmend::stages::StripBoilerplate;
//!
//! let mut meta = Meta::default();
//! let text = "---\n\n07.10.2019\n\nAzerNews (05 October 2019)\n\nThe article.\n\n\
//!             <https://www.azernews.az/nation/156893.html>\n\n---\n\nKaynak/Source:\n";
//! let out = StripBoilerplate::default().apply(text, &mut meta);
//! assert_eq!(out.text(), "The article.\n");
//! assert_eq!(meta.date.as_deref(), Some("2019-10-07"));
//! assert_eq!(meta.source.as_deref(), Some("AzerNews"));
//! assert_eq!(meta.url.as_deref(), Some("https://www.azernews.az/nation/156893.html"));
//! ```

mod classify;
mod dates;

use std::sync::OnceLock;

use memchr::memchr;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::edit::{Rewrite, Rewriter};
use crate::{Meta, Stage};
use classify::{Kind, classify};

pub use classify::LABELS;

/// The `boilerplate` stage's settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct StripBoilerplate {
    /// Keep the title (`meta.title`) as the first paragraph. On by default.
    pub keep_title: bool,
    /// How many non-blank lines from each end may be boilerplate (20 by default).
    pub max_lines: usize,
    /// More source labels, in any case (`"Kilde"`, `"Źródło"`).
    pub labels: Vec<String>,
    /// Regular expressions (the `regex` crate's syntax, which runs in linear time): a line at the
    /// top or bottom that one of them matches is boilerplate.
    pub patterns: Patterns,
}

impl Default for StripBoilerplate {
    fn default() -> Self {
        StripBoilerplate {
            keep_title: true,
            max_lines: 20,
            labels: Vec::new(),
            patterns: Patterns::default(),
        }
    }
}

impl StripBoilerplate {
    /// Sets [`keep_title`](Self::keep_title).
    pub fn keep_title(mut self, on: bool) -> Self {
        self.keep_title = on;
        self
    }

    /// Sets [`max_lines`](Self::max_lines).
    pub fn max_lines(mut self, n: usize) -> Self {
        self.max_lines = n;
        self
    }

    /// Adds a source label.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.labels.push(label.into());
        self
    }

    /// Adds a pattern.
    ///
    /// # Errors
    ///
    /// When the pattern is not a valid regular expression.
    pub fn pattern(mut self, pattern: &str) -> Result<Self, crate::Error> {
        let mut sources = self.patterns.sources.clone();
        sources.push(pattern.to_owned());
        self.patterns = Patterns::new(sources).map_err(|message| crate::Error::Config {
            format: "boilerplate pattern",
            message,
        })?;
        Ok(self)
    }
}

/// The user's patterns: their text (what configs hold) and, compiled once, the regexes.
#[derive(Debug, Clone, Default)]
pub struct Patterns {
    sources: Vec<String>,
    compiled: OnceLock<Vec<regex::Regex>>,
}

impl Patterns {
    fn new(sources: Vec<String>) -> Result<Patterns, String> {
        let compiled = sources
            .iter()
            .map(|p| regex::Regex::new(p).map_err(|e| format!("pattern {p:?}: {e}")))
            .collect::<Result<Vec<_>, _>>()?;
        let lock = OnceLock::new();
        let _ = lock.set(compiled);
        Ok(Patterns {
            sources,
            compiled: lock,
        })
    }

    fn regexes(&self) -> &[regex::Regex] {
        self.compiled.get_or_init(|| {
            self.sources
                .iter()
                .filter_map(|p| regex::Regex::new(p).ok())
                .collect()
        })
    }
}

impl PartialEq for Patterns {
    fn eq(&self, other: &Self) -> bool {
        self.sources == other.sources
    }
}

impl Eq for Patterns {}

impl Serialize for Patterns {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.sources.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Patterns {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let sources = Vec::<String>::deserialize(d)?;
        Patterns::new(sources).map_err(serde::de::Error::custom)
    }
}

/// Whether the `boilerplate` stage (with its defaults) would take `line` for boilerplate, were it
/// at the top or the bottom of a document: what a later stage that joins lines (`unwrap`) must
/// not make of lines that this stage, which judged them apart, kept (`Equinox,` and `AzerNews
/// (2019-01-04)`, joined, are an outlet and its date).
pub(crate) fn is_boilerplate(line: &str) -> bool {
    let t = line.trim();
    // Most lines asked about are article text, turned away here by fast scans. A line of more
    // than 320 bytes is too long for a separator or a date; one without a colon is no source
    // label; one that does not end with `)` no outlet and its date; one without `cookie` no
    // cookie notice; one of more than 8 words has the spaces a URL has none of, and is too long
    // for a share line. What is left is a copyright line, which says so. (Counted on the line
    // as `classify` reads it, white space collapsed.)
    if t.len() > 4 * 80
        && !classify::has_spaces_in_a_row(t)
        && memchr(b':', t.as_bytes()).is_none()
        && !t.contains('：')
        && !t.ends_with(')')
        && !classify::mentions_cookies(t)
        && !classify::may_be_copyright(t)
        && classify::more_words_than(t, 8)
    {
        return false;
    }
    classify(t, &[], &[]).is_some()
}

/// One line: `start..end` is its text (without the line break), `next` where the next begins.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    /// Start of the next line.
    next: usize,
}

/// The lines of `text` from the top, as far as they are read (a walk reads a few dozen lines
/// of a document that may have a million).
fn from_top(text: &str) -> impl Iterator<Item = Line> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let nl = memchr(b'\n', &bytes[start..]).map(|i| start + i);
        let (end, next) = match nl {
            Some(nl) if nl > start && bytes[nl - 1] == b'\r' => (nl - 1, nl + 1),
            Some(nl) => (nl, nl + 1),
            None => (bytes.len(), bytes.len()),
        };
        let line = Line { start, end, next };
        start = next;
        Some(line)
    })
}

/// The lines of `text` from the bottom: [`from_top`]'s, in reverse order.
fn from_bottom(text: &str) -> impl Iterator<Item = Line> + '_ {
    let bytes = text.as_bytes();
    // The start of the line after the next one to give.
    let mut next = bytes.len();
    std::iter::from_fn(move || {
        if next == 0 {
            return None;
        }
        // Each line but a last one without a line break ends with `\n`.
        let nl = (next < bytes.len() || bytes[next - 1] == b'\n').then_some(next - 1);
        let content_end = nl.unwrap_or(next);
        let start = memchr::memrchr(b'\n', &bytes[..content_end]).map_or(0, |i| i + 1);
        let end = match nl {
            Some(nl) if nl > start && bytes[nl - 1] == b'\r' => nl - 1,
            _ => content_end,
        };
        let line = Line { start, end, next };
        next = start;
        Some(line)
    })
}

/// What a walk from one end found: the boilerplate lines and the first line of article text.
struct Walk {
    kinds: Vec<Kind>,
    /// The kept title line, for the header.
    title: Option<Line>,
    /// The first (header) or last (footer) line of article text.
    body: Option<Line>,
}

impl StripBoilerplate {
    fn walk(&self, text: &str, order: impl Iterator<Item = Line>, title: Option<&str>) -> Walk {
        let mut walk = Walk {
            kinds: Vec::new(),
            title: None,
            body: None,
        };
        let mut seen = 0;
        for line in order {
            let t = text[line.start..line.end].trim();
            if t.is_empty() {
                continue;
            }
            seen += 1;
            if seen > self.max_lines {
                break;
            }
            // A title that reads as boilerplate is boilerplate: a second run of the pipeline,
            // which no longer knows it for the title (its `**` or `#` are gone), would remove it.
            match classify(t, &self.labels, self.patterns.regexes()) {
                Some(kind) => walk.kinds.push(kind),
                None if walk.title.is_none() && title.is_some_and(|title| title == t) => {
                    walk.title = Some(line);
                }
                None => {
                    walk.body = Some(line);
                    break;
                }
            }
        }
        walk
    }
}

/// Fills `meta` from what the header and footer said, without overwriting what is there.
fn lift(meta: &mut Meta, header: &[Kind], footer: &[Kind]) {
    let all = || header.iter().chain(footer);
    let dateline = header
        .iter()
        .chain(footer)
        .find_map(|k| match k {
            Kind::Dateline(d) => Some(d.clone()),
            _ => None,
        })
        .or_else(|| {
            all().find_map(|k| match k {
                Kind::OutletDate(_, d) => Some(d.clone()),
                _ => None,
            })
        });
    if meta.date.is_none() {
        meta.date = dateline;
    }
    if meta.url.is_none() {
        meta.url = footer.iter().chain(header).find_map(|k| match k {
            Kind::Url(u) => Some(u.clone()),
            Kind::SourceLabel(Some(v)) => classify::url(v).map(str::to_owned),
            _ => None,
        });
    }
    if meta.source.is_none() {
        meta.source = all().find_map(|k| match k {
            Kind::OutletDate(name, _) => Some(name.clone()),
            Kind::SourceLabel(Some(v)) if classify::url(v).is_none() => Some(v.clone()),
            _ => None,
        });
    }
}

fn reason(place: &str, kinds: &[Kind]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for k in kinds {
        if !names.contains(&k.name()) {
            names.push(k.name());
        }
    }
    format!("{place}: {}", names.join(", "))
}

impl Stage for StripBoilerplate {
    fn name(&self) -> &str {
        "boilerplate"
    }

    fn config(&self) -> Option<crate::StageConfig> {
        Some(crate::StageConfig::Boilerplate(self.clone()))
    }

    fn apply<'a>(&self, text: &'a str, meta: &mut Meta) -> Rewrite<'a> {
        let rewrite = self.pass(text, meta);
        // The lines removed may have held mojibake, which `mojibake` weighed with the rest of the
        // document: without them, a second run of the pipeline could judge the rest otherwise,
        // so what `mojibake` and `unicode` do with the text left is done here. What they do can
        // change the lines read here (`#\r@`, once `unicode` has made the lone CR a line break,
        // is `#`, a separator at the top, and `@`): the walk is made again on their output, and
        // they again on what it leaves, until neither changes anything, as a second run would.
        if !crate::stages::mojibake::takes_sequences(text, rewrite.edits()) {
            return rewrite;
        }
        crate::edit::until_stable(text, "boilerplate", 8, |t| {
            let edits = self.pass(t, meta).into_parts().1;
            if edits.is_empty() {
                crate::stages::markup::as_text(t)
            } else {
                edits
            }
        })
    }
}

impl StripBoilerplate {
    /// One walk from each end, and what it removes.
    fn pass<'a>(&self, text: &'a str, meta: &mut Meta) -> Rewrite<'a> {
        let mut out = Rewriter::new(text);
        let title = meta.title.clone();
        let mut header = self.walk(text, from_top(text), title.as_deref());
        if header.body.is_none()
            && let Some(t) = header.title
        {
            // Nothing but the title and boilerplate: the title is the body, as a second run of
            // the pipeline, which no longer knows it for the title, reads it.
            let above = from_top(text).take_while(|l| l.start < t.start);
            header = self.walk(text, above, None);
            header.body = Some(t);
        }
        let Some(first) = header.body else {
            // All boilerplate: leave it.
            return out.finish();
        };
        let below = from_bottom(text).take_while(|l| l.start > first.start);
        let footer = self.walk(text, below, None);
        let last = footer.body.unwrap_or(first);
        lift(meta, &header.kinds, &footer.kinds);

        // A lone dateline that starts the document, with no title, is the article's own (as
        // Wikinews articles begin): kept, and read into meta.
        let lone_dateline = header.kinds.len() == 1
            && matches!(header.kinds[0], Kind::Dateline(_))
            && header.title.is_none();
        // With a title kept, the header is cut down to it and one blank line even when only blank
        // lines (the remains of a rule) surround it.
        let title_padded = header.title.filter(|_| self.keep_title).is_some_and(|t| {
            let blank_gap = text[t.next..first.start].bytes().all(|b| b == b'\n');
            t.start > 0 || (blank_gap && first.start - t.end != 2)
        });
        if (!header.kinds.is_empty() && !lone_dateline) || title_padded {
            let why = if header.kinds.is_empty() {
                "header: blank lines".to_owned()
            } else {
                reason("header", &header.kinds)
            };
            let body_start = first.start;
            match header.title.filter(|_| self.keep_title) {
                Some(t) => {
                    let title_start = text[t.start..t.end]
                        .find(|c: char| !c.is_whitespace())
                        .map_or(t.start, |i| t.start + i);
                    let title_end = t.start + text[t.start..t.end].trim_end().len();
                    out.delete(0..title_start, why.clone());
                    out.replace(title_end..body_start, "\n\n", why);
                }
                None => out.delete(0..body_start, why),
            }
        } else if let Some(t) = header.title.filter(|_| !self.keep_title) {
            out.delete(
                0..first.start,
                format!("title: {}", text[t.start..t.end].trim()),
            );
        }
        if !footer.kinds.is_empty() {
            let body_end = last.start + text[last.start..last.end].trim_end().len();
            out.replace(body_end..text.len(), "\n", reason("footer", &footer.kinds));
        }
        out.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_from_the_bottom_are_those_from_the_top_reversed() {
        for text in [
            "",
            "\n",
            "\n\n",
            "a",
            "a\n",
            "a\nb",
            "a\r\nb\r\n",
            "\r\n",
            "\r",
            "a\r",
            "a\n\n\nb\n",
            "title\r\n\r\nbody\nlast",
        ] {
            let top: Vec<(usize, usize, usize)> =
                from_top(text).map(|l| (l.start, l.end, l.next)).collect();
            let mut bottom: Vec<(usize, usize, usize)> = from_bottom(text)
                .map(|l| (l.start, l.end, l.next))
                .collect();
            bottom.reverse();
            assert_eq!(top, bottom, "{text:?}");
        }
    }

    fn strip(text: &str) -> (String, Meta) {
        let mut meta = Meta::default();
        let out = StripBoilerplate::default()
            .apply(text, &mut meta)
            .text()
            .to_owned();
        (out, meta)
    }

    #[test]
    fn keeps_the_title_and_one_blank_line() {
        let mut meta = Meta {
            title: Some("THE TITLE".into()),
            ..Meta::default()
        };
        let text = "\n\n\n\nTHE TITLE\n\n-\n\n07.10.2019\n\n\n\nAzerNews (05 October 2019)\n\nBody one.\n\nBody two.\n";
        let out = StripBoilerplate::default().apply(text, &mut meta);
        assert_eq!(out.text(), "THE TITLE\n\nBody one.\n\nBody two.\n");
        assert_eq!(meta.date.as_deref(), Some("2019-10-07"));
        assert_eq!(meta.source.as_deref(), Some("AzerNews"));
    }

    #[test]
    fn a_lone_dateline_stays() {
        let text = "Friday, January 4, 2019 \n\n\nAn apartment building collapsed.\n";
        let (out, meta) = strip(text);
        assert_eq!(out, text);
        assert_eq!(meta.date.as_deref(), Some("2019-01-04"));
    }

    #[test]
    fn the_body_is_never_touched() {
        for text in [
            "Source: the text begins here and goes on as a sentence about sources.\n",
            "Only a body.\n",
            "Body.\n\nThe copyright holder, (c) 2019, said all rights reserved.\n",
            "---\n",
        ] {
            let (out, _) = strip(text);
            assert_eq!(out, text, "{text}");
        }
    }

    #[test]
    fn a_second_walk_after_mojibake_and_unicode() {
        // The footer holds mojibake (`ві`), so `mojibake` and `unicode` finish the stage's work:
        // the lone CR becomes a line break, and `#` a separator at the top, removed too.
        let (out, _) = strip("#\r@\nrelated\0ві ");
        assert_eq!(out, "@\n");
        assert_eq!(strip(&out).0, out);
    }

    #[test]
    fn user_labels_and_patterns() {
        let stage = StripBoilerplate::default()
            .label("Kilde")
            .pattern(r"^Photo: .*$")
            .unwrap();
        let mut meta = Meta::default();
        let out = stage.apply("Photo: AP\n\nBody.\n\nKilde: NRK\n", &mut meta);
        assert_eq!(out.text(), "Body.\n");
        assert_eq!(meta.source.as_deref(), Some("NRK"));
        assert!(StripBoilerplate::default().pattern("(").is_err());
    }
}
