import Foundation
import Testing
import PotlineNetwork
import PotlineTestSupport
@testable import PotlineFiles

/// The validator checks every figure of a network built in code (`Network.figureRows`) under the
/// column names and rules of the one table schema: a column added to the schema and not to the
/// validator, or checked under another rule, fails here.
@Suite struct FigureSchemaTests {
    /// The bundled networks together hold a row of every table but capacity limits (added here),
    /// and candidates of both sizings.
    static func figureRows() throws -> [FigureRow] {
        var rows: [FigureRow] = []
        for name in ["china", "china_silicon", "examples/two_smelters"] {
            rows += try NetworkLoader.load(from: Fixtures.networks.appendingPathComponent(name)).network.figureRows
        }
        var limits = Network(name: "limits", baseYear: 2024)
        limits.capacityLimits = [CapacityLimit(region: "r", process: "p", minimumTonnesPerYear: 1, maximumTonnesPerYear: 2)]
        return rows + limits.figureRows
    }

    /// Cells the loader folds into another figure and the network does not keep: a captive unit's
    /// coal price and rate become its generation cost (checked itself).
    static let folded: Set = ["coal_price_yuan_per_t", "coal_kg_per_kwh"]

    @Test func everyNumericColumnIsCheckedUnderItsRule() throws {
        let rows = try Self.figureRows()
        for schema in TableSchema.all where schema.file != RangeReader.file {
            let numeric = Dictionary(uniqueKeysWithValues: schema.columns.filter { !Self.folded.contains($0.name) }.compactMap { column in
                column.numberRange.map { (column.name, "\($0)") }
            })
            var checked: [String: String] = [:]
            for row in rows where row.file == schema.file {
                for figure in row.figures { checked[figure.column] = "\(figure.rule)" }
            }
            #expect(checked == numeric, "\(schema.file)")
        }
    }

    /// Built in code, a bad figure is named by its component and column.
    @Test func aBadFigureInCodeIsReportedByName() throws {
        var network = try NetworkLoader.load(from: Fixtures.twoSmelters).network
        network.plants[0].capacityTonnesPerYear = -5
        network.plants[0].location = nil
        network.links[0].rateYuanPerTonneKm = .infinity
        network.links[0].location = nil
        network.supplies[0].priceYuanPerTonne = 1e9
        network.supplies[0].location = nil
        let messages = network.problems().map { "\($0.column ?? "") \($0.message)" }
        #expect(messages.contains("capacity_t_per_y plant '\(network.plants[0].id)': -5 is negative"))
        #expect(messages.contains("rate_yuan_per_tkm link '\(network.links[0].id)': inf is not a finite number"))
        #expect(messages.contains("price_yuan_per_t supply '\(network.supplies[0].id)': 1000000000 is outside the plausible 0…1000000 yuan/t"))
    }
}
