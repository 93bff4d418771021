import Testing
import Potline
import PotlineTestSupport
@testable import PotlineFormulation

/// Small siting networks whose optimal plans are derived by hand. All start from two_smelters
/// (market `east`, 100,000 t/y of aluminium; see Networks/examples/two_smelters/README.md):
/// made in east an aluminium tonne costs 17,010 yuan delivered; made in west (captive power at
/// 0.30 yuan/kWh, 460 yuan/t rail each way) 15,883.2. Capital is annualised at r = 0 over one
/// year so that capex = yearly charge.
@Suite struct SitingTests {
    /// The east smelter alone (100 kt/y), with a candidate west smelter of one 100 kt/y module.
    static func network(candidateCapex: Double, decision: Decision = .optional) throws -> Network {
        var network = try NetworkLoader.load(from: Fixtures.twoSmelters).network
        network.plants.removeAll { $0.id == "west_smelter" }
        network.candidates = [
            Candidate(
                id: "west_new", region: "west", process: "smelting", sizing: .modules(sizeTonnesPerYear: 100_000, maximum: 1),
                siteCapexYuan: candidateCapex, lifetimeYears: 1, discountRate: 0, electricityPriceYuanPerKWh: 0.30,
                decision: decision)
        ]
        return network
    }

    /// GLPK for branch-and-bound, a numerical failure for every LP: the fixed-plan LP of a plan.
    struct FailingLPs: LinearSolver {
        func solve(_ model: LinearModel, options: SolverOptions) throws -> SolverResult {
            var result = try SolverBackend.glpk.solver.solve(model, options: options)
            if !model.isMixedInteger {
                result.status = .numericalFailure
                result.hasSolution = false
            }
            return result
        }
        func write(_ model: LinearModel, format: ModelFileFormat, to path: String) throws {
            try SolverBackend.glpk.solver.write(model, format: format, to: path)
        }
    }

    /// When the LP with the plan fixed fails, the plan and its cost stand, and the solution and
    /// both text reports say why there are no delivered costs rather than show bare dashes.
    @Test func aPlanWithoutItsPricesSaysWhy() throws {
        let solution = try Self.network(candidateCapex: 50_000_000).solve(
            options: SolveOptions(analysePlan: false, solver: FailingLPs(), threads: 1))
        #expect(solution.status == .optimal && solution.provenOptimal)
        #expect(close(solution.totalCostYuan, 1_588_320_000 + 50_000_000))
        #expect(solution.plan?.builds.map(\.candidate) == ["west_new"])
        #expect(solution.deliveredCosts.allSatisfy { $0.marginalCostYuanPerTonne == nil })
        #expect(solution.missingPrices == "the LP with the plan fixed ended in numerical failure, from a fresh start and from the root basis")
        let line = "Delivered costs (marginal) are not available: the LP with the plan fixed ended in numerical failure"
        #expect(TextReport.render(solution).contains(line))
        #expect(TextReport.render(solution, detail: .full).contains(line))
        let json = String(decoding: try JSONReport.encode(solution), as: UTF8.self)
        #expect(json.contains("\"missing_prices\" : \"the LP with the plan fixed ended in numerical failure"))
        // A plan whose prices are there carries no such key.
        let priced = try Self.network(candidateCapex: 50_000_000).solve(options: SolveOptions(analysePlan: false, threads: 1))
        let pricedJSON = String(decoding: try JSONReport.encode(priced), as: UTF8.self)
        #expect(priced.missingPrices == nil && !pricedJSON.contains("missing_prices"))
    }

    @Test func capitalRecoveryFactor() {
        #expect(abs(CapitalCost.recoveryFactor(discountRate: 0.08, lifetimeYears: 25) - 0.093678779052) < 1e-11)
        #expect(CapitalCost.recoveryFactor(discountRate: 0, lifetimeYears: 20) == 0.05)
        #expect(abs(CapitalCost(capexYuan: 1_000, lifetimeYears: 10, discountRate: 0.1).annualisedYuanPerYear - 162.7453949) < 1e-6)
    }

