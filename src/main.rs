//! CLI entry: parse arguments, run a command, map the outcome to exit code 0/1/2.

fn main() {
    std::process::exit(2);
}
