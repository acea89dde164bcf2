package import ArgumentParser
import LecternCore

/// `lint [PATH…]`: compiler-style findings for deck authors and CI.
package struct LintCommand: ShellRunnable {
    package static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check decks and report each problem as file:line:column with the line and a caret.",
        discussion:
            "With no path, checks every deck in the deck folders. A folder is searched for *.yaml. Exit status 1 when an error is found (or a warning, with --strict)."
    )
    @OptionGroup(visibility: .private) package var global: GlobalOptions
    @Argument(help: "Deck files or folders.") var paths: [String] = []
    @Flag(help: "Treat warnings as errors.") var strict = false
    @Option(help: "Output format: text or json.") var format: DeckLintRun.Format = .text
    package init() {}

    package func run(in shell: Shell) throws(ShellError) {
        let run = DeckLintRun.run(
            paths: paths, library: shell.libraryCheckedAcrossDecks(), limits: shell.configuration.limits,
            strict: strict, format: format, color: shell.styler.colorEnabled)
        if format == .json { shell.printer.sayData(run.report) } else { shell.printer.sayVerbatim(run.report) }
        // The findings and their summary already say what is wrong.
        if run.status != 0 { throw ShellError.alreadyReported }
    }
}

extension DeckLintRun.Format: ExpressibleByArgument {}
