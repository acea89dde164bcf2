/// What a set of decks trains: items per type, skill, paragraph and thread, and the
/// reasoning exercises that matter most (walkthroughs, branching, roles, confidence).
///
/// The bundled decks promise minimum figures (see `Bars.bundled`); a test and
/// `lectern deck-stats` compute them from the decks themselves, so they cannot drift.
public struct DeckCoverage: Sendable {
    /// Minimum figures a set of decks must reach.
    public struct Bars: Sendable {
        public var decks: Int
        public var items: Int
        public var perParagraph: Int
        public var paragraphs: ClosedRange<Int>
        public var perThread: Int
        public var threads: [String]
        public var perType: Int
        public var perSkill: Int
        /// Share of items whose skill is neither recall nor concept.
        public var reasoningShare: Double
        public var longWalkthroughs: Int
        public var walkthroughMinimumSteps: Int
        public var branchingWalkthroughs: Int
        /// Walkthroughs whose branches hold more than a remedial true/false (see `WalkthroughBranches`).
        public var reallyBranchingWalkthroughs: Int = 0
        /// Walkthroughs with a run of at least three steps that only some learners see.
        public var deeplyBranchingWalkthroughs: Int = 0
        public var roles: Int
        public var confidence: Int

        /// The bars of the decks that ship with Lectern.
        public static let bundled = Bars(
            decks: 7, items: 160, perParagraph: 5, paragraphs: 1...9, perThread: 4,
            threads: (1...10).map { "T\($0)" }, perType: 5, perSkill: 6, reasoningShare: 0.5,
            longWalkthroughs: 8, walkthroughMinimumSteps: 4, branchingWalkthroughs: 4,
            reallyBranchingWalkthroughs: 6, deeplyBranchingWalkthroughs: 3, roles: 6, confidence: 10)
    }

    public var decks: Int
    public var items: Int
    public var byType: [ItemKind: Int] = [:]
    public var bySkill: [Skill: Int] = [:]
    public var byParagraph: [Int: Int] = [:]
    public var byTag: [String: Int] = [:]
    public var confidence = 0
    /// Walkthroughs with at least `Bars.walkthroughMinimumSteps` steps.
    public var longWalkthroughs = 0
    /// Walkthroughs in which some option sends the learner down another path.
    public var branchingWalkthroughs = 0
    /// Walkthroughs whose branches hold their own content, not only a true/false.
    public var reallyBranchingWalkthroughs = 0
    /// Walkthroughs with a branch of three or more steps.
    public var deeplyBranchingWalkthroughs = 0
    public var reasoningItems = 0
    private let minimumSteps: Int

    public init(decks: [Deck], walkthroughMinimumSteps: Int = Bars.bundled.walkthroughMinimumSteps) {
        self.decks = decks.count
        self.minimumSteps = walkthroughMinimumSteps
        let items = decks.flatMap(\.items)
        self.items = items.count
        for item in items {
            byType[item.kind, default: 0] += 1
            if let skill = item.skill {
                bySkill[skill, default: 0] += 1
                if skill != .recall && skill != .concept { reasoningItems += 1 }
            }
            for paragraph in Set(item.source) { byParagraph[paragraph, default: 0] += 1 }
            for tag in Set(item.tags) { byTag[tag, default: 0] += 1 }
            if item.confidence || Self.steps(of: item).contains(where: \.confidence) { confidence += 1 }
            if case .walkthrough(let walkthrough) = item.body {
                if walkthrough.steps.count >= walkthroughMinimumSteps { longWalkthroughs += 1 }
                if walkthrough.steps.contains(where: { $0.options.contains { $0.next != nil } }) {
                    branchingWalkthroughs += 1
                }
                let branches = WalkthroughBranches(walkthrough)
                if branches.reallyBranches { reallyBranchingWalkthroughs += 1 }
                if branches.branchDepth >= 3 { deeplyBranchingWalkthroughs += 1 }
            }
        }
    }

    private static func steps(of item: Item) -> [Item] {
        if case .walkthrough(let walkthrough) = item.body { return walkthrough.steps }
        return []
    }

    public var reasoningShare: Double { items == 0 ? 0 : Double(reasoningItems) / Double(items) }

