/// Which steps of a walkthrough only some learners see, and whether those branches carry
/// their own content or only repeat the feedback as a true/false.
///
/// The main line is the path of a learner who picks the right option at every choice. A
/// branch step is any reachable step off that line. A walkthrough *really* branches when some
/// branch step is more than a remedial true/false; its branch depth is the longest run of
/// branch steps one learner can see in a row.
package struct WalkthroughBranches: Sendable {
    /// Ids of the steps on the main line, in order.
    package var mainLine: [String]
    /// Ids of reachable steps off the main line, in list order.
    package var branchSteps: [String]
    /// Whether some branch step is not a true/false.
    package var reallyBranches: Bool
    /// The most branch steps one path passes through in a row.
    package var branchDepth: Int

    package init(_ walkthrough: Walkthrough) {
        let steps = walkthrough.steps
        let index = walkthrough.stepIndex
        func successors(_ position: Int) -> [Int] {
            walkthrough.exits(from: position).compactMap { walkthrough.position(of: $0.next, index: index) }
        }
        /// The main line follows the right option (the first one marked correct) at a choice.
        func mainSuccessor(_ position: Int) -> Int? {
            var right: Option?
            if case .choice(let options) = steps[position].body { right = options.first(where: \.isCorrect) }
            return walkthrough.position(of: walkthrough.next(after: position, chosen: right), index: index)
        }
        var main: [Int] = []
        var seen = Set<Int>()
        var cursor: Int? = steps.isEmpty ? nil : 0
        while let position = cursor, seen.insert(position).inserted {
            main.append(position)
            cursor = mainSuccessor(position)
        }
        var reached = Set<Int>()
        var queue = steps.isEmpty ? [] : [0]
        while let position = queue.popLast() {
            guard reached.insert(position).inserted else { continue }
            queue += successors(position)
        }
        let onMain = Set(main)
        let branch = reached.subtracting(onMain).sorted()
        // Longest run of branch steps: the longest path in the graph of branch steps alone,
        // by the same stack-based dynamic programming as the session's step counter (no
        // recursion, each step finished once, a cycle cut where it closes).
        let branchGraph = steps.indices.map { position in
            onMain.contains(position) ? [] : successors(position).filter { !onMain.contains($0) }
        }
        let runs = WalkthroughPaths.longestPaths(branchGraph)
        self.mainLine = main.map { steps[$0].id }
        self.branchSteps = branch.map { steps[$0].id }
        self.reallyBranches = branch.contains { steps[$0].kind != .truefalse }
        self.branchDepth = branch.map { runs[$0] }.max() ?? 0
    }

    /// A warning when the walkthrough branches, but every branch is a lone true/false.
    static func shallowFinding(_ item: Item, _ walkthrough: Walkthrough) -> Diagnostic? {
        let branches = WalkthroughBranches(walkthrough)
        guard !branches.branchSteps.isEmpty, !branches.reallyBranches else { return nil }
        return .warning(
            "walkthrough-shallow-branch", at: item.location,
            "walkthrough '\(item.id)' branches only to true/false steps (\(branches.branchSteps.joined(separator: ", "))) that restate the feedback; give a branch its own line of analysis (another question, a count, a verdict), or drop the 'next' to keep one path"
        )
    }
}
