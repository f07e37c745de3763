import Compat

/// One square heatmap of verdicts, drawn into an SVG at an offset: version labels on both axes,
/// one coloured cell per ordered pair, a tooltip per cell. The matrix and the per-channel
/// matrices draw with it; cells shrink so that 200+ versions stay readable.
struct HeatmapSVG {
    var labels: [String]
    var title: String
    var caption: String
    /// nil: the diagonal (grey).
    var verdict: (Int, Int) -> Verdict?
    var tooltip: (Int, Int) -> String

    var cell: Int { labels.count > 100 ? 6 : labels.count > 40 ? 10 : 16 }
    var labelWidth: Int { 8 + (labels.map(\.count).max() ?? 4) * (cell >= 10 ? 7 : 5) }
    var width: Int { labelWidth + 10 + labels.count * cell + 20 }
    var height: Int { labelWidth + 40 + labels.count * cell + 10 }

    /// The panel's elements, drawn with its top-left corner at (x, y).
    func draw(x: Int, y: Int) -> String {
        let n = labels.count
        let cell = cell
        let fontSize = cell >= 10 ? 10 : 6
        let top = y + labelWidth + 40
        let left = x + labelWidth + 10
        var out = "<text x=\"\(left)\" y=\"\(y + 20)\" font-size=\"14\" font-weight=\"bold\">\(Self.escape(title))</text>\n"
        out += "<text x=\"\(left)\" y=\"\(y + 36)\" font-size=\"10\">\(Self.escape(caption))</text>\n"
        for (i, label) in labels.enumerated() {
            let ly = top + i * cell + cell - 2
            out += "<text x=\"\(left - 4)\" y=\"\(ly)\" font-size=\"\(fontSize)\" text-anchor=\"end\">\(Self.escape(label))</text>\n"
            let lx = left + i * cell + cell - 2
            out += "<text x=\"\(lx)\" y=\"\(top - 4)\" font-size=\"\(fontSize)\" transform=\"rotate(-90 \(lx) \(top - 4))\">\(Self.escape(label))</text>\n"
        }
        for r in 0..<n {
            for c in 0..<n {
                let colour = verdict(r, c).map(Self.colour) ?? "#d9d9d9"
                out +=
                    "<rect x=\"\(left + c * cell)\" y=\"\(top + r * cell)\" width=\"\(cell - 1)\" height=\"\(cell - 1)\" fill=\"\(colour)\"><title>\(Self.escape(tooltip(r, c)))</title></rect>\n"
            }
        }
        return out
    }

    /// The legend row at (x, y).
    static func legend(x: Int, y: Int) -> String {
        var out = ""
        for (index, verdict) in [Verdict.safe, .hazard, .breaking].enumerated() {
            let lx = x + index * 130
            out += "<rect x=\"\(lx)\" y=\"\(y)\" width=\"14\" height=\"14\" fill=\"\(colour(verdict))\"/>\n"
            out += "<text x=\"\(lx + 20)\" y=\"\(y + 12)\" font-size=\"12\">\(CompatibilityMatrix.word(verdict))</text>\n"
        }
        return out
    }

    /// A whole document: panels in a grid of `columns`, a legend below.
    static func document(_ panels: [HeatmapSVG], columns: Int) -> String {
        let panelWidth = panels.map(\.width).max() ?? 0
        let panelHeight = panels.map(\.height).max() ?? 0
        let rows = (panels.count + columns - 1) / max(columns, 1)
        let width = panelWidth * min(columns, panels.count)
        let height = panelHeight * rows + 40
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" font-family=\"sans-serif\">\n"
        out += "<rect width=\"\(width)\" height=\"\(height)\" fill=\"white\"/>\n"
        for (index, panel) in panels.enumerated() {
            out += panel.draw(x: (index % columns) * panelWidth, y: (index / columns) * panelHeight)
        }
        out += legend(x: (panels.first?.labelWidth ?? 0) + 10, y: panelHeight * rows + 15)
        return out + "</svg>\n"
    }

    static func colour(_ verdict: Verdict) -> String {
        switch verdict {
        case .safe: "#4caf50"
        case .hazard: "#ffb300"
        case .breaking: "#e53935"
        }
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
