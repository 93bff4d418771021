import Foundation
import LinearModel
import PotlineFormulation
import PotlineNetwork
import PotlineResults
import PotlineSolve

extension Network {
    /// Validates, formulates and solves the network, and reads the result.
    ///
    /// ```swift
    /// let network = try NetworkLoader.load(from: "Networks/examples/two_smelters")
    /// let solution = try network.solve()
    /// print(solution.totalCostYuan!, solution.deliveredCosts[0].marginalCostYuanPerTonne!)
    /// ```
    ///
    /// A network with siting decisions is a mixed-integer program: after branch-and-bound the
    /// decisions are fixed and the LP re-solved, so delivered costs (duals) are reported for the
    /// chosen plan too. An infeasible network is not an error: the solution's status says so and
    /// ``Solution/unmetDemands`` lists which demands cannot be met and by how much.
    /// Throws ``NetworkError`` for an invalid network and ``SolverError`` if the solver fails.
    public func solve(options: SolveOptions = SolveOptions()) throws -> Solution {
        try validated().solve(options: options)
    }
}

extension ValidatedNetwork {
    /// The model ``solve(options:)`` solves.
    func formulation(options: SolveOptions) -> Formulation {
        Formulation(options.siting == .none ? withoutSiting() : self, siting: options.siting)
    }

    /// Formulates and solves the network (checked already), and reads the result: see
    /// ``Network/solve(options:)``.
    public func solve(options: SolveOptions = SolveOptions()) throws -> Solution {
        let network = options.siting == .none ? withoutSiting() : self
        let started = Date()
        let formulation = self.formulation(options: options)
        let built = Date()
        let analysingPlan = options.analysePlan && options.siting == .free && self.hasSitingDecisions
        // The plan analysis's no-build baseline needs nothing from the plan: it is solved beside
        // the plan's branch-and-bound, on the second of the thread budget's threads.
        let solvePlan: @Sendable () -> Result<SolvedFormulation, any Error> = { Result { try formulation.solve(options: options) } }
        let solveBaseline: (@Sendable () -> Result<Solution, any Error>)? =
            analysingPlan ? { @Sendable [self] in Result { try SitingAnalysis.baseline(of: self, options: options) } } : nil
        let (planResult, baseline) = ParallelSolves.pair(threads: options.threads, solvePlan, beside: solveBaseline)
        let solved = try planResult.get()
        var solution = solved.solution
        solution.buildSeconds = built.timeIntervalSince(started)
        if options.explainPrices, let lp = solved.optimalLP {
            solution.priceExplanations = try NextTonne.explain(
                formulation, model: lp.model, result: lp.result, solution: solution, solver: options.solver,
                threads: options.threads)
        }
        if solution.status == .infeasible || solution.status == .infeasibleOrUnbounded {
            (solution.unmetDemands, solution.infeasibleConstraints) = try InfeasibilityDiagnosis.diagnose(network, options: options)
        }
        if self.hasSitingDecisions { solution.siting = SitingModeResult(options.siting, network: self.network, plan: &solution.plan) }
        if let baseline {
            try SitingAnalysis.complete(
                &solution, network: self, formulation: formulation, baseline: baseline, options: options,
                relaxationBasis: solved.relaxationBasis)
        }
        return solution
    }
}

