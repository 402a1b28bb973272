//! The French typography rules of `un-fr` (`typography/*`) on one clean invented release:
//! the clean text gives none of them; each defect planted in it gives exactly its rule at
//! its line and column (1-based, in characters), and the fix loop gives the clean text back
//! byte for byte.

use presslint::engine::fix_until_stable;
use presslint::rules::Pack;
use presslint::{Applicability, Diagnostic, Engine, SourceFile, SourceKind};
use std::sync::LazyLock;

static ENGINE: LazyLock<Engine> =
    LazyLock::new(|| Engine::new(Pack::embedded("un-fr").expect("un-fr pack")).expect("engine"));

/// A no-break space (U+00A0), as the house writes inside guillemets and between digit groups.
const NB: char = '\u{a0}';

fn clean() -> String {
    "CS/15746\n\
19 juillet 2010\n\
\n\
Conseil de sécurité\n\
4811e séance – matin\n\
\n\
Soudan du Sud: le Conseil de sécurité proroge d’un an le mandat de la Mission\n\
\n\
Le Conseil de sécurité a prorogé, ce matin, jusqu’au 15 juillet 2011 le mandat de la Mission des Nations Unies au Soudan du Sud, en adoptant à l’unanimité la résolution 1935 (2010).\n\
\n\
Par ce texte, le Conseil autorise le déploiement de 10 000 Casques bleus et appelle les parties à reprendre les pourparlers « sans conditions préalables ».  Le budget de la Mission atteint 2,5 milliards de dollars, soit 1 200 000 dollars par jour.\n\
\n\
« Nous nous engageons à soutenir la Mission », a déclaré le représentant des États-Unis, qui a rappelé la 1re réunion du Comité, tenue le 1er juin.  Le Représentant spécial a souligné l’importance de l’accord du 9 janvier – « un tournant, dont le “plan de Juba” est la clef » – pour la région.\n\
\n\
*   ***   *\n\
\n\
À l’intention des organes d’information. Document non officiel.\n"
        .replace("« ", &format!("«{NB}"))
        .replace(" »", &format!("{NB}»"))
        .replace("10 000", &format!("10{NB}000"))
        .replace("1 200 000", &format!("1{NB}200{NB}000"))
}

fn lint(text: &str) -> Vec<Diagnostic> {
    ENGINE
        .lint(&SourceFile::new("t.txt", text, SourceKind::Text))
        .expect("lints")
}

fn typography(text: &str) -> Vec<Diagnostic> {
    lint(text)
        .into_iter()
        .filter(|d| d.rule.starts_with("typography/"))
        .collect()
}

/// 1-based line and column (in characters) of byte `offset`, counted here, not by the library.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// The clean text with `from` (which must occur once) replaced by `to`.
fn plant(from: &str, to: &str) -> String {
    let text = clean();
    assert_eq!(text.matches(from).count(), 1, "{from:?} must occur once");
    text.replacen(from, to, 1)
}

#[test]
fn the_clean_release_gives_no_finding_at_all() {
    assert_eq!(lint(&clean()), vec![]);
}

struct Case {
    rule: &'static str,
    from: String,
    to: String,
    /// Where the finding starts, 1-based (line, column in characters).
    at: (usize, usize),
    /// The fix's applicability; `None`: no fix is offered.
    fix: Option<Applicability>,
}

fn cases() -> Vec<Case> {
    use Applicability::{Safe, Unsafe};
    let case = |rule, from: &str, to: &str, at, fix| Case {
        rule,
        from: from.to_owned(),
        to: to.to_owned(),
        at,
        fix,
    };
    vec![
        case(
            "typography/meeting-ordinal",
            "4811e séance – matin",
            "4811ème séance – matin",
            (5, 1),
            Some(Safe),
        ),
        case(
            "typography/guillemet-open-space",
            &format!("«{NB}sans"),
            "«sans",
            (11, 125),
            Some(Safe),
        ),
        case(
            "typography/guillemet-close-space",
            &format!("préalables{NB}»"),
            "préalables»",
            (11, 143),
            Some(Safe),
        ),
        case(
            "typography/guillemets",
            &format!("«{NB}sans conditions préalables{NB}»"),
            "“sans conditions préalables”",
            (11, 125),
            Some(Unsafe),
        ),
        case(
            "typography/ordinal",
            "1re réunion",
            "1ère réunion",
            (13, 107),
            Some(Safe),
        ),
        case(
            "typography/thousands-separator",
            &format!("10{NB}000"),
            "10.000",
            (11, 53),
            Some(Unsafe),
        ),
        case(
            "typography/decimal-comma",
            "2,5 milliards",
            "2.5 milliards",
            (11, 190),
            Some(Safe),
        ),
        case(
            "typography/repeated-word",
            "parties à reprendre",
            "parties à à reprendre",
            (11, 97),
            Some(Unsafe),
        ),
        case(
            "typography/line-break-hyphen",
            "États-Unis",
            "États- Unis",
            (13, 78),
            Some(Unsafe),
        ),
        case(
            "typography/dash-artefact",
            "janvier – «",
            "janvier –- «",
            (13, 223),
            None,
        ),
    ]
}

