import PotlineFormulation
import PotlineNetwork
import PotlineResults
import PotlineUnits

/// The one-screen solve report, the default: the status, the total cost and its split, delivered
/// cost of the main product by area, the siting plan in brief, the three facts that matter most,
/// and how to get the full tables. No line is wider than ``width``.
enum TextSummary {
    /// The widest line the summary prints (a laptop terminal).
    static let width = 120

    static func render(_ solution: Solution) -> [String] {
        // The model line runs long on a large network: its clauses wrap (tables are left whole).
        var out = TextReport.header(solution).flatMap { line in
            line.count > width && !line.contains("\n")
                ? wrap(line.components(separatedBy: "; "), separator: "; ", indent: "", continuation: "  ") : [line]
        }
        guard let total = solution.totalCostYuan, let breakdown = solution.costBreakdownYuan else { return out + more() }
        out.append("")
        out.append(
            "Total delivered cost: \(solution.money.text(total)) \(solution.money.unit)/y"
                + (solution.co2T.map { $0 > 0 ? "; CO2 \(Format.number($0 / 1e6, decimals: 2)) Mt/y" : "" } ?? ""))
        let parts = breakdown.named.filter { $0.value != 0 }.map { name, value in
            "\(name.replacingOccurrences(of: "_", with: " ")) \(solution.money.text(value))" + (total > 0 ? " (\(Format.percent(value / total)))" : "")
        }
        out += wrap(parts, separator: " · ", indent: "  ")
        if let product = NationalSummary.mainProduct(solution) { out += deliveredCost(solution, product: product) }
        if let plan = solution.plan { out += brief(plan, money: solution.money) }
        let facts = keyFacts(solution, total: total, breakdown: breakdown)
        if !facts.isEmpty {
            out.append("")
            out.append("What matters most:")
            for (n, fact) in facts.prefix(3).enumerated() { out += wrap([fact], separator: "", indent: "  \(n + 1). ", continuation: "     ") }
        }
        return out + more()
    }

    /// Delivered cost of `product` by area (demand-weighted), or by demand region where the
    /// network has no areas.
    static func deliveredCost(_ solution: Solution, product: String) -> [String] {
        var table = TextTable([
            (solution.regions.contains { $0.area != nil } ? "area" : "region", .left), ("demand kt/y", .right),
            ("marginal yuan/t", .right), ("average yuan/t", .right), ("cheapest region", .left), ("yuan/t", .right),
        ])
        for area in NationalSummary.costsByArea(solution) where area.commodity == product {
            table.add([
                area.area, Format.kilotonnes(area.demandTonnesPerYear), Format.number(area.marginalYuanPerTonne),
                Format.number(area.averageYuanPerTonne), area.cheapestRegion, Format.number(area.cheapestMarginalYuanPerTonne),
            ])
        }
        return ["", "Delivered \(product) (marginal: one more tonne; average: the tonnes that arrive):", table.render()]
    }

    /// The plan in a few lines: what is built (a table), closed and retrofitted, and what was not built.
    static func brief(_ plan: SitingPlan, money: Format.MoneyScale) -> [String] {
        var out = ["", "Plan:"]
        if plan.builds.isEmpty && plan.closures.isEmpty && plan.retrofits.isEmpty { out.append("  no sites built, no closures, no retrofits") }
        if !plan.builds.isEmpty {
            var table = TextTable([
                ("build", .left), ("region", .left), ("output kt/y", .right), ("capex \(money.unit)", .right),
                ("margin \(money.unit)/y", .right), ("power price rise yuan/kWh", .right),
            ])
            for build in plan.builds {
                table.add([
                    build.candidate, build.region, Format.kilotonnes(build.productionTonnesPerYear),
                    money.text(build.capexYuan), PlanReport.margin(build, of: plan, money: money),
                    build.marginPowerPriceYuanPerKWh.map { Format.number($0, decimals: 4) } ?? "–",
                ])
            }
            out.append(table.render())
            out += PlanReport.marginNotes(plan)
        }
        if !plan.closures.isEmpty {
            out += wrap(
                plan.closures.map { "\($0.plant) (\(Format.kilotonnes($0.capacityFreedTonnesPerYear)) kt/y)" }, separator: ", ",
                indent: "  Closes: ", continuation: "    ")
        }
        if !plan.retrofits.isEmpty {
            out += wrap(
                plan.retrofits.map { "\($0.plant) (\(Format.number($0.fromKWhPerTonne)) → \(Format.number($0.toKWhPerTonne)) kWh/t)" },
                separator: ", ", indent: "  Retrofits: ", continuation: "    ")
        }
        if !plan.rejected.isEmpty {
            let closest = plan.rejected.compactMap { r in r.breakEvenReductionYuanPerYear.map { (r, $0) } }.min { $0.1 < $1.1 }
            out += wrap(
                [Format.count(plan.rejected.count, "candidate")]
                    + (closest.map { ["closest to entering: \($0.0.candidate), if its charges fell \(money.text($0.1)) \(money.unit)/y"] } ?? []),
                separator: "; ", indent: "  Not built: ", continuation: "    ")
        }
        return out
    }

