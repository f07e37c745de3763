import ProtoModel
import Support

/// What a full name denotes.
enum SymbolKind: Sendable, Equatable {
    case package, message, `enum`, enumValue, field, oneof, `extension`, service, method

    /// Types can be used as field types.
    var isType: Bool { self == .message || self == .enum }
    /// Aggregates can contain other symbols (protoc's `IsAggregate`).
    var isAggregate: Bool { self == .message || self == .package || self == .enum || self == .service }

    var noun: String {
        switch self {
        case .package: "package"
        case .message: "message"
        case .enum: "enum"
        case .enumValue: "enum value"
        case .field: "field"
        case .oneof: "oneof"
        case .extension: "extension"
        case .service: "service"
        case .method: "method"
        }
    }
}

/// One defined name: its kind and the file that defines it (interned: a symbol holds no references,
/// and checking it against a file's imports hashes a number, not a path).
struct Symbol: Sendable {
    var kind: SymbolKind
    var fileID: SourceFileID

    /// The defining file's path.
    var file: String { fileID.path }
}

/// A full name with its `ContentHasher` digest, made once: definitions keep their keys, so a file's
/// names are hashed once per text however many versions define them (`NameTable` places names by
/// their digests; hashing each name with SipHash on every insertion and lookup cost about 450
/// instructions a name, a tenth of linking).
///
/// A member's name (a field, a oneof, an enum value, a method) is kept as its scope and last part,
/// never joined: its full name is wanted only in a diagnostic, and joining each cost an allocation
/// (some 600 instructions, 72,000 names in the 44k-line synthetic pair).
struct SymbolKey: Sendable {
    /// The enclosing full name, or "" when `leaf` is the whole name.
    let scope: String
    let leaf: String
    /// The digest of the joined bytes (`scope.leaf`, or `leaf` alone).
    let digest: UInt64

    /// A name kept whole.
    init(_ name: String) {
        scope = ""
        leaf = name
        digest = Self.digest(of: name)
    }

    private static func digest(of name: String) -> UInt64 {
        var hasher = ContentHasher()
        hasher.combine(name)
        return hasher.finalize()
    }

    /// `scope.leaf`, hashed as the joined bytes without building them (`leaf` alone for an empty scope).
    init(scope: String, leaf: String) {
        self.scope = scope
        self.leaf = leaf
        digest = scope.isEmpty ? Self.digest(of: leaf) : NameTable.withJoined(Substring(scope), Substring(leaf)) { NameTable.digest($0) }
    }

    /// The full name (built only for a name kept in parts).
    var name: String { scope.isEmpty ? leaf : FullName.join(scope, leaf) }
}

/// Every full name defined by the files linked so far, with protoc's lookup rules.
struct SymbolTable: Sendable {
    private(set) var table = NameTable()
    /// For each package name (and each of its prefixes), the files that declare it.
    private(set) var packageFiles: [String: Set<SourceFileID>] = [:]

    /// Adds a symbol; returns the existing one when the name is already taken (packages may repeat).
    @discardableResult
    mutating func add(_ name: String, _ kind: SymbolKind, file: String) -> Symbol? {
        add(SymbolKey(name), kind, file: SourceFileID(file))
    }

    /// `add` with the name's key made before. The first definition of a name stays.
    @discardableResult
    mutating func add(_ key: SymbolKey, _ kind: SymbolKind, file: SourceFileID) -> Symbol? {
        guard let position = table.position(of: key) else {
            table.insert(key, Symbol(kind: kind, fileID: file))
            return nil
        }
        let existing = table.symbols[position]
        if existing.kind == .package, kind == .package { return nil }
        return existing
    }

    /// Room for `count` more names without growing (and rehashing) on the way.
    mutating func reserve(_ count: Int) {
        table.reserve(count)
    }

    /// Adds a package and all its prefixes; returns a conflicting non-package symbol if any.
    mutating func addPackage(_ package: String, file: SourceFileID) -> (String, Symbol)? {
        guard !package.isEmpty else { return nil }
        var prefix = ""
        for component in package.split(separator: ".") {
            prefix = prefix.isEmpty ? String(component) : prefix + "." + component
            packageFiles[prefix, default: []].insert(file)
            if let existing = add(SymbolKey(prefix), .package, file: file) { return (prefix, existing) }
        }
        return nil
    }

