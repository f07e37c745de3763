import Compat

/// The matrix as an SVG heatmap: rows are readers, columns writers, one colour per verdict (worst of
/// wire and JSON), version labels on both axes and a legend. Cells shrink to keep 200+ versions readable.
extension CompatibilityMatrix {
    public func svg(title: String) -> String {
        let panel = HeatmapSVG(
            labels: labels, title: title, caption: "rows: reader version; columns: writer version; colour: worst of wire and JSON",
            verdict: { r, w in r == w ? nil : cells[r][w].verdict },
            tooltip: { r, w in
                r == w
                    ? labels[r]
                    : "reader \(labels[r]), writer \(labels[w]): wire \(Self.word(cells[r][w].wire)), JSON \(Self.word(cells[r][w].json)), \(cells[r][w].count) changes"
            })
        return HeatmapSVG.document([panel], columns: 1)
    }
}
