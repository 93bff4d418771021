import PotlineNetwork

extension NetworkLoader {
    /// `periods.csv`, `period_conditions.csv`, `captive_power.csv`, `tolling.csv`,
    /// `self_supply.csv`: all optional.
    static func readPower(_ files: NetworkFiles, into network: inout Network, _ log: ProblemLog) {
        network.periods = (files.records(.periods, log: log)
            ?? []).compactMap { r in
                let id = r.id("id")
                let share = r.number("share_of_year")
                guard let id, let share else { return nil }
                return Period(id: id, shareOfYear: share, location: r.location)
            }

        network.periodConditions = (files.records(.periodConditions, log: log) ?? []).compactMap { r in
                let region = r.id("region")
                let period = r.id("period")
                let price = r.number("grid_price_yuan_per_kwh", required: false)
                let availability = r.number("availability", required: false)
                guard let region, let period else { return nil }
                return PeriodCondition(
                    region: region, period: period, gridPriceYuanPerKWh: price, availability: availability,
                    location: r.location)
            }

        network.captivePower = (files.records(.captivePower, log: log) ?? []).compactMap { r in
                let id = r.id("id")
                let plant = r.id("plant")
                let megawatts = r.number("capacity_mw", required: false)
                let kWh = r.number("capacity_kwh_per_y", required: false)
                let given = r.number("generation_cost_yuan_per_kwh", required: false)
                let coalPrice = r.number("coal_price_yuan_per_t", required: false)
                let coalRate = r.number("coal_kg_per_kwh", required: false)
                let backup = r.numberOrDefault("backup_fee_yuan_per_kwh")
                let funds = r.numberOrDefault("funds_yuan_per_kwh")
                let subsidy = r.numberOrDefault("cross_subsidy_yuan_per_kwh")
                let emission = r.numberOrDefault("emission_kg_per_kwh")
                let minimum = r.number("min_share", required: false)
                let maximum = r.number("max_share", required: false)
                guard let id, let plant else { return nil }
                if megawatts != nil && kWh != nil {
                    log.add(NetworkProblem(at: r.location, column: "capacity_kwh_per_y", message: "give capacity_mw or capacity_kwh_per_y, not both"))
                    return nil
                }
                if given != nil && (coalPrice != nil || coalRate != nil) {
                    log.add(
                        NetworkProblem(
                            at: r.location, column: "generation_cost_yuan_per_kwh",
                            message: "give generation_cost_yuan_per_kwh or the coal price and rate, not both"))
                    return nil
                }
                // Energy a year: MW × 8,760 h × 1,000 kWh/MWh, unless given in kWh directly.
                guard let capacity = kWh ?? megawatts.map({ $0 * 8_760 * 1_000 }) else {
                    log.add(NetworkProblem(at: r.location, column: "capacity_mw", message: "give capacity_mw or capacity_kwh_per_y"))
                    return nil
                }
                // Generation cost: given, or coal burnt per kWh × coal price.
                guard let cost = given ?? zip2(coalPrice, coalRate).map({ $0 * $1 / 1_000 }) else {
                    log.add(
                        NetworkProblem(
                            at: r.location, column: "generation_cost_yuan_per_kwh",
                            message: "give generation_cost_yuan_per_kwh, or coal_price_yuan_per_t with coal_kg_per_kwh"))
                    return nil
                }
                return CaptivePower(
                    id: id, plant: plant, capacityKWhPerYear: capacity, capacityMegawatts: kWh == nil ? megawatts : nil,
                    generationCostYuanPerKWh: cost, feesYuanPerKWh: backup, fundsYuanPerKWh: funds,
                    crossSubsidyYuanPerKWh: subsidy, emissionKgPerKWh: emission, minimumShare: minimum,
                    maximumShare: maximum, location: r.location)
            }

        network.tolling = (files.records(.tolling, log: log) ?? []).compactMap { r in
                let id = r.id("id")
                let region = r.id("region")
                let process = r.id("process")
                let fee = r.number("fee_yuan_per_t")
                let capacity = r.number("capacity_t_per_y", required: false)
                guard let id, let region, let process, let fee else { return nil }
                return TollingService(
                    id: id, region: region, process: process, owner: r.text("owner"), feeYuanPerTonne: fee,
                    capacityTonnesPerYear: capacity, location: r.location)
            }

        network.selfSupplyTargets = (files.records(.selfSupply, log: log) ?? []).compactMap { r in
                let processes = r.idList("process")
                let minimum = r.number("min_share", required: false)
                let maximum = r.number("max_share", required: false)
                let volume = r.number("volume_t_per_y", required: false)
                guard let processes else {
                    log.add(NetworkProblem(at: r.location, column: "process", message: "is required"))
                    return nil
                }
                return SelfSupplyTarget(
                    owner: r.text("owner"), processes: processes, minimumShare: minimum, maximumShare: maximum,
                    volumeTonnesPerYear: volume, location: r.location)
            }
    }
}

