import Foundation

/// The rules for each kind of answer key: one function per kind, so each reads on its own.
extension DeckLinter {
    static func lintBody(_ item: Item, name: String, passages: Set<Int>, hasSource: Bool) -> [Diagnostic] {
        switch item.body {
        case .choice(let options): choiceFindings(options, in: item, name: name)
        case .multi(let options): multiFindings(options, in: item, name: name)
        case .truefalse, .description: []
        case .short(let key):
            (tooFew(key.answers.count, 1, "answer", in: item, key: "accept", name: name).map { [$0] } ?? [])
                + weightFindings(key.answers, in: item, key: "accept", name: name) { "'\($0)'" }
                + patternFindings(key.answers.map(\.value), in: item, key: "accept", name: name)
        case .numeric(let key): numericFindings(key, in: item, name: name)
        case .cloze(let cloze): clozeFindings(cloze, in: item, name: name)
        case .order(let sequence):
            tooMany(sequence.count, "entry", in: item, key: "sequence", name: name)
                + (tooFew(sequence.count, 2, "entry", in: item, key: "sequence", name: name).map { [$0] } ?? [])
        case .match(let pairs):
            tooMany(pairs.count, "pair", in: item, key: "pairs", name: name)
                + (tooFew(pairs.count, 2, "pair", in: item, key: "pairs", name: name).map { [$0] } ?? [])
        case .open(let key):
            tooFew(key.rubric.count, 1, "point", in: item, key: "rubric", name: name).map { [$0] } ?? []
        case .roles(let sentences):
            (tooFew(sentences.count, 2, "sentence", in: item, key: "sentences", name: name).map { [$0] } ?? [])
                + AssumptionRule.findings(sentences, in: item, name: name)
        case .walkthrough(let walkthrough):
            walkthroughFindings(walkthrough, in: item, name: name, passages: passages, hasSource: hasSource)
        }
    }

    private static func choiceFindings(_ options: [Option], in item: Item, name: String) -> [Diagnostic] {
        var findings = tooMany(options.count, "option", in: item, key: "options", name: name)
        let correct = options.filter(\.isCorrect).count
        if let finding = tooFew(options.count, 2, "option", in: item, key: "options", name: name) {
            findings.append(finding)
        } else if options.count == 2 {
            findings.append(
                .warning(
                    "choice-few-options", at: item.location(of: "options"),
                    "\(name) has only 2 options; add a third so that guessing is less rewarding"))
        }
        if correct != 1 && !options.isEmpty {
            let count = correct == 0 ? "no correct option" : "\(correct) correct options"
            findings.append(
                .error("choice-one-correct", at: item.location, "\(name) has \(count); mark exactly one"))
        }
        return findings + feedbackWarnings(options, name: name) + creditErrors(options, name: name, allowed: true)
    }

    private static func multiFindings(_ options: [Option], in item: Item, name: String) -> [Diagnostic] {
        var findings = tooMany(options.count, "option", in: item, key: "options", name: name)
        if let finding = tooFew(options.count, 2, "option", in: item, key: "options", name: name) {
            findings.append(finding)
        }
        if !options.isEmpty && !options.contains(where: \.isCorrect) {
            findings.append(
                .error(
                    "multi-no-correct", at: item.location,
                    "\(name) has no correct option; mark at least one with 'correct: true'"))
        }
        return findings + feedbackWarnings(options, name: name) + creditErrors(options, name: name, allowed: false)
    }

    /// `credit` is a share of a wrong choice option's credit: strictly between 0 and 100, and
    /// only where one pick is graded (a multi item scores its picks together).
    private static func creditErrors(_ options: [Option], name: String, allowed: Bool) -> [Diagnostic] {
        options.compactMap { option in
            guard let credit = option.credit else { return nil }
            let why: String? =
                !allowed
                ? "only a wrong option of a choice item earns partial credit; remove 'credit'"
                : option.isCorrect
                    ? "the correct option earns full credit; remove 'credit'"
                    : !(credit > 0 && credit < 100) ? "'credit' is a percentage above 0 and below 100" : nil
            return why.map {
                .error("option-credit", at: option.location, "option '\(option.text)' of \(name): \($0)")
            }
        }
    }

    /// Each answer's own problem (``NumericAnswerKey/Target/problem``), said in deck terms,
    /// and the credits of the answers.
    private static func numericFindings(_ key: NumericAnswerKey, in item: Item, name: String) -> [Diagnostic] {
        let format = NumericAnswerGrader.format
        var findings = weightFindings(key.answers, in: item, key: "answers", name: name) { target in
            switch target {
            case .value(let value, let tolerance):
                "\(format(value))" + (tolerance != 0 ? " ± \(format(tolerance))" : "")
            case .range(let low, let high): "\(format(low))..\(format(high))"
            }
        }
        for answer in key.answers {
            switch answer.value.problem {
            case .negativeTolerance(let tolerance):
                findings.append(
                    .error(
                        "numeric-tolerance", at: answer.location ?? item.location(of: "tolerance"),
                        "\(name) has a negative tolerance (\(format(tolerance))); use 0 or more"))
            case .reversedRange(let low, let high):
                findings.append(
                    .error(
                        "numeric-range", at: answer.location ?? item.location(of: "range"),
                        "\(name) has a range whose low end \(format(low)) is above its high end \(format(high)); write [low, high]"
                    ))
            case nil:
                break
            }
        }
        return findings
    }

