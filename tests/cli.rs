//! The binary as a user runs it: exit codes, inputs (walks, stdin, bad files), output formats.

use std::fs;
use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;
use assert_cmd::Command;
use tempfile::TempDir;

/// A release in the house format with nothing to report (invented content).
const CLEAN: &str = "\
SG/SM/20001
3 March 2026

Secretary-General Welcomes Launch of Regional Water Partnership

Following is the message of UN Secretary-General to the launch of the Regional Water Partnership, delivered in Nairobi on 2 March:

I am pleased to greet the partners gathered here today.

Water cooperation builds trust between neighbours and supports peace across the region.

* *** *

For information media. Not an official record.
";

/// The same release without its disclaimer: one error at the end of the content.
const NO_DISCLAIMER: &str = "\
SG/SM/20001
3 March 2026

Secretary-General Welcomes Launch of Regional Water Partnership

Following is the message of UN Secretary-General to the launch of the Regional Water Partnership, delivered in Nairobi on 2 March:

I am pleased to greet the partners gathered here today.

Water cooperation builds trust between neighbours and supports peace across the region.

* *** *
";

/// A release with one problem of each kind on a different line (and a column past 1).
const MANY: &str = "\
In progress at UNHQ
sg/sm/20004
31 June 2026

Secretary-General Urges Action on Plastic Pollution

Delegates met on Friday, 5 March 2026 to discuss the draft.

* * * *

For information media - Not an official record
";

/// The lines `--format concise` gives for [`MANY`], with the file named `FILE`.
const MANY_CONCISE: &str = "\
FILE:1:1: info[page/site-noise]: `In progress at UNHQ` is web-page debris, not part of the release
FILE:2:1: error[symbol/malformed]: symbol `sg/sm/20004` does not follow the symbol grammar
FILE:3:1: error[dateline/impossible-date]: date line `31 June 2026` is not a calendar date: June 2026 has no day 31
FILE:7:18: error[date/weekday-mismatch]: `Friday, 5 March 2026` names a Friday, but 5 March 2026 is a Thursday
FILE:9:1: warning[end-marker/malformed]: end marker `* * * *` should be `* *** *`
FILE:11:1: warning[disclaimer/malformed]: disclaimer `For information media - Not an official record` should read `For information media • not an official record`
";

/// Warnings only: a second copy of the symbol that differs, and no end marker.
const WARNINGS_ONLY: &str = "\
SG/SM/20001
3 March 2026
Secretary-GeneralSG/SM/20002

Secretary-General Welcomes Launch of Regional Water Partnership

I am pleased to greet the partners gathered here today.

For information media. Not an official record.
";

/// A JSON input with a property the release schema does not know: a schema error whatever
/// the rule pack says.
const JSON_BOGUS: &str = "{\"bogus\": 1}\n";

fn presslint(dir: &Path) -> Command {
    let mut cmd = cargo_bin_cmd!("presslint");
    cmd.current_dir(dir).env_remove("NO_COLOR");
    cmd
}

fn dir_with(files: &[(&str, &[u8])]) -> TempDir {
    let dir = TempDir::new().expect("temp dir");
    for (name, bytes) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("mkdir");
        }
        fs::write(path, bytes).expect("write");
    }
    dir
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

#[track_caller]
fn run(cmd: &mut Command) -> Run {
    let output = cmd.output().expect("run presslint");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("utf-8 stderr"),
    }
}

#[track_caller]
fn json_report(cmd: &mut Command) -> (i32, serde_json::Value) {
    let out = run(cmd.args(["--format", "json"]));
    let value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", out.stdout));
    (out.code, value)
}

fn paths(report: &serde_json::Value) -> Vec<String> {
    report["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["path"].as_str().expect("path").to_owned())
        .collect()
}

#[test]
fn a_clean_release_passes_with_exit_0() {
    let dir = dir_with(&[("clean.txt", CLEAN.as_bytes())]);
    let out = run(presslint(dir.path()).args(["check", "clean.txt"]));
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (0, "All checks passed.\nChecked with un-en (1 file).\n", "")
    );
}

