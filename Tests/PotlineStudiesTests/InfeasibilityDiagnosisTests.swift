import Testing
import Potline
import PotlineTestSupport

/// Which constraint family the diagnosis blames, on two_smelters (east smelter 100,000 t/y at the
/// market, west smelter 60,000 t/y over the 3,000 km trunk line; each tonne of aluminium made in
/// west needs 1.92 t alumina + 0.5 t anode = 2.42 t brought from the east port).
@Suite struct InfeasibilityDiagnosisTests {
    /// 150,000 t/y wanted; the trunk carries 48,400 t/y each way, so west gets inputs for
    /// 48,400 / 2.42 = 20,000 t: 120,000 t/y reach the market and 30,000 t/y fall short.
    @Test func aFullLinkIsBlamedWithTheDemandItStarves() throws {
        var network = try NetworkLoader.load(from: Fixtures.twoSmelters).network
        network.demands[0].tonnesPerYear = 150_000
        network.links[0].capacityTonnesPerYear = 48_400
        let solution = try network.solve()
        #expect(solution.status == .infeasible)
        #expect(solution.unmetDemands.map(\.region) == ["east"])
        #expect(close(solution.unmetDemands.first?.unmetTonnesPerYear, 30_000))
        #expect(solution.infeasibleConstraints == [PolicyConstraint.linkCapacity.words])
    }

    /// 160,000 t/y already built, neither plant may close, and the ceiling is 150,000 t/y: no
    /// demand is to blame (relaxing them all does not help), the ceiling is.
    @Test func aCeilingBelowTheCapacityThatMustStayIsBlamedAlone() throws {
        var network = try NetworkLoader.load(from: Fixtures.twoSmelters).network
        network.capacityPolicies = [CapacityPolicy(process: "smelting", ceilingTonnesPerYear: 150_000)]
        let solution = try network.solve()
        #expect(solution.status == .infeasible)
        #expect(solution.unmetDemands.isEmpty)
        #expect(solution.infeasibleConstraints == [PolicyConstraint.capacityCeiling.words])
    }

    /// A candidate that must be built where no new site is allowed: relaxing either the site
    /// limit or the forced decision makes it feasible, so both are named, policies first.
    @Test func aForcedBuildAgainstASiteLimitNamesBoth() throws {
        var network = try NetworkLoader.load(from: Fixtures.twoSmelters).network
        network.candidates = [
            Candidate(
                id: "north_new", region: "east", process: "smelting", sizing: .modules(sizeTonnesPerYear: 10_000, maximum: 1),
                siteCapexYuan: 1_000_000, lifetimeYears: 1, discountRate: 0, decision: .mustBuild)
        ]
        network.maximumNewSites = 0
        let solution = try network.solve()
        #expect(solution.status == .infeasible)
        #expect(solution.unmetDemands.isEmpty)
        #expect(
            solution.infeasibleConstraints == [
                PolicyConstraint.maximumNewSites.words, "candidates forced in (candidates.csv decision: must_build)",
            ])
    }
}
