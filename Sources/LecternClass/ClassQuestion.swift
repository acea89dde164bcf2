import LecternCore

/// One question of a live class: a top-level item, or one step of a walkthrough played
/// along its main path.
///
/// The layout (which deck entry sits at each displayed letter) is fixed when the class is
/// planned, so every student sees the same letters and the histogram can count by letter.
package struct ClassQuestion: Sendable {
    /// The deck item the records are filed under (the walkthrough, for a step).
    package let item: Item
    /// The question actually asked: the item itself, or the walkthrough's step.
    package let asked: Item
    /// The step's id when `asked` is a step of a walkthrough.
    package let stepID: String?
    /// 1-based position of the step on the main path, and the path's length.
    package let stepNumber: Int?
    package let stepCount: Int?
    /// Which deck entry sits at each displayed letter, the same for every student.
    package let layout: ItemLayout

    init(item: Item, asked: Item, stepID: String?, stepNumber: Int?, stepCount: Int?, layout: ItemLayout) {
        self.item = item
        self.asked = asked
        self.stepID = stepID
        self.stepNumber = stepNumber
        self.stepCount = stepCount
        self.layout = layout
    }

    /// The kind of the question asked (a step's own kind for a walkthrough step).
    package var kind: ItemKind { asked.kind }

    /// The explanation shown at the reveal: the step's own, else its walkthrough's.
    package var explanation: String? { asked.explain ?? (stepID == nil ? nil : item.explain) }

    /// The walkthrough's scenario, for a step.
    package var scenario: String? {
        if case .walkthrough(let walkthrough) = item.body { return walkthrough.scenario }
        return nil
    }

    /// The right answer in the form a student would type or read it; the model answer for
    /// an open question. Only ever sent in a reveal.
    package var answerText: String? {
        if case .open(let key) = asked.body { return key.model }
        return QuestionRenderer.answerText(for: asked, layout: layout)
    }

    /// The questions of a class over `items`, in order: each walkthrough becomes its main
    /// path's steps. Shuffles come from `seed` and the deck and item ids, as in a study session.
    package static func plan(deck: Deck, items: [Item], seed: UInt64) -> [ClassQuestion] {
        items.flatMap { item -> [ClassQuestion] in
            guard case .walkthrough(let walkthrough) = item.body else {
                let layout = ItemLayout.make(
                    for: item, key: "\(deck.id)/\(item.id)", seed: seed, shuffleOptions: true)
                return [
                    ClassQuestion(item: item, asked: item, stepID: nil, stepNumber: nil, stepCount: nil, layout: layout)
                ]
            }
            let path = mainPath(of: walkthrough)
            return path.enumerated().map { position, step in
                let layout = ItemLayout.make(
                    for: step, key: "\(deck.id)/\(item.id)/\(step.id)", seed: seed, shuffleOptions: true)
                return ClassQuestion(
                    item: item, asked: step, stepID: step.id, stepNumber: position + 1, stepCount: path.count,
                    layout: layout)
            }
        }
    }

    /// The steps a student answering rightly would see: from the first step, each step goes
    /// where ``Walkthrough/next(after:chosen:)`` leads when its right option is chosen. A class
    /// cannot branch per student (everyone sees the same question), so it follows this path;
    /// a step already visited ends it.
    package static func mainPath(of walkthrough: Walkthrough) -> [Item] {
        let index = walkthrough.stepIndex
        var path: [Item] = []
        var visited = Set<String>()
        var current: Int? = walkthrough.steps.isEmpty ? nil : 0
        while let position = current, visited.insert(walkthrough.steps[position].id).inserted {
            let step = walkthrough.steps[position]
            path.append(step)
            let right = step.kind == .choice ? step.options.first(where: \.isCorrect) : nil
            current = walkthrough.position(of: walkthrough.next(after: position, chosen: right), index: index)
        }
        return path
    }
}
