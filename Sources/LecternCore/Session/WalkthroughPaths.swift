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
        let index = walkthrough.stepIndex
        self.index = index
        let successors = walkthrough.steps.indices.map { position in
            // Distinct targets in step order: two options leading to one step are one path.
            Array(Set(walkthrough.exits(from: position).compactMap { walkthrough.position(of: $0.next, index: index) }))
                .sorted()
        }
        self.successors = successors
        self.longest = Self.longestPaths(successors)
    }

    /// The step after `position` (``Walkthrough/next(after:chosen:)``); nil at the end, or for
    /// a `next` naming no step (a lint error).
    static func following(_ position: Int, chosen option: Option?, in walkthrough: Walkthrough, index: [String: Int])
        -> Int?
    {
        walkthrough.position(of: walkthrough.next(after: position, chosen: option), index: index)
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
