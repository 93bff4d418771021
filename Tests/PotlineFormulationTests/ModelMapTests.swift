import Foundation
import Potline
import PotlineTestSupport
import Testing

/// The typed map of a formulation covers every row and column, and each family's rows carry its
/// name, so exported models and the map agree.
@Suite struct ModelMapTests {
    static func china() throws -> Formulation {
        Formulation(try NetworkLoader.load(from: Fixtures.networks.appendingPathComponent("china")))
    }

    @Test func everyRowAndColumnHasAFamily() throws {
        let formulation = try Self.china()
        #expect(formulation.rowFamilies.count == formulation.model.rows.count)
        #expect(formulation.columnFamilies.count == formulation.model.columns.count)
        for (i, row) in formulation.model.rows.enumerated() {
            #expect(row.name.split(separator: ".").first.map(String.init) == formulation.rowFamilies[i].rawValue, "row \(row.name)")
        }
        for (j, column) in formulation.model.columns.enumerated() {
            #expect(
                column.name.split(separator: ".").first.map(String.init) == formulation.columnFamilies[j].rawValue,
                "column \(column.name)")
        }
    }

    @Test func familiesSelectTheirRows() throws {
        let formulation = try Self.china()
        // China has one balance row per (region, commodity) in use and one capacity row per group with one.
        #expect(formulation.rows(of: .balance).count == formulation.balanceRows.count)
        #expect(formulation.columns(of: .build).count == formulation.buildColumns.count)
        #expect(formulation.columns(of: .close).count == formulation.closeColumns.count)
        #expect(Set(formulation.rows(of: .ceiling)).isDisjoint(with: formulation.rows(of: .balance)))
    }

    @Test func policyFamiliesNameTheirInputs() {
        let relaxable = ConstraintFamily.allCases.compactMap(\.policy)
        #expect(Set(relaxable.map(\.words)).count == PolicyConstraint.allCases.count)
        #expect(ConstraintFamily.balance.policy == nil)
        #expect(VariableFamily.allCases.compactMap(\.forcedDecisionWords).count == 2)
    }
}
