import Foundation
import Potline
import PotlineTestSupport
import Testing

@testable import PotlineReports

/// The one description of every result table against what the writers write, the JSON and the README.
@Suite struct ResultTableSchemaTests {
    static let readme = Fixtures.repository.appendingPathComponent("README.md")
    static let begin = "<!-- result-tables:begin (made from ResultTableSchema; POTLINE_WRITE_README=1 swift test --filter ResultTableSchemaTests rewrites it) -->\n"
    static let end = "<!-- result-tables:end -->"

    /// The README's column tables are the schemas' own text.
    @Test func readmeDescribesEveryTableAsTheSchemasDo() throws {
        var text = try String(contentsOf: Self.readme, encoding: .utf8)
        let start = try #require(text.range(of: Self.begin), "README lacks the result-tables section")
        let stop = try #require(text.range(of: Self.end, range: start.upperBound..<text.endIndex))
        let generated = "\n" + ResultTableSchema.markdown + "\n"
        if ProcessInfo.processInfo.environment["POTLINE_WRITE_README"] == "1" {
            text.replaceSubrange(start.upperBound..<stop.lowerBound, with: generated)
            try text.write(to: Self.readme, atomically: true, encoding: .utf8)
            return
        }
        #expect(String(text[start.upperBound..<stop.lowerBound]) == generated, "README's result tables differ from ResultTableSchema")
    }

    @Test func namesFitFilesSheetsAndTheJSONStyle() {
        for (command, tables) in ResultTableSchema.byCommand {
            #expect(Set(tables.map(\.file)).count == tables.count, "\(command): two tables share a file name")
            for table in tables {
                #expect(table.sheet.count <= 31, "\(table.file): Excel sheet names have at most 31 characters")
                #expect(table.file.hasSuffix(".csv"))
                for column in table.columns {
                    let bare = column.name.replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "")
                    #expect(bare.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" }, "\(table.file): \(column.name) is not snake_case")
                    #expect(!column.meaning.isEmpty, "\(table.file): \(column.name) has no meaning")
                }
            }
        }
        #expect(ResultTables.fileNames.isSuperset(of: ["summary.csv", "samples.csv", "tornado.csv", "case_flows.csv", "breakpoints.csv"]))
    }

    /// Every column of the solve tables is the JSON key of the same figure, except the columns an
    /// object of the JSON becomes ({component: yuan}, {period: t}); a key the JSON leaves out
    /// (its value is missing in every row) must be blank in every row of the CSV too.
    @Test func solveColumnsAreTheJSONKeys() throws {
        let solution = try NetworkLoader.load(from: Fixtures.networks.appendingPathComponent("china").path).solve()
        let json = try #require(try JSONSerialization.jsonObject(with: JSONReport.encode(solution)) as? [String: Any])
        let plan = json["plan"] as? [String: Any] ?? [:]
        let arrays: [String: Any?] = [
            "delivered_costs.csv": json["delivered_costs"], "plants.csv": json["plants"], "supplies.csv": json["supplies"],
            "flows.csv": json["flows"], "captive_power.csv": json["captive_power"], "self_supply.csv": json["self_supply"],
            "plan_builds.csv": plan["builds"], "plan_closures.csv": plan["closures"], "plan_retrofits.csv": plan["retrofits"],
            "plan_transfers.csv": plan["transfers"], "plan_rejected.csv": plan["rejected"],
        ]
        let tables = SolutionTables.tables(solution)
        #expect(Set(arrays.keys).isSubset(of: tables.map(\.schema.file)), "China's solve writes every table with a JSON array")
        for table in tables {
            guard let objects = arrays[table.schema.file] as? [[String: Any]] else { continue }
            let keys = Set(objects.flatMap(\.keys))
            for (index, name) in table.header.enumerated() where table.headerColumns[index].placeholder == nil && !keys.contains(name) {
                let blank = table.rows.allSatisfy { $0[index].csvText.isEmpty }
                #expect(blank, "\(table.schema.file): column \(name) is no JSON key, yet has values")
            }
        }
    }

    /// Plain ASCII stays plain; a table with other text starts with the UTF-8 byte order mark,
    /// by which Excel reads it as UTF-8; the network reader skips the mark.
    @Test func aByteOrderMarkOnlyWhereTextNeedsIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("potline-bom-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let schema = ResultTableSchema.infeasibleConstraints
        let plain = ResultTable(schema, rows: [[.text("carbon cap")]])
        try ResultTables.writeCSV([plain], to: folder)
        let ascii = try Data(contentsOf: folder.appendingPathComponent(schema.file))
        #expect(ascii == Data("constraint\ncarbon cap\n".utf8))
        let chinese = ResultTable(schema, rows: [[.text("产能天花板")]])
        try ResultTables.writeCSV([chinese], to: folder)
        let marked = try Data(contentsOf: folder.appendingPathComponent(schema.file))
        #expect(marked == Data([0xEF, 0xBB, 0xBF]) + Data("constraint\n产能天花板\n".utf8))
    }
}
