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

        init(wire: Verdict, json: Verdict, count: Int) {
            self.wire = wire
            self.json = json
            self.count = count
        }

        init(_ reader: FindingTally.ReaderView) {
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

    /// Builds the matrix of `schemas` (oldest first), using both cores.
    public static func build(labels: [String], schemas: [Schema], config: CheckConfig? = nil) -> CompatibilityMatrix {
        build(labels: labels, versions: SchemaPair.Version.all(schemas), config: config)
    }

    /// Builds the matrix of versions already indexed (oldest first), using both cores.
    public static func build(labels: [String], versions: [SchemaPair.Version], config: CheckConfig? = nil) -> CompatibilityMatrix {
        let count = versions.count
        let safe = Cell(wire: .safe, json: .safe, count: 0)
        var cells = Array(repeating: Array(repeating: safe, count: count), count: count)
        var options = CheckOptions(channels: config?.channels)
        options.attributesChannels = false   // a cell counts verdicts only
        // Part by part, walking each row through the history, unless the config ignores findings by name.
        if let partial = PartialCheck(options: options, config: config, wireAndJSONOnly: true) {
            for (i, row) in MatrixWalk(check: partial, versions: versions).tallies().enumerated() {
                for (offset, tally) in row.enumerated() {
                    let j = i + 1 + offset
                    cells[j][i] = Cell(tally.reader(.backward))   // reader j (newer) reads data written by i
                    cells[i][j] = Cell(tally.reader(.forward))    // reader i (older) reads data written by j
                }
            }
            return CompatibilityMatrix(labels: labels, cells: cells)
        }
        var jobs: [(Int, Int)] = []
        for i in 0..<count { for j in (i + 1)..<max(count, i + 1) { jobs.append((i, j)) } }
        let results = ParallelMap.run(jobs) { [options] i, j -> (Cell, Cell) in
            let tally = FindingTally(Checker.check(SchemaPair(old: versions[i], new: versions[j]), oldSide: .init(label: labels[i], source: labels[i]),
                                                   newSide: .init(label: labels[j], source: labels[j]), options: options, config: config)
                .findings.map(FindingSummary.init))
            return (Cell(tally.reader(.backward)), Cell(tally.reader(.forward)))
        }
        for ((i, j), (newReader, oldReader)) in zip(jobs, results) {
            cells[j][i] = newReader
            cells[i][j] = oldReader
        }
        return CompatibilityMatrix(labels: labels, cells: cells)
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
            out += "| **\(reader)** | " + labels.indices.map { w in
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
            ("cells", .array(labels.indices.flatMap { r in labels.indices.compactMap { w -> ReportTree? in
                guard r != w else { return nil }
                let cell = cells[r][w]
                return .object([("reader", .string(labels[r])), ("writer", .string(labels[w])),
                                ("wire", .string(Self.word(cell.wire))), ("json", .string(Self.word(cell.json))), ("changes", .int(cell.count))])
            } })),
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
