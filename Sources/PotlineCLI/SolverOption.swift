import ArgumentParser
import Potline

extension SolverBackend: ExpressibleByArgument {}

/// `--solver glpk|cbc`, shared by every command that solves.
struct SolverOption: ParsableArguments {
    @Option(help: ArgumentHelp("The solver backend: glpk (default) or cbc (COIN-OR CBC/Clp).", valueName: "name"))
    var solver: SolverBackend = .glpk
}

extension SolverOption {
    var linearSolver: any LinearSolver { solver.solver }
}
