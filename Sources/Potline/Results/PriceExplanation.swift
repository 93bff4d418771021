import LinearModel

/// Why a demand's delivered cost is what it is: the marginal supply chain whose next tonne serves
/// it, and where its tonnes come from.
public struct PriceExplanation: Sendable, Codable {
    /// One activity that changes when the demand asks for one more tonne.
    public struct Step: Sendable, Codable {
        public enum Kind: String, Sendable, Codable { case make, buy, ship, stock, power, other }
        public var kind: Kind
        /// The plant, supply, link, captive generator (or `grid`) whose activity changes.
        public var id: String
        /// Its region, or `FROM→TO` for a shipment.
        public var region: String
        /// What the step makes, buys or moves (`electricity`, in kWh, for power).
        public var commodity: String
        /// Change per tonne delivered (t, or kWh for power); negative: displaced.
        public var unitsPerT: Double
        /// Its cost per tonne delivered: price, power, freight, other, carbon (yuan/t).
        public var costYuanPerT: Double
    }

    /// A plant (or supply) whose output reaches the demand, with what a tonne from it costs there.
    public struct Origin: Sendable, Codable {
        public enum Kind: String, Sendable, Codable { case plant, supply }
        public var source: String
        public var kind: Kind
        public var region: String
        public var tonnesPerY: Double
        /// Share of the tonnes arriving at the demand's region, 0…1.
        public var share: Double
        /// Its average cost per tonne at the gate (for a supply: its price), yuan/t.
        public var gateCostYuanPerT: Double?
        /// Average freight from its gate to the demand's region, yuan/t.
        public var freightYuanPerT: Double
        /// gate + freight, yuan/t.
        public var costToServeYuanPerT: Double?
    }

    public var region: String
    public var commodity: String
    /// The year's dual of the demand's balance (``Solution/DeliveredCost/marginalCostYuanPerT``).
    public var marginalCostYuanPerT: Double
    /// Cost of the next tonne as the re-solve found it: Σ steps' costs. Equals the dual unless the
    /// basis is degenerate at this demand (then the dual is one of several valid prices).
    public var nextTonneCostYuanPerT: Double
    /// Plant whose extra output serves the next tonne: the largest increase at a plant making the
    /// demanded commodity (nil when the chain ends at a purchase).
    public var settingPlant: String?
    /// What changes for one more tonne, largest cost first: its costs add up to `nextTonneCostYuanPerT`.
    public var chain: [Step]
    /// Origins of the delivered commodity, largest first.
    public var origins: [Origin]
}

/// The next tonne of each demand, read from the optimal basis: the LP is re-solved from that basis
/// with the demand raised by `probeTonnes` (spread over the periods by their share) and the
/// change in every column divided by it. In a non-degenerate basis no pivot happens and this is
/// exactly B⁻¹ times the demand's unit vector; its cost is the dual.
enum NextTonne {
    /// Small against any demand (kt to Mt), large against the solver's feasibility tolerance.
    static let probeTonnes = 100.0
    /// Changes per delivered tonne below this are the solver's rounding, not activity.
    static let changeTolerance = 1e-6

