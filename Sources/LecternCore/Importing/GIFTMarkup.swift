import Foundation

/// GIFT's text conventions that are not answer syntax: format markers, `[id:…]` and
/// `[tag:…]`, HTML in `[html]` text, and numbers. Everything becomes plain terminal text.
enum GIFTMarkup {
    static let formats = ["[html]", "[markdown]", "[plain]", "[moodle]"]

    /// Question text without its format marker, `[id:…]` and `[tag:…]` markers (returned apart).
    static func prompt(_ text: String) -> (text: String, id: String?, tags: [String]) {
        var text = text
        var id: String?
        var tags: [String] = []
        for (marker, isID) in [("[id:", true), ("[tag:", false)] {
            while let start = text.range(of: marker), let end = text[start.upperBound...].firstIndex(of: "]") {
                let value = String(text[start.upperBound..<end]).trimmingWhitespace
                if isID { id = id ?? value } else { tags.append(value) }
                text.removeSubrange(start.lowerBound...end)
            }
        }
        return (plain(text), id, tags)
    }

    /// Text with a leading format marker removed; `[html]` text loses its tags and entities.
    static func plain(_ text: String) -> String {
        var text = text.trimmingWhitespace
        guard let format = formats.first(where: { text.lowercased().hasPrefix($0) }) else { return text }
        text = String(text.dropFirst(format.count))
        if format == "[html]" { text = html(text) }
        return text.trimmingWhitespace
    }

    /// Tags dropped (`<br>` and `</p>` become line breaks) and the common entities decoded.
    static func html(_ text: String) -> String {
        var output = ""
        var inTag = false
        var tag = ""
        for character in text {
            if inTag {
                if character == ">" {
                    inTag = false
                    let name = tag.lowercased().trimmingWhitespace
                    if name.hasPrefix("br") || name == "/p" { output += "\n" }
                } else {
                    tag.append(character)
                }
            } else if character == "<" {
                inTag = true
                tag = ""
            } else {
                output.append(character)
            }
        }
        let entities = [
            ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&nbsp;", " "),
            ("&amp;", "&"),
        ]
        for (entity, character) in entities { output = output.replacingOccurrences(of: entity, with: character) }
        return output
    }

    /// A plain decimal number (`3`, `-0.5`, `1e3`); not `inf`, `nan` or hexadecimal.
    static func number(_ text: String) -> Double? {
        let text = text.trimmingWhitespace
        guard
            text.range(of: #"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$"#, options: .regularExpression)
                != nil
        else { return nil }
        // A numeral too large for a Double reads as infinity, which no answer can be near.
        return Double(text).flatMap { $0.isFinite ? $0 : nil }
    }

    /// A number as written for people: `50`, not `50.0`.
    static func format(_ value: Double) -> String { NumericAnswerGrader.format(value) }
}
