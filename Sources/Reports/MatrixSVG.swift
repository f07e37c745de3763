import Compat

/// The matrix as an SVG heatmap: rows are readers, columns writers, one colour per verdict (worst of
/// wire and JSON), version labels on both axes and a legend. Cells shrink to keep 200+ versions readable.
extension CompatibilityMatrix {
    public func svg(title: String) -> String {
        let n = labels.count
        let cell = n > 100 ? 6 : n > 40 ? 10 : 16
        let labelWidth = 8 + (labels.map(\.count).max() ?? 4) * (cell >= 10 ? 7 : 5)
        let fontSize = cell >= 10 ? 10 : 6
        let top = labelWidth + 40, left = labelWidth + 10
        let width = left + n * cell + 20, height = top + n * cell + 70
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" font-family=\"sans-serif\">\n"
        out += "<rect width=\"\(width)\" height=\"\(height)\" fill=\"white\"/>\n"
        out += "<text x=\"\(left)\" y=\"20\" font-size=\"14\" font-weight=\"bold\">\(escape(title))</text>\n"
        out += "<text x=\"\(left)\" y=\"36\" font-size=\"10\">rows: reader version; columns: writer version; colour: worst of wire and JSON</text>\n"
        for (i, label) in labels.enumerated() {
            let y = top + i * cell + cell - 2
            out += "<text x=\"\(left - 4)\" y=\"\(y)\" font-size=\"\(fontSize)\" text-anchor=\"end\">\(escape(label))</text>\n"
            let x = left + i * cell + cell - 2
            out += "<text x=\"\(x)\" y=\"\(top - 4)\" font-size=\"\(fontSize)\" transform=\"rotate(-90 \(x) \(top - 4))\">\(escape(label))</text>\n"
        }
        for r in 0..<n {
            for w in 0..<n {
                let colour = r == w ? "#d9d9d9" : Self.colour(cells[r][w].verdict)
                let tooltip = r == w ? "\(labels[r])" : "reader \(labels[r]), writer \(labels[w]): wire \(Self.word(cells[r][w].wire)), JSON \(Self.word(cells[r][w].json)), \(cells[r][w].count) changes"
                out += "<rect x=\"\(left + w * cell)\" y=\"\(top + r * cell)\" width=\"\(cell - 1)\" height=\"\(cell - 1)\" fill=\"\(colour)\"><title>\(escape(tooltip))</title></rect>\n"
            }
        }
        let legendY = top + n * cell + 25
        for (index, verdict) in [Verdict.safe, .hazard, .breaking].enumerated() {
            let x = left + index * 130
            out += "<rect x=\"\(x)\" y=\"\(legendY)\" width=\"14\" height=\"14\" fill=\"\(Self.colour(verdict))\"/>\n"
            out += "<text x=\"\(x + 20)\" y=\"\(legendY + 12)\" font-size=\"12\">\(Self.word(verdict))</text>\n"
        }
        return out + "</svg>\n"
    }

    static func colour(_ verdict: Verdict) -> String {
        switch verdict {
        case .safe: "#4caf50"
        case .hazard: "#ffb300"
        case .breaking: "#e53935"
        }
    }

    func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
