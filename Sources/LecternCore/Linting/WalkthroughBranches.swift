/// Which steps of a walkthrough only some learners see, and whether those branches carry
/// their own content or only repeat the feedback as a true/false.
///
/// The main line is the path of a learner who picks the right option at every choice. A
/// branch step is any reachable step off that line. A walkthrough *really* branches when some
/// branch step is more than a remedial true/false; its branch depth is the longest run of
/// branch steps one learner can see in a row.
public struct WalkthroughBranches: Sendable {
    /// Ids of the steps on the main line, in order.
    public var mainLine: [String]
    /// Ids of reachable steps off the main line, in list order.
    public var branchSteps: [String]
    /// Whether some branch step is not a true/false.
    public var reallyBranches: Bool
    /// The most branch steps one path passes through in a row.
    public var branchDepth: Int

    public init(_ walkthrough: Walkthrough) {
        let steps = walkthrough.steps
        var index: [String: Int] = [:]
        for (position, step) in steps.enumerated() where index[step.id] == nil { index[step.id] = position }
        func following(_ position: Int) -> Int? {
            let step = steps[position]
            if let next = step.next { return index[next] }
            return position + 1 < steps.count ? position + 1 : nil
        }
        func successors(_ position: Int) -> [Int] {
            let fallback = following(position)
            let options = steps[position].options
            guard case .choice = steps[position].body, options.contains(where: { $0.next != nil }) else {
                return fallback.map { [$0] } ?? []
            }
            return options.compactMap { option in option.next.map { index[$0] } ?? fallback }
        }
        func mainSuccessor(_ position: Int) -> Int? {
            if case .choice(let options) = steps[position].body, let right = options.first(where: \.isCorrect),
                let next = right.next
            {
                return index[next]
            }
            return following(position)
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
        // Longest run of branch steps: memoised over the (acyclic, linted) step graph.
        var depth: [Int: Int] = [:]
        func run(_ position: Int, _ guardSet: Set<Int>) -> Int {
            if let known = depth[position] { return known }
            guard !onMain.contains(position), !guardSet.contains(position) else { return 0 }
            let longest = successors(position).map { run($0, guardSet.union([position])) }.max() ?? 0
            depth[position] = 1 + longest
            return 1 + longest
        }
        self.mainLine = main.map { steps[$0].id }
        self.branchSteps = branch.map { steps[$0].id }
        self.reallyBranches = branch.contains { steps[$0].kind != .truefalse }
        self.branchDepth = branch.map { run($0, []) }.max() ?? 0
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
