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
        var text = prompt
        if let segments = text.withUTF8(Self.asciiSegments) {
            self.init(segments: segments, exact: exact)
            return
        }
        self.init(segments: Self.segments(parsing: prompt), exact: exact)
    }

    /// The segments of any prompt, by Foundation's search and trimming.
    static func segments(parsing prompt: String) -> [Segment] {
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
        return segments
    }

    /// The same segments for an ASCII prompt, found byte by byte (nil when the prompt is not
    /// ASCII). In ASCII, `{{`, `}}` and `|` have one spelling and the whitespace Foundation
    /// trims from a variant is the space and the tab, so the two readings cannot differ; a
    /// bank of thousands of cloze items is read this way several times faster.
    static func asciiSegments(_ bytes: UnsafeBufferPointer<UInt8>) -> [Segment]? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        func pair(_ byte: UInt8, from start: Int) -> Int? {
            var index = start
            while index + 1 < bytes.count {
                if bytes[index] == byte && bytes[index + 1] == byte { return index }
                index += 1
            }
            return nil
        }
        func variant(_ range: Range<Int>) -> String? {
            var (start, end) = (range.lowerBound, range.upperBound)
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            return start < end ? text(start..<end) : nil
        }
        var segments: [Segment] = []
        var rest = 0
        while let open = pair(UInt8(ascii: "{"), from: rest), let close = pair(UInt8(ascii: "}"), from: open + 2) {
            if open > rest { segments.append(.text(text(rest..<open))) }
            var variants: [String] = []
            var start = open + 2
            for index in (open + 2)...close where index == close || bytes[index] == UInt8(ascii: "|") {
                if let found = variant(start..<index) { variants.append(found) }
                start = index + 1
            }
            segments.append(.blank(variants))
            rest = close + 2
        }
        if rest < bytes.count { segments.append(.text(text(rest..<bytes.count))) }
        return segments
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
