import Foundation
import LecternClass
import LecternCore
import Testing
import LecternTestSupport

@Suite("Live class: protocol")
struct ProtocolTests {
    @Test func clientMessagesRoundTripThroughTheirText() {
        let messages: [ClientMessage] = [
            .join(code: "K7QF", name: "Ada \"the\" first\n", token: nil),
            .join(code: "k7-qf", name: "李雷", token: "00ff"),
            .answer(question: 3, answer: "1b 2a; \\ / \u{2028}"),
            .leave,
        ]
        for message in messages {
            #expect(ClientMessage.decode(message.encoded()) == .success(message), "\(message.encoded())")
        }
        #expect(
            ClientMessage.decode(#"{"type":"answer","question":2.0,"answer":"b"}"#)
                == .success(.answer(question: 2, answer: "b")))
        // On Linux an NSNumber holding 0 or 1 also claims to be a Bool: questions 0 and 1
        // must still be read as numbers.
        for question in [0, 1] {
            #expect(
                ClientMessage.decode(#"{"type":"answer","question":\#(question),"answer":"b"}"#)
                    == .success(.answer(question: question, answer: "b")))
        }
        #expect(
            ClientMessage.decode(#"{"type":"join","code":"K7QF","name":"Ada","token":null}"#)
                == .success(.join(code: "K7QF", name: "Ada", token: nil)))
    }

