import Compat
import ProtoModel
import Reports
import Support

/// Building the reader x writer matrix: every unordered pair of versions checked once (part by part,
/// walking each row through the history, unless the config ignores findings by name) and read both ways.
extension CompatibilityMatrix {
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
        options.attributesChannels = false  // a cell counts verdicts only
        // Part by part, walking each row through the history, unless the config ignores findings by name.
        if let partial = PartialCheck(options: options, config: config, wireAndJSONOnly: true) {
            for (i, row) in MatrixWalk(check: partial, versions: versions).tallies().enumerated() {
                for (offset, tally) in row.enumerated() {
                    let j = i + 1 + offset
                    cells[j][i] = Cell(tally.reader(.backward))  // reader j (newer) reads data written by i
                    cells[i][j] = Cell(tally.reader(.forward))  // reader i (older) reads data written by j
                }
            }
            return CompatibilityMatrix(labels: labels, cells: cells)
        }
        var jobs: [(Int, Int)] = []
        for i in 0..<count { for j in (i + 1)..<max(count, i + 1) { jobs.append((i, j)) } }
        let results = ParallelMap.run(jobs) { [options] i, j -> (Cell, Cell) in
            let tally = FindingTally(
                Checker.check(
                    SchemaPair(old: versions[i], new: versions[j]), oldSide: .init(label: labels[i], source: labels[i]),
                    newSide: .init(label: labels[j], source: labels[j]), options: options, config: config
                )
                .findings.map(FindingSummary.init))
            return (Cell(tally.reader(.backward)), Cell(tally.reader(.forward)))
        }
        for ((i, j), (newReader, oldReader)) in zip(jobs, results) {
            cells[j][i] = newReader
            cells[i][j] = oldReader
        }
        return CompatibilityMatrix(labels: labels, cells: cells)
    }
}
