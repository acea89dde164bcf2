import Foundation

/// A `cloze` prompt split into text and blanks.
///
/// Blanks are written `{{answer|variant|…}}`; the first variant is the one shown as the
/// answer. Parsing lives here, not in the loader, so the grader and the renderer agree on
/// exactly one reading of the text.
package struct Cloze: Sendable, Equatable {
    package enum Segment: Sendable, Equatable {
        case text(String)
        case blank([String])
    }

    package var segments: [Segment]
    package var exact: Bool

    package init(segments: [Segment], exact: Bool = false) {
        self.segments = segments
        self.exact = exact
    }

    /// Splits `prompt` at its blanks. An unclosed `{{` is kept as text (the linter reports it).
    package init(parsing prompt: String, exact: Bool = false) {
        var segments: [Segment] = []
        var rest = Substring(prompt)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            if open.lowerBound > rest.startIndex {
                segments.append(.text(String(rest[..<open.lowerBound])))
            }
            let variants = rest[open.upperBound..<close.lowerBound]
                .split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            segments.append(.blank(variants))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { segments.append(.text(String(rest))) }
        self.init(segments: segments, exact: exact)
    }

    /// The accepted variants of each blank, in order.
    package var blanks: [[String]] {
        segments.compactMap { if case .blank(let variants) = $0 { variants } else { nil } }
    }

    /// The prompt as the learner sees it, each blank shown as a numbered gap: `[1] ____`.
    package var displayText: String {
        var number = 0
        return segments.map { segment in
            switch segment {
            case .text(let text): return text
            case .blank:
                number += 1
                return "[\(number)] ____"
            }
        }.joined()
    }
}
