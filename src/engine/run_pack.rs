//! Running a pack on one release: language detection first (a release in another pack's
//! language skips the rules the pack suppresses), then every enabled rule in id order.

use crate::checks::{self, Context};
use crate::diagnostic::Diagnostic;
use crate::model::Release;
use crate::rules::{detect, load::selects, Pack};
use crate::source::SourceFile;

/// Runs every rule of `pack` on `release`, appending diagnostics. A release in another
/// pack's language skips the rules the pack lists in `[detect] suppress`.
pub fn run(
    pack: &Pack,
    source: &SourceFile,
    release: &Release,
    enabled: &dyn Fn(&str) -> bool,
    out: &mut Vec<Diagnostic>,
) {
    let verdict = detect::detect(pack, &source.text);
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
            verdict: verdict.as_ref(),
        };
        let first = out.len();
        rule.check.run(&cx, out);
        checks::drop_repeats_in_later_copies(release, source, out, first);
    }
}
