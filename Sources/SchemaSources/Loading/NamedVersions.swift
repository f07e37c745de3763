import Foundation

/// Versions of the schemas the project ships, by name: `livekit-protocol==1.0.7` is the snapshot
/// `livekit-protocol-1.0.7.yaml`, and a protocol tag such as `v1.50.4` is the release built exactly
/// from it (`protocol-tags.tsv` beside the snapshots). Looked up in `PROTOCOMPAT_SCHEMAS` (folders
/// separated by `:`), then in `schemas/*` of the current folder and of the folders above the executable.
public enum NamedVersions {
    /// The folders searched, in order.
    public static func folders(executable: String = CommandLine.arguments.first ?? "") -> [String] {
        var roots: [String] = []
        if let env = ProcessInfo.processInfo.environment["PROTOCOMPAT_SCHEMAS"] {
            roots += env.split(separator: ":").map(String.init)
        }
        var bases = ["schemas"]
        var directory = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            bases.append(directory.appendingPathComponent("schemas").path)
            directory.deleteLastPathComponent()
        }
        for base in bases {
            guard let children = try? FileManager.default.contentsOfDirectory(atPath: base) else { continue }
            for child in children.sorted() where !child.hasPrefix(".") {
                var isFolder: ObjCBool = false
                let path = base + "/" + child
                if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { roots.append(path) }
            }
        }
        return roots
    }

    /// Whether a SOURCE is written as a name rather than a path.
    public static func isName(_ spec: String) -> Bool {
        if spec.contains("==") { return !spec.contains("/") }
        return isTag(spec)
    }

    static func isTag(_ spec: String) -> Bool {
        guard spec.hasPrefix("v"), spec.count > 1 else { return false }
        return spec.dropFirst().allSatisfy { $0.isNumber || $0 == "." } && spec.dropFirst().first?.isNumber == true && spec.contains(".")
    }

    /// The snapshot a name stands for; nil when `spec` is not a name or is an existing path.
    public static func resolve(_ spec: String, folders: [String]) throws(SourceError) -> String? {
        guard isName(spec), !FileManager.default.fileExists(atPath: spec) else { return nil }
        if spec.contains("==") {
            let parts = spec.components(separatedBy: "==")
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw SourceError("\(spec): error: a named version is PACKAGE==VERSION, e.g. livekit-protocol==1.0.7")
            }
            let file = "\(parts[0])-\(parts[1]).yaml"
            for folder in folders where FileManager.default.fileExists(atPath: folder + "/" + file) { return folder + "/" + file }
            let known = folders.flatMap { folder in
                ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix(parts[0] + "-") && $0.hasSuffix(".yaml") }
            }
            if known.isEmpty {
                throw SourceError(
                    "\(spec): error: no shipped snapshots of \(parts[0]) (looked in \(folders.isEmpty ? "no schemas folder" : folders.joined(separator: ", "))); set PROTOCOMPAT_SCHEMAS or give a wheel or .proto tree"
                )
            }
            let versions = VersionOrder.sorted(known).map { String($0.dropFirst(parts[0].count + 1).dropLast(5)) }
            throw SourceError("\(spec): error: no shipped snapshot of \(parts[0]) \(parts[1]); known versions: \(versions.joined(separator: ", "))")
        }
        var tags: [String] = []
        for folder in folders {
            guard let text = try? String(contentsOfFile: folder + "/protocol-tags.tsv", encoding: .utf8) else { continue }
            let package = (try? FileManager.default.contentsOfDirectory(atPath: folder))?
                .first { $0.hasSuffix(".yaml") && $0 != "protocompat.yaml" }
                .flatMap { name in name.range(of: "-", options: .backwards).map { String(name[..<$0.lowerBound]) } }
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let columns = line.split(separator: "\t").map(String.init)
                guard columns.count == 2, let package else { continue }
                tags.append(columns[0])
                if columns[0] == spec { return folder + "/\(package)-\(columns[1]).yaml" }
            }
        }
        throw SourceError(
            "\(spec): error: no shipped release was built exactly from tag \(spec)\(tags.isEmpty ? "" : " (tags with one: \(tags.joined(separator: ", ")))"); give the .proto tree instead, e.g. git:\(spec)"
        )
    }
}
