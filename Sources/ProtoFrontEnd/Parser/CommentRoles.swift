/// What the comments between two tokens are to protoc (its tokenizer's `NextWithComments`): the
/// previous token's trailing comment, comments detached from both, and the next token's leading
/// comment. protoc reads them between declarations, so the previous token is a declaration's `;`,
/// `{` or `}`, and the next one starts a declaration (or closes a block).
///
/// The rules, in protoc's order: a comment on the previous token's line is its trailing comment (a
/// `/* */` one only when nothing follows it on its line; otherwise every comment of the gap is
/// dropped). After that line, comments gather until a blank line, another kind of comment or the
/// next token; the first gathered comment that ends before a blank line, a new comment or a closing
/// `}`, with no blank line before it, is the previous token's trailing comment; later ones are
/// detached; what is gathered when the next token comes is its leading comment, unless that token
/// closes a block.
struct CommentRoles {
    /// Indexes into the lexer's comment blocks.
    var trailing: Int?
    var detached: [Int] = []
    var leading: Int?

    /// No comments at all.
    init() {}

    /// The roles of the comments before `tokens[tokenIndex]`; `closesScope` when that token is `}`,
    /// `]` or `)`.
    init(before tokenIndex: Int, tokens: [Token], blocks: [CommentBlock], closesScope: Bool) {
        let next = tokens[tokenIndex]
        // Most declarations have no comment before them: nothing to decide.
        if next.commentRange.isEmpty { return }
        let gap = next.commentRange
        var canAttach = tokenIndex > 0
        var buffer: Int?
        var position = 0
        // The first line not yet read.
        var lineAfter = 1
        func flush() {
            guard let gathered = buffer else { return }
            if canAttach {
                trailing = gathered
                canAttach = false
            } else {
                detached.append(gathered)
            }
            buffer = nil
        }
        if tokenIndex > 0 {
            let previousLine = tokens[tokenIndex - 1].endLine
            lineAfter = previousLine + 1
            if let first = gap.first, blocks[first].startLine == previousLine {
                let block = blocks[first]
                if !block.isLine {
                    let following = gap.count > 1 ? blocks[gap.lowerBound + 1].startLine : next.line
                    // Something follows on the comment's line: protoc cannot tell whose it is.
                    if following == block.endLine { return }
                }
                buffer = first
                flush()
                position = 1
                lineAfter = block.endLine + 1
            }
        }
        while position < gap.count {
            let block = blocks[gap.lowerBound + position]
            if block.startLine > lineAfter {
                // A blank line: what was gathered ends, and nothing after it trails the previous token.
                flush()
                canAttach = false
            }
            flush()
            buffer = gap.lowerBound + position
            lineAfter = block.endLine + 1
            position += 1
        }
        if next.line > lineAfter {
            flush()
            canAttach = false
        }
        // Closing a block: what was gathered belongs to nothing after it.
        if next.kind == .endOfFile || closesScope { flush() }
        leading = buffer
    }
}
