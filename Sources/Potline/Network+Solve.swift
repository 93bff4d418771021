import Foundation
import GLPKSolver
@_exported import LinearModel

/// How to solve a network.
public struct SolveOptions: Sendable {
    public var timeLimitSeconds: Double?
    public var relativeMIPGap: Double
    /// A basis from an earlier solve (``Solution/basis``) of a network of the same shape; the
    /// simplex starts from it, and falls back to a fresh start if it does not fit.
    public var warmStart: Basis?
    /// For a siting network: also solve the no-build baseline and each rejected candidate forced
    /// in, to report delivered-cost changes and break-even figures (one extra solve per candidate).
    public var analysePlan: Bool
    /// Re-solve once per demand to find the chain whose next tonne serves it
    /// (``Solution/priceExplanations``; one extra warm-started LP per demand).
    public var explainPrices: Bool
    /// The backend; GLPK unless a script supplies another.
    public var solver: any LinearSolver
    /// Whether siting decisions are free, held at a plan, or absent (the no-build baseline).
    /// Held or absent, the plan analysis (baseline, break-evens) is skipped: operations only.
    public var siting: SitingMode = .free

    public init(
        timeLimitSeconds: Double? = nil, relativeMIPGap: Double = 0, warmStart: Basis? = nil, analysePlan: Bool = true,
        explainPrices: Bool = false, solver: any LinearSolver = GLPKSolver()
    ) {
        self.analysePlan = analysePlan
        self.explainPrices = explainPrices
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeMIPGap = relativeMIPGap
        self.warmStart = warmStart
        self.solver = solver
    }
}

extension Network {
    /// Validates, formulates and solves the network, and reads the result.
    ///
    /// ```swift
    /// let network = try NetworkLoader.load(from: "Networks/examples/two_smelters")
    /// let solution = try network.solve()
    /// print(solution.totalCostYuan!, solution.deliveredCosts[0].marginalCostYuanPerT!)
    /// ```
    ///
    /// A network with siting decisions is a mixed-integer program: after branch-and-bound the
    /// decisions are fixed and the LP re-solved, so delivered costs (duals) are reported for the
    /// chosen plan too. An infeasible network is not an error: the solution's status says so and
    /// ``Solution/unmetDemands`` lists which demands cannot be met and by how much.
    /// Throws ``NetworkError`` for an invalid network and ``SolverError`` if the solver fails.
    public func solve(options: SolveOptions = SolveOptions()) throws -> Solution {
        try validate()
        let network = options.siting == .none ? withoutSiting() : self
        let started = Date()
        let formulation = Formulation(network, siting: options.siting)
        let built = Date()
        var solution = try Self.solve(formulation, options: options)
        solution.buildSeconds = built.timeIntervalSince(started)
        if solution.status == .infeasible || solution.status == .infeasibleOrUnbounded {
            (solution.unmetDemands, solution.infeasibleConstraints) = try InfeasibilityDiagnosis.diagnose(network, options: options)
        }
        if hasSitingDecisions { solution.siting = SitingModeResult(options.siting, network: self, plan: &solution.plan) }
        if options.analysePlan && options.siting == .free {
            try SitingAnalysis.complete(&solution, network: self, options: options)
        }
        return solution
    }

    /// Solves a formulation; for a MIP, re-solves the LP with the integer decisions fixed.
    static func solve(_ formulation: Formulation, options: SolveOptions) throws -> Solution {
        let solverOptions = SolverOptions(
            timeLimitSeconds: options.timeLimitSeconds, relativeMIPGap: options.relativeMIPGap,
            warmStart: options.warmStart)
        let first = try options.solver.solve(formulation.model, options: solverOptions)
        guard formulation.model.isMixedInteger, first.hasSolution else {
            var solution = SolutionReader(formulation: formulation, result: first).solution
            if options.explainPrices, first.status == .optimal {
                solution.priceExplanations = try NextTonne.explain(
                    formulation, model: formulation.model, result: first, solution: solution, solver: options.solver)
            }
            return solution
        }
        var fixed = formulation.model
        for (j, column) in fixed.columns.enumerated() where column.kind != .continuous {
            let value = first.columnValues[j].rounded()
            fixed.setKind(column: j, .continuous)
            fixed.setBounds(column: j, lower: value, upper: value)
        }
        let relaxed = try options.solver.solve(fixed, options: SolverOptions(timeLimitSeconds: options.timeLimitSeconds))
        guard relaxed.hasSolution else { return SolutionReader(formulation: formulation, result: first).solution }
        var solution = SolutionReader(formulation: formulation, result: relaxed, mip: first).solution
        if options.explainPrices, relaxed.status == .optimal {
            solution.priceExplanations = try NextTonne.explain(
                formulation, model: fixed, result: relaxed, solution: solution, solver: options.solver)
        }
        return solution
    }
}

extension Network {
    /// Writes the network's LP in `format` (CPLEX LP or MPS) with readable names
    /// (`make.PLANT`, `ship.LINK.COMMODITY`, `balance.REGION.COMMODITY`), for glpsol or any solver.
    public func writeModel(format: ModelFileFormat, to path: String, solver: any LinearSolver = GLPKSolver()) throws {
        try validate()
        try solver.write(Formulation(self).model, format: format, to: path)
    }
}
