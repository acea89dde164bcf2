import Testing
@testable import LecternCore

@Suite struct SessionReportTests {
    @Test(arguments: [
        (0.0, "0 s"), (44.6, "45 s"), (60, "1 min"), (130, "2 min 10 s"), (3600, "1 h"), (7500, "2 h 5 min"),
        (-3, "0 s"),
    ])
    func durations(seconds: Double, expected: String) {
        #expect(SessionReport.duration(seconds) == expected)
    }

    @Test(arguments: [(1.0, "100%"), (2.0 / 3, "67%"), (0.005, "1%"), (0.0, "0%")])
    func percentages(score: Double, expected: String) {
        #expect(Grade(score: score).percentText == expected)
    }

    @Test func emptyQueueEndsAtOnce() {
        let driver = SessionDriver(SessionFixture.plan([]))
        #expect(driver.last.isFinished)
        #expect(
            driver.transcript == [
                "Study: Who gains from crowding", "0 questions · :help lists the commands", "Session over",
                "No questions answered.", "Time: 0 s",
            ])
    }
}