    static func explain(
        _ formulation: Formulation, model: LinearModel, result: SolverResult, solution: Solution, solver: any LinearSolver,
        threads: Int = ParallelSolves.availableThreads
    ) throws -> [PriceExplanation] {
        guard let basis = result.basis, result.rowDuals != nil else { return [] }
        let labels = StepLabels(formulation)
        let trace = OriginTrace(formulation, values: result.columnValues)
        let network = formulation.network
        let demands = Array(network.demands.enumerated())
        let probes: [Result<[Double], Error>] = ParallelSolves.map(demands, threads: threads) { d, _ in
            var probe = model
            for (p, row) in formulation.demandRows[d].enumerated() {
                let bounds = model.rows[row]
                probe.setBounds(row: row, lower: bounds.lower + probeTonnes * formulation.periods[p].shareOfYear, upper: bounds.upper)
            }
            return Result {
                let next = try solver.solve(probe, options: SolverOptions(warmStart: basis))
                guard next.status == .optimal else { throw SolverError("the next-tonne solve ended \(next.status.words)") }
                return zip(next.columnValues, result.columnValues).map { ($0 - $1) / probeTonnes }
            }
        }
        let gate = Dictionary(solution.plants.map { ($0.id, $0.unitCostYuanPerT) }, uniquingKeysWith: { a, _ in a })
        let price = Dictionary(solution.supplies.map { ($0.id, $0.priceYuanPerT) }, uniquingKeysWith: { a, _ in a })
        return try demands.map { d, demand in
            let change = try probes[d].get()
            var steps: [PriceExplanation.Step] = []
            for (j, units) in change.enumerated() where abs(units) > changeTolerance {
                let label = labels.label(j, model: model)
                steps.append(.init(
                    kind: label.kind, id: label.id, region: label.region, commodity: label.commodity, unitsPerT: tidy(units),
                    costYuanPerT: tidy(units * model.columns[j].cost)))
            }
            steps.sort { abs($0.costYuanPerT) != abs($1.costYuanPerT) ? abs($0.costYuanPerT) > abs($1.costYuanPerT) : $0.id < $1.id }
            let setting = steps.filter { $0.kind == .make && $0.commodity == demand.commodity && $0.unitsPerT > 0 }
                .max { $0.unitsPerT < $1.unitsPerT }
            return PriceExplanation(
                region: demand.region, commodity: demand.commodity,
                marginalCostYuanPerT: solution.deliveredCosts[d].marginalCostYuanPerT ?? 0,
                nextTonneCostYuanPerT: tidy(steps.reduce(0) { $0 + $1.costYuanPerT }), settingPlant: setting?.id, chain: steps,
                origins: origins(of: demand, formulation, trace: trace, gate: gate, price: price))
        }
    }

    private static func origins(
        of demand: Demand, _ formulation: Formulation, trace: OriginTrace, gate: [String: Double?], price: [String: Double]
    ) -> [PriceExplanation.Origin] {
        // Over the year: the periods' mixes added up.
        var yearly: [String: OriginTrace.Share] = [:]
        for p in formulation.periods.indices {
            let key = Formulation.BalanceKey(
                region: formulation.index.regions[demand.region]!, commodity: formulation.index.commodities[demand.commodity]!, period: p)
            for (origin, share) in trace.mix[key] ?? [:] {
                yearly[origin, default: .init(tonnes: 0, freightYuan: 0)].tonnes += share.tonnes
                yearly[origin]!.freightYuan += share.freightYuan
            }
        }
        let arriving = yearly.values.reduce(0) { $0 + $1.tonnes }
        return yearly.sorted { $0.value.tonnes != $1.value.tonnes ? $0.value.tonnes > $1.value.tonnes : $0.key < $1.key }
            .map { origin, share in
                let info = trace.kinds[origin]
                let gateCost = info?.kind == .supply ? price[origin] : gate[origin] ?? nil
                let freight = share.tonnes > 0 ? share.freightYuan / share.tonnes : 0
                return .init(
                    source: origin, kind: info?.kind ?? .plant, region: info?.region ?? "", tonnesPerY: tidy(share.tonnes),
                    share: tidy(arriving > 0 ? share.tonnes / arriving : 0), gateCostYuanPerT: gateCost.map(tidy),
                    freightYuanPerT: tidy(freight), costToServeYuanPerT: gateCost.map { tidy($0 + freight) })
            }
    }
}

/// What each column of the formulation is, in the network's terms.
private struct StepLabels {
    typealias Label = (kind: PriceExplanation.Step.Kind, id: String, region: String, commodity: String)
    private var labels: [Int: Label] = [:]

    init(_ formulation: Formulation) {
        let network = formulation.network
        for (o, operation) in formulation.operations.enumerated() {
            let group = formulation.groups[operation.group]
            for column in formulation.makeColumns[o] {
                labels[column] = (.make, group.id, network.regions[operation.region].id, network.processes[operation.process].output)
            }
        }
        for (s, supply) in network.supplies.enumerated() {
            for column in formulation.supplyColumns[s] { labels[column] = (.buy, supply.id, supply.region, supply.commodity) }
        }
        for shipment in formulation.shipments {
            labels[shipment.column] = (
                .ship, network.links[shipment.link].id,
                "\(network.regions[shipment.from].id)→\(network.regions[shipment.to].id)", network.commodities[shipment.commodity].id
            )
        }
        for stock in formulation.stocks {
            labels[stock.column] = (.stock, "stock", network.regions[stock.region].id, network.commodities[stock.commodity].id)
        }
        for (g, columns) in formulation.gridColumns {
            let group = formulation.groups[g]
            for column in columns { labels[column] = (.power, "grid \(group.id)", network.regions[group.region].id, "electricity") }
            if let c = group.captive, let captive = formulation.captiveColumns[c] {
                for column in captive { labels[column] = (.power, network.captivePower[c].id, network.regions[group.region].id, "electricity") }
            }
        }
    }

