/// Where an element was written: a file and a half-open range of UTF-8 byte offsets,
/// with the 1-based line and column of both ends precomputed by the lexer so that
/// reports and snapshots need no source text to render a location.
///
/// A span holds no references (the file is an interned `SourceFileID`, the positions 32-bit), so
/// the many spans of a parsed schema copy as plain bytes: a syntax tree or model is copied and
/// dropped without reference counting per span.
public struct SourceSpan: Sendable, Hashable {
    /// The file, interned: equal paths have equal identifiers within a process.
    public var fileID: SourceFileID
    @usableFromInline var storedLine: Int32
    @usableFromInline var storedColumn: Int32
    @usableFromInline var storedEndLine: Int32
    @usableFromInline var storedEndColumn: Int32
    @usableFromInline var storedOffset: Int32
    @usableFromInline var storedEndOffset: Int32

    /// The file's path as imported (relative to its include root).
    public var file: String {
        get { fileID.path }
        set { fileID = SourceFileID(newValue) }
    }
    /// 1-based line of the first byte.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }
    /// 1-based column (in UTF-8 bytes) of the first byte.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }
    /// 1-based line of the last byte's end.
    public var endLine: Int {
        get { Int(storedEndLine) }
        set { storedEndLine = Int32(clamping: newValue) }
    }
    /// 1-based column just past the last byte.
    public var endColumn: Int {
        get { Int(storedEndColumn) }
        set { storedEndColumn = Int32(clamping: newValue) }
    }
    /// UTF-8 byte offset of the first byte.
    public var offset: Int {
        get { Int(storedOffset) }
        set { storedOffset = Int32(clamping: newValue) }
    }
    /// UTF-8 byte offset just past the last byte.
    public var endOffset: Int {
        get { Int(storedEndOffset) }
        set { storedEndOffset = Int32(clamping: newValue) }
    }

    public init(file: String, line: Int, column: Int, endLine: Int, endColumn: Int, offset: Int, endOffset: Int) {
        self.init(
            fileID: SourceFileID(file), line: line, column: column, endLine: endLine, endColumn: endColumn,
            offset: offset, endOffset: endOffset)
    }

    /// A span in an already interned file (what the lexer and parser use: one interning per file).
    /// Inlinable: the parser makes hundreds of thousands, from 32-bit token positions.
    @inlinable
    public init(fileID: SourceFileID, line: Int, column: Int, endLine: Int, endColumn: Int, offset: Int, endOffset: Int) {
        self.fileID = fileID
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
        storedEndLine = Int32(clamping: endLine)
        storedEndColumn = Int32(clamping: endColumn)
        storedOffset = Int32(clamping: offset)
        storedEndOffset = Int32(clamping: endOffset)
    }

    /// `path:line:col`, the form every diagnostic and text report uses.
    public var description: String { "\(file):\(line):\(column)" }

    /// A span covering both `self` and `other` (which must be in the same file).
    @inlinable
    public func extended(to other: SourceSpan) -> SourceSpan {
        var result = self
        result.storedEndLine = other.storedEndLine
        result.storedEndColumn = other.storedEndColumn
        result.storedEndOffset = other.storedEndOffset
        return result
    }
}

extension SourceSpan: Codable {
    /// Encoded as one string, `file:line:column-endLine:endColumn@offset-endOffset`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let at = text.lastIndex(of: "@"), let colon = text[..<at].lastIndex(of: "-").flatMap({ text[..<$0].lastIndex(of: ":") }),
            let fileEnd = text[..<colon].lastIndex(of: ":")
        else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "bad span \"\(text)\": expected file:line:column-endLine:endColumn@offset-endOffset"))
        }
        let numbers = text[text.index(after: fileEnd)...].split(whereSeparator: { $0 == ":" || $0 == "-" || $0 == "@" }).compactMap { Int($0) }
        guard numbers.count == 6 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad span \"\(text)\""))
        }
        self.init(
            file: String(text[..<fileEnd]), line: numbers[0], column: numbers[1], endLine: numbers[2],
            endColumn: numbers[3], offset: numbers[4], endOffset: numbers[5])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode("\(file):\(line):\(column)-\(endLine):\(endColumn)@\(offset)-\(endOffset)")
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
