import Yams

/// Turns deck text into Yams nodes, refusing what a deck never needs before anything walks it.
///
/// Scalars are composed with `Resolver.basic`, so every scalar stays text and the builder
/// types it itself; that is what lets a finding say "expected a number" at the value's column.
/// Anchors and aliases are refused (the billion-laughs defence), and so is nesting deeper than
/// the limit, checked by an iterative walk so that no input can exhaust the stack.
enum YAMLComposer {
    struct Output {
        var root: Node?
        var diagnostics: [Diagnostic]
    }

    static func compose(_ text: String, path: String, limits: LoadLimits) -> Output {
        // Yams hashes mapping keys while composing, so an alias bomb used as a key would hang
        // inside Yams itself; refuse anchor/alias pairs before Yams sees the text.
        let pairs = anchorAliasPairs(in: text, path: path)
        guard pairs.isEmpty else { return Output(root: nil, diagnostics: pairs) }
        do {
            let parser = try Parser(yaml: text, resolver: .basic)
            return try withExtendedLifetime(parser) {
                // Node anchors are held weakly; the parser must outlive the walk that reads them.
                guard let root = try parser.nextRoot() else {
                    return Output(root: nil, diagnostics: [emptyFile(path)])
                }
                var findings = refusals(in: root, text: text, path: path, limits: limits)
                do {
                    if let second = try parser.nextRoot() {
                        findings.append(
                            .error(
                                "multiple-documents", at: location(second.mark, path),
                                "the file holds more than one YAML document; a deck is one document, so remove the '---' line"
                            ))
                    }
                } catch {
                    findings.append(diagnostic(for: error, text: text, path: path))
                }
                return Output(root: findings.contains { $0.severity == .error } ? nil : root, diagnostics: findings)
            }
        } catch {
            return Output(root: nil, diagnostics: [diagnostic(for: error, text: text, path: path)])
        }
    }

