import LinearModel
import PotlineFormulation
import PotlineNetwork

/// What a siting solve decided: sites built, plants closed or retrofitted, and which closures
/// fund which builds under capacity transfer.
public struct SitingPlan: Sendable, Codable {
    /// A candidate the plan builds, with its capacity, capital and margin.
    public struct Build: Sendable, Codable {
        public var candidate: String
        public var region: String
        public var process: String
        public var capacityTonnesPerYear: Double
        /// Site capex + capacity capex (yuan, once).
        public var capexYuan: Double
        /// Capex annualised + fixed operating cost (yuan/y).
        public var annualCapitalYuan: Double
        /// Annual capital + this year's variable costs of its output (yuan/y).
        public var yearOneCostYuan: Double
        public var productionTonnesPerYear: Double
        /// How much its yearly charges may rise before another plan is as cheap: the smallest
        /// break-even among the forced solves that leave it out (yuan/y).
        public var marginYuanPerYear: Double?
        /// The margin as a power-price rise: margin ÷ (its kWh/t × its output), yuan/kWh.
        public var marginPowerPriceYuanPerKWh: Double?

        /// JSON keys keep the published names of earlier releases.
        enum CodingKeys: String, CodingKey {
            case candidate
            case region
            case process
            case capacityTonnesPerYear = "capacityTPerY"
            case capexYuan
            case annualCapitalYuan
            case yearOneCostYuan
            case productionTonnesPerYear = "productionTPerY"
            case marginYuanPerYear = "marginYuanPerY"
            case marginPowerPriceYuanPerKWh = "marginPowerPriceYuanPerKwh"
        }
    }

    /// A plant the plan closes, with the capacity it frees and its closure cost.
    public struct Closure: Sendable, Codable {
        public var plant: String
        public var region: String
        public var process: String
        public var capacityFreedTonnesPerYear: Double
        public var closureCostYuanPerYear: Double

        /// JSON keys keep the published names of earlier releases.
        enum CodingKeys: String, CodingKey {
            case plant
            case region
            case process
            case capacityFreedTonnesPerYear = "capacityFreedTPerY"
            case closureCostYuanPerYear = "closureCostYuanPerY"
        }
    }

    /// A retrofit the plan takes, with the kWh/t before and after.
    public struct RetrofitChoice: Sendable, Codable {
        public var retrofit: String
        public var plant: String
        public var fromKWhPerTonne: Double
        public var toKWhPerTonne: Double
        public var capexYuan: Double
        public var annualCapitalYuan: Double

        /// JSON keys keep the published names of earlier releases.
        enum CodingKeys: String, CodingKey {
            case retrofit
            case plant
            case fromKWhPerTonne = "fromKwhPerT"
            case toKWhPerTonne = "toKwhPerT"
            case capexYuan
            case annualCapitalYuan
        }
    }

    /// Quota (t/y) a closure hands to a build under capacity transfer.
    public struct Transfer: Sendable, Codable {
        public var fromPlant: String
        public var fromRegion: String
        public var toCandidate: String
        public var toRegion: String
        public var tonnesPerYear: Double

        /// JSON keys keep the published names of earlier releases.
        enum CodingKeys: String, CodingKey {
            case fromPlant
            case fromRegion
            case toCandidate
            case toRegion
            case tonnesPerYear = "tonnesPerY"
        }
    }

    /// A candidate left out, and how much cheaper (yuan/y of its annual charges) it would
    /// have to be for the optimiser to build it.
    public struct Rejection: Sendable, Codable {
        public var candidate: String
        public var region: String
        public var reason: RejectionReason
        public var breakEvenReductionYuanPerYear: Double?
        /// The same as a share of all its yearly charges at the size it would be built: annual
        /// capital, fixed cost and the variable cost of its output (``Build/yearOneCostYuan``).
        public var breakEvenReductionShare: Double?
        /// The break-even as a power-price fall: break-even ÷ (its kWh/t × its output when forced
        /// in), yuan/kWh. A first-order figure: it holds the rest of the plan at the forced optimum.
        public var breakEvenPowerPriceYuanPerKWh: Double?

