import LinearModel
import Testing

@Suite struct LinearModelValidationTests {
    @Test func aValidModelHasNoProblems() throws {
        var model = LinearModel(name: "ok")
        let x = model.addColumn(name: "x", upper: 4, cost: 1)
        let y = model.addColumn(name: "y", kind: .integer)
        model.addRow(name: "r", lower: 1, terms: [(x, 1), (y, 2)])
        #expect(model.problems().isEmpty)
        #expect(model.isMixedInteger)
        #expect(model.objectiveValue([2, 3]) == 2)
    }

    @Test func duplicateEntryIsReported() {
        var model = LinearModel(name: "dup")
        let x = model.addColumn(name: "x")
        model.addRow(name: "r", terms: [(x, 1), (x, 2)])
        #expect(model.problems().map(\.message) == ["'x' appears twice in row 'r'"])
    }

    /// Names are looked up only in LP and MPS files: a repeated name is a problem for a file, not for a solve.
    @Test func repeatedNamesMatterOnlyForFiles() {
        var model = LinearModel(name: "twice")
        let x = model.addColumn(name: "x", cost: 1)
        let again = model.addColumn(name: "x", cost: 2)
        model.addRow(name: "r", lower: 1, terms: [(x, 1), (again, 1)])
        model.addRow(name: "r", upper: 5, terms: [(x, 1)])
        #expect(model.problems().isEmpty)
        #expect(model.problems(forFiles: true).map(\.message) == ["column 1 'x': name used twice", "row 1 'r': name used twice"])
    }

    @Test func boundsNamesAndIndicesAreChecked() {
        var model = LinearModel(name: "bad")
        model.addColumn(name: "x", lower: 5, upper: 1)
        model.addColumn(name: String(repeating: "n", count: 256))
        model.addColumn(name: "has space")
        model.addColumn(name: "b", upper: 2, kind: .binary)
        model.addColumn(name: "c", cost: .nan)
        model.addRow(name: "r", lower: .infinity)
        model.addCoefficient(row: 0, column: 99, value: 1)
        let messages = model.problems().map(\.message)
        #expect(messages.count == 7)
        #expect(messages.contains("column 0 'x': lower bound 5.0 exceeds upper bound 1.0"))
        #expect(messages.contains { $0.contains("longer than 255 bytes") })
        #expect(messages.contains("column 2 'has space': name contains a space or control character"))
        #expect(messages.contains("column 3 'b': binary column must have bounds within [0, 1]"))
        #expect(messages.contains("column 4 'c': cost nan is not finite"))
        #expect(messages.contains("row 0 'r': lower bound is +infinity"))
        #expect(messages.contains("coefficient at (row 0, column 99) is out of range"))
        #expect(throws: LinearModelError.self) { try model.validate() }
    }
}

@Suite struct WorstViolationTests {
    /// x ≤ 4, x + y ≥ 10, and 1e9·x = 1e9·z (a row of kWh-sized terms).
    func model() -> LinearModel {
        var model = LinearModel(name: "check")
        let x = model.addColumn(name: "x", upper: 4)
        let y = model.addColumn(name: "y")
        let z = model.addColumn(name: "z")
        model.addRow(name: "need", lower: 10, terms: [(x, 1), (y, 1)])
        model.addRow(name: "balance", lower: 0, upper: 0, terms: [(x, 1e9), (z, -1e9)])
        return model
    }

    @Test func aFeasiblePointPasses() {
        // 1e-3 off in a row whose terms are 4e9: rounding, tolerated.
        #expect(model().worstViolation(of: [4, 6, 4 + 1e-12]) == nil)
    }

    @Test func brokenBoundsAreNamedWithTheirRelativeSize() {
        #expect(model().worstViolation(of: [5, 5, 5])?.name == "x")
        let need = model().worstViolation(of: [4, 4, 4])
        #expect(need?.name == "need")
        #expect(abs((need?.relative ?? 0) - 0.2) < 1e-12)  // 8 against 10
        #expect(model().worstViolation(of: [4, 6, 4.1])?.name == "balance")
        #expect(model().worstViolation(of: [4, .nan, 4])?.relative == .infinity)
    }

    /// A column's bound is judged at its size in its rows: −6e-6 kWh on a grid column in a row that
    /// balances 1.2·10⁹ kWh is the solver's tolerance; −6e-6 on a column whose rows are of order 1 is not.
    @Test func columnBoundsAreJudgedAtTheirSizeInTheirRows() {
        var model = LinearModel(name: "scale")
        let made = model.addColumn(name: "made")
        let grid = model.addColumn(name: "grid")
        let captive = model.addColumn(name: "captive")
        let small = model.addColumn(name: "small")
        model.addRow(name: "power", lower: 0, upper: 0, terms: [(made, 12_000), (grid, -1), (captive, -1)])
        model.addRow(name: "few", upper: 10, terms: [(small, 1)])
        #expect(model.worstViolation(of: [100_000, -6e-6, 1.2e9 + 6e-6, 0]) == nil)
        #expect(model.worstViolation(of: [100_000, 0, 1.2e9, -6e-6])?.name == "small")
    }

    /// Magnitudes GLPK cannot scale (a 1e-320 coefficient aborted the process; 1e-30 gave a wrong
    /// answer on the China model) are rejected before any C call.
    @Test func magnitudesOutsideTheScalableRangeAreReported() {
        var model = LinearModel(name: "extreme")
        let x = model.addColumn(name: "x", upper: .greatestFiniteMagnitude, cost: 1e14)
        let y = model.addColumn(name: "y", upper: 1e15, cost: 1e13)
        model.addRow(name: "tiny", lower: 1, terms: [(x, 1e-320), (y, 1e-12)])
        model.addRow(name: "huge", upper: 1e16, terms: [(x, 2e12), (y, 1e12)])
        #expect(
            model.problems().map(\.message) == [
                "column 0 'x': bound 1.7976931348623157e+308 is beyond ±1000000000000000.0",
                "column 0 'x': cost 100000000000000.0 is beyond ±10000000000000.0",
                "row 1 'huge': bound 1e+16 is beyond ±1000000000000000.0",
                "coefficient 1e-320 of 'x' in 'tiny' is outside ±1e-12…1000000000000.0",
                "coefficient 2000000000000.0 of 'x' in 'huge' is outside ±1e-12…1000000000000.0",
            ])
    }
}