#[test]
fn diagnostics_at_the_failing_severity_exit_1() {
    let dir = dir_with(&[
        ("nod.txt", NO_DISCLAIMER.as_bytes()),
        ("bogus.json", JSON_BOGUS.as_bytes()),
    ]);
    let out = run(presslint(dir.path()).args(["check", "--format", "concise", "nod.txt"]));
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (
            1,
            "nod.txt:12:8: error[disclaimer/missing]: the release has no disclaimer; expected \
             `For information media. Not an official record.`\n"
        )
    );
    let (code, report) = json_report(presslint(dir.path()).args(["check", "nod.txt"]));
    assert_eq!(code, 1);
    let end = NO_DISCLAIMER.trim_end().len();
    let diagnostic = &report["files"][0]["diagnostics"][0];
    assert_eq!(
        diagnostic["span"],
        serde_json::json!({"start": end, "end": end, "line": 12, "column": 8, "end_line": 12, "end_column": 8})
    );
    assert_eq!(diagnostic["fix"]["applicability"], "safe");
    assert_eq!(diagnostic["fix"]["edits"][0]["start"], end);
    assert_eq!(
        report["summary"],
        serde_json::json!({"files": 1, "errors": 1, "warnings": 0, "infos": 0, "fixable": 1, "packs": {"un-en": 1}, "suppressed": 0})
    );

    let out = run(presslint(dir.path()).args(["check", "--format", "concise", "bogus.json"]));
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.lines().any(|l| l
        == "bogus.json:1:2: error[schema/additional-properties]: `/`: additional properties \
            are not allowed ('bogus' was unexpected)"));
}

#[test]
fn fail_on_lowers_the_failing_severity() {
    let dir = dir_with(&[
        ("w.txt", WARNINGS_ONLY.as_bytes()),
        ("m.txt", MANY.as_bytes()),
    ]);
    let code = |args: &[&str]| run(presslint(dir.path()).arg("check").args(args)).code;
    assert_eq!(code(&["w.txt"]), 0);
    assert_eq!(code(&["w.txt", "--fail-on", "error"]), 0);
    assert_eq!(code(&["w.txt", "--fail-on", "warning"]), 1);
    assert_eq!(code(&["w.txt", "--fail-on", "info"]), 1);
    assert_eq!(code(&["m.txt"]), 1);
}

#[test]
fn concise_output_is_one_exact_line_per_diagnostic() {
    let dir = dir_with(&[("m.txt", MANY.as_bytes()), ("clean.txt", CLEAN.as_bytes())]);
    let out =
        run(presslint(dir.path()).args(["check", "--format", "concise", "clean.txt", "m.txt"]));
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, MANY_CONCISE.replace("FILE", "m.txt"));
    assert_eq!(out.stderr, "");
}

#[test]
fn human_output_shows_the_text_labels_fixes_and_a_summary() {
    let dir = dir_with(&[("w.txt", WARNINGS_ONLY.as_bytes())]);
    let out = run(presslint(dir.path()).args(["check", "w.txt"]));
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stdout,
        "\
warning[symbol/mismatch]: this copy of the symbol reads `SG/SM/20002`, the first reads `SG/SM/20001`
  ┌─ w.txt:3:18
  │
1 │ SG/SM/20001
  │ ----------- first copy: `SG/SM/20001`
2 │ 3 March 2026
3 │ Secretary-GeneralSG/SM/20002
  │                  ^^^^^^^^^^^

warning[end-marker/missing]: the release has no end marker `* *** *`
  ┌─ w.txt:9:1
  │
9 │ For information media. Not an official record.
  │ ^

Found 2 warnings.
Checked with un-en (1 file).
"
    );
    let dir = dir_with(&[("m.txt", MANY.as_bytes())]);
    let out = run(presslint(dir.path()).args(["check", "m.txt"]));
    assert!(out
        .stdout
        .contains("  = help: Replace with `SG/SM/20004` (safe fix, applied by --fix)\n"));
    assert!(out
        .stdout
        .ends_with(
            "\nFound 3 errors, 2 warnings, 1 info (4 fixable with --fix).\nChecked with un-en (1 file).\n"
        ));
}

