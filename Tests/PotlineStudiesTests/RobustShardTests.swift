import Foundation
import Testing
import Potline
import PotlineTestSupport
@testable import PotlineFiles
@testable import PotlineStudies

/// Shards of a robust study merge into the single run, and a network's ranges.csv is sampled
/// without an uncertainty file.
@Suite struct RobustShardTests {
    static let price = "plants[id=west_smelter].electricity_price_yuan_per_kwh"

    static func westPrice(_ low: Double = 0.35, _ high: Double = 0.42) throws -> UncertaintyFile {
        UncertaintyFile(name: "west", file: "west.yaml", factors: [
            UncertainFactor(name: "west power", distribution: .uniform(low: low, high: high), mode: .set,
                            targets: [try SweepParameter(parsing: price)]),
            UncertainFactor(name: "east demand", distribution: .triangular(low: 150_000, mode: 155_000, high: 170_000), mode: .set,
                            targets: [try SweepParameter(parsing: "demands[region=east,commodity=aluminium].demand_t_per_y")]),
        ])
    }

    /// The study as JSON without what only timing or sharding changes.
    static func comparable(_ study: RobustStudy) throws -> Data {
        var study = study
        study.statistics = .init(solves: 0, threads: 0, shards: 0, wallSeconds: 0, secondsPerSample: 0)
        study.deterministic.solveSeconds = 0
        for i in study.samples.indices { study.samples[i].solveSeconds = 0 }
        return try JSONReport.encode(study)
    }

    @Test func shardsMergeIntoTheSingleRunNumberForNumber() throws {
        let base = try NetworkFiles.read(from: Fixtures.twoSmelters)
        let file = try Self.westPrice()
        let options = RobustOptions(samples: 23, seed: 17, threads: 2)
        let single = try RobustStudy.run(base: base, uncertainty: file, options: options)
        // Four shards, written to JSON and read back as robust-merge reads them, in a shuffled order.
        let folder = try Fixtures.copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for k in [3, 1, 4, 2] {
            let shard = try RobustShard.run(base: base, uncertainty: file, shard: k, of: 4, options: options)
            #expect(shard.samples.map(\.index) == Array(RobustShard.range(shard: k, of: 4, samples: 23)))
            let path = folder.appendingPathComponent("shard\(k).json").path
            try JSONReport.encode(shard).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let merged = try RobustStudy.merge(paths.map { try RobustShard.load(from: $0) }, names: paths)
        #expect(try Self.comparable(merged) == Self.comparable(single))
        // Some samples are infeasible (east demand above the 160,000 t/y capacity): they merge too.
        #expect(!merged.infeasibleSamples.isEmpty)
        #expect(merged.infeasibleSamples.map(\.index) == single.infeasibleSamples.map(\.index))
        #expect(merged.statistics.shards == 4)
        #expect(merged.statistics.solves == 4 + 2 * 23)
        // The text report differs only in its statistics line.
        let lines = { (s: RobustStudy) in RobustReport.render(s).split(separator: "\n").enumerated().filter { $0.offset != 1 }.map(\.element) }
        #expect(lines(merged) == lines(single))
    }

    @Test func shardBlocksCoverEverySampleOnce() {
        for (n, total) in [(1, 1), (3, 10), (7, 7), (4, 1_000)] {
            let blocks = (1...n).map { RobustShard.range(shard: $0, of: n, samples: total) }
            #expect(blocks.flatMap { Array($0) } == Array(0..<total))
            let sizes = blocks.map(\.count)
            #expect(sizes.max()! - sizes.min()! <= 1)
        }
    }

    @Test func mergeNamesMissingRepeatedAndForeignShards() throws {
        let base = try NetworkFiles.read(from: Fixtures.twoSmelters)
        let file = try Self.westPrice()
        let options = RobustOptions(samples: 6, seed: 2)
        let one = try RobustShard.run(base: base, uncertainty: file, shard: 1, of: 3, options: options)
        let two = try RobustShard.run(base: base, uncertainty: file, shard: 2, of: 3, options: options)
        let three = try RobustShard.run(base: base, uncertainty: file, shard: 3, of: 3, options: options)
        var otherSeed = options
        otherSeed.seed = 3
        let foreign = try RobustShard.run(base: base, uncertainty: file, shard: 3, of: 3, options: otherSeed)

        func problems(_ shards: [RobustShard], _ names: [String]) -> [String] {
            do {
                _ = try RobustStudy.merge(shards, names: names)
                return []
            } catch { return error.problems.map(\.description) }
        }
        #expect(problems([one, three], ["a.json", "c.json"]) == ["robust-merge, column shard: shard 2/3 missing"])
        #expect(problems([one, two, two, three], ["a", "b", "b2", "c"]) == ["b2, column shard: shard 2/3 is also in b"])
        #expect(problems([one, two, foreign], ["a", "b", "c"]) == ["c, column seed: is 3, but a has 2: not the same study"])
        #expect(try Self.comparable(RobustStudy.merge([three, one, two])) == Self.comparable(RobustStudy.run(base: base, uncertainty: file, options: options)))
    }

    @Test func shardFileOfAnotherKindIsRefusedWithItsName() throws {
        let folder = try Fixtures.copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("study.json").path
        try Data(#"{"schema": "potline.robust/1"}"#.utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: NetworkError.self) { try RobustShard.load(from: path) }
        do { _ = try RobustShard.load(from: path) } catch {
            #expect(error.problems.map(\.description) == [
                "\(path), column schema: is 'potline.robust/1', not 'potline.robust-shard/1': not a shard written by potline robust --shard K/N --partial FILE"
            ])
        }
    }