    /// Up to four facts in order of weight: the spread of the main product's delivered price, what
    /// drives the cost, what the plan is worth, and the tightest stage.
    static func keyFacts(_ solution: Solution, total: Double, breakdown: CostComponents) -> [String] {
        var facts: [String] = []
        if let product = NationalSummary.mainProduct(solution) {
            let priced = solution.deliveredCosts.filter { $0.commodity == product && $0.demandTonnesPerYear > 0 }
                .compactMap { cost in cost.marginalCostYuanPerTonne.map { (cost.region, $0) } }
                .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            if let cheapest = priced.first, let dearest = priced.last, priced.count > 1 {
                facts.append(
                    "Delivered \(product) is cheapest in \(cheapest.0) at \(Format.number(cheapest.1)) yuan/t and dearest in "
                        + "\(dearest.0) at \(Format.number(dearest.1)) yuan/t (marginal), a spread of \(Format.number(dearest.1 - cheapest.1)) yuan/t.")
            }
        }
        if total > 0, let largest = breakdown.named.max(by: { $0.value < $1.value }) {
            let electricity = breakdown.electricity
            facts.append(
                electricity >= largest.value
                    ? "Electricity is the largest cost: \(solution.money.text(electricity)) \(solution.money.unit)/y, \(Format.percent(electricity / total)) of the total."
                    : "The largest cost is \(largest.name.replacingOccurrences(of: "_", with: " ")) (\(Format.percent(largest.value / total))); "
                        + "electricity, all told, is \(Format.percent(electricity / total)).")
        }
        if let plan = solution.plan, !(plan.builds.isEmpty && plan.closures.isEmpty && plan.retrofits.isEmpty) {
            let built = plan.builds.reduce(0) { $0 + $1.productionTonnesPerYear }
            let closed = plan.closures.reduce(0) { $0 + $1.capacityFreedTonnesPerYear }
            var words = "The plan builds \(Format.kilotonnes(built)) kt/y, closes \(Format.kilotonnes(closed)) kt/y and retrofits \(plan.retrofits.count)"
            if let baseline = plan.baselineTotalCostYuan {
                words += "; it saves \(solution.money.text(baseline - total)) \(solution.money.unit)/y against building nothing"
            }
            facts.append(words + ".")
        }
        if let tightest = NationalSummary.stages(solution).filter({ $0.capacityTonnesPerYear > 0 }).max(by: {
            ($0.tonnesPerYear / $0.capacityTonnesPerYear, $1.process) < ($1.tonnesPerYear / $1.capacityTonnesPerYear, $0.process)
        }) {
            facts.append(
                "The tightest stage is \(tightest.process): \(Format.kilotonnes(tightest.tonnesPerYear)) of "
                    + "\(Format.kilotonnes(tightest.capacityTonnesPerYear)) kt/y (\(Format.percent(tightest.tonnesPerYear / tightest.capacityTonnesPerYear))).")
        }
        return facts
    }

    static func more() -> [String] {
        [""]
            + wrap(
                ["--full for every table, or --section NAME",
                 "(" + TextReport.Section.allCases.map(\.rawValue).joined(separator: ", ") + ");",
                 "--json, --out DIR (CSV), --html FILE (maps and cost curves)."],
                separator: " ", indent: "More: ", continuation: "      ")
    }

    /// `parts` joined by `separator` into lines no wider than ``width``: the first starts with
    /// `indent`, the rest with `continuation` (default: as many spaces as `indent`). A part is
    /// split at spaces only when it is itself too long.
    static func wrap(_ parts: [String], separator: String, indent: String, continuation: String? = nil) -> [String] {
        let next = continuation ?? String(repeating: " ", count: indent.count)
        var lines: [String] = []
        var line = indent
        var lineHasPart = false
        func place(_ piece: String, joiner: String) {
            if lineHasPart && line.count + joiner.count + piece.count > width {
                lines.append(line.hasSuffix(" ") ? String(line.dropLast()) : line)
                line = next + piece
            } else {
                line += (lineHasPart ? joiner : "") + piece
            }
            lineHasPart = true
        }
        for (n, part) in parts.enumerated() {
            let joiner = n == 0 ? "" : separator
            if next.count + part.count <= width {
                place(part, joiner: joiner)
            } else {
                for (w, word) in part.split(separator: " ").enumerated() { place(String(word), joiner: w == 0 ? joiner : " ") }
            }
        }
        if lineHasPart { lines.append(line) }
        return lines
    }
}

extension Solution {
    /// One money scale for the whole text report, fitted to its total cost.
    var money: Format.MoneyScale { Format.MoneyScale(largest: totalCostYuan ?? 0) }
}
