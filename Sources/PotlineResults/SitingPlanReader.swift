import LinearModel
import PotlineFormulation
import PotlineNetwork

/// Reads the siting decisions of a solved formulation into a ``SitingPlan``.
enum SitingPlanReader {
    static func plan(_ formulation: Formulation, x: [Double], plants: [Solution.PlantResult]) -> SitingPlan {
        let network = formulation.network
        var plan = SitingPlan()
        for (j, candidate) in network.candidates.enumerated() {
            guard let build = formulation.buildColumns[j], let built = formulation.candidateCapacity[j] else { continue }
            if x[build] > Tolerance.binaryOn {
                let capacity = x[built.column] * built.tonnesPerUnit
                let annual = formulation.columnFootprints[build].cost.capital
                    + (built.column == build ? 0 : formulation.columnFootprints[built.column].cost.capital * x[built.column])
                let result = plants.first { $0.id == candidate.id && $0.kind == .candidate }
                plan.builds.append(
                    .init(
                        candidate: candidate.id, region: candidate.region, process: candidate.process,
                        capacityTonnesPerYear: tidy(capacity),
                        capexYuan: tidy(candidate.siteCapexYuan + candidate.capexYuanPerTonnePerYear * capacity),
                        annualCapitalYuan: tidy(annual), yearOneCostYuan: tidy(result?.costYuan.total ?? annual),
                        productionTonnesPerYear: result?.productionTonnesPerYear ?? 0))
            } else {
                let reason: RejectionReason
                if formulation.candidatesBarredByStandard.contains(j) {
                    let limit = network.capacityPolicies.first { $0.processes.contains(candidate.process) }?.newPlantMaxKWhPerTonne ?? 0
                    reason = .barredByEnergyStandard(maximumKWhPerTonne: limit)
                } else if candidate.decision == .mustNotBuild {
                    reason = .mustNotBuild
                } else {
                    reason = .notEconomic
                }
                plan.rejected.append(.init(candidate: candidate.id, region: candidate.region, reason: reason))
            }
        }
        for (p, plant) in network.plants.enumerated() {
            guard let close = formulation.closeColumns[p], x[close] > Tolerance.binaryOn else { continue }
            plan.closures.append(
                .init(
                    plant: plant.id, region: plant.region, process: plant.process, capacityFreedTonnesPerYear: plant.capacityTonnesPerYear,
                    closureCostYuanPerYear: plant.closureCostYuanPerYear ?? 0))
        }
        for (k, retrofit) in network.retrofits.enumerated() {
            guard let column = formulation.retrofitColumns[k], x[column] > Tolerance.binaryOn else { continue }
            let plantIndex = network.plants.firstIndex { $0.id == retrofit.plant }
            let original = formulation.operations.first { plantIndex != nil && $0.source == .plant(plantIndex!) }
            let upgraded = formulation.operations.first { $0.source == .retrofit(k) }
            plan.retrofits.append(
                .init(
                    retrofit: retrofit.id, plant: retrofit.plant, fromKWhPerTonne: original?.electricityKWhPerTonne ?? 0,
                    toKWhPerTonne: upgraded?.electricityKWhPerTonne ?? 0, capexYuan: retrofit.capital.capexYuan,
                    annualCapitalYuan: tidy(retrofit.capital.annualisedYuanPerYear)))
        }
        for transfer in formulation.transferColumns where x[transfer.column] > Tolerance.reportedQuantity {
            let plant = network.plants[transfer.plant]
            let candidate = network.candidates[transfer.candidate]
            plan.transfers.append(
                .init(
                    fromPlant: plant.id, fromRegion: plant.region, toCandidate: candidate.id, toRegion: candidate.region,
                    tonnesPerYear: tidy(x[transfer.column])))
        }
        return plan
    }
}
