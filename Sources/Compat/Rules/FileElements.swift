import ProtoModel

/// What a deletion rule looks for: the named elements of a file.
enum FileElements {
    static func messages(_ file: ProtoFile) -> [String: SourceSpan?] {
        var result: [String: SourceSpan?] = [:]
        file.forEachMessage { result[$0.fullName] = $0.span }
        return result
    }

    static func enums(_ file: ProtoFile) -> [String: SourceSpan?] {
        var result: [String: SourceSpan?] = [:]
        file.forEachEnum { result[$0.fullName] = $0.span }
        return result
    }

    static func services(_ file: ProtoFile) -> [String: SourceSpan?] {
        Dictionary(file.services.map { ($0.fullName, $0.span) }, uniquingKeysWith: { a, _ in a })
    }

    static func extensions(_ file: ProtoFile) -> [String: SourceSpan?] {
        var result: [String: SourceSpan?] = [:]
        for ext in file.extensions { result[file.package.isEmpty ? ext.name : file.package + "." + ext.name] = ext.span }
        file.forEachMessage { message in for ext in message.extensions { result[message.fullName + "." + ext.name] = ext.span } }
        return result
    }
}
