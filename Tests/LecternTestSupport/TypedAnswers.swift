package import LecternClass
package import LecternCore

/// What a student types for a question, read off the question as shown (the letters of
/// the displayed options) and the deck's key: the way a student who knows the answer would.
package enum TypedAnswers {
    package static func letter(of text: String, in shown: [String]) -> String {
        OptionLabel.letter(shown.firstIndex(of: text) ?? -1)
    }

    package static func right(_ asked: Item, shown: QuestionMessage) -> String {
        switch asked.body {
        case .choice(let options):
            return letter(of: (options.first(where: \.isCorrect)?.text ?? ""), in: shown.options)
        case .multi(let options):
            return options.filter(\.isCorrect).map { letter(of: $0.text, in: shown.options) }.joined(separator: " ")
        case .truefalse(let answer):
            return answer ? "t" : "f"
        case .short(let key):
            return key.accept[0]
        case .numeric(let key):
            guard case .value(let value, _) = key.target else { return "" }
            return NumericAnswerGrader.format(value)
        case .cloze(let cloze):
            return cloze.blanks.map { $0[0] }.joined(separator: "; ")
        case .order(let entries):
            return entries.map { letter(of: $0, in: shown.options) }.joined(separator: " ")
        case .match(let pairs):
            return pairs.enumerated().map { "\($0.offset + 1)\(letter(of: $0.element.right, in: shown.options))" }
                .joined(separator: " ")
        case .roles(let sentences):
            return sentences.enumerated().map { "\($0.offset + 1)\($0.element.role.rawValue)" }.joined(separator: " ")
        case .open(let key):
            return key.model
        case .walkthrough, .description:
            return ""
        }
    }

    /// A wrong answer, or a partly right one where the type gives partial credit
    /// (`partial(_:)` says which).
    package static func weaker(_ asked: Item, shown: QuestionMessage) -> String {
        switch asked.body {
        case .choice(let options):
            return letter(of: (options.first { !$0.isCorrect }?.text ?? ""), in: shown.options)
        case .multi(let options):
            return letter(of: (options.first(where: \.isCorrect)?.text ?? ""), in: shown.options)
        case .truefalse(let answer):
            return answer ? "f" : "t"
        case .short:
            return "nobody at all"
        case .numeric:
            return "55"
        case .cloze(let cloze):
            return ([cloze.blanks[0][0]] + cloze.blanks.dropFirst().map { _ in "nothing" }).joined(separator: "; ")
        case .order(let entries):
            return entries.reversed().map { letter(of: $0, in: shown.options) }.joined(separator: " ")
        case .match(let pairs):
            // The first pair right, the others rotated.
            let rights = pairs.map(\.right)
            let rotated = [rights[0]] + Array(rights.dropFirst().dropFirst()) + [rights[1]]
            return rotated.enumerated().map { "\($0.offset + 1)\(letter(of: $0.element, in: shown.options))" }
                .joined(separator: " ")
        case .roles(let sentences):
            return sentences.enumerated().map { "\($0.offset + 1)\($0.element.role == .premise ? "c" : "p")" }
                .joined(separator: " ")
        case .open:
            return "No idea."
        case .walkthrough, .description:
            return ""
        }
    }

    /// Whether `weaker` earns partial credit for this type.
    package static func partial(_ kind: ItemKind) -> Bool {
        [.multi, .cloze, .match].contains(kind)
    }
}
