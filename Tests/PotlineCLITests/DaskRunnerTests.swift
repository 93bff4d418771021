import Foundation
import Testing

/// `Sources/PotlineDask/potline_dask.py` on a Dask LocalCluster gives the single run's study.
@Suite struct DaskRunnerTests {
    static let script = "Sources/PotlineDask/potline_dask.py"

    /// True when python3 can import Dask distributed. CI installs it (.ci/run), so there a missing
    /// package is a failure, not a skip.
    static let hasDistributed: Bool = {
        guard let run = try? Programs.run("/usr/bin/env", ["python3", "-c", "import distributed"]) else { return false }
        return run.status == 0
    }()
    static let required = ProcessInfo.processInfo.environment["CI"] != nil

    @Test(.enabled(if: hasDistributed || required, "python3 has no Dask distributed (python3 -m pip install distributed)"))
    func localClusterRunEqualsTheLocalRun() throws {
        #expect(Self.hasDistributed, "CI must have Dask distributed: .ci/run installs it")
        let robust = [
            "Networks/examples/two_smelters", "--uncertainty", "Networks/examples/two_smelters/uncertainty/west_power.yaml",
            "--samples", "24", "--seed", "21", "--threads", "1",
        ]
        let potline = Programs.executable("potline").path
        let local = try Programs.run(potline, ["robust"] + robust + ["--json"])
        #expect(local.status == 0, "\(local.error)")
        let dask = try Programs.run(
            "/usr/bin/env", ["python3", Self.script, "--shards", "4", "--workers", "2", "--potline", potline, "--json", "--"] + robust)
        #expect(dask.status == 0, "\(dask.error)")
        #expect(try RobustCommandTests.comparable(dask.output) == RobustCommandTests.comparable(local.output))
        let statistics = try #require(
            (try JSONSerialization.jsonObject(with: Data(dask.output.utf8)) as? [String: Any])?["statistics"] as? [String: Any])
        #expect(statistics["shards"] as? Int == 4)
        for k in 1...4 { #expect(dask.error.contains("shard \(k)/4 done")) }
    }

    @Test(.enabled(if: hasDistributed || required, "python3 has no Dask distributed"))
    func aFailingShardStopsTheRunWithItsStatus() throws {
        let dask = try Programs.run(
            "/usr/bin/env",
            ["python3", Self.script, "--shards", "2", "--workers", "1", "--potline", Programs.executable("potline").path, "--",
             "Networks/examples/two_smelters", "--uncertainty", "no/such.yaml", "--samples", "4", "--seed", "1"])
        #expect(dask.status == 2)
        #expect(dask.error.contains("no/such.yaml"))
        #expect(dask.error.contains("failed with exit status 2"))
    }
}
