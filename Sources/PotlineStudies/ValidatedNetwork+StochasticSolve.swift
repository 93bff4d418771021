import Foundation
import LinearModel
import PotlineFormulation
import PotlineNetwork
import PotlineSolve

extension ValidatedNetwork {
    /// Solves the two-stage stochastic siting model over `samples`, equally likely (see
    /// ``Formulation/init(stochastic:weights:risk:)``): the siting plan best in expectation (or
    /// with `risk`, best in (1 − w) E + w CVaR), with the model's objective and size.
    public static func solveStochastic(_ samples: [ValidatedNetwork], risk: CVaRRisk?, options: SolveOptions) throws -> StochasticPlan {
        let started = ContinuousClock.now
        let formulation = try Formulation(
            stochastic: samples, weights: Array(repeating: 1 / Double(samples.count), count: samples.count), risk: risk)
        let result = try options.solver.solve(
            formulation.model,
            options: SolverOptions(timeLimitSeconds: options.timeLimitSeconds, relativeMIPGap: options.relativeMIPGap))
        let duration = ContinuousClock.now - started
        return StochasticPlan(
            samples: samples.count, risk: risk, status: result.status,
            objectiveYuan: result.hasSolution ? result.objectiveValue : nil, mipGap: result.mipGap,
            decisions: result.hasSolution ? formulation.sitingDecisions(at: result.columnValues).values : [:],
            modelRows: formulation.model.rows.count, modelColumns: formulation.model.columns.count,
            solveSeconds: Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }
}
