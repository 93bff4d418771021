import Foundation
import Testing
import PotlineNetwork
import PotlineTestSupport
@testable import PotlineFiles

/// Writing a bundled network and loading it back gives the same network (source locations
/// aside: the writer groups recipes by process and drops blank lines and notes).
@Suite struct NetworkWriterTests {
    @Test(arguments: ["china", "china_silicon", "examples/two_smelters"])
    func writeThenLoadIsExact(_ name: String) throws {
        let original = try NetworkLoader.load(from: Fixtures.networks.appendingPathComponent(name)).network
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("potline-roundtrip-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try NetworkWriter.write(original, to: folder)
        let reread = try NetworkLoader.load(from: folder).network
        let (a, b) = (withoutLocations(original), withoutLocations(reread))
        #expect(a.retrofits == b.retrofits)
        #expect(a.captivePower == b.captivePower)
        #expect(a.periods == b.periods)
        #expect(a.capacityPolicies == b.capacityPolicies)
        #expect(a.surcharge == b.surcharge)
        #expect(a.ranges == b.ranges)
        #expect(a == b)
    }

    /// China has every optional mechanism the brief of issue 9 found lost: the counts from its files.
    @Test func chinaKeepsItsOptionalTables() throws {
        let china = try NetworkLoader.load(from: Fixtures.networks.appendingPathComponent("china"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("potline-roundtrip-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try NetworkWriter.write(china.network, to: folder)
        let reread = try NetworkLoader.load(from: folder)
        // The audit (issue 11) removed the two Acheson→box retrofits: 5 remain.
        #expect(reread.retrofits.count == 5)
        #expect(reread.captivePower.count == 10)
        #expect(reread.periods.count == 2)
        #expect(reread.surcharge != nil)
    }

    private func withoutLocations(_ network: Network) -> Network {
        var n = network
        func strip<T>(_ items: inout [T], _ path: WritableKeyPath<T, PotlineNetwork.SourceLocation?>) {
            for i in items.indices { items[i][keyPath: path] = nil }
        }
        strip(&n.regions, \.location)
        strip(&n.commodities, \.location)
        strip(&n.processes, \.location)
        for i in n.processes.indices {
            strip(&n.processes[i].inputs, \.location)
            strip(&n.processes[i].byproducts, \.location)
        }
        strip(&n.plants, \.location)
        strip(&n.supplies, \.location)
        strip(&n.demands, \.location)
        strip(&n.links, \.location)
        strip(&n.candidates, \.location)
        strip(&n.retrofits, \.location)
        strip(&n.capacityLimits, \.location)
        strip(&n.alternatives, \.location)
        strip(&n.periods, \.location)
        strip(&n.periodConditions, \.location)
        strip(&n.captivePower, \.location)
        strip(&n.tolling, \.location)
        strip(&n.selfSupplyTargets, \.location)
        strip(&n.ranges, \.location)
        return n
    }
}
