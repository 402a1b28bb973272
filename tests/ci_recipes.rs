//! The CI recipes users paste, run here as far as they can be: the GitHub Actions workflow
//! (`docs/ci/github-actions.yml`) and the GitLab CI job (`docs/ci/gitlab-ci.yml`) are parsed,
//! and the shell of every step runs on the bundled example releases with the presslint under
//! test on PATH; `.pre-commit-hooks.yaml` is run by the real `pre-commit` (from PyPI) on a
//! scratch git repository.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use yaml_rust2::{Yaml, YamlLoader};

const FLAWED: &str = include_str!("../examples/flawed-release.txt");
const CLEAN: &str = include_str!("../examples/clean-release.txt");

/// The rules the flawed example breaks, sorted.
const FLAWED_RULES: [&str; 6] = [
    "date/weekday-mismatch",
    "dateline/malformed",
    "disclaimer/malformed",
    "end-marker/malformed",
    "page/site-noise",
    "symbol/malformed",
];

fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The one YAML document of a file of the repository.
fn load(relative: &str) -> Yaml {
    let text = fs::read_to_string(repository().join(relative)).unwrap();
    let mut documents = YamlLoader::load_from_str(&text).expect("valid YAML");
    assert_eq!(documents.len(), 1, "{relative}");
    documents.remove(0)
}

fn text<'a>(yaml: &'a Yaml, what: &str) -> &'a str {
    yaml.as_str()
        .unwrap_or_else(|| panic!("{what} is not a string: {yaml:?}"))
}

/// A YAML mapping of strings as pairs.
fn string_pairs(yaml: &Yaml) -> Vec<(String, String)> {
    yaml.as_hash()
        .expect("a mapping")
        .iter()
        .map(|(k, v)| (text(k, "a key").to_owned(), text(v, "a value").to_owned()))
        .collect()
}

/// The directory of the presslint under test, first on PATH.
fn path_with_presslint() -> String {
    let bin = Path::new(env!("CARGO_BIN_EXE_presslint")).parent().unwrap();
    format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

/// A checkout with the bundled examples in `releases/`.
fn checkout() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("releases")).unwrap();
    fs::write(dir.path().join("releases/flawed-release.txt"), FLAWED).unwrap();
    fs::write(dir.path().join("releases/clean-release.txt"), CLEAN).unwrap();
    dir
}

/// Runs a step's shell as the CI runners do (bash, stop at the first failing command).
fn bash(script: &str, dir: &Path, env: &[(String, String)]) -> Output {
    Command::new("bash")
        .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
        .current_dir(dir)
        .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .env("PATH", path_with_presslint())
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn sorted_rules<'a>(rules: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut rules: Vec<&str> = rules.collect();
    rules.sort_unstable();
    rules.dedup();
    rules
}

#[test]
fn the_github_workflow_annotates_uploads_sarif_and_fails_on_errors() {
    let workflow = load("docs/ci/github-actions.yml");
    assert!(
        !workflow["on"]["pull_request"].is_badvalue(),
        "runs on pull requests"
    );
    let job = &workflow["jobs"]["presslint"];
    assert_eq!(
        job["permissions"]["security-events"].as_str(),
        Some("write")
    );
    let steps = job["steps"].as_vec().unwrap();
    let uses: Vec<&str> = steps.iter().filter_map(|s| s["uses"].as_str()).collect();
    assert_eq!(
        uses,
        [
            "actions/checkout@v4",
            "actions/cache@v4",
            "github/codeql-action/upload-sarif@v3"
        ]
    );
    let upload = steps
        .iter()
        .position(|s| s["uses"].as_str() == Some("github/codeql-action/upload-sarif@v3"))
        .unwrap();
    let sarif_file = text(&steps[upload]["with"]["sarif_file"], "sarif_file");

    let dir = checkout();
    let env = string_pairs(&workflow["env"]);
    let mut ran = Vec::new();
    for (index, step) in steps.iter().enumerate() {
        let Some(script) = step["run"].as_str() else {
            continue;
        };
        let output = bash(script, dir.path(), &env);
        let name = text(&step["name"], "a step's name").to_owned();
        ran.push((index, name, output));
    }
    let summary: Vec<(&str, Option<i32>)> = ran
        .iter()
        .map(|(_, name, output)| (name.as_str(), output.status.code()))
        .collect();
    assert_eq!(
        summary,
        [
            // presslint is on PATH: nothing to install.
            ("Install presslint", Some(0)),
            ("presslint (SARIF)", Some(0)),
            ("presslint", Some(1)),
        ],
        "{ran:#?}"
    );
    // The SARIF is written before the upload, and the failing step comes after it.
    let (sarif_step, _, _) = &ran[1];
    let (gate_step, _, gate) = &ran[2];
    assert!(*sarif_step < upload && upload < *gate_step);

    let sarif: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join(sarif_file)).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(
        sorted_rules(results.iter().map(|r| r["ruleId"].as_str().unwrap())),
        FLAWED_RULES
    );
    for result in results {
        let location = &result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
        assert_eq!(location, "releases/flawed-release.txt");
    }

    let annotations = String::from_utf8(gate.stdout.clone()).unwrap();
    assert!(
        annotations.lines().any(|l| l.starts_with(
            "::error file=releases/flawed-release.txt,line=3,col=1,endLine=3,endColumn=12,title=symbol/malformed::"
        )),
        "{annotations}"
    );
    assert_eq!(
        annotations.lines().filter(|l| l.starts_with("::")).count(),
        6
    );
}

