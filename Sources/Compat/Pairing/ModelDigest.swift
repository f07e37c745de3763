import ProtoModel

/// A 128-bit digest of part of a model (two differently salted hashes). Digests are comparable only
/// within one process (Swift's hashing is seeded per process); they are never written anywhere.
public struct ModelDigest: Sendable, Hashable {
    let high: UInt64
    let low: UInt64

    /// Feeds `parts` to two hashers with different salts.
    init(_ parts: (inout Hasher) -> Void) {
        var high = Hasher(), low = Hasher()
        high.combine(0x9E37_79B9 as UInt32)
        low.combine(0x85EB_CA6B as UInt32)
        parts(&high)
        parts(&low)
        self.high = UInt64(bitPattern: Int64(high.finalize()))
        self.low = UInt64(bitPattern: Int64(low.finalize()))
    }
}

/// What a comparison may skip: the digests of each file as written and of each top-level element as
/// the rules see it. Most files and elements do not change between releases, and an element whose
/// digest is the same in two versions yields no finding, so a matrix over a long history only runs
/// the rules on what changed.
public struct VersionDigests: Sendable {
    /// Each file as the rules see it: its package, syntax, imports, options and file-level extensions,
    /// the digests of its top-level elements in order, and the defaults of `FileOptions` (the value of
    /// an option a file does not set). A file whose digest is the same in both versions added, deleted
    /// and moved nothing and changed no file option. Source locations and comments are left out: they
    /// only place findings, and a file that changed nothing else has none.
    public let files: [String: ModelDigest]
    /// Each top-level message (nested types included), enum and service by full name: its model
    /// without source locations and comments, its file's package, syntax and options, and for every
    /// field of an enum type the values of that enum (a field's default is the enum's first value), for
    /// every message field whether the type is a map entry. Elements of editions files have none (their
    /// features may come from other files): they are always compared.
    public let elements: [String: ModelDigest]
    /// Every top-level message, enum and service name, in file then declaration order (editions
    /// files' too, which have no digest).
    public let topLevel: [String]
    public let topLevelNames: Set<String>

    public init(_ schema: Schema, index: SchemaIndex) {
        let optionFields = index.messages["google.protobuf.FileOptions"]?.fields
        var files: [String: ModelDigest] = [:]
        var elements: [String: ModelDigest] = [:]
        var topLevel: [String] = []
        for file in schema.strippingSourceInfo().files {
            topLevel += file.messages.map(\.fullName) + file.enums.map(\.fullName) + file.services.map(\.fullName)
            let context = { (hasher: inout Hasher) in
                hasher.combine(file.package)
                hasher.combine(file.syntax)
                hasher.combine(file.options)
            }
            var own: [ModelDigest] = []
            for message in file.messages {
                own.append(ModelDigest { hasher in
                    context(&hasher)
                    hasher.combine(message)
                    message.forEachMessage { inner in
                        for field in inner.fields + inner.extensions { Self.combineReferencedType(field, index: index, into: &hasher) }
                    }
                })
            }
            own += file.enums.map { enumType in ModelDigest { context(&$0); $0.combine(enumType) } }
            own += file.services.map { service in ModelDigest { context(&$0); $0.combine(service) } }
            if file.syntax != .editions {
                for (name, digest) in zip(file.messages.map(\.fullName) + file.enums.map(\.fullName) + file.services.map(\.fullName), own) {
                    elements[name] = digest
                }
            }
            files[file.name] = ModelDigest { hasher in
                hasher.combine(file.name)
                hasher.combine(file.edition)
                hasher.combine(file.imports)
                hasher.combine(file.extensions)
                context(&hasher)
                // Element digests already cover each element; editions files hash the elements themselves.
                if file.syntax == .editions { hasher.combine(file.messages); hasher.combine(file.enums); hasher.combine(file.services) }
                for digest in own { hasher.combine(digest) }
                hasher.combine(optionFields == nil)
                for field in optionFields ?? [] {
                    hasher.combine(field.name)
                    hasher.combine(field.type)
                    hasher.combine(field.defaultValue)
                }
            }
        }
        self.files = files
        self.elements = elements
        self.topLevel = topLevel
        topLevelNames = Set(topLevel)
    }

    /// What rules read from the type a field refers to.
    static func combineReferencedType(_ field: Field, index: SchemaIndex, into hasher: inout Hasher) {
        guard let name = field.typeName else { return }
        switch field.type {
        case .enum:
            for value in index.enums[name]?.values ?? [] {
                hasher.combine(value.name)
                hasher.combine(value.number)
            }
        case .message, .group:
            hasher.combine(index.messages[name]?.isMapEntry)
        default: break
        }
    }
}
