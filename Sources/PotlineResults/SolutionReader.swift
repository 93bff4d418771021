import Foundation
import LinearModel
import PotlineFormulation
import PotlineNetwork

/// Reads solver results back into the network's terms.
package struct SolutionReader {
    package let solution: Solution

    /// - Parameters:
    ///   - result: the final result: the LP, or for a MIP the LP re-solved with the decisions
    ///     fixed (which has the duals); its values are the plan's.
    ///   - mip: the branch-and-bound result beside the fixed-plan LP, for its status and gap;
    ///     nil when `result` is the LP or the branch-and-bound result itself.
    package init(formulation: Formulation, result: SolverResult, mip: SolverResult? = nil) {
        let network = formulation.network
        let index = formulation.index
        let model = formulation.model
        let periods = formulation.periods
        let multiPeriod = periods.count > 1
        var solution = Solution(
            network: network.name, baseYear: network.baseYear, status: mip?.status ?? result.status,
            statusText: (mip?.status ?? result.status).words,
            model: .init(
                rows: model.rows.count, columns: model.columns.count, nonzeros: model.coefficients.count,
                integerColumns: model.columns.filter { $0.kind != .continuous }.count),
            buildSeconds: 0, solveSeconds: result.seconds + (mip?.seconds ?? 0))
        solution.periods = periods.map { .init(id: $0.id, shareOfYear: $0.shareOfYear) }
        solution.regions = network.regions.map {
            .init(id: $0.id, name: $0.name, kind: $0.kind, area: $0.area, latitudeDegrees: $0.latitudeDegrees, longitudeDegrees: $0.longitudeDegrees)
        }
        solution.demands = network.demands
        solution.processes = network.processes.map(\.id)
        solution.solverLog = (mip.map { $0.log + "\n" } ?? "") + result.log
        solution.basis = result.basis
        solution.simplexIterations = result.simplexIterations + (mip?.simplexIterations ?? 0)
        // The gap is the branch-and-bound's, whether it comes beside the fixed-plan LP or alone.
        let gap = mip?.mipGap ?? result.mipGap
        solution.mipGap = gap
        solution.provenOptimal = (mip?.status ?? result.status) == .optimal && (gap ?? 0) <= Tolerance.provenGap
        guard result.hasSolution else {
            solution.deliveredCosts = network.demands.map {
                .init(region: $0.region, commodity: $0.commodity, demandTonnesPerYear: $0.tonnesPerYear)
            }
            self.solution = solution
            return
        }
        let x = result.reportedColumnValues
        let duals = result.rowDuals
        let attribution = CostAttribution(formulation, values: x)
        let conditions = PeriodConditions(index)
        func costOf(_ columns: [Int]) -> Footprint {
            columns.reduce(Footprint()) { $0 + formulation.columnFootprints[$1] * x[$1] }
        }
        func byPeriod(_ columns: [Int]) -> [String: Double]? {
            multiPeriod ? Dictionary(uniqueKeysWithValues: zip(periods.map(\.id), columns.map { tidy(x[$0]) })) : nil
        }

        var total = Footprint()
        for (j, footprint) in formulation.columnFootprints.enumerated() where x[j] != 0 { total = total + footprint * x[j] }
        solution.totalCostYuan = tidy(result.objectiveValue)
        solution.costBreakdownYuan = total.cost.map(tidy)
        solution.co2T = tidy(total.co2Tonnes)

        // Plants: existing, built candidates, tollers.
        for (g, group) in formulation.groups.enumerated() {
            let operations = group.operations.map { formulation.operations[$0] }
            let makeColumns = group.operations.flatMap { formulation.makeColumns[$0] }
            let production = makeColumns.reduce(0) { $0 + x[$1] }
            var capacity = group.capacityTonnesPerYear ?? .infinity
            var kind = Solution.PlantResult.Kind.existing
            var closed = false
            var retrofit: String?
            var ownColumns = makeColumns
            switch group.source {
            case .plant(let p):
                if let close = formulation.closeColumns[p], x[close] > Tolerance.binaryOn {
                    closed = true
                    capacity = 0
                }
                for operation in operations {
                    if case .retrofit(let k) = operation.source, let column = formulation.retrofitColumns[k], x[column] > Tolerance.binaryOn {
                        retrofit = network.retrofits[k].id
                        ownColumns.append(column)
                    }
                }
                if let close = formulation.closeColumns[p] { ownColumns.append(close) }
            case .candidate(let j):
                kind = .candidate
                guard let build = formulation.buildColumns[j], x[build] > Tolerance.binaryOn, let built = formulation.candidateCapacity[j] else {
                    continue
                }
                capacity = x[built.column] * built.tonnesPerUnit
                ownColumns += built.column == build ? [build] : [build, built.column]
            case .tolling:
                kind = .tolling
                if production <= Tolerance.zeroValue { continue }
            }
            let powerColumns = (formulation.gridColumns[g] ?? []) + (group.captive.flatMap { formulation.captiveColumns[$0] } ?? [])
            let cost = costOf(ownColumns + powerColumns)
            let kWh = group.operations.reduce(0.0) { sum, o in
                sum + formulation.makeColumns[o].reduce(0) { $0 + x[$1] } * formulation.operations[o].electricityKWhPerTonne
            }
            let captiveKWh = group.captive.flatMap { formulation.captiveColumns[$0] }?.reduce(0) { $0 + x[$1] }
            let tonnes = group.operations.map { attribution.operationTonnes[$0] }
            var unit: Footprint?
            for (o, t) in zip(group.operations, tonnes) where t > 0 {
                if let footprint = attribution.operationTotal[o] { unit = (unit ?? Footprint()) + footprint * (t / production) }
            }
            // The technology it runs: the one that makes the most (the original if idle).
            var running = operations[0]
            var most = 0.0
            for (operation, made) in zip(operations, tonnes) where made > most {
                running = operation
                most = made
            }
            let process = network.processes[running.process]
            solution.plants.append(
                .init(
                    id: group.id, kind: kind, region: network.regions[group.region].id, process: process.id,
                    output: process.output, owner: running.owner, capacityTonnesPerYear: capacity.isFinite ? tidy(capacity) : nil,
                    productionTonnesPerYear: tidy(production),
                    productionByPeriodT: multiPeriod
                        ? Dictionary(
                            uniqueKeysWithValues: periods.indices.map { p in
                                (periods[p].id, tidy(group.operations.reduce(0) { $0 + x[formulation.makeColumns[$1][p]] }))
                            }) : nil,
                    utilisation: capacity.isFinite ? tidy(capacity > 0 ? production / capacity : 0) : nil, retrofit: retrofit,
                    closed: closed,
                    electricityKWhPerTonne: tidy(production > 0 ? kWh / production : running.electricityKWhPerTonne),
                    electricityKWh: tidy(kWh),
                    electricityPriceYuanPerKWh: tidy(
                        kWh > 0 ? cost.cost.electricity / kWh : idlePrice(running, conditions: conditions, periods: periods)),
                    surchargeYuanPerKWh: tidy(kWh > 0 ? cost.cost.surcharge / kWh : running.surchargeYuanPerKWh),
                    captiveShare: captiveKWh.map { tidy(kWh > 0 ? $0 / kWh : 0) },
                    costYuan: cost.cost.map(tidy), unitCostYuanPerTonne: unit.map { tidy($0.cost.total) },
                    unitCostBreakdownYuanPerTonne: unit?.cost.map(tidy),
                    directCo2TonnesPerTonne: tidy(production > 0 ? cost.co2Tonnes / production : 0),
                    embeddedCo2TonnesPerTonne: unit.map { tidy($0.co2Tonnes) }))
        }

        solution.supplies = network.supplies.enumerated().map { s, supply in
            let bought = formulation.supplyColumns[s].reduce(0) { $0 + x[$1] }
            return .init(
                id: supply.id, region: supply.region, commodity: supply.commodity,
                capacityTonnesPerYear: supply.capacityTonnesPerYear, purchasedTonnesPerYear: tidy(bought),
                priceYuanPerTonne: supply.priceYuanPerTonne, costYuan: tidy(bought * supply.priceYuanPerTonne))
        }
        // One flow per link, commodity and direction, its periods added up.
        let flows = FlowsInUse(formulation, values: x)
        solution.flows = flows.keys.enumerated().map { i, key in
            let byPeriod = flows.tonnesByPeriod(i)
            let tonnes = byPeriod.reduce(0, +)
            let link = network.links[key.link]
            let distance = index.distanceKm(link)
            let perTonne = index.freightYuanPerTonne(link)
            let to = FlowsInUse.destination(of: key, in: network)
            return .init(
                link: link.id, mode: link.mode, commodity: network.commodities[key.commodity].id,
                from: network.regions[key.from].id, to: to, tonnesPerYear: tidy(tonnes),
                tonnesByPeriod: multiPeriod ? Dictionary(uniqueKeysWithValues: zip(periods.map(\.id), byPeriod.map(tidy))) : nil,
                distanceKm: tidy(distance), tonneKm: tidy(tonnes * distance), freightCostYuanPerTonne: tidy(perTonne),
                freightCostYuan: tidy(tonnes * perTonne))
        }
        let shares = periods.map(\.shareOfYear)
        solution.deliveredCosts = network.demands.enumerated().map { d, demand in
            let rows = formulation.demandRows[d]
            let average = attribution.yearly(
                region: index.regions[demand.region]!, commodity: index.commodities[demand.commodity]!,
                periods: periods.count, weights: shares)
            return .init(
                region: demand.region, commodity: demand.commodity, demandTonnesPerYear: demand.tonnesPerYear,
                marginalCostYuanPerTonne: duals.map { formulation.yearlyMarginalCost(ofDemand: d, duals: $0) },
                marginalCostByPeriodYuanPerTonne: duals.flatMap { duals in
                    multiPeriod ? Dictionary(uniqueKeysWithValues: zip(periods.map(\.id), rows.map { tidy(duals[$0]) })) : nil
                },
                averageCostYuanPerTonne: average.map { tidy($0.cost.total) },
                averageCostBreakdownYuanPerTonne: average?.cost.map(tidy), embeddedCo2TonnesPerTonne: average.map { tidy($0.co2Tonnes) })
        }

        func valuePerPoint(_ row: Int?, base: Double, sign: Double) -> Double? {
            guard let row, let duals else { return nil }
            return tidy(sign * duals[row] * base / 100)
        }
        for (c, captive) in network.captivePower.enumerated() {
            let generated = (formulation.captiveColumns[c] ?? []).reduce(0) { $0 + x[$1] }
            let plant = solution.plants.first { $0.id == captive.plant && $0.kind != .tolling }
            let used = plant?.electricityKWh ?? 0
            let rows = formulation.captiveShareRows[c]
            solution.captivePower.append(
                .init(
                    id: captive.id, plant: captive.plant, generatedKWh: tidy(generated), capacityKWhPerYear: captive.capacityKWhPerYear,
                    share: tidy(used > 0 ? generated / used : 0), minimumShare: captive.minimumShare,
                    maximumShare: captive.maximumShare,
                    minimumShareValueYuanPerPoint: valuePerPoint(rows?.minimum, base: used, sign: 1),
                    maximumShareValueYuanPerPoint: valuePerPoint(rows?.maximum, base: used, sign: -1)))
        }
        for (t, target) in network.selfSupplyTargets.enumerated() {
            var own = 0.0, tolled = 0.0, fees = 0.0
            for (o, operation) in formulation.operations.enumerated()
            where operation.owner == target.owner && target.processes.contains(network.processes[operation.process].id) {
                let tonnes = formulation.makeColumns[o].reduce(0) { $0 + x[$1] }
                if operation.isTolling {
                    tolled += tonnes
                    fees += tonnes * operation.otherCostYuanPerTonne
                } else {
                    own += tonnes
                }
            }
            let rows = formulation.selfSupplyRows[t]
            solution.selfSupply.append(
                .init(
                    owner: target.owner, process: target.processes.joined(separator: ";"), inHouseTonnesPerYear: tidy(own), tolledTonnesPerYear: tidy(tolled),
                    share: own + tolled > 0 ? tidy(own / (own + tolled)) : nil, tollingFeesYuan: tidy(fees),
                    minimumShare: target.minimumShare, maximumShare: target.maximumShare,
                    minimumShareValueYuanPerPoint: valuePerPoint(rows?.minimum, base: own + tolled, sign: 1),
                    maximumShareValueYuanPerPoint: valuePerPoint(rows?.maximum, base: own + tolled, sign: -1)))
        }
        func cap(_ kind: Solution.CapResult.Kind, scope: String, processes: [String]?, row: Int, unit: String) -> Solution.CapResult {
            .init(
                kind: kind, scope: scope, processes: processes?.joined(separator: ";"), limit: formulation.model.rows[row].upper,
                used: tidy(result.rowActivities[row]), unit: unit, valueYuanPerUnit: duals.map { tidy(-$0[row]) })
        }
        for (scope, row) in formulation.carbonCapRows.sorted(by: { $0.key < $1.key }) {
            solution.caps.append(cap(.carbon, scope: scope, processes: nil, row: row, unit: "t CO2/y"))
        }
        for (k, energy) in network.energyCaps.enumerated() {
            let scopes = (energy.nationalCapKWhPerYear == nil ? [] : ["national"]) + energy.regionalCapsKWhPerYear.keys.sorted()
            for scope in scopes {
                guard let row = formulation.energyCapRows[scope == "national" ? "\(k)" : "\(k).\(scope)"] else { continue }
                solution.caps.append(cap(.energy, scope: scope, processes: energy.processes, row: row, unit: "kWh/y"))
            }
        }
        if formulation.hasSitingDecisions { solution.plan = SitingPlanReader.plan(formulation, x: x, plants: solution.plants) }
        self.solution = solution
    }
}

/// What an idle plant would pay per kWh: its own or its region's grid price (the mean over
/// periods) plus its surcharge and certificates; reported so an idle plant is not shown as paying nothing.
private func idlePrice(_ operation: PlantOperation, conditions: PeriodConditions, periods: [Period]) -> Double {
    let grid = periods.indices.reduce(0) { $0 + conditions.gridPrice(operation.region, $1) * periods[$1].shareOfYear }
    return (operation.ownPriceYuanPerKWh ?? grid) + operation.surchargeYuanPerKWh + operation.greenCertificateYuanPerKWh
}
