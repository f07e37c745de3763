import Foundation
import ProtoModel

/// A compatibility rule: a stable ID (buf's where buf has the same rule), a description that is data
/// (it drives `protocompat rules`, docs/rules.md and the example tests), and a check over a pair.
public protocol CompatRule: Sendable {
    var info: RuleInfo { get }
    /// Every change this rule sees between the two versions.
    func check(_ pair: SchemaPair) -> [Finding]
    /// The finding's text, rendered from its arguments.
    func message(_ finding: Finding) -> String
    /// Whether a finding of this rule can be other than safe on the wire or in JSON. Rules whose
    /// findings only ever break code (a deleted message, a file option) say no, and a matrix, which
    /// counts wire and JSON verdicts only, leaves them out.
    var affectsWireOrJSON: Bool { get }
    /// What kind of change the rule reports: where a changelog files a finding that breaks nothing.
    var changeKind: ChangeKind { get }
    /// Whether the rule runs in precise mode (`--level`); buf's per-level variants of a check leave
    /// that to their exact twin, which sees every change and carries protocompat's verdicts.
    var runsInPreciseMode: Bool { get }
    /// What of a pair the rule walks: the engine runs it only where that is (`RuleScope`).
    var scope: RuleScope { get }
    /// Whether the rule reads which messages and enums files define (a matrix keys its reuse on them).
    var readsTypeNames: Bool { get }
    /// A finding's JSON verdict on a channel that carries JSON, given the names its writers emit and
    /// what its readers do with unknown names (`roles:`).
    func jsonVerdict(_ finding: Finding, in channel: Channel) -> Verdict
    /// Why no single message can show a finding of this rule (a contract, a name, a number kept
    /// free), or nil when a witness is searched for (`check --explain`).
    func noWitnessReason(_ finding: Finding) -> String?
    /// The kind of element a finding names (a changelog groups and counts additions and removals by
    /// it), or nil when the rule reports a change to an element that stays.
    func subject(_ finding: Finding) -> ElementKind?
    /// The rules whose finding on the same element this rule's finding restates (a twin that also
    /// asks for a reservation, a JSON name that follows a rename): reports show it in that finding's
    /// entry, under that finding's message, as one change.
    var restates: [any CompatRule.Type] { get }
    /// The file options whose value can change what the rule finds in a field that is otherwise the
    /// same (`java_string_check_utf8`, `features`): a comparison keeps such a file's unchanged fields
    /// when one of them changed (`UnchangedFields`).
    var fileOptionsReadForFields: [String] { get }
}

extension CompatRule {
    /// What the rule finds in `pair`, as the engine runs it: nothing where the pair does not hold
    /// the rule's scope.
    public func findings(in pair: SchemaPair) -> [Finding] {
        scope.isHeld(by: pair) ? check(pair) : []
    }

    public var affectsWireOrJSON: Bool { true }
    public var changeKind: ChangeKind { .change }
    public var runsInPreciseMode: Bool { true }
    public var scope: RuleScope { .pairedElements }
    public var readsTypeNames: Bool { false }
    public func jsonVerdict(_ finding: Finding, in channel: Channel) -> Verdict { finding.verdicts.json }
    public func noWitnessReason(_ finding: Finding) -> String? { nil }
    public func subject(_ finding: Finding) -> ElementKind? { nil }
    public var restates: [any CompatRule.Type] { [] }
    public var fileOptionsReadForFields: [String] { [] }
}

/// The kinds of element findings name, as reports spell them.
public enum ElementKind: String, Sendable, CaseIterable {
    case file, package, message
    case enumType = "enum"
    case field
    case enumValue = "value"
    case oneof, service
    case method = "RPC"
    case extensionField = "extension"

    /// `field`, `enum`, `RPC`, ... (an enum value is a `value` of its enum).
    public var noun: String { rawValue }

    /// `fields`, `enums`, `RPCs`.
    public var plural: String { rawValue + "s" }

    /// `2 fields`, `1 enum`, `3 RPCs`.
    public func count(_ n: Int) -> String { "\(n) \(n == 1 ? noun : plural)" }

