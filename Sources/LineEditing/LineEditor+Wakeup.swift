internal import CEditLine
import Foundation

/// Messages from other threads shown while the user types (a live class's questions and
/// reveals): the other thread queues the text and writes one byte to a pipe; libedit's
/// character reader, which waits on the terminal and that pipe together, prints the text
/// above the prompt and redraws the half-typed line. Everything but the byte stays on the
/// main thread.
package final class WakeupChannel: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [String] = []
    private var finished = false
    private let readEnd: Int32
    private let writeEnd: Int32

    package init?() {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return nil }
        readEnd = fds[0]
        writeEnd = fds[1]
        // The writer must never block on a full pipe: one byte already waiting is enough.
        _ = fcntl(writeEnd, F_SETFL, fcntl(writeEnd, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// Queues text to print (from any thread) and wakes the reader.
    package func post(_ text: String) {
        lock.withLock { pending.append(text) }
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Prints what is queued, then ends the line being read as at end of input.
    package func finish() {
        lock.withLock { finished = true }
        post("")
    }

    package var isFinished: Bool { lock.withLock { finished } }

    /// Everything queued so far, in order.
    package func take() -> [String] {
        lock.withLock {
            defer { pending.removeAll() }
            return pending
        }
    }

    var descriptor: Int32 { readEnd }
}

extension LineEditor {
    /// While reading a line, prints what `channel` receives above it (see ``WakeupChannel``).
    package func show(_ channel: WakeupChannel) {
        wakeupChannel = channel
        lectern_editor_set_wakeup(
            editor, channel.descriptor, lineEditorWakeTrampoline, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Prints what is waiting above the line; true when the channel is finished.
    fileprivate func printWaiting() -> Bool {
        guard let channel = wakeupChannel else { return false }
        let texts = channel.take().filter { !$0.isEmpty }
        if !texts.isEmpty {
            var out = "\r\u{1B}[K"
            for text in texts { out += text.hasSuffix("\n") ? text : text + "\n" }
            lectern_editor_print(editor, out)
        }
        return channel.isFinished
    }
}

private func lineEditorWakeTrampoline(_ context: UnsafeMutableRawPointer?) -> Int32 {
    guard let context else { return 0 }
    return Unmanaged<LineEditor>.fromOpaque(context).takeUnretainedValue().printWaiting() ? 1 : 0
}