#[test]
fn the_gitlab_job_writes_a_code_quality_report_even_when_it_fails() {
    let ci = load("docs/ci/gitlab-ci.yml");
    let job = &ci["presslint"];
    let artifacts = &job["artifacts"];
    assert_eq!(artifacts["when"].as_str(), Some("always"));
    let report = text(&artifacts["reports"]["codequality"], "codequality");
    let lines: Vec<&str> = job["before_script"]
        .as_vec()
        .unwrap()
        .iter()
        .chain(job["script"].as_vec().unwrap())
        .map(|line| text(line, "a script line"))
        .collect();
    let check = lines
        .iter()
        .find(|l| l.starts_with("presslint check"))
        .expect("a presslint check line");
    assert!(check.contains(" --format gitlab "), "{check}");
    assert!(
        check.ends_with(&format!(" --output-file {report}")),
        "{check}"
    );

    // The job's shell: before_script and script run in one session.
    let dir = checkout();
    let mut env = string_pairs(&job["variables"]);
    env.push(("CI_PROJECT_DIR".into(), dir.path().display().to_string()));
    let output = bash(&lines.join("\n"), dir.path(), &env);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let quality: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join(report)).unwrap()).unwrap();
    let issues = quality.as_array().unwrap();
    assert_eq!(
        sorted_rules(issues.iter().map(|i| i["check_name"].as_str().unwrap())),
        FLAWED_RULES
    );
    for issue in issues {
        assert_eq!(issue["location"]["path"], "releases/flawed-release.txt");
        assert!(["major", "minor", "info"].contains(&issue["severity"].as_str().unwrap()));
        assert_eq!(issue["fingerprint"].as_str().unwrap().len(), 32, "{issue}");
    }
}

/// How to run pre-commit here, if it is installed.
fn pre_commit() -> Option<Vec<&'static str>> {
    [vec!["pre-commit"], vec!["python3", "-m", "pre_commit"]]
        .into_iter()
        .find(|command| {
            Command::new(command[0])
                .args(&command[1..])
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

/// `git ARGS` in `dir`, which must succeed.
fn git(dir: &Path, args: &[&str]) {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "presslint tests")
        .env("GIT_AUTHOR_EMAIL", "tests@example.org")
        .env("GIT_COMMITTER_NAME", "presslint tests")
        .env("GIT_COMMITTER_EMAIL", "tests@example.org")
        .output()
        .unwrap();
    assert!(output.status.success(), "git {args:?}: {output:?}");
}

/// Stands in for cargo when pre-commit installs the `language: rust` hook: it must be asked
/// `cargo install --bins --root ENV --path .` in the hook repository, and copies the
/// presslint under test there instead of a release build (minutes on two cores).
const FAKE_CARGO: &str = r#"#!/bin/sh
echo "$*" >> "$FAKE_CARGO_LOG"
case "$1" in
  --version) echo "cargo 1.95.0 (stand-in for the tests)"; exit 0 ;;
  install)
    if [ "$2 $3 $5 $6" = "--bins --root --path ." ] && [ -f .pre-commit-hooks.yaml ]; then
      mkdir -p "$4/bin" && cp "$PRESSLINT_UNDER_TEST" "$4/bin/presslint" && exit 0
    fi ;;
esac
echo "unexpected: cargo $*" >&2
exit 1
"#;

/// A scratch setup for pre-commit: the hook repository, the user's repository, pre-commit's
/// own cache, and the environment of its runs.
struct Scratch<'a> {
    pre_commit: &'a [&'a str],
    hooks: &'a Path,
    work: &'a Path,
    env: Vec<(&'static str, String)>,
}

impl Scratch<'_> {
    /// `pre-commit try-repo HOOKS HOOK --files FILES` in the user's repository: (exit code,
    /// output).
    fn try_repo(&self, hook: &str, files: &[&str]) -> (Option<i32>, String) {
        let output = Command::new(self.pre_commit[0])
            .args(&self.pre_commit[1..])
            .args(["try-repo", self.hooks.to_str().unwrap(), hook, "--files"])
            .args(files)
            .current_dir(self.work)
            .envs(self.env.iter().map(|(k, v)| (*k, v.as_str())))
            .env("NO_COLOR", "1")
            .env("PRE_COMMIT_COLOR", "never")
            .output()
            .unwrap();
        let mut text = String::from_utf8(output.stdout).unwrap();
        text.push_str(&String::from_utf8(output.stderr).unwrap());
        (output.status.code(), text)
    }
}

