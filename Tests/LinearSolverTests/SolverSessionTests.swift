import Foundation
import LinearModel
import Testing

/// A session changes one loaded model in place; every backend answers as a fresh solve would.
@Suite struct SolverSessionTests {
    /// From the production model (max 3x + 2y, x + y ≤ 4, x + 3y ≤ 9, x ≤ 3; optimum 11 at (3, 1)),
    /// four changes in turn, each derived by hand:
    /// 1. y's cost 2 → 4: both rows bind, x = 1.5, y = 2.5, objective 14.5; duals 2.5 and 0.5
    ///    (u₁ + u₂ = 3, u₁ + 3u₂ = 4).
    /// 2. y's labour coefficient 3 → 1: x + y ≤ 4 decides alone, y = 4, objective 16; dual 4.
    /// 3. capacity 4 → 6: y = 6, objective 24.
    /// 4. y ≤ 5: y = 5, x = 1, objective 3 + 20 = 23; capacity's dual 3 (x basic).
    @Test(arguments: Backend.allCases) func changesInPlaceAnswerAsFreshSolves(backend: Backend) throws {
        let solver = backend.solver
        var costOfY = ModelChanges()
        costOfY.costs = [.init(index: 1, value: 4)]
        var labourOfY = ModelChanges()
        labourOfY.coefficients = [.init(index: 3, value: 1)]
        var capacity = ModelChanges()
        capacity.rowBounds = [.init(index: 0, lower: -.infinity, upper: 6)]
        var boundOfY = ModelChanges()
        boundOfY.columnBounds = [.init(index: 1, lower: 0, upper: 5)]
        let steps: [(ModelChanges, objective: Double, x: Double, y: Double, capacityDual: Double)] = [
            (costOfY, 14.5, 1.5, 2.5, 2.5), (labourOfY, 16, 0, 4, 4), (capacity, 24, 0, 6, 4), (boundOfY, 23, 1, 5, 3),
        ]
        try solver.withSession(LinearSolverTests.productionModel()) { session in
            var basis = try session.solve(options: SolverOptions()).basis
            for step in steps {
                try session.apply(step.0)
                let result = try session.solve(options: SolverOptions(warmStart: basis))
                let fresh = try solver.solve(session.model, options: SolverOptions())
                #expect(result.status == .optimal)
                #expect(abs(result.objectiveValue - step.objective) < 1e-9)
                #expect(abs(result.columnValues[0] - step.x) < 1e-9 && abs(result.columnValues[1] - step.y) < 1e-9)
                #expect(abs(result.rowDuals![0] - step.capacityDual) < 1e-9)
                #expect(abs(result.objectiveValue - fresh.objectiveValue) < 1e-9)
                basis = result.basis
            }
        }
    }

    /// A number validation rejects never reaches the solver, and the model stays as it was.
    @Test(arguments: Backend.allCases) func aRejectedChangeLeavesTheModel(backend: Backend) throws {
        try backend.solver.withSession(LinearSolverTests.productionModel()) { session in
            var tiny = ModelChanges()
            tiny.coefficients = [.init(index: 0, value: 1e-30)]
            #expect(throws: LinearModelError.self) { try session.apply(tiny) }
            var crossed = ModelChanges()
            crossed.columnBounds = [.init(index: 0, lower: 5, upper: 3)]
            #expect(throws: LinearModelError.self) { try session.apply(crossed) }
            #expect(session.model == LinearSolverTests.productionModel())
            let result = try session.solve(options: SolverOptions())
            #expect(abs(result.objectiveValue - 11) < 1e-9)
        }
    }
}
