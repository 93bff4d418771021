import Foundation
import Testing
import Potline
import PotlineTestSupport
@testable import PotlineFiles

/// The scenario examples in Networks/SCENARIOS.md apply to the China network as written: an
/// example an analyst copies must work.
@Suite struct ScenarioDocsTests {
    /// Every ```yaml block of the document that is a whole scenario (has `changes:`).
    static func examples() throws -> [String] {
        let text = try String(contentsOf: Fixtures.networks.appendingPathComponent("SCENARIOS.md"), encoding: .utf8)
        return text.components(separatedBy: "```yaml\n").dropFirst().compactMap { block in
            let yaml = block.components(separatedBy: "```")[0]
            return yaml.contains("changes:") ? yaml : nil
        }
    }

    @Test func everyExampleAppliesToChina() throws {
        let examples = try Self.examples()
        #expect(!examples.isEmpty)
        let base = try NetworkFiles.read(from: Fixtures.networks.appendingPathComponent("china"))
        for (i, yaml) in examples.enumerated() {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("scenarios-md-\(i)-\(UUID().uuidString).yaml")
            defer { try? FileManager.default.removeItem(at: file) }
            try yaml.write(to: file, atomically: true, encoding: .utf8)
            let scenario = try Scenario.load(from: file.path)
            let network = try ScenarioCase(base: base, scenarios: [scenario]).network()
            #expect(network.plants.contains { $0.id == "yunnan_new" })
            #expect(network.surcharge?.thresholdKWhPerTonne == 13_300)
        }
    }
}