#[test]
fn pre_commit_runs_the_hooks_of_this_repository() {
    let Some(pre_commit) = pre_commit() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "pre-commit is not installed, and CI is set: .ci/run installs it"
        );
        eprintln!("skipped: pre-commit is not installed (pip install pre-commit)");
        return;
    };
    let scratch = tempfile::tempdir().unwrap();
    let hooks = scratch.path().join("hooks");
    let work = scratch.path().join("work");
    let home = scratch.path().join("pre-commit-home");
    for dir in [&hooks, &work] {
        fs::create_dir(dir).unwrap();
        git(dir, &["init", "--quiet"]);
    }
    // The hook repository as a user's pre-commit clones it (the hooks file is all it reads).
    fs::copy(
        repository().join(".pre-commit-hooks.yaml"),
        hooks.join(".pre-commit-hooks.yaml"),
    )
    .unwrap();
    git(&hooks, &["add", ".pre-commit-hooks.yaml"]);
    git(&hooks, &["commit", "--quiet", "-m", "hooks"]);
    fs::write(work.join("release.txt"), FLAWED).unwrap();
    fs::write(work.join("clean.txt"), CLEAN).unwrap();
    fs::write(work.join("notes.md"), "Not a release.\n").unwrap();
    git(&work, &["add", "."]);
    let files = ["release.txt", "clean.txt", "notes.md"];

    let home = home.display().to_string();
    let mut scratch_run = Scratch {
        pre_commit: &pre_commit,
        hooks: &hooks,
        work: &work,
        env: vec![
            ("PATH", path_with_presslint()),
            ("PRE_COMMIT_HOME", home.clone()),
        ],
    };

    // presslint-system: the presslint on PATH.
    let (code, output) = scratch_run.try_repo("presslint-system", &files);
    assert_eq!(code, Some(1), "{output}");
    assert!(output.contains("presslint (installed)....."), "{output}");
    assert!(
        output.contains("Failed\n- hook id: presslint-system\n- exit code: 1\n"),
        "{output}"
    );
    assert!(output.contains(
        "error[symbol/malformed]: symbol `sg/sm/23117` does not follow the symbol grammar"
    ));
    assert!(output.contains("┌─ release.txt:3:1"), "{output}");
    assert!(
        !output.contains("notes.md"),
        "only .txt and .json files are passed: {output}"
    );

    // presslint (language: rust): pre-commit installs it into an environment of its own, with
    // the stand-in cargo first on PATH (and the presslint under test not on it).
    let fake = scratch.path().join("fake-cargo");
    fs::create_dir(&fake).unwrap();
    let cargo = fake.join("cargo");
    fs::write(&cargo, FAKE_CARGO).unwrap();
    fs::set_permissions(&cargo, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let log = scratch.path().join("cargo.log");
    let path = format!(
        "{}:{}",
        fake.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    scratch_run.env = vec![
        ("PATH", path),
        ("PRE_COMMIT_HOME", home),
        ("FAKE_CARGO_LOG", log.display().to_string()),
        (
            "PRESSLINT_UNDER_TEST",
            env!("CARGO_BIN_EXE_presslint").to_owned(),
        ),
    ];
    let (code, output) = scratch_run.try_repo("presslint", &files);
    assert_eq!(code, Some(1), "{output}");
    assert!(
        output.contains("Failed\n- hook id: presslint\n- exit code: 1\n"),
        "{output}"
    );
    assert!(output.contains("┌─ release.txt:3:1"), "{output}");
    let calls = fs::read_to_string(&log).unwrap();
    let install: Vec<&str> = calls.lines().filter(|l| l.starts_with("install")).collect();
    assert_eq!(install.len(), 1, "{calls}");
    assert!(
        install[0].starts_with("install --bins --root ") && install[0].ends_with(" --path ."),
        "{calls}"
    );

    // Fixed, the release passes (try-repo clones the hook repository afresh: a second install).
    fs::write(work.join("release.txt"), CLEAN).unwrap();
    let (code, output) = scratch_run.try_repo("presslint", &files);
    assert_eq!(code, Some(0), "{output}");
    assert!(
        output.contains("presslint....") && output.contains("Passed"),
        "{output}"
    );
    let calls = fs::read_to_string(&log).unwrap();
    assert_eq!(
        calls.lines().filter(|l| l.starts_with("install")).count(),
        2,
        "{calls}"
    );
}
