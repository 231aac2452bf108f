//! The `textmend` command-line tool: `textmend clean` over files, standard input or JSON Lines,
//! and `textmend stages`.

mod args;
mod diff;
mod input;
mod jsonl;
mod ordered;
mod progress;
mod record;
mod report;
mod text;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

use args::{CleanArgs, Cli, Command};

/// How a run ended, as the exit code says: 0 all well, 1 some input could not be cleaned (the
/// rest was), 2 the command itself was wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Ok = 0,
    BadInput = 1,
    Usage = 2,
}

/// `status`, what a run has seen so far, when `written` went well or ended because standard
/// output was closed (`| head`): that stop is quiet, but does not hide an input reported before
/// it. Any other error of writing is returned.
fn status_unless_broken(written: io::Result<()>, status: Status) -> io::Result<Status> {
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e),
        _ => Ok(status),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let status = match cli.command {
        Command::Stages => stages(),
        Command::Clean(args) => clean(&args),
    };
    ExitCode::from(status as u8)
}

fn clean(args: &CleanArgs) -> Status {
    let pipeline = match args.pipeline() {
        Ok(pipeline) => pipeline,
        Err(message) => {
            eprintln!("textmend: {message}");
            return Status::Usage;
        }
    };
    if let Some(threads) = args.threads {
        // Fails only if a pool exists already, which cannot happen this early.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global();
    }
    let result = if args.jsonl {
        jsonl::run(&pipeline, args)
    } else {
        text::run(&pipeline, args)
    };
    match result {
        Ok(status) => status,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Status::Ok,
        Err(e) => {
            eprintln!("textmend: cannot write output: {e}");
            Status::BadInput
        }
    }
}

fn stages() -> Status {
    let mut out = io::stdout().lock();
    let result = (|| -> io::Result<()> {
        writeln!(out, "stages:")?;
        for stage in textmend::registry::STAGES {
            let status = if stage.built { "" } else { " (not built yet)" };
            writeln!(out, "  {:<12} {}{status}", stage.name, stage.summary)?;
        }
        writeln!(out, "presets:")?;
        for preset in textmend::registry::PRESETS {
            let missing: Vec<_> = preset.missing().collect();
            let note = if missing.is_empty() {
                String::new()
            } else {
                format!(" (not built yet: {})", missing.join(", "))
            };
            writeln!(
                out,
                "  {:<12} {}: {}{note}",
                preset.name,
                preset.summary,
                preset.stages.join(", ")
            )?;
        }
        Ok(())
    })();
    match result {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("textmend: cannot write output: {e}");
            Status::BadInput
        }
        _ => Status::Ok,
    }
}
