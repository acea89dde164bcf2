import LecternCore
import LecternShell
import Testing

@Suite("Width, wrapping and colour")
struct RenderingTests {
    @Test(arguments: [
        ("abc", 3), ("直播带货", 8), ("live 直播", 9), ("e\u{301}", 1), ("ｆｕｌｌ", 8), ("👍", 2), ("", 0),
    ])
    func displayWidth(text: String, columns: Int) {
        #expect(TerminalWidth.of(text) == columns)
    }

    @Test func wrapsAtSpacesWithinTheWidth() {
        let text = "the lower the threshold the fiercer the competition"
        #expect(TextWrapper.wrap(text, width: 20) == "the lower the\nthreshold the\nfiercer the\ncompetition")
    }

    @Test func wrapsChineseByColumnsNotCharacters() {
        let wrapped = TextWrapper.wrap("门槛越低竞争越激烈平台是最终赢家", width: 10)
        #expect(wrapped == "门槛越低竞\n争越激烈平\n台是最终赢\n家")
        for line in wrapped.split(separator: "\n") {
            #expect(TerminalWidth.of(String(line)) <= 10)
        }
    }

    @Test func mixedTextNeverExceedsTheWidth() {
        let wrapped = TextWrapper.wrap(
            "Live streaming 直播带货 is just sales work 销售工作, nothing magic.", width: 12, indent: "  ")
        for line in wrapped.split(separator: "\n") {
            #expect(TerminalWidth.of(String(line)) <= 12)
            #expect(line.hasPrefix("  "))
        }
    }

    @Test(arguments: [
        (ColorChoice.auto, true, [String: String](), true),
        (.auto, false, [:], false),
        (.auto, true, ["NO_COLOR": ""], false),
        (.auto, true, ["NO_COLOR": "1"], false),
        (.auto, true, ["TERM": "dumb"], false),
        (.always, false, ["NO_COLOR": "1"], true),
        (.never, true, [:], false),
    ])
    func colourDecision(choice: ColorChoice, isTerminal: Bool, environment: [String: String], expected: Bool) {
        #expect(choice.enablesColor(isTerminal: isTerminal, environment: environment) == expected)
    }

    @Test func stylesAreInertWithoutColour() {
        #expect(Styler(colorEnabled: false).apply(.bad, "wrong") == "wrong")
        #expect(Styler(colorEnabled: true).apply(.bad, "wrong") == "\u{1B}[31mwrong\u{1B}[0m")
    }
}
