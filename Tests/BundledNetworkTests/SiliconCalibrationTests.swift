import Foundation
import Testing
import Potline
import PotlineTestSupport
@testable import PotlineStudies

/// Calibration of the bundled industrial-silicon network against seed 001 (Networks/china_silicon/
/// SOURCES.md, "Calibration"). The network is data only: these tests name its ids as the aluminium
/// calibration names `smelting` and `xinjiang`; the engine knows none of them.
@Suite struct SiliconCalibrationTests {
    static let folder = Fixtures.networks.appendingPathComponent("china_silicon")

    /// Loaded and solved once per test run (a small MIP: ~0.1 s).
    private static let solved = Result { () throws -> (Network, Solution) in
        let network = try NetworkLoader.load(from: folder)
        return (network.network, try network.solve(options: SolveOptions(analysePlan: false)))
    }

    let network: Network
    let solution: Solution

    init() throws {
        (network, solution) = try Self.solved.get()
    }

    /// The seed's cost lines, by the commodities each covers.
    static let reductants: Set = ["washed_coal", "petroleum_coke", "charcoal", "wood_chips"]
    static let electrodes: Set = ["graphite_electrode", "carbon_electrode"]
    static let silica: Set = ["silica"]

    /// The seed's shares are whole percentages: a share counts as matching within this many points.
    static let sharePoints = 0.02

    /// Variable cost of a tonne from `plant` at `powerPrice`, split as the seed splits it: power, each
    /// input line at the price the solve paid for it in the plant's region, and other cost.
    struct VariableCost {
        var power = 0.0
        var byCommodity: [String: Double] = [:]
        var other = 0.0
        var total: Double { power + byCommodity.values.reduce(0, +) + other }
        func share(_ commodities: Set<String>) -> Double {
            commodities.reduce(0.0) { $0 + (byCommodity[$1] ?? 0) } / total
        }
        var powerShare: Double { power / total }
    }

