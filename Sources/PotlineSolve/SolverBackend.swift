import CBCSolver
import GLPKSolver
import LinearModel
import PotlineFormulation
import PotlineNetwork
import PotlineResults

/// The backends Potline ships, by the name the command line uses (`--solver glpk|cbc`).
///
/// GLPK is the default. CBC (COIN-OR, with Clp for LPs) is faster on large LPs; see the
/// README's "Choosing a solver" for the measured figures.
///
/// ```swift
/// let solution = try network.solve(options: SolveOptions(solver: SolverBackend.cbc.solver))
/// ```
public enum SolverBackend: String, CaseIterable, Sendable {
    case glpk, cbc

    public var solver: any LinearSolver {
        switch self {
        case .glpk: GLPKSolver()
        case .cbc: CBCSolver()
        }
    }
}
