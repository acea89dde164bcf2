import Foundation
import LecternClass
import LecternCore
import LecternLive
import LecternStore

/// A real host on a free loopback port, with a real progress file in a temporary folder.
struct RunningClass {
    let folder: URL
    let deck: Deck
    let questions: [ClassQuestion]
    let code: String
    let host: LiveHost
    let server: LiveServer
    let port: Int
    let storePath: String

    static func start(
        timeLimit: TimeInterval = 600, maxStudents: Int = 500, limits: HostLimits = HostLimits(),
        pages: PageFiles? = nil
    ) async throws -> RunningClass {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let deck = try LiveDeck.load(into: folder)
        let live = LiveClass(
            deck: deck, configuration: ClassConfiguration(seed: 7, timeLimit: timeLimit, maxStudents: maxStudents),
            random: SystemRandomNumberGenerator())
        let storePath = folder.appendingPathComponent("progress.sqlite").path
        let store = try ProgressStore(path: storePath)
        let host = LiveHost(live: live, store: store, limits: limits)
        let server = LiveServer(
            host: host, bind: "127.0.0.1", port: 0, tickInterval: .milliseconds(50), pages: pages)
        let port = try await server.start()
        return RunningClass(
            folder: folder, deck: deck, questions: live.questions, code: live.code, host: host, server: server,
            port: port, storePath: storePath)
    }

    var address: String { "127.0.0.1:\(port)" }

    func student(_ name: String, token: String? = nil) async throws -> Student {
        let student = try await Student.connect(to: address)
        student.connection.send(.join(code: code, name: name, token: token))
        return student
    }

    func stop() async {
        await server.stop()
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// A protocol-level client that keeps every frame it received, in order.
final class Student: @unchecked Sendable {
    let connection: LiveConnection
    private var iterator: AsyncStream<String>.AsyncIterator
    /// Every frame so far, as text and decoded.
    private(set) var frames: [(text: String, message: ServerMessage?)] = []

    private init(connection: LiveConnection) {
        self.connection = connection
        iterator = connection.frames.makeAsyncIterator()
    }

    static func connect(to address: String) async throws -> Student {
        Student(connection: try await LiveConnection.connect(to: address))
    }

    /// The next frame, or nil when the connection closed.
    func next() async -> ServerMessage? {
        guard let text = await iterator.next() else { return nil }
        let message = try? JSONDecoder().decode(ServerMessage.self, from: Data(text.utf8))
        frames.append((text, message))
        return message
    }

    /// Reads until a message of `type` arrives; nil when the connection closes first.
    func next(_ type: String) async -> ServerMessage? {
        while let message = await next() {
            if message.type == type { return message }
        }
        return nil
    }

    /// Reads until the connection closes; the messages read.
    func drain() async -> [ServerMessage] {
        var messages: [ServerMessage] = []
        while let message = await next() { messages.append(message) }
        return messages
    }

    func answer(_ question: Int, _ text: String) {
        connection.send(.answer(question: question, answer: text))
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
    var watching: Watching? { if case .watching(let value) = self { value } else { nil } }
    var progress: AnswerProgress? { if case .progress(let value) = self { value } else { nil } }
    var summary: Summary? { if case .summary(let value) = self { value } else { nil } }
}

/// Waits for a teacher's notice that satisfies `matches`, reading the host's event stream.
struct NoticeReader {
    var iterator: AsyncStream<HostEvent>.AsyncIterator

    init(_ host: LiveHost) {
        iterator = host.eventStream.makeAsyncIterator()
    }

    mutating func next(where matches: (TeacherNotice) -> Bool) async -> TeacherNotice? {
        while let event = await iterator.next() {
            if case .notice(let notice) = event, matches(notice) { return notice }
        }
        return nil
    }
}
