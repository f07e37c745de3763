/// A PEP 440 version specifier such as `>=1.0.0,<2` or `~=1.0` (the part of a `Requires-Dist` after the name).
public struct VersionSpecifier: Sendable, CustomStringConvertible {
    /// One comparison.
    public struct Clause: Sendable {
        public var op: String
        public var version: PythonVersion
        /// `==1.0.*` and `!=1.0.*`.
        public var wildcard: Bool
    }

    public var clauses: [Clause]
    public let description: String

    /// Parses `(<2,>=1.0)`, `<2,>=1.0`, `~= 1.0`, or nothing (any version).
    public init?(_ text: String) {
        var body = text.trimmingCharacters(in: .whitespaces)
        if body.hasPrefix("("), body.hasSuffix(")") { body = String(body.dropFirst().dropLast()) }
        description = body.replacingOccurrences(of: " ", with: "")
        clauses = []
        for part in body.split(separator: ",") {
            let item = part.trimmingCharacters(in: .whitespaces)
            guard let op = ["===", "~=", "==", "!=", "<=", ">=", "<", ">"].first(where: { item.hasPrefix($0) }) else { return nil }
            var rest = item.dropFirst(op.count).trimmingCharacters(in: .whitespaces)
            let wildcard = rest.hasSuffix(".*")
            if wildcard { rest = String(rest.dropLast(2)) }
            guard let version = PythonVersion(rest) else { return nil }
            clauses.append(Clause(op: op, version: version, wildcard: wildcard))
        }
    }

    /// Whether a version satisfies every clause. Pre-releases count only when a clause names one.
    public func contains(_ version: PythonVersion) -> Bool {
        if version.pre != nil || version.dev != nil, !clauses.contains(where: { $0.version.pre != nil || $0.version.dev != nil }) {
            return false
        }
        return clauses.allSatisfy { clause in
            let v = clause.version
            switch clause.op {
            case "==": return clause.wildcard ? version.prefix(v.release.count) == v.release : version == v
            case "!=": return clause.wildcard ? version.prefix(v.release.count) != v.release : version != v
            case "===": return version.description == v.description
            case "<": return version < v
            case "<=": return version <= v
            case ">": return version > v
            case ">=": return version >= v
            default:  // ~=: >= v and the same release up to the last given number
                guard v.release.count >= 2 else { return version >= v }
                return version >= v && version.prefix(v.release.count - 1) == Array(v.release.dropLast())
            }
        }
    }

    /// True when the range admits more than one minor series (`~=1.0`, `>=1.0,<2`, `>=1.0`): a
    /// dependent that declares it may meet protocol definitions it was never built against.
    public var isLoose: Bool {
        if clauses.contains(where: { ($0.op == "==" && !$0.wildcard) || $0.op == "===" }) { return false }
        if clauses.contains(where: { $0.op == "==" && $0.wildcard && $0.version.release.count >= 2 }) { return false }
        if clauses.contains(where: { $0.op == "~=" && $0.version.release.count >= 3 }) { return false }
        var lower: [Int] = [0, 0]
        var upper: [Int]?
        for clause in clauses {
            switch clause.op {
            case ">=", ">", "~=": lower = max(lower, clause.version.prefix(2)) { $0.lexicographicallyPrecedes($1) }
            case "<", "<=":
                let bound = clause.version.prefix(3)
                upper = upper.map { min($0, bound) { $0.lexicographicallyPrecedes($1) } } ?? bound
            default: break
            }
        }
        guard let upper else { return true }
        // Tight when the upper bound does not go past the next minor release of the lower bound.
        let nextMinor = [lower[0], lower[1] + 1, 0]
        return nextMinor.lexicographicallyPrecedes(upper)
    }
}

private func max(_ a: [Int], _ b: [Int], by less: ([Int], [Int]) -> Bool) -> [Int] { less(a, b) ? b : a }
private func min(_ a: [Int], _ b: [Int], by less: ([Int], [Int]) -> Bool) -> [Int] { less(a, b) ? a : b }
