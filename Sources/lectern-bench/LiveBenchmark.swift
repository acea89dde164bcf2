import Foundation
import LecternClass
import LecternCore
import LecternLive
import LecternStore

/// A live class on loopback: a host in a child process (so its CPU time and memory are its
/// own), 500 protocol clients here that join and answer 10 questions.
///
/// Reveal fan-out is measured from the moment the host's class produced the reveal, before
/// any of its frames was queued (`HostEvent.revealStarted`), to each client having received
/// its reveal frame (its decoding is the client's own work); both processes read the same
/// wall clock.
struct LiveBenchmark {
    var students = 500
    var questions = 10

    /// The child side: `lectern-bench live-host DECKS DB`, driven by lines on standard input.
    static func hostMain(_ arguments: [String]) -> Never {
        guard arguments.count == 2, let deck = DeckLibrary.load(directories: [arguments[0]]).usableDecks.first,
            let store = try? ProgressStore(path: arguments[1])
        else {
            FileHandle.standardError.write(Data("live-host: DECKS DB expected\n".utf8))
            exit(2)
        }
        let live = LiveClass(
            deck: deck, configuration: ClassConfiguration(timeLimit: 600, maxStudents: 10_000),
            random: SystemRandomNumberGenerator())
        var limits = HostLimits()
        limits.spareConnections = 10_000
        let server = LiveServer(
            host: LiveHost(live: live, store: store, limits: limits), bind: "127.0.0.1", port: 0,
            tickInterval: .milliseconds(50))
        let ready = DispatchSemaphore(value: 0)
        Task.detached {
            let port = (try? await server.start()) ?? 0
            let code = await server.host.code
            say("ready \(port) \(code)")
            ready.signal()
            for await event in server.host.eventStream {
                if case .revealStarted(let question, let at) = event {
                    say("revealed \(question) \(at.timeIntervalSince1970)")
                }
            }
        }
        ready.wait()
        while let line = readLine() {
            let command: TeacherCommand? = ["start": .start, "next": .next, "end": .end][line]
            guard let command else { continue }
            let done = DispatchSemaphore(value: 0)
            Task.detached {
                _ = await server.host.teacher(command)
                if command == .end { await server.stop() }
                done.signal()
            }
            done.wait()
            if command == .end { break }
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let cpu =
            Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        say("stats \(cpu) \(BenchSupport.peakMemoryMiB()) \(server.host.recorder?.written ?? 0)")
        exit(0)
    }

    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    func run() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lectern-bench-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try deckYAML().write(to: folder.appendingPathComponent("bench-live.yaml"), atomically: true, encoding: .utf8)
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        child.arguments = ["live-host", folder.path, folder.appendingPathComponent("progress.sqlite").path]
        let toChild = Pipe(), fromChild = Pipe()
        child.standardInput = toChild
        child.standardOutput = fromChild
        try child.run()
        let lines = LineReader(fromChild.fileHandleForReading)
        let ready = lines.next()?.split(separator: " ") ?? []
        guard ready.count == 3, ready[0] == "ready", let port = Int(ready[1]) else {
            throw BenchFailure("the host did not start: \(ready)")
        }
        let code = String(ready[2])
        let writer = toChild.fileHandleForWriting
        let tell: @Sendable (String) -> Void = { command in writer.write(Data((command + "\n").utf8)) }
        let outcome = Self.blocking {
            try await ClassCrowd(students: students, questions: questions).run(
                address: "127.0.0.1:\(port)", code: code, tell: tell, lines: lines)
        }
        let crowd = try outcome.get()
        tell("end")
        let stats = lines.next()?.split(separator: " ").compactMap { Double($0) } ?? []
        child.waitUntilExit()
        guard stats.count == 3 else { throw BenchFailure("the host sent no statistics") }
        let expected = students * questions
        let lost = expected - Int(stats[2])
        let p50 = percentile(crowd.fanOut, 0.50) * 1000, p99 = percentile(crowd.fanOut, 0.99) * 1000
        var out = "Live class: \(students) protocol clients on loopback, \(questions) questions\n"
        out += "  all joined in            \(BenchSupport.format(crowd.joinSeconds, 2)) s\n"
        out += "  answers accepted         \(crowd.accepted) of \(expected), "
        out += "\(Int((Double(crowd.accepted) / crowd.answerSeconds).rounded())) answers/s\n"
        out += "  reveal fan-out           p50 \(BenchSupport.format(p50, 1)) ms, p99 \(BenchSupport.format(p99, 1)) ms"
        out += "  (target p99 ≤ 50 ms: \(p99 <= 50 ? "met" : "MISSED"))\n"
        out += "  host CPU time            \(BenchSupport.format(stats[0], 2)) s\n"
        out += "  host peak memory         \(BenchSupport.format(stats[1], 1)) MiB"
        out += "  (target ≤ 100 MiB: \(stats[1] <= 100 ? "met" : "MISSED"))\n"
        out +=
            "  answers stored           \(Int(stats[2])), lost \(lost)  (target 0: \(lost == 0 ? "met" : "MISSED"))\n\n"
        return out
    }

