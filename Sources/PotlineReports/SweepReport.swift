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

    /// A demand to show as a column: `REGION/COMMODITY` on the command line.
    public struct Demand: Hashable, Sendable, CustomStringConvertible {
        public var region: String
        public var commodity: String

        public init(region: String, commodity: String) {
            self.region = region
            self.commodity = commodity
        }

        /// Parses `REGION/COMMODITY`; nil when the text is not of that form.
        public init?(parsing text: String) {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
            self.init(region: parts[0], commodity: parts[1])
        }

        public var description: String { "\(region)/\(commodity)" }
    }

    /// The sweep as text. `show` names the delivered costs to show as columns; when empty, the
    /// ``deliveredCostColumns`` that vary most are shown.
    public static func render(_ sweep: Sweep, show: [Demand] = []) -> String {
        var out: [String] = []
        let values = sweep.points.map(\.value)
        let statistics = sweep.statistics
        let unit = switch sweep.mode {
        case .set: ""
        case .scale: " (× base)"
        case .add: " (+ base)"
        }
        out += TextSummary.wrap(
            ["Sweep of \(sweep.parameter)\(unit) on \(sweep.network)"
                + (sweep.scenarioFiles.isEmpty ? "" : " with \(sweep.scenarioFiles.joined(separator: " + "))") + ":",
             values.count == 1 ? "1 value, \(NumberText.format(values[0]))" : "\(values.count) values from \(NumberText.format(values.first ?? 0)) to \(NumberText.format(values.last ?? 0))"],
            separator: " ", indent: "", continuation: "  ")
        if let siting = sweep.siting { out.append(siting.words) }
        out += TextSummary.wrap(
            [Format.count(statistics.gridSolves + statistics.refinementSolves, "solve") + " (" + Format.count(statistics.gridSolves, "value") + " +",
             "\(statistics.refinementSolves) bisecting),",
             "\(Format.number(Double(statistics.simplexIterations))) simplex iterations,",
             "\(Format.seconds(statistics.wallSeconds)) on \(statistics.threads) "
                + (statistics.threads == 1 ? "thread" : "threads")
                + (statistics.mixedInteger
                    ? ", mixed-integer (warm starts do not apply)" : statistics.warmStart ? ", warm-started" : ", cold")
                + (statistics.inPlace ? ", one model changed in place" : "")],
            separator: " ", indent: "", continuation: "  ")
        if let reason = statistics.rebuiltBecause {
            out += TextSummary.wrap(["Model rebuilt at every value:", reason + "."], separator: " ", indent: "", continuation: "  ")
        }

        let shown = show.isEmpty ? varyingDemands(sweep) : show
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
        out.append("Plans (what the optimum uses; B, C, … as changes from A):")
        if let first = sweep.plans.first {
            out += describe(first).enumerated().flatMap { n, part in
                wrapList(part, indent: n == 0 ? "  \(first.label)  " : "     ")
            }
            for plan in sweep.plans.dropFirst() {
                out += describe(plan, from: first).enumerated().flatMap { n, part in
                    wrapList(part, indent: n == 0 ? "  \(plan.label)  " : "     ")
                }
            }
        }

        out.append("")
        let digits = decimals(for: sweep.tolerance)
        if sweep.breakpoints.isEmpty {
            out.append("Breakpoints: none (the plan is the same at every value).")
            out += unmovedCostNote(sweep)
            return out.joined(separator: "\n") + "\n"
        }
        var breaks: TextTable
        if sweep.refined {
            out.append("Breakpoints (where the plan changes, located by bisection to ±\(NumberText.format(sweep.tolerance / 2))):")
            breaks = TextTable([("value", .right), ("between", .left), ("plans", .left)])
        } else {
            out.append("Plan changes (each lies between two neighbouring values; --no-refine did not locate them):")
            breaks = TextTable([("between", .left), ("plans", .left)])
        }
        for point in sweep.breakpoints {
            let between =
                sweep.refined
                ? "\(Format.number(point.lowerValue, decimals: digits))…\(Format.number(point.upperValue, decimals: digits))"
                : "\(NumberText.format(point.lowerValue))…\(NumberText.format(point.upperValue))"
            let plans = "\(point.planBelow) → \(point.planAbove)"
            breaks.add(sweep.refined ? [Format.number(point.value, decimals: digits), between, plans] : [between, plans])
        }
        out.append(breaks.render())
        for point in sweep.breakpoints {
            out += wrapList(
                "into use: " + list(point.entering) + "; out of use: " + list(point.leaving),
                indent: "  \(point.planBelow) → \(point.planAbove)  ")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Longest list of plants, routes or supplies a plan shows in full; a longer one is counted
    /// (its items are in `--json` and `--out`'s `plans.csv`), so a national plan stays a few lines.
    static let listedItems = 12

    /// A plan's parts, one per kind (`siting …`, `plants …`, `routes …`, `supplies …`). Siting
    /// decisions are always listed: they are what a siting sweep is read for.
    static func describe(_ plan: Sweep.Plan) -> [String] {
        guard plan.status == .optimal else { return [plan.status.words] }
        var parts: [String] = []
        if !plan.sites.isEmpty { parts.append("siting " + list(plan.sites)) }
        for (kind, items) in [("plants", plan.plants), ("routes", plan.routes), ("supplies", plan.supplies)] {
            parts.append(
                items.count <= listedItems
                    ? "\(kind) " + list(items) : "\(items.count) \(kind) in use (listed in --json and --out plans.csv)")
        }
        return parts
    }

    /// A plan as its differences from `base`: what it adds (`+`) and drops (`−`) of each kind.
    static func describe(_ plan: Sweep.Plan, from base: Sweep.Plan) -> [String] {
        guard plan.status == .optimal, base.status == .optimal else { return describe(plan) }
        var parts: [String] = []
        for (kind, mine, theirs) in [
            ("siting", plan.sites, base.sites), ("plants", plan.plants, base.plants),
            ("routes", plan.routes, base.routes), ("supplies", plan.supplies, base.supplies),
        ] {
            let added = mine.filter { !theirs.contains($0) }, dropped = theirs.filter { !mine.contains($0) }
            var change: [String] = []
            if !added.isEmpty { change.append("+ " + added.joined(separator: ", ")) }
            if !dropped.isEmpty { change.append("− " + dropped.joined(separator: ", ")) }
            if !change.isEmpty { parts.append("\(kind) " + change.joined(separator: "; ")) }
        }
        return parts.isEmpty ? ["as \(base.label)"] : ["from \(base.label):"] + parts
    }

    /// A comma-separated list wrapped to the report width, continuation lines indented.
    private static func wrapList(_ text: String, indent: String) -> [String] {
        let items = text.components(separatedBy: ", ")
        return TextSummary.wrap(
            items.enumerated().map { $0 == items.count - 1 ? $1 : $1 + "," }, separator: " ", indent: indent,
            continuation: String(repeating: " ", count: indent.count + 2))
    }

    private static func list(_ items: [String]) -> String {
        items.isEmpty ? "none" : items.joined(separator: ", ")
    }

    /// Enough decimals to show a value to the tolerance (0.0000002 → 7), at most 12.
    static func decimals(for tolerance: Double) -> Int {
        guard tolerance > 0, tolerance < 1 else { return 0 }
        return Int.clamped(-log10(tolerance), to: 0...12, rounding: .up)
    }

    /// The demands whose marginal delivered cost varies most over the sweep, in demand order.
    private static func varyingDemands(_ sweep: Sweep) -> [Demand] {
        var ranges: [Demand: (low: Double, high: Double)] = [:]
        var order: [Demand] = []
        for point in sweep.points {
            for cost in point.deliveredCosts {
                let key = Demand(region: cost.region, commodity: cost.commodity)
                if ranges[key] == nil { order.append(key) }
                guard let value = cost.marginalCostYuanPerTonne else { continue }
                let range = ranges[key] ?? (value, value)
                ranges[key] = (min(range.low, value), max(range.high, value))
            }
        }
        if order.count <= deliveredCostColumns { return order }
        let spread = { (key: Demand) in ranges[key].map { $0.high - $0.low } ?? 0 }
        let chosen = Set(order.sorted { spread($0) > spread($1) }.prefix(deliveredCostColumns))
        return order.filter(chosen.contains)
    }

    /// A sweep whose every value gives the same total cost has most likely moved an input the
    /// optimum does not read, such as a region's grid price for plants that have a price of their
    /// own. Say so, so the flat line is not taken for a finding.
    static func unmovedCostNote(_ sweep: Sweep) -> [String] {
        let costs = sweep.points.compactMap(\.totalCostYuan)
        guard sweep.points.count > 1, costs.count == sweep.points.count, let first = costs.first, costs.allSatisfy({ $0 == first })
        else { return [] }
        let text =
            "The total cost is the same at every value: this input does not move the optimum here. Check that it is read at all: "
            + "a plant's own electricity_price_yuan_per_kwh overrides its region's grid price, and a capacity or price outside "
            + "what the plan uses changes nothing."
        return TextSummary.wrap(text.split(separator: " ").map(String.init), separator: " ", indent: "Note: ", continuation: "  ")
    }

    // MARK: - Tables

    /// Route names with `->` for `→`, so the tables stay plain ASCII for any spreadsheet.
    static func ascii(_ items: [String]) -> [String] {
        items.map { $0.replacingOccurrences(of: "→", with: "->") }
    }

    /// The sweep's tables (`--out`, `--xlsx`): points, delivered costs, plans, breakpoints.
    public static func tables(_ sweep: Sweep) -> [ResultTable] {
        typealias Schema = ResultTableSchema
        return [
            ResultTable(
                Schema.sweepPoints,
                rows: sweep.points.map {
                    [
                        .number($0.value), .text($0.status.rawValue), .number($0.totalCostYuan), .text($0.plan), .integer($0.simplexIterations),
                        .number($0.solveSeconds),
                    ]
                }),
            ResultTable(
                Schema.sweepDeliveredCosts,
                rows: sweep.points.flatMap { point in
                    point.deliveredCosts.map {
                        [.number(point.value), .text($0.region), .text($0.commodity), .number($0.marginalCostYuanPerTonne), .number($0.averageCostYuanPerTonne)]
                    }
                }),
            ResultTable(
                Schema.sweepPlans,
                rows: sweep.plans.map {
                    [
                        .text($0.label), .text($0.status.rawValue), .text($0.sites.joined(separator: ";")), .text($0.plants.joined(separator: ";")),
                        .text(ascii($0.routes).joined(separator: ";")), .text($0.supplies.joined(separator: ";")),
                    ]
                }),
            ResultTable(
                Schema.sweepBreakpoints,
                rows: sweep.breakpoints.map {
                    [
                        .number($0.value), .number($0.lowerValue), .number($0.upperValue), .text($0.planBelow), .text($0.planAbove),
                        .text(ascii($0.entering).joined(separator: ";")), .text(ascii($0.leaving).joined(separator: ";")),
                    ]
                }),
        ]
    }
}
