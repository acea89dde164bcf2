package import Foundation

/// A connection as the server numbers it. The class never sees sockets, only these.
package struct ClientID: Hashable, Sendable, CustomStringConvertible {
    package var raw: UInt64

    package init(_ raw: UInt64) {
        self.raw = raw
    }

    package var description: String { "#\(raw)" }
}

/// Something that happened to the class; `LiveClass.handle(_:now:)` answers each with effects.
package enum LiveEvent: Sendable, Equatable {
    /// A client asked to join. With a `token` it asks for its seat back (a reconnect after
    /// a dropped connection is a join with the token the welcome gave).
    case join(ClientID, code: String, name: String, token: String?)
    case answer(ClientID, question: Int, text: String)
    /// The student left on purpose: the seat is given up and its name freed.
    case leave(ClientID)
    /// A projector page asked to watch the class (no seat, no answers).
    case watch(ClientID, code: String)
    /// The connection dropped: the seat waits, with its name, for a join with its token.
    case disconnect(ClientID)
    /// The server could not read a frame (bad JSON, unknown type, too large).
    case unreadable(ClientID, LiveError)
    case teacher(TeacherCommand)
    /// The clock moved: reveals a question whose time is up.
    case tick
}

/// What the teacher types in the host shell.
package enum TeacherCommand: Sendable, Equatable {
    case start, next, reveal, pause, resume, board, end
    case kick(String)
}

/// What the server must do after an event, in order.
package enum LiveEffect: Sendable, Equatable {
    case send(ClientID, ServerMessage)
    /// The same message to each of these clients (encode it once).
    case broadcast(ServerMessage, to: [ClientID])
    /// Close this connection, after sending what came before.
    case close(ClientID)
    case teacher(TeacherNotice)
    /// Commit this answer to the teacher's progress file now.
    case store(LiveAnswerRecord)
}

/// What the host shell shows the teacher.
package enum TeacherNotice: Sendable, Equatable {
    case joined(name: String, rejoined: Bool)
    case left(name: String)
    case disconnected(name: String)
    case kicked(name: String)
    case opened(question: Int, count: Int)
    /// After each accepted answer: `17 of 23 answered, 12 s left`.
    case progress(answered: Int, of: Int, secondsLeft: Int)
    /// An answer to an open question, for the teacher only.
    case openAnswer(question: Int, name: String, text: String)
    case revealed(TeacherReveal)
    case paused
    case resumed
    case board([BoardEntry])
    case ended([BoardEntry])
    /// A command that does not apply now; nothing changed.
    case refused(String)
    /// A client's message was refused; `name` once it has joined.
    case clientError(ClientID, name: String?, LiveError)
}

/// What the teacher sees at a reveal: the class's split, and every open answer.
package struct TeacherReveal: Sendable, Equatable {
    package var question: Int
    package var count: Int
    /// True when time ran out or everyone had answered.
    package var automatic: Bool
    package var answer: String?
    package var histogram: Histogram
    /// Open questions: each answer with its author (the host shows them without names on a shared screen).
    package var openAnswers: [OpenAnswer]
}

package struct OpenAnswer: Sendable, Equatable {
    package var name: String
    package var text: String
}

/// One answer graded by the class, to be kept in the teacher's progress file with mode
/// `class` and the student's name as learner.
package struct LiveAnswerRecord: Sendable, Equatable {
    package var deckID: String
    /// The deck item (the walkthrough, for a step).
    package var itemID: String
    package var stepID: String?
    package var learner: String
    package var question: Int
    /// As typed, with the options it named (`b (The platform)`); empty when not answered.
    package var answer: String
    /// The grader's score 0…1; nil for an open answer, which the class does not grade.
    package var score: Double?
    package var points: Int
    package var answeredAt: Date
    /// Seconds from the question opening to the answer, paused time left out.
    package var duration: TimeInterval
    /// True for a seated student who gave no answer before the reveal (score 0).
    package var skipped: Bool
}
