import Foundation
import LecternCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whole processes, as a user meets them: `lectern lint` of the bench deck against a bare
/// libyaml scan and PyYAML's C loader (CPU), its peak memory against the file's size, and
/// `lectern -c decks` against `lectern --version` (wall). Every ratio is of figures measured
/// in this run, so a busy machine slows both sides of it.
///
/// Each `lectern` figure is given twice: cold, with the cache of parsed decks
/// (`$XDG_CACHE_HOME/lectern`) emptied before every run, so the deck is parsed; and warm, with
/// the cache filled by a run before, as a user meets it from the second command on. The
/// targets are judged on the cold figures, the warm ones are shown beside them.
///
/// `LECTERN_BENCH_BINARY=PATH` measures another `lectern` (an older build, for a before/after
/// table); by default it is the one beside this benchmark.
struct ProcessBenchmark {
    var itemCount = Int(ProcessInfo.processInfo.environment["LECTERN_BENCH_ITEMS"] ?? "") ?? 20_000
    var runs = 5
    var startupRuns = 20

    /// Issue 16's targets.
    static let scanRatioTarget = 4.0
    static let pyYAMLSpeedupTarget = 5.0
    static let memoryRatioTarget = 8.0
    static let startupRatioTarget = 2.0

    func run() throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("lectern-bench-process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let deck = folder.appendingPathComponent("\(BenchDeckWriter.deckID).yaml")
        var writer = BenchDeckWriter(itemCount: itemCount)
        try writer.text().write(to: deck, atomically: true, encoding: .utf8)
        let fileMiB =
            Double(try FileManager.default.attributesOfItem(atPath: deck.path)[.size] as? Int ?? 0) / 1_048_576
        let lectern = Self.lecternBinary()
        let home = folder.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let spawner = Spawner(folder: folder, home: home)
        let cacheFolder = home.appendingPathComponent("cache")
        func emptyCache() { try? FileManager.default.removeItem(at: cacheFolder) }

        var out = "process: \(lectern.path)\n"
        out +=
            "  bench deck: \(itemCount) items, \(BenchSupport.format(fileMiB, 2)) MiB; CPU = user + system, median of \(runs)\n"
        let lint = try (0..<runs).map { _ in
            emptyCache()
            return try spawner.run(lectern.path, ["lint", deck.path], allowing: [0, 1])
        }
        let lintCPU = BenchSupport.median(lint.map(\.cpu))
        let peak = lint.map(\.maxRSSMiB).max() ?? 0
        out += row("lectern lint (bench deck), cold cache", lintCPU, "s CPU")
        let warmLint = try (0...runs).map { _ in
            try spawner.run(lectern.path, ["lint", deck.path], allowing: [0, 1])
        }.dropFirst()  // the first run fills the cache
        let warmLintCPU = BenchSupport.median(warmLint.map(\.cpu))
        let warmPeak = warmLint.map(\.maxRSSMiB).max() ?? 0
        out += row("lectern lint (bench deck), warm cache", warmLintCPU, "s CPU")
        var scanCPU: Double?
        let peers = YAMLPeers(folder: folder, packageRoot: DeckBenchmark.packageRoot)
        do {
            let (scanner, _) = try peers.compileC()
            let cpu = BenchSupport.median(try (0..<runs).map { _ in try spawner.run(scanner.path, [deck.path]).cpu })
            scanCPU = cpu
            out += row("bare libyaml event scan (cc -O2 -lyaml)", cpu, "s CPU")
        } catch {
            out += "  bare scan skipped: \(error)\n"
        }
        var pyCPU: Double?
        if let (python, name) = peers.pythonWithCLoader() {
            let script = "import sys, yaml; yaml.load(open(sys.argv[1], 'rb'), Loader=yaml.CSafeLoader)"
            let cpu = BenchSupport.median(
                try (0..<runs).map { _ in try spawner.run(python.path, ["-c", script, deck.path]).cpu })
            pyCPU = cpu
            out += row("PyYAML CSafeLoader, whole process (\(name))", cpu, "s CPU")
        } else {
            out += "  PyYAML skipped: no Python with PyYAML's C loader\n"
        }
        out += row("peak memory of lectern lint, cold cache", peak, "MiB")
        out += row("peak memory of lectern lint, warm cache", warmPeak, "MiB")

        let decks = DeckBenchmark.packageRoot.appendingPathComponent("Decks").path
        let db = home.appendingPathComponent("progress.sqlite3").path
        let env = ["LECTERN_DB=\(db)"]
        /// Cold empties the deck cache before every timed run; warm leaves what the first
        /// (untimed) run stored.
        func wall(_ path: String, _ arguments: [String], cold: Bool = false) throws -> Double {
            _ = try spawner.run(path, arguments, environment: env)  // warm the page cache
            return BenchSupport.median(
                try (0..<startupRuns).map { _ in
                    if cold { emptyCache() }
                    return try spawner.run(path, arguments, environment: env).wall
                })
        }
        out += "  start-up: wall, median of \(startupRuns), bundled decks (\(decks))\n"
        let decksWall = try wall(lectern.path, ["--decks", decks, "-c", "decks"], cold: true)
        let warmDecksWall = try wall(lectern.path, ["--decks", decks, "-c", "decks"])
        let versionWall = try wall(lectern.path, ["--version"])
        out += row("lectern -c decks, cold cache", decksWall, "s")
        out += row("lectern -c decks, warm cache", warmDecksWall, "s")
        out += row("lectern --version", versionWall, "s")
        if let sqlite = YAMLPeers.executable(named: "sqlite3") {
            out += row("sqlite3 :memory: 'select 1' (reference)", try wall(sqlite.path, [":memory:", "select 1"]), "s")
        }
        let wrote = FileManager.default.fileExists(atPath: db)
        out +=
            "  progress file after the read-only runs: \(wrote ? "CREATED (a read-only command wrote)" : "not created")\n"
        let (steps, loadSeconds) = try shares(deck)
        out += steps
        out += row("lint CPU beyond one in-process load", max(0, lintCPU - loadSeconds), "s CPU")
        out += "    (cross-deck rules such as duplicate-item, rendering findings, process start-up)\n"

        out += "targets (issue 16), on the cold figures (deck cache emptied before each run):\n"
        out += target("lint CPU ≤ 4× the bare scan", scanCPU.map { lintCPU / $0 }, Self.scanRatioTarget, below: true)
        out += target(
            "lint ≥ 5× faster than PyYAML (CPU)", pyCPU.map { $0 / lintCPU }, Self.pyYAMLSpeedupTarget, below: false)
        out += target("lint peak memory ≤ 8× the file", peak / fileMiB, Self.memoryRatioTarget, below: true)
        out += target("-c decks ≤ 2× --version (wall)", decksWall / versionWall, Self.startupRatioTarget, below: true)
        out += "the same targets on the warm figures (deck cache filled by a run before):\n"
        out += target(
            "lint CPU ≤ 4× the bare scan", scanCPU.map { warmLintCPU / $0 }, Self.scanRatioTarget, below: true)
        out += target(
            "lint ≥ 5× faster than PyYAML (CPU)", pyCPU.map { $0 / warmLintCPU }, Self.pyYAMLSpeedupTarget,
            below: false)
        out += target("lint peak memory ≤ 8× the file", warmPeak / fileMiB, Self.memoryRatioTarget, below: true)
        out += target(
            "-c decks ≤ 2× --version (wall)", warmDecksWall / versionWall, Self.startupRatioTarget, below: true)
        return out
    }