    /// With no policy, with every backend, a 50 M yuan/y site saves 100,000 × 1,126.8 − 50 M = 62.68 M yuan/y.
    @Test(arguments: SolverBackend.allCases) func buildWhenItPays(backend: SolverBackend) throws {
        let solution = try Self.network(candidateCapex: 50_000_000).solve(options: SolveOptions(solver: backend.solver))
        #expect(solution.status == .optimal)
        #expect(solution.provenOptimal)
        #expect(solution.mipGap == 0)
        #expect(close(solution.totalCostYuan, 1_588_320_000 + 50_000_000))
        #expect(solution.plan?.builds.map(\.candidate) == ["west_new"])
        #expect(close(solution.plan?.builds.first?.capacityTonnesPerYear, 100_000))
        // After fixing the plan, delivered cost is the west smelter's marginal cost: 15,883.2.
        #expect(close(solution.deliveredCosts[0].marginalCostYuanPerTonne, 15_883.2))
        #expect(close(solution.plan?.baselineTotalCostYuan, 1_701_000_000))
        #expect(close(solution.plan?.deliveredCostChanges.first?.changeYuanPerTonne, -1_126.8))
    }

    /// Under a 100 kt/y ceiling that the east smelter fills, the site can enter only if east
    /// closes (20 M yuan/y) and hands over its quota: 1,588.32 + 50 + 20 = 1,658.32 M < 1,701 M.
    @Test func buildThatPaysOnlyWithCapacityTransfer() throws {
        var network = try Self.network(candidateCapex: 50_000_000)
        network.capacityPolicies = [
            CapacityPolicy(process: "smelting", ceilingTonnesPerYear: 100_000, capacityTransfer: true)
        ]
        var closable = network
        closable.plants[0].closureCostYuanPerYear = 20_000_000
        let solution = try closable.solve()
        #expect(close(solution.totalCostYuan, 1_658_320_000))
        #expect(solution.plan?.closures.map(\.plant) == ["east_smelter"])
        #expect(solution.plan?.transfers.count == 1)
        #expect(solution.plan?.transfers.first?.fromPlant == "east_smelter")
        #expect(solution.plan?.transfers.first?.toCandidate == "west_new")
        #expect(close(solution.plan?.transfers.first?.tonnesPerYear, 100_000))
        #expect(solution.plants.first { $0.id == "east_smelter" }?.closed == true)

        // Without the closure option the ceiling keeps the site out.
        let stuck = try network.solve()
        #expect(close(stuck.totalCostYuan, 1_701_000_000))
        #expect(stuck.plan?.builds.isEmpty == true)

        // At 1.25:1 in west the 100 kt/y closed in east buys only 80 kt/y: no build.
        var ratio = closable
        ratio.regions[1].transferRatio = 1.25
        let dear = try ratio.solve()
        #expect(dear.plan?.builds.isEmpty == true)
        #expect(close(dear.totalCostYuan, 1_701_000_000))
    }

