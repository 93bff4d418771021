import Testing
import Potline
import PotlineTestSupport
@testable import PotlineFormulation

/// Power and self-supply mechanisms, each with a hand-derived answer. Networks start from
/// two_smelters (see its README): east smelter on grid power at 0.50 yuan/kWh, west smelter on
/// captive power at 0.30, both 13,500 kWh/t; 100,000 t/y of aluminium wanted in east.
@Suite struct PowerTests {
    func twoSmelters() throws -> Network { try NetworkLoader.load(from: Fixtures.twoSmelters).network }

    @Test func surchargeSteps() {
        let surcharge = TieredSurcharge(thresholdKWhPerTonne: TieredSurcharge.threshold(forYear: 2024))
        #expect(surcharge.thresholdKWhPerTonne == 13_450)
        #expect(TieredSurcharge.threshold(forYear: 2022) == 13_650)
        #expect(TieredSurcharge.threshold(forYear: 2025) == 13_300)
        // 13,520 − 13,450 = 70 kWh/t = 3.5 steps of 20, a part-step counting as a step: 4 steps.
        #expect(surcharge.steps(kWhPerTonne: 13_520) == 4)
        #expect(abs(surcharge.yuanPerKWh(kWhPerTonne: 13_520, renewableShare: 0) - 0.04) < 1e-12)
        #expect(surcharge.steps(kWhPerTonne: 13_450) == 0)
        #expect(surcharge.steps(kWhPerTonne: 13_470) == 1)
        #expect(surcharge.steps(kWhPerTonne: 13_470.5) == 2)
        // 25% non-hydro renewables: 10 points above 15% cut the surcharge by 10%.
        #expect(abs(surcharge.yuanPerKWh(kWhPerTonne: 13_520, renewableShare: 0.25) - 0.036) < 1e-12)
        // All-renewable: 85 points above 15% cut 85%, leaving 0.006.
        #expect(abs(surcharge.yuanPerKWh(kWhPerTonne: 13_520, renewableShare: 1) - 0.006) < 1e-12)
    }

    /// East at 13,520 kWh/t pays 0.04 yuan/kWh on every kWh: 540.8 yuan/t, all of it marginal.
    @Test func surchargeInTheSolve() throws {
        var network = try twoSmelters()
        network.plants[1].electricityKWhPerTonne = 13_520
        network.surcharge = TieredSurcharge(thresholdKWhPerTonne: 13_450)
        let solution = try network.solve()
        let east = solution.plants.first { $0.id == "east_smelter" }!
        #expect(close(east.surchargeYuanPerKWh, 0.04))
        let surchargeCost: Double = 40_000 * 13_520 * 0.04
        #expect(close(east.costYuan.surcharge, surchargeCost))
        // east marginal: 8,260 + 13,520 × 0.54 + 2,000
        let eastMarginal: Double = 8_260 + 13_520 * 0.54 + 2_000
        #expect(close(solution.deliveredCosts[0].marginalCostYuanPerTonne, eastMarginal))
        // West (13,500 kWh/t) pays too: 50 kWh/t over is 3 steps, 0.03 yuan/kWh on 60,000 t.
        let westSurcharge: Double = 60_000 * 13_500 * 0.03
        #expect(close(solution.costBreakdownYuan?.surcharge, surchargeCost + westSurcharge))
        // A retrofit below the threshold drops the surcharge with the technology.
        network.retrofits = [
            Retrofit(
                id: "cells", plant: "east_smelter", electricityKWhPerTonne: 13_400,
                capital: CapitalCost(capexYuan: 1, lifetimeYears: 1, discountRate: 0), decision: .mustBuild)
        ]
        let retrofitted = try network.solve()
        #expect(retrofitted.plants.first { $0.id == "east_smelter" }?.surchargeYuanPerKWh == 0)
    }

