import Support
import Testing

/// Rarely written parts kept out of line: empty until written, one reference wide, and copies that
/// behave as values (writing one leaves the other as it was).
struct SparseTests {
    struct Parts: SparseParts {
        var note: String?
        var count: Int?
    }

    @Test func partsAreNilUntilOneIsWritten() {
        var sparse = Sparse<Parts>()
        #expect(sparse.parts == nil && sparse[\.note] == nil)
        sparse[\.count] = 3
        #expect(sparse[\.count] == 3 && sparse[\.note] == nil && sparse.parts != nil)
    }

    @Test func copiesAreValues() {
        var first = Sparse<Parts>()
        first[\.note] = "a"
        var second = first
        second[\.note] = "b"
        second.change { $0.count = 1 }
        #expect(first[\.note] == "a" && first[\.count] == nil)
        #expect(second[\.note] == "b" && second[\.count] == 1)
    }

    @Test func isOneReferenceWide() {
        #expect(MemoryLayout<Sparse<Parts>>.size == MemoryLayout<Int>.size)
    }
}
