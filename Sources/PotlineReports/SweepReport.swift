import Foundation
import LinearModel
import PotlineFiles
import PotlineFormulation
import PotlineNetwork
import PotlineResults
import PotlineSolve
import PotlineStudies

/// A sweep as a person reads it: one line per value, the plans by letter, and the breakpoints.
public enum SweepReport {
    /// At most this many delivered costs are shown as columns: those that vary most over the sweep.
    static let deliveredCostColumns = 3

    public static func render(_ sweep: Sweep) -> String {
        var out: [String] = []
        let values = sweep.points.map(\.value)
        let statistics = sweep.statistics
        let unit = switch sweep.mode {
        case .set: ""
        case .scale: " (× base)"
        case .add: " (+ base)"
        }
        out.append(
            "Sweep of \(sweep.parameter)\(unit) on \(sweep.network)"
                + (sweep.scenarioFiles.isEmpty ? "" : " with \(sweep.scenarioFiles.joined(separator: " + "))")
                + ": \(values.count) values from \(NumberText.format(values.first ?? 0)) to \(NumberText.format(values.last ?? 0))")
        if let siting = sweep.siting { out.append(siting.words) }
        out.append(
            "\(statistics.gridSolves + statistics.refinementSolves) solves (\(statistics.gridSolves) values + "
                + "\(statistics.refinementSolves) bisecting), \(Format.number(Double(statistics.simplexIterations))) simplex "
                + "iterations, \(Format.seconds(statistics.wallSeconds)) on \(statistics.threads) "
                + (statistics.threads == 1 ? "thread" : "threads")
                + (statistics.mixedInteger
                    ? ", mixed-integer (warm starts do not apply)" : statistics.warmStart ? ", warm-started" : ", cold"))

        let shown = varyingDemands(sweep)
        out.append("")
        var columns: [(title: String, alignment: TextTable.Alignment)] = [
            ("value", .right), ("status", .left), ("total M yuan/y", .right),
        ]
        for key in shown { columns.append(("\(key.region) \(key.commodity) yuan/t", .right)) }
        columns.append(("plan", .left))
        var table = TextTable(columns)
        for point in sweep.points {
            var cells = [NumberText.format(point.value), point.status.words, Format.optional(point.totalCostYuan.map { $0 / 1e6 }, decimals: 1)]
            for key in shown {
                let cost = point.deliveredCosts.first { $0.region == key.region && $0.commodity == key.commodity }
                cells.append(Format.optional(cost?.marginalCostYuanPerTonne, decimals: 1))
            }
            cells.append(point.plan)
            table.add(cells)
        }
        out.append(table.render())
        if !shown.isEmpty {
            out.append("  (delivered costs are marginal: the cost of one more tonne)")
        }

        out.append("")
        out.append("Plans (what the optimum uses):")
        for plan in sweep.plans {
            out.append("  \(plan.label)  \(describe(plan))")
        }

        out.append("")
        let digits = decimals(for: sweep.tolerance)
        if sweep.breakpoints.isEmpty {
            out.append("Breakpoints: none (the plan is the same at every value).")
        } else {
            out.append("Breakpoints (where the plan changes, located to ±\(NumberText.format(sweep.tolerance / 2))):")
            var breaks = TextTable([
                ("value", .right), ("between", .left), ("plans", .left), ("into use", .left), ("out of use", .left),
            ])
            for point in sweep.breakpoints {
                breaks.add([
                    Format.number(point.value, decimals: digits),
                    "\(Format.number(point.lowerValue, decimals: digits))…\(Format.number(point.upperValue, decimals: digits))",
                    "\(point.planBelow) → \(point.planAbove)", point.entering.joined(separator: ", "),
                    point.leaving.joined(separator: ", "),
                ])
            }
            out.append(breaks.render())
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func describe(_ plan: Sweep.Plan) -> String {
        guard plan.status == .optimal else { return plan.status.words }
        var parts: [String] = []
        if !plan.sites.isEmpty { parts.append("siting " + list(plan.sites)) }
        parts.append("plants " + list(plan.plants))
        parts.append("routes " + list(plan.routes))
        parts.append("supplies " + list(plan.supplies))
        return parts.joined(separator: "; ")
    }

    private static func list(_ items: [String]) -> String {
        items.isEmpty ? "none" : items.joined(separator: ", ")
    }

    /// Enough decimals to show a value to the tolerance (0.0000002 → 7), at most 12.
    static func decimals(for tolerance: Double) -> Int {
        guard tolerance > 0, tolerance < 1 else { return 0 }
        return Int.clamped(-log10(tolerance), to: 0...12, rounding: .up)
    }

    private struct DemandKey: Hashable {
        var region: String
        var commodity: String
    }

    /// The demands whose marginal delivered cost varies most over the sweep, in demand order.
    private static func varyingDemands(_ sweep: Sweep) -> [DemandKey] {
        var ranges: [DemandKey: (low: Double, high: Double)] = [:]
        var order: [DemandKey] = []
        for point in sweep.points {
            for cost in point.deliveredCosts {
                let key = DemandKey(region: cost.region, commodity: cost.commodity)
                if ranges[key] == nil { order.append(key) }
                guard let value = cost.marginalCostYuanPerTonne else { continue }
                let range = ranges[key] ?? (value, value)
                ranges[key] = (min(range.low, value), max(range.high, value))
            }
        }
        if order.count <= deliveredCostColumns { return order }
        let spread = { (key: DemandKey) in ranges[key].map { $0.high - $0.low } ?? 0 }
        let chosen = Set(order.sorted { spread($0) > spread($1) }.prefix(deliveredCostColumns))
        return order.filter(chosen.contains)
    }

    // MARK: - CSV

    /// Writes `points.csv`, `delivered_costs.csv`, `plans.csv` and `breakpoints.csv` into `folder`.
    public static func writeCSV(_ sweep: Sweep, to folder: URL) throws {
        try CSVReport.prepareFolder(folder)
        let n = CSVFile.number
        try CSVFile.write(
            folder, "points.csv", ["value", "status", "total_cost_yuan", "plan", "simplex_iterations", "solve_seconds"],
            sweep.points.map {
                [n($0.value), $0.status.rawValue, n($0.totalCostYuan), $0.plan, String($0.simplexIterations), n($0.solveSeconds)]
            })
        try CSVFile.write(
            folder, "delivered_costs.csv",
            ["value", "region", "commodity", "marginal_cost_yuan_per_t", "average_cost_yuan_per_t"],
            sweep.points.flatMap { point in
                point.deliveredCosts.map {
                    [n(point.value), $0.region, $0.commodity, n($0.marginalCostYuanPerTonne), n($0.averageCostYuanPerTonne)]
                }
            })
        try CSVFile.write(
            folder, "plans.csv", ["plan", "status", "sites", "plants", "routes", "supplies"],
            sweep.plans.map {
                [
                    $0.label, $0.status.rawValue, $0.sites.joined(separator: ";"), $0.plants.joined(separator: ";"),
                    $0.routes.joined(separator: ";"),
                    $0.supplies.joined(separator: ";"),
                ]
            })
        try CSVFile.write(
            folder, "breakpoints.csv",
            ["value", "lower_value", "upper_value", "plan_below", "plan_above", "entering", "leaving"],
            sweep.breakpoints.map {
                [
                    n($0.value), n($0.lowerValue), n($0.upperValue), $0.planBelow, $0.planAbove,
                    $0.entering.joined(separator: ";"), $0.leaving.joined(separator: ";"),
                ]
            })
    }
}