    /// Retrofit east to 13,000 kWh/t for 5 M: saves 500 × 0.5 × 100,000 − 5 M = 20 M yuan/y.
    /// The 100 M yuan/y site would save 112.68 − 100 = 12.68 M alone, and after the retrofit
    /// (east at 16,760) only 87.68 − 100 < 0. Optimum: retrofit only, 1,676 M + 5 M.
    @Test func retrofitBeatsANewSite() throws {
        var network = try Self.network(candidateCapex: 100_000_000)
        network.retrofits = [
            Retrofit(
                id: "east_cells", plant: "east_smelter", electricityKWhPerTonne: 13_000,
                capital: CapitalCost(capexYuan: 5_000_000, lifetimeYears: 1, discountRate: 0))
        ]
        let solution = try network.solve()
        #expect(close(solution.totalCostYuan, 1_681_000_000))
        #expect(solution.plan?.retrofits.map(\.retrofit) == ["east_cells"])
        #expect(solution.plan?.builds.isEmpty == true)
        #expect(solution.plants.first { $0.id == "east_smelter" }?.retrofit == "east_cells")
        #expect(close(solution.deliveredCosts[0].marginalCostYuanPerTonne, 16_760))
        // Forcing the site in: east idles, so the retrofit is dropped: 1,588.32 + 100 = 1,688.32 M,
        // 7.32 M above the plan: of the site's yearly charges once built, 100 M capital + 100,000 t
        // × (13,500 kWh × 0.30 + 2,000 other) = 705 M yuan/y, that is 1.038%.
        let rejected = solution.plan?.rejected.first
        #expect(rejected?.candidate == "west_new")
        #expect(close(rejected?.breakEvenReductionYuanPerYear, 7_320_000))
        #expect(close(rejected?.breakEvenReductionShare, 7.32 / 705))
        // As a power price: 7.32 M ÷ (13,500 kWh/t × 100,000 t) = 0.0054222 yuan/kWh.
        #expect(close(rejected?.breakEvenPowerPriceYuanPerKWh, 7_320_000 / 1_350_000_000))
    }

    /// Exactly 100 kt/y of new capacity, west (13,500 kWh/t at 0.30) or east (13,000 at the 0.50
    /// grid price), each 50 M yuan/y. West: 1,588.32 + 50 = 1,638.32 M. East forced in: it
    /// displaces the 13,500 kWh/t east smelter, 100,000 × (17,010 − 500 × 0.5) + 50 M = 1,726 M.
    /// East's break-even is 87.68 M = 87.68 M ÷ 1.3 TWh = 0.067446 yuan/kWh of its price; west's
    /// margin is the same 87.68 M, 87.68 M ÷ 1.35 TWh = 0.064948 yuan/kWh of its price.
    @Test func breakEvensAsPowerPrices() throws {
        var network = try Self.network(candidateCapex: 50_000_000)
        network.candidates.append(
            Candidate(
                id: "east_new", region: "east", process: "smelting", sizing: .modules(sizeTonnesPerYear: 100_000, maximum: 1),
                siteCapexYuan: 50_000_000, lifetimeYears: 1, discountRate: 0, electricityKWhPerTonne: 13_000))
        var policy = CapacityPolicy(process: "smelting")
        policy.newCapacityMinimumTonnesPerYear = 100_000
        policy.newCapacityMaximumTonnesPerYear = 100_000
        network.capacityPolicies = [policy]
        let plan = try #require(try network.solve().plan)
        #expect(plan.builds.map(\.candidate) == ["west_new"])
        #expect(close(plan.builds[0].marginYuanPerYear, 87_680_000))
        #expect(close(plan.builds[0].marginPowerPriceYuanPerKWh, 87_680_000 / 1_350_000_000))
        #expect(plan.rejected.map(\.candidate) == ["east_new"])
        #expect(close(plan.rejected[0].breakEvenReductionYuanPerYear, 87_680_000))
        #expect(close(plan.rejected[0].breakEvenPowerPriceYuanPerKWh, 87_680_000 / 1_300_000_000))
    }

    /// A continuous candidate under a 130 kt/y ceiling with east (100 kt/y) kept: 30 kt/y fits.
    @Test func ceilingBinds() throws {
        var network = try NetworkLoader.load(from: Fixtures.twoSmelters).network
        network.plants.removeAll { $0.id == "west_smelter" }
        network.candidates = [
            Candidate(
                id: "west_new", region: "west", process: "smelting",
                sizing: .continuous(minimumTonnesPerYear: 0, maximumTonnesPerYear: 100_000), capexYuanPerTonnePerYear: 100,
                lifetimeYears: 1, discountRate: 0, electricityPriceYuanPerKWh: 0.30)
        ]
        network.capacityPolicies = [CapacityPolicy(process: "smelting", ceilingTonnesPerYear: 130_000)]
        let solution = try network.solve()
        // 30,000 t from west at 15,883.2 + 100 capital, 70,000 t from east at 17,010.
        #expect(close(solution.plan?.builds.first?.capacityTonnesPerYear, 30_000))
        #expect(close(solution.totalCostYuan, 30_000 * 15_983.2 + 70_000 * 17_010))
    }

