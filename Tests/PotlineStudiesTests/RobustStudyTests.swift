import Foundation
import Testing
import Potline
import PotlineTestSupport
@testable import PotlineStudies

@Suite struct RobustStudyTests {
    /// two_smelters' plan changes where the west power price reaches 0.30 + 1,126.8 / 13,500 (README).
    static let breakpoint = 0.30 + 1_126.8 / 13_500
    static let price = "plants[id=west_smelter].electricity_price_yuan_per_kwh"

    func study(_ factors: [UncertainFactor], samples: Int, seed: UInt64, threads: Int = 2) throws -> RobustStudy {
        let base = try NetworkFiles.read(from: Fixtures.twoSmelters)
        return try RobustStudy.run(
            base: base, uncertainty: UncertaintyFile(name: "test", file: "test.yaml", factors: factors),
            options: RobustOptions(samples: samples, seed: seed, threads: threads))
    }

    func westPrice(_ low: Double, _ high: Double) throws -> UncertainFactor {
        UncertainFactor(name: "west power", distribution: .uniform(low: low, high: high), mode: .set,
                        targets: [try SweepParameter(parsing: Self.price)])
    }

    @Test func planSharesMatchTheProbabilityEachSideOfTheBreakpoint() throws {
        let samples = 200
        let study = try study([westPrice(0.35, 0.42)], samples: samples, seed: 7)
        let below = (Self.breakpoint - 0.35) / 0.07  // 0.47809…
        let west = try #require(study.decisions.first { $0.decision == "make west_smelter" })
        // A Latin hypercube puts exactly one sample in each 1/N stratum: the count below the
        // breakpoint is N × mass rounded one way or the other.
        #expect(abs(west.share - below) <= 1.0 / Double(samples) + 1e-12)
        #expect(study.plans.count == 2)
        #expect(study.deterministic.decisions["make west_smelter"] == 60_000)
    }

    @Test func deterministicRegretIsTheWestCommitmentPricedAboveTheBreakpoint() throws {
        let study = try study([westPrice(0.35, 0.42)], samples: 100, seed: 3)
        // The plan fixes west at 60,000 t and east at 40,000 t; above the breakpoint the optimum moves
        // everything east, so regret = 60,000 t × 13,500 kWh/t × (price − breakpoint).
        for sample in study.samples {
            let expected = 60_000 * 13_500 * max(0, sample.inputs[0] - Self.breakpoint)
            #expect(close(sample.regretYuan, expected, tolerance: 1e-7), "sample \(sample.index): \(sample.regretYuan ?? .nan) vs \(expected)")
        }
        // Mean over the distribution: 810,000,000 × (0.42 − b)² / (2 × 0.07) = 7.72 M yuan/y.
        let mean = 810_000_000 * pow(0.42 - Self.breakpoint, 2) / (2 * 0.07)
        #expect(abs(study.regret.meanYuan! - mean) / mean < 0.02)
        #expect(close(study.regret.maxYuan, study.samples.map { 810_000_000 * max(0, $0.inputs[0] - Self.breakpoint) }.max()!))
    }

    @Test func sameSeedSameNumbersOtherSeedOtherSamples() throws {
        let a = try study([westPrice(0.35, 0.42)], samples: 20, seed: 11, threads: 2)
        let b = try study([westPrice(0.35, 0.42)], samples: 20, seed: 11, threads: 1)
        let c = try study([westPrice(0.35, 0.42)], samples: 20, seed: 12)
        #expect(a.samples.map(\.inputs) == b.samples.map(\.inputs))
        #expect(a.samples.map(\.totalCostYuan) == b.samples.map(\.totalCostYuan))
        #expect(a.regret.meanYuan == b.regret.meanYuan)
        #expect(a.samples.map(\.inputs) != c.samples.map(\.inputs))
    }

    @Test func infeasibleSamplesAreCountedAndExplained() throws {
        // Capacity is 160,000 t/y: a demand uniform on 150,000…170,000 is unmet in half the samples.
        let demand = UncertainFactor(
            name: "east demand", distribution: .uniform(low: 150_000, high: 170_000), mode: .set,
            targets: [try SweepParameter(parsing: "demands[region=east,commodity=aluminium].demand_t_per_y")])
        let study = try study([demand], samples: 40, seed: 5)
        let infeasible = study.samples.filter { $0.inputs[0] > 160_000 }
        #expect(study.infeasibleSamples.count == infeasible.count)
        #expect(abs(Double(infeasible.count) / 40 - 0.5) <= 1.0 / 40)
        #expect(study.samples.count == 40)
        for s in study.infeasibleSamples {
            let unmet = try #require(s.unmetDemands.first)
            #expect(close(unmet.unmetTonnesPerYear, s.inputs[0] - 160_000, tolerance: 1e-6))
        }
        #expect(study.infeasibleSamples.first.map { RobustReport.render(study).contains("sample \($0.index + 1)") } == true)
    }

    @Test func correlatedGroupMovesEveryTargetWithOneFactor() throws {
        // Both smelters' power move together: +0.1 yuan/kWh on both keeps west cheaper (the gap is unchanged).
        let both = UncertainFactor(
            name: "power", distribution: .uniform(low: 0, high: 0.1), mode: .add,
            targets: [try SweepParameter(parsing: Self.price), try SweepParameter(parsing: "regions[id=east].grid_price_yuan_per_kwh")])
        let study = try study([both], samples: 10, seed: 1)
        for s in study.samples {
            // Cost rises by 100,000 t × 13,500 kWh/t × the shift; the plan never changes.
            #expect(close(s.totalCostYuan, 1_633_392_000 + 1_350_000_000 * s.inputs[0], tolerance: 1e-9))
            #expect(s.regretYuan.map { abs($0) < 1e-3 } == true)
        }
    }

    @Test func distributionsAndGenerator() {
        // The same seed gives the same stream.
        var g = Xoshiro256StarStar(seed: 42)
        let first = g.next()
        var h = Xoshiro256StarStar(seed: 42)
        #expect(h.next() == first)
        #expect(abs(normalQuantile(0.975) - 1.959963984540054) < 1e-12)
        #expect(Distribution.triangular(low: 0, mode: 1, high: 2).quantile(0.5) == 1)
        let t = Distribution.truncatedNormal(mean: 0, sd: 1, low: -1, high: 1)
        #expect(abs(t.quantile(0.5)) < 1e-12)
        #expect(t.quantile(0) >= -1 && t.quantile(0.999999) <= 1)
        let design = LatinHypercube.design(samples: 10, factors: 2, seed: 9)
        for f in 0..<2 { #expect(Set(design.map { Int($0[f] * 10) }) == Set(0..<10)) }
        #expect(percentiles([1, 2, 3, 4, 5])?.p10 == 1.4)
        #expect(spearman([1, 2, 3], [10, 20, 30]) == 1)
    }

    @Test func uncertaintyFileErrorsNameLineAndKey() throws {
        let bad = """
            factors:
              - name: x
                distribution: triangle
                low: 1
                high: 2
                target: plants[id=a].capacity_t_per_y
            """
        #expect(throws: NetworkError.self) { try UncertaintyFile.parse(bad, file: "u.yaml") }
        do { _ = try UncertaintyFile.parse(bad, file: "u.yaml") } catch {
            #expect(error.problems.first?.description.contains("u.yaml") == true)
            #expect(error.problems.first?.description.contains("uniform, triangular or normal") == true)
        }
        let file = try UncertaintyFile.load(from: Fixtures.twoSmelters.appendingPathComponent("uncertainty/west_power.yaml").path)
        #expect(file.factors.count == 1)
    }
}
