//! `presslint server` under a real editor: Neovim, headless, with the Lua configuration in
//! `tests/fixtures/neovim/init.lua`. Neovim converts the server's UTF-16 positions into byte
//! columns of its buffer and applies the quick fix's edit itself, so a wrong count of units
//! after a multi-byte character shows here as a wrong column or a garbled line.
//!
//! Needs `nvim` (Debian's `neovim`, 0.7.2; `.ci/run` installs it). Without it the test says
//! it skipped, unless `CI` is set: there it fails, so that a missing editor cannot pass.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RELEASE: &str = include_str!("fixtures/neovim/release.txt");

/// Whether `nvim` can be run; `false` (said on stderr) when it is absent outside CI.
fn nvim_present() -> bool {
    let found = Command::new("nvim")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "nvim is absent and CI is set: .ci/run installs it (apt-get install -y neovim)"
        );
        eprintln!("skipped: nvim is not installed (apt-get install neovim)");
    }
    found
}

/// Runs Neovim on `release` in `dir` with the test's Lua configuration; returns its report
/// and the edited buffer.
fn run_neovim(dir: &Path, release: &Path) -> (Vec<String>, String) {
    let config = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/neovim/init.lua");
    let (report, edited) = (dir.join("report.txt"), dir.join("edited.txt"));
    let home = dir.join("home");
    std::fs::create_dir(&home).unwrap();
    let mut nvim = Command::new("nvim")
        .args(["--headless", "-n", "-i", "NONE", "--noplugin", "-u"])
        .arg(&config)
        .arg(release)
        .current_dir(dir)
        // Neovim's own files (its LSP log) stay in the temporary directory.
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", &home)
        .env("XDG_CACHE_HOME", &home)
        .env("XDG_DATA_HOME", &home)
        .env("XDG_STATE_HOME", &home)
        .env("PRESSLINT_BIN", env!("CARGO_BIN_EXE_presslint"))
        .env("PRESSLINT_OUT", &report)
        .env("PRESSLINT_EDITED", &edited)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start nvim");
    let deadline = Instant::now() + Duration::from_secs(90);
    let status = loop {
        if let Some(status) = nvim.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = nvim.kill();
            let _ = nvim.wait();
            let so_far = std::fs::read_to_string(&report).unwrap_or_default();
            panic!("nvim did not finish in time; report so far:\n{so_far}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let report = std::fs::read_to_string(&report).expect("nvim wrote no report");
    assert!(status.success(), "nvim failed ({status}):\n{report}");
    let edited = std::fs::read_to_string(&edited).unwrap_or_default();
    (report.lines().map(str::to_owned).collect(), edited)
}

#[test]
fn neovim_shows_the_findings_at_their_columns_and_applies_a_quick_fix() {
    if !nvim_present() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let release = dir.path().join("release.txt");
    std::fs::write(&release, RELEASE).unwrap();
    let (report, edited) = run_neovim(dir.path(), &release);
    // Line 8 reads `I thank Minister Sølvi\u{a0}Ōtaka and the 𝐀-Team 🌊 for hosting us; 40
    // percent of the the data`: `percent` is character 65, UTF-16 unit 67 (𝐀 and 🌊 are two
    // units each) and byte 74 (ø, the no-break space and Ō are two bytes, 𝐀 and 🌊 four).
    assert_eq!(
        report,
        [
            "diagnostic spelling/per-cent line=8 byte=74 utf16=67 end_byte=81 severity=2 source=presslint",
            "diagnostic typography/repeated-word line=8 byte=85 utf16=78 end_byte=92 severity=2 source=presslint",
            "href https://github.com/presslint/presslint/blob/main/docs/rules.md#spelling-per-cent",
            "action Write `per cent` (safe fix) preferred=true",
            // After the fix, one byte (and unit) further right: `per cent` is one longer.
            "after typography/repeated-word line=8 byte=86 utf16=79 end_byte=93 severity=2 source=presslint",
            "hover **typography/repeated-word** (warning)",
            "exit 0",
        ]
    );
    assert_eq!(edited, RELEASE.replacen("40 percent", "40 per cent", 1));
}
