import LinearModel
import PotlineNetwork

/// The first-stage decisions of a plan, which a robust study holds fixed while the operations are
/// re-optimised: for a siting network the sites built (capacity t/y), closed and retrofitted; for a
/// network without siting decisions, each plant's production (t in each period).
/// Keys: `build CANDIDATE` (t/y), `close PLANT` (1), `retrofit RETROFIT` (1), `make PLANT` (t/y).
public struct PlanDecisions: Sendable, Codable, Equatable {
    public var values: [String: Double]
    /// Production by period, for fixing a network without siting decisions: plant → period → t.
    package var production: [String: [String: Double]] = [:]

    package init(values: [String: Double] = [:]) { self.values = values }

}

extension Formulation {
    /// Fixes the plan's decisions: sites not in it are not built, closed or retrofitted.
    package mutating func fix(_ decisions: PlanDecisions) {
        func pin(_ column: Int, _ value: Double) { model.setBounds(column: column, lower: value, upper: value) }
        if hasSitingDecisions {
            for (j, candidate) in network.candidates.enumerated() {
                let capacity = decisions.values["build \(candidate.id)"] ?? 0
                if let build = buildColumns[j] { pin(build, capacity > 0 ? 1 : 0) }
                if let units = candidateCapacity[j], units.column != buildColumns[j] { pin(units.column, capacity / units.tonnesPerUnit) }
            }
            for (p, column) in closeColumns { pin(column, decisions.values["close \(network.plants[p].id)"] ?? 0) }
            for (k, column) in retrofitColumns { pin(column, decisions.values["retrofit \(network.retrofits[k].id)"] ?? 0) }
            return
        }
        // Without siting: each plant makes what the plan made, period by period (all its technologies together).
        var byPlant: [Int: [Int]] = [:]
        for (o, operation) in operations.enumerated() { if case .plant(let p) = operation.source { byPlant[p, default: []].append(o) } }
        for (p, ops) in byPlant.sorted(by: { $0.key < $1.key }) {
            let plant = network.plants[p]
            guard let yearly = decisions.values["make \(plant.id)"] else { continue }
            for period in periods.indices {
                let tonnes = periods.count == 1 ? yearly : decisions.production[plant.id]?[periods[period].id] ?? 0
                addRow(.heldProduction,
                    name: "fix.\(plant.id)\(suffix(period))", lower: tonnes, upper: tonnes,
                    terms: ops.map { (makeColumns[$0][period], 1.0) })
            }
        }
    }
}
