//! Runs inputs through a target without AFL: `replay TARGET FILE...` (a crash input, a
//! corpus). Prints each file's name before running it, so a panic names its input.

fn main() {
    let mut args = std::env::args().skip(1);
    let target = args.next().unwrap_or_default();
    let run: fn(&[u8]) = match target.as_str() {
        "parse" => presslint_fuzz::parse,
        "fix" => presslint_fuzz::fix,
        "json" => presslint_fuzz::json,
        "markup" => presslint_fuzz::markup,
        "rules" => |b| report(presslint_fuzz::rules(b)),
        "config" => |b| report(presslint_fuzz::config(b)),
        other => {
            eprintln!("unknown target `{other}` (parse, fix, json, markup, rules, config)");
            std::process::exit(2);
        }
    };
    for path in args {
        eprintln!("{path}");
        match std::fs::read(&path) {
            Ok(bytes) => run(&bytes),
            Err(e) => eprintln!("cannot read {path}: {e}"),
        }
    }
}

/// Shows the error a `rules` or `config` input came to (none: it loaded).
fn report(error: Option<String>) {
    match error {
        Some(message) => eprintln!("  error: {message}"),
        None => eprintln!("  loaded"),
    }
}
