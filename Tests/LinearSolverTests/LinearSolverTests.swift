import CBCSolver
import Foundation
import GLPKSolver
import LinearModel
import Testing

/// Every backend, by name, so each test runs once per backend.
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case glpk, cbc
    var solver: any LinearSolver {
        switch self {
        case .glpk: GLPKSolver()
        case .cbc: CBCSolver()
        }
    }
    var testDescription: String { rawValue }
}

/// The solver contract on small models whose optima and duals are derived by hand.
@Suite struct LinearSolverTests {
    /// max 3x + 2y  s.t.  x + y ≤ 4,  x + 3y ≤ 9,  x ≤ 3,  x, y ≥ 0.
    /// Vertex x = 3, y = 1: objective 11. Duals: capacity binds (y basic): 2; labour has slack
    /// (6 < 9): 0; the bound x ≤ 3 carries the rest: reduced cost of x = 3 − 2 = 1.
    static func productionModel() -> LinearModel {
        var model = LinearModel(name: "production", sense: .maximize)
        let x = model.addColumn(name: "x", upper: 3, cost: 3)
        let y = model.addColumn(name: "y", cost: 2)
        model.addRow(name: "capacity", upper: 4, terms: [(x, 1), (y, 1)])
        model.addRow(name: "labour", upper: 9, terms: [(x, 1), (y, 3)])
        return model
    }

    @Test(arguments: Backend.allCases) func lpOptimumAndDuals(backend: Backend) throws {
        let result = try backend.solver.solve(Self.productionModel(), options: SolverOptions())
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
        #expect(!result.log.isEmpty)
    }

    /// min x + 2y + 5  s.t. x + y ≥ 10 (dual 2), x ≤ 3: x = 3, y = 7, objective 3 + 14 + 5 = 22.
    @Test(arguments: Backend.allCases) func minimisationDualIsMarginalCost(backend: Backend) throws {
        var model = LinearModel(name: "cover")
        model.objectiveConstant = 5
        let x = model.addColumn(name: "x", upper: 3, cost: 1)
        let y = model.addColumn(name: "y", cost: 2)
        model.addRow(name: "demand", lower: 10, terms: [(x, 1), (y, 1)])
        let result = try backend.solver.solve(model, options: SolverOptions())
        #expect(abs(result.objectiveValue - 22) < 1e-9)
        #expect(abs(result.rowDuals![0] - 2) < 1e-9)
        #expect(abs(result.reducedCosts![0] - (-1)) < 1e-9)
    }

    /// A free column and an equality row: min y s.t. y − x = 1, x = 2 (fixed): y = 3.
    @Test(arguments: Backend.allCases) func freeColumnsAndEqualities(backend: Backend) throws {
        var model = LinearModel(name: "free")
        let x = model.addColumn(name: "x", lower: 2, upper: 2)
        let y = model.addColumn(name: "y", lower: -.infinity, upper: .infinity, cost: 1)
        model.addRow(name: "link", lower: 1, upper: 1, terms: [(y, 1), (x, -1)])
        let result = try backend.solver.solve(model, options: SolverOptions())
        #expect(result.status == .optimal)
        #expect(abs(result.columnValues[1] - 3) < 1e-9)
        #expect(abs(result.rowDuals![0] - 1) < 1e-9)
    }

    @Test(arguments: Backend.allCases) func infeasibleIsAStatusNotAnError(backend: Backend) throws {
        var model = LinearModel(name: "infeasible")
        let x = model.addColumn(name: "x", upper: 1)
        model.addRow(name: "need", lower: 2, terms: [(x, 1)])
        let result = try backend.solver.solve(model, options: SolverOptions())
        #expect(result.status == .infeasible)
        #expect(!result.hasSolution)
    }

    @Test(arguments: Backend.allCases) func unboundedIsDetected(backend: Backend) throws {
        var model = LinearModel(name: "unbounded", sense: .maximize)
        let x = model.addColumn(name: "x", cost: 1)
        model.addRow(name: "r", lower: 0, terms: [(x, 1)])
        let result = try backend.solver.solve(model, options: SolverOptions())
        #expect(result.status == .unbounded)
        #expect(!result.hasSolution)
    }

