import PotlineFormulation
import PotlineResults

/// A solution's tables (`solve --out`, `--xlsx`): summary, delivered costs, plants, supplies,
/// flows, and where they apply captive power, self-supply, the plan and the shortfalls. Their
/// columns are described once, in ``ResultTableSchema``.
public enum SolutionTables {
    public static func tables(_ solution: Solution) -> [ResultTable] {
        typealias Schema = ResultTableSchema
        let components = CostComponents().named.map(\.name)
        let periods: [String] = solution.periods.count > 1 ? solution.periods.map(\.id) : []
        let items = ["component": components, "period": periods]
        let costs = solution.costBreakdownYuan?.named.map { ResultCell.number($0.value) } ?? components.map { _ in .number(nil) }
        var tables = [
            ResultTable(
                Schema.summary,
                rows: [
                    [.text("network"), .text(solution.network), .text("")],
                    [.text("base_year"), .integer(solution.baseYear), .text("year")],
                    [.text("status"), .text(solution.status.rawValue), .text("")],
                    [.text("total_cost_yuan"), .number(solution.totalCostYuan), .text("yuan/y")],
                ] + zip(components, costs).map { [.text("\($0)_cost_yuan"), $1, .text("yuan/y")] } + [
                    [.text("co2_t"), .number(solution.co2T), .text("t/y")], [.text("mip_gap"), .number(solution.mipGap), .text("")],
                    [.text("rows"), .integer(solution.model.rows), .text("")],
                    [.text("columns"), .integer(solution.model.columns), .text("")],
                    [.text("nonzeros"), .integer(solution.model.nonzeros), .text("")],
                    [.text("solve_seconds"), .number(solution.solveSeconds), .text("s")],
                ]),
            ResultTable(
                Schema.deliveredCosts, items: items,
                rows: solution.deliveredCosts.map { cost in
                    let split = cost.averageCostBreakdownYuanPerTonne?.named.map(\.value)
                    return [
                        .text(cost.region), .text(cost.commodity), .number(cost.demandTonnesPerYear), .number(cost.marginalCostYuanPerTonne),
                        .number(cost.averageCostYuanPerTonne),
                    ] + components.indices.map { .number(split?[$0]) } + [.number(cost.embeddedCo2TonnesPerTonne)]
                        + periods.map { .number(cost.marginalCostByPeriodYuanPerTonne?[$0]) }
                }),
            ResultTable(
                Schema.plants, items: items,
                rows: solution.plants.map { plant in
                    [
                        .text(plant.id), .text(plant.kind.rawValue), .text(plant.region), .text(plant.process), .text(plant.output),
                        .text(plant.owner), .number(plant.capacityTonnesPerYear), .number(plant.productionTonnesPerYear),
                        .number(plant.utilisation), .text(plant.retrofit ?? ""), .flag(plant.closed), .number(plant.electricityKWhPerTonne),
                        .number(plant.electricityKWh), .number(plant.electricityPriceYuanPerKWh), .number(plant.surchargeYuanPerKWh),
                        .number(plant.captiveShare), .number(plant.unitCostYuanPerTonne), .number(plant.directCo2TonnesPerTonne),
                        .number(plant.embeddedCo2TonnesPerTonne),
                    ] + plant.costYuan.named.map { .number($0.value) }
                }),
            ResultTable(
                Schema.supplies,
                rows: solution.supplies.map {
                    [
                        .text($0.id), .text($0.region), .text($0.commodity), .number($0.capacityTonnesPerYear), .number($0.purchasedTonnesPerYear),
                        .number($0.priceYuanPerTonne), .number($0.costYuan),
                    ]
                }),
            ResultTable(
                Schema.flows, items: items,
                rows: solution.flows.map { flow in
                    [
                        .text(flow.link), .text(flow.mode), .text(flow.commodity), .text(flow.from), .text(flow.to), .number(flow.tonnesPerYear),
                        .number(flow.distanceKm), .number(flow.tonneKm), .number(flow.freightCostYuanPerTonne), .number(flow.freightCostYuan),
                    ] + periods.map { .number(flow.tonnesByPeriod?[$0]) }
                }),
        ]
        if !solution.captivePower.isEmpty {
            tables.append(
                ResultTable(
                    Schema.captivePower,
                    rows: solution.captivePower.map {
                        [
                            .text($0.id), .text($0.plant), .number($0.generatedKWh), .number($0.capacityKWhPerYear), .number($0.share),
                            .number($0.minimumShare), .number($0.maximumShare), .number($0.minimumShareValueYuanPerPoint),
                            .number($0.maximumShareValueYuanPerPoint),
                        ]
                    }))
        }
        if !solution.selfSupply.isEmpty {
            tables.append(
                ResultTable(
                    Schema.selfSupply,
                    rows: solution.selfSupply.map {
                        [
                            .text($0.owner), .text($0.process), .number($0.inHouseTonnesPerYear), .number($0.tolledTonnesPerYear), .number($0.share),
                            .number($0.tollingFeesYuan), .number($0.minimumShare), .number($0.maximumShare),
                            .number($0.minimumShareValueYuanPerPoint), .number($0.maximumShareValueYuanPerPoint),
                        ]
                    }))
        }
        if !solution.caps.isEmpty {
            tables.append(
                ResultTable(
                    Schema.caps,
                    rows: solution.caps.map {
                        [
                            .text($0.kind.rawValue), .text($0.scope), .text($0.processes ?? ""), .number($0.limit), .number($0.used), .text($0.unit),
                            .number($0.valueYuanPerUnit),
                        ]
                    }))
        }
        if let plan = solution.plan { tables += planTables(plan) }
        if !solution.unmetDemands.isEmpty {
            tables.append(
                ResultTable(
                    Schema.unmetDemands,
                    rows: solution.unmetDemands.map {
                        [.text($0.region), .text($0.commodity), .number($0.demandTonnesPerYear), .number($0.unmetTonnesPerYear)]
                    }))
        }
        if !solution.infeasibleConstraints.isEmpty {
            tables.append(ResultTable(Schema.infeasibleConstraints, rows: solution.infeasibleConstraints.map { [.text($0)] }))
        }
        return tables
    }

