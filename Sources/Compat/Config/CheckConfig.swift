import Foundation
import YAML

/// `protocompat.yaml` (or the `breaking:` section of a `buf.yaml`): level, direction, rules to use or
/// leave out, and ignores that name a rule and an element, with a reason and an optional expiry.
public struct CheckConfig: Sendable, Equatable {
    /// One suppression: a rule ID (or `*`), a full-name glob, a required reason, an optional expiry date.
    public struct Ignore: Sendable, Equatable {
        public var rule: String
        public var symbol: String
        public var reason: String
        /// `YYYY-MM-DD`: from that day on the ignore no longer applies and is reported.
        public var expires: String?
    }

    public var level: Level?
    public var direction: Direction?
    /// Rule IDs (or buf categories) to run; empty: the default set.
    public var use: [String] = []
    public var except: [String] = []
    public var ignores: [Ignore] = []
    /// buf.yaml: file path prefixes whose findings are dropped, for every rule or per rule.
    public var ignorePaths: [String] = []
    public var ignoreOnly: [String: [String]] = [:]
    public var ignoreUnstablePackages = false
    /// The `roles:` section: channels findings are judged in; nil when the config has none.
    public var channels: [Channel]?
    /// The `semver:` section: the bump each kind of change needs (`check --semver`, `bump`, changelogs).
    public var semver: SemverPolicy?
    /// The file the config was read from (named in findings about its ignores).
    public var path = "protocompat.yaml"

    public init() {}

    /// A config file that cannot be used: the message names the file and what to fix.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    static let keys: Set<String> = ["version", "level", "direction", "rules", "ignore", "roles", "semver"]

