//! Where a rule's documentation is on the web: one address per rule, shared by every output
//! that links to it (SARIF's `helpUri`, rdjson's `code.url`, the language server's
//! `codeDescription.href`).

/// `docs/rules.md` in the repository: every rule's `explain` page under a stable anchor.
pub const RULES_PAGE: &str = "https://github.com/presslint/presslint/blob/main/docs/rules.md";

/// The address of a rule's documentation: `docs/rules.md#<group>-<name>`
/// (`symbol/malformed` -> `...#symbol-malformed`).
pub fn help_uri(rule_id: &str) -> String {
    format!("{RULES_PAGE}#{}", anchor(rule_id))
}

/// The anchor of a rule in `docs/rules.md`: its id with `/` written `-`. Rule ids are
/// kebab-case; anything else a caller passes is percent-encoded, so the address stays valid.
pub fn anchor(rule_id: &str) -> String {
    let mut anchor = String::with_capacity(rule_id.len());
    for byte in rule_id.bytes() {
        match byte {
            b'/' => anchor.push('-'),
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                anchor.push(char::from(byte))
            }
            _ => anchor.push_str(&format!("%{byte:02X}")),
        }
    }
    anchor
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
        assert_eq!(
            help_uri("end-marker/missing"),
            "https://github.com/presslint/presslint/blob/main/docs/rules.md#end-marker-missing"
        );
        assert_eq!(anchor("schema/min-items"), "schema-min-items");
    }

    #[test]
    fn odd_ids_still_give_a_valid_uri() {
        assert!(help_uri("a b/é").ends_with("#a%20b-%C3%A9"));
    }
}
