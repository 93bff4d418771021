import LinearModel
import PotlineFiles
import PotlineFormulation
import PotlineNetwork
import PotlineResults
import PotlineSolve

/// Says why a network is infeasible, in its own terms: which demands cannot be met, or, when
/// even relaxing every demand does not help, which kind of policy constraint is to blame.
enum InfeasibilityDiagnosis {
    /// Cost per tonne of unmet demand in the diagnostic re-solve: far above any real delivered
    /// cost, so the slack is used only where nothing else can serve.
    static let unmetDemandPenaltyYuanPerTonne = 1e7

    /// The demands that fall short, from a re-solve with priced slack on every demand, and the
    /// constraint families whose relaxation alone makes the network feasible.
    static func diagnose(_ network: ValidatedNetwork, options: SolveOptions) throws -> ([Solution.UnmetDemand], [String]) {
        let solverOptions = SolverOptions(timeLimitSeconds: options.timeLimitSeconds)
        let elastic = Formulation(network, siting: options.siting, unmetDemandPenalty: unmetDemandPenaltyYuanPerTonne)
        let result = try options.solver.solve(elastic.model, options: solverOptions)
        var unmet: [Solution.UnmetDemand] = []
        if result.hasSolution {
            unmet = network.demands.enumerated().compactMap { d, demand in
                let short = elastic.unmetDemandColumns[d].reduce(0) { $0 + result.columnValues[$1] }
                guard short > Tolerance.reportedQuantity else { return nil }
                return .init(
                    region: demand.region, commodity: demand.commodity, demandTonnesPerYear: demand.tonnesPerYear, unmetTonnesPerYear: tidy(short))
            }
        }
        let formulation = Formulation(network, siting: options.siting)
        let model = formulation.model
        var culprits: [String] = []
        for policy in PolicyConstraint.allCases {
            let rows = formulation.rowFamilies.indices.filter { formulation.rowFamilies[$0].policy == policy }
            guard !rows.isEmpty else { continue }
            var relaxed = model
            for i in rows { relaxed.setBounds(row: i, lower: -.infinity, upper: .infinity) }
            if try options.solver.solve(relaxed, options: solverOptions).hasSolution { culprits.append(policy.words) }
        }
        for family in VariableFamily.allCases {
            guard let words = family.forcedDecisionWords else { continue }
            let forced = formulation.columns(of: family).filter { model.columns[$0].lower > 0 }
            guard !forced.isEmpty else { continue }
            var relaxed = model
            for j in forced { relaxed.setBounds(column: j, lower: 0, upper: model.columns[j].upper) }
            if try options.solver.solve(relaxed, options: solverOptions).hasSolution { culprits.append(words) }
        }
        if unmet.isEmpty && culprits.isEmpty {
            culprits = ["a combination of constraints: no single kind of constraint, relaxed alone, makes it feasible"]
        }
        return (unmet, culprits)
    }
}