    /// Where the time of one in-process load goes: read, events → model, lint, free.
    private func shares(_ deck: URL) throws -> (text: String, total: Double) {
        var samples: [String: [Double]] = [:]
        func time<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            let started = ContinuousClock.now
            let value = try body()
            samples[name, default: []].append(BenchSupport.seconds(ContinuousClock.now - started))
            return value
        }
        let path = deck.path
        for _ in 0..<runs {
            let text = try time("read") { () throws -> String in
                guard case .success(let bytes) = RegularFile.read(path, maxBytes: LoadLimits.default.maxBytes),
                    let text = DeckLoadPhases.decode(bytes, path: path)
                else { throw YAMLPeers.Unavailable(description: "cannot read the bench deck") }
                return text
            }
            let body = time("text checks") { DeckLoadPhases.checkText(text, path: path).body }
            var built = time("events → model") { () -> (deck: Deck?, diagnostics: [Diagnostic]) in
                _ = DeckLoadPhases.withinNodeBudget(body)
                return DeckLoadPhases.composeAndBuild(body, path: path)
            }
            guard let model = built.deck else { throw YAMLPeers.Unavailable(description: "no deck was built") }
            _ = time("lint") { DeckLoadPhases.sorted(built.diagnostics + DeckLoadPhases.lint(model)) }
            time("free") { built.deck = nil }
        }
        let steps = ["read", "text checks", "events → model", "lint", "free"]
        let medians = steps.map { BenchSupport.median(samples[$0] ?? [0]) }
        let total = medians.reduce(0, +)
        var out = "  in-process steps of one load (median of \(runs), \(BenchSupport.format(total, 3)) s in all):\n"
        for (step, seconds) in zip(steps, medians) {
            out += "    " + step.padding(toLength: 16, withPad: " ", startingAt: 0)
            out +=
                BenchSupport.format(seconds, 3) + " s  " + BenchSupport.format(100 * seconds / max(total, 1e-9), 0)
                + "%\n"
        }
        out += try cacheSteps(path, total: total)
        return (out, total)
    }

    /// What the cache of parsed decks costs for the same deck: encoding the loaded model and
    /// its findings (done on a cold load) and decoding them (all a warm load does instead of
    /// the steps above, besides reading and hashing the file).
    private func cacheSteps(_ path: String, total: Double) throws -> String {
        let loaded = DeckLoader.load(fileAt: path, cache: nil)
        var encodeTimes: [Double] = []
        var decodeTimes: [Double] = []
        var payload: [UInt8] = []
        for _ in 0..<runs {
            var started = ContinuousClock.now
            payload = DeckLoadPhases.cacheEncode(deck: loaded.deck, diagnostics: loaded.diagnostics)
            encodeTimes.append(BenchSupport.seconds(ContinuousClock.now - started))
            started = ContinuousClock.now
            let decoded = DeckLoadPhases.cacheDecode(payload)
            decodeTimes.append(BenchSupport.seconds(ContinuousClock.now - started))
            guard decoded?.deck?.items.count == loaded.deck?.items.count else {
                throw YAMLPeers.Unavailable(description: "the cache did not give the deck back")
            }
        }
        let decode = BenchSupport.median(decodeTimes)
        var out = "  deck cache, same deck (median of \(runs); \(payload.count / 1024) KiB payload):\n"
        out += "    encode          " + BenchSupport.format(BenchSupport.median(encodeTimes), 3) + " s\n"
        out += "    decode          " + BenchSupport.format(decode, 3) + " s  "
        out += BenchSupport.format(total / max(decode, 1e-9), 1) + "× faster than the load above\n"
        return out
    }

    static func lecternBinary() -> URL {
        if let given = ProcessInfo.processInfo.environment["LECTERN_BENCH_BINARY"], !given.isEmpty {
            return URL(fileURLWithPath: given)
        }
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent("lectern")
    }

    private func row(_ name: String, _ value: Double, _ unit: String) -> String {
        "  " + name.padding(toLength: 52, withPad: " ", startingAt: 0) + BenchSupport.format(value, 3) + " " + unit
            + "\n"
    }

    private func target(_ name: String, _ value: Double?, _ limit: Double, below: Bool) -> String {
        let label = "  " + name.padding(toLength: 40, withPad: " ", startingAt: 0)
        guard let value else { return label + "—  not measured\n" }
        let met = below ? value <= limit : value >= limit
        return label + BenchSupport.format(value, 2) + "×  " + (met ? "PASS" : "MISS") + "\n"
    }
}

