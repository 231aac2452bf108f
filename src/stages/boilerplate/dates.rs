//! Dates as news datelines write them, read to ISO `YYYY-MM-DD`.
//!
//! `07.10.2019` (day first, as in Europe), `2019-10-07`, `2019/10/07`, `Oct. 7, 2019`,
//! `October 7, 2019`, `7 October 2019`, `07 Oct 2019`, each with an optional weekday before it
//! (`Monday, January 14, 2019`) and an optional time after it (`14:05`, `14:05 GMT`). Slashed
//! dates with the day and month in either order (`10/07/2019`) are ambiguous and not read.

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The month a word names (`Oct`, `Oct.`, `October`, `Sept.`), 1 to 12.
fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() <= 4 && m.starts_with(&w)))
        .map(|i| i as u32 + 1)
}

fn number(word: &str, digits: std::ops::RangeInclusive<usize>) -> Option<u32> {
    let w = word.trim_end_matches([',', '.']);
    (digits.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
}

fn iso(year: u32, month: u32, day: u32) -> Option<String> {
    ((1900..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// Strips a weekday (`Monday,`) from the front and a time (`14:05`, `14:05 GMT`) from the back.
fn core(text: &str) -> &str {
    let mut t = text.trim();
    if let Some((first, rest)) = t.split_once([',', ' '])
        // (Compared without lowercasing, which allocates: of the characters outside ASCII only
        // the Kelvin sign lowercases to an ASCII letter, and no weekday has a `k`.)
        && WEEKDAYS.iter().any(|w| first.eq_ignore_ascii_case(w))
    {
        t = rest.trim_start_matches([',', ' ']);
    }
    if let Some((before, last)) = t.rsplit_once(' ') {
        let zone = last.bytes().all(|b| b.is_ascii_uppercase()) && last.len() <= 4;
        let time = |s: &str| s.contains(':') && s.bytes().all(|b| b.is_ascii_digit() || b == b':');
        if time(last) {
            t = before.trim_end_matches([',', ' ']);
        } else if zone
            && let Some((b2, maybe_time)) = before.rsplit_once(' ')
            && time(maybe_time)
        {
            t = b2.trim_end_matches([',', ' ']);
        }
    }
    t
}

/// The ISO date `text` is, if all of it is one date.
pub fn parse(text: &str) -> Option<String> {
    let t = core(text);
    if t.len() > 40 {
        return None;
    }
    // Numeric: 07.10.2019, 2019-10-07, 2019/10/07.
    if t.bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'/'))
    {
        let parts: Vec<&str> = t.split(['.', '-', '/']).collect();
        if parts.len() != 3 {
            return None;
        }
        let sep = t.as_bytes()[parts[0].len()];
        if parts[0].len() == 4 && matches!(sep, b'-' | b'/') {
            return iso(
                number(parts[0], 4..=4)?,
                number(parts[1], 1..=2)?,
                number(parts[2], 1..=2)?,
            );
        }
        if sep == b'.' && parts[2].len() == 4 {
            return iso(
                number(parts[2], 4..=4)?,
                number(parts[1], 1..=2)?,
                number(parts[0], 1..=2)?,
            );
        }
        return None;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    match words.as_slice() {
        // Oct. 7, 2019 / October 7 2019
        [m, d, y] if month(m).is_some() => iso(number(y, 4..=4)?, month(m)?, number(d, 1..=2)?),
        // 7 October 2019 / 07 Oct. 2019
        [d, m, y] if month(m).is_some() => iso(number(y, 4..=4)?, month(m)?, number(d, 1..=2)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        for (text, date) in [
            ("07.10.2019", "2019-10-07"),
            ("2019-10-07", "2019-10-07"),
            ("2019/10/07", "2019-10-07"),
            ("Oct. 7, 2019", "2019-10-07"),
            ("October 7, 2019", "2019-10-07"),
            ("7 October 2019", "2019-10-07"),
            ("05 October 2019", "2019-10-05"),
            ("Sept. 3, 2020", "2020-09-03"),
            ("Monday, January 14, 2019", "2019-01-14"),
            ("Friday, January 4, 2019 ", "2019-01-04"),
            ("7 Oct 2019 14:05", "2019-10-07"),
            ("Oct. 7, 2019 14:05 GMT", "2019-10-07"),
        ] {
            assert_eq!(parse(text).as_deref(), Some(date), "{text}");
        }
        for text in [
            "10/07/2019",
            "32.10.2019",
            "07.13.2019",
            "Oct. 7",
            "May the force",
            "In October 2019 it rained",
            "2019",
            "1.2.3",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }
}
