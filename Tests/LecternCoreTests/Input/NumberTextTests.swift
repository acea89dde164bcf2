import Testing

@testable import LecternCore

/// Durations and whole numbers typed as option values: read only when plain, used only
/// when in range, and otherwise refused with a sentence that names the option and the range.
@Suite("Numbers typed as option values")
struct NumberTextTests {
    @Test(arguments: [
        ("20m", 1200.0), ("90s", 90), ("1h30m", 5400), ("1h", 3600), ("2m30s", 150), ("1.5m", 90), ("15", 900),
        (" 20M ", 1200), ("24h", 86_400), ("1s", 1),
    ])
    func readsWhatPeopleType(text: String, seconds: Double) {
        #expect(DurationText.seconds(text) == .success(seconds))
    }

    @Test(arguments: [
        "inf", "nan", "1e300", "-5m", "", "m", "5x", "1h30", "30m1h", "1m1m", "1..5m", "٣m", "+5m", "5 m",
    ])
    func refusesWhatIsNotADuration(text: String) {
        #expect(DurationText.seconds(text) == .failure(.unreadable))
    }

    @Test(arguments: [
        "0s", "0", "0.5s", "25h", "1441m", "99999999999999999999h", String(repeating: "9", count: 400) + "h",
    ])
    func refusesDurationsOutsideTheRange(text: String) {
        guard case .failure(.outOfRange) = DurationText.seconds(text) else {
            Issue.record("\(text) was not refused as out of range")
            return
        }
    }

    @Test func messagesNameTheOptionAndTheRange() {
        #expect(
            DurationText.message(for: .unreadable, option: "--time", text: "inf")
                == "--time cannot read 'inf'; write a time like 20m, 90s or 1h30m (from 1s to 24h)")
        #expect(
            DurationText.message(for: .outOfRange(90_000), option: "--time", text: "25h")
                == "--time '25h' is outside the allowed range of 1s to 24h")
        #expect(DurationText.describe(5400) == "1h30m")
    }

    @Test func wholeNumbersAreReadOnlyWhenPlainAndInRange() {
        #expect(WholeNumberText.parse("42", option: "--count", within: 1...100) == .success(42))
        #expect(WholeNumberText.parse("+7", option: "--count", within: 1...100) == .success(7))
        #expect(
            WholeNumberText.parse("18446744073709551615", option: "--seed", within: 0...UInt64.max)
                == .success(UInt64.max))
        for text in ["0", "101", "-5", "1e3", "99999999999999999999", "٣", "", "4.0", "0x10"] {
            #expect(
                WholeNumberText.parse(text, option: "--count", within: 1...100)
                    == .failure(NumberError("--count must be a whole number from 1 to 100, got '\(text)'")))
        }
    }
}
