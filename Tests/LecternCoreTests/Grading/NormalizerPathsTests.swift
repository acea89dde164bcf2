import Testing

@testable import LecternCore

/// The byte-by-byte normaliser for ASCII text must give what the `Character` path gives, for
/// every ASCII text: it replaces that path for most answers, and graders compare its results
/// with normalised typed answers.
@Suite struct NormalizerPathsTests {
    static func unicodePath(_ text: String) -> String { TextNormalizer.normalizeUnicode(text) }

    @Test func everyTextOfOneOrTwoASCIICharactersNormalisesAsByCharacter() {
        var mismatches: [String] = []
        for first in 0..<128 {
            for second in [-1] + Array(0..<128) {
                var text = String(Unicode.Scalar(UInt8(first)))
                if second >= 0 { text.unicodeScalars.append(Unicode.Scalar(UInt8(second))) }
                if TextNormalizer.normalize(text) != Self.unicodePath(text) { mismatches.append(text) }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10).map(\.debugDescription))")
    }

    @Test(arguments: [UInt64(1), 7, 2026])
    func randomASCIITextNormalisesAsByCharacter(seed: UInt64) {
        // Letters, articles, separators, punctuation, symbols and control bytes, mixed.
        let pieces = [
            "the", "The", "a", "An", "an", "THE", "platform", "x", "-", "_", " ", "  ", "\t", "\r\n", "\n", "\u{0B}",
            "\u{0C}", "\r", ".", "!", "(", ")", "'", "\"", "$", "+", "<", "~", "`", "|", "\u{01}", "\u{1F}", "\u{7F}",
            "9", "ABC", "@", "#", "%", "&", "*", ",", "/", ":", ";", "?", "[", "\\", "]", "^", "{", "}",
        ]
        var random = SplitMix64(seed: seed)
        for _ in 0..<3_000 {
            let count = Int(random.next() % 9)
            let text = (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            #expect(TextNormalizer.normalize(text) == Self.unicodePath(text), "\(text.debugDescription)")
        }
    }

    @Test func textBeyondASCIITakesTheCharacterPath() {
        var bytes = Array("Ｐlatform Café".utf8)
        #expect(bytes.withUnsafeBufferPointer(TextNormalizer.normalizeASCII) == nil)
        #expect(TextNormalizer.normalize("Ｐlatform Café") == "platform café")
        bytes = Array("The Platform".utf8)
        #expect(bytes.withUnsafeBufferPointer(TextNormalizer.normalizeASCII) == "platform")
    }
}
