import Foundation
import LecternClass
import LecternCore

/// A small deck with one question of every type a live class asks, built in code.
enum ClassFixture {
    static let here = SourceLocation(file: "Decks/live.yaml", line: 1, column: 1)
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func item(
        _ id: String, prompt: String, explain: String? = "Because of ¶4.", next: String? = nil, _ body: ItemBody
    )
        -> Item
    {
        Item(
            id: id, skill: .claim, prompt: prompt, explain: explain, source: [4], body: body, next: next, location: here
        )
    }

    static func option(_ text: String, correct: Bool = false, feedback: String? = nil, next: String? = nil) -> Option {
        Option(text: text, isCorrect: correct, feedback: feedback, next: next, location: here)
    }

    static let items: [Item] = [
        item(
            "who-gains", prompt: "Who gains when many new sellers join?",
            .choice([
                option("The platform", correct: true),
                option("The first sellers", feedback: "Early entry is not the point."),
                option("The viewers", feedback: "Viewers get choice, not the gain."),
            ])),
        item(
            "winners", prompt: "Which of these gain?",
            .multi([
                option("The platform", correct: true), option("Late sellers", feedback: "They arrive to a crowd."),
                option("The owners", correct: true), option("Early sellers"),
            ])),
        item("easy-start", prompt: "Starting a shop is the hard part.", .truefalse(answer: false)),
        item(
            "winner-word", prompt: "Who wins in the end?",
            .short(ShortAnswerKey(accept: ["platform", "the marketplace"]))),
        item(
            "share", prompt: "What share of sellers made a profit?",
            .numeric(NumericAnswerKey(target: .value(10, tolerance: 2), percent: true))),
        item(
            "gap", prompt: "The {{marketplace}} gains while the {{sellers|seller}} compete.",
            .cloze(Cloze(parsing: "The {{marketplace}} gains while the {{sellers|seller}} compete."))),
        item(
            "steps", prompt: "Put the argument in order.",
            .order(["Sellers join", "Followers grow", "The platform keeps them"])),
        item(
            "pairs", prompt: "Match each actor with its gain.",
            .match([
                MatchPair(left: "Platform", right: "followers"), MatchPair(left: "Viewer", right: "choice"),
                MatchPair(left: "Seller", right: "sales"),
            ])),
        item(
            "parts", prompt: "Label each sentence.",
            .roles([
                RoleSentence(text: "Anyone can open a shop.", role: .premise),
                RoleSentence(text: "So the platform wins.", role: .conclusion),
            ])),
        item(
            "why-open", prompt: "Why does crowding help the platform?",
            .open(
                OpenAnswerKey(model: "It keeps the followers whoever sells.", rubric: ["followers", "whoever sells"]))),
        Item(
            id: "walk", skill: .apply, prompt: "Think it through.", explain: "The walk's reason.", source: [4],
            body: .walkthrough(
                Walkthrough(
                    scenario: "A town opens a market hall.",
                    steps: [
                        item(
                            "first", prompt: "Who pays rent?", explain: nil,
                            .choice([
                                option("The stall holders", correct: true, next: "third"),
                                option("The town", next: "second"),
                            ])),
                        item("second", prompt: "Is the town paid?", .truefalse(answer: true)),
                        item(
                            "third", prompt: "Who fills the hall on market day?",
                            .short(ShortAnswerKey(accept: ["shoppers"]))),
                    ])),
            location: here),
    ]

    static let deck = Deck(
        id: "live", title: "Who gains from crowding",
        source: DeckSource(
            title: "A selling essay",
            passages: [Passage(number: 4, summary: "The platform keeps them.", location: here)], location: here),
        items: items, path: here.file, location: here)

    static func makeClass(_ configuration: ClassConfiguration = ClassConfiguration(timeLimit: 20), deck: Deck = deck)
        -> LiveClass
    {
        LiveClass(deck: deck, configuration: configuration, random: SplitMix64(seed: 42))
    }
}

/// Plays a class with a clock it moves by hand, keeping every effect it was given.
struct ClassDriver {
    var live: LiveClass
    var now = ClassFixture.start
    var effects: [LiveEffect] = []
    var nextClient: UInt64 = 1

    init(_ live: LiveClass = ClassFixture.makeClass()) {
        self.live = live
    }

    @discardableResult
    mutating func send(_ event: LiveEvent) -> [LiveEffect] {
        let produced = live.handle(event, now: now)
        effects += produced
        return produced
    }

    mutating func advance(_ seconds: TimeInterval) {
        now += seconds
    }

    /// A new connection that joins; returns it with the token of its welcome.
    mutating func join(_ name: String, code: String? = nil) -> (client: ClientID, token: String?) {
        let client = ClientID(nextClient)
        nextClient += 1
        let produced = send(.join(client, code: code ?? live.code, name: name, token: nil))
        return (client, Self.messages(to: client, in: produced).compactMap(\.welcome).first?.token)
    }

    mutating func newClient() -> ClientID {
        defer { nextClient += 1 }
        return ClientID(nextClient)
    }

    /// What `client` received, in order, from these effects.
    static func messages(to client: ClientID, in effects: [LiveEffect]) -> [ServerMessage] {
        effects.compactMap { effect in
            switch effect {
            case .send(let target, let message) where target == client: message
            case .broadcast(let message, let targets) where targets.contains(client): message
            default: nil
            }
        }
    }

    func messages(to client: ClientID) -> [ServerMessage] { Self.messages(to: client, in: effects) }

    var records: [LiveAnswerRecord] {
        effects.compactMap { if case .store(let record) = $0 { record } else { nil } }
    }

    var notices: [TeacherNotice] {
        effects.compactMap { if case .teacher(let notice) = $0 { notice } else { nil } }
    }

    static func closed(_ client: ClientID, in effects: [LiveEffect]) -> Bool {
        effects.contains { $0 == .close(client) }
    }

    static func errorCodes(to client: ClientID, in effects: [LiveEffect]) -> [LiveError.Code] {
        messages(to: client, in: effects).compactMap(\.error?.code)
    }
}

extension ServerMessage {
    var welcome: Welcome? { if case .welcome(let value) = self { value } else { nil } }
    var question: QuestionMessage? { if case .question(let value) = self { value } else { nil } }
    var reveal: Reveal? { if case .reveal(let value) = self { value } else { nil } }
    var error: ErrorMessage? { if case .error(let value) = self { value } else { nil } }
    var accepted: Accepted? { if case .accepted(let value) = self { value } else { nil } }
    var lobby: Lobby? { if case .lobby(let value) = self { value } else { nil } }
    var end: End? { if case .end(let value) = self { value } else { nil } }
    var board: Board? { if case .board(let value) = self { value } else { nil } }
}
