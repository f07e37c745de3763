import Foundation

/// Writes command output: to stdout, or atomically to a file (a temporary file in the same folder,
/// then a rename), so that a failed or interrupted run leaves the previous file intact. SIGINT and
/// SIGTERM during the write remove the temporary file before the process ends.
enum OutputFile {
    static func write(_ text: String, to path: String?) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Writes bytes (a descriptor set) the same way.
    static func write(_ data: Data, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(data)
            return
        }
        TestPause.at("before-write")
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        InterruptCleanup.track(temporary.path)
        defer { InterruptCleanup.track(nil) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw CommandFailure([
                "\(path): error: cannot write the output: the folder \"\((path as NSString).deletingLastPathComponent)\" does not exist: create it first"
            ])
        }
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CommandFailure(["\(path): error: cannot write the output (\(reason)): check that the folder is writable and the disk has room"])
        }
        TestPause.at("temporary-written")
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CommandFailure(["\(path): error: cannot write the output (\(reason))"])
        }
        TestPause.at("renamed")
    }
}

/// A pause at a named moment of writing an output file, for the interrupt tests: with
/// `PROTOCOMPAT_TEST_PAUSE_AT=MOMENT` set, the process prints `paused at MOMENT` to stderr and waits
/// for a line on stdin, so a test kills it at exactly that moment instead of after a guessed delay.
enum TestPause {
    static let moment = ProcessInfo.processInfo.environment["PROTOCOMPAT_TEST_PAUSE_AT"]

    static func at(_ name: String) {
        guard moment == name else { return }
        FileHandle.standardError.write(Data("paused at \(name)\n".utf8))
        _ = readLine()
    }
}

/// Removes the temporary output file when the process is interrupted. The handler only calls
/// async-signal-safe functions (unlink, _exit) on a path prepared beforehand.
enum InterruptCleanup {
    /// The temporary file being written, as a C string (nil when none). Read by the signal handler.
    nonisolated(unsafe) static var pending: UnsafeMutablePointer<CChar>?

    /// Installs the SIGINT and SIGTERM handlers (once, at start-up), and unblocks both signals: a
    /// process started from a thread that blocks them (a test runner's worker thread, some job
    /// runners) inherits the mask and could otherwise not be interrupted at all.
    static func install() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        sigprocmask(SIG_UNBLOCK, &signals, nil)
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
