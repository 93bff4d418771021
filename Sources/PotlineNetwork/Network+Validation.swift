extension Network {
    /// Every problem that would make the network meaningless or unsolvable: duplicate ids,
    /// unknown names (with the closest known one), impossible values, plants without a power
    /// price, and demands that no supply can reach. Empty for a valid network.
    public func problems() -> [NetworkProblem] { problems(afterRowsDropped: nil) }

    /// The problems, for a network read with some rows dropped (their own problems already
    /// reported): references to the dropped rows' ids are not "unknown", and reachability,
    /// meaningless on a partial network, waits for a sound one.
    package func problems(afterRowsDropped dropped: Set<String>?) -> [NetworkProblem] {
        check(afterRowsDropped: dropped).problems
    }

    /// The problems, and on a sound network the reachability the checks computed (the
    /// formulation creates flows only where material can be, so it takes it from here).
    package func check(afterRowsDropped dropped: Set<String>?) -> (problems: [NetworkProblem], reachability: ReachabilityAnalysis?) {
        let log = ProblemLog()
        log.droppedIDs = dropped ?? []

        if !(1900...2200).contains(baseYear) {
            log.setting("base_year", "\(baseYear) is not a plausible year")
        }
        log.checkFigures(figureRows)
        log.checkUnique(modes.map { ($0.name, nil) }, what: "mode", column: "modes")
        log.checkUnique(regions.map { ($0.id, $0.location) }, what: "region", column: "id")
        log.checkUnique(commodities.map { ($0.id, $0.location) }, what: "commodity", column: "id")
        log.checkUnique(processes.map { ($0.id, $0.location) }, what: "process", column: "id")
        log.checkUnique(plants.map { ($0.id, $0.location) }, what: "plant", column: "id")
        log.checkUnique(supplies.map { ($0.id, $0.location) }, what: "supply", column: "id")
        log.checkUnique(links.map { ($0.id, $0.location) }, what: "link", column: "id")
        // Candidates and tollers share the plants' namespace: their ids name capacity rows.
        let plantIDs = Set(plants.map(\.id))
        log.checkUnique(
            candidates.map { ($0.id, $0.location) } + tolling.map { ($0.id, $0.location) }, what: "candidate or toller",
            column: "id")
        for (id, location) in candidates.map({ ($0.id, $0.location) }) + tolling.map({ ($0.id, $0.location) })
        where plantIDs.contains(id) {
            log.report(location, "id", "'\(id)' is already a plant id")
        }
        log.checkUnique(retrofits.map { ($0.id, $0.location) }, what: "retrofit", column: "id")
        log.checkUnique(captivePower.map { ($0.id, $0.location) }, what: "captive unit", column: "id")
        log.checkUnique(captivePower.map { ($0.plant, $0.location) }, what: "captive power for plant", column: "plant")
        log.checkUnique(periods.map { ($0.id, $0.location) }, what: "period", column: "id")
        log.checkUnique(
            periodConditions.map { ("\($0.region) \($0.period)", $0.location) }, what: "period condition (region, period)",
            column: "period")
        log.checkUnique(
            demands.map { ("\($0.region) \($0.commodity)", $0.location) }, what: "demand (region, commodity)",
            column: "commodity")

        for mode in modes {
            if !(mode.circuity >= 1) || !mode.circuity.isFinite {
                log.setting("modes.\(mode.name).circuity", "circuity \(mode.circuity) must be a number ≥ 1")
            }
            for (key, value) in [("rate_yuan_per_tkm", mode.rateYuanPerTonneKm), ("handling_yuan_per_t", mode.handlingYuanPerTonne)]
            where !(value >= 0) || !value.isFinite {
                log.setting("modes.\(mode.name).\(key)", "\(value) must be a number ≥ 0")
            }
        }

        let index = NetworkIndex(self)

        for region in regions {
            if !(-90...90).contains(region.latitudeDegrees) {
                log.report(region.location, "latitude_deg", "latitude \(region.latitudeDegrees) is outside −90…90")
            }
            if !(-180...180).contains(region.longitudeDegrees) {
                log.report(region.location, "longitude_deg", "longitude \(region.longitudeDegrees) is outside −180…180")
            }
        }
        for process in processes {
            log.known(process.output, in: index.commodities, what: "commodity", at: process.location, column: "output")
            for ingredient in process.inputs + process.byproducts {
                log.known(ingredient.commodity, in: index.commodities, what: "commodity", at: ingredient.location, column: "commodity")
                if ingredient.commodity == process.output {
                    log.report(ingredient.location, "commodity", "process '\(process.id)' lists its own output '\(process.output)' in its recipe")
                }
            }
            log.checkUnique(
                (process.inputs + process.byproducts).map { ("\(process.id) \($0.commodity)", $0.location) },
                what: "recipe entry (process, commodity)", column: "commodity")
        }
        for plant in plants {
            checkPowerPrice(
                "plant", plant.id, region: plant.region, process: plant.process, kWhPerTonne: plant.electricityKWhPerTonne,
                ownPrice: plant.electricityPriceYuanPerKWh, at: plant.location, index, log)
        }
        for supply in supplies {
            log.known(supply.region, in: index.regions, what: "region", at: supply.location, column: "region")
            log.known(supply.commodity, in: index.commodities, what: "commodity", at: supply.location, column: "commodity")
        }
        for demand in demands {
            log.known(demand.region, in: index.regions, what: "region", at: demand.location, column: "region")
            log.known(demand.commodity, in: index.commodities, what: "commodity", at: demand.location, column: "commodity")
        }
        for link in links {
            log.known(link.from, in: index.regions, what: "region", at: link.location, column: "from")
            log.known(link.to, in: index.regions, what: "region", at: link.location, column: "to")
            log.known(link.mode, in: index.modes, what: "mode", at: link.location, column: "mode")
            for commodity in link.commodities ?? [] {
                log.known(commodity, in: index.commodities, what: "commodity", at: link.location, column: "commodities")
            }
            if let listed = link.commodities, Set(listed).count != listed.count {
                log.report(link.location, "commodities", "lists a commodity twice")
            }
            if link.from == link.to { log.report(link.location, "to", "link '\(link.id)' starts and ends in '\(link.from)'") }
        }

        validateSitingAndPower(index, log)

        // Reachability needs every reference resolved; report it only on an otherwise sound network.
        var reachability: ReachabilityAnalysis?
        if log.problems.isEmpty && dropped == nil {
            let reachable = ReachabilityAnalysis(index)
            reachability = reachable
            for demand in demands where demand.tonnesPerYear > 0 && !reachable.canDeliver(demand.commodity, to: demand.region) {
                log.report(
                    demand.location, "commodity",
                    "no supply can reach the demand for \(demand.commodity) in \(demand.region): "
                        + reachable.explainUnreachable(demand.commodity, at: demand.region))
            }
        }
        return (log.problems, log.problems.isEmpty ? reachability : nil)
    }

    /// References and values of the optional siting and power tables.
    private func validateSitingAndPower(_ index: NetworkIndex, _ log: ProblemLog) {
        let plantIDs = Dictionary(plants.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let periodIDs = Dictionary(periods.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for candidate in candidates {
            switch candidate.sizing {
            case let .modules(_, maximum) where !(1...Candidate.maximumModules).contains(maximum):
                log.report(candidate.location, "max_modules", "must be from 1 to \(Candidate.maximumModules)")
            case let .continuous(minimum, maximum) where minimum > maximum:
                log.report(
                    candidate.location, "min_capacity_t_per_y", "minimum \(minimum) exceeds max_capacity_t_per_y \(maximum)")
            default: break
            }
            checkPowerPrice(
                "candidate", candidate.id, region: candidate.region, process: candidate.process,
                kWhPerTonne: candidate.electricityKWhPerTonne, ownPrice: candidate.electricityPriceYuanPerKWh,
                at: candidate.location, index, log)
        }
        for retrofit in retrofits {
            let plantKnown = log.known(retrofit.plant, in: plantIDs, what: "plant", at: retrofit.location, column: "plant")
            // The plant's own process may be unknown too (reported at its row): compare only known ones.
            if let process = retrofit.process,
                log.known(process, in: index.processes, what: "process", at: retrofit.location, column: "process"), plantKnown,
                let plant = plantIDs[retrofit.plant], let own = index.processes[plants[plant].process],
                let new = index.processes[process]
            {
                let before = processes[own].output
                let after = processes[new].output
                if before != after {
                    log.report(
                        retrofit.location, "process",
                        "a retrofit must keep the plant's output: '\(process)' makes \(after), the plant makes \(before)")
                }
            }
        }
        checkAlternatives(log, index: index)
        for limit in capacityLimits {
            log.known(limit.region, in: index.regions, what: "region", at: limit.location, column: "region")
            log.known(limit.process, in: index.processes, what: "process", at: limit.location, column: "process")
            if let minimum = limit.minimumTonnesPerYear, let maximum = limit.maximumTonnesPerYear, minimum > maximum {
                log.report(limit.location, "min_t_per_y", "minimum \(minimum) exceeds max_t_per_y \(maximum)")
            }
        }
        for policy in capacityPolicies {
            for process in policy.processes where index.processes[process] == nil {
                log.setting("policy.capacity.processes", "unknown process '\(process)'" + Suggestion.didYouMean(process, among: index.processes.keys))
            }
            if let minimum = policy.newCapacityMinimumTonnesPerYear, let maximum = policy.newCapacityMaximumTonnesPerYear,
                minimum > maximum
            {
                log.setting("policy.capacity.new_capacity_min_t_per_y", "\(minimum) exceeds new_capacity_max_t_per_y \(maximum)")
            }
            if !(policy.defaultTransferRatio > 0) {
                log.setting("policy.capacity.transfer_ratio", "\(policy.defaultTransferRatio) must be greater than 0")
            }
        }
        for process in surcharge?.processes ?? [] where index.processes[process] == nil {
            log.setting("policy.surcharge.processes", "unknown process '\(process)'" + Suggestion.didYouMean(process, among: index.processes.keys))
        }
        if let surcharge {
            if !(surcharge.stepKWhPerTonne > 0) {
                log.setting("policy.surcharge.step_kwh_per_t", "\(surcharge.stepKWhPerTonne) must be greater than 0")
            }
            for (key, value, range) in [
                ("threshold_kwh_per_t", surcharge.thresholdKWhPerTonne, 0...Double.infinity),
                ("yuan_per_kwh_per_step", surcharge.yuanPerKWhPerStep, 0...Double.infinity),
                ("renewable_share_free", surcharge.renewableShareFree, 0...1),
                ("credit_per_percentage_point", surcharge.creditPerPercentagePoint, 0...1),
            ] where !range.contains(value) {
                log.setting("policy.surcharge.\(key)", "\(value) is outside \(range.upperBound.isFinite ? "0…1" : "≥ 0")")
            }
        }
        if carbon.priceYuanPerTonne < 0 { log.setting("policy.carbon.price_yuan_per_t", "\(carbon.priceYuanPerTonne) is negative") }
        if let cap = carbon.nationalCapTonnes, cap < 0 { log.setting("policy.carbon.national_cap_t_per_y", "\(cap) is negative") }
        for (k, cap) in energyCaps.enumerated() {
            let path = "policy.energy[\(k)]"
            if cap.processes.isEmpty { log.setting("\(path).processes", "names no process") }
            for process in cap.processes where index.processes[process] == nil {
                log.setting("\(path).processes", "unknown process '\(process)'" + Suggestion.didYouMean(process, among: index.processes.keys))
            }
            if let national = cap.nationalCapKWhPerYear, national < 0 {
                log.setting("\(path).national_cap_kwh_per_y", "\(national) is negative")
            }
            for (region, regional) in cap.regionalCapsKWhPerYear.sorted(by: { $0.key < $1.key }) {
                let key = "\(path).regional_caps_kwh_per_y.\(region)"
                if index.regions[region] == nil {
                    log.setting(key, "unknown region '\(region)'" + Suggestion.didYouMean(region, among: index.regions.keys))
                }
                if regional < 0 { log.setting(key, "\(regional) is negative") }
            }
        }
        if let greenPower {
            let path = "policy.green_power"
            if greenPower.processes.isEmpty { log.setting("\(path).processes", "names no process") }
            for process in greenPower.processes where index.processes[process] == nil {
                log.setting("\(path).processes", "unknown process '\(process)'" + Suggestion.didYouMean(process, among: index.processes.keys))
            }
            if !(greenPower.certificatePriceYuanPerKWh >= 0) {
                log.setting("\(path).certificate_price_yuan_per_kwh", "\(greenPower.certificatePriceYuanPerKWh) is negative")
            }
            for (region, share) in greenPower.minimumShares.sorted(by: { $0.key < $1.key }) {
                let key = "\(path).min_share.\(region)"
                if index.regions[region] == nil {
                    log.setting(key, "unknown region '\(region)'" + Suggestion.didYouMean(region, among: index.regions.keys))
                }
                if !(0...1).contains(share) { log.setting(key, "\(share) is not a share from 0 to 1") }
            }
        }
        for policy in capacityPolicies {
            for (key, value) in [
                ("ceiling_t_per_y", policy.ceilingTonnesPerYear), ("new_capacity_min_t_per_y", policy.newCapacityMinimumTonnesPerYear),
                ("new_capacity_max_t_per_y", policy.newCapacityMaximumTonnesPerYear),
                ("new_plant_max_kwh_per_t", policy.newPlantMaxKWhPerTonne),
                ("existing_plant_max_kwh_per_t", policy.existingPlantMaxKWhPerTonne),
            ] {
                if let value, value < 0 { log.setting("policy.capacity.\(key)", "\(value) is negative") }
            }
            if (policy.benchmarkKWhPerTonne == nil) != (policy.benchmarkMinimumShare == nil) {
                log.setting("policy.capacity.benchmark_min_share", "needs benchmark_kwh_per_t with it, and the other way round")
            }
            if let share = policy.benchmarkMinimumShare, !(0...1).contains(share) {
                log.setting("policy.capacity.benchmark_min_share", "\(share) is not a share from 0 to 1")
            }
            if let kWh = policy.benchmarkKWhPerTonne, kWh < 0 {
                log.setting("policy.capacity.benchmark_kwh_per_t", "\(kWh) is negative")
            }
        }
        if let sites = maximumNewSites, sites < 0 { log.setting("policy.max_new_sites", "\(sites) must not be negative") }
        if !periods.isEmpty {
            let total = periods.reduce(0) { $0 + $1.shareOfYear }
            if abs(total - 1) > Tolerance.shareSum {
                log.report(periods.first?.location.map { SourceLocation(file: $0.file, row: 1) }, "share_of_year",
                       "the periods' shares add up to \(total), not 1")
            }
        }
        for condition in periodConditions {
            log.known(condition.region, in: index.regions, what: "region", at: condition.location, column: "region")
            if periods.isEmpty {
                log.report(condition.location, "period", "period conditions need periods.csv")
            } else {
                log.known(condition.period, in: periodIDs, what: "period", at: condition.location, column: "period")
            }
        }
        // A captive unit serves an existing plant or a candidate (a new site with its own units:
        // built with the site, idle when the site is not built).
        let servedIDs = plantIDs.merging(candidates.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for captive in captivePower {
            log.known(captive.plant, in: servedIDs, what: "plant or candidate", at: captive.location, column: "plant")
            if let minimum = captive.minimumShare, let maximum = captive.maximumShare, minimum > maximum {
                log.report(captive.location, "min_share", "min_share exceeds max_share")
            }
        }
        for toller in tolling {
            log.known(toller.region, in: index.regions, what: "region", at: toller.location, column: "region")
            log.known(toller.process, in: index.processes, what: "process", at: toller.location, column: "process")
        }
        for toller in tolling where toller.owner.isEmpty {
            log.report(toller.location, "owner", "is required: whose material the toller processes")
        }
        log.checkUnique(
            selfSupplyTargets.map { ("\($0.owner) \($0.processes.sorted().joined(separator: ";"))", $0.location) },
            what: "self-supply target (owner, processes)", column: "owner")
        let owners = Set(plants.map(\.owner) + candidates.map(\.owner) + tolling.map(\.owner))
        for target in selfSupplyTargets {
            for process in target.processes {
                log.known(process, in: index.processes, what: "process", at: target.location, column: "process")
            }
            if !owners.contains(target.owner) {
                log.report(target.location, "owner", "no plant or toller belongs to '\(target.owner)'" + Suggestion.didYouMean(target.owner, among: owners))
            }
            if let minimum = target.minimumShare, let maximum = target.maximumShare, minimum > maximum {
                log.report(target.location, "min_share", "min_share exceeds max_share")
            }
        }
    }

    /// A plant or candidate that uses power needs a price: its own, or its region's grid price.
    private func checkPowerPrice(
        _ what: String, _ id: String, region: String, process: String, kWhPerTonne: Double?, ownPrice: Double?,
        at location: SourceLocation?, _ index: NetworkIndex, _ log: ProblemLog
    ) {
        let regionKnown = log.known(region, in: index.regions, what: "region", at: location, column: "region")
        let processKnown = log.known(process, in: index.processes, what: "process", at: location, column: "process")
        guard regionKnown, processKnown, ownPrice == nil, let p = index.processes[process], let r = index.regions[region],
            (kWhPerTonne ?? processes[p].electricityKWhPerTonne) > 0, regions[r].gridPriceYuanPerKWh == nil
        else { return }
        log.report(
            location, "electricity_price_yuan_per_kwh",
            "\(what) '\(id)' uses electricity but neither it nor region '\(region)' has a power price")
    }

    /// The network with its checks passed; throws a ``NetworkError`` listing every problem.
    public func validated() throws(NetworkError) -> ValidatedNetwork { try ValidatedNetwork(self) }
}

/// The checks every validation step shares, each logging a located problem.
extension ProblemLog {
    func report(_ location: SourceLocation?, _ column: String?, _ message: String) {
        add(NetworkProblem(at: location, column: column, message: message))
    }

    /// A setting of network.yaml (parsed into values without rows).
    func setting(_ key: String, _ message: String) {
        add(NetworkProblem(file: manifestFileName, column: key, message: message))
    }

    /// Whether `id` names something in `map`; if not, logs it with the closest known name.
    @discardableResult
    func known(_ id: String, in map: [String: Int], what: String, at location: SourceLocation?, column: String) -> Bool {
        if map[id] != nil { return true }
        if droppedIDs.contains(id) { return false }  // its row's own problem is the cause
        report(location, column, "unknown \(what) '\(id)'" + Suggestion.didYouMean(id, among: map.keys))
        return false
    }

    /// Logs every id that repeats, naming the row it first appeared in.
    func checkUnique(_ items: [(id: String, location: SourceLocation?)], what: String, column: String) {
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
}

extension Network {
    /// An alternative names a known plant and process, makes the plant's output, is not the
    /// plant's own process, appears once per (plant, process), and is not offered beside retrofits
    /// (a retrofit replaces the plant's technology; which alternatives would survive it is not defined).
    func checkAlternatives(_ log: ProblemLog, index: NetworkIndex) {
        log.checkUnique(
            alternatives.map { ("\($0.plant) \($0.process)", $0.location) }, what: "alternative (plant, process)",
            column: "process")
        let plantIndex = Dictionary(plants.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let retrofitted = Set(retrofits.map(\.plant))
        for alternative in alternatives {
            let plantKnown = log.known(
                alternative.plant, in: plantIndex, what: "plant", at: alternative.location, column: "plant")
            guard log.known(alternative.process, in: index.processes, what: "process", at: alternative.location, column: "process"),
                plantKnown, let plant = plantIndex[alternative.plant].map({ plants[$0] }), let own = index.processes[plant.process]
            else { continue }
            let output = processes[index.processes[alternative.process]!].output
            if alternative.process == plant.process {
                log.report(alternative.location, "process", "'\(plant.process)' is the plant's own process already")
            } else if output != processes[own].output {
                log.report(
                    alternative.location, "process",
                    "an alternative must make the plant's output: '\(alternative.process)' makes \(output), the plant makes \(processes[own].output)")
            }
            if retrofitted.contains(plant.id) {
                log.report(
                    alternative.location, "plant",
                    "'\(plant.id)' has retrofits (retrofits.csv); a plant takes alternatives or retrofits, not both")
            }
        }
    }
}
