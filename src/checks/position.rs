//! `position`: an element must be the last content of the release (site noise aside).

use crate::diagnostic::Diagnostic;
use crate::error::Result;

use super::{Context, Params, Scope};

#[derive(Debug)]
pub struct Position {
    scope: Scope,
}

impl Position {
    pub fn compile(scope: Scope, params: &mut Params<'_, '_>) -> Result<Self> {
        super::require_scope(
            params,
            "position",
            scope,
            &[Scope::Disclaimer, Scope::EndMarker],
        )?;
        Ok(Self { scope })
    }
}

impl super::Check for Position {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let own = super::fields(cx.release, self.scope);
        let Some(last) = own.last() else { return };
        let own_spans: Vec<_> = own.iter().map(|f| f.span).collect();
        let after = cx
            .release
            .elements()
            .into_iter()
            .map(|(name, field)| (name, field.span))
            .filter(|(_, span)| !own_spans.contains(span) && span.start >= last.span.end)
            .min_by_key(|(_, span)| span.start);
        let Some((name, span)) = after else { return };
        let found = super::one_line(&last.text);
        let vars = [("found", found.as_str()), ("after", name)];
        out.push(
            cx.diagnostic(last.span, &vars)
                .with_label(span, format!("the {name} comes after it")),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_at, run_rule, Builder};

    #[test]
    fn a_disclaimer_before_the_end_marker_is_misplaced_but_noise_after_it_is_not() {
        let text = "Text.\n\nFor information media. Not an official record.\n\n* *** *\n";
        let built = Builder::new(text)
            .body("Text.")
            .disclaimer("For information media. Not an official record.")
            .end_marker("* *** *")
            .build();
        let found = run_rule("disclaimer/misplaced", &built);
        assert_at(&built, &found, &[("disclaimer/misplaced", 3, 1)]);
        assert_eq!(found[0].labels[0].message, "the end marker comes after it");

        let text =
            "* *** *\n\nFor information media. Not an official record.\nSkip to main content\n";
        let built = Builder::new(text)
            .end_marker("* *** *")
            .disclaimer("For information media. Not an official record.")
            .noise("Skip to main content")
            .build();
        assert_at(&built, &run_rule("disclaimer/misplaced", &built), &[]);
    }
}
