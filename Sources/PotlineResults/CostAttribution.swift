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
/// footprint plus holding. Gauss–Seidel passes over the nodes, inputs first, settle this in one
/// pass and confirm it in a second (an optimal flow has no cost-positive cycles; a stock cycle
/// settles by repeating). By-products carry nothing: a plant's whole footprint goes to its main
/// output.
struct CostAttribution {
    /// What flows into a node: tonnes, their own footprint per tonne, and input nodes per tonne.
    private struct Inflow {
        var tonnes: Double
        var own: Footprint
        var inputs: [(node: Int, amount: Double)]
        var operation: Int?
    }

    /// Nodes are numbered densely, `(period × commodities + commodity) × regions + region`, so
    /// that the passes index arrays instead of hashing keys (hashing was most of the attribution's
    /// time) and their order never depends on hashing.
    private let regionCount: Int
    private let commodityCount: Int
    /// The average footprint per node; nil where nothing flows in.
    private var average: [Footprint?] = []
    /// Per operation: yearly tonnes and the footprint per tonne (own + inputs), period-weighted.
    private(set) var operationTonnes: [Double] = []
    private(set) var operationOwn: [Footprint] = []
    private(set) var operationTotal: [Footprint?] = []

    private func node(region: Int, commodity: Int, period: Int) -> Int {
        (period * commodityCount + commodity) * regionCount + region
    }

    init(_ formulation: Formulation, values x: [Double]) {
        let network = formulation.network
        let index = formulation.index
        let tolerance = Tolerance.zeroValue
        regionCount = network.regions.count
        commodityCount = network.commodities.count
        let nodeCount = regionCount * commodityCount * formulation.periods.count
        var inflows = [[Inflow]](repeating: [], count: nodeCount)
        func footprint(_ column: Int) -> Footprint { formulation.columnFootprints[column] }
        let node = self.node

        for (s, supply) in network.supplies.enumerated() {
            let region = index.regions[supply.region]!, commodity = index.commodities[supply.commodity]!
            for (p, column) in formulation.supplyColumns[s].enumerated() where x[column] > tolerance {
                inflows[node(region, commodity, p)].append(Inflow(tonnes: x[column], own: footprint(column), inputs: []))
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
        // Each process's output and inputs as commodity numbers, looked up once, not per column.
        let processCommodities = network.processes.map { process in
            (output: index.commodities[process.output]!, inputs: process.inputs.map { (index.commodities[$0.commodity]!, $0.tonnesPerTonne) })
        }
        for (o, operation) in operations.enumerated() {
            let commodities = processCommodities[operation.process]
            for (p, column) in formulation.makeColumns[o].enumerated() where x[column] > tolerance {
                var own = footprint(column)
                if let power = powerPerKWh[operation.group] { own = own + power[p] * operation.electricityKWhPerTonne }
                if let capital = capitalPerTonne[operation.group] { own = own + capital }
                inflows[node(operation.region, commodities.output, p)].append(
                    Inflow(
                        tonnes: x[column], own: own,
                        inputs: commodities.inputs.map { (node(operation.region, $0.0, p), $0.1) }, operation: o))
                operationOwn[o] = operationOwn[o] + own * x[column]
                operationTonnes[o] += x[column]
            }
        }
        for shipment in formulation.shipments where x[shipment.column] > tolerance {
            inflows[node(shipment.to, shipment.commodity, shipment.period)].append(
                Inflow(
                    tonnes: x[shipment.column], own: footprint(shipment.column),
                    inputs: [(node(shipment.from, shipment.commodity, shipment.period), 1)]))
        }
        let periodCount = formulation.periods.count
        for stock in formulation.stocks where x[stock.column] > tolerance {
            let next = (stock.period + 1) % periodCount
            inflows[node(stock.region, stock.commodity, next)].append(
                Inflow(
                    tonnes: x[stock.column], own: footprint(stock.column), inputs: [(node(stock.region, stock.commodity, stock.period), 1)]))
        }

        // Gauss–Seidel passes over the nodes inputs first (a depth-first order over what flows
        // in), so that one pass settles every chain and a second confirms it. Cycles (stock
        // around the year) settle by repeating.
        let order = Self.inputsFirst(inflows.map { $0.flatMap { $0.inputs.map(\.node) } }).filter { !inflows[$0].isEmpty }
        var averages = [Footprint?](repeating: nil, count: nodeCount)
        func unit(_ inflow: Inflow) -> Footprint {
            var total = inflow.own
            for (input, amount) in inflow.inputs {
                if let footprint = averages[input] { total = total + footprint * amount }
            }
            return total
        }
        for _ in 0..<max(8, order.count + 1) {
            var largestChange = 0.0
            for node in order {
                var total = Footprint()
                var tonnes = 0.0
                for inflow in inflows[node] {
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
        average = averages

        operationTotal = Array(repeating: nil, count: operations.count)
        var totals = Array(repeating: Footprint(), count: operations.count)
        for node in order {
            for inflow in inflows[node] {
                guard let o = inflow.operation else { continue }
                totals[o] = totals[o] + unit(inflow) * inflow.tonnes
            }
        }
        for o in operations.indices where operationTonnes[o] > tolerance {
            operationTotal[o] = totals[o] * (1 / operationTonnes[o])
            operationOwn[o] = operationOwn[o] * (1 / operationTonnes[o])
        }
    }

    /// Node numbers in an order where each comes after the nodes its inflows take inputs from
    /// (a depth-first post-order from node 0 up, so the order never depends on hashing); a node on
    /// a cycle comes after the part of the cycle visited first.
    private static func inputsFirst(_ inputs: [[Int]]) -> [Int] {
        var order: [Int] = []
        order.reserveCapacity(inputs.count)
        var visited = [Bool](repeating: false, count: inputs.count)
        var stack: [(node: Int, next: Int)] = []
        for root in inputs.indices where !visited[root] {
            visited[root] = true
            stack.append((root, 0))
            while let (node, next) = stack.last {
                if next < inputs[node].count {
                    stack[stack.count - 1].next += 1
                    let input = inputs[node][next]
                    if !visited[input] {
                        visited[input] = true
                        stack.append((input, 0))
                    }
                } else {
                    order.append(node)
                    stack.removeLast()
                }
            }
        }
        return order
    }

    /// The year's average footprint at (region, commodity), weighting periods by tonnes present.
    func yearly(region: Int, commodity: Int, periods: Int, weights: [Double]) -> Footprint? {
        var total = Footprint()
        var weight = 0.0
        for p in 0..<periods {
            guard let footprint = average[node(region: region, commodity: commodity, period: p)] else { continue }
            total = total + footprint * weights[p]
            weight += weights[p]
        }
        return weight > 0 ? total * (1 / weight) : nil
    }
}
