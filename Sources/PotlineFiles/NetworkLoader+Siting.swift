import PotlineNetwork

extension NetworkLoader {
    /// `candidates.csv`, `retrofits.csv`, `capacity_limits.csv`: all optional.
    static func readSiting(_ files: NetworkFiles, into network: inout Network, _ log: ProblemLog) {
        let candidates = files.records(.candidates, log: log)
        network.candidates = (candidates ?? []).compactMap { r in
            let id = r.id("id")
            let region = r.id("region")
            let process = r.id("process")
            let module = r.number("module_t_per_y", required: false)
            let maxModules = r.isBlank("max_modules") ? 1 : r.integer("max_modules")
            let minimum = r.number("min_capacity_t_per_y", required: false)
            let maximum = r.number("max_capacity_t_per_y", required: false)
            let siteCapex = r.numberOrDefault("site_capex_yuan")
            let capex = r.numberOrDefault("capex_yuan_per_t_per_y")
            let lifetime = r.numberOrDefault("lifetime_y")
            let rate = r.numberOrDefault("discount_rate")
            let fixed = r.numberOrDefault("fixed_cost_yuan_per_y")
            let electricity = r.number("electricity_kwh_per_t", required: false)
            let other = r.number("other_cost_yuan_per_t", required: false)
            let price = r.number("electricity_price_yuan_per_kwh", required: false)
            let renewable = r.number("renewable_share", required: false)
            let decision = r.choice("decision", default: Decision.optional)
            guard let id, let region, let process, let maxModules, let decision else { return nil }
            let sizing: Candidate.Sizing
            switch (module, maximum) {
            case let (size?, nil):
                sizing = .modules(sizeTonnesPerYear: size, maximum: maxModules)
            case let (nil, maximum?):
                sizing = .continuous(minimumTonnesPerYear: minimum ?? 0, maximumTonnesPerYear: maximum)
            default:
                // A bad value in either column is already reported; only the sizing itself is wrong here.
                if r.isBlank("module_t_per_y") == r.isBlank("max_capacity_t_per_y") {
                    log.add(
                        NetworkProblem(
                            at: r.location, column: "module_t_per_y",
                            message: "give either module_t_per_y (discrete sizes) or max_capacity_t_per_y (continuous size)"))
                }
                return nil
            }
            return Candidate(
                id: id, region: region, process: process, owner: r.text("owner"), sizing: sizing, siteCapexYuan: siteCapex,
                capexYuanPerTonnePerYear: capex, lifetimeYears: lifetime, discountRate: rate, fixedCostYuanPerYear: fixed,
                electricityKWhPerTonne: electricity, otherCostYuanPerTonne: other, electricityPriceYuanPerKWh: price,
                renewableShare: renewable, decision: decision, location: r.location)
        }

        let retrofits = files.records(.retrofits, log: log)
        network.retrofits = (retrofits ?? []).compactMap { r in
            let id = r.id("id")
            let plant = r.id("plant")
            let process = r.isBlank("process") ? nil : r.id("process")
            let electricity = r.number("electricity_kwh_per_t", required: false)
            let other = r.number("other_cost_yuan_per_t", required: false)
            let capex = r.numberOrDefault("capex_yuan")
            let lifetime = r.numberOrDefault("lifetime_y")
            let rate = r.numberOrDefault("discount_rate")
            let decision = r.choice("decision", default: Decision.optional)
            guard let id, let plant, let decision else { return nil }
            return Retrofit(
                id: id, plant: plant, process: process, electricityKWhPerTonne: electricity, otherCostYuanPerTonne: other,
                capital: CapitalCost(capexYuan: capex, lifetimeYears: lifetime, discountRate: rate), decision: decision,
                location: r.location)
        }

        let limits = files.records(.capacityLimits, log: log)
        network.capacityLimits = (limits ?? []).compactMap { r in
            let region = r.id("region")
            let process = r.id("process")
            let minimum = r.number("min_t_per_y", required: false)
            let maximum = r.number("max_t_per_y", required: false)
            guard let region, let process else { return nil }
            return CapacityLimit(
                region: region, process: process, minimumTonnesPerYear: minimum, maximumTonnesPerYear: maximum,
                location: r.location)
        }
    }
}
