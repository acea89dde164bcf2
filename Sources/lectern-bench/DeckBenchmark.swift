import Foundation
import LecternCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Times loading one large deck against a bare libyaml scan and PyYAML, and splits our time
/// into the loader's steps, so a miss of the targets points at the step to fix.
struct DeckBenchmark {
    /// The deck size; LECTERN_BENCH_ITEMS sets a smaller one for profiling by hand.
    var itemCount = Int(ProcessInfo.processInfo.environment["LECTERN_BENCH_ITEMS"] ?? "") ?? 20_000
    var runs = 5
    /// The limits a user gets: the report says if they refuse the file.
    var limits = LoadLimits.default

    /// The targets: load + lint within this many bare scans, this many times faster
    /// than PyYAML, and a peak resident size under this many file sizes.
    static let scanRatioTarget = 8.0
    static let pyYAMLSpeedupTarget = 5.0
    static let memoryRatioTarget = 20.0

    private struct Row {
        var name: String
        var seconds: Double?
        /// The fastest run: on a shared machine, the figure least disturbed by other work.
        var fastest: Double?
        var note = ""

        init(name: String, seconds: Double?, note: String = "") {
            self.name = name
            self.seconds = seconds
            self.note = note
        }

        init(name: String, samples: [Double]?, note: String = "") {
            self.name = name
            self.seconds = samples.map(BenchSupport.median)
            self.fastest = samples?.min()
            self.note = note
        }
    }

