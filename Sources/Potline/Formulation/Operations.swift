/// Everything that can make a commodity, flattened: existing plants in their current technology,
/// the same plants after each retrofit, candidate plants, and tolling services. Each operation
/// belongs to a ``CapacityGroup`` (the plant, candidate or toller whose capacity it shares).
public struct Operation: Sendable {
    public enum Source: Sendable, Equatable {
        case plant(Int)
        case retrofit(Int)
        case candidate(Int)
        case tolling(Int)
    }

    public let source: Source
    /// `PLANT`, `PLANT@RETROFIT`, `CANDIDATE` or `TOLLER`.
    public let id: String
    public let group: Int
    public let region: Int
    public let process: Int
    public let owner: String
    public let electricityKWhPerTonne: Double
    /// Labour, fuel, maintenance; for a toller, its fee.
    public let otherCostYuanPerTonne: Double
    public let isTolling: Bool
    /// A plant's own price (captive contract); nil: the region's grid price.
    public let ownPriceYuanPerKWh: Double?
    /// Tiered surcharge on each kWh this technology uses.
    public let surchargeYuanPerKWh: Double
    /// Direct CO2 of the process (t/t); for a toller also its power's CO2, which its fee hides.
    public let processEmissionTonnesPerTonne: Double
    /// Share of its power from non-hydro renewables, which emit no CO2.
    public let renewableShare: Double
}

/// The capacity an operation draws on.
public struct CapacityGroup: Sendable {
    public enum Source: Sendable, Equatable {
        case plant(Int)
        case candidate(Int)
        case tolling(Int)
    }

    public let source: Source
    public let id: String
    public let region: Int
    public let process: Int
    /// Fixed capacity (t/y); nil for a candidate (decided) or an unlimited toller.
    public let capacityTonnesPerYear: Double?
    /// Captive generation serving this plant, if any.
    public let captive: Int?
    public var operations: [Int] = []
}

extension NetworkIndex {
    /// Tiered surcharge for a plant of `process` using `kWhPerTonne` with `renewableShare`.
    func surchargeYuanPerKWh(process: String, kWhPerTonne: Double, renewableShare: Double?) -> Double {
        guard let surcharge = network.surcharge, surcharge.processes.contains(process) else { return 0 }
        return surcharge.yuanPerKWh(kWhPerTonne: kWhPerTonne, renewableShare: renewableShare ?? 0)
    }

