import LinearModel
import PotlineNetwork

extension Formulation {
    /// Yearly decision columns, added before production so capacity rows can use them:
    /// `build`/`modules`/`capacity` for candidates, `close` for closable plants, `retrofit` for
    /// upgrades. Their annual charges go to the `capital` component.
    mutating func addSitingDecisions() {
        var policies: [String: CapacityPolicy] = [:]
        for policy in network.capacityPolicies { for process in policy.processes where policies[process] == nil { policies[process] = policy } }
        var candidateKWh: [Int: Double] = [:]
        for operation in operations { if case .candidate(let j) = operation.source { candidateKWh[j] = operation.electricityKWhPerTonne } }
        for (j, candidate) in network.candidates.enumerated() {
            let region = index.regions[candidate.region]!
            let kWh = candidateKWh[j]!
            var barred = candidate.decision == .mustNotBuild
            if let limit = policies[candidate.process]?.newPlantMaxKWhPerTonne, kWh > limit {
                barred = true
                candidatesBarredByStandard.append(j)
            }
            let capacityCost = Footprint(cost: CostComponents(capital: candidate.annualCapacityCostYuanPerTonne))
            var siteCost = Footprint(cost: CostComponents(capital: candidate.annualSiteCostYuan))
            if case let .modules(size, 1) = candidate.sizing { siteCost = siteCost + capacityCost * size }
            let build = addColumn(
                .build, "build.\(candidate.id)", lower: candidate.decision == .mustBuild && !barred ? 1 : 0, upper: barred ? 0 : 1,
                footprint: siteCost, kind: .binary, region: region)
            buildColumns[j] = build
            switch candidate.sizing {
            case let .modules(size, 1):
                // One module: the build decision is the capacity.
                candidateCapacity[j] = (build, size)
            case let .modules(size, maximum):
                let modules = addColumn(
                    .modules, "modules.\(candidate.id)", upper: Double(maximum), footprint: capacityCost * size, kind: .integer,
                    region: region)
                candidateCapacity[j] = (modules, size)
                // Modules need the site; the site needs at least one module.
                addRow(.siteModules,name: "site.\(candidate.id)", upper: 0, terms: [(modules, 1), (build, -Double(maximum))])
                addRow(.siteMinimum,name: "sitemin.\(candidate.id)", lower: 0, terms: [(modules, 1), (build, -1)])
            case let .continuous(minimum, maximum):
                let capacity = addColumn(.capacity, "capacity.\(candidate.id)", upper: maximum, footprint: capacityCost, region: region)
                candidateCapacity[j] = (capacity, 1)
                addRow(.siteMaximum,name: "sitemax.\(candidate.id)", upper: 0, terms: [(capacity, 1), (build, -maximum)])
                if minimum > 0 {
                    addRow(.siteMinimum,name: "sitemin.\(candidate.id)", lower: 0, terms: [(capacity, 1), (build, -minimum)])
                }
            }
        }
        for (p, plant) in network.plants.enumerated() {
            guard let cost = plant.closureCostYuanPerYear else { continue }
            closeColumns[p] = addColumn(
                .close, "close.\(plant.id)", upper: 1, footprint: Footprint(cost: CostComponents(capital: cost)), kind: .binary,
                region: index.regions[plant.region]!)
        }
        var byPlant: [String: [Int]] = [:]
        for (k, retrofit) in network.retrofits.enumerated() {
            retrofitColumns[k] = addColumn(
                .retrofit, "retrofit.\(retrofit.id)", lower: retrofit.decision == .mustBuild ? 1 : 0,
                upper: retrofit.decision == .mustNotBuild ? 0 : 1,
                footprint: Footprint(cost: CostComponents(capital: retrofit.capital.annualisedYuanPerYear)), kind: .binary)
            byPlant[retrofit.plant, default: []].append(k)
        }
        // A plant takes at most one retrofit, and not if it closes.
        for (p, plant) in network.plants.enumerated() {
            let choices = (byPlant[plant.id] ?? []).compactMap { retrofitColumns[$0] } + [closeColumns[p]].compactMap { $0 }
            if choices.count > 1 {
                addRow(.oneChoice,name: "onechoice.\(plant.id)", upper: 1, terms: choices.map { ($0, 1.0) })
            }
        }
    }

