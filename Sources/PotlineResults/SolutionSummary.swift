import LinearModel
import PotlineFormulation
import PotlineNetwork

/// What a study compares between solves — status, total, delivered costs and what the plan uses —
/// without the rest of a ``Solution``. A sweep reads each point this way: building a whole
/// solution (every plant's cost split, every flow's distance) was 38% of a warm in-place sweep,
/// twice the simplex. Read from a solution or straight from a formulation and its result; both
/// give the same summary (tested).
package struct SolutionSummary: Sendable, Equatable {

    /// A link, commodity and direction, and the tonnes it carries over the year.
    package struct Route: Sendable, Equatable {
        package var link: String
        package var commodity: String
        package var from: String
        package var to: String
        package var tonnesPerYear: Double
    }

    package var network: String
    package var status: TerminationStatus
    package var totalCostYuan: Double?
    package var deliveredCosts: [DeliveredCostSummary]
    /// Every plant row a solution has (existing, built candidates, tollers that run), in its order, with its output.
    package var plantProduction: [(id: String, tonnesPerYear: Double)]
    package var routes: [Route]
    package var supplyPurchases: [(id: String, tonnesPerYear: Double)]
    /// Siting decisions taken: `build CANDIDATE`, `close PLANT`, `retrofit RETROFIT`.
    package var sites: [String]
    package var basis: Basis?
    package var simplexIterations: Int
    package var solveSeconds: Double
    package var integerColumns: Int

    package static func == (a: Self, b: Self) -> Bool {
        a.network == b.network && a.status == b.status && a.totalCostYuan == b.totalCostYuan && a.deliveredCosts == b.deliveredCosts
            && a.plantProduction.elementsEqual(b.plantProduction, by: { $0 == $1 }) && a.routes == b.routes
            && a.supplyPurchases.elementsEqual(b.supplyPurchases, by: { $0 == $1 }) && a.sites == b.sites && a.basis == b.basis
            && a.simplexIterations == b.simplexIterations && a.solveSeconds == b.solveSeconds && a.integerColumns == b.integerColumns
    }

    private init(
        network: String, status: TerminationStatus, totalCostYuan: Double?, deliveredCosts: [DeliveredCostSummary],
        plantProduction: [(id: String, tonnesPerYear: Double)], routes: [Route], supplyPurchases: [(id: String, tonnesPerYear: Double)],
        sites: [String], basis: Basis?, simplexIterations: Int, solveSeconds: Double, integerColumns: Int
    ) {
        self.network = network
        self.status = status
        self.totalCostYuan = totalCostYuan
        self.deliveredCosts = deliveredCosts
        self.plantProduction = plantProduction
        self.routes = routes
        self.supplyPurchases = supplyPurchases
        self.sites = sites
        self.basis = basis
        self.simplexIterations = simplexIterations
        self.solveSeconds = solveSeconds
        self.integerColumns = integerColumns
    }

    package init(_ solution: Solution) {
        network = solution.network
        status = solution.status
        totalCostYuan = solution.totalCostYuan
        deliveredCosts = solution.deliveredCosts.map(DeliveredCostSummary.init)
        plantProduction = solution.plants.map { ($0.id, $0.productionTonnesPerYear) }
        routes = solution.flows.map { .init(link: $0.link, commodity: $0.commodity, from: $0.from, to: $0.to, tonnesPerYear: $0.tonnesPerYear) }
        supplyPurchases = solution.supplies.map { ($0.id, $0.purchasedTonnesPerYear) }
        sites =
            (solution.plan?.builds.map { "build \($0.candidate)" } ?? []) + (solution.plan?.closures.map { "close \($0.plant)" } ?? [])
            + (solution.plan?.retrofits.map { "retrofit \($0.retrofit)" } ?? [])
        basis = solution.basis
        simplexIterations = solution.simplexIterations
        solveSeconds = solution.solveSeconds
        integerColumns = solution.model.integerColumns
    }

    /// The summary of an LP's result, read the way ``SolutionReader`` reads it (the same
    /// tolerances and rounding). A formulation with siting decisions is read whole: its plan
    /// needs the full reader.
    package init(formulation: Formulation, result: SolverResult) {
        guard result.hasSolution, !formulation.hasSitingDecisions else {
            self.init(SolutionReader(formulation: formulation, result: result).solution)
            return
        }
        let network = formulation.network
        let x = result.reportedColumnValues
        var plantProduction: [(id: String, tonnesPerYear: Double)] = []
        plantProduction.reserveCapacity(formulation.groups.count)
        for group in formulation.groups {
            let production = formulation.production(of: group, values: x)
            if case .tolling = group.source, production <= Tolerance.zeroValue { continue }
            plantProduction.append((group.id, tidy(production)))
        }
        let supplyPurchases: [(id: String, tonnesPerYear: Double)] = network.supplies.indices.map { s in
            (network.supplies[s].id, tidy(formulation.purchase(ofSupply: s, values: x)))
        }
        let flows = FlowsInUse(formulation, values: x)
        let routes: [Route] = flows.keys.enumerated().map { i, key in
            .init(
                link: network.links[key.link].id, commodity: network.commodities[key.commodity].id, from: network.regions[key.from].id,
                to: FlowsInUse.destination(of: key, in: network), tonnesPerYear: tidy(flows.tonnesByPeriod(i).reduce(0, +)))
        }
        let deliveredCosts = Self.deliveredCosts(formulation, x, result.rowDuals)
        self.init(
            network: network.name, status: result.status, totalCostYuan: tidy(result.objectiveValue), deliveredCosts: deliveredCosts,
            plantProduction: plantProduction, routes: routes, supplyPurchases: supplyPurchases, sites: [], basis: result.basis,
            simplexIterations: result.simplexIterations, solveSeconds: result.seconds,
            integerColumns: formulation.model.columns.filter { $0.kind != .continuous }.count)
    }

    private static func deliveredCosts(_ formulation: Formulation, _ x: [Double], _ duals: [Double]?) -> [DeliveredCostSummary] {
        let network = formulation.network
        let index = formulation.index
        let periods = formulation.periods
        let shares = periods.map(\.shareOfYear)
        let attribution = CostAttribution(formulation, values: x)
        return network.demands.enumerated().map { d, demand in
            let average = attribution.yearly(
                region: index.regions[demand.region]!, commodity: index.commodities[demand.commodity]!, periods: periods.count,
                weights: shares)
            return .init(
                region: demand.region, commodity: demand.commodity,
                marginalCostYuanPerTonne: duals.map { formulation.yearlyMarginalCost(ofDemand: d, duals: $0) },
                averageCostYuanPerTonne: average.map { tidy($0.cost.total) })
        }
    }
}
