//! The `redress` binary: parses arguments, runs the command, sets the exit status. Everything else is in the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = redress::cli::Cli::parse();
    redress::cli::run(cli)
}
