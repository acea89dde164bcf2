/// One line of session output with its meaning, not its colour: the shell decides how a
/// style looks (or that it looks like nothing, without a terminal) and where to wrap.
package struct StyledLine: Sendable, Equatable, CustomStringConvertible {
    package typealias Style = TextStyle

    package var text: String
    package var style: Style

    package init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }

    package var description: String { text }
}
