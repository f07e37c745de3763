import Foundation

/// Writes command output: to stdout, or atomically to a file (a temporary file in the same folder,
/// then a rename), so that a failed or interrupted run leaves the previous file intact. SIGINT and
/// SIGTERM during the write remove the temporary file before the process ends.
enum OutputFile {
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        InterruptCleanup.track(temporary.path)
        defer { InterruptCleanup.track(nil) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw CommandFailure(["\(path): error: cannot write the output: the folder \"\((path as NSString).deletingLastPathComponent)\" does not exist: create it first"])
        }
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8)) else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CommandFailure(["\(path): error: cannot write the output (\(reason)): check that the folder is writable and the disk has room"])
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CommandFailure(["\(path): error: cannot write the output (\(reason))"])
        }
    }
}

/// Removes the temporary output file when the process is interrupted. The handler only calls
/// async-signal-safe functions (unlink, _exit) on a path prepared beforehand.
enum InterruptCleanup {
    /// The temporary file being written, as a C string (nil when none). Read by the signal handler.
    nonisolated(unsafe) static var pending: UnsafeMutablePointer<CChar>?

    /// Installs the SIGINT and SIGTERM handlers (once, at start-up).
    static func install() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig) { received in
                if let path = InterruptCleanup.pending { unlink(path) }
                _exit(128 + received)
            }
        }
    }

    static func track(_ path: String?) {
        let previous = pending
        pending = path.map { strdup($0) }
        free(previous)
    }
}
