import Compat
import ProtoModel
import Reports
import Support

/// Building the per-channel client x server matrices: every ordered pair of versions checked as `pair`
/// checks it, the client's version as the old one.
extension ChannelMatrix {
    /// Builds the matrices of `schemas` (oldest first) for the config's channels, using all cores.
    public static func build(labels: [String], schemas: [Schema], config: CheckConfig?, level: Level = .wireJSON) -> ChannelMatrix {
        build(labels: labels, versions: SchemaPair.Version.all(schemas), config: config, level: level)
    }

    /// Builds the matrices of versions already indexed (oldest first), using all cores.
    public static func build(labels: [String], versions: [SchemaPair.Version], config: CheckConfig?, level: Level = .wireJSON) -> ChannelMatrix {
        let count = versions.count
        var jobs: [(Int, Int)] = []
        for i in 0..<count { for j in 0..<count where i != j { jobs.append((i, j)) } }
        let results = ParallelMap.run(jobs) { i, j -> ([ChannelMatrix.Cell], [Channel]) in
            let result = Checker.check(
                SchemaPair(old: versions[i], new: versions[j]), oldSide: .init(label: labels[i], source: labels[i]),
                newSide: .init(label: labels[j], source: labels[j]),
                options: CheckOptions(level: level, channels: config?.channels), config: config)
            return (answerCells(PairAnalysis(result)), result.channels)
        }
        let channels =
            results.first?.1.filter { channel in
                (channel.writer == PairAnalysis.serverRole) != (channel.reader == PairAnalysis.serverRole)
            } ?? []
        let safe = ChannelMatrix.Cell(verdict: .safe, count: 0)
        var cells = Array(repeating: Array(repeating: Array(repeating: safe, count: count), count: count), count: channels.count)
        for ((client, server), (answers, _)) in zip(jobs, results) {
            for c in channels.indices { cells[c][client][server] = answers[c] }
        }
        return ChannelMatrix(labels: labels, channels: channels, cells: cells)
    }

    /// A cell per channel: the channel's verdict for its reader and how many findings are not safe.
    static func answerCells(_ analysis: PairAnalysis) -> [Cell] {
        analysis.answers.map { Cell(verdict: $0.verdict, count: $0.findings.count) }
    }
}
