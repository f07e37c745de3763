import YAML

extension CheckConfig {
    static let channelKeys: Set<String> = [
        "summary", "messages", "requests_of", "responses_of", "writer", "reader",
        "encodings", "json_names", "unknown_json",
    ]

    /// The `roles:` section: a mapping from channel name to who writes which messages to whom, how.
    ///
    ///     roles:
    ///       signal-request:
    ///         messages: [livekit.SignalRequest]   # or requests_of / responses_of: [service globs]
    ///         writer: client
    ///         reader: server
    ///         encodings: [binary, json]           # default: both
    ///         json_names: camel                   # camel | proto | any (default)
    ///         unknown_json: ignore                # reject | ignore | unspecified (default)
    static func channels(_ node: YAMLNode, _ source: ConfigSource) throws(Failure) -> [Channel] {
        guard let pairs = node.mappingPairs else {
            throw source.failure(["roles"], "roles must be a mapping from a channel name to its messages, writer and reader")
        }
        var channels: [Channel] = []
        for (name, body) in pairs {
            let at = "roles.\(name)"
            let path = ["roles", name]
            guard let fields = body.mappingPairs else { throw source.failure(path, "\(at) must be a mapping") }
            for (key, _) in fields where !channelKeys.contains(key) {
                throw source.failure(path + [key], "unknown key \"\(at).\(key)\": use \(channelKeys.sorted().joined(separator: ", "))")
            }
            guard let writer = body["writer"]?.scalarText, let reader = body["reader"]?.scalarText else {
                throw source.failure(path, "\(at) needs a writer and a reader (role names such as client, server)")
            }
            var channel = Channel(name: name, writer: writer, reader: reader, summary: body["summary"]?.scalarText ?? "")
            channel.messages = try body["messages"].map { node throws(Failure) in try strings(node, path + ["messages"], source) } ?? []
            channel.requestsOf = try body["requests_of"].map { node throws(Failure) in try strings(node, path + ["requests_of"], source) } ?? []
            channel.responsesOf = try body["responses_of"].map { node throws(Failure) in try strings(node, path + ["responses_of"], source) } ?? []
            if channel.messages.isEmpty && channel.requestsOf.isEmpty && channel.responsesOf.isEmpty {
                throw source.failure(path, "\(at) carries nothing: give messages, requests_of or responses_of")
            }
            if let list = body["encodings"] {
                let names = try strings(list, path + ["encodings"], source)
                channel.encodings = []
                for (position, encoding) in names.enumerated() {
                    guard let value = Channel.Encoding(rawValue: encoding) else {
                        throw source.failure(path + ["encodings", String(position)], "\(at).encodings: unknown encoding \"\(encoding)\": use binary, json")
                    }
                    channel.encodings.append(value)
                }
                if channel.encodings.isEmpty { throw source.failure(path + ["encodings"], "\(at).encodings is empty: use binary, json or both") }
            }
            if let text = body["json_names"]?.scalarText {
                guard let names = Channel.JSONNames(rawValue: text) else {
                    throw source.failure(path + ["json_names"], "\(at).json_names must be camel, proto or any, not \"\(text)\"")
                }
                channel.jsonNames = names
            }
            if let text = body["unknown_json"]?.scalarText {
                guard let unknown = Channel.UnknownJSON(rawValue: text) else {
                    throw source.failure(path + ["unknown_json"], "\(at).unknown_json must be reject, ignore or unspecified, not \"\(text)\"")
                }
                channel.unknownJSON = unknown
            }
            channels.append(channel)
        }
        return channels
    }
}
