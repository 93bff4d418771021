import LinearModel

/// Cost split into what it pays for. Used both for totals (yuan) and per tonne (yuan/t).
public struct CostComponents: Sendable, Codable, Equatable {
    /// Raw materials bought from supplies.
    public var materials: Double = 0
    /// Plant electricity (kWh × price).
    public var electricity: Double = 0
    /// Distance × rate + handling.
    public var freight: Double = 0
    /// Plants' other variable costs.
    public var other: Double = 0

    public init(materials: Double = 0, electricity: Double = 0, freight: Double = 0, other: Double = 0) {
        self.materials = materials
        self.electricity = electricity
        self.freight = freight
        self.other = other
    }

    public var total: Double { materials + electricity + freight + other }

    static func + (a: Self, b: Self) -> Self {
        Self(materials: a.materials + b.materials, electricity: a.electricity + b.electricity,
             freight: a.freight + b.freight, other: a.other + b.other)
    }

    static func * (a: Self, k: Double) -> Self {
        Self(materials: a.materials * k, electricity: a.electricity * k, freight: a.freight * k, other: a.other * k)
    }
}

/// The answer to one solve, as Swift values; encodes to the documented JSON schema
/// (`potline solve --json`, see README "JSON output"). Quantities are t/y, money yuan/y.
public struct Solution: Sendable, Codable {
    /// Identifies the JSON layout; bumped when a field changes meaning or goes away.
    public static let schemaIdentifier = "potline.solution/1"

    public struct ModelSize: Sendable, Codable, Equatable {
        public var rows: Int
        public var columns: Int
        public var nonzeros: Int
        public var integerColumns: Int
    }

    public struct DeliveredCost: Sendable, Codable {
        public var region: String
        public var commodity: String
        public var demandTPerY: Double
        /// Shadow price of the region's balance: what one more tonne delivered there would cost.
        public var marginalCostYuanPerT: Double?
        /// Average cost of the tonnes that arrive, traced back through plants and links.
        public var averageCostYuanPerT: Double?
        public var averageCostBreakdownYuanPerT: CostComponents?
    }

    public struct PlantResult: Sendable, Codable {
        public var id: String
        public var region: String
        public var process: String
        public var output: String
        public var owner: String
        public var capacityTPerY: Double
        public var productionTPerY: Double
        /// production ÷ capacity, 0…1 (0 for a plant of no capacity).
        public var utilisation: Double
        public var electricityKwhPerT: Double
        public var electricityPriceYuanPerKwh: Double
        public var electricityKwh: Double
        public var electricityCostYuan: Double
        public var otherCostYuan: Double
        /// Average cost of a tonne of its output: inputs as delivered, power, other.
        public var unitCostYuanPerT: Double?
    }

    public struct SupplyResult: Sendable, Codable {
        public var id: String
        public var region: String
        public var commodity: String
        public var capacityTPerY: Double?
        public var purchasedTPerY: Double
        public var priceYuanPerT: Double
        public var costYuan: Double
    }

    public struct FlowResult: Sendable, Codable {
        public var link: String
        public var mode: String
        public var commodity: String
        public var from: String
        public var to: String
        public var tonnesPerY: Double
        public var distanceKm: Double
        public var tonneKm: Double
        public var freightCostYuanPerT: Double
        public var freightCostYuan: Double
    }

    /// A demand that cannot be met in full (reported when the network is infeasible).
    public struct UnmetDemand: Sendable, Codable {
        public var region: String
        public var commodity: String
        public var demandTPerY: Double
        public var unmetTPerY: Double
    }

    public var schema = Solution.schemaIdentifier
    public var network: String
    public var baseYear: Int
    public var status: TerminationStatus
    public var statusText: String
    public var model: ModelSize
    public var buildSeconds: Double
    public var solveSeconds: Double
    public var totalCostYuan: Double?
    public var costBreakdownYuan: CostComponents?
    public var deliveredCosts: [DeliveredCost] = []
    public var plants: [PlantResult] = []
    public var supplies: [SupplyResult] = []
    public var flows: [FlowResult] = []
    public var unmetDemands: [UnmetDemand] = []
    /// GLPK's log for the solve (not part of the JSON).
    public var solverLog = ""
    /// The optimal simplex basis, to warm-start the next solve of a similar network (not part of the JSON).
    public var basis: Basis?
    /// Simplex iterations the solve took (not part of the JSON).
    public var simplexIterations = 0

    enum CodingKeys: String, CodingKey {
        case schema, network, baseYear, status, statusText, model, buildSeconds, solveSeconds, totalCostYuan,
            costBreakdownYuan, deliveredCosts, plants, supplies, flows, unmetDemands
    }

    public var isOptimal: Bool { status == .optimal }
}
