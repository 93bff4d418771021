import LinearModel
import PotlineNetwork

extension Formulation {
    /// Production columns for every operation and period, their recipes in the balances, the
    /// capacity they share, and, for plants with captive generation, where their power comes from.
    mutating func addOperations() {
        let conditions = PeriodConditions(index)
        makeColumns = Array(repeating: [], count: operations.count)
        for (g, group) in groups.enumerated() {
            let captive = group.captive.map { network.captivePower[$0] }
            let needsRow = group.operations.count > 1 || buildColumns[candidateIndex(group) ?? -1] != nil
                || closeColumns[plantIndex(group) ?? -1] != nil
            for p in periods.indices {
                let available = conditions.availability(group.region, p)
                let capacity = group.capacityTonnesPerYear.map { $0 * share(p) * available }
                var terms: [(column: Int, value: Double)] = []
                for o in group.operations {
                    let operation = operations[o]
                    var footprint = Footprint(co2Tonnes: operation.processEmissionTonnesPerTonne)
                    footprint.cost.surcharge = operation.electricityKWhPerTonne * operation.surchargeYuanPerKWh
                    footprint.cost.greenCertificates = operation.electricityKWhPerTonne * operation.greenCertificateYuanPerKWh
                    if operation.isTolling {
                        footprint.cost.tollingFees = operation.otherCostYuanPerTonne
                    } else {
                        footprint.cost.other = operation.otherCostYuanPerTonne
                    }
                    if captive == nil {
                        footprint.cost.gridElectricity = operation.electricityKWhPerTonne
                            * (operation.ownPriceYuanPerKWh ?? conditions.gridPrice(operation.region, p))
                        footprint.co2Tonnes += operation.electricityKWhPerTonne * (1 - operation.renewableShare)
                            * conditions.gridEmissionTonnesPerKWh(operation.region)
                    }
                    let column = addColumn(
                        operation.isTolling ? .toll : .make, "\(operation.isTolling ? "toll" : "make").\(operation.id)\(suffix(p))",
                        upper: needsRow ? .infinity : capacity ?? .infinity, footprint: footprint, region: operation.region)
                    makeColumns[o].append(column)
                    terms.append((column, 1))
                    let process = network.processes[operation.process]
                    model.addCoefficient(row: balanceRow(operation.region, index.commodities[process.output]!, p), column: column, value: 1)
                    for input in process.inputs {
                        model.addCoefficient(
                            row: balanceRow(operation.region, index.commodities[input.commodity]!, p), column: column,
                            value: -input.tonnesPerTonne)
                    }
                    for byproduct in process.byproducts {
                        model.addCoefficient(
                            row: balanceRow(operation.region, index.commodities[byproduct.commodity]!, p), column: column,
                            value: byproduct.tonnesPerTonne)
                    }
                }
                if needsRow { addCapacityRow(group: g, period: p, capacity: capacity, share: share(p) * available, terms: terms) }
                if let c = group.captive, let captive {
                    addPowerSources(group: g, captive: c, period: p, conditions: conditions, settings: captive)
                }
            }
        }
    }

    /// Σ output of the group's operations ≤ its capacity in the period; a plant that closes has
    /// none, a candidate has what is built.
    private mutating func addCapacityRow(
        group g: Int, period p: Int, capacity: Double?, share: Double, terms: [(column: Int, value: Double)]
    ) {
        let group = groups[g]
        var terms = terms
        var upper = capacity ?? .infinity
        if let plant = plantIndex(group), let close = closeColumns[plant], let capacity {
            terms.append((close, capacity))
            upper = capacity
        }
        if let candidate = candidateIndex(group), let built = candidateCapacity[candidate] {
            terms.append((built.column, -built.tonnesPerUnit * share))
            upper = 0
        }
        let row = addRow(.capacity,name: "capacity.\(group.id)\(suffix(p))", upper: upper, terms: terms)
        capacityRows[g, default: []].append(row)
        // Retrofits: the new technology runs only if chosen; the old one only if not.
        guard let capacity, plantIndex(group) != nil else { return }
        var chosen: [(column: Int, value: Double)] = []
        for o in group.operations {
            guard case .retrofit(let k) = operations[o].source, let decision = retrofitColumns[k] else { continue }
            addRow(.retrofitted,
                name: "retrofitted.\(network.retrofits[k].id)\(suffix(p))", upper: 0,
                terms: [(makeColumns[o][p], 1), (decision, -capacity)])
            chosen.append((decision, capacity))
        }
        if !chosen.isEmpty, let original = group.operations.first {
            addRow(.original,
                name: "original.\(group.id)\(suffix(p))", upper: capacity, terms: [(makeColumns[original][p], 1)] + chosen)
        }
    }

