//! `require`: an element must be present; an optional insertion fix at the end of the content.

use crate::diagnostic::Diagnostic;
use crate::error::Result;
use crate::fix::Edit;
use crate::model::{InputFormat, Release};

use super::{Context, Params, Scope};

#[derive(Debug)]
pub struct Require {
    scope: Scope,
    /// Categories (as the category line names them) whose releases need not have the element.
    unless_category: Vec<String>,
    /// Text inserted at `release.content_end` by the fix.
    insert: Option<String>,
    /// The element is not required on a web page of the current layout.
    unless_web_page: bool,
}

/// The parameters of a `require` rule.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RequireParams {
    /// Categories (or `@lists` of them) whose releases may lack the element.
    #[serde(default, deserialize_with = "crate::toml_file::non_empty_items")]
    unless_category: Vec<String>,
    /// The text the fix inserts (`{@list}` takes a list's first text).
    #[serde(default, deserialize_with = "crate::toml_file::non_empty_option")]
    insert: Option<String>,
    #[serde(default)]
    unless_web_page: bool,
}

impl Require {
    pub fn compile(scope: Scope, params: &mut Params<'_, '_>) -> Result<Self> {
        let own: RequireParams = params.take()?;
        Ok(Self {
            scope,
            unless_category: params.list("unless-category", own.unless_category)?,
            insert: own
                .insert
                .map(|text| params.text("insert", text))
                .transpose()?,
            unless_web_page: own.unless_web_page,
        })
    }
}

impl super::Check for Require {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let release = cx.release;
        if !super::fields(release, self.scope).is_empty()
            || release.category_is(&self.unless_category)
            || (self.scope == Scope::Symbol && release.kind_has_no_symbol())
            || (self.unless_web_page && release.is_web_page())
        {
            return;
        }
        let at = missing_at(release, self.scope);
        let expected = self.insert.as_deref().map(str::trim).unwrap_or("");
        let vars = [("element", self.scope.as_str()), ("expected", expected)];
        // An insertion into a JSON input would break its syntax: text inputs only.
        let fix = self
            .insert
            .as_ref()
            .filter(|_| release.format == InputFormat::Text)
            .and_then(|text| {
                // A CRLF file gets CRLF line breaks in the inserted text.
                let text = if cx.source.text.contains("\r\n") {
                    text.replace("\r\n", "\n").replace('\n', "\r\n")
                } else {
                    text.clone()
                };
                cx.fix(&vars, vec![Edit::insert(release.content_end, text)], None)
            });
        out.push(
            cx.diagnostic(crate::span::Span::empty(at), &vars)
                .with_fix(fix),
        );
    }
}

/// Where a missing element belongs: an empty span there.
fn missing_at(release: &Release, scope: Scope) -> usize {
    let first = |spans: &[Option<usize>]| spans.iter().flatten().copied().next();
    let headline = release.headlines.first().map(|h| h.field.span.start);
    let paragraph = release.paragraphs().next().map(|f| f.span.start);
    let date = release.date_line.as_ref().map(|d| d.field.span.start);
    let symbol_end = release.symbols.first().map(|s| s.field.span.end);
    let footer = release
        .end_marker
        .as_ref()
        .map(|f| f.span.start)
        .or_else(|| release.disclaimers.first().map(|f| f.span.start));
    match scope {
        Scope::Symbol => first(&[date, headline, paragraph]).unwrap_or(0),
        Scope::DateLine => first(&[symbol_end, headline, paragraph]).unwrap_or(0),
        Scope::Headline | Scope::Intro => {
            first(&[paragraph, footer]).unwrap_or(release.content_end)
        }
        Scope::EndMarker => footer.unwrap_or(release.content_end),
        _ => release.content_end,
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_at, assert_fixed, run_rule, Builder};

    const TEXT: &str = "SG/SM/1\n19 July 2010\n\nTalks Open\n\nThe talks opened.\n\n* *** *\n";

    #[test]
    fn a_missing_disclaimer_is_reported_at_the_end_with_an_insertion() {
        let built = Builder::new(TEXT)
            .symbol("SG/SM/1")
            .headline(&["Talks Open"])
            .body("The talks opened.")
            .end_marker("* *** *")
            .build();
        let found = run_rule("disclaimer/missing", &built);
        assert_at(&built, &found, &[("disclaimer/missing", 8, 8)]);
        assert_fixed(
            &built,
            &found,
            "SG/SM/1\n19 July 2010\n\nTalks Open\n\nThe talks opened.\n\n* *** *\n\nFor information media. Not an official record.\n",
        );
    }

    #[test]
    fn the_insertion_follows_the_line_breaks_of_the_file() {
        let text = "Talks Open\r\n\r\nThe talks opened.\r\n\r\n* *** *\r\n";
        let built = Builder::new(text)
            .body("The talks opened.")
            .end_marker("* *** *")
            .build();
        let found = run_rule("disclaimer/missing", &built);
        assert_fixed(
            &built,
            &found,
            "Talks Open\r\n\r\nThe talks opened.\r\n\r\n* *** *\r\n\r\nFor information media. Not an official record.\r\n",
        );
    }

    #[test]
    fn a_missing_symbol_is_reported_before_the_date_unless_the_kind_has_none() {
        let text = "Press Conference\n19 July 2010\n\nTalks Open\n";
        let plain = Builder::new(text)
            .date("19 July 2010", crate::model::DateForm::Long, (2010, 7, 19))
            .build();
        let found = run_rule("symbol/missing", &plain);
        assert_at(&plain, &found, &[("symbol/missing", 2, 1)]);
        let briefing = Builder::new(text)
            .kind("Press Conference", "press-conference", false)
            .build();
        assert_at(&briefing, &run_rule("symbol/missing", &briefing), &[]);
        let release = Builder::new(text)
            .kind("Press Conference", "press-release", true)
            .build();
        assert_at(
            &release,
            &run_rule("symbol/missing", &release),
            &[("symbol/missing", 1, 1)],
        );
    }

    #[test]
    fn unless_category_names_a_category_or_a_label_line() {
        let text = "Media Briefing\nSecurity Council\n";
        let labelled = Builder::new(text)
            .kind("Media Briefing", "media-briefing", false)
            .build();
        let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(labelled.1.category_is(&names(&["media  briefing"])));
        assert!(!labelled.1.category_is(&names(&["Security Council"])));
        let organ = Builder::new(text).category("Security Council").build();
        assert!(organ.1.category_is(&names(&["Security Council"])));
    }
}
