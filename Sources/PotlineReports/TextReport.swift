import LinearModel
import PotlineFiles
import PotlineFormulation
import PotlineNetwork
import PotlineResults
import PotlineSolve
import PotlineStudies

/// The solve result as a person reads it: aligned tables with units in the headers.
public enum TextReport {
    /// A part of the full report, as `--section` names it.
    public enum Section: String, CaseIterable, Sendable {
        case costs, summary, deliveredCosts = "delivered-costs", plan, plants, captivePower = "captive-power"
        case selfSupply = "self-supply", caps, supplies, flows, prices
    }

    /// How much of the report to print.
    public enum Detail: Sendable, Equatable {
        /// One screen, no line over 120 columns (``TextSummary``): the default.
        case summary
        /// Every section.
        case full
        /// The status lines, then these sections in the report's order.
        case sections(Set<Section>)
    }

    public static func render(_ solution: Solution, detail: Detail = .summary) -> String {
        let out: [String]
        switch detail {
        case .summary: out = TextSummary.render(solution)
        case .full: out = sections(solution, Set(Section.allCases))
        case .sections(let chosen): out = sections(solution, chosen)
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The header, then each chosen section that applies.
    static func sections(_ solution: Solution, _ chosen: Set<Section>) -> [String] {
        var out = header(solution)
        guard let total = solution.totalCostYuan, let breakdown = solution.costBreakdownYuan else { return out }
        for section in Section.allCases where chosen.contains(section) {
            switch section {
            case .costs: out += costs(solution, total: total, breakdown: breakdown)
            case .summary: out += NationalSummary.render(solution)
            case .deliveredCosts: out += deliveredCosts(solution, breakdown: breakdown)
            case .plan: out += solution.plan.map { PlanReport.render($0, money: solution.money) } ?? []
            case .plants: out += plants(solution)
            case .captivePower: out += captivePower(solution)
            case .selfSupply: out += selfSupply(solution)
            case .caps: out += caps(solution)
            case .supplies: out += supplies(solution)
            case .flows: out += flows(solution)
            case .prices: out += prices(solution)
            }
        }
        return out
    }

    /// Status, model size and periods; for an infeasible network, what it cannot meet and why.
    static func header(_ solution: Solution) -> [String] {
        var out: [String] = []
        let size = solution.model
        out.append("Network \(solution.network) (base year \(solution.baseYear)): \(solution.statusText)")
        if let siting = solution.siting { out.append(siting.words) }
        var modelLine =
            "Model: \(Format.number(Double(size.rows))) rows, \(Format.number(Double(size.columns))) columns"
            + (size.integerColumns > 0 ? " (\(size.integerColumns) integer)" : "")
            + ", \(Format.number(Double(size.nonzeros))) nonzeros; built in \(Format.seconds(solution.buildSeconds)), "
            + "solved in \(Format.seconds(solution.solveSeconds))"
        if let gap = solution.mipGap {
            modelLine += "; MIP gap \(Format.number(gap * 100, decimals: 3))%" + (solution.provenOptimal ? ", optimality proven" : ", not proven optimal")
        }
        out.append(modelLine)
        if let reason = solution.missingPrices {
            out.append("Delivered costs (marginal) are not available: \(reason). The plan and its cost stand.")
        }
        if solution.periods.count > 1 {
            out.append(
                "Periods: " + solution.periods.map { "\($0.id) (\(Format.percent($0.shareOfYear)) of the year)" }.joined(separator: ", "))
        }

        if !solution.unmetDemands.isEmpty {
            out.append("")
            out.append("The network cannot meet these demands (shortfall in the cheapest plan that serves the rest):")
            var table = TextTable([("region", .left), ("commodity", .left), ("demand kt/y", .right), ("unmet kt/y", .right)])
            for unmet in solution.unmetDemands {
                table.add([unmet.region, unmet.commodity, Format.kilotonnes(unmet.demandTonnesPerYear), Format.kilotonnes(unmet.unmetTonnesPerYear)])
            }
            out.append(table.render())
        }
        if !solution.infeasibleConstraints.isEmpty {
            out.append("")
            out.append("Relaxing any one of these constraints makes the network feasible:")
            out.append(contentsOf: solution.infeasibleConstraints.map { "  - \($0)" })
        }
        return out
    }

    /// Total delivered cost and its components.
    static func costs(_ solution: Solution, total: Double, breakdown: CostComponents) -> [String] {
        var out: [String] = []
        out.append("")
        out.append(
            "Total delivered cost: \(solution.money.text(total)) \(solution.money.unit)/y"
                + (solution.co2T.map { $0 > 0 ? "; CO2 \(Format.number($0 / 1e6, decimals: 2)) Mt/y" : "" } ?? ""))
        var costs = TextTable([("component", .left), ("\(solution.money.unit)/y", .right), ("share", .right)])
        for (name, value) in breakdown.named where value != 0 || ["materials", "grid_electricity", "freight", "other"].contains(name) {
            costs.add([name.replacingOccurrences(of: "_", with: " "), solution.money.text(value), total > 0 ? Format.percent(value / total) : "–"])
        }
        costs.add(["(electricity, all)", solution.money.text(breakdown.electricity), total > 0 ? Format.percent(breakdown.electricity / total) : "–"])
        out.append(costs.render())
        return out
    }

    /// Marginal and average delivered cost per demand, the average split by origin of cost.
    static func deliveredCosts(_ solution: Solution, breakdown: CostComponents) -> [String] {
        var out: [String] = []
        out.append("")
        out.append("Delivered cost by demand (marginal = shadow price of one more tonne; average split by origin of cost):")
        // Columns for the components this solution has, so every number is labelled for what it is.
        let shown = breakdown.named.filter { $0.value != 0 }.map(\.name)
        let split: [(title: String, value: (CostComponents) -> Double)] =
            [("materials", { $0.materials }), ("electricity", { $0.electricity }), ("freight", { $0.freight })]
            + (shown.contains("tolling_fees") ? [("tolling", { $0.tollingFees })] : [])
            + [("other", { $0.other })]
            + (shown.contains("capital") ? [("capital", { $0.capital })] : [])
            + (shown.contains("carbon") ? [("carbon", { $0.carbon })] : [])
        var delivered = TextTable(
            [("region", .left), ("commodity", .left), ("demand kt/y", .right), ("marginal yuan/t", .right), ("average yuan/t", .right)]
                + split.map { ($0.title, .right) } + [("tCO2/t", .right)])
        for cost in solution.deliveredCosts {
            let average = cost.averageCostBreakdownYuanPerTonne
            delivered.add(
                [
                    cost.region, cost.commodity, Format.kilotonnes(cost.demandTonnesPerYear), Format.optional(cost.marginalCostYuanPerTonne),
                    Format.optional(cost.averageCostYuanPerTonne),
                ] + split.map { column in Format.optional(average.map(column.value)) }
                    + [Format.optional(cost.embeddedCo2TonnesPerTonne, decimals: 2)])
        }
        out.append(delivered.render())
        if solution.periods.count > 1 {
            out.append("")
            out.append("Marginal delivered cost by period, yuan/t:")
            var byPeriod = TextTable([("region", .left), ("commodity", .left)] + solution.periods.map { ($0.id, .right) })
            for cost in solution.deliveredCosts {
                byPeriod.add([cost.region, cost.commodity] + solution.periods.map { Format.optional(cost.marginalCostByPeriodYuanPerTonne?[$0.id]) })
            }
            out.append(byPeriod.render())
        }
        return out
    }

    /// Every plant: what the plan does to it, output, power and unit cost.
    static func plants(_ solution: Solution) -> [String] {
        var out: [String] = []
        out.append("")
        out.append("Plants:")
        var plants = TextTable([
            ("plant", .left), ("plan", .left), ("region", .left), ("process", .left), ("capacity kt/y", .right),
            ("output kt/y", .right),
            ("utilisation", .right), ("kWh/t", .right), ("yuan/kWh", .right), ("surcharge yuan/kWh", .right),
            ("captive", .right), ("power GWh/y", .right), ("unit cost yuan/t", .right), ("tCO2/t", .right),
        ])
        for plant in solution.plants {
            // What the plan does to it: built, closed, retrofitted, or a toller's contract.
            let plan =
                plant.kind == .candidate ? "built" : plant.kind == .tolling ? "tolled" : plant.closed ? "closed"
                : plant.retrofit.map { "retrofit \($0)" } ?? ""
            plants.add([
                plant.id, plan, plant.region, plant.process, plant.capacityTonnesPerYear.map(Format.kilotonnes) ?? "unlimited",
                Format.kilotonnes(plant.productionTonnesPerYear), plant.utilisation.map(Format.percent) ?? "–", Format.number(plant.electricityKWhPerTonne),
                Format.number(plant.electricityPriceYuanPerKWh, decimals: 3), Format.number(plant.surchargeYuanPerKWh, decimals: 3),
                plant.captiveShare.map(Format.percent) ?? "–", Format.number(plant.electricityKWh / 1e6, decimals: 1),
                Format.optional(plant.unitCostYuanPerTonne), Format.number(plant.directCo2TonnesPerTonne, decimals: 2),
            ])
        }
        out.append(plants.render())
        return out
    }

    /// Captive power plants and the value of their share bounds.
    static func captivePower(_ solution: Solution) -> [String] {
        var out: [String] = []
        if !solution.captivePower.isEmpty {
            out.append("")
            out.append("Captive power (value of a bound: yuan/y per percentage point of share):")
            var captive = TextTable([
                ("captive", .left), ("plant", .left), ("GWh/y", .right), ("share", .right), ("min", .right), ("max", .right),
                ("min bound value", .right), ("max bound value", .right),
            ])
            for row in solution.captivePower {
                captive.add([
                    row.id, row.plant, Format.number(row.generatedKWh / 1e6, decimals: 1), Format.percent(row.share),
                    row.minimumShare.map(Format.percent) ?? "–", row.maximumShare.map(Format.percent) ?? "–",
                    Format.optional(row.minimumShareValueYuanPerPoint), Format.optional(row.maximumShareValueYuanPerPoint),
                ])
            }
            out.append(captive.render())
        }
        return out
    }

    /// Carbon and energy caps: the limit, what the plan uses, and what one more unit would save.
    static func caps(_ solution: Solution) -> [String] {
        guard !solution.caps.isEmpty else { return [] }
        var table = TextTable([
            ("cap", .left), ("scope", .left), ("processes", .left), ("limit", .right), ("used", .right), ("unit", .left),
            ("value of one more unit", .right),
        ])
        for cap in solution.caps {
            // kWh caps read in TWh, CO2 caps in Mt: the raw figures have 9-12 digits.
            let (scale, unit) = cap.kind == .energy ? (1e9, "TWh/y") : (1e6, "Mt CO2/y")
            table.add([
                cap.kind.rawValue, cap.scope, cap.processes ?? "all", Format.number(cap.limit / scale, decimals: 2),
                Format.number(cap.used / scale, decimals: 2), unit,
                cap.valueYuanPerUnit.map {
                    cap.kind == .energy ? "\(Format.number($0, decimals: 4)) yuan/kWh" : "\(Format.number($0, decimals: 1)) yuan/t CO2"
                } ?? "–",
            ])
        }
        return ["", "Caps (value: what one more kWh or t CO2 a year of cap would save a year):", table.render()]
    }

    /// In-house against tolled processing, and the value of its share bounds.
    static func selfSupply(_ solution: Solution) -> [String] {
        var out: [String] = []
        if !solution.selfSupply.isEmpty {
            out.append("")
            out.append("Processing self-supply (value of a bound: yuan/y per percentage point of share):")
            var selfSupply = TextTable([
                ("owner", .left), ("process", .left), ("in-house kt/y", .right), ("tolled kt/y", .right), ("share", .right),
                ("fees \(solution.money.unit)/y", .right), ("min", .right), ("max", .right), ("min bound value", .right),
                ("max bound value", .right),
            ])
            for row in solution.selfSupply {
                selfSupply.add([
                    row.owner, row.process, Format.kilotonnes(row.inHouseTonnesPerYear), Format.kilotonnes(row.tolledTonnesPerYear),
                    row.share.map(Format.percent) ?? "–", solution.money.text(row.tollingFeesYuan), row.minimumShare.map(Format.percent) ?? "–",
                    row.maximumShare.map(Format.percent) ?? "–", Format.optional(row.minimumShareValueYuanPerPoint),
                    Format.optional(row.maximumShareValueYuanPerPoint),
                ])
            }
            out.append(selfSupply.render())
        }
        return out
    }

    /// Purchases from each supply.
    static func supplies(_ solution: Solution) -> [String] {
        var out: [String] = []
        out.append("")
        out.append("Supplies:")
        var supplies = TextTable([
            ("supply", .left), ("region", .left), ("commodity", .left), ("bought kt/y", .right),
            ("capacity kt/y", .right), ("price yuan/t", .right), ("cost \(solution.money.unit)/y", .right),
        ])
        for supply in solution.supplies {
            supplies.add([
                supply.id, supply.region, supply.commodity, Format.kilotonnes(supply.purchasedTonnesPerYear),
                supply.capacityTonnesPerYear.map(Format.kilotonnes) ?? "unlimited", Format.number(supply.priceYuanPerTonne),
                solution.money.text(supply.costYuan),
            ])
        }
        out.append(supplies.render())
        return out
    }

    /// For each demand, what its next tonne sets in motion and where today's tonnes come from (the
    /// solve explains prices when this section is asked for).
    static func prices(_ solution: Solution) -> [String] {
        guard let explanations = solution.priceExplanations, !explanations.isEmpty else { return [] }
        var out = ["", "Prices explained (the next tonne, re-solved from the optimal basis; the largest origin of today's tonnes):"]
        var table = TextTable([
            ("region", .left), ("commodity", .left), ("marginal yuan/t", .right), ("next tonne made at", .left),
            ("largest steps of the next tonne, yuan/t", .left), ("largest origin (share, cost to serve yuan/t)", .left),
        ])
        for explanation in explanations {
            let steps = explanation.chain.prefix(3).map { "\($0.kind.rawValue) \($0.id) \(Format.signed($0.costYuanPerTonne, decimals: 0))" }
            let origin = explanation.origins.first.map {
                "\($0.source) \(Format.percent($0.share)) at \(Format.optional($0.costToServeYuanPerTonne))"
            }
            table.add([
                explanation.region, explanation.commodity, Format.number(explanation.marginalCostYuanPerTonne),
                explanation.settingPlant ?? "–", steps.joined(separator: "; "), origin ?? "–",
            ])
        }
        out.append(table.render())
        return out
    }

    /// Flows in use, with freight work and cost.
    static func flows(_ solution: Solution) -> [String] {
        var out: [String] = [""]
        let tonneKm = solution.flows.reduce(0) { $0 + $1.tonneKm }
        out.append("Flows (\(solution.flows.count) in use, \(Format.number(tonneKm / 1e9, decimals: 2)) bn t-km/y):")
        let periods = solution.periods.count > 1 ? solution.periods.map(\.id) : []
        var flows = TextTable(
            [("link", .left), ("mode", .left), ("commodity", .left), ("from", .left), ("to", .left), ("kt/y", .right)]
                + periods.map { ("\($0) kt", .right) } + [("km", .right), ("yuan/t", .right), ("\(solution.money.unit)/y", .right)])
        for flow in solution.flows {
            flows.add(
                [flow.link, flow.mode, flow.commodity, flow.from, flow.to, Format.kilotonnes(flow.tonnesPerYear)]
                    + periods.map { Format.kilotonnes(flow.tonnesByPeriod?[$0] ?? 0) }
                    + [
                        Format.number(flow.distanceKm),
                        Format.number(flow.freightCostYuanPerTonne, decimals: 1), solution.money.text(flow.freightCostYuan),
                    ])
        }
        out.append(flows.render())
        return out
    }
}

/// The siting plan as tables.
enum PlanReport {
    /// Shown for a build whose margin no analysed rival plan bounds.
    static let noRival = "no rival"

    /// A build's margin, ``noRival`` when the plan analysis ran and none of its forced plans
    /// left the build out, "–" when no analysis ran.
    static func margin(_ build: SitingPlan.Build, of plan: SitingPlan, money: Format.MoneyScale) -> String {
        if let margin = build.marginYuanPerYear { return money.text(margin) }
        return analysed(plan) ? noRival : "–"
    }

    /// Whether the break-even analysis ran on `plan`: it found the no-build baseline or priced a rejection.
    static func analysed(_ plan: SitingPlan) -> Bool {
        plan.baselineTotalCostYuan != nil || plan.rejected.contains { $0.breakEvenReductionYuanPerYear != nil }
    }

    /// The footnote for ``noRival``, when a build shows it.
    static func marginNotes(_ plan: SitingPlan) -> [String] {
        guard analysed(plan), plan.builds.contains(where: { $0.marginYuanPerYear == nil }) else { return [] }
        return ["  (margin \(noRival): none of the plans solved for the break-even analysis leaves this build out, so no rival bounds it)"]
    }

    static func render(_ plan: SitingPlan, money: Format.MoneyScale) -> [String] {
        var out: [String] = ["", "Plan:"]
        if plan.builds.isEmpty && plan.closures.isEmpty && plan.retrofits.isEmpty { out.append("  no sites built, no closures, no retrofits") }
        if !plan.builds.isEmpty {
            var table = TextTable([
                ("build", .left), ("region", .left), ("process", .left), ("capacity kt/y", .right), ("output kt/y", .right),
                ("capex \(money.unit)", .right), ("capital \(money.unit)/y", .right), ("year-one cost \(money.unit)/y", .right),
                ("margin \(money.unit)/y", .right), ("power price rise yuan/kWh", .right),
            ])
            for build in plan.builds {
                table.add([
                    build.candidate, build.region, build.process, Format.kilotonnes(build.capacityTonnesPerYear),
                    Format.kilotonnes(build.productionTonnesPerYear), money.text(build.capexYuan),
                    money.text(build.annualCapitalYuan), money.text(build.yearOneCostYuan),
                    margin(build, of: plan, money: money),
                    build.marginPowerPriceYuanPerKWh.map { Format.number($0, decimals: 4) } ?? "–",
                ])
            }
            out.append(table.render())
            out += marginNotes(plan)
        }
        if !plan.closures.isEmpty {
            var table = TextTable([
                ("close", .left), ("region", .left), ("process", .left), ("capacity freed kt/y", .right), ("cost \(money.unit)/y", .right),
            ])
            for closure in plan.closures {
                table.add([
                    closure.plant, closure.region, closure.process, Format.kilotonnes(closure.capacityFreedTonnesPerYear),
                    money.text(closure.closureCostYuanPerYear),
                ])
            }
            out.append(table.render())
        }
        if !plan.retrofits.isEmpty {
            var table = TextTable([
                ("retrofit", .left), ("plant", .left), ("kWh/t before", .right), ("kWh/t after", .right), ("capex \(money.unit)", .right),
            ])
            for retrofit in plan.retrofits {
                table.add([
                    retrofit.retrofit, retrofit.plant, Format.number(retrofit.fromKWhPerTonne), Format.number(retrofit.toKWhPerTonne),
                    money.text(retrofit.capexYuan),
                ])
            }
            out.append(table.render())
        }
        if !plan.transfers.isEmpty {
            out.append("  Capacity transfers (quota from closures to builds):")
            var table = TextTable([("from plant", .left), ("from region", .left), ("to build", .left), ("to region", .left), ("kt/y", .right)])
            for transfer in plan.transfers {
                table.add([
                    transfer.fromPlant, transfer.fromRegion, transfer.toCandidate, transfer.toRegion, Format.kilotonnes(transfer.tonnesPerYear),
                ])
            }
            out.append(table.render())
        }
        if !plan.rejected.isEmpty {
            out.append("  Candidates not built (break-even: how much its yearly charges must fall for it to enter):")
            var table = TextTable([
                ("candidate", .left), ("region", .left), ("reason", .left), ("break-even \(money.unit)/y", .right), ("of its charges", .right),
                ("power price fall yuan/kWh", .right),
            ])
            for rejection in plan.rejected {
                table.add([
                    rejection.candidate, rejection.region, rejection.reason.words,
                    rejection.breakEvenReductionYuanPerYear.map(money.text) ?? "–",
                    rejection.breakEvenReductionShare.map(Format.percent) ?? "–",
                    rejection.breakEvenPowerPriceYuanPerKWh.map { Format.number($0, decimals: 4) } ?? "–",
                ])
            }
            out.append(table.render())
            out.append(
                "  (yuan/kWh: the break-even or margin ÷ the candidate's kWh/t × its output; the power-price move at which the answer changes, other costs held)")
        }
        if let baseline = plan.baselineTotalCostYuan {
            out.append("  Against the no-build baseline (\(money.text(baseline)) \(money.unit)/y):")
            var table = TextTable([
                ("region", .left), ("commodity", .left), ("baseline yuan/t", .right), ("plan yuan/t", .right), ("change yuan/t", .right),
            ])
            for change in plan.deliveredCostChanges {
                table.add([
                    change.region, change.commodity, Format.optional(change.baselineYuanPerTonne), Format.optional(change.planYuanPerTonne),
                    Format.optional(change.changeYuanPerTonne),
                ])
            }
            out.append(table.render())
        }
        return out
    }
}
