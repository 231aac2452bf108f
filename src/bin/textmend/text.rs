//! Plain-text mode: each input is read as bytes, decoded and cleaned whole.

use std::fs;
use std::io::{self, BufWriter, Write};

use rayon::prelude::*;
use textmend::Pipeline;

use crate::Status;
use crate::args::CleanArgs;
use crate::input::{Input, check_out_dir};
use crate::{diff, ordered, progress, report};

/// Files are cleaned in groups of consecutive ones, this many or this many bytes (whichever
/// comes first), so that the thread that writes them wakes once a group, not once a file; the
/// files of a group are cleaned in parallel too.
const GROUP_FILES: usize = 64;
const GROUP_BYTES: u64 = 1 << 20;

/// What an input whose size is not known in advance (standard input, a pipe, which reports 0)
/// weighs in a group: a few articles, so that a group of them is bounded too.
const UNKNOWN_BYTES: u64 = 64 << 10;

/// What cleaning one input gave, ready to write.
struct Done {
    text: String,
    stderr: String,
}

/// A group's inputs with their sizes (when known), and what cleaning each gave.
type Cleaned<'i> = Vec<((&'i Input, Option<u64>), Result<Done, String>)>;

pub fn run(pipeline: &Pipeline, args: &CleanArgs) -> io::Result<Status> {
    let inputs = Input::all(&args.files);
    if let Some(dir) = &args.out_dir
        && let Err(message) = check_out_dir(&inputs, dir)
    {
        eprintln!("textmend: {message}");
        return Ok(Status::Usage);
    }
    let sized: Vec<(&Input, Option<u64>)> = inputs.iter().map(|i| (i, i.len())).collect();
    let bar = progress::bar(sized.iter().map(|&(_, len)| len).sum());
    let colour = report::use_colour();
    let diff_colour = args.diff && report::stdout_colour();
    let mut stdout = BufWriter::new(io::stdout().lock());
    let mut status = Status::Ok;
    // Each group is a job, its files cleaned in parallel too, written in order as soon as it is
    // done.
    let clean_group = |group: &[_]| -> Cleaned {
        let clean = |&(input, len)| {
            (
                (input, len),
                clean_one(pipeline, input, args, colour, diff_colour),
            )
        };
        group.par_iter().map(clean).collect()
    };
    let written = ordered::in_order(groups(&sized), clean_group, |cleaned| {
        for ((input, len), result) in cleaned {
            match result {
                Ok(done) => {
                    eprint!("{}", done.stderr);
                    if args.out_dir.is_none() {
                        stdout.write_all(done.text.as_bytes())?;
                    }
                }
                Err(message) => {
                    eprintln!("textmend: {}: {message}", input.name());
                    status = Status::BadInput;
                }
            }
            bar.inc(len.unwrap_or(0));
        }
        Ok(())
    });
    bar.finish_and_clear();
    crate::status_unless_broken(written.and_then(|()| stdout.flush()), status)
}

/// `inputs` in groups of consecutive ones: [`GROUP_FILES`] files, or as many as reach
/// [`GROUP_BYTES`] (the file that reaches it ends its group; one of unknown size weighs
/// [`UNKNOWN_BYTES`]), whichever comes first.
fn groups<'a, 'i>(
    inputs: &'a [(&'i Input, Option<u64>)],
) -> impl Iterator<Item = &'a [(&'i Input, Option<u64>)]> {
    let mut rest = inputs;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut bytes = 0;
        let mut n = 0;
        while n < rest.len() && n < GROUP_FILES && bytes < GROUP_BYTES {
            bytes += rest[n].1.filter(|&len| len > 0).unwrap_or(UNKNOWN_BYTES);
            n += 1;
        }
        let (group, after) = rest.split_at(n);
        rest = after;
        Some(group)
    })
}

fn clean_one(
    pipeline: &Pipeline,
    input: &Input,
    args: &CleanArgs,
    colour: bool,
    diff_colour: bool,
) -> Result<Done, String> {
    let bytes = input.read_all().map_err(|e| format!("cannot read: {e}"))?;
    let cleaned = pipeline.clean_bytes(&bytes);
    let mut stderr = String::new();
    if args.meta {
        let line = serde_json::json!({ "input": input.name(), "meta": cleaned.meta });
        stderr.push_str(&line.to_string());
        stderr.push('\n');
    }
    if args.explain {
        stderr.push_str(&report::explain(
            &input.name(),
            &bytes,
            &cleaned.edits,
            colour,
        ));
    }
    if let Some(dir) = &args.out_dir {
        let path = input.output_path(dir).expect("checked by check_out_dir");
        fs::write(&path, cleaned.text.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    let text = if args.diff {
        diff::view(&input.name(), &bytes, &cleaned.edits, diff_colour)
    } else {
        cleaned.text.into_owned()
    };
    Ok(Done { text, stderr })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_end_at_a_count_or_a_size_and_keep_every_input_in_order() {
        let inputs: Vec<Input> = (0..200)
            .map(|k| Input::File(format!("{k}").into()))
            .collect();
        let sizes = |k: usize| match k {
            10 => Some(GROUP_BYTES * 3), // a long file ends its group
            20..=29 => Some(GROUP_BYTES / 8),
            100..=149 => None,    // unknown: a pipe, standard input
            150..=179 => Some(0), // what a pipe reports
            _ => Some(100),
        };
        let sized: Vec<_> = inputs
            .iter()
            .enumerate()
            .map(|(k, i)| (i, sizes(k)))
            .collect();
        let lengths: Vec<usize> = groups(&sized).map(<[_]>::len).collect();
        // 0..=10; 11..=27 (eight eighths); 28..=91 (64 files); 92..=115 (eight small ones and 16
        // of unknown size); then 16 of unknown size a group, to 179; and the last 20 small ones.
        let unknown_a_group = (GROUP_BYTES / UNKNOWN_BYTES) as usize;
        assert_eq!(unknown_a_group, 16);
        assert_eq!(lengths, [11, 17, GROUP_FILES, 24, 16, 16, 16, 16, 20]);
        let names: Vec<String> = groups(&sized).flatten().map(|(i, _)| i.name()).collect();
        let expected: Vec<String> = inputs.iter().map(Input::name).collect();
        assert_eq!(names, expected);
    }
}