    /// West gets a captive unit at 0.35 + 0.05 fees = 0.40 yuan/kWh against the west grid at
    /// 0.30, and must take at least 60% of its power from it. West still beats east
    /// (15,883.2 + 0.6 × 0.10 × 13,500 = 16,693.2 < 17,010), so it runs at 60,000 t/y and the
    /// bound costs 0.10 yuan/kWh × 1% × 810 M kWh = 810,000 yuan/y per percentage point.
    @Test func bindingCaptiveShareAndItsShadowPrice() throws {
        var network = try twoSmelters()
        network.plants[0].electricityPriceYuanPerKWh = nil
        network.regions[1].gridPriceYuanPerKWh = 0.30
        network.captivePower = [
            CaptivePower(
                id: "west_coal", plant: "west_smelter", capacityKWhPerYear: 2e9, generationCostYuanPerKWh: 0.35,
                feesYuanPerKWh: 0.05, minimumShare: 0.6)
        ]
        let solution = try network.solve()
        let captive = solution.captivePower[0]
        #expect(close(captive.share, 0.6))
        #expect(close(captive.generatedKWh, 0.6 * 810_000_000))
        #expect(close(captive.minimumShareValueYuanPerPoint, 810_000))
        let west = solution.plants.first { $0.id == "west_smelter" }!
        #expect(close(west.captiveShare, 0.6))
        let kWh: Double = 810_000_000
        #expect(close(west.costYuan.captiveGeneration, 0.6 * kWh * 0.35))
        #expect(close(west.costYuan.captiveFees, 0.6 * kWh * 0.05))
        #expect(close(west.costYuan.gridElectricity, 0.4 * kWh * 0.30))
        let expected: Double = 60_000 * 16_693.2 + 40_000 * 17_010
        #expect(close(solution.totalCostYuan, expected))
    }

    /// A candidate with its own captive unit (a new site with its own power plant). West's new
    /// 100 kt/y site on the west grid (0.45 yuan/kWh) would deliver at 15,883.2 + 0.15 × 13,500 =
    /// 17,908.2 > 17,010 and stays unbuilt; with a unit at 0.25 + 0.05 fees = 0.30 it delivers at
    /// 15,883.2 and is built for its 50 M yuan/y: 1,588.32 M + 50 M. Its captive unit generates all
    /// 100,000 × 13,500 kWh; unbuilt, the same unit generates nothing.
    @Test func candidateWithItsOwnCaptiveUnit() throws {
        var network = try SitingTests.network(candidateCapex: 50_000_000)
        network.candidates[0].electricityPriceYuanPerKWh = nil
        #expect(try network.solve().plan?.builds.isEmpty == true)
        network.captivePower = [
            CaptivePower(
                id: "west_new_coal", plant: "west_new", capacityKWhPerYear: 2e9, generationCostYuanPerKWh: 0.25,
                feesYuanPerKWh: 0.05)
        ]
        #expect(network.problems().isEmpty)
        let solution = try network.solve()
        #expect(solution.plan?.builds.map(\.candidate) == ["west_new"])
        #expect(close(solution.totalCostYuan, 1_588_320_000 + 50_000_000))
        #expect(close(solution.captivePower.first?.generatedKWh, 1_350_000_000))
        #expect(close(solution.captivePower.first?.share, 1))
        network.candidates[0].siteCapexYuan = 200_000_000  // now the site does not pay
        let unbuilt = try network.solve()
        #expect(unbuilt.plan?.builds.isEmpty == true)
        #expect(close(unbuilt.captivePower.first?.generatedKWh, 0))
    }

    /// Graphitization in-house: 7,500 kWh/t at 0.40 yuan + 1,000 other = 4,000 yuan/t, against a
    /// toller's fee. Fee 3,900: buy. Fee 4,100: make. At fee 3,900 with ≥ 70% in-house, one more
    /// point moves 1% × 10,000 t = 100 t in-house at 100 yuan/t more: 10,000 yuan/y per point.
    static func graphitization(fee: Double, minimumShare: Double? = nil) -> Network {
        var network = Network(
            name: "graphite", baseYear: 2024,
            regions: [Region(id: "north", latitudeDegrees: 40, longitudeDegrees: 111, gridPriceYuanPerKWh: 0.40)],
            commodities: [Commodity(id: "green_anode"), Commodity(id: "anode_material")],
            processes: [
                ProductionProcess(
                    id: "graphitization", output: "anode_material", electricityKWhPerTonne: 7_500, otherCostYuanPerTonne: 1_000,
                    inputs: [.init(commodity: "green_anode", tonnesPerTonne: 1)])
            ],
            plants: [Plant(id: "own_furnaces", region: "north", process: "graphitization", capacityTonnesPerYear: 20_000, owner: "maker")],
            supplies: [Supply(id: "precursor", region: "north", commodity: "green_anode", priceYuanPerTonne: 5_000)],
            demands: [Demand(region: "north", commodity: "anode_material", tonnesPerYear: 10_000)])
        network.tolling = [
            TollingService(id: "toller", region: "north", process: "graphitization", owner: "maker", feeYuanPerTonne: fee)
        ]
        if let minimumShare {
            network.selfSupplyTargets = [SelfSupplyTarget(owner: "maker", processes: ["graphitization"], minimumShare: minimumShare)]
        }
        return network
    }

