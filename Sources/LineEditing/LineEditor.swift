internal import CEditLine

/// What one read from the terminal produced.
package enum LineRead: Equatable, Sendable {
    case line(String)
    /// Ctrl-C: the partial line was dropped.
    case interrupted
    /// Ctrl-D on an empty line, or the terminal went away.
    case endOfInput
}

/// Interactive line editing through libedit: emacs keys, `~/.editrc`, history, completion.
///
/// This is the only Swift that touches libedit. It must be used from the main thread only
/// (libedit and the SIGINT handler rely on it), so it is deliberately not `Sendable`.
package final class LineEditor {
    /// Produces candidates for the word before the cursor; see `Completion`.
    package typealias Completer = (_ lineBeforeCursor: String) -> Completion

    let editor: OpaquePointer
    private var history: HistoryFile?
    private let warn: (String) -> Void
    package var completer: Completer?
    /// Messages shown above the line while it is edited; see `show(_:)`.
    var wakeupChannel: WakeupChannel?

    /// Opens the editor on the process's terminal.
    ///
    /// - Parameters:
    ///   - programName: scopes `~/.editrc` lines (`lectern:bind -v`), so it must stay stable.
    ///   - history: where to keep history across runs; `nil` keeps it for this run only.
    ///   - warn: receives one-line warnings (an unreadable history file never stops the shell).
    package init?(programName: String, history: HistoryFile?, warn: @escaping (String) -> Void) {
        lectern_use_utf8_locale()
        guard let editor = lectern_editor_open(programName, Int32(HistoryFile.maximumEntries)) else { return nil }
        self.editor = editor
        self.history = history
        self.warn = warn
        lectern_editor_set_completion(editor, lineEditorCompletionTrampoline, Unmanaged.passUnretained(self).toOpaque())
        lectern_editor_source_editrc(editor)
        load(history, warn: warn)
    }

    /// Replaces the lines Up recalls with those of another file (another learner's), so no
    /// line of the previous file can be recalled afterwards.
    package func switchHistory(to file: HistoryFile?) {
        lectern_history_clear(editor)
        history = file
        load(file, warn: warn)
    }

    private func load(_ history: HistoryFile?, warn: (String) -> Void) {
        if let history {
            switch history.prepare() {
            case .ready(let exists):
                if exists, lectern_history_load(editor, history.path) != 0 {
                    history.disableSaving()
                    warn(
                        "warning: history file \(history.path) is not a libedit history file; it is left untouched and history will not be saved (move it away to start afresh)"
                    )
                }
            case .unavailable(let reason):
                warn("warning: \(reason); history will not be kept")
            }
        }
    }

    deinit {
        lectern_editor_close(editor)
    }

    /// Reads one line with `prompt`. Escape sequences in the prompt must be wrapped with
    /// `LineEditor.invisible(_:)` so libedit does not count them as columns.
    package func readLine(prompt: String) -> LineRead {
        lectern_editor_set_prompt(editor, prompt)
        var status: Int32 = 0
        guard let raw = lectern_editor_gets(editor, &status) else {
            if status == 1 {
                print("")
                return .interrupted
            }
            // libedit echoes ^D without a newline; leave the terminal on a fresh line.
            print("")
            return .endOfInput
        }
        return .line(String(cString: raw))
    }

    /// Adds a line to history (and saves the file at once so a killed process keeps it).
    /// Blank lines and a repeat of the previous line are not stored.
    package func remember(_ line: String) {
        guard HistoryFile.shouldStore(line) else { return }
        lectern_history_add(editor, HistoryFile.entry(for: line))
        if let history, history.savingEnabled {
            if lectern_history_save(editor, history.path) != 0 {
                history.reportSaveFailure()
            }
        }
    }

    /// Takes the terminal's foreground when a parent that is no job-control shell started
    /// Lectern (`make run`): Ctrl-C then reaches Lectern alone, which drops the question on
    /// screen, instead of also ending the parent with status 130. Given back at exit.
    package static func claimTerminalForeground() {
        _ = lectern_claim_foreground()
    }

    /// Marks terminal escapes in a prompt so they take no width on screen.
    package static func invisible(_ escape: String) -> String {
        "\u{1}\(escape)\u{1}"
    }

    fileprivate func complete(_ before: String) -> Int32 {
        guard let completer else { return Int32(LECTERN_COMPLETE_NOTHING) }
        let completion = completer(before)
        switch completion.action {
        case .nothing:
            return Int32(LECTERN_COMPLETE_NOTHING)
        case .insert(let text):
            lectern_editor_insert(editor, text)
            return Int32(LECTERN_COMPLETE_INSERTED)
        case .list(let candidates):
            lectern_editor_print(editor, "\n" + Completion.layout(candidates, width: TerminalSize.columns()) + "\n")
            return Int32(LECTERN_COMPLETE_LISTED)
        }
    }
}

/// Reaches the Swift editor from libedit's C callback. A `@convention(c)` closure cannot
/// capture, so the editor travels through the context pointer instead.
private func lineEditorCompletionTrampoline(_ context: UnsafeMutableRawPointer?, _ before: UnsafePointer<CChar>?)
    -> Int32
{
    guard let context, let before else { return Int32(LECTERN_COMPLETE_NOTHING) }
    let editor = Unmanaged<LineEditor>.fromOpaque(context).takeUnretainedValue()
    return editor.complete(String(cString: before))
}
