import LinearModel
import PotlineFormulation
import PotlineNetwork

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
        public var unitsPerTonne: Double
        /// Its cost per tonne delivered: price, power, freight, other, carbon (yuan/t).
        public var costYuanPerTonne: Double

        package init(
            kind: Kind,
            id: String,
            region: String,
            commodity: String,
            unitsPerTonne: Double,
            costYuanPerTonne: Double
        ) {
            self.kind = kind
            self.id = id
            self.region = region
            self.commodity = commodity
            self.unitsPerTonne = unitsPerTonne
            self.costYuanPerTonne = costYuanPerTonne
        }

        /// JSON keys keep the published names of earlier releases.
        enum CodingKeys: String, CodingKey {
            case kind
            case id
            case region
            case commodity
            case unitsPerTonne = "unitsPerT"
            case costYuanPerTonne = "costYuanPerT"
        }
    }

    /// A plant (or supply) whose output reaches the demand, with what a tonne from it costs there.
    public struct Origin: Sendable, Codable {
        public enum Kind: String, Sendable, Codable { case plant, supply }
        public var source: String
        public var kind: Kind
        public var region: String
        public var tonnesPerYear: Double
        /// Share of the tonnes arriving at the demand's region, 0…1.
        public var share: Double
        /// Its average cost per tonne at the gate (for a supply: its price), yuan/t.
        public var gateCostYuanPerTonne: Double?
        /// Average freight from its gate to the demand's region, yuan/t.
        public var freightYuanPerTonne: Double
        /// gate + freight, yuan/t.
        public var costToServeYuanPerTonne: Double?

        package init(
            source: String,
            kind: Kind,
            region: String,
            tonnesPerYear: Double,
            share: Double,
            gateCostYuanPerTonne: Double? = nil,
            freightYuanPerTonne: Double,
            costToServeYuanPerTonne: Double? = nil
        ) {
            self.source = source
            self.kind = kind
            self.region = region
            self.tonnesPerYear = tonnesPerYear
            self.share = share
            self.gateCostYuanPerTonne = gateCostYuanPerTonne
            self.freightYuanPerTonne = freightYuanPerTonne
            self.costToServeYuanPerTonne = costToServeYuanPerTonne
        }

        /// JSON keys keep the published names of earlier releases.
        enum CodingKeys: String, CodingKey {
            case source
            case kind
            case region
            case tonnesPerYear = "tonnesPerY"
            case share
            case gateCostYuanPerTonne = "gateCostYuanPerT"
            case freightYuanPerTonne = "freightYuanPerT"
            case costToServeYuanPerTonne = "costToServeYuanPerT"
        }
    }

    public var region: String
    public var commodity: String
    /// The year's dual of the demand's balance (``Solution/DeliveredCost/marginalCostYuanPerTonne``).
    public var marginalCostYuanPerTonne: Double
    /// Cost of the next tonne as the re-solve found it: Σ steps' costs. Equals the dual unless the
    /// basis is degenerate at this demand (then the dual is one of several valid prices).
    public var nextTonneCostYuanPerTonne: Double
    /// Plant whose extra output serves the next tonne: the largest increase at a plant making the
    /// demanded commodity (nil when the chain ends at a purchase).
    public var settingPlant: String?
    /// What changes for one more tonne, largest cost first: its costs add up to `nextTonneCostYuanPerTonne`.
    public var chain: [Step]
    /// Origins of the delivered commodity, largest first.
    public var origins: [Origin]

    package init(
        region: String,
        commodity: String,
        marginalCostYuanPerTonne: Double,
        nextTonneCostYuanPerTonne: Double,
        settingPlant: String? = nil,
        chain: [Step],
        origins: [Origin]
    ) {
        self.region = region
        self.commodity = commodity
        self.marginalCostYuanPerTonne = marginalCostYuanPerTonne
        self.nextTonneCostYuanPerTonne = nextTonneCostYuanPerTonne
        self.settingPlant = settingPlant
        self.chain = chain
        self.origins = origins
    }

    /// JSON keys keep the published names of earlier releases.
    enum CodingKeys: String, CodingKey {
        case region
        case commodity
        case marginalCostYuanPerTonne = "marginalCostYuanPerT"
        case nextTonneCostYuanPerTonne = "nextTonneCostYuanPerT"
        case settingPlant
        case chain
        case origins
    }
}

/// Where the tonnes at each (region, commodity, period) come from: mixing at every node, plant
/// output and purchases are origins; shipments carry the sender's mix plus freight.
package struct OriginTrace {
    package struct Share {
        package var tonnes: Double
        package var freightYuan: Double
        package init(tonnes: Double, freightYuan: Double) {
            self.tonnes = tonnes
            self.freightYuan = freightYuan
        }
    }
    package typealias Key = Formulation.BalanceKey
    package private(set) var mix: [Key: [String: Share]] = [:]
    package private(set) var kinds: [String: (kind: PriceExplanation.Origin.Kind, region: String)] = [:]

    package init(_ formulation: Formulation, values x: [Double]) {
        let network = formulation.network
        let tolerance = Tolerance.zeroValue
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
