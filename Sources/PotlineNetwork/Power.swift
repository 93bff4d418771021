/// Power economics: the tiered surcharge on smelters, captive generation and its fees,
/// self-supply (make or buy), seasons, and carbon (see `Networks/README.md`, "Power").

/// NDRC 发改价格〔2021〕1239号: a smelter whose liquid-aluminium AC consumption exceeds the
/// threshold pays a surcharge on all its electricity for every step above it (a part-step
/// counts as a full step); non-hydro renewables above a free share cut the surcharge.
public struct TieredSurcharge: Sendable, Equatable {
    /// Processes the surcharge applies to (smelting).
    public var processes: [String]
    public var thresholdKWhPerTonne: Double
    public var stepKWhPerTonne: Double
    public var yuanPerKWhPerStep: Double
    /// Renewable share above which the credit starts (0.15).
    public var renewableShareFree: Double
    /// Fraction of the surcharge cut per percentage point above the free share (0.01).
    public var creditPerPercentagePoint: Double

    /// Thresholds by year in force: 13,650 (2021–22), 13,450 (from 2023), 13,300 (from 2025).
    public static func threshold(forYear year: Int) -> Double {
        year >= 2025 ? 13_300 : year >= 2023 ? 13_450 : 13_650
    }

    public init(
        processes: [String] = ["smelting"], thresholdKWhPerTonne: Double, stepKWhPerTonne: Double = 20,
        yuanPerKWhPerStep: Double = 0.01, renewableShareFree: Double = 0.15, creditPerPercentagePoint: Double = 0.01
    ) {
        self.processes = processes
        self.thresholdKWhPerTonne = thresholdKWhPerTonne
        self.stepKWhPerTonne = stepKWhPerTonne
        self.yuanPerKWhPerStep = yuanPerKWhPerStep
        self.renewableShareFree = renewableShareFree
        self.creditPerPercentagePoint = creditPerPercentagePoint
    }

    /// Steps above the threshold: ⌈(kWh/t − threshold) / step⌉, 0 at or below it.
    public func steps(kWhPerTonne: Double) -> Int {
        let excess = kWhPerTonne - thresholdKWhPerTonne
        guard excess > 1e-9 else { return 0 }
        // Validation keeps kWh/t and the step within plausible ranges (at most 100,000 steps).
        return Int.clamped(excess / stepKWhPerTonne - 1e-9, to: 0...Int(Int32.max), rounding: .up)
    }

    /// Surcharge on every kWh the plant uses, after the renewable credit.
    public func yuanPerKWh(kWhPerTonne: Double, renewableShare: Double) -> Double {
        let gross = Double(steps(kWhPerTonne: kWhPerTonne)) * yuanPerKWhPerStep
        let pointsAbove = max(0, (renewableShare - renewableShareFree) * 100)
        return gross * max(0, 1 - pointsAbove * creditPerPercentagePoint)
    }
}

/// A part of the year with its own power prices and availability (wet and dry season, months).
public struct Period: Sendable, Equatable {
    public var id: String
    /// Fraction of the year, 0…1; the periods add up to 1.
    public var shareOfYear: Double
    public var location: SourceLocation?

    public init(id: String, shareOfYear: Double, location: SourceLocation? = nil) {
        self.id = id
        self.shareOfYear = shareOfYear
        self.location = location
    }
}

/// A region's conditions in one period: its grid price and the share of plant capacity that
/// can run (hydro provinces curtail smelters in the dry season).
public struct PeriodCondition: Sendable, Equatable {
    public var region: String
    public var period: String
    public var gridPriceYuanPerKWh: Double?
    /// Share of capacity available, 0…1 (nil: 1).
    public var availability: Double?
    public var location: SourceLocation?

    public init(
        region: String, period: String, gridPriceYuanPerKWh: Double? = nil, availability: Double? = nil,
        location: SourceLocation? = nil
    ) {
        self.region = region
        self.period = period
        self.gridPriceYuanPerKWh = gridPriceYuanPerKWh
        self.availability = availability
        self.location = location
    }
}

