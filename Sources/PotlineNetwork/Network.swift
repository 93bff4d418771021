/// A supply-chain network: where material comes from, what plants make of it, how it moves,
/// and where it is wanted. Plain data; ``Network/problems()`` checks it, ``NetworkLoader`` reads it
/// from a folder of CSV tables and a YAML manifest (see `Networks/README.md`).
public struct Network: Sendable, Equatable {
    public var name: String
    public var description: String
    public var baseYear: Int
    public var modes: [TransportMode]
    public var regions: [Region]
    public var commodities: [Commodity]
    public var processes: [ProductionProcess]
    public var plants: [Plant]
    public var supplies: [Supply]
    public var demands: [Demand]
    public var links: [Link]

    // Siting (Siting.swift)
    public var candidates: [Candidate] = []
    public var retrofits: [Retrofit] = []
    public var capacityLimits: [CapacityLimit] = []
    public var capacityPolicies: [CapacityPolicy] = []
    /// Other processes existing plants may run within their capacity (Alternative.swift).
    public var alternatives: [Alternative] = []
    /// At most this many candidate sites may be built.
    public var maximumNewSites: Int?

    // Power, seasons, self-supply, carbon (Power.swift)
    public var surcharge: TieredSurcharge?
    /// Parts of the year; empty means one period, the whole year.
    public var periods: [Period] = []
    public var periodConditions: [PeriodCondition] = []
    public var captivePower: [CaptivePower] = []
    public var tolling: [TollingService] = []
    public var selfSupplyTargets: [SelfSupplyTarget] = []
    public var carbon = CarbonPolicy()
    /// Energy-use caps (EnergyCap.swift) and the green-power target (GreenPowerTarget.swift).
    public var energyCaps: [EnergyCap] = []
    public var greenPower: GreenPowerTarget?

    /// Plausible lows and highs of figures, from `ranges.csv` (EstimateRange.swift).
    public var ranges: [EstimateRange] = []

    public init(
        name: String, description: String = "", baseYear: Int, modes: [TransportMode] = TransportMode.builtIn,
        regions: [Region] = [], commodities: [Commodity] = [], processes: [ProductionProcess] = [], plants: [Plant] = [],
        supplies: [Supply] = [], demands: [Demand] = [], links: [Link] = []
    ) {
        self.name = name
        self.description = description
        self.baseYear = baseYear
        self.modes = modes
        self.regions = regions
        self.commodities = commodities
        self.processes = processes
        self.plants = plants
        self.supplies = supplies
        self.demands = demands
        self.links = links
    }
}

/// Where an entity was read from: a file and its spreadsheet row (the header is row 1).
public struct SourceLocation: Sendable, Hashable, Codable {
    public var file: String
    public var row: Int
    public init(file: String, row: Int) {
        self.file = file
        self.row = row
    }
}

/// A way of moving freight (rail, road, river, sea): its circuity, rate in yuan/t·km and handling in yuan/t.
public struct TransportMode: Sendable, Equatable {
    public var name: String
    /// Route length ÷ great-circle distance, for links without a distance.
    public var circuity: Double
    public var rateYuanPerTonneKm: Double
    public var handlingYuanPerTonne: Double

    public init(name: String, circuity: Double, rateYuanPerTonneKm: Double, handlingYuanPerTonne: Double) {
        self.name = name
        self.circuity = circuity
        self.rateYuanPerTonneKm = rateYuanPerTonneKm
        self.handlingYuanPerTonne = handlingYuanPerTonne
    }

    /// Defaults from `../shared/DOMAIN.md` (estimates): rail all-in 0.12–0.18 yuan/t-km with the
    /// class-4 tariff's 10.5 yuan/t terminal charge; road 0.35–0.55; inland waterway 0.03–0.06;
    /// coastal shipping 0.015–0.03; port handling 20–30 yuan/t.
    public static let builtIn: [TransportMode] = [
        TransportMode(name: "rail", circuity: 1.25, rateYuanPerTonneKm: 0.15, handlingYuanPerTonne: 10.5),
        TransportMode(name: "road", circuity: 1.30, rateYuanPerTonneKm: 0.45, handlingYuanPerTonne: 0),
        TransportMode(name: "waterway", circuity: 1.40, rateYuanPerTonneKm: 0.045, handlingYuanPerTonne: 25),
        TransportMode(name: "sea", circuity: 1.20, rateYuanPerTonneKm: 0.02, handlingYuanPerTonne: 25),
    ]
}

