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
        error("features are only valid under editions: remove the features option, or declare 'edition = \"2023\";' instead of 'syntax'",
              features.span ?? span)
    }
}
