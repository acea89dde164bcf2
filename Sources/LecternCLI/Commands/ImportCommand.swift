import ArgumentParser
import Foundation
import LecternCore
import LecternShell

/// `lectern import`: a GIFT (Moodle) question file or a question table (CSV/TSV) becomes a deck. Findings are printed like
/// `lint` prints them, on standard error so that the deck alone goes to standard output; any
/// error refuses the file as a whole and nothing is written.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a GIFT (Moodle) question file or a question table (CSV/TSV) into a deck.",
        discussion: """
            Writes the deck to standard output, or to the -o file. Findings go to standard error as \
            file:line:column with the line and a caret; exit status 1 on any error, and then nothing is written.
            """)

    @OptionGroup var global: GlobalOptions

    /// The formats `import` reads.
    enum Source: String, ExpressibleByArgument, CaseIterable {
        case gift, csv
    }

    @Argument(help: "The question file: GIFT (.gift, .txt) or a question table (.csv, .tsv).")
    var file: String

    @Option(help: "The file's format, whatever its extension: gift or csv (a .tsv file is read tab-separated).")
    var from: Source?

    @Option(name: .shortAndLong, help: "Where to write the deck (DECK-ID.yaml). Default: standard output.")
    var output: String?

    @Option(help: "The deck id (kebab-case). Default: the output file's name, else the GIFT file's.")
    var id: String?

    @Option(help: "The deck title. Default: taken from the file name.")
    var title: String?

    @Flag(help: "Replace the -o file when it exists (edits made to it since are lost).")
    var force = false

    /// GIFT banks are text; anything larger than this is not one worth reading whole.
    static let maxBytes = 8 << 20

    func run() throws {
        if let output, !force, FileManager.default.fileExists(atPath: output) {
            throw ValidationFailure("\(output) already exists; give --force to replace it (nothing was overwritten)")
        }
        let format = try resolvedFormat()
        let text = try readText()
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let deckID = try resolvedID(name: name)
        let color = global.color.enablesColor(isTerminal: isatty(STDERR_FILENO) == 1, environment: global.environment)
        let header = GIFTDeckWriter.Header(
            id: deckID, title: title ?? name,
            sourceTitle: "Imported from \(URL(fileURLWithPath: file).lastPathComponent)",
            path: file)
        var findings: [Diagnostic]
        let deckText: String
        let count: Int
        switch format {
        case .gift:
            let read = GIFTReader.read(text, path: file)
            findings = read.diagnostics
            guard !read.hasErrors else {
                report(findings, sources: [file: text], color: color)
                throw ExitCode(1)
            }
            let written = GIFTDeckWriter.deck(read.questions, header: header)
            // Descriptions are kept, but the count is of what the deck asks.
            (deckText, count) = (written.text, read.questions.count { $0.kind != .description })
            findings += written.diagnostics
        case .csv:
            let separator: Unicode.Scalar = file.lowercased().hasSuffix(".tsv") ? "\t" : ","
            let read = QuestionTableReader.read(text, separator: separator, header: header)
            findings = read.diagnostics
            guard let written = read.deck else {
                report(findings, sources: [file: text], color: color)
                throw ExitCode(1)
            }
            (deckText, count) = (written, read.items)
        }
        // The deck is checked as `lint` would check it, under the name it will have.
        let deckPath = output ?? "\(deckID).yaml"
        let loaded = DeckLoader.load(text: deckText, path: deckPath)
        findings += loaded.diagnostics
        report(findings, sources: [file: text, deckPath: deckText], color: color)
        guard !loaded.hasErrors else { throw ExitCode(1) }
        if let output {
            do {
                try deckText.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                throw ValidationFailure("cannot write \(output): \(error.localizedDescription)")
            }
            CommandOutput.printError("wrote \(output) (\(count) questions); check it with: lectern lint \(output)")
        } else {
            try CommandOutput.print(String(deckText.dropLast()), exact: true)
        }
    }

    /// `--from`, else the file's extension.
    private func resolvedFormat() throws -> Source {
        if let from { return from }
        switch URL(fileURLWithPath: file).pathExtension.lowercased() {
        case "gift", "txt": return .gift
        case "csv", "tsv": return .csv
        default:
            throw ValidationFailure(
                "cannot tell the format of \(file) from its extension; name it .gift, .txt, .csv or .tsv, or give --from gift|csv"
            )
        }
    }

    private func report(_ findings: [Diagnostic], sources: [String: String], color: Bool) {
        guard !findings.isEmpty else { return }
        let sorted = findings.sorted { $0.location < $1.location }
        CommandOutput.printError(DiagnosticRenderer.text(sorted, sources: sources, color: color))
        CommandOutput.printError(DiagnosticRenderer.summary(findings, files: 1))
    }

    private func resolvedID(name: String) throws -> String {
        if let id {
            guard DeckLinter.isKebab(id) else {
                throw ValidationFailure(
                    "deck id '\(id)' is not kebab-case; use lowercase letters, digits and single hyphens")
            }
            if let output, URL(fileURLWithPath: output).deletingPathExtension().lastPathComponent != id {
                throw ValidationFailure("deck id '\(id)' must match the output file name; write -o \(id).yaml")
            }
            return id
        }
        let base = output.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent } ?? name
        let derived = GIFTDeckWriter.kebab(base)
        guard !derived.isEmpty else {
            throw ValidationFailure("cannot make a deck id from '\(base)'; give one with --id")
        }
        if output != nil && derived != base {
            throw ValidationFailure("'\(base)' is not a kebab-case deck id; name the output file \(derived).yaml")
        }
        return derived
    }

    /// The file's text, refused (with what to do) when it is not a regular UTF-8 file of sane size.
    ///
    /// Read through `RegularFile`, like every file a deck names: the checks run on the opened
    /// descriptor, so a FIFO never blocks and a `/proc` file or one that grows is refused.
    private func readText() throws -> String {
        let bytes: [UInt8]
        switch RegularFile.read(file, maxBytes: Self.maxBytes) {
        case .success(let read):
            bytes = read
        case .failure(.missing):
            throw ValidationFailure("\(file): cannot read it: there is no such file")
        case .failure(.unreadable(let reason)):
            throw ValidationFailure("\(file): cannot read it: \(reason)")
        case .failure(.notRegular), .failure(.virtual):
            throw ValidationFailure("\(file): not a regular file; give the path of a GIFT or CSV text file")
        case .failure(.tooLarge):
            throw ValidationFailure("\(file): over 8 MiB, far beyond a question bank; split it")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            CommandOutput.printError(
                TerminalText.safeLine(file)
                    + ":1:1: error: the file is not UTF-8; save it as UTF-8 and import again [not-utf8]")
            throw ExitCode(1)
        }
        return text
    }
}
