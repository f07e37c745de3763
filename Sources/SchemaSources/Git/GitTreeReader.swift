import Foundation
import ProtoModel
import Support

/// Reads the .proto files of a git tree at a ref (tag, branch, commit, annotated tag) without
/// touching the work tree: `git rev-parse`, `git ls-tree` and `git cat-file --batch`.
public enum GitTreeReader {
    /// The .proto files under `subdirectory` at `ref`, keyed by their path relative to it.
    public static func protoFiles(repository: String, ref: String, subdirectory: String?) throws(SourceError) -> [String: [UInt8]] {
        guard !ref.isEmpty, !ref.hasPrefix("-"), !ref.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } == true }) else {
            throw SourceError("error: invalid git ref \"\(ref)\": a ref must be non-empty and must not start with '-'")
        }
        let tree = try run(["rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{tree}"], in: repository)
        guard tree.status == 0, let treeID = String(decoding: tree.output, as: UTF8.self).split(separator: "\n").first else {
            throw SourceError("error: git ref \"\(ref)\" names nothing in \(repository): check it with 'git rev-parse \(ref)'")
        }
        var prefix = subdirectory ?? ""
        while prefix.hasSuffix("/") { prefix.removeLast() }
        let list = try run(["ls-tree", "-r", "-z", "--full-tree", String(treeID)], in: repository)
        guard list.status == 0 else { throw SourceError("error: git ls-tree failed for \"\(ref)\": \(list.errors)") }
        var blobs: [(id: String, path: String)] = []
        for record in list.output.split(separator: 0) {
            let text = String(decoding: record, as: UTF8.self)
            guard let tab = text.firstIndex(of: "\t") else { continue }
            let meta = text[..<tab].split(separator: " ")
            let path = String(text[text.index(after: tab)...])
            guard meta.count == 3, meta[1] == "blob", path.hasSuffix(".proto") else { continue }
            if prefix.isEmpty {
                blobs.append((String(meta[2]), path))
            } else if path.hasPrefix(prefix + "/") {
                blobs.append((String(meta[2]), String(path.dropFirst(prefix.count + 1))))
            }
        }
        if blobs.isEmpty {
            throw SourceError("error: no .proto files at \"\(ref)\"\(prefix.isEmpty ? "" : " under \"\(prefix)\"") in \(repository)")
        }
        let batch = try run(["cat-file", "--batch"], in: repository, input: Array(blobs.map { $0.id + "\n" }.joined().utf8))
        guard batch.status == 0 else { throw SourceError("error: git cat-file failed: \(batch.errors)") }
        var files: [String: [UInt8]] = [:]
        var offset = 0
        let output = batch.output
        for blob in blobs {
            guard let newline = output[offset...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            let header = String(decoding: output[offset..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, let size = Int(header[2]), newline + 1 + size <= output.count else {
                throw SourceError("error: unexpected output from git cat-file for \(blob.path)")
            }
            files[blob.path] = Array(output[(newline + 1)..<(newline + 1 + size)])
            offset = newline + 1 + size + 1
        }
        return files
    }

    struct Result {
        var status: Int32
        var output: [UInt8]
        var errors: String
    }

    static func run(_ arguments: [String], in directory: String, input: [UInt8]? = nil) throws(SourceError) -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        let stdout = Pipe()
        let stderr = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        do {
            try process.run()
        } catch {
            throw SourceError("error: cannot run git (\(error)): install git to read git: sources")
        }
        // Write the input and read both outputs concurrently, so that no pipe fills up.
        let writer = Thread {
            if let input { stdin.fileHandleForWriting.write(Data(input)) }
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let errorData = ErrorCollector(stderr.fileHandleForReading)
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: [UInt8](output), errors: errorData.text())
    }
}

/// Reads a pipe to its end on a thread of its own.
private final class ErrorCollector: Sendable {
    private let data = Locked(Data())
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread { [data, done] in
            let read = handle.readDataToEndOfFile()
            data.withLock { $0 = read }
            done.signal()
        }.start()
    }

    func text() -> String {
        done.wait()
        return String(decoding: data.withLock { $0 }, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
