import Foundation

/// Writes command output: to stdout, or atomically to a file (a temporary file in the same folder,
/// then a rename), so that a failed or interrupted run leaves the previous file intact.
enum OutputFile {
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw CommandFailure(["\(path): error: cannot write the output (\(error.localizedDescription)): check that the folder exists and is writable"])
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CommandFailure(["\(path): error: cannot write the output (\(reason))"])
        }
    }
}