    func variableCost(_ plant: Solution.PlantResult, powerPrice: Double) throws -> VariableCost {
        let process = try #require(network.processes.first { $0.id == plant.process })
        var cost = VariableCost(power: plant.electricityKWhPerTonne * powerPrice, other: process.otherCostYuanPerTonne)
        for input in process.inputs {
            let supply = try #require(
                solution.supplies.first { $0.region == plant.region && $0.commodity == input.commodity },
                "no \(input.commodity) bought in \(plant.region)")
            cost.byCommodity[input.commodity] = input.tonnesPerTonne * supply.priceYuanPerTonne
        }
        return cost
    }

    func plant(_ id: String, in solution: Solution? = nil) throws -> Solution.PlantResult {
        try #require((solution ?? self.solution).plants.first { $0.id == id })
    }

    func periodPrice(_ region: String, _ period: String) throws -> Double {
        try #require(network.periodConditions.first { $0.region == region && $0.period == period }?.gridPriceYuanPerKWh)
    }

    @Test func solvesToOptimalityAndMeetsTheSeedsOutput() {
        #expect(solution.status == .optimal)
        let output = solution.plants.reduce(0.0) { $0 + $1.productionTonnesPerYear }
        // Demand is sized to the seed's 2021 output of 3.2 Mt (SMM); stocks carried between seasons net out.
        #expect(abs(output - 3_200_000) < 1, "output \(output) t/y")
        #expect(solution.unmetDemands.isEmpty)
    }

    /// The solve values the Yunnan 421# tonne exactly as the hand split does: its inputs at the
    /// prices paid, its other cost and its kWh at the average price it paid over the year.
    @Test func modelUnitCostIsTheHandSplit() throws {
        let yunnan = try plant("yunnan_421")
        let hand = try variableCost(yunnan, powerPrice: yunnan.electricityPriceYuanPerKWh)
        let model = try #require(yunnan.unitCostYuanPerTonne)
        #expect(abs(model - hand.total) < 1e-6 * model, "model \(model), hand \(hand.total) yuan/t")
        // It runs in both seasons, so both seasonal shares below describe a tonne it makes.
        #expect((yunnan.productionByPeriodT?["dry"] ?? 0) > 0 && (yunnan.productionByPeriodT?["wet"] ?? 0) > 0)
    }

    /// Yunnan 421# in the dry season (seed chart 1.2): power ≈ 41%, reductants ≈ 31%, electrodes ≈ 15%,
    /// silica ≈ 9%; in the wet season power falls below 35%.
    @Test func yunnan421DrySeasonShares() throws {
        let yunnan = try plant("yunnan_421")
        let dry = try variableCost(yunnan, powerPrice: try periodPrice("yunnan", "dry"))
        for (name, model, target) in [
            ("power", dry.powerShare, 0.41), ("reductants", dry.share(Self.reductants), 0.31),
            ("electrodes", dry.share(Self.electrodes), 0.15), ("silica", dry.share(Self.silica), 0.09),
        ] {
            #expect(abs(model - target) <= Self.sharePoints, "\(name): \(model * 100) % (seed \(target * 100) %)")
        }
        let wet = try variableCost(yunnan, powerPrice: try periodPrice("yunnan", "wet"))
        #expect(wet.powerShare < 0.35, "wet-season power \(wet.powerShare * 100) %")
    }

    /// Xinjiang 553# on bought-in power (seed ch. 1.2: power 29%, reductants ~54%, silica ~11%;
    /// chart 1.3: 31%, 51%, 12%): power 28–32%, reductants 50–56%.
    @Test func xinjiang553Shares() throws {
        let xinjiang = try plant("shihezi_other_553")
        #expect(xinjiang.captiveShare == nil)
        let cost = try variableCost(xinjiang, powerPrice: xinjiang.electricityPriceYuanPerKWh)
        #expect(cost.powerShare >= 0.29 - Self.sharePoints / 2 && cost.powerShare <= 0.31 + Self.sharePoints / 2,
                "power \(cost.powerShare * 100) %")
        let reductants = cost.share(Self.reductants)
        #expect(reductants >= 0.51 - 0.01 && reductants <= 0.54 + Self.sharePoints, "reductants \(reductants * 100) %")
        #expect(abs(cost.share(Self.silica) - 0.11) <= Self.sharePoints, "silica \(cost.share(Self.silica) * 100) %")
    }

    /// "Power is usually 30–40% of the cost of industrial silicon" (seed ch. 1.2), output-weighted over
    /// every running plant, captive and seasonal power included.
    @Test func powerShareOverall() {
        let running = solution.plants.filter { $0.productionTonnesPerYear > 0 }
        let cost = running.reduce(0.0) { $0 + ($1.unitCostYuanPerTonne ?? 0) * $1.productionTonnesPerYear }
        let power = running.reduce(0.0) { $0 + ($1.unitCostBreakdownYuanPerTonne?.electricity ?? 0) * $1.productionTonnesPerYear }
        #expect(running.count >= 8)
        #expect(power / cost >= 0.30 && power / cost <= 0.40, "power is \(power / cost * 100) % of the cost")
    }

    /// 0.1 yuan/kWh more everywhere costs each grid-powered plant kWh/t × 0.1: 1,250–1,280 yuan/t at
    /// 12,500–12,800 kWh/t, the seed's ≈1,300 at 13,000 (ch. 2.1) within 5%.
    @Test func tenFenPerKWhIsAbout1300YuanPerTonne() throws {
        var dearer = network
        for r in dearer.regions.indices { dearer.regions[r].gridPriceYuanPerKWh? += 0.1 }
        for c in dearer.periodConditions.indices { dearer.periodConditions[c].gridPriceYuanPerKWh? += 0.1 }
        let after = try dearer.solve(options: SolveOptions(analysePlan: false))
        try #require(after.status == .optimal)
        var compared = 0
        for before in solution.plants where before.captiveShare == nil && before.productionTonnesPerYear > 0 {
            let now = try plant(before.id, in: after)
            // Same seasonal mix, so the average price paid moved by exactly 0.1.
            guard now.productionByPeriodT == before.productionByPeriodT,
                let old = before.unitCostYuanPerTonne, let new = now.unitCostYuanPerTonne
            else { continue }
            let gap = new - old
            #expect(abs(gap - before.electricityKWhPerTonne * 0.1) < 1e-6 * new, "\(before.id): \(gap) yuan/t")
            #expect(abs(gap - 1_300) <= 0.05 * 1_300, "\(before.id): \(gap) yuan/t")
            compared += 1
        }
        #expect(compared >= 5)
    }

    /// Hoshine's captive advantage (seed chart 2.10, China Chengxin International): with each year's
    /// self-supply ratio, bought-in and captive price, the model's Hoshine tonne saves share ×
    /// (bought − captive) × 12,000 kWh against all-bought power (blended) and (bought − captive) × 12,000
    /// per captive tonne. The seed prints prices to 0.01 yuan/kWh, so two rounded prices at 12,000 kWh
    /// allow ±120 yuan/t against its per-tonne figures.
    static let seedRoundingYuanPerTonne = 2 * 0.005 * 12_000

    struct HoshineYear: Sendable {
        let year: String
        let share, boughtPrice, captivePrice, blendedAdvantage, captiveAdvantage: Double
    }

    static let hoshineYears = [
        HoshineYear(year: "2019", share: 0.8839, boughtPrice: 0.26, captivePrice: 0.18, blendedAdvantage: 840, captiveAdvantage: 950),
        HoshineYear(year: "2020", share: 0.9164, boughtPrice: 0.27, captivePrice: 0.17, blendedAdvantage: 1_080, captiveAdvantage: 1_179),
        HoshineYear(year: "2021", share: 0.8324, boughtPrice: 0.28, captivePrice: 0.21, blendedAdvantage: 720, captiveAdvantage: 865),
        HoshineYear(year: "2022Q1", share: 0.6126, boughtPrice: 0.31, captivePrice: 0.29, blendedAdvantage: 120, captiveAdvantage: 196),
    ]

    @Test(arguments: hoshineYears)
    func hoshineCaptiveAdvantage(_ year: HoshineYear) throws {
        var network = network
        let hoshine = Set(network.plants.filter { $0.owner == "Hoshine Silicon" }.map(\.id))
        #expect(hoshine.count == 3)
        for p in network.plants.indices where hoshine.contains(network.plants[p].id) {
            network.plants[p].electricityPriceYuanPerKWh = year.boughtPrice
        }
        for c in network.captivePower.indices where hoshine.contains(network.captivePower[c].plant) {
            network.captivePower[c].generationCostYuanPerKWh = year.captivePrice
            network.captivePower[c].minimumShare = year.share
            network.captivePower[c].maximumShare = year.share
        }
        let solution = try network.solve(options: SolveOptions(analysePlan: false))
        try #require(solution.status == .optimal)
        for id in hoshine.sorted() {
            let plant = try plant(id, in: solution)
            try #require(plant.productionTonnesPerYear > 0, "\(id) idle in \(year.year)")
            #expect(plant.electricityKWhPerTonne == 12_000)
            #expect(abs((plant.captiveShare ?? 0) - year.share) < 1e-9, "\(id) \(year.year): share \(plant.captiveShare ?? 0)")
            let power = try #require(plant.unitCostBreakdownYuanPerTonne?.electricity)
            let blended = year.boughtPrice * plant.electricityKWhPerTonne - power
            // Exact: the model's accounting of a fixed self-supply ratio.
            let exact = year.share * (year.boughtPrice - year.captivePrice) * plant.electricityKWhPerTonne
            #expect(abs(blended - exact) < 1e-6 * power, "\(id) \(year.year): \(blended) vs \(exact)")
            #expect(abs(blended - year.blendedAdvantage) <= Self.seedRoundingYuanPerTonne,
                    "\(id) \(year.year): blended advantage \(blended), seed \(year.blendedAdvantage) yuan/t")
            #expect(abs(blended / year.share - year.captiveAdvantage) <= Self.seedRoundingYuanPerTonne,
                    "\(id) \(year.year): captive advantage \(blended / year.share), seed \(year.captiveAdvantage) yuan/t")
        }
    }
}
