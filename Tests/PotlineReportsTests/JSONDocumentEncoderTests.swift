import Foundation
import Testing
import Potline
import PotlineTestSupport
@testable import PotlineReports

/// The JSON of every result is Foundation's `JSONEncoder`'s, byte for byte; where that encoder
/// writes a type its own way, or a figure cannot be written, the document is left to it.
@Suite struct JSONDocumentEncoderTests {
    private struct Inner: Encodable {
        var xValue = 1
        var emptyList: [Int] = []
        var emptyMap: [String: Int] = [:]
    }

    /// Keys that snake_case splits in every way, numbers at the edges of their text forms,
    /// strings with every escape, empty and nested containers, both kinds of dictionary.
    private struct Edges: Encodable {
        var co2TonnesPerTonne = 1.0
        var kWhPerTonne = 0.1
        var myURLProperty = 1e20
        var a1B = 1e-7
        var ABC = 1
        var aBCDef = 2
        var already_snake = 3
        var x2Y = 4
        var endsUPPER = 5
        var big = 123_456_789_012_345_680_000.0
        var negativeZero = -0.0
        var tiny = Double.leastNonzeroMagnitude
        var third = 1.0 / 3
        var large = 1e15
        var larger = 1e16
        var small = 0.0001
        var smaller = 0.00001
        var int = -42
        var unsigned: UInt64 = .max
        var float: Float = 0.1
        var flag = true
        var absent: Int? = nil
        var present: Int? = 7
        var text = "a\"b\\c/d\n\t\r\u{8}\u{c}\u{1}\u{1f}é中\u{7f}\u{2028}"
        var byName: [String: Double] = ["fooBar": 1, "B": 2, "a": 3, "a10": 4, "a9": 5, "a_b": 6, "ab": 7, "Zed": 8, "_x": 9]
        var byNumber: [Int: String] = [3: "c", 10: "x", -1: "m"]
        var inner = Inner()
        var nested = [[1.5, 2], []]
        var withNulls: [Int?] = [1, nil]
        var objects = [Inner(), Inner(xValue: 2)]
    }

    private func same<T: Encodable>(_ value: T) throws -> Bool {
        let fast = try #require(JSONDocumentEncoder.encode(value))
        return fast == (try JSONReport.foundationEncode(value))
    }

    @Test func edgesAreWrittenAsFoundationWritesThem() throws {
        #expect(try same(Edges()))
        #expect(try same([Int]()))
        #expect(try same(3.0))
        #expect(try same("top"))
    }

    @Test func numbersAreWrittenAsFoundationWritesThem() throws {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = []
        for _ in 0..<20_000 {
            let random = Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &generator))
            if random.isFinite { values.append(random) }
            values.append(Double(Int.random(in: -1_000_000_000...1_000_000_000, using: &generator)) / pow(10, Double(Int.random(in: 0...9, using: &generator))))
        }
        #expect(try same(values))
    }

    @Test func snakeCaseSplitsKeysAsFoundationDoes() throws {
        let keys = ["a", "A", "aB", "AB", "ABc", "aBC", "aBCd", "a1B2", "URL", "myURL", "URLValue", "kWh", "co2", "x_Y", "__a", "aB_C"]
        for key in keys {
            struct One: Encodable {
                let key: String
                struct Key: CodingKey {
                    var stringValue: String
                    init(stringValue: String) { self.stringValue = stringValue }
                    var intValue: Int? { nil }
                    init?(intValue: Int) { nil }
                }
                func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: Key.self)
                    try container.encode(1, forKey: Key(stringValue: key))
                }
            }
            #expect(try same(One(key: key)), "key \(key)")
        }
    }

    @Test func resultsAreWrittenAsFoundationWritesThem() throws {
        let network = try NetworkLoader.load(from: Fixtures.twoSmelters)
        #expect(try same(try network.solve()))
        #expect(try same(try network.solve(options: SolveOptions(explainPrices: true))))
        let sweep = try Sweep.run(
            base: NetworkFiles.read(from: Fixtures.twoSmelters), scenarios: [],
            parameter: SweepParameter(parsing: "regions[id=east].grid_price_yuan_per_kwh"), mode: .set,
            values: Sweep.values(from: 0.3, to: 0.7, steps: 4), options: SweepOptions())
        #expect(try same(sweep))
    }

    private class Base: Encodable {
        var baseValue = 1
    }

    private final class Derived: Base {
        var ownValue = 2
        private enum CodingKeys: String, CodingKey { case ownValue }
        override func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(ownValue, forKey: .ownValue)
            try super.encode(to: container.superEncoder())
        }
    }

    /// What it does not write itself (a superclass's values under "super") it leaves to
    /// Foundation whole, never writing the document short.
    @Test func leavesSuperclassEncodingToFoundation() throws {
        #expect(JSONDocumentEncoder.encode(Derived()) == nil)
        #expect(try JSONReport.encode(Derived()) == JSONReport.foundationEncode(Derived()))
        #expect(String(decoding: try JSONReport.encode(Derived()), as: UTF8.self).contains("\"super\""))
    }

    /// A non-finite figure and a date are left to Foundation: the first so that it names the
    /// figure, the second because it writes dates its own way.
    @Test func leavesToFoundationWhatItWritesItsOwnWay() throws {
        #expect(JSONDocumentEncoder.encode([1.0, .infinity]) == nil)
        #expect(throws: EncodingError.self) { try JSONReport.encode([1.0, .nan]) }
        #expect(JSONDocumentEncoder.encode(["at": Date(timeIntervalSince1970: 0)]) == nil)
        #expect(try JSONReport.encode(["at": Date(timeIntervalSince1970: 0)]) == JSONReport.foundationEncode(["at": Date(timeIntervalSince1970: 0)]))
    }
}
