import ProtoModel

/// Field pairs no rule can find anything in, left out of `SchemaPair.allFieldPairs`: a field the
/// same in both versions (locations and comments aside), in a message whose oneofs, options and
/// map-entry status are the same, in files of the same syntax (proto2 or proto3) and package that
/// set the same file options field rules read (`CompatRule.fileOptionsReadForFields`), referring to a type that reads the same (an enum with the same values, a message that
/// is or is not a map entry, as `VersionDigests` assumes rules read). Every field rule compares
/// something of the field's old and new forms, which are then equal; in a changed message most
/// fields are such pairs. Extensions are always kept (their full names may differ).
enum UnchangedFields {
    /// The file options some rule reads for a field, as the rules declare them (Java's UTF-8 check,
    /// features). Other file options (`go_package`, ...) change with no effect on any field.
    static let fileOptionsFieldRulesRead = Set(RuleCatalog.all.flatMap(\.fileOptionsReadForFields)).sorted()

    /// Whether the surroundings of a message pair's fields are the same in both versions.
    static func sameSurroundings(_ old: Message, _ new: Message, _ oldFile: ProtoFile, _ newFile: ProtoFile) -> Bool {
        oldFile.syntax != .editions && oldFile.syntax == newFile.syntax && oldFile.package == newFile.package
            && fileOptionsFieldRulesRead.allSatisfy { oldFile.options[$0] == newFile.options[$0] }
            && old.isMapEntry == new.isMapEntry && old.options.sameContent(as: new.options) && old.oneofs.sameContent(as: new.oneofs)
    }

    /// Whether a field reads the same in both versions (with `sameSurroundings` holding for its message).
    static func same(_ a: Field, _ b: Field, old: SchemaPair.Version, new: SchemaPair.Version) -> Bool {
        guard a.sameContent(as: b) else { return false }
        guard let typeName = a.typeName else { return true }
        switch a.type {
        case .enum:
            guard let before = old.index.enums[typeName]?.values, let after = new.index.enums[typeName]?.values,
                before.count == after.count
            else { return false }
            return zip(before, after).allSatisfy { $0.name == $1.name && $0.number == $1.number }
        case .message, .group:
            return old.message(typeName)?.isMapEntry == new.message(typeName)?.isMapEntry
        default:
            return true
        }
    }
}
