import Foundation
import LecternClass
import LecternCore
import LecternLive
import Testing
import LecternTestSupport

@Suite("Rejoining and misbehaving clients, over the network")
struct LiveAbuseAndRejoinTests {
    @Test func aKilledClientRejoinsWithItsTokenToTheSameSeat() async throws {
        let running = try await RunningClass.start()
        defer { running.remove() }
        var notices = NoticeReader(running.host)
        let ada = try await running.student("Ada")
        let token = try #require(await ada.next("welcome")?.welcome?.token)
        let ben = try await running.student("Ben")
        _ = await ben.next("welcome")
        _ = await running.host.teacher(.start)
        let shown = try #require(await ada.next("question")?.question)
        let right = TypedAnswers.right(running.questions[0].asked, shown: shown)
        ada.answer(0, right)
        let accepted = try #require(await ada.next("accepted")?.accepted)
        ada.connection.abort()
        #expect(await notices.next { $0 == .disconnected(name: "Ada") } != nil)

        // Someone else cannot take the name while the seat waits for Ada.
        let impostor = try await running.student("ada")
        let refusal = try #require(await impostor.next("error")?.error)
        #expect(refusal.code == .nameTaken)
        #expect(refusal.message.contains("Ada 2") || refusal.message.contains("ada 2"))

        let back = try await running.student("Whatever", token: token)
        let welcome = try #require(await back.next("welcome")?.welcome)
        #expect(welcome.rejoined && welcome.name == "Ada")
        #expect(await back.next("question")?.question?.question == 0)
        #expect(await back.next("accepted")?.accepted == accepted)
        _ = await ben.next("question")
        ben.answer(0, TypedAnswers.weaker(running.questions[0].asked, shown: shown))
        let reveal = try #require(await back.next("reveal")?.reveal)
        #expect(reveal.you.outcome == "right")
        #expect(reveal.points >= 1000 && reveal.rank == 1)
        await running.stop()
    }

    @Test func garbageGetsErrorsThenTheConnectionIsClosedAndTheClassGoesOn() async throws {
        // The garbage never joins: on a loaded machine the usual 10 seconds to join could run
        // out in the middle of the test, which is about the errors, not the timeout.
        var limits = HostLimits()
        limits.joinTimeout = 3600
        let running = try await RunningClass.start(limits: limits)
        defer { running.remove() }
        var notices = NoticeReader(running.host)
        let ada = try await running.student("Ada")
        _ = await ada.next("welcome")
        let garbage = try await Student.connect(to: running.address)
        garbage.connection.send(text: "not json at all")
        #expect(await garbage.next("error")?.error?.code == .badJSON)
        garbage.connection.send(text: "{\"type\":\"dance\"}")
        #expect(await garbage.next("error")?.error?.code == .unknownType)
        garbage.connection.send(text: "{\"type\":\"answer\",\"question\":0,\"answer\":\"a\"}")
        #expect(await garbage.next("error")?.error?.code == .notJoined)
        garbage.connection.send(text: String(repeating: "x", count: LiveProtocol.maxFrameBytes + 10))
        let tooLarge = try #require(await garbage.next("error")?.error)
        #expect(tooLarge.code == .badJSON && tooLarge.message.contains("64 KiB"))
        for _ in 0..<10 { garbage.connection.send(text: "[1,2,3]") }
        let codes = await garbage.drain().compactMap(\.error?.code)
        #expect(codes.last == .tooManyErrors)
        #expect(
            await notices.next {
                if case .clientError(_, _, let error) = $0 { error.code == .tooManyErrors } else { false }
            } != nil)

        // Ada was not disturbed.
        _ = await running.host.teacher(.start)
        let shown = try #require(await ada.next("question")?.question)
        ada.answer(0, TypedAnswers.right(running.questions[0].asked, shown: shown))
        #expect(await ada.next("accepted") != nil)
        await running.stop()
    }

    @Test func aFloodIsCutOff() async throws {
        let running = try await RunningClass.start()
        defer { running.remove() }
        let flood = try await running.student("Flood")
        _ = await flood.next("welcome")
        let ada = try await running.student("Ada")
        _ = await ada.next("welcome")
        _ = await running.host.teacher(.start)
        let shown = try #require(await ada.next("question")?.question)
        for _ in 0..<500 { flood.answer(0, "zzz not an answer") }
        // Whichever limit trips first (the rate, or the backlog of replies this client does
        // not read while it sends), the connection is closed long before 500 replies.
        let codes = await flood.drain().compactMap(\.error?.code)
        #expect(codes.count < 500)
        #expect(codes.last == .tooManyErrors || codes.count < 300)
        ada.answer(0, TypedAnswers.right(running.questions[0].asked, shown: shown))
        #expect(await ada.next("accepted") != nil)
        // The flood's seat waits like any dropped one; the class goes on.
        #expect(await running.host.roster.contains { $0.name == "Flood" && !$0.connected })
        await running.stop()
    }

    @Test func aConnectionThatNeverJoinsIsClosed() async throws {
        var limits = HostLimits()
        limits.joinTimeout = 0.5
        let running = try await RunningClass.start(limits: limits)
        defer { running.remove() }
        let silent = try await Student.connect(to: running.address)
        let messages = await silent.drain()
        #expect(messages.compactMap(\.error?.code) == [.notJoined])
        await running.stop()
    }

    @Test func aWrongCodeIsRefusedAndClosed() async throws {
        let running = try await RunningClass.start()
        defer { running.remove() }
        let stranger = try await Student.connect(to: running.address)
        let wrong = running.code == "ABCD" ? "ABCE" : "ABCD"
        stranger.connection.send(.join(code: wrong, name: "Eve", token: nil))
        #expect(await stranger.drain().compactMap(\.error?.code) == [.wrongCode])
        await running.stop()
    }

    @Test func theClassHasRoomForMaxStudentsOnly() async throws {
        let running = try await RunningClass.start(maxStudents: 2)
        defer { running.remove() }
        let ada = try await running.student("Ada")
        _ = await ada.next("welcome")
        let ben = try await running.student("Ben")
        _ = await ben.next("welcome")
        let cy = try await running.student("Cy")
        #expect(await cy.drain().compactMap(\.error?.code) == [.full])
        await running.stop()
    }
}
