//! Which pack checks a release: the one pack a user named (`--pack`, `pack =`), or, when
//! none is named, the embedded pack of the release's language, so that a folder mixing
//! English and French releases needs no configuration.

use std::sync::OnceLock;

use crate::checks::language::Verdict;
use crate::error::{Error, Result};
use crate::rules::{detect, embedded_profiles, Pack};

/// Loads a language's pack (with the configuration's `extend-rules`) the first time a
/// release in that language is met.
pub type LoadPack = Box<dyn Fn(&str) -> Result<Pack> + Send + Sync>;

/// The packs a run checks with.
pub enum PackChoice {
    /// One pack for every release; a release in another language gets the pack's
    /// `page/wrong-pack` note and skips the rules the pack suppresses.
    Pinned(Pack),
    /// The default pack, and the other embedded packs by language, each loaded on first use.
    ByLanguage(LanguagePacks),
}

pub struct LanguagePacks {
    default: Pack,
    /// `(pack name, pack)` of every other embedded pack that detects its language.
    others: Vec<(String, OnceLock<std::result::Result<Pack, Error>>)>,
    load: LoadPack,
}

/// The pack that checks one release, and the language verdict its rules see (`Some` only
/// when the release is in another language and no pack of that language can be chosen).
pub struct Chosen<'a> {
    pub pack: &'a Pack,
    pub verdict: Option<Verdict>,
}

impl PackChoice {
    /// The embedded pack of each release's language: `default` (already loaded) first, the
    /// others through `load`.
    pub fn by_language(default: Pack, load: LoadPack) -> Self {
        let others = embedded_profiles()
            .iter()
            .filter(|(name, language, detect)| {
                *name != default.name && *language != default.language && !detect.words.is_empty()
            })
            .map(|(name, _, _)| (name.clone(), OnceLock::new()))
            .collect();
        PackChoice::ByLanguage(LanguagePacks {
            default,
            others,
            load,
        })
    }

    /// The pinned pack, or the default one: what describes the run when no release is at
    /// hand (`rules`, `explain`, the SARIF driver).
    pub fn first(&self) -> &Pack {
        match self {
            PackChoice::Pinned(pack) => pack,
            PackChoice::ByLanguage(packs) => &packs.default,
        }
    }

    /// The pinned pack, or the default one, taken out of the choice.
    pub fn into_first(self) -> Pack {
        match self {
            PackChoice::Pinned(pack) => pack,
            PackChoice::ByLanguage(packs) => packs.default,
        }
    }

    /// Whether the pack is chosen per release.
    pub fn by_language_of_release(&self) -> bool {
        matches!(self, PackChoice::ByLanguage(_))
    }

    /// The pack for a release whose text is `text`, judged once on the whole text.
    pub fn choose(&self, text: &str) -> Result<Chosen<'_>> {
        let first = self.first();
        let verdict = detect::detect(first, text);
        let PackChoice::ByLanguage(packs) = self else {
            return Ok(Chosen {
                pack: first,
                verdict,
            });
        };
        let Some(found) = verdict else {
            return Ok(Chosen {
                pack: first,
                verdict: None,
            });
        };
        match packs.other(&found.pack) {
            Some(pack) => Ok(Chosen {
                pack: pack?,
                verdict: None,
            }),
            None => Ok(Chosen {
                pack: first,
                verdict: Some(found),
            }),
        }
    }

    /// [`PackChoice::choose`] for a release that declares its language (a Markdown release's
    /// front matter `language: fr`): with packs chosen by language, the embedded pack of
    /// that language, when there is one; otherwise the text decides.
    pub fn choose_declared(&self, text: &str, language: Option<&str>) -> Result<Chosen<'_>> {
        if let (PackChoice::ByLanguage(packs), Some(language)) = (self, language) {
            if packs.default.language == language {
                return Ok(Chosen {
                    pack: &packs.default,
                    verdict: None,
                });
            }
            let named = embedded_profiles()
                .iter()
                .find(|(_, lang, _)| lang == language)
                .map(|(name, _, _)| name.clone());
            if let Some(pack) = named.and_then(|name| packs.other(&name)) {
                return Ok(Chosen {
                    pack: pack?,
                    verdict: None,
                });
            }
        }
        self.choose(text)
    }

    /// Every pack this choice may check with, loading those not loaded yet; a pack that
    /// does not load is left out (its error is the error of the files that need it).
    pub fn all(&self) -> Vec<&Pack> {
        match self {
            PackChoice::Pinned(pack) => vec![pack],
            PackChoice::ByLanguage(packs) => std::iter::once(&packs.default)
                .chain(
                    packs
                        .others
                        .iter()
                        .filter_map(|(name, _)| packs.other(name)?.ok()),
                )
                .collect(),
        }
    }

    /// The packs other than the first that are loaded already.
    pub fn loaded(&self) -> Vec<&Pack> {
        match self {
            PackChoice::Pinned(_) => Vec::new(),
            PackChoice::ByLanguage(packs) => packs
                .others
                .iter()
                .filter_map(|(_, slot)| slot.get()?.as_ref().ok())
                .collect(),
        }
    }

    /// Whether `known` holds for one of the packs: the first pack is asked first, so that
    /// the others are loaded only for a selector the first does not know.
    pub fn any(&self, known: impl Fn(&Pack) -> bool) -> bool {
        known(self.first()) || self.all().into_iter().skip(1).any(known)
    }

    /// The packs' names for messages: `` `un-en` `` or `` `un-en` or `un-fr` ``.
    pub fn names(&self) -> String {
        let mut names = vec![self.first().name.as_str()];
        if let PackChoice::ByLanguage(packs) = self {
            names.extend(packs.others.iter().map(|(name, _)| name.as_str()));
        }
        format!("`{}`", names.join("` or `"))
    }
}

