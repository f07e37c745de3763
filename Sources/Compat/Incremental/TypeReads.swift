import ProtoModel
import Support

/// The types a comparison looked into outside the part it compared: `StructuralComparison` follows a
/// field or method whose message type changed into both types, whose structure no digest of the
/// part covers. A part's findings hold in another pair only where those types are the same
/// (`PartialCheck`). Written by one comparison (its rules may run on several threads).
public final class TypeReadLog: Sendable {
    private let reads = Locked((old: [String](), new: [String]()))

    public init() {}

    func record(old oldType: String, new newType: String) {
        reads.withLock { reads in
            reads.old.append(oldType)
            reads.new.append(newType)
        }
    }

    /// What the reads depended on, looked up in the versions they were made in; nil when a type
    /// read lies in an element without a digest (an editions file), which cannot be compared.
    func dependencies(old oldVersion: SchemaPair.Version, new newVersion: SchemaPair.Version) -> [TypeDependency]? {
        let (old, new) = reads.withLock { ($0.old, $0.new) }
        var result: [TypeDependency] = []
        var seen = Set<String>()
        for (side, names, version) in [(TypeDependency.Side.old, old, oldVersion), (.new, new, newVersion)] {
            for name in names where seen.insert((side == .old ? "o" : "n") + name).inserted {
                let holder = version.holder(ofType: name)
                if case .undigested = holder { return nil }
                result.append(TypeDependency(side: side, type: name, holder: holder))
            }
        }
        return result
    }
}

/// One type a part's findings depend on: the top-level element holding it, as it was.
struct TypeDependency: Sendable, Hashable {
    enum Side: Sendable, Hashable { case old, new }

    let side: Side
    let type: String
    let holder: SchemaPair.Version.TypeHolder

    /// Whether the type is held the same way in this pair.
    func holds(old: SchemaPair.Version, new: SchemaPair.Version) -> Bool {
        (side == .old ? old : new).holder(ofType: type) == holder
    }
}

extension SchemaPair.Version {
    /// Where a type lives in a version: in a top-level element (itself, or the message it is nested
    /// in) with that digest, in no top-level element, or in one without a digest.
    enum TypeHolder: Sendable, Hashable {
        case element(String, ModelDigest)
        case absent
        case undigested
    }

    /// The top-level element holding `typeName`: the longest prefix of the name (at dots) that names one.
    func holder(ofType typeName: String) -> TypeHolder {
        var name = Substring(typeName)
        while true {
            let candidate = String(name)
            if digests.topLevelNames.contains(candidate) {
                return digests.elements[candidate].map { .element(candidate, $0) } ?? .undigested
            }
            guard let dot = name.lastIndex(of: ".") else { return .absent }
            name = name[..<dot]
        }
    }
}
