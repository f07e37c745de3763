import ProtoModel
import Support

/// Hashing of what a model element says, leaving out where it was written (spans) and its comments:
/// what model digests are made of; and the equality that goes with it. It reads the model in place;
/// hashing a copy stripped of source information copied every array of every file first. Every stored
/// property but spans and comments is combined, arrays with their count, optionals with their
/// presence, so that different contents feed different input. The model types' conformances are
/// generated from their declarations (`Generated/ModelContent.swift`, by scripts/generate-model-code.py),
/// so a new property cannot be left out; only `OptionValue`, an enum with payloads, is written here.
protocol ContentHashable {
    /// Feeds everything but source locations and comments to `hasher`.
    func combineContent(into hasher: inout ContentHasher)
    /// Whether `other` says the same, source locations and comments aside.
    func sameContent(as other: Self) -> Bool
}

extension Array: ContentHashable where Element: ContentHashable {
    func combineContent(into hasher: inout ContentHasher) {
        hasher.combine(count)
        for index in indices { self[index].combineContent(into: &hasher) }
    }

    func sameContent(as other: [Element]) -> Bool {
        count == other.count && indices.allSatisfy { self[$0].sameContent(as: other[$0]) }
    }
}

extension OptionValue: ContentHashable {
    func combineContent(into hasher: inout ContentHasher) {
        switch self {
        case .bool(let value):
            hasher.combine(0 as UInt8)
            hasher.combine(value)
        case .int(let value):
            hasher.combine(1 as UInt8)
            hasher.combine(value)
        case .uint(let value):
            hasher.combine(2 as UInt8)
            hasher.combine(value)
        case .double(let value):
            hasher.combine(3 as UInt8)
            hasher.combine(value)
        case .string(let value):
            hasher.combine(4 as UInt8)
            hasher.combine(value)
        case .bytes(let value):
            hasher.combine(5 as UInt8)
            hasher.combine(value)
        case .enumValue(let value):
            hasher.combine(6 as UInt8)
            hasher.combine(value)
        case .message(let value):
            hasher.combine(7 as UInt8)
            value.combineContent(into: &hasher)
        case .list(let values):
            hasher.combine(8 as UInt8)
            values.combineContent(into: &hasher)
        }
    }
}

extension OptionValue {
    /// Equal values; messages and lists compared by content (an option statement's place aside).
    func sameContent(as other: OptionValue) -> Bool {
        switch (self, other) {
        case (.message(let a), .message(let b)): a.sameContent(as: b)
        case (.list(let a), .list(let b)): a.sameContent(as: b)
        default: self == other
        }
    }
}
