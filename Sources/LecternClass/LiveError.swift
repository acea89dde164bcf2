/// Why the class refused something a client sent: a stable code for programs and a
/// sentence for people, as sent in an `error` message.
package struct LiveError: Error, Sendable, Equatable {
    package enum Code: String, Sendable, Codable, CaseIterable {
        /// The frame is not JSON, or too large to read.
        case badJSON = "bad-json"
        /// The JSON is not a message of this protocol (missing or mistyped fields).
        case badMessage = "bad-message"
        case unknownType = "unknown-type"
        /// The join code does not match; the connection is closed.
        case wrongCode = "wrong-code"
        /// The name is empty, too long, or has control characters.
        case badName = "bad-name"
        /// Another student holds the name; the sentence suggests a free one.
        case nameTaken = "name-taken"
        /// The class has `--max-students` students already.
        case full
        /// Something other than a join before joining.
        case notJoined = "not-joined"
        /// A second join on a connection that already has a seat.
        case alreadyJoined = "already-joined"
        /// An answer to a question that is not the one open.
        case notOpen = "not-open"
        /// The time of the question ran out before the answer arrived; it does not count.
        case late
        case alreadyAnswered = "already-answered"
        /// The answer could not be read (the sentence says how to write it); try again.
        case malformedAnswer = "malformed-answer"
        case tooLong = "too-long"
        /// The teacher paused the class; answers wait for `resume`.
        case paused
        /// The teacher removed this student; the connection is closed.
        case kicked
        /// The class is over; the connection is closed.
        case ended
        /// More frames than the server takes from one connection (a burst of 30, then 10 a second).
        case tooFast = "too-fast"
        /// Too many refused messages; the connection is closed.
        case tooManyErrors = "too-many-errors"
    }

    package var code: Code
    package var message: String

    package init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// Errors a well-behaved client can cause by accident (a typo, a slow network); they
    /// never count towards closing the connection.
    package var isInnocent: Bool {
        switch code {
        case .malformedAnswer, .late, .nameTaken, .badName, .paused, .tooLong: true
        default: false
        }
    }
}
