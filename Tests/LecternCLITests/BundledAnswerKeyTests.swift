import Foundation
import LecternCore
import Testing

/// The typed-answer items and steps of every bundled deck, answered in a real scripted
/// session of the real binary: first each with the answer it shows, then each with the last
/// wording it accepts. Every answer must score, or a learner who is right is marked wrong.
@Suite("Bundled answer keys in a session")
struct BundledAnswerKeyTests {
    struct Question {
        var yaml: String
        var shown: String
        var last: String
    }

    static func quoted(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Every short, cloze, numeric and true/false question, steps included, as one flat deck.
    static func questions() -> [Question] {
        let decks = DeckLibrary.load(directories: [LecternBinary.bundledDecks]).usableDecks
        var questions: [Question] = []
        for deck in decks {
            for item in deck.items {
                var all = [item]
                if case .walkthrough(let walkthrough) = item.body { all = walkthrough.steps }
                for question in all {
                    let id = "q\(questions.count + 1)"
                    let head =
                        "  - {id: \(id), skill: recall, source: [1], explain: \(quoted(deck.id + "/" + question.id)), "
                    switch question.body {
                    case .short(let key):
                        let plain = key.accept.filter { !($0.hasPrefix("/") && $0.hasSuffix("/") && $0.count >= 3) }
                        let accept = key.accept.map(quoted).joined(separator: ", ")
                        questions.append(
                            Question(
                                yaml: head + "type: short, prompt: \(quoted(question.prompt)), accept: [\(accept)]}",
                                shown: ShortAnswerGrader.displayAnswer(key.accept), last: plain.last ?? ""))
                    case .cloze(let cloze):
                        let prompt = cloze.blanks.map { "{{" + $0.joined(separator: "|") + "}}" }.joined(
                            separator: " / ")
                        questions.append(
                            Question(
                                yaml: head + "type: cloze, prompt: \(quoted(prompt))}",
                                shown: cloze.blanks.compactMap(\.first).joined(separator: "; "),
                                last: cloze.blanks.compactMap(\.last).joined(separator: "; ")))
                    case .numeric(let key):
                        guard case .value(let value, let tolerance) = key.target else { continue }
                        let number = value == value.rounded() ? String(Int(value)) : String(value)
                        let answer = key.percent ? number + "%" : number
                        questions.append(
                            Question(
                                yaml: head
                                    + "type: numeric, prompt: \(quoted(question.prompt)), answer: \(number), tolerance: \(tolerance), percent: \(key.percent)}",
                                shown: answer, last: answer))
                    case .truefalse(let answer):
                        questions.append(
                            Question(
                                yaml: head + "type: truefalse, prompt: \(quoted(question.prompt)), answer: \(answer)}",
                                shown: answer ? "true" : "false", last: answer ? "t" : "f"))
                    default:
                        continue
                    }
                }
            }
        }
        return questions
    }

    static func session(answers: KeyPath<Question, String>) throws -> (count: Int, output: String) {
        let questions = questions()
        let home = try LecternBinary.makeHome()
        let folder = home.appendingPathComponent("decks")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let deck =
            "lectern: 1\nid: keys\ntitle: Keys\nsource:\n  title: The essay\n  passages:\n    1: All of it.\nitems:\n"
            + questions.map(\.yaml).joined(separator: "\n") + "\n"
        try deck.write(to: folder.appendingPathComponent("keys.yaml"), atomically: true, encoding: .utf8)
        let input = "drill keys\n" + questions.map { $0[keyPath: answers] + "\n\n" }.joined()
        let result = try LecternBinary.run(
            ["--decks", folder.path, "--db", home.appendingPathComponent("p.sqlite3").path], input: input, home: home)
        #expect(result.status == 0, "\(result.standardError)")
        return (questions.count, result.standardOutput)
    }

    @Test func theShownAnswerOfEveryQuestionScores() throws {
        let (count, output) = try Self.session(answers: \.shown)
        #expect(count > 60)
        #expect(output.contains("Score: \(count) of \(count) (100%)"), "\(output.suffix(1500))")
    }

    @Test func theLastAcceptedWordingOfEveryQuestionScores() throws {
        let (count, output) = try Self.session(answers: \.last)
        #expect(output.contains("Score: \(count) of \(count) (100%)"), "\(output.suffix(1500))")
    }
}