    /// Whether the element lives inside another one that reports name (a field in its message).
    public var isMember: Bool { self == .field || self == .enumValue || self == .method || self == .oneof }
}

/// What a rule reports, for changelogs: a finding that breaks nothing is filed by it.
public enum ChangeKind: Sendable {
    case addition, deprecation, deletion, change
}

/// What a rule is, as data.
public struct RuleInfo: Sendable {
    public var id: String
    public var title: String
    /// One sentence: what the rule checks.
    public var summary: String
    /// Why such a change breaks (or does not), with the protobuf documentation it rests on.
    public var rationale: String
    /// buf's categories when buf has this rule (empty for protocompat's own rules).
    public var bufCategories: Set<BufCategory>
    /// Before/after pairs that must (or must not) trigger the rule: the tests and the docs.
    public var examples: [RuleExample]

    public init(
        id: String, title: String, summary: String, rationale: String, bufCategories: Set<BufCategory>,
        examples: [RuleExample]
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.rationale = rationale
        self.bufCategories = bufCategories
        self.examples = examples
    }
}

/// An example pair of versions (one `test.proto` each; an empty text means the file does not exist).
/// A text can hold several files: a line `// file: NAME.proto` starts the next one. A `«` marks
/// where a finding points: in `after` its location, in `before` its previous location; the marks
/// are not part of the files.
public struct RuleExample: Sendable {
    /// The character that marks where a finding points.
    public static let mark: Character = "«"

    /// A marked place: a file of the example and the 1-based line and column (UTF-8 bytes) of the
    /// character after the mark, in the file without its marks.
    public struct Place: Hashable, Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var column: Int

        public init(file: String, line: Int, column: Int) {
            self.file = file
            self.line = line
            self.column = column
        }

        public var description: String { "\(file):\(line):\(column)" }
    }

    /// The files of one side, by name (marks removed): the text before the first `// file:` line is
    /// `test.proto`.
    public static func files(_ text: String) -> [String: String] {
        markedFiles(text).mapValues { $0.filter { $0 != mark } }
    }

    /// The places a side's marks point to.
    public static func places(_ text: String) -> Set<Place> {
        var places = Set<Place>()
        for (name, body) in markedFiles(text) {
            var line = 1
            var column = 1
            for character in body {
                if character == mark {
                    places.insert(Place(file: name, line: line, column: column))
                } else if character == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += character.utf8.count
                }
            }
        }
        return places
    }

    /// The text without its marks (what docs show).
    public static func unmarked(_ text: String) -> String { text.filter { $0 != mark } }

    /// The files of one side with their marks.
    static func markedFiles(_ text: String) -> [String: String] {
        var files: [String: String] = [:]
        var name = "test.proto"
        var lines: [Substring] = []
        func flush() {
            let body = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if !body.isEmpty { files[name] = body }
            lines = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("// file: ") {
                flush()
                name = String(line.dropFirst("// file: ".count)).trimmingCharacters(in: .whitespaces)
            } else {
                lines.append(line)
            }
        }
        flush()
        return files
    }

    public var before: String
    public var after: String
    /// How many findings of the rule the pair must produce (0: must not trigger).
    public var findings: Int
    /// The verdicts the first finding must carry, when given.
    public var verdicts: Verdicts?

    public init(before: String, after: String, findings: Int, verdicts: Verdicts? = nil) {
        self.before = before
        self.after = after
        self.findings = findings
        self.verdicts = verdicts
    }
}

/// buf's category sets: FILE ⊃ PACKAGE ⊃ WIRE_JSON ⊃ WIRE, with per-level variants of some checks.
extension Set where Element == BufCategory {
    static let wire: Set<BufCategory> = [.WIRE, .WIRE_JSON, .PACKAGE, .FILE]
    static let wireJSON: Set<BufCategory> = [.WIRE_JSON, .PACKAGE, .FILE]
    static let filePackage: Set<BufCategory> = [.PACKAGE, .FILE]
}