    @Test func makeOrBuyFlipsAtTheFee() throws {
        let cheapToller = try Self.graphitization(fee: 3_900).solve()
        #expect(cheapToller.selfSupply.isEmpty)
        #expect(close(cheapToller.plants.first { $0.id == "toller" }?.productionTonnesPerYear, 10_000))
        #expect(close(cheapToller.totalCostYuan, 89_000_000))
        #expect(close(cheapToller.costBreakdownYuan?.tollingFees, 39_000_000))
        let dearToller = try Self.graphitization(fee: 4_100).solve()
        #expect(close(dearToller.plants.first { $0.id == "own_furnaces" }?.productionTonnesPerYear, 10_000))
        #expect(close(dearToller.totalCostYuan, 90_000_000))
    }

    /// A toller's fee hides its power; its CO2 still counts: 7,500 kWh × 0.6 kg = 4.5 t/t.
    @Test func tollingCarriesItsPowersCO2() throws {
        var network = Self.graphitization(fee: 3_900)
        network.regions[0].gridEmissionKgPerKWh = 0.6
        let solution = try network.solve()
        #expect(close(solution.co2T, 10_000 * 4.5))
        #expect(close(solution.deliveredCosts[0].embeddedCo2TonnesPerTonne, 4.5))
    }

    @Test func selfSupplyTargetAndItsValue() throws {
        let solution = try Self.graphitization(fee: 3_900, minimumShare: 0.7).solve()
        let target = solution.selfSupply[0]
        #expect(close(target.share, 0.7))
        #expect(close(target.inHouseTonnesPerYear, 7_000))
        #expect(close(target.tolledTonnesPerYear, 3_000))
        #expect(close(target.tollingFeesYuan, 3_000 * 3_900))
        #expect(close(target.minimumShareValueYuanPerPoint, 10_000))
        let expected: Double = 10_000 * 5_000 + 7_000 * 4_000 + 3_000 * 3_900
        #expect(close(solution.totalCostYuan, expected))
    }

    /// Wet and dry halves; west's hydro is cut to 50% in the dry season. West runs 30,000 t in
    /// the wet half (its 60,000 t/y × 0.5) and 15,000 t in the dry half; east makes the rest.
    /// A rival furnace at 3,500 yuan/t would take all the work, meeting the maker's share bound
    /// by leaving it nothing. With 6,000 t/y of its own to process and ≥ 70% in-house: 4,200 t
    /// in-house at 4,000, 1,800 t tolled at 3,900, the rival 4,000 t at 3,500. One more point
    /// moves 60 t in-house at 100 yuan/t more: 6,000 yuan/y.
    @Test func selfSupplyWithTheOwnersOwnVolume() throws {
        var network = Self.graphitization(fee: 3_900)
        network.plants.append(
            Plant(
                id: "rival_furnaces", region: "north", process: "graphitization", capacityTonnesPerYear: 20_000, owner: "rival",
                otherCostYuanPerTonne: 500))
        network.selfSupplyTargets = [
            SelfSupplyTarget(owner: "maker", processes: ["graphitization"], minimumShare: 0.7, volumeTonnesPerYear: 6_000)
        ]
        let solution = try network.solve()
        let target = solution.selfSupply[0]
        #expect(close(target.inHouseTonnesPerYear, 4_200))
        #expect(close(target.tolledTonnesPerYear, 1_800))
        #expect(close(target.minimumShareValueYuanPerPoint, 6_000))
        #expect(close(solution.totalCostYuan, 87_820_000))
        network.selfSupplyTargets[0].volumeTonnesPerYear = nil
        #expect(try network.solve().selfSupply[0].share == nil)
    }

