import Foundation
import Testing
import PotlineNetwork
import PotlineTestSupport
@testable import PotlineFiles

/// Checks of values (not of text) are the validator's, so a network changed in code gets them
/// too. (Here until PotlineNetwork has a test target of its own.)
@Suite struct CodeBuiltNetworkValidationTests {
    static let china = Fixtures.networks.appendingPathComponent("china")

    @Test func candidateSizingIsChecked() throws {
        var network = try NetworkLoader.load(from: Self.china).network
        network.candidates[0].sizing = .modules(sizeTonnesPerYear: 500_000, maximum: 0)
        network.candidates[1].sizing = .continuous(minimumTonnesPerYear: 2, maximumTonnesPerYear: 1)
        let messages = network.problems().map { "\($0.column ?? "") \($0.message)" }
        #expect(messages.contains("max_modules must be from 1 to 1000"))
        #expect(messages.contains("min_capacity_t_per_y minimum 2.0 exceeds max_capacity_t_per_y 1.0"))
    }

    @Test func captiveShareBoundsAreChecked() throws {
        var network = try NetworkLoader.load(from: Self.china).network
        network.captivePower[0].minimumShare = 0.9
        network.captivePower[0].maximumShare = 0.5
        #expect(network.problems().map(\.message) == ["min_share exceeds max_share"])
    }

    /// The same problem from a file: at its row, once.
    @Test func fromAFileTheProblemIsLocated() throws {
        let folder = try Fixtures.copy(of: Self.china)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("captive_power.csv")
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        lines[1] = lines[1].replacingOccurrences(of: "0.92,,,", with: "0.92,0.9,0.5,")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: NetworkError.self) { try NetworkLoader.load(from: folder) }
        do {
            _ = try NetworkLoader.load(from: folder)
        } catch {
            #expect(error.problems.map { "\($0.file ?? "") \($0.row ?? 0) \($0.column ?? "") \($0.message)" }
                == ["captive_power.csv 2 min_share min_share exceeds max_share"])
        }
    }
}