    /// Operations and capacity groups of the network, in a fixed order: plants (each followed by
    /// its retrofits), candidates, tolling services.
    func operationsAndGroups() -> (operations: [Operation], groups: [CapacityGroup]) {
        var operations: [Operation] = []
        var groups: [CapacityGroup] = []
        var retrofitsByPlant: [String: [Int]] = [:]
        for (k, retrofit) in network.retrofits.enumerated() { retrofitsByPlant[retrofit.plant, default: []].append(k) }
        var captiveByPlant: [String: Int] = [:]
        for (c, captive) in network.captivePower.enumerated() { captiveByPlant[captive.plant] = c }

        func add(_ operation: Operation) {
            groups[operation.group].operations.append(operations.count)
            operations.append(operation)
        }

        for (p, plant) in network.plants.enumerated() {
            let process = self.process(of: plant)
            let group = groups.count
            groups.append(
                CapacityGroup(
                    source: .plant(p), id: plant.id, region: regions[plant.region]!, process: processes[plant.process]!,
                    capacityTonnesPerYear: plant.capacityTonnesPerYear, captive: captiveByPlant[plant.id]))
            let kWh = electricityKWhPerTonne(plant)
            add(
                Operation(
                    source: .plant(p), id: plant.id, group: group, region: regions[plant.region]!,
                    process: processes[plant.process]!, owner: plant.owner, electricityKWhPerTonne: kWh,
                    otherCostYuanPerTonne: otherCostYuanPerTonne(plant), isTolling: false,
                    ownPriceYuanPerKWh: plant.electricityPriceYuanPerKWh,
                    surchargeYuanPerKWh: surchargeYuanPerKWh(process: plant.process, kWhPerTonne: kWh, renewableShare: plant.renewableShare),
                    processEmissionTonnesPerTonne: process.processEmissionTonnesPerTonne, renewableShare: plant.renewableShare ?? 0))
            for k in retrofitsByPlant[plant.id] ?? [] {
                let retrofit = network.retrofits[k]
                let newProcess = network.processes[processes[retrofit.process ?? plant.process]!]
                let newKWh = retrofit.electricityKWhPerTonne ?? (retrofit.process == nil ? kWh : newProcess.electricityKWhPerTonne)
                add(
                    Operation(
                        source: .retrofit(k), id: "\(plant.id)@\(retrofit.id)", group: group, region: regions[plant.region]!,
                        process: processes[newProcess.id]!, owner: plant.owner, electricityKWhPerTonne: newKWh,
                        otherCostYuanPerTonne: retrofit.otherCostYuanPerTonne
                            ?? (retrofit.process == nil ? otherCostYuanPerTonne(plant) : newProcess.otherCostYuanPerTonne),
                        isTolling: false, ownPriceYuanPerKWh: plant.electricityPriceYuanPerKWh,
                        surchargeYuanPerKWh: surchargeYuanPerKWh(
                            process: newProcess.id, kWhPerTonne: newKWh, renewableShare: plant.renewableShare),
                        processEmissionTonnesPerTonne: newProcess.processEmissionTonnesPerTonne,
                        renewableShare: plant.renewableShare ?? 0))
            }
        }
        for (j, candidate) in network.candidates.enumerated() {
            let process = network.processes[processes[candidate.process]!]
            let group = groups.count
            groups.append(
                CapacityGroup(
                    source: .candidate(j), id: candidate.id, region: regions[candidate.region]!,
                    process: processes[candidate.process]!, capacityTonnesPerYear: nil, captive: nil))
            let kWh = candidate.electricityKWhPerTonne ?? process.electricityKWhPerTonne
            add(
                Operation(
                    source: .candidate(j), id: candidate.id, group: group, region: regions[candidate.region]!,
                    process: processes[candidate.process]!, owner: candidate.owner, electricityKWhPerTonne: kWh,
                    otherCostYuanPerTonne: candidate.otherCostYuanPerTonne ?? process.otherCostYuanPerTonne, isTolling: false,
                    ownPriceYuanPerKWh: candidate.electricityPriceYuanPerKWh,
                    surchargeYuanPerKWh: surchargeYuanPerKWh(
                        process: candidate.process, kWhPerTonne: kWh, renewableShare: candidate.renewableShare),
                    processEmissionTonnesPerTonne: process.processEmissionTonnesPerTonne,
                    renewableShare: candidate.renewableShare ?? 0))
        }
        for (t, toller) in network.tolling.enumerated() {
            let process = network.processes[processes[toller.process]!]
            let gridEmission = (network.regions[regions[toller.region]!].gridEmissionKgPerKWh ?? 0) / 1_000
            let group = groups.count
            groups.append(
                CapacityGroup(
                    source: .tolling(t), id: toller.id, region: regions[toller.region]!, process: processes[toller.process]!,
                    capacityTonnesPerYear: toller.capacityTonnesPerYear, captive: nil))
            add(
                Operation(
                    source: .tolling(t), id: toller.id, group: group, region: regions[toller.region]!,
                    process: processes[toller.process]!, owner: toller.owner, electricityKWhPerTonne: 0,
                    otherCostYuanPerTonne: toller.feeYuanPerTonne, isTolling: true, ownPriceYuanPerKWh: nil,
                    surchargeYuanPerKWh: 0,
                    processEmissionTonnesPerTonne: process.processEmissionTonnesPerTonne
                        + process.electricityKWhPerTonne * gridEmission,
                    renewableShare: 0))
        }
        return (operations, groups)
    }

    /// The periods to model: the network's, or the whole year as one.
    var modelPeriods: [Period] {
        network.periods.isEmpty ? [Period(id: "year", shareOfYear: 1)] : network.periods
    }
}
