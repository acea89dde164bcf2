// `swift run -c release lectern-bench <suite>`: prints measured figures, their targets and the
// ratio of one to the other. Benchmarks are programs, not timed unit tests.
import Foundation

let suites: [String: () throws -> String] = [
    "decks": { try DeckBenchmark().run() },
    "process": { try ProcessBenchmark().run() },
    "store": { try StoreBenchmark().run() },
    "scheduler": { try SchedulerBenchmark().run() },
    "guards": { try GuardBenchmark().run() },
    "live": { try LiveBenchmark().run() },
]
/// With no argument every suite runs, decks first, so its peak memory is the loader's alone.
let everySuite = ["decks", "process", "store", "scheduler", "guards", "live"]
// The live suite runs its host as a child process of this program.
if CommandLine.arguments.dropFirst().first == "live-host" {
    LiveBenchmark.hostMain(Array(CommandLine.arguments.dropFirst(2)))
}

let requested = Array(CommandLine.arguments.dropFirst())
let names = requested.isEmpty ? everySuite : requested
for name in names {
    guard let suite = suites[name] else {
        let known = suites.keys.sorted().joined(separator: ", ")
        FileHandle.standardError.write(
            Data("lectern-bench: unknown suite '\(name)'; known: \(known)\n".utf8))
        exit(2)
    }
    do {
        print(try suite(), terminator: "")
    } catch {
        FileHandle.standardError.write(Data("lectern-bench: \(name): \(error)\n".utf8))
        exit(1)
    }
}
