/// The editions features in force for one element: every field of `google.protobuf.FeatureSet`
/// (by name) with the name of its enum value, after edition defaults and overrides.
public struct ResolvedFeatures: Sendable, Hashable, Codable {
    public var values: [String: String]

    public init(values: [String: String] = [:]) { self.values = values }

    public subscript(name: String) -> String? { values[name] }

    /// `EXPLICIT`, `IMPLICIT` or `LEGACY_REQUIRED`.
    public var fieldPresence: String? { values["field_presence"] }
    /// `OPEN` or `CLOSED`.
    public var enumType: String? { values["enum_type"] }
    /// `PACKED` or `EXPANDED`.
    public var repeatedFieldEncoding: String? { values["repeated_field_encoding"] }
    /// `VERIFY` or `NONE`.
    public var utf8Validation: String? { values["utf8_validation"] }
    /// `LENGTH_PREFIXED` or `DELIMITED`.
    public var messageEncoding: String? { values["message_encoding"] }
    /// `ALLOW` or `LEGACY_BEST_EFFORT`.
    public var jsonFormat: String? { values["json_format"] }
}

/// Resolves editions features as protoc does: the defaults of the file's edition (proto2 and proto3
/// files count as the editions `PROTO2` and `PROTO3`), then `features` overrides from the file, each
/// enclosing message, the oneof, and the element itself; proto2 and proto3 files also get the features
/// their syntax implies (required, groups, `packed`, proto3 `optional`).
/// The defaults are read from descriptor.proto's `edition_defaults`, so a newer descriptor.proto brings
/// its own features without code changes.
public struct FeatureResolver: Sendable {
    let index: SchemaIndex
    /// Feature name to its `(edition number, value)` defaults, sorted by edition.
    let defaults: [String: [(Int32, String)]]
    let editionNumbers: [String: Int32]
    /// The defaults of every known edition, computed once.
    let defaultsByEdition: [Int32: ResolvedFeatures]
    /// Resolved features of every message of the schema, when built with `precomputing(_:)`.
    var messageFeatures: [String: ResolvedFeatures] = [:]

    /// A resolver that has resolved every message of `schema` once, for many lookups.
    public func precomputing(_ schema: Schema) -> FeatureResolver {
        var copy = self
        var table: [String: ResolvedFeatures] = [:]
        func walk(_ message: Message, parent: ResolvedFeatures) {
            let resolved = applying(message.options, to: parent)
            table[message.fullName] = resolved
            for nested in message.nestedMessages { walk(nested, parent: resolved) }
        }
        // proto2 and proto3 files cannot set features: their messages have the file's (see below).
        for file in schema.files where file.syntax == .editions {
            let base = features(of: file)
            for message in file.messages { walk(message, parent: base) }
        }
        copy.messageFeatures = table
        return copy
    }

    public init(index: SchemaIndex) {
        self.index = index
        var numbers: [String: Int32] = [:]
        for value in index.enums["google.protobuf.Edition"]?.values ?? [] { numbers[value.name] = value.number }
        editionNumbers = numbers
        var defaults: [String: [(Int32, String)]] = [:]
        for field in index.messages["google.protobuf.FeatureSet"]?.fields ?? [] {
            guard case .list(let entries)? = field.options["edition_defaults"] else { continue }
            var list: [(Int32, String)] = []
            for case .message(let entry) in entries {
                guard case .enumValue(let edition)? = entry["edition"], case .string(let value)? = entry["value"],
                    let number = numbers[edition]
                else { continue }
                list.append((number, value))
            }
            defaults[field.name] = list.sorted { $0.0 < $1.0 }
        }
        self.defaults = defaults
        var byEdition: [Int32: ResolvedFeatures] = [:]
        for number in numbers.values { byEdition[number] = Self.computeDefaults(defaults, edition: number) }
        defaultsByEdition = byEdition
    }

    /// The edition number of a file (`EDITION_PROTO2`, `EDITION_PROTO3`, `EDITION_2023`, ...).
    public func edition(of file: ProtoFile) -> Int32 {
        switch file.syntax {
        case .proto2: return editionNumbers["EDITION_PROTO2"] ?? 998
        case .proto3: return editionNumbers["EDITION_PROTO3"] ?? 999
        case .editions: return editionNumbers["EDITION_" + (file.edition ?? "2023")] ?? 1000
        }
    }

