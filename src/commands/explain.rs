//! `presslint explain RULE`: a rule's documentation, with its fix and its examples.

use std::io::Write;

use super::{output_error, Outcome};
use crate::cli::ExplainArgs;
use presslint::error::{Error, ErrorKind, Result};
use presslint::rules::explain::Page;
use presslint::rules::{Pack, Rule};
use presslint::Engine;

pub fn run(args: &ExplainArgs) -> Result<Outcome> {
    let engine = args.settings.workspace()?.engine_here()?;
    let page = page(&engine, &args.rule)?;
    std::io::stdout()
        .lock()
        .write_all(page.as_bytes())
        .map_err(output_error)?;
    Ok(Outcome::Clean)
}

/// The page of the rule `id` (a `schema/<keyword>` id has one too), or an error suggesting
/// the closest id.
pub fn page(engine: &Engine, id: &str) -> Result<String> {
    page_in(engine, None, id)
}

/// [`page`], as the pack named `pack` writes the rule when it has it (a finding on a French
/// release is explained with the French pack's examples).
pub fn page_in(engine: &Engine, pack: Option<&str>, id: &str) -> Result<String> {
    Ok(match id.strip_prefix("schema/") {
        Some(keyword) if is_kebab(keyword) => Page::of_schema_keyword(keyword).text(),
        _ => {
            // A rule of a pack chosen by language (`un-fr`) is explained without `--pack`.
            let packs = engine.packs().all();
            let named = packs.iter().filter(|p| Some(p.name.as_str()) == pack);
            let mut in_order = named.chain(&packs);
            let first = engine.pack();
            match in_order.find_map(|pack| Some((*pack, pack.rule(id)?))) {
                Some((pack, rule)) => explain(engine, pack, rule),
                None => explain(engine, first, find(first, id)?),
            }
        }
    })
}

fn is_kebab(word: &str) -> bool {
    !word.is_empty()
        && word
            .split('-')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase()))
}

/// The rule named `id`, or an error suggesting the closest id.
pub fn find<'p>(pack: &'p Pack, id: &str) -> Result<&'p Rule> {
    if let Some(rule) = pack.rule(id) {
        return Ok(rule);
    }
    let ids = pack.rules.iter().map(|r| r.id.as_str());
    let message = match closest(id, ids) {
        Some(suggestion) => format!("unknown rule `{id}`; did you mean `{suggestion}`?"),
        None => format!("unknown rule `{id}`; `presslint rules` lists them"),
    };
    Err(Error::of(ErrorKind::Usage, message))
}

/// The candidate nearest to `query` by edit distance (ties: the first), if it is near enough
/// to be a plausible typo, or if the query is its name without the group.
pub fn closest<'a>(query: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let query_lower = query.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let name = candidate.rsplit('/').next().unwrap_or(candidate);
        let distance = if name == query_lower {
            0
        } else {
            presslint::text::edit_distance(&query_lower, candidate)
        };
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    let limit = (query.chars().count() / 3).max(2);
    best.filter(|&(d, _)| d <= limit).map(|(_, c)| c)
}

/// The rule's page as `presslint explain` prints it (see [`Page`]): its examples linted by
/// `engine`.
pub fn explain(engine: &Engine, pack: &Pack, rule: &Rule) -> String {
    let partner = rule.partner.as_ref();
    Page::of(rule, &|text| engine.lint_example(pack, partner, text)).text()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_id() {
        let ids = ["symbol/format", "symbol/missing", "date/format"];
        assert_eq!(
            closest("symbol/fromat", ids.into_iter()),
            Some("symbol/format")
        );
        assert_eq!(closest("missing", ids.into_iter()), Some("symbol/missing"));
        assert_eq!(closest("Date/Format", ids.into_iter()), Some("date/format"));
        assert_eq!(closest("zzz", ids.into_iter()), None);
        assert_eq!(closest("x", std::iter::empty()), None);
    }

    #[test]
    fn unknown_rules_are_one_line_errors() {
        let pack = Pack::default();
        let error = find(&pack, "nope/x").unwrap_err();
        assert_eq!(
            error.to_string(),
            "unknown rule `nope/x`; `presslint rules` lists them"
        );
    }
}
