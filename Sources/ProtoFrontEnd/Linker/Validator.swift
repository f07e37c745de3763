import ProtoModel
import Support

/// The checks protoc makes once a file is linked and its options interpreted: field numbers,
/// duplicates, reserved ranges and names, extension ranges, proto3 and enum rules, map keys.
struct Validator {
    let file: ProtoFile
    let index: SchemaIndex
    /// False when the file writes no option (then no element can carry `features`).
    let setsOptions: Bool
    var diagnostics: [Diagnostic] = []

    init(file: ProtoFile, index: SchemaIndex, setsOptions: Bool = true) {
        self.file = file
        self.index = index
        self.setsOptions = setsOptions
    }

    mutating func error(_ message: String, _ span: SourceSpan?) {
        if let span { diagnostics.append(Diagnostic(message, at: span)) } else { diagnostics.append(Diagnostic(message, file: file.name)) }
    }

    mutating func validate() {
        file.forEachMessage { checkMessage($0) }
        file.forEachEnum { checkEnum($0) }
        file.forEachExtension { checkExtension($0) }
        checkLiteImports()
        checkFeaturesNeedEditions()
        checkFieldFeatures()
    }

    // MARK: messages

    mutating func checkMessage(_ message: Message) {
        var numbers: [Int32: Int] = [:]
        // Numbers written in increasing order (nearly every message) cannot repeat: no table needed.
        let increasing = Self.numbersIncrease(message.fields)
        // Fields are read in place through a buffer: an array's subscript, or binding each field to a
        // local, copied it (ten references retained and released per field).
        message.fields.withUnsafeBufferPointer { fields in
            for position in fields.indices {
                let number = fields[position].number
                checkFieldNumber(number, at: fields[position].span)
                if !increasing {
                    if let other = numbers.updateValue(position, forKey: number) {
                        numbers[number] = other
                        error(
                            "field number \(number) has already been used in \"\(message.fullName)\" by field \"\(fields[other].name)\"", fields[position].span)
                    }
                }
                for range in message.reservedRanges where number >= range.start && number < range.end {
                    error("field \"\(fields[position].name)\" uses reserved number \(number)", fields[position].span)
                }
                if !message.reservedNames.isEmpty, message.reservedNames.contains(fields[position].name) {
                    error("field name \"\(fields[position].name)\" is reserved", fields[position].span)
                }
                for range in message.extensionRanges where number >= range.start && number < range.end {
                    error(
                        "extension range \(range.start) to \(range.end - 1) includes field \"\(fields[position].name)\" (\(number))",
                        range.span ?? fields[position].span)
                }
                checkFieldType(fields, position, in: message)
            }
        }
        checkOverlaps(message.reservedRanges, message.extensionRanges, in: message)
        if file.syntax == .proto3, !message.extensionRanges.isEmpty {
            error("extension ranges are not allowed in proto3", message.extensionRanges[0].span ?? message.span)
        }
        checkJSONNames(message)
        if message.isMapEntry == false {
            // Map fields are repeated message fields whose type is a map entry.
            for position in message.fields.indices
            where message.fields[position].type == .message && message.fields[position].label == .repeated {
                if let typeName = message.fields[position].typeName, index.messages.read(typeName, { $0.isMapEntry }) == true,
                    let entry = index.messages[typeName]
                {
                    checkMapKey(entry, field: message.fields[position])
                }
            }
        }
    }

    /// Takes the number and span, not the field: passing a field from an array copied it.
    mutating func checkFieldNumber(_ number: Int32, at span: SourceSpan?) {
        if number >= 19000 && number <= 19999 {
            error("field numbers 19000 through 19999 are reserved for the protocol buffer library implementation", span)
        }
    }

    /// Whether every field's number is greater than the one before.
    static func numbersIncrease(_ fields: [Field]) -> Bool {
        for position in fields.indices.dropFirst() where fields[position].number <= fields[position - 1].number { return false }
        return true
    }

    /// Reads the field in place (`fields[position]`): passing the field itself copied it (every
    /// reference in it retained and released) for each of the schema's fields.
    mutating func checkFieldType(_ fields: UnsafeBufferPointer<Field>, _ position: Int, in message: Message) {
        let label = fields[position].label
        let type = fields[position].type
        if file.syntax == .proto3, label == .required {
            error("required fields are not allowed in proto3", fields[position].span)
        }
        if file.syntax == .proto3, type == .enum, let enumName = fields[position].typeName,
            let enumFile = index.fileOf[enumName], index.files.read(enumFile, { $0.syntax }) == .proto2
        {
            error("enum type \"\(enumName)\" is not an open enum, but is used in \"\(message.fullName)\" which is a proto3 message type", fields[position].span)
        }
        if !fields[position].options.isEmpty, fields[position].options["packed"] == .bool(true), !(label == .repeated && type.isPackable) {
            error("[packed = true] can only be specified for repeated primitive fields", fields[position].span)
        }
        if type == .enum, let value = fields[position].defaultValue, let enumName = fields[position].typeName,
            index.enums.read(enumName, { e in e.values.contains { $0.name == value } }) == false
        {
            error("enum type \"\(enumName)\" has no value named \"\(value)\"", fields[position].span)
        }
    }

