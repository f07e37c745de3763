import Foundation
import ProtoModel

extension CheckConfig {
    /// The rule selection the config asks for, given the command line's.
    public func selection(default selection: CheckOptions.RuleSelection) -> CheckOptions.RuleSelection {
        if use.count == 1, let category = BufCategory(rawValue: use[0]), except.isEmpty { return .buf(category) }
        return selection
    }

    /// Whether a rule runs: `use` (rule IDs or buf categories) and `except` narrow the default set.
    func allows(_ rule: any CompatRule) -> Bool {
        let id = rule.info.id
        let named = { (list: [String]) in list.contains(id) || list.contains { BufCategory(rawValue: $0).map(rule.info.bufCategories.contains) ?? false } }
        if !use.isEmpty, !named(use) { return false }
        return !named(except)
    }

    /// A symbol glob: `*` matches any run of characters.
    static func matches(_ glob: String, _ text: String) -> Bool {
        // Most patterns are plain names: no splitting for those.
        guard glob.utf8.contains(UInt8(ascii: "*")) else { return glob == text }
        let parts = glob.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return glob == text }
        guard text.hasPrefix(parts[0]) else { return false }
        var rest = text.dropFirst(parts[0].count)
        for part in parts.dropFirst().dropLast() {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return rest.hasSuffix(parts.last!)
    }

    /// A package whose last version component is not stable (v1alpha1, v1beta1, v1test, ...).
    static func isUnstable(_ package: String) -> Bool {
        guard let last = package.split(separator: ".").last, last.hasPrefix("v"), last.count > 1 else { return false }
        let rest = last.dropFirst().drop { $0.isNumber }
        return !rest.isEmpty && (rest.hasPrefix("alpha") || rest.hasPrefix("beta") || rest.hasPrefix("test") || rest.hasPrefix("p"))
    }

    /// Applies the config to a result: drops ignored findings, and reports expired and unused ignores.
    public func apply(to result: inout CheckResult, today: String, packages: [String: String]) {
        var used = Set<Int>()
        var kept: [Finding] = []
        var extra: [Finding] = []
        for finding in result.findings {
            let path = finding.location?.file ?? finding.file
            if ignorePaths.contains(where: { path.hasPrefix($0) }) { continue }
            if let paths = ignoreOnly[finding.rule], paths.contains(where: { path.hasPrefix($0) }) { continue }
            if ignoreUnstablePackages, let package = packages[path], Self.isUnstable(package) { continue }
            var ignored = false
            for (index, entry) in ignores.enumerated()
            where (entry.rule == "*" || entry.rule == finding.rule) && Self.matches(entry.symbol, finding.symbol) {
                used.insert(index)
                if let expires = entry.expires, expires <= today { continue }
                ignored = true
            }
            if !ignored { kept.append(finding) }
        }
        for (index, entry) in ignores.enumerated() {
            if let expires = entry.expires, expires <= today {
                extra.append(
                    Finding(
                        rule: "CONFIG_IGNORE_EXPIRED", symbol: entry.symbol, verdicts: Verdicts(wire: .hazard, json: .hazard, source: .hazard),
                        direction: .none, location: nil, previousLocation: nil, file: path,
                        arguments: [
                            .message:
                                "The ignore of \(entry.rule) for \"\(entry.symbol)\" expired on \(expires) (\(entry.reason)): fix the change or extend the expiry.",
                            .index: String(index),
                        ]))
            } else if !used.contains(index) {
                extra.append(
                    Finding(
                        rule: "CONFIG_IGNORE_UNUSED", symbol: entry.symbol, verdicts: .safe, direction: .none, location: nil,
                        previousLocation: nil, file: path,
                        arguments: [.message: "The ignore of \(entry.rule) for \"\(entry.symbol)\" matched nothing: remove it.", .index: String(index)]))
            }
        }
        result.findings = kept + extra
    }
}