    static let ranges = """
        table,row,column,low,high,source
        plants,west_smelter,electricity_price_yuan_per_kwh,0.30,0.42,estimate: test range
        plants,west_smelter,capacity_t_per_y,50000,70000,estimate: test range
        demands,region=east;commodity=aluminium,demand_t_per_y,90000,110000,estimate: test range
        """

    @Test func rangesOfTheNetworkAreItsUncertainInputs() throws {
        let folder = try Fixtures.copy(replacing: ["ranges.csv": Self.ranges])
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try NetworkFiles.read(from: folder)
        let (file, held) = UncertaintyFile.ranges(of: try NetworkLoader.parse(files).network)
        #expect(held.isEmpty)
        #expect(file.factors.map(\.name) == [
            "plants west_smelter electricity_price_yuan_per_kwh", "plants west_smelter capacity_t_per_y",
            "demands region=east;commodity=aluminium demand_t_per_y",
        ])
        #expect(file.factors.map { $0.targets.map(\.description) } == [
            [Self.price], ["plants[id=west_smelter].capacity_t_per_y"], ["demands[region=east,commodity=aluminium].demand_t_per_y"],
        ])
        #expect(file.factors[0].distribution == .uniform(low: 0.30, high: 0.42))
        #expect(file.factors.map(\.source) == Array(repeating: "estimate: test range", count: 3))

        // The factors are the same as written by hand in an uncertainty file: same samples, same costs.
        let handWritten = UncertaintyFile(name: "hand", file: "hand.yaml", factors: [
            UncertainFactor(name: "a", distribution: .uniform(low: 0.30, high: 0.42), mode: .set, targets: [try SweepParameter(parsing: Self.price)]),
            UncertainFactor(name: "b", distribution: .uniform(low: 50_000, high: 70_000), mode: .set,
                            targets: [try SweepParameter(parsing: "plants[id=west_smelter].capacity_t_per_y")]),
            UncertainFactor(name: "c", distribution: .uniform(low: 90_000, high: 110_000), mode: .set,
                            targets: [try SweepParameter(parsing: "demands[region=east,commodity=aluminium].demand_t_per_y")]),
        ])
        let options = RobustOptions(samples: 12, seed: 5)
        let fromRanges = try RobustStudy.run(base: files, uncertainty: file, options: options)
        let byHand = try RobustStudy.run(base: files, uncertainty: handWritten, options: options)
        #expect(fromRanges.samples.map(\.inputs) == byHand.samples.map(\.inputs))
        #expect(fromRanges.samples.map(\.totalCostYuan) == byHand.samples.map(\.totalCostYuan))
        #expect(fromRanges.factors.map(\.source) == file.factors.map(\.source))
    }

    @Test func aRangeAScenarioChangedIsHeldAtTheScenarioValue() throws {
        let folder = try Fixtures.copy(replacing: ["ranges.csv": Self.ranges])
        defer { try? FileManager.default.removeItem(at: folder) }
        let expansion = try Scenario.load(from: folder.appendingPathComponent("scenarios/west_expansion.yaml").path)
        let files = try NetworkFiles.read(from: folder).applying([expansion])
        let (file, held) = UncertaintyFile.ranges(of: try NetworkLoader.parse(files).network)
        // The scenario edited west_smelter's row: both its figures keep the scenario's row.
        #expect(held.map(\.factorName) == ["plants west_smelter electricity_price_yuan_per_kwh", "plants west_smelter capacity_t_per_y"])
        #expect(file.factors.map(\.name) == ["demands region=east;commodity=aluminium demand_t_per_y"])
    }
}