        /// JSON keys keep the published names of earlier releases.
        enum CodingKeys: String, CodingKey {
            case candidate
            case region
            case reason
            case breakEvenReductionYuanPerYear = "breakEvenReductionYuanPerY"
            case breakEvenReductionShare
            case breakEvenPowerPriceYuanPerKWh = "breakEvenPowerPriceYuanPerKwh"
        }
    }

    /// How the plan moves a delivered cost against the no-build baseline, yuan/t.
    public struct DeliveredCostChange: Sendable, Codable {
        public var region: String
        public var commodity: String
        public var baselineYuanPerTonne: Double?
        public var planYuanPerTonne: Double?
        public var changeYuanPerTonne: Double?

        package init(
            region: String,
            commodity: String,
            baselineYuanPerTonne: Double? = nil,
            planYuanPerTonne: Double? = nil,
            changeYuanPerTonne: Double? = nil
        ) {
            self.region = region
            self.commodity = commodity
            self.baselineYuanPerTonne = baselineYuanPerTonne
            self.planYuanPerTonne = planYuanPerTonne
            self.changeYuanPerTonne = changeYuanPerTonne
        }

        /// JSON keys keep the published names of earlier releases.
        enum CodingKeys: String, CodingKey {
            case region
            case commodity
            case baselineYuanPerTonne = "baselineYuanPerT"
            case planYuanPerTonne = "planYuanPerT"
            case changeYuanPerTonne = "changeYuanPerT"
        }
    }

    public var builds: [Build] = []
    public var closures: [Closure] = []
    public var retrofits: [RetrofitChoice] = []
    public var transfers: [Transfer] = []
    public var rejected: [Rejection] = []
    /// Against the no-build baseline (no sites, closures or retrofits), when it was solved.
    public var baselineTotalCostYuan: Double?
    public var deliveredCostChanges: [DeliveredCostChange] = []
}

/// Why a candidate was not built. Studies select by case (the break-even analysis forces in the
/// `.notEconomic` ones); reports and JSON show ``words``.
public enum RejectionReason: Sendable, Equatable, Codable {
    /// Its kWh/t is above what the energy standard allows new plants.
    case barredByEnergyStandard(maximumKWhPerTonne: Double)
    case mustNotBuild
    /// The optimiser was free to build it and did not.
    case notEconomic
    /// Forced in, its cost rise exceeds its whole annual capital charge.
    case notEconomicEvenWithoutCapital
    /// The forced-in solve stopped at the time limit.
    case breakEvenNotProven
    /// Siting was held at a plan that does not build it.
    case notInHeldPlan
    /// The no-build baseline builds nothing.
    case noBuildBaseline
    /// A reason read back from a JSON document that this version does not know.
    case described(String)

    public var words: String {
        switch self {
        case .barredByEnergyStandard(let limit):
            "uses more than the \(Format.number(limit)) kWh/t new plants may (energy standard)"
        case .mustNotBuild: "must not build"
        case .notEconomic: "not economic"
        case .notEconomicEvenWithoutCapital: "not economic even at no capital cost"
        case .breakEvenNotProven: "not economic (break-even not proven within the time limit)"
        case .notInHeldPlan: "not in the held plan (siting fixed)"
        case .noBuildBaseline: "no-build baseline (siting none)"
        case .described(let words): words
        }
    }

    private static let fixedCases: [RejectionReason] = [
        .mustNotBuild, .notEconomic, .notEconomicEvenWithoutCapital, .breakEvenNotProven, .notInHeldPlan, .noBuildBaseline,
    ]

    /// JSON carries the words, as reports show them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(words)
    }

    public init(from decoder: any Decoder) throws {
        let words = try decoder.singleValueContainer().decode(String.self)
        self = Self.fixedCases.first { $0.words == words } ?? .described(words)
    }
}
