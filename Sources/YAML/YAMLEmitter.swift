import CYAML

/// Writes a `YAMLNode` as a block-style YAML document through libyaml; quoted scalars are written
/// double-quoted, the others plain (`needsQuotes` tells when a string must be quoted). Stable output.
public enum YAMLEmitter {
    public static func emit(_ node: YAMLNode) throws -> String {
        var emitter = yaml_emitter_t()
        guard yaml_emitter_initialize(&emitter) == 1 else { throw YAMLError("cannot initialize the YAML emitter") }
        defer { yaml_emitter_delete(&emitter) }
        let sink = OutputSink()
        let context = Unmanaged.passUnretained(sink).toOpaque()
        yaml_emitter_set_output(
            &emitter,
            { data, buffer, size in
                guard let data, let buffer else { return 0 }
                Unmanaged<OutputSink>.fromOpaque(data).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
                return 1
            }, context)
        yaml_emitter_set_unicode(&emitter, 1)
        yaml_emitter_set_width(&emitter, -1)
        yaml_emitter_set_indent(&emitter, 2)

        func send(_ make: (inout yaml_event_t) -> Int32) throws {
            var event = yaml_event_t()
            guard make(&event) == 1 else { throw YAMLError("cannot create a YAML event") }
            guard yaml_emitter_emit(&emitter, &event) == 1 else {
                throw YAMLError("YAML emitter error: \(emitter.problem.map { String(cString: $0) } ?? "unknown")")
            }
        }

        func emitNode(_ node: YAMLNode) throws {
            switch node {
            case .scalar(let text, let quoted):
                let style = quoted ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_PLAIN_SCALAR_STYLE
                var bytes = Array(text.utf8)
                let count = Int32(bytes.count)
                try bytes.withUnsafeMutableBufferPointer { buffer in
                    try send { yaml_scalar_event_initialize(&$0, nil, nil, buffer.baseAddress, count, 1, 1, style) }
                }
            case .sequence(let items):
                try send { yaml_sequence_start_event_initialize(&$0, nil, nil, 1, items.isEmpty ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE) }
                for item in items { try emitNode(item) }
                try send { yaml_sequence_end_event_initialize(&$0) }
            case .mapping(let pairs):
                try send { yaml_mapping_start_event_initialize(&$0, nil, nil, 1, pairs.isEmpty ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE) }
                for pair in pairs {
                    try emitNode(.scalar(pair.key, quoted: needsQuotes(pair.key)))
                    try emitNode(pair.value)
                }
                try send { yaml_mapping_end_event_initialize(&$0) }
            }
        }

        try send { yaml_stream_start_event_initialize(&$0, YAML_UTF8_ENCODING) }
        try send { yaml_document_start_event_initialize(&$0, nil, nil, nil, 1) }
        try emitNode(node)
        try send { yaml_document_end_event_initialize(&$0, 1) }
        try send { yaml_stream_end_event_initialize(&$0) }
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    /// True when a plain scalar would be read back as something other than this string.
    public static func needsQuotes(_ text: String) -> Bool {
        if text.isEmpty { return true }
        if YAMLScalar.implicitValue(text) != nil { return true }
        // YAML 1.1 readers (PyYAML) also take these for booleans.
        if ["y", "Y", "n", "N"].contains(text) { return true }
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return true }
        if first == " " || last == " " { return true }
        if "-?:,[]{}#&*!|>'\"%@`~".unicodeScalars.contains(first) { return true }
        if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") { return true }
        return text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }
}

private final class OutputSink {
    var bytes: [UInt8] = []
}

/// How a plain scalar is read (YAML 1.2 core schema, plus yes/no/on/off as YAML 1.1 readers do).
public enum YAMLScalar {
    /// What a plain (unquoted) scalar means when it is not a string.
    public enum Value: Equatable, Sendable {
        case null
        case bool(Bool)
        case int(Int64)
        case double(Double)
    }

    /// The meaning of a plain scalar, or nil when it is a string.
    public static func implicitValue(_ text: String) -> Value? {
        switch text {
        case "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return .bool(true)
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        default: break
        }
        if let int = Int64(text) { return .int(int) }
        if text.hasPrefix("0x"), let int = Int64(text.dropFirst(2), radix: 16) { return .int(int) }
        if text.hasPrefix("0o"), let int = Int64(text.dropFirst(2), radix: 8) { return .int(int) }
        if text.unicodeScalars.allSatisfy({ "0123456789.eE+-".unicodeScalars.contains($0) }),
            text.unicodeScalars.contains(where: { ("0"..."9").contains($0) }), let double = Double(text)
        {
            return .double(double)
        }
        return nil
    }
}
