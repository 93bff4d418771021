import LinearModel
import Testing

@Suite struct ModelChangesTests {
    static func model() -> LinearModel {
        var model = LinearModel(name: "m")
        let x = model.addColumn(name: "x", upper: 4, cost: 1)
        model.addRow(name: "r", lower: 1, terms: [(x, 2)])
        return model
    }

    @Test func applyingSetsEveryKindOfNumber() throws {
        var changes = ModelChanges()
        #expect(changes.isEmpty)
        changes.costs = [.init(index: 0, value: 7)]
        changes.columnBounds = [.init(index: 0, lower: 1, upper: 2)]
        changes.rowBounds = [.init(index: 0, lower: 0, upper: 3)]
        changes.coefficients = [.init(index: 0, value: 5)]
        changes.objectiveConstant = 9
        let changed = try Self.model().applying(changes)
        #expect(changed.columns[0].cost == 7 && changed.columns[0].lower == 1 && changed.columns[0].upper == 2)
        #expect(changed.rows[0].lower == 0 && changed.rows[0].upper == 3)
        #expect(changed.coefficients[0].value == 5 && changed.objectiveConstant == 9)
    }

    /// The changed entries get the checks ``LinearModel/validate()`` would give them, all reported.
    @Test func applyingChecksTheNewNumbers() {
        var changes = ModelChanges()
        changes.coefficients = [.init(index: 0, value: 1e-30)]
        changes.costs = [.init(index: 0, value: .nan)]
        #expect(message(Self.model(), changes) == "column 0 'x': cost nan is not finite (and 1 more problems)")
        var outside = ModelChanges()
        outside.rowBounds = [.init(index: 3, lower: 0, upper: 1)]
        #expect(message(Self.model(), outside) == "bound change for row 3 is out of range")
    }

    /// In place, a refused change leaves every entry as it was, the accepted ones included.
    @Test func aRefusedChangeInPlaceLeavesTheModelAsItWas() {
        var model = Self.model()
        var changes = ModelChanges()
        changes.costs = [.init(index: 0, value: 7)]
        changes.columnBounds = [.init(index: 0, lower: 1, upper: 2)]
        changes.rowBounds = [.init(index: 0, lower: 0, upper: 3)]
        changes.objectiveConstant = 9
        changes.coefficients = [.init(index: 0, value: .infinity)]
        #expect(throws: LinearModelError.self) { try model.apply(changes) }
        #expect(model == Self.model())
        changes.coefficients = [.init(index: 0, value: 5)]
        #expect(throws: Never.self) { try model.apply(changes) }
        #expect(model.columns[0].cost == 7 && model.rows[0].upper == 3 && model.coefficients[0].value == 5)
    }

    private func message(_ model: LinearModel, _ changes: ModelChanges) -> String? {
        do {
            _ = try model.applying(changes)
            return nil
        } catch {
            return error.message
        }
    }
}
