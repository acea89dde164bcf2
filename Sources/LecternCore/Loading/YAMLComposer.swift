import CYAML

/// Turns deck text into lean `YAMLNode`s straight from libyaml's event stream, refusing what
/// a deck never needs as the events arrive.
///
/// Every scalar stays text (the builder types it itself, so a finding can say "expected a
/// number" at the value's column). Anchors, aliases, explicit tags and nesting deeper than the
/// limit are refused; the first of them in document order is the finding, as a walk of the
/// whole tree in document order would find it. Errors that stop a YAML reader (syntax, an
/// undefined alias, a key twice in one map, absurd nesting) win over those refusals, because
/// a reader that stopped there never saw the rest. Anchor/alias pairs are refused by a byte
/// scan before libyaml runs at all (the billion-laughs defence).
///
/// The only structure kept is the node tree the builder reads (a map's fields are looked up
/// by key, in any order, so a map must be whole before it is built); each scalar's text is
/// decoded once from libyaml's buffer and nothing else is copied.
enum YAMLComposer {
    struct Output {
        var root: YAMLNode?
        var diagnostics: [Diagnostic]
    }

    /// Nesting beyond this stops reading at once, whatever `LoadLimits.maxDepth` says, so
    /// that no input makes the reader's stacks grow without bound.
    static let absurdDepth = 1_000

    /// - Parameter onItem: when given, each entry of the root map's `items` list is handed to
    ///   it as soon as its last event arrives, instead of joining the tree, so a deck's items
    ///   are built and their nodes freed one at a time; the list in the tree stays empty. Only
    ///   the first document streams. The caller keeps what it built only when the output has a
    ///   root: a later syntax error, refusal or repeated key still voids the whole document.
    static func compose(
        _ text: String, path: String, limits: LoadLimits, onItem: ((consuming YAMLNode) -> Void)? = nil
    ) -> Output {
        let pairs = anchorAliasPairs(in: text, path: path)
        guard pairs.isEmpty else { return Output(root: nil, diagnostics: pairs) }
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) == 1 else {
                return Output(root: nil, diagnostics: [.error("yaml-syntax", at: location(nil, path), "out of memory")])
            }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
            var reader = EventReader(parser: parser, text: text, path: path, limits: limits)
            reader.onItem = onItem
            return reader.stream()
        }
    }

    /// 1-based positions, columns in Unicode scalars (libyaml counts characters from 0).
    static func location(_ mark: YAMLNode.Mark?, _ path: String) -> SourceLocation {
        SourceLocation(file: path, line: Int(mark?.line ?? 1), column: Int(mark?.column ?? 1))
    }

    static func mark(_ raw: yaml_mark_t) -> YAMLNode.Mark {
        YAMLNode.Mark(line: Int32(clamping: raw.line + 1), column: Int32(clamping: raw.column + 1))
    }

    static func emptyFile(_ path: String) -> Diagnostic {
        .error(
            "empty-file", at: SourceLocation(file: path, line: 1, column: 1),
            "the file is empty; a deck needs lectern, id, title, source and items (`lectern new` writes a starter)")
    }
}

/// One pass over libyaml's events: the stream, its first document and, if there is one, the
/// start of a second (which is an error of its own).
struct EventReader {
    /// Why reading stopped early: a finding that replaces every other.
    struct Stop: Error {
        var diagnostic: Diagnostic
    }

    let parser: UnsafeMutablePointer<yaml_parser_t>
    let text: String
    let path: String
    let limits: LoadLimits
    /// The first anchor, tag or over-deep node, in document order.
    var refusal: [Diagnostic] = []
    /// Anchored nodes by name, so an alias resolves as YAML says (and an undefined one is an
    /// error); anchors are refused anyway, so this is empty for every deck that loads.
    var anchors: [String: YAMLNode] = [:]
    /// Where the entries of the root map's `items` list go, when they stream (see `compose`).
    var onItem: ((consuming YAMLNode) -> Void)?

    init(parser: UnsafeMutablePointer<yaml_parser_t>, text: String, path: String, limits: LoadLimits) {
        self.parser = parser
        self.text = text
        self.path = path
        self.limits = limits
    }

    mutating func stream() -> YAMLComposer.Output {
        do {
            var event = try next()  // the stream start
            yaml_event_delete(&event)
            event = try next()
            defer { yaml_event_delete(&event) }
            guard event.type == YAML_DOCUMENT_START_EVENT else {
                return YAMLComposer.Output(root: nil, diagnostics: [YAMLComposer.emptyFile(path)])
            }
            let root = try document(checking: true)
            var findings = refusal
            findings += secondDocument()
            let failed = findings.contains { $0.severity == .error }
            return YAMLComposer.Output(root: failed ? nil : root, diagnostics: findings)
        } catch let stop as Stop {
            return YAMLComposer.Output(root: nil, diagnostics: [stop.diagnostic])
        } catch {
            return YAMLComposer.Output(root: nil, diagnostics: [])
        }
    }

    /// After the first document: nothing, or one finding about the second (its start, or
    /// the error that stopped reading it).
    private mutating func secondDocument() -> [Diagnostic] {
        do {
            var event = try next()
            defer { yaml_event_delete(&event) }
            guard event.type == YAML_DOCUMENT_START_EVENT else { return [] }
            let second = try document(checking: false)
            return [
                .error(
                    "multiple-documents", at: YAMLComposer.location(second.mark, path),
                    "the file holds more than one YAML document; a deck is one document, so remove the '---' line")
            ]
        } catch let stop as Stop {
            return [stop.diagnostic]
        } catch {
            return []
        }
    }

    /// The next event; the caller deletes it. A libyaml error becomes a `Stop`.
    func next() throws -> yaml_event_t {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else {
            throw Stop(diagnostic: YAMLErrors.diagnostic(for: parser.pointee, text: text, path: path))
        }
        return event
    }
}
