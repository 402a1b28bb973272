//! The French house style, wording half, through the real engine with the embedded `un-fr`
//! pack: one clean invented release, one defect planted per rule, the exact rule at the exact
//! line and column (1-based, columns in characters), and the fix giving back the clean text
//! byte for byte.

use presslint::engine::fix_until_stable;
use presslint::fix::apply;
use presslint::{Applicability, Diagnostic, Engine, SourceFile, SourceKind};
use std::sync::LazyLock;

static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    Engine::new(presslint::rules::Pack::embedded("un-fr").expect("un-fr")).expect("engine")
});

/// The rules of this half of the French house style.
const RULES: &[&str] = &[
    "date/month-case",
    "date/month-first",
    "date/numeric",
    "wording/body-names",
    "wording/courtesy-title",
    "wording/courtesy-title-stop",
    "wording/member-states",
    "wording/member-states-accent",
    "wording/per-cent",
    "wording/secretary-general",
];

/// An invented release in the house layout of the 2010s.
const CLEAN: &str = "\
CS/15746
19 juillet 2010

Le Conseil de sécurité proroge de six mois le mandat de la Mission d’assistance en Somalie

Le Conseil de sécurité a adopté ce matin à l’unanimité la résolution 1935 (2010), par laquelle il proroge jusqu’au 31 janvier 2011 le mandat de la Mission d’assistance des Nations Unies en Somalie.

Présentant le rapport du Secrétaire général, la Représentante spéciale, Mme Anne Dupont, a indiqué que 30% des personnes déplacées avaient regagné leur foyer depuis le 1er mars.

Le représentant de l’Italie, M. Paolo Rossi, a invité tous les États Membres à contribuer au fonds d’affectation spéciale créé le 22 avril 2009, dont le Secrétaire général adjoint aux affaires politiques rendra compte au Conseil de sécurité et à l’Assemblée générale.

Le Conseil se réunira de nouveau le lundi 26 juillet 2010 pour examiner la situation.

*   ***   *

À l’intention des organes d’information. Document non officiel.
";

fn source(text: &str) -> SourceFile {
    SourceFile::new("planted.txt", text, SourceKind::Text)
}

fn lint(text: &str) -> Vec<Diagnostic> {
    ENGINE.lint(&source(text)).expect("lints")
}

/// The clean release with `from` replaced by `to` (which must occur once).
#[track_caller]
fn planted(from: &str, to: &str) -> String {
    assert_eq!(
        CLEAN.matches(from).count(),
        1,
        "`{from}` once in the release"
    );
    CLEAN.replacen(from, to, 1)
}

/// `text` gives exactly one finding of this half's rules, of `rule` at `at`, whose fix (of
/// `applicability`) gives back the clean release byte for byte.
#[track_caller]
fn assert_planted(text: &str, rule: &str, at: (usize, usize), applicability: Applicability) {
    let found: Vec<Diagnostic> = lint(text)
        .into_iter()
        .filter(|d| RULES.contains(&d.rule.as_str()))
        .collect();
    assert_eq!(found.len(), 1, "{rule}: {found:#?}");
    let d = &found[0];
    assert_eq!(d.rule, rule);
    let p = source(text).position(d.span.start);
    assert_eq!((p.line, p.column), at, "{rule} position");
    let fix = d.fix.as_ref().expect("a fix");
    assert_eq!(fix.applicability, applicability, "{rule} applicability");
    assert_eq!(apply(text, &[fix]).0, CLEAN, "{rule} fix result");
    // The engine's fix loop gives the clean release back too.
    let outcome = fix_until_stable(&ENGINE, &source(text), applicability).expect("fixes");
    assert!(outcome.settled, "{rule}: {:?}", outcome.unsettled_rules);
    assert_eq!(outcome.text, CLEAN, "{rule} fix loop");
}

#[test]
fn the_clean_french_release_is_clean() {
    let found = lint(CLEAN);
    assert!(found.is_empty(), "{found:#?}");
    let outcome = fix_until_stable(&ENGINE, &source(CLEAN), Applicability::Unsafe).unwrap();
    assert_eq!(outcome.text, CLEAN);
}