    /// A site that does not pay (200 M yuan/y), forced in: 1,588.32 + 200 = 1,788.32 M.
    /// A policy over two processes counts both: east on graphitized-cathode lines (a second
    /// smelting process) and west on standard lines fill 160 kt/y of a 160 kt/y ceiling.
    @Test func capacityPolicyCountsAFamilyOfProcesses() throws {
        var network = try NetworkLoader.load(from: Fixtures.twoSmelters).network
        var cathodeLines = network.processes[0]
        cathodeLines.id = "smelting_gc"
        network.processes.append(cathodeLines)
        network.plants[1].process = "smelting_gc"
        network.candidates = try Self.network(candidateCapex: 1).candidates
        network.capacityPolicies = [CapacityPolicy(processes: ["smelting", "smelting_gc"], ceilingTonnesPerYear: 160_000)]
        let formulation = Formulation(try network.validated())
        let ceiling = formulation.model.rows.first { $0.name == "ceiling.smelting_smelting_gc" }
        #expect(ceiling?.upper == 0)
        #expect(try network.solve().plan?.builds.isEmpty == true)
    }

    /// "Where should 100 kt/y of new capacity go?": a national bound on new capacity forces
    /// the uneconomic site in, exactly as must-build does.
    @Test func newCapacityBoundForcesTheBestSite() throws {
        var network = try Self.network(candidateCapex: 200_000_000)
        var policy = CapacityPolicy(process: "smelting")
        policy.newCapacityMinimumTonnesPerYear = 100_000
        policy.newCapacityMaximumTonnesPerYear = 100_000
        network.capacityPolicies = [policy]
        let solution = try network.solve(options: SolveOptions(analysePlan: false))
        #expect(close(solution.totalCostYuan, 1_788_320_000))
        #expect(solution.plan?.builds.map(\.candidate) == ["west_new"])
    }

    @Test func mustBuildForcesACostlierPlan() throws {
        let optional = try Self.network(candidateCapex: 200_000_000).solve()
        #expect(close(optional.totalCostYuan, 1_701_000_000))
        #expect(optional.plan?.rejected.first?.reason == .notEconomic)
        #expect(close(optional.plan?.rejected.first?.breakEvenReductionYuanPerYear, 87_320_000))
        // Of its yearly charges: 200 M capital + 100,000 t × 6,050 yuan/t running = 805 M.
        #expect(close(optional.plan?.rejected.first?.breakEvenReductionShare, 87.32 / 805))

        let forced = try Self.network(candidateCapex: 200_000_000, decision: .mustBuild).solve()
        #expect(close(forced.totalCostYuan, 1_788_320_000))
        #expect(forced.plan?.builds.map(\.candidate) == ["west_new"])
        #expect(close(forced.plan?.builds.first?.annualCapitalYuan, 200_000_000))
    }

    @Test func energyStandards() throws {
        // New plants above 13,000 kWh/t cannot be built, however cheap.
        var network = try Self.network(candidateCapex: 1)
        network.capacityPolicies = [CapacityPolicy(process: "smelting", newPlantMaxKWhPerTonne: 13_000)]
        let barred = try network.solve()
        #expect(barred.plan?.builds.isEmpty == true)
        #expect(barred.plan?.rejected.first?.reason == .barredByEnergyStandard(maximumKWhPerTonne: 13_000))

        // Existing plants above 13,350 must retrofit or close: east (13,500) retrofits.
        var existing = try Self.network(candidateCapex: 1, decision: .mustNotBuild)
        existing.retrofits = [
            Retrofit(
                id: "east_cells", plant: "east_smelter", electricityKWhPerTonne: 13_300,
                capital: CapitalCost(capexYuan: 90_000_000, lifetimeYears: 1, discountRate: 0))
        ]
        existing.capacityPolicies = [
            CapacityPolicy(process: "smelting", existingPlantMaxKWhPerTonne: 13_350, existingPlantDeadlineYear: 2024)
        ]
        let upgraded = try existing.solve()
        #expect(upgraded.plan?.retrofits.map(\.retrofit) == ["east_cells"])
        // 100,000 × (17,010 − 200 × 0.5) + 90 M
        #expect(close(upgraded.totalCostYuan, 100_000 * 16_910 + 90_000_000))
        // Before the deadline year the rule does not apply and the 90 M retrofit does not pay.
        existing.capacityPolicies[0].existingPlantDeadlineYear = 2025
        #expect(try existing.solve().plan?.retrofits.isEmpty == true)
    }