#[test]
fn github_annotations_carry_positions_and_titles() {
    let dir = dir_with(&[("m.txt", MANY.as_bytes())]);
    let out = run(presslint(dir.path()).args(["check", "--format", "github", "m.txt"]));
    assert_eq!(out.code, 1);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 6);
    assert_eq!(
        lines[0],
        "::notice file=m.txt,line=1,col=1,endLine=1,endColumn=20,title=page/site-noise::\
         `In progress at UNHQ` is web-page debris, not part of the release"
    );
    assert_eq!(
        lines[3],
        "::error file=m.txt,line=7,col=18,endLine=7,endColumn=38,title=date/weekday-mismatch::\
         `Friday, 5 March 2026` names a Friday, but 5 March 2026 is a Thursday"
    );
    assert!(lines[4].starts_with("::warning file=m.txt,line=9,col=1,"));
}

#[test]
fn a_directory_walk_picks_the_release_formats_sorted_and_respects_gitignore() {
    let dir = dir_with(&[
        ("b.txt", CLEAN.as_bytes()),
        ("a.json", JSON_BOGUS.as_bytes()),
        ("notes.md", CLEAN.as_bytes()),
        ("sub/c.TXT", CLEAN.as_bytes()),
        ("sub/d.html", CLEAN.as_bytes()),
        ("sub/style.css", CLEAN.as_bytes()),
        ("drafts/e.txt", CLEAN.as_bytes()),
        (".hidden.txt", CLEAN.as_bytes()),
        (".gitignore", b"drafts/\n"),
    ]);
    let (_, report) = json_report(presslint(dir.path()).arg("check"));
    assert_eq!(
        paths(&report),
        ["a.json", "b.txt", "notes.md", "sub/c.TXT", "sub/d.html"]
    );
    let (_, report) = json_report(presslint(dir.path()).args(["check", "sub", "b.txt"]));
    assert_eq!(paths(&report), ["sub/c.TXT", "sub/d.html", "b.txt"]);
}

#[test]
fn a_file_named_explicitly_is_checked_whatever_its_extension() {
    let dir = dir_with(&[("notes.md", CLEAN.as_bytes())]);
    let (code, report) = json_report(presslint(dir.path()).args(["check", "notes.md"]));
    assert_eq!(code, 0);
    assert_eq!(paths(&report), ["notes.md"]);
    assert_eq!(report["files"][0]["error"], serde_json::Value::Null);
    assert_eq!(report["summary"]["files"], 1);
}

#[test]
fn stdin_is_named_by_stdin_filename_which_also_picks_the_input_kind() {
    let dir = dir_with(&[]);
    let (code, report) = json_report(
        presslint(dir.path())
            .args(["check", "-", "--stdin-filename", "cms/export.txt"])
            .write_stdin(CLEAN),
    );
    assert_eq!(code, 0);
    assert_eq!(paths(&report), ["cms/export.txt"]);

    let out = run(presslint(dir.path())
        .args(["check", "-", "--stdin-filename", "cms/export.json"])
        .write_stdin("{\"headlines\": "));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: cms/export.json: not valid JSON: "),
        "{}",
        out.stderr
    );
    assert_eq!(out.stderr.lines().count(), 1);

    let out = run(presslint(dir.path()).args(["check", "-"]).write_stdin(""));
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (2, "error: -: file is empty\n")
    );
}

#[test]
fn bad_files_give_one_line_errors_while_the_others_are_still_checked() {
    let dir = dir_with(&[
        ("a-clean.txt", CLEAN.as_bytes()),
        ("b-binary.txt", b"SG/\0SM/1"),
        ("c-latin1.txt", b"SG/SM/20001\nCaf\xe9\n"),
        ("d-empty.txt", b" \n\n"),
        ("e-bogus.json", JSON_BOGUS.as_bytes()),
    ]);
    let args = [
        "check",
        "a-clean.txt",
        "b-binary.txt",
        "c-latin1.txt",
        "d-empty.txt",
        "missing.txt",
        "e-bogus.json",
    ];
    let out = run(presslint(dir.path()).args(args));
    assert_eq!(out.code, 2, "errors win over findings");
    assert_eq!(
        out.stderr,
        "error: b-binary.txt: binary file (NUL byte at offset 3)\n\
         error: c-latin1.txt: not valid UTF-8 (at byte offset 15)\n\
         error: d-empty.txt: file is empty\n\
         error: missing.txt: cannot read: no such file\n"
    );
    assert!(out.stdout.contains("┌─ e-bogus.json:1:1"), "{}", out.stdout);
    assert!(
        out.stdout
            .ends_with(" 4 files could not be checked.\nChecked with un-en (2 files).\n"),
        "{}",
        out.stdout
    );

    let out = run(presslint(dir.path())
        .args(args)
        .args(["--format", "concise"]));
    assert_eq!(out.code, 2);
    assert_eq!(out.stderr.lines().count(), 4);
    assert!(
        out.stdout
            .lines()
            .any(|l| l.starts_with("e-bogus.json:1:2: error[schema/additional-properties]")),
        "{}",
        out.stdout
    );

    let (code, report) = json_report(presslint(dir.path()).args(args));
    assert_eq!(code, 2);
    let errors: Vec<&str> = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["error"].as_str().unwrap_or("-"))
        .collect();
    assert_eq!(
        errors,
        [
            "-",
            "binary file (NUL byte at offset 3)",
            "not valid UTF-8 (at byte offset 15)",
            "file is empty",
            "cannot read: no such file",
            "-"
        ]
    );
}

