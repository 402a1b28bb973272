//! Running a pack on one release: every enabled rule in id order, but those the pack
//! suppresses on a release in another pack's language.

use crate::checks::language::Verdict;
use crate::checks::pair::Pairing;
use crate::checks::{self, Context};
use crate::diagnostic::Diagnostic;
use crate::model::Release;
use crate::rules::{load::selects, Pack};
use crate::source::SourceFile;

/// Runs every rule of `pack` on `release`, appending diagnostics. A release in another
/// pack's language (`verdict`, from [`crate::rules::choice::PackChoice::choose`]) skips the
/// rules the pack lists in `[detect] suppress`.
pub fn run(
    pack: &Pack,
    verdict: Option<&Verdict>,
    pairing: Option<&Pairing>,
    source: &SourceFile,
    release: &Release,
    enabled: &dyn Fn(&str) -> bool,
    out: &mut Vec<Diagnostic>,
) {
    for rule in pack.rules.iter().filter(|rule| enabled(&rule.id)) {
        let suppressed =
            verdict.is_some() && pack.detect.suppress.iter().any(|s| selects(s, &rule.id));
        if suppressed {
            continue;
        }
        let cx = Context {
            rule,
            release,
            source,
            data: &pack.data,
            verdict,
            pairing,
            suppressions: None,
        };
        let first = out.len();
        rule.check.run(&cx, out);
        checks::drop_repeats_in_later_copies(release, source, out, first);
    }
}