    @Test func anythingElseIsRefusedWithACode() {
        let refused: [(String, LiveError.Code)] = [
            ("not json", .badJSON), ("[1, 2]", .badJSON), ("\"join\"", .badJSON), ("", .badJSON),
            (#"{"code":"K7QF"}"#, .badMessage), (#"{"type":5}"#, .badMessage),
            (#"{"type":"dance"}"#, .unknownType),
            (#"{"type":"join","code":"K7QF"}"#, .badMessage),
            (#"{"type":"join","code":"K7QF","name":"Ada","token":7}"#, .badMessage),
            (#"{"type":"answer","question":"3","answer":"b"}"#, .badMessage),
            (#"{"type":"answer","question":3.5,"answer":"b"}"#, .badMessage),
            (#"{"type":"answer","question":true,"answer":"b"}"#, .badMessage),
            (#"{"type":"answer","question":1e300,"answer":"b"}"#, .badMessage),
            (#"{"type":"answer","question":1,"answer":["b"]}"#, .badMessage),
        ]
        // A client's words quoted back are cut short and cannot drive a terminal.
        if case .failure(let error) = ClientMessage.decode(
            #"{"type":"\u001b]0;owned\u0007\#(String(repeating: "x", count: 100))"}"#)
        {
            #expect(error.code == .unknownType)
            #expect(!error.message.unicodeScalars.contains { $0.value < 0x20 } && error.message.count < 80)
        } else {
            Issue.record("an unknown type was accepted")
        }
        for (text, code) in refused {
            guard case .failure(let error) = ClientMessage.decode(text) else {
                Issue.record("accepted: \(text)")
                continue
            }
            #expect(error.code == code, "\(text)")
            #expect(!error.message.isEmpty)
        }
    }

    /// Every message a class sends is one JSON object with its `type`, and reads back the same.
    @Test func serverMessagesCarryTheirTypeAndReadBack() throws {
        var driver = ClassDriver()
        let ada = driver.join("Ada").client
        let ben = driver.join("Ben").client
        driver.send(.teacher(.start))
        let shown = try #require(driver.messages(to: ada).compactMap(\.question).last)
        driver.send(.answer(ada, question: 0, text: TypedAnswers.right(driver.live.questions[0].asked, shown: shown)))
        driver.send(.answer(ben, question: 9, text: "b"))
        driver.send(.answer(ben, question: 0, text: "zz"))
        driver.send(.teacher(.pause))
        driver.send(.teacher(.resume))
        driver.send(.teacher(.reveal))
        driver.send(.teacher(.board))
        driver.send(.teacher(.end))
        let sent = driver.messages(to: ada) + driver.messages(to: ben)
        #expect(
            Set(sent.map(\.type))
                == ["welcome", "lobby", "question", "accepted", "reveal", "board", "paused", "end", "error"])
        for message in sent {
            let text = message.encoded()
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(object["type"] as? String == message.type, "\(text)")
            let decoded = try JSONDecoder().decode(ServerMessage.self, from: Data(text.utf8))
            #expect(decoded == message, "\(text)")
        }
        let welcome = try #require(driver.messages(to: ada).compactMap(\.welcome).first)
        #expect(welcome.version == LiveProtocol.version)
        #expect(welcome.token.count == 32 && welcome.token.allSatisfy(\.isHexDigit))
    }

    /// The keys a question frame may have: displayed text and timing, nothing else.
    static let questionKeys: Set<String> = [
        "type", "question", "count", "itemType", "prompt", "options", "numbered", "blanks", "unit", "percent", "lines",
        "scenario", "step", "steps", "timeLimit", "secondsLeft", "deadline",
    ]

    /// Every question of every bundled deck, encoded as a class sends it, holds no key
    /// text: no explanation, option feedback, accepted answer, blank, model answer or
    /// rubric (unless the student is shown that text anyway), and no order in its right order.
    @Test func noQuestionOfAnyBundledDeckCarriesItsAnswer() throws {
        let decks = DeckLibrary.load(directories: [BundledDecks.folder]).usableDecks
        #expect(decks.count >= 7)
        var checked = 0
        for deck in decks {
            var driver = ClassDriver(LiveClass(deck: deck, random: SplitMix64(seed: 3)))
            let student = driver.join("Ada").client
            driver.send(.teacher(.start))
            for (index, question) in driver.live.questions.enumerated() {
                let message = try #require(
                    ClassDriver.messages(to: student, in: driver.effects).compactMap(\.question).last)
                #expect(message.question == index)
                let text = ServerMessage.question(message).encoded()
                let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
                #expect(Set(object.keys).isSubset(of: Self.questionKeys), "\(deck.id)/\(question.asked.id)")
                // The frame's own type names (`question`, `cloze`) are protocol, not the deck's text.
                let strings = Self.strings(in: object.filter { $0.key != "type" && $0.key != "itemType" })
                    .map { $0.lowercased() }
                let visible = Self.visibleTexts(question).map { $0.lowercased() }
                for key in Self.keyTexts(question) where key.count >= 3 {
                    let lowered = key.lowercased()
                    guard !visible.contains(where: { $0.contains(lowered) }) else { continue }
                    #expect(
                        !strings.contains { $0.contains(lowered) },
                        "\(deck.id)/\(question.asked.id) sends \"\(key)\" before the reveal")
                }
                switch question.asked.body {
                case .order(let entries) where entries.count > 1:
                    #expect(message.options != entries, "\(deck.id)/\(question.asked.id) shows the right order")
                case .match(let pairs) where pairs.count > 1:
                    #expect(message.options != pairs.map(\.right), "\(deck.id)/\(question.asked.id) shows the pairs")
                default: break
                }
                checked += 1
                driver.send(.teacher(.reveal))
                driver.send(.teacher(.next))
            }
        }
        #expect(checked > 40)
    }

    private static func strings(in value: Any) -> [String] {
        switch value {
        case let text as String: [text]
        case let array as [Any]: array.flatMap(strings(in:))
        case let object as [String: Any]: object.values.flatMap(strings(in:))
        default: []
        }
    }

    /// Text of the question that students see anyway.
    private static func visibleTexts(_ question: ClassQuestion) -> [String] {
        let item = question.asked
        var texts = [item.prompt, question.scenario ?? ""]
        switch item.body {
        case .choice(let options), .multi(let options): texts += options.map(\.text)
        case .order(let entries): texts += entries
        case .match(let pairs): texts += pairs.flatMap { [$0.left, $0.right] }
        case .roles(let sentences): texts += sentences.map(\.text)
        case .cloze(let cloze):
            texts = [cloze.displayText, question.scenario ?? ""]
            texts += cloze.segments.compactMap { if case .text(let text) = $0 { text } else { nil } }
        default: break
        }
        return texts
    }

    /// Text that says or explains the answer.
    private static func keyTexts(_ question: ClassQuestion) -> [String] {
        let item = question.asked
        var texts = [item.explain, question.item.explain].compactMap { $0 }
        texts += item.options.compactMap(\.feedback)
        switch item.body {
        case .short(let key): texts += key.accept.filter { !($0.hasPrefix("/") && $0.hasSuffix("/")) }
        case .cloze(let cloze): texts += cloze.blanks.flatMap { $0 }
        case .open(let key): texts += [key.model] + key.rubric
        default: break
        }
        return texts
    }
}

enum BundledDecks {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Decks").path
}
