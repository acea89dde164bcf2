/// How serious a finding is: errors make a deck unusable, warnings only make it worse.
package enum Severity: String, Sendable, Codable, Comparable {
    case error, warning, note

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    package static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One finding about a deck. Findings are data: they are collected, sorted and printed
/// in one place (see `DiagnosticRenderer`), never printed where they are found.
package struct Diagnostic: Hashable, Sendable, Codable {
    package var severity: Severity
    package var location: SourceLocation
    /// A stable rule id such as `duplicate-id`, so authors and CI can grep for it.
    package var rule: String
    package var message: String

    package init(_ severity: Severity, at location: SourceLocation, rule: String, _ message: String) {
        self.severity = severity
        self.location = location
        self.rule = rule
        self.message = message
    }

    package static func error(_ rule: String, at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, at: location, rule: rule, message)
    }

    package static func warning(_ rule: String, at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, at: location, rule: rule, message)
    }

    /// A fact about this machine rather than a fault of the deck: shown, never failing.
    package static func note(_ rule: String, at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.note, at: location, rule: rule, message)
    }
}
