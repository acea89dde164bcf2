import Foundation

/// The content rules that need a built deck: ids, answer keys, counts, paragraphs and
/// walkthrough flow. Each finding carries a stable rule id and says what to change.
package enum DeckLinter {
    static func lint(_ deck: Deck) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        if deck.formatVersion != 1 {
            findings.append(
                .error(
                    "unsupported-version", at: deck.location(of: "lectern"),
                    "format version \(deck.formatVersion) is not supported; this Lectern reads 'lectern: 1'"))
        }
        if !deck.id.isEmpty {
            if let finding = kebabFinding(deck.id, noun: "deck id", at: deck.location(of: "id")) {
                findings.append(finding)
            } else if let fileID = fileStem(deck.path), fileID != deck.id {
                findings.append(
                    .error(
                        "id-not-filename", at: deck.location(of: "id"),
                        "deck id '\(deck.id)' does not match the file name '\(fileID).yaml'; rename one of them so they agree"
                    ))
            }
        }
        if deck.language.range(of: "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", options: .regularExpression) == nil {
            findings.append(
                .error(
                    "bad-language", at: deck.location(of: "language"),
                    "language '\(deck.language.shortened)' is not a BCP 47 tag; write one such as 'en', 'zh' or 'zh-Hans'"
                ))
        }
        let passages = Set(deck.source?.passages.map(\.number) ?? [])
        findings += duplicateIDs(deck.items, noun: "item id", scope: "the deck")
        for item in deck.items {
            findings += lint(item, isStep: false, passages: passages, hasSource: deck.source != nil)
        }
        return findings
    }

    private static func fileStem(_ path: String) -> String? {
        let name = (path as NSString).lastPathComponent
        guard name.hasSuffix(".yaml") else { return nil }
        return String(name.dropLast(5))
    }

    /// `^[a-z0-9]+(-[a-z0-9]+)*$`, checked byte by byte: it runs for every id of a deck.
    package static func isKebab(_ id: String) -> Bool {
        var previousWasHyphen = true  // no leading hyphen
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-") where !previousWasHyphen:
                previousWasHyphen = true
            default:
                return false
            }
        }
        return !previousWasHyphen
    }

    private static func kebabFinding(_ id: String, noun: String, at location: SourceLocation) -> Diagnostic? {
        guard !isKebab(id) else { return nil }
        let words = id.lowercased().split { !($0.isLetter || $0.isNumber) || !$0.isASCII }
        let example = words.isEmpty ? "" : ", like '\(words.joined(separator: "-"))'"
        return .error(
            "id-not-kebab", at: location,
            "\(noun) '\(id)' is not kebab-case; use lowercase letters, digits and single hyphens\(example)")
    }

    private static func duplicateIDs(_ items: [Item], noun: String, scope: String) -> [Diagnostic] {
        var firstLine: [String: Int] = [:]
        var findings: [Diagnostic] = []
        for item in items where !item.id.isEmpty {
            if let line = firstLine[item.id] {
                findings.append(
                    .error(
                        "duplicate-id", at: item.location(of: "id"),
                        "\(noun) '\(item.id)' is already used in \(scope) (line \(line)); give each its own id"))
            } else {
                firstLine[item.id] = item.location(of: "id").line
            }
        }
        return findings
    }

    private static func lint(_ item: Item, isStep: Bool, passages: Set<Int>, hasSource: Bool) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let noun = isStep ? "step" : "item"
        let name = "\(item.kind.rawValue) \(noun) '\(item.id)'"
        if !item.id.isEmpty, let finding = kebabFinding(item.id, noun: "\(noun) id", at: item.location(of: "id")) {
            findings.append(finding)
        }
        if item.prompt.isBlank && item.fieldLocations["prompt"] != nil {
            findings.append(
                .error(
                    "empty-prompt", at: item.location(of: "prompt"),
                    "\(name) has an empty prompt; write what the learner is asked"))
        }
        if !isStep && item.explain == nil {
            findings.append(
                .warning(
                    "missing-explain", at: item.location,
                    "\(name) has no 'explain'; say why the answer is right and name the paragraph it relies on"))
        }
        var reported = Set<Int>()
        for paragraph in item.source where !passages.contains(paragraph) && reported.insert(paragraph).inserted {
            let fix = hasSource ? "add it there or fix the number" : "add a 'source' map with 'passages' to the deck"
            findings.append(
                .error(
                    "source-unknown-paragraph", at: item.location(of: "source"),
                    "\(name) cites paragraph \(paragraph), which is not in source.passages; \(fix)"))
        }
        findings += lintBody(item, name: name, passages: passages, hasSource: hasSource)
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

    private static func lintBody(_ item: Item, name: String, passages: Set<Int>, hasSource: Bool) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        switch item.body {
        case .choice(let options):
            findings += tooMany(options.count, "option", in: item, key: "options", name: name)
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
            findings += feedbackWarnings(options, name: name) + creditErrors(options, name: name, allowed: true)
        case .multi(let options):
            findings += tooMany(options.count, "option", in: item, key: "options", name: name)
            if let finding = tooFew(options.count, 2, "option", in: item, key: "options", name: name) {
                findings.append(finding)
            }
            if !options.isEmpty && !options.contains(where: \.isCorrect) {
                findings.append(
                    .error(
                        "multi-no-correct", at: item.location,
                        "\(name) has no correct option; mark at least one with 'correct: true'"))
            }
            findings += feedbackWarnings(options, name: name) + creditErrors(options, name: name, allowed: false)
        case .truefalse:
            break
        case .short(let key):
            if let finding = tooFew(key.accept.count, 1, "answer", in: item, key: "accept", name: name) {
                findings.append(finding)
            }
            findings += patternFindings(key.accept, in: item, key: "accept", name: name)
        case .numeric(let key):
            switch key.target {
            case .value(_, let tolerance) where tolerance < 0:
                findings.append(
                    .error(
                        "numeric-tolerance", at: item.location(of: "tolerance"),
                        "\(name) has a negative tolerance (\(format(tolerance))); use 0 or more"))
            case .range(let low, let high) where low > high:
                findings.append(
                    .error(
                        "numeric-range", at: item.location(of: "range"),
                        "\(name) has a range whose low end \(format(low)) is above its high end \(format(high)); write [low, high]"
                    ))
            default:
                break
            }
        case .cloze(let cloze):
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
            findings += patternFindings(cloze.blanks.flatMap { $0 }, in: item, key: "prompt", name: name)
        case .order(let sequence):
            findings += tooMany(sequence.count, "entry", in: item, key: "sequence", name: name)
            if let finding = tooFew(sequence.count, 2, "entry", in: item, key: "sequence", name: name) {
                findings.append(finding)
            }
        case .match(let pairs):
            findings += tooMany(pairs.count, "pair", in: item, key: "pairs", name: name)
            if let finding = tooFew(pairs.count, 2, "pair", in: item, key: "pairs", name: name) {
                findings.append(finding)
            }
        case .open(let key):
            if let finding = tooFew(key.rubric.count, 1, "point", in: item, key: "rubric", name: name) {
                findings.append(finding)
            }
        case .roles(let sentences):
            if let finding = tooFew(sentences.count, 2, "sentence", in: item, key: "sentences", name: name) {
                findings.append(finding)
            }
            findings += AssumptionRule.findings(sentences, in: item, name: name)
        case .walkthrough(let walkthrough):
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
        }
        return findings
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

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
