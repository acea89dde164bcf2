import Testing

extension LintRuleTests {
    /// The small deck of the rule table that breaks `rule`. A rule missing from the table is
    /// recorded as a failure (and the empty deck then breaks other rules, so the test fails).
    static func deck(breaking rule: String) -> String {
        guard let row = rows.first(where: { $0.name == rule }) else {
            Issue.record("no deck in LintRuleTests.rows breaks '\(rule)'")
            return ""
        }
        return row.text
    }
}
