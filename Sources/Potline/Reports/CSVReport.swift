import CSV
import Foundation

/// The solution's tables as CSV files in a folder, for spreadsheets and scripts. Headers use the
/// same unit-carrying names as the JSON keys.
public enum CSVReport {
    /// Writes `summary.csv`, `delivered_costs.csv`, `plants.csv`, `supplies.csv`, `flows.csv`
    /// and, for an infeasible network, `unmet_demands.csv` into `folder` (created if missing).
    public static func write(_ solution: Solution, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let breakdown = solution.costBreakdownYuan
        try write(
            folder, "summary.csv", ["quantity", "value", "unit"],
            [
                ["network", solution.network, ""], ["base_year", "\(solution.baseYear)", "year"],
                ["status", solution.status.rawValue, ""],
                ["total_cost", number(solution.totalCostYuan), "yuan/y"],
                ["materials_cost", number(breakdown?.materials), "yuan/y"],
                ["electricity_cost", number(breakdown?.electricity), "yuan/y"],
                ["freight_cost", number(breakdown?.freight), "yuan/y"],
                ["other_cost", number(breakdown?.other), "yuan/y"],
                ["rows", "\(solution.model.rows)", ""], ["columns", "\(solution.model.columns)", ""],
                ["nonzeros", "\(solution.model.nonzeros)", ""], ["solve_seconds", number(solution.solveSeconds), "s"],
            ])
        try write(
            folder, "delivered_costs.csv",
            [
                "region", "commodity", "demand_t_per_y", "marginal_cost_yuan_per_t", "average_cost_yuan_per_t",
                "materials_yuan_per_t", "electricity_yuan_per_t", "freight_yuan_per_t", "other_yuan_per_t",
            ],
            solution.deliveredCosts.map {
                let split = $0.averageCostBreakdownYuanPerT
                return [
                    $0.region, $0.commodity, number($0.demandTPerY), number($0.marginalCostYuanPerT),
                    number($0.averageCostYuanPerT), number(split?.materials), number(split?.electricity),
                    number(split?.freight), number(split?.other),
                ]
            })
        try write(
            folder, "plants.csv",
            [
                "id", "region", "process", "output", "owner", "capacity_t_per_y", "production_t_per_y", "utilisation",
                "electricity_kwh_per_t", "electricity_price_yuan_per_kwh", "electricity_kwh", "electricity_cost_yuan",
                "other_cost_yuan", "unit_cost_yuan_per_t",
            ],
            solution.plants.map {
                [
                    $0.id, $0.region, $0.process, $0.output, $0.owner, number($0.capacityTPerY), number($0.productionTPerY),
                    number($0.utilisation), number($0.electricityKwhPerT), number($0.electricityPriceYuanPerKwh),
                    number($0.electricityKwh), number($0.electricityCostYuan), number($0.otherCostYuan),
                    number($0.unitCostYuanPerT),
                ]
            })
        try write(
            folder, "supplies.csv",
            ["id", "region", "commodity", "capacity_t_per_y", "purchased_t_per_y", "price_yuan_per_t", "cost_yuan"],
            solution.supplies.map {
                [
                    $0.id, $0.region, $0.commodity, number($0.capacityTPerY), number($0.purchasedTPerY),
                    number($0.priceYuanPerT), number($0.costYuan),
                ]
            })
        try write(
            folder, "flows.csv",
            [
                "link", "mode", "commodity", "from", "to", "tonnes_per_y", "distance_km", "tonne_km",
                "freight_cost_yuan_per_t", "freight_cost_yuan",
            ],
            solution.flows.map {
                [
                    $0.link, $0.mode, $0.commodity, $0.from, $0.to, number($0.tonnesPerY), number($0.distanceKm),
                    number($0.tonneKm), number($0.freightCostYuanPerT), number($0.freightCostYuan),
                ]
            })
        if !solution.unmetDemands.isEmpty {
            try write(
                folder, "unmet_demands.csv", ["region", "commodity", "demand_t_per_y", "unmet_t_per_y"],
                solution.unmetDemands.map { [$0.region, $0.commodity, number($0.demandTPerY), number($0.unmetTPerY)] })
        }
    }

    /// Plain decimal with enough digits to round-trip; blank for a missing value.
    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    static func write(_ folder: URL, _ file: String, _ header: [String], _ rows: [[String]]) throws {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: header)
        for row in rows { try writer.write(row: row) }
        writer.stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw CocoaError(.fileWriteUnknown)
        }
        try data.write(to: folder.appendingPathComponent(file), options: .atomic)
    }
}
