/// The paths through one walkthrough, worked out once when it is shown: where each step
/// leads, and how many steps the longest path from each step still has.
///
/// Everything here is a loop over the steps with an explicit stack, never a recursion, so a
/// deck of thousands of steps cannot overflow the stack; and the longest path is dynamic
/// programming over a topological order (each step is finished once), so branches that meet
/// again ("diamonds") cost linear time instead of one walk per path.
struct WalkthroughPaths: Sendable {
    /// Position of each step id (the first step with that id; the linter reports duplicates).
    let index: [String: Int]
    /// The steps each step can lead to, by position; empty where the walkthrough ends.
    let successors: [[Int]]
    /// Steps on the longest path from each step to an end, counting the step itself.
    let longest: [Int]

    init(_ walkthrough: Walkthrough) {
        var index: [String: Int] = [:]
        for (position, step) in walkthrough.steps.enumerated() where index[step.id] == nil {
            index[step.id] = position
        }
        self.index = index
        let successors = walkthrough.steps.indices.map { Self.successors(of: $0, in: walkthrough, index: index) }
        self.successors = successors
        self.longest = Self.longestPaths(successors)
    }

    /// The step after `position`: the chosen option's `next`, else the step's own `next`,
    /// else the following step; nil at the end, or for a `next` naming no step (a lint error).
    static func following(_ position: Int, chosen option: Option?, in walkthrough: Walkthrough, index: [String: Int])
        -> Int?
    {
        let step = walkthrough.steps[position]
        if let target = option?.next ?? step.next { return index[target] }
        return position + 1 < walkthrough.steps.count ? position + 1 : nil
    }

    private static func successors(of position: Int, in walkthrough: Walkthrough, index: [String: Int]) -> [Int] {
        let step = walkthrough.steps[position]
        let branches = step.kind == .choice ? step.options.filter { $0.next != nil } : []
        guard !branches.isEmpty else {
            return following(position, chosen: nil, in: walkthrough, index: index).map { [$0] } ?? []
        }
        var targets = step.options.compactMap { following(position, chosen: $0, in: walkthrough, index: index) }
        targets = Array(Set(targets)).sorted()
        return targets
    }

    /// Longest path lengths by a depth-first walk with an explicit stack: a step's length is
    /// set once all its successors have theirs (post-order is a reverse topological order).
    /// An edge back onto the walk's own path (a cycle, which the linter forbids) is ignored,
    /// so a broken deck still gets finite counts.
    static func longestPaths(_ successors: [[Int]]) -> [Int] {
        enum Mark { case unvisited, onPath, done }
        var marks = Array(repeating: Mark.unvisited, count: successors.count)
        var longest = Array(repeating: 1, count: successors.count)
        for start in successors.indices where marks[start] == .unvisited {
            var stack: [(step: Int, next: Int)] = [(start, 0)]
            marks[start] = .onPath
            while let (step, next) = stack.last {
                if next < successors[step].count {
                    stack[stack.count - 1].next += 1
                    let target = successors[step][next]
                    if marks[target] == .unvisited {
                        marks[target] = .onPath
                        stack.append((target, 0))
                    }
                    continue
                }
                var best = 0
                for target in successors[step] where marks[target] == .done { best = max(best, longest[target]) }
                longest[step] = 1 + best
                marks[step] = .done
                stack.removeLast()
            }
        }
        return longest
    }
}
