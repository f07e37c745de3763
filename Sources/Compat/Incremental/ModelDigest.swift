import ProtoModel
import Support

/// A 64-bit digest of part of a model (`ContentHasher`: unseeded, eight bytes a step). Digests are
/// only compared within one process; they are never written anywhere. Two different
/// forms of one element would have to collide within one run: with k forms of an element the odds
/// are about k^2 / 2^65 (a whole LiveKit history, some 10^4 forms, stays below 10^-11). One pass
/// over the model: the digests of a history cost a tenth of loading it.
public struct ModelDigest: Sendable, Hashable {
    let value: UInt64

    /// Feeds `parts` to a hasher.
    init(_ parts: (inout ContentHasher) -> Void) {
        var hasher = ContentHasher()
        parts(&hasher)
        value = hasher.finalize()
    }

    /// The digest of two digests together.
    init(_ first: ModelDigest, _ second: ModelDigest) {
        self.init { hasher in
            hasher.combine(first)
            hasher.combine(second)
        }
    }
}

extension ContentHasher {
    mutating func combine(_ digest: ModelDigest) { combine(digest.value) }

    mutating func combine(_ digest: ModelDigest?) {
        guard let digest else { return combine(0 as UInt8) }
        combine(1 as UInt8)
        combine(digest.value)
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
    /// What the rules that look at whole files read of each file (`FileOutline`), by file name.
    public let outlines: [String: FileOutline]
    /// The outlines of all files together, with and without type names: what the rules that look
    /// across files read (`SchemaPair.Part.files`). nil when a file uses editions (its features may
    /// come from other files).
    public let outline: ModelDigest?
    public let outlineWithTypeNames: ModelDigest?

    public init(_ schema: Schema, index: SchemaIndex, identities: [String: Int] = [:], cache: DigestCache? = nil) {
        let optionFields = index.messages["google.protobuf.FileOptions"]?.fields
        // A file's digests depend on it, its imports (covered by its identity) and this version's
        // FileOptions defaults (from the descriptor.proto the version has, if any).
        let descriptorIdentity =
            schema.files.contains { $0.name == "google/protobuf/descriptor.proto" }
            ? identities["google/protobuf/descriptor.proto"] : 0
        var files: [String: ModelDigest] = [:]
        var elements: [String: ModelDigest] = [:]
        var topLevel: [String] = []
        var outlines: [String: FileOutline] = [:]
        var frames: [ModelDigest?] = []
        var typeNames: [ModelDigest] = []
        // Files are digested on all cores: the versions of a check are loaded side by side, and the
        // one done first left its core idle while the other digested file after file.
        let perFile = ParallelMap.run(schema.files) { file -> FileDigests in
            if let cache, let identity = identities[file.name], let descriptorIdentity {
                return cache.digests.value(DigestCache.Key(file: identity, descriptor: descriptorIdentity)) {
                    Self.digests(of: file, index: index, optionFields: optionFields)
                }
            }
            return Self.digests(of: file, index: index, optionFields: optionFields)
        }
        for (file, digests) in zip(schema.files, perFile) {
            topLevel += file.messages.map(\.fullName) + file.enums.map(\.fullName) + file.services.map(\.fullName)
            files[file.name] = digests.file
            outlines[file.name] = digests.outline
            frames.append(digests.outline.frame)
            typeNames.append(digests.outline.typeNames)
            for (name, digest) in digests.elements { elements[name] = digest }
        }
        self.files = files
        self.elements = elements
        self.topLevel = topLevel
        topLevelNames = Set(topLevel)
        self.outlines = outlines
        let whole = frames.contains(nil) ? nil : ModelDigest { hasher in for frame in frames { hasher.combine(frame) } }
        outline = whole
        outlineWithTypeNames = whole.map { whole in
            ModelDigest { hasher in
                hasher.combine(whole)
                for names in typeNames { hasher.combine(names) }
            }
        }
    }

    /// One file's digest and its top-level elements' (none for editions files).
    struct FileDigests: Sendable {
        let file: ModelDigest
        let elements: [(name: String, digest: ModelDigest)]
        let outline: FileOutline
    }

    static func digests(of file: ProtoFile, index: SchemaIndex, optionFields: [Field]?) -> FileDigests {
        // Content hashing leaves out source locations and comments (`ContentHashing`).
        let context = { (hasher: inout ContentHasher) in
            hasher.combine(file.package)
            hasher.combine(file.syntax)
            file.options.combineContent(into: &hasher)
        }
        var own: [ModelDigest] = []
        own.reserveCapacity(file.messages.count + file.enums.count + file.services.count)
        for position in file.messages.indices {
            own.append(
                ModelDigest { hasher in
                    context(&hasher)
                    file.messages[position].combineContent(into: &hasher)
                    file.messages[position].forEachMessage { inner in
                        for field in inner.fields.indices { Self.combineReferencedType(inner.fields[field], index: index, into: &hasher) }
                        for field in inner.extensions.indices { Self.combineReferencedType(inner.extensions[field], index: index, into: &hasher) }
                    }
                })
        }
        for position in file.enums.indices {
            own.append(
                ModelDigest {
                    context(&$0)
                    file.enums[position].combineContent(into: &$0)
                })
        }
        for position in file.services.indices {
            own.append(
                ModelDigest {
                    context(&$0)
                    file.services[position].combineContent(into: &$0)
                })
        }
        var elements: [(name: String, digest: ModelDigest)] = []
        if file.syntax != .editions {
            elements = zip(file.messages.map(\.fullName) + file.enums.map(\.fullName) + file.services.map(\.fullName), own).map { ($0, $1) }
        }
        let digest = ModelDigest { hasher in
            hasher.combine(file.name)
            hasher.combine(file.edition)
            file.imports.combineContent(into: &hasher)
            file.extensions.combineContent(into: &hasher)
            context(&hasher)
            // Element digests already cover each element; editions files hash the elements themselves.
            if file.syntax == .editions {
                file.messages.combineContent(into: &hasher)
                file.enums.combineContent(into: &hasher)
                file.services.combineContent(into: &hasher)
            }
            for digest in own { hasher.combine(digest) }
            hasher.combine(optionFields == nil)
            for field in optionFields ?? [] {
                hasher.combine(field.name)
                hasher.combine(field.type)
                hasher.combine(field.defaultValue)
            }
        }
        return FileDigests(file: digest, elements: elements, outline: outline(of: file, digest: digest, index: index, optionFields: optionFields))
    }

    /// What the rules that look at whole files read of one file.
    static func outline(of file: ProtoFile, digest: ModelDigest, index: SchemaIndex, optionFields: [Field]?) -> FileOutline {
        var hasExtensions = !file.extensions.isEmpty
        let typeNames = ModelDigest { hasher in
            file.forEachMessage { message in
                hasher.combine(message.fullName)
                hasher.combine(message.isMapEntry)
                if !message.extensions.isEmpty { hasExtensions = true }
            }
            hasher.combine(0xFE as UInt8)
            file.forEachEnum { hasher.combine($0.fullName) }
        }
        guard file.syntax != .editions else { return FileOutline(frame: nil, typeNames: typeNames) }
        let frame = ModelDigest { hasher in
            hasher.combine(file.name)
            hasher.combine(file.package)
            hasher.combine(file.syntax)
            file.options.combineContent(into: &hasher)
            for service in file.services { hasher.combine(service.fullName) }
            hasher.combine(0xFE as UInt8)
            for field in file.extensions { hasher.combine(field.name) }
            file.forEachMessage { message in
                for field in message.extensions.indices {
                    hasher.combine(message.fullName)
                    hasher.combine(message.extensions[field].name)
                }
            }
            if hasExtensions {
                // Extensions are paired and compared field by field across files: all of the file,
                // and what its file-level extensions refer to (nested ones are in their messages' digests).
                hasher.combine(digest)
                for field in file.extensions { combineReferencedType(field, index: index, into: &hasher) }
            }
            hasher.combine(optionFields == nil)
            for field in optionFields ?? [] {
                hasher.combine(field.name)
                hasher.combine(field.type)
                hasher.combine(field.defaultValue)
            }
        }
        return FileOutline(frame: frame, typeNames: typeNames)
    }

    /// What rules read from the type a field refers to.
    static func combineReferencedType(_ field: Field, index: SchemaIndex, into hasher: inout ContentHasher) {
        guard let name = field.typeName else { return }
        switch field.type {
        case .enum:
            index.enums.read(name) { e in
                for value in e.values.indices {
                    hasher.combine(e.values[value].name)
                    hasher.combine(e.values[value].number)
                }
            }
        case .message, .group:
            hasher.combine(index.messages.read(name) { $0.isMapEntry })
        default: break
        }
    }
}

/// What the rules that look at whole files (deletions from a file or a package, additions of
/// types and services, file options, syntax, package) read of one file, in two digests: its frame
/// (name, package, syntax, options and the `FileOptions` defaults they are read against, service
/// and extension names; for a file with extensions all of it and what its file-level extensions
/// refer to) and the names of its messages (with whether each is a map entry) and enums. Elements
/// change far more often than these, so a part keyed by outlines is reused across many more pairs.
public struct FileOutline: Sendable, Hashable {
    /// nil for an editions file (its features may come from other files).
    public let frame: ModelDigest?
    public let typeNames: ModelDigest
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
