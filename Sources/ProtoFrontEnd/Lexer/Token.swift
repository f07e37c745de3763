import ProtoModel

/// One lexical token of a .proto file, located by UTF-8 byte offsets with precomputed line and column.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        case identifier
        case integer
        case float
        case string
        case symbol
        case endOfFile
    }

    var kind: Kind
    var start: Int
    var end: Int
    var line: Int
    var column: Int
    var endLine: Int
    var endColumn: Int
    /// The decoded bytes of a string literal (escapes applied).
    var stringValue: [UInt8] = []
    /// Comments between the previous token and this one (see `CommentBlock`).
    var commentsBefore: [CommentBlock] = []
}

/// A run of comments: consecutive `//` lines, or one `/* */` block, with the line it ends on.
struct CommentBlock: Sendable {
    var text: String
    var startLine: Int
    var endLine: Int
}
