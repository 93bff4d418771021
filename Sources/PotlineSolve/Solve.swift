import Foundation
import GLPKSolver
import LinearModel
import PotlineFormulation
import PotlineNetwork
import PotlineResults

/// How to solve a network.
public struct SolveOptions: Sendable {
    public var timeLimitSeconds: Double?
    public var relativeMIPGap: Double
    /// A basis from an earlier solve (``Solution/basis``) of a network of the same shape; the
    /// simplex starts from it, and falls back to a fresh start if it does not fit.
    public var warmStart: Basis?
    /// For a MIP: start its root relaxation from `warmStart` too (``SolverOptions/warmStartsRelaxation``).
    public var warmStartsRelaxation = false
    /// For a siting network: also solve the no-build baseline and each rejected candidate forced
    /// in, to report delivered-cost changes and break-even figures (one extra solve per candidate).
    public var analysePlan: Bool
    /// Re-solve once per demand to find the chain whose next tonne serves it
    /// (``Solution/priceExplanations``; one extra warm-started LP per demand).
    public var explainPrices: Bool
    /// For a MIP: re-solve the LP with the plan fixed, for the delivered costs (duals) under the
    /// plan. Off where only the cost and the plan are read (the plan analysis's break-even
    /// solves), which saves one LP per solve; the solution then carries no duals.
    public var pricesUnderPlan = true
    /// The backend; GLPK unless a script supplies another.
    public var solver: any LinearSolver
    /// Whether siting decisions are free, held at a plan, or absent (the no-build baseline).
    /// Held or absent, the plan analysis (baseline, break-evens) is skipped: operations only.
    public var siting: SitingMode = .free
    /// Threads the studies after the solve (plan analysis, price explanations) may use, one GLPK
    /// problem each; 1 runs them one after another. A study that runs solves side by side gives
    /// each its share of the study's own threads, so solves never fan out past the budget.
    public var threads: Int

    public init(
        timeLimitSeconds: Double? = nil, relativeMIPGap: Double = 0, warmStart: Basis? = nil, analysePlan: Bool = true,
        explainPrices: Bool = false, solver: any LinearSolver = GLPKSolver(),
        threads: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.threads = threads
        self.analysePlan = analysePlan
        self.explainPrices = explainPrices
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeMIPGap = relativeMIPGap
        self.warmStart = warmStart
        self.solver = solver
    }
}

/// One solve of a formulation, and what the studies that follow it need.
package struct SolvedFormulation: Sendable {
    package var solution: Solution
    /// The model and result whose duals the solution reports (for a MIP, the LP with the integer
    /// decisions fixed), when that solve is optimal: what a price explanation reads.
    package var optimalLP: (model: LinearModel, result: SolverResult)?
    /// For a MIP: the optimal basis of its root relaxation, from which a MIP that differs by a
    /// bound starts its own (the plan analysis's forced candidates).
    package var relaxationBasis: Basis?
}

extension Formulation {
    /// Solves the formulation; for a MIP, re-solves the LP with the integer decisions fixed, so
    /// that delivered costs (duals) are reported for the chosen plan too. Runs no analyses.
    package func solve(options: SolveOptions) throws -> SolvedFormulation {
        let solverOptions = SolverOptions(
            timeLimitSeconds: options.timeLimitSeconds, relativeMIPGap: options.relativeMIPGap,
            warmStart: options.warmStart, warmStartsRelaxation: options.warmStartsRelaxation)
        let first = try options.solver.solve(model, options: solverOptions)
        guard model.isMixedInteger, first.hasSolution, options.pricesUnderPlan else {
            let solution = SolutionReader(formulation: self, result: first).solution
            let lp = !model.isMixedInteger && first.status == .optimal ? (model, first) : nil
            return SolvedFormulation(solution: solution, optimalLP: lp, relaxationBasis: model.isMixedInteger ? first.basis : nil)
        }
        var fixed = model
        for (j, column) in fixed.columns.enumerated() where column.kind != .continuous {
            let value = first.columnValues[j].rounded()
            fixed.setKind(column: j, .continuous)
            fixed.setBounds(column: j, lower: value, upper: value)
        }
        // A fresh start, not the root's basis: measured on China, the root's basis saves 80 ms but
        // lands on another of the plan's tied optimal flows, which moves average delivered costs.
        // Where GLPK's fresh start fails numerically, the root's basis is the second try: on
        // china_silicon's hoshine_self_supply_61 it gives the duals a fresh start could not.
        var relaxed = try options.solver.solve(fixed, options: SolverOptions(timeLimitSeconds: options.timeLimitSeconds))
        let retried = relaxed.status == .numericalFailure && first.basis != nil
        if retried, let root = first.basis {
            relaxed = try options.solver.solve(fixed, options: SolverOptions(timeLimitSeconds: options.timeLimitSeconds, warmStart: root))
        }
        guard relaxed.hasSolution else {
            // The plan and its cost stand; say why its delivered costs are missing.
            var solution = SolutionReader(formulation: self, result: first).solution
            solution.missingPrices =
                "the LP with the plan fixed ended in \(relaxed.status.words)" + (retried ? ", from a fresh start and from the root basis" : "")
            return SolvedFormulation(solution: solution, optimalLP: nil, relaxationBasis: first.basis)
        }
        let solution = SolutionReader(formulation: self, result: relaxed, mip: first).solution
        return SolvedFormulation(
            solution: solution, optimalLP: relaxed.status == .optimal ? (fixed, relaxed) : nil, relaxationBasis: first.basis)
    }
}

extension Network {
    /// Writes the network's LP in `format` (CPLEX LP or MPS) with readable names
    /// (`make.PLANT`, `ship.LINK.COMMODITY`, `balance.REGION.COMMODITY`), for glpsol or any solver.
    public func writeModel(format: ModelFileFormat, to path: String, solver: any LinearSolver = GLPKSolver()) throws {
        try validated().writeModel(format: format, to: path, solver: solver)
    }
}

extension ValidatedNetwork {
    /// Writes the network's LP (see ``Network/writeModel(format:to:solver:)``).
    public func writeModel(format: ModelFileFormat, to path: String, solver: any LinearSolver = GLPKSolver()) throws {
        try solver.write(Formulation(self).model, format: format, to: path)
    }
}
