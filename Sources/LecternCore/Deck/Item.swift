/// One question of a deck, or one step of a walkthrough.
///
/// Fields common to every type live here; what differs by type lives in `body`.
package struct Item: Sendable, Identifiable {
    package var id: String
    package var kind: ItemKind { body.kind }
    /// The reasoning move the item trains. Steps of a walkthrough may leave it out.
    package var skill: Skill?
    package var tags: [String]
    /// For `cloze`, the text with its `{{blanks}}` still in it; see `Cloze`.
    package var prompt: String
    package var explain: String?
    /// Paragraph numbers of the deck's source.
    package var source: [Int]
    /// A ladder from a nudge to nearly the answer; each one used lowers the grade.
    package var hints: [String]
    /// Ask the learner's confidence (1–4) before revealing the answer.
    package var confidence: Bool
    package var body: ItemBody
    /// Walkthrough steps only: the step that follows whatever the answer.
    package var next: String?
    /// Where the `next` value was written, so a finding about it points at the name.
    package var nextLocation: SourceLocation?
    package var location: SourceLocation
    /// Where each key of the item was written (the key's own position), for diagnostics.
    package var fieldLocations: FieldLocations

    package init(
        id: String, skill: Skill? = nil, tags: [String] = [], prompt: String,
        explain: String? = nil, source: [Int] = [], hints: [String] = [],
        confidence: Bool = false, body: ItemBody, next: String? = nil,
        location: SourceLocation, fieldLocations: [String: SourceLocation] = [:], nextLocation: SourceLocation? = nil
    ) {
        self.id = id
        self.skill = skill
        self.tags = tags
        self.prompt = prompt
        self.explain = explain
        self.source = source
        self.hints = hints
        self.confidence = confidence
        self.body = body
        self.next = next
        self.location = location
        self.fieldLocations = FieldLocations(fieldLocations)
        self.nextLocation = nextLocation
    }

    /// Where `field` was written, or where the item starts when it was not written.
    package func location(of field: String) -> SourceLocation {
        fieldLocations[field] ?? location
    }

    /// Whether the item asks something: a `description` is shown, never graded, scheduled or counted.
    package var isQuestion: Bool { kind != .description }

    /// The options of a `choice` or `multi` item; empty for other types.
    package var options: [Option] {
        switch body {
        case .choice(let options), .multi(let options): options
        default: []
        }
    }
}

/// The item types of the deck format, spelled as in YAML.
package enum ItemKind: String, Sendable, CaseIterable, Codable {
    case choice, multi, truefalse, short, numeric, cloze, order, match, open, roles, walkthrough
    case description
}

/// The reasoning move an item trains.
package enum Skill: String, Sendable, CaseIterable, Codable {
    case recall, concept, claim, premise, assumption, analogy, weaken, strengthen
    case counterexample, apply, steelman
}

/// What differs by item type: the answer key and what the learner is shown.
package enum ItemBody: Sendable {
    case choice([Option])
    case multi([Option])
    case truefalse(answer: Bool)
    case short(ShortAnswerKey)
    case numeric(NumericAnswerKey)
    case cloze(Cloze)
    /// The entries in the right order; the learner sees them shuffled.
    case order([String])
    case match([MatchPair])
    case open(OpenAnswerKey)
    case roles([RoleSentence])
    case walkthrough(Walkthrough)
    /// Text shown, not asked: the prompt introduces the questions after it (GIFT's description).
    case description

    package var kind: ItemKind {
        switch self {
        case .choice: .choice
        case .multi: .multi
        case .truefalse: .truefalse
        case .short: .short
        case .numeric: .numeric
        case .cloze: .cloze
        case .order: .order
        case .match: .match
        case .open: .open
        case .roles: .roles
        case .walkthrough: .walkthrough
        case .description: .description
        }
    }
}

/// One option of a `choice` or `multi` item.
package struct Option: Sendable, Equatable {
    package var text: String
    package var isCorrect: Bool
    /// For a wrong option: the misconception behind it.
    package var feedback: String?
    /// For a wrong option of a `choice` item: the percentage of credit it still earns (0 < credit
    /// < 100), as a GIFT weight such as `~%50%` gives; nil earns nothing.
    package var credit: Double?
    /// In a walkthrough: the step to go to when this option is chosen.
    package var next: String?
    package var location: SourceLocation
    /// Where the `next` value was written, so a finding about it points at the name.
    package var nextLocation: SourceLocation?

    package init(
        text: String, isCorrect: Bool = false, feedback: String? = nil, next: String? = nil, location: SourceLocation,
        nextLocation: SourceLocation? = nil, credit: Double? = nil
    ) {
        self.text = text
        self.isCorrect = isCorrect
        self.feedback = feedback
        self.credit = credit
        self.next = next
        self.location = location
        self.nextLocation = nextLocation
    }
}

