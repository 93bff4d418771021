import Foundation
import Testing
import Potline
import PotlineFormulation
import PotlineResults
import PotlineSolve
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

/// An in-place sweep reads its bisection solves by place (``PlanInUse``), without names; named,
/// such a plan is the summary's plan, and placed plans compare as named ones do.
@Suite struct PlanInUseTests {
    static func placedAndNamed(_ network: Network) throws -> (placed: PointPlan, named: PlanUsage, map: PlanMap) {
        let formulation = try Formulation(network.validated())
        let result = try #require(try formulation.solve(options: SolveOptions()).optimalLP).result
        let map = PlanMap(formulation)
        let places = PlanInUse(formulation: formulation, result: result, above: productionTolerance)
        return (.placed(result.status, places, in: map), PlanUsage(SolutionSummary(formulation: formulation, result: result)), map)
    }

    static func expectSamePlan(_ placed: PointPlan, _ named: PlanUsage) {
        #expect(PlanSignature(placed.usage) == PlanSignature(named))
        #expect(placed.isSamePlan(as: .named(named)) && PointPlan.named(named).isSamePlan(as: placed))
    }

    @Test func twoSmeltersInOneAndTwoPeriods() throws {
        var network = try NetworkLoader.load(from: Fixtures.twoSmelters).network
        var (placed, named, _) = try Self.placedAndNamed(network)
        // Both smelters run; alumina and anodes go west, 60,000 t of aluminium east (the README's derivation).
        #expect(named.plants == ["west_smelter", "east_smelter"] && named.routes.count == 3)
        Self.expectSamePlan(placed, named)
        network.periods = [Period(id: "wet", shareOfYear: 0.5), Period(id: "dry", shareOfYear: 0.5)]
        (placed, named, _) = try Self.placedAndNamed(network)
        Self.expectSamePlan(placed, named)
    }

    /// A generated 30-region chain: hundreds of routes, some carrying less than the threshold.
    @Test func syntheticThirtyRegions() throws {
        let folder = try Fixtures.syntheticNetwork(regions: 30)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (placed, named, map) = try Self.placedAndNamed(try NetworkLoader.load(from: folder).network)
        #expect(named.routes.count > 30)
        Self.expectSamePlan(placed, named)
        // Placed in the same map, the same places with another status are another plan.
        guard case .placed(let status, let places, _) = placed else { return }
        #expect(placed.isSamePlan(as: .placed(status, places, in: map)))
        #expect(!placed.isSamePlan(as: .placed(.infeasible, places, in: map)))
        // Another map of the same formulation is compared by name, and still agrees.
        #expect(placed.isSamePlan(as: .placed(status, places, in: PlanMap(map.formulation))))
    }
}