    mutating func checkMapKey(_ entry: Message, field: Field) {
        guard let key = entry.fields.first(where: { $0.number == 1 }) else { return }
        switch key.type {
        case .float, .double, .bytes, .message, .group:
            error("key in map fields cannot be float/double, bytes or message types", field.span)
        case .enum:
            error("key in map fields cannot be enum types", field.span)
        default:
            break
        }
        // An enum value of a map must read as its zero value when absent (protoc, for every syntax).
        if let value = entry.fields.first(where: { $0.number == 2 }), value.type == .enum, let enumName = value.typeName,
            index.enums.read(enumName, { $0.values.first?.number }) != 0
        {
            error("enum value in map must define 0 as the first value", field.span)
        }
    }

    /// Whether a file is generated for the lite runtime (`option optimize_for = LITE_RUNTIME`).
    func isLite(_ fileName: String) -> Bool {
        index.files.read(fileName, { $0.options["optimize_for"] }) == .enumValue("LITE_RUNTIME")
    }

    /// Lite files can only be imported by lite files (protoc names the first lite import).
    mutating func checkLiteImports() {
        guard !isLite(file.name) else { return }
        if let lite = file.imports.first(where: { $0.kind != .option && isLite($0.path) }) {
            error(
                "files that do not use optimize_for = LITE_RUNTIME cannot import files which do use this option: this file is not lite, but it imports \"\(lite.path)\", which is",
                lite.span)
        }
    }

    mutating func checkOverlaps(_ reserved: [NumberRange], _ extensions: [NumberRange], in message: Message) {
        let all = reserved.map { ($0, "reserved") } + extensions.map { ($0, "extension") }
        for (i, (a, kindA)) in all.enumerated() {
            if a.start >= a.end {
                error("\(kindA) range end number must be greater than start number", a.span ?? message.span)
                continue
            }
            if a.start <= 0 {
                error("\(kindA) numbers must be positive integers", a.span ?? message.span)
            }
            for (b, kindB) in all[(i + 1)...] where a.start < b.end && b.start < a.end {
                error("\(kindB) range \(b.start) to \(b.end - 1) overlaps with \(kindA) range \(a.start) to \(a.end - 1)", b.span ?? message.span)
            }
        }
    }

    /// protoc's JSON name uniqueness: default names must not collide (an error where the JSON format
    /// is ALLOW, a warning under proto2's legacy best effort), and a custom name may not collide with
    /// another custom name (always an error) or with a default name (an error where strict).
    mutating func checkJSONNames(_ message: Message) {
        if message.isMapEntry || message.options.isTrue("deprecated_legacy_json_field_conflicts") { return }
        let strict: Bool
        switch file.syntax {
        case .proto2: strict = false
        case .proto3: strict = true
        case .editions:
            let format = SchemaIndex.feature("json_format", in: message.options) ?? SchemaIndex.feature("json_format", in: file.options)
            strict = format != .enumValue("LEGACY_BEST_EFFORT")
        }
        let fields = message.fields
        if Self.jsonNamesAreDistinct(fields) { return }
        let defaultNames = fields.map { NameRules.jsonName($0.name) }
        let firstWithDefault = Self.firstEarlier(defaultNames)
        let firstWithJSON = Self.firstEarlier(fields.map(\.jsonName))
        for (index, field) in fields.enumerated() {
            let defaultName = defaultNames[index]
            let custom = field.jsonName != defaultName
            if let earlier = firstWithDefault[index], fields[earlier].name != field.name, strict {
                error(
                    "the default JSON name of field \"\(field.name)\" (\"\(defaultName)\") conflicts with the default JSON name of field \"\(fields[earlier].name)\"",
                    field.span)
            }
            if let earlier = firstWithJSON[index] {
                let other = (name: fields[earlier].name, custom: fields[earlier].jsonName != defaultNames[earlier])
                if other.name != field.name, custom || other.custom, strict || (custom && other.custom) {
                    error(
                        "the \(custom ? "custom" : "default") JSON name of field \"\(field.name)\" (\"\(field.jsonName)\") conflicts with the \(other.custom ? "custom" : "default") JSON name of field \"\(other.name)\"",
                        field.span)
                }
            }
        }
    }

