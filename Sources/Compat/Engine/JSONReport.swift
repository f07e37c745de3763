import Foundation
import ProtoModel

/// The `check --format json` shape: later reporters build on it. Keys in a fixed order, findings sorted.
public enum JSONReport {
    public static func render(_ result: CheckResult) throws -> String {
        var object: [(String, Any)] = []
        object.append(("old", ordered([("label", result.old.label), ("source", result.old.source)])))
        object.append(("new", ordered([("label", result.new.label), ("source", result.new.source)])))
        switch result.options.rules {
        case .precise: object.append(("level", result.options.level.rawValue))
        case .buf(let category): object.append(("rules", "buf:" + category.rawValue))
        }
        object.append(("direction", result.options.direction?.rawValue ?? "both"))
        object.append(("breaking", result.isBreaking))
        let summary = result.summary
        object.append(("summary", ordered([("breaking", summary[.breaking] ?? 0), ("hazard", summary[.hazard] ?? 0), ("safe", summary[.safe] ?? 0)])))
        object.append(("findings", result.findings.map { finding -> OrderedObject in
            let rule = RuleCatalog.rule(finding.rule)
            var fields: [(String, Any)] = [
                ("rule", finding.rule),
                ("title", rule?.info.title ?? ""),
                ("kind", result.kind(of: finding).rawValue),
                ("views", ordered([("wire", finding.verdicts.wire.rawValue), ("json", finding.verdicts.json.rawValue),
                                   ("source", finding.verdicts.source.rawValue)])),
                ("direction", finding.direction.rawValue),
                ("severity", result.breaks(finding) ? "error" : result.kind(of: finding) == .hazard ? "warning" : "info"),
                ("symbol", finding.symbol),
            ]
            if let number = finding.number { fields.append(("number", Int(number))) }
            fields.append(("path", finding.location?.file ?? finding.file))
            fields.append(("line", finding.location?.line ?? 0))
            fields.append(("column", finding.location?.column ?? 0))
            if let previous = finding.previousLocation {
                fields.append(("previous", ordered([("path", previous.file), ("line", previous.line), ("column", previous.column)])))
            }
            fields.append(("message", Checker.message(finding)))
            if let old = finding.arguments["old"] { fields.append(("old", old)) }
            if let new = finding.arguments["new"] { fields.append(("new", new)) }
            fields.append(("fingerprint", finding.fingerprint))
            return ordered(fields)
        }))
        return serialize(ordered(object), indent: 0) + "\n"
    }

    struct OrderedObject { var fields: [(String, Any)] }

    static func ordered(_ fields: [(String, Any)]) -> OrderedObject { OrderedObject(fields: fields) }

    static func serialize(_ value: Any, indent: Int) -> String {
        let pad = String(repeating: "  ", count: indent + 1), closing = String(repeating: "  ", count: indent)
        switch value {
        case let object as OrderedObject:
            if object.fields.isEmpty { return "{}" }
            return "{\n" + object.fields.map { "\(pad)\(quote($0.0)): \(serialize($0.1, indent: indent + 1))" }.joined(separator: ",\n") + "\n\(closing)}"
        case let array as [OrderedObject]:
            if array.isEmpty { return "[]" }
            return "[\n" + array.map { pad + serialize($0, indent: indent + 1) }.joined(separator: ",\n") + "\n\(closing)]"
        case let text as String: return quote(text)
        case let flag as Bool: return flag ? "true" : "false"
        case let number as Int: return String(number)
        default: return "null"
        }
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20: out += String(format: "\\u%04x", c.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
