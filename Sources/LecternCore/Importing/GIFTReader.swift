/// Reads Moodle's GIFT question format into `GIFTQuestion`s, following Moodle's importer:
/// a malformed question refuses the whole file, and what our deck format cannot hold yet
/// (a penalty on a single-answer option, unequal weights in a multiple-answer question) is a
/// warning that names its line.
///
/// Pure: text in, questions and findings out; reading the file is the caller's business.
package enum GIFTReader {
    package static func read(_ text: String, path: String) -> GIFTReadResult {
        var reader = Reading(file: path)
        for block in GIFTBlocks.split(text) {
            if let question = reader.question(block) { reader.questions.append(question) }
        }
        let asks = reader.questions.contains { $0.kind != .description }
        if !asks && !reader.diagnostics.contains(where: { $0.severity == .error }) {
            reader.diagnostics.append(
                .error(
                    "gift-no-question", at: SourceLocation(file: path, line: 1, column: 1),
                    "the file holds no GIFT question with answers in braces; is it a GIFT file?"))
        }
        return GIFTReadResult(
            questions: reader.questions, diagnostics: reader.diagnostics.sorted { $0.location < $1.location })
    }
}

/// One answer between the braces: its sign (`=` right, `~` wrong), optional `%weight%`,
/// text and `#feedback`.
private struct GIFTAnswer {
    var sign: Unicode.Scalar
    var weight: Double?
    var body: [GIFTMark]
    var feedback: String?
    /// Where the answer starts (its sign).
    var start: GIFTMark
}

private struct Reading {
    let file: String
    var questions: [GIFTQuestion] = []
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    func at(_ mark: GIFTMark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }

    mutating func error(_ rule: String, _ mark: GIFTMark, _ message: String) {
        diagnostics.append(.error(rule, at: at(mark), message))
    }

    mutating func notKept(_ mark: GIFTMark, _ message: String) {
        diagnostics.append(.warning("gift-not-kept", at: at(mark), message))
    }

    mutating func question(_ block: GIFTBlocks.Block) -> GIFTQuestion? {
        var marks = block.marks.trimmed
        guard let first = marks.first else { return nil }
        var title: String?
        if marks.count >= 2 && marks[0].isSyntax(":") && marks[1].isSyntax(":") {
            guard let close = marks.firstSyntax(":", ":", from: 2) else {
                error("gift-unclosed-title", first, "the title opened with '::' is not closed; end it with '::'")
                return nil
            }
            title = Array(marks[2..<close]).plain
            marks = Array(marks[(close + 2)...])
        }
        if marks.firstSyntax("{") == nil && marks.firstSyntax("}") == nil {
            return description(marks, block: block, title: title, at: first)
        }
        guard let (open, close) = answerBraces(marks, first: first) else { return nil }
        var (prompt, id, tags) = GIFTMarkup.prompt(Array(marks[..<open]).plain)
        let after = Array(marks[(close + 1)...])
        var answers = Array(marks[(open + 1)..<close])
        var generalFeedback: String?
        if let split = answers.firstSyntax("#", "#", from: 0), split + 3 < answers.count,
            answers[split + 2].isSyntax("#") && answers[split + 3].isSyntax("#")
        {
            generalFeedback = GIFTMarkup.plain(Array(answers[(split + 4)...]).plain)
            answers = Array(answers[..<split])
        }
        guard let kind = kind(of: answers.trimmed, brace: marks[open]) else { return nil }
        var textAfter: String?
        if !after.isBlank {
            if kind == .essay {
                prompt += " " + GIFTMarkup.plain(after.plain)
            } else {
                textAfter = GIFTMarkup.plain(after.plain)
            }
        }
        if prompt.isEmpty && textAfter == nil {
            error("gift-empty-question", marks[open], "the question has no text before its answers; write the question")
            return nil
        }
        // Moodle reads `[id:…]` and `[tag:…]` from the question's comment lines; the text form is kept too.
        let fromComments = GIFTMarkup.prompt(block.comments.joined(separator: "\n"))
        id = id ?? fromComments.id
        tags = (fromComments.tags + tags).filter { !$0.isEmpty }
        return GIFTQuestion(
            title: title, id: id, tags: tags, category: block.category, prompt: prompt, textAfter: textAfter,
            generalFeedback: generalFeedback.flatMap { $0.isEmpty ? nil : $0 }, kind: kind, location: at(first))
    }

