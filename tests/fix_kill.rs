//! `check --fix` killed (SIGKILL) at random moments over an archive of 2,000 releases: every
//! release is, byte for byte, either its old or its fixed text, never half of one or missing;
//! the temporary files a killed run leaves are removed by the next run, and a live run's are
//! left alone.
#![cfg(unix)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const FILES: u32 = 2000;
const KILLS: usize = 6;

/// Release `n` as written (lowercase symbol, short end marker) and as `--fix` writes it.
fn release(n: u32) -> (String, String) {
    let fixed = format!(
        "SG/SM/{n}\n19 July 2010\n\nSecretary-General Welcomes New Members of Commission\n\n\
         The Secretary-General welcomed {n} new members of the Commission today in New York.\n\n\
         * *** *\n\nFor information media. Not an official record.\n"
    );
    let old = fixed
        .replacen(&format!("SG/SM/{n}"), &format!("sg/sm/{n}"), 1)
        .replace("* *** *", "***");
    (old, fixed)
}

/// A fast place for 2,000 files: the memory filesystem when there is one (writes are
/// flushed to disk one by one, which a disk makes slow), else the usual temporary directory.
fn archive_dir() -> tempfile::TempDir {
    if let Ok(dir) = tempfile::tempdir_in("/dev/shm") {
        return dir;
    }
    eprintln!("note: no /dev/shm; the archive is on disk and the test is slower");
    tempfile::tempdir().unwrap()
}

fn presslint(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_presslint"));
    command
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// The temporary files in `dir`, sorted.
fn temporaries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".presslint-"))
        .collect();
    names.sort();
    names
}

/// Every release is its old or its new text; returns how many are new.
#[track_caller]
fn every_file_old_or_new(dir: &Path) -> usize {
    let mut new = 0;
    for n in 0..FILES {
        let path: PathBuf = dir.join(format!("r{:05}.txt", 10000 + n));
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let (old, fixed) = release(10000 + n);
        if text == fixed {
            new += 1;
        } else {
            assert_eq!(text, old, "{} is neither old nor new", path.display());
        }
    }
    new
}

/// Waits until the run has written its first file (the first in input order); `None` when
/// it ended first.
fn writing_starts(dir: &Path, child: &mut std::process::Child) -> Option<Instant> {
    let first = dir.join("r10000.txt");
    let (_, fixed) = release(10000);
    loop {
        if fs::read_to_string(&first).is_ok_and(|text| text == fixed) {
            return Some(Instant::now());
        }
        if child.try_wait().unwrap().is_some() {
            return None;
        }
        std::thread::sleep(Duration::from_micros(500));
    }
}

#[test]
fn a_killed_fix_run_leaves_every_file_old_or_new_and_no_temporary_file_for_good() {
    let archive = archive_dir();
    let dir = archive.path();
    for n in 0..FILES {
        let (old, _) = release(10000 + n);
        fs::write(dir.join(format!("r{:05}.txt", 10000 + n)), old).unwrap();
    }
    // How long a whole run writes (it writes in input order, after fixing in memory).
    let start = Instant::now();
    let mut child = presslint(dir, &["check", "--fix", "."]).spawn().unwrap();
    let writing = writing_starts(dir, &mut child).expect("the run writes");
    let status = child.wait().unwrap();
    let write_time = writing.elapsed();
    assert_eq!(status.code(), Some(0), "every problem has a safe fix");
    assert_eq!(every_file_old_or_new(dir), FILES as usize);

    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .subsec_nanos()
        | 1;
    eprintln!("seed {seed}, a whole run writes for {write_time:?}");
    let mut state = seed;
    let mut random = move || {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        f64::from(state) / f64::from(u32::MAX)
    };
    // Each round starts from the old texts and kills a run at a random moment of its writing.
    let mut killed_while_writing = 0;
    for round in 0..KILLS {
        for n in 0..FILES {
            let (old, _) = release(10000 + n);
            fs::write(dir.join(format!("r{:05}.txt", 10000 + n)), old).unwrap();
        }
        let mut child = presslint(dir, &["check", "--fix", "."]).spawn().unwrap();
        if writing_starts(dir, &mut child).is_some() {
            std::thread::sleep(write_time.mul_f64(0.9 * random()));
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let new = every_file_old_or_new(dir);
        eprintln!(
            "round {round}: {new} fixed when killed, temporary files left: {:?}",
            temporaries(dir)
        );
        if new > 0 && new < FILES as usize {
            killed_while_writing += 1;
        }
    }
    assert!(
        killed_while_writing > 0,
        "no run was killed while writing: the test proved nothing (seed {seed})"
    );

    // A run that died long ago (its process is gone), and one that is alive (this test).
    let mut gone = Command::new("true").spawn().unwrap();
    let dead_pid = gone.id();
    gone.wait().unwrap();
    fs::write(
        dir.join(format!(".presslint-{dead_pid}-deadbeef.tmp")),
        "half",
    )
    .unwrap();
    let live = format!(".presslint-{}-alive000.tmp", std::process::id());
    fs::write(dir.join(&live), "in use").unwrap();

    let status = presslint(dir, &["check", "--fix", "."]).status().unwrap();
    assert_eq!(
        status.code(),
        Some(0),
        "everything fixed, nothing remaining"
    );
    assert_eq!(every_file_old_or_new(dir), FILES as usize);
    assert_eq!(temporaries(dir), [live], "only the live run's file is left");
    assert!(
        start.elapsed() < Duration::from_secs(120),
        "took {:?}",
        start.elapsed()
    );
}
