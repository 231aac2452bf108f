//! Plain-text mode: each input is read as bytes, decoded and cleaned whole.

use std::collections::VecDeque;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::sync::mpsc::{Receiver, sync_channel};

use textmend::Pipeline;

use crate::Status;
use crate::args::CleanArgs;
use crate::input::{Input, check_out_dir};
use crate::{diff, progress, report};

/// How many files are read, cleaned or waiting to be written at once; bounds memory when there
/// are many.
const FILES_IN_FLIGHT: usize = 32;

/// What cleaning one input gave, ready to write.
struct Done {
    text: String,
    stderr: String,
}

pub fn run(pipeline: &Pipeline, args: &CleanArgs) -> io::Result<Status> {
    let inputs = Input::all(&args.files);
    if let Some(dir) = &args.out_dir
        && let Err(message) = check_out_dir(&inputs, dir)
    {
        eprintln!("textmend: {message}");
        return Ok(Status::Usage);
    }
    let bar = progress::bar(inputs.iter().map(Input::len).sum());
    let colour = report::use_colour();
    let diff_colour = args.diff && report::stdout_colour();
    let mut stdout = BufWriter::new(io::stdout().lock());
    let mut status = Status::Ok;
    // Each input is a job for the pool, and this thread writes the results in order, the
    // earliest as soon as it is done: a long file keeps one thread busy, not the others idle
    // until it ends (as a batch of files cleaned together would).
    rayon::in_place_scope(|jobs| -> io::Result<()> {
        let mut in_flight = VecDeque::with_capacity(FILES_IN_FLIGHT);
        let mut write = |input: &Input, done: Receiver<Result<Done, String>>| -> io::Result<()> {
            match done.recv().expect("a cleaning job does not panic") {
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
            bar.inc(input.len().unwrap_or(0));
            Ok(())
        };
        for input in &inputs {
            if in_flight.len() == FILES_IN_FLIGHT
                && let Some((input, done)) = in_flight.pop_front()
            {
                write(input, done)?;
            }
            let (done_tx, done_rx) = sync_channel(1);
            jobs.spawn(move |_| {
                // This thread may have stopped on an error (returned below).
                let _ = done_tx.send(clean_one(pipeline, input, args, colour, diff_colour));
            });
            in_flight.push_back((input, done_rx));
        }
        while let Some((input, done)) = in_flight.pop_front() {
            write(input, done)?;
        }
        Ok(())
    })?;
    bar.finish_and_clear();
    stdout.flush()?;
    Ok(status)
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
