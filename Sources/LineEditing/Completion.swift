/// The outcome of pressing Tab: what to insert, or what to list below the line.
///
/// Built from candidates by `Completion.resolve`, which is pure so that tests can check
/// every case without a terminal.
package struct Completion: Equatable, Sendable {
    package enum Action: Equatable, Sendable {
        case nothing
        case insert(String)
        case list([String])
    }

    package var action: Action

    package init(_ action: Action) {
        self.action = action
    }

    package static let nothing = Completion(.nothing)

    /// Decides what Tab does for the partial `word` given every full candidate for it.
    ///
    /// One candidate is inserted whole, followed by a space; several with a longer common
    /// prefix extend the word to it; otherwise they are listed.
    package static func resolve(word: String, candidates: [String]) -> Completion {
        let matching = Array(Set(candidates.filter { $0.hasPrefix(word) })).sorted()
        guard let first = matching.first else { return .nothing }
        if matching.count == 1 {
            return Completion(.insert(String(first.dropFirst(word.count)) + " "))
        }
        let common = matching.dropFirst().reduce(first) { $0.commonPrefix(with: $1) }
        if common.count > word.count {
            return Completion(.insert(String(common.dropFirst(word.count))))
        }
        return Completion(.list(matching))
    }

    /// Lays candidates out in columns that fit `width`.
    package static func layout(_ candidates: [String], width: Int) -> String {
        let cell = (candidates.map(\.count).max() ?? 0) + 2
        let columns = max(1, width / max(cell, 1))
        var lines: [String] = []
        var index = 0
        while index < candidates.count {
            let row = candidates[index..<min(index + columns, candidates.count)]
            lines.append(
                row.enumerated().map { offset, word in
                    offset == row.count - 1 ? word : word.padding(toLength: cell, withPad: " ", startingAt: 0)
                }.joined())
            index += columns
        }
        return lines.joined(separator: "\n")
    }
}
