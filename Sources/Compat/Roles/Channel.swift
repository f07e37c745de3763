/// One way data travels between two roles: which messages, who writes them, who reads them, in
/// which encodings. A finding in a message reachable from a channel says what it does to that
/// channel ("old clients reading binary from new servers break").
public struct Channel: Sendable, Hashable {
    /// An encoding a channel carries.
    public enum Encoding: String, Sendable, Hashable, CaseIterable {
        case binary, json
    }

    /// The JSON field names writers emit: lowerCamelCase (`json_name`, ProtoJSON's default), the
    /// proto names (`UseProtoNames`, Twirp's JSON responses), or either (not said).
    public enum JSONNames: String, Sendable, Hashable {
        case camel, proto, any
    }

    /// What JSON readers do with a field or enum name they do not know.
    public enum UnknownJSON: String, Sendable, Hashable {
        /// They reject the document (strict parsers; several webhook receivers in the wild).
        case reject
        /// They skip it (ProtoJSON's `ignore_unknown_fields`, Twirp servers).
        case ignore
        /// Not said: judged as protocompat's JSON view does (a hazard).
        case unspecified
    }

    public var name: String
    /// The role that writes the channel's messages (`client`, `server`, `worker`, `receiver`, ...).
    public var writer: String
    /// The role that reads them.
    public var reader: String
    /// Root messages (or enums) by full name (`*` globs allowed).
    public var messages: [String]
    /// Services (full-name globs) whose request types are the channel's roots.
    public var requestsOf: [String]
    /// Services (full-name globs) whose response types are the channel's roots.
    public var responsesOf: [String]
    public var encodings: [Encoding]
    public var jsonNames: JSONNames
    public var unknownJSON: UnknownJSON
    /// One line for reports.
    public var summary: String

    public init(
        name: String, writer: String, reader: String, messages: [String] = [], requestsOf: [String] = [],
        responsesOf: [String] = [], encodings: [Encoding] = [.binary, .json], jsonNames: JSONNames = .any,
        unknownJSON: UnknownJSON = .unspecified, summary: String = ""
    ) {
        self.name = name
        self.writer = writer
        self.reader = reader
        self.messages = messages
        self.requestsOf = requestsOf
        self.responsesOf = responsesOf
        self.encodings = encodings
        self.jsonNames = jsonNames
        self.unknownJSON = unknownJSON
        self.summary = summary
    }

    /// The views this channel is judged in: the encodings it carries, plus generated code.
    public var views: [View] {
        encodings.map { $0 == .binary ? View.wire : View.json } + [.source]
    }

    /// Whether the channel carries the methods of a service (its requests or its responses).
    public func covers(service: String) -> Bool {
        (requestsOf + responsesOf).contains { CheckConfig.matches($0, service) }
    }

    /// The channels every service implies when no `roles:` are configured: its requests go from
    /// clients to servers, its responses back, in binary and JSON.
    public static func serviceDefaults(_ services: [String]) -> [Channel] {
        services.sorted().flatMap { service in
            [
                Channel(
                    name: service + " requests", writer: "client", reader: "server", requestsOf: [service],
                    summary: "requests of \(service), written by clients, read by servers"),
                Channel(
                    name: service + " responses", writer: "server", reader: "client", responsesOf: [service],
                    summary: "responses of \(service), written by servers, read by clients"),
            ]
        }
    }
}
