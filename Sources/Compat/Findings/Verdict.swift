/// How bad a change is for one view of the data.
public enum Verdict: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
    /// Nothing that reads or writes this view can notice a problem.
    case safe
    /// Works by the spec, but some readers or writers misbehave (truncation, unknown values, strict JSON readers).
    case hazard
    /// Data written on one side is misread or rejected on the other, or generated code stops compiling.
    case breaking

    static let order: [Verdict] = [.safe, .hazard, .breaking]

    public static func < (lhs: Verdict, rhs: Verdict) -> Bool {
        order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }
}

/// The three views a change is judged in.
public enum View: String, Sendable, Hashable, Codable, CaseIterable {
    /// The binary encoding, plus the RPC contract (method paths, request and response types, streaming).
    case wire
    /// The proto3 JSON mapping: field names, json_name, enum value names, int64 as strings, ...
    case json
    /// Generated code: names, types and options that code generators read.
    case source
}

/// A finding's verdict in each view.
public struct Verdicts: Sendable, Hashable, Codable {
    public var wire: Verdict
    public var json: Verdict
    public var source: Verdict

    public init(wire: Verdict, json: Verdict, source: Verdict) {
        self.wire = wire
        self.json = json
        self.source = source
    }

    /// Breaks everything that sees it.
    public static let breakingEverywhere = Verdicts(wire: .breaking, json: .breaking, source: .breaking)
    /// Only generated code notices.
    public static let sourceOnly = Verdicts(wire: .safe, json: .safe, source: .breaking)
    /// JSON and generated code notice, the binary encoding does not.
    public static let jsonAndSource = Verdicts(wire: .safe, json: .breaking, source: .breaking)
    /// Only the binary encoding notices (a number moved: names, and so JSON and code, are unchanged).
    public static let wireOnly = Verdicts(wire: .breaking, json: .safe, source: .safe)
    public static let safe = Verdicts(wire: .safe, json: .safe, source: .safe)

    public subscript(view: View) -> Verdict {
        switch view {
        case .wire: wire
        case .json: json
        case .source: source
        }
    }

    /// The worst verdict among the given views.
    public func worst(of views: [View]) -> Verdict {
        views.map { self[$0] }.max() ?? .safe
    }
}

/// Who breaks: `backward` is a new reader of old data, `forward` an old reader of new data.
public enum Direction: String, Sendable, Hashable, Codable {
    case backward, forward, both, none

    /// The direction of whichever of the two ways break.
    public init(backward: Bool, forward: Bool) {
        switch (backward, forward) {
        case (true, true): self = .both
        case (true, false): self = .backward
        case (false, true): self = .forward
        case (false, false): self = .none
        }
    }

    /// Whether a reader of a newer version's data, reading older data, breaks.
    public var breaksBackward: Bool { self == .backward || self == .both }
    /// Whether a reader of an older version's data, reading newer data, breaks.
    public var breaksForward: Bool { self == .forward || self == .both }

    /// Both directions' breaks together.
    public func union(_ other: Direction) -> Direction {
        Direction(backward: breaksBackward || other.breaksBackward, forward: breaksForward || other.breaksForward)
    }
}

/// The gate levels of `--level`: which views make a finding count.
public enum Level: String, Sendable, Hashable, Codable, CaseIterable {
    case wire
    case wireJSON = "wire-json"
    case source

    /// The views a level judges by.
    public var views: [View] {
        switch self {
        case .wire: [.wire]
        case .wireJSON: [.wire, .json]
        case .source: [.wire, .json, .source]
        }
    }
}

/// buf's breaking-change categories, for `--rules buf:CATEGORY` (named as buf names them).
// swift-format-ignore: AlwaysUseLowerCamelCase
public enum BufCategory: String, Sendable, Hashable, Codable, CaseIterable {
    case FILE, PACKAGE, WIRE_JSON, WIRE
}
