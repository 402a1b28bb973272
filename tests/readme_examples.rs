//! The README's concise-format examples stay true: every `presslint check --format concise ...`
//! command shown in a `sh` block is run on the bundled examples, and its output must be the
//! `text` block that follows it, byte for byte.

use assert_cmd::Command;

/// `(command line, shown output)` of each concise example of the README.
fn examples(readme: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = readme;
    let opening = "```sh\npresslint check --format concise ";
    while let Some(at) = rest.find(opening) {
        let after = &rest[at + "```sh\n".len()..];
        let (command, tail) = after.split_once("\n```\n").expect("a closed sh block");
        let tail = tail.trim_start_matches('\n');
        let body = tail
            .strip_prefix("```text\n")
            .expect("the output follows the command");
        let (output, next) = body.split_once("```\n").expect("a closed text block");
        out.push((command.to_owned(), output.to_owned()));
        rest = next;
    }
    out
}

#[test]
fn the_concise_examples_print_what_the_readme_shows() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let found = examples(&readme);
    assert!(found.len() >= 2, "the French examples are in the README");
    for (command, shown) in found {
        let args: Vec<&str> = command.split_whitespace().skip(1).collect();
        let output = Command::cargo_bin("presslint")
            .unwrap()
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8(output.stdout).unwrap(),
            shown,
            "README example `{command}`"
        );
    }
}
