import Foundation
import Testing

/// `potline robust --shard K/N --partial FILE` and `potline robust-merge`, run as a user would.
@Suite struct RobustCommandTests {
    static let network = "Networks/examples/two_smelters"
    static let uncertainty = "Networks/examples/two_smelters/uncertainty/west_power.yaml"

    /// A robust study's JSON without what only timing or sharding changes.
    static func comparable(_ output: String) throws -> NSDictionary {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        var study = object
        study["statistics"] = nil
        func untimed(_ sample: Any?) -> Any? {
            guard var sample = sample as? [String: Any] else { return sample }
            sample["solve_seconds"] = nil
            return sample
        }
        study["deterministic"] = untimed(study["deterministic"])
        study["samples"] = (study["samples"] as? [Any])?.map { untimed($0) as Any }
        return study as NSDictionary
    }

    @Test func shardsWrittenByTheCommandMergeIntoTheSingleRun() throws {
        let folder = try Programs.scratchFolder("robust-shards")
        defer { try? FileManager.default.removeItem(at: folder) }
        let common = [Self.network, "--uncertainty", Self.uncertainty, "--samples", "30", "--seed", "9", "--threads", "2"]
        let single = try Programs.run("potline", ["robust"] + common + ["--json"])
        #expect(single.status == 0, "\(single.error)")
        var files: [String] = []
        for k in 1...3 {
            let file = folder.appendingPathComponent("shard-\(k).json").path
            let run = try Programs.run("potline", ["robust"] + common + ["--shard", "\(k)/3", "--partial", file])
            #expect(run.status == 0, "\(run.error)")
            #expect(run.output.isEmpty)
            files.append(file)
        }
        let merged = try Programs.run("potline", ["robust-merge"] + files.reversed() + ["--json"])
        #expect(merged.status == 0, "\(merged.error)")
        #expect(try Self.comparable(merged.output) == Self.comparable(single.output))

        let missing = try Programs.run("potline", ["robust-merge", files[0], files[2]])
        #expect(missing.status == 2)
        #expect(missing.error.contains("shard 2/3 missing"))
    }

    @Test func aStochasticPlanNeedsSitingDecisions() throws {
        let run = try Programs.run(
            "potline", ["robust", Self.network, "--uncertainty", Self.uncertainty, "--samples", "2", "--seed", "1", "--stochastic", "2"])
        #expect(run.status == 2)
        #expect(run.error.contains("has no siting decisions"), "\(run.error)")
    }

    @Test func badShardArgumentsAreCommandLineErrors() throws {
        let common = ["robust", Self.network, "--uncertainty", Self.uncertainty, "--samples", "4", "--seed", "1"]
        for (arguments, message) in [
            (["--shard", "0/3", "--partial", "/tmp/x.json"], "--shard must be K/N"),
            (["--shard", "2/3"], "--shard needs --partial FILE"),
            (["--shard", "1/5", "--partial", "/tmp/x.json"], "more shards than the 4 samples"),
            (["--partial", "/tmp/x.json"], "--partial is written only with --shard"),
            (["--shard", "1/2", "--partial", "/tmp/x.json", "--json"], "merge the shards with potline robust-merge"),
            (["--cvar", "0.9"], "--cvar needs --stochastic K"),
            (["--stochastic", "2", "--cvar", "1.5"], "--cvar must be a level"),
            (["--stochastic", "0"], "--stochastic must be from 1"),
        ] {
            let run = try Programs.run("potline", common + arguments)
            #expect(run.status == 64, "\(arguments)")
            #expect(run.error.contains(message), "\(arguments): \(run.error)")
        }
    }

    @Test func theStudyIsWrittenAsAnHTMLPage() throws {
        let folder = try Programs.scratchFolder("robust-html")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("robust.html").path
        let common = [Self.network, "--uncertainty", Self.uncertainty, "--samples", "20", "--seed", "3", "--threads", "1"]
        let run = try Programs.run("potline", ["robust"] + common + ["--html", page])
        #expect(run.status == 0, "\(run.error)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.contains("robust study of 20 samples") && html.contains("Regret of the deterministic plan"))
        #expect(!html.contains("<script src") && !html.contains("http://") && !html.contains("https://"))
        // A shard writes its partial result only.
        let shard = try Programs.run(
            "potline", ["robust"] + common + ["--shard", "1/2", "--partial", folder.appendingPathComponent("s.json").path, "--html", page])
        #expect(shard.status == 64)
    }

}
