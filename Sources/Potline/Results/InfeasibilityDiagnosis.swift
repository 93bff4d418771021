import LinearModel

/// Says why a network is infeasible, in its own terms: which demands cannot be met, or, when
/// even relaxing every demand does not help, which kind of policy constraint is to blame.
enum InfeasibilityDiagnosis {
    /// Cost per tonne of unmet demand in the diagnostic re-solve: far above any real delivered
    /// cost, so the slack is used only where nothing else can serve.
    static let unmetDemandPenaltyYuanPerTonne = 1e7

    /// Constraint families by the prefix of their row names (see ``Formulation``), in words.
    static let families: [(prefix: String, words: String)] = [
        ("carbon_cap", "the carbon cap (policy.carbon.national_cap_t_per_y, regions.csv carbon_cap_t_per_y)"),
        ("ceiling.", "the national capacity ceiling (policy.capacity ceiling_t_per_y)"),
        ("new_capacity.", "the bounds on new capacity (policy.capacity new_capacity_min/max_t_per_y)"),
        ("quota_in.", "capacity transfer: new capacity needs as much quota closed elsewhere (policy.capacity capacity_transfer)"),
        ("limit.", "regional capacity limits (capacity_limits.csv)"),
        ("max_new_sites", "the maximum number of new sites (policy.max_new_sites)"),
        ("selfsupply_", "processing self-supply shares and volumes (self_supply.csv) with the tolling capacity there is"),
        ("captive_", "captive power share bounds (captive_power.csv min_share, max_share)"),
        ("linkcap.", "link capacities (links.csv capacity_t_per_y)"),
    ]

    /// Forced decisions, by the prefix of their column names.
    static let forcedDecisions: [(prefix: String, words: String)] = [
        ("build.", "candidates forced in (candidates.csv decision: must_build)"),
        ("retrofit.", "retrofits forced in (retrofits.csv decision: must_build)"),
    ]

    /// The demands that fall short, from a re-solve with priced slack on every demand, and the
    /// constraint families whose relaxation alone makes the network feasible.
    static func diagnose(_ network: Network, options: SolveOptions) throws -> ([Solution.UnmetDemand], [String]) {
        let solverOptions = SolverOptions(timeLimitSeconds: options.timeLimitSeconds)
        let elastic = Formulation(network, unmetDemandPenalty: unmetDemandPenaltyYuanPerTonne)
        let result = try options.solver.solve(elastic.model, options: solverOptions)
        var unmet: [Solution.UnmetDemand] = []
        if result.hasSolution {
            unmet = network.demands.enumerated().compactMap { d, demand in
                let short = elastic.unmetDemandColumns[d].reduce(0) { $0 + result.columnValues[$1] }
                guard short > 1e-6 else { return nil }
                return .init(
                    region: demand.region, commodity: demand.commodity, demandTPerY: demand.tonnesPerYear, unmetTPerY: tidy(short))
            }
        }
        let model = Formulation(network).model
        var culprits: [String] = []
        for family in families where model.rows.contains(where: { $0.name.hasPrefix(family.prefix) }) {
            var relaxed = model
            for (i, row) in model.rows.enumerated() where row.name.hasPrefix(family.prefix) {
                relaxed.setBounds(row: i, lower: -.infinity, upper: .infinity)
            }
            if try options.solver.solve(relaxed, options: solverOptions).hasSolution { culprits.append(family.words) }
        }
        for decision in forcedDecisions {
            let forced = model.columns.indices.filter { model.columns[$0].name.hasPrefix(decision.prefix) && model.columns[$0].lower > 0 }
            guard !forced.isEmpty else { continue }
            var relaxed = model
            for j in forced { relaxed.setBounds(column: j, lower: 0, upper: model.columns[j].upper) }
            if try options.solver.solve(relaxed, options: solverOptions).hasSolution { culprits.append(decision.words) }
        }
        if unmet.isEmpty && culprits.isEmpty {
            culprits = ["a combination of constraints: no single kind of constraint, relaxed alone, makes it feasible"]
        }
        return (unmet, culprits)
    }
}
