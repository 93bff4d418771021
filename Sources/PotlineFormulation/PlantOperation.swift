import LinearModel
import PotlineNetwork

/// Everything that can make a commodity, flattened: existing plants in their current technology,
/// the same plants after each retrofit, candidate plants, and tolling services. Each operation
/// belongs to a ``CapacityGroup`` (the plant, candidate or toller whose capacity it shares).
package struct PlantOperation: Sendable {
    package enum Source: Sendable, Equatable {
        case plant(Int)
        case retrofit(Int)
        case candidate(Int)
        case tolling(Int)
    }

    package let source: Source
    /// `PLANT`, `PLANT@RETROFIT`, `CANDIDATE` or `TOLLER`.
    package let id: String
    package let group: Int
    package let region: Int
    package let process: Int
    package let owner: String
    package let electricityKWhPerTonne: Double
    /// Labour, fuel, maintenance; for a toller, its fee.
    package let otherCostYuanPerTonne: Double
    package let isTolling: Bool
    /// A plant's own price (captive contract); nil: the region's grid price.
    package let ownPriceYuanPerKWh: Double?
    /// Tiered surcharge on each kWh this technology uses.
    package let surchargeYuanPerKWh: Double
    /// Green certificates bought on each kWh to meet the region's green-power target.
    package let greenCertificateYuanPerKWh: Double
    /// Direct CO2 of the process (t/t); for a toller also its power's CO2, which its fee hides.
    package let processEmissionTonnesPerTonne: Double
    /// Share of its power from non-hydro renewables, which emit no CO2.
    package let renewableShare: Double
}

/// The capacity an operation draws on.
package struct CapacityGroup: Sendable {
    package enum Source: Sendable, Equatable {
        case plant(Int)
        case candidate(Int)
        case tolling(Int)
    }

    package let source: Source
    package let id: String
    package let region: Int
    package let process: Int
    /// Fixed capacity (t/y); nil for a candidate (decided) or an unlimited toller.
    package let capacityTonnesPerYear: Double?
    /// Captive generation serving this plant, if any.
    package let captive: Int?
    package var operations: [Int] = []
}

extension NetworkIndex {
    /// Tiered surcharge for a plant of `process` using `kWhPerTonne` with `renewableShare`.
    func surchargeYuanPerKWh(process: String, kWhPerTonne: Double, renewableShare: Double?) -> Double {
        guard let surcharge = network.surcharge, surcharge.processes.contains(process) else { return 0 }
        return surcharge.yuanPerKWh(kWhPerTonne: kWhPerTonne, renewableShare: renewableShare ?? 0)
    }