#[test]
fn english_courtesy_titles_and_mme_with_a_stop() {
    use Applicability::Safe;
    let text = planted("M. Paolo Rossi", "Mr Paolo Rossi");
    assert_planted(&text, "wording/courtesy-title", (10, 30), Safe);
    let text = planted("M. Paolo Rossi", "Mr. Paolo Rossi");
    assert_planted(&text, "wording/courtesy-title", (10, 30), Safe);
    let text = planted("Mme Anne Dupont", "Ms Anne Dupont");
    assert_planted(&text, "wording/courtesy-title", (8, 73), Safe);
    let text = planted("Mme Anne Dupont", "Mme. Anne Dupont");
    assert_planted(&text, "wording/courtesy-title", (8, 73), Safe);
    let text = planted("Mme Anne Dupont", "Mlle Anne Dupont");
    assert_planted(&text, "wording/courtesy-title", (8, 73), Safe);
    let text = planted("M. Paolo Rossi", "M Paolo Rossi");
    assert_planted(&text, "wording/courtesy-title-stop", (10, 30), Safe);
}

#[test]
fn the_secretary_general_member_states_and_organs_as_the_house_writes_them() {
    use Applicability::{Safe, Unsafe};
    let text = planted(
        "rapport du Secrétaire général,",
        "rapport du Secrétaire Général,",
    );
    assert_planted(&text, "wording/secretary-general", (8, 26), Safe);
    let text = planted(
        "le Secrétaire général adjoint",
        "le Secrétaire Général Adjoint",
    );
    assert_planted(&text, "wording/secretary-general", (10, 154), Safe);
    let text = planted("tous les États Membres", "tous les États membres");
    assert_planted(&text, "wording/member-states", (10, 64), Unsafe);
    let text = planted("tous les États Membres", "tous les Etats Membres");
    assert_planted(&text, "wording/member-states-accent", (10, 64), Safe);
    let text = planted(
        "compte au Conseil de sécurité",
        "compte au Conseil de Sécurité",
    );
    assert_planted(&text, "wording/body-names", (10, 222), Safe);
    let text = planted("l’Assemblée générale", "l’Assemblée Générale");
    assert_planted(&text, "wording/body-names", (10, 249), Safe);
}

#[test]
fn dates_and_percentages_as_the_house_writes_them() {
    use Applicability::Safe;
    let text = planted("31 janvier 2011", "31 Janvier 2011");
    assert_planted(&text, "date/month-case", (6, 119), Safe);
    let text = planted("le lundi 26 juillet", "le Lundi 26 juillet");
    assert_planted(&text, "date/month-case", (12, 37), Safe);
    let text = planted("le 22 avril 2009", "le avril 22, 2009");
    assert_planted(&text, "date/month-first", (10, 131), Safe);
    let text = planted("le 22 avril 2009", "le 22/04/2009");
    assert_planted(&text, "date/numeric", (10, 131), Safe);
    let text = planted("30% des", "30 pour cent des");
    assert_planted(&text, "wording/per-cent", (8, 106), Safe);
}

#[test]
fn an_english_release_checked_with_the_french_pack_gets_no_french_wording_findings() {
    let english = "SG/SM/13017\n19 July 2010\n\nSecretary-General Welcomes Regional Talks\n\n\
Following is the message of Mr Ban Ki-moon, delivered on July 19, 2010 to the Member States:\n\n\
The member states met on Monday; 30 per cent of them replied by 19/07/2010.\n\n* *** *\n\n\
For information media. Not an official record.\n";
    let found = lint(english);
    let ours: Vec<&Diagnostic> = found
        .iter()
        .filter(|d| RULES.contains(&d.rule.as_str()))
        .collect();
    assert!(ours.is_empty(), "{ours:#?}");
    assert!(
        found.iter().any(|d| d.rule == "page/wrong-pack"),
        "{found:#?}"
    );
}

#[test]
fn quotations_keep_the_speakers_wording_but_not_the_editors_dates() {
    // A title inside a quotation is the speaker's (left alone); a date is the editor's.
    let quoted = planted(
        "a indiqué que 30%",
        "a déclaré: “le Secrétaire Général le sait”, et a indiqué que 30%",
    );
    let found: Vec<String> = lint(&quoted)
        .into_iter()
        .filter(|d| RULES.contains(&d.rule.as_str()))
        .map(|d| d.rule)
        .collect();
    assert!(found.is_empty(), "{found:?}");
    let quoted = planted("depuis le 1er mars.", "depuis “le 1er Mars”.");
    let found: Vec<String> = lint(&quoted)
        .into_iter()
        .filter(|d| RULES.contains(&d.rule.as_str()))
        .map(|d| d.rule)
        .collect();
    assert_eq!(found, ["date/month-case"]);
}
