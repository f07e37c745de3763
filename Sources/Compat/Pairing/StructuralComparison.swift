import ProtoModel

/// Compares two message types by wire structure, recursively (cycles handled): a renamed or moved
/// type with the same field numbers, wire types and cardinalities is the same thing on the wire.
struct StructuralComparison {
    let old: SchemaPair.Version
    let new: SchemaPair.Version
    /// Where the types looked into are written down, when the pair keeps a log.
    let reads: TypeReadLog?
    private var assumed: Set<String> = []

    init(_ pair: SchemaPair) {
        old = pair.old
        new = pair.new
        reads = pair.typeReads
    }

    /// nil when the types are wire-identical; otherwise the deepest difference found.
    mutating func difference(_ oldType: String, _ newType: String) -> String? {
        let key = oldType + "|" + newType
        if assumed.contains(key) { return nil }
        assumed.insert(key)
        reads?.record(old: oldType, new: newType)
        if let a = old.message(oldType), let b = new.message(newType) {
            for field in a.fields {
                guard let other = b.field(number: field.number) else { return "\(newType) has no field \(field.number)" }
                if field.type.wireType != other.type.wireType {
                    return "\(newType).\(other.name) (\(field.number)) changed wire type from \(field.type.keyword) to \(other.type.keyword)"
                }
                if (field.label == .repeated) != (other.label == .repeated) {
                    return "\(newType).\(other.name) (\(field.number)) changed between singular and repeated"
                }
                if field.type == .message || field.type == .group, let t1 = field.typeName, let t2 = other.typeName,
                   let inner = difference(t1, t2) {
                    return inner
                }
            }
            for field in b.fields where !a.hasField(number: field.number) {
                return "\(newType) added field \(field.number)"
            }
            return nil
        }
        if let a = old.index.enums[oldType], let b = new.index.enums[newType] {
            let oldNumbers = Set(a.values.map(\.number)), newNumbers = Set(b.values.map(\.number))
            return oldNumbers == newNumbers ? nil : "\(newType) has other values than \(oldType)"
        }
        return "\(newType) is not the same kind of type as \(oldType)"
    }
}