    /// True when no two fields share a default JSON name and no two share a JSON name, so that no
    /// conflict can be reported: decided on the names' content digests, computed without building
    /// strings (equal digests only send the message to the exact check).
    static func jsonNamesAreDistinct(_ fields: [Field]) -> Bool {
        let count = fields.count
        if count < 2 { return true }
        // The hashes live on the stack, the names are read in their own bytes (no copies of them).
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count * 2) { buffer in
            var hashes = buffer
            for index in 0..<count {
                // Default names and JSON names go in separate halves of the hash space (low bit), so a
                // default name only meets default names, a JSON name only JSON names.
                hashes[2 * index] = defaultJSONNameHash(fields[index].name) << 1
                hashes[2 * index + 1] = plainHash(fields[index].jsonName) << 1 | 1
            }
            return DistinctDigests.allDifferent(&hashes)
        }
    }

    /// The digest of a name's bytes (`FNV1a`).
    static func plainHash(_ text: String) -> UInt64 {
        text.withUTF8Bytes { FNV1a.digest($0) }
    }

    /// The digest of protoc's default JSON name of a field name (`plainHash` of
    /// `NameRules.jsonName(fieldName)`), computed without building the name.
    static func defaultJSONNameHash(_ fieldName: String) -> UInt64 {
        fieldName.withUTF8Bytes { bytes in
            var hasher = FNV1a()
            var capitalizeNext = false
            for byte in bytes {
                if byte == UInt8(ascii: "_") {
                    capitalizeNext = true
                    continue
                }
                hasher.add(capitalizeNext && byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte)
                capitalizeNext = false
            }
            return hasher.value
        }
    }

    /// For each key, the position of the first earlier equal key (nil for a first occurrence): by
    /// scanning for the few fields most messages have, by a table for long ones.
    static func firstEarlier(_ keys: [String]) -> [Int?] {
        if keys.count <= 32 {
            return keys.indices.map { index in keys[..<index].firstIndex(of: keys[index]) }
        }
        var first: [String: Int] = [:]
        first.reserveCapacity(keys.count)
        return keys.enumerated().map { index, key in
            if let earlier = first[key] { return earlier }
            first[key] = index
            return nil
        }
    }

    // MARK: enums

    mutating func checkEnum(_ e: EnumType) {
        if e.values.isEmpty {
            error("enums must contain at least one value", e.span)
            return
        }
        if file.syntax == .proto3, e.values[0].number != 0 {
            error("the first enum value must be zero for open enums", e.values[0].span)
        }
        let allowAlias = e.options.isTrue("allow_alias")
        var numbers: [Int32: String] = [:]
        var aliased = false
        for value in e.values {
            if let other = numbers[value.number] {
                aliased = true
                if !allowAlias {
                    error(
                        "\"\(value.name)\" uses the same enum value as \"\(other)\"; set 'option allow_alias = true;' in the enum if this is intended",
                        value.span)
                }
            } else {
                numbers[value.number] = value.name
            }
            for range in e.reservedRanges where value.number >= range.start && value.number <= range.end {
                error("enum value \"\(value.name)\" uses reserved number \(value.number)", value.span)
            }
            if e.reservedNames.contains(value.name) {
                error("enum value \"\(value.name)\" is reserved", value.span)
            }
        }
        if allowAlias, !aliased {
            error("\"\(e.fullName)\" declares 'option allow_alias = true;', but does not have aliased values: remove the option", e.span)
        }
        for (i, a) in e.reservedRanges.enumerated() {
            if a.start > a.end { error("reserved range end number must be greater than start number", a.span ?? e.span) }
            for b in e.reservedRanges[(i + 1)...] where a.start <= b.end && b.start <= a.end {
                error("reserved range \(b.start) to \(b.end) overlaps with already-defined range \(a.start) to \(a.end)", b.span ?? e.span)
            }
        }
    }

    // MARK: extensions

    mutating func checkExtension(_ ext: Field) {
        checkFieldNumber(ext.number, at: ext.span)
        guard let extendee = ext.extendee, let target = index.messages[extendee] else { return }
        if file.syntax == .proto3, !extendee.hasPrefix("google.protobuf.") || !extendee.hasSuffix("Options") {
            error("extensions in proto3 are only allowed for defining options", ext.span)
        }
        if ext.number > Int32(FileLinker.maxFieldNumber), !target.options.isTrue("message_set_wire_format") {
            error("field numbers cannot be greater than \(FileLinker.maxFieldNumber)", ext.span)
        }
        if !target.extensionRanges.contains(where: { ext.number >= $0.start && ext.number < $0.end }) {
            error("\"\(extendee)\" does not declare \(ext.number) as an extension number", ext.span)
        }
        if let other = index.extensionsByExtendee[extendee]?[ext.number], other.field.span != ext.span || other.field.name != ext.name {
            error("extension number \(ext.number) has already been used in \"\(extendee)\" by extension \"\(other.name)\"", ext.span)
        }
        if ext.label == .required {
            error("the extension \(ext.name) cannot be required", ext.span)
        }
        if isLite(file.name), let targetFile = index.fileOf[extendee], !isLite(targetFile) {
            error("extensions to non-lite types can only be declared in non-lite files (a lite type may extend a non-lite one, not the reverse)", ext.span)
        }
    }
}
