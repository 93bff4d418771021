import Testing
@testable import PotlineNetwork

/// Which (region, commodity) pairs can hold material, on a chain drawn by hand:
///
///     mine (ore, north) ──rail, ore only──▶ south ──road, one way──▶ east       west (no link)
///     north: smelter (ore → metal)          south: candidate smelter
///
/// North has ore (a supply) and metal (its smelter's input is there). South gets ore over the
/// rail link, and metal only if its candidate smelter may be built: the link carries ore alone.
/// East gets whatever south has, over a one-way road; nothing comes back to south from east,
/// and west, linked to nothing, gets nothing.
@Suite struct ReachabilityAnalysisTests {
    static func chain(candidate decision: Decision = .optional, smelterCapacity: Double = 1_000, mineCapacity: Double? = nil) -> Network {
        var network = Network(
            name: "chain", baseYear: 2024,
            regions: [
                Region(id: "north", latitudeDegrees: 40, longitudeDegrees: 110),
                Region(id: "south", latitudeDegrees: 30, longitudeDegrees: 110),
                Region(id: "east", latitudeDegrees: 30, longitudeDegrees: 120),
                Region(id: "west", latitudeDegrees: 30, longitudeDegrees: 100),
            ],
            commodities: [Commodity(id: "ore"), Commodity(id: "metal")],
            processes: [ProductionProcess(id: "smelting", output: "metal", inputs: [.init(commodity: "ore", tonnesPerTonne: 2)])],
            plants: [Plant(id: "smelter", region: "north", process: "smelting", capacityTonnesPerYear: smelterCapacity)],
            supplies: [Supply(id: "mine", region: "north", commodity: "ore", capacityTonnesPerYear: mineCapacity, priceYuanPerTonne: 50)],
            links: [
                Link(id: "rail", from: "north", to: "south", mode: "rail", distanceKm: 100, commodities: ["ore"]),
                Link(id: "road", from: "south", to: "east", mode: "road", distanceKm: 50, bidirectional: false),
            ])
        network.candidates = [
            Candidate(
                id: "new_smelter", region: "south", process: "smelting",
                sizing: .continuous(minimumTonnesPerYear: 100, maximumTonnesPerYear: 1_000), decision: decision)
        ]
        return network
    }

    static func reachable(_ network: Network) -> Set<String> {
        let analysis = ReachabilityAnalysis(NetworkIndex(network))
        var pairs: Set<String> = []
        for region in network.regions {
            for commodity in network.commodities where analysis.canDeliver(commodity.id, to: region.id) {
                pairs.insert("\(commodity.id)@\(region.id)")
            }
        }
        return pairs
    }

    @Test func materialFollowsSuppliesPlantsAndLinksThatCarryIt() {
        #expect(Self.reachable(Self.chain()) == ["ore@north", "metal@north", "ore@south", "metal@south", "ore@east", "metal@east"])
    }

    @Test func aCandidateThatMustNotBeBuiltMakesNothing() {
        // The rail link carries ore only, so south's metal came from the candidate alone.
        #expect(Self.reachable(Self.chain(candidate: .mustNotBuild)) == ["ore@north", "metal@north", "ore@south", "ore@east"])
    }

    @Test func aPlantOfNoCapacityOrASupplyOfNoneMakesNothing() {
        #expect(Self.reachable(Self.chain(candidate: .mustNotBuild, smelterCapacity: 0)) == ["ore@north", "ore@south", "ore@east"])
        #expect(Self.reachable(Self.chain(mineCapacity: 0)).isEmpty)
    }

    @Test func oneWayLinksDoNotCarryBack() {
        var network = Self.chain()
        network.supplies = [Supply(id: "mine", region: "east", commodity: "ore", priceYuanPerTonne: 50)]
        // Ore in east cannot go back along the one-way road; nothing else reaches east's ore.
        #expect(Self.reachable(network) == ["ore@east"])
    }

    @Test func unknownNamesAreNotDeliverable() {
        let analysis = ReachabilityAnalysis(NetworkIndex(Self.chain()))
        #expect(!analysis.canDeliver("ore", to: "atlantis"))
        #expect(!analysis.canDeliver("gold", to: "north"))
    }

    @Test func explanationsNameWhatIsMissing() {
        let network = Self.chain(candidate: .mustNotBuild)
        let analysis = ReachabilityAnalysis(NetworkIndex(network))
        #expect(
            analysis.explainUnreachable("metal", at: "west")
                == "it is available in north but no chain of links that carry metal leads to west")
        var noMine = network
        noMine.supplies = []
        #expect(
            ReachabilityAnalysis(NetworkIndex(noMine)).explainUnreachable("metal", at: "north")
                == "no plant making metal can get all its inputs (ore)")
        #expect(ReachabilityAnalysis(NetworkIndex(noMine)).explainUnreachable("ore", at: "north") == "nothing supplies or makes ore")
    }
}
