import Compat
import Foundation
import ProtoModel
import Reports
import SchemaSources

/// What `protocompat env` does: finds the protocol package (livekit-protocol by default) in an
/// installed Python environment and every distribution whose Requires-Dist names it, and says, for
/// each, whether the installed version works with what its code uses.
public struct EnvironmentInspection: Sendable {
    /// The protocol distribution's name.
    public var package: String
    /// Sources to compare with instead of the shipped snapshots at the ends of a dependent's range.
    public var against: [String]
    /// Folders of snapshots named PACKAGE-VERSION.yaml (empty: the shipped schemas).
    public var snapshotFolders: [String]
    /// What counts as breaking.
    public var level: Level

    public init(package: String = "livekit-protocol", against: [String] = [], snapshotFolders: [String] = [], level: Level = .source) {
        self.package = package
        self.against = against
        self.snapshotFolders = snapshotFolders
        self.level = level
    }

    /// Inspects the site-packages folder `site`: the protocol package's installed version and each
    /// dependent's range, and, for each dependent whose range does not pin the version, the installed
    /// schema against the ends of its range (or `against`), restricted to the types its code uses.
    public func inspect(site: String) throws(SourceError) -> EnvReport {
        let distributions = try InstalledDistributions.scan(sitePackages: site)
        let wanted = InstalledDistribution.normalize(package)
        guard let protocolDistribution = distributions.first(where: { $0.normalizedName == wanted }) else {
            throw SourceError(
                "\(site): error: \(package) is not installed here (no \(package.replacingOccurrences(of: "-", with: "_"))-*.dist-info); pip install it, or give the right --site-packages or --python"
            )
        }
        guard let installedVersion = PythonVersion(protocolDistribution.version) else {
            throw SourceError("\(protocolDistribution.distInfo)/METADATA: error: version \"\(protocolDistribution.version)\" is not a PEP 440 version")
        }
        let (packageFolder, dottedPackage) = try Self.packageFolder(protocolDistribution)
        let modules = try PythonPackageReader.modules(inDirectory: site + "/" + packageFolder)
        let installed = try PythonPackageReader.schema(from: modules, origin: site + "/" + packageFolder)
        let shipped = Self.shippedVersions(package: package, folders: snapshotFolders.isEmpty ? NamedVersions.folders() : snapshotFolders)
        var explicit: [LoadedSchema] = []
        for source in against { explicit.append(try SchemaLoader().load([source])) }

        var dependents: [EnvReport.Dependent] = []
        for distribution in distributions {
            guard let requirement = distribution.requires.first(where: { $0.name == wanted }) else { continue }
            let specifier = requirement.specifier
            let status: EnvReport.RangeStatus = !specifier.contains(installedVersion) ? .outside : specifier.isLoose ? .loose : .tight
            var dependent = EnvReport.Dependent(
                name: distribution.name, version: distribution.version, requirement: specifier.description,
                status: status, usedTypes: [], comparisons: [])
            if status == .tight && explicit.isEmpty {
                dependents.append(dependent)
                continue
            }
            var names = Set<String>()
            for file in distribution.files where file.hasSuffix(".py") && !file.hasPrefix(packageFolder + "/") && !file.contains("..") {
                guard let data = FileManager.default.contents(atPath: site + "/" + file) else { continue }
                names.formUnion(ProtocolUsageScanner.names(in: String(decoding: data, as: UTF8.self), package: dottedPackage))
            }
            dependent.usedTypes = Self.fullNames(names, in: installed)
            var targets: [LoadedSchema] = explicit
            if explicit.isEmpty {
                let inRange = shipped.filter { specifier.contains($0.version) }
                if let low = inRange.first, let high = inRange.last {
                    for (entry, end) in low.path == high.path ? [(low, "the only")] : [(low, "lowest"), (high, "highest")] {
                        var loaded = try SchemaLoader().load([entry.path])
                        loaded.label = "\(entry.version) (\(end) shipped in range)"
                        targets.append(loaded)
                    }
                } else {
                    dependent.note =
                        "no shipped \(package) snapshot satisfies \(specifier.description); give --against with a wheel or snapshot of a version in range"
                }
            }
            let channel = Channel(
                name: distribution.name, writer: distribution.name, reader: distribution.name,
                messages: dependent.usedTypes)
            for target in targets {
                let result = Checker.check(
                    old: target.schema, new: installed, oldSide: .init(label: target.label, source: target.source),
                    newSide: .init(label: protocolDistribution.version, source: site),
                    options: CheckOptions(level: level, channels: [channel]))
                let used = result.findings.filter { finding in
                    (dependent.usedTypes.isEmpty || !finding.channels.isEmpty) && result.kind(of: finding) != .safe
                }
                dependent.comparisons.append(.init(against: target.label, result: result, findings: used))
            }
            dependents.append(dependent)
        }
        return EnvReport(package: protocolDistribution.name, installedVersion: protocolDistribution.version, sitePackages: site, dependents: dependents)
    }

    /// The folder of the protocol's generated modules (the shallowest folder holding a .py file of
    /// the distribution) and its dotted name.
    static func packageFolder(_ distribution: InstalledDistribution) throws(SourceError) -> (String, String) {
        let folders = distribution.files.filter { $0.hasSuffix(".py") && !$0.contains("..") && $0.contains("/") }
            .map { ($0 as NSString).deletingLastPathComponent }
        guard let folder = folders.min(by: { ($0.split(separator: "/").count, $0) < ($1.split(separator: "/").count, $1) }) else {
            throw SourceError("\(distribution.distInfo)/RECORD: error: lists no Python modules of \(distribution.name); reinstall it with pip")
        }
        return (folder, folder.replacingOccurrences(of: "/", with: "."))
    }

    /// Shipped snapshots `PACKAGE-VERSION.yaml`, oldest first.
    static func shippedVersions(package: String, folders: [String]) -> [(version: PythonVersion, path: String)] {
        var found: [(PythonVersion, String)] = []
        for folder in folders {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(package + "-") && name.hasSuffix(".yaml") {
                if let version = PythonVersion(String(name.dropFirst(package.count + 1).dropLast(5))) { found.append((version, folder + "/" + name)) }
            }
        }
        return found.sorted { $0.0 < $1.0 }
    }

    /// Top-level messages and enums whose name is one of `names`.
    static func fullNames(_ names: Set<String>, in schema: Schema) -> [String] {
        var out = Set<String>()
        for file in schema.files {
            let prefix = file.package.isEmpty ? "" : file.package + "."
            for message in file.messages where names.contains(message.name) { out.insert(prefix + message.name) }
            for e in file.enums where names.contains(e.name) { out.insert(prefix + e.name) }
        }
        return out.sorted()
    }
}
