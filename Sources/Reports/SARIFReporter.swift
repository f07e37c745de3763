import Compat
import ProtoModel

/// SARIF 2.1.0 for code scanning: one rule entry per rule ID (with its help text), one result per
/// finding, with its location and a partial fingerprint; the SemVer verdict as the run's notification.
public struct SARIFReporter: CheckReporter {
    public static let toolVersion = ToolVersion.current

    public init() {}

    public func render(_ result: CheckResult) throws -> String {
        let ids = Array(Set(result.findings.map(\.rule))).sorted()
        let rules: [ReportTree] = ids.map { id in
            let info = RuleCatalog.rule(id)?.info
            return .object([
                ("id", .string(id)),
                ("shortDescription", .object([("text", .string(info?.title ?? id))])),
                ("fullDescription", .object([("text", .string(info?.summary ?? id))])),
                ("help", .object([("text", .string(info?.rationale ?? "Reported by protocompat's configuration checks."))])),
                (
                    "properties",
                    .object([("tags", .array(BufCategory.allCases.filter { info?.bufCategories.contains($0) ?? false }.map { .string("buf:" + $0.rawValue) }))])
                ),
            ])
        }
        let results: [ReportTree] = result.findings.map { finding in
            let level = Severity(result, finding).sarif
            var fields: [(String, ReportTree)] = [
                ("ruleId", .string(finding.rule)),
                ("ruleIndex", .int(ids.firstIndex(of: finding.rule) ?? 0)),
                ("level", .string(level)),
                (
                    "message",
                    .object([("text", .string(Checker.message(finding) + (finding.witness.map { " " + WitnessText.sentence($0, result) + "." } ?? "")))])
                ),
            ]
            let path = finding.location?.file ?? finding.file
            if !path.isEmpty {
                var physical: [(String, ReportTree)] = [("artifactLocation", .object([("uri", .string(path))]))]
                if let location = finding.location, location.line > 0 {
                    physical.append(("region", .object([("startLine", .int(location.line)), ("startColumn", .int(max(location.column, 1)))])))
                }
                fields.append(("locations", .array([.object([("physicalLocation", .object(physical))])])))
            }
            fields.append(("partialFingerprints", .object([("protocompat/v1", .string(finding.fingerprint))])))
            fields.append(
                (
                    "properties",
                    .object([
                        ("wire", .string(finding.verdicts.wire.rawValue)), ("json", .string(finding.verdicts.json.rawValue)),
                        ("source", .string(finding.verdicts.source.rawValue)), ("direction", .string(finding.direction.rawValue)),
                        ("symbol", .string(finding.symbol)),
                    ])
                ))
            return .object(fields)
        }
        var run: [(String, ReportTree)] = [
            (
                "tool",
                .object([
                    (
                        "driver",
                        .object([
                            ("name", .string("protocompat")),
                            ("version", .string(Self.toolVersion)),
                            ("informationUri", .string("https://github.com/protocompat/protocompat")),
                            ("rules", .array(rules)),
                        ])
                    )
                ])
            ),
            ("results", .array(results)),
        ]
        // The SemVer verdict (`--semver`) has no place in a file: it is a notification of the run (an
        // error when the number understates the changes, which fails the run), and the run's property.
        if let semver = result.semver {
            run.append(
                (
                    "invocations",
                    .array([
                        .object([
                            ("executionSuccessful", .bool(semver.ok)),
                            (
                                "toolExecutionNotifications",
                                .array([
                                    .object([
                                        ("descriptor", .object([("id", .string("semver"))])),
                                        ("level", .string(semver.ok ? "note" : "error")),
                                        ("message", .object([("text", .string(semver.sentence))])),
                                    ])
                                ])
                            ),
                        ])
                    ])
                ))
            run.append(("properties", .object([("semver", ReportDocument.semverTree(semver))])))
        }
        let document: ReportTree = .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(run)])),
        ])
        return document.json() + "\n"
    }
}
