//! The library's modules form layers: no module reaches one that reaches it back, and the
//! lower layers never name the upper ones. Read from the sources (`crate::x` paths outside
//! comments and test code), so a new upward import fails here, not in review.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The binary's own modules (`main.rs` declares them): the library never names them.
const BINARY: &[&str] = &["main", "cli", "commands", "server", "workspace"];

/// `(module, what it must not name)`: the parser knows nothing of rules or checks, and the
/// renderers and the fix application know nothing of the engine or the command line.
const NEVER: &[(&str, &str)] = &[
    ("parse", "checks"),
    ("parse", "rules"),
    ("parse", "engine"),
    ("checks", "rules"),
    ("checks", "engine"),
    ("fix", "engine"),
    ("render", "engine"),
];

/// Top-level module -> the top-level modules it names.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path.strip_prefix(&src).unwrap();
            let top = relative
                .iter()
                .next()
                .unwrap()
                .to_str()
                .unwrap()
                .trim_end_matches(".rs")
                .to_owned();
            // Test helpers (`checks/testing.rs` is compiled for tests only) may reach anywhere.
            if top == "lib" || relative.ends_with("testing.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let names = graph.entry(top.clone()).or_default();
            for name in named_modules(&code_of(&text)) {
                if name != top {
                    names.insert(name);
                }
            }
        }
    }
    graph
}

/// The text without comments and without the test module at the end.
fn code_of(text: &str) -> String {
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    code.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules named as `crate::x` or inside `crate::{x, y::z}`.
fn named_modules(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                if depth == 0 || (depth == 1 && c == ',') {
                    out.push(first_word(&item));
                    item.clear();
                    if depth == 0 {
                        break;
                    }
                } else {
                    item.push(c);
                }
            }
        } else {
            out.push(first_word(rest));
        }
    }
    out.retain(|name| !name.is_empty());
    out
}

fn first_word(text: &str) -> String {
    text.trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// Every module that `from` reaches through the graph.
fn reach(graph: &BTreeMap<String, BTreeSet<String>>, from: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![from.to_owned()];
    while let Some(module) = stack.pop() {
        for next in graph.get(&module).into_iter().flatten() {
            if seen.insert(next.clone()) {
                stack.push(next.clone());
            }
        }
    }
    seen
}

#[test]
fn the_library_has_no_dependency_cycle() {
    let graph = graph();
    assert!(graph.contains_key("checks") && graph.contains_key("rules"));
    let cycles: Vec<&String> = graph
        .keys()
        .filter(|module| !BINARY.contains(&module.as_str()))
        .filter(|module| reach(&graph, module).contains(*module))
        .collect();
    assert!(
        cycles.is_empty(),
        "modules in a cycle: {cycles:?}\n{graph:#?}"
    );
}

#[test]
fn lower_layers_never_name_upper_ones() {
    let graph = graph();
    for (module, names) in &graph {
        if BINARY.contains(&module.as_str()) {
            continue;
        }
        for binary in BINARY {
            assert!(
                !names.contains(*binary),
                "`{module}` names the binary's `{binary}`"
            );
        }
    }
    for (lower, upper) in NEVER {
        assert!(
            !graph[*lower].contains(*upper),
            "`{lower}` names `{upper}`: {:?}",
            graph[*lower]
        );
    }
}

#[test]
fn imports_are_read_in_every_form() {
    let code = "use crate::{a, b::{c, d}, e::f};\nlet x = crate::g::h();\n// crate::comment\n";
    assert_eq!(named_modules(&code_of(code)), ["a", "b", "e", "g"]);
}
