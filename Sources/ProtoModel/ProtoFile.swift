/// The syntax a file is written in.
public enum Syntax: String, Sendable, Hashable, Codable {
    case proto2, proto3, editions
}

/// One `import` statement.
public struct Import: Sendable, Hashable, Codable {
    /// How the import is made visible.
    public enum Kind: String, Sendable, Hashable, Codable {
        case normal, `public`, weak
        /// `import option "x.proto";` (editions 2024): only for options, listed after the others.
        case option
    }

    public var path: String
    public var kind: Kind
    public var span: SourceSpan?
    /// The comments protoc attaches to the statement (its source info has them).
    public var comments: Comments?

    public init(path: String, kind: Kind = .normal, span: SourceSpan? = nil, comments: Comments? = nil) {
        self.path = path
        self.kind = kind
        self.span = span
        self.comments = comments
    }
}

/// One .proto file of a schema version, linked: every type name is a full name.
public struct ProtoFile: Sendable, Hashable, Codable {
    /// The path as imported, relative to its include root (e.g. `livekit_models.proto`).
    public var name: String
    public var package: String
    public var syntax: Syntax
    /// The edition name (`2023`, `2024`, ...) for `syntax == .editions`.
    public var edition: String?
    public var imports: [Import]
    public var messages: [Message]
    public var enums: [EnumType]
    public var services: [Service]
    /// Extensions declared at file level.
    public var extensions: [Field]
    public var options: OptionMessage
    /// Comments before the `syntax` statement (protoc attaches them to it).
    public var comments: Comments?
    /// Where the `package` statement is.
    public var packageSpan: SourceSpan?
    /// Where the `syntax` or `edition` statement is.
    public var syntaxSpan: SourceSpan?

    public init(
        name: String, package: String = "", syntax: Syntax = .proto2, edition: String? = nil,
        imports: [Import] = [], messages: [Message] = [], enums: [EnumType] = [],
        services: [Service] = [], extensions: [Field] = [], options: OptionMessage = OptionMessage(),
        comments: Comments? = nil, packageSpan: SourceSpan? = nil, syntaxSpan: SourceSpan? = nil
    ) {
        self.name = name
        self.package = package
        self.syntax = syntax
        self.edition = edition
        self.imports = imports
        self.messages = messages
        self.enums = enums
        self.services = services
        self.extensions = extensions
        self.options = options
        self.comments = comments
        self.packageSpan = packageSpan
        self.syntaxSpan = syntaxSpan
    }
}

/// All files of one schema version, sorted by file name; immutable once linked.
public struct Schema: Sendable, Hashable, Codable {
    public var files: [ProtoFile]

    public init(files: [ProtoFile]) {
        self.files = files.sorted { $0.name < $1.name }
    }

    /// The file with this name, if present.
    public func file(named name: String) -> ProtoFile? { files.first { $0.name == name } }
}