#[test]
fn a_huge_file_is_refused_with_a_one_line_error_and_the_others_are_checked() {
    let dir = dir_with(&[("a-clean.txt", CLEAN.as_bytes())]);
    let huge = std::fs::File::create(dir.path().join("huge.txt")).expect("create");
    huge.set_len(presslint::inputs::MAX_FILE_BYTES + 1)
        .expect("sparse file");
    let out = run(presslint(dir.path()).args([
        "check",
        "--format",
        "concise",
        "huge.txt",
        "a-clean.txt",
    ]));
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: huge.txt: file is too large (over 64 MiB); not a press release\n"
    );
    assert_eq!(out.stdout, "");
}

#[cfg(unix)]
#[test]
fn a_file_without_read_permission_is_an_error_naming_it() {
    use std::os::unix::fs::PermissionsExt;
    let dir = dir_with(&[
        ("locked.txt", CLEAN.as_bytes()),
        ("ok.txt", CLEAN.as_bytes()),
    ]);
    let locked = dir.path().join("locked.txt");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod");
    if fs::read(&locked).is_ok() {
        eprintln!("skip: running with privileges that read any file");
        return;
    }
    let out = run(presslint(dir.path()).args(["check", "locked.txt", "ok.txt"]));
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: locked.txt: cannot read: permission denied\n"
    );
    assert_eq!(out.stdout, "1 file could not be checked.\n");
}

#[test]
fn crlf_and_bom_copies_give_the_same_diagnostics_at_the_same_positions() {
    let crlf = MANY.replace('\n', "\r\n");
    let bom = format!("\u{feff}{MANY}");
    let bom_crlf = format!("\u{feff}{crlf}");
    let dir = dir_with(&[
        ("lf.txt", MANY.as_bytes()),
        ("crlf.txt", crlf.as_bytes()),
        ("bom.txt", bom.as_bytes()),
        ("bom-crlf.txt", bom_crlf.as_bytes()),
    ]);
    let concise = |name: &str| {
        let out = run(presslint(dir.path()).args(["check", "--format", "concise", name]));
        out.stdout.replace(name, "FILE")
    };
    let lf = concise("lf.txt");
    assert_eq!(lf, concise("crlf.txt"));
    assert_eq!(lf, concise("bom.txt"));
    assert_eq!(lf, concise("bom-crlf.txt"));
    assert!(
        lf.starts_with("FILE:"),
        "the flawed release gives diagnostics: {lf}"
    );
}

#[test]
fn colour_only_on_request_never_with_no_color_or_off_a_terminal() {
    let dir = dir_with(&[("bogus.json", JSON_BOGUS.as_bytes())]);
    let has_escape = |cmd: &mut Command| run(cmd).stdout.contains('\u{1b}');
    // Tests run with stdout piped: auto means no colour.
    assert!(!has_escape(
        presslint(dir.path()).args(["check", "bogus.json"])
    ));
    assert!(!has_escape(
        presslint(dir.path())
            .args(["check", "bogus.json"])
            .env("NO_COLOR", "1")
    ));
    assert!(!has_escape(presslint(dir.path()).args([
        "check",
        "--color",
        "never",
        "bogus.json"
    ])));
    assert!(has_escape(presslint(dir.path()).args([
        "check",
        "--color",
        "always",
        "bogus.json"
    ])));
    assert!(!has_escape(presslint(dir.path()).args([
        "check",
        "--color",
        "always",
        "--format",
        "concise",
        "bogus.json"
    ])));
}

