import Compat

/// `protocompat env`: for each installed distribution that depends on the protocol package, whether
/// its declared range holds the installed version, and what changed in the protocol types it uses
/// between the installed version and the ends of its range.
public struct EnvReport: Sendable {
    /// How a dependent's declared range relates to the installed version.
    public enum RangeStatus: String, Sendable {
        /// The installed version is outside the range.
        case outside = "outside its range"
        /// Inside, but the range spans minor releases (`~=1.0`, `>=1.0,<2`).
        case loose = "inside a loose range"
        /// Inside a range of one minor series or a pin: not compared.
        case tight = "inside its range"
    }

    /// One comparison: the installed schema against one version the dependent's range names.
    public struct Comparison: Sendable {
        public var against: String
        public var result: CheckResult
        /// The findings in types the dependent uses (all of them when it uses none directly), not safe at the level.
        public var findings: [Finding]
        public var verdict: Verdict { findings.map { result.kind(of: $0) }.max() ?? .safe }

        public init(against: String, result: CheckResult, findings: [Finding]) {
            self.against = against
            self.result = result
            self.findings = findings
        }
    }

    /// One dependent and its answer.
    public struct Dependent: Sendable {
        public var name: String
        public var version: String
        public var requirement: String
        public var status: RangeStatus
        /// Full names of the protocol types its Python code references.
        public var usedTypes: [String]
        public var comparisons: [Comparison]
        /// Why nothing was compared although the range is not tight (no shipped version in it, ...).
        public var note: String?
        public var verdict: Verdict { comparisons.map(\.verdict).max() ?? .safe }

        public init(
            name: String, version: String, requirement: String, status: RangeStatus, usedTypes: [String],
            comparisons: [Comparison], note: String? = nil
        ) {
            self.name = name
            self.version = version
            self.requirement = requirement
            self.status = status
            self.usedTypes = usedTypes
            self.comparisons = comparisons
            self.note = note
        }
    }

    public var package: String
    public var installedVersion: String
    public var sitePackages: String
    public var dependents: [Dependent]

    public init(package: String, installedVersion: String, sitePackages: String, dependents: [Dependent]) {
        self.package = package
        self.installedVersion = installedVersion
        self.sitePackages = sitePackages
        self.dependents = dependents
    }

    public var isBreaking: Bool { dependents.contains { $0.verdict == .breaking } }

    /// The formats `env` writes.
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, json, yaml
    }

    public func render(_ format: Format) throws -> String {
        switch format {
        case .text: text
        case .markdown: markdown
        case .json: tree.json() + "\n"
        case .yaml: try tree.yaml()
        }
    }

    var text: String {
        var out = "\(package) \(installedVersion) is installed in \(sitePackages)\n"
        if dependents.isEmpty { out += "no installed distribution depends on \(package)\n" }
        for dependent in dependents {
            out +=
                "\n\(dependent.name) \(dependent.version) requires \(package)\(dependent.requirement.isEmpty ? " (any version)" : " " + dependent.requirement): "
            out += "\(dependent.status.rawValue)"
            out += dependent.status == .tight ? "\n" : "; \(ReportText.answer(dependent.verdict))\n"
            if dependent.status != .tight {
                let count = dependent.usedTypes.count
                out +=
                    "  uses \(count) protocol \(count == 1 ? "type" : "types")\(count == 0 ? " directly (every change is listed)" : ": " + dependent.usedTypes.joined(separator: ", "))\n"
            }
            if let note = dependent.note { out += "  \(note)\n" }
            for comparison in dependent.comparisons {
                out += "  against \(comparison.against): \(ReportText.answer(comparison.verdict))"
                out += comparison.findings.isEmpty ? "\n" : " (\(comparison.findings.count) changes in what it uses)\n"
                for finding in comparison.findings {
                    out +=
                        "    \(ReportText.location(finding)): \(finding.rule): \(Checker.message(finding)) [\(comparison.result.kind(of: finding).rawValue), \(finding.direction.rawValue)]\n"
                }
            }
        }
        return out
    }

    var markdown: String {
        var out = "### protocompat env: \(package) \(installedVersion)\n\n"
        out += "| dependent | requires | range | verdict | types used |\n|---|---|---|---|---|\n"
        for dependent in dependents {
            out +=
                "| \(dependent.name) \(dependent.version) | `\(dependent.requirement.isEmpty ? "any" : dependent.requirement)` | \(dependent.status.rawValue) | "
            out += "**\(dependent.status == .tight ? "not compared" : ReportText.answer(dependent.verdict))** | \(dependent.usedTypes.count) |\n"
        }
        for dependent in dependents {
            for comparison in dependent.comparisons where !comparison.findings.isEmpty {
                out += "\n#### \(dependent.name) against \(comparison.against)\n\n| kind | rule | element | change | direction |\n|---|---|---|---|---|\n"
                for finding in comparison.findings {
                    out += "| \(comparison.result.kind(of: finding).rawValue) | \(finding.rule) | `\(finding.symbol)` | "
                    out += "\(Checker.message(finding).replacingOccurrences(of: "|", with: "\\|")) | \(finding.direction.rawValue) |\n"
                }
            }
        }
        return out
    }

    var tree: ReportTree {
        .object([
            ("package", .string(package)),
            ("installed", .string(installedVersion)),
            ("breaking", .bool(isBreaking)),
            (
                "dependents",
                .array(
                    dependents.map { dependent in
                        var fields: [(String, ReportTree)] = [
                            ("name", .string(dependent.name)), ("version", .string(dependent.version)),
                            ("requires", .string(dependent.requirement)), ("range", .string(dependent.status.rawValue)),
                            ("verdict", .string(dependent.status == .tight ? "not compared" : ReportText.answer(dependent.verdict))),
                            ("uses", .array(dependent.usedTypes.map { .string($0) })),
                        ]
                        if let note = dependent.note { fields.append(("note", .string(note))) }
                        fields.append(
                            (
                                "comparisons",
                                .array(
                                    dependent.comparisons.map { comparison in
                                        .object([
                                            ("against", .string(comparison.against)),
                                            ("verdict", .string(ReportText.answer(comparison.verdict))),
                                            (
                                                "findings",
                                                .array(
                                                    comparison.findings.map { finding in
                                                        .object([
                                                            ("rule", .string(finding.rule)), ("kind", .string(comparison.result.kind(of: finding).rawValue)),
                                                            ("direction", .string(finding.direction.rawValue)), ("symbol", .string(finding.symbol)),
                                                            ("message", .string(Checker.message(finding))), ("fingerprint", .string(finding.fingerprint)),
                                                        ])
                                                    })
                                            ),
                                        ])
                                    })
                            ))
                        return .object(fields)
                    })
            ),
        ])
    }
}
