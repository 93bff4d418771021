import CSV
import Foundation
import LinearModel
import PotlineFiles
import PotlineFormulation
import PotlineNetwork
import PotlineResults
import PotlineSolve
import PotlineStudies

/// The solution's tables as CSV files in a folder, for spreadsheets and scripts. Headers use the
/// same unit-carrying names as the JSON keys.
public enum CSVReport {
    /// Writes `summary.csv`, `delivered_costs.csv`, `plants.csv`, `supplies.csv`, `flows.csv`,
    /// and where they apply `captive_power.csv`, `self_supply.csv`, `plan_*.csv` and
    /// `unmet_demands.csv` into `folder` (created if missing).
    public static func write(_ solution: Solution, to folder: URL) throws {
        try prepareFolder(folder)
        let componentRows: [[String]] = (solution.costBreakdownYuan ?? CostComponents()).named.map {
            ["\($0.name)_cost", solution.costBreakdownYuan == nil ? "" : CSVFile.number($0.value), "yuan/y"]
        }
        try CSVFile.write(folder, "summary.csv", ["quantity", "value", "unit"],
            [
                ["network", solution.network, ""], ["base_year", "\(solution.baseYear)", "year"],
                ["status", solution.status.rawValue, ""],
                ["total_cost", CSVFile.number(solution.totalCostYuan), "yuan/y"],
            ] + componentRows + [
                ["co2", CSVFile.number(solution.co2T), "t/y"], ["mip_gap", CSVFile.number(solution.mipGap), ""],
                ["rows", "\(solution.model.rows)", ""], ["columns", "\(solution.model.columns)", ""],
                ["nonzeros", "\(solution.model.nonzeros)", ""], ["solve_seconds", CSVFile.number(solution.solveSeconds), "s"],
            ])
        let periodIDs: [String] = solution.periods.count > 1 ? solution.periods.map(\.id) : []
        var deliveredHeader = ["region", "commodity", "demand_t_per_y", "marginal_cost_yuan_per_t", "average_cost_yuan_per_t"]
        deliveredHeader += CostComponents().named.map { "\($0.name)_yuan_per_t" }
        deliveredHeader += ["embedded_co2_t_per_t"] + periodIDs.map { "marginal_cost_\($0)_yuan_per_t" }
        let deliveredRows: [[String]] = solution.deliveredCosts.map { cost in
            var row = [
                cost.region, cost.commodity, CSVFile.number(cost.demandTonnesPerYear), CSVFile.number(cost.marginalCostYuanPerTonne),
                CSVFile.number(cost.averageCostYuanPerTonne),
            ]
            let split = cost.averageCostBreakdownYuanPerTonne?.named.map(\.value)
            row += CostComponents().named.indices.map { CSVFile.number(split?[$0]) }
            row.append(CSVFile.number(cost.embeddedCo2TonnesPerTonne))
            row += periodIDs.map { CSVFile.number(cost.marginalCostByPeriodYuanPerTonne?[$0]) }
            return row
        }
        try CSVFile.write(folder, "delivered_costs.csv", deliveredHeader, deliveredRows)
        try CSVFile.write(folder, "plants.csv",
            [
                "id", "kind", "region", "process", "output", "owner", "capacity_t_per_y", "production_t_per_y", "utilisation",
                "retrofit", "closed", "electricity_kwh_per_t", "electricity_kwh", "electricity_price_yuan_per_kwh",
                "surcharge_yuan_per_kwh", "captive_share", "unit_cost_yuan_per_t", "direct_co2_t_per_t", "embedded_co2_t_per_t",
            ] + CostComponents().named.map { "\($0.name)_cost_yuan" },
            solution.plants.map { plant in
                [
                    plant.id, plant.kind.rawValue, plant.region, plant.process, plant.output, plant.owner,
                    CSVFile.number(plant.capacityTonnesPerYear), CSVFile.number(plant.productionTonnesPerYear), CSVFile.number(plant.utilisation), plant.retrofit ?? "",
                    plant.closed ? "true" : "false", CSVFile.number(plant.electricityKWhPerTonne), CSVFile.number(plant.electricityKWh),
                    CSVFile.number(plant.electricityPriceYuanPerKWh), CSVFile.number(plant.surchargeYuanPerKWh), CSVFile.number(plant.captiveShare),
                    CSVFile.number(plant.unitCostYuanPerTonne), CSVFile.number(plant.directCo2TonnesPerTonne), CSVFile.number(plant.embeddedCo2TonnesPerTonne),
                ] + plant.costYuan.named.map { CSVFile.number($0.value) }
            })
        try CSVFile.write(folder, "supplies.csv",
            ["id", "region", "commodity", "capacity_t_per_y", "purchased_t_per_y", "price_yuan_per_t", "cost_yuan"],
            solution.supplies.map {
                [
                    $0.id, $0.region, $0.commodity, CSVFile.number($0.capacityTonnesPerYear), CSVFile.number($0.purchasedTonnesPerYear),
                    CSVFile.number($0.priceYuanPerTonne), CSVFile.number($0.costYuan),
                ]
            })
        try CSVFile.write(folder, "flows.csv",
            [
                "link", "mode", "commodity", "from", "to", "tonnes_per_y", "distance_km", "tonne_km",
                "freight_cost_yuan_per_t", "freight_cost_yuan",
            ] + periodIDs.map { "tonnes_\($0)" },
            solution.flows.map { flow in
                [
                    flow.link, flow.mode, flow.commodity, flow.from, flow.to, CSVFile.number(flow.tonnesPerYear), CSVFile.number(flow.distanceKm),
                    CSVFile.number(flow.tonneKm), CSVFile.number(flow.freightCostYuanPerTonne), CSVFile.number(flow.freightCostYuan),
                ] + periodIDs.map { CSVFile.number(flow.tonnesByPeriod?[$0]) }
            })
        if !solution.captivePower.isEmpty {
            try CSVFile.write(folder, "captive_power.csv",
                [
                    "id", "plant", "generated_kwh", "capacity_kwh_per_y", "share", "min_share", "max_share",
                    "min_share_value_yuan_per_point", "max_share_value_yuan_per_point",
                ],
                solution.captivePower.map {
                    [
                        $0.id, $0.plant, CSVFile.number($0.generatedKWh), CSVFile.number($0.capacityKWhPerYear), CSVFile.number($0.share),
                        CSVFile.number($0.minimumShare), CSVFile.number($0.maximumShare), CSVFile.number($0.minimumShareValueYuanPerPoint),
                        CSVFile.number($0.maximumShareValueYuanPerPoint),
                    ]
                })
        }
        if !solution.selfSupply.isEmpty {
            try CSVFile.write(folder, "self_supply.csv",
                [
                    "owner", "process", "in_house_t_per_y", "tolled_t_per_y", "share", "tolling_fees_yuan", "min_share",
                    "max_share", "min_share_value_yuan_per_point", "max_share_value_yuan_per_point",
                ],
                solution.selfSupply.map {
                    [
                        $0.owner, $0.process, CSVFile.number($0.inHouseTonnesPerYear), CSVFile.number($0.tolledTonnesPerYear), CSVFile.number($0.share),
                        CSVFile.number($0.tollingFeesYuan), CSVFile.number($0.minimumShare), CSVFile.number($0.maximumShare),
                        CSVFile.number($0.minimumShareValueYuanPerPoint), CSVFile.number($0.maximumShareValueYuanPerPoint),
                    ]
                })
        }
        if let plan = solution.plan { try writePlan(plan, to: folder) }
        if !solution.unmetDemands.isEmpty {
            try CSVFile.write(folder, "unmet_demands.csv", ["region", "commodity", "demand_t_per_y", "unmet_t_per_y"],
                solution.unmetDemands.map { [$0.region, $0.commodity, CSVFile.number($0.demandTonnesPerYear), CSVFile.number($0.unmetTonnesPerYear)] })
        }
        if !solution.infeasibleConstraints.isEmpty {
            try CSVFile.write(folder, "infeasible_constraints.csv", ["constraint"], solution.infeasibleConstraints.map { [$0] })
        }
    }

