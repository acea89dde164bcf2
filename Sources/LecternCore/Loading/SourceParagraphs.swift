import Foundation

/// The paragraphs of a deck's `source.file`, read under the rules every file a deck names
/// follows: inside the deck's folder (`DeckFolderPath`), a regular file (`RegularFile`), at
/// most `maxBytes`, UTF-8. When any rule fails, `:source` shows the deck's own summaries.
package enum SourceParagraphs {
    /// The largest source text read: an essay is tens of kilobytes; a mebibyte is a book.
    package static let maxBytes = 1024 * 1024

    /// Reads the deck's `source.file` once, when the deck is loaded: its numbered
    /// paragraphs, and what lint says about it. An error when the name leaves the deck's
    /// folder; a note when the file is missing (decks never ship the text they summarise); a
    /// warning when it is there but cannot be used; each at the `file:` value.
    static func read(for deck: Deck) -> (paragraphs: [Int: String], findings: [Diagnostic]) {
        guard let source = deck.source, let name = source.file, !name.isEmpty else { return ([:], []) }
        let at = source.fileLocation ?? source.location
        let shown = "source.file '\(name.shortened)'"
        switch DeckFolderPath.resolve(name, deckPath: deck.path) {
        case .outside(let reason):
            return (
                [:],
                [
                    .error(
                        "source-file-outside", at: at,
                        "\(shown) \(reason); a deck may only name files in its own folder or below it, so move the text there and name it relative to the deck"
                    )
                ]
            )
        case .missing(let looked):
            return (
                [:],
                [
                    .note(
                        "source-file-missing", at: at,
                        "\(shown) is not there (looked for \(looked.shortened)); ':source' shows the deck's summaries until the text is put there"
                    )
                ]
            )
        case .inside(let real):
            let refusal: String
            switch RegularFile.read(real, maxBytes: maxBytes, followLastLink: false) {
            case .success(let bytes):
                guard case .text(let text) = SourceText.decodeUTF8(bytes, path: real) else {
                    refusal = "is not UTF-8 text"
                    break
                }
                return (parse(text), [])
            case .failure(.tooLarge(let bytes)):
                refusal = "is \(bytes) bytes, over the limit of \(maxBytes) for a source text"
            case .failure(let other):
                refusal = other.reason
            }
            return (
                [:],
                [
                    .warning(
                        "source-file-unusable", at: at,
                        "\(shown) \(refusal), so it is not read; ':source' shows the deck's summaries instead")
                ]
            )
        }
    }

    /// Paragraphs are numbered `[¶N]` or `[N]` at the start of a block, or else counted as
    /// blank-line-separated blocks from 1.
    package static func parse(_ text: String) -> [Int: String] {
        let blocks = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        var numbered: [Int: String] = [:]
        for block in blocks {
            guard block.hasPrefix("["), let close = block.firstIndex(of: "]") else { continue }
            let label = block[block.index(after: block.startIndex)..<close].replacingOccurrences(of: "¶", with: "")
            if let number = Int(label), numbered[number] == nil {
                numbered[number] = block[block.index(after: close)...].trimmingCharacters(in: .whitespaces)
            }
        }
        if !numbered.isEmpty { return numbered }
        return Dictionary(uniqueKeysWithValues: blocks.enumerated().map { ($0.offset + 1, $0.element) })
    }
}
