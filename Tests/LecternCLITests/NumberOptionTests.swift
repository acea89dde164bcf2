import Foundation
import Testing

/// Every number on the command line is range-checked before use, through the real binary:
/// the inputs that once trapped (SIGILL) or overflowed now get one line naming the option.
@Suite("Number options")
struct NumberOptionTests {
    static let decks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/decks"
    ).path

    static let times = "from 1s to 24h"

    @Test(arguments: [
        ("inf", "--time cannot read 'inf'; write a time like 20m, 90s or 1h30m (\(times))"),
        ("nan", "--time cannot read 'nan'; write a time like 20m, 90s or 1h30m (\(times))"),
        ("1e300", "--time cannot read '1e300'; write a time like 20m, 90s or 1h30m (\(times))"),
        ("-5m", "--time cannot read '-5m'; write a time like 20m, 90s or 1h30m (\(times))"),
        ("99999999999999999999h", "--time '99999999999999999999h' is outside the allowed range of 1s to 24h"),
        ("25h", "--time '25h' is outside the allowed range of 1s to 24h"),
    ])
    func examTimesOutsideTheRangeAreRefused(time: String, message: String) throws {
        let home = try LecternBinary.makeHome()
        let result = try LecternBinary.run(["exam", "tiny", "--decks", Self.decks, "--time", time], home: home)
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix("error: \(message)\n"), "\(result.standardError)")
    }

    @Test(arguments: [
        (
            ["--max-deck-size", "8796093022208"],
            "--max-deck-size must be a whole number from 1 to 1024, got '8796093022208'"
        ),
        (["--max-deck-size", "0"], "--max-deck-size must be a whole number from 1 to 1024, got '0'"),
        (["--count", "0"], "--count must be a whole number from 1 to 100000, got '0'"),
        (
            ["--count", "99999999999999999999"],
            "--count must be a whole number from 1 to 100000, got '99999999999999999999'"
        ),
        (["--seed", "-1"], "--seed must be a whole number from 0 to 18446744073709551615, got '-1'"),
        (
            ["--seed", "18446744073709551616"],
            "--seed must be a whole number from 0 to 18446744073709551615, got '18446744073709551616'"
        ),
        (["--new-per-day", "-1"], "--new-per-day must be a whole number from 0 to 10000, got '-1'"),
        (
            ["--new-per-day", "9223372036854775808"],
            "--new-per-day must be a whole number from 0 to 10000, got '9223372036854775808'"
        ),
    ])
    func wholeNumbersOutsideTheirRangeAreRefused(arguments: [String], message: String) throws {
        let home = try LecternBinary.makeHome()
        let result = try LecternBinary.run(["exam", "tiny", "--decks", Self.decks] + arguments, home: home)
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix("error: \(message)\n"), "\(result.standardError)")
    }

    @Test func theExtremesThatAreAllowedWork() throws {
        let home = try LecternBinary.makeHome()
        let result = try LecternBinary.run(
            [
                "exam", "tiny", "--decks", Self.decks, "--time", "24h", "--count", "100000", "--seed",
                "18446744073709551615", "--new-per-day", "10000", "--max-deck-size", "1024",
            ], input: ":quit\n", home: home)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("4 questions · 24 h"), "\(result.standardOutput)")
    }

    @Test func theShellChecksTheSameNumbers() throws {
        let home = try LecternBinary.makeHome()
        for (line, message) in [
            (
                "exam tiny --time inf",
                "error: --time cannot read 'inf'; write a time like 20m, 90s or 1h30m (\(Self.times))"
            ),
            ("exam tiny --count 0", "error: --count must be a whole number from 1 to 100000, got '0'"),
            ("drill tiny --seed x", "error: --seed must be a whole number from 0 to 18446744073709551615, got 'x'"),
        ] {
            let result = try LecternBinary.run(["--decks", Self.decks], input: line + "\n", home: home)
            #expect(result.status == 1)
            #expect((result.standardOutput + result.standardError).contains(message), "\(line)")
        }
    }
}