    /// The defaults of an edition: for each feature, the value of the latest default at or before it.
    public func defaults(edition: Int32) -> ResolvedFeatures {
        defaultsByEdition[edition] ?? Self.computeDefaults(defaults, edition: edition)
    }

    static func computeDefaults(_ defaults: [String: [(Int32, String)]], edition: Int32) -> ResolvedFeatures {
        var result = ResolvedFeatures()
        for (name, list) in defaults {
            if let value = list.last(where: { $0.0 <= edition })?.1 { result.values[name] = value }
        }
        return result
    }

    /// `base` with the `features` set directly in `options` applied.
    public func applying(_ options: OptionMessage, to base: ResolvedFeatures) -> ResolvedFeatures {
        guard case .message(let features)? = options["features"] else { return base }
        var result = base
        for field in features.fields where !field.name.hasPrefix("(") {
            if case .enumValue(let value) = field.value { result.values[field.name] = value }
        }
        return result
    }

    /// The features of a file.
    public func features(of file: ProtoFile) -> ResolvedFeatures {
        applying(file.options, to: defaults(edition: edition(of: file)))
    }

    /// The features of a message (its enclosing messages applied first).
    public func features(of message: Message, in file: ProtoFile) -> ResolvedFeatures {
        // Outside editions no element sets features (the validator refuses them): the file's are all.
        guard file.syntax == .editions else { return features(of: file) }
        if let cached = messageFeatures[message.fullName] { return cached }
        var result = features(of: file)
        for ancestor in ancestors(of: message.fullName, in: file) { result = applying(ancestor.options, to: result) }
        return applying(message.options, to: result)
    }

    /// The features of a field of `message` (or an extension, with `message` its scope, if any).
    public func features(of field: Field, in message: Message?, file: ProtoFile) -> ResolvedFeatures {
        var result = message.map { features(of: $0, in: file) } ?? features(of: file)
        if let message, let oneof = field.oneofIndex, Int(oneof) < message.oneofs.count, !field.proto3Optional {
            result = applying(message.oneofs[Int(oneof)].options, to: result)
        }
        result = applying(field.options, to: result)
        switch file.syntax {
        case .proto2:
            if field.label == .required { result.values["field_presence"] = "LEGACY_REQUIRED" }
            if field.type == .group { result.values["message_encoding"] = "DELIMITED" }
            if field.options["packed"] == .bool(true) { result.values["repeated_field_encoding"] = "PACKED" }
        case .proto3:
            if field.proto3Optional { result.values["field_presence"] = "EXPLICIT" }
            if field.options["packed"] == .bool(false) { result.values["repeated_field_encoding"] = "EXPANDED" }
        case .editions:
            break
        }
        return result
    }

    /// The features of an enum (its enclosing messages applied first).
    public func features(of e: EnumType, in file: ProtoFile) -> ResolvedFeatures {
        guard file.syntax == .editions else { return features(of: file) }
        var result = features(of: file)
        for ancestor in ancestors(of: e.fullName, in: file) { result = applying(ancestor.options, to: result) }
        return applying(e.options, to: result)
    }

    /// Whether an enum is closed (proto2's are, editions' with `enum_type = CLOSED`): its readers move
    /// the numbers it does not list to unknown fields.
    public func isClosed(_ e: EnumType, in file: ProtoFile) -> Bool {
        features(of: e, in: file).enumType == "CLOSED"
    }

    /// True when the field tracks presence: explicit or required presence, message fields, oneof
    /// members and extensions; false for implicit-presence scalars and repeated fields.
    public func hasPresence(_ field: Field, in message: Message?, file: ProtoFile) -> Bool {
        if field.label == .repeated { return false }
        if field.type == .message || field.type == .group || field.oneofIndex != nil || field.extendee != nil { return true }
        return features(of: field, in: message, file: file).fieldPresence != "IMPLICIT"
    }

    /// The messages enclosing `fullName` in `file`, outermost first (not including itself).
    func ancestors(of fullName: String, in file: ProtoFile) -> [Message] {
        let prefix = file.package.isEmpty ? "" : file.package + "."
        guard fullName.hasPrefix(prefix) else { return [] }
        let parts = fullName.dropFirst(prefix.count).split(separator: ".")
        var result: [Message] = []
        var name = String(prefix.dropLast())
        for part in parts.dropLast() {
            name = name.isEmpty ? String(part) : name + "." + part
            if let message = index.messages[name] { result.append(message) }
        }
        return result
    }
}
