import Foundation

@testable import LecternCore

/// The inputs whose loaded model and findings are pinned as JSON under
/// `Tests/LecternCoreTests/Fixtures/Loader/`: every bundled deck and the concept vocabulary,
/// a generated deck of every item type, the deck fuzz corpus, the library fixtures and a set
/// of malformed texts. Run with `LECTERN_WRITE_LOADER_FIXTURES=1` to write them anew (only
/// when a change of model or message is meant; the diff is then the review).
enum LoaderFixtures {
    static let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let folder = root.appending(path: "Tests/LecternCoreTests/Fixtures/Loader")

    enum Input {
        case file(String)
        case vocabulary(String)
        case text(name: String, String)

        var name: String {
            switch self {
            case .file(let path), .vocabulary(let path):
                path.replacingOccurrences(of: "/", with: "--")
            case .text(let name, _): "text--\(name)"
            }
        }
    }

    static func inputs() throws -> [Input] {
        var inputs: [Input] = []
        let manager = FileManager.default
        for folder in ["Decks", "Tests/Fuzz/corpus/deck", "Tests/LecternCoreTests/Fixtures/Library"] {
            let base = root.appending(path: folder)
            let names = manager.enumerator(atPath: base.path)?.compactMap { $0 as? String } ?? []
            for name in names.sorted() {
                let path = "\(folder)/\(name)"
                var isFolder: ObjCBool = false
                guard manager.fileExists(atPath: root.appending(path: path).path, isDirectory: &isFolder),
                    !isFolder.boolValue, !name.hasSuffix(".json"), !name.hasSuffix(".md"), !name.hasSuffix(".txt")
                else { continue }
                inputs.append(name.hasSuffix("concepts.yaml") ? .vocabulary(path) : .file(path))
            }
        }
        inputs.append(.file("Tests/LecternCLITests/Fixtures/decks/tiny.yaml"))
        inputs.append(.text(name: "every-type", everyType))
        for (name, text) in malformed { inputs.append(.text(name: name, text)) }
        return inputs
    }

    /// What today's loader makes of one input, as JSON-ready values.
    static func dump(_ input: Input) -> Any {
        let rootPath = root.path
        switch input {
        case .file(let path):
            let result = DeckLoader.load(fileAt: root.appending(path: path).path)
            return [
                "deck": ModelDump.json(result.deck as Any, root: rootPath),
                "findings": ModelDump.json(result.diagnostics, root: rootPath),
            ]
        case .vocabulary(let path):
            let (vocabulary, findings) = ConceptVocabulary.load(fileAt: root.appending(path: path).path)
            return [
                "vocabulary": ModelDump.json(vocabulary, root: rootPath),
                "findings": ModelDump.json(findings, root: rootPath),
            ]
        case .text(let name, let text):
            let result = DeckLoader.load(text: text, path: "\(name).yaml")
            return [
                "deck": ModelDump.json(result.deck as Any, root: rootPath),
                "findings": ModelDump.json(result.diagnostics, root: rootPath),
            ]
        }
    }

    /// One deck with every item type and every optional field, in every scalar style.
    static let everyType = """
        lectern: 1
        id: every-type
        title: "Every item type — «quoted», with é and 漢字"
        language: en
        summary: |
          A literal block
            with an indented line.
        tags: [T1, 'T2', "T3"]
        source:
          title: A source
          passages:
            1: First paragraph.
            2: >
              Second, folded
              over two lines.
        items:
          - id: a-choice
            type: choice
            skill: recall
            tags: [x]
            source: [1]
            hints: [think, "again"]
            confidence: true
            prompt: Which? 🙂 é
            explain: Because.
            options:
              - text: Yes
                correct: true
                feedback: Right.
              - {text: No, correct: false}
          - id: a-multi
            type: multi
            skill: concept
            source: [1, 2]
            prompt: Which ones?
            options:
              - text: One
                correct: true
              - text: Two
                correct: True
              - text: "Three"
          - id: a-truefalse
            type: truefalse
            skill: claim
            source: [2]
            prompt: Is it so?
            answer: FALSE
          - id: a-short
            type: short
            skill: premise
            source: [1]
            prompt: Name it.
            accept: [barrier, 'entry barrier', yes, 12]
            exact: true
          - id: a-numeric
            type: numeric
            skill: apply
            source: [1]
            prompt: How many?
            answer: 1_000.5
            tolerance: 0.25
            unit: people
          - id: a-range
            type: numeric
            skill: apply
            source: [1]
            prompt: What share?
            range: [-5, 1e2]
            percent: true
          - id: a-cloze
            type: cloze
            skill: recall
            source: [2]
            prompt: The {{lower|smaller}} the threshold, the {{fiercer}} the competition.
            exact: false
          - id: an-order
            type: order
            skill: assumption
            source: [1]
            prompt: Put in order.
            sequence: [first, second, third]
          - id: a-match
            type: match
            skill: analogy
            source: [1]
            prompt: Match them.
            pairs:
              - left: a
                right: b
              - {left: c, right: d}
          - id: an-open
            type: open
            skill: steelman
            source: [2]
            prompt: Argue it.
            model: >-
              A folded model answer
              without its newline.
            rubric: [names the claim, gives a reason]
          - id: some-roles
            type: roles
            skill: premise
            source: [1]
            prompt: Label each sentence.
            sentences:
              - text: So it follows.
                role: c
              - text: Because of this.
                role: p
          - id: a-walkthrough
            type: walkthrough
            skill: weaken
            source: [1]
            prompt: Walk through it.
            scenario: |-
              A scenario
              on two lines.
            steps:
              - id: step-one
                type: choice
                prompt: First?
                options:
                  - text: Go on
                    correct: true
                    next: step-two
                  - text: Stop
              - id: step-two
                type: short
                prompt: Then?
                accept: [done]
                next: ~
          - id: an-introduction
            type: description
            tags: [T1]
            prompt: The next questions weigh their answers.
          - id: a-weighted-short
            type: short
            skill: recall
            source: [1]
            prompt: Name it.
            accept:
              - barrier
              - text: wall
                credit: 50
                feedback: Nearly.
              - text: door
                credit: -25
                feedback: The opposite.
          - id: a-weighted-numeric
            type: numeric
            skill: apply
            source: [1]
            prompt: How many, about?
            answers:
              - answer: 10
                tolerance: 1
                feedback: Right.
              - range: [5, 20]
                credit: 33.33333
            otherwise: Count again.
            percent: true
        """

