package import Foundation
package import LecternCore

/// How a teacher set up a class (`lectern host DECK --time 30s --count N --seed S …`).
package struct ClassConfiguration: Sendable {
    /// Item ids to ask, in order; nil asks the deck's items in deck order.
    package var itemIDs: [String]?
    /// At most this many deck items (a walkthrough counts once, however many steps it has).
    package var count: Int?
    /// Seeds the shuffles of options, order entries and match right sides.
    package var seed: UInt64
    /// Seconds each question stays open.
    package var timeLimit: TimeInterval
    package var maxStudents: Int
    package var codeLength: Int
    /// Refused messages a connection may send before it is closed.
    package var maxStrikes: Int
    /// Characters an answer may have.
    package var maxAnswerLength: Int

    package init(
        itemIDs: [String]? = nil, count: Int? = nil, seed: UInt64 = 0, timeLimit: TimeInterval = 30,
        maxStudents: Int = 500, codeLength: Int = 4, maxStrikes: Int = 10, maxAnswerLength: Int = 2000
    ) {
        self.itemIDs = itemIDs
        self.count = count
        self.seed = seed
        self.timeLimit = timeLimit
        self.maxStudents = maxStudents
        self.codeLength = codeLength
        self.maxStrikes = maxStrikes
        self.maxAnswerLength = maxAnswerLength
    }
}

/// Where a class stands, as the host shell shows it.
package enum ClassPhase: Sendable, Equatable {
    case lobby
    case open(question: Int)
    case revealed(question: Int)
    /// Paused over the phase it will resume.
    case paused(question: Int?)
    case ended
}