#[test]
fn each_planted_defect_gives_its_rule_at_its_place_and_the_fix_gives_the_clean_text_back() {
    let clean = clean();
    for case in cases() {
        let text = plant(&case.from, &case.to);
        let found = typography(&text);
        assert_eq!(found.len(), 1, "{}: {found:#?}", case.rule);
        let d = &found[0];
        assert_eq!(d.rule, case.rule);
        assert_eq!(
            line_col(&text, d.span.start),
            case.at,
            "{} position",
            case.rule
        );
        let source = SourceFile::new("t.txt", &*text, SourceKind::Text);
        assert_eq!(
            (
                source.position(d.span.start).line,
                source.position(d.span.start).column
            ),
            case.at,
            "{}: the library's position agrees",
            case.rule
        );
        match (case.fix, &d.fix) {
            (Some(applicability), Some(fix)) => {
                assert_eq!(
                    fix.applicability, applicability,
                    "{} applicability",
                    case.rule
                );
                assert_eq!(
                    presslint::fix::apply(&text, &[fix]).0,
                    clean,
                    "{}: one fix",
                    case.rule
                );
                let outcome =
                    fix_until_stable(&ENGINE, &source, Applicability::Unsafe).expect("fixes");
                assert!(outcome.settled, "{}", case.rule);
                assert_eq!(outcome.text, clean, "{}: the fix loop", case.rule);
            }
            (None, None) => {}
            (expected, actual) => panic!("{}: expected {expected:?}, got {actual:?}", case.rule),
        }
    }
}

#[test]
fn a_number_with_several_wrong_separators_is_reported_once_and_fixed_in_rounds() {
    let text = plant(&format!("1{NB}200{NB}000"), "1,200,000");
    let found = typography(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].rule, "typography/thousands-separator");
    assert_eq!(line_col(&text, found[0].span.start), (11, 221));
    let source = SourceFile::new("t.txt", &*text, SourceKind::Text);
    let outcome = fix_until_stable(&ENGINE, &source, Applicability::Unsafe).expect("fixes");
    assert_eq!(outcome.text, clean());
    // Safe fixes only: the separator is a guess, so nothing changes.
    let outcome = fix_until_stable(&ENGINE, &source, Applicability::Safe).expect("fixes");
    assert_eq!(outcome.text, text);
}

#[test]
fn french_forms_that_look_like_defects_are_left_alone() {
    for (from, to) in [
        // A single comma group may be a French decimal.
        ("2,5 milliards", "3,125 milliards"),
        // A year, a resolution number and a meeting number have no separator.
        ("1935 (2010)", "2231 (2015) et la 4956e séance"),
        // A reflexive pronoun is doubled on purpose.
        ("Nous nous engageons", "Vous vous engagez"),
        // A suspended hyphen.
        ("des États-Unis", "des pays pré- et post-conflit"),
        // ` -- ` was the dash of the 2000s.
        ("janvier – «", "janvier -- «"),
    ] {
        let text = plant(from, to);
        assert_eq!(typography(&text), vec![], "{to}");
    }
}

#[test]
fn a_quotation_in_guillemets_is_one_for_the_text_filters() {
    // Straight quotes inside a French quotation are its second level: not reported.
    let text = plant("“plan de Juba”", "\"plan de Juba\"");
    assert_eq!(typography(&text), vec![]);
    // A paragraph written wholly in the straight style of the 1990s is left alone.
    let text = plant(
        "Le Conseil de sécurité a prorogé, ce matin, jusqu’au 15 juillet 2011 le mandat de la Mission des Nations Unies au Soudan du Sud, en adoptant à l’unanimité la résolution 1935 (2010).",
        "Le Conseil a qualifie le texte de \"pas decisif\" et l'a adopte a l'unanimite.",
    );
    assert_eq!(typography(&text), vec![]);
}

#[test]
fn an_english_release_under_un_fr_gets_no_french_typography() {
    let text = "SG/SM/13017\n19 July 2010\n\nSecretary-General Welcomes Regional Talks\n\n\
The Secretary-General called on the parties to to resume the 4811th meeting's \"talks\" on 10,000,000 people.\n\n\
* *** *\n\nFor information media. Not an official record.\n";
    let found = lint(text);
    assert!(
        found.iter().all(|d| !d.rule.starts_with("typography/")),
        "{found:#?}"
    );
    assert!(
        found.iter().any(|d| d.rule == "page/wrong-pack"),
        "{found:#?}"
    );
}
