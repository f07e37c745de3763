/// Why no single message can show a finding: the reasons rules give (`CompatRule.noWitnessReason`).
public enum WitnessReasons {
    /// Service and RPC changes.
    public static let calls = "the RPC contract changes: a call fails (UNIMPLEMENTED, another message type or streaming), no message decodes differently"
    /// Packages and moved elements.
    public static let names =
        "full names change: the bytes of every message decode as before; RPC paths, google.protobuf.Any type URLs and reflection by name break"
    /// Reserved numbers and names taken back.
    public static let reuse = "no data written today reads differently: the break comes when a later version reuses the number or name"
    /// A field's default.
    public static let defaults =
        "a default is not sent: an unset field reads as the old default in old readers and the new one in new readers, which neither a decoded message nor its JSON shows"
    /// JSON format support.
    public static let jsonFormat =
        "the runtime still reads and writes this JSON; what changes is whether JSON name conflicts are refused when the schema is built"
    /// MessageSet.
    public static let messageSet = "the MessageSet wire format (items in groups of type_id and message) is not written by protocompat's witness encoder"
    /// Deleted extensions.
    public static let deletedExtension = "readers without the extension keep its data as unknown fields; the break comes when its number is reused"
}
