import Foundation

/// Reads `concepts.yaml`, the shared vocabulary of a deck folder.
///
/// The file is untrusted like a deck: it goes through the same byte, YAML and shape checks,
/// and every problem is a finding with its line and column, never a crash. Its format:
///
/// ```yaml
/// lectern-concepts: 1
/// concepts:
///   barrier-to-entry:
///     meaning: what it takes to start in a field
///     accept: [barrier to entry, entry barrier, threshold]
/// ```
extension ConceptVocabulary {
    /// The vocabulary beside the deck at `deckPath` (in the same folder), with what reading
    /// it found; an empty vocabulary and no findings when the folder has none.
    package static func beside(deckAt deckPath: String, limits: LoadLimits = .default) -> (
        vocabulary: ConceptVocabulary, diagnostics: [Diagnostic]
    ) {
        let folder = PathText.folder(of: deckPath)
        let path = folder.isEmpty ? fileName : (folder as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { return (.empty, []) }
        return load(fileAt: path, limits: limits)
    }

    /// Reads and checks the vocabulary file at `path`.
    package static func load(fileAt path: String, limits: LoadLimits = .default) -> (
        vocabulary: ConceptVocabulary, diagnostics: [Diagnostic]
    ) {
        let start = SourceLocation(file: path, line: 1, column: 1)
        // The same rules as a deck file: a regular file, within the size limit, checked on
        // the opened descriptor before reading, so a FIFO of this name cannot block loading.
        let data: [UInt8]
        switch RegularFile.read(path, maxBytes: limits.maxBytes) {
        case .success(let bytes): data = bytes
        case .failure(.tooLarge(let bytes)):
            return (
                .empty,
                [
                    .error(
                        "file-too-large", at: start,
                        "the concept vocabulary is \(bytes) bytes, over the limit of \(limits.maxBytes); trim it")
                ]
            )
        case .failure(let refusal):
            let rule = refusal == .missing || refusal.isUnreadable ? "unreadable" : "not-regular-file"
            return (
                .empty,
                [.error(rule, at: start, "the concept vocabulary \(refusal.reason); it must be a readable text file")]
            )
        }
        switch SourceText.decodeUTF8(data, path: path) {
        case .text(let text): return load(text: text, path: path, limits: limits)
        case .invalid(let finding): return (.empty, [finding])
        }
    }

    /// Checks vocabulary text as if read from `path`.
    package static func load(text: String, path: String, limits: LoadLimits = .default) -> (
        vocabulary: ConceptVocabulary, diagnostics: [Diagnostic]
    ) {
        let (body, bomWarning) = SourceText.strippingBOM(text, path: path)
        var findings = bomWarning.map { [$0] } ?? []
        let tabs = SourceText.tabIndentation(in: body, path: path)
        guard tabs.isEmpty else { return (.empty, findings + tabs) }
        let composed = YAMLComposer.compose(body, path: path, limits: limits)
        findings += composed.diagnostics
        guard let root = composed.root else { return (.empty, DeckLoader.sorted(findings)) }
        var reader = DeckBuilder(path: path)
        var concepts: [Concept] = []
        if let fields = reader.map(root, expected: "a map with lectern-concepts and concepts") {
            reader.checkKeys(fields, allowed: ["lectern-concepts", "concepts"], in: "the concept vocabulary")
            reader.require(fields, "lectern-concepts", in: "the concept vocabulary")
            reader.require(fields, "concepts", in: "the concept vocabulary")
            if let version = reader.integer(fields, "lectern-concepts"), version != 1 {
                findings.append(
                    .error(
                        "unsupported-version", at: fields["lectern-concepts"]?.keyLocation ?? fields.location,
                        "concept vocabulary version \(version) is not supported; this Lectern reads 'lectern-concepts: 1'"
                    ))
            }
            if let entry = fields["concepts"],
                let byID = reader.map(entry.value, expected: "a map from concept id to its wordings", for: "concepts")
            {
                for concept in byID.entries {
                    if let built = Self.concept(concept, reader: &reader, findings: &findings) {
                        concepts.append(built)
                    }
                }
            }
        }
        findings += reader.diagnostics
        return (ConceptVocabulary(concepts: concepts, path: path), DeckLoader.sorted(findings))
    }

    private static func concept(_ entry: FieldMap.Entry, reader: inout DeckBuilder, findings: inout [Diagnostic])
        -> Concept?
    {
        let label = "concept '\(entry.key.shortened)'"
        if !DeckLinter.isKebab(entry.key) {
            findings.append(
                .error(
                    "id-not-kebab", at: entry.keyLocation,
                    "concept id '\(entry.key.shortened)' is not kebab-case; use lowercase letters, digits and single hyphens"
                ))
        }
        guard let fields = reader.map(entry.value, expected: "a map with meaning and accept", for: entry.key) else {
            return nil
        }
        reader.checkKeys(fields, allowed: ["meaning", "accept"], in: label)
        reader.require(fields, "accept", in: label)
        let meaning = reader.text(fields, "meaning")
        let accept = (reader.textList(fields, "accept") ?? []).filter { !$0.isBlank }
        if fields.has("accept") && accept.isEmpty {
            findings.append(
                .error(
                    "too-few-entries", at: fields.location, "\(label) has no wordings in 'accept'; it needs at least 1")
            )
        }
        if let nested = accept.first(where: { ConceptVocabulary.reference(in: $0) != nil }) {
            findings.append(
                .error(
                    "concept-unknown", at: fields["accept"]?.keyLocation ?? fields.location,
                    "\(label) lists '\(nested.shortened)'; a concept cannot name another concept, so write the wordings out"
                ))
        }
        return Concept(id: entry.key, meaning: meaning, accept: accept, location: entry.keyLocation)
    }
}
