extension Network {
    /// Every problem that would make the network meaningless or unsolvable: duplicate ids,
    /// unknown names (with the closest known one), impossible values, plants without a power
    /// price, and demands that no supply can reach. Empty for a valid network.
    public func problems() -> [NetworkProblem] {
        var found: [NetworkProblem] = []
        func report(_ location: SourceLocation?, _ column: String?, _ message: String) {
            found.append(NetworkProblem(at: location, column: column, message: message))
        }
        /// A setting of network.yaml (parsed into values without rows).
        func setting(_ key: String, _ message: String) {
            found.append(NetworkProblem(file: NetworkLoader.manifestFile, column: key, message: message))
        }

        if !(1900...2200).contains(baseYear) {
            found.append(NetworkProblem(file: "network.yaml", column: "base_year", message: "\(baseYear) is not a plausible year"))
        }
        checkUnique(modes.map { ($0.name, nil) }, what: "mode", column: "modes", report)
        checkUnique(regions.map { ($0.id, $0.location) }, what: "region", column: "id", report)
        checkUnique(commodities.map { ($0.id, $0.location) }, what: "commodity", column: "id", report)
        checkUnique(processes.map { ($0.id, $0.location) }, what: "process", column: "id", report)
        checkUnique(plants.map { ($0.id, $0.location) }, what: "plant", column: "id", report)
        checkUnique(supplies.map { ($0.id, $0.location) }, what: "supply", column: "id", report)
        checkUnique(links.map { ($0.id, $0.location) }, what: "link", column: "id", report)
        // Candidates and tollers share the plants' namespace: their ids name capacity rows.
        let plantIDs = Set(plants.map(\.id))
        checkUnique(
            candidates.map { ($0.id, $0.location) } + tolling.map { ($0.id, $0.location) }, what: "candidate or toller",
            column: "id", report)
        for (id, location) in candidates.map({ ($0.id, $0.location) }) + tolling.map({ ($0.id, $0.location) })
        where plantIDs.contains(id) {
            report(location, "id", "'\(id)' is already a plant id")
        }
        checkUnique(retrofits.map { ($0.id, $0.location) }, what: "retrofit", column: "id", report)
        checkUnique(captivePower.map { ($0.id, $0.location) }, what: "captive unit", column: "id", report)
        checkUnique(captivePower.map { ($0.plant, $0.location) }, what: "captive power for plant", column: "plant", report)
        checkUnique(periods.map { ($0.id, $0.location) }, what: "period", column: "id", report)
        checkUnique(
            periodConditions.map { ("\($0.region) \($0.period)", $0.location) }, what: "period condition (region, period)",
            column: "period", report)
        checkUnique(
            demands.map { ("\($0.region) \($0.commodity)", $0.location) }, what: "demand (region, commodity)",
            column: "commodity", report)

        for mode in modes {
            if !(mode.circuity >= 1) || !mode.circuity.isFinite {
                setting("modes.\(mode.name).circuity", "circuity \(mode.circuity) must be a number ≥ 1")
            }
            for (key, value) in [("rate_yuan_per_tkm", mode.rateYuanPerTonneKm), ("handling_yuan_per_t", mode.handlingYuanPerTonne)]
            where !(value >= 0) || !value.isFinite {
                setting("modes.\(mode.name).\(key)", "\(value) must be a number ≥ 0")
            }
        }

        let index = NetworkIndex(self)
        func known(_ id: String, in map: [String: Int], what: String, at location: SourceLocation?, column: String) -> Bool {
            if map[id] != nil { return true }
            report(location, column, "unknown \(what) '\(id)'" + Suggestion.didYouMean(id, among: map.keys))
            return false
        }

        for region in regions {
            if !(-90...90).contains(region.latitudeDegrees) {
                report(region.location, "latitude_deg", "latitude \(region.latitudeDegrees) is outside −90…90")
            }
            if !(-180...180).contains(region.longitudeDegrees) {
                report(region.location, "longitude_deg", "longitude \(region.longitudeDegrees) is outside −180…180")
            }
        }
        for process in processes {
            _ = known(process.output, in: index.commodities, what: "commodity", at: process.location, column: "output")
            for ingredient in process.inputs + process.byproducts {
                _ = known(ingredient.commodity, in: index.commodities, what: "commodity", at: ingredient.location, column: "commodity")
                // Far outside any real recipe, and far enough to wreck the solver's accuracy.
                if !(1e-6...1e6).contains(ingredient.tonnesPerTonne) {
                    report(ingredient.location, "t_per_t", "\(ingredient.tonnesPerTonne) t/t is outside the plausible 0.000001…1,000,000")
                }
                if ingredient.commodity == process.output {
                    report(ingredient.location, "commodity", "process '\(process.id)' lists its own output '\(process.output)' in its recipe")
                }
            }
            checkUnique(
                (process.inputs + process.byproducts).map { ("\(process.id) \($0.commodity)", $0.location) },
                what: "recipe entry (process, commodity)", column: "commodity", report)
        }
        for plant in plants {
            let regionKnown = known(plant.region, in: index.regions, what: "region", at: plant.location, column: "region")
            let processKnown = known(plant.process, in: index.processes, what: "process", at: plant.location, column: "process")
            if regionKnown, processKnown, plant.electricityPriceYuanPerKWh == nil,
                index.electricityKWhPerTonne(plant) > 0,
                regions[index.regions[plant.region]!].gridPriceYuanPerKWh == nil
            {
                report(
                    plant.location, "electricity_price_yuan_per_kwh",
                    "plant '\(plant.id)' uses electricity but neither it nor region '\(plant.region)' has a power price")
            }
        }
        for supply in supplies {
            _ = known(supply.region, in: index.regions, what: "region", at: supply.location, column: "region")
            _ = known(supply.commodity, in: index.commodities, what: "commodity", at: supply.location, column: "commodity")
        }
        for demand in demands {
            _ = known(demand.region, in: index.regions, what: "region", at: demand.location, column: "region")
            _ = known(demand.commodity, in: index.commodities, what: "commodity", at: demand.location, column: "commodity")
        }
        for link in links {
            _ = known(link.from, in: index.regions, what: "region", at: link.location, column: "from")
            _ = known(link.to, in: index.regions, what: "region", at: link.location, column: "to")
            _ = known(link.mode, in: index.modes, what: "mode", at: link.location, column: "mode")
            for commodity in link.commodities ?? [] {
                _ = known(commodity, in: index.commodities, what: "commodity", at: link.location, column: "commodities")
            }
            if let listed = link.commodities, Set(listed).count != listed.count {
                report(link.location, "commodities", "lists a commodity twice")
            }
            if link.from == link.to { report(link.location, "to", "link '\(link.id)' starts and ends in '\(link.from)'") }
        }

        validateSitingAndPower(index, report, setting)

        // Reachability needs every reference resolved; report it only on an otherwise sound network.
        if found.isEmpty {
            let reachable = ReachabilityAnalysis(index)
            for demand in demands where demand.tonnesPerYear > 0 && !reachable.canDeliver(demand.commodity, to: demand.region) {
                report(
                    demand.location, "commodity",
                    "no supply can reach the demand for \(demand.commodity) in \(demand.region): "
                        + reachable.explainUnreachable(demand.commodity, at: demand.region))
            }
        }
        return found
    }

