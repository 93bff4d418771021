import LinearModel
import PotlineFormulation
import PotlineNetwork

/// The answer to one solve, as Swift values; encodes to the documented JSON schema
/// (`potline solve --json`, see README "JSON output"). Quantities are t/y, money yuan/y.
public struct Solution: Sendable, Codable {
    /// Identifies the JSON layout; bumped when a field changes meaning or goes away.
    public static let schemaIdentifier = "potline.solution/2"

    /// The size of the model solved: rows, columns, nonzeros and integer columns.
    public struct ModelSize: Sendable, Codable, Equatable {
        public var rows: Int
        public var columns: Int
        public var nonzeros: Int
        public var integerColumns: Int
    }

    /// One period of a multi-period solve and its share of the year.
    public struct PeriodInfo: Sendable, Codable {
        public var id: String
        public var shareOfYear: Double
    }

    /// What one more tonne (marginal) and the tonnes that arrive (average) cost at a demand, yuan/t.
    public struct DeliveredCost: Sendable, Codable {
        public var region: String
        public var commodity: String
        public var demandTonnesPerYear: Double
        /// Shadow price of the region's balance: what one more tonne delivered there would cost
        /// (the year's average over periods, weighted by their length).
        public var marginalCostYuanPerTonne: Double?
        /// The same per period, when the year has several.
        public var marginalCostByPeriodYuanPerTonne: [String: Double]?
        /// Average cost of the tonnes that arrive, traced back through plants and links.
        public var averageCostYuanPerTonne: Double?
        public var averageCostBreakdownYuanPerTonne: CostComponents?
        /// CO2 embedded in an average delivered tonne: processes, power and precursors (tCO2/t).
        public var embeddedCo2TonnesPerTonne: Double?

        /// JSON keys keep the published names of earlier releases.
        enum CodingKeys: String, CodingKey {
            case region
            case commodity
            case demandTonnesPerYear = "demandTPerY"
            case marginalCostYuanPerTonne = "marginalCostYuanPerT"
            case marginalCostByPeriodYuanPerTonne = "marginalCostByPeriodYuanPerT"
            case averageCostYuanPerTonne = "averageCostYuanPerT"
            case averageCostBreakdownYuanPerTonne = "averageCostBreakdownYuanPerT"
            case embeddedCo2TonnesPerTonne = "embeddedCo2TPerT"
        }
    }

    /// A plant: existing (perhaps retrofitted or closed), a candidate, or a tolling service.
    public struct PlantResult: Sendable, Codable {
        public enum Kind: String, Sendable, Codable { case existing, candidate, tolling }
        public var id: String
        public var kind: Kind
        public var region: String
        public var process: String
        public var output: String
        public var owner: String
        /// Capacity after the plan (0 for a closed plant; nil for a toller without a limit).
        public var capacityTonnesPerYear: Double?
        public var productionTonnesPerYear: Double
        /// Tonnes made in each period (they add up to the year's production).
        public var productionByPeriodT: [String: Double]?
        /// production ÷ capacity, 0…1 (0 for a plant of no capacity; nil without a limit).
        public var utilisation: Double?
        /// The retrofit it runs after the plan, if any.
        public var retrofit: String?
        public var closed: Bool
        /// Weighted over its technologies.
        public var electricityKWhPerTonne: Double
        public var electricityKWh: Double
        /// Average price paid per kWh, all in (grid, captive, fees, surcharge); for an idle plant,
        /// the grid (or its own) price plus surcharge it would pay.
        public var electricityPriceYuanPerKWh: Double
        /// Tiered surcharge on each kWh of its technology.
        public var surchargeYuanPerKWh: Double
        /// Share of its power from captive generation, 0…1 (nil without captive power).
        public var captiveShare: Double?
        /// Its yearly costs, by component (materials excluded: inputs are valued in unit cost).
        public var costYuan: CostComponents
        /// Average cost of a tonne of output: inputs as delivered, power, other, capital.
        public var unitCostYuanPerTonne: Double?
        public var unitCostBreakdownYuanPerTonne: CostComponents?
        /// CO2 at the plant per tonne: process + its power (tCO2/t).
        public var directCo2TonnesPerTonne: Double
        /// CO2 per tonne including precursors (alumina, anodes, …), for CBAM declarations (tCO2/t).
        public var embeddedCo2TonnesPerTonne: Double?

