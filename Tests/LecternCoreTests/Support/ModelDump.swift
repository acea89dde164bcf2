import Foundation

@testable import LecternCore

/// A test-only encoder: any model value as JSON-ready values, found by reflection, so that a
/// fixture holds every stored field of the deck model without the model having to be Codable.
///
/// Strings that contain `root` (an absolute checkout path) have it replaced by `<root>`, so
/// fixtures do not depend on where the repository is checked out; a path that a message
/// shortens to a fixed length ("looked for /work/…") would still move with the checkout's
/// length, so it is written as `<path>`. Doubles are written as
/// their Swift description, so a fixture compares them exactly.
enum ModelDump {
    static func json(_ subject: Any, root: String) -> Any {
        switch subject {
        case let text as String:
            return text.replacingOccurrences(of: root, with: "<root>")
                .replacingOccurrences(
                    of: #"\(looked for [^)]*\)"#, with: "(looked for <path>)", options: .regularExpression)
        case let flag as Bool: return flag
        case let number as Int: return number
        case let number as Double: return "double \(number)"
        default: break
        }
        let mirror = Mirror(reflecting: subject)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { json($0.value, root: root) } ?? NSNull()
        case .collection, .set:
            return mirror.children.map { json($0.value, root: root) }
        case .dictionary:
            var object: [String: Any] = [:]
            for pair in mirror.children {
                let parts = Array(Mirror(reflecting: pair.value).children)
                guard parts.count == 2 else { continue }
                object["\(parts[0].value)"] = json(parts[1].value, root: root)
            }
            return object
        case .enum:
            guard let payload = mirror.children.first else { return "\(subject)" }
            return ["case": payload.label ?? "?", "value": json(payload.value, root: root)]
        default:
            var object: [String: Any] = [:]
            for (index, child) in mirror.children.enumerated() {
                object[child.label ?? ".\(index)"] = json(child.value, root: root)
            }
            return object.isEmpty ? "\(subject)" : object
        }
    }

    /// Canonical JSON text: sorted keys, pretty, one field per line.
    static func text(_ value: Any) throws -> String {
        let data = try JSONSerialization.data(
            withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Every leaf as `path = value`, so two dumps compare field by field and a mismatch names
    /// the field (`deck.items[3].body.value.options[0].text`).
    static func fields(_ value: Any, path: String = "") -> [String] {
        switch value {
        case let object as [String: Any]:
            if object.isEmpty { return ["\(path) = {}"] }
            return object.sorted { $0.key < $1.key }.flatMap { key, value in
                fields(value, path: path.isEmpty ? key : "\(path).\(key)")
            }
        case let array as [Any]:
            if array.isEmpty { return ["\(path) = []"] }
            return array.enumerated().flatMap { fields($0.element, path: "\(path)[\($0.offset)]") }
        case is NSNull:
            return ["\(path) = null"]
        default:
            return ["\(path) = \(value)"]
        }
    }
}