    @Test func maximumNewSitesAndRegionalLimit() throws {
        var network = try Self.network(candidateCapex: 50_000_000)
        network.maximumNewSites = 0
        #expect(try network.solve().plan?.builds.isEmpty == true)
        network.maximumNewSites = nil
        network.capacityLimits = [CapacityLimit(region: "west", process: "smelting", maximumTonnesPerYear: 50_000)]
        #expect(try network.solve().plan?.builds.isEmpty == true)  // one 100 kt module does not fit
    }
}

/// The existing-plant energy standard, read one monotone way (README, "Siting"): on two_smelters
/// with a 13,400 kWh/t limit, the west smelter (13,500) is above it and the east smelter, set to
/// 13,000 kWh/t, below it. East then delivers at 17,010 − 500 × 0.50 = 16,760 yuan/t; west, idle
/// unless retrofitted, would deliver at 15,883.2 yuan/t less 0.30 yuan per kWh saved.
@Suite struct EnergyStandardTests {
    static func network(retrofitKWh: Double? = nil, retrofitCost: Double = 10_000_000, closureCost: Double? = nil) throws -> Network {
        var network = try NetworkLoader.load(from: Fixtures.twoSmelters).network
        network.plants[1].electricityKWhPerTonne = 13_000
        network.plants[0].closureCostYuanPerYear = closureCost
        network.capacityPolicies = [CapacityPolicy(process: "smelting", existingPlantMaxKWhPerTonne: 13_400)]
        if let retrofitKWh {
            network.retrofits = [
                Retrofit(
                    id: "upgrade_west", plant: "west_smelter", electricityKWhPerTonne: retrofitKWh,
                    capital: CapitalCost(capexYuan: retrofitCost, lifetimeYears: 1, discountRate: 0))
            ]
        }
        return network
    }

    /// No option: west idles, east makes all 100,000 t: 100,000 × 16,760.
    static let idleWest = 1_676_000_000.0

    @Test func aPlantAboveTheLimitIdles() throws {
        let solution = try Self.network().solve()
        #expect(close(solution.totalCostYuan, Self.idleWest))
        #expect(solution.plants.first { $0.id == "west_smelter" }?.productionTonnesPerYear == 0)
    }

    /// A retrofit to 13,350 (below the limit) for 10 M yuan/y: west makes 60,000 t at
    /// 15,883.2 − 150 × 0.30 = 15,838.2: 60,000 × 15,838.2 + 40,000 × 16,760 + 10 M.
    @Test func aRetrofitBelowTheLimitLetsThePlantRun() throws {
        let solution = try Self.network(retrofitKWh: 13_350).solve()
        #expect(close(solution.totalCostYuan, 1_630_692_000))
        #expect(solution.plan?.retrofits.map(\.retrofit) == ["upgrade_west"])
        #expect(close(solution.plants.first { $0.id == "west_smelter" }?.productionTonnesPerYear, 60_000))
    }

