//! The text parser's typed model always has the release schema's shape, so `Engine::parse`
//! validates only JSON inputs: this holds every fixture, and release-shaped noise, to that.

use std::path::Path;

use presslint::layout::Layout;
use presslint::parse::parse_text;
use presslint::pointer::PointerSpans;
use presslint::schema::ReleaseSchema;
use presslint::{SourceFile, SourceKind, Span};
use proptest::prelude::*;

/// The schema findings of the model the text parser builds from `text`.
fn schema_findings(text: &str) -> Vec<String> {
    let source = SourceFile::new("t.txt", text, SourceKind::Text);
    let release = parse_text(&source, &Layout::default());
    let value = serde_json::to_value(&release).expect("the model serialises");
    let spans = PointerSpans::from_model_json(&value, Span::empty(0));
    let schema = ReleaseSchema::shared().expect("the embedded schema compiles");
    schema
        .validate(&value, &spans)
        .into_iter()
        .map(|d| format!("{}: {}", d.rule, d.message))
        .collect()
}

fn text_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("fixture directory").flatten() {
        let path = entry.path();
        if path.is_dir() {
            text_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

#[test]
fn text_models_satisfy_the_release_schema() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    text_files(&root.join("tests/fixtures"), &mut files);
    text_files(&root.join("examples"), &mut files);
    assert!(files.len() > 40, "fixtures found: {}", files.len());
    for file in files {
        let text = std::fs::read_to_string(&file).expect("fixture reads");
        assert_eq!(
            schema_findings(&text),
            Vec::<String>::new(),
            "{}",
            file.display()
        );
    }
}

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("SG/SM/13017".to_owned()),
        Just("Press Release SG/SM/13017-OBV/1 |".to_owned()),
        Just("Security Council".to_owned()),
        Just("8123rd Meeting (AM)".to_owned()),
        Just("19 July 2010".to_owned()),
        Just("July 31, 2010".to_owned()),
        Just("Note No. 5989*".to_owned()),
        Just("* *** *".to_owned()),
        Just("For information media. Not an official record.".to_owned()),
        Just("Document non officiel.".to_owned()),
        Just(String::new()),
        "[A-Za-z\u{a0}é* ./()-]{0,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn any_release_shaped_text_gives_a_valid_model(
        lines in proptest::collection::vec(line(), 0..16),
        crlf in any::<bool>(),
    ) {
        let text = lines.join(if crlf { "\r\n" } else { "\n" });
        prop_assert_eq!(schema_findings(&text), Vec::<String>::new(), "{:?}", text);
    }
}