    /// Yams marks are already 1-based (libyaml's 0-based line and column plus one) and count
    /// columns in Unicode scalars, which is what `SourceLocation` holds.
    static func location(_ mark: Mark?, _ path: String) -> SourceLocation {
        SourceLocation(file: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    private static func emptyFile(_ path: String) -> Diagnostic {
        .error(
            "empty-file", at: SourceLocation(file: path, line: 1, column: 1),
            "the file is empty; a deck needs lectern, id, title, source and items (`lectern new` writes a starter)")
    }

    /// Finds the first anchor, over-deep node or explicit tag, walking with an explicit stack.
    private static func refusals(in root: Node, text: String, path: String, limits: LoadLimits) -> [Diagnostic] {
        var stack: [(node: Node, depth: Int)] = [(root, 1)]
        while let (node, depth) = stack.popLast() {
            if let anchor = node.anchor {
                return aliasFindings(anchor: anchor.rawValue, at: node.mark, text: text, path: path)
            }
            if depth > limits.maxDepth {
                return [
                    .error(
                        "too-deep", at: location(node.mark, path),
                        "nesting is deeper than \(limits.maxDepth) levels; a deck needs only a few, so flatten this part"
                    )
                ]
            }
            // With the basic resolver every untagged node resolves to str, map or seq;
            // anything else was written as an explicit tag.
            let tag = node.tag.rawValue
            if tag != "tag:yaml.org,2002:str" && tag != "tag:yaml.org,2002:map" && tag != "tag:yaml.org,2002:seq" {
                return [
                    .error(
                        "yaml-tag", at: location(node.mark, path),
                        "explicit YAML tags such as '\(tag)' are not used in decks; remove the tag and quote the value if it must stay text"
                    )
                ]
            }
            switch node {
            case .scalar:
                break
            case .mapping(let mapping):
                for (key, value) in mapping.reversed() {
                    stack.append((value, depth + 1))
                    stack.append((key, depth + 1))
                }
            case .sequence(let sequence):
                for element in sequence.reversed() { stack.append((element, depth + 1)) }
            case .alias(let alias):
                return aliasFindings(anchor: alias.anchor.rawValue, at: alias.mark, text: text, path: path)
            }
        }
        return []
    }

    /// One error at the anchor and, when it can be found, one at the first alias of it.
    private static func aliasFindings(anchor: String, at mark: Mark?, text: String, path: String) -> [Diagnostic] {
        var findings: [Diagnostic] = [
            .error(
                "yaml-alias", at: location(mark, path),
                "YAML anchors and aliases (&\(anchor), *\(anchor)) are not allowed in decks; write the value out in full"
            )
        ]
        if let offset = firstAlias(named: anchor, in: text) {
            findings.append(
                .error(
                    "yaml-alias", at: SourceText.location(ofCharacterOffset: offset, in: text, path: path),
                    "alias '*\(anchor)' repeats an anchored value; write the value out in full"))
        }
        return findings
    }

    /// An anchor `&name` and an alias `*name` of the same name, each where a YAML node may
    /// start (after whitespace, `[`, `{` or `,`). Prose almost never has such a pair, and
    /// every alias bomb must.
    static func anchorAliasPairs(in text: String, path: String) -> [Diagnostic] {
        // Bytes, not scalars: every byte this looks for is ASCII, and UTF-8 never uses
        // ASCII bytes inside a multi-byte character. Columns count scalars, as Yams does.
        var anchors: [String: (line: Int, column: Int)] = [:]
        var line = 1
        var column = 1
        var previous = UInt8(ascii: " ")
        return text.utf8.withContiguousStorageIfAvailable { bytes -> [Diagnostic] in
            func isNodeStart(_ byte: UInt8) -> Bool {
                byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A || byte == 0x5B || byte == 0x7B
                    || byte == 0x2C
            }
            func endsName(_ byte: UInt8) -> Bool {
                isNodeStart(byte) || byte == 0x5D || byte == 0x7D
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if isNodeStart(previous), byte == UInt8(ascii: "&") || byte == UInt8(ascii: "*") {
                    var end = index + 1
                    while end < bytes.count, !endsName(bytes[end]) { end += 1 }
                    if end > index + 1 {
                        let label = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
                        if byte == UInt8(ascii: "&") {
                            if anchors[label] == nil { anchors[label] = (line, column) }
                        } else if let anchor = anchors[label] {
                            return [
                                .error(
                                    "yaml-alias",
                                    at: SourceLocation(file: path, line: anchor.line, column: anchor.column),
                                    "YAML anchors and aliases (&\(label.shortened), *\(label.shortened)) are not allowed in decks; write the value out in full"
                                ),
                                .error(
                                    "yaml-alias", at: SourceLocation(file: path, line: line, column: column),
                                    "alias '*\(label.shortened)' repeats an anchored value; write the value out in full"
                                ),
                            ]
                        }
                    }
                }
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1  // the first byte of a scalar
                }
                previous = byte
                index += 1
            }
            return []
        }
            ?? {
                var contiguous = text
                contiguous.makeContiguousUTF8()
                return anchorAliasPairs(in: contiguous, path: path)
            }()
    }

    /// The Character offset of `*name` used as an alias (followed by a non-name character).
    ///
    /// Linear: libyaml's anchor names hold no `*`, so a partial match never overlaps the
    /// next candidate, and each candidate is compared in place without copying.
    private static func firstAlias(named name: String, in text: String) -> Int? {
        let needle = Array("*" + name)
        let characters = Array(text)
        guard characters.count >= needle.count else { return nil }
        let stops: Set<Character> = [" ", "\n", "\r\n", ",", "]", "}", "\t"]
        for start in 0...(characters.count - needle.count)
        where characters[start] == "*" && characters[start..<start + needle.count].elementsEqual(needle) {
            let after = start + needle.count
            if after == characters.count || stops.contains(characters[after]) { return start }
        }
        return nil
    }

    /// The opening quote of the quoted scalar libyaml was scanning when it failed: the
    /// quote at the reported start, else the first quote on that line at or after its column
    /// (the mark can sit on the scalar rather than its quote); nil when the line has none.
    static func openingQuote(line wanted: Int, column: Int, in text: String, path: String) -> SourceLocation? {
        var lineNumber = 1
        var lineText: Substring?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if lineNumber == wanted {
                lineText = line
                break
            }
            lineNumber += 1
        }
        guard let lineText else { return nil }
        // Columns count Unicode scalars, as Yams marks do.
        let scalars = Array(lineText.unicodeScalars)
        let from = max(0, column - 1)
        guard from < scalars.count,
            let index = scalars[from...].firstIndex(where: { $0 == "\"" || $0 == "'" })
        else { return nil }
        return SourceLocation(file: path, line: wanted, column: index + 1)
    }

    /// Maps a Yams error to a diagnostic at the position libyaml reported.
    private static func diagnostic(for error: any Error, text: String, path: String) -> Diagnostic {
        guard let yamlError = error as? YamlError else {
            return .error("yaml-syntax", at: location(nil, path), "could not read the YAML: \(error)")
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            if problem.contains("Maximum nesting level") {
                return .error(
                    "too-deep", at: location(mark, path),
                    "nesting is far too deep; a deck needs only a few levels, so flatten this part")
            }
            if problem.contains("undefined alias") {
                return .error(
                    "yaml-alias", at: location(mark, path),
                    "YAML aliases (*name) are not allowed in decks; write the value out in full")
            }
            if let context, context.text.contains("quoted scalar"),
                let start = openingQuote(line: context.mark.line, column: context.mark.column, in: text, path: path)
            {
                // libyaml reports where it gave up (often the end of the file, on an empty
                // line); the author needs the quote that was opened and never closed.
                return .error(
                    "yaml-syntax", at: start,
                    "the string that starts here is never closed; end it with the same quote it opens with")
            }
            var message = "invalid YAML: \(problem)"
            if let context {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            return .error("yaml-syntax", at: location(mark, path), message)
        case .reader(let problem, let offset, _, _):
            let place = offset.map { SourceText.location(ofCharacterOffset: $0, in: text, path: path) }
            return .error("yaml-syntax", at: place ?? location(nil, path), "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error(
                "duplicate-key", at: location(context.mark, path),
                "key \(keys) appears more than once in the same map; keep one")
        default:
            return .error("yaml-syntax", at: location(nil, path), "could not read the YAML: \(yamlError)")
        }
    }
}