    /// Broken texts: each must give the same findings at the same places after any change.
    static let malformed: [(String, String)] = [
        ("empty", ""),
        ("comment-only", "# nothing here\n"),
        ("document-marker-only", "---\n"),
        ("scalar-root", "just text\n"),
        ("list-root", "- a\n- b\n"),
        ("unclosed-double-quote", "lectern: 1\nid: \"open\ntitle: x\n"),
        ("unclosed-single-quote", "lectern: 1\nid: 'open\n"),
        ("unclosed-flow", "lectern: 1\ntags: [a, b\n"),
        ("bad-indent", "lectern: 1\n  id: x\n title: y\n"),
        ("colon-in-plain", "lectern: 1\nid: a: b\n"),
        ("control-character", "lectern: 1\nid: t\u{1}x\n"),
        ("tab-indent", "lectern: 1\nsource:\n\ttitle: x\n"),
        ("bom", "\u{FEFF}lectern: 1\n"),
        ("crlf", "lectern: 1\r\nid: x\r\ntitle: \"y\r\n"),
        ("duplicate-keys", "lectern: 1\nid: a\ntitle: t\nid: b\ntitle: u\n"),
        ("duplicate-keys-nested", "items:\n  - id: a\n    id: a\n"),
        ("duplicate-quoted-and-plain", "id: a\n\"id\": b\n"),
        ("tag-on-scalar", "lectern: !!int 1\nid: x\n"),
        ("tag-custom", "lectern: 1\nid: !thing x\n"),
        ("tag-on-map", "source: !!map\n  title: x\n"),
        ("anchor-only", "lectern: 1\nid: &name x\n"),
        ("anchor-and-alias", "a: &x 1\nb: *x\n"),
        ("anchor-on-map", "source: &s\n  title: x\nother: [*s]\n"),
        ("undefined-alias", "lectern: 1\nid: *nothing\n"),
        ("two-documents", "lectern: 1\n---\nid: x\n"),
        ("two-documents-second-broken", "lectern: 1\n---\nid: \"x\n"),
        ("document-end-then-text", "lectern: 1\n...\nid: x\n"),
        ("directive", "%YAML 1.1\n---\nlectern: 1\n"),
        ("deep-flow-100", "items: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n"),
        ("deep-flow-65-open", "items: " + String(repeating: "[", count: 70) + "\n"),
        ("deep-flow-1500", String(repeating: "[", count: 1500)),
        ("deep-flow-100000", String(repeating: "[", count: 100_000)),
        ("deep-block-list", String(repeating: "- ", count: 50_000) + "x\n"),
        ("deep-flow-map", String(repeating: "{a: ", count: 50_000)),
        (
            "deep-block-map",
            (0..<80).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " x\n"
        ),
        ("complex-key", "? [a, b]\n: c\nlectern: 1\n"),
        ("unicode-columns", "lectern: 1\nid: é漢🙂 x\ntitle: ok\nnope: é🙂 *\"\n"),
        ("unicode-unknown-key", "lectern: 1\n🙂key: x\n"),
        ("null-values", "lectern: ~\nid: null\ntitle:\ntags:\nitems: []\n"),
        ("wrong-types", "lectern: one\nid: [a]\ntitle: {a: b}\ntags: x\nitems: x\nsource: x\n"),
        ("block-scalar-errors", "lectern: 1\nsummary: |\n  line\n bad\n"),
        ("long-key", "lectern: 1\n" + String(repeating: "k", count: 1_100) + ": 1\n"),
        ("nul-byte", "lectern: 1\nid: a\u{0}b\n"),
        ("too-many-nodes", "a: [" + String(repeating: "a,", count: 1_000_001) + "a]\n"),
    ]
}
