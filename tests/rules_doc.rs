//! `docs/rules.md` is every rule's `explain` page under the anchor `help_uri` links to (SARIF's
//! `helpUri`, rdjson's `code.url`). It is generated from the packs: this test fails when it
//! is out of date, and `PRESSLINT_WRITE_DOCS=1 cargo test --test rules_doc` rewrites it.

use std::path::PathBuf;

use presslint::rules::explain::Page;
use presslint::rules::help::anchor;
use presslint::rules::{help_uri, Pack, DEFAULT_PACK};
use presslint::Engine;

fn doc_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md")
}

/// One page under its anchor and a heading with the rule id.
fn section(page: &Page) -> String {
    format!(
        "<a id=\"{}\"></a>\n\n## `{}`\n\n{}",
        anchor(&page.id),
        page.id,
        page.markdown()
    )
}

/// The document: the default pack's rules, then the rules of the other embedded packs that
/// the default pack does not have, then the schema's keywords.
fn generated() -> String {
    let engine = Engine::with_default_pack().expect("the default pack loads");
    let mut doc = format!(
        "# presslint rules\n\n\
         <!-- Generated from the rule packs by `PRESSLINT_WRITE_DOCS=1 cargo test --test rules_doc`: do not edit. -->\n\n\
         Every rule of the default pack `{DEFAULT_PACK}`, as `presslint explain RULE` shows it. The \
         French pack `un-fr` uses the same ids for the rules it shares, with French examples \
         (`presslint explain --pack un-fr RULE`); the rules it alone has follow, with its \
         examples. Diagnostics `schema/<keyword>` come from the release schema and are listed \
         last.\n"
    );
    for rule in &engine.pack().rules {
        doc.push('\n');
        doc.push_str(&section(&Page::of(rule, &|text| {
            engine.lint_example(engine.pack(), rule.partner.as_ref(), text)
        })));
    }
    // The rules of the other embedded packs that the default pack does not have, under
    // their pack's name, with their own examples.
    for name in Pack::embedded_names() {
        if name == DEFAULT_PACK {
            continue;
        }
        let pack = Pack::embedded(&name).expect("embedded pack");
        let own: Vec<String> = pack
            .rules
            .iter()
            .filter(|r| engine.pack().rule(&r.id).is_none())
            .map(|r| r.id.clone())
            .collect();
        if own.is_empty() {
            continue;
        }
        let other = Engine::new(pack).expect("the pack loads");
        doc.push_str(&format!(
            "\n# Rules of the `{name}` pack only\n\n\
             Rules that the default pack does not have (`presslint explain RULE` shows them too).\n"
        ));
        for rule in other.pack().rules.iter().filter(|r| own.contains(&r.id)) {
            doc.push('\n');
            let partner = rule.partner.as_ref();
            let page = Page::of(rule, &|text| {
                other.lint_example(other.pack(), partner, text)
            });
            doc.push_str(&section(&page));
        }
    }
    doc.push_str("\n# Release schema\n");
    for keyword in presslint::schema::release_keywords() {
        doc.push('\n');
        doc.push_str(&section(&Page::of_schema_keyword(&keyword)));
    }
    doc
}

#[test]
fn the_rules_document_is_generated_from_the_packs() {
    let expected = generated();
    let path = doc_path();
    if std::env::var_os("PRESSLINT_WRITE_DOCS").is_some() {
        std::fs::write(&path, &expected).expect("write docs/rules.md");
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/rules.md is out of date: run `PRESSLINT_WRITE_DOCS=1 cargo test --test rules_doc`"
    );
}

/// Every id of every embedded pack (and of the schema) has the anchor its help address names.
#[test]
fn every_help_address_has_its_anchor() {
    let doc = std::fs::read_to_string(doc_path()).expect("docs/rules.md");
    let mut ids: Vec<String> = Pack::embedded_names()
        .iter()
        .flat_map(|name| Pack::embedded(name).expect("embedded pack").rules)
        .map(|rule| rule.id)
        .collect();
    ids.extend(
        presslint::schema::release_keywords()
            .into_iter()
            .map(|keyword| format!("schema/{keyword}")),
    );
    for id in ids {
        let uri = help_uri(&id);
        let (page, fragment) = uri.split_once('#').expect("an anchor");
        assert!(page.ends_with("/docs/rules.md"), "{uri}");
        assert!(
            doc.contains(&format!("<a id=\"{fragment}\"></a>")),
            "no anchor for {id}"
        );
    }
}
