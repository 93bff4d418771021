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
    /// Output and capacity of one process, all its plants together.
    struct Stage {
        var process: String
        var output: String
        var tonnesPerYear: Double
        var capacityTonnesPerYear: Double
    }

    /// Delivered cost of one commodity in one area (or region, where the network has no areas),
    /// demand-weighted, with the area's cheapest demand region.
    struct AreaCost {
        var area: String
        var commodity: String
        var demandTonnesPerYear: Double
        var marginalYuanPerTonne: Double
        var averageYuanPerTonne: Double
        var cheapestRegion: String
        var cheapestMarginalYuanPerTonne: Double
    }

    /// Every process's output and capacity, largest output first.
    static func stages(_ solution: Solution) -> [Stage] {
        var byProcess: [String: Stage] = [:]
        for plant in solution.plants {
            var stage = byProcess[plant.process] ?? Stage(process: plant.process, output: plant.output, tonnesPerYear: 0, capacityTonnesPerYear: 0)
            stage.tonnesPerYear += plant.productionTonnesPerYear
            stage.capacityTonnesPerYear += plant.capacityTonnesPerYear ?? plant.productionTonnesPerYear
            byProcess[plant.process] = stage
        }
        return byProcess.values.sorted { ($0.tonnesPerYear, $1.process) > ($1.tonnesPerYear, $0.process) }
    }

    /// Delivered cost by area and commodity, sorted by area then commodity.
    static func costsByArea(_ solution: Solution) -> [AreaCost] {
        let areas = Dictionary(solution.regions.map { ($0.id, $0.area ?? $0.name) }, uniquingKeysWith: { a, _ in a })
        struct Key: Hashable, Comparable {
            let area: String, commodity: String
            static func < (a: Key, b: Key) -> Bool { (a.area, a.commodity) < (b.area, b.commodity) }
        }
        var byArea: [Key: AreaCost] = [:]
        for cost in solution.deliveredCosts where cost.demandTonnesPerYear > 0 {
            guard let marginal = cost.marginalCostYuanPerTonne, let average = cost.averageCostYuanPerTonne else { continue }
            let key = Key(area: areas[cost.region] ?? cost.region, commodity: cost.commodity)
            var entry = byArea[key] ?? AreaCost(
                area: key.area, commodity: key.commodity, demandTonnesPerYear: 0, marginalYuanPerTonne: 0, averageYuanPerTonne: 0,
                cheapestRegion: cost.region, cheapestMarginalYuanPerTonne: marginal)
            entry.demandTonnesPerYear += cost.demandTonnesPerYear
            entry.marginalYuanPerTonne += marginal * cost.demandTonnesPerYear
            entry.averageYuanPerTonne += average * cost.demandTonnesPerYear
            if (marginal, cost.region) < (entry.cheapestMarginalYuanPerTonne, entry.cheapestRegion) {
                (entry.cheapestRegion, entry.cheapestMarginalYuanPerTonne) = (cost.region, marginal)
            }
            byArea[key] = entry
        }
        return byArea.sorted { $0.key < $1.key }.map { _, entry in
            var cost = entry
            cost.marginalYuanPerTonne /= entry.demandTonnesPerYear
            cost.averageYuanPerTonne /= entry.demandTonnesPerYear
            return cost
        }
    }

    /// The main product: the commodity with the largest demand (ties by name).
    static func mainProduct(_ solution: Solution) -> String? {
        var demandByCommodity: [String: Double] = [:]
        for demand in solution.demands { demandByCommodity[demand.commodity, default: 0] += demand.tonnesPerYear }
        return demandByCommodity.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    static func render(_ solution: Solution) -> [String] {
        guard !solution.regions.isEmpty else { return [] }
        var out = ["", "Summary:"]
        var stages = TextTable([("process", .left), ("output", .left), ("kt/y", .right), ("capacity kt/y", .right), ("utilisation", .right)])
        for stage in Self.stages(solution) {
            stages.add([
                stage.process, stage.output, Format.kilotonnes(stage.tonnesPerYear), Format.kilotonnes(stage.capacityTonnesPerYear),
                stage.capacityTonnesPerYear > 0 ? Format.percent(stage.tonnesPerYear / stage.capacityTonnesPerYear) : "–",
            ])
        }
        out.append("  Output by stage:")
        out.append(stages.render())

        if solution.regions.contains(where: { $0.area != nil }) {
            var table = TextTable([
                ("area", .left), ("commodity", .left), ("demand kt/y", .right), ("marginal yuan/t", .right), ("average yuan/t", .right),
            ])
            for cost in costsByArea(solution) {
                table.add([
                    cost.area, cost.commodity, Format.kilotonnes(cost.demandTonnesPerYear), Format.number(cost.marginalYuanPerTonne),
                    Format.number(cost.averageYuanPerTonne),
                ])
            }
            out.append("  Delivered cost by area (demand-weighted):")
            out.append(table.render())
        }

        if let product = mainProduct(solution) {
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
