import ProtoModel

/// Pieces several rules share: how buf names cardinalities and field kinds, and finding builders.
enum RuleSupport {
    /// buf's cardinality names: `optional with implicit presence`, `optional with explicit presence`,
    /// `required`, `repeated`, `map`.
    static func cardinality(_ field: Field, in message: Message?, file: ProtoFile, version: SchemaPair.Version) -> String {
        if field.label == .repeated {
            if field.type == .message, let entry = version.message(field.typeName ?? ""), entry.isMapEntry { return "map" }
            return "repeated"
        }
        let features = version.features.features(of: field, in: message, file: file)
        if field.label == .required || features.fieldPresence == "LEGACY_REQUIRED" { return "required" }
        return version.features.hasPresence(field, in: message, file: file)
            ? "optional with explicit presence" : "optional with implicit presence"
    }

    /// The type as buf prints it: the scalar keyword, or the full name of a message or enum.
    static func typeDescription(_ field: Field) -> String {
        switch field.type {
        case .message, .group, .enum: field.typeName ?? field.type.keyword
        default: field.type.keyword
        }
    }

    /// A finding about a field present in both versions, located at the new field.
    static func fieldFinding(_ rule: String, _ pair: SchemaPair.FieldPair, verdicts: Verdicts, direction: Direction,
                             arguments: [String: String]) -> Finding {
        var args = arguments
        args["field"] = pair.new.name
        args["message"] = pair.containerName
        return Finding(rule: rule, symbol: pair.symbol, number: pair.new.number, verdicts: verdicts, direction: direction,
                       location: pair.new.span, previousLocation: pair.old.span, file: pair.newFile.name, arguments: args)
    }
}
