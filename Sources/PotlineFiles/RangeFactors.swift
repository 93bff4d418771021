import Foundation
import PotlineNetwork

extension UncertaintyFile {
    /// The uncertain inputs a network states itself: one factor per row of its `ranges.csv`,
    /// uniform from the row's low to its high, setting that one figure, independent of the other
    /// rows (an uncertainty file is the way to correlate them). A row whose figure a scenario
    /// changed (any cell of the figure's row, as ranges.csv checks) is left out (`heldByScenario`):
    /// sampling its base range would undo the scenario.
    public static func ranges(of network: Network) -> (file: UncertaintyFile, heldByScenario: [EstimateRange]) {
        var factors: [UncertainFactor] = []
        var held: [EstimateRange] = []
        for range in network.ranges {
            if range.valueChangedByScenario {
                held.append(range)
                continue
            }
            factors.append(
                UncertainFactor(
                    name: range.factorName, distribution: .uniform(low: range.low, high: range.high), mode: .set,
                    targets: [range.parameter], source: range.source))
        }
        return (UncertaintyFile(name: "ranges", file: RangeReader.file, factors: factors), held)
    }
}

extension EstimateRange {
    /// `TABLE ROW COLUMN` (`network.yaml KEY`), as reports name the factor.
    public var factorName: String {
        table == NetworkLoader.manifestFile ? "\(table) \(column)" : "\(table) \(row) \(column)"
    }

    /// The figure as a `sweep --set` path: `table[id=ROW].COLUMN`, `table[a=x,b=y].COLUMN` for a
    /// `a=x;b=y` selector, `manifest.KEY` for `network.yaml`.
    var parameter: SweepParameter {
        let table = self.table.hasSuffix(".csv") ? String(self.table.dropLast(4)) : self.table
        if self.table == NetworkLoader.manifestFile {
            return SweepParameter(target: .manifest, key: column, description: "manifest.\(column)")
        }
        let conditions: [Scenario.Condition] =
            row.contains("=")
            ? row.split(separator: ";").map { part in
                let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                return Scenario.Condition(column: pieces[0], values: [pieces[1]])
            }
            : [Scenario.Condition(column: "id", values: [row])]
        let selector = conditions.map { "\($0.column)=\($0.values[0])" }.joined(separator: ",")
        return SweepParameter(
            target: .table(table + ".csv", .matching(conditions)), key: column, description: "\(table)[\(selector)].\(column)")
    }
}