        /// JSON keys keep the published names of earlier releases.
        enum CodingKeys: String, CodingKey {
            case id
            case kind
            case region
            case process
            case output
            case owner
            case capacityTonnesPerYear = "capacityTPerY"
            case productionTonnesPerYear = "productionTPerY"
            case productionByPeriodT
            case utilisation
            case retrofit
            case closed
            case electricityKWhPerTonne = "electricityKwhPerT"
            case electricityKWh = "electricityKwh"
            case electricityPriceYuanPerKWh = "electricityPriceYuanPerKwh"
            case surchargeYuanPerKWh = "surchargeYuanPerKwh"
            case captiveShare
            case costYuan
            case unitCostYuanPerTonne = "unitCostYuanPerT"
            case unitCostBreakdownYuanPerTonne = "unitCostBreakdownYuanPerT"
            case directCo2TonnesPerTonne = "directCo2TPerT"
            case embeddedCo2TonnesPerTonne = "embeddedCo2TPerT"
        }
    }

    /// Purchases from one supply, t/y and yuan/y.
    public struct SupplyResult: Sendable, Codable {
        public var id: String
        public var region: String
        public var commodity: String
        public var capacityTonnesPerYear: Double?
        public var purchasedTonnesPerYear: Double
        public var priceYuanPerTonne: Double
        public var costYuan: Double

        /// JSON keys keep the published names of earlier releases.
        enum CodingKeys: String, CodingKey {
            case id
            case region
            case commodity
            case capacityTonnesPerYear = "capacityTPerY"
            case purchasedTonnesPerYear = "purchasedTPerY"
            case priceYuanPerTonne = "priceYuanPerT"
            case costYuan
        }
    }

    /// Tonnes per year on one link, with its distance and freight cost.
    public struct FlowResult: Sendable, Codable {
        public var link: String
        public var mode: String
        public var commodity: String
        public var from: String
        public var to: String
        public var tonnesPerYear: Double
        /// Tonnes carried in each period, when the year has several (they add up to `tonnesPerYear`).
        public var tonnesByPeriod: [String: Double]?
        public var distanceKm: Double
        public var tonneKm: Double
        public var freightCostYuanPerTonne: Double
        public var freightCostYuan: Double

        /// JSON keys keep the published names of earlier releases.
        enum CodingKeys: String, CodingKey {
            case link
            case mode
            case commodity
            case from
            case to
            case tonnesPerYear = "tonnesPerY"
            case tonnesByPeriod
            case distanceKm
            case tonneKm
            case freightCostYuanPerTonne = "freightCostYuanPerT"
            case freightCostYuan
        }
    }

    /// Captive generation and its self-supply ratio.
    public struct CaptivePowerResult: Sendable, Codable {
        public var id: String
        public var plant: String
        public var generatedKWh: Double
        public var capacityKWhPerYear: Double
        /// Captive kWh ÷ the plant's kWh, 0…1.
        public var share: Double
        public var minimumShare: Double?
        public var maximumShare: Double?
        /// What one more percentage point of required share would cost (yuan/y per point; 0 if not binding).
        public var minimumShareValueYuanPerPoint: Double?
        /// What one more percentage point of allowed share would save (yuan/y per point).
        public var maximumShareValueYuanPerPoint: Double?

        /// JSON keys keep the published names of earlier releases.
        enum CodingKeys: String, CodingKey {
            case id
            case plant
            case generatedKWh = "generatedKwh"
            case capacityKWhPerYear = "capacityKwhPerY"
            case share
            case minimumShare
            case maximumShare
            case minimumShareValueYuanPerPoint
            case maximumShareValueYuanPerPoint
        }
    }

    /// A cap on CO2 (policy.carbon, regions.csv) or on electricity (policy.energy): how much of it
    /// the plan uses and what more of it would be worth.
    public struct CapResult: Sendable, Codable {
        public enum Kind: String, Sendable, Codable { case carbon, energy }
        public var kind: Kind
        /// `national` or the region's id.
        public var scope: String
        /// The processes an energy cap counts, `;`-joined (nil for a carbon cap: every emitter).
        public var processes: String?
        /// The cap and what the plan uses of it: t CO2/y for carbon, kWh/y for energy.
        public var limit: Double
        public var used: Double
        public var unit: String
        /// What one more unit of cap would save, yuan/y per t CO2 or per kWh (0: not binding; nil without duals).
        public var valueYuanPerUnit: Double?
    }

    /// An owner's processing done in-house versus bought from tollers.
    public struct SelfSupplyResult: Sendable, Codable {
        public var owner: String
        public var process: String
        public var inHouseTonnesPerYear: Double
        public var tolledTonnesPerYear: Double
        /// In-house ÷ total, 0…1; nil when the owner processed nothing.
        public var share: Double?
        public var tollingFeesYuan: Double
        public var minimumShare: Double?
        public var maximumShare: Double?
        /// What one more percentage point of required in-house share would cost (yuan/y per point).
        public var minimumShareValueYuanPerPoint: Double?
        public var maximumShareValueYuanPerPoint: Double?

