import Foundation

/// Loads one deck: checks the bytes, composes the YAML, builds the model and runs every rule.
///
/// One call gives every finding, sorted by location; nothing is printed and nothing exits.
package enum DeckLoader {
    /// Loads deck text as if read from `path` (used in messages and to check the id).
    ///
    /// Answers naming a concept (`@concept-id`) take their wordings from `concepts`; a deck
    /// read from a file gets the vocabulary beside that file (see `load(fileAt:limits:)`).
    package static func load(
        text: String, path: String, limits: LoadLimits = .default,
        concepts: (vocabulary: ConceptVocabulary, diagnostics: [Diagnostic]) = (.empty, [])
    ) -> DeckLoadResult {
        var result = loadChecked(text: text, path: path, limits: limits, concepts: concepts)
        if text.utf8.count <= limits.maxBytes { result.text = text }
        return result
    }

    private static func loadChecked(
        text: String, path: String, limits: LoadLimits,
        concepts: (vocabulary: ConceptVocabulary, diagnostics: [Diagnostic])
    ) -> DeckLoadResult {
        var findings: [Diagnostic] = []
        if text.utf8.count > limits.maxBytes {
            return DeckLoadResult(deck: nil, diagnostics: [tooLarge(path, bytes: text.utf8.count, limits: limits)])
        }
        let (body, bomWarning) = SourceText.strippingBOM(text, path: path)
        if let bomWarning { findings.append(bomWarning) }
        if let place = SourceText.nodeBudgetExceeded(in: body, limit: limits.maxNodes) {
            findings.append(
                .error(
                    "too-many-nodes", at: SourceLocation(file: path, line: place.line, column: place.column),
                    "the file holds more than \(limits.maxNodes) lines and list or map entries; a deck needs far fewer, so split it"
                ))
            return DeckLoadResult(deck: nil, diagnostics: sorted(findings))
        }
        let tabs = SourceText.tabIndentation(in: body, path: path)
        guard tabs.isEmpty else { return DeckLoadResult(deck: nil, diagnostics: sorted(findings + tabs)) }
        // Items are built as they are read, so the whole document is never held as nodes.
        var built = ItemStream.deck(from: body, path: path, limits: limits)
        findings += built.composing + built.building
        guard var deck = built.deck else { return DeckLoadResult(deck: nil, diagnostics: sorted(findings)) }
        built.deck = nil  // the only reference left is `deck`, so expanding it copies nothing
        // `@concept` answers take their wordings from the folder's shared vocabulary.
        findings += ConceptExpansion.expand(
            &deck, vocabulary: concepts.vocabulary, vocabularyFindings: concepts.diagnostics)
        findings += DeckLinter.lint(deck)
        return DeckLoadResult(deck: deck, diagnostics: sorted(findings))
    }

    /// Reads the file (refusing it when it is not a regular file, is over `limits.maxBytes`
    /// or is not UTF-8) and loads it; a deck that names a `source.file` gets that file's
    /// paragraphs, read here and only here, and the findings about it (see `SourceParagraphs`).
    ///
    /// An unchanged deck is not parsed again: its result comes from `cache` (see `DeckCache`).
    ///
    /// - Parameter concepts: the vocabulary beside the file, when the caller has read it
    ///   already; nil reads it here. A vocabulary handed in is of unknown origin, so such a
    ///   load is not cached (a library passes its folders' vocabularies as `FolderConcepts`).
    package static func load(
        fileAt path: String, limits: LoadLimits = .default,
        concepts given: (vocabulary: ConceptVocabulary, diagnostics: [Diagnostic])? = nil,
        cache: DeckCache? = DeckCache.standard
    ) -> DeckLoadResult {
        let concepts =
            given.map { FolderConcepts(given: $0, deckPath: path, limits: limits) }
            ?? FolderConcepts(besideDeckAt: path, limits: limits)
        return load(fileAt: path, limits: limits, concepts: concepts, cache: cache)
    }

    static func load(
        fileAt path: String, limits: LoadLimits, concepts: FolderConcepts, cache: DeckCache?
    ) -> DeckLoadResult {
        let start = SourceLocation(file: path, line: 1, column: 1)
        var bytes: [UInt8]
        switch RegularFile.read(path, maxBytes: limits.maxBytes) {
        case .success(let read): bytes = read
        case .failure(.tooLarge(let size)):
            return DeckLoadResult(deck: nil, diagnostics: [tooLarge(path, bytes: size, limits: limits)])
        case .failure(.notRegular(let kind)):
            return DeckLoadResult(
                deck: nil,
                diagnostics: [
                    .error(
                        "not-regular-file", at: start,
                        "the file is \(kind), not a regular file, so it was not read; a deck is a plain text file")
                ])
        case .failure(.virtual):
            return DeckLoadResult(
                deck: nil,
                diagnostics: [
                    .error(
                        "not-regular-file", at: start,
                        "the file is a kernel file (/proc, /sys), not a deck, so it was not read; point at a plain text file"
                    )
                ])
        case .failure:
            return DeckLoadResult(
                deck: nil,
                diagnostics: [
                    .error(
                        "unreadable", at: start, "cannot read the file; check that it exists and is readable")
                ])
        }
        switch SourceText.decodeUTF8(bytes, path: path) {
        case .text(let text):
            var result = cachedLoad(
                text: text, bytes: &bytes, path: path, limits: limits, concepts: concepts, cache: cache)
            if var deck = result.deck {
                let source = SourceParagraphs.read(for: deck)
                deck.source?.paragraphs = source.paragraphs
                result.deck = deck
                if !source.findings.isEmpty { result.diagnostics = sorted(result.diagnostics + source.findings) }
            }
            return result
        case .invalid(let finding): return DeckLoadResult(deck: nil, diagnostics: [finding])
        }
    }

    static func sorted(_ findings: [Diagnostic]) -> [Diagnostic] {
        findings.enumerated().sorted { a, b in
            if a.element.location != b.element.location { return a.element.location < b.element.location }
            if a.element.severity != b.element.severity { return a.element.severity < b.element.severity }
            return a.offset < b.offset
        }.map(\.element)
    }

    private static func tooLarge(_ path: String, bytes: Int, limits: LoadLimits) -> Diagnostic {
        .error(
            "file-too-large", at: SourceLocation(file: path, line: 1, column: 1),
            "the file is \(bytes) bytes, over the limit of \(limits.maxBytes); split the deck, or raise the limit if it is really one deck"
        )
    }
}