/// Captive generation serving one plant: how much, what it costs, the fees captive power pays,
/// and bounds on the plant's self-supply ratio (电力自给率).
public struct CaptivePower: Sendable, Equatable {
    public var id: String
    public var plant: String
    /// Most energy it can deliver in a year (kWh/y).
    public var capacityKWhPerYear: Double
    /// The unit's rating when given in MW (capacityKWhPerYear = MW × 8,760 h × 1,000), kept so the
    /// network writes back as it was read.
    public var capacityMegawatts: Double?
    public var generationCostYuanPerKWh: Double
    /// System backup fee (by voltage level), government funds and cross-subsidy, yuan/kWh each.
    public var backupFeeYuanPerKWh: Double
    public var fundsYuanPerKWh: Double
    public var crossSubsidyYuanPerKWh: Double
    public var emissionKgPerKWh: Double
    public var minimumShare: Double?
    public var maximumShare: Double?
    public var location: SourceLocation?

    /// All fees on a captive kWh (yuan/kWh).
    public var feesYuanPerKWh: Double { backupFeeYuanPerKWh + fundsYuanPerKWh + crossSubsidyYuanPerKWh }

    /// `feesYuanPerKWh` is the backup fee when the parts are not given apart.
    public init(
        id: String, plant: String, capacityKWhPerYear: Double, capacityMegawatts: Double? = nil,
        generationCostYuanPerKWh: Double, feesYuanPerKWh: Double = 0, fundsYuanPerKWh: Double = 0,
        crossSubsidyYuanPerKWh: Double = 0, emissionKgPerKWh: Double = 0, minimumShare: Double? = nil,
        maximumShare: Double? = nil, location: SourceLocation? = nil
    ) {
        self.id = id
        self.plant = plant
        self.capacityKWhPerYear = capacityKWhPerYear
        self.capacityMegawatts = capacityMegawatts
        self.generationCostYuanPerKWh = generationCostYuanPerKWh
        self.backupFeeYuanPerKWh = feesYuanPerKWh
        self.fundsYuanPerKWh = fundsYuanPerKWh
        self.crossSubsidyYuanPerKWh = crossSubsidyYuanPerKWh
        self.emissionKgPerKWh = emissionKgPerKWh
        self.minimumShare = minimumShare
        self.maximumShare = maximumShare
        self.location = location
    }
}

/// Processing bought from a toller: the process runs outside the owner's plants for a fee
/// per tonne (the toller's power and costs are in the fee); inputs still come from the owner.
public struct TollingService: Sendable, Equatable {
    public var id: String
    public var region: String
    public var process: String
    /// Whose material is processed (for self-supply targets).
    public var owner: String
    public var feeYuanPerTonne: Double
    public var capacityTonnesPerYear: Double?
    public var location: SourceLocation?

    public init(
        id: String, region: String, process: String, owner: String, feeYuanPerTonne: Double,
        capacityTonnesPerYear: Double? = nil, location: SourceLocation? = nil
    ) {
        self.id = id
        self.region = region
        self.process = process
        self.owner = owner
        self.feeYuanPerTonne = feeYuanPerTonne
        self.capacityTonnesPerYear = capacityTonnesPerYear
        self.location = location
    }
}

/// Bounds on the share of an owner's processing done in its own plants (石墨化自供率 ≥ 70%),
/// over one or more processes (all graphitization furnace types), and the volume the owner must
/// process for its own customers, without which a share bound could be met by doing nothing.
public struct SelfSupplyTarget: Sendable, Equatable {
    public var owner: String
    public var processes: [String]
    public var minimumShare: Double?
    public var maximumShare: Double?
    /// Tonnes a year the owner processes, in-house and tolled together (nil: whatever is cheapest).
    public var volumeTonnesPerYear: Double?
    public var location: SourceLocation?

    public init(
        owner: String, processes: [String], minimumShare: Double? = nil, maximumShare: Double? = nil,
        volumeTonnesPerYear: Double? = nil, location: SourceLocation? = nil
    ) {
        self.volumeTonnesPerYear = volumeTonnesPerYear
        self.owner = owner
        self.processes = processes
        self.minimumShare = minimumShare
        self.maximumShare = maximumShare
        self.location = location
    }
}

/// A price on CO2 in the objective and optional caps.
public struct CarbonPolicy: Sendable, Equatable {
    public var priceYuanPerTonne: Double
    public var nationalCapTonnes: Double?

    public init(priceYuanPerTonne: Double = 0, nationalCapTonnes: Double? = nil) {
        self.priceYuanPerTonne = priceYuanPerTonne
        self.nationalCapTonnes = nationalCapTonnes
    }
}