    private func percentile(_ values: [Double], _ share: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * share).rounded(.up)) - 1)]
    }

    private func deckYAML() -> String {
        var yaml = """
            lectern: 1
            id: bench-live
            title: Live bench
            summary: Ten choice questions for the live-class benchmark.
            source:
              title: Bench notes
              file: notes.txt
              passages:
                1: The platform keeps the followers.
            items:

            """
        for index in 0..<questions {
            yaml += """
                  - id: q\(index)
                    type: choice
                    skill: recall
                    source: [1]
                    prompt: Question number \(index)?
                    options:
                      - text: Right \(index)
                        correct: true
                      - text: Wrong \(index)
                        feedback: Not this one.
                    explain: Because of the notes.

                """
        }
        return yaml
    }

    static func blocking<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) -> Result<T, any Error> {
        let box = Box<Result<T, any Error>>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { box.value = .success(try await work()) } catch { box.value = .failure(error) }
            done.signal()
        }
        done.wait()
        // The task sets the value before it signals, so it is there once the wait returns.
        guard let value = box.value else { preconditionFailure("the task signalled without a value") }
        return value
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

private final class Box<T>: @unchecked Sendable {
    var value: T?
}

/// Lines from the child, read one at a time (blocking).
final class LineReader: @unchecked Sendable {
    private let handle: FileHandle
    private var buffer = Data()

    init(_ handle: FileHandle) { self.handle = handle }

    func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                return line
            }
            let chunk = handle.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }
}

/// What the crowd of clients measured.
struct CrowdResult: Sendable {
    var joinSeconds: Double
    var answerSeconds: Double
    var accepted: Int
    /// Seconds from the host's reveal to each client having it.
    var fanOut: [Double]
}

/// The clients' side of the benchmark: each client answers every question as it comes;
/// the coordinator paces the host and collects the figures.
struct ClassCrowd {
    var students: Int
    var questions: Int

    actor Tally {
        var joined = 0
        var accepted = 0
        var revealTimes: [Int: [Double]] = [:]

        func join() { joined += 1 }
        func accept() { accepted += 1 }
        func reveal(_ question: Int, at time: Double) { revealTimes[question, default: []].append(time) }
        func revealed(_ question: Int) -> Int { revealTimes[question]?.count ?? 0 }
    }

    func run(address: String, code: String, tell: @escaping @Sendable (String) -> Void, lines: LineReader)
        async throws -> CrowdResult
    {
        let tally = Tally()
        let started = ContinuousClock.now
        let clients = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<students {
                    group.addTask { try await Self.client(index, address: address, code: code, tally: tally) }
                }
                try await group.waitForAll()
            }
        }
        while await tally.joined < students { try await Task.sleep(for: .milliseconds(2)) }
        let joinSeconds = BenchSupport.seconds(ContinuousClock.now - started)
        var answerSeconds = 0.0
        var fanOut: [Double] = []
        for question in 0..<questions {
            let opened = ContinuousClock.now
            tell(question == 0 ? "start" : "next")
            let line = await Self.readLine(lines)
            answerSeconds += BenchSupport.seconds(ContinuousClock.now - opened)
            let parts = line?.split(separator: " ") ?? []
            guard parts.count == 3, parts[0] == "revealed", let at = Double(parts[2]) else {
                throw BenchFailure("expected a reveal from the host, got \(line ?? "nothing")")
            }
            while await tally.revealed(question) < students { try await Task.sleep(for: .milliseconds(2)) }
            fanOut += (await tally.revealTimes[question] ?? []).map { max(0, $0 - at) }
        }
        clients.cancel()
        return CrowdResult(
            joinSeconds: joinSeconds, answerSeconds: answerSeconds, accepted: await tally.accepted, fanOut: fanOut)
    }

    /// Reads the child's next line off the cooperative threads (the read blocks).
    static func readLine(_ lines: LineReader) async -> String? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: lines.next()) }
        }
    }

    static func client(_ index: Int, address: String, code: String, tally: Tally) async throws {
        let connection = try await LiveConnection.connect(to: address)
        connection.send(.join(code: code, name: "student \(index)", token: nil))
        for await frame in connection.frames {
            // A frame has reached its client when it arrives; decoding it is the client's
            // own work (on its own device in a classroom, not the host's fan-out).
            let arrived = Date().timeIntervalSince1970
            guard let message = try? JSONDecoder().decode(ServerMessage.self, from: Data(frame.utf8)) else { continue }
            switch message {
            case .welcome: await tally.join()
            case .question(let question): connection.send(.answer(question: question.question, answer: "a"))
            case .accepted: await tally.accept()
            case .reveal(let reveal): await tally.reveal(reveal.question, at: arrived)
            case .end: return
            default: break
            }
        }
    }
}
