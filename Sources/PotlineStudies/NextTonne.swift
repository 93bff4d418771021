import Foundation
import LinearModel
import PotlineFormulation
import PotlineNetwork
import PotlineResults

/// The next tonne of each demand, read from the optimal basis: the LP is re-solved from that basis
/// with the demand raised by `probeTonnes` (spread over the periods by their share) and the
/// change in every column divided by it. In a non-degenerate basis no pivot happens and this is
/// exactly B⁻¹ times the demand's unit vector; its cost is the dual.
enum NextTonne {
    /// Small against any demand (kt to Mt), large against the solver's feasibility tolerance.
    static let probeTonnes = 100.0
    /// Changes per delivered tonne below this are the solver's rounding, not activity.
    static let changeTolerance = 1e-6

    static func explain(
        _ formulation: Formulation, model: LinearModel, result: SolverResult, solution: Solution, solver: any LinearSolver,
        threads: Int
    ) throws -> [PriceExplanation] {
        guard let basis = result.basis, result.rowDuals != nil, !formulation.network.demands.isEmpty else { return [] }
        let labels = StepLabels(formulation)
        let trace = OriginTrace(formulation, values: result.columnValues)
        let network = formulation.network
        let demands = Array(network.demands.enumerated())
        // The demand's rows raised by the probe, and put back: a change in place of a model each
        // worker loads once. Loading and checking the whole model per demand made explanations
        // quadratic in the network (20 s of a 24 s run at 1,920 regions). Each probe starts from
        // `basis`, so its answer does not depend on the probes before it or on the thread count.
        @Sendable func raise(_ d: Int, by tonnes: Double) -> ModelChanges {
            var changes = ModelChanges()
            changes.rowBounds = formulation.demandRows[d].enumerated().map { p, row in
                let bounds = model.rows[row]
                return .init(index: row, lower: bounds.lower + tonnes * formulation.periods[p].shareOfYear, upper: bounds.upper)
            }
            return changes
        }
        let workers = ParallelSolves.workers(threads, jobs: demands.count)
        let shares = (0..<workers).map { w in Array(stride(from: w, to: demands.count, by: workers)) }
        let probed: [Result<[(Int, [Double])], Error>] = ParallelSolves.map(shares, threads: workers) { share in
            Result {
                try solver.withSession(model) { session in
                    try share.map { d in
                        try session.apply(raise(d, by: probeTonnes))
                        let next = try session.solve(options: SolverOptions(warmStart: basis))
                        try session.apply(raise(d, by: 0))
                        guard next.status == .optimal else { throw SolverError("the next-tonne solve ended \(next.status.words)") }
                        return (d, zip(next.columnValues, result.columnValues).map { ($0 - $1) / probeTonnes })
                    }
                }
            }
        }
        var probes = [[Double]](repeating: [], count: demands.count)
        for share in probed {
            for (d, change) in try share.get() { probes[d] = change }
        }
        let gate = Dictionary(solution.plants.map { ($0.id, $0.unitCostYuanPerTonne) }, uniquingKeysWith: { a, _ in a })
        let price = Dictionary(solution.supplies.map { ($0.id, $0.priceYuanPerTonne) }, uniquingKeysWith: { a, _ in a })
        return demands.map { d, demand in
            let change = probes[d]
            var steps: [PriceExplanation.Step] = []
            for (j, units) in change.enumerated() where abs(units) > changeTolerance {
                let label = labels.label(j, model: model)
                steps.append(.init(
                    kind: label.kind, id: label.id, region: label.region, commodity: label.commodity, unitsPerTonne: tidy(units),
                    costYuanPerTonne: tidy(units * model.columns[j].cost)))
            }
            steps.sort { abs($0.costYuanPerTonne) != abs($1.costYuanPerTonne) ? abs($0.costYuanPerTonne) > abs($1.costYuanPerTonne) : $0.id < $1.id }
            let setting = steps.filter { $0.kind == .make && $0.commodity == demand.commodity && $0.unitsPerTonne > 0 }
                .max { $0.unitsPerTonne < $1.unitsPerTonne }
            return PriceExplanation(
                region: demand.region, commodity: demand.commodity,
                marginalCostYuanPerTonne: solution.deliveredCosts[d].marginalCostYuanPerTonne ?? 0,
                nextTonneCostYuanPerTonne: tidy(steps.reduce(0) { $0 + $1.costYuanPerTonne }), settingPlant: setting?.id, chain: steps,
                origins: origins(of: demand, formulation, trace: trace, gate: gate, price: price))
        }
    }