/// A province, port or foreign origin: where plants, supplies and demands sit.
public struct Region: Sendable, Equatable {
    /// What sort of place a region is.
    public enum Kind: String, Sendable, Codable, CaseIterable { case province, port, foreign }

    public var id: String
    public var name: String
    public var kind: Kind
    /// Larger area for summaries ("East China"); nil: none.
    public var area: String?
    public var latitudeDegrees: Double
    public var longitudeDegrees: Double
    /// Grid electricity price; nil where no plant may draw grid power.
    public var gridPriceYuanPerKWh: Double?
    /// CO2 per kWh of grid power (kg/kWh).
    public var gridEmissionKgPerKWh: Double?
    /// Capacity to retire elsewhere per tonne of new capacity built here (产能置换); nil: the policy's default.
    public var transferRatio: Double?
    /// Most CO2 the region's plants may emit (t/y); nil: no cap.
    public var carbonCapTonnes: Double?
    public var location: SourceLocation?

    public init(
        id: String, name: String? = nil, kind: Kind = .province, area: String? = nil, latitudeDegrees: Double,
        longitudeDegrees: Double, gridPriceYuanPerKWh: Double? = nil, gridEmissionKgPerKWh: Double? = nil, transferRatio: Double? = nil,
        carbonCapTonnes: Double? = nil, location: SourceLocation? = nil
    ) {
        self.area = area
        self.gridEmissionKgPerKWh = gridEmissionKgPerKWh
        self.transferRatio = transferRatio
        self.carbonCapTonnes = carbonCapTonnes
        self.id = id
        self.name = name ?? id
        self.kind = kind
        self.latitudeDegrees = latitudeDegrees
        self.longitudeDegrees = longitudeDegrees
        self.gridPriceYuanPerKWh = gridPriceYuanPerKWh
        self.location = location
    }
}

/// A material that flows through the chain (bauxite, alumina, aluminium, anodes…).
public struct Commodity: Sendable, Equatable {
    public var id: String
    public var name: String
    /// Cost of holding a tonne in stock for a year; nil: cannot be stored between periods.
    public var holdingCostYuanPerTonnePerYear: Double?
    public var location: SourceLocation?

    public init(
        id: String, name: String? = nil, holdingCostYuanPerTonnePerYear: Double? = nil, location: SourceLocation? = nil
    ) {
        self.holdingCostYuanPerTonnePerYear = holdingCostYuanPerTonnePerYear
        self.id = id
        self.name = name ?? id
        self.location = location
    }
}

/// A recipe: per tonne of its main output, the inputs consumed, by-products made,
/// electricity used and other variable cost.
public struct ProductionProcess: Sendable, Equatable {
    /// An input of a process and the tonnes of it per tonne of output.
    public struct Ingredient: Sendable, Equatable {
        public var commodity: String
        public var tonnesPerTonne: Double
        public var location: SourceLocation?
        public init(commodity: String, tonnesPerTonne: Double, location: SourceLocation? = nil) {
            self.commodity = commodity
            self.tonnesPerTonne = tonnesPerTonne
            self.location = location
        }
    }

    public var id: String
    public var name: String
    public var output: String
    public var electricityKWhPerTonne: Double
    public var otherCostYuanPerTonne: Double
    public var inputs: [Ingredient]
    public var byproducts: [Ingredient]
    /// Direct (process) CO2 per tonne of output, e.g. anode consumption in smelting (t/t).
    public var processEmissionTonnesPerTonne: Double
    public var location: SourceLocation?

    public init(
        id: String, name: String? = nil, output: String, electricityKWhPerTonne: Double = 0,
        otherCostYuanPerTonne: Double = 0, inputs: [Ingredient] = [], byproducts: [Ingredient] = [],
        processEmissionTonnesPerTonne: Double = 0, location: SourceLocation? = nil
    ) {
        self.processEmissionTonnesPerTonne = processEmissionTonnesPerTonne
        self.id = id
        self.name = name ?? id
        self.output = output
        self.electricityKWhPerTonne = electricityKWhPerTonne
        self.otherCostYuanPerTonne = otherCostYuanPerTonne
        self.inputs = inputs
        self.byproducts = byproducts
        self.location = location
    }
}

