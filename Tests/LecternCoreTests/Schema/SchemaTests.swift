import Foundation
import Testing

@testable import LecternCore

/// The JSON Schema editors use agrees with the loader: every bundled deck and the starter
/// pass it, and the linter's bad examples that a schema can express fail it.
///
/// Validation runs in Python (`jsonschema`, PyYAML), the same engines editors' tooling uses.
@Suite struct SchemaTests {
    static let packageRoot: URL = {
        var directory = URL(filePath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appending(path: "Package.swift").path) {
                return directory
            }
            directory = directory.deletingLastPathComponent()
        }
        return directory
    }()

    static let fixtures = URL(filePath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().appending(path: "Fixtures")

    /// Bad examples: name, the instance path the schema must blame, and the deck text.
    static let rejected: [(String, String, String)] = [
        (
            "unknown-key", "items/0",
            LintRuleTests.deck(LintRuleTests.goodItem.replacingOccurrences(of: "prompt:", with: "promt:"))
        ),
        (
            "unknown-key-for-type", "items/0",
            LintRuleTests.deck(
                LintRuleTests.goodItem.replacingOccurrences(of: "answer: true", with: "answer: true\n    accept: [yes]")
            )
        ),
        (
            "unknown-top-level-key", "",
            LintRuleTests.header.replacingOccurrences(of: "title: Test deck", with: "title: Test deck\ntitel: Again")
                + LintRuleTests.goodItem
        ),
        (
            "missing-field", "items/0",
            LintRuleTests.deck(LintRuleTests.goodItem.replacingOccurrences(of: "    prompt: Is it so?\n", with: ""))
        ),
        (
            "missing-answer", "items/0",
            LintRuleTests.deck(LintRuleTests.goodItem.replacingOccurrences(of: "    answer: true\n", with: ""))
        ),
        ("wrong-type", "items/0/tolerance", LintRuleTests.deck(breaking: "wrong-type")),
        (
            "wrong-type-answer", "items/0/answer",
            LintRuleTests.deck(LintRuleTests.goodItem.replacingOccurrences(of: "answer: true", with: "answer: maybe"))
        ),
        ("unknown-type", "items/0/type", LintRuleTests.deck(breaking: "unknown-type")),
        ("unknown-skill", "items/0/skill", LintRuleTests.deck(breaking: "unknown-skill")),
        ("unknown-role", "items/0/sentences/0/role", LintRuleTests.deck(breaking: "unknown-role")),
        ("choice-one-correct", "items/0/options", LintRuleTests.deck(breaking: "choice-one-correct")),
        ("multi-no-correct", "items/0/options", LintRuleTests.deck(breaking: "multi-no-correct")),
        ("too-few-entries", "items/0/sequence", LintRuleTests.deck(breaking: "too-few-entries")),
        ("numeric-tolerance", "items/0/tolerance", LintRuleTests.deck(breaking: "numeric-tolerance")),
        ("numeric-key", "items/0", LintRuleTests.deck(breaking: "numeric-key")),
        ("cloze-no-blanks", "items/0/prompt", LintRuleTests.deck(breaking: "cloze-no-blanks")),
        ("unsupported-version", "lectern", LintRuleTests.deck(breaking: "unsupported-version")),
        ("id-not-kebab", "items/0/id", LintRuleTests.deck(breaking: "id-not-kebab")),
        (
            "nested-walkthrough", "items/0/steps/1/type",
            LintRuleTests.deck(breaking: "nested-walkthrough")
        ),
        (
            "empty-prompt", "items/0/prompt",
            LintRuleTests.deck(
                LintRuleTests.goodItem.replacingOccurrences(of: "prompt: Is it so?", with: "prompt: \"\""))
        ),
    ]

    struct Validation {
        var results: [String: String] = [:]
        var problem: String?
    }

    /// The project's `.venv` Python when it exists, then `python3` from the PATH.
    static var interpreters: [[String]] {
        let venv = packageRoot.appending(path: ".venv/bin/python").path
        var interpreters: [[String]] = []
        if FileManager.default.isExecutableFile(atPath: venv) { interpreters.append([venv]) }
        interpreters.append(["/usr/bin/env", "python3"])
        return interpreters
    }

    /// Runs the helper with the first interpreter that has jsonschema and PyYAML.
    static func validate(
        _ files: [String], schema: String = "deck.schema.json", interpreters: [[String]] = interpreters
    ) -> Validation {
        let script = fixtures.appending(path: "check_schema.py").path
        let schema = packageRoot.appending(path: "Decks/schema/\(schema)").path
        var tried: [String] = []
        for interpreter in interpreters {
            let process = Process()
            process.executableURL = URL(filePath: interpreter[0])
            process.arguments = Array(interpreter.dropFirst()) + [script, schema] + files
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            do { try process.run() } catch {
                tried.append("\(interpreter.joined(separator: " ")): \(error)")
                continue
            }
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let text = String(decoding: data, as: UTF8.self)
            if process.terminationStatus == 3 {
                tried.append(
                    "\(interpreter.joined(separator: " ")): \(text.trimmingCharacters(in: .whitespacesAndNewlines))")
                continue
            }
            guard process.terminationStatus == 0 else {
                return Validation(problem: "check_schema.py failed (\(process.terminationStatus)): \(text)")
            }
            var validation = Validation()
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { continue }
                let status = parts[0]
                let rest = parts[1]
                let path = files.first { rest == $0 || rest.hasPrefix($0 + ":") } ?? rest
                validation.results[path] = status == "ok" ? "ok" : rest
            }
            return validation
        }
        return Validation(
            problem:
                "no Python with jsonschema and PyYAML (tried \(tried.joined(separator: "; "))); run `make test`, which sets up .venv"
        )
    }

    @Test func bundledDecksAndTheStarterPassAndBadExamplesFail() throws {
        let decks = try FileManager.default.contentsOfDirectory(atPath: Self.packageRoot.appending(path: "Decks").path)
            .filter { $0.hasSuffix(".yaml") && $0 != ConceptVocabulary.fileName }.sorted()
            .map { Self.packageRoot.appending(path: "Decks/\($0)").path }
        let scratch = FileManager.default.temporaryDirectory.appending(path: "lectern-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let starter = scratch.appending(path: "starter-deck.yaml").path
        try StarterDeck.text(id: "starter-deck").write(toFile: starter, atomically: true, encoding: .utf8)
        var bad: [String: String] = [:]
        var blamed: [String: String] = [:]
        for (name, place, text) in Self.rejected {
            let path = scratch.appending(path: "\(name).yaml").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            bad[name] = path
            blamed[name] = place
        }
        let validation = Self.validate(decks + [starter] + bad.values.sorted())
        if let problem = validation.problem {
            Issue.record(Comment(rawValue: problem))
            return
        }
        for path in decks + [starter] {
            #expect(validation.results[path] == "ok", "\(path): \(validation.results[path] ?? "no result")")
        }
        for (name, path) in bad.sorted(by: { $0.key < $1.key }) {
            let result = validation.results[path] ?? "no result"
            #expect(result.hasPrefix("\(path): \(blamed[name] ?? "?"): "), "bad example '\(name)': \(result)")
        }
    }

    /// The shared concept vocabulary has its own schema, so editors check it as they do decks.
    @Test func conceptVocabularyPassesItsSchema() {
        let vocabulary = Self.packageRoot.appending(path: "Decks/\(ConceptVocabulary.fileName)").path
        let validation = Self.validate([vocabulary], schema: "concepts.schema.json")
        if let problem = validation.problem {
            Issue.record(Comment(rawValue: problem))
            return
        }
        #expect(validation.results[vocabulary] == "ok", "\(validation.results[vocabulary] ?? "no result")")
    }

    @Test func withoutJSONSchemaTheTestSaysToRunMakeTest() {
        // `-S` hides site-packages, so this Python has neither jsonschema nor PyYAML.
        let validation = Self.validate([], interpreters: [["/usr/bin/env", "python3", "-S"]])
        #expect(validation.results.isEmpty)
        #expect(validation.problem?.hasSuffix("run `make test`, which sets up .venv") == true)
    }

    @Test func badExamplesAreAlsoErrorsForTheLoader() {
        for (name, _, text) in Self.rejected {
            #expect(DeckLoader.load(text: text, path: "t.yaml").hasErrors, "loader accepted '\(name)'")
        }
    }
}
