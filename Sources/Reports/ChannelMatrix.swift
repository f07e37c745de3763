import Compat
import ProtoModel

/// For every channel of the roles and every (client version, server version): does the channel
/// still work? Each cell is exactly what `pair CLIENT SERVER` answers: every ordered pair of
/// versions is checked with the client's version as the old one (rules are not all mirror images
/// of each other, so reading one check both ways would disagree with `pair`).
public struct ChannelMatrix: Sendable {
    /// A channel's verdict for one (client, server) and how many findings are not safe.
    public struct Cell: Sendable, Equatable {
        public var verdict: Verdict
        public var count: Int

        public init(verdict: Verdict, count: Int) {
            self.verdict = verdict
            self.count = count
        }
    }

    public var labels: [String]
    public var channels: [Channel]
    /// cells[channel][client][server]; the diagonal is compatible.
    public var cells: [[[Cell]]]

    public init(labels: [String], channels: [Channel], cells: [[[Cell]]]) {
        self.labels = labels
        self.channels = channels
        self.cells = cells
    }

    /// Only the last `n` versions.
    public func suffix(_ n: Int) -> ChannelMatrix {
        let start = max(0, labels.count - n)
        return ChannelMatrix(
            labels: Array(labels[start...]), channels: channels,
            cells: cells.map { matrix in matrix[start...].map { Array($0[start...]) } })
    }

    /// A section per channel: rows are the client's version, columns the server's.
    public func markdown(title: String) -> String {
        var out = "# \(title)\n\nOne table per channel. Rows: the version the client side runs (every role but `server`). "
        out += "Columns: the version the server runs. Each cell: the channel's verdict for its reader (`ok` compatible, `H` hazard, "
        out += "`B` breaking) and how many changes are not safe for it. Channels come from the roles of the preset or config.\n"
        for (c, channel) in channels.enumerated() {
            out += "\n## \(channel.name): \(channel.writer) -> \(channel.reader) (\(channel.encodings.map(\.rawValue).joined(separator: ", ")))\n\n"
            if !channel.summary.isEmpty { out += "\(channel.summary).\n\n" }
            out += "| client \\ server | " + labels.joined(separator: " | ") + " |\n"
            out += "|---|" + String(repeating: "---|", count: labels.count) + "\n"
            for (r, client) in labels.enumerated() {
                out +=
                    "| **\(client)** | "
                    + labels.indices.map { s in
                        if r == s { return "-" }
                        let cell = cells[c][r][s]
                        switch cell.verdict {
                        case .safe: return "ok"
                        case .hazard: return "H \(cell.count)"
                        case .breaking: return "B \(cell.count)"
                        }
                    }.joined(separator: " | ") + " |\n"
            }
        }
        return out
    }

    /// One heatmap per channel, two to a row.
    public func svg(title: String) -> String {
        let panels = channels.enumerated().map { c, channel in
            HeatmapSVG(
                labels: labels, title: "\(title): \(channel.name)",
                caption:
                    "rows: \(channel.writer == PairAnalysis.serverRole ? channel.reader : channel.writer) (client side) version; columns: server version; \(channel.writer) -> \(channel.reader), \(channel.encodings.map(\.rawValue).joined(separator: "+"))",
                verdict: { r, s in r == s ? nil : cells[c][r][s].verdict },
                tooltip: { r, s in
                    r == s
                        ? labels[r]
                        : "\(channel.name): client \(labels[r]), server \(labels[s]): \(CompatibilityMatrix.word(cells[c][r][s].verdict)), \(cells[c][r][s].count) changes"
                })
        }
        return HeatmapSVG.document(panels, columns: 2)
    }

    /// The same content as a document (YAML, JSON).
    public var tree: ReportTree {
        .object([
            ("versions", .array(labels.map { .string($0) })),
            (
                "channels",
                .array(
                    channels.enumerated().map { c, channel in
                        .object([
                            ("channel", .string(channel.name)), ("writer", .string(channel.writer)), ("reader", .string(channel.reader)),
                            (
                                "cells",
                                .array(
                                    labels.indices.flatMap { r in
                                        labels.indices.compactMap { s -> ReportTree? in
                                            guard r != s else { return nil }
                                            return .object([
                                                ("client", .string(labels[r])), ("server", .string(labels[s])),
                                                ("verdict", .string(CompatibilityMatrix.word(cells[c][r][s].verdict))), ("changes", .int(cells[c][r][s].count)),
                                            ])
                                        }
                                    })
                            ),
                        ])
                    })
            ),
        ])
    }
}
