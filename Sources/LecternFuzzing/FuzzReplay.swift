import Foundation

/// Runs an entry point over files, for replaying a corpus or a crash without the sanitizer
/// build: `lectern-fuzz-deck crash-1234 Tests/Fuzz/corpus/deck`.
package enum FuzzReplay {
    /// Every regular file named, or inside a folder named (not recursively), sorted by path.
    package static func files(in paths: [String]) -> [URL] {
        var files: [URL] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.filter { !$0.hasPrefix(".") }.map { URL(fileURLWithPath: path).appending(path: $0) }
            } else {
                files.append(URL(fileURLWithPath: path))
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Replays every file through `entry`, printing each name first so a crash names its input.
    package static func main(arguments: [String], entry: ([UInt8]) -> Void) -> Int32 {
        guard !arguments.isEmpty else {
            FileHandle.standardError.write(Data("usage: give files or folders of inputs to replay\n".utf8))
            return 2
        }
        let files = files(in: arguments)
        for file in files {
            print(file.path)
            guard let data = FileManager.default.contents(atPath: file.path) else {
                FileHandle.standardError.write(Data("cannot read \(file.path)\n".utf8))
                return 1
            }
            entry([UInt8](data))
        }
        print("replayed \(files.count) inputs without a crash")
        return 0
    }
}
