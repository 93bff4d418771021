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
}

extension Formulation {
    /// Solves the formulation; for a MIP, re-solves the LP with the integer decisions fixed, so
    /// that delivered costs (duals) are reported for the chosen plan too. Runs no analyses.
    package func solve(options: SolveOptions) throws -> SolvedFormulation {
        let solverOptions = SolverOptions(
            timeLimitSeconds: options.timeLimitSeconds, relativeMIPGap: options.relativeMIPGap,
            warmStart: options.warmStart)
        let first = try options.solver.solve(model, options: solverOptions)
        guard model.isMixedInteger, first.hasSolution else {
            let solution = SolutionReader(formulation: self, result: first).solution
            return SolvedFormulation(solution: solution, optimalLP: first.status == .optimal ? (model, first) : nil)
        }
        var fixed = model
        for (j, column) in fixed.columns.enumerated() where column.kind != .continuous {
            let value = first.columnValues[j].rounded()
            fixed.setKind(column: j, .continuous)
            fixed.setBounds(column: j, lower: value, upper: value)
        }
        let relaxed = try options.solver.solve(fixed, options: SolverOptions(timeLimitSeconds: options.timeLimitSeconds))
        guard relaxed.hasSolution else {
            return SolvedFormulation(solution: SolutionReader(formulation: self, result: first).solution, optimalLP: nil)
        }
        let solution = SolutionReader(formulation: self, result: relaxed, mip: first).solution
        return SolvedFormulation(solution: solution, optimalLP: relaxed.status == .optimal ? (fixed, relaxed) : nil)
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