/// A live class as a pure state machine: events in, with the time passed in, and effects
/// out (messages to send, connections to close, notices for the teacher, answers to store).
///
/// It never touches a socket, a terminal or a database, so every rule (join codes, names,
/// rejoining, one answer per question, late answers, scoring, reveals) is tested without
/// them; the server only turns frames into events and effects into frames.
package struct LiveClass: Sendable {
    package let deck: Deck
    package let configuration: ClassConfiguration
    /// The join code students type.
    package let code: String
    package let questions: [ClassQuestion]

    /// Where the class is between `start` and `end`, paused or not.
    enum Stage: Sendable {
        case lobby
        case open(OpenQuestion)
        case revealed(Int)
    }

    struct OpenQuestion: Sendable {
        var index: Int
        var openedAt: Date
        /// Moves later by the time spent paused.
        var deadline: Date
    }

    var random: any RandomNumberGenerator & Sendable
    var stage: Stage = .lobby
    var pausedSince: Date?
    var ended = false
    /// In joining order; a seat is never removed, only marked gone.
    var seats: [Seat] = []
    var seatOfClient: [ClientID: Int] = [:]
    var seatOfToken: [String: Int] = [:]
    var kickedTokens: Set<String> = []
    var strikes: [ClientID: Int] = [:]
    var histograms: [Int: Histogram] = [:]
    /// Someone arrived in or left the lobby since the last lobby broadcast.
    var lobbyChanged = false
    /// Projector pages, in the order they came; they have no seat.
    var watchers: [ClientID] = []
    /// An answer arrived, or a student came or went, since the watchers last got `progress`.
    var progressChanged = false

    /// A class over `deck`, with a join code drawn from `random` (which also makes the
    /// rejoin tokens: pass the system's generator in a real class, a seeded one in tests).
    package init(
        deck: Deck, configuration: ClassConfiguration = ClassConfiguration(),
        random: some RandomNumberGenerator & Sendable
    ) {
        self.deck = deck
        // Limits come from the command line: a question open for no time, or a class of no
        // students, would only refuse everyone.
        var configuration = configuration
        configuration.timeLimit = configuration.timeLimit.isFinite ? max(1, configuration.timeLimit) : 30
        configuration.maxStudents = max(1, configuration.maxStudents)
        configuration.maxStrikes = max(1, configuration.maxStrikes)
        self.configuration = configuration
        let ids = configuration.itemIDs ?? deck.items.map(\.id)
        var items = ids.compactMap(deck.item(withID:))
        if let count = configuration.count { items = Array(items.prefix(max(0, count))) }
        questions = ClassQuestion.plan(deck: deck, items: items, seed: configuration.seed)
        var generator: any RandomNumberGenerator & Sendable = random
        code = JoinCode.generate(length: configuration.codeLength, using: &generator)
        self.random = generator
    }

    /// Answers one event. Effects are in the order they must happen.
    package mutating func handle(_ event: LiveEvent, now: Date) -> [LiveEffect] {
        switch event {
        case .join(let client, let code, let name, let token):
            return join(client, code: code, name: name, token: token, now: now)
        case .answer(let client, let question, let text):
            return answer(client, question: question, text: text, now: now)
        case .leave(let client):
            return leave(client, now: now)
        case .watch(let client, let code):
            return watch(client, code: code, now: now)
        case .disconnect(let client):
            return disconnect(client, now: now)
        case .unreadable(let client, let error):
            return refuse(client, error)
        case .teacher(let command):
            return teacher(command, now: now)
        case .tick:
            return tick(now: now)
        }
    }

    // MARK: - What the host shell asks

    package var phase: ClassPhase {
        if ended { return .ended }
        if pausedSince != nil {
            if case .open(let open) = stage { return .paused(question: open.index) }
            return .paused(question: nil)
        }
        switch stage {
        case .lobby: return .lobby
        case .open(let open): return .open(question: open.index)
        case .revealed(let index): return .revealed(question: index)
        }
    }

    /// One line per student in the class (connected or waiting to reconnect), for `who`.
    package struct RosterEntry: Sendable, Equatable {
        package var name: String
        package var connected: Bool
        package var points: Int
        /// Whether the student has answered the open question.
        package var answered: Bool
    }

    package var roster: [RosterEntry] {
        let open = openQuestion?.index
        return seats.filter(\.holdsName).map { seat in
            RosterEntry(
                name: seat.name, connected: seat.status == .connected, points: seat.points,
                answered: open.map { seat.answers[$0] != nil } ?? false)
        }
    }

    /// Names of students in the class, for Tab completion of `kick`.
    package var names: [String] { seats.filter(\.holdsName).map(\.name) }

    /// `17 of 23 answered, 12 s left` for the open question; nil when none is open.
    package func progress(now: Date) -> (answered: Int, of: Int, secondsLeft: Int)? {
        guard let open = openQuestion else { return nil }
        let connected = seats.filter { $0.status == .connected }
        let answered = connected.filter { $0.answers[open.index] != nil }.count
        return (answered, connected.count, secondsLeft(open, now: now))
    }

    /// The whole board, best first; ties in points and right answers share a rank.
    package var leaderboard: [BoardEntry] {
        rankedSeats.map {
            BoardEntry(
                rank: $0.rank, name: seats[$0.seat].name, points: seats[$0.seat].points,
                right: seats[$0.seat].rightCount)
        }
    }

    // MARK: - Shared pieces

    var openQuestion: OpenQuestion? {
        if case .open(let open) = stage { return open }
        return nil
    }

    func secondsLeft(_ open: OpenQuestion, now: Date) -> Int {
        let reference = pausedSince ?? now
        return max(0, Int(open.deadline.timeIntervalSince(reference).rounded(.up)))
    }

    var connectedClients: [ClientID] {
        seats.compactMap { $0.status == .connected ? $0.client : nil }
    }

    /// Seats on the board with their rank: points, then right answers, then less time on
    /// them, then name; equal points and right answers share a rank (1, 1, 3).
    var rankedSeats: [(seat: Int, rank: Int)] {
        let order = seats.indices.filter { seats[$0].holdsName }.sorted { a, b in
            let left = seats[a], right = seats[b]
            if left.points != right.points { return left.points > right.points }
            if left.rightCount != right.rightCount { return left.rightCount > right.rightCount }
            if left.rightTime != right.rightTime { return left.rightTime < right.rightTime }
            return left.name < right.name
        }
        var result: [(seat: Int, rank: Int)] = []
        for (position, seat) in order.enumerated() {
            if let previous = result.last, seats[previous.seat].points == seats[seat].points,
                seats[previous.seat].rightCount == seats[seat].rightCount
            {
                result.append((seat, previous.rank))
            } else {
                result.append((seat, position + 1))
            }
        }
        return result
    }

    /// The rank of every seat on the board, computed once for a reveal or the end.
    var rankBySeat: [Int: Int] {
        Dictionary(rankedSeats.map { ($0.seat, $0.rank) }, uniquingKeysWith: { first, _ in first })
    }

    /// The top rows shown to the room.
    static let boardRows = 10

    func board() -> Board {
        let revealed = revealedCount
        return Board(
            after: revealed, count: questions.count, entries: Array(leaderboard.prefix(Self.boardRows)),
            students: seats.filter(\.holdsName).count)
    }

    var revealedCount: Int {
        switch stage {
        case .lobby: 0
        case .open(let open): open.index
        case .revealed(let index): index + 1
        }
    }

    /// A refusal: the error to the client, a note for the teacher, and a strike unless the
    /// mistake is one anybody makes; too many strikes close the connection.
    mutating func refuse(_ client: ClientID, _ error: LiveError) -> [LiveEffect] {
        var effects: [LiveEffect] = [.send(client, .error(ErrorMessage(error)))]
        guard !error.isInnocent else { return effects }
        let name = seatOfClient[client].map { seats[$0].name }
        effects.append(.teacher(.clientError(client, name: name, error)))
        strikes[client, default: 0] += 1
        if strikes[client, default: 0] >= configuration.maxStrikes {
            let closing = LiveError(.tooManyErrors, "Too many refused messages: this connection is closed.")
            effects.append(.send(client, .error(ErrorMessage(closing))))
            effects.append(.teacher(.clientError(client, name: name, closing)))
            effects += drop(client, closing: true)
        }
        return effects
    }

    /// Forgets a connection; its seat, if any, waits for a rejoin.
    mutating func drop(_ client: ClientID, closing: Bool) -> [LiveEffect] {
        strikes[client] = nil
        var effects: [LiveEffect] = closing ? [.close(client)] : []
        _ = forgetWatcher(client)
        guard let index = seatOfClient.removeValue(forKey: client) else { return effects }
        seats[index].client = nil
        if seats[index].status == .connected { seats[index].status = .disconnected }
        effects.append(.teacher(.disconnected(name: seats[index].name)))
        noteRosterChange()
        return effects
    }

    /// The lobby shows at most this many names (the most recent arrivals); `count` says how many there are.
    static let lobbyNames = 100

    /// Who is waiting, as the lobby shows it.
    var lobbySnapshot: Lobby {
        let names = seats.filter { $0.status == .connected }.map(\.name)
        return Lobby(names: Array(names.suffix(Self.lobbyNames)), count: names.count)
    }

    /// In the lobby, everyone sees who is there; a change is sent at the next tick, so that
    /// 500 students joining at once cost one broadcast per tick, not one per join.
    mutating func noteRosterChange() {
        progressChanged = true
        guard case .lobby = stage, !ended else { return }
        lobbyChanged = true
    }

    /// The lobby to everyone, when it changed since the last time.
    mutating func flushLobby() -> [LiveEffect] {
        guard lobbyChanged else { return [] }
        lobbyChanged = false
        guard case .lobby = stage, !ended else { return [] }
        return [.broadcast(.lobby(lobbySnapshot), to: audience)]
    }

    mutating func newToken() -> String {
        func hex(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return hex(random.next()) + hex(random.next())
    }
}
