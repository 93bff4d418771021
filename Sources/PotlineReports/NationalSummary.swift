import LinearModel
import PotlineFiles
import PotlineFormulation
import PotlineNetwork
import PotlineResults
import PotlineSolve
import PotlineStudies

/// A short summary a strategy analyst checks first: output by stage, delivered cost by area,
/// the cheapest and dearest regions for the main product, and freight work.
enum NationalSummary {
    static func render(_ solution: Solution) -> [String] {
        guard !solution.regions.isEmpty else { return [] }
        var out = ["", "Summary:"]

        var output: [String: (commodity: String, tonnes: Double, capacity: Double)] = [:]
        for plant in solution.plants {
            var entry = output[plant.process] ?? (plant.output, 0, 0)
            entry.tonnes += plant.productionTonnesPerYear
            entry.capacity += plant.capacityTonnesPerYear ?? plant.productionTonnesPerYear
            output[plant.process] = entry
        }
        var stages = TextTable([("process", .left), ("output", .left), ("kt/y", .right), ("capacity kt/y", .right), ("utilisation", .right)])
        for (process, entry) in output.sorted(by: { $0.value.tonnes > $1.value.tonnes }) {
            stages.add([
                process, entry.commodity, Format.kilotonnes(entry.tonnes), Format.kilotonnes(entry.capacity),
                entry.capacity > 0 ? Format.percent(entry.tonnes / entry.capacity) : "–",
            ])
        }
        out.append("  Output by stage:")
        out.append(stages.render())

        let areas = Dictionary(solution.regions.map { ($0.id, $0.area ?? $0.name) }, uniquingKeysWith: { a, _ in a })
        var byArea: [String: (demand: Double, marginal: Double, average: Double)] = [:]
        for cost in solution.deliveredCosts where cost.demandTonnesPerYear > 0 {
            guard let marginal = cost.marginalCostYuanPerTonne, let average = cost.averageCostYuanPerTonne else { continue }
            let key = "\(areas[cost.region] ?? cost.region)\t\(cost.commodity)"
            var entry = byArea[key] ?? (0, 0, 0)
            entry.demand += cost.demandTonnesPerYear
            entry.marginal += marginal * cost.demandTonnesPerYear
            entry.average += average * cost.demandTonnesPerYear
            byArea[key] = entry
        }
        if solution.regions.contains(where: { $0.area != nil }) {
            var table = TextTable([
                ("area", .left), ("commodity", .left), ("demand kt/y", .right), ("marginal yuan/t", .right), ("average yuan/t", .right),
            ])
            for (key, entry) in byArea.sorted(by: { $0.key < $1.key }) {
                let parts = key.split(separator: "\t").map(String.init)
                table.add([
                    parts[0], parts[1], Format.kilotonnes(entry.demand), Format.number(entry.marginal / entry.demand),
                    Format.number(entry.average / entry.demand),
                ])
            }
            out.append("  Delivered cost by area (demand-weighted):")
            out.append(table.render())
        }

        // The main product: the commodity with the largest demand.
        var demandByCommodity: [String: Double] = [:]
        for demand in solution.demands { demandByCommodity[demand.commodity, default: 0] += demand.tonnesPerYear }
        if let product = demandByCommodity.max(by: { $0.value < $1.value })?.key {
            var byRegion: [String: (tonnes: Double, cost: Double)] = [:]
            for plant in solution.plants where plant.output == product && plant.productionTonnesPerYear > 0 {
                guard let unit = plant.unitCostYuanPerTonne else { continue }
                var entry = byRegion[plant.region] ?? (0, 0)
                entry.tonnes += plant.productionTonnesPerYear
                entry.cost += unit * plant.productionTonnesPerYear
                byRegion[plant.region] = entry
            }
            let ranked = byRegion.map { (region: $0.key, cost: $0.value.cost / $0.value.tonnes, tonnes: $0.value.tonnes) }
                .sorted { $0.cost < $1.cost }
            if ranked.count >= 2 {
                let count = min(5, ranked.count / 2)
                out.append("  \(product): cheapest and dearest producing regions (unit cost at the plant, yuan/t):")
                var table = TextTable([("cheapest", .left), ("yuan/t", .right), ("dearest", .left), ("yuan/t", .right)])
                for i in 0..<count {
                    let cheap = ranked[i], dear = ranked[ranked.count - 1 - i]
                    table.add([cheap.region, Format.number(cheap.cost), dear.region, Format.number(dear.cost)])
                }
                out.append(table.render())
            }
        }
        let tonneKm = solution.flows.reduce(0) { $0 + $1.tonneKm }
        out.append("  Freight: \(Format.number(tonneKm / 1e9, decimals: 2)) bn t-km/y")
        return out
    }
}
