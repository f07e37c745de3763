import Support
import Testing

/// The screen that tells whether a few digests are pairwise different (the front end's JSON-name
/// check skips its exact comparison when they are): its table on the stack, and the sort past it.
struct DistinctDigestsTests {
    static func allDifferent(_ values: [UInt64]) -> Bool {
        var copy = values
        return copy.withUnsafeMutableBufferPointer { DistinctDigests.allDifferent(&$0) }
    }

    @Test func tellsRepeatsFromDistinctValues() {
        #expect(Self.allDifferent([]))
        #expect(Self.allDifferent([1]))
        #expect(Self.allDifferent([1, 2, 3, 1 << 7, 1 << 8]))
        #expect(!Self.allDifferent([5, 9, 5]))
        // Values that fall into one slot (the same bits above the seventh) are still told apart.
        #expect(Self.allDifferent([1, 2, 3, 4]))
        #expect(!Self.allDifferent([3, 1, 2, 3]))
    }

    @Test func zeroCountsAsARepeat() {
        #expect(!Self.allDifferent([0]))
        #expect(!Self.allDifferent([4, 0, 8]))
    }

    @Test func manyValuesAreSortedInsteadOfPlaced() {
        let many = (1...2_000).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }
        #expect(Self.allDifferent(many))
        #expect(!Self.allDifferent(many + [many[1_234]]))
    }
}

/// FNV-1a, fed a byte at a time: the published test vectors, and the same digest however the bytes
/// are fed.
struct FNV1aTests {
    @Test func matchesThePublishedVectors() {
        #expect(FNV1a.digest([UInt8]()) == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a.digest(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a.digest(Array("foobar".utf8)) == 0x8594_4171_f739_67e8)
    }

    @Test func byteByByteIsTheSameDigest() {
        var hasher = FNV1a()
        for byte in "room_name".utf8 { hasher.add(byte) }
        #expect(hasher.value == FNV1a.digest(Array("room_name".utf8)))
    }
}
