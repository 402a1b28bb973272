//! The real release SG/SM/13017 (scraped, with its noise) from `../shared/seeds/`: no error,
//! no warning; what it does report is pinned by a snapshot. Skipped when the seed is absent
//! (as on a user's machine), failed when it is absent under CI.

use presslint::{Engine, Severity, SourceFile, SourceKind};

#[path = "support/shared.rs"]
mod shared;

#[test]
fn the_seed_gives_no_error_and_no_warning_and_its_report_is_pinned() {
    let Some(path) = shared::shared_file("seeds/000_09fa6fb60c717af9.txt") else {
        return;
    };
    let bytes = std::fs::read(&path).expect("the seed reads");
    let source = SourceFile::decode("000_09fa6fb60c717af9.txt", bytes, SourceKind::Text)
        .expect("the seed decodes");
    let engine = Engine::with_default_pack().expect("default pack");
    let diagnostics = engine.lint(&source).expect("the seed lints");
    let report: Vec<String> = diagnostics
        .iter()
        .map(|d| {
            let p = source.position(d.span.start);
            let fix = d.fix.as_ref().map_or(String::new(), |f| {
                format!(" [fix: {:?}] {}", f.applicability, f.description)
            });
            format!(
                "{}:{} {}[{}] {}{fix}",
                p.line, p.column, d.severity, d.rule, d.message
            )
        })
        .collect();
    assert!(
        diagnostics.iter().all(|d| d.severity == Severity::Info),
        "{report:#?}"
    );
    insta::assert_snapshot!(report.join("\n"));
}
