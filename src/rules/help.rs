//! Where a rule's documentation is on the web: one address per rule, shared by every output
//! that links to it (SARIF's `helpUri`, rdjson's `code.url`, the language server).

/// `docs/rules.md` in the repository: every rule's `explain` page under a stable anchor.
pub const RULES_PAGE: &str = "https://github.com/presslint/presslint/blob/main/docs/rules.md";

/// The address of a rule's documentation: `docs/rules.md#<group>-<name>`
/// (`symbol/malformed` -> `...#symbol-malformed`). Rule ids are kebab-case, so the anchor
/// needs no escaping.
pub fn help_uri(rule_id: &str) -> String {
    format!("{RULES_PAGE}#{}", anchor(rule_id))
}

/// The anchor of a rule in `docs/rules.md`: its id with `/` written `-`.
pub fn anchor(rule_id: &str) -> String {
    rule_id.replace('/', "-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_its_own_anchor() {
        assert_eq!(
            help_uri("symbol/malformed"),
            "https://github.com/presslint/presslint/blob/main/docs/rules.md#symbol-malformed"
        );
        assert_eq!(anchor("schema/min-items"), "schema-min-items");
    }
}
