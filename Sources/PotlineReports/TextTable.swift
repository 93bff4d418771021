import Foundation
import LinearModel
import PotlineFiles
import PotlineFormulation
import PotlineNetwork
import PotlineResults
import PotlineSolve
import PotlineStudies

/// An aligned plain-text table: text columns left-aligned, number columns right-aligned.
package struct TextTable {
    package enum Alignment: Sendable { case left, right }

    package var titles: [String]
    package var alignments: [Alignment]
    package private(set) var rows: [[String]] = []

    package init(_ columns: [(title: String, alignment: Alignment)]) {
        titles = columns.map(\.title)
        alignments = columns.map(\.alignment)
    }

    package mutating func add(_ cells: [String]) { rows.append(cells) }

    package func render(indent: String = "  ") -> String {
        var widths = titles.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { i, cell in
                let gap = String(repeating: " ", count: max(0, widths[i] - cell.count))
                return alignments[i] == .left ? cell + gap : gap + cell
            }
            // Padding of the last cells goes; trimmed by hand, a regex here cost 98% of a report's time.
            var text = indent + padded.joined(separator: "  ")
            while let last = text.last, last.isWhitespace { text.removeLast() }
            return text
        }
        let rule = indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        return ([line(titles), rule] + rows.map(line)).joined(separator: "\n")
    }
}
