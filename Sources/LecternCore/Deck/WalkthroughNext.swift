/// Where a walkthrough goes after a step, as written: the one rule the session, the linter,
/// the branch report and the preview all follow.
///
/// The chosen option's `next` applies when it has one, else the step's own `next`, else the
/// following step in the list; after the last step the walkthrough ends. A `next` may name no
/// step at all: the linter reports that, and everyone else treats it as a dead end.
package enum WalkthroughNext: Sendable, Equatable {
    /// A `next` written on the chosen option (`onOption`) or on the step itself.
    case named(String, onOption: Bool)
    /// No `next` applies: the step at this position, the one after in the list.
    case following(Int)
    /// No `next` applies and the step is the last one.
    case end
}

extension Walkthrough {
    /// The position of each step id (the first step with that id; the linter reports duplicates).
    package var stepIndex: [String: Int] {
        var index: [String: Int] = [:]
        for (position, step) in steps.enumerated() where index[step.id] == nil {
            index[step.id] = position
        }
        return index
    }

    /// Where the walkthrough goes after the step at `position` when `option` was chosen
    /// (nil: no option, or one without a `next`, so the step's own rule applies).
    package func next(after position: Int, chosen option: Option? = nil) -> WalkthroughNext {
        if let target = option?.next { return .named(target, onOption: true) }
        if let target = steps[position].next { return .named(target, onOption: false) }
        return position + 1 < steps.count ? .following(position + 1) : .end
    }

    /// Whether the step at `position` branches: a choice step with a `next` on some option.
    /// Such a step has one way out per option; any other step has a single way out.
    package func branches(at position: Int) -> Bool {
        guard case .choice(let options) = steps[position].body else { return false }
        return options.contains { $0.next != nil }
    }

    /// Every way out of the step at `position`: one per option of a branching step (with the
    /// option), else the single one (with no option). Targets may repeat.
    package func exits(from position: Int) -> [(option: Option?, next: WalkthroughNext)] {
        guard branches(at: position) else { return [(nil, next(after: position))] }
        return steps[position].options.map { ($0, next(after: position, chosen: $0)) }
    }

    /// The position a way out leads to, or nil at the end and for a `next` naming no step.
    package func position(of next: WalkthroughNext, index: [String: Int]) -> Int? {
        switch next {
        case .named(let target, _): index[target]
        case .following(let position): position
        case .end: nil
        }
    }
}
