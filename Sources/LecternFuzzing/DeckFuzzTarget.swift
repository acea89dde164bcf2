import Foundation
import LecternCore

/// Entry point (a) of the fuzz harness: arbitrary bytes read as a deck file.
///
/// The loader, the linter, the renderers and (for a deck without errors) the graders run
/// on whatever the bytes make. Everything must end as diagnostics: a crash, a hang or a
/// finding that breaks the diagnostics' own contract is what the fuzzer reports.
package enum DeckFuzzTarget {
    /// The path the bytes are loaded as; its stem matches no deck id on purpose, so the
    /// id-not-filename rule runs too.
    package static let path = "Decks/fuzz-input.yaml"

    /// Answers tried on every item of a deck that loads cleanly: one of each shape the
    /// parsers know, so a deck's own key (a hostile regex, a huge count) meets real input.
    static let cannedAnswers = [
        "b", "a c", "1", "t", "no", "42", "1,000.5 km", "50%", "c a b", "1b 2a 3c", "p c", "1p 2c",
        "all", "1 2", "platform; day",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!",
    ]

    package static func run(_ bytes: [UInt8]) {
        // The loader's own decoder refuses bad UTF-8 before anything else runs; decoding
        // leniently here lets mutated bytes still reach the YAML and model code.
        let text = String(validating: bytes, as: UTF8.self) ?? String(decoding: bytes, as: UTF8.self)
        let result = DeckLoader.load(text: text, path: path)
        check(result.diagnostics)
        _ = DiagnosticRenderer.text(result.diagnostics, sources: [path: text])
        _ = DiagnosticRenderer.text(result.diagnostics, sources: [path: text], color: true)
        _ = DiagnosticRenderer.json(result.diagnostics)
        guard let deck = result.deck else { return }
        _ = DeckPreview.render(deck)
        _ = DeckCoverage(decks: [deck]).shortfalls(against: .bundled)
        // Grade only what a session would study: a deck without errors, except that its id
        // need not match this made-up file name (else no fuzzed or seed deck would qualify).
        let blocking = result.diagnostics.filter { $0.severity == .error && $0.rule != "id-not-filename" }
        guard blocking.isEmpty else { return }
        for item in deck.items {
            var answers = cannedAnswers
            answers.append(String(item.prompt.prefix(200)))
            if case .short(let key) = item.body, let first = key.accept.first { answers.append(first) }
            for answer in answers { FuzzGrading.grade(answer, item: item) }
        }
    }

    /// What every finding promises its reader: a listed rule, a place in this file, words.
    static func check(_ diagnostics: [Diagnostic]) {
        for finding in diagnostics {
            precondition(
                LintRules.rule(id: finding.rule) != nil, "finding with unlisted rule '\(finding.rule)'")
            precondition(finding.location.file == path, "finding points at another file: \(finding.location)")
            precondition(
                finding.location.line >= 1 && finding.location.column >= 1, "finding at \(finding.location)")
            precondition(!finding.message.isEmpty, "finding '\(finding.rule)' without a message")
        }
    }
}
