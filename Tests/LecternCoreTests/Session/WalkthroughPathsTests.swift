import Testing

@testable import LecternCore

/// The walkthrough's paths, worked out without recursion: longest paths on chains, diamonds
/// and (in decks lint refuses) cycles, all finite and linear in the steps.
@Suite("Walkthrough paths")
struct WalkthroughPathsTests {
    static let here = SourceLocation(file: "t.yaml", line: 1, column: 1)

    static func plain(_ id: String, next: String? = nil) -> Item {
        Item(id: id, prompt: id, body: .truefalse(answer: true), next: next, location: here)
    }

    static func branch(_ id: String, to targets: [String]) -> Item {
        let options = targets.enumerated().map { Option(text: $1, isCorrect: $0 == 0, next: $1, location: here) }
        return Item(id: id, prompt: id, body: .choice(options), location: here)
    }

    @Test func aLongChainHasItsLengthFromEveryStep() {
        let steps = (1...10_000).map { Self.plain("s\($0)") }
        let paths = WalkthroughPaths(Walkthrough(scenario: "", steps: steps))
        #expect(paths.longest.first == 10_000)
        #expect(paths.longest.last == 1)
    }

    @Test func aLadderOfBranchesCountsItsLongestPathOnce() {
        let count = 60
        var steps = (1...count - 1).map { Self.branch("s\($0)", to: ["s\($0 + 1)", "s\(min($0 + 2, count))"]) }
        steps.append(Self.plain("s\(count)"))
        let paths = WalkthroughPaths(Walkthrough(scenario: "", steps: steps))
        #expect(paths.longest[0] == count)
        #expect(paths.successors[0] == [1, 2])
    }

    @Test func aCycleIsCutWhereItClosesSoCountsStayFinite() {
        let steps = [Self.plain("a"), Self.plain("b", next: "a"), Self.plain("c")]
        let paths = WalkthroughPaths(Walkthrough(scenario: "", steps: steps))
        #expect(paths.longest == [2, 1, 1])
    }

    /// The right answer jumps to the end; the wrong one walks a branch of 3,998 steps.
    @Test func aLongBranchIsMeasuredWithoutRecursion() {
        let count = 4000
        var steps = [Self.branch("s1", to: ["s\(count)", "s2"])]
        steps += (2...count).map { Self.plain("s\($0)") }
        let branches = WalkthroughBranches(Walkthrough(scenario: "", steps: steps))
        #expect(branches.mainLine == ["s1", "s\(count)"])
        #expect(branches.branchDepth == count - 2)
        #expect(branches.reallyBranches == false)
    }
}
