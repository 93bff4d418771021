import Foundation

/// Siting decisions: candidate plants that may be built, existing plants that may close or be
/// retrofitted, and the capacity policy a plan must respect (see `Networks/README.md`, "Siting").

/// Whether the optimiser may choose, or the analyst forces, a decision.
public enum Decision: String, Sendable, Codable, CaseIterable {
    case optional
    case mustBuild = "must_build"
    case mustNotBuild = "must_not_build"
}

/// Money spent once, turned into an equal yearly charge over the asset's life.
public struct CapitalCost: Sendable, Equatable {
    public var capexYuan: Double
    public var lifetimeYears: Double
    public var discountRate: Double

    public init(capexYuan: Double, lifetimeYears: Double, discountRate: Double) {
        self.capexYuan = capexYuan
        self.lifetimeYears = lifetimeYears
        self.discountRate = discountRate
    }

    /// Capital recovery factor r / (1 − (1 + r)^−n); 1/n when r = 0.
    public static func recoveryFactor(discountRate r: Double, lifetimeYears n: Double) -> Double {
        // expm1/log1p keep precision for tiny rates, where 1 − (1 + r)^−n would round to 0.
        r == 0 ? 1 / n : r / -expm1(-n * log1p(r))
    }

    /// capex × recovery factor, yuan/y.
    public var annualisedYuanPerYear: Double {
        capexYuan * Self.recoveryFactor(discountRate: discountRate, lifetimeYears: lifetimeYears)
    }
}

/// A plant that may be built.
public struct Candidate: Sendable, Equatable {
    /// How a candidate may be sized: whole modules up to a count, or any size between bounds.
    public enum Sizing: Sendable, Equatable {
        /// Whole modules of a fixed size (e.g. 0.5 Mt/y potlines), up to a count.
        case modules(sizeTonnesPerYear: Double, maximum: Int)
        /// Any size between a minimum and a maximum once built.
        case continuous(minimumTonnesPerYear: Double, maximumTonnesPerYear: Double)
    }

    public var id: String
    public var region: String
    public var process: String
    public var owner: String
    public var sizing: Sizing
    /// Capital cost per site, whatever its size (yuan).
    public var siteCapexYuan: Double
    /// Capital cost per tonne/year of capacity (yuan per t/y).
    public var capexYuanPerTonnePerYear: Double
    public var lifetimeYears: Double
    public var discountRate: Double
    /// Fixed operating cost per year once built (yuan/y).
    public var fixedCostYuanPerYear: Double
    public var electricityKWhPerTonne: Double?
    public var otherCostYuanPerTonne: Double?
    public var electricityPriceYuanPerKWh: Double?
    public var renewableShare: Double?
    public var decision: Decision
    public var location: SourceLocation?

    public init(
        id: String, region: String, process: String, owner: String = "", sizing: Sizing, siteCapexYuan: Double = 0,
        capexYuanPerTonnePerYear: Double = 0, lifetimeYears: Double = 25, discountRate: Double = 0.08,
        fixedCostYuanPerYear: Double = 0, electricityKWhPerTonne: Double? = nil, otherCostYuanPerTonne: Double? = nil,
        electricityPriceYuanPerKWh: Double? = nil, renewableShare: Double? = nil, decision: Decision = .optional,
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.region = region
        self.process = process
        self.owner = owner
        self.sizing = sizing
        self.siteCapexYuan = siteCapexYuan
        self.capexYuanPerTonnePerYear = capexYuanPerTonnePerYear
        self.lifetimeYears = lifetimeYears
        self.discountRate = discountRate
        self.fixedCostYuanPerYear = fixedCostYuanPerYear
        self.electricityKWhPerTonne = electricityKWhPerTonne
        self.otherCostYuanPerTonne = otherCostYuanPerTonne
        self.electricityPriceYuanPerKWh = electricityPriceYuanPerKWh
        self.renewableShare = renewableShare
        self.decision = decision
        self.location = location
    }

    /// Most modules a candidate may list: more potlines than any site holds.
    public static let maximumModules = 1_000

    /// Yearly charge for building the site (capex annualised + fixed operating cost).
    public var annualSiteCostYuan: Double {
        CapitalCost(capexYuan: siteCapexYuan, lifetimeYears: lifetimeYears, discountRate: discountRate)
            .annualisedYuanPerYear + fixedCostYuanPerYear
    }

    /// Yearly charge per tonne/year of capacity built.
    public var annualCapacityCostYuanPerTonne: Double {
        CapitalCost(capexYuan: capexYuanPerTonnePerYear, lifetimeYears: lifetimeYears, discountRate: discountRate)
            .annualisedYuanPerYear
    }
}

/// An upgrade an existing plant may take: a new power use and other cost (or a new process,
/// e.g. Acheson to box furnaces), for a capital cost.
public struct Retrofit: Sendable, Equatable {
    public var id: String
    public var plant: String
    /// The process after the retrofit; nil keeps the plant's.
    public var process: String?
    public var electricityKWhPerTonne: Double?
    public var otherCostYuanPerTonne: Double?
    public var capital: CapitalCost
    public var decision: Decision
    public var location: SourceLocation?

