import Foundation
import Testing

/// Walkthroughs cost time linear in their steps everywhere, through the real binary: a long
/// chain and a ladder of branches that meet again lint and play through at once, and the
/// step counter is right on every path.
@Suite("Walkthroughs at scale")
struct WalkthroughScaleTests {
    /// A deck `w.yaml` holding one walkthrough whose steps are given as YAML lines.
    static func deck(steps: [String]) -> String {
        """
        lectern: 1
        id: w
        title: Walkthrough deck
        source:
          title: Notes
          passages:
            1: The only paragraph.
        items:
          - id: walk
            type: walkthrough
            skill: apply
            source: [1]
            explain: Paragraph 1.
            prompt: Go step by step.
            scenario: A long road.
            steps:

        """ + steps.joined(separator: "\n") + "\n"
    }

    /// A true/false step; `next` when given.
    static func plainStep(_ id: String, next: String? = nil) -> String {
        var lines = [
            "      - id: \(id)", "        type: truefalse", "        prompt: Go on from \(id)?", "        answer: true",
        ]
        if let next { lines.append("        next: \(next)") }
        return lines.joined(separator: "\n")
    }

    /// A choice step whose options lead to `targets` in order (a is right).
    static func branchStep(_ id: String, to targets: [String]) -> String {
        var lines = [
            "      - id: \(id)", "        type: choice", "        prompt: Which way from \(id)?", "        options:",
        ]
        for (index, target) in targets.enumerated() {
            lines += [
                "          - text: Towards \(target)", "            correct: \(index == 0)",
                "            next: \(target)",
            ]
        }
        return lines.joined(separator: "\n")
    }

    /// Two options that end the walkthrough, for a choice step written by `branchStep(_, to: [])`.
    static let endOptions = """

                  - text: Stop here
                    correct: true
                  - text: Stop there
                    correct: false
        """

    /// Writes the deck into a fresh folder and returns (home, decks folder).
    static func setUp(_ text: String) throws -> (URL, String) {
        let home = try LecternBinary.makeHome()
        let decks = home.appendingPathComponent("decks")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        try text.write(to: decks.appendingPathComponent("w.yaml"), atomically: true, encoding: .utf8)
        return (home, decks.path)
    }

    @Test func aChainOfFourThousandStepsLintsAndDrillsThrough() throws {
        let count = 4000
        let steps = (1...count).map { Self.plainStep("s\($0)") }
        let (home, decks) = try Self.setUp(Self.deck(steps: steps))
        let lint = try LecternBinary.run(["lint", "--strict", decks], home: home)
        #expect(lint.status == 0, "\(lint.standardOutput)\(lint.standardError)")
        let input = String(repeating: "true\n\n", count: count)
        let drill = try LecternBinary.run(["drill", "w", "--decks", decks], input: input, home: home)
        #expect(drill.status == 0, "\(drill.standardError)")
        #expect(drill.standardOutput.contains("step 1 of 4000\n"))
        #expect(drill.standardOutput.contains("step 4000 of 4000\n"))
        #expect(drill.standardOutput.contains("Walkthrough: 100% over 4000 steps."))
        let exam = try LecternBinary.run(
            ["exam", "w", "--decks", decks], input: String(repeating: "true\n", count: count), home: home)
        #expect(exam.status == 0, "\(exam.standardError)")
        #expect(exam.standardOutput.contains("step 4000 of 4000\n"))
        let preview = try LecternBinary.run(["preview", "w", "--decks", decks], home: home)
        #expect(preview.status == 0)
        #expect(preview.standardOutput.contains("s4000"))
    }

    /// Step i offers i+1 and i+2: the paths number in the hundreds of millions (Fibonacci),
    /// so anything that walks every path never finishes.
    @Test func aLadderOfFortyBranchingStepsLintsAndDrillsAtOnce() throws {
        let count = 40
        // Every step is a choice, so "a" answers each; the last two lead on and end.
        var steps = (1...count - 2).map { Self.branchStep("s\($0)", to: ["s\($0 + 1)", "s\($0 + 2)"]) }
        steps.append(Self.branchStep("s\(count - 1)", to: ["s\(count)", "s\(count)"]))
        steps.append(Self.branchStep("s\(count)", to: []) + Self.endOptions)
        let (home, decks) = try Self.setUp(Self.deck(steps: steps))
        let lint = try LecternBinary.run(["lint", decks], home: home)
        #expect(lint.status == 0, "\(lint.standardOutput)")
        // Options are shuffled, so "a" takes either way; with one seed the way is fixed:
        // a first run finds how many steps it has, a second answers exactly those.
        let drill = ["drill", "w", "--decks", decks, "--seed", "3"]
        let probe = try LecternBinary.run(drill, input: String(repeating: "a\n\n", count: count), home: home)
        let taken = probe.standardOutput.split(separator: "\n").filter { $0.hasPrefix("step ") }.count
        let answers = (0..<taken).map { _ in "a\n\n" }.joined()
        let run = try LecternBinary.run(drill, input: answers, home: home)
        #expect(run.status == 0, "\(run.standardError)")
        let counters = run.standardOutput.split(separator: "\n").filter { $0.hasPrefix("step ") }
        #expect(counters.first == "step 1 of 40")
        #expect(counters.last == "step \(counters.count) of \(counters.count)")
        #expect(run.standardOutput.contains("Session over"))
        let preview = try LecternBinary.run(["preview", "w", "--decks", decks], home: home)
        #expect(preview.status == 0)
    }

    /// s1 branches to s2 (the long way, 6 steps) or s4 (the short way, 4 steps): the count
    /// shrinks on the short way so the learner ends on "step 4 of 4".
    @Test func theStepCounterFollowsTheBranchTaken() throws {
        let steps = [
            Self.branchStep("s1", to: ["s2", "s4"]), Self.plainStep("s2"), Self.plainStep("s3"), Self.plainStep("s4"),
            Self.plainStep("s5"), Self.plainStep("s6"),
        ]
        let (home, decks) = try Self.setUp(Self.deck(steps: steps))
        let drill = ["drill", "w", "--decks", decks, "--seed", "3"]
        let probe = try LecternBinary.run(drill, input: "a\n\n", home: home)
        let letter = try #require(
            probe.standardOutput.split(separator: "\n").first { $0.hasSuffix(") Towards s4") }?
                .trimmingCharacters(in: .whitespaces).first)
        let other = letter == "a" ? "b" : "a"
        let short = try LecternBinary.run(
            drill, input: "\(letter)\n\n" + String(repeating: "true\n\n", count: 3), home: home)
        #expect(short.status == 0)
        let counters = short.standardOutput.split(separator: "\n").filter { $0.hasPrefix("step ") }
        #expect(counters == ["step 1 of 6", "step 2 of 4", "step 3 of 4", "step 4 of 4"])
        let long = try LecternBinary.run(
            drill, input: "\(other)\n\n" + String(repeating: "true\n\n", count: 5), home: home)
        #expect(long.status == 0)
        let longCounters = long.standardOutput.split(separator: "\n").filter { $0.hasPrefix("step ") }
        #expect(longCounters == (1...6).map { "step \($0) of 6" })
    }
}
