import Compat
import Foundation
import ProtoModel

/// For every ordered pair (reader version, writer version): can the reader read what the writer
/// wrote, per view? A newer reader meets old data (backward findings), an older reader meets new data
/// (forward findings); each unordered pair is checked once and read both ways.
public struct CompatibilityMatrix: Sendable {
    public struct Cell: Sendable, Equatable {
        public var wire: Verdict
        public var json: Verdict
        /// Findings that are not safe, in the views that count (wire and JSON).
        public var count: Int

        public init(wire: Verdict, json: Verdict, count: Int) {
            self.wire = wire
            self.json = json
            self.count = count
        }

        /// The cell of one reader's view of a pair's findings.
        public init(_ reader: FindingTally.ReaderView) {
            self.init(wire: reader.wire, json: reader.json, count: reader.count)
        }

        /// The worst of the wire and JSON verdicts.
        public var verdict: Verdict { max(wire, json) }
    }

    public var labels: [String]
    /// cells[reader][writer]; the diagonal is compatible.
    public var cells: [[Cell]]

    public init(labels: [String], cells: [[Cell]]) {
        self.labels = labels
        self.cells = cells
    }

    /// Only the last `n` versions.
    public func suffix(_ n: Int) -> CompatibilityMatrix {
        let start = max(0, labels.count - n)
        return CompatibilityMatrix(labels: Array(labels[start...]), cells: cells[start...].map { Array($0[start...]) })
    }

    static func word(_ verdict: Verdict) -> String {
        switch verdict {
        case .safe: "compatible"
        case .hazard: "hazard"
        case .breaking: "breaking"
        }
    }

    /// Rows are readers, columns writers; each cell: wire/JSON verdict letters and the count.
    public func markdown(title: String) -> String {
        var out = "# \(title)\n\nRows: the reader's version. Columns: the writer's version. Each cell: wire / JSON verdict "
        out += "(`ok` compatible, `H` hazard, `B` breaking) and how many changes are not safe for that reader.\n\n"
        out += "| reader \\ writer | " + labels.joined(separator: " | ") + " |\n"
        out += "|---|" + String(repeating: "---|", count: labels.count) + "\n"
        for (r, reader) in labels.enumerated() {
            out +=
                "| **\(reader)** | "
                + labels.indices.map { w in
                    if r == w { return "-" }
                    let cell = cells[r][w]
                    let letter = { (v: Verdict) in v == .safe ? "ok" : v == .hazard ? "H" : "B" }
                    return cell.count == 0 ? "ok" : "\(letter(cell.wire))/\(letter(cell.json)) \(cell.count)"
                }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// The same content as a document (YAML, JSON).
    public var tree: ReportTree {
        .object([
            ("versions", .array(labels.map { .string($0) })),
            (
                "cells",
                .array(
                    labels.indices.flatMap { r in
                        labels.indices.compactMap { w -> ReportTree? in
                            guard r != w else { return nil }
                            let cell = cells[r][w]
                            return .object([
                                ("reader", .string(labels[r])), ("writer", .string(labels[w])),
                                ("wire", .string(Self.word(cell.wire))), ("json", .string(Self.word(cell.json))), ("changes", .int(cell.count)),
                            ])
                        }
                    })
            ),
        ])
    }
}

/// A matrix report in its formats: the reader x writer matrix and the per-channel matrices.
public protocol MatrixDocument: Sendable {
    func markdown(title: String) -> String
    func svg(title: String) -> String
    var tree: ReportTree { get }
}

extension CompatibilityMatrix: MatrixDocument {}
extension ChannelMatrix: MatrixDocument {}
