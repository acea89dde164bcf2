/// The notes of an Anki package made from a deck: what each card's front and back say, in
/// HTML (Anki's field format), and a GUID that depends only on the deck and item ids, so a
/// learner who imports a newer export gets their notes updated instead of duplicated.
///
/// Pure: the package file itself (SQLite in a zip) is written by `LecternAnki`.
package struct AnkiNote: Sendable, Equatable {
    package var guid: String
    /// The item id, or `item/step` for a walkthrough step.
    package var itemID: String
    /// The prompt and the options (HTML).
    package var front: String
    /// The answer, the explanation and the cited paragraphs (HTML).
    package var back: String
    /// Anki tags: no spaces inside a tag.
    package var tags: [String]
}

package enum AnkiNotes {
    /// One note per item; a walkthrough gives one note per step, each with the scenario. A
    /// description is no note (a card must ask something): its text leads the front of the
    /// notes of the question after it, as a session shows it above that question.
    package static func notes(of deck: Deck) -> [AnkiNote] {
        deck.questions.flatMap { item -> [AnkiNote] in
            let intro = deck.introduction(to: item.id).map(\.prompt)
            guard case .walkthrough(let walkthrough) = item.body else {
                let lead = intro.isEmpty ? nil : intro.joined(separator: "\n\n")
                return [note(item, deck: deck, id: item.id, lead: lead, tags: item.tags)]
            }
            return walkthrough.steps.map { step in
                note(
                    step, deck: deck, id: "\(item.id)/\(step.id)",
                    lead: (intro + [walkthrough.scenario]).joined(separator: "\n\n"),
                    tags: item.tags + step.tags.filter { !item.tags.contains($0) })
            }
        }
    }

    /// Ten characters from Anki's GUID alphabet, from a 64-bit FNV-1a hash of the two ids:
    /// the same deck and item give the same GUID on every machine and every export.
    package static func guid(deck: String, item: String) -> String {
        let alphabet = Array(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~")
        var value = stableHash("lectern\u{1F}\(deck)\u{1F}\(item)")
        var guid = ""
        for _ in 0..<10 {
            guid.append(alphabet[Int(value % UInt64(alphabet.count))])
            value /= UInt64(alphabet.count)
        }
        return guid
    }

    /// FNV-1a over the UTF-8 bytes: stable across runs and platforms, unlike `Hasher`.
    package static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// Text made safe for an HTML field: `& < > "` escaped, line breaks as `<br>`.
    package static func html(_ text: String) -> String {
        var output = ""
        for character in text.trimmingWhitespace {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "\n", "\r\n": output += "<br>"
            default: output.append(character)
            }
        }
        return output
    }

    static func note(_ item: Item, deck: Deck, id: String, lead: String?, tags: [String]) -> AnkiNote {
        var front = lead.map { ["<div class=scenario>\(html($0))</div>"] } ?? []
        let shown = item.kind == .cloze ? Cloze(parsing: item.prompt).displayText : item.prompt
        front.append("<div class=prompt>\(html(shown))</div>")
        var back: [String] = []
        let (shownOptions, answer) = AnkiAnswer.describe(item.body)
        if !shownOptions.isEmpty {
            front.append("<ol class=options type=A>" + shownOptions.map { "<li>\(html($0))</li>" }.joined() + "</ol>")
        }
        back.append("<div class=answer>" + answer.map(html).joined(separator: "<br>") + "</div>")
        if let explain = item.explain { back.append("<div class=explain>\(html(explain))</div>") }
        let cited = item.source.compactMap { number in
            deck.source?.passage(number).map { "¶\(number): \(html($0.summary))" }
        }
        if !cited.isEmpty { back.append("<div class=source>" + cited.joined(separator: "<br>") + "</div>") }
        return AnkiNote(
            guid: guid(deck: deck.id, item: id), itemID: id, front: front.joined(separator: "\n"),
            back: back.joined(separator: "\n"),
            tags: tags.map { String($0.map { $0.isWhitespace ? "_" : $0 }) }.filter { !$0.isEmpty })
    }
}

/// What the front lists and what the back gives as the answer, per item type.
enum AnkiAnswer {
    static func letter(_ index: Int) -> String { String(UnicodeScalar(UInt8(ascii: "A") + UInt8(index % 26))) }

    static func describe(_ body: ItemBody) -> (options: [String], answer: [String]) {
        switch body {
        case .choice(let options), .multi(let options):
            let right = options.indices.filter { options[$0].isCorrect }.map { "\(letter($0)). \(options[$0].text)" }
            return (options.map(\.text), right)
        case .truefalse(let answer):
            return (["True", "False"], [answer ? "True" : "False"])
        case .short(let key):
            let words = key.accept.filter { !($0.hasPrefix("/") && $0.hasSuffix("/") && $0.count >= 2) }
            return (
                [],
                [words.first ?? ""]
                    + (words.count > 1 ? ["Also accepted: " + words.dropFirst().joined(separator: "; ")] : [])
                    + weighted(key.answers) { $0 }
            )
        case .numeric(let key):
            let format = NumericAnswerGrader.format
            return (
                [],
                [NumericAnswerGrader.displayAnswer(key)]
                    + weighted(key.answers) { target in
                        switch target {
                        case .value(let value, let tolerance):
                            format(value) + (tolerance > 0 ? " (± \(format(tolerance)))" : "")
                        case .range(let low, let high): "\(format(low)) to \(format(high))"
                        }
                    } + (key.otherwise.map { ["Any other number: " + $0] } ?? [])
            )
        case .cloze(let cloze):
            return ([], cloze.blanks.enumerated().map { "[\($0.offset + 1)] " + ($0.element.first ?? "") })
        case .order(let sequence):
            // Shown in a fixed order that is not the answer: alphabetical.
            return (sequence.sorted(), sequence.enumerated().map { "\($0.offset + 1). \($0.element)" })
        case .match(let pairs):
            let rights = pairs.map(\.right).sorted()
            return (pairs.map(\.left) + rights.map { "→ \($0)" }, pairs.map { "\($0.left) → \($0.right)" })
        case .open(let key):
            return ([], ["Model answer: " + key.model] + key.rubric.map { "• " + $0 })
        case .roles(let sentences):
            return (sentences.map(\.text), sentences.map { "\($0.text) → \($0.role.name)" })
        case .walkthrough, .description:
            return ([], [])
        }
    }
}

extension AnkiAnswer {
    /// Answers worth less than full credit, or that say something: `Lutetia (50%): its Roman name`.
    static func weighted<Value>(_ answers: [WeightedAnswer<Value>], _ show: (Value) -> String) -> [String] {
        answers.filter { !$0.isFullCredit }.map { answer in
            "\(show(answer.value)) (\(NumericAnswerGrader.format(answer.credit))%)"
                + (answer.feedback.map { ": " + $0 } ?? "")
        }
    }
}