    private static func writePlan(_ plan: SitingPlan, to folder: URL) throws {
        try CSVFile.write(folder, "plan_builds.csv",
            [
                "candidate", "region", "process", "capacity_t_per_y", "production_t_per_y", "capex_yuan", "annual_capital_yuan",
                "year_one_cost_yuan", "margin_yuan_per_y", "margin_power_price_yuan_per_kwh",
            ],
            plan.builds.map {
                [
                    $0.candidate, $0.region, $0.process, CSVFile.number($0.capacityTonnesPerYear), CSVFile.number($0.productionTonnesPerYear), CSVFile.number($0.capexYuan),
                    CSVFile.number($0.annualCapitalYuan), CSVFile.number($0.yearOneCostYuan), CSVFile.number($0.marginYuanPerYear),
                    CSVFile.number($0.marginPowerPriceYuanPerKWh),
                ]
            })
        try CSVFile.write(folder, "plan_closures.csv", ["plant", "region", "process", "capacity_freed_t_per_y", "closure_cost_yuan_per_y"],
            plan.closures.map {
                [$0.plant, $0.region, $0.process, CSVFile.number($0.capacityFreedTonnesPerYear), CSVFile.number($0.closureCostYuanPerYear)]
            })
        try CSVFile.write(folder, "plan_retrofits.csv",
            ["retrofit", "plant", "from_kwh_per_t", "to_kwh_per_t", "capex_yuan", "annual_capital_yuan"],
            plan.retrofits.map {
                [
                    $0.retrofit, $0.plant, CSVFile.number($0.fromKWhPerTonne), CSVFile.number($0.toKWhPerTonne), CSVFile.number($0.capexYuan),
                    CSVFile.number($0.annualCapitalYuan),
                ]
            })
        try CSVFile.write(folder, "plan_transfers.csv", ["from_plant", "from_region", "to_candidate", "to_region", "tonnes_per_y"],
            plan.transfers.map { [$0.fromPlant, $0.fromRegion, $0.toCandidate, $0.toRegion, CSVFile.number($0.tonnesPerYear)] })
        try CSVFile.write(folder, "plan_rejected.csv",
            [
                "candidate", "region", "reason", "break_even_reduction_yuan_per_y", "break_even_reduction_share",
                "break_even_power_price_yuan_per_kwh",
            ],
            plan.rejected.map {
                [
                    $0.candidate, $0.region, $0.reason.words, CSVFile.number($0.breakEvenReductionYuanPerYear), CSVFile.number($0.breakEvenReductionShare),
                    CSVFile.number($0.breakEvenPowerPriceYuanPerKWh),
                ]
            })
    }

    /// Every file name `solve`, `compare` and `sweep` write.
    static let outputFiles = [
        "summary.csv", "delivered_costs.csv", "plants.csv", "supplies.csv", "flows.csv", "captive_power.csv",
        "self_supply.csv", "plan_builds.csv", "plan_closures.csv", "plan_retrofits.csv", "plan_transfers.csv",
        "plan_rejected.csv", "unmet_demands.csv", "infeasible_constraints.csv", "cases.csv", "production.csv",
        "plant_changes.csv", "input_changes.csv", "site_changes.csv", "points.csv", "plans.csv", "breakpoints.csv",
        "case_plants.csv", "case_flows.csv",
    ]

    /// Creates `folder` and removes the tables an earlier run wrote there, so that a table this
    /// run does not write (a plan, captive power) cannot be mistaken for this run's. Other files stay.
    public static func prepareFolder(_ folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in outputFiles {
            let url = folder.appendingPathComponent(file)
            if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        }
    }

}
