import Foundation
import LecternShell
import Testing

/// Where the shell keeps each learner's history file.
@Suite("History file path")
struct HistoryPathTests {
    @Test(arguments: [
        (["LECTERN_HISTORY": "/x/h", "XDG_STATE_HOME": "/s", "HOME": "/home/u"], "/x/h"),
        (["XDG_STATE_HOME": "/s", "HOME": "/home/u"], "/s/lectern/history-ana"),
        (["XDG_STATE_HOME": "relative", "HOME": "/home/u"], "/home/u/.local/state/lectern/history-ana"),
        (["HOME": "/home/u"], "/home/u/.local/state/lectern/history-ana"),
    ])
    func defaultPath(environment: [String: String], expected: String) {
        #expect(DeckFolders.historyFile(environment: environment, learner: "ana") == expected)
    }

    /// One file per learner, whatever the name holds: no two names share a file, and no
    /// name reaches outside the state folder.
    @Test(arguments: [
        ("Ana Lopez", "history-Ana%20Lopez"), ("../etc", "history-%2E%2E%2Fetc"), ("李华", "history-%E6%9D%8E%E5%8D%8E"),
        ("ana", "history-ana"), ("Ana", "history-Ana"),
    ])
    func eachLearnerHasAFile(name: String, file: String) {
        let path = DeckFolders.historyFile(environment: ["XDG_STATE_HOME": "/s"], learner: name)
        #expect(path == "/s/lectern/" + file)
    }
}
