import ProtoModel

/// Required fields (proto2's `required`, editions' `field_presence = LEGACY_REQUIRED`): a message without one is refused by the C++ and Java parsers (Python's
/// parser takes it and reports it uninitialized), so a witness counts it as a refusal.
enum RequiredFields {
    /// A reader's outcome: the message `read` returns, refused when a required field is missing.
    static func checked(_ catalog: MessageCatalog, _ read: () throws -> DynamicMessage) -> Result<DynamicMessage, DecodeFailure> {
        do {
            let message = try read()
            if let missing = firstMissing(in: message, catalog: catalog) { return .failure(missing) }
            return .success(message)
        } catch let failure as DecodeFailure {
            return .failure(failure)
        } catch {
            return .failure(DecodeFailure(reason: "\(error)", field: nil))
        }
    }

    /// The first required field missing in `message` or in a message set inside it, blamed on the
    /// top-level field that holds it.
    static func firstMissing(in message: DynamicMessage, catalog: MessageCatalog, blame: Int32? = nil) -> DecodeFailure? {
        guard let type = catalog.message(message.typeName) else { return nil }
        for field in type.fields where message[field.number] == nil && catalog.facts(of: field, in: type).isRequired {
            return DecodeFailure(reason: "missing required field \(type.fullName).\(field.name)", field: blame ?? field.number)
        }
        for entry in message.fields {
            let nested: [ProtoValue]
            if case .list(let list) = entry.value { nested = list } else { nested = [entry.value] }
            for case .message(let inner) in nested {
                if let missing = firstMissing(in: inner, catalog: catalog, blame: blame ?? entry.number) { return missing }
            }
        }
        return nil
    }
}