    @Test func drySeasonCurtailmentMovesProduction() throws {
        var network = try twoSmelters()
        network.periods = [Period(id: "wet", shareOfYear: 0.5), Period(id: "dry", shareOfYear: 0.5)]
        network.periodConditions = [PeriodCondition(region: "west", period: "dry", availability: 0.5)]
        let solution = try network.solve()
        let west = solution.plants.first { $0.id == "west_smelter" }!
        #expect(close(west.productionByPeriodT?["wet"], 30_000))
        #expect(close(west.productionByPeriodT?["dry"], 15_000))
        #expect(close(solution.plants.first { $0.id == "east_smelter" }?.productionByPeriodT?["dry"], 35_000))
        let expected: Double = 45_000 * 15_883.2 + 55_000 * 17_010
        #expect(close(solution.totalCostYuan, expected))
        #expect(close(solution.deliveredCosts[0].marginalCostByPeriodYuanPerTonne?["dry"], 17_010))

        // Dear dry-season grid power in east (0.60) with cheap storage: the wet season makes
        // ahead. East's wet tonne costs 17,010 + holding 100 × 0.5 = 17,060 < dry 18,360.
        var storable = network
        storable.periodConditions.append(PeriodCondition(region: "east", period: "dry", gridPriceYuanPerKWh: 0.60))
        storable.commodities[2].holdingCostYuanPerTonnePerYear = 100
        storable.plants[1].capacityTonnesPerYear = 200_000
        let stocked = try storable.solve()
        let east = stocked.plants.first { $0.id == "east_smelter" }!
        #expect(close(east.productionByPeriodT?["wet"], 20_000 + 35_000))
        #expect(close(east.productionByPeriodT?["dry"], 0))
    }

    /// Carbon: west burns coal at 1.0 kg/kWh (13.5 t CO2/t), east's grid 0.5 kg/kWh (6.75 t/t).
    /// West's 1,126.8 yuan/t advantage is gone above 1,126.8 / 6.75 = 166.93 yuan/t CO2.
    @Test func carbonPriceFlipsTheSmelters() throws {
        var network = try twoSmelters()
        network.regions[0].gridEmissionKgPerKWh = 0.5
        network.regions[1].gridEmissionKgPerKWh = 1.0
        network.carbon = CarbonPolicy(priceYuanPerTonne: 160)
        let below = try network.solve()
        #expect(close(below.plants.first { $0.id == "west_smelter" }?.productionTonnesPerYear, 60_000))
        #expect(close(below.plants.first { $0.id == "west_smelter" }?.directCo2TonnesPerTonne, 13.5))
        let co2: Double = 60_000 * 13.5 + 40_000 * 6.75
        #expect(close(below.co2T, co2))
        network.carbon = CarbonPolicy(priceYuanPerTonne: 170)
        let above = try network.solve()
        #expect(close(above.plants.first { $0.id == "east_smelter" }?.productionTonnesPerYear, 100_000))
        #expect(close(above.deliveredCosts[0].embeddedCo2TonnesPerTonne, 6.75))
        let carbon: Double = 100_000 * 6.75 * 170
        #expect(close(above.costBreakdownYuan?.carbon, carbon))
        // A national cap does the same without a price: 700,000 t allows at most
        // (700,000 − 675,000) / 6.75 = 3,703.7 t from west.
        // Non-hydro renewables emit nothing: 20% of west's power green cuts it to 10.8 t/t.
        var green = network
        green.carbon = CarbonPolicy()
        green.plants[0].renewableShare = 0.2
        #expect(close(try green.solve().plants.first { $0.id == "west_smelter" }?.directCo2TonnesPerTonne, 10.8))
        network.carbon = CarbonPolicy(nationalCapTonnes: 700_000)
        let capped = try network.solve()
        #expect(close(capped.plants.first { $0.id == "west_smelter" }?.productionTonnesPerYear, 25_000 / 6.75))
        // Each t of cap lets 1 / 6.75 t move from east (6.75 t/t) to west (13.5 t/t), saving 1,126.8 yuan a tonne.
        let cap = try #require(capped.caps.first)
        #expect(cap.kind == .carbon && cap.scope == "national" && cap.processes == nil && close(cap.used, 700_000))
        #expect(close(cap.valueYuanPerUnit, (17_010 - 15_883.2) / 6.75))
    }

    /// Extreme but finite figures never trap in a Double → Int conversion.
    @Test func surchargeStepsOfExtremeFiguresDoNotTrap() {
        let surcharge = TieredSurcharge(thresholdKWhPerTonne: 13_000, stepKWhPerTonne: 1e-300)
        #expect(surcharge.steps(kWhPerTonne: 13_001) == Int(Int32.max))
        #expect(TieredSurcharge(thresholdKWhPerTonne: 13_000).steps(kWhPerTonne: 1e308) == Int(Int32.max))
        #expect(TieredSurcharge(thresholdKWhPerTonne: 13_000).steps(kWhPerTonne: 13_041) == 3)
        #expect(Int(checked: 9.3e18) == nil)
        #expect(Int(checked: -.infinity) == nil)
        #expect(Int(checked: 2.5, rounding: .up) == 3)
        #expect(Int.clamped(.nan, to: 0...5) == 0)
        #expect(Int.clamped(1e300, to: 0...5) == 5)
    }
}
