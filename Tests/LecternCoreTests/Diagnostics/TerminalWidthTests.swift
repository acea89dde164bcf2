import LecternCore
import Testing

/// Column counts for the scripts and symbols decks and learners actually use.
@Suite struct TerminalWidthTests {
    @Test(arguments: [
        ("", 0),
        ("abc", 3),
        ("café", 4),
        ("cafe\u{301}", 4),
        ("中文", 4),
        ("选哪个？", 8),
        ("。", 2),
        ("한국어", 6),
        ("\u{1100}\u{1161}", 2),
        ("ｱｲ", 2),
        ("１２", 4),
        ("👍", 2),
        ("👍🏽", 2),
        ("👨‍👩‍👧", 2),
        ("🇨🇳", 2),
        ("❤️", 2),
        ("❤", 1),
        ("a\u{200B}b", 2),
        ("¶4", 2),
        ("T5 中", 5),
    ])
    func widthOf(_ text: String, _ columns: Int) {
        #expect(TerminalWidth.of(text) == columns)
    }

    @Test func literalsAndSubstringsPickTheTextOverload() {
        #expect(TerminalWidth.of("ab") == 2)
        #expect(TerminalWidth.of("中文x") == 5)
        #expect(TerminalWidth.of("中文x".dropFirst()) == 3)
    }

    @Test func characterAndScalarWidthsAgreeForSimpleCases() {
        #expect(TerminalWidth.of(Character("中")) == 2)
        #expect(TerminalWidth.of(Unicode.Scalar(0x301)!) == 0)
        #expect(TerminalWidth.of(Unicode.Scalar(0x41)!) == 1)
    }
}