    /// Capacity ceiling, capacity transfer (产能置换), the energy standard for existing plants,
    /// regional capacity limits and the number of new sites.
    mutating func addSitingPolicy() {
        for policy in network.capacityPolicies {
            let family = Set(policy.processes)
            let name = sanitizedName(policy.processes.joined(separator: "_"))
            let plants = network.plants.indices.filter { family.contains(network.plants[$0].process) }
            let candidates = network.candidates.indices.filter { family.contains(network.candidates[$0].process) }

            if let ceiling = policy.ceilingTonnesPerYear {
                // Existing capacity kept + new capacity built ≤ ceiling.
                var existing = 0.0
                var terms: [(column: Int, value: Double)] = []
                for p in plants {
                    existing += network.plants[p].capacityTonnesPerYear
                    if let close = closeColumns[p] { terms.append((close, -network.plants[p].capacityTonnesPerYear)) }
                }
                for j in candidates { if let built = candidateCapacity[j] { terms.append((built.column, built.tonnesPerUnit)) } }
                addRow(.ceiling,name: "ceiling.\(name)", upper: ceiling - existing, terms: terms)
            }

            if policy.newCapacityMinimumTonnesPerYear != nil || policy.newCapacityMaximumTonnesPerYear != nil {
                addRow(.newCapacity,
                    name: "new_capacity.\(name)", lower: policy.newCapacityMinimumTonnesPerYear ?? -.infinity,
                    upper: policy.newCapacityMaximumTonnesPerYear ?? .infinity,
                    terms: candidates.compactMap { candidateCapacity[$0] }.map { ($0.column, $0.tonnesPerUnit) })
            }

            if policy.capacityTransfer {
                // Quota freed by each closure, handed to candidates; each candidate needs its
                // capacity × its region's ratio in quota.
                let closable = plants.filter { closeColumns[$0] != nil }
                var received: [Int: [(column: Int, value: Double)]] = [:]
                for p in closable {
                    let plant = network.plants[p]
                    var terms: [(column: Int, value: Double)] = [(closeColumns[p]!, -plant.capacityTonnesPerYear)]
                    for j in candidates where candidateCapacity[j] != nil {
                        let column = addColumn(.transfer, "transfer.\(plant.id).\(network.candidates[j].id)")
                        transferColumns.append((p, j, column))
                        terms.append((column, 1))
                        received[j, default: []].append((column, 1))
                    }
                    addRow(.quotaOut,name: "quota_out.\(plant.id)", upper: 0, terms: terms)
                }
                for j in candidates {
                    guard let built = candidateCapacity[j] else { continue }
                    let candidate = network.candidates[j]
                    let ratio = network.regions[index.regions[candidate.region]!].transferRatio ?? policy.defaultTransferRatio
                    addRow(.quotaIn,
                        name: "quota_in.\(candidate.id)", lower: 0,
                        terms: (received[j] ?? []) + [(built.column, -ratio * built.tonnesPerUnit)])
                }
            }

            if let limit = policy.existingPlantMaxKWhPerTonne,
                policy.existingPlantDeadlineYear.map({ network.baseYear >= $0 }) ?? true
            {
                // An existing plant's technology above the limit may not run, before or after a
                // retrofit: a plant above it produces only once retrofitted below it. Nothing is
                // forced: it may also idle (keeping its quota) or close (freeing it), so offering a
                // retrofit or a closure can only lower the optimum.
                for (o, operation) in operations.enumerated() where family.contains(network.processes[operation.process].id) {
                    switch operation.source {
                    case .plant, .retrofit: break
                    case .candidate, .tolling: continue
                    }
                    guard operation.electricityKWhPerTonne > limit else { continue }
                    operationsBarredByStandard.append(o)
                    for column in makeColumns[o] { model.setBounds(column: column, lower: 0, upper: 0) }
                }
            }

            if let benchmark = policy.benchmarkKWhPerTonne, let share = policy.benchmarkMinimumShare,
                policy.benchmarkYear.map({ network.baseYear >= $0 }) ?? true
            {
                addBenchmarkShareRow(name: name, benchmark: benchmark, share: share, plants: plants, candidates: candidates)
            }
        }

        for limit in network.capacityLimits {
            var existing = 0.0
            var terms: [(column: Int, value: Double)] = []
            for (p, plant) in network.plants.enumerated() where plant.region == limit.region && plant.process == limit.process {
                existing += plant.capacityTonnesPerYear
                if let close = closeColumns[p] { terms.append((close, -plant.capacityTonnesPerYear)) }
            }
            for (j, candidate) in network.candidates.enumerated()
            where candidate.region == limit.region && candidate.process == limit.process {
                if let built = candidateCapacity[j] { terms.append((built.column, built.tonnesPerUnit)) }
            }
            addRow(.regionalLimit,
                name: "limit.\(limit.region).\(limit.process)",
                lower: (limit.minimumTonnesPerYear ?? -.infinity) - existing,
                upper: (limit.maximumTonnesPerYear ?? .infinity) - existing, terms: terms)
        }

        if let maximum = network.maximumNewSites, !buildColumns.isEmpty {
            addRow(.maximumNewSites,
                name: "max_new_sites", upper: Double(maximum), terms: buildColumns.values.sorted().map { ($0, 1.0) })
        }
    }

