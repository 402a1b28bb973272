//! Shell completions and manual pages, generated from the clap definitions: the bash script
//! completes for real in bash, the zsh and fish scripts and the roff pages name the
//! subcommands and the flags.

use std::process::Command;

use assert_cmd::cargo::cargo_bin_cmd;

const SUBCOMMANDS: [&str; 9] = [
    "check",
    "parse",
    "rules",
    "explain",
    "schema",
    "init",
    "server",
    "completions",
    "man",
];

/// What `presslint ARGS` prints on stdout (it must succeed).
fn stdout_of(args: &[&str]) -> String {
    let output = cargo_bin_cmd!("presslint").args(args).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// The words bash offers after `line` (the last word is the one being completed), through
/// the function the script registers, as bash calls it on Tab.
fn bash_completes(line: &[&str]) -> Vec<String> {
    let script = stdout_of(&["completions", "bash"]);
    let words: Vec<String> = line.iter().map(|w| format!("'{w}'")).collect();
    let program = format!(
        "{script}\nCOMP_WORDS=({words})\nCOMP_CWORD={cword}\n\
         _presslint presslint '{current}' '{previous}'\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        words = words.join(" "),
        cword = line.len() - 1,
        current = line[line.len() - 1],
        previous = line[line.len() - 2],
    );
    let output = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &program])
        .output()
        .expect("bash runs");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_completes_subcommands_flags_and_their_values() {
    let subcommands = bash_completes(&["presslint", ""]);
    for name in SUBCOMMANDS {
        assert!(
            subcommands.iter().any(|w| w == name),
            "{name}: {subcommands:?}"
        );
    }
    assert_eq!(
        bash_completes(&["presslint", "check", "--sel"]),
        ["--select"]
    );
    assert_eq!(
        bash_completes(&["presslint", "check", "--st"]),
        ["--stdin-filename", "--statistics"]
    );
    assert_eq!(
        bash_completes(&["presslint", "check", "--format", ""]),
        ["human", "concise", "json", "sarif", "github", "rdjson", "gitlab"]
    );
    assert_eq!(bash_completes(&["presslint", "completions", "f"]), ["fish"]);
}

#[test]
fn zsh_and_fish_scripts_name_the_flags_of_check() {
    let fish = stdout_of(&["completions", "fish"]);
    let check_lines: Vec<&str> = fish
        .lines()
        .filter(|l| {
            l.starts_with("complete -c presslint -n \"__fish_presslint_using_subcommand check\"")
        })
        .collect();
    for flag in [
        "select",
        "extend-select",
        "ignore",
        "statistics",
        "output-file",
        "watch",
    ] {
        let long = format!(" -l {flag} ");
        assert!(
            check_lines.iter().any(|l| l.contains(&long)),
            "fish lacks --{flag}"
        );
    }
    let zsh = stdout_of(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef presslint\n"));
    assert!(zsh.contains("'*--select=[Run only these rules"), "{zsh}");
    assert!(zsh.contains("'(--fix --diff --show-fixes)--statistics[Print how many findings"));
    let output = cargo_bin_cmd!("presslint")
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn the_manual_pages_name_the_subcommands_and_the_flags() {
    let main = stdout_of(&["man"]);
    let footer = format!("\"presslint {}\"", env!("CARGO_PKG_VERSION"));
    assert!(
        main.contains(&format!(".TH presslint 1  {footer}")),
        "{main}"
    );
    assert!(main.contains("\n.SH SUBCOMMANDS\n"));
    for name in SUBCOMMANDS {
        assert!(
            main.contains(&format!("\n.TP\npresslint\\-{name}(1)\n")),
            "{name}"
        );
    }
    let check = stdout_of(&["man", "check"]);
    assert!(
        check.contains(&format!(".TH presslint-check 1  {footer}")),
        "{check}"
    );
    for flag in [
        "\\fB\\-\\-select\\fR \\fI<RULE>\\fR",
        "\\fB\\-\\-extend\\-select\\fR \\fI<RULE>\\fR",
        "\\fB\\-\\-ignore\\fR \\fI<RULE>\\fR",
        "\\fB\\-\\-statistics\\fR",
        "\\fB\\-o\\fR, \\fB\\-\\-output\\-file\\fR \\fI<FILE>\\fR",
        "\\fB\\-e\\fR, \\fB\\-\\-exit\\-zero\\fR",
        "\\fB\\-q\\fR, \\fB\\-\\-quiet\\fR",
        "\\fB\\-\\-show\\-fixes\\fR",
        "\\fB\\-w\\fR, \\fB\\-\\-watch\\fR",
        "\\fB\\-\\-fail\\-on\\fR \\fI<FAIL_ON>\\fR",
    ] {
        assert!(
            check.contains(&format!(".TP\n{flag}\n")),
            "{flag} in\n{check}"
        );
    }

    let dir = tempfile::tempdir().unwrap();
    let listed = stdout_of(&["man", "--dir", dir.path().to_str().unwrap()]);
    assert_eq!(listed, "");
    let mut pages: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    let mut expected: Vec<String> = SUBCOMMANDS
        .iter()
        .map(|name| format!("presslint-{name}.1"))
        .chain(["presslint.1".to_owned()])
        .collect();
    expected.sort();
    assert_eq!(pages, expected);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("presslint-check.1")).unwrap(),
        check
    );

    let output = cargo_bin_cmd!("presslint")
        .args(["man", "chek"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: no subcommand `chek` (one of: check, parse, rules, explain, schema, init, server, completions, man)\n"
    );
}
