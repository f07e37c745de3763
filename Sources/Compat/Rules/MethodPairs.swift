import ProtoModel

/// Methods present in both versions, paired by service and name.
enum MethodPairs {
    static func all(_ pair: SchemaPair) -> [(old: Method, new: Method, service: Service, file: ProtoFile)] {
        pair.servicePairs.flatMap { old, new, _, newFile in
            new.methods.compactMap { method in
                old.methods.first { $0.name == method.name }.map { ($0, method, new, newFile) }
            }
        }
    }

    static func finding(
        _ rule: String, _ o: Method, _ n: Method, _ service: Service, _ file: ProtoFile, verdicts: Verdicts,
        direction: Direction, old: String, new: String
    ) -> Finding {
        Finding(
            rule: rule, symbol: service.fullName + "." + n.name, verdicts: verdicts, direction: direction, location: n.span,
            previousLocation: o.span, file: file.name, arguments: [.service: service.name, .method: n.name, .old: old, .new: new])
    }
}