impl LanguagePacks {
    /// The embedded pack `name`, loaded on first use; `None` when it is not a candidate.
    fn other(&self, name: &str) -> Option<Result<&Pack>> {
        let (_, slot) = self.others.iter().find(|(other, _)| other == name)?;
        Some(
            slot.get_or_init(|| (self.load)(name))
                .as_ref()
                .map_err(Clone::clone),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_language() -> PackChoice {
        PackChoice::by_language(Pack::embedded("un-en").unwrap(), Box::new(Pack::embedded))
    }

    const FRENCH: &str =
        "CS/15746\n19 juillet 2010\n\nLe Conseil de sécurité proroge le mandat de la Mission\n\n\
        Le Conseil de sécurité a décidé aujourd’hui de proroger le mandat de la Mission pour une \
        période de six mois, par une résolution adoptée à l’unanimité.\n";
    const ENGLISH: &str = "SC/15746\n19 July 2010\n\nSecurity Council Extends Mission Mandate\n\n\
        The Security Council today decided to extend the mandate of the Mission for a period of \
        six months, in a resolution adopted unanimously by its members.\n";

    #[test]
    fn each_release_gets_the_pack_of_its_language_and_no_verdict() {
        let choice = by_language();
        let french = choice.choose(FRENCH).unwrap();
        assert_eq!(french.pack.name, "un-fr");
        assert!(french.verdict.is_none());
        let english = choice.choose(ENGLISH).unwrap();
        assert_eq!(english.pack.name, "un-en");
        assert!(english.verdict.is_none());
    }

    #[test]
    fn a_pinned_pack_checks_everything_and_names_the_foreign_language() {
        let choice = PackChoice::Pinned(Pack::embedded("un-en").unwrap());
        let chosen = choice.choose(FRENCH).unwrap();
        assert_eq!(chosen.pack.name, "un-en");
        assert_eq!(chosen.verdict.unwrap().pack, "un-fr");
        assert_eq!(choice.names(), "`un-en`");
    }

    #[test]
    fn other_packs_load_only_when_needed_and_errors_reach_their_files() {
        let choice = PackChoice::by_language(
            Pack::embedded("un-en").unwrap(),
            Box::new(|name| {
                Err(Error::of(
                    crate::error::ErrorKind::Pack,
                    format!("cannot load {name}"),
                ))
            }),
        );
        assert_eq!(choice.choose(ENGLISH).unwrap().pack.name, "un-en");
        let error = choice.choose(FRENCH).err().unwrap();
        assert_eq!(error.message, "cannot load un-fr");
        assert_eq!(choice.names(), "`un-en` or `un-fr`");
        assert!(choice.any(|pack| pack.rule("symbol/missing").is_some()));
        assert_eq!(
            choice.all().len(),
            1,
            "a pack that does not load is left out"
        );
    }
}
