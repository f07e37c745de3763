import ProtoModel

/// One lexical token of a .proto file, located by UTF-8 byte offsets with precomputed line and column.
/// A token holds no references (string values and comments live in the lexer's side tables, found
/// by index), so the token array copies and reads without reference counting.
struct Token: Sendable {
    enum Kind: UInt8, Sendable, Equatable {
        case identifier
        case integer
        case float
        case string
        case symbol
        case endOfFile
    }

    var kind: Kind
    private var storedStart: Int32
    private var storedEnd: Int32
    private var storedLine: Int32
    private var storedColumn: Int32
    private var storedEndLine: Int32
    private var storedEndColumn: Int32
    /// Index of the decoded value in `Lexer.stringValues`, for string literals (-1 otherwise).
    var stringIndex: Int32 = -1
    /// The comments between the previous token and this one: `Lexer.commentBlocks[commentStart..<commentEnd]`.
    var commentStart: Int32 = 0
    var commentEnd: Int32 = 0

    init(kind: Kind, start: Int, end: Int, line: Int, column: Int, endLine: Int, endColumn: Int) {
        self.kind = kind
        storedStart = Int32(clamping: start)
        storedEnd = Int32(clamping: end)
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
        storedEndLine = Int32(clamping: endLine)
        storedEndColumn = Int32(clamping: endColumn)
    }

    var start: Int { Int(storedStart) }
    var end: Int { Int(storedEnd) }
    var line: Int { Int(storedLine) }
    var column: Int { Int(storedColumn) }
    var endLine: Int { Int(storedEndLine) }
    var endColumn: Int { Int(storedEndColumn) }
    /// The comment blocks before this token, as indexes into `Lexer.commentBlocks`.
    var commentRange: Range<Int> { Int(commentStart)..<Int(commentEnd) }
}

/// A run of comments: consecutive `//` lines, or one `/* */` block, with the line it ends on (as
/// protoc's tokenizer groups them: a `//` comment on the line of the token before it stands alone).
struct CommentBlock: Sendable {
    var text: String
    var startLine: Int
    var endLine: Int
    /// `//` lines, as opposed to one `/* */` comment.
    var isLine: Bool
}
