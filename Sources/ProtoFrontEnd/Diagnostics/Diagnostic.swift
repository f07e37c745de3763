import ProtoModel

/// One problem found in the input, located where possible, rendered as `path:line:col: error: message`.
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var severity: Severity
    public var message: String
    /// The file the problem is in, when there is no finer location.
    public var file: String?
    public var span: SourceSpan?

    public init(_ message: String, at span: SourceSpan?, severity: Severity = .error) {
        self.severity = severity
        self.message = message
        self.span = span
        self.file = span?.file
    }

    public init(_ message: String, file: String?, severity: Severity = .error) {
        self.severity = severity
        self.message = message
        self.file = file
        self.span = nil
    }

    public var description: String {
        if let span { return "\(span.file):\(span.line):\(span.column): \(severity.rawValue): \(message)" }
        if let file { return "\(file): \(severity.rawValue): \(message)" }
        return "\(severity.rawValue): \(message)"
    }
}

/// Every diagnostic of a failed compilation, in source order; thrown as one error.
public struct CompilationFailed: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
