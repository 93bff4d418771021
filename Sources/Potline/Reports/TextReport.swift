/// The solve result as a person reads it: aligned tables with units in the headers.
public enum TextReport {
    public static func render(_ solution: Solution) -> String {
        var out: [String] = []
        let size = solution.model
        out.append("Network \(solution.network) (base year \(solution.baseYear)): \(solution.statusText)")
        out.append(
            "Model: \(Format.number(Double(size.rows))) rows, \(Format.number(Double(size.columns))) columns, "
                + "\(Format.number(Double(size.nonzeros))) nonzeros; built in \(Format.seconds(solution.buildSeconds)), "
                + "solved in \(Format.seconds(solution.solveSeconds))")

        if !solution.unmetDemands.isEmpty {
            out.append("")
            out.append("The network cannot meet these demands (shortfall in the cheapest plan that serves the rest):")
            var table = TextTable([
                ("region", .left), ("commodity", .left), ("demand kt/y", .right), ("unmet kt/y", .right),
            ])
            for unmet in solution.unmetDemands {
                table.add([unmet.region, unmet.commodity, Format.kilotonnes(unmet.demandTPerY), Format.kilotonnes(unmet.unmetTPerY)])
            }
            out.append(table.render())
        }
        guard let total = solution.totalCostYuan, let breakdown = solution.costBreakdownYuan else {
            return out.joined(separator: "\n") + "\n"
        }

        out.append("")
        out.append("Total delivered cost: \(Format.millionYuan(total)) M yuan/y")
        var costs = TextTable([("component", .left), ("M yuan/y", .right), ("share", .right)])
        for (name, value) in [
            ("materials", breakdown.materials), ("electricity", breakdown.electricity), ("freight", breakdown.freight),
            ("other", breakdown.other),
        ] {
            costs.add([name, Format.millionYuan(value), total > 0 ? Format.percent(value / total) : "–"])
        }
        out.append(costs.render())

        out.append("")
        out.append("Delivered cost by demand (marginal = shadow price of one more tonne; average split by origin of cost):")
        var delivered = TextTable([
            ("region", .left), ("commodity", .left), ("demand kt/y", .right), ("marginal yuan/t", .right),
            ("average yuan/t", .right), ("materials", .right), ("electricity", .right), ("freight", .right),
            ("other", .right),
        ])
        for cost in solution.deliveredCosts {
            let split = cost.averageCostBreakdownYuanPerT
            delivered.add([
                cost.region, cost.commodity, Format.kilotonnes(cost.demandTPerY), Format.optional(cost.marginalCostYuanPerT),
                Format.optional(cost.averageCostYuanPerT), Format.optional(split?.materials),
                Format.optional(split?.electricity), Format.optional(split?.freight), Format.optional(split?.other),
            ])
        }
        out.append(delivered.render())

        out.append("")
        out.append("Plants:")
        var plants = TextTable([
            ("plant", .left), ("region", .left), ("process", .left), ("capacity kt/y", .right),
            ("output kt/y", .right), ("utilisation", .right), ("kWh/t", .right), ("yuan/kWh", .right),
            ("power GWh/y", .right), ("power M yuan/y", .right), ("unit cost yuan/t", .right),
        ])
        for plant in solution.plants {
            plants.add([
                plant.id, plant.region, plant.process, Format.kilotonnes(plant.capacityTPerY),
                Format.kilotonnes(plant.productionTPerY), Format.percent(plant.utilisation),
                Format.number(plant.electricityKwhPerT), Format.number(plant.electricityPriceYuanPerKwh, decimals: 3),
                Format.number(plant.electricityKwh / 1e6, decimals: 1), Format.millionYuan(plant.electricityCostYuan),
                Format.optional(plant.unitCostYuanPerT),
            ])
        }
        out.append(plants.render())

        out.append("")
        out.append("Supplies:")
        var supplies = TextTable([
            ("supply", .left), ("region", .left), ("commodity", .left), ("bought kt/y", .right),
            ("capacity kt/y", .right), ("price yuan/t", .right), ("cost M yuan/y", .right),
        ])
        for supply in solution.supplies {
            supplies.add([
                supply.id, supply.region, supply.commodity, Format.kilotonnes(supply.purchasedTPerY),
                supply.capacityTPerY.map(Format.kilotonnes) ?? "unlimited", Format.number(supply.priceYuanPerT),
                Format.millionYuan(supply.costYuan),
            ])
        }
        out.append(supplies.render())

        out.append("")
        let tonneKm = solution.flows.reduce(0) { $0 + $1.tonneKm }
        out.append("Flows (\(solution.flows.count) in use, \(Format.number(tonneKm / 1e9, decimals: 2)) bn t-km/y):")
        var flows = TextTable([
            ("link", .left), ("mode", .left), ("commodity", .left), ("from", .left), ("to", .left),
            ("kt/y", .right), ("km", .right), ("yuan/t", .right), ("M yuan/y", .right),
        ])
        for flow in solution.flows {
            flows.add([
                flow.link, flow.mode, flow.commodity, flow.from, flow.to, Format.kilotonnes(flow.tonnesPerY),
                Format.number(flow.distanceKm), Format.number(flow.freightCostYuanPerT, decimals: 1),
                Format.millionYuan(flow.freightCostYuan),
            ])
        }
        out.append(flows.render())
        return out.joined(separator: "\n") + "\n"
    }
}
