//! Where a rule's explanation lives on the web: one stable address per rule, for the links
//! that SARIF (`helpUri`) and the language server (`codeDescription.href`) attach to findings.

/// The page that explains the rules; each rule has an anchor `<group>-<name>` on it.
const RULES_PAGE: &str = "https://github.com/presslint/presslint/blob/main/docs/rules.md";

/// The address of `rule_id`'s explanation (`symbol/malformed` ->
/// `.../docs/rules.md#symbol-malformed`). Ids are kebab-case `group/name`; anything else a
/// caller passes is percent-encoded so that the result is always a valid URI.
pub fn help_uri(rule_id: &str) -> String {
    let mut uri = String::with_capacity(RULES_PAGE.len() + 1 + rule_id.len());
    uri.push_str(RULES_PAGE);
    uri.push('#');
    for byte in rule_id.bytes() {
        match byte {
            b'/' => uri.push('-'),
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                uri.push(char::from(byte))
            }
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_anchor_per_rule_on_the_rules_page() {
        assert_eq!(
            help_uri("symbol/malformed"),
            "https://github.com/presslint/presslint/blob/main/docs/rules.md#symbol-malformed"
        );
        assert_eq!(
            help_uri("end-marker/missing"),
            "https://github.com/presslint/presslint/blob/main/docs/rules.md#end-marker-missing"
        );
    }

    #[test]
    fn odd_ids_still_give_a_valid_uri() {
        assert!(help_uri("a b/é").ends_with("#a%20b-%C3%A9"));
    }
}
