import Foundation

/// What the server sends a client: one JSON object per frame with a `"type"` and the
/// fields of its payload beside it (`{"type":"accepted","question":2}`).
package enum ServerMessage: Sendable, Equatable, Codable {
    case welcome(Welcome)
    case lobby(Lobby)
    case question(QuestionMessage)
    case accepted(Accepted)
    case reveal(Reveal)
    case board(Board)
    case paused(Paused)
    case end(End)
    case error(ErrorMessage)
    /// To a projector page that sent `watch`.
    case watching(Watching)
    /// To watchers: how many have answered the open question.
    case progress(AnswerProgress)
    /// To watchers: the class-level reveal.
    case summary(Summary)

    /// The `"type"` of the message.
    package var type: String {
        switch self {
        case .welcome: "welcome"
        case .lobby: "lobby"
        case .question: "question"
        case .accepted: "accepted"
        case .reveal: "reveal"
        case .board: "board"
        case .paused: "paused"
        case .end: "end"
        case .error: "error"
        case .watching: "watching"
        case .progress: "progress"
        case .summary: "summary"
        }
    }

    private enum TypeKey: String, CodingKey { case type }

    package func encode(to encoder: any Encoder) throws {
        switch self {
        case .welcome(let payload): try payload.encode(to: encoder)
        case .lobby(let payload): try payload.encode(to: encoder)
        case .question(let payload): try payload.encode(to: encoder)
        case .accepted(let payload): try payload.encode(to: encoder)
        case .reveal(let payload): try payload.encode(to: encoder)
        case .board(let payload): try payload.encode(to: encoder)
        case .paused(let payload): try payload.encode(to: encoder)
        case .end(let payload): try payload.encode(to: encoder)
        case .error(let payload): try payload.encode(to: encoder)
        case .watching(let payload): try payload.encode(to: encoder)
        case .progress(let payload): try payload.encode(to: encoder)
        case .summary(let payload): try payload.encode(to: encoder)
        }
        // The payload's keyed container and this one are the same JSON object.
        var container = encoder.container(keyedBy: TypeKey.self)
        try container.encode(type, forKey: .type)
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: TypeKey.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "welcome": self = .welcome(try Welcome(from: decoder))
        case "lobby": self = .lobby(try Lobby(from: decoder))
        case "question": self = .question(try QuestionMessage(from: decoder))
        case "accepted": self = .accepted(try Accepted(from: decoder))
        case "reveal": self = .reveal(try Reveal(from: decoder))
        case "board": self = .board(try Board(from: decoder))
        case "paused": self = .paused(try Paused(from: decoder))
        case "end": self = .end(try End(from: decoder))
        case "error": self = .error(try ErrorMessage(from: decoder))
        case "watching": self = .watching(try Watching(from: decoder))
        case "progress": self = .progress(try AnswerProgress(from: decoder))
        case "summary": self = .summary(try Summary(from: decoder))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "unknown message type \"\(type)\"")
        }
    }

    /// How every frame is written (also by `RevealFrameEncoder`, which must match).
    static let outputFormatting: JSONEncoder.OutputFormatting = [.sortedKeys, .withoutEscapingSlashes]

    /// The frame's text: compact JSON, UTF-8 kept readable, keys sorted so frames compare.
    package func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = Self.outputFormatting
        // Every field is a string, a number, a bool or an array of them: encoding cannot fail.
        guard let data = try? encoder.encode(self) else { return "{\"type\":\"error\"}" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// The first message after a join: who the student is in this class, and the token that
/// gets the same seat back after a dropped connection.
package struct Welcome: Sendable, Equatable, Codable {
    package var version: Int
    package var name: String
    /// Secret: keep it to rejoin; anyone holding it can take the seat.
    package var token: String
    package var deck: String
    /// How many questions the class has.
    package var count: Int
    /// True when the token gave back an existing seat.
    package var rejoined: Bool
    /// Points so far (0 for a new seat).
    package var points: Int
}

/// Who is waiting for the class to start.
package struct Lobby: Sendable, Equatable, Codable {
    package var names: [String]
    package var count: Int
}

/// The answer to `question` was received; whether it is right waits for the reveal.
package struct Accepted: Sendable, Equatable, Codable {
    package var question: Int
    package var answer: String
}

/// The teacher paused the class; the open question's time stands still.
package struct Paused: Sendable, Equatable, Codable {
    package var question: Int?
}

/// A refusal: a stable code, and a sentence that says what to do.
package struct ErrorMessage: Sendable, Equatable, Codable {
    package var code: LiveError.Code
    package var message: String

    package init(_ error: LiveError) {
        code = error.code
        message = error.message
    }
}

/// One row of the leaderboard.
package struct BoardEntry: Sendable, Equatable, Codable {
    package var rank: Int
    package var name: String
    package var points: Int
    /// Questions answered right.
    package var right: Int
}

/// The leaderboard's top rows, as shown to the room.
package struct Board: Sendable, Equatable, Codable {
    /// Questions revealed so far.
    package var after: Int
    package var count: Int
    package var entries: [BoardEntry]
    /// How many students are on the full board.
    package var students: Int
}

/// The class is over: the final board's top rows and this student's place.
package struct End: Sendable, Equatable, Codable {
    package var board: [BoardEntry]
    package var rank: Int?
    package var points: Int
    package var students: Int
}
