import Foundation
import LecternCore

/// The version of the live protocol, sent in every `welcome`; a client that does not know
/// it should say so rather than guess. See docs/live-protocol.md.
package enum LiveProtocol {
    package static let version = 1
    /// Frames larger than this are refused before they are read (the server enforces it).
    package static let maxFrameBytes = 64 * 1024
}

/// What a client sends: one JSON object per frame, told apart by its `"type"`.
package enum ClientMessage: Sendable, Equatable {
    /// `{"type":"join","code":"K7QF","name":"Ada","token":"…"}`; `token` only when rejoining.
    case join(code: String, name: String, token: String?)
    /// `{"type":"answer","question":3,"answer":"b"}`: the text a student would type in `study`.
    case answer(question: Int, answer: String)
    /// `{"type":"leave"}`
    case leave
    /// `{"type":"watch","code":"K7QF"}`: a projector page, which sees what the room sees and has no seat.
    case watch(code: String)

    /// Reads one frame's text. Anything that is not a message of this protocol is an error
    /// with the code the server sends back; nothing here trusts the frame.
    package static func decode(_ text: String) -> Result<ClientMessage, LiveError> {
        guard let data = text.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
            let fields = object as? [String: Any]
        else {
            return .failure(LiveError(.badJSON, "The frame is not a JSON object."))
        }
        guard let type = fields["type"] as? String else {
            return .failure(LiveError(.badMessage, "The message has no \"type\" string."))
        }
        switch type {
        case "join":
            guard let code = fields["code"] as? String, let name = fields["name"] as? String else {
                return .failure(LiveError(.badMessage, "A join needs \"code\" and \"name\" strings."))
            }
            let token = fields["token"]
            guard token == nil || token is NSNull || token is String else {
                return .failure(LiveError(.badMessage, "A join's \"token\" must be a string."))
            }
            return .success(.join(code: code, name: name, token: token as? String))
        case "answer":
            guard let question = integer(fields["question"]), let answer = fields["answer"] as? String else {
                return .failure(
                    LiveError(.badMessage, "An answer needs \"question\" (a number) and \"answer\" (text)."))
            }
            return .success(.answer(question: question, answer: answer))
        case "leave":
            return .success(.leave)
        case "watch":
            guard let code = fields["code"] as? String else {
                return .failure(LiveError(.badMessage, "A watch needs a \"code\" string."))
            }
            return .success(.watch(code: code))
        default:
            return .failure(LiveError(.unknownType, "Unknown message type \"\(UntrustedText.quoted(type))\"."))
        }
    }

    /// The message as a client sends it.
    package func encoded() -> String {
        switch self {
        case .join(let code, let name, let token):
            let tokenField = token.map { ",\"token\":\(JSONText.quoted($0))" } ?? ""
            return
                "{\"type\":\"join\",\"code\":\(JSONText.quoted(code)),\"name\":\(JSONText.quoted(name))\(tokenField)}"
        case .answer(let question, let answer):
            return "{\"type\":\"answer\",\"question\":\(question),\"answer\":\(JSONText.quoted(answer))}"
        case .leave:
            return "{\"type\":\"leave\"}"
        case .watch(let code):
            return "{\"type\":\"watch\",\"code\":\(JSONText.quoted(code))}"
        }
    }

    /// A whole number that fits an Int; JSON has only one kind of number, so `3.0` is 3 and
    /// `3.5`, `true` or `"3"` are not.
    ///
    /// A JSON `true` is told apart by its number type (`c`, a char), not with `is Bool`:
    /// on Linux every NSNumber holding 0 or 1 also says it is a Bool, so `is Bool` would
    /// refuse question 0 and question 1.
    private static func integer(_ value: Any?) -> Int? {
        guard let number = value as? NSNumber, String(cString: number.objCType) != "c" else { return nil }
        let double = number.doubleValue
        guard double.isFinite, double == double.rounded(), abs(double) < 1e9 else { return nil }
        return Int(double)
    }
}
