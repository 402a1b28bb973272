//! Rule selection from the command line (`--select`, `--extend-select`, `--ignore`), layered
//! over a configuration's `select` and `ignore` the way ruff layers its command line over
//! `pyproject.toml`: the command line is the later layer and wins. `--select` replaces the
//! selection (the configuration's `select` and `ignore` no longer count), `--extend-select`
//! adds rules, `--ignore` removes them. Within the command line a rule id is more specific
//! than its group and wins over it (`--ignore typography --extend-select
//! typography/repeated-word` keeps that one rule); between an id and the same id, or a group
//! and the same group, `--ignore` wins. Per-file ignores still apply afterwards.

use crate::error::{Error, ErrorKind, Result};
use crate::rules::choice::PackChoice;
use crate::rules::load::selects;
use crate::rules::Pack;

/// The command line's rule selectors: rule ids (`symbol/missing`) or groups (`symbol`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RuleSelection {
    /// `--select`: when given, only these rules run (and the configuration's selection is
    /// set aside).
    pub select: Option<Vec<String>>,
    /// `--extend-select`: rules added to the selection.
    pub extend_select: Vec<String>,
    /// `--ignore`: rules removed from the selection.
    pub ignore: Vec<String>,
}

impl RuleSelection {
    /// Whether the command line says nothing about rules.
    pub fn is_empty(&self) -> bool {
        self.select.is_none() && self.extend_select.is_empty() && self.ignore.is_empty()
    }

    /// Every selector must name a rule or a group of one of the packs of `choice` (or the
    /// schema's rules): an unknown one is a usage error naming its flag.
    pub fn check_against(&self, choice: &PackChoice) -> Result<()> {
        let flags = [
            ("--select", self.select.as_deref().unwrap_or_default()),
            ("--extend-select", &self.extend_select),
            ("--ignore", &self.ignore),
        ];
        for (flag, selectors) in flags {
            let unknown = selectors
                .iter()
                .find(|s| !choice.any(|pack| known(pack, s)));
            if let Some(unknown) = unknown {
                return Err(Error::of(
                    ErrorKind::Usage,
                    format!(
                        "{flag}: unknown rule or group `{unknown}` for pack {} (`presslint rules` lists them)",
                        choice.names()
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Whether `rule` runs, given whether the configuration's `select` and `ignore` let it.
    pub fn decide(&self, rule: &str, configured: bool) -> bool {
        let selected = self.select.iter().flatten().chain(&self.extend_select);
        // A rule id first, then groups: the more specific selector decides.
        for exact in [true, false] {
            let names = |selector: &String| {
                if exact {
                    selector == rule
                } else {
                    selector != rule && selects(selector, rule)
                }
            };
            if self.ignore.iter().any(names) {
                return false;
            }
            if selected.clone().any(names) {
                return true;
            }
        }
        self.select.is_none() && configured
    }
}

/// Does `selector` name at least one rule of `pack`? The schema's rules (`schema/<keyword>`)
/// are not in any pack but exist for every JSON input.
pub(crate) fn known(pack: &Pack, selector: &str) -> bool {
    selector == "schema"
        || selector.starts_with("schema/")
        || pack.rules.iter().any(|r| selects(selector, &r.id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    fn selection(select: Option<&[&str]>, extend: &[&str], ignore: &[&str]) -> RuleSelection {
        RuleSelection {
            select: select.map(strings),
            extend_select: strings(extend),
            ignore: strings(ignore),
        }
    }

    #[test]
    fn nothing_on_the_command_line_keeps_the_configuration() {
        let none = RuleSelection::default();
        assert!(none.is_empty());
        assert!(none.decide("symbol/missing", true));
        assert!(!none.decide("symbol/missing", false));
    }

    #[test]
    fn select_replaces_extend_select_adds_ignore_removes() {
        let select = selection(Some(&["symbol"]), &[], &[]);
        assert!(
            select.decide("symbol/missing", false),
            "over a configured ignore"
        );
        assert!(!select.decide("dateline/missing", true), "replaced");
        let extend = selection(None, &["page/site-noise"], &[]);
        assert!(extend.decide("page/site-noise", false));
        assert!(extend.decide("dateline/missing", true));
        assert!(!extend.decide("dateline/missing", false));
        let ignore = selection(None, &[], &["symbol"]);
        assert!(!ignore.decide("symbol/missing", true));
        assert!(ignore.decide("dateline/missing", true));
    }

    #[test]
    fn a_rule_id_wins_over_its_group_and_ignore_wins_a_tie() {
        let keep_one = selection(None, &["typography/repeated-word"], &["typography"]);
        assert!(keep_one.decide("typography/repeated-word", true));
        assert!(!keep_one.decide("typography/mixed-quotes", true));
        let drop_one = selection(Some(&["symbol"]), &[], &["symbol/unknown-series"]);
        assert!(!drop_one.decide("symbol/unknown-series", true));
        assert!(drop_one.decide("symbol/missing", true));
        let tie = selection(Some(&["symbol"]), &[], &["symbol"]);
        assert!(!tie.decide("symbol/missing", true));
        // A group is not a prefix of a longer group's name.
        assert!(!selection(Some(&["symbol"]), &[], &[]).decide("symbolic/x", true));
    }

    #[test]
    fn unknown_selectors_are_errors_naming_their_flag() {
        let pack = PackChoice::Pinned(Pack::embedded("un-en").unwrap());
        assert!(selection(
            Some(&["symbol", "schema"]),
            &["date/ordinal"],
            &["schema/required"]
        )
        .check_against(&pack)
        .is_ok());
        let error = selection(None, &[], &["symbol/malformd"])
            .check_against(&pack)
            .unwrap_err();
        assert_eq!(error.kind, ErrorKind::Usage);
        assert_eq!(
            error.to_string(),
            "--ignore: unknown rule or group `symbol/malformd` for pack `un-en` (`presslint rules` lists them)"
        );
        let error = selection(Some(&["sym"]), &[], &[])
            .check_against(&pack)
            .unwrap_err();
        assert!(error
            .message
            .starts_with("--select: unknown rule or group `sym`"));
    }
}
