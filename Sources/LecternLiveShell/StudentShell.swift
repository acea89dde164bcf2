import Foundation
import LineEditing

/// `lectern join ADDRESS CODE`: the student's terminal. Lines are read on the main thread
/// with libedit; what the class sends (questions, reveals, the countdown) is printed above
/// the line being typed, which stays as it was. From a pipe, each line answers the next
/// question instead.
package enum StudentShell {
    /// Runs until the class ends or the student leaves; returns the exit status.
    package static func run(address: String, code: String, name: String, environment: [String: String]) -> Int32 {
        let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        let done = Done()
        let channel = interactive ? WakeupChannel() : nil
        let show: StudentSession.Show
        if let channel {
            show = { channel.post($0) }
        } else {
            show = { text in Done.print(text) }
        }
        let session = StudentSession(
            address: address, code: code, name: name, tokens: TokenFile(environment: environment), show: show,
            finished: { status in
                done.finish(status)
                channel?.finish()
            })
        Task.detached { await session.run() }
        Task.detached { await session.countdown() }
        if let channel, let editor = LineEditor(programName: "lectern", history: nil, warn: { show($0) }) {
            LineEditor.claimTerminalForeground()
            editor.show(channel)
            readAnswers(editor, session: session, done: done)
        } else {
            while let line = readLine(strippingNewline: true) {
                if line.trimmingCharacters(in: .whitespaces) == ":quit" {
                    leave(session, done: done)
                    break
                }
                session.enqueue(line)
            }
        }
        return done.wait()
    }

    private static func readAnswers(_ editor: LineEditor, session: StudentSession, done: Done) {
        while !done.isFinished {
            switch editor.readLine(prompt: "answer> ") {
            case .line(let line):
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { continue }
                editor.remember(trimmed)
                if trimmed == ":quit" {
                    leave(session, done: done)
                    return
                }
                session.answer(trimmed)
            case .interrupted:
                continue
            case .endOfInput:
                // Ctrl-D leaves like :quit; the end of the class also ends the read.
                if !done.isFinished { leave(session, done: done) }
                return
            }
        }
    }

    private static func leave(_ session: StudentSession, done: Done) {
        let left = DispatchSemaphore(value: 0)
        Task.detached {
            await session.leave()
            left.signal()
        }
        left.wait()
        Done.print("You left the class.")
        done.finish(0)
    }

    /// The exit status, set once, and a wait for it.
    final class Done: @unchecked Sendable {
        private let lock = NSLock()
        private var status: Int32?
        private let semaphore = DispatchSemaphore(value: 0)
        private static let output = NSLock()

        func finish(_ status: Int32) {
            let first = lock.withLock { () -> Bool in
                guard self.status == nil else { return false }
                self.status = status
                return true
            }
            if first { semaphore.signal() }
        }

        var isFinished: Bool { lock.withLock { status != nil } }

        func wait() -> Int32 {
            semaphore.wait()
            return lock.withLock { status ?? 0 }
        }

        static func print(_ text: String) {
            output.withLock {
                FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
            }
        }
    }
}