    /// The positions of the one `{` and `}` around the answers, or nil (with the error, or a
    /// note for a description without answers) when the braces are missing, unclosed, nested,
    /// repeated or stray.
    private mutating func answerBraces(_ marks: [GIFTMark], first: GIFTMark) -> (open: Int, close: Int)? {
        let open = marks.firstSyntax("{")
        let close = marks.firstSyntax("}")
        if let close, open.map({ close < $0 }) ?? true {
            error("gift-stray-brace", marks[close], "'}' without '{' before it; escape it as \\} if it is text")
            return nil
        }
        guard let open else { return nil }  // a description, read by `description`
        guard let close else {
            error("gift-unclosed-brace", marks[open], "'{' is not closed; end the answers with '}' or escape it as \\{")
            return nil
        }
        if let nested = marks.firstSyntax("{", from: open + 1), nested < close {
            error("gift-unclosed-brace", marks[open], "'{' is not closed before the next '{'; end the answers with '}'")
            return nil
        }
        if let again = marks.firstSyntax("{", from: close + 1) {
            error(
                "gift-second-answers", marks[again],
                "a second '{' in one question; GIFT has one answer block per question (escape it as \\{ if it is text)")
            return nil
        }
        if let stray = marks.firstSyntax("}", from: close + 1) {
            error("gift-stray-brace", marks[stray], "'}' without '{' before it; escape it as \\} if it is text")
            return nil
        }
        return (open, close)
    }

    /// Text without braces: Moodle's description, shown and not graded.
    func description(_ marks: [GIFTMark], block: GIFTBlocks.Block, title: String?, at first: GIFTMark)
        -> GIFTQuestion?
    {
        var (text, id, tags) = GIFTMarkup.prompt(marks.plain)
        guard !text.isEmpty else { return nil }  // a title alone: nothing to show
        let fromComments = GIFTMarkup.prompt(block.comments.joined(separator: "\n"))
        id = id ?? fromComments.id
        tags = (fromComments.tags + tags).filter { !$0.isEmpty }
        return GIFTQuestion(
            title: title, id: id, tags: tags, category: block.category, prompt: text, textAfter: nil,
            generalFeedback: nil, kind: .description, location: at(first))
    }

    // MARK: - The answers

    mutating func kind(of answers: [GIFTMark], brace: GIFTMark) -> GIFTQuestion.Kind? {
        guard let first = answers.first else { return .essay }
        if first.isSyntax("#") { return numeric(Array(answers.dropFirst()).trimmed, brace: brace) }
        let head = answers.firstSyntax("#").map { Array(answers[..<$0]) } ?? answers
        switch head.plain.uppercased() {
        case "T", "TRUE", "F", "FALSE":
            let answer = head.plain.uppercased().hasPrefix("T")
            let feedbacks = pieces(answers, by: "#").dropFirst().map { GIFTMarkup.plain($0.plain) }
            return .trueFalse(
                answer: answer, wrongFeedback: feedbacks.first.flatMap { $0.isEmpty ? nil : $0 },
                rightFeedback: feedbacks.dropFirst().first.flatMap { $0.isEmpty ? nil : $0 })
        default: break
        }
        guard let list = split(answers) else { return nil }
        // Moodle's order: any '~' makes a multiple choice, then '->' a matching question.
        if list.contains(where: { $0.sign == "~" }) {
            // With no '=' Moodle lets the learner choose several options: the positive weights.
            if !list.contains(where: { $0.sign == "=" }) && list.contains(where: { ($0.weight ?? 0) > 0 }) {
                return multi(list, brace: brace)
            }
            return choice(list, brace: brace)
        }
        if answers.firstSyntax("-", ">") != nil { return match(list, brace: brace) }
        return short(list, brace: brace)
    }

