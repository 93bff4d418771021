import Foundation
import Testing
import Potline
import PotlineTestSupport
@testable import PotlineStudies

/// Every scenario shipped with a bundled network applies cleanly and solves to optimality:
/// a scenario in the repository is documentation an analyst copies, so it must work as given.
@Suite struct BundledScenarioTests {
    static func scenarioFiles(_ network: String) throws -> [URL] {
        let folder = Fixtures.networks.appendingPathComponent(network).appendingPathComponent("scenarios")
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
    }

    @Test(arguments: ["china", "china_silicon", "examples/two_smelters"])
    func everyScenarioSolves(network: String) throws {
        let files = try Self.scenarioFiles(network)
        #expect(files.count >= 3)
        let base = try NetworkFiles.read(from: Fixtures.networks.appendingPathComponent(network))
        let scenarios = try files.map { try Scenario.load(from: $0.path) }
        let comparison = try Comparison.run(
            base: base, cases: scenarios.map { [$0] },
            options: ComparisonOptions(solve: SolveOptions(analysePlan: false)))
        for result in [comparison.base] + comparison.scenarios {
            #expect(result.status == .optimal, "\(network): \(result.name) is \(result.status.words)")
        }
    }
}
