import Foundation
import Testing
import Potline
import PotlineTestSupport
@testable import PotlineReports

/// The check that stands in for the JSON encoding on text output agrees with it: a value passes
/// exactly when JSONReport can encode it, wherever the non-finite number sits.
@Suite struct FiniteFiguresTests {
    private struct Figures: Encodable {
        var total: Double
        var byPeriod: [String: Double]
        var optional: Double?
        var nested: [[Float]]
        var label = "t"
        var count = 3
    }

    private func agreesWithJSON<T: Encodable>(_ value: T) -> Bool {
        let encodes = (try? JSONReport.encode(value)) != nil
        return FiniteFigures.allFinite(value) == encodes
    }

    @Test func findsNonFiniteNumbersWhereverTheySit() {
        let finite = Figures(total: 1, byPeriod: ["peak": 2], optional: nil, nested: [[1, 2], []])
        #expect(FiniteFigures.allFinite(finite))
        #expect(agreesWithJSON(finite))
        var cases: [Figures] = []
        cases.append(Figures(total: .infinity, byPeriod: [:], optional: nil, nested: []))
        cases.append(Figures(total: 1, byPeriod: ["peak": .nan], optional: nil, nested: []))
        cases.append(Figures(total: 1, byPeriod: [:], optional: -.infinity, nested: []))
        cases.append(Figures(total: 1, byPeriod: [:], optional: nil, nested: [[1], [.nan]]))
        for value in cases {
            #expect(!FiniteFigures.allFinite(value))
            #expect(agreesWithJSON(value))
        }
    }

    @Test func aSolutionPassesUntilAFigureOverflows() throws {
        var solution = try NetworkLoader.load(from: Fixtures.twoSmelters).solve()
        #expect(FiniteFigures.allFinite(solution))
        solution.plants[1].electricityKWh = .infinity
        #expect(!FiniteFigures.allFinite(solution))
        #expect(throws: EncodingError.self) { try JSONReport.encode(solution) }
    }
}
