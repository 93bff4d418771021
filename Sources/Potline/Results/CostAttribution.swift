/// Traces where the cost of each tonne comes from: the average cost, split into materials,
/// electricity, freight and other, of the material present at every (region, commodity).
///
/// A tonne at a node costs the weighted average of what flows in: purchases at their price;
/// plant output at its power and other cost plus its inputs' average cost at the plant's region;
/// shipments at the sending node's cost plus freight. Gauss–Seidel passes settle this in as
/// many passes as the longest chain (an optimal flow has no cost-positive cycles). By-products
/// carry no cost: all of a plant's cost goes to its main output.
struct CostAttribution {
    private(set) var average: [Formulation.BalanceKey: CostComponents] = [:]
    private(set) var plantUnitCost: [CostComponents?] = []

    init(_ formulation: Formulation, values x: [Double]) {
        let network = formulation.network
        let index = formulation.index
        let tolerance = 1e-9

        struct Inflow { var tonnes: Double; var own: CostComponents; var inputs: [(Formulation.BalanceKey, Double)] }
        var inflows: [Formulation.BalanceKey: [Inflow]] = [:]
        func key(_ region: String, _ commodity: String) -> Formulation.BalanceKey {
            .init(region: index.regions[region]!, commodity: index.commodities[commodity]!)
        }
        for (s, supply) in network.supplies.enumerated() where x[formulation.supplyColumns[s]] > tolerance {
            inflows[key(supply.region, supply.commodity), default: []].append(
                Inflow(tonnes: x[formulation.supplyColumns[s]], own: CostComponents(materials: supply.priceYuanPerTonne), inputs: []))
        }
        var plantInflows: [(plant: Int, node: Formulation.BalanceKey, inflow: Inflow)] = []
        for (p, plant) in network.plants.enumerated() where x[formulation.plantColumns[p]] > tolerance {
            let process = index.process(of: plant)
            let own = CostComponents(
                electricity: index.electricityKWhPerTonne(plant) * index.electricityPriceYuanPerKWh(plant),
                other: index.otherCostYuanPerTonne(plant))
            let inflow = Inflow(
                tonnes: x[formulation.plantColumns[p]], own: own,
                inputs: process.inputs.map { (key(plant.region, $0.commodity), $0.tonnesPerTonne) })
            inflows[key(plant.region, process.output), default: []].append(inflow)
            plantInflows.append((p, key(plant.region, process.output), inflow))
        }
        for shipment in formulation.shipments where x[shipment.column] > tolerance {
            let link = network.links[shipment.link]
            inflows[.init(region: shipment.to, commodity: shipment.commodity), default: []].append(
                Inflow(
                    tonnes: x[shipment.column], own: CostComponents(freight: index.freightYuanPerTonne(link)),
                    inputs: [(.init(region: shipment.from, commodity: shipment.commodity), 1)]))
        }

        let nodes = Array(inflows.keys)
        for _ in 0..<max(8, nodes.count + 1) {
            var largestChange = 0.0
            for node in nodes {
                var total = CostComponents()
                var tonnes = 0.0
                for inflow in inflows[node]! {
                    var unit = inflow.own
                    for (input, amount) in inflow.inputs { unit = unit + (average[input] ?? CostComponents()) * amount }
                    total = total + unit * inflow.tonnes
                    tonnes += inflow.tonnes
                }
                let updated = total * (1 / tonnes)
                largestChange = max(largestChange, abs(updated.total - (average[node]?.total ?? 0)))
                average[node] = updated
            }
            if largestChange < 1e-7 { break }
        }

        plantUnitCost = Array(repeating: nil, count: network.plants.count)
        for (p, _, inflow) in plantInflows {
            var unit = inflow.own
            for (input, amount) in inflow.inputs { unit = unit + (average[input] ?? CostComponents()) * amount }
            plantUnitCost[p] = unit
        }
    }
}
