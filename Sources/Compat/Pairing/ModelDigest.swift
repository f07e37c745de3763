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
    /// Each file's own model, source locations included, and the defaults of `FileOptions` (the value
    /// of an option a file does not set): a file whose digest is the same in both versions added,
    /// deleted and moved nothing and changed no file option.
    public let files: [String: ModelDigest]
    /// Each top-level message (nested types included), enum and service by full name: its model
    /// without source locations and comments, its file's package, syntax and options, and for every
    /// field of an enum type the values of that enum (a field's default is the enum's first value), for
    /// every message field whether the type is a map entry. Elements of editions files have none (their
    /// features may come from other files): they are always compared.
    public let elements: [String: ModelDigest]

    public init(_ schema: Schema, index: SchemaIndex) {
        var files: [String: ModelDigest] = [:]
        let optionFields = index.messages["google.protobuf.FileOptions"]?.fields
        for file in schema.files {
            files[file.name] = ModelDigest { hasher in
                hasher.combine(file)
                hasher.combine(optionFields == nil)
                for field in optionFields ?? [] {
                    hasher.combine(field.name)
                    hasher.combine(field.type)
                    hasher.combine(field.defaultValue)
                }
            }
        }
        self.files = files
        var elements: [String: ModelDigest] = [:]
        for file in schema.strippingSourceInfo().files where file.syntax != .editions {
            let context = { (hasher: inout Hasher) in
                hasher.combine(file.package)
                hasher.combine(file.syntax)
                hasher.combine(file.options)
            }
            for message in file.messages {
                elements[message.fullName] = ModelDigest { hasher in
                    context(&hasher)
                    hasher.combine(message)
                    message.forEachMessage { inner in
                        for field in inner.fields + inner.extensions { Self.combineReferencedType(field, index: index, into: &hasher) }
                    }
                }
            }
            for enumType in file.enums { elements[enumType.fullName] = ModelDigest { context(&$0); $0.combine(enumType) } }
            for service in file.services { elements[service.fullName] = ModelDigest { context(&$0); $0.combine(service) } }
        }
        self.elements = elements
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
