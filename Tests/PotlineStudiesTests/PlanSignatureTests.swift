import Testing
import Potline
import PotlineResults
import PotlineTestSupport
@testable import PotlineStudies

/// A sweep compares plans through ``PlanUsage/isSamePlan(as:)`` and names them through
/// ``PlanSignature``: both must say the same of any two optima.
@Suite struct PlanSignatureTests {
    /// China's optimum: 30 plants and a few hundred routes in use, enough for any order to matter.
    static let usage: PlanUsage = {
        let solution = try! NetworkLoader.load(from: Fixtures.networks.appendingPathComponent("china")).network
            .solve(options: SolveOptions(analysePlan: false))
        return PlanUsage(SolutionSummary(solution))
    }()

    static func agree(_ a: PlanUsage, _ b: PlanUsage) -> Bool {
        a.isSamePlan(as: b) == (PlanSignature(a) == PlanSignature(b))
    }

    @Test func anotherOrderIsTheSamePlan() throws {
        let usage = Self.usage
        try #require(usage.routes.count > 100 && usage.plants.count > 10)
        var shuffled = usage
        shuffled.routes.reverse()
        shuffled.plants.reverse()
        shuffled.supplies.reverse()
        #expect(shuffled != usage)
        #expect(shuffled.isSamePlan(as: usage) && usage.isSamePlan(as: shuffled))
        #expect(Self.agree(usage, shuffled))
    }

    @Test func aRouteOrPlantChangedIsAnotherPlan() throws {
        let usage = Self.usage
        var rerouted = usage
        rerouted.routes[0].to = rerouted.routes[0].from
        var dropped = usage
        dropped.plants.removeLast()
        var swapped = usage
        // Same counts, one plant in place of another: only the sets tell them apart.
        swapped.plants[0] = "not_a_plant"
        var closedFirst = usage
        closedFirst.sites = ["close \(usage.plants[0])"] + usage.sites
        var infeasible = usage
        infeasible.status = .infeasible
        for other in [rerouted, dropped, swapped, closedFirst, infeasible] {
            #expect(!other.isSamePlan(as: usage) && !usage.isSamePlan(as: other))
            #expect(Self.agree(usage, other))
        }
    }
}
