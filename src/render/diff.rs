//! Unified diffs (the `similar` crate) of what `--fix` would write.

use similar::TextDiff;

/// A unified diff from `old` to `new` with `a/NAME` and `b/NAME` headers and three lines
/// of context; empty when the texts are equal.
pub fn unified_diff(name: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let diff = TextDiff::from_lines(old, new);
    let mut text = diff
        .unified_diff()
        .context_radius(3)
        .header(
            &format!("a/{}", super::escape::one_line(name)),
            &format!("b/{}", super::escape::one_line(name)),
        )
        .to_string();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diffs_have_git_style_headers_and_hunks() {
        let diff = unified_diff("r.txt", "SG/SM/1\n***\n", "SG/SM/1\n* *** *\n");
        assert_eq!(
            diff,
            "--- a/r.txt\n+++ b/r.txt\n@@ -1,2 +1,2 @@\n SG/SM/1\n-***\n+* *** *\n"
        );
        assert_eq!(unified_diff("r.txt", "same", "same"), "");
    }
}
