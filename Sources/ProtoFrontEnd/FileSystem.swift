#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading files and listing folders with the system calls themselves: a history loads hundreds of
/// trees, and Foundation's `FileManager` (an attribute dictionary per file, an object per entry)
/// cost more than parsing some of them.
public enum FileSystem {
    /// The bytes of a file, nil when it does not exist or is a folder; throws when it exists but
    /// cannot be read, or is larger than `limit` bytes.
    public static func contents(_ path: String, limit: Int) throws(FileSystemError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw FileSystemError(reason: "cannot read the file (check its permissions)")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw FileSystemError(reason: "cannot read the file (check its permissions)") }
        if (info.st_mode & S_IFMT) == S_IFDIR { return nil }
        let size = Int(info.st_size)
        if size > limit {
            throw FileSystemError(reason: "file is \(size) bytes, over the limit of \(limit) bytes: is it really a .proto file?")
        }
        // One read fills a buffer of the file's size (plus one byte, to see the end); a file that
        // grows meanwhile is read to its end all the same.
        var buffer = [UInt8](repeating: 0, count: size + 1)
        var filled = 0
        while true {
            if filled == buffer.count { buffer += [UInt8](repeating: 0, count: max(4096, buffer.count)) }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(reason: "cannot read the file (check its permissions)")
            }
            if count == 0 { break }
            filled += count
            if filled > limit {
                throw FileSystemError(reason: "file is over the limit of \(limit) bytes: is it really a .proto file?")
            }
        }
        buffer.removeSubrange(filled...)
        return buffer
    }

    /// The paths (relative to `directory`) of every entry below it, folders left out, for which
    /// `wanted` holds of the name; symbolic links are listed, not followed into. Names that are not
    /// valid UTF-8 carry U+FFFD. nil when `directory` cannot be listed. Stops after `limit` paths.
    public static func files(under directory: String, limit: Int, where wanted: (String) -> Bool) -> [String]? {
        var result: [String] = []
        var pending: [String] = [""]
        var first = true
        while let relative = pending.popLast() {
            let path = relative.isEmpty ? directory : directory + "/" + relative
            guard let stream = opendir(path) else {
                if first { return nil }
                continue
            }
            first = false
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
                if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    isDirectory = lstat(directory + "/" + child, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
                }
                if isDirectory {
                    pending.append(child)
                } else if wanted(name) {
                    result.append(child)
                    if result.count > limit { return result }
                }
            }
        }
        return result
    }
}

/// A file that exists but cannot be read, and why.
public struct FileSystemError: Error, Sendable {
    public let reason: String
}
