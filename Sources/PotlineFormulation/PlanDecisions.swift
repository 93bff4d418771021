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

    /// The siting half, as ``SitingMode/fixed(_:)`` holds it: one way to pin siting columns.
    package var siting: SitingDecisions {
        var decisions = SitingDecisions(source: "the plan's decisions")
        for (key, value) in values where value > Tolerance.zeroValue {
            guard let space = key.firstIndex(of: " ") else { continue }
            let id = String(key[key.index(after: space)...])
            switch key[..<space] {
            case "build": decisions.builds[id] = value
            case "close": decisions.closures.insert(id)
            case "retrofit": decisions.retrofits.insert(id)
            default: continue
            }
        }
        return decisions
    }
}

extension Formulation {
    /// Fixes the plan's decisions: sites not in it are not built, closed or retrofitted; without
    /// siting decisions, each plant makes what the plan made, period by period.
    package mutating func fix(_ decisions: PlanDecisions) {
        if hasSitingDecisions {
            hold(decisions.siting)
            return
        }
        // All of a plant's technologies together.
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