    private static func planTables(_ plan: SitingPlan) -> [ResultTable] {
        typealias Schema = ResultTableSchema
        return [
            ResultTable(
                Schema.planBuilds,
                rows: plan.builds.map {
                    [
                        .text($0.candidate), .text($0.region), .text($0.process), .number($0.capacityTonnesPerYear),
                        .number($0.productionTonnesPerYear), .number($0.capexYuan), .number($0.annualCapitalYuan), .number($0.yearOneCostYuan),
                        .number($0.marginYuanPerYear), .number($0.marginPowerPriceYuanPerKWh),
                    ]
                }),
            ResultTable(
                Schema.planClosures,
                rows: plan.closures.map {
                    [.text($0.plant), .text($0.region), .text($0.process), .number($0.capacityFreedTonnesPerYear), .number($0.closureCostYuanPerYear)]
                }),
            ResultTable(
                Schema.planRetrofits,
                rows: plan.retrofits.map {
                    [
                        .text($0.retrofit), .text($0.plant), .number($0.fromKWhPerTonne), .number($0.toKWhPerTonne), .number($0.capexYuan),
                        .number($0.annualCapitalYuan),
                    ]
                }),
            ResultTable(
                Schema.planTransfers,
                rows: plan.transfers.map {
                    [.text($0.fromPlant), .text($0.fromRegion), .text($0.toCandidate), .text($0.toRegion), .number($0.tonnesPerYear)]
                }),
            ResultTable(
                Schema.planRejected,
                rows: plan.rejected.map {
                    [
                        .text($0.candidate), .text($0.region), .text($0.reason.words), .number($0.breakEvenReductionYuanPerYear),
                        .number($0.breakEvenReductionShare), .number($0.breakEvenPowerPriceYuanPerKWh),
                    ]
                }),
        ]
    }
}
