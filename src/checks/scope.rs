//! Which element of the release a rule reads, and the fields that element covers.

use serde::Deserialize;

use crate::model::{Field, Release};

/// Which element of the release a rule reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    Symbol,
    DateLine,
    Headline,
    /// Sub-headlines under the headline.
    Deck,
    Intro,
    Body,
    EndMarker,
    Disclaimer,
    Noise,
    Category,
    Masthead,
    /// The lines of the meeting header (`Conseil de sécurité`, `4811e séance – soir`).
    Meeting,
    /// All running text: headlines, intro and body.
    Text,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Symbol => "symbol",
            Scope::DateLine => "date-line",
            Scope::Headline => "headline",
            Scope::Deck => "deck",
            Scope::Intro => "intro",
            Scope::Body => "body",
            Scope::EndMarker => "end-marker",
            Scope::Disclaimer => "disclaimer",
            Scope::Noise => "noise",
            Scope::Category => "category",
            Scope::Masthead => "masthead",
            Scope::Meeting => "meeting",
            Scope::Text => "text",
        }
    }
}

/// The fields a scope covers, in file order.
pub fn fields(release: &Release, scope: Scope) -> Vec<&Field> {
    match scope {
        Scope::Symbol => release.symbols.iter().map(|s| &s.field).collect(),
        Scope::DateLine => release.date_line.iter().map(|d| &d.field).collect(),
        Scope::Headline => release.headlines.iter().map(|h| &h.field).collect(),
        Scope::Deck => release.decks.iter().collect(),
        Scope::Intro => release.intro.iter().collect(),
        Scope::Body => release.body.iter().collect(),
        Scope::EndMarker => release.end_marker.iter().collect(),
        Scope::Disclaimer => release.disclaimers.iter().collect(),
        Scope::Noise => release.noise.iter().map(|n| &n.field).collect(),
        Scope::Category => release.category.iter().collect(),
        Scope::Masthead => release.masthead.iter().collect(),
        Scope::Meeting => release.meeting.iter().flat_map(|m| &m.lines).collect(),
        Scope::Text => release
            .headlines
            .iter()
            .map(|h| &h.field)
            .chain(release.paragraphs())
            .collect(),
    }
}
