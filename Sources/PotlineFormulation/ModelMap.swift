/// The families of a formulation's rows: what a constraint stands for, so that studies and
/// readers select rows by family (``Formulation/rows(of:)``), never by their names. The raw
/// value is the first segment of the row's name in exported models (`capacity.GROUP`).
package enum ConstraintFamily: String, CaseIterable, Sendable {
    /// Made + bought + shipped in + stock in − used − shipped out − stock out ≥ demand.
    case balance
    case capacity
    /// A retrofitted plant runs only its new technology; the original only up to its capacity.
    case retrofitted, original
    /// kWh used = grid + captive.
    case power
    case captiveMinimum = "captive_min", captiveMaximum = "captive_max"
    case selfSupplyVolume = "selfsupply_volume", selfSupplyMinimum = "selfsupply_min", selfSupplyMaximum = "selfsupply_max"
    case carbonCap = "carbon_cap"
    /// kWh the capped processes use ≤ the energy-use quota (policy.energy).
    case energyCap = "energy_cap"
    /// A candidate's modules or capacity only if built, and its minimum size.
    case siteModules = "site", siteMinimum = "sitemin", siteMaximum = "sitemax"
    /// A plant takes at most one of closure and its retrofits.
    case oneChoice = "onechoice"
    case ceiling
    case newCapacity = "new_capacity"
    case quotaOut = "quota_out", quotaIn = "quota_in"
    case regionalLimit = "limit"
    case maximumNewSites = "max_new_sites"
    /// Capacity at or below the benchmark kWh/t as a share of all capacity (policy.capacity benchmark_*).
    case benchmarkShare = "benchmark"
    case linkCapacity = "linkcap"
    /// A plan's production held fixed (robust studies).
    case heldProduction = "fix"
    /// A sample's cost above the value at risk (stochastic models with CVaR).
    case conditionalValueAtRisk = "cvar"

    /// The policy a family enforces, in words, for the families an infeasibility diagnosis
    /// relaxes one group at a time; nil for the structure of the chain itself.
    package var policy: PolicyConstraint? {
        switch self {
        case .carbonCap: .carbonCap
        case .energyCap: .energyCap
        case .ceiling: .capacityCeiling
        case .newCapacity: .newCapacityBounds
        case .quotaIn: .capacityTransfer
        case .regionalLimit: .regionalLimits
        case .maximumNewSites: .maximumNewSites
        case .selfSupplyVolume, .selfSupplyMinimum, .selfSupplyMaximum: .selfSupply
        case .captiveMinimum, .captiveMaximum: .captiveShare
        case .linkCapacity: .linkCapacity
        case .benchmarkShare: .benchmarkShare
        default: nil
        }
    }
}

/// The policies (and physical limits) an infeasibility diagnosis can blame, in the order it
/// tries them, with the words that name the network's inputs behind each.
package enum PolicyConstraint: CaseIterable, Sendable {
    case carbonCap, energyCap, capacityCeiling, newCapacityBounds, capacityTransfer, regionalLimits, maximumNewSites, selfSupply,
        captiveShare, linkCapacity, benchmarkShare

    package var words: String {
        switch self {
        case .carbonCap: "the carbon cap (policy.carbon.national_cap_t_per_y, regions.csv carbon_cap_t_per_y)"
        case .energyCap: "the energy-use caps (policy.energy national_cap_kwh_per_y, regional_caps_kwh_per_y)"
        case .capacityCeiling: "the national capacity ceiling (policy.capacity ceiling_t_per_y)"
        case .newCapacityBounds: "the bounds on new capacity (policy.capacity new_capacity_min/max_t_per_y)"
        case .capacityTransfer:
            "capacity transfer: new capacity needs as much quota closed elsewhere (policy.capacity capacity_transfer)"
        case .regionalLimits: "regional capacity limits (capacity_limits.csv)"
        case .maximumNewSites: "the maximum number of new sites (policy.max_new_sites)"
        case .selfSupply: "processing self-supply shares and volumes (self_supply.csv) with the tolling capacity there is"
        case .captiveShare: "captive power share bounds (captive_power.csv min_share, max_share)"
        case .linkCapacity: "link capacities (links.csv capacity_t_per_y)"
        case .benchmarkShare:
            "the share of capacity at or below the benchmark (policy.capacity benchmark_kwh_per_t, benchmark_min_share)"
        }
    }
}

/// The families of a formulation's columns; the raw value is the first segment of the column's
/// name in exported models (`make.PLANT`).
package enum VariableFamily: String, CaseIterable, Sendable {
    case make, toll, buy, ship, stock, grid, captive, unmet
    case build, modules, capacity, close, retrofit, transfer
    /// The value at risk and each sample's excess over it (stochastic models with CVaR).
    case conditionalValueAtRisk = "cvar"

    /// Siting decisions: the first stage of a stochastic model, shared by every sample.
    public var isSitingDecision: Bool {
        switch self {
        case .build, .modules, .capacity, .close, .retrofit, .transfer: true
        default: false
        }
    }

    /// Siting decisions a network can force in (`decision: must_build`), and the words that
    /// name the input, for an infeasibility diagnosis.
    package var forcedDecisionWords: String? {
        switch self {
        case .build: "candidates forced in (candidates.csv decision: must_build)"
        case .retrofit: "retrofits forced in (retrofits.csv decision: must_build)"
        default: nil
        }
    }
}

extension Formulation {
    /// The rows of one family, in the order they were added.
    package func rows(of family: ConstraintFamily) -> [Int] { rowFamilies.indices.filter { rowFamilies[$0] == family } }

    /// The columns of one family, in the order they were added.
    package func columns(of family: VariableFamily) -> [Int] {
        columnFamilies.indices.filter { columnFamilies[$0] == family }
    }

    /// Adds a row of `family`; every row of a formulation goes through here, so the map stays whole.
    @discardableResult
    mutating func addRow(
        _ family: ConstraintFamily, name: String, lower: Double = -.infinity, upper: Double = .infinity,
        terms: [(column: Int, value: Double)] = []
    ) -> Int {
        rowFamilies.append(family)
        return model.addRow(name: name + sampleSuffix, lower: lower, upper: upper, terms: terms)
    }
}