/// An existing plant: its region, process, capacity in t/y and costs.
public struct Plant: Sendable, Equatable {
    public var id: String
    public var region: String
    public var process: String
    public var capacityTonnesPerYear: Double
    public var owner: String
    /// This plant's own consumption where it differs from its process's.
    public var electricityKWhPerTonne: Double?
    public var otherCostYuanPerTonne: Double?
    /// This plant's own power price (captive plant, direct contract) where it differs from the grid.
    public var electricityPriceYuanPerKWh: Double?
    /// Share of its power from non-hydro renewables, 0…1 (for the surcharge credit).
    public var renewableShare: Double?
    /// Yearly cost of having closed it (severance, write-off, remediation spread over the plan
    /// horizon), yuan/y; nil: the plant may not close.
    public var closureCostYuanPerYear: Double?
    public var location: SourceLocation?

    public init(
        id: String, region: String, process: String, capacityTonnesPerYear: Double, owner: String = "",
        electricityKWhPerTonne: Double? = nil, otherCostYuanPerTonne: Double? = nil,
        electricityPriceYuanPerKWh: Double? = nil, renewableShare: Double? = nil, closureCostYuanPerYear: Double? = nil,
        location: SourceLocation? = nil
    ) {
        self.renewableShare = renewableShare
        self.closureCostYuanPerYear = closureCostYuanPerYear
        self.id = id
        self.region = region
        self.process = process
        self.capacityTonnesPerYear = capacityTonnesPerYear
        self.owner = owner
        self.electricityKWhPerTonne = electricityKWhPerTonne
        self.otherCostYuanPerTonne = otherCostYuanPerTonne
        self.electricityPriceYuanPerKWh = electricityPriceYuanPerKWh
        self.location = location
    }
}

/// A raw-material source: a mine, an import contract, a market.
public struct Supply: Sendable, Equatable {
    public var id: String
    public var region: String
    public var commodity: String
    /// nil means unlimited.
    public var capacityTonnesPerYear: Double?
    public var priceYuanPerTonne: Double
    public var location: SourceLocation?

    public init(
        id: String, region: String, commodity: String, capacityTonnesPerYear: Double? = nil,
        priceYuanPerTonne: Double, location: SourceLocation? = nil
    ) {
        self.id = id
        self.region = region
        self.commodity = commodity
        self.capacityTonnesPerYear = capacityTonnesPerYear
        self.priceYuanPerTonne = priceYuanPerTonne
        self.location = location
    }
}

/// Tonnes per year of a commodity a region must receive.
public struct Demand: Sendable, Equatable {
    public var region: String
    public var commodity: String
    public var tonnesPerYear: Double
    public var location: SourceLocation?

    public init(region: String, commodity: String, tonnesPerYear: Double, location: SourceLocation? = nil) {
        self.region = region
        self.commodity = commodity
        self.tonnesPerYear = tonnesPerYear
        self.location = location
    }
}

/// A freight route between two regions by one mode.
public struct Link: Sendable, Equatable {
    public var id: String
    public var from: String
    public var to: String
    public var mode: String
    /// nil: great-circle distance × the mode's circuity.
    public var distanceKm: Double?
    /// nil: the mode's rate.
    public var rateYuanPerTonneKm: Double?
    /// nil: the mode's handling charge.
    public var handlingYuanPerTonne: Double?
    /// Per direction, all commodities together; nil means unlimited.
    public var capacityTonnesPerYear: Double?
    /// nil: any commodity.
    public var commodities: [String]?
    public var bidirectional: Bool
    public var location: SourceLocation?

    public init(
        id: String, from: String, to: String, mode: String, distanceKm: Double? = nil,
        rateYuanPerTonneKm: Double? = nil, handlingYuanPerTonne: Double? = nil, capacityTonnesPerYear: Double? = nil,
        commodities: [String]? = nil, bidirectional: Bool = true, location: SourceLocation? = nil
    ) {
        self.id = id
        self.from = from
        self.to = to
        self.mode = mode
        self.distanceKm = distanceKm
        self.rateYuanPerTonneKm = rateYuanPerTonneKm
        self.handlingYuanPerTonne = handlingYuanPerTonne
        self.capacityTonnesPerYear = capacityTonnesPerYear
        self.commodities = commodities
        self.bidirectional = bidirectional
        self.location = location
    }
}
