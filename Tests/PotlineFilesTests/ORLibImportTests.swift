import Foundation
import Testing
import Potline
import PotlineTestSupport
@testable import PotlineFiles

/// OR-Library cap41 (Beasley 1988): 16 sites × 50 customers, published optimum 1,040,444.375.
@Suite struct ORLibImportTests {
    static let cap41File = Fixtures.repository.appendingPathComponent("Tests/Fixtures/orlib/cap41.txt")

    @Test func parsesTheFormat() throws {
        let text = "2 3\n10 100.\n20 200.\n5\n 50 60\n5 70 80\n10 90 100\n"
        let instance = try CapacitatedWarehouseInstance.parse(text)
        #expect(instance.sites == [.init(capacity: 10, fixedCost: 100), .init(capacity: 20, fixedCost: 200)])
        #expect(instance.customers.map(\.demand) == [5, 5, 10])
        #expect(instance.customers[2].costs == [90, 100])
    }

    /// Two sites (capacity 10, fixed 100; capacity 20, fixed 200) and customers of 5, 5, 10 whose
    /// whole-demand costs are (50, 60), (70, 80), (90, 100). Site 2 alone: 200 + 60 + 80 + 100 =
    /// 440. Site 1 alone cannot hold 20. Both: 300 + best split with site 1 ≤ 10: customers 1 and
    /// 2 to site 1 (50 + 70), customer 3 to site 2 (100): 520. Optimum 440.
    @Test func smallInstanceSolvesToItsHandOptimum() throws {
        let text = "2 3\n10 100.\n20 200.\n5\n 50 60\n5 70 80\n10 90 100\n"
        let network = try CapacitatedWarehouseInstance.parse(text).network(name: "tiny")
        let solution = try network.solve()
        #expect(close(solution.totalCostYuan, 440))
        #expect(solution.plan?.builds.map(\.candidate) == ["warehouse_2"])
    }

    @Test func badInstancesNameTheLine() {
        #expect(throws: ImportError.self) { try CapacitatedWarehouseInstance.parse("2 3\n10 100\n") }
        do {
            _ = try CapacitatedWarehouseInstance.parse("1 1\n10 x\n5 1\n", file: "bad.txt")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "bad.txt, line 2: 'x' is not a non-negative number (fixed cost of site 1)")
        }
        #expect(throws: ImportError.self) { try CapacitatedWarehouseInstance.parse("1 1\n10 5\n5 1 7\n") }
    }

    @Test func cap41WrittenAndReadBackGivesThePublishedOptimum() throws {
        let file = Self.cap41File
        let instance = try CapacitatedWarehouseInstance.parse(String(contentsOf: file, encoding: .utf8), file: file.path)
        #expect(instance.sites.count == 16 && instance.customers.count == 50)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cap41-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try NetworkWriter.write(instance.network(name: "cap41"), to: folder)
        let network = try NetworkLoader.load(from: folder)
        let solution = try network.solve(options: SolveOptions(analysePlan: false))
        #expect(solution.status == .optimal)
        #expect(solution.provenOptimal)
        let optimum = 1_040_444.375
        #expect(abs(solution.totalCostYuan! - optimum) / optimum < 1e-6)
        // Writing into a non-empty folder is refused.
        #expect(throws: (any Error).self) { try NetworkWriter.write(network.network, to: folder) }
    }
}
