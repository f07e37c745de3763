import ProtoModel

extension Validator {
    /// protoc: "Features are only valid under editions." A proto2 or proto3 file may set no `features`
    /// option on any element (the syntax fixes them); editions files may.
    mutating func checkFeaturesNeedEditions() {
        guard file.syntax != .editions, setsOptions else { return }
        refuseFeatures(file.options, at: file.syntaxSpan)
        file.forEachMessage { message in
            refuseFeatures(message.options, at: message.span)
            for field in message.fields { refuseFeatures(field.options, at: field.span) }
            for oneof in message.oneofs { refuseFeatures(oneof.options, at: oneof.span ?? message.span) }
            for range in message.extensionRanges { refuseFeatures(range.options, at: range.span ?? message.span) }
        }
        file.forEachEnum { e in
            refuseFeatures(e.options, at: e.span)
            for value in e.values { refuseFeatures(value.options, at: value.span) }
        }
        file.forEachExtension { refuseFeatures($0.options, at: $0.span) }
        for service in file.services {
            refuseFeatures(service.options, at: service.span)
            for method in service.methods { refuseFeatures(method.options, at: method.span) }
        }
    }

    private mutating func refuseFeatures(_ options: OptionMessage, at span: SourceSpan?) {
        guard let features = options.fields.first(where: { $0.name == "features" }) else { return }
        error(
            "features are only valid under editions: remove the features option, or declare 'edition = \"2023\";' instead of 'syntax'",
            features.span ?? span)
    }

    /// protoc's checks of the features a field sets itself, in editions files: each feature only
    /// where it means something (found by ci/generated-programs.py: none was checked).
    mutating func checkFieldFeatures() {
        guard file.syntax == .editions, setsOptions else { return }
        file.forEachMessage { message in
            // A map entry's key and value carry the map field's features: the map field answers.
            guard !message.isMapEntry else { return }
            for field in message.fields { checkFeatures(of: field, in: message) }
        }
        file.forEachExtension { checkFeatures(of: $0, in: nil) }
    }

    private mutating func checkFeatures(of field: Field, in message: Message?) {
        let span = field.options.span(of: "features") ?? field.span
        if field.defaultValue != nil, resolvedPresence(of: field, in: message) == "IMPLICIT" {
            error("implicit presence fields can't specify defaults", span)
        }
        guard case .message(let features)? = field.options["features"] else { return }
        let isMap =
            field.label == .repeated && field.type == .message
            && field.typeName.flatMap { index.messages.read($0, { $0.isMapEntry }) } == true
        if let encoding = features["repeated_field_encoding"] {
            if field.label != .repeated {
                error("only repeated fields can specify repeated field encoding", span)
            } else if encoding == .enumValue("PACKED"), !field.type.isPackable || isMap {
                error("only repeated primitive fields can specify PACKED repeated field encoding", span)
            }
        }
        if features["utf8_validation"] != nil, field.type != .string, !(isMap && mapHasString(field)) {
            error("only string fields can specify utf8 validation", span)
        }
        if features["message_encoding"] != nil, field.type != .message && field.type != .group || isMap {
            error("only message fields can specify message encoding", span)
        }
        if let presence = features["field_presence"] {
            if field.label == .repeated {
                error("repeated fields can't specify field presence", span)
            } else if field.oneofIndex != nil {
                error("oneof fields can't specify field presence", span)
            } else if field.extendee != nil {
                error("extensions can't specify field presence", span)
            } else if presence == .enumValue("IMPLICIT"), field.type == .message || field.type == .group {
                error("message fields can't specify implicit presence", span)
            }
        }
    }

    /// Whether a map field's key or value is a string (protoc lets such maps set utf8_validation).
    private func mapHasString(_ field: Field) -> Bool {
        guard let entryName = field.typeName else { return false }
        return index.messages.read(entryName, { $0.fields.contains { $0.type == .string } }) == true
    }

    /// The field's presence after the file's, its messages' and its own features.
    private func resolvedPresence(of field: Field, in message: Message?) -> String? {
        guard field.label != .repeated, field.oneofIndex == nil, field.extendee == nil else { return nil }
        return FeatureResolver(index: index).features(of: field, in: message, file: file).fieldPresence
    }
}
