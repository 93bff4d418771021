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
}
