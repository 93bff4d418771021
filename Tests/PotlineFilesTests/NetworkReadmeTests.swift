import Foundation
import Testing
import PotlineTestSupport
@testable import PotlineFiles

/// The column tables of `Networks/README.md` are the schema's: regenerate them with
/// `POTLINE_WRITE_NETWORK_README=1 swift test --filter NetworkReadmeTests`.
@Suite struct NetworkReadmeTests {
    static let readme = Fixtures.networks.appendingPathComponent("README.md")

    /// The README with its column tables (in the order of ``TableSchema/all``) replaced by the schema's.
    static func generated(from text: String) -> (text: String, tables: Int) {
        var lines = text.components(separatedBy: "\n")
        var schemas = TableSchema.all[...]
        var i = 0
        var replaced = 0
        while i < lines.count {
            guard lines[i].hasPrefix("| "), lines[i].hasSuffix("column | type | unit | default | meaning |"),
                let schema = schemas.popFirst()
            else {
                i += 1
                continue
            }
            var end = i
            while end < lines.count, lines[end].hasPrefix("|") { end += 1 }
            let table = schema.markdown.components(separatedBy: "\n")
            lines.replaceSubrange(i..<end, with: table)
            i += table.count
            replaced += 1
        }
        return (lines.joined(separator: "\n"), replaced)
    }

    @Test func columnTablesAreTheSchema() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let (generated, tables) = Self.generated(from: text)
        #expect(tables == TableSchema.all.count)
        if ProcessInfo.processInfo.environment["POTLINE_WRITE_NETWORK_README"] == "1" {
            try generated.write(to: Self.readme, atomically: true, encoding: .utf8)
            return
        }
        #expect(generated == text, "Networks/README.md differs from TableSchema: run with POTLINE_WRITE_NETWORK_README=1")
    }

    /// Every column documented as a number has the range the loader checks.
    @Test func everyNumberColumnHasARange() {
        let numbers = TableSchema.all.flatMap(\.columns).filter { $0.type.hasPrefix("number") }
        #expect(numbers.filter { $0.numberRange == nil }.map(\.name) == [])
        #expect(TableSchema.candidates.numberRange("lifetime_y") == .positive)
        #expect(TableSchema.plants.numberRange("renewable_share") == .fraction)
        #expect(TableSchema.regions.numberRange("latitude_deg") == .any)
    }

    /// The loader's numeric defaults are the documented ones.
    @Test func documentedDefaults() {
        #expect(TableSchema.candidates.defaultNumber("lifetime_y") == 25)
        #expect(TableSchema.candidates.defaultNumber("discount_rate") == 0.08)
        #expect(TableSchema.retrofits.defaultNumber("lifetime_y") == 20)
        #expect(TableSchema.regions.requiredColumns == ["id", "latitude_deg", "longitude_deg"])
    }
}