    /// Operations and capacity groups of the network, in a fixed order: plants (each followed by
    /// its retrofits), candidates, tolling services.
    func operationsAndGroups() -> (operations: [PlantOperation], groups: [CapacityGroup]) {
        var operations: [PlantOperation] = []
        var groups: [CapacityGroup] = []
        var retrofitsByPlant: [String: [Int]] = [:]
        for (k, retrofit) in network.retrofits.enumerated() { retrofitsByPlant[retrofit.plant, default: []].append(k) }
        var alternativesByPlant: [String: [Alternative]] = [:]
        for alternative in network.alternatives { alternativesByPlant[alternative.plant, default: []].append(alternative) }
        var captiveByPlant: [String: Int] = [:]
        for (c, captive) in network.captivePower.enumerated() { captiveByPlant[captive.plant] = c }

        func add(_ operation: PlantOperation) {
            groups[operation.group].operations.append(operations.count)
            operations.append(operation)
        }
        /// A plant's or candidate's technology: its process run with its own figures.
        func technology(
            _ source: PlantOperation.Source, id: String, group: Int, region: String, process: ProductionProcess, owner: String,
            kWhPerTonne: Double, otherCostYuanPerTonne: Double, ownPrice: Double?, renewableShare: Double?
        ) -> PlantOperation {
            PlantOperation(
                source: source, id: id, group: group, region: regions[region]!, process: processes[process.id]!, owner: owner,
                electricityKWhPerTonne: kWhPerTonne, otherCostYuanPerTonne: otherCostYuanPerTonne, isTolling: false,
                ownPriceYuanPerKWh: ownPrice,
                surchargeYuanPerKWh: surchargeYuanPerKWh(process: process.id, kWhPerTonne: kWhPerTonne, renewableShare: renewableShare),
                greenCertificateYuanPerKWh: network.greenPower?.certificateYuanPerKWh(
                    process: process.id, region: region, renewableShare: renewableShare ?? 0) ?? 0,
                processEmissionTonnesPerTonne: process.processEmissionTonnesPerTonne, renewableShare: renewableShare ?? 0)
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
                technology(
                    .plant(p), id: plant.id, group: group, region: plant.region, process: process, owner: plant.owner,
                    kWhPerTonne: kWh, otherCostYuanPerTonne: otherCostYuanPerTonne(plant),
                    ownPrice: plant.electricityPriceYuanPerKWh, renewableShare: plant.renewableShare))
            // Its alternatives: more technologies of the same plant, in any mix within its capacity.
            for alternative in alternativesByPlant[plant.id] ?? [] {
                let other = network.processes[processes[alternative.process]!]
                add(
                    technology(
                        .plant(p), id: "\(plant.id)~\(other.id)", group: group, region: plant.region, process: other,
                        owner: plant.owner, kWhPerTonne: alternative.electricityKWhPerTonne ?? other.electricityKWhPerTonne,
                        otherCostYuanPerTonne: alternative.otherCostYuanPerTonne ?? other.otherCostYuanPerTonne,
                        ownPrice: plant.electricityPriceYuanPerKWh, renewableShare: plant.renewableShare))
            }
            for k in retrofitsByPlant[plant.id] ?? [] {
                let retrofit = network.retrofits[k]
                // A retrofit to another process takes that process's figures unless it gives its own.
                let newProcess = network.processes[processes[retrofit.process ?? plant.process]!]
                let sameProcess = retrofit.process == nil
                add(
                    technology(
                        .retrofit(k), id: "\(plant.id)@\(retrofit.id)", group: group, region: plant.region, process: newProcess,
                        owner: plant.owner,
                        kWhPerTonne: retrofit.electricityKWhPerTonne ?? (sameProcess ? kWh : newProcess.electricityKWhPerTonne),
                        otherCostYuanPerTonne: retrofit.otherCostYuanPerTonne
                            ?? (sameProcess ? otherCostYuanPerTonne(plant) : newProcess.otherCostYuanPerTonne),
                        ownPrice: plant.electricityPriceYuanPerKWh, renewableShare: plant.renewableShare))
            }
        }
        for (j, candidate) in network.candidates.enumerated() {
            let process = network.processes[processes[candidate.process]!]
            let group = groups.count
            groups.append(
                CapacityGroup(
                    source: .candidate(j), id: candidate.id, region: regions[candidate.region]!,
                    process: processes[candidate.process]!, capacityTonnesPerYear: nil, captive: captiveByPlant[candidate.id]))
            add(
                technology(
                    .candidate(j), id: candidate.id, group: group, region: candidate.region, process: process,
                    owner: candidate.owner, kWhPerTonne: candidate.electricityKWhPerTonne ?? process.electricityKWhPerTonne,
                    otherCostYuanPerTonne: candidate.otherCostYuanPerTonne ?? process.otherCostYuanPerTonne,
                    ownPrice: candidate.electricityPriceYuanPerKWh, renewableShare: candidate.renewableShare))
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
                PlantOperation(
                    source: .tolling(t), id: toller.id, group: group, region: regions[toller.region]!,
                    process: processes[toller.process]!, owner: toller.owner, electricityKWhPerTonne: 0,
                    otherCostYuanPerTonne: toller.feeYuanPerTonne, isTolling: true, ownPriceYuanPerKWh: nil,
                    surchargeYuanPerKWh: 0, greenCertificateYuanPerKWh: 0,
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
