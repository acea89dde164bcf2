/// What a set of decks trains: items per type, skill, paragraph and thread, and the
/// reasoning exercises that matter most (walkthroughs, branching, roles, confidence).
///
/// The bundled decks promise minimum figures (see `Bars.bundled`); a test and
/// `lectern deck-stats --targets bundled` compute them from the decks themselves, so they
/// cannot drift. Other decks are judged only against targets someone gives (`CoverageTargets`).
package struct DeckCoverage: Sendable {
    /// Minimum figures a set of decks must reach.
    package struct Bars: Sendable {
        package var decks: Int
        package var items: Int
        package var perParagraph: Int
        /// The paragraphs that must each be cited `perParagraph` times.
        package var paragraphs: [Int]
        package var perThread: Int
        package var threads: [String]
        package var perType: Int
        package var perSkill: Int
        /// Share of items whose skill is neither recall nor concept.
        package var reasoningShare: Double
        package var longWalkthroughs: Int
        package var walkthroughMinimumSteps: Int
        package var branchingWalkthroughs: Int
        /// Walkthroughs whose branches hold more than a remedial true/false (see `WalkthroughBranches`).
        package var reallyBranchingWalkthroughs: Int
        /// Walkthroughs with a run of at least three steps that only some learners see.
        package var deeplyBranchingWalkthroughs: Int
        package var roles: Int
        package var confidence: Int

        package init(
            decks: Int = 0, items: Int = 0, perParagraph: Int = 0, paragraphs: [Int] = [], perThread: Int = 0,
            threads: [String] = [], perType: Int = 0, perSkill: Int = 0, reasoningShare: Double = 0,
            longWalkthroughs: Int = 0, walkthroughMinimumSteps: Int = Bars.defaultMinimumSteps,
            branchingWalkthroughs: Int = 0, reallyBranchingWalkthroughs: Int = 0, deeplyBranchingWalkthroughs: Int = 0,
            roles: Int = 0, confidence: Int = 0
        ) {
            self.decks = decks
            self.items = items
            self.perParagraph = perParagraph
            self.paragraphs = paragraphs
            self.perThread = perThread
            self.threads = threads
            self.perType = perType
            self.perSkill = perSkill
            self.reasoningShare = reasoningShare
            self.longWalkthroughs = longWalkthroughs
            self.walkthroughMinimumSteps = walkthroughMinimumSteps
            self.branchingWalkthroughs = branchingWalkthroughs
            self.reallyBranchingWalkthroughs = reallyBranchingWalkthroughs
            self.deeplyBranchingWalkthroughs = deeplyBranchingWalkthroughs
            self.roles = roles
            self.confidence = confidence
        }

        /// What makes a walkthrough "long" when no targets say otherwise.
        package static let defaultMinimumSteps = 4

        /// The bars of the decks that ship with Lectern.
        package static let bundled = Bars(
            decks: 7, items: 160, perParagraph: 5, paragraphs: Array(1...9), perThread: 4,
            threads: (1...10).map { "T\($0)" }, perType: 5, perSkill: 6, reasoningShare: 0.5,
            longWalkthroughs: 8, walkthroughMinimumSteps: 4, branchingWalkthroughs: 4,
            reallyBranchingWalkthroughs: 6, deeplyBranchingWalkthroughs: 3, roles: 6, confidence: 10)
    }

    package var decks: Int
    package var items: Int
    package var byType: [ItemKind: Int] = [:]
    package var bySkill: [Skill: Int] = [:]
    package var byParagraph: [Int: Int] = [:]
    package var byTag: [String: Int] = [:]
    package var confidence = 0
    /// Walkthroughs with at least `Bars.walkthroughMinimumSteps` steps.
    package var longWalkthroughs = 0
    /// Walkthroughs in which some option sends the learner down another path.
    package var branchingWalkthroughs = 0
    /// Walkthroughs whose branches hold their own content, not only a true/false.
    package var reallyBranchingWalkthroughs = 0
    /// Walkthroughs with a branch of three or more steps.
    package var deeplyBranchingWalkthroughs = 0
    package var reasoningItems = 0
    private let minimumSteps: Int

    package init(decks: [Deck], walkthroughMinimumSteps: Int = Bars.defaultMinimumSteps) {
        self.decks = decks.count
        self.minimumSteps = walkthroughMinimumSteps
        let items = decks.flatMap(\.questions)
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

    /// The types a deck trains with: a description asks nothing, so it has no bar.
    static let questionKinds = ItemKind.allCases.filter { $0 != .description }

    private static func steps(of item: Item) -> [Item] {
        if case .walkthrough(let walkthrough) = item.body { return walkthrough.steps }
        return []
    }

    package var reasoningShare: Double { items == 0 ? 0 : Double(reasoningItems) / Double(items) }

    /// Every figure below its bar, as a sentence; empty when all bars are met.
    package func shortfalls(against bars: Bars) -> [String] {
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
        for kind in Self.questionKinds { check("\(kind.rawValue) items", byType[kind] ?? 0, bars.perType) }
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
    package func render(against bars: Bars) -> String {
        var rows: [(String, String, String)] = []
        func row(_ name: String, _ value: Int, _ bar: Int) {
            rows.append((name, String(value), value >= bar ? "≥ \(bar)" : "≥ \(bar)  BELOW"))
        }
        row("decks", decks, bars.decks)
        row("items", items, bars.items)
        for kind in Self.questionKinds { row("type \(kind.rawValue)", byType[kind] ?? 0, bars.perType) }
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
        return Self.table(rows, header: "bar")
    }

    /// The figures alone, with no bar to judge them by: every type and skill, every cited
    /// paragraph and every tag in use.
    package func render() -> String {
        var rows: [(String, String, String)] = []
        func row(_ name: String, _ value: Int) { rows.append((name, String(value), "")) }
        row("decks", decks)
        row("items", items)
        for kind in ItemKind.allCases { row("type \(kind.rawValue)", byType[kind] ?? 0) }
        for skill in Skill.allCases { row("skill \(skill.rawValue)", bySkill[skill] ?? 0) }
        for paragraph in byParagraph.keys.sorted() { row("source ¶\(paragraph)", byParagraph[paragraph] ?? 0) }
        for tag in byTag.keys.sorted() { row("tag \(tag)", byTag[tag] ?? 0) }
        row("walkthroughs \(minimumSteps)+ steps", longWalkthroughs)
        row("branching walkthroughs", branchingWalkthroughs)
        row("walkthroughs, own-content branches", reallyBranchingWalkthroughs)
        row("walkthroughs, 3-step branch", deeplyBranchingWalkthroughs)
        row("roles items", byType[.roles] ?? 0)
        row("confidence items", confidence)
        rows.append(("beyond recall/concept", Self.percent(reasoningShare), ""))
        return Self.table(rows, header: nil)
    }

    private static func table(_ rows: [(String, String, String)], header: String?) -> String {
        let nameWidth = max(6, rows.map { TerminalWidth.of($0.0) }.max() ?? 0)
        let valueWidth = max(5, rows.map { TerminalWidth.of($0.1) }.max() ?? 0)
        func line(_ name: String, _ value: String, _ bar: String) -> String {
            let text = TextColumns.padRight(name, nameWidth) + "  " + TextColumns.padLeft(value, valueWidth)
            return bar.isEmpty ? text : text + "  " + bar
        }
        return ([line("figure", "value", header ?? "")] + rows.map { line($0.0, $0.1, $0.2) }).joined(separator: "\n")
    }

    private static func percent(_ share: Double) -> String {
        "\(Int((share * 100).rounded()))%"
    }
}
