import Foundation
import LecternClass
import LecternCore
import LecternLive
import LecternQR
import Testing
import LecternTestSupport

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The host's pages over real HTTP on the WebSocket's port, and a projector watching a
/// class over a real WebSocket.
@Suite("A live class's pages and projector")
struct LivePagesTests {
    static let pagesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Pages").path

    static func startWithPages() async throws -> RunningClass {
        try await RunningClass.start(pages: try PageFiles(folder: pagesFolder))
    }

    /// One GET: status, headers and body.
    static func get(_ path: String, port: Int) async throws -> (status: Int, headers: [String: String], body: Data) {
        let url = try #require(URL(string: "http://127.0.0.1:\(port)\(path)"))
        let (body, response) = try await URLSession.shared.data(from: url)
        let http = try #require(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
        }
        return (http.statusCode, headers, body)
    }

    @Test func eachPageIsServedWithItsTypeAndAStrictPolicy() async throws {
        let running = try await Self.startWithPages()
        defer { running.remove() }
        for route in PageFiles.routes {
            let (status, headers, body) = try await Self.get(route.path, port: running.port)
            #expect(status == 200, "\(route.path)")
            #expect(headers["content-type"] == route.type, "\(route.path)")
            #expect(headers["x-content-type-options"] == "nosniff")
            let policy = try #require(headers["content-security-policy"])
            #expect(policy.contains("default-src 'self'") && policy.contains("script-src 'self'"))
            #expect(policy.contains("connect-src 'self'") && policy.contains("frame-ancestors 'none'"))
            #expect(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval") && !policy.contains("*"))
            let file = try Data(contentsOf: URL(fileURLWithPath: Self.pagesFolder).appendingPathComponent(route.file))
            #expect(body == file, "\(route.path) is the file as it is in Pages/")
            let text = String(decoding: body, as: UTF8.self)
            // Nothing comes from outside the host, and no page has a script of its own.
            #expect(!text.contains("http://") && !text.contains("https://") && !text.contains("//cdn"))
            if route.file.hasSuffix(".html") {
                #expect(text.contains("<meta charset=\"utf-8\">"))
                let scripts = text.components(separatedBy: "<script").dropFirst()
                #expect(
                    !scripts.isEmpty && scripts.allSatisfy { $0.hasPrefix(" src=\"/") && $0.contains("></script>") })
                #expect(text.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) == nil, "no inline handlers")
                #expect(!text.contains("style="), "no inline styles")
            }
        }
        await running.stop()
    }

    @Test func theClassInformationAndTheQRCodeNameTheStudentPage() async throws {
        let running = try await Self.startWithPages()
        defer { running.remove() }
        let (status, headers, body) = try await Self.get("/class.json", port: running.port)
        #expect(status == 200 && headers["content-type"] == "application/json; charset=utf-8")
        let info = try JSONDecoder().decode(ClassPageInfo.self, from: body)
        let joinURL = "http://127.0.0.1:\(running.port)/join?code=\(running.code)"
        #expect(info.joinURL == joinURL && info.code == running.code && info.deck == running.deck.title)
        #expect(info.command == "lectern join 127.0.0.1:\(running.port) \(running.code)")
        let qr = try await Self.get("/qr.svg", port: running.port)
        #expect(qr.status == 200 && qr.headers["content-type"] == "image/svg+xml")
        #expect(String(decoding: qr.body, as: UTF8.self) == QRCode(joinURL)?.svg())
        #expect(running.server.pageInfo == info)
        await running.stop()
    }

    @Test func anyOtherPathIsNotFoundAndNothingIsListed() async throws {
        let running = try await Self.startWithPages()
        defer { running.remove() }
        for path in [
            "/index.html", "/Pages/", "/Pages/join.js", "/%2e%2e/Package.swift", "/join.html", "/x.js", "/live.css/x",
        ] {
            let (status, headers, body) = try await Self.get(path, port: running.port)
            #expect(status == 404, "\(path)")
            #expect(headers["x-content-type-options"] == "nosniff" && headers["content-security-policy"] != nil)
            #expect(!String(decoding: body, as: UTF8.self).contains("<"), "\(path) answers plain text")
        }
        await running.stop()
    }

    @Test func withoutPagesTheHostServesTheWebSocketAlone() async throws {
        let running = try await RunningClass.start()
        defer { running.remove() }
        #expect(try await Self.get("/", port: running.port).status == 404)
        #expect(try await Self.get("/class.json", port: running.port).status == 200)
        let ada = try await running.student("Ada")
        #expect(await ada.next("welcome") != nil)
        await running.stop()
    }

    /// A projector and two students: the projector sees the lobby, the question, the count
    /// of answers and the class's reveal; it is never counted or ranked, and gets no key early.
    @Test func aProjectorWatchesAClassOverTheNetwork() async throws {
        let running = try await Self.startWithPages()
        defer { running.remove() }
        let projector = try await Student.connect(to: running.address)
        projector.connection.send(.watch(code: running.code))
        #expect(await projector.next("watching")?.watching?.code == running.code)
        let ada = try await running.student("Ada")
        let ben = try await running.student("Ben")
        for student in [ada, ben] { _ = await student.next("welcome") }
        var lobby = await projector.next("lobby")?.lobby
        while let names = lobby?.names, names.count < 2 { lobby = await projector.next("lobby")?.lobby }
        #expect(lobby?.names == ["Ada", "Ben"])
        _ = await running.host.teacher(.start)
        let shown = try #require(await projector.next("question")?.question)
        let asked = running.questions[0]
        ada.answer(0, TypedAnswers.right(asked.asked, shown: shown))
        var progress = await projector.next("progress")?.progress
        while let answered = progress?.answered, answered < 1 { progress = await projector.next("progress")?.progress }
        #expect(progress == AnswerProgress(question: 0, answered: 1, students: 2))
        ben.answer(0, TypedAnswers.weaker(asked.asked, shown: shown))
        let summary = try #require(await projector.next("summary")?.summary)
        #expect(summary.answer == asked.answerText && summary.histogram.answered == 2)
        #expect(Set(summary.board.map(\.name)) == ["Ada", "Ben"] && summary.students == 2)
        let beforeReveal = projector.frames.prefix { $0.message?.type != "summary" }.map(\.text)
        #expect(!beforeReveal.isEmpty)
        for frame in beforeReveal {
            for key in LiveClassOverNetworkTests.keyTexts(asked) where key.count >= 3 {
                #expect(!frame.contains(key), "the projector got \"\(key)\" before the reveal")
            }
            #expect(!frame.contains("\"you\"") && !frame.contains("\"accepted\""))
        }
        _ = await running.host.teacher(.end)
        let end = await projector.drain().compactMap(\.end).first
        #expect(end?.rank == nil && end?.students == 2)
        #expect(await running.host.roster.map(\.name) == ["Ada", "Ben"])
        await running.stop()
    }
}
