//! `symbol`: the document-symbol grammar (`check = "grammar"`) and the series registry
//! of the pack (`check = "series"`), over every printed copy and, when stacked, every part.

use std::collections::BTreeSet;

use crate::diagnostic::Diagnostic;
use crate::error::Result;
use crate::fix::{Applicability, Edit};
use crate::model::Field;
use crate::symbols;

use super::{Context, Params, Scope};

#[derive(Debug)]
pub enum SymbolCheck {
    Grammar,
    Series,
}

impl SymbolCheck {
    pub fn compile(scope: Scope, params: &mut Params<'_, '_>) -> Result<Self> {
        super::require_scope(params, "symbol", scope, &[Scope::Symbol])?;
        let own: super::CheckParams = params.take()?;
        match own.check.as_str() {
            "grammar" => Ok(SymbolCheck::Grammar),
            "series" => {
                if params.data.series.is_empty() {
                    return Err(params.error(
                        "check",
                        "`check = \"series\"` needs the series registry `data/series.toml`",
                    ));
                }
                Ok(SymbolCheck::Series)
            }
            other => Err(params.error(
                "check",
                format!("unknown symbol check `{other}` (expected one of: grammar, series)"),
            )),
        }
    }
}

impl super::Check for SymbolCheck {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let mut seen: BTreeSet<String> = BTreeSet::new();
        for symbol in &cx.release.symbols {
            // Stacked components are checked one by one; a one-line symbol as a whole.
            let units: Vec<&Field> = if symbol.stacked && !symbol.parts.is_empty() {
                symbol.parts.iter().collect()
            } else {
                vec![&symbol.field]
            };
            for unit in units {
                match self {
                    SymbolCheck::Grammar => grammar(cx, unit, out),
                    SymbolCheck::Series => series(cx, unit, &mut seen, out),
                }
            }
        }
    }
}

fn grammar(cx: &Context<'_>, field: &Field, out: &mut Vec<Diagnostic>) {
    let m = field.match_text();
    let (text, start, end) = super::trimmed(&m);
    if text.is_empty() || symbols::is_valid(text) {
        return;
    }
    let span = m.span(start, end);
    let correction = symbols::correct(text);
    let expected = correction.as_ref().map_or("", |c| c.text.as_str());
    let vars = [("found", text), ("expected", expected)];
    let mut diagnostic = cx.diagnostic(span, &vars);
    match &correction {
        Some(c) => {
            let applicability = (!c.safe).then_some(Applicability::Unsafe);
            let edit = Edit::replace(span, m.encoding.encode(&c.text));
            diagnostic = diagnostic.with_fix(cx.fix(&vars, vec![edit], applicability));
        }
        None => {
            diagnostic = diagnostic.with_help(
                "a symbol is a series such as `SG/SM` and a number without leading zero: `SG/SM/13017`",
            );
        }
    }
    out.push(diagnostic);
}

fn series(cx: &Context<'_>, field: &Field, seen: &mut BTreeSet<String>, out: &mut Vec<Diagnostic>) {
    let m = field.match_text();
    let (text, start, _) = super::trimmed(&m);
    if !symbols::is_valid(text) {
        return;
    }
    for (offset, component) in symbols::components(text) {
        let series = symbols::series(component);
        if cx.data.series.contains(series) || !seen.insert(series.to_owned()) {
            continue;
        }
        let local = start + offset;
        let span = m.span(local, local + series.len());
        let vars = [("found", series), ("symbol", text)];
        out.push(cx.diagnostic(span, &vars));
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_at, assert_fixed, run_rule, Builder};
    use crate::fix::Applicability;

    #[test]
    fn a_malformed_symbol_gets_a_safe_fix_when_only_case_changes() {
        let built = Builder::new("Secretary-Generalsg/sm/13017\n")
            .symbol("sg/sm/13017")
            .build();
        let found = run_rule("symbol/malformed", &built);
        assert_at(&built, &found, &[("symbol/malformed", 1, 18)]);
        assert_fixed(&built, &found, "Secretary-GeneralSG/SM/13017\n");
    }

    #[test]
    fn a_guessed_digit_or_a_dropped_leading_zero_is_an_unsafe_fix() {
        let built = Builder::new("SG/SM/13O17\n").symbol("SG/SM/13O17").build();
        let found = run_rule("symbol/malformed", &built);
        assert_eq!(
            found[0].fix.as_ref().map(|f| f.applicability),
            Some(Applicability::Unsafe)
        );
        let built = Builder::new("SG/SM/013017\n")
            .symbol("SG/SM/013017")
            .build();
        let found = run_rule("symbol/malformed", &built);
        assert_at(&built, &found, &[("symbol/malformed", 1, 1)]);
        let fix = found[0].fix.as_ref().expect("a fix");
        assert_eq!(
            (fix.applicability, fix.edits[0].replacement.as_str()),
            (Applicability::Unsafe, "SG/SM/13017")
        );
    }

    #[test]
    fn stacked_parts_are_checked_one_by_one() {
        let built = Builder::new("SG/SM/1\nobv/2\n")
            .stacked(&["SG/SM/1", "obv/2"])
            .build();
        let found = run_rule("symbol/malformed", &built);
        assert_at(&built, &found, &[("symbol/malformed", 2, 1)]);
        assert_fixed(&built, &found, "SG/SM/1\nOBV/2\n");
    }

    #[test]
    fn unknown_series_are_reported_once_per_series_on_their_component() {
        let text = "SG/SM/1-XYZ/2\n\nSecretary-GeneralSG/SM/1-XYZ/2\n";
        let built = Builder::new(text)
            .symbol("SG/SM/1-XYZ/2")
            .symbol("SG/SM/1-XYZ/2")
            .build();
        let found = run_rule("symbol/unknown-series", &built);
        assert_at(&built, &found, &[("symbol/unknown-series", 1, 9)]);
        assert_eq!(found[0].span.len(), 3);
        let year = Builder::new("SG/2015/Rev.4-BIO/2936/Rev.4\n")
            .symbol("SG/2015/Rev.4-BIO/2936/Rev.4")
            .build();
        assert_at(&year, &run_rule("symbol/unknown-series", &year), &[]);
    }
}
