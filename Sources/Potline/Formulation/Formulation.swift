import LinearModel

/// Turns a validated ``Network`` into a solver-neutral ``LinearModel`` that minimises total
/// delivered cost, and remembers which column and row stands for what.
///
/// Variables (t/y): `make.PLANT` (main output of a plant), `buy.SUPPLY` (purchases),
/// `ship.LINK.COMMODITY` and `ship.LINK.COMMODITY.rev` (freight each way), and, in the
/// diagnostic model only, `unmet.REGION.COMMODITY`.
/// Rows: `balance.REGION.COMMODITY` — made + bought + shipped in − used − shipped out ≥ demand;
/// `linkcap.LINK[.rev]` — tonnes on a link each way ≤ its capacity.
/// Cost per tonne: purchases at their price; plants at kWh/t × power price + other cost;
/// freight at distance × rate + handling.
///
/// One pass over plants, supplies and links with hash lookups: linear in the network's size.
public struct Formulation: Sendable {
    public struct BalanceKey: Hashable, Sendable {
        public let region: Int
        public let commodity: Int
    }

    /// One freight variable: a commodity moving one way along a link.
    public struct Shipment: Sendable {
        public let link: Int
        public let commodity: Int
        public let from: Int
        public let to: Int
        public let column: Int
    }

    public let index: NetworkIndex
    public private(set) var model: LinearModel
    /// Column of each plant's production, in ``Network/plants`` order.
    public private(set) var plantColumns: [Int] = []
    /// Column of each supply's purchases, in ``Network/supplies`` order.
    public private(set) var supplyColumns: [Int] = []
    public private(set) var shipments: [Shipment] = []
    public private(set) var balanceRows: [BalanceKey: Int] = [:]
    /// Row of each demand's balance, in ``Network/demands`` order.
    public private(set) var demandRows: [Int] = []
    /// Slack column of each demand when built with an unmet-demand penalty.
    public private(set) var unmetDemandColumns: [Int] = []

    public var network: Network { index.network }

    /// - Parameter unmetDemandPenalty: when set, every demand gets a slack column at this cost
    ///   per tonne, so an infeasible network still solves and shows which demand falls short.
    public init(_ network: Network, unmetDemandPenalty: Double? = nil) {
        index = NetworkIndex(network)
        model = LinearModel(name: network.name.isEmpty ? "potline" : sanitized(network.name))
        let reachable = ReachabilityAnalysis(index)

        for demand in network.demands {
            let row = balanceRow(demand.region, demand.commodity)
            model.setBounds(row: row, lower: demand.tonnesPerYear, upper: .infinity)
            demandRows.append(row)
        }
        for plant in network.plants {
            let process = index.process(of: plant)
            let cost = index.electricityKWhPerTonne(plant) * index.electricityPriceYuanPerKWh(plant)
                + index.otherCostYuanPerTonne(plant)
            let column = model.addColumn(name: "make.\(plant.id)", upper: plant.capacityTonnesPerYear, cost: cost)
            plantColumns.append(column)
            model.addCoefficient(row: balanceRow(plant.region, process.output), column: column, value: 1)
            for input in process.inputs {
                model.addCoefficient(row: balanceRow(plant.region, input.commodity), column: column, value: -input.tonnesPerTonne)
            }
            for byproduct in process.byproducts {
                model.addCoefficient(
                    row: balanceRow(plant.region, byproduct.commodity), column: column, value: byproduct.tonnesPerTonne)
            }
        }
        for supply in network.supplies {
            let column = model.addColumn(
                name: "buy.\(supply.id)", upper: supply.capacityTonnesPerYear ?? .infinity, cost: supply.priceYuanPerTonne)
            supplyColumns.append(column)
            model.addCoefficient(row: balanceRow(supply.region, supply.commodity), column: column, value: 1)
        }
        for (l, link) in network.links.enumerated() {
            let freight = index.freightYuanPerTonne(link)
            let carried = link.commodities ?? network.commodities.map(\.id)
            var directions = [(from: link.from, to: link.to, suffix: "")]
            if link.bidirectional { directions.append((link.to, link.from, ".rev")) }
            for direction in directions {
                var columns: [Int] = []
                for commodity in carried where reachable.canDeliver(commodity, to: direction.from) {
                    let column = model.addColumn(name: "ship.\(link.id).\(commodity)\(direction.suffix)", cost: freight)
                    model.addCoefficient(row: balanceRow(direction.from, commodity), column: column, value: -1)
                    model.addCoefficient(row: balanceRow(direction.to, commodity), column: column, value: 1)
                    shipments.append(
                        Shipment(
                            link: l, commodity: index.commodities[commodity]!, from: index.regions[direction.from]!,
                            to: index.regions[direction.to]!, column: column))
                    columns.append(column)
                }
                if let capacity = link.capacityTonnesPerYear, !columns.isEmpty {
                    model.addRow(
                        name: "linkcap.\(link.id)\(direction.suffix)", upper: capacity,
                        terms: columns.map { ($0, 1.0) })
                }
            }
        }
        if let penalty = unmetDemandPenalty {
            for (d, demand) in network.demands.enumerated() {
                let column = model.addColumn(name: "unmet.\(demand.region).\(demand.commodity)", cost: penalty)
                model.addCoefficient(row: demandRows[d], column: column, value: 1)
                unmetDemandColumns.append(column)
            }
        }
    }

    /// The balance row of (region, commodity), created on first use.
    private mutating func balanceRow(_ region: String, _ commodity: String) -> Int {
        let key = BalanceKey(region: index.regions[region]!, commodity: index.commodities[commodity]!)
        if let row = balanceRows[key] { return row }
        let row = model.addRow(name: "balance.\(region).\(commodity)", lower: 0)
        balanceRows[key] = row
        return row
    }
}

/// A name GLPK and the LP format accept: no spaces, at most 64 characters.
private func sanitized(_ name: String) -> String {
    String(name.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." ? $0 : "_" }.prefix(64))
}
