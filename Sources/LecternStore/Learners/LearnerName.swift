import LecternCore

/// The rules for a learner's name, in one place for every path that creates or reads one.
///
/// Names appear in teachers' tables, spreadsheets and terminals, and two learners must never
/// share one by accident: control characters (a NUL once cut names short, so two learners
/// merged), bidirectional overrides (which make a name display as another) and very long
/// names are refused. Spaces around a name are trimmed, so "ana " is "ana".
package enum LearnerName {
    /// The longest name, in characters.
    package static let maxLength = 64

    /// The name with surrounding spaces trimmed, or an error that says what to change.
    package static func validated(_ name: String) throws(ProgressStoreError) -> String {
        let trimmed = trimmed(name)
        if trimmed.isEmpty {
            throw .invalidLearnerName(
                name,
                reason: "is empty once leading and trailing spaces are trimmed; use at least one visible character")
        }
        if let problem = problem(trimmed) { throw .invalidLearnerName(name, reason: problem) }
        return trimmed
    }

    /// Leading and trailing spaces removed (only spaces: a tab or line break is refused).
    package static func trimmed(_ name: String) -> String {
        var scalars = Substring.UnicodeScalarView(name.unicodeScalars)
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }

    /// Why a (trimmed) name cannot be stored, or nil when it can.
    package static func problem(_ name: String) -> String? {
        if name.isEmpty { return "is empty" }
        for scalar in name.unicodeScalars {
            let hex = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
            // The terminal layer's definitions, so a name is refused for exactly what it
            // would have to show escaped.
            if TerminalText.isBidiControl(scalar.value) {
                return "contains a text-direction control (\(hex)) that would make it display as another name"
            }
            if TerminalText.isControl(scalar, keepingLineBreaks: false) {
                return "contains a control character (\(hex)); use letters, digits, spaces and punctuation"
            }
        }
        if name.count > maxLength {
            return "is \(name.count) characters long; the limit is \(maxLength)"
        }
        if name != trimmed(name) { return "starts or ends with a space" }
        return nil
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
