import Foundation
import Testing
import Potline
import PotlineTestSupport
@testable import PotlineReports

/// The default solve report fits one screen: no line over 120 columns, the total and its split,
/// delivered cost by area, the plan in brief, three facts, and the way to the full tables.
@Suite struct TextSummaryTests {
    static let twoSmelters = Result { try NetworkLoader.load(from: Fixtures.twoSmelters).solve() }

    @Test func wrapKeepsPartsWholeAndLinesShort() {
        let parts = (1...30).map { "part\($0)" }
        let lines = TextSummary.wrap(parts, separator: ", ", indent: "  List: ", continuation: "    ")
        #expect(lines.allSatisfy { $0.count <= TextSummary.width })
        #expect(lines[0].hasPrefix("  List: part1, part2"))
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("    part") })
        // Every part once, in order, none split.
        let joined = lines.map { $0.replacingOccurrences(of: "  List: ", with: "").trimmingCharacters(in: .whitespaces) }
            .joined(separator: ", ")
        #expect(joined == parts.joined(separator: ", "))
        // A part longer than a line is split at its spaces.
        let long = TextSummary.wrap([String(repeating: "word ", count: 40)], separator: "", indent: "")
        #expect(long.count == 2 && long.allSatisfy { $0.count <= TextSummary.width })
    }

    /// two_smelters (README of the example): 1,633.4 M yuan/y, of which materials 826.0, grid
    /// electricity 513.0 (100 kt at 13,500 kWh/t × 0.38 yuan/kWh), freight 94.4, other 200.0; east's
    /// marginal aluminium 17,010 yuan/t; smelting makes 100 of its 160 kt/y.
    @Test func twoSmeltersSummary() throws {
        let text = TextReport.render(try Self.twoSmelters.get())
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= TextSummary.width })
        #expect(lines.count < 30)
        #expect(text.contains("Total delivered cost: 1,633.4 M yuan/y"))
        #expect(text.contains("materials 826.0 (50.6%) · grid electricity 513.0 (31.4%) · freight 94.4 (5.8%) · other 200.0 (12.2%)"))
        #expect(text.contains("17,010"))
        #expect(text.contains("  2. The tightest stage is smelting: 100.0 of 160.0 kt/y (62.5%)."))
        #expect(text.contains("--full for every table"))
        #expect(!text.contains("Flows ("))
    }

    @Test func sectionsPrintOnlyWhatIsAsked() throws {
        let solution = try Self.twoSmelters.get()
        let flows = TextReport.render(solution, detail: .sections([.flows]))
        #expect(flows.contains("Flows (3 in use"))
        #expect(!flows.contains("Supplies:") && !flows.contains("Total delivered cost"))
        let full = TextReport.render(solution, detail: .full)
        for heading in ["Total delivered cost", "Summary:", "Delivered cost by demand", "Plants:", "Supplies:", "Flows ("] {
            #expect(full.contains(heading), "\(heading)")
        }
    }

    /// East's next tonne (README of the example): east_smelter makes it at 8,750 yuan/t of power and
    /// other cost, from 1.92 t of port alumina at 3,000 (5,760) and 0.5 t of anode at 5,000 (2,500):
    /// 17,010 yuan/t, the dual. West, running full at 60 kt/y, sends 60% of east's 100 kt/y.
    @Test func pricesExplainedInText() throws {
        let solution = try NetworkLoader.load(from: Fixtures.twoSmelters).solve(options: SolveOptions(explainPrices: true))
        let text = TextReport.render(solution, detail: .sections([.prices]))
        #expect(text.contains("east    aluminium           17,010  east_smelter"))
        #expect(text.contains("make east_smelter +8,750; buy alumina_port +5,760; buy anode_market +2,500"))
        #expect(text.contains("west_smelter 60.0% at 15,883"))
    }


    /// The default reports of every bundled network (the golden fixtures, which `GoldenOutputTests`
    /// holds to the command's output) fit the width.
    @Test(arguments: ["two_smelters", "china", "china_silicon"])
    func bundledSummariesFitTheWidth(_ network: String) throws {
        let file = Fixtures.repository.appendingPathComponent("Tests/Fixtures/golden/\(network).summary.txt")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        #expect(lines.count <= 50)
        for line in lines { #expect(line.count <= TextSummary.width, "\(network): \(line)") }
    }

}