    /// Knapsack: max 10a + 13b + 7c, 4a + 6b + 3c ≤ 9, binary. a + b weighs 10: too much;
    /// a + c = 17 (weight 7), b + c = 20 (weight 9). Optimum 20 with b = c = 1. LP relaxation 21.5.
    @Test(arguments: Backend.allCases) func mipOptimum(backend: Backend) throws {
        var model = LinearModel(name: "knapsack", sense: .maximize)
        let a = model.addColumn(name: "a", upper: 1, cost: 10, kind: .binary)
        let b = model.addColumn(name: "b", upper: 1, cost: 13, kind: .binary)
        let c = model.addColumn(name: "c", upper: 1, cost: 7, kind: .binary)
        model.addRow(name: "weight", upper: 9, terms: [(a, 4), (b, 6), (c, 3)])
        let result = try backend.solver.solve(model, options: SolverOptions())
        #expect(result.status == .optimal)
        #expect(abs(result.objectiveValue - 20) < 1e-9)
        #expect(result.columnValues.map { $0.rounded() } == [0, 1, 1])
        #expect(result.mipGap == 0)
        #expect(result.rowDuals == nil)
    }

    /// Integer bounds are kept: x integer in [0, 10] with a fixing x ≥ 4 and min x: 4.
    @Test(arguments: Backend.allCases) func integerBoundsAreKept(backend: Backend) throws {
        var model = LinearModel(name: "fixing")
        let x = model.addColumn(name: "x", lower: 4, upper: 10, cost: 1, kind: .integer)
        let y = model.addColumn(name: "y", cost: 1)
        model.addRow(name: "cover", lower: 5.5, terms: [(x, 1), (y, 1)])
        let result = try backend.solver.solve(model, options: SolverOptions())
        #expect(result.status == .optimal)
        #expect(abs(result.objectiveValue - 5.5) < 1e-9)
    }

    @Test(arguments: Backend.allCases) func infeasibleMIP(backend: Backend) throws {
        var model = LinearModel(name: "parity")
        let x = model.addColumn(name: "x", lower: 0, upper: 10, kind: .integer)
        model.addRow(name: "half", lower: 1.2, upper: 1.8, terms: [(x, 1)])
        let result = try backend.solver.solve(model, options: SolverOptions())
        #expect(result.status == .infeasible)
        #expect(!result.hasSolution)
    }