        /// JSON keys keep the published names of earlier releases.
        enum CodingKeys: String, CodingKey {
            case owner
            case process
            case inHouseTonnesPerYear = "inHouseTPerY"
            case tolledTonnesPerYear = "tolledTPerY"
            case share
            case tollingFeesYuan
            case minimumShare
            case maximumShare
            case minimumShareValueYuanPerPoint
            case maximumShareValueYuanPerPoint
        }
    }

    /// A demand that cannot be met in full (reported when the network is infeasible).
    public struct UnmetDemand: Sendable, Codable {
        public var region: String
        public var commodity: String
        public var demandTonnesPerYear: Double
        public var unmetTonnesPerYear: Double

        package init(
            region: String,
            commodity: String,
            demandTonnesPerYear: Double,
            unmetTonnesPerYear: Double
        ) {
            self.region = region
            self.commodity = commodity
            self.demandTonnesPerYear = demandTonnesPerYear
            self.unmetTonnesPerYear = unmetTonnesPerYear
        }

        /// JSON keys keep the published names of earlier releases.
        enum CodingKeys: String, CodingKey {
            case region
            case commodity
            case demandTonnesPerYear = "demandTPerY"
            case unmetTonnesPerYear = "unmetTPerY"
        }
    }

    public var schema = Solution.schemaIdentifier
    public var network: String
    public var baseYear: Int
    public var status: TerminationStatus
    public var statusText: String
    public var model: ModelSize
    public var periods: [PeriodInfo] = []
    public var buildSeconds: Double
    public var solveSeconds: Double
    /// Relative gap between the plan found and the best bound (mixed-integer models only).
    public var mipGap: Double?
    /// Whether the plan is proven optimal (for an LP: whether it is optimal).
    public var provenOptimal = false
    public var totalCostYuan: Double?
    public var costBreakdownYuan: CostComponents?
    public var co2T: Double?
    public var deliveredCosts: [DeliveredCost] = []
    public var plants: [PlantResult] = []
    public var supplies: [SupplyResult] = []
    public var flows: [FlowResult] = []
    @OmittedWhenEmpty public var captivePower: [CaptivePowerResult] = []
    @OmittedWhenEmpty public var selfSupply: [SelfSupplyResult] = []
    @OmittedWhenEmpty public var caps: [CapResult] = []
    /// Siting decisions, when the network has candidates, closures or retrofits.
    public var plan: SitingPlan?
    /// For a network with siting decisions: whether they were free, held at a plan, or absent.
    public var siting: SitingModeResult?
    @OmittedWhenEmpty public var unmetDemands: [UnmetDemand] = []
    /// Per demand (and period): the marginal chain that sets its delivered cost and the origins of its
    /// tonnes (LP solves and re-solved plans; nil without duals).
    public var priceExplanations: [PriceExplanation]?
    /// For an infeasible network: the kinds of constraint whose relaxation alone makes it
    /// feasible, in words.
    @OmittedWhenEmpty public var infeasibleConstraints: [String] = []
    /// Why a solution with a plan has no delivered costs (marginal, the duals): the LP with the
    /// plan fixed did not solve, in words. Nil when they are there or when there is no plan to fix.
    public var missingPrices: String?
    /// GLPK's log for the solve (not part of the JSON).
    public var solverLog = ""
    /// The optimal simplex basis, to warm-start the next solve of a similar network (not part of the JSON).
    public var basis: Basis?
    /// Simplex iterations the solve took (not part of the JSON).
    public var simplexIterations = 0
    /// The network's regions with the larger area each rolls up to, for the report's summary by area
    /// (not part of the JSON: a solution read back from JSON has none, and its report skips that summary).
    public var regions: [RegionInfo] = []
    /// The demands the plan serves, t/y by region and commodity, as the network states them (not part of the JSON).
    public var demands: [Demand] = []
    /// The network's process ids in its order, so every map of one network colours a process alike (not part of the JSON).
    public var processes: [String] = []

    /// A region as reports group it.
    public struct RegionInfo: Sendable, Equatable {
        public var id: String
        public var name: String
        public var kind: Region.Kind
        /// Larger area for summaries ("East China"); nil: none.
        public var area: String?
        /// Where the map draws it.
        public var latitudeDegrees: Double
        public var longitudeDegrees: Double

        public init(id: String, name: String, kind: Region.Kind, area: String?, latitudeDegrees: Double, longitudeDegrees: Double) {
            self.id = id
            self.name = name
            self.kind = kind
            self.area = area
            self.latitudeDegrees = latitudeDegrees
            self.longitudeDegrees = longitudeDegrees
        }
    }

    enum CodingKeys: String, CodingKey {
        case schema, network, baseYear, status, statusText, model, periods, buildSeconds, solveSeconds, mipGap,
            provenOptimal, totalCostYuan, costBreakdownYuan, co2T, deliveredCosts, plants, supplies, flows, captivePower,
            selfSupply, caps, plan, siting, unmetDemands, priceExplanations, infeasibleConstraints, missingPrices
    }
}
