import Compat
import ProtoModel

/// The check result as a document: the JSON shape of `check --format json`, which YAML repeats.
enum ReportDocument {
    static func tree(_ result: CheckResult) -> ReportTree {
        var fields: [(String, ReportTree)] = [
            ("old", .object([("label", .string(result.old.label)), ("source", .string(result.old.source))])),
            ("new", .object([("label", .string(result.new.label)), ("source", .string(result.new.source))])),
        ]
        switch result.options.rules {
        case .precise: fields.append(("level", .string(result.options.level.rawValue)))
        case .buf(let category): fields.append(("rules", .string("buf:" + category.rawValue)))
        }
        fields.append(("direction", .string(result.options.direction?.rawValue ?? "both")))
        fields.append(("breaking", .bool(result.isBreaking)))
        let summary = result.summary
        fields.append(
            (
                "summary",
                .object([
                    ("breaking", .int(summary[.breaking] ?? 0)), ("hazard", .int(summary[.hazard] ?? 0)),
                    ("safe", .int(summary[.safe] ?? 0)),
                ])
            ))
        if let semver = result.semver { fields.append(("semver", semverTree(semver))) }
        fields.append(("findings", .array(result.findings.map { finding(result, $0) })))
        return .object(fields)
    }

    /// The SemVer verdict as a document: the numbers, the bumps, whether it is enough, and the
    /// fingerprints of the findings that decided it.
    static func semverTree(_ semver: SemverVerdict) -> ReportTree {
        .object([
            ("old", .string(semver.old.description)), ("new", .string(semver.new.description)),
            ("required", .string(semver.required.description)), ("actual", .string(semver.actual.description)),
            ("needed", .string(semver.needed.description)), ("ok", .bool(semver.ok)),
            ("because", .array(semver.because.map { .string($0) })),
        ])
    }

    /// `error` when the finding fails the gate, `warning` for hazards, `info` otherwise.
    static func severity(_ result: CheckResult, _ finding: Finding) -> String {
        Severity(result, finding).document
    }

    static func finding(_ result: CheckResult, _ finding: Finding) -> ReportTree {
        var fields: [(String, ReportTree)] = [
            ("rule", .string(finding.rule)),
            ("title", .string(RuleCatalog.rule(finding.rule)?.info.title ?? finding.rule)),
            ("kind", .string(result.kind(of: finding).rawValue)),
            (
                "views",
                .object([
                    ("wire", .string(finding.verdicts.wire.rawValue)), ("json", .string(finding.verdicts.json.rawValue)),
                    ("source", .string(finding.verdicts.source.rawValue)),
                ])
            ),
            ("direction", .string(finding.direction.rawValue)),
            ("severity", .string(severity(result, finding))),
            ("symbol", .string(finding.symbol)),
        ]
        if let number = finding.number { fields.append(("number", .int(Int(number)))) }
        fields.append(("path", .string(finding.location?.file ?? finding.file)))
        fields.append(("line", .int(finding.location?.line ?? 0)))
        fields.append(("column", .int(finding.location?.column ?? 0)))
        if let previous = finding.previousLocation {
            fields.append(("previous", .object([("path", .string(previous.file)), ("line", .int(previous.line)), ("column", .int(previous.column))])))
        }
        fields.append(("message", .string(Checker.message(finding))))
        if let old = finding.arguments[.old] { fields.append(("old", .string(old))) }
        if let new = finding.arguments[.new] { fields.append(("new", .string(new))) }
        if !finding.channels.isEmpty || result.options.channels != nil {
            fields.append(
                (
                    "channels",
                    .array(
                        finding.channels.map { impact in
                            var entry: [(String, ReportTree)] = [
                                ("channel", .string(impact.channel)),
                                ("kind", .string(impact.verdicts.worst(of: result.options.level.views).rawValue)),
                            ]
                            if !impact.effect.isEmpty { entry.append(("effect", .string(impact.effect))) }
                            if !impact.route.isEmpty { entry.append(("route", .string(impact.route))) }
                            return .object(entry)
                        })
                ))
        }
        if let witness = finding.witness { fields.append(WitnessText.member(witness)) }
        fields.append(("fingerprint", .string(finding.fingerprint)))
        return .object(fields)
    }
}

/// `check --format json`.
public struct JSONReporter: CheckReporter {
    public init() {}
    public func render(_ result: CheckResult) throws -> String { ReportDocument.tree(result).json() + "\n" }
}

/// `check --format yaml`: the JSON report's content, through libyaml.
public struct YAMLReporter: CheckReporter {
    public init() {}
    public func render(_ result: CheckResult) throws -> String { try ReportDocument.tree(result).yaml() }
}
