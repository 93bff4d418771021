import CBCSolver
import Foundation
import LinearModel
import Testing

/// What only the CBC backend does.
@Suite struct CBCSolverTests {
    /// The log is a summary written by the backend; COIN-OR's own output is silenced.
    @Test func logSummarisesTheSolve() throws {
        var model = LinearModel(name: "knapsack", sense: .maximize)
        let a = model.addColumn(name: "a", upper: 1, cost: 10, kind: .binary)
        let b = model.addColumn(name: "b", upper: 1, cost: 13, kind: .binary)
        let c = model.addColumn(name: "c", upper: 1, cost: 7, kind: .binary)
        model.addRow(name: "weight", upper: 9, terms: [(a, 4), (b, 6), (c, 3)])
        let mip = try CBCSolver().solve(model, options: SolverOptions())
        #expect(mip.log.hasPrefix("CBC 2."))
        #expect(mip.log.contains("optimal, objective 20"))
        for j in 0..<3 { model.setKind(column: j, .continuous) }
        let lp = try CBCSolver().solve(model, options: SolverOptions())
        #expect(lp.log.contains("Clp 1."))
        // Relaxation by value per weight: a (2.5/kg) and c (2.33) whole, b = 2/6: 10 + 7 + 13/3.
        #expect(abs(lp.objectiveValue - 64.0 / 3) < 1e-9)
    }
}
