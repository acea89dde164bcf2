import Foundation
import LecternCLI

// A reader that goes away (`lectern results | head -1`) must not kill the process with
// SIGPIPE halfway through saving: writes then fail with EPIPE, which the output reports.
signal(SIGPIPE, SIG_IGN)
ExitOutputCheck.install()
LecternCommand.runAndExit()
