/// The step graph of a walkthrough, checked for unknown targets, unreachable steps and cycles.
///
/// Flow follows ``Walkthrough/next(after:chosen:)``: an option's `next` applies when it is
/// chosen, else the step's own `next`, else the following step.
struct WalkthroughFlow {
    struct Edge {
        var target: Int
        /// Where the branch was written; nil when it is the implicit "following step".
        var location: SourceLocation?
    }

    let walkthrough: Walkthrough
    let id: String
    private let index: [String: Int]

    init(_ walkthrough: Walkthrough, id: String) {
        self.walkthrough = walkthrough
        self.id = id
        self.index = walkthrough.stepIndex
    }

    func findings() -> [Diagnostic] {
        var findings = unknownTargets()
        guard !walkthrough.steps.isEmpty else { return findings }
        let edges = walkthrough.steps.indices.map(self.edges(from:))
        var reached = Set([0])
        var queue = [0]
        while let step = queue.popLast() {
            for edge in edges[step] where reached.insert(edge.target).inserted { queue.append(edge.target) }
        }
        for (position, step) in walkthrough.steps.enumerated() where !reached.contains(position) {
            findings.append(
                .error(
                    "step-unreachable", at: step.location,
                    "step '\(step.id)' of walkthrough '\(id)' can never be reached; point a 'next' at it or remove it"))
        }
        findings += cycles(edges)
        return findings
    }

    private func unknownTargets() -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let known = walkthrough.steps.map(\.id).joined(separator: ", ")
        func check(_ target: String?, at location: SourceLocation) {
            guard let target, index[target] == nil else { return }
            let hint =
                Suggestion.closest(to: target, among: walkthrough.steps.map(\.id))
                .map { "did you mean '\($0)'?" } ?? "steps are: \(known)"
            findings.append(
                .error(
                    "next-unknown", at: location, "next: '\(target)' names no step of walkthrough '\(id)'; \(hint)"))
        }
        for step in walkthrough.steps {
            check(step.next, at: step.nextLocation ?? step.location(of: "next"))
            for option in step.options { check(option.next, at: option.nextLocation ?? option.location) }
        }
        return findings
    }

    /// The ways out of a step (``Walkthrough/exits(from:)``), each with where it was written.
    private func edges(from position: Int) -> [Edge] {
        let step = walkthrough.steps[position]
        return walkthrough.exits(from: position).compactMap { exit in
            guard let target = walkthrough.position(of: exit.next, index: index) else { return nil }
            switch exit.next {
            case .named(_, onOption: true):
                return Edge(target: target, location: exit.option.map { $0.nextLocation ?? $0.location })
            case .named(_, onOption: false):
                return Edge(target: target, location: step.nextLocation ?? step.location(of: "next"))
            case .following, .end:
                return Edge(target: target, location: nil)
            }
        }
    }

    /// One finding per edge that closes a loop, found by a depth-first walk with an explicit stack.
    private func cycles(_ edges: [[Edge]]) -> [Diagnostic] {
        enum Mark { case unvisited, onPath, done }
        var marks = Array(repeating: Mark.unvisited, count: edges.count)
        var findings: [Diagnostic] = []
        for start in edges.indices where marks[start] == .unvisited {
            var path: [(step: Int, nextEdge: Int)] = [(start, 0)]
            marks[start] = .onPath
            while let (step, nextEdge) = path.last {
                guard nextEdge < edges[step].count else {
                    marks[step] = .done
                    path.removeLast()
                    continue
                }
                path[path.count - 1].nextEdge += 1
                let edge = edges[step][nextEdge]
                switch marks[edge.target] {
                case .unvisited:
                    marks[edge.target] = .onPath
                    path.append((edge.target, 0))
                case .onPath:
                    let loopStart = path.firstIndex { $0.step == edge.target } ?? 0
                    let names =
                        path[loopStart...].map { walkthrough.steps[$0.step].id } + [walkthrough.steps[edge.target].id]
                    findings.append(
                        .error(
                            "walkthrough-cycle", at: edge.location ?? walkthrough.steps[step].location,
                            "walkthrough '\(id)' loops: \(names.joined(separator: " → ")); every path must reach an end"
                        ))
                case .done:
                    break
                }
            }
        }
        return findings
    }
}