    /// Σ capacity at or below the benchmark ≥ share × Σ capacity, over the plan: with b = 1 for a
    /// technology at or below it (else 0), plant p (capacity C) counts C·(b_p − share) unless it
    /// closes, a retrofit k of p adds C·(b_k − b_p), and a candidate (b_j − share) per tonne built.
    /// Retrofits, builds and closures can only help meet it, so offering one never raises the optimum.
    private mutating func addBenchmarkShareRow(name: String, benchmark: Double, share: Double, plants: [Int], candidates: [Int]) {
        func below(_ kWh: Double) -> Double { kWh <= benchmark ? 1 : 0 }
        var plantKWh: [Int: Double] = [:]
        var retrofitKWh: [Int: Double] = [:]
        var candidateKWh: [Int: Double] = [:]
        for operation in operations {
            switch operation.source {
            case .plant(let p) where operation.id == network.plants[p].id: plantKWh[p] = operation.electricityKWhPerTonne
            case .retrofit(let k): retrofitKWh[k] = operation.electricityKWhPerTonne
            case .candidate(let j): candidateKWh[j] = operation.electricityKWhPerTonne
            default: break
            }
        }
        let family = Dictionary(plants.map { (network.plants[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        var constant = 0.0
        var terms: [(column: Int, value: Double)] = []
        for p in plants {
            let capacity = network.plants[p].capacityTonnesPerYear
            let counted = capacity * (below(plantKWh[p]!) - share)
            constant += counted
            if let close = closeColumns[p] { terms.append((close, -counted)) }
        }
        for (k, retrofit) in network.retrofits.enumerated() {
            guard let p = family[retrofit.plant], let column = retrofitColumns[k] else { continue }
            let gain = below(retrofitKWh[k]!) - below(plantKWh[p]!)
            if gain != 0 { terms.append((column, network.plants[p].capacityTonnesPerYear * gain)) }
        }
        for j in candidates {
            guard let built = candidateCapacity[j] else { continue }
            terms.append((built.column, built.tonnesPerUnit * (below(candidateKWh[j]!) - share)))
        }
        benchmarkRows[name] = addRow(.benchmarkShare, name: "benchmark.\(name)", lower: -constant, terms: terms)
    }
}

extension Formulation {
    /// This formulation with candidate `candidate` (its place in the network's candidates) forced
    /// in: the model `Formulation(network.forcing(candidate:))` builds, whose only difference is
    /// the build column's lower bound (tested), without formulating the network again. Nil for
    /// a candidate with no build column or one the rules bar.
    package func forcing(candidate: Int) -> Formulation? {
        guard let build = buildColumns[candidate], model.columns[build].upper >= 1 else { return nil }
        var forced = self
        forced.model.setBounds(column: build, lower: 1, upper: model.columns[build].upper)
        return forced
    }
}
