import LinearModel
import PotlineFormulation
import PotlineNetwork

/// Traces where the cost and CO2 of each tonne come from: the average footprint of the material
/// at every (region, commodity, period), split by component.
///
/// A tonne at a node carries the weighted average of what flows in: purchases at their price;
/// plant output at its own costs (power — including its share of captive generation — other,
/// its share of the plant's yearly capital) plus its inputs' footprint at the plant's region;
/// shipments at the sending node's footprint plus freight; stock at the previous period's
/// footprint plus holding. Gauss–Seidel passes settle this in as many passes as the longest chain
/// (an optimal flow has no cost-positive cycles). By-products carry nothing: a plant's whole
/// footprint goes to its main output.
struct CostAttribution {
    typealias Key = Formulation.BalanceKey
    private(set) var average: [Key: Footprint] = [:]
    /// Per operation: yearly tonnes and the footprint per tonne (own + inputs), period-weighted.
    private(set) var operationTonnes: [Double] = []
    private(set) var operationOwn: [Footprint] = []
    private(set) var operationTotal: [Footprint?] = []

    init(_ formulation: Formulation, values x: [Double]) {
        let network = formulation.network
        let index = formulation.index
        let tolerance = Tolerance.zeroValue

        struct Inflow {
            var tonnes: Double
            var own: Footprint
            var inputs: [(Key, Double)]
            var operation: Int?
        }
        var inflows: [Key: [Inflow]] = [:]
        func key(_ region: Int, _ commodity: String, _ period: Int) -> Key {
            Key(region: region, commodity: index.commodities[commodity]!, period: period)
        }
        func footprint(_ column: Int) -> Footprint { formulation.columnFootprints[column] }

        for (s, supply) in network.supplies.enumerated() {
            for (p, column) in formulation.supplyColumns[s].enumerated() where x[column] > tolerance {
                inflows[key(index.regions[supply.region]!, supply.commodity, p), default: []].append(
                    Inflow(tonnes: x[column], own: footprint(column), inputs: []))
            }
        }

        // Per group: power bought through grid/captive columns per kWh, and yearly capital per tonne.
        let operations = formulation.operations
        var powerPerKWh: [Int: [Footprint]] = [:]
        var capitalPerTonne: [Int: Footprint] = [:]
        for (g, group) in formulation.groups.enumerated() {
            let output = group.operations.reduce(0.0) { total, o in total + formulation.makeColumns[o].reduce(0) { $0 + x[$1] } }
            if let c = group.captive {
                powerPerKWh[g] = formulation.periods.indices.map { p in
                    let grid = formulation.gridColumns[g]![p]
                    let captive = formulation.captiveColumns[c]![p]
                    let kWh = x[grid] + x[captive]
                    return kWh > tolerance ? (footprint(grid) * x[grid] + footprint(captive) * x[captive]) * (1 / kWh) : Footprint()
                }
            }
            var capital = Footprint()
            switch group.source {
            case .candidate(let j):
                if let build = formulation.buildColumns[j] { capital = capital + footprint(build) * x[build] }
                if let built = formulation.candidateCapacity[j], built.column != formulation.buildColumns[j] {
                    capital = capital + footprint(built.column) * x[built.column]
                }
            case .plant:
                for o in group.operations {
                    if case .retrofit(let k) = operations[o].source, let column = formulation.retrofitColumns[k] {
                        capital = capital + footprint(column) * x[column]
                    }
                }
            case .tolling: break
            }
            if output > tolerance, capital.cost.total > 0 { capitalPerTonne[g] = capital * (1 / output) }
        }

        operationTonnes = Array(repeating: 0, count: operations.count)
        operationOwn = Array(repeating: Footprint(), count: operations.count)
        for (o, operation) in operations.enumerated() {
            let process = network.processes[operation.process]
            for (p, column) in formulation.makeColumns[o].enumerated() where x[column] > tolerance {
                var own = footprint(column)
                if let power = powerPerKWh[operation.group] { own = own + power[p] * operation.electricityKWhPerTonne }
                if let capital = capitalPerTonne[operation.group] { own = own + capital }
                inflows[key(operation.region, process.output, p), default: []].append(
                    Inflow(
                        tonnes: x[column], own: own,
                        inputs: process.inputs.map { (key(operation.region, $0.commodity, p), $0.tonnesPerTonne) },
                        operation: o))
                operationOwn[o] = operationOwn[o] + own * x[column]
                operationTonnes[o] += x[column]
            }
        }
        for shipment in formulation.shipments where x[shipment.column] > tolerance {
            inflows[Key(region: shipment.to, commodity: shipment.commodity, period: shipment.period), default: []].append(
                Inflow(
                    tonnes: x[shipment.column], own: footprint(shipment.column),
                    inputs: [(Key(region: shipment.from, commodity: shipment.commodity, period: shipment.period), 1)]))
        }
        let periodCount = formulation.periods.count
        for stock in formulation.stocks where x[stock.column] > tolerance {
            let next = (stock.period + 1) % periodCount
            inflows[Key(region: stock.region, commodity: stock.commodity, period: next), default: []].append(
                Inflow(
                    tonnes: x[stock.column], own: footprint(stock.column),
                    inputs: [(Key(region: stock.region, commodity: stock.commodity, period: stock.period), 1)]))
        }

        // The passes run on dense node numbers, not on the keys: hashing a key for every input of
        // every inflow on every pass was most of the attribution's time (10% of a warm sweep).
        let nodes = Array(inflows.keys)
        let nodeNumbers = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, $0) })
        struct NumberedInflow {
            var tonnes: Double
            var own: Footprint
            /// Input nodes by number; nil for an input nothing flows into (it carries nothing).
            var inputs: [(node: Int?, amount: Double)]
            var operation: Int?
        }
        let numbered = nodes.map { node in
            inflows[node]!.map { inflow in
                NumberedInflow(
                    tonnes: inflow.tonnes, own: inflow.own, inputs: inflow.inputs.map { (nodeNumbers[$0.0], $0.1) },
                    operation: inflow.operation)
            }
        }
        var averages = [Footprint?](repeating: nil, count: nodes.count)
        func unit(_ inflow: NumberedInflow) -> Footprint {
            var total = inflow.own
            for (input, amount) in inflow.inputs {
                if let input, let footprint = averages[input] { total = total + footprint * amount }
            }
            return total
        }
        for _ in 0..<max(8, nodes.count + 1) {
            var largestChange = 0.0
            for node in nodes.indices {
                var total = Footprint()
                var tonnes = 0.0
                for inflow in numbered[node] {
                    total = total + unit(inflow) * inflow.tonnes
                    tonnes += inflow.tonnes
                }
                let updated = total * (1 / tonnes)
                let previous = averages[node] ?? Footprint()
                largestChange = max(
                    largestChange, abs(updated.cost.total - previous.cost.total), abs(updated.co2Tonnes - previous.co2Tonnes))
                averages[node] = updated
            }
            if largestChange < 1e-7 { break }
        }
        for (node, key) in nodes.enumerated() { average[key] = averages[node] }

        operationTotal = Array(repeating: nil, count: operations.count)
        var totals = Array(repeating: Footprint(), count: operations.count)
        for inflows in numbered {
            for inflow in inflows {
                guard let o = inflow.operation else { continue }
                totals[o] = totals[o] + unit(inflow) * inflow.tonnes
            }
        }
        for o in operations.indices where operationTonnes[o] > tolerance {
            operationTotal[o] = totals[o] * (1 / operationTonnes[o])
            operationOwn[o] = operationOwn[o] * (1 / operationTonnes[o])
        }
    }

    /// The year's average footprint at (region, commodity), weighting periods by tonnes present.
    func yearly(region: Int, commodity: Int, periods: Int, weights: [Double]) -> Footprint? {
        var total = Footprint()
        var weight = 0.0
        for p in 0..<periods {
            guard let footprint = average[Key(region: region, commodity: commodity, period: p)] else { continue }
            total = total + footprint * weights[p]
            weight += weights[p]
        }
        return weight > 0 ? total * (1 / weight) : nil
    }
}
