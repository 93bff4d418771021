import Foundation
import GLPKSolver
import LinearModel
import Testing

/// Small models whose optima and duals are derived by hand.
@Suite struct GLPKSolverTests {
    let solver = GLPKSolver()

    /// max 3x + 2y  s.t.  x + y ≤ 4,  x + 3y ≤ 9,  x ≤ 3,  x, y ≥ 0.
    /// Vertex x = 3, y = 1: objective 11. Duals: capacity binds (y basic): 2; labour has slack
    /// (6 < 9): 0; the bound x ≤ 3 carries the rest: reduced cost of x = 3 − 2 = 1.
    func productionModel() -> LinearModel {
        var model = LinearModel(name: "production", sense: .maximize)
        let x = model.addColumn(name: "x", upper: 3, cost: 3)
        let y = model.addColumn(name: "y", cost: 2)
        model.addRow(name: "capacity", upper: 4, terms: [(x, 1), (y, 1)])
        model.addRow(name: "labour", upper: 9, terms: [(x, 1), (y, 3)])
        return model
    }

    @Test func lpOptimumAndDuals() throws {
        let result = try solver.solve(productionModel(), options: SolverOptions())
        #expect(result.status == .optimal)
        #expect(result.hasSolution)
        #expect(abs(result.objectiveValue - 11) < 1e-9)
        #expect(abs(result.columnValues[0] - 3) < 1e-9)
        #expect(abs(result.columnValues[1] - 1) < 1e-9)
        #expect(abs(result.rowDuals![0] - 2) < 1e-9)
        #expect(abs(result.rowDuals![1]) < 1e-9)
        #expect(abs(result.reducedCosts![0] - 1) < 1e-9)
        #expect(abs(result.rowActivities[1] - 6) < 1e-9)
        #expect(result.basis != nil)
        #expect(result.log.contains("obj =   1.100000000e+01"))  // captured, not printed
    }

    /// min x + y  s.t. x + y ≥ 10 (dual 1), x ≤ 3.
    @Test func minimisationDualIsMarginalCost() throws {
        var model = LinearModel(name: "cover")
        let x = model.addColumn(name: "x", upper: 3, cost: 1)
        let y = model.addColumn(name: "y", cost: 2)
        model.addRow(name: "demand", lower: 10, terms: [(x, 1), (y, 1)])
        let result = try solver.solve(model, options: SolverOptions())
        #expect(abs(result.objectiveValue - 17) < 1e-9)  // 3·1 + 7·2
        #expect(abs(result.rowDuals![0] - 2) < 1e-9)
        #expect(abs(result.reducedCosts![0] - (-1)) < 1e-9)
    }

    @Test func infeasibleIsAStatusNotAnError() throws {
        var model = LinearModel(name: "infeasible")
        let x = model.addColumn(name: "x", upper: 1)
        model.addRow(name: "need", lower: 2, terms: [(x, 1)])
        let result = try solver.solve(model, options: SolverOptions())
        #expect(result.status == .infeasible)
        #expect(!result.hasSolution)
    }

    @Test func unboundedIsDetected() throws {
        var model = LinearModel(name: "unbounded", sense: .maximize)
        let x = model.addColumn(name: "x", cost: 1)
        model.addRow(name: "r", lower: 0, terms: [(x, 1)])
        let result = try solver.solve(model, options: SolverOptions())
        #expect(result.status == .unbounded)
    }

    /// Knapsack: max 10a + 13b + 7c, 4a + 6b + 3c ≤ 9, binary. Best: a + b? 10 weight: no.
    /// a + c = 17 (weight 7), b + c = 20 (weight 9). Optimum 20 with b = c = 1. LP relaxation 21.5.
    @Test func mipOptimum() throws {
        var model = LinearModel(name: "knapsack", sense: .maximize)
        let a = model.addColumn(name: "a", upper: 1, cost: 10, kind: .binary)
        let b = model.addColumn(name: "b", upper: 1, cost: 13, kind: .binary)
        let c = model.addColumn(name: "c", upper: 1, cost: 7, kind: .binary)
        model.addRow(name: "weight", upper: 9, terms: [(a, 4), (b, 6), (c, 3)])
        let result = try solver.solve(model, options: SolverOptions())
        #expect(result.status == .optimal)
        #expect(result.objectiveValue == 20)
        #expect(result.columnValues == [0, 1, 1])
        #expect(result.mipGap == 0)
        #expect(result.rowDuals == nil)
    }

    @Test func infeasibleMIP() throws {
        var model = LinearModel(name: "parity")
        let x = model.addColumn(name: "x", lower: 0, upper: 10, kind: .integer)
        model.addRow(name: "half", lower: 1.2, upper: 1.8, terms: [(x, 1)])
        let result = try solver.solve(model, options: SolverOptions())
        #expect(result.status == .infeasible)
    }

    @Test func invalidModelThrowsInsteadOfAborting() {
        var model = LinearModel(name: "dup")
        let x = model.addColumn(name: "x")
        model.addRow(name: "r", terms: [(x, 1), (x, 1)])
        #expect(throws: LinearModelError.self) { try solver.solve(model, options: SolverOptions()) }
        var bounds = LinearModel(name: "bounds")
        bounds.addColumn(name: "x", lower: 2, upper: 1)
        #expect(throws: LinearModelError.self) { try solver.solve(bounds, options: SolverOptions()) }
        #expect(throws: SolverError.self) {
            try solver.solve(productionModel(), options: SolverOptions(timeLimitSeconds: -1))
        }
    }

    @Test func warmStartGivesTheSameOptimumInFewerIterations() throws {
        let cold = try solver.solve(productionModel(), options: SolverOptions())
        let warm = try solver.solve(productionModel(), options: SolverOptions(warmStart: cold.basis))
        #expect(warm.objectiveValue == cold.objectiveValue)
        #expect(warm.simplexIterations == 0)
        // A basis of the wrong shape is ignored.
        let mismatched = Basis(rows: [.basic], columns: [])
        let fallback = try solver.solve(productionModel(), options: SolverOptions(warmStart: mismatched))
        #expect(abs(fallback.objectiveValue - 11) < 1e-9)
    }

    @Test func parallelSolvesMatchSerial() throws {
        let serial = try solver.solve(productionModel(), options: SolverOptions()).objectiveValue
        let results = ResultBox()
        DispatchQueue.concurrentPerform(iterations: 16) { i in
            let value = try? solver.solve(productionModel(), options: SolverOptions()).objectiveValue
            results.set(i, value)
        }
        #expect(results.values.count == 16)
        #expect(results.values.values.allSatisfy { $0 == serial })
    }

    @Test func writesLPAndMPSThatGlpsolReads() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("glpk-write-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lp = folder.appendingPathComponent("m.lp").path
        let mps = folder.appendingPathComponent("m.mps").path
        try solver.write(productionModel(), format: .cplexLP, to: lp)
        try solver.write(productionModel(), format: .mps, to: mps)
        let text = try String(contentsOfFile: lp, encoding: .utf8)
        #expect(text.contains("Maximize"))
        #expect(text.contains("capacity: + y + x <= 4") || text.contains("capacity: + x + y <= 4"))
        #expect(try String(contentsOfFile: mps, encoding: .utf8).contains("ROWS"))
        #expect(throws: SolverError.self) {
            try solver.write(productionModel(), format: .mps, to: "/nonexistent-dir/m.mps")
        }
    }
}

final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Int: Double] = [:]
    func set(_ i: Int, _ value: Double?) {
        lock.lock()
        values[i] = value
        lock.unlock()
    }
}