    private static func origins(
        of demand: Demand, _ formulation: Formulation, trace: OriginTrace, gate: [String: Double?], price: [String: Double]
    ) -> [PriceExplanation.Origin] {
        // Over the year: the periods' mixes added up.
        var yearly: [String: OriginTrace.Share] = [:]
        for p in formulation.periods.indices {
            let key = Formulation.BalanceKey(
                region: formulation.index.regions[demand.region]!, commodity: formulation.index.commodities[demand.commodity]!, period: p)
            for (origin, share) in trace.mix[key] ?? [:] {
                yearly[origin, default: .init(tonnes: 0, freightYuan: 0)].tonnes += share.tonnes
                yearly[origin]!.freightYuan += share.freightYuan
            }
        }
        let arriving = yearly.values.reduce(0) { $0 + $1.tonnes }
        return yearly.sorted { $0.value.tonnes != $1.value.tonnes ? $0.value.tonnes > $1.value.tonnes : $0.key < $1.key }
            .map { origin, share in
                let info = trace.kinds[origin]
                let gateCost = info?.kind == .supply ? price[origin] : gate[origin] ?? nil
                let freight = share.tonnes > 0 ? share.freightYuan / share.tonnes : 0
                return .init(
                    source: origin, kind: info?.kind ?? .plant, region: info?.region ?? "", tonnesPerYear: tidy(share.tonnes),
                    share: tidy(arriving > 0 ? share.tonnes / arriving : 0), gateCostYuanPerTonne: gateCost.map(tidy),
                    freightYuanPerTonne: tidy(freight), costToServeYuanPerTonne: gateCost.map { tidy($0 + freight) })
            }
    }
}

/// What each column of the formulation is, in the network's terms.
private struct StepLabels {
    typealias Label = (kind: PriceExplanation.Step.Kind, id: String, region: String, commodity: String)
    private var labels: [Int: Label] = [:]

    init(_ formulation: Formulation) {
        let network = formulation.network
        for (o, operation) in formulation.operations.enumerated() {
            let group = formulation.groups[operation.group]
            for column in formulation.makeColumns[o] {
                labels[column] = (.make, group.id, network.regions[operation.region].id, network.processes[operation.process].output)
            }
        }
        for (s, supply) in network.supplies.enumerated() {
            for column in formulation.supplyColumns[s] { labels[column] = (.buy, supply.id, supply.region, supply.commodity) }
        }
        for shipment in formulation.shipments {
            labels[shipment.column] = (
                .ship, network.links[shipment.link].id,
                "\(network.regions[shipment.from].id)→\(network.regions[shipment.to].id)", network.commodities[shipment.commodity].id
            )
        }
        for stock in formulation.stocks {
            labels[stock.column] = (.stock, "stock", network.regions[stock.region].id, network.commodities[stock.commodity].id)
        }
        for (g, columns) in formulation.gridColumns {
            let group = formulation.groups[g]
            for column in columns { labels[column] = (.power, "grid \(group.id)", network.regions[group.region].id, "electricity") }
            if let c = group.captive, let captive = formulation.captiveColumns[c] {
                for column in captive { labels[column] = (.power, network.captivePower[c].id, network.regions[group.region].id, "electricity") }
            }
        }
    }

    /// Columns without a network meaning (siting decisions, transfers) keep the model's name.
    func label(_ column: Int, model: LinearModel) -> Label { labels[column] ?? (.other, model.columns[column].name, "", "") }
}
