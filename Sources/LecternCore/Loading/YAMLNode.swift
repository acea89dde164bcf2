/// One YAML value as the deck builder reads it, built straight from libyaml's events.
///
/// Lean on purpose: a scalar is its text (decoded once from libyaml's buffer), its style and
/// where it starts; a collection is its children and where it starts. No tags, anchors or
/// resolvers are kept, because the composer refuses every tag, anchor and alias before a
/// node reaches the builder. Positions are 1-based, columns counted in Unicode scalars.
enum YAMLNode {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    /// Where a node starts, as libyaml's start mark plus one.
    struct Mark: Equatable {
        var line: Int32
        var column: Int32
    }

    /// How the scalar was written; the raw values are libyaml's `yaml_scalar_style_t`.
    enum Style: UInt8 {
        case any = 0, plain, singleQuoted, doubleQuoted, literal, folded
    }

    struct Scalar {
        var string: String
        var style: Style
        var mark: Mark
    }

    struct Mapping {
        var pairs: [(key: YAMLNode, value: YAMLNode)]
        var mark: Mark
    }

    struct Sequence {
        var nodes: [YAMLNode]
        var mark: Mark
    }

    var mark: Mark {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .mapping(let mapping): mapping.mark
        case .sequence(let sequence): sequence.mark
        }
    }

    var scalar: Scalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    /// The node as a key of a map is compared with other keys: equal scalars of equal tags
    /// are the same key, and so are collections of equal members (a tag is part of a key's
    /// identity, as YAML has it, so `"1"` and `!!int 1` differ).
    static func keyIdentity(_ node: YAMLNode, tag: String?) -> String {
        switch node {
        case .scalar(let scalar): "s\(tag ?? "")\u{0}\(scalar.string)"
        case .sequence(let sequence):
            "[" + sequence.nodes.map { keyIdentity($0, tag: nil) }.joined(separator: "\u{1}") + "]"
        case .mapping(let mapping):
            "{"
                + mapping.pairs.map { keyIdentity($0.key, tag: nil) + "\u{2}" + keyIdentity($0.value, tag: nil) }
                .joined(separator: "\u{1}") + "}"
        }
    }
}

extension YAMLNode: CustomStringConvertible {
    /// A short YAML-like spelling, for a key that is not a scalar (`? [a, b]`) in a message.
    var description: String {
        switch self {
        case .scalar(let scalar): scalar.string
        case .sequence(let sequence): "[" + sequence.nodes.map(\.description).joined(separator: ", ") + "]"
        case .mapping(let mapping):
            "{" + mapping.pairs.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }
}
