import LinearModel
import PotlineFormulation
import PotlineUnits

/// What an LP optimum uses (plants that produce, routes that carry, supplies bought from) as
/// places in its formulation's tables, nothing named and no tonnes kept: what an in-place sweep
/// compares between solves that all share one formulation's map. A bisection solve read this way
/// costs a tenth of a ``SolutionSummary`` (which names every route and rounds every tonnage).
/// It reads the summary's way (the same zeroing, sums in the same order, the same rounding), so
/// ``names(in:)`` is the summary's plan exactly (tested).
package struct PlanInUse: Equatable, Sendable {
    /// Capacity groups (``Formulation/groups``) producing more than the threshold, in order.
    package private(set) var groups: [Int] = []
    /// Flows carrying more than the threshold over the year, by place (link, commodity, from region), ascending.
    package private(set) var flows: [Int] = []
    /// Supplies bought from for more than the threshold, in order.
    package private(set) var supplies: [Int] = []

    /// The plan of `result` read through `formulation`'s map, counting what exceeds `threshold`
    /// t/y; empty when the result has no solution.
    package init(formulation: Formulation, result: SolverResult, above threshold: Double) {
        guard result.hasSolution else { return }
        let x = result.reportedColumnValues
        // Rounding never lifts a figure over the threshold (tidy is monotone and keeps the
        // threshold), so only figures above it are rounded.
        func exceeds(_ tonnes: Double) -> Bool { tonnes > threshold && tidy(tonnes) > threshold }
        for (g, group) in formulation.groups.enumerated() where exceeds(formulation.production(of: group, values: x)) {
            groups.append(g)
        }
        for s in formulation.supplyColumns.indices where exceeds(formulation.purchase(ofSupply: s, values: x)) {
            supplies.append(s)
        }
        let inUse = FlowsInUse(formulation, values: x)
        let network = formulation.network
        let regions = network.regions.count, commodities = network.commodities.count
        for (i, key) in inUse.keys.enumerated() where exceeds(inUse.tonnesByPeriod(i).reduce(0, +)) {
            flows.append((key.link * commodities + key.commodity) * regions + key.from)
        }
        flows.sort()
    }

    /// The plan named: plant ids, routes (link, commodity, from, to ids) and supply ids.
    package func names(in formulation: Formulation)
        -> (plants: [String], routes: [(link: String, commodity: String, from: String, to: String)], supplies: [String])
    {
        let network = formulation.network
        let regions = network.regions.count, commodities = network.commodities.count
        let routes = flows.map { place in
            let key = FlowsInUse.Key(link: place / regions / commodities, commodity: place / regions % commodities, from: place % regions)
            return (
                link: network.links[key.link].id, commodity: network.commodities[key.commodity].id, from: network.regions[key.from].id,
                to: FlowsInUse.destination(of: key, in: network)
            )
        }
        return (groups.map { formulation.groups[$0].id }, routes, supplies.map { network.supplies[$0].id })
    }
}

extension SolverResult {
    /// The column values as every reader takes them: solver noise below ``Tolerance/zeroValue`` is zero.
    var reportedColumnValues: [Double] {
        let zero = Tolerance.zeroValue
        return [Double](unsafeUninitializedCapacity: columnValues.count) { values, initialized in
            for (j, value) in columnValues.enumerated() { (values.baseAddress! + j).initialize(to: abs(value) < zero ? 0 : value) }
            initialized = columnValues.count
        }
    }
}

extension Formulation {
    /// Tonnes a capacity group makes over the year, its operations' columns summed in order.
    func production(of group: CapacityGroup, values x: [Double]) -> Double {
        var production = 0.0
        for operation in group.operations {
            for column in makeColumns[operation] { production += x[column] }
        }
        return production
    }

    /// Tonnes bought from supply `s` over the year.
    func purchase(ofSupply s: Int, values x: [Double]) -> Double {
        var purchased = 0.0
        for column in supplyColumns[s] { purchased += x[column] }
        return purchased
    }
}