    /// References and values of the optional siting and power tables.
    private func validateSitingAndPower(
        _ index: NetworkIndex, _ report: (SourceLocation?, String?, String) -> Void, _ setting: (String, String) -> Void
    ) {
        func known(_ id: String, in map: [String: Int], what: String, at location: SourceLocation?, column: String) -> Bool {
            if map[id] != nil { return true }
            report(location, column, "unknown \(what) '\(id)'" + Suggestion.didYouMean(id, among: map.keys))
            return false
        }
        let plantIDs = Dictionary(plants.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let periodIDs = Dictionary(periods.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for candidate in candidates {
            let regionKnown = known(candidate.region, in: index.regions, what: "region", at: candidate.location, column: "region")
            let processKnown = known(candidate.process, in: index.processes, what: "process", at: candidate.location, column: "process")
            if regionKnown, processKnown, candidate.electricityPriceYuanPerKWh == nil,
                (candidate.electricityKWhPerTonne ?? processes[index.processes[candidate.process]!].electricityKWhPerTonne) > 0,
                regions[index.regions[candidate.region]!].gridPriceYuanPerKWh == nil
            {
                report(
                    candidate.location, "electricity_price_yuan_per_kwh",
                    "candidate '\(candidate.id)' uses electricity but neither it nor region '\(candidate.region)' has a power price")
            }
        }
        for retrofit in retrofits {
            let plantKnown = known(retrofit.plant, in: plantIDs, what: "plant", at: retrofit.location, column: "plant")
            if let process = retrofit.process,
                known(process, in: index.processes, what: "process", at: retrofit.location, column: "process"), plantKnown
            {
                let before = processes[index.processes[plants[plantIDs[retrofit.plant]!].process]!].output
                let after = processes[index.processes[process]!].output
                if before != after {
                    report(
                        retrofit.location, "process",
                        "a retrofit must keep the plant's output: '\(process)' makes \(after), the plant makes \(before)")
                }
            }
        }
        for limit in capacityLimits {
            _ = known(limit.region, in: index.regions, what: "region", at: limit.location, column: "region")
            _ = known(limit.process, in: index.processes, what: "process", at: limit.location, column: "process")
            if let minimum = limit.minimumTonnesPerYear, let maximum = limit.maximumTonnesPerYear, minimum > maximum {
                report(limit.location, "min_t_per_y", "minimum \(minimum) exceeds max_t_per_y \(maximum)")
            }
        }
        for policy in capacityPolicies {
            for process in policy.processes where index.processes[process] == nil {
                setting("policy.capacity.processes", "unknown process '\(process)'" + Suggestion.didYouMean(process, among: index.processes.keys))
            }
            if let minimum = policy.newCapacityMinimumTonnesPerYear, let maximum = policy.newCapacityMaximumTonnesPerYear,
                minimum > maximum
            {
                setting("policy.capacity.new_capacity_min_t_per_y", "\(minimum) exceeds new_capacity_max_t_per_y \(maximum)")
            }
            if !(policy.defaultTransferRatio > 0) {
                setting("policy.capacity.transfer_ratio", "\(policy.defaultTransferRatio) must be greater than 0")
            }
        }
        for process in surcharge?.processes ?? [] where index.processes[process] == nil {
            setting("policy.surcharge.processes", "unknown process '\(process)'" + Suggestion.didYouMean(process, among: index.processes.keys))
        }
        if let surcharge {
            if !(surcharge.stepKWhPerTonne > 0) {
                setting("policy.surcharge.step_kwh_per_t", "\(surcharge.stepKWhPerTonne) must be greater than 0")
            }
            for (key, value, range) in [
                ("threshold_kwh_per_t", surcharge.thresholdKWhPerTonne, 0...Double.infinity),
                ("yuan_per_kwh_per_step", surcharge.yuanPerKWhPerStep, 0...Double.infinity),
                ("renewable_share_free", surcharge.renewableShareFree, 0...1),
                ("credit_per_percentage_point", surcharge.creditPerPercentagePoint, 0...1),
            ] where !range.contains(value) {
                setting("policy.surcharge.\(key)", "\(value) is outside \(range.upperBound.isFinite ? "0…1" : "≥ 0")")
            }
        }
        if carbon.priceYuanPerTonne < 0 { setting("policy.carbon.price_yuan_per_t", "\(carbon.priceYuanPerTonne) is negative") }
        if let cap = carbon.nationalCapTonnes, cap < 0 { setting("policy.carbon.national_cap_t_per_y", "\(cap) is negative") }
        for policy in capacityPolicies {
            for (key, value) in [
                ("ceiling_t_per_y", policy.ceilingTonnesPerYear), ("new_capacity_min_t_per_y", policy.newCapacityMinimumTonnesPerYear),
                ("new_capacity_max_t_per_y", policy.newCapacityMaximumTonnesPerYear),
                ("new_plant_max_kwh_per_t", policy.newPlantMaxKWhPerTonne),
                ("existing_plant_max_kwh_per_t", policy.existingPlantMaxKWhPerTonne),
            ] {
                if let value, value < 0 { setting("policy.capacity.\(key)", "\(value) is negative") }
            }
        }
        if let sites = maximumNewSites, sites < 0 { setting("policy.max_new_sites", "\(sites) must not be negative") }
        if !periods.isEmpty {
            let total = periods.reduce(0) { $0 + $1.shareOfYear }
            if abs(total - 1) > 1e-6 {
                report(periods.first?.location.map { SourceLocation(file: $0.file, row: 1) }, "share_of_year",
                       "the periods' shares add up to \(total), not 1")
            }
        }
        for condition in periodConditions {
            _ = known(condition.region, in: index.regions, what: "region", at: condition.location, column: "region")
            if periods.isEmpty {
                report(condition.location, "period", "period conditions need periods.csv")
            } else {
                _ = known(condition.period, in: periodIDs, what: "period", at: condition.location, column: "period")
            }
        }
        for captive in captivePower {
            _ = known(captive.plant, in: plantIDs, what: "plant", at: captive.location, column: "plant")
        }
        for toller in tolling {
            _ = known(toller.region, in: index.regions, what: "region", at: toller.location, column: "region")
            _ = known(toller.process, in: index.processes, what: "process", at: toller.location, column: "process")
        }
        for toller in tolling where toller.owner.isEmpty {
            report(toller.location, "owner", "is required: whose material the toller processes")
        }
        checkUnique(
            selfSupplyTargets.map { ("\($0.owner) \($0.processes.sorted().joined(separator: ";"))", $0.location) },
            what: "self-supply target (owner, processes)", column: "owner", report)
        let owners = Set(plants.map(\.owner) + candidates.map(\.owner) + tolling.map(\.owner))
        for target in selfSupplyTargets {
            for process in target.processes {
                _ = known(process, in: index.processes, what: "process", at: target.location, column: "process")
            }
            if !owners.contains(target.owner) {
                report(target.location, "owner", "no plant or toller belongs to '\(target.owner)'" + Suggestion.didYouMean(target.owner, among: owners))
            }
            if let minimum = target.minimumShare, let maximum = target.maximumShare, minimum > maximum {
                report(target.location, "min_share", "min_share exceeds max_share")
            }
        }
    }

    private func checkUnique(
        _ items: [(id: String, location: SourceLocation?)], what: String, column: String,
        _ report: (SourceLocation?, String?, String) -> Void
    ) {
        var first: [String: SourceLocation?] = [:]
        for item in items {
            if let earlier = first[item.id] {
                let previous = earlier.map { " (first at row \($0.row))" } ?? ""
                report(item.location, column, "duplicate \(what) '\(item.id)'\(previous)")
            } else {
                first[item.id] = item.location
            }
        }
    }

    /// Throws a ``NetworkError`` listing every problem, if there are any.
    public func validate() throws(NetworkError) {
        let found = problems()
        if !found.isEmpty { throw NetworkError(found) }
    }
}