    /// Reads `protocompat.yaml`, or a `buf.yaml` (by file name).
    public static func load(path: String) throws(Failure) -> CheckConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "\(path): error: cannot read the config file")
        }
        return try parse([UInt8](data), path: path)
    }

    /// Reads config text; `path` names it in errors (and picks buf.yaml's format by file name).
    public static func parse(_ bytes: [UInt8], path: String) throws(Failure) -> CheckConfig {
        let node: YAMLNode
        let source: ConfigSource
        do {
            let located = try YAMLParser.parseLocated(bytes)
            node = located.node
            source = ConfigSource(path: path, marks: located.marks)
        } catch {
            throw Failure(description: "\(path):\(error.line):\(error.column): error: not valid YAML: \(error.message)")
        }
        if (path as NSString).lastPathComponent.hasPrefix("buf.") {
            var config = try fromBuf(node, source)
            config.path = path
            return config
        }
        guard case .mapping(let pairs) = node else { throw source.failure([], "the config must be a mapping") }
        var config = CheckConfig()
        config.path = path
        for (key, value) in pairs {
            guard keys.contains(key) else {
                throw source.failure([key], "unknown key \"\(key)\": use \(keys.sorted().joined(separator: ", "))")
            }
            switch key {
            case "version":
                guard value.scalarText == "1" else { throw source.failure([key], "unsupported config version \"\(value.scalarText ?? "")\": use 1") }
            case "level":
                guard let level = value.scalarText.flatMap(Level.init(rawValue:)) else {
                    throw source.failure([key], "level must be wire, wire-json or source")
                }
                config.level = level
            case "direction":
                guard let text = value.scalarText, let direction = Direction(rawValue: text), direction != .none else {
                    throw source.failure([key], "direction must be backward, forward or both")
                }
                config.direction = direction
            case "rules":
                for (ruleKey, list) in (value.mappingPairs ?? []) {
                    guard ruleKey == "use" || ruleKey == "except" else {
                        throw source.failure([key, ruleKey], "unknown key \"rules.\(ruleKey)\": use rules.use or rules.except")
                    }
                    let ids = try strings(list, [key, ruleKey], source)
                    for (position, id) in ids.enumerated() where RuleCatalog.rule(id) == nil && BufCategory(rawValue: id) == nil {
                        throw source.failure([key, ruleKey, String(position)], "unknown rule \"\(id)\" in rules.\(ruleKey): see 'protocompat rules'")
                    }
                    if ruleKey == "use" { config.use = ids } else { config.except = ids }
                }
            case "roles":
                config.channels = try channels(value, source)
            case "semver":
                config.semver = try semverPolicy(value, source)
            default:
                guard case .sequence(let items) = value else { throw source.failure([key], "ignore must be a list") }
                for (index, item) in items.enumerated() {
                    config.ignores.append(try ignore(item, index: index, source))
                }
            }
        }
        return config
    }

    static func ignore(_ node: YAMLNode, index: Int, _ source: ConfigSource) throws(Failure) -> Ignore {
        let allowed: Set<String> = ["rule", "symbol", "reason", "expires"]
        let at = ["ignore", String(index)]
        for (key, _) in node.mappingPairs ?? [] where !allowed.contains(key) {
            throw source.failure(at + [key], "ignore[\(index)] has an unknown key \"\(key)\": use rule, symbol, reason, expires")
        }
        guard let rule = node["rule"]?.scalarText else { throw source.failure(at, "ignore[\(index)] needs a rule (a rule ID, or *)") }
        guard rule == "*" || RuleCatalog.rule(rule) != nil else {
            throw source.failure(at + ["rule"], "ignore[\(index)] names an unknown rule \"\(rule)\": see 'protocompat rules'")
        }
        guard let symbol = node["symbol"]?.scalarText else {
            throw source.failure(at, "ignore[\(index)] needs a symbol (a full name; * matches any run of characters)")
        }
        guard let reason = node["reason"]?.scalarText, !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw source.failure(at + ["reason"], "ignore[\(index)] needs a reason: say why this change is acceptable")
        }
        let expires = node["expires"]?.scalarText
        if let expires, !isDate(expires) {
            throw source.failure(at + ["expires"], "ignore[\(index)].expires must be a date YYYY-MM-DD, not \"\(expires)\"")
        }
        return Ignore(rule: rule, symbol: symbol, reason: reason, expires: expires)
    }

    /// `semver: {wire: major, json: minor, ...}`: each key a kind of change, each value a bump.
    static func semverPolicy(_ node: YAMLNode, _ source: ConfigSource) throws(Failure) -> SemverPolicy {
        guard let pairs = node.mappingPairs else {
            throw source.failure(["semver"], "semver must be a mapping of \(SemverPolicy.keys.joined(separator: ", ")) to major, minor, patch or none")
        }
        var policy = SemverPolicy()
        for (key, value) in pairs {
            guard let bump = value.scalarText.flatMap(Bump.init(name:)) else {
                throw source.failure(["semver", key], "semver.\(key) must be major, minor, patch or none")
            }
            guard policy.set(key, bump) else {
                throw source.failure(["semver", key], "unknown key \"semver.\(key)\": use \(SemverPolicy.keys.joined(separator: ", "))")
            }
        }
        return policy
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        return parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2 && parts.allSatisfy { Int($0) != nil }
    }

    static func strings(_ node: YAMLNode, _ at: [String], _ source: ConfigSource) throws(Failure) -> [String] {
        guard case .sequence(let items) = node else { throw source.failure(at, "\(at.joined(separator: ".")) must be a list") }
        return items.compactMap(\.scalarText)
    }

    /// A list of rule IDs and categories in buf.yaml. An unknown name is an error, as it is for buf:
    /// a misspelt `use` would otherwise select no rule at all and let every change pass.
    /// With `plugins:` declared, a name may be a plugin's rule, which protocompat does not run: such
    /// names are let through.
    static func bufRuleNames(_ node: YAMLNode, _ at: [String], _ source: ConfigSource, plugins: Bool) throws(Failure) -> [String] {
        let names = try strings(node, at, source)
        for (position, name) in names.enumerated() { try checkBufRuleName(name, at + [String(position)], source, plugins: plugins) }
        return names
    }

    static func checkBufRuleName(_ name: String, _ at: [String], _ source: ConfigSource, plugins: Bool) throws(Failure) {
        guard !plugins, RuleCatalog.rule(name) == nil, BufCategory(rawValue: name) == nil else { return }
        throw source.failure(
            at,
            "unknown rule or category \"\(name)\" in \(at.prefix(2).joined(separator: ".")): use FILE, PACKAGE, WIRE_JSON, WIRE or a rule ID (see 'protocompat rules')"
        )
    }

    /// buf.yaml's `breaking:` section (use, except, ignore, ignore_only, ignore_unstable_packages).
    static func fromBuf(_ node: YAMLNode, _ source: ConfigSource) throws(Failure) -> CheckConfig {
        var config = CheckConfig()
        guard let breaking = node["breaking"] else { return config }
        let plugins = node["plugins"] != nil
        for (key, value) in breaking.mappingPairs ?? [] {
            let at = ["breaking", key]
            switch key {
            case "use": config.use = try bufRuleNames(value, at, source, plugins: plugins)
            case "except": config.except = try bufRuleNames(value, at, source, plugins: plugins)
            case "ignore": config.ignorePaths = try strings(value, at, source)
            case "ignore_only":
                for (rule, paths) in value.mappingPairs ?? [] {
                    try checkBufRuleName(rule, at + [rule], source, plugins: plugins)
                    config.ignoreOnly[rule] = try strings(paths, at + [rule], source)
                }
            case "ignore_unstable_packages": config.ignoreUnstablePackages = value.scalarText == "true"
            case "disable_builtin": break
            default: throw source.failure(at, "unknown key \"breaking.\(key)\" in buf.yaml")
            }
        }
        return config
    }
}

/// A config file being read: its name and where each of its values is, so that an error names the
/// line and column to fix (`protocompat.yaml:4:5: error: ...`).
struct ConfigSource {
    var path: String
    var marks: YAMLMarks

    func failure(_ at: [String], _ message: String) -> CheckConfig.Failure {
        guard let position = marks.position(at) else { return CheckConfig.Failure(description: "\(path): error: \(message)") }
        return CheckConfig.Failure(description: "\(path):\(position.line):\(position.column): error: \(message)")
    }
}

extension YAMLNode {
    var mappingPairs: [(key: String, value: YAMLNode)]? {
        if case .mapping(let pairs) = self { return pairs }
        return nil
    }
}
