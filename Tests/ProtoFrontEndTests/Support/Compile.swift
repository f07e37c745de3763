import ProtoFrontEnd
import ProtoModel

/// Compiles in-memory files; the first one is the input, the rest are importable.
func compile(_ files: [(String, String)]) throws -> Schema {
    let source = InMemorySource(texts: Dictionary(uniqueKeysWithValues: files))
    return try ProtoCompiler(source: source).compile([files[0].0])
}

/// Compiles one file named `test.proto`.
func compile(_ text: String) throws -> Schema {
    try compile([("test.proto", text)])
}

/// The rendered diagnostics of a file that must fail to compile (empty when it compiles).
func errors(_ files: [(String, String)]) -> [String] {
    do {
        _ = try compile(files)
        return []
    } catch let failure as CompilationFailed {
        return failure.diagnostics.map(\.description)
    } catch {
        return ["unexpected: \(error)"]
    }
}

func errors(_ text: String) -> [String] { errors([("test.proto", text)]) }

extension Schema {
    /// The message with this full name, anywhere in the schema.
    func message(_ fullName: String) -> Message? {
        var found: Message?
        for file in files {
            file.forEachMessage { if $0.fullName == fullName { found = $0 } }
        }
        return found
    }

    func enumType(_ fullName: String) -> EnumType? {
        var found: EnumType?
        for file in files { file.forEachEnum { if $0.fullName == fullName { found = $0 } } }
        return found
    }
}