    /// The answers at each syntactic `=` or `~`; nil (with an error) when text comes before the first.
    mutating func split(_ marks: [GIFTMark]) -> [GIFTAnswer]? {
        let starts = marks.indices.filter { marks[$0].isSyntax("=") || marks[$0].isSyntax("~") }
        guard let firstStart = starts.first, Array(marks[..<firstStart]).isBlank else {
            let mark = marks.first { !$0.scalar.properties.isWhitespace } ?? marks[0]
            error(
                "gift-no-answer-sign", mark,
                "answers start with '=' (right) or '~' (wrong); T or F for true/false, '#' for a number")
            return nil
        }
        var answers: [GIFTAnswer] = []
        for (n, start) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1] : marks.count
            var body = Array(marks[(start + 1)..<end]).trimmed
            var weight: Double?
            if body.first?.isSyntax("%") == true, let closing = body.firstSyntax("%", from: 1) {
                let text = Array(body[1..<closing]).plain
                guard let value = GIFTMarkup.number(text) else {
                    error("gift-bad-number", body[1], "the weight '\(text)' is not a number; write it like %50%")
                    return nil
                }
                weight = value
                body = Array(body[(closing + 1)...]).trimmed
            }
            var feedback: String?
            if let hash = body.firstSyntax("#") {
                feedback = GIFTMarkup.plain(Array(body[(hash + 1)...]).plain)
                body = Array(body[..<hash]).trimmed
            }
            answers.append(
                GIFTAnswer(
                    sign: marks[start].scalar, weight: weight, body: body,
                    feedback: feedback.flatMap { $0.isEmpty ? nil : $0 }, start: marks[start]))
        }
        return answers
    }

    func pieces(_ marks: [GIFTMark], by separator: Unicode.Scalar) -> [[GIFTMark]] {
        var result: [[GIFTMark]] = [[]]
        for mark in marks {
            if mark.isSyntax(separator) { result.append([]) } else { result[result.count - 1].append(mark) }
        }
        return result
    }

    /// Full credit: `=` without a weight, or any weight of 100%.
    func isRight(_ answer: GIFTAnswer) -> Bool {
        answer.weight.map { $0 >= 100 } ?? (answer.sign == "=")
    }

    mutating func choice(_ answers: [GIFTAnswer], brace: GIFTMark) -> GIFTQuestion.Kind? {
        guard answers.count >= 2 else {
            error(
                "gift-one-option", answers.first?.start ?? brace,
                "a multiple choice needs at least two options; add another")
            return nil
        }
        var options: [GIFTQuestion.Option] = []
        for answer in answers {
            let text = GIFTMarkup.plain(answer.body.plain)
            guard !text.isEmpty else {
                error("gift-empty-answer", answer.start, "an option without text; write it or remove the sign")
                return nil
            }
            if let weight = answer.weight, weight < 0 {
                notKept(
                    answer.start,
                    "the penalty \(GIFTMarkup.format(weight))% of option '\(text)' cannot be kept: a wrong choice scores 0, never less; it becomes a plain wrong option"
                )
            }
            let credit = answer.weight.flatMap { $0 > 0 && $0 < 100 ? $0 : nil }
            options.append(
                GIFTQuestion.Option(text: text, correct: isRight(answer), feedback: answer.feedback, credit: credit))
        }
        let right = options.filter(\.correct).count
        guard right == 1 else {
            if right == 0 {
                error("gift-no-right-answer", brace, "no option is marked right; mark the right one with '='")
            } else {
                notKept(
                    brace,
                    "\(right) options have full credit, and a choice item has one right option; question left out")
            }
            return nil
        }
        return .choice(options)
    }

    /// Several right options (Moodle's "multiple answers"): every option with a positive weight is
    /// right. Decks give credit only for choosing exactly the right ones, so unequal weights
    /// (partial credit that differs by option) are reported as not kept.
    mutating func multi(_ answers: [GIFTAnswer], brace: GIFTMark) -> GIFTQuestion.Kind? {
        guard answers.count >= 2 else {
            error("gift-one-option", answers[0].start, "a multiple choice needs at least two options; add another")
            return nil
        }
        var options: [GIFTQuestion.Option] = []
        for answer in answers {
            let text = GIFTMarkup.plain(answer.body.plain)
            guard !text.isEmpty else {
                error("gift-empty-answer", answer.start, "an option without text; write it or remove the sign")
                return nil
            }
            options.append(
                GIFTQuestion.Option(text: text, correct: (answer.weight ?? 0) > 0, feedback: answer.feedback))
        }
        let weights = answers.compactMap(\.weight).filter { $0 > 0 }
        if let low = weights.min(), let high = weights.max(), high - low > 0.01 {
            notKept(
                brace,
                "the unequal weights of the right options (\(weights.map(GIFTMarkup.format).joined(separator: "%, "))%) cannot be kept: a multi item needs every right option chosen"
            )
        }
        // A multi item takes one share (100% ÷ right options) away for each wrong pick.
        let share = 100 / Double(max(1, options.filter(\.correct).count))
        let penalties = answers.filter { ($0.weight ?? 0) <= 0 }.map { $0.weight ?? 0 }
        if penalties.contains(where: { abs($0 + share) > 0.01 }) {
            notKept(
                brace,
                "the weights of the wrong options (\(penalties.map(GIFTMarkup.format).joined(separator: "%, "))%) cannot be kept: a multi item takes \(GIFTMarkup.format((share * 100).rounded() / 100))% away for each wrong pick"
            )
        }
        return .multi(options)
    }

    /// Every wording keeps its weight (100 for `=` without one) and feedback, so a nearly right
    /// answer keeps its partial credit and a listed wrong one (0%) its explanation.
    mutating func short(_ answers: [GIFTAnswer], brace: GIFTMark) -> GIFTQuestion.Kind? {
        var accepted: [WeightedAnswer<String>] = []
        for answer in answers {
            let text = GIFTMarkup.plain(answer.body.plain)
            guard !text.isEmpty else {
                error("gift-empty-answer", answer.start, "an answer without text; write it or remove the '='")
                return nil
            }
            accepted.append(WeightedAnswer(text, credit: weight(of: answer), feedback: answer.feedback))
        }
        guard accepted.contains(where: \.isFullCredit) else {
            notKept(brace, "no answer has full credit, so the question cannot be graded here; question left out")
            return nil
        }
        return .short(accepted)
    }

    /// An answer's weight in percent: as written, else 100 for `=` and 0 for `~`.
    func weight(of answer: GIFTAnswer) -> Double {
        answer.weight ?? (answer.sign == "=" ? 100 : 0)
    }

    mutating func match(_ answers: [GIFTAnswer], brace: GIFTMark) -> GIFTQuestion.Kind? {
        var pairs: [GIFTQuestion.Pair] = []
        for answer in answers {
            guard answer.sign == "=", let arrow = answer.body.firstSyntax("-", ">") else {
                error(
                    "gift-match-no-arrow", answer.start,
                    "a matching pair is written '=left -> right'; this one has no '->'")
                return nil
            }
            let left = GIFTMarkup.plain(Array(answer.body[..<arrow]).plain)
            let right = GIFTMarkup.plain(Array(answer.body[(arrow + 2)...]).plain)
            guard !right.isEmpty else {
                error(
                    "gift-empty-answer", answer.start, "a matching pair without a right-hand side; write it after '->'")
                return nil
            }
            if left.isEmpty {
                notKept(
                    answer.start,
                    "the extra right-hand side '\(right)' (no left) cannot be kept: pairs need both sides; left out")
                continue
            }
            pairs.append(GIFTQuestion.Pair(left: left, right: right))
        }
        guard pairs.count >= 2 else {
            error(
                "gift-match-one-pair", brace,
                "a matching question needs at least two pairs; add another '=left -> right'")
            return nil
        }
        return .match(pairs)
    }

    mutating func numeric(_ answers: [GIFTMark], brace: GIFTMark) -> GIFTQuestion.Kind? {
        guard let first = answers.first else {
            error("gift-no-number", brace, "a numerical question needs a number after '#', such as {#3.14:0.01}")
            return nil
        }
        guard first.isSyntax("=") || first.isSyntax("~") else {
            let parts = pieces(answers, by: "#")
            let feedback = parts.dropFirst().first.map { GIFTMarkup.plain($0.plain) }
            return number(parts[0].trimmed, brace: brace).map {
                .numeric([WeightedAnswer($0, feedback: feedback.flatMap { $0.isEmpty ? nil : $0 })], otherwise: nil)
            }
        }
        guard let list = split(answers) else { return nil }
        var kept: [WeightedAnswer<NumericAnswerKey.Target>] = []
        var otherwise: String?
        for answer in list {
            if answer.sign == "~" && answer.body.isBlank {
                // Moodle's "any other answer": only its feedback means something here.
                if let feedback = answer.feedback {
                    if otherwise != nil {
                        notKept(
                            answer.start, "a second feedback for other numbers ('\(feedback)') cannot be kept; left out"
                        )
                    }
                    otherwise = otherwise ?? feedback
                }
                continue
            }
            guard let target = number(answer.body, brace: answer.start) else { return nil }
            kept.append(WeightedAnswer(target, credit: weight(of: answer), feedback: answer.feedback))
        }
        guard kept.contains(where: \.isFullCredit) else {
            error("gift-no-number", brace, "no numeric answer has full credit; mark one with '=' and no weight")
            return nil
        }
        return .numeric(kept, otherwise: otherwise)
    }

    /// `value`, `value:tolerance` or `low..high`, each number checked where it stands.
    mutating func number(_ marks: [GIFTMark], brace: GIFTMark) -> NumericAnswerKey.Target? {
        let marks = marks.trimmed
        guard !marks.isEmpty else {
            error("gift-no-number", brace, "a numerical answer needs a number, such as 3.14 or 3.14:0.01 or 1..5")
            return nil
        }
        func value(_ part: ArraySlice<GIFTMark>, _ what: String) -> Double? {
            let text = Array(part).plain
            if let number = GIFTMarkup.number(text) { return number }
            let mark = Array(part).trimmed.first ?? marks[marks.count - 1]
            error("gift-bad-number", mark, "the \(what) '\(text)' is not a number; write digits such as 3.14")
            return nil
        }
        if let dots = marks.firstSyntax(".", ".") {
            guard let low = value(marks[..<dots], "lower bound"), let high = value(marks[(dots + 2)...], "upper bound")
            else { return nil }
            guard NumericAnswerKey.Target.range(low, high).problem == nil else {
                error("gift-bad-number", marks[0], "the range is reversed; write the lower bound first")
                return nil
            }
            return .range(low, high)
        }
        if let colon = marks.firstSyntax(":") {
            guard let answer = value(marks[..<colon], "answer"),
                let tolerance = value(marks[(colon + 1)...], "tolerance")
            else { return nil }
            guard NumericAnswerKey.Target.value(answer, tolerance: tolerance).problem == nil else {
                error("gift-bad-number", marks[colon], "a tolerance cannot be negative")
                return nil
            }
            return .value(answer, tolerance: tolerance)
        }
        guard let answer = value(marks[...], "answer") else { return nil }
        return .value(answer, tolerance: 0)
    }
}
