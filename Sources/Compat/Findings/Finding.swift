import ProtoModel

/// One change between two versions, as a rule saw it. Text is rendered late, from the rule ID and
/// the typed arguments; the fingerprint (rule, symbol, arguments) follows it across commits.
public struct Finding: Sendable, Hashable, Codable {
    public var rule: String
    /// The element: a full name (`pkg.Message`, `pkg.Message.field`, `pkg.Service.Method`) or a file path.
    public var symbol: String
    /// The field or enum value number, when the element has one.
    public var number: Int32?
    public var verdicts: Verdicts
    public var direction: Direction
    /// Where it is in the new version (for a deletion: the nearest surviving parent); nil when nothing survives.
    public var location: SourceSpan?
    /// Where it was in the old version.
    public var previousLocation: SourceSpan?
    /// The file the finding belongs to (new version, or old when deleted).
    public var file: String
    /// Where to point a reader: the new location, or the old one when the finding has no file in
    /// the new version (a package gone from every file).
    public var place: SourceSpan? { location.flatMap { $0.file.isEmpty ? nil : $0 } ?? previousLocation }
    /// The values the message is rendered from (`old`, `new`, and rule-specific keys).
    public var arguments: FindingArguments
    /// The channels (roles) the finding touches; empty when no channel reaches it. Not part of the fingerprint.
    public var channels: [ChannelImpact] = []
    /// A message that shows the finding's effect, or why none can (`--explain`); not part of the fingerprint.
    public var witness: WitnessOutcome?

    public init(
        rule: String, symbol: String, number: Int32? = nil, verdicts: Verdicts, direction: Direction,
        location: SourceSpan?, previousLocation: SourceSpan?, file: String, arguments: FindingArguments = [:]
    ) {
        self.rule = rule
        self.symbol = symbol
        self.number = number
        self.verdicts = verdicts
        self.direction = direction
        self.location = location
        self.previousLocation = previousLocation
        self.file = file
        self.arguments = arguments
    }

    /// What makes two findings one when rules report the same change twice: the fingerprint's parts
    /// (rule, symbol, number, arguments) and where the finding starts.
    struct Identity: Hashable {
        let rule: String
        let symbol: String
        let number: Int32?
        let arguments: FindingArguments
        let file: String?
        let line: Int?
        let column: Int?

        /// Arguments are compared, not hashed: hashing a dictionary costs a hasher per entry, and two
        /// findings of one rule, symbol and place almost never differ in them.
        func hash(into hasher: inout Hasher) {
            hasher.combine(rule)
            hasher.combine(symbol)
            hasher.combine(number)
            hasher.combine(file)
            hasher.combine(line)
            hasher.combine(column)
        }
    }

    var identity: Identity {
        Identity(
            rule: rule, symbol: symbol, number: number, arguments: arguments, file: location?.file,
            line: location?.line, column: location?.column)
    }

    /// The findings without repeats (the first of each `identity`), in order.
    public static func unique(_ findings: [Finding]) -> [Finding] {
        var seen = Set<Identity>()
        return findings.filter { seen.insert($0.identity).inserted }
    }

    /// A stable hash of rule, symbol, number and arguments (never of text or line numbers).
    public var fingerprint: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            hash ^= 0xFF
            hash = hash &* 0x100_0000_01b3
        }
        mix(rule)
        mix(symbol)
        mix(number.map(String.init) ?? "")
        for (key, value) in arguments.sorted {
            mix(key.rawValue)
            mix(value)
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