/// Accepted answers of a `short` item. An entry written `/…/` is a regular expression.
package struct ShortAnswerKey: Sendable, Equatable {
    /// The wordings that earn full credit, in the order written: the first plain one is the answer shown.
    package var accept: [String]
    /// No typo tolerance when true.
    package var exact: Bool
    /// Every entry as written, with its credit and feedback, when any entry of the list is a
    /// map (GIFT's `=%50%word#…`); empty for a plain list, whose wordings all earn full credit.
    package var weighted: [WeightedAnswer<String>]

    /// What grading compares with: every wording with its credit and feedback.
    package var answers: [WeightedAnswer<String>] {
        weighted.isEmpty ? accept.map { WeightedAnswer($0) } : weighted
    }

    package init(accept: [String], exact: Bool = false) {
        self.accept = accept
        self.exact = exact
        self.weighted = []
    }

    /// A key from entries with their own credit and feedback; a list of plain wordings at
    /// full credit is kept as a plain list.
    package init(answers: [WeightedAnswer<String>], exact: Bool = false) {
        self.accept = answers.filter(\.isFullCredit).map(\.value)
        self.exact = exact
        self.weighted = answers.contains(where: \.isWeighted) ? answers : []
    }
}

/// The key of a `numeric` item: a value with a tolerance, or a range; or several such
/// answers, each with its own credit and feedback (GIFT's `{#=3.14:0.01 =%50%3:0.5}`).
package struct NumericAnswerKey: Sendable, Equatable {
    package enum Target: Sendable, Equatable {
        case value(Double, tolerance: Double)
        case range(Double, Double)
    }

    /// The answer shown to the learner: the only one, or the first at full credit.
    package var target: Target
    package var unit: String?
    /// The answer is a percentage written 0–100, with or without `%`.
    package var percent: Bool
    /// Every answer as written in `answers`, with its credit and feedback; empty when the key
    /// is the one `answer` or `range`.
    package var weighted: [WeightedAnswer<Target>]
    /// Shown when the number meets no answer (GIFT's `~#…`).
    package var otherwise: String?

    /// What grading compares with: every answer with its credit and feedback.
    package var answers: [WeightedAnswer<Target>] {
        weighted.isEmpty ? [WeightedAnswer(target)] : weighted
    }

    package init(target: Target, unit: String? = nil, percent: Bool = false, otherwise: String? = nil) {
        self.target = target
        self.unit = unit
        self.percent = percent
        self.weighted = []
        self.otherwise = otherwise
    }

    /// A key of several answers; one answer at full credit without feedback is kept as the
    /// single form. The shown answer of a key without full credit (which the linter refuses)
    /// is its first.
    package init(
        answers: [WeightedAnswer<Target>], otherwise: String? = nil, unit: String? = nil, percent: Bool = false
    ) {
        let shown = answers.first(where: \.isFullCredit) ?? answers.first
        self.init(
            target: shown?.value ?? .value(0, tolerance: 0), unit: unit, percent: percent, otherwise: otherwise)
        if answers.count != 1 || answers[0].isWeighted { weighted = answers }
    }
}

extension NumericAnswerKey.Target {
    /// Why no answer could meet this key as its author meant: the one check of a numeric
    /// key, made by the linter on decks and by the GIFT reader on imports.
    package enum Problem: Sendable, Equatable {
        case negativeTolerance(Double)
        case reversedRange(low: Double, high: Double)
    }

    /// `nil` for a usable key: a tolerance of 0 or more, a range whose low end is not above its high end.
    package var problem: Problem? {
        switch self {
        case .value(_, let tolerance) where tolerance < 0: .negativeTolerance(tolerance)
        case .range(let low, let high) where low > high: .reversedRange(low: low, high: high)
        default: nil
        }
    }
}

/// One pair of a `match` item.
package struct MatchPair: Sendable, Equatable {
    package var left: String
    package var right: String

    package init(left: String, right: String) {
        self.left = left
        self.right = right
    }
}

/// The key of an `open` item: the learner compares a free answer with these.
package struct OpenAnswerKey: Sendable, Equatable {
    package var model: String
    package var rubric: [String]

    package init(model: String, rubric: [String]) {
        self.model = model
        self.rubric = rubric
    }
}

/// The part a sentence plays in an argument; the raw value is what the learner types.
package enum ArgumentRole: String, Sendable, CaseIterable, Codable {
    case conclusion = "c"
    case premise = "p"
    case assumption = "a"
    case objection = "o"
    case besideThePoint = "x"

    package var name: String {
        switch self {
        case .conclusion: "conclusion"
        case .premise: "premise"
        case .assumption: "assumption"
        case .objection: "objection"
        case .besideThePoint: "beside the point"
        }
    }
}

/// One sentence of a `roles` item.
package struct RoleSentence: Sendable, Equatable {
    package var text: String
    package var role: ArgumentRole

    package init(text: String, role: ArgumentRole) {
        self.text = text
        self.role = role
    }
}

/// A scenario reasoned through in steps; each step is an item of another type.
package struct Walkthrough: Sendable {
    package var scenario: String
    package var steps: [Item]

    package init(scenario: String, steps: [Item]) {
        self.scenario = scenario
        self.steps = steps
    }

    package func step(withID id: String) -> Item? {
        steps.first { $0.id == id }
    }
}