    /// The same retrofit at 100 M yuan/y saves 60,000 × (16,760 − 15,838.2) = 55.3 M: not worth
    /// it, and nothing forces it (the old reading forced it: 1,720.7 M yuan/y).
    @Test func anExpensiveRetrofitIsNotForced() throws {
        let solution = try Self.network(retrofitKWh: 13_350, retrofitCost: 100_000_000).solve()
        #expect(close(solution.totalCostYuan, Self.idleWest))
        #expect(solution.plan?.retrofits.isEmpty ?? true)
    }

    /// A retrofit to 13,450 stays above the limit: it is not compliance, so west still idles.
    @Test func aRetrofitStillAboveTheLimitDoesNotComply() throws {
        let solution = try Self.network(retrofitKWh: 13_450, retrofitCost: 1).solve()
        #expect(close(solution.totalCostYuan, Self.idleWest))
        #expect(solution.plants.first { $0.id == "west_smelter" }?.productionTonnesPerYear == 0)
    }

    /// An optional closure (5 M yuan/y) is not forced on an idle plant.
    @Test func anOptionalClosureIsNotForced() throws {
        let solution = try Self.network(closureCost: 5_000_000).solve()
        #expect(close(solution.totalCostYuan, Self.idleWest))
        #expect(solution.plan?.closures.isEmpty ?? true)
    }

    /// Idling keeps the quota, closing frees it: under a 160,000 t/y ceiling (both plants) a new
    /// west smelter (60,000 t/y at 13,000 kWh/t, 10 M yuan/y) fits only if the old one closes
    /// (1 M yuan/y): 60,000 × (15,883.2 − 150) + 40,000 × 16,760 + 11 M.
    @Test func closingFreesTheQuotaIdlingKeeps() throws {
        var network = try Self.network(closureCost: 1_000_000)
        network.capacityPolicies[0].ceilingTonnesPerYear = 160_000
        network.candidates = [
            Candidate(
                id: "west_new", region: "west", process: "smelting", sizing: .modules(sizeTonnesPerYear: 60_000, maximum: 1),
                siteCapexYuan: 10_000_000, lifetimeYears: 1, discountRate: 0, electricityKWhPerTonne: 13_000,
                electricityPriceYuanPerKWh: 0.30)
        ]
        let solution = try network.solve()
        #expect(close(solution.totalCostYuan, 1_625_392_000))
        #expect(solution.plan?.closures.map(\.plant) == ["west_smelter"])
        #expect(solution.plan?.builds.map(\.candidate) == ["west_new"])
        network.plants[0].closureCostYuanPerYear = nil
        #expect(close(try network.solve().totalCostYuan, Self.idleWest))
    }

    /// On generated small networks (seeded), adding an optional retrofit or closure never raises
    /// the optimum.
    @Test func anOptionalDecisionNeverRaisesTheOptimum() throws {
        var random = SeededGenerator(seed: 10)
        for _ in 0..<24 {
            var base = try NetworkLoader.load(from: Fixtures.twoSmelters).network
            base.plants[0].electricityKWhPerTonne = Double.random(in: 12_800...13_800, using: &random).rounded()
            base.plants[1].electricityKWhPerTonne = Double.random(in: 12_800...13_800, using: &random).rounded()
            base.plants[1].capacityTonnesPerYear = Double.random(in: 100_000...140_000, using: &random).rounded()
            base.capacityPolicies = [
                CapacityPolicy(process: "smelting", existingPlantMaxKWhPerTonne: Double.random(in: 13_000...13_600, using: &random).rounded())
            ]
            let without = try base.solve()
            var withOption = base
            if Bool.random(using: &random) {
                withOption.retrofits = [
                    Retrofit(
                        id: "r", plant: base.plants.randomElement(using: &random)!.id,
                        electricityKWhPerTonne: Double.random(in: 12_800...13_800, using: &random).rounded(),
                        capital: CapitalCost(capexYuan: Double.random(in: 0...200_000_000, using: &random).rounded(), lifetimeYears: 1, discountRate: 0))
                ]
            } else {
                withOption.plants[Int.random(in: 0...1, using: &random)].closureCostYuanPerYear = Double.random(in: 0...50_000_000, using: &random).rounded()
            }
            let with = try withOption.solve()
            guard without.status == .optimal else { continue }
            #expect(with.status == .optimal)
            #expect(with.totalCostYuan! <= without.totalCostYuan! * (1 + 1e-9), "\(withOption.retrofits) \(withOption.plants.map(\.closureCostYuanPerYear))")
        }
    }

