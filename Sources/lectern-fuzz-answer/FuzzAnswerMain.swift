import Foundation
import LecternFuzzing

/// libFuzzer calls this for every input when built by `make fuzz`.
@_cdecl("LLVMFuzzerTestOneInput")
package func fuzzAnswer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else {
        AnswerFuzzTarget.run([])
        return 0
    }
    AnswerFuzzTarget.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if FUZZING
    import CFuzzDriver

    /// SwiftPM links an executable's `main` to `<module>_main`; under `make fuzz` that hands
    /// the command line to libFuzzer's driver.
    @_cdecl("lectern_fuzz_answer_main")
    package func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        var argc = argc
        var argv = argv
        return LLVMFuzzerRunDriver(&argc, &argv, fuzzAnswer)
    }
#else
    /// The plain build replays files: `swift run lectern-fuzz-answer FILE_OR_FOLDER…`.
    @main
    enum ReplayAnswer {
        static func main() {
            exit(FuzzReplay.main(arguments: Array(CommandLine.arguments.dropFirst()), entry: AnswerFuzzTarget.run))
        }
    }
#endif