    /// The credits of a short or numeric item's answers: each within -100…100, and at least
    /// one at full credit, or no answer could ever be right.
    private static func weightFindings<Value>(
        _ answers: [WeightedAnswer<Value>], in item: Item, key: String, name: String, describe: (Value) -> String
    ) -> [Diagnostic] {
        let range = WeightedAnswer<Value>.creditRange
        var findings: [Diagnostic] = answers.filter { !range.contains($0.credit) }.map { answer in
            .error(
                "answer-credit", at: answer.location ?? item.location(of: key),
                "the answer \(describe(answer.value)) of \(name) has credit \(NumericAnswerGrader.format(answer.credit)); 'credit' is a percentage from -100 to 100"
            )
        }
        if !answers.isEmpty && !answers.contains(where: \.isFullCredit) {
            findings.append(
                .error(
                    "no-full-credit", at: item.location(of: key),
                    "no answer of \(name) earns full credit, so no learner could be right; give one 'credit: 100' or write it without a credit"
                ))
        }
        return findings
    }

    private static func clozeFindings(_ cloze: Cloze, in item: Item, name: String) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let opened = item.prompt.components(separatedBy: "{{").count - 1
        if cloze.blanks.isEmpty && opened == 0 {
            findings.append(
                .error(
                    "cloze-no-blanks", at: item.location(of: "prompt"),
                    "\(name) has no blanks; write each blank in the prompt as {{answer|variant}}"))
        } else if opened > cloze.blanks.count {
            findings.append(
                .error(
                    "cloze-unclosed", at: item.location(of: "prompt"),
                    "\(name) has a '{{' without its '}}'; close every blank"))
        }
        if cloze.blanks.contains(where: \.isEmpty) {
            findings.append(
                .error(
                    "cloze-empty-blank", at: item.location(of: "prompt"),
                    "\(name) has an empty blank {{}}; write the answer inside it"))
        }
        return findings + patternFindings(cloze.blanks.flatMap { $0 }, in: item, key: "prompt", name: name)
    }

    /// Each step is linted as an item of its own; the flow and branch rules run over the whole.
    private static func walkthroughFindings(
        _ walkthrough: Walkthrough, in item: Item, name: String, passages: Set<Int>, hasSource: Bool
    ) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        if let finding = tooFew(walkthrough.steps.count, 2, "step", in: item, key: "steps", name: name) {
            findings.append(finding)
        }
        findings += duplicateIDs(walkthrough.steps, noun: "step id", scope: "walkthrough '\(item.id)'")
        for step in walkthrough.steps {
            findings += lint(step, isStep: true, passages: passages, hasSource: hasSource)
        }
        findings += WalkthroughFlow(walkthrough, id: item.id).findings()
        if !findings.contains(where: { $0.severity == .error }),
            let shallow = WalkthroughBranches.shallowFinding(item, walkthrough)
        {
            findings.append(shallow)
        }
        return findings
    }

    private static func tooFew(_ count: Int, _ minimum: Int, _ entry: String, in item: Item, key: String, name: String)
        -> Diagnostic?
    {
        guard count < minimum else { return nil }
        let noun = count == 1 ? entry : entry == "entry" ? "entries" : entry + "s"
        return .error(
            "too-few-entries", at: item.location(of: key),
            "\(name) has \(count) \(noun) in '\(key)'; it needs at least \(minimum)")
    }

    /// Options, order entries and the right side of match pairs are shown and answered by
    /// the letters a–z, so a 27th could never be named and the item never answered right.
    /// (Roles sentences and rubric points are numbered, which has no such end.)
    private static func tooMany(_ count: Int, _ entry: String, in item: Item, key: String, name: String)
        -> [Diagnostic]
    {
        guard count > OptionLabel.maximumCount else { return [] }
        let noun = entry == "entry" ? "entries" : entry + "s"
        return [
            .error(
                "too-many-entries", at: item.location(of: key),
                "\(name) has \(count) \(noun) in '\(key)', but answers name them by the letters a–z, so at most \(OptionLabel.maximumCount) can be answered; split it into two items"
            )
        ]
    }

    private static func feedbackWarnings(_ options: [Option], name: String) -> [Diagnostic] {
        options.filter { !$0.isCorrect && $0.feedback == nil }.map { option in
            .warning(
                "option-without-feedback", at: option.location,
                "wrong option '\(option.text.shortened)' of \(name) has no feedback; name the misconception behind it")
        }
    }

    /// Entries written `/…/` must be valid regular expressions.
    private static func patternFindings(_ entries: [String], in item: Item, key: String, name: String) -> [Diagnostic] {
        entries.compactMap { entry in
            guard entry.count >= 2, entry.hasPrefix("/"), entry.hasSuffix("/") else { return nil }
            let pattern = String(entry.dropFirst().dropLast())
            if let problem = PatternSafety.problem(in: pattern) {
                return .error(
                    "unsafe-regex", at: item.location(of: key),
                    "\(name) has an answer pattern \(entry) that \(problem), which could take Lectern minutes to match; list the variants as plain answers or simplify the pattern"
                )
            }
            guard (try? NSRegularExpression(pattern: pattern)) == nil else { return nil }
            return .error(
                "bad-regex", at: item.location(of: key),
                "\(name) has an answer pattern \(entry) that is not a valid regular expression; fix it or drop the slashes"
            )
        }
    }
}
