import Foundation

/// Gives the bytes of a .proto file by its import path.
public protocol SourceProvider: Sendable {
    /// The file's bytes, or nil when no such file exists.
    func read(_ importPath: String) throws -> [UInt8]?
}

/// Reads files from include roots on disk, first root first, as `protoc -I` does.
public struct IncludeRootSource: SourceProvider {
    public var roots: [String]
    /// Files larger than this are refused with a clear error (protoc itself has no such limit).
    public var maxFileSize: Int

    public init(roots: [String], maxFileSize: Int = 64 << 20) {
        self.roots = roots
        self.maxFileSize = maxFileSize
    }

    public func read(_ importPath: String) throws -> [UInt8]? {
        for root in roots {
            let path = root.isEmpty || root == "." ? importPath : (root.hasSuffix("/") ? root + importPath : root + "/" + importPath)
            do {
                if let bytes = try FileSystem.contents(path, limit: maxFileSize) { return bytes }
            } catch {
                throw SourceReadError(path: path, message: error.reason)
            }
        }
        return nil
    }
}

/// Sources held in memory, keyed by import path (tests, archives, git trees).
public struct InMemorySource: SourceProvider {
    public var files: [String: [UInt8]]

    public init(files: [String: [UInt8]]) { self.files = files }

    public init(texts: [String: String]) { self.files = texts.mapValues { Array($0.utf8) } }

    public func read(_ importPath: String) throws -> [UInt8]? { files[importPath] }
}

/// A file that exists but cannot be read.
public struct SourceReadError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public var description: String { "\(path): error: \(message)" }
}
