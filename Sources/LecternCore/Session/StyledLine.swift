/// One line of session output with its meaning, not its colour: the shell decides how a
/// style looks (or that it looks like nothing, without a terminal) and where to wrap.
public struct StyledLine: Sendable, Equatable, CustomStringConvertible {
    public typealias Style = TextStyle

    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public var description: String { text }
}
