import Compat

/// How every report shows a witness: in words for people (text, Markdown, SARIF, GitHub), as an
/// object for programs (JSON, YAML).
enum WitnessText {
    /// The version's label with its role: `v2 (new)`.
    static func label(_ side: Witness.Side, old: String, new: String) -> String {
        side == .old ? "\(old) (old)" : "\(new) (new)"
    }

    static func lines(_ outcome: WitnessOutcome, _ result: CheckResult) -> [String] {
        lines(outcome, old: result.old.label, new: result.new.label)
    }

    /// Two or three lines: what the writer sends, and what the reader makes of it (or why there is no witness).
    static func lines(_ outcome: WitnessOutcome, old: String, new: String) -> [String] {
        func label(_ side: Witness.Side) -> String { Self.label(side, old: old, new: new) }
        switch outcome {
        case .none(let reason), .notFound(let reason):
            return ["no witness: \(reason)"]
        case .shown(let witness):
            var lines = ["witness (\(name(witness.encoding))): \(label(witness.writer)) sends \(witness.type) \(witness.sent)"]
            if let bytes = witness.bytes { lines.append("  bytes: \(bytes.isEmpty ? "(none)" : bytes)") }
            if let error = witness.error {
                lines.append("  \(label(witness.reader)) refuses it: \(error)")
            } else {
                var read = "  \(label(witness.reader)) reads \(witness.received ?? "{}")"
                if !witness.unknownFields.isEmpty {
                    read += " (kept as unknown: field \(witness.unknownFields.map(String.init).joined(separator: ", ")))"
                }
                lines.append(read)
            }
            return lines
        }
    }

    static func name(_ encoding: Witness.Encoding) -> String {
        switch encoding {
        case .binary: "binary"
        case .json: "ProtoJSON"
        case .jsonProtoNames: "ProtoJSON, field names as keys"
        }
    }

    /// A collapsible Markdown block: the rule and element in the summary, the witness's lines inside.
    static func details(_ finding: Finding, _ outcome: WitnessOutcome, _ result: CheckResult) -> String {
        var out = "\n<details><summary>\(finding.rule) <code>\(ReportText.html(finding.symbol))</code>: "
        out += (outcome.isShown ? "witness" : "no witness") + "</summary>\n\n```\n"
        return out + lines(outcome, result).joined(separator: "\n") + "\n```\n\n</details>\n"
    }

    /// One sentence, for a SARIF result or a GitHub annotation.
    static func sentence(_ outcome: WitnessOutcome, _ result: CheckResult) -> String {
        lines(outcome, result).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "; ")
    }

    /// The `witness` (or `no_witness`) member of a finding in JSON and YAML.
    static func member(_ outcome: WitnessOutcome) -> (String, ReportTree) {
        switch outcome {
        case .none(let reason):
            return ("no_witness", .string(reason))
        case .notFound(let reason):
            return ("no_witness", .object([("reason", .string(reason)), ("search", .string("exhausted"))]))
        case .shown(let witness):
            var fields: [(String, ReportTree)] = [
                ("writer", .string(witness.writer.rawValue)), ("reader", .string(witness.reader.rawValue)),
                ("encoding", .string(witness.encoding.rawValue)), ("type", .string(witness.type)), ("sent", .string(witness.sent)),
            ]
            if let bytes = witness.bytes { fields.append(("bytes", .string(bytes))) }
            if let received = witness.received { fields.append(("received", .string(received))) }
            if let error = witness.error { fields.append(("error", .string(error))) }
            if !witness.unknownFields.isEmpty { fields.append(("unknown_fields", .array(witness.unknownFields.map { .int(Int($0)) }))) }
            return ("witness", .object(fields))
        }
    }
}
