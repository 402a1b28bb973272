//! `language`: is the release in the pack's language? Detection reads each pack's
//! `[detect]` data (common words of its language); a release that reads as another
//! embedded pack's language gets one diagnostic, and the rules the pack lists in `suppress`
//! do not run on it (`checks::run`), so a French release checked with `un-en` is not
//! drowned in errors about its French date line and disclaimer.

use crate::diagnostic::Diagnostic;
use crate::error::Result;
use crate::model::Release;
use crate::rules::{Pack, Params, Scope};
use crate::span::Span;

use super::Context;

/// The other language a release was recognised in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// `fr`.
    pub language: String,
    /// `French`.
    pub language_name: String,
    /// The embedded pack for that language (`un-fr`).
    pub pack: String,
}

/// A release needs this many words of another language, and three times as many as of the
/// pack's own, to be called foreign: a quoted title or a name (`La Paz`) is not enough.
const MIN_FOREIGN_WORDS: usize = 5;

/// The language a release is in when it is not the pack's, judged on the whole text.
pub fn detect(pack: &Pack, text: &str) -> Option<Verdict> {
    detect_among(pack, text, crate::rules::embedded_profiles())
}

/// `detect` against an explicit list of language profiles.
pub fn detect_among(
    pack: &Pack,
    text: &str,
    profiles: &[crate::rules::Profile],
) -> Option<Verdict> {
    let candidates: Vec<_> = profiles
        .iter()
        .filter(|(_, language, detect)| *language != pack.language && !detect.words.is_empty())
        .collect();
    if candidates.is_empty() {
        return None;
    }
    let mut own = 0usize;
    let mut others = vec![0usize; candidates.len()];
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if pack.detect.words.contains(word) {
            own += 1;
        }
        for (count, (_, _, detect)) in others.iter_mut().zip(&candidates) {
            if detect.words.contains(word) {
                *count += 1;
            }
        }
    }
    let (best, (name, language, detect)) = others
        .iter()
        .copied()
        .zip(candidates)
        .max_by_key(|(count, _)| *count)?;
    (best >= MIN_FOREIGN_WORDS && best >= 3 * own.max(1)).then(|| Verdict {
        language: language.clone(),
        language_name: detect.language_name.clone(),
        pack: name.clone(),
    })
}

/// The language check: no parameters; the verdict comes from `checks::run`.
#[derive(Debug)]
pub struct Language;

impl Language {
    pub fn compile(scope: Scope, params: &Params<'_>) -> Result<Self> {
        super::require_scope(params, "language", scope, &[Scope::Text])?;
        Ok(Self)
    }

    pub fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(verdict) = cx.verdict else {
            return;
        };
        let vars = [
            ("language", verdict.language_name.as_str()),
            ("pack", verdict.pack.as_str()),
        ];
        out.push(cx.diagnostic(evidence(cx.release), &vars));
    }
}

/// Where the language shows first: the date line, else the first disclaimer, headline or
/// paragraph.
fn evidence(release: &Release) -> Span {
    release
        .date_line
        .as_ref()
        .map(|d| d.field.span)
        .or_else(|| release.disclaimers.first().map(|f| f.span))
        .or_else(|| release.headlines.first().map(|h| h.field.span))
        .or_else(|| release.paragraphs().next().map(|f| f.span))
        .unwrap_or(Span::empty(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(pack: &str, text: &str) -> Option<String> {
        let pack = Pack::embedded(pack).unwrap_or_else(|e| panic!("{e}"));
        detect(&pack, text).map(|v| format!("{} {} {}", v.language, v.language_name, v.pack))
    }

    #[test]
    fn a_few_foreign_words_do_not_make_a_foreign_release() {
        let english = "The Secretary-General quoted the motto « La paix est le chemin » of the city of La Paz, and thanked the organizers for their work with the media.";
        assert_eq!(verdict("un-en", english), None);
        let french = "Le Secrétaire général a salué les efforts des pays de la région et a rappelé que la paix est le fruit du dialogue.";
        assert_eq!(verdict("un-en", french).as_deref(), Some("fr French un-fr"));
        assert_eq!(verdict("un-fr", french), None);
        let plain = "The Secretary-General thanked the organizers for their work with the media.";
        assert_eq!(verdict("un-fr", plain).as_deref(), Some("en English un-en"));
        // Quoted French weighs against English under the French pack: no verdict.
        assert_eq!(verdict("un-fr", english), None);
        assert_eq!(verdict("un-en", ""), None);
    }
}
