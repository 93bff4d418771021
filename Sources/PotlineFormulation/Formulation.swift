import LinearModel
import PotlineNetwork

/// Turns a validated ``Network`` into a solver-neutral ``LinearModel`` that minimises total
/// delivered cost, and remembers which column and row stands for what.
///
/// Per period P (omitted from names when the year is one period):
/// - columns (t in the period): `make.PLANT[@RETROFIT]`, `make.CANDIDATE`, `toll.TOLLER`,
///   `buy.SUPPLY`, `ship.LINK.COMMODITY[.rev]`, `stock.REGION.COMMODITY` (carried to the next
///   period), `grid.PLANT` / `captive.CAPTIVE` (kWh, plants with captive power),
///   `unmet.REGION.COMMODITY` (diagnostic model only);
/// - rows: `balance.REGION.COMMODITY` (made + bought + shipped in + stock in − used − shipped
///   out − stock out ≥ demand × period share), `capacity.GROUP`, `linkcap.LINK[.rev]`,
///   `power.PLANT` (kWh used = grid + captive).
/// Yearly decisions (siting): `build.CANDIDATE` (0/1), `modules.CANDIDATE` or
/// `capacity.CANDIDATE`, `close.PLANT` (0/1), `retrofit.RETROFIT` (0/1),
/// `transfer.PLANT.CANDIDATE` (t/y of quota), with rows for the capacity ceiling, capacity
/// transfer, regional limits and site count (Formulation+Siting.swift); captive and processing
/// self-supply shares and carbon caps (Formulation+Power.swift).
///
/// One pass over the network with hash lookups: linear in its size (the transfer columns
/// pair each closable plant with each candidate of its process).
package struct Formulation: Sendable {
    package struct BalanceKey: Hashable, Sendable {
        package let region: Int
        package let commodity: Int
        package let period: Int

        package init(region: Int, commodity: Int, period: Int) {
            self.region = region
            self.commodity = commodity
            self.period = period
        }
    }

    /// One freight variable: a commodity moving one way along a link in one period.
    package struct Shipment: Sendable {
        package let link: Int
        package let commodity: Int
        package let from: Int
        package let to: Int
        package let period: Int
        package let column: Int
    }

    /// Stock of a commodity in a region carried from `period` into the next (cyclically).
    package struct Stock: Sendable {
        package let region: Int
        package let commodity: Int
        package let period: Int
        package let column: Int
    }

    package internal(set) var index: NetworkIndex
    package internal(set) var periods: [Period]
    package internal(set) var operations: [PlantOperation]
    package internal(set) var groups: [CapacityGroup]
    package internal(set) var model: LinearModel
    /// Where material can be (from the validation): flows are created only there.
    let reachability: ReachabilityAnalysis
    /// What one unit of each column costs and emits, by component.
    package internal(set) var columnFootprints: [Footprint] = []
    /// Region of each column, for regional carbon caps (nil: none).
    var columnRegions: [Int?] = []
    /// The family of every row and column: the typed map of the model (ModelMap.swift).
    package internal(set) var rowFamilies: [ConstraintFamily] = []
    package internal(set) var columnFamilies: [VariableFamily] = []

    // Two-stage stochastic models (StochasticFormulation.swift).
    /// The sample whose operations are being added (nil: a one-sample model).
    var sampleStage: SampleStage?
    /// First-stage (siting) columns by name: one set, shared by every sample.
    var firstStageColumns: [String: Int] = [:]
    /// The first column of the sample being added (the carbon caps are per sample).
    var sampleColumnStart = 0
    /// Each column's cost in the sample being added, before weighting (cost_s · x, for a risk term).
    var sampleCosts: [Int: Double] = [:]

    /// `makeColumns[operation][period]`.
    package internal(set) var makeColumns: [[Int]] = []
    /// `supplyColumns[supply][period]`.
    package internal(set) var supplyColumns: [[Int]] = []
    package internal(set) var shipments: [Shipment] = []
    package internal(set) var stocks: [Stock] = []
    package internal(set) var balanceRows: [BalanceKey: Int] = [:]
    /// `demandRows[demand][period]`.
    package internal(set) var demandRows: [[Int]] = []
    /// `unmetDemandColumns[demand][period]`, in the diagnostic model.
    package internal(set) var unmetDemandColumns: [[Int]] = []
    /// `capacityRows[group][period]` where the group's capacity needs a row (else a bound).
    package internal(set) var capacityRows: [Int: [Int]] = [:]
    /// Grid kWh of a plant with captive power: `gridColumns[group][period]`.
    package internal(set) var gridColumns: [Int: [Int]] = [:]
    /// Captive kWh: `captiveColumns[captive][period]`.
    package internal(set) var captiveColumns: [Int: [Int]] = [:]

    // Siting decisions (Formulation+Siting.swift).
    package internal(set) var buildColumns: [Int: Int] = [:]
    /// Column whose value × `capacityPerUnit` is a candidate's capacity (t/y).
    package internal(set) var candidateCapacity: [Int: (column: Int, tonnesPerUnit: Double)] = [:]
    package internal(set) var closeColumns: [Int: Int] = [:]
    package internal(set) var retrofitColumns: [Int: Int] = [:]
    package internal(set) var transferColumns: [(plant: Int, candidate: Int, column: Int)] = []
    /// Candidates the energy standard keeps out (their kWh/t is above the new-plant limit).
    package internal(set) var candidatesBarredByStandard: [Int] = []
    /// Plant and retrofit technologies the energy standard keeps from running (above the existing-plant limit).
    package internal(set) var operationsBarredByStandard: [Int] = []

    // Power and self-supply bounds (Formulation+Power.swift).
    package internal(set) var captiveShareRows: [Int: (minimum: Int?, maximum: Int?)] = [:]
    /// The benchmark-share row of each capacity policy that has one, by the policy's process names.
    package internal(set) var benchmarkRows: [String: Int] = [:]
    package internal(set) var selfSupplyRows: [Int: (minimum: Int?, maximum: Int?)] = [:]
    package internal(set) var carbonCapRows: [String: Int] = [:]
    /// Energy-cap rows by `K` (national) or `K.REGION`, K the cap's place in policy.energy.
    package internal(set) var energyCapRows: [String: Int] = [:]

    package var network: Network { index.network }

    /// This formulation with other numbers in a model of the same shape (and their footprints):
    /// what a sweep that changes its model in place reads its answer through. Everything else —
    /// the network, the map of rows and columns — is this formulation's, so only the model's
    /// numbers may differ.
    package func withNumbers(_ model: LinearModel, columnFootprints: [Footprint]) -> Formulation {
        precondition(model.columns.count == self.model.columns.count && columnFootprints.count == self.columnFootprints.count)
        var copy = self
        copy.model = model
        copy.columnFootprints = columnFootprints
        return copy
    }
    package var hasSitingDecisions: Bool { !buildColumns.isEmpty || !closeColumns.isEmpty || !retrofitColumns.isEmpty }

    /// - Parameter unmetDemandPenalty: when set, every demand gets a slack column at this cost
    ///   per tonne, so an infeasible network still solves and shows which demand falls short.
    package init(_ network: ValidatedNetwork, unmetDemandPenalty: Double? = nil) {
        self.init(structureOf: network)
        addStages()
        if let penalty = unmetDemandPenalty { addUnmetDemandSlack(network.network, penalty: penalty) }
    }

    /// The network's index, periods, operations and capacity groups, and an empty model.
    init(structureOf validated: ValidatedNetwork) {
        let network = validated.network
        reachability = validated.reachability
        index = NetworkIndex(network)
        periods = index.modelPeriods
        (operations, groups) = index.operationsAndGroups()
        model = LinearModel(name: network.name.isEmpty ? "potline" : sanitizedName(network.name))
    }

    /// Every column and row of the network: siting decisions, then operations, flows, purchases,
    /// stock, policy, power and carbon, in this order.
    mutating func addStages() {
        let network = self.network
        addDemands(network)
        addSitingDecisions()
        addOperations()
        addSupplies(network)
        addShipments(network, reachable: reachability)
        addStocks(network)
        addSitingPolicy()
        addPowerAndSelfSupply()
        addCarbonCaps()
        addEnergyCaps()
    }

    // MARK: - Naming and bookkeeping

    /// `.PERIOD` for a multi-period model, "" for a one-period model.
    func suffix(_ period: Int) -> String { periods.count == 1 ? "" : ".\(periods[period].id)" }

    func share(_ period: Int) -> Double { periods[period].shareOfYear }

    /// Adds a column, recording its footprint and charging its CO2 at the carbon price.
    @discardableResult
    mutating func addColumn(
        _ family: VariableFamily, _ name: String, lower: Double = 0, upper: Double = .infinity, footprint: Footprint = Footprint(),
        kind: LinearModel.ColumnKind = .continuous, region: Int? = nil
    ) -> Int {
        var footprint = footprint
        footprint.cost.carbon = footprint.co2Tonnes * network.carbon.priceYuanPerTonne
        let cost = footprint.cost.total
        let weight = sampleStage?.costWeight ?? 1
        // A siting decision is first-stage: in a stochastic model every sample shares its column,
        // adding its own weighted cost and narrowing its bounds; other columns are the sample's own.
        let firstStage = family.isSitingDecision
        if firstStage, let shared = firstStageColumns[name] {
            let column = model.columns[shared]
            model.setCost(column: shared, column.cost + weight * cost)
            model.setBounds(column: shared, lower: max(column.lower, lower), upper: min(column.upper, upper))
            sampleCosts[shared, default: 0] += cost
            return shared
        }
        columnFootprints.append(footprint)
        columnRegions.append(region)
        columnFamilies.append(family)
        let column = model.addColumn(
            name: firstStage ? name : name + sampleSuffix, lower: lower, upper: upper, cost: weight * cost, kind: kind)
        if firstStage { firstStageColumns[name] = column }
        if sampleStage != nil, cost != 0 { sampleCosts[column, default: 0] += cost }
        return column
    }

    /// `@sN` in a stochastic model's sample N, "" otherwise.
    var sampleSuffix: String { sampleStage.map { "@s\($0.number)" } ?? "" }

    /// The balance row of (region, commodity, period), created on first use.
    mutating func balanceRow(_ region: Int, _ commodity: Int, _ period: Int) -> Int {
        let key = BalanceKey(region: region, commodity: commodity, period: period)
        if let row = balanceRows[key] { return row }
        let name = "balance.\(network.regions[region].id).\(network.commodities[commodity].id)\(suffix(period))"
        let row = addRow(.balance, name: name, lower: 0)
        balanceRows[key] = row
        return row
    }

    mutating func balanceRow(_ region: String, _ commodity: String, _ period: Int) -> Int {
        balanceRow(index.regions[region]!, index.commodities[commodity]!, period)
    }

    // MARK: - Demands, supplies, freight, stock

    private mutating func addDemands(_ network: Network) {
        for demand in network.demands {
            demandRows.append(
                periods.indices.map { p in
                    let row = balanceRow(demand.region, demand.commodity, p)
                    model.setBounds(row: row, lower: demand.tonnesPerYear * share(p), upper: .infinity)
                    return row
                })
        }
    }

    private mutating func addSupplies(_ network: Network) {
        for supply in network.supplies {
            let region = index.regions[supply.region]!
            supplyColumns.append(
                periods.indices.map { p in
                    let column = addColumn(
                        .buy, "buy.\(supply.id)\(suffix(p))", upper: (supply.capacityTonnesPerYear ?? .infinity) * share(p),
                        footprint: Footprint(cost: CostComponents(materials: supply.priceYuanPerTonne)), region: region)
                    model.addCoefficient(row: balanceRow(supply.region, supply.commodity, p), column: column, value: 1)
                    return column
                })
        }
    }

    private mutating func addShipments(_ network: Network, reachable: ReachabilityAnalysis) {
        for (l, link) in network.links.enumerated() {
            let freight = Footprint(cost: CostComponents(freight: index.freightYuanPerTonne(link)))
            let carried = link.commodities ?? network.commodities.map(\.id)
            var directions = [(from: link.from, to: link.to, suffix: "")]
            if link.bidirectional { directions.append((link.to, link.from, ".rev")) }
            for direction in directions {
                let movable = carried.filter { reachable.canDeliver($0, to: direction.from) }
                for p in periods.indices {
                    var columns: [Int] = []
                    for commodity in movable {
                        let column = addColumn(
                            .ship, "ship.\(link.id).\(commodity)\(direction.suffix)\(suffix(p))", footprint: freight)
                        model.addCoefficient(row: balanceRow(direction.from, commodity, p), column: column, value: -1)
                        model.addCoefficient(row: balanceRow(direction.to, commodity, p), column: column, value: 1)
                        shipments.append(
                            Shipment(
                                link: l, commodity: index.commodities[commodity]!, from: index.regions[direction.from]!,
                                to: index.regions[direction.to]!, period: p, column: column))
                        columns.append(column)
                    }
                    if let capacity = link.capacityTonnesPerYear, !columns.isEmpty {
                        addRow(.linkCapacity,
                            name: "linkcap.\(link.id)\(direction.suffix)\(suffix(p))", upper: capacity * share(p),
                            terms: columns.map { ($0, 1.0) })
                    }
                }
            }
        }
    }

    /// Stock columns for storable commodities wherever they have a balance, carried from each
    /// period into the next; the last period feeds the first, so the year starts with no free stock.
    private mutating func addStocks(_ network: Network) {
        guard periods.count > 1 else { return }
        let keys = balanceRows.keys.filter { $0.period == 0 }.sorted { ($0.region, $0.commodity) < ($1.region, $1.commodity) }
        for key in keys {
            let commodity = network.commodities[key.commodity]
            guard let holding = commodity.holdingCostYuanPerTonnePerYear else { continue }
            for p in periods.indices {
                let next = (p + 1) % periods.count
                let column = addColumn(
                    .stock, "stock.\(network.regions[key.region].id).\(commodity.id)\(suffix(p))",
                    footprint: Footprint(cost: CostComponents(other: holding * share(p))))
                model.addCoefficient(row: balanceRow(key.region, key.commodity, p), column: column, value: -1)
                model.addCoefficient(row: balanceRow(key.region, key.commodity, next), column: column, value: 1)
                stocks.append(Stock(region: key.region, commodity: key.commodity, period: p, column: column))
            }
        }
    }

    private mutating func addUnmetDemandSlack(_ network: Network, penalty: Double) {
        for (d, demand) in network.demands.enumerated() {
            unmetDemandColumns.append(
                periods.indices.map { p in
                    let column = addColumn(
                        .unmet, "unmet.\(demand.region).\(demand.commodity)\(suffix(p))",
                        footprint: Footprint(cost: CostComponents(other: penalty)))
                    model.addCoefficient(row: demandRows[d][p], column: column, value: 1)
                    return column
                })
        }
    }
}

/// A name GLPK and the LP format accept: no spaces, at most 64 characters.
func sanitizedName(_ name: String) -> String {
    String(name.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." ? $0 : "_" }.prefix(64))
}

private func < (a: (Int, Int), b: (Int, Int)) -> Bool { a.0 != b.0 ? a.0 < b.0 : a.1 < b.1 }
