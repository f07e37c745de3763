/// A version number as SemVer 2.0.0 writes it: `MAJOR.MINOR.PATCH`, an optional pre-release
/// (`-rc.1`) and build metadata (`+abc`, ignored in comparisons); a leading `v` is accepted.
public struct SemanticVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public var patch: Int
    /// Dot-separated identifiers after `-`; empty for a release.
    public var prerelease: [String]

    public init(major: Int, minor: Int, patch: Int, prerelease: [String] = []) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
    }

    /// Parses `1.2.3`, `v1.2.3`, `1.2.3-rc.1+build`; nil for anything else.
    public init?(_ text: String) {
        var body = Substring(text)
        if body.hasPrefix("v") || body.hasPrefix("V") { body = body.dropFirst() }
        if let plus = body.firstIndex(of: "+") { body = body[..<plus] }
        var pre: [String] = []
        if let dash = body.firstIndex(of: "-") {
            pre = body[body.index(after: dash)...].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !pre.isEmpty, pre.allSatisfy({ !$0.isEmpty }) else { return nil }
            body = body[..<dash]
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let major = Int(parts[0]), let minor = Int(parts[1]), let patch = Int(parts[2]),
            major >= 0, minor >= 0, patch >= 0, parts.allSatisfy({ $0.allSatisfy(\.isNumber) })
        else { return nil }
        self.init(major: major, minor: minor, patch: patch, prerelease: pre)
    }

    /// The first version number in a text (`v1.50.4 (1.1.21)` gives the protocol tag's; a label
    /// `livekit-protocol==1.0.7` gives 1.0.7); nil when there is none.
    public static func first(in text: String) -> SemanticVersion? {
        var candidates: [Substring] = []
        var current = Substring()
        for character in text + " " {
            if character.isNumber || character == "." || character == "-" || character == "+" || character.isLetter {
                current.append(character)
            } else {
                if !current.isEmpty { candidates.append(current) }
                current = Substring()
            }
        }
        for candidate in candidates {
            // `livekit-protocol==1.0.7` splits at '='; a word with a version after a dash is tried from each digit run.
            var rest = candidate
            while !rest.isEmpty {
                if let version = SemanticVersion(String(rest)) { return version }
                guard let next = rest.dropFirst().firstIndex(where: { $0 == "v" || $0.isNumber }) else { break }
                rest = rest[next...]
            }
        }
        return nil
    }

    public var description: String {
        "\(major).\(minor).\(patch)" + (prerelease.isEmpty ? "" : "-" + prerelease.joined(separator: "."))
    }

    /// SemVer precedence: numbers, then a pre-release before its release, identifiers compared
    /// numerically when both are numbers, else as text, a shorter list first.
    public static func < (a: SemanticVersion, b: SemanticVersion) -> Bool {
        if (a.major, a.minor, a.patch) != (b.major, b.minor, b.patch) { return (a.major, a.minor, a.patch) < (b.major, b.minor, b.patch) }
        if a.prerelease.isEmpty || b.prerelease.isEmpty { return !a.prerelease.isEmpty && b.prerelease.isEmpty }
        for (x, y) in zip(a.prerelease, b.prerelease) where x != y {
            switch (Int(x), Int(y)) {
            case (let m?, let n?): return m < n
            case (_?, nil): return true
            case (nil, _?): return false
            default: return x < y
            }
        }
        return a.prerelease.count < b.prerelease.count
    }
}

/// How much a version number moves: what a release's changes need, or what its number says.
public enum Bump: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    case none, patch, minor, major

    public static func < (a: Bump, b: Bump) -> Bool { a.rawValue < b.rawValue }
    public var description: String { ["none", "patch", "minor", "major"][rawValue] }

    /// The bump a release from `old` to `new` makes. While the major is 0, SemVer lets anything
    /// change; by Cargo's and npm's convention the minor position then marks breaking changes and the
    /// patch position additions, so those count one rank higher.
    public static func between(_ old: SemanticVersion, _ new: SemanticVersion) -> Bump {
        if new.major != old.major { return .major }
        let initial = old.major == 0
        if new.minor != old.minor { return initial ? .major : .minor }
        if new.patch != old.patch { return initial ? .minor : .patch }
        return new.prerelease != old.prerelease ? .patch : .none
    }

    /// The smallest version after `old` that makes this bump (0.x counted as in `between`).
    public func next(after old: SemanticVersion) -> SemanticVersion {
        let initial = old.major == 0
        // A pre-release is followed by its own release when that is bump enough.
        switch self {
        case .none: return old
        case .major: return initial ? SemanticVersion(major: 0, minor: old.minor + 1, patch: 0) : SemanticVersion(major: old.major + 1, minor: 0, patch: 0)
        case .minor:
            return initial
                ? SemanticVersion(major: 0, minor: old.minor, patch: old.patch + 1) : SemanticVersion(major: old.major, minor: old.minor + 1, patch: 0)
        case .patch: return SemanticVersion(major: old.major, minor: old.minor, patch: old.patch + (old.prerelease.isEmpty ? 1 : 0))
        }
    }
}