#[test]
fn bad_arguments_exit_2() {
    let dir = dir_with(&[]);
    let out = run(presslint(dir.path()).args(["check", "--format", "xml"]));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("invalid value 'xml'"), "{}", out.stderr);
    assert_eq!(run(presslint(dir.path()).args(["schema", "nope"])).code, 2);
}

fn rule_ids(dir: &Path) -> Vec<String> {
    let out = run(presslint(dir).args(["rules", "--format", "json"]));
    assert_eq!(out.code, 0);
    let value: serde_json::Value = serde_json::from_str(&out.stdout).expect("rules JSON");
    assert_eq!(value["pack"], "un-en");
    value["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| r["id"].as_str().expect("id").to_owned())
        .collect()
}

#[test]
fn rules_lists_the_pack_as_json_and_as_an_aligned_table() {
    let dir = dir_with(&[]);
    let ids = rule_ids(dir.path());
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "rules are listed by id");
    assert!(ids.iter().all(|id| id.split('/').count() == 2), "{ids:?}");
    let table = run(presslint(dir.path()).arg("rules")).stdout;
    let mut lines = table.lines();
    let header = lines.next().expect("header");
    assert!(header.starts_with("PACK   RULE "), "{header}");
    let rule_column = header.find("RULE").expect("rule column");
    let group_column = header.find("GROUP").expect("group column");
    let column = header.find("SEVERITY").expect("severity column");
    let listed: Vec<&str> = lines
        .map(|line| {
            assert!(line.starts_with("un-en "), "{line}");
            assert!(matches!(
                line[column..].split(' ').next(),
                Some("error" | "warning" | "info")
            ));
            let id = line[rule_column..].split(' ').next().unwrap_or("");
            let group = line[group_column..].split(' ').next().unwrap_or("");
            assert_eq!(Some(group), id.split('/').next(), "{line}");
            id
        })
        .collect();
    assert_eq!(listed, ids);
}

#[test]
fn rules_all_lists_every_embedded_pack() {
    let dir = dir_with(&[]);
    let out = run(presslint(dir.path()).args(["rules", "--all", "--format", "json"]));
    assert_eq!(out.code, 0);
    let value: serde_json::Value = serde_json::from_str(&out.stdout).expect("rules JSON");
    let packs: Vec<&str> = value
        .as_array()
        .expect("array")
        .iter()
        .map(|p| p["pack"].as_str().unwrap())
        .collect();
    assert_eq!(packs, ["un-en", "un-fr"]);
    let french =
        run(presslint(dir.path()).args(["explain", "--pack", "un-fr", "disclaimer/malformed"]));
    assert_eq!(french.code, 0);
    assert!(
        french
            .stdout
            .contains("À l’intention des organes d’information"),
        "{}",
        french.stdout
    );
}

#[test]
fn explain_an_unknown_rule_exits_2_with_a_suggestion() {
    let dir = dir_with(&[]);
    let out = run(presslint(dir.path()).args(["explain", "no-such/rule-at-all"]));
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    assert!(out
        .stderr
        .starts_with("error: unknown rule `no-such/rule-at-all`"));
    assert_eq!(out.stderr.lines().count(), 1);

    let ids = rule_ids(dir.path());
    let id = ids
        .iter()
        .find(|id| id.len() > 6)
        .expect("the pack has a rule id longer than six characters");
    let typo: String = id.chars().take(id.len() - 1).collect();
    let out = run(presslint(dir.path()).args(["explain", &typo]));
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        format!("error: unknown rule `{typo}`; did you mean `{id}`?\n")
    );
    let out = run(presslint(dir.path()).args(["explain", id]));
    assert_eq!(out.code, 0);
    assert!(out.stdout.starts_with(&format!("{id} (")), "{}", out.stdout);
}

