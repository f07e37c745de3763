import Foundation
import Support

/// The well-known types (`google/protobuf/*.proto`) built into protocompat, so that no protoc is needed
/// at run time. `scripts/generate-well-known-types.sh` writes each file's model from protoc's include
/// folder as JSON (`WellKnownTypesData.swift`, the reference) and as Swift code that builds the same
/// model (`WellKnownTypesModel.swift`, what protocompat runs: no decoding at start); a test checks
/// that the two agree.
public enum WellKnownTypes {
    /// The built-in files by import path; each is built the first time it is asked for.
    public static let files = BuiltInFiles(builders: WellKnownTypesModel.builders)

    /// Starts building descriptor.proto (which every compilation links against) on another thread, so
    /// that it is ready when the first file is linked: call before reading and parsing sources.
    public static func prefetch() {
        DispatchQueue.global(qos: .userInitiated).async { _ = files["google/protobuf/descriptor.proto"] }
    }
}

/// The generated builders of the well-known types' models (see `WellKnownTypes`).
enum WellKnownTypesModel {
    /// `message` with its symbol visibility set (the initializer has no parameter for it).
    static func message(_ message: Message, visibility: SymbolVisibility) -> Message {
        var result = message
        result.visibility = visibility
        return result
    }
}

/// Files a compiler uses when an import is found nowhere else, by import path. The well-known types are
/// built the first time each is asked for (a schema needs a few of the twenty; every compilation needs
/// descriptor.proto), so starting protocompat costs nothing.
public struct BuiltInFiles: Sendable {
    private let builders: [String: @Sendable () -> ProtoFile]
    private let decoded = Decoded()
    private let given: [String: ProtoFile]

    /// Files given as models.
    public init(_ files: [String: ProtoFile] = [:]) {
        builders = [:]
        given = files
    }

    /// Files given as functions that build their models, called when a file is first asked for.
    init(builders files: [(name: String, build: @Sendable () -> ProtoFile)]) {
        builders = Dictionary(files.map { ($0.name, $0.build) }, uniquingKeysWith: { first, _ in first })
        given = [:]
    }

    /// The import paths of every file.
    public var names: [String] { (Array(builders.keys) + Array(given.keys)).sorted() }

    /// Whether there is a file at this import path (without building it).
    public func contains(_ name: String) -> Bool { given[name] != nil || builders[name] != nil }

    public subscript(name: String) -> ProtoFile? {
        if let file = given[name] { return file }
        guard let build = builders[name] else { return nil }
        return decoded.file(name, build)
    }

    /// Built files; a thread asking for a file another thread is building waits for it rather than
    /// building it again (every compilation starts by asking for descriptor.proto).
    final class Decoded: Sendable {
        private let files = Locked([String: ProtoFile]())

        func file(_ name: String, _ decode: () -> ProtoFile) -> ProtoFile {
            // Decoded with the lock held: a second thread waits for the first one's file.
            files.withLock { files in
                if let file = files[name] { return file }
                let file = decode()
                files[name] = file
                return file
            }
        }
    }
}
