import Foundation
import LinearModel

/// Reads a solver result back into the network's terms.
struct SolutionReader {
    let solution: Solution

    init(formulation: Formulation, result: SolverResult) {
        let network = formulation.network
        let index = formulation.index
        let model = formulation.model
        var solution = Solution(
            network: network.name, baseYear: network.baseYear, status: result.status, statusText: result.status.words,
            model: .init(
                rows: model.rows.count, columns: model.columns.count, nonzeros: model.coefficients.count,
                integerColumns: model.columns.filter { $0.kind != .continuous }.count),
            buildSeconds: 0, solveSeconds: result.seconds)
        solution.solverLog = result.log
        solution.basis = result.basis
        solution.simplexIterations = result.simplexIterations
        guard result.hasSolution else {
            solution.deliveredCosts = network.demands.map {
                .init(region: $0.region, commodity: $0.commodity, demandTPerY: $0.tonnesPerYear)
            }
            self.solution = solution
            return
        }
        let x = result.columnValues.map { abs($0) < 1e-9 ? 0 : $0 }
        let attribution = CostAttribution(formulation, values: x)
        var totals = CostComponents()

        solution.plants = network.plants.enumerated().map { p, plant in
            let production = x[formulation.plantColumns[p]]
            let kWhPerTonne = index.electricityKWhPerTonne(plant)
            let price = index.electricityPriceYuanPerKWh(plant)
            let electricityCost = production * kWhPerTonne * price
            let otherCost = production * index.otherCostYuanPerTonne(plant)
            totals.electricity += electricityCost
            totals.other += otherCost
            return .init(
                id: plant.id, region: plant.region, process: plant.process, output: index.process(of: plant).output,
                owner: plant.owner, capacityTPerY: plant.capacityTonnesPerYear, productionTPerY: tidy(production),
                utilisation: tidy(plant.capacityTonnesPerYear > 0 ? production / plant.capacityTonnesPerYear : 0),
                electricityKwhPerT: kWhPerTonne, electricityPriceYuanPerKwh: price,
                electricityKwh: tidy(production * kWhPerTonne), electricityCostYuan: tidy(electricityCost),
                otherCostYuan: tidy(otherCost),
                unitCostYuanPerT: attribution.plantUnitCost[p].map { tidy($0.total) })
        }
        solution.supplies = network.supplies.enumerated().map { s, supply in
            let bought = x[formulation.supplyColumns[s]]
            totals.materials += bought * supply.priceYuanPerTonne
            return .init(
                id: supply.id, region: supply.region, commodity: supply.commodity,
                capacityTPerY: supply.capacityTonnesPerYear, purchasedTPerY: tidy(bought),
                priceYuanPerT: supply.priceYuanPerTonne, costYuan: tidy(bought * supply.priceYuanPerTonne))
        }
        solution.flows = formulation.shipments.compactMap { shipment in
            let tonnes = x[shipment.column]
            guard tonnes > 1e-6 else { return nil }
            let link = network.links[shipment.link]
            let distance = index.distanceKm(link)
            let perTonne = index.freightYuanPerTonne(link)
            totals.freight += tonnes * perTonne
            return .init(
                link: link.id, mode: link.mode, commodity: network.commodities[shipment.commodity].id,
                from: network.regions[shipment.from].id, to: network.regions[shipment.to].id, tonnesPerY: tidy(tonnes),
                distanceKm: tidy(distance), tonneKm: tidy(tonnes * distance), freightCostYuanPerT: tidy(perTonne),
                freightCostYuan: tidy(tonnes * perTonne))
        }
        solution.deliveredCosts = network.demands.enumerated().map { d, demand in
            let key = Formulation.BalanceKey(
                region: index.regions[demand.region]!, commodity: index.commodities[demand.commodity]!)
            let average = attribution.average[key]
            return .init(
                region: demand.region, commodity: demand.commodity, demandTPerY: demand.tonnesPerYear,
                marginalCostYuanPerT: result.rowDuals.map { tidy($0[formulation.demandRows[d]]) },
                averageCostYuanPerT: average.map { tidy($0.total) }, averageCostBreakdownYuanPerT: average?.tidied)
        }
        solution.totalCostYuan = tidy(result.objectiveValue)
        solution.costBreakdownYuan = totals.tidied
        self.solution = solution
    }
}

/// Rounds away floating-point noise (17009.999999999996 → 17010): 12 significant digits,
/// far beyond the precision of any input figure.
func tidy(_ value: Double) -> Double {
    guard value.isFinite, value != 0 else { return value }
    let digits = 11 - Int(log10(abs(value)).rounded(.down))
    let scale = pow(10, Double(digits))
    let rounded = (value * scale).rounded() / scale
    return rounded.isFinite ? rounded : value
}

extension CostComponents {
    var tidied: CostComponents {
        CostComponents(materials: tidy(materials), electricity: tidy(electricity), freight: tidy(freight), other: tidy(other))
    }
}
