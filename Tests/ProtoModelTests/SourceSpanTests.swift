import Foundation
import ProtoModel
import Support
import Testing

/// Spans hold their file as an interned identifier and their positions in 32 bits; what callers see
/// (paths, numbers, equality, the text coding) is as before.
struct SourceSpanTests {
    @Test func fileAndPositionsReadBack() {
        var span = SourceSpan(file: "dir/a.proto", line: 3, column: 7, endLine: 4, endColumn: 2, offset: 40, endOffset: 60)
        #expect(span.file == "dir/a.proto")
        let positions: [Int] = [span.line, span.column, span.endLine, span.endColumn, span.offset, span.endOffset]
        #expect(positions == [3, 7, 4, 2, 40, 60])
        #expect(span.description == "dir/a.proto:3:7")
        span.file = "b.proto"
        span.line = 9
        #expect(span.description == "b.proto:9:7")
        #expect(span.fileID == SourceFileID("b.proto"))
    }

    @Test func equalityFollowsThePath() {
        let a = SourceSpan(file: "same.proto", line: 1, column: 1, endLine: 1, endColumn: 2, offset: 0, endOffset: 1)
        let b = SourceSpan(fileID: SourceFileID("same.proto"), line: 1, column: 1, endLine: 1, endColumn: 2, offset: 0, endOffset: 1)
        let c = SourceSpan(file: "other.proto", line: 1, column: 1, endLine: 1, endColumn: 2, offset: 0, endOffset: 1)
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(a != c)
    }

    @Test func extendedKeepsTheStartAndTakesTheEnd() {
        let start = SourceSpan(file: "x.proto", line: 1, column: 5, endLine: 1, endColumn: 9, offset: 4, endOffset: 8)
        let end = SourceSpan(file: "x.proto", line: 3, column: 1, endLine: 3, endColumn: 2, offset: 30, endOffset: 31)
        #expect(start.extended(to: end) == SourceSpan(file: "x.proto", line: 1, column: 5, endLine: 3, endColumn: 2, offset: 4, endOffset: 31))
    }

    @Test func textCodingIsUnchanged() throws {
        let span = SourceSpan(file: "a b.proto", line: 2, column: 3, endLine: 4, endColumn: 5, offset: 6, endOffset: 7)
        let data = try JSONEncoder().encode([span])
        #expect(String(decoding: data, as: UTF8.self) == #"["a b.proto:2:3-4:5@6-7"]"#)
        #expect(try JSONDecoder().decode([SourceSpan].self, from: data) == [span])
    }

    @Test func internedFromManyThreadsAtOnce() {
        let paths = (0..<64).map { "thread/\($0 % 8).proto" }
        let ids = ParallelMap.run(paths) { SourceFileID($0) }
        for (path, id) in zip(paths, ids) {
            #expect(id.path == path)
            #expect(id == SourceFileID(path))
        }
    }

    @Test func positionsBeyond32BitsAreClampedNotWrapped() {
        let span = SourceSpan(file: "big.proto", line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: Int(Int32.max) + 10)
        #expect(span.endOffset == Int(Int32.max))
    }
}
