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

    public init(_ schema: Schema, index: SchemaIndex, identities: [String: Int] = [:], cache: DigestCache? = nil) {
        let optionFields = index.messages["google.protobuf.FileOptions"]?.fields
        // A file's digests depend on it, its imports (covered by its identity) and this version's
        // FileOptions defaults (from the descriptor.proto the version has, if any).
        let descriptorIdentity = schema.files.contains { $0.name == "google/protobuf/descriptor.proto" }
            ? identities["google/protobuf/descriptor.proto"] : 0
        var files: [String: ModelDigest] = [:]
        var elements: [String: ModelDigest] = [:]
        var topLevel: [String] = []
        for file in schema.files {
            topLevel += file.messages.map(\.fullName) + file.enums.map(\.fullName) + file.services.map(\.fullName)
            let digests: FileDigests
            if let cache, let identity = identities[file.name], let descriptorIdentity {
                digests = cache.digests.value(DigestCache.Key(file: identity, descriptor: descriptorIdentity)) {
                    Self.digests(of: file, index: index, optionFields: optionFields)
                }
            } else {
                digests = Self.digests(of: file, index: index, optionFields: optionFields)
            }
            files[file.name] = digests.file
            for (name, digest) in digests.elements { elements[name] = digest }
        }
        self.files = files
        self.elements = elements
        self.topLevel = topLevel
        topLevelNames = Set(topLevel)
    }

    /// One file's digest and its top-level elements' (none for editions files).
    struct FileDigests: Sendable {
        let file: ModelDigest
        let elements: [(name: String, digest: ModelDigest)]
    }

    static func digests(of sourceFile: ProtoFile, index: SchemaIndex, optionFields: [Field]?) -> FileDigests {
        let file = Schema(files: [sourceFile]).strippingSourceInfo().files[0]
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
        var elements: [(name: String, digest: ModelDigest)] = []
        if file.syntax != .editions {
            elements = zip(file.messages.map(\.fullName) + file.enums.map(\.fullName) + file.services.map(\.fullName), own).map { ($0, $1) }
        }
        let digest = ModelDigest { hasher in
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
        return FileDigests(file: digest, elements: elements)
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

/// Digests of files met before, shared by the versions of one history: a file with the same compile
/// identity (same text, same imports) and the same descriptor.proto has the same digests, so each
/// distinct file is digested once however many releases carry it.
public final class DigestCache: Sendable {
    struct Key: Hashable {
        let file: Int
        let descriptor: Int
    }

    let digests = ComputedOnce<Key, VersionDigests.FileDigests>()

    public init() {}

    /// How many distinct files were digested.
    public var count: Int { digests.count }
}