    /// kWh used by the plant = grid kWh + captive kWh, each column carrying its own price, fees
    /// and CO2; captive output is limited by the generator's energy in the period.
    private mutating func addPowerSources(
        group g: Int, captive c: Int, period p: Int, conditions: PeriodConditions, settings: CaptivePower
    ) {
        let group = groups[g]
        let ownPrice = group.operations.first.flatMap { operations[$0].ownPriceYuanPerKWh }
        // The plant's non-hydro renewables are bought through the grid: they cut its grid CO2.
        let renewable = group.operations.first.map { operations[$0].renewableShare } ?? 0
        let grid = addColumn(
            .grid, "grid.\(group.id)\(suffix(p))",
            footprint: Footprint(
                cost: CostComponents(gridElectricity: ownPrice ?? conditions.gridPrice(group.region, p)),
                co2Tonnes: conditions.gridEmissionTonnesPerKWh(group.region) * (1 - renewable)),
            region: group.region)
        let generated = addColumn(
            .captive, "captive.\(settings.id)\(suffix(p))", upper: settings.capacityKWhPerYear * share(p),
            footprint: Footprint(
                cost: CostComponents(captiveGeneration: settings.generationCostYuanPerKWh, captiveFees: settings.feesYuanPerKWh),
                co2Tonnes: settings.emissionKgPerKWh / 1_000),
            region: group.region)
        gridColumns[g, default: []].append(grid)
        captiveColumns[c, default: []].append(generated)
        var terms: [(column: Int, value: Double)] = group.operations.map {
            (makeColumns[$0][p], operations[$0].electricityKWhPerTonne)
        }
        terms += [(grid, -1), (generated, -1)]
        addRow(.power,name: "power.\(group.id)\(suffix(p))", lower: 0, upper: 0, terms: terms)
    }

    func plantIndex(_ group: CapacityGroup) -> Int? {
        if case .plant(let p) = group.source { return p }
        return nil
    }

    func candidateIndex(_ group: CapacityGroup) -> Int? {
        if case .candidate(let j) = group.source { return j }
        return nil
    }
}

/// A region's grid price and plant availability in each period, and its grid CO2 factor.
package struct PeriodConditions {
    private let index: NetworkIndex
    private let periods: [Period]
    private var byKey: [String: PeriodCondition] = [:]

    package init(_ index: NetworkIndex) {
        self.index = index
        periods = index.modelPeriods
        for condition in index.network.periodConditions { byKey["\(condition.region) \(condition.period)"] = condition }
    }

    private func condition(_ region: Int, _ period: Int) -> PeriodCondition? {
        byKey["\(index.network.regions[region].id) \(periods[period].id)"]
    }

    /// The period's price where given, else the region's yearly grid price.
    package func gridPrice(_ region: Int, _ period: Int) -> Double {
        condition(region, period)?.gridPriceYuanPerKWh ?? index.network.regions[region].gridPriceYuanPerKWh ?? 0
    }

    func availability(_ region: Int, _ period: Int) -> Double { condition(region, period)?.availability ?? 1 }

    /// tCO2 per kWh of the region's grid.
    func gridEmissionTonnesPerKWh(_ region: Int) -> Double {
        (index.network.regions[region].gridEmissionKgPerKWh ?? 0) / 1_000
    }
}
