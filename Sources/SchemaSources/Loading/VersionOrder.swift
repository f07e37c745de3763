import Foundation

/// Orders version-named paths by semantic version: `v1.10.0` after `v1.9.2`, `pkg-0.10.1.yaml` after
/// `pkg-0.9.2.yaml`; names without a version sort last, by name.
public enum VersionOrder {
    /// The numeric components of the first dotted number in a name (`livekit-protocol-1.1.20.yaml` gives [1, 1, 20]).
    public static func components(_ name: String) -> [Int]? {
        let base = (name as NSString).lastPathComponent
        var numbers: [Int] = []
        var current = ""
        for character in base {
            if character.isNumber {
                current.append(character)
            } else if character == ".", !current.isEmpty {
                numbers.append(Int(current) ?? 0)
                current = ""
            } else if !current.isEmpty || !numbers.isEmpty {
                if !current.isEmpty { numbers.append(Int(current) ?? 0) }
                if !numbers.isEmpty { return numbers }
                current = ""
            }
        }
        if !current.isEmpty { numbers.append(Int(current) ?? 0) }
        return numbers.isEmpty ? nil : numbers
    }

    public static func sorted(_ paths: [String]) -> [String] {
        paths.sorted { a, b in
            switch (components(a), components(b)) {
            case (let x?, let y?) where x != y: return x.lexicographicallyPrecedes(y)
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a < b
            }
        }
    }

    /// The children of a folder that are versions (snapshots, descriptor sets, wheels, or folders), in version order.
    public static func children(of directory: String) throws(SourceError) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw SourceError("\(directory): error: cannot list the versions folder")
        }
        let versions = names.filter { !$0.hasPrefix(".") && components($0) != nil && !$0.hasSuffix(".md") && !$0.hasSuffix(".tsv") }
        if versions.isEmpty { throw SourceError("\(directory): error: no versions in this folder (names must contain a version number)") }
        return sorted(versions).map { directory.hasSuffix("/") ? directory + $0 : directory + "/" + $0 }
    }
}
