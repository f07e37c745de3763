import ProtoModel

/// Pieces several rules share: how buf names cardinalities and field kinds, and finding builders.
enum RuleSupport {
    /// Whether a ProtoJSON reader of `message` takes both keys a writer may use for `field` (its name
    /// and its JSON name), through any field of `message`: a name that moved to another number is still
    /// read by name (`FieldSameNumber` judges the moved field's JSON).
    /// Whether ProtoJSON pairs this number's two fields with other fields: the field was renamed and
    /// each name is still read in the other version (names swapped or moved). JSON then judges those
    /// pairs by name (`FieldSameNumber`), not this one.
    /// Extensions are keyed by full name (`[pkg.ext]`): both names must still extend the same message.
    static func jsonPairsElsewhere(_ pair: SchemaPair.FieldPair, in versions: SchemaPair) -> Bool {
        if let extendee = pair.new.extendee {
            return pair.oldSymbol != pair.symbol && versions.new.index.extensions[pair.oldSymbol]?.extendee == extendee
                && versions.old.index.extensions[pair.symbol]?.extendee == pair.old.extendee
        }
        return pair.old.name != pair.new.name && readsJSONKeys(of: pair.old, in: pair.newMessage) && readsJSONKeys(of: pair.new, in: pair.oldMessage)
    }

    static func readsJSONKeys(of field: Field, in message: Message?) -> Bool {
        guard let message else { return false }
        return message.field(jsonKey: field.name) != nil && message.field(jsonKey: field.jsonName) != nil
    }

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
    static func fieldFinding(
        _ rule: String, _ pair: SchemaPair.FieldPair, verdicts: Verdicts, direction: Direction,
        arguments: FindingArguments
    ) -> Finding {
        var args = arguments
        args[.field] = pair.new.name
        args[.message] = pair.containerName
        return Finding(
            rule: rule, symbol: pair.symbol, number: pair.new.number, verdicts: verdicts, direction: direction,
            location: pair.new.span, previousLocation: pair.old.span, file: pair.newFile.name, arguments: args)
    }
}

extension RuleSupport {
    /// A deleted field's JSON verdict on a channel: a reader that skips unknown names does not fail on
    /// a field the writer still sends after the reader's version deleted it; what remains is a
    /// missing value (a hazard).
    static func deletedFieldJSON(_ finding: Finding, in channel: Channel) -> Verdict {
        channel.unknownJSON == .ignore && finding.verdicts.json == .breaking ? .hazard : finding.verdicts.json
    }

    /// An added field's or enum value's JSON verdict on a channel: readers that reject unknown names
    /// break; readers that skip them do not notice a field (an unknown enum value is still one).
    static func addedNameJSON(_ finding: Finding, in channel: Channel, isField: Bool) -> Verdict {
        switch channel.unknownJSON {
        case .reject: .breaking
        case .ignore: isField ? .safe : finding.verdicts.json
        case .unspecified: finding.verdicts.json
        }
    }
}

extension RuleSupport {
    /// The start of a file: where buf points findings about things deleted from it.
    static func fileStart(_ file: String) -> SourceSpan {
        SourceSpan(file: file, line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0)
    }

    /// The full name of the element enclosing `fullName` (its message), if it is nested in one.
    static func parentMessage(of fullName: String, in version: SchemaPair.Version) -> Message? {
        guard let dot = fullName.lastIndex(of: ".") else { return nil }
        return version.message(String(fullName[..<dot]))
    }

    /// `fullName` without the file's package: how buf names elements in messages.
    static func relativeName(_ fullName: String, package: String) -> String {
        package.isEmpty ? fullName : String(fullName.dropFirst(package.count + 1))
    }
}