    func run() throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("lectern-bench-decks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // LECTERN_BENCH_KEEP=1 keeps the deck and the compiled scanner, for profiling by hand.
        let keep = ProcessInfo.processInfo.environment["LECTERN_BENCH_KEEP"] == "1"
        defer { if !keep { try? FileManager.default.removeItem(at: folder) } }
        let file = folder.appendingPathComponent("\(BenchDeckWriter.deckID).yaml")
        try writeDeck(to: file)
        let bytes =
            (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?
            .intValue ?? 0

        let refusal = DeckLoader.load(fileAt: file.path, limits: limits).diagnostics.first { $0.severity == .error }
        var notes = [
            "limits: the defaults (\(limits.maxBytes / 1_048_576) MiB, \(limits.maxNodes) nodes); the file is "
                + (refusal.map { "refused: [\($0.rule)] \($0.message)" } ?? "accepted")
        ]

        // Ours first, so the peak resident size is the loader's and nothing else's.
        // One pass first, on a fresh heap, to see what each step keeps resident; it runs the
        // loader's steps, so the peak below is still a load's.
        let resident = try residentSteps(file)
        let loadBefore = Self.loadAverage()
        let residentBefore = BenchSupport.peakMemoryMiB()
        let (loads, shape) = try timeLoads(file)
        let residentAfter = BenchSupport.peakMemoryMiB()
        let phases = try timePhases(file, loads: loads)

        let peers = YAMLPeers(folder: folder, packageRoot: Self.packageRoot)
        var scanTimes: [Double]?
        var startupTimes: [Double]?
        do {
            let (scanner, empty) = try peers.compileC()
            var events = ""
            scanTimes = try (0..<runs).map { _ in
                let run = try peers.timeProcess(scanner, [file.path])
                events = run.output.trimmingCharacters(in: .whitespacesAndNewlines)
                return run.seconds
            }
            startupTimes = try (0..<runs).map { _ in try peers.timeProcess(empty, []).seconds }
            notes.append(
                "bare scan: \(events) libyaml events, cc -O2 -lyaml, timed as a whole process")
        } catch {
            notes.append("bare scan skipped: \(error)")
        }
        var pyYAMLTimes: [Double]?
        if let (python, name) = peers.pythonWithCLoader() {
            do {
                pyYAMLTimes = try peers.timePyYAML(
                    python, file: file, runs: runs, items: itemCount)
                notes.append(
                    "PyYAML: \(name), yaml.load(f, Loader=yaml.CSafeLoader) timed inside Python")
            } catch {
                notes.append("PyYAML skipped: \(error)")
            }
        } else {
            notes.append(
                "PyYAML skipped: neither .venv/bin/python nor python3 has PyYAML "
                    + "with its C loader (yaml.CSafeLoader)")
        }

        let ours = BenchSupport.median(loads)
        let scan = scanTimes.map(BenchSupport.median)
        let pyYAML = pyYAMLTimes.map(BenchSupport.median)
        var rows = [
            Row(name: "bare libyaml event scan (C process)", samples: scanTimes),
            Row(name: "  of which: empty C program start-up", samples: startupTimes),
            Row(name: "PyYAML CSafeLoader", samples: pyYAMLTimes),
            Row(name: "ours: DeckLoader.load(fileAt:)", samples: loads),
        ]
        rows += phases

        let megabytes = BenchSupport.format(Double(bytes) / 1_000_000, 2)
        var out = "decks: one deck of \(itemCount) items (\(shape)), \(megabytes) MB, "
        out += "median of \(runs) runs\n"
        out += pad("measurement", 44) + padLeft("median s", 10) + padLeft("× scan", 9)
        out += padLeft("fastest s", 11) + "\n"
        for row in rows {
            let seconds = row.seconds.map { BenchSupport.format($0, 3) } ?? "—"
            let fastest = row.fastest.map { BenchSupport.format($0, 3) } ?? ""
            var ratio = "—"
            if let seconds = row.seconds, let scan { ratio = BenchSupport.format(seconds / scan, 2) }
            out += pad(row.name, 44) + padLeft(seconds, 10) + padLeft(ratio, 9)
            out += padLeft(fastest, 11) + row.note + "\n"
        }
        if let pyYAML {
            out += "PyYAML / ours: \(BenchSupport.format(pyYAML / ours, 2))× (above 1: ours is faster)\n"
        }
        if let bestScan = scanTimes?.min(), let bestOurs = loads.min() {
            out += "fastest runs only: ours \(BenchSupport.format(bestOurs / bestScan, 2))× the scan"
            if let bestPy = pyYAMLTimes?.min() {
                out += ", PyYAML / ours \(BenchSupport.format(bestPy / bestOurs, 2))×"
            }
            out += "\n"
        }
        let fileMiB = Double(bytes) / 1_048_576
        out += "peak memory (maxrss after the loads): \(BenchSupport.format(residentAfter, 1)) MiB = "
        out += "\(BenchSupport.format(residentAfter / fileMiB, 1))× the file (\(BenchSupport.format(fileMiB, 2)) MiB); "
        out += "\(BenchSupport.format(residentBefore, 1)) MiB before loading\n"
        out += "resident MiB, one pass before the timed loads: \(resident)\n"

        out += "targets (issue):\n"
        out += target(
            "load + lint within \(BenchSupport.format(Self.scanRatioTarget, 0))× the bare scan",
            value: scan.map { ours / $0 }, limit: Self.scanRatioTarget, below: true, unit: "×")
        out += target(
            "load + lint ≥ \(BenchSupport.format(Self.pyYAMLSpeedupTarget, 0))× faster than PyYAML",
            value: pyYAML.map { $0 / ours }, limit: Self.pyYAMLSpeedupTarget, below: false,
            unit: "×")
        out += target(
            "peak memory under \(BenchSupport.format(Self.memoryRatioTarget, 0))× the file size",
            value: residentAfter / fileMiB, limit: Self.memoryRatioTarget, below: true, unit: "×")
        out += "reference (issue 16, before the event loader, release build): whole-process lint 1.40 s CPU "
        out += "= 14× the bare scan, peak 156 MiB = 24× the file\n"
        notes.append(
            "machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, load average "
                + "\(loadBefore) before our loads, \(Self.loadAverage()) at the end "
                + "(other builds on a shared machine slow every row)")
        for note in notes { out += "note: \(note)\n" }
        if keep { out += "note: kept \(folder.path)\n" }
        return out
    }

    // MARK: - Measurements

    /// Writes the deck and checks that our loader accepts it with no errors, so the timings
    /// below are of a successful load.
    private func writeDeck(to file: URL) throws {
        var writer = BenchDeckWriter(itemCount: itemCount)
        try writer.text().write(to: file, atomically: true, encoding: .utf8)
    }

    /// The whole load, `runs` times; also checks the first result and describes the deck.
    private func timeLoads(_ file: URL) throws -> (seconds: [Double], shape: String) {
        var shape = ""
        let seconds = try (0..<runs).map { run in
            let started = ContinuousClock.now
            let result = DeckLoader.load(fileAt: file.path, limits: limits)
            let elapsed = BenchSupport.seconds(ContinuousClock.now - started)
            if run == 0 { shape = try describe(result) }
            return elapsed
        }
        return (seconds, shape)
    }

    private func describe(_ result: DeckLoadResult) throws -> String {
        let errors = result.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty, let deck = result.deck else {
            let shown = errors.prefix(3).map {
                "\($0.location.line):\($0.location.column) \($0.message)"
            }
            throw YAMLPeers.Unavailable(
                description: "the generated deck has \(errors.count) errors, first: "
                    + shown.joined(separator: "; "))
        }
        guard deck.items.count == itemCount else {
            throw YAMLPeers.Unavailable(
                description: "the generated deck has \(deck.items.count) items, not \(itemCount)")
        }
        let kinds = Set(deck.items.map(\.kind))
        let steps = deck.items.reduce(0) { count, item in
            if case .walkthrough(let walkthrough) = item.body {
                return count + walkthrough.steps.count
            }
            return count
        }
        let warnings = result.diagnostics.count - errors.count
        return "\(kinds.count) types, \(steps) walkthrough steps, 0 errors, \(warnings) warnings"
    }

    /// The resident size after each step of one load, while its results are alive.
    private func residentSteps(_ file: URL) throws -> String {
        var sizes = ["start \(residentNowMiB())"]
        let data = try Data(contentsOf: file)
        guard let text = DeckLoadPhases.decode([UInt8](data), path: file.path) else {
            throw YAMLPeers.Unavailable(description: "the generated deck is not UTF-8")
        }
        sizes.append("text \(residentNowMiB())")
        _ = DeckLoadPhases.aliasPreScan(text, path: file.path)
        var composed: DeckLoadPhases.Composed? = DeckLoadPhases.compose(
            text, path: file.path, limits: limits)
        sizes.append("+ YAML nodes \(residentNowMiB())")
        let built = composed.map { DeckLoadPhases.build($0, path: file.path) }
        sizes.append("+ model \(residentNowMiB())")
        composed = nil
        sizes.append("model without the nodes \(residentNowMiB())")
        withExtendedLifetime(built) {}
        return sizes.joined(separator: ", ")
    }

    /// Each step of the load on its own, with the outputs of one step fed to the next.
    private func timePhases(_ file: URL, loads: [Double]) throws -> [Row] {
        let path = file.path
        var samples: [String: [Double]] = [:]
        func time<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            let started = ContinuousClock.now
            let value = try body()
            samples[name, default: []].append(BenchSupport.seconds(ContinuousClock.now - started))
            return value
        }
        for _ in 0..<runs {
            let text = try time("read") { () throws -> String in
                let data = try Data(contentsOf: file)
                guard let text = DeckLoadPhases.decode([UInt8](data), path: path) else {
                    throw YAMLPeers.Unavailable(description: "the generated deck is not UTF-8")
                }
                return text
            }
            let body = try time("text") { () throws -> String in
                let body = DeckLoadPhases.checkText(text, path: path).body
                guard DeckLoadPhases.withinNodeBudget(body, limits: limits) else {
                    throw YAMLPeers.Unavailable(
                        description: "the generated deck is over the node budget")
                }
                return body
            }
            _ = time("prescan") { DeckLoadPhases.aliasPreScan(body, path: path) }
            // Optionals, so that freeing the nodes and the model can be timed on its own.
            var composed: DeckLoadPhases.Composed? = time("compose") {
                DeckLoadPhases.compose(body, path: path, limits: limits)
            }
            // Through optionals, never a second binding: it would keep the nodes or the model
            // alive past "free" and take its time out of that step.
            var built = time("build") { composed.map { DeckLoadPhases.build($0, path: path) } }
            guard built?.deck != nil else {
                throw YAMLPeers.Unavailable(description: "no deck was built")
            }
            let findings = time("lint") { built?.deck.map { DeckLoadPhases.lint($0) } ?? [] }
            _ = time("sort") {
                DeckLoadPhases.sorted((composed?.diagnostics ?? []) + (built?.diagnostics ?? []) + findings)
            }
            time("free") {
                composed = nil; built?.deck = nil
            }
        }
        let m = samples.mapValues(BenchSupport.median)
        let rest = m["compose", default: 0] - m["prescan", default: 0]
        let steps = ["read", "text", "compose", "build", "lint", "sort", "free"].reduce(0) {
            $0 + m[$1, default: 0]
        }
        let rows = [
            Row(name: "  read file + UTF-8 check", samples: samples["read"]),
            Row(name: "  BOM, node-budget and tab pre-scans", samples: samples["text"]),
            Row(name: "  composition, as the loader does it", samples: samples["compose"]),
            Row(name: "    anchor/alias pre-scan", samples: samples["prescan"]),
            Row(
                name: "    libyaml events → nodes, refusals", seconds: rest,
                note: "  (composition − the pre-scan)"),
            Row(name: "  build the model", samples: samples["build"]),
            Row(name: "  lint rules", samples: samples["lint"]),
            Row(name: "  sort findings", samples: samples["sort"]),
            Row(name: "  free the YAML nodes and the model", samples: samples["free"]),
            Row(
                name: "  the rest", seconds: BenchSupport.median(loads) - steps,
                note: "  (whole load − the steps above; noise when negative)"),
        ]
        return rows
    }

