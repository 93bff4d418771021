import Testing
@testable import PotlineNetwork

/// A network is validated once; the validated value carries the reachability the checks computed,
/// and its no-build baseline recomputes it (a barred candidate makes nothing).
@Suite struct ValidatedNetworkTests {
    /// The hand-drawn chain of ``ReachabilityAnalysisTests``, with 300 t/y of metal wanted in east.
    static func chain() -> Network {
        var network = ReachabilityAnalysisTests.chain()
        network.demands = [Demand(region: "east", commodity: "metal", tonnesPerYear: 300)]
        return network
    }

    @Test func aSoundNetworkValidatesAndReadsThrough() throws {
        let validated = try Self.chain().validated()
        #expect(validated.plants.map(\.id) == ["smelter"])
        #expect(validated.network == Self.chain())
        #expect(validated.reachability.canDeliver("metal", to: "south"))
    }

    @Test func everyProblemIsThrownWithItsColumn() {
        var network = Self.chain()
        network.links[1].to = "eest"
        network.plants[0].capacityTonnesPerYear = -1
        #expect {
            try network.validated()
        } throws: { error in
            let problems = (error as? NetworkError)?.problems ?? []
            return problems.contains { $0.column == "to" && $0.message.contains("did you mean 'east'") }
                && problems.contains { $0.column == "capacity_t_per_y" }
        }
    }

    @Test func anUnreachableDemandIsAProblem() {
        var network = Self.chain()
        network.demands = [Demand(region: "west", commodity: "metal", tonnesPerYear: 300)]
        #expect(throws: NetworkError.self) { try network.validated() }
    }

    @Test func theBaselineRecomputesReachability() throws {
        // South's metal came from the candidate alone (the rail link carries ore only).
        let validated = try Self.chain().validated()
        let baseline = validated.withoutSiting()
        #expect(baseline.candidates[0].decision == .mustNotBuild)
        #expect(!baseline.reachability.canDeliver("metal", to: "south"))
        #expect(baseline.reachability.canDeliver("metal", to: "north"))
    }

    @Test func forcingACandidateKeepsTheChecks() throws {
        let forced = try Self.chain().validated().forcing(candidate: "new_smelter")
        #expect(forced.candidates[0].decision == .mustBuild)
        #expect(forced.network.problems().isEmpty)
    }
}
