import Foundation

/// Encodes the reveal frames of one question for many students.
///
/// Every connected student gets a reveal of their own, but most of it (the right answer,
/// the explanation, the histogram) is the same for the whole class. Encoding that part
/// once instead of once per student is what keeps a reveal to hundreds of students from
/// spending its time re-encoding one histogram. The frames are byte for byte the ones
/// `ServerMessage.reveal(_:).encoded()` writes (sorted keys, no escaped slashes), so a
/// client cannot tell which way a frame was made.
package struct RevealFrameEncoder {
    /// What every student's reveal of one question shares.
    private struct Shared: Equatable {
        var question: Int
        var count: Int
        var itemType: String
        var answer: String?
        var explanation: String?
        var histogram: Histogram
        var students: Int

        init(_ reveal: Reveal) {
            question = reveal.question
            count = reveal.count
            itemType = reveal.itemType
            answer = reveal.answer
            explanation = reveal.explanation
            histogram = reveal.histogram
            students = reveal.students
        }
    }

    /// The shared part, encoded: the text before `points`, between `points` and `rank`, and
    /// between `rank` and `you`.
    private struct Parts {
        var shared: Shared
        var head: String
        var middle: String
        var tail: String
    }

    private let encoder: JSONEncoder
    private var parts: Parts?

    package init() {
        encoder = JSONEncoder()
        encoder.outputFormatting = ServerMessage.outputFormatting
    }

    /// The frame for one student's reveal.
    package mutating func frame(for reveal: Reveal) -> String {
        let shared = Shared(reveal)
        if parts?.shared != shared { parts = encodeShared(shared) }
        guard let parts, let you = json(reveal.you) else { return ServerMessage.reveal(reveal).encoded() }
        return parts.head + String(reveal.points) + parts.middle + String(reveal.rank) + parts.tail + you + "}"
    }

    /// The keys in the order `.sortedKeys` writes them; a nil optional is left out, as the
    /// synthesized encoding leaves it out.
    private func encodeShared(_ shared: Shared) -> Parts? {
        guard let count = json(shared.count), let histogram = json(shared.histogram),
            let itemType = json(shared.itemType), let question = json(shared.question),
            let students = json(shared.students), let type = json("reveal")
        else { return nil }
        var head = "{"
        if let answer = shared.answer, let text = json(answer) { head += "\"answer\":\(text)," }
        head += "\"count\":\(count),"
        if let explanation = shared.explanation, let text = json(explanation) { head += "\"explanation\":\(text)," }
        head += "\"histogram\":\(histogram),\"itemType\":\(itemType),\"points\":"
        return Parts(
            shared: shared, head: head, middle: ",\"question\":\(question),\"rank\":",
            tail: ",\"students\":\(students),\"type\":\(type),\"you\":")
    }

    private func json(_ value: some Encodable) -> String? {
        (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
    }
}