    /// Every figure below its bar, as a sentence; empty when all bars are met.
    public func shortfalls(against bars: Bars) -> [String] {
        var missing: [String] = []
        func check(_ name: String, _ value: Int, _ bar: Int) {
            if value < bar { missing.append("\(name): \(value), needs at least \(bar)") }
        }
        check("decks", decks, bars.decks)
        check("items", items, bars.items)
        for paragraph in bars.paragraphs {
            check("items citing ¶\(paragraph)", byParagraph[paragraph] ?? 0, bars.perParagraph)
        }
        for thread in bars.threads { check("items tagged \(thread)", byTag[thread] ?? 0, bars.perThread) }
        for kind in ItemKind.allCases { check("\(kind.rawValue) items", byType[kind] ?? 0, bars.perType) }
        for skill in Skill.allCases { check("items training \(skill.rawValue)", bySkill[skill] ?? 0, bars.perSkill) }
        if reasoningShare < bars.reasoningShare {
            missing.append(
                "share of items beyond recall and concept: \(Self.percent(reasoningShare)), needs at least \(Self.percent(bars.reasoningShare))"
            )
        }
        check("walkthroughs of \(bars.walkthroughMinimumSteps)+ steps", longWalkthroughs, bars.longWalkthroughs)
        check("branching walkthroughs", branchingWalkthroughs, bars.branchingWalkthroughs)
        check(
            "walkthroughs branching to their own content", reallyBranchingWalkthroughs, bars.reallyBranchingWalkthroughs
        )
        check("walkthroughs with a 3-step branch", deeplyBranchingWalkthroughs, bars.deeplyBranchingWalkthroughs)
        check("roles items", byType[.roles] ?? 0, bars.roles)
        check("items asking confidence", confidence, bars.confidence)
        return missing
    }

    /// The figures as a table, each beside its bar and marked when below it.
    public func render(against bars: Bars = .bundled) -> String {
        var rows: [(String, String, String)] = []
        func row(_ name: String, _ value: Int, _ bar: Int) {
            rows.append((name, String(value), value >= bar ? "≥ \(bar)" : "≥ \(bar)  BELOW"))
        }
        row("decks", decks, bars.decks)
        row("items", items, bars.items)
        for kind in ItemKind.allCases { row("type \(kind.rawValue)", byType[kind] ?? 0, bars.perType) }
        for skill in Skill.allCases { row("skill \(skill.rawValue)", bySkill[skill] ?? 0, bars.perSkill) }
        for paragraph in bars.paragraphs { row("source ¶\(paragraph)", byParagraph[paragraph] ?? 0, bars.perParagraph) }
        for thread in bars.threads { row("thread \(thread)", byTag[thread] ?? 0, bars.perThread) }
        row("walkthroughs \(bars.walkthroughMinimumSteps)+ steps", longWalkthroughs, bars.longWalkthroughs)
        row("branching walkthroughs", branchingWalkthroughs, bars.branchingWalkthroughs)
        row("walkthroughs, own-content branches", reallyBranchingWalkthroughs, bars.reallyBranchingWalkthroughs)
        row("walkthroughs, 3-step branch", deeplyBranchingWalkthroughs, bars.deeplyBranchingWalkthroughs)
        row("roles items", byType[.roles] ?? 0, bars.roles)
        row("confidence items", confidence, bars.confidence)
        rows.append(
            (
                "beyond recall/concept", Self.percent(reasoningShare),
                reasoningShare >= bars.reasoningShare
                    ? "≥ \(Self.percent(bars.reasoningShare))" : "≥ \(Self.percent(bars.reasoningShare))  BELOW"
            ))
        let nameWidth = rows.map { TerminalWidth.of($0.0) }.max() ?? 0
        let valueWidth = max(5, rows.map(\.1.count).max() ?? 0)
        var lines = [
            "figure".padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                + String(repeating: " ", count: valueWidth - 5) + "value  bar"
        ]
        for (name, value, bar) in rows {
            let pad = String(repeating: " ", count: nameWidth - TerminalWidth.of(name))
            lines.append(
                name + pad + "  " + String(repeating: " ", count: valueWidth - value.count) + value + "  " + bar)
        }
        return lines.joined(separator: "\n")
    }

    private static func percent(_ share: Double) -> String {
        "\(Int((share * 100).rounded()))%"
    }
}
