import ProtoModel

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

/// One defined name: its kind and the file that defines it.
struct Symbol: Sendable {
    var kind: SymbolKind
    var file: String
}

/// A full name as a symbol table key, hashed once with `ContentHasher` (eight bytes a step): hashing
/// each name with SipHash for every insertion and lookup cost about 450 instructions a name (full
/// names run to 40 bytes), a tenth of linking. Definitions keep their keys, so a file's names are
/// hashed once per text however many versions define them.
struct SymbolKey: Hashable, Sendable {
    let name: String
    let digest: UInt64

    init(_ name: String) {
        self.name = name
        var hasher = ContentHasher()
        hasher.combine(name)
        digest = hasher.finalize()
    }

    func hash(into hasher: inout Hasher) { hasher.combine(digest) }

    static func == (a: SymbolKey, b: SymbolKey) -> Bool { a.digest == b.digest && a.name == b.name }
}

/// Every full name defined by the files linked so far, with protoc's lookup rules.
struct SymbolTable: Sendable {
    private(set) var symbols: [SymbolKey: Symbol] = [:]
    /// For each package name (and each of its prefixes), the files that declare it.
    private(set) var packageFiles: [String: Set<String>] = [:]

    /// Adds a symbol; returns the existing one when the name is already taken (packages may repeat).
    @discardableResult
    mutating func add(_ name: String, _ kind: SymbolKind, file: String) -> Symbol? {
        add(SymbolKey(name), kind, file: file)
    }

    /// `add` with the name's key made before.
    @discardableResult
    mutating func add(_ key: SymbolKey, _ kind: SymbolKind, file: String) -> Symbol? {
        // One lookup in the usual case (a new name); a clash puts the first definition back.
        guard let existing = symbols.updateValue(Symbol(kind: kind, file: file), forKey: key) else { return nil }
        symbols[key] = existing
        if existing.kind == .package, kind == .package { return nil }
        return existing
    }

    /// Room for `count` more names without growing (and rehashing) on the way.
    mutating func reserve(_ count: Int) {
        symbols.reserveCapacity(symbols.count + count)
    }

    /// Adds a package and all its prefixes; returns a conflicting non-package symbol if any.
    mutating func addPackage(_ package: String, file: String) -> (String, Symbol)? {
        guard !package.isEmpty else { return nil }
        var prefix = ""
        for component in package.split(separator: ".") {
            prefix = prefix.isEmpty ? String(component) : prefix + "." + component
            packageFiles[prefix, default: []].insert(file)
            if let existing = add(prefix, .package, file: file) { return (prefix, existing) }
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
        if let at = name.utf8.firstIndex(of: period) { firstPart = name[..<at] } else { firstPart = Substring(name) }
        let isCompound = firstPart.utf8.count < name.utf8.count
        var scopeToTry = parent
        var notImported: Resolution?
        var notAType: Resolution?
        while let scope = scopeToTry {
            let candidate = FullName.join(scope, firstPart)
            switch find(candidate, visible: visible, typesOnly: false) {
            case .found(let found, let symbol):
                if isCompound {
                    if symbol.kind.isAggregate {
                        let full = FullName.join(scope, Substring(name))
                        let result = find(full, visible: visible, typesOnly: typesOnly)
                        if case .notFound = result { return .resolvedToUndefined(full) }
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

    /// Looks up an exact full name, honouring visibility.
    func find(_ fullName: String, visible: Visibility, typesOnly: Bool) -> Resolution {
        guard let symbol = symbols[SymbolKey(fullName)] else { return .notFound }
        if symbol.kind == .package {
            let files = packageFiles[fullName] ?? []
            if files.contains(where: visible.contains) { return .found(fullName, symbol) }
            return .notImported(fullName, symbol)
        }
        guard visible.contains(symbol.file) else { return .notImported(fullName, symbol) }
        if typesOnly, !symbol.kind.isType { return .notAType(fullName, symbol) }
        return .found(fullName, symbol)
    }
}

/// The files whose symbols a file may use: itself, its imports, and what those publicly import.
struct Visibility: Sendable {
    var files: Set<String>

    func contains(_ file: String) -> Bool { files.contains(file) }
}
