/// The smallest concrete message found that shows a finding's effect: what a writer of one version
/// sends and what a reader of the other makes of it (its ProtoJSON, or why it refuses the message).
/// The runtime oracle replays every witness with the official protobuf runtime.
public struct Witness: Sendable, Hashable, Codable {
    /// How the message travels.
    public enum Encoding: String, Sendable, Hashable, Codable {
        case binary, json
        /// ProtoJSON with the fields' own names as keys (`preserving_proto_field_name`).
        case jsonProtoNames = "json-proto-names"
    }

    /// The version that writes (`old` or `new`).
    public var writer: Side
    /// The version that reads.
    public var reader: Side
    public var encoding: Encoding
    /// The message type sent (its full name in the writer's version).
    public var type: String
    /// The message as the writer's ProtoJSON (what it means to the writer).
    public var sent: String
    /// The bytes on the wire, in hex (binary witnesses).
    public var bytes: String?
    /// What the reader makes of it, as the reader's ProtoJSON; nil when it refuses the message.
    public var received: String?
    /// Why the reader refuses the message; nil when it reads it.
    public var error: String?
    /// Top-level field numbers the reader kept as unknown fields (binary witnesses).
    public var unknownFields: [Int32]

    /// Which version of the pair.
    public enum Side: String, Sendable, Hashable, Codable {
        case old, new
    }
}

/// A witness, or why a finding has none.
public enum WitnessOutcome: Sendable, Hashable, Codable {
    case shown(Witness)
    /// No message can show the finding, for the reason given.
    case none(reason: String)
    /// One may exist, but none of the messages tried showed it (a gap in the search, or a verdict
    /// the engine over-claims: the oracle counts these).
    case notFound(reason: String)

    public var isShown: Bool {
        if case .shown = self { return true }
        return false
    }
}
