//! Configuration as a user meets it: `presslint.toml` discovered by walking up, `--config`,
//! `--no-config`, `--pack`, `init`, and broken files reported with their file and line.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

const FLAWED: &str = include_str!("../examples/flawed-release.txt");

fn presslint(dir: &Path) -> Command {
    let mut command = Command::cargo_bin("presslint").expect("binary");
    command.current_dir(dir).env("NO_COLOR", "1");
    command
}

/// Runs `presslint check --format concise ARGS` in `dir`: (exit code, rule ids per line, stderr).
fn check(dir: &Path, args: &[&str]) -> (i32, Vec<String>, String) {
    let output = presslint(dir)
        .args(["check", "--format", "concise"])
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let found = stdout
        .lines()
        .filter_map(|l| {
            let (file, rest) = l.split_once(':')?;
            let rule = rest.split_once('[')?.1.split_once(']')?.0;
            Some(format!("{file} {rule}"))
        })
        .collect();
    (
        output.status.code().unwrap_or(-1),
        found,
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn project(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("archive/1997")).unwrap();
    fs::write(dir.path().join("new.txt"), FLAWED).unwrap();
    fs::write(dir.path().join("archive/1997/old.txt"), FLAWED).unwrap();
    fs::write(dir.path().join("presslint.toml"), config).unwrap();
    dir
}

#[test]
fn a_discovered_configuration_selects_ignores_and_reweights_rules() {
    let dir = project(
        "ignore = [\"page\"]\nfail-on = \"warning\"\n[severity]\n\"symbol/malformed\" = \"warning\"\n\
         [per-file-ignores]\n\"archive/**\" = [\"dateline\", \"date\"]\n",
    );
    let (code, found, _) = check(dir.path(), &["."]);
    assert_eq!(
        found,
        [
            "archive/1997/old.txt symbol/malformed",
            "archive/1997/old.txt end-marker/malformed",
            "archive/1997/old.txt disclaimer/malformed",
            "new.txt symbol/malformed",
            "new.txt dateline/malformed",
            "new.txt date/weekday-mismatch",
            "new.txt end-marker/malformed",
            "new.txt disclaimer/malformed",
        ]
    );
    assert_eq!(code, 1);
    let output = presslint(dir.path())
        .args(["check", "--format", "concise", "new.txt"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("new.txt:3:1: warning[symbol/malformed]"),
        "severity override: {stdout}"
    );

    // Discovery walks up from the file, wherever the command runs.
    let (_, found, _) = check(&dir.path().join("archive"), &["1997/old.txt"]);
    assert_eq!(found.len(), 3, "{found:?}");

    // --no-config: the built-in defaults.
    let (_, found, _) = check(dir.path(), &["--no-config", "new.txt"]);
    assert_eq!(
        found.first().map(String::as_str),
        Some("new.txt page/site-noise")
    );
    assert_eq!(found.len(), 6);
}

#[test]
fn select_and_fail_on_from_the_configuration_and_the_flag_override() {
    let dir =
        project("select = [\"end-marker\", \"disclaimer/malformed\"]\nfail-on = \"warning\"\n");
    let (code, found, _) = check(dir.path(), &["new.txt"]);
    assert_eq!(
        found,
        [
            "new.txt end-marker/malformed",
            "new.txt disclaimer/malformed"
        ]
    );
    assert_eq!(code, 1, "warnings fail the run by the configuration");
    let (code, _, _) = check(dir.path(), &["--fail-on", "error", "new.txt"]);
    assert_eq!(code, 0, "the flag wins");
}

#[test]
fn an_explicit_configuration_applies_to_every_input() {
    let dir = project("");
    fs::write(dir.path().join("strict.toml"), "select = [\"symbol\"]\n").unwrap();
    let (_, found, _) = check(
        dir.path(),
        &["--config", "strict.toml", "new.txt", "archive/1997/old.txt"],
    );
    assert_eq!(
        found,
        [
            "new.txt symbol/malformed",
            "archive/1997/old.txt symbol/malformed"
        ]
    );
    let (code, _, stderr) = check(dir.path(), &["--config", "missing.toml", "new.txt"]);
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        "error: missing.toml: cannot read configuration: no such file\n"
    );
}

#[test]
fn broken_configurations_are_one_line_errors_with_file_and_line_and_other_files_are_checked() {
    let dir = project("");
    fs::create_dir(dir.path().join("broken")).unwrap();
    fs::write(dir.path().join("broken/r.txt"), FLAWED).unwrap();
    let cases = [
        (
            "pack = \"un-en\"\nignroe = [\"page\"]\n",
            "broken/presslint.toml:2: unknown key `ignroe` (expected one of: pack, select,",
        ),
        (
            "ignore = [\n  \"page\",\n  \"symbol/nonsense\",\n]\n",
            "broken/presslint.toml:3: unknown rule or group `symbol/nonsense` for pack `un-en`",
        ),
        (
            "[per-file-ignores]\n\"a/[b\" = [\"page\"]\n",
            "broken/presslint.toml:2: bad glob `a/[b` in per-file-ignores",
        ),
        (
            "fail-on = \"sometimes\"\n",
            "broken/presslint.toml:1: unknown value `sometimes` (expected one of: info, warning, error)",
        ),
        (
            "pack = \"un-xx\"\n",
            "broken/presslint.toml:1: no rule pack `un-xx`",
        ),
        (
            "pack = \"un-en\"\nextend-rules = [\"house\"]\n",
            "broken/presslint.toml:2: extend-rules: no directory `broken/house`",
        ),
    ];
    for (config, expected) in cases {
        fs::write(dir.path().join("broken/presslint.toml"), config).unwrap();
        let (code, found, stderr) = check(dir.path(), &["broken/r.txt", "new.txt"]);
        assert_eq!(code, 2, "{config}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.starts_with(&format!("error: broken/r.txt: {expected}")),
            "{config}: {stderr}"
        );
        assert!(
            found.iter().any(|f| f == "new.txt symbol/malformed"),
            "other files are still checked"
        );
    }
}

#[test]
fn packs_by_name_flag_and_directory() {
    let dir = project("pack = \"un-fr\"\n");
    let french =
        "CS/10023\n19 juillet 2010\n\nLe Conseil de sécurité proroge le mandat de la Mission\n\n\
Le Conseil de sécurité a décidé, ce matin, de proroger le mandat de la Mission.\n\n*   ***   *\n\n\
À l’intention des organes d’information. Document non officiel.\n";
    fs::write(dir.path().join("fr.txt"), french).unwrap();
    let (code, found, _) = check(dir.path(), &["fr.txt"]);
    assert_eq!(
        (code, found),
        (0, vec![]),
        "clean under the configured un-fr pack"
    );
    let (_, found, _) = check(dir.path(), &["--pack", "un-en", "fr.txt"]);
    assert_eq!(
        found,
        ["fr.txt page/wrong-pack"],
        "one info line, not a flood"
    );

    let acme = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/packs/acme-en");
    let acme = acme.to_str().unwrap();
    let release = format!("{acme}/example-release.txt");
    let (code, found, _) = check(dir.path(), &["--no-config", "--pack", acme, &release]);
    assert_eq!(
        (code, found),
        (0, vec![]),
        "the worked example is clean under its own pack"
    );
}

#[test]
fn init_writes_a_starter_file_once() {
    let dir = tempfile::tempdir().unwrap();
    let first = presslint(dir.path()).arg("init").output().unwrap();
    assert_eq!(first.status.code(), Some(0));
    let written = fs::read_to_string(dir.path().join("presslint.toml")).unwrap();
    assert!(
        written.starts_with("# presslint configuration."),
        "{written}"
    );
    let second = presslint(dir.path()).arg("init").output().unwrap();
    assert_eq!(second.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(second.stderr).unwrap(),
        "error: presslint.toml: already exists; not overwritten\n"
    );
    fs::write(dir.path().join("r.txt"), FLAWED).unwrap();
    let (code, found, _) = check(dir.path(), &["r.txt"]);
    assert_eq!((code, found.len()), (1, 6), "the starter changes nothing");
}
