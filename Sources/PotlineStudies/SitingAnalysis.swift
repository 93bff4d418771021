import LinearModel
import PotlineFiles
import PotlineFormulation
import PotlineNetwork
import PotlineResults
import PotlineSolve

/// The questions a siting plan raises next, answered by extra solves: what the plan changes
/// against building nothing, and how much cheaper each rejected candidate would have to be.
enum SitingAnalysis {
    /// The no-build baseline (no candidates, no retrofits, no closures), solved cold. It needs
    /// nothing from the plan, so ``ValidatedNetwork/solve(options:)`` solves it beside the plan.
    static func baseline(of network: ValidatedNetwork, options: SolveOptions) throws -> Solution {
        var options = options
        options.warmStart = nil
        return try Formulation(network.withoutSiting()).solve(options: options).solution
    }

    /// Fills the plan's baseline comparison and the rejected candidates' break-even figures.
    /// `formulation` is the plan's; each forced candidate's model is it with one bound moved, and
    /// `relaxationBasis` (the plan's root relaxation) starts that model's root: a few dozen
    /// simplex iterations instead of thousands.
    static func complete(
        _ solution: inout Solution, network: ValidatedNetwork, formulation: Formulation, baseline: Result<Solution, any Error>,
        options: SolveOptions, relaxationBasis: Basis?
    ) throws {
        guard var plan = solution.plan, let planCost = solution.totalCostYuan else { return }

        // Break-even: force each economic rejection in; the cost it adds is how much its yearly
        // charges must fall for the optimiser to choose it.
        let rejected = plan.rejected.indices.filter { plan.rejected[$0].reason == .notEconomic }
        let forcedFormulations = rejected.map { r in
            let id = plan.rejected[r].candidate
            let j = network.candidates.firstIndex { $0.id == id }
            return j.flatMap(formulation.forcing(candidate:)) ?? Formulation(network.forcing(candidate: id))
        }
        // Independent solves: one GLPK problem per thread, on the solve's thread budget.
        // The forced solves are read for their cost and plan only: no fixed-plan LP for duals.
        var forcedOptions = options
        forcedOptions.pricesUnderPlan = false
        forcedOptions.warmStart = relaxationBasis
        forcedOptions.warmStartsRelaxation = true
        let forced = forcedOptions
        let results = ParallelSolves.map(forcedFormulations, threads: options.threads) { formulation in
            Result { try formulation.solve(options: forced).solution }
        }

        // Only proven optima compare: a solve stopped by the time limit would overstate costs.
        let base = try baseline.get()
        if base.provenOptimal, let baseCost = base.totalCostYuan {
            plan.baselineTotalCostYuan = baseCost
            plan.deliveredCostChanges = zip(base.deliveredCosts, solution.deliveredCosts).map { before, after in
                .init(
                    region: after.region, commodity: after.commodity, baselineYuanPerTonne: before.marginalCostYuanPerTonne,
                    planYuanPerTonne: after.marginalCostYuanPerTonne,
                    changeYuanPerTonne: zip2(after.marginalCostYuanPerTonne, before.marginalCostYuanPerTonne).map { tidy($0 - $1) })
            }
        }
        let index = NetworkIndex(network.network)
        /// yuan/y per yuan/kWh of a candidate's power price at `output` t/y.
        func kWhPerYear(_ candidate: String, output: Double) -> Double? {
            guard let c = network.candidates.first(where: { $0.id == candidate }), let p = index.processes[c.process]
            else { return nil }
            let kWh = (c.electricityKWhPerTonne ?? network.processes[p].electricityKWhPerTonne) * output
            return kWh > 0 ? kWh : nil
        }
        for (r, result) in zip(rejected, results) {
            let forced = try result.get()
            guard forced.provenOptimal, let cost = forced.totalCostYuan else {
                if forced.status == .timeLimit { plan.rejected[r].reason = .breakEvenNotProven }
                continue
            }
            let increase = max(0, cost - planCost)
            plan.rejected[r].breakEvenReductionYuanPerYear = tidy(increase)
            let candidate = plan.rejected[r].candidate
            let forcedBuilds = forced.plan?.builds ?? []
            if let build = forcedBuilds.first(where: { $0.candidate == candidate }),
                let kWh = kWhPerYear(candidate, output: build.productionTonnesPerYear)
            {
                plan.rejected[r].breakEvenPowerPriceYuanPerKWh = tidy(increase / kWh)
            }
            // A build this forced plan leaves out is no more than `increase` from losing its place.
            for b in plan.builds.indices where !forcedBuilds.contains(where: { $0.candidate == plan.builds[b].candidate }) {
                let margin = min(plan.builds[b].marginYuanPerYear ?? .infinity, increase)
                plan.builds[b].marginYuanPerYear = tidy(margin)
                if let kWh = kWhPerYear(plan.builds[b].candidate, output: plan.builds[b].productionTonnesPerYear) {
                    plan.builds[b].marginPowerPriceYuanPerKWh = tidy(margin / kWh)
                }
            }
            // The share is of all its yearly charges once built (capital, fixed cost and the
            // variable cost of its output), as the report's label says.
            if let build = forcedBuilds.first(where: { $0.candidate == candidate }), build.yearOneCostYuan > 0 {
                plan.rejected[r].breakEvenReductionShare = tidy(increase / build.yearOneCostYuan)
                if increase >= build.annualCapitalYuan {
                    plan.rejected[r].reason = .notEconomicEvenWithoutCapital
                }
            }
        }
        solution.plan = plan
    }
}
