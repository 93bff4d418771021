import Foundation
import Testing
import Potline
import PotlineTestSupport
@testable import PotlineStudies

/// One thread budget: a study's threads are shared among its solves and their plan analyses, so
/// a one-thread study never runs on two threads, and the answer does not depend on the budget.
@Suite struct ParallelSolvesTests {
    @Test func eachJobGetsItsShareOfTheBudget() {
        #expect(ParallelSolves.threadsPerJob(1, jobs: 5) == 1)
        #expect(ParallelSolves.threadsPerJob(8, jobs: 3) == 2)
        #expect(ParallelSolves.threadsPerJob(8, jobs: 1) == 8)
        #expect(ParallelSolves.threadsPerJob(4, jobs: 0) == 4)
    }

    /// A producer adds jobs while three takers wait for them: each job is taken once, with its
    /// place in the order added, and closing releases every taker.
    @Test func aJobQueueHandsEachJobOnceInItsPlace() {
        let queue = JobQueue<Int>()
        let taken = ParallelSolves.map(Array(0..<4), threads: 4) { worker -> [(Int, Int)] in
            if worker == 0 {
                for job in 0..<100 { queue.add(job * 7) }
                queue.close()
            }
            var mine: [(Int, Int)] = []
            while let next = queue.next() { mine.append(next) }
            return mine
        }.flatMap { $0 }.sorted { $0.0 < $1.0 }
        #expect(taken.map(\.0) == Array(0..<100))
        #expect(taken.allSatisfy { $0.1 == $0.0 * 7 })
        #expect(queue.count == 100 && queue.next() == nil)
    }

    @Test func nestedMapsOnOneThreadStayOnOne() {
        let gauge = ConcurrencyGauge()
        let sums = ParallelSolves.$gauge.withValue(gauge) {
            ParallelSolves.map([1, 2, 3], threads: 1) { n in
                ParallelSolves.map(Array(1...n), threads: ParallelSolves.threadsPerJob(1, jobs: 3)) { $0 * 10 }.reduce(0, +)
            }
        }
        #expect(sums == [10, 30, 60])
        #expect(gauge.peakThreads == 1)
    }

    /// The siting network of SitingAnalysisTests without its site limit, and a case with the hydro
    /// site 1 M yuan dearer. Base: 4,100,000 yuan/y; market_new forced in idles beside hydro_new,
    /// 0.5 M more. Dear hydro: 5,100,000; market_new forced in is cheaper alone, 5,500,000, 0.4 M
    /// more. Each case's plan analysis solves the no-build baseline and market_new forced in.
    static func siting() throws -> (NetworkFiles, [[Scenario]], URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("potline-\(UUID().uuidString)")
        var network = SitingAnalysisTests.network()
        network.maximumNewSites = nil
        try NetworkWriter.write(network, to: folder)
        let file = folder.appendingPathComponent("dear_hydro.yaml")
        try """
            name: dear_hydro
            changes:
              - table: candidates
                where: {id: hydro_new}
                set: {site_capex_yuan: 2000000}
            """.write(to: file, atomically: true, encoding: .utf8)
        return (try NetworkFiles.read(from: folder), [[try Scenario.load(from: file)]], folder)
    }

    @Test func aOneThreadComparisonRunsOnOneThreadWithTheSameResults() throws {
        let (base, cases, folder) = try Self.siting()
        defer { try? FileManager.default.removeItem(at: folder) }
        let gauge = ConcurrencyGauge()
        let serial = try ParallelSolves.$gauge.withValue(gauge) {
            try Comparison.run(base: base, cases: cases, options: ComparisonOptions(threads: 1))
        }
        #expect(gauge.peakThreads == 1)
        #expect(serial.threads == 1)
        let parallel = try Comparison.run(base: base, cases: cases, options: ComparisonOptions(threads: 4))
        for comparison in [serial, parallel] {
            #expect(comparison.cases.map(\.name) == ["base", "no build", "dear_hydro"])
            #expect(comparison.cases.map(\.totalCostYuan) == [4_100_000, 6_000_000, 5_100_000])
            let plans = [comparison.base, comparison.scenarios[0]].map { $0.solution?.plan }
            #expect(plans.map { $0?.baselineTotalCostYuan } == [6_000_000, 6_000_000])
            #expect(plans.map { $0?.rejected.map(\.breakEvenReductionYuanPerYear) } == [[500_000], [400_000]])
        }
    }
}