    /// The benchmark-share rule (China's 2024-25 plan: ≥ 30% of capacity at or below 13,000
    /// kWh/t). Both two_smelters plants run 13,500 kWh/t; west (60 kt/y of the 160) may retrofit
    /// to 12,900 for 20 M yuan/y, saving 600 kWh/t × 0.30 yuan × 60,000 t = 10.8 M yuan/y: not worth
    /// it alone (1,633.392 M). Needing 30% × 160 kt = 48 kt at or below 13,000, only the retrofit
    /// meets it: 1,633.392 + 20 − 10.8 = 1,642.592 M yuan/y. At 40% (64 kt) nothing can.
    @Test func benchmarkShareForcesTheRetrofit() throws {
        var network = try NetworkLoader.load(from: Fixtures.twoSmelters).network
        network.retrofits = [
            Retrofit(
                id: "west_cells", plant: "west_smelter", electricityKWhPerTonne: 12_900,
                capital: CapitalCost(capexYuan: 20_000_000, lifetimeYears: 1, discountRate: 0))
        ]
        #expect(close(try network.solve().totalCostYuan, 1_633_392_000))
        var policy = CapacityPolicy(process: "smelting")
        policy.benchmarkKWhPerTonne = 13_000
        policy.benchmarkMinimumShare = 0.3
        network.capacityPolicies = [policy]
        let solution = try network.solve()
        #expect(solution.plan?.retrofits.map(\.retrofit) == ["west_cells"])
        #expect(close(solution.totalCostYuan, 1_642_592_000))
        // The rule waits for its year: base year 2024 is before 2025.
        network.capacityPolicies[0].benchmarkYear = 2025
        #expect(try network.solve().plan?.retrofits.isEmpty ?? true)
        network.capacityPolicies[0].benchmarkYear = nil
        network.capacityPolicies[0].benchmarkMinimumShare = 0.4
        #expect(try network.solve().status == .infeasible)
    }

    /// A share without its benchmark (or outside 0…1) is a setting error.
    @Test func benchmarkShareNeedsItsBenchmark() throws {
        var network = try NetworkLoader.load(from: Fixtures.twoSmelters).network
        var policy = CapacityPolicy(process: "smelting")
        policy.benchmarkMinimumShare = 1.5
        network.capacityPolicies = [policy]
        let messages = network.problems().map(\.description)
        #expect(messages.contains { $0.contains("benchmark_min_share") && $0.contains("needs benchmark_kwh_per_t") })
        #expect(messages.contains { $0.contains("1.5 is not a share from 0 to 1") })
    }

    /// The plan analysis forces each rejected candidate in by moving one bound of the plan's
    /// model: the same model as formulating the forced network afresh, for every China candidate.
    @Test func forcingACandidateMovesOnlyItsBuildBound() throws {
        let china = try NetworkLoader.load(from: Fixtures.networks.appendingPathComponent("china"))
        let formulation = Formulation(china)
        var forced = 0
        for (j, candidate) in china.network.candidates.enumerated() {
            guard let moved = formulation.forcing(candidate: j) else {
                // Only a candidate the rules keep out has nothing to force.
                #expect(formulation.candidatesBarredByStandard.contains(j) || candidate.decision == .mustNotBuild, "\(candidate.id)")
                continue
            }
            #expect(moved.model == Formulation(china.forcing(candidate: candidate.id)).model, "\(candidate.id)")
            #expect(moved.model != formulation.model)
            forced += 1
        }
        #expect(forced >= 8)
        #expect(formulation.forcing(candidate: china.network.candidates.count) == nil)
    }
}