    /// The outcome of resolving a name.
    enum Resolution {
        case found(String, Symbol)
        /// The name's first component resolved in an inner scope to `scope`, and the rest is missing there.
        case resolvedToUndefined(String)
        /// Defined in a file that the referring file does not import.
        case notImported(String, Symbol)
        case notFound
        /// Found only something that is not a type, when a type was required.
        case notAType(String, Symbol)
    }

    /// Finds `name` as seen from `scope` (a full name whose last component is dropped first), with
    /// protoc's rules: a leading dot is absolute; otherwise the first component is looked up from the
    /// innermost scope outwards, and the rest is resolved inside the first match that is an aggregate.
    func resolve(_ name: String, from scope: String, typesOnly: Bool, visible: Visibility) -> Resolution {
        guard let dot = scope.utf8.lastIndex(of: UInt8(ascii: ".")) else {
            return resolve(name, inside: nil, typesOnly: typesOnly, visible: visible)
        }
        return resolve(name, inside: scope[..<dot], typesOnly: typesOnly, visible: visible)
    }

    /// `resolve(_:from:)` for a reference written directly inside `parent` (nil: the root scope),
    /// e.g. a field's type from the field's message, without building the field's own full name.
    func resolve(_ name: String, inside parent: Substring?, typesOnly: Bool, visible: Visibility) -> Resolution {
        if name.hasPrefix(".") { return find(String(name.dropFirst()), visible: visible, typesOnly: typesOnly) }
        // Scanned as UTF-8 bytes: a Character scan (grapheme breaking) cost more than the lookups.
        let period = UInt8(ascii: ".")
        let firstPart: Substring
        if let at = Self.firstPeriod(in: name) { firstPart = name[..<at] } else { firstPart = Substring(name) }
        let isCompound = firstPart.utf8.count < name.utf8.count
        var scopeToTry = parent
        var notImported: Resolution?
        var notAType: Resolution?
        while let scope = scopeToTry {
            // Candidates are looked up by their parts: no string is built for a miss.
            switch find(scope: scope, name: firstPart, visible: visible, typesOnly: false) {
            case .found(let found, let symbol):
                if isCompound {
                    if symbol.kind.isAggregate {
                        let result = find(scope: scope, name: Substring(name), visible: visible, typesOnly: typesOnly)
                        if case .notFound = result { return .resolvedToUndefined(FullName.join(scope, Substring(name))) }
                        return result
                    }
                } else if typesOnly, !symbol.kind.isType {
                    notAType = notAType ?? .notAType(found, symbol)
                } else {
                    return .found(found, symbol)
                }
            case .notImported(let found, let symbol):
                notImported = notImported ?? .notImported(found, symbol)
            default:
                break
            }
            scopeToTry = scope.utf8.lastIndex(of: period).map { scope[..<$0] }
        }
        let result = find(name, visible: visible, typesOnly: typesOnly)
        if case .notFound = result { return notImported ?? notAType ?? .notFound }
        return result
    }

    /// The first period of a name, found in its contiguous bytes (the generic search cost more).
    static func firstPeriod(in name: String) -> String.Index? {
        name.withUTF8Bytes { $0.firstIndex(of: UInt8(ascii: ".")) }.map { name.utf8.index(name.startIndex, offsetBy: $0) }
    }

    /// Looks up an exact full name, honouring visibility.
    func find(_ fullName: String, visible: Visibility, typesOnly: Bool) -> Resolution {
        find(scope: nil, name: Substring(fullName), visible: visible, typesOnly: typesOnly)
    }

    /// Looks up `scope.name` (`name` alone for a nil scope), honouring visibility. A name found is
    /// the table's own string.
    func find(scope: Substring?, name: Substring, visible: Visibility, typesOnly: Bool) -> Resolution {
        guard let position = table.position(scope: scope, name: name) else { return .notFound }
        let fullName = table.name(at: position)
        let symbol = table.symbols[position]
        if symbol.kind == .package {
            let files = packageFiles[fullName] ?? []
            if files.contains(where: visible.contains) { return .found(fullName, symbol) }
            return .notImported(fullName, symbol)
        }
        guard visible.contains(symbol.fileID) else { return .notImported(fullName, symbol) }
        if typesOnly, !symbol.kind.isType { return .notAType(fullName, symbol) }
        return .found(fullName, symbol)
    }
}

/// The files whose symbols a file may use: itself, its imports, and what those publicly import.
struct Visibility: Sendable {
    var files: Set<SourceFileID>

    init(files: Set<String>) { self.files = Set(files.map(SourceFileID.init)) }

    func contains(_ file: SourceFileID) -> Bool { files.contains(file) }
}