    /// A repeated name does not stop a solve (no backend looks names up) but stops a file, where
    /// another solver would read two columns as one.
    @Test(arguments: Backend.allCases) func repeatedNamesSolveButAreNotWritten(backend: Backend) throws {
        var model = LinearModel(name: "twice", sense: .maximize)
        let x = model.addColumn(name: "x", upper: 3, cost: 3)
        let y = model.addColumn(name: "x", cost: 2)
        model.addRow(name: "capacity", upper: 4, terms: [(x, 1), (y, 1)])
        let result = try backend.solver.solve(model, options: SolverOptions())
        #expect(result.status == .optimal && abs(result.objectiveValue - 11) < 1e-9)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("twice-\(UUID().uuidString).mps").path
        #expect(throws: LinearModelError.self) { try backend.solver.write(model, format: .mps, to: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test(arguments: Backend.allCases) func invalidModelThrowsInsteadOfAborting(backend: Backend) {
        let solver = backend.solver
        var model = LinearModel(name: "dup")
        let x = model.addColumn(name: "x")
        model.addRow(name: "r", terms: [(x, 1), (x, 1)])
        #expect(throws: LinearModelError.self) { try solver.solve(model, options: SolverOptions()) }
        var bounds = LinearModel(name: "bounds")
        bounds.addColumn(name: "x", lower: 2, upper: 1)
        #expect(throws: LinearModelError.self) { try solver.solve(bounds, options: SolverOptions()) }
        var outOfRange = LinearModel(name: "range")
        outOfRange.addColumn(name: "x")
        outOfRange.addCoefficient(row: 3, column: 0, value: 1)
        #expect(throws: LinearModelError.self) { try solver.solve(outOfRange, options: SolverOptions()) }
        #expect(throws: SolverError.self) {
            try solver.solve(Self.productionModel(), options: SolverOptions(timeLimitSeconds: -1))
        }
        #expect(throws: SolverError.self) {
            try solver.solve(Self.productionModel(), options: SolverOptions(relativeMIPGap: .nan))
        }
    }

    @Test(arguments: Backend.allCases) func warmStartGivesTheSameOptimumInNoIterations(backend: Backend) throws {
        let solver = backend.solver
        let cold = try solver.solve(Self.productionModel(), options: SolverOptions())
        let warm = try solver.solve(Self.productionModel(), options: SolverOptions(warmStart: cold.basis))
        #expect(abs(warm.objectiveValue - cold.objectiveValue) < 1e-12)
        #expect(warm.simplexIterations == 0)
        // A basis of the wrong shape is ignored.
        let mismatched = Basis(rows: [.basic], columns: [])
        let fallback = try solver.solve(Self.productionModel(), options: SolverOptions(warmStart: mismatched))
        #expect(abs(fallback.objectiveValue - 11) < 1e-9)
    }

    /// A basis from one backend starts the other: both read statuses as row/column activity at a bound.
    @Test func basesAreExchangedBetweenBackends() throws {
        let fromGLPK = try GLPKSolver().solve(Self.productionModel(), options: SolverOptions())
        let inCBC = try CBCSolver().solve(Self.productionModel(), options: SolverOptions(warmStart: fromGLPK.basis))
        #expect(inCBC.simplexIterations == 0)
        #expect(abs(inCBC.objectiveValue - 11) < 1e-9)
        let back = try GLPKSolver().solve(Self.productionModel(), options: SolverOptions(warmStart: inCBC.basis))
        #expect(back.simplexIterations == 0)
    }

    @Test(arguments: Backend.allCases) func parallelSolvesMatchSerial(backend: Backend) throws {
        let solver = backend.solver
        var knapsack = LinearModel(name: "knapsack", sense: .maximize)
        let a = knapsack.addColumn(name: "a", upper: 1, cost: 10, kind: .binary)
        let b = knapsack.addColumn(name: "b", upper: 1, cost: 13, kind: .binary)
        knapsack.addRow(name: "weight", upper: 9, terms: [(a, 4), (b, 6)])
        let models = [Self.productionModel(), knapsack]
        let serial = try models.map { try solver.solve($0, options: SolverOptions()).objectiveValue }
        let results = ResultBox()
        DispatchQueue.concurrentPerform(iterations: 16) { i in
            let value = try? solver.solve(models[i % 2], options: SolverOptions()).objectiveValue
            results.set(i, value)
        }
        #expect(results.values.count == 16)
        #expect(results.values.allSatisfy { $0.value == serial[$0.key % 2] })
    }

    @Test(arguments: Backend.allCases) func writesLPAndMPSThatGlpsolSolves(backend: Backend) throws {
        let solver = backend.solver
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("solver-write-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lp = folder.appendingPathComponent("m.lp").path
        let mps = folder.appendingPathComponent("m.mps").path
        try solver.write(Self.productionModel(), format: .cplexLP, to: lp)
        try solver.write(Self.productionModel(), format: .mps, to: mps)
        #expect(try String(contentsOfFile: lp, encoding: .utf8).contains("capacity:"))
        #expect(try String(contentsOfFile: mps, encoding: .utf8).contains("ROWS"))
        for (flag, file) in [("--lp", lp), ("--freemps", mps)] {
            let output = try glpsol([flag, file, "-o", "/dev/stdout"])
            // MPS has no sense, and COIN-OR's LP writer states a maximisation as minimising the
            // negated objective: the LP file's optimum is 11 either way.
            if flag == "--lp" { #expect(output.contains(" = 11 (MAXimum)") || output.contains(" = -11 (MINimum)")) }
            #expect(output.contains("capacity"))
        }
        #expect(throws: SolverError.self) {
            try solver.write(Self.productionModel(), format: .mps, to: "/nonexistent-dir/m.mps")
        }
    }

    private func glpsol(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/glpsol")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = Pipe()
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
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
