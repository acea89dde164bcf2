import Foundation
import LecternCore

/// `lint [PATH…]`, shared by the shell and `lectern lint`: the same findings, the same text.
package struct DeckLintRun: Sendable {
    package enum Format: String, Sendable, CaseIterable {
        case text, json
    }

    /// What to print on standard output.
    package var report: String
    /// 1 when any error was found (or any warning with `strict`), else 0.
    package var status: Int32

    /// Lints `paths` (files, or folders searched for `*.yaml`); with no paths, `library`.
    package static func run(
        paths: [String], library: @autoclosure () -> DeckLibrary, limits: LoadLimits,
        strict: Bool, format: Format, color: Bool
    ) -> DeckLintRun {
        let checked: DeckLibrary
        if paths.isEmpty {
            checked = library()
        } else {
            var results: [(path: String, result: DeckLoadResult)] = []
            for path in paths {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                    let files = DeckLibrary.load(directories: [path], limits: limits).entries
                    results += files.map {
                        ($0.path, DeckLoadResult(deck: $0.deck, diagnostics: $0.diagnostics, text: $0.text))
                    }
                } else {
                    results.append((path, DeckLoader.load(fileAt: path, limits: limits)))
                }
            }
            checked = DeckLibrary.load(results: results)
        }
        let diagnostics = checked.diagnostics
        let failing = diagnostics.contains {
            $0.severity == .error || (strict && $0.severity == .warning)
        }
        let report: String
        switch format {
        case .json:
            report = DiagnosticRenderer.json(diagnostics)
        case .text:
            // The loader kept each file's text: show the lines without reading the files again.
            let body = DiagnosticRenderer.text(diagnostics, color: color, source: checked.text(ofFile:))
            let summary = DiagnosticRenderer.summary(diagnostics, files: checked.entries.count)
            report = body.isEmpty ? summary : body + "\n" + summary
        }
        return DeckLintRun(report: report, status: failing ? 1 : 0)
    }
}
