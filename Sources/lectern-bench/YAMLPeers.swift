import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The parsers our loader is compared with: a bare libyaml event scan in C and PyYAML's C loader.
///
/// The C scanner is compiled at run time into the benchmark's temporary folder, so `make bench`
/// needs only a C compiler and libyaml's header, which the set-up script installs.
struct YAMLPeers {
    /// Why a peer could not be measured, said so that the reader knows what to install.
    struct Unavailable: Error, CustomStringConvertible {
        var description: String
    }

    let folder: URL
    let packageRoot: URL

    /// Counts libyaml's events for the file named by the first argument; nothing else.
    static let scannerSource = """
        #include <stdio.h>
        #include <yaml.h>

        int main(int argc, char **argv) {
            if (argc < 2) return 2;
            FILE *file = fopen(argv[1], "rb");
            if (!file) { perror(argv[1]); return 2; }
            yaml_parser_t parser;
            yaml_event_t event;
            if (!yaml_parser_initialize(&parser)) return 3;
            yaml_parser_set_input_file(&parser, file);
            long events = 0;
            for (;;) {
                if (!yaml_parser_parse(&parser, &event)) {
                    fprintf(stderr, "line %lu: %s\\n", (unsigned long)parser.problem_mark.line + 1,
                            parser.problem ? parser.problem : "error");
                    return 1;
                }
                int done = event.type == YAML_STREAM_END_EVENT;
                yaml_event_delete(&event);
                events++;
                if (done) break;
            }
            yaml_parser_delete(&parser);
            fclose(file);
            printf("%ld\\n", events);
            return 0;
        }
        """

    static let emptySource = "int main(void) { return 0; }\n"

    /// Loads the file `runs` times with the C loader, printing each load's seconds on a line.
    static let pythonScript = """
        import sys, time, yaml
        path, runs = sys.argv[1], int(sys.argv[2])
        for _ in range(runs):
            started = time.perf_counter()
            with open(path, "rb") as stream:
                document = yaml.load(stream, Loader=yaml.CSafeLoader)
            print(time.perf_counter() - started, len(document["items"]), flush=True)
        """

    // MARK: - C

    /// Compiles the scanner and the empty program; throws naming what is missing.
    func compileC() throws -> (scanner: URL, empty: URL) {
        guard let cc = Self.executable(named: "cc") else {
            throw Unavailable(description: "no C compiler 'cc' on PATH (install gcc or clang)")
        }
        let scanner = try compile(
            Self.scannerSource, named: "yaml-event-scan", compiler: cc, libraries: ["-lyaml"])
        let empty = try compile(
            Self.emptySource, named: "empty-program", compiler: cc, libraries: [])
        return (scanner, empty)
    }

    private func compile(_ source: String, named name: String, compiler: URL, libraries: [String])
        throws -> URL
    {
        let sourceFile = folder.appendingPathComponent("\(name).c")
        let binary = folder.appendingPathComponent(name)
        try source.write(to: sourceFile, atomically: true, encoding: .utf8)
        let result = try Self.run(
            compiler, ["-O2", sourceFile.path, "-o", binary.path] + libraries)
        guard result.status == 0 else {
            let missingHeader = result.errors.contains("yaml.h")
            throw Unavailable(
                description: missingHeader
                    ? "yaml.h not found: install libyaml-dev (scripts/setup.sh does)"
                    : "cc could not build \(name).c: \(result.errors.prefix(400))")
        }
        return binary
    }

    /// Wall-clock seconds of one run of `binary` on `arguments`, process start-up included.
    ///
    /// Spawned with `posix_spawn` and reaped with `waitpid`, outputs going to files: Foundation's
    /// `Process` notices an exit only some tens of milliseconds late, which would swamp a
    /// start-up of a millisecond or two.
    func timeProcess(_ binary: URL, _ arguments: [String]) throws -> (
        seconds: Double, output: String
    ) {
        let outFile = folder.appendingPathComponent("process-stdout.txt").path
        let errFile = folder.appendingPathComponent("process-stderr.txt").path
        #if canImport(Glibc)
            var actions = posix_spawn_file_actions_t()
        #else
            var actions: posix_spawn_file_actions_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([binary.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        var status: Int32 = 0
        let started = ContinuousClock.now
        let spawned = posix_spawn(&pid, binary.path, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw Unavailable(description: "cannot start \(binary.path): error \(spawned)")
        }
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let seconds = BenchSupport.seconds(ContinuousClock.now - started)
        let output = (try? String(contentsOfFile: outFile, encoding: .utf8)) ?? ""
        // Exited normally (low seven bits clear) with code 0 (the next eight bits).
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            let errors = (try? String(contentsOfFile: errFile, encoding: .utf8)) ?? ""
            throw Unavailable(
                description: "\(binary.lastPathComponent) failed: \(errors.prefix(400))")
        }
        return (seconds, output)
    }

    // MARK: - Python

    /// The interpreter to use: the package's virtual environment when it has PyYAML with its
    /// C loader, else `python3` on PATH; nil when neither has it.
    func pythonWithCLoader() -> (python: URL, note: String)? {
        var candidates: [(URL, String)] = []
        let venv = packageRoot.appendingPathComponent(".venv/bin/python")
        if FileManager.default.isExecutableFile(atPath: venv.path) {
            candidates.append((venv, ".venv/bin/python"))
        }
        if let python3 = Self.executable(named: "python3") {
            candidates.append((python3, python3.path))
        }
        for (python, name) in candidates {
            if let result = try? Self.run(
                python, ["-c", "import yaml; yaml.CSafeLoader; print(yaml.__version__)"]),
                result.status == 0
            {
                let version = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
                return (python, "\(name), PyYAML \(version)")
            }
        }
        return nil
    }

    /// Seconds of each PyYAML load as Python measured them, so interpreter start-up is excluded.
    func timePyYAML(_ python: URL, file: URL, runs: Int, items: Int) throws -> [Double] {
        let script = folder.appendingPathComponent("pyyaml-load.py")
        try Self.pythonScript.write(to: script, atomically: true, encoding: .utf8)
        let result = try Self.run(python, [script.path, file.path, String(runs)])
        guard result.status == 0 else {
            throw Unavailable(description: "PyYAML failed: \(result.errors.suffix(400))")
        }
        let times = result.output.split(separator: "\n").compactMap { line -> Double? in
            let fields = line.split(separator: " ")
            guard fields.count == 2, Int(fields[1]) == items else { return nil }
            return Double(fields[0])
        }
        guard times.count == runs else {
            throw Unavailable(
                description: "PyYAML printed something unexpected: \(result.output.prefix(200))")
        }
        return times
    }

    // MARK: - Processes

    static func executable(named name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    private static func run(_ executable: URL, _ arguments: [String]) throws -> (
        status: Int32, output: String, errors: String
    ) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Outputs are a few lines, well under a pipe's buffer, so reading one pipe to its end
        // before the other cannot leave the child blocked.
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errData, as: UTF8.self)
        )
    }
}
