import Foundation
import GLPKSolver
import LinearModel
import Testing

/// What only the GLPK backend does; the shared contract is in LinearSolverTests.
@Suite struct GLPKSolverTests {
    let solver = GLPKSolver()

    /// max 3x + 2y  s.t.  x + y ≤ 4,  x + 3y ≤ 9,  x ≤ 3: optimum 11.
    func productionModel() -> LinearModel {
        var model = LinearModel(name: "production", sense: .maximize)
        let x = model.addColumn(name: "x", upper: 3, cost: 3)
        let y = model.addColumn(name: "y", cost: 2)
        model.addRow(name: "capacity", upper: 4, terms: [(x, 1), (y, 1)])
        model.addRow(name: "labour", upper: 9, terms: [(x, 1), (y, 3)])
        return model
    }

    @Test func logIsCapturedNotPrinted() throws {
        let result = try solver.solve(productionModel(), options: SolverOptions())
        #expect(result.log.contains("obj =   1.100000000e+01"))
    }

    @Test func lpFileKeepsTheSense() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("glpk-write-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lp = folder.appendingPathComponent("m.lp").path
        try solver.write(productionModel(), format: .cplexLP, to: lp)
        let text = try String(contentsOfFile: lp, encoding: .utf8)
        #expect(text.contains("Maximize"))
        #expect(text.contains("capacity: + y + x <= 4") || text.contains("capacity: + x + y <= 4"))
    }

    /// A MIP's result carries its root relaxation's basis; a MIP that differs by one bound starts
    /// its root there when asked and reaches the same optimum in fewer simplex iterations.
    ///
    /// Facility location: 5 sites (fixed cost 100 + 20 i, capacity 30), 10 customers of 5 each,
    /// shipping |2i − j| + 1 per unit. Forcing the dearest site open is one bound (y4 ≥ 1).
    @Test func aMIPRootStartsFromTheRootOfASolvedOne() throws {
        var model = LinearModel(name: "location", sense: .minimize)
        let open = (0..<5).map { model.addColumn(name: "y\($0)", upper: 1, cost: Double(100 + 20 * $0), kind: .integer) }
        let ship = (0..<5).map { i in (0..<10).map { j in model.addColumn(name: "x\(i)_\(j)", cost: Double(abs(2 * i - j) + 1)) } }
        for j in 0..<10 { model.addRow(name: "demand\(j)", lower: 5, upper: 5, terms: (0..<5).map { (ship[$0][j], 1) }) }
        for i in 0..<5 { model.addRow(name: "capacity\(i)", upper: 0, terms: ship[i].map { ($0, 1) } + [(open[i], -30)]) }
        let first = try solver.solve(model, options: SolverOptions())
        #expect(first.status == .optimal)
        let root = try #require(first.basis, "a MIP result carries its root relaxation's basis")
        var forced = model
        forced.setBounds(column: open[4], lower: 1, upper: 1)
        let cold = try solver.solve(forced, options: SolverOptions())
        let warm = try solver.solve(forced, options: SolverOptions(warmStart: root, warmStartsRelaxation: true))
        #expect(cold.status == .optimal && warm.status == .optimal)
        #expect(abs(warm.objectiveValue - cold.objectiveValue) < 1e-9 && warm.objectiveValue >= first.objectiveValue - 1e-9)
        #expect(warm.simplexIterations < cold.simplexIterations, "warm \(warm.simplexIterations), cold \(cold.simplexIterations)")
        #expect(!warm.log.contains("warm-start basis rejected"))
    }

    /// GLPK's problem lives only inside withSession: a session kept past it refuses, never touches freed memory.
    @Test func aSessionKeptPastItsScopeRefuses() throws {
        var model = LinearModel(name: "kept")
        let x = model.addColumn(name: "x", upper: 2, cost: -1)
        model.addRow(name: "r", upper: 1, terms: [(x, 1)])
        var kept: (any SolverSession)?
        let inside = try GLPKSolver().withSession(model) { session in
            kept = session
            return try session.solve(options: SolverOptions())
        }
        #expect(abs(inside.objectiveValue - -1) < 1e-9)
        #expect(throws: SolverError.self) { try kept?.solve(options: SolverOptions()) }
        #expect(throws: SolverError.self) { try kept?.apply(ModelChanges()) }
        // Each solve of a session reports its own iterations, not the problem's running count.
        try GLPKSolver().withSession(model) { session in
            let first = try session.solve(options: SolverOptions())
            let second = try session.solve(options: SolverOptions())
            #expect(first.simplexIterations == second.simplexIterations)
        }
    }

    /// A session sets only the statuses of a warm start that differ from those GLPK holds,
    /// following them through changes of bound kind: each solve must equal, bit for bit, a fresh
    /// problem's from the same basis (objective, point, duals, basis, iterations).
    @Test func aSessionsWarmStartIsAFreshProblemsBitForBit() throws {
        let model = productionModel()
        var fixY = ModelChanges()
        fixY.columnBounds = [.init(index: 1, lower: 1, upper: 1)]
        var freeY = ModelChanges()
        freeY.columnBounds = [.init(index: 1, lower: 0, upper: .infinity)]
        var capacity = ModelChanges()
        capacity.rowBounds = [.init(index: 0, lower: -.infinity, upper: 6)]
        var costOfX = ModelChanges()
        costOfX.costs = [.init(index: 0, value: 1)]
        try solver.withSession(model) { session in
            let first = try session.solve(options: SolverOptions())
            var bases = [try #require(first.basis)]
            for changes in [fixY, capacity, freeY, costOfX, capacity] {
                try session.apply(changes)
                // From the last basis, and from the first (which the session does not hold).
                for basis in [bases.last!, bases[0]] {
                    let inSession = try session.solve(options: SolverOptions(warmStart: basis))
                    let fresh = try solver.solve(session.model, options: SolverOptions(warmStart: basis))
                    #expect(inSession.status == fresh.status && inSession.objectiveValue == fresh.objectiveValue)
                    #expect(inSession.columnValues == fresh.columnValues && inSession.rowDuals == fresh.rowDuals)
                    #expect(inSession.reducedCosts == fresh.reducedCosts && inSession.basis == fresh.basis)
                    #expect(inSession.simplexIterations == fresh.simplexIterations)
                    if let basis = inSession.basis { bases.append(basis) }
                }
            }
            // Duals not asked for are not read; the point is the same.
            let planOnly = try session.solve(options: SolverOptions(warmStart: bases[0], readsDuals: false))
            let withDuals = try session.solve(options: SolverOptions(warmStart: bases[0]))
            #expect(planOnly.rowDuals == nil && planOnly.reducedCosts == nil && withDuals.rowDuals != nil)
            #expect(planOnly.columnValues == withDuals.columnValues && planOnly.basis == withDuals.basis)
        }
    }
}