/// Runs a program to its end and reports its wall time, CPU time and peak resident size
/// (from `wait4`), its output going to files so that pipes never block it.
struct Spawner {
    struct Run {
        var wall: Double
        var cpu: Double
        var maxRSSMiB: Double
    }

    let folder: URL
    let home: URL

    func run(_ path: String, _ arguments: [String], environment extra: [String] = [], allowing: Set<Int32> = [0])
        throws -> Run
    {
        #if canImport(Glibc)
            var actions = posix_spawn_file_actions_t()
        #else
            var actions: posix_spawn_file_actions_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let errFile = folder.appendingPathComponent("spawn-stderr.txt").path
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        // A home of its own, so no run reads or writes the user's files.
        let environment =
            [
                "HOME=\(home.path)", "XDG_DATA_HOME=\(home.path)/data", "XDG_STATE_HOME=\(home.path)/state",
                "XDG_CACHE_HOME=\(home.path)/cache", "PATH=/usr/local/bin:/usr/bin:/bin", "TERM=dumb", "LANG=C.UTF-8",
            ]
            + extra
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let started = ContinuousClock.now
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard spawned == 0 else { throw YAMLPeers.Unavailable(description: "cannot start \(path): error \(spawned)") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let wall = BenchSupport.seconds(ContinuousClock.now - started)
        let code = (status >> 8) & 0xff
        guard status & 0x7f == 0, allowing.contains(code) else {
            let errors = (try? String(contentsOfFile: errFile, encoding: .utf8)) ?? ""
            throw YAMLPeers.Unavailable(
                description: "\(path) \(arguments.first ?? "") exited \(code): \(errors.prefix(300))")
        }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return Run(
            wall: wall, cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime),
            maxRSSMiB: Double(usage.ru_maxrss) / 1024)
    }
}