    // MARK: - Helpers

    /// The package folder, from this file's path at build time, else the working directory.
    static var packageRoot: URL {
        let fromSource = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        if FileManager.default.fileExists(
            atPath: fromSource.appendingPathComponent("Package.swift").path)
        {
            return fromSource
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    private func target(_ name: String, value: Double?, limit: Double, below: Bool, unit: String)
        -> String
    {
        guard let value else { return "  " + pad(name, 46) + "—  not measured\n" }
        let met = below ? value < limit : value >= limit
        return "  " + pad(name, 46) + padLeft(BenchSupport.format(value, 2) + unit, 9) + "  "
            + (met ? "PASS" : "MISS") + "\n"
    }

    /// The one-minute load average, so a reader can tell a busy machine from a slow loader.
    private static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").first.map(String.init) ?? "unknown"
    }

    /// The resident size now (not the peak), from /proc; "?" where there is no /proc.
    private func residentNowMiB() -> String {
        let text = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? ""
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Double(fields[1]) else { return "?" }
        return BenchSupport.format(pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576, 1)
    }

    private func pad(_ text: String, _ width: Int) -> String {
        TextColumns.padRight(text, width, minimumGap: 1)
    }

    private func padLeft(_ text: String, _ width: Int) -> String {
        TextColumns.padLeft(text, width)
    }
}