#[test]
fn schema_prints_the_embedded_schemas() {
    let dir = dir_with(&[]);
    for name in ["release", "rules", "report"] {
        let out = run(presslint(dir.path()).args(["schema", name]));
        assert_eq!(out.code, 0);
        let printed: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
        let file = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("schemas")
            .join(format!("{name}.schema.json"));
        let on_disk: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(file).expect("schema file")).expect("JSON");
        assert_eq!(printed, on_disk, "{name}");
    }
}

#[test]
fn parse_prints_the_release_as_json_with_spans() {
    let dir = dir_with(&[("clean.txt", CLEAN.as_bytes())]);
    let out = run(presslint(dir.path()).args(["parse", "clean.txt"]));
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    let release: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(release["symbols"][0]["text"], "SG/SM/20001");
    assert_eq!(
        release["symbols"][0]["span"],
        serde_json::json!({"start": 0, "end": 11})
    );
    assert_eq!(release["date_line"]["text"], "3 March 2026");

    fs::write(dir.path().join("bogus.json"), JSON_BOGUS).expect("write");
    let out = run(presslint(dir.path()).args(["parse", "bogus.json"]));
    assert_eq!(out.code, 1, "schema diagnostics make parse exit 1");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&out.stdout).expect("JSON")["format"],
        "json"
    );
    assert_eq!(
        out.stderr,
        "bogus.json:1:2: error[schema/additional-properties]: `/`: additional properties are \
         not allowed ('bogus' was unexpected)\n"
    );

    let out = run(presslint(dir.path()).args(["parse", "missing.txt"]));
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (2, "", "error: missing.txt: cannot read: no such file\n")
    );
}

#[test]
fn explain_works_for_every_rule_of_every_pack() {
    let dir = dir_with(&[]);
    for name in presslint::rules::Pack::embedded_names() {
        let pack = presslint::rules::Pack::embedded(&name).expect("embedded pack");
        for rule in &pack.rules {
            let out = run(presslint(dir.path()).args(["explain", "--pack", &name, &rule.id]));
            assert_eq!(out.code, 0, "{name} {}: {}", rule.id, out.stderr);
            assert!(
                out.stdout.starts_with(&format!(
                    "{} ({})\n{}\n",
                    rule.id, rule.severity, rule.summary
                )),
                "{}",
                out.stdout
            );
            assert!(
                out.stdout.contains("\nWhy\n") && out.stdout.contains("\nExamples\n"),
                "{name} {}",
                rule.id
            );
            if rule.fix.is_some() {
                assert!(out.stdout.contains("\nFix ("), "{name} {}", rule.id);
            }
        }
    }
}

#[test]
fn explain_documents_schema_diagnostics_too() {
    let dir = dir_with(&[]);
    let out = run(presslint(dir.path()).args(["explain", "schema/additional-properties"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with("schema/additional-properties (error)\nThe release's JSON form breaks the `additional-properties` constraint"), "{}", out.stdout);
    assert_eq!(
        run(presslint(dir.path()).args(["explain", "schema/Nope"])).code,
        2
    );
}

#[test]
fn control_characters_of_a_release_or_its_name_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let name = "a\u{1b}[31mb.txt";
    let text = "SG/SM/1\n19 July 2010\n\nTalks \u{1b}]0;pwned\u{7}Open on Secretary General Visit\n\nThe talks opened.\n\n* *** *\n\nFor information media. Not an official record.\n";
    std::fs::write(dir.path().join(name), text).unwrap_or_else(|e| panic!("{e}"));
    for format in ["human", "concise", "github"] {
        let out = run(presslint(dir.path()).args(["check", "--format", format, name]));
        assert!(
            !out.stdout.contains(['\u{1b}', '\u{7}']) && !out.stderr.contains('\u{1b}'),
            "{format}: {:?}",
            out.stdout
        );
        assert!(out.stdout.contains("Secretary General"), "{format}");
    }
    let out = run(presslint(dir.path()).args(["check", "--format", "concise", name]));
    assert!(
        out.stdout.starts_with("a\\x1b[31mb.txt:4:"),
        "{}",
        out.stdout
    );
    let out = run(presslint(dir.path()).args(["check", "--diff", name]));
    let headers: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("--- ") || l.starts_with("+++ "))
        .collect();
    assert_eq!(
        headers,
        vec!["--- a/a\\x1b[31mb.txt", "+++ b/a\\x1b[31mb.txt"]
    );
}
