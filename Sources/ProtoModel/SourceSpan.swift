/// Where an element was written: a file and a half-open range of UTF-8 byte offsets,
/// with the 1-based line and column of both ends precomputed by the lexer so that
/// reports and snapshots need no source text to render a location.
public struct SourceSpan: Sendable, Hashable, Codable {
    /// The file's path as imported (relative to its include root).
    public var file: String
    /// 1-based line of the first byte.
    public var line: Int
    /// 1-based column (in UTF-8 bytes) of the first byte.
    public var column: Int
    /// 1-based line of the last byte's end.
    public var endLine: Int
    /// 1-based column just past the last byte.
    public var endColumn: Int
    /// UTF-8 byte offset of the first byte.
    public var offset: Int
    /// UTF-8 byte offset just past the last byte.
    public var endOffset: Int

    public init(file: String, line: Int, column: Int, endLine: Int, endColumn: Int, offset: Int, endOffset: Int) {
        self.file = file
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.offset = offset
        self.endOffset = endOffset
    }

    /// `path:line:col`, the form every diagnostic and text report uses.
    public var description: String { "\(file):\(line):\(column)" }

    /// A span covering both `self` and `other` (which must be in the same file).
    public func extended(to other: SourceSpan) -> SourceSpan {
        SourceSpan(file: file, line: line, column: column, endLine: other.endLine,
                   endColumn: other.endColumn, offset: offset, endOffset: other.endOffset)
    }
}

/// The comments attached to an element, as protoc attaches them: the block right before it
/// (leading), the one right after it on the same or next line (trailing), and the detached
/// blocks before the leading one.
public struct Comments: Sendable, Hashable, Codable {
    public var leading: String?
    public var trailing: String?
    public var detached: [String]

    public init(leading: String? = nil, trailing: String? = nil, detached: [String] = []) {
        self.leading = leading
        self.trailing = trailing
        self.detached = detached
    }

    /// True when no comment is attached at all.
    public var isEmpty: Bool { leading == nil && trailing == nil && detached.isEmpty }
}