    public init(
        id: String, plant: String, process: String? = nil, electricityKWhPerTonne: Double? = nil,
        otherCostYuanPerTonne: Double? = nil, capital: CapitalCost, decision: Decision = .optional,
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.plant = plant
        self.process = process
        self.electricityKWhPerTonne = electricityKWhPerTonne
        self.otherCostYuanPerTonne = otherCostYuanPerTonne
        self.capital = capital
        self.decision = decision
        self.location = location
    }
}

/// Bounds on the capacity of a process in a region after the plan.
public struct CapacityLimit: Sendable, Equatable {
    public var region: String
    public var process: String
    public var minimumTonnesPerYear: Double?
    public var maximumTonnesPerYear: Double?
    public var location: SourceLocation?

    public init(
        region: String, process: String, minimumTonnesPerYear: Double? = nil, maximumTonnesPerYear: Double? = nil,
        location: SourceLocation? = nil
    ) {
        self.region = region
        self.process = process
        self.minimumTonnesPerYear = minimumTonnesPerYear
        self.maximumTonnesPerYear = maximumTonnesPerYear
        self.location = location
    }
}

/// Capacity policy for a family of processes (smelting and its variants, in China's case):
/// the ceiling and the transfer count their capacity together.
public struct CapacityPolicy: Sendable, Equatable {
    public var processes: [String]
    /// National ceiling on built capacity after the plan (45 Mt/y for smelting since 2018).
    public var ceilingTonnesPerYear: Double?
    /// New capacity must be matched by capacity closed elsewhere (产能置换), at the region's
    /// ratio (``Region/transferRatio``, else this default): tonnes retired per tonne built.
    public var capacityTransfer: Bool
    public var defaultTransferRatio: Double
    /// Most kWh/t a new plant may use (GB 21346-2022 level 2: 13,000 for smelters).
    public var newPlantMaxKWhPerTonne: Double?
    /// Existing plants above this (level 3: 13,350) must retrofit below it or close…
    public var existingPlantMaxKWhPerTonne: Double?
    /// …from this year on (the rule applies when the network's base year has reached it; nil: always).
    public var existingPlantDeadlineYear: Int?
    /// Bounds on the new capacity built in the family, nationally ("where should 1 Mt go?").
    public var newCapacityMinimumTonnesPerYear: Double?
    public var newCapacityMaximumTonnesPerYear: Double?
    /// At least this share of the family's capacity (kept + built) must use at most
    /// ``benchmarkKWhPerTonne`` (China's 2024-25 plan: 30% at or below the 13,000 benchmark by
    /// end-2025), counting each plant in the technology it runs after the plan…
    public var benchmarkKWhPerTonne: Double?
    public var benchmarkMinimumShare: Double?
    /// …from this year on (applies when the base year has reached it; nil: always).
    public var benchmarkYear: Int?

    /// A policy for one process.
    public init(
        process: String, ceilingTonnesPerYear: Double? = nil, capacityTransfer: Bool = false,
        defaultTransferRatio: Double = 1, newPlantMaxKWhPerTonne: Double? = nil, existingPlantMaxKWhPerTonne: Double? = nil,
        existingPlantDeadlineYear: Int? = nil
    ) {
        self.init(
            processes: [process], ceilingTonnesPerYear: ceilingTonnesPerYear, capacityTransfer: capacityTransfer,
            defaultTransferRatio: defaultTransferRatio, newPlantMaxKWhPerTonne: newPlantMaxKWhPerTonne,
            existingPlantMaxKWhPerTonne: existingPlantMaxKWhPerTonne, existingPlantDeadlineYear: existingPlantDeadlineYear)
    }

    public init(
        processes: [String], ceilingTonnesPerYear: Double? = nil, capacityTransfer: Bool = false,
        defaultTransferRatio: Double = 1, newPlantMaxKWhPerTonne: Double? = nil, existingPlantMaxKWhPerTonne: Double? = nil,
        existingPlantDeadlineYear: Int? = nil
    ) {
        self.existingPlantDeadlineYear = existingPlantDeadlineYear
        self.processes = processes
        self.ceilingTonnesPerYear = ceilingTonnesPerYear
        self.capacityTransfer = capacityTransfer
        self.defaultTransferRatio = defaultTransferRatio
        self.newPlantMaxKWhPerTonne = newPlantMaxKWhPerTonne
        self.existingPlantMaxKWhPerTonne = existingPlantMaxKWhPerTonne
    }
}

extension Network {
    /// The no-build baseline: every candidate and retrofit barred, no plant may close, and no
    /// bound forces new capacity in.
    public func withoutSiting() -> Network {
        var baseline = self
        for j in baseline.candidates.indices { baseline.candidates[j].decision = .mustNotBuild }
        for k in baseline.retrofits.indices { baseline.retrofits[k].decision = .mustNotBuild }
        for p in baseline.plants.indices { baseline.plants[p].closureCostYuanPerYear = nil }
        for c in baseline.capacityPolicies.indices { baseline.capacityPolicies[c].newCapacityMinimumTonnesPerYear = nil }
        return baseline
    }

    /// Whether the network has siting decisions at all (candidates, retrofits or closable plants).
    public var hasSitingDecisions: Bool {
        !candidates.isEmpty || !retrofits.isEmpty || plants.contains { $0.closureCostYuanPerYear != nil }
    }
}
