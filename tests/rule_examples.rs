//! Every rule of every embedded pack runs its own examples through the real engine: a `bad`
//! example fires the rule exactly once and its fix yields `good`; `ok` and `good` never fire it.

use presslint::fix::apply;
use presslint::rules::{Example, Pack};
use presslint::{Engine, SourceFile, SourceKind};

/// The diagnostics of rule `id` on `text` (checked against the rule's `partner` edition,
/// as `presslint explain` shows them).
fn lint(engine: &Engine, id: &str, text: &str) -> Vec<presslint::Diagnostic> {
    let source = SourceFile::new("example.txt", text, SourceKind::Text);
    if let Err(e) = engine.lint(&source) {
        panic!("{id}: example does not lint: {e}");
    }
    let rule = engine.pack().rule(id).expect("a rule of the pack");
    let partner = rule.partner.as_ref();
    let found = engine.lint_example(engine.pack(), partner, text);
    found.into_iter().filter(|d| d.rule == id).collect()
}

#[test]
fn every_rule_is_documented_and_its_examples_hold() {
    let mut failures: Vec<String> = Vec::new();
    for name in Pack::embedded_names() {
        let pack = Pack::embedded(&name).unwrap_or_else(|e| panic!("{e}"));
        check_examples(&name, pack, &mut failures);
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

/// The worked example of a pack of one's own (`examples/packs/acme-en`) holds its examples
/// too, loaded from disk as a configuration would load it.
#[test]
fn the_worked_example_pack_holds_its_examples() {
    let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let pack = Pack::load("examples/packs/acme-en", base).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pack.name, "acme-en");
    let mut failures: Vec<String> = Vec::new();
    check_examples("acme-en", pack, &mut failures);
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

/// Runs every example of every rule of `pack`, collecting failures.
fn check_examples(name: &str, pack: Pack, failures: &mut Vec<String>) {
    {
        let name = name.to_owned();
        let ids: Vec<String> = pack.rules.iter().map(|r| r.id.clone()).collect();
        let engine = Engine::new(pack).unwrap_or_else(|e| panic!("{e}"));
        for id in ids {
            let Some(rule) = engine.pack().rule(&id) else {
                continue;
            };
            let mut fail = |what: String| failures.push(format!("{name}:{id}: {what}"));
            if rule.summary.trim().is_empty() || rule.why.trim().is_empty() {
                fail("summary and why must not be empty".into());
            }
            if rule
                .fix
                .as_ref()
                .is_some_and(|f| f.safety.trim().is_empty())
            {
                fail("a fix needs a `safety` line".into());
            }
            let bads = rule
                .examples
                .iter()
                .filter(|e| matches!(e, Example::Bad { .. }));
            let oks = rule
                .examples
                .iter()
                .filter(|e| matches!(e, Example::Ok { .. }));
            if bads.count() == 0 || oks.count() == 0 {
                fail("needs at least one `bad` and one `ok` example".into());
            }
            for (i, example) in rule.examples.iter().enumerate() {
                let n = i + 1;
                match example {
                    Example::Ok { ok } => {
                        let found = lint(&engine, &id, ok);
                        if !found.is_empty() {
                            fail(format!("ok example {n} fires: {found:#?}"));
                        }
                    }
                    Example::Bad { bad, good } => {
                        let found = lint(&engine, &id, bad);
                        if found.len() != 1 {
                            fail(format!(
                                "bad example {n} gives {} diagnostics, not one: {found:#?}",
                                found.len()
                            ));
                            continue;
                        }
                        let fix = found[0].fix.as_ref();
                        match (fix, good, &rule.fix) {
                            (Some(fix), Some(good), _) => {
                                let fixed = apply(bad, &[fix]).0;
                                if &fixed != good {
                                    fail(format!(
                                        "bad example {n}: the fix gives\n{fixed:?}\nnot `good`\n{good:?}"
                                    ));
                                }
                                let again = lint(&engine, &id, good);
                                if !again.is_empty() {
                                    fail(format!("good of example {n} fires: {again:#?}"));
                                }
                            }
                            (None, None, _) => {}
                            (Some(_), None, _) => {
                                fail(format!("bad example {n} has a fix but no `good`"))
                            }
                            (None, Some(_), _) => fail(format!(
                                "bad example {n} has a `good` but no fix was offered"
                            )),
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn the_default_pack_has_its_rules_with_their_severities() {
    let pack = Pack::embedded("un-en").unwrap_or_else(|e| panic!("{e}"));
    let rules: Vec<(&str, &str, &str)> = pack
        .rules
        .iter()
        .map(|r| (r.id.as_str(), r.severity.as_str(), r.kind.as_str()))
        .collect();
    assert_eq!(
        rules,
        vec![
            ("date/ordinal", "warning", "running-date"),
            ("date/suspicious-range", "warning", "running-date"),
            ("date/us-order", "warning", "running-date"),
            ("date/weekday-mismatch", "error", "date"),
            ("date/year-comma", "warning", "running-date"),
            ("dateline/impossible-date", "error", "date"),
            ("dateline/malformed", "error", "date"),
            ("dateline/missing", "warning", "require"),
            ("dateline/numeric", "info", "date"),
            ("disclaimer/malformed", "warning", "format"),
            ("disclaimer/misplaced", "warning", "position"),
            ("disclaimer/missing", "error", "require"),
            ("end-marker/malformed", "warning", "format"),
            ("end-marker/missing", "warning", "require"),
            ("headline/deck-title-case", "warning", "title-case"),
            ("headline/mismatch", "warning", "agree"),
            ("headline/missing", "warning", "require"),
            ("headline/title-case", "warning", "title-case"),
            ("headline/trailing-period", "warning", "forbid"),
            ("names/country-renamed", "warning", "dated-name"),
            ("page/site-noise", "info", "forbid"),
            ("page/wrong-pack", "info", "language"),
            ("pair/date-line", "warning", "pair"),
            ("pair/headline-numbers", "warning", "pair"),
            ("pair/intro-dates", "warning", "pair"),
            ("pair/missing-edition", "warning", "pair"),
            ("pair/symbols", "warning", "pair"),
            ("spelling/double-l", "warning", "substitute"),
            ("spelling/oxford-ize", "warning", "forbid"),
            ("spelling/oxford-yse", "warning", "substitute"),
            ("spelling/per-cent", "warning", "substitute"),
            ("spelling/percent-sign", "warning", "forbid"),
            ("spelling/programme", "warning", "substitute"),
            ("suppression/missing-reason", "warning", "suppression"),
            ("suppression/unknown-rule", "error", "suppression"),
            ("suppression/unused", "warning", "suppression"),
            ("symbol/malformed", "error", "symbol"),
            ("symbol/mismatch", "warning", "agree"),
            ("symbol/missing", "warning", "require"),
            ("symbol/unknown-series", "warning", "symbol"),
            ("typography/bracket-missing-space", "warning", "forbid"),
            ("typography/bracket-space", "warning", "forbid"),
            ("typography/dash-artefact", "warning", "forbid"),
            ("typography/line-break-hyphen", "warning", "forbid"),
            ("typography/mixed-quotes", "warning", "quotes"),
            ("typography/repeated-word", "warning", "repeat"),
            ("wording/courtesy-title", "warning", "forbid"),
            ("wording/member-states", "warning", "substitute"),
            ("wording/secretary-general", "warning", "substitute"),
        ]
    );
    let examples: usize = pack.rules.iter().map(|r| r.examples.len()).sum();
    assert_eq!(examples, 172);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Release-shaped lines, near misses included, so that every kind gets to run.
    fn line() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("SG/SM/13017".to_owned()),
            Just("sg/sm/13O17 \u{2013}obv/1".to_owned()),
            Just("Secretary-GeneralSG/SM/13018".to_owned()),
            Just("19 July 2010".to_owned()),
            Just("July 31, 2010".to_owned()),
            Just("19971216At its".to_owned()),
            Just("08/10/2004".to_owned()),
            Just("Friday, 31 July and Thursday 2 July".to_owned()),
            Just("\u{a0}".to_owned()),
            Just("In progress at UNHQ".to_owned()),
            Just("* *** *".to_owned()),
            Just("***".to_owned()),
            Just("For information media \u{2022} not an offical record".to_owned()),
            Just("For information media. Not an official record.".to_owned()),
            "[A-Za-z\u{a0}\u{2011}\u{2022}é* ./-]{0,40}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn spans_and_edits_stay_inside_the_text_on_character_boundaries(
            lines in proptest::collection::vec(line(), 0..14),
            crlf in any::<bool>(),
        ) {
            let text = lines.join(if crlf { "\r\n" } else { "\n" });
            let engine = Engine::with_default_pack().unwrap_or_else(|e| panic!("{e}"));
            let source = SourceFile::new("p.txt", text.clone(), SourceKind::Text);
            let Ok(found) = engine.lint(&source) else { return Ok(()) };
            for d in &found {
                let spans = std::iter::once(d.span)
                    .chain(d.labels.iter().map(|l| l.span))
                    .chain(d.fix.iter().flat_map(|f| f.edits.iter().map(|e| e.span())));
                for span in spans {
                    prop_assert!(span.start <= span.end && span.end <= text.len(), "{d:?}");
                    prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "{d:?}");
                }
            }
        }
    }
}