    /// Columns without a network meaning (siting decisions, transfers) keep the model's name.
    func label(_ column: Int, model: LinearModel) -> Label { labels[column] ?? (.other, model.columns[column].name, "", "") }
}

/// Where the tonnes at each (region, commodity, period) come from: mixing at every node, plant
/// output and purchases are origins; shipments carry the sender's mix plus freight.
struct OriginTrace {
    struct Share { var tonnes: Double; var freightYuan: Double }
    typealias Key = Formulation.BalanceKey
    private(set) var mix: [Key: [String: Share]] = [:]
    private(set) var kinds: [String: (kind: PriceExplanation.Origin.Kind, region: String)] = [:]

    init(_ formulation: Formulation, values x: [Double]) {
        let network = formulation.network
        let tolerance = 1e-9
        var local: [Key: [String: Double]] = [:]
        for (o, operation) in formulation.operations.enumerated() {
            let group = formulation.groups[operation.group]
            guard let commodity = formulation.index.commodities[network.processes[operation.process].output] else { continue }
            kinds[group.id] = (.plant, network.regions[group.region].id)
            for (p, column) in formulation.makeColumns[o].enumerated() where x[column] > tolerance {
                local[Key(region: operation.region, commodity: commodity, period: p), default: [:]][group.id, default: 0] += x[column]
            }
        }
        for (s, supply) in network.supplies.enumerated() {
            kinds[supply.id] = (.supply, supply.region)
            for (p, column) in formulation.supplyColumns[s].enumerated() where x[column] > tolerance {
                let key = Key(region: formulation.index.regions[supply.region]!, commodity: formulation.index.commodities[supply.commodity]!, period: p)
                local[key, default: [:]][supply.id, default: 0] += x[column]
            }
        }
        struct Inbound { let from: Key; let tonnes: Double; let freight: Double }
        var inbound: [Key: [Inbound]] = [:]
        for shipment in formulation.shipments where x[shipment.column] > tolerance {
            let to = Key(region: shipment.to, commodity: shipment.commodity, period: shipment.period)
            let from = Key(region: shipment.from, commodity: shipment.commodity, period: shipment.period)
            inbound[to, default: []].append(
                Inbound(from: from, tonnes: x[shipment.column], freight: formulation.columnFootprints[shipment.column].cost.freight))
        }
        for stock in formulation.stocks where x[stock.column] > tolerance {
            let next = (stock.period + 1) % formulation.periods.count
            let to = Key(region: stock.region, commodity: stock.commodity, period: next)
            inbound[to, default: []].append(
                Inbound(from: Key(region: stock.region, commodity: stock.commodity, period: stock.period), tonnes: x[stock.column], freight: 0))
        }
        let keys = Set(local.keys).union(inbound.keys)
        // Each pass settles one more link of the longest chain; an optimal flow has no cycles of cost.
        for _ in 0...keys.count {
            var changed = false
            for key in keys {
                var total = 0.0
                var shares: [String: Share] = [:]
                for (origin, tonnes) in local[key] ?? [:] {
                    shares[origin, default: Share(tonnes: 0, freightYuan: 0)].tonnes += tonnes
                    total += tonnes
                }
                for flow in inbound[key] ?? [] {
                    let sender = mix[flow.from] ?? [:]
                    let senderTotal = sender.values.reduce(0) { $0 + $1.tonnes }
                    guard senderTotal > 0 else { continue }
                    for (origin, share) in sender {
                        let tonnes = flow.tonnes * share.tonnes / senderTotal
                        let perTonne = share.freightYuan / share.tonnes + flow.freight
                        shares[origin, default: Share(tonnes: 0, freightYuan: 0)].tonnes += tonnes
                        shares[origin]!.freightYuan += tonnes * perTonne
                    }
                    total += flow.tonnes
                }
                let old = mix[key] ?? [:]
                if old.count != shares.count || shares.contains(where: { abs((old[$0.key]?.tonnes ?? -1) - $0.value.tonnes) > 1e-6 * max(1, total) || abs((old[$0.key]?.freightYuan ?? -1) - $0.value.freightYuan) > 1e-6 * max(1, $0.value.freightYuan) }) {
                    changed = true
                }
                mix[key] = shares
            }
            if !changed { break }
        }
    }
}
