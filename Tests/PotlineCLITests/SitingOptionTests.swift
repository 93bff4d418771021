import Foundation
import Testing

/// `--siting`, `--plan`, `--scenario` on validate and `--version`, run as a user would.
@Suite struct SitingOptionTests {
    func potline(_ arguments: String...) throws -> Programs.Run { try Programs.run("potline", arguments) }

    @Test func planNeedsFixedSiting() throws {
        let run = try potline("solve", "Networks/examples/two_smelters", "--plan", "x.json")
        #expect(run.status == 64)
        #expect(run.error.contains("--plan needs --siting fixed"))
    }

    @Test func aPlanFileWithoutAPlanIsBadInput() throws {
        let folder = try Programs.scratchFolder("plan")
        defer { try? FileManager.default.removeItem(at: folder) }
        let lp = try potline("solve", "Networks/examples/two_smelters", "--json")
        let file = folder.appendingPathComponent("lp.json")
        try lp.output.write(to: file, atomically: true, encoding: .utf8)
        let run = try potline("solve", "Networks/examples/two_smelters", "--siting", "fixed", "--plan", file.path)
        #expect(run.status == 2)
        #expect(run.error.contains("has no plan"))
    }

    @Test func versionAndValidateWithAScenario() throws {
        #expect(try potline("--version").output.trimmingCharacters(in: .whitespacesAndNewlines) == "0.9.0")
        let run = try potline(
            "validate", "Networks/examples/two_smelters", "--scenario",
            "Networks/examples/two_smelters/scenarios/west_expansion.yaml")
        #expect(run.status == 0)
        #expect(run.output.contains("valid"))
    }
}
