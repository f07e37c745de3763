import Foundation

/// A distribution installed in a Python environment, from its `*.dist-info` folder.
public struct InstalledDistribution: Sendable {
    /// A `Requires-Dist` entry: the name (normalised), the version range, and the environment
    /// marker after `;` (e.g. `extra == "codecs"`), if any.
    public struct Requirement: Sendable {
        public var name: String
        public var specifier: VersionSpecifier
        public var marker: String?
    }

    public var name: String
    public var version: String
    public var requires: [Requirement]
    /// Installed files relative to the site-packages folder (from RECORD).
    public var files: [String]
    public var distInfo: String

    /// The normalised name: lowercase, runs of `-`, `_`, `.` as one `-` (PEP 503).
    public var normalizedName: String { Self.normalize(name) }

    public static func normalize(_ name: String) -> String {
        var out = ""
        var lastWasSeparator = false
        for character in name.lowercased() {
            if character == "-" || character == "_" || character == "." {
                if !lastWasSeparator { out.append("-") }
                lastWasSeparator = true
            } else {
                out.append(character)
                lastWasSeparator = false
            }
        }
        return out
    }
}

/// Reads every `*.dist-info` of a site-packages folder.
public enum InstalledDistributions {
    public static func scan(sitePackages: String) throws(SourceError) -> [InstalledDistribution] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: sitePackages, isDirectory: &isFolder), isFolder.boolValue else {
            throw SourceError("\(sitePackages): error: not a folder (give the site-packages folder of a Python environment)")
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: sitePackages) else {
            throw SourceError("\(sitePackages): error: cannot list the folder")
        }
        var found: [InstalledDistribution] = []
        for name in names.sorted() where name.hasSuffix(".dist-info") {
            let folder = sitePackages + "/" + name
            guard let data = FileManager.default.contents(atPath: folder + "/METADATA") else { continue }
            var distribution = parse(metadata: String(decoding: data, as: UTF8.self), distInfo: folder)
            if let record = FileManager.default.contents(atPath: folder + "/RECORD") {
                distribution.files = String(decoding: record, as: UTF8.self).split(whereSeparator: \.isNewline).compactMap { line in
                    line.split(separator: ",", maxSplits: 1).first.map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
                }
            }
            found.append(distribution)
        }
        return found
    }

    /// The headers of a METADATA file (RFC 822 style; the body after the first blank line is ignored).
    public static func parse(metadata: String, distInfo: String) -> InstalledDistribution {
        var distribution = InstalledDistribution(name: "", version: "", requires: [], files: [], distInfo: distInfo)
        for line in metadata.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = line.trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
            if text.isEmpty { break }
            guard let colon = text.firstIndex(of: ":") else { continue }
            let key = text[..<colon].lowercased()
            let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "name": distribution.name = value
            case "version": distribution.version = value
            case "requires-dist": if let requirement = requirement(value) { distribution.requires.append(requirement) }
            default: break
            }
        }
        return distribution
    }

    /// `name[extra] (>=1,<2) ; marker` or `name>=1,<2; marker`.
    static func requirement(_ text: String) -> InstalledDistribution.Requirement? {
        var body = text
        var marker: String?
        if let semicolon = text.firstIndex(of: ";") {
            body = String(text[..<semicolon])
            marker = text[text.index(after: semicolon)...].trimmingCharacters(in: .whitespaces)
        }
        body = body.trimmingCharacters(in: .whitespaces)
        let nameEnd = body.firstIndex { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") } ?? body.endIndex
        let name = String(body[..<nameEnd])
        var rest = body[nameEnd...].trimmingCharacters(in: .whitespaces)
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") { rest = rest[rest.index(after: close)...].trimmingCharacters(in: .whitespaces) }
        guard !name.isEmpty, let specifier = VersionSpecifier(rest) else { return nil }
        return .init(name: InstalledDistribution.normalize(name), specifier: specifier, marker: marker)
    }

    /// The site-packages folder of a Python interpreter (its `purelib`).
    public static func sitePackages(python: String) throws(SourceError) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        do { try process.run() } catch { throw SourceError("\(python): error: cannot run the Python interpreter") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, !path.isEmpty else {
            throw SourceError("\(python): error: the interpreter did not report its site-packages folder (is it a Python 3 executable?)")
        }
        return path
    }
}
