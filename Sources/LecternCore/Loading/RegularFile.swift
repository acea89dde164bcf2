import Foundation

import Glibc

/// Opens files that a deck folder lists or a deck names, and refuses anything that is not a
/// plain file of bounded size before a byte is read.
///
/// A deck may come from a stranger, so a name in it can point at a FIFO (reading would block
/// forever), a device (endless bytes), a file under `/proc` (which claims size 0 and then
/// streams) or a huge file. Every check runs on the opened descriptor (`fstat`),
/// never on the path, so the file cannot be swapped between the check and the read, and the
/// open itself is non-blocking so that a FIFO without a writer returns at once.
package enum RegularFile {
    /// Why a file was not read.
    package enum Refusal: Error, Equatable {
        case missing
        /// `open` or `fstat` failed; the system's reason.
        case unreadable(String)
        /// A FIFO, socket, device or folder, named as such.
        case notRegular(String)
        /// A file of a kernel file system (`/proc`, `/sys`) whose size says nothing.
        case virtual
        case tooLarge(bytes: Int)
    }

    /// Reads the whole file when it is a regular file of at most `maxBytes` bytes.
    package static func read(_ path: String, maxBytes: Int, followLastLink: Bool = true) -> Result<
        [UInt8], Refusal
    > {
        switch open(path, followLastLink: followLastLink) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let descriptor):
            defer { close(descriptor) }
            let size: Int
            switch check(descriptor, maxBytes: maxBytes) {
            case .failure(let refusal): return .failure(refusal)
            case .success(let checked): size = checked
            }
            // Read one byte past the limit, so a file that grew after `fstat` is still refused.
            // Room for the size `fstat` gave (and the byte past it), so that a large deck is not
            // held twice while the buffer grows.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(min(size, maxBytes) + 1)
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            while bytes.count <= maxBytes {
                let wanted = min(chunk.count, maxBytes + 1 - bytes.count)
                let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, wanted) }
                if count < 0 {
                    if errno == EINTR { continue }
                    return .failure(.unreadable(String(cString: strerror(errno))))
                }
                if count == 0 { break }
                bytes += chunk[0..<count]
            }
            if bytes.count > maxBytes { return .failure(.tooLarge(bytes: bytes.count)) }
            return .success(bytes)
        }
    }

    /// The checks `read` makes, without reading: what lint needs to say whether a file is usable.
    static func inspect(_ path: String, maxBytes: Int, followLastLink: Bool = true) -> Refusal? {
        switch open(path, followLastLink: followLastLink) {
        case .failure(let refusal): return refusal
        case .success(let descriptor):
            defer { close(descriptor) }
            if case .failure(let refusal) = check(descriptor, maxBytes: maxBytes) { return refusal }
            return nil
        }
    }

    /// What is at `path` (following symbolic links) when it is not a regular file or a
    /// folder: "a FIFO", "a socket", "a device"; nil otherwise. `stat` never opens the file,
    /// so listing a folder cannot block on a FIFO in it.
    static func specialKind(at path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFREG || kind == S_IFDIR { return nil }
        return describe(kind)
    }

    private static func open(_ path: String, followLastLink: Bool) -> Result<Int32, Refusal> {
        var flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY
        if !followLastLink { flags |= O_NOFOLLOW }
        let descriptor = Glibc.open(path, flags)
        guard descriptor >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { return .failure(.missing) }
            if errno == ELOOP && !followLastLink { return .failure(.notRegular("a symbolic link")) }
            return .failure(.unreadable(String(cString: strerror(errno))))
        }
        return .success(descriptor)
    }

    /// The file's size when it is a regular file within `maxBytes`, else why it is refused.
    private static func check(_ descriptor: Int32, maxBytes: Int) -> Result<Int, Refusal> {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG else { return .failure(.notRegular(describe(kind))) }
        if virtualDevices.contains(UInt64(info.st_dev)) { return .failure(.virtual) }
        if Int(info.st_size) > maxBytes { return .failure(.tooLarge(bytes: Int(info.st_size))) }
        return .success(max(0, Int(info.st_size)))
    }

    /// The devices of the kernel's own file systems (`/proc`, `/sys`): their files report
    /// sizes that are not theirs, so a size check there proves nothing.
    private static let virtualDevices: Set<UInt64> = {
        var devices = Set<UInt64>()
        var top = stat()
        let rootDevice = stat("/", &top) == 0 ? UInt64(top.st_dev) : nil
        for root in ["/proc", "/sys", "/sys/kernel/debug", "/sys/kernel/security", "/sys/kernel/tracing"] {
            var info = stat()
            // Only a real mount counts: a bare folder of that name shares the root's device.
            if stat(root, &info) == 0, UInt64(info.st_dev) != rootDevice { devices.insert(UInt64(info.st_dev)) }
        }
        return devices
    }()

    private static func describe(_ kind: mode_t) -> String {
        switch kind {
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFDIR: "a folder"
        case S_IFLNK: "a symbolic link"
        default: "not a regular file"
        }
    }
}

extension RegularFile.Refusal {
    var isUnreadable: Bool {
        if case .unreadable = self { return true }
        return false
    }

    /// The refusal as the end of a sentence that starts with the file's name.
    var reason: String {
        switch self {
        case .missing: "does not exist"
        case .unreadable(let why): "cannot be read (\(why))"
        case .notRegular(let kind): "is \(kind), not a regular file"
        case .virtual: "is a kernel file (/proc, /sys), not a text file"
        case .tooLarge(let bytes): "is \(bytes) bytes"
        }
    }
}
