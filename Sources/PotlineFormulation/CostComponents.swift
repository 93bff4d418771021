import LinearModel
import PotlineNetwork

/// Cost split into what it pays for. Used for totals (yuan/y) and per tonne (yuan/t).
public struct CostComponents: Sendable, Codable, Equatable {
    /// Raw materials bought from supplies.
    public var materials: Double = 0
    /// Grid energy: kWh drawn from the grid × the regional (or contracted) price.
    public var gridElectricity: Double = 0
    /// Captive generation: kWh generated × generation cost.
    public var captiveGeneration: Double = 0
    /// Fees captive power pays: system backup fee, government funds, cross-subsidy.
    public var captiveFees: Double = 0
    /// Tiered electricity surcharge (NDRC 1239号).
    public var surcharge: Double = 0
    /// Green certificates bought to meet a green-power target (policy.green_power).
    public var greenCertificates: Double = 0
    /// Distance × rate + handling.
    public var freight: Double = 0
    /// Outsourced processing fees.
    public var tollingFees: Double = 0
    /// Plants' other variable costs, and holding stock between periods.
    public var other: Double = 0
    /// Annualised capital of new sites and retrofits, fixed operating costs, closure costs.
    public var capital: Double = 0
    /// CO2 × carbon price.
    public var carbon: Double = 0

    public init(
        materials: Double = 0, gridElectricity: Double = 0, captiveGeneration: Double = 0, captiveFees: Double = 0,
        surcharge: Double = 0, greenCertificates: Double = 0, freight: Double = 0, tollingFees: Double = 0, other: Double = 0,
        capital: Double = 0, carbon: Double = 0
    ) {
        self.materials = materials
        self.gridElectricity = gridElectricity
        self.captiveGeneration = captiveGeneration
        self.captiveFees = captiveFees
        self.surcharge = surcharge
        self.greenCertificates = greenCertificates
        self.freight = freight
        self.tollingFees = tollingFees
        self.other = other
        self.capital = capital
        self.carbon = carbon
    }

    /// All electricity: grid energy + captive generation + captive fees + surcharge + green certificates.
    public var electricity: Double { gridElectricity + captiveGeneration + captiveFees + surcharge + greenCertificates }

    public var total: Double { materials + electricity + freight + tollingFees + other + capital + carbon }

    /// Components in a fixed order with their JSON names, for tables.
    public var named: [(name: String, value: Double)] {
        [
            ("materials", materials), ("grid_electricity", gridElectricity), ("captive_generation", captiveGeneration),
            ("captive_fees", captiveFees), ("surcharge", surcharge),
            ("green_certificates", greenCertificates), ("freight", freight), ("tolling_fees", tollingFees),
            ("other", other), ("capital", capital), ("carbon", carbon),
        ]
    }

    package func map(_ transform: (Double) -> Double) -> Self {
        Self(
            materials: transform(materials), gridElectricity: transform(gridElectricity),
            captiveGeneration: transform(captiveGeneration), captiveFees: transform(captiveFees),
            surcharge: transform(surcharge), greenCertificates: transform(greenCertificates), freight: transform(freight), tollingFees: transform(tollingFees),
            other: transform(other), capital: transform(capital), carbon: transform(carbon))
    }

    package static func + (a: Self, b: Self) -> Self {
        Self(
            materials: a.materials + b.materials, gridElectricity: a.gridElectricity + b.gridElectricity,
            captiveGeneration: a.captiveGeneration + b.captiveGeneration, captiveFees: a.captiveFees + b.captiveFees,
            surcharge: a.surcharge + b.surcharge, greenCertificates: a.greenCertificates + b.greenCertificates,
            freight: a.freight + b.freight, tollingFees: a.tollingFees + b.tollingFees,
            other: a.other + b.other, capital: a.capital + b.capital, carbon: a.carbon + b.carbon)
    }

    package static func * (a: Self, k: Double) -> Self { a.map { $0 * k } }
}

/// Cost and CO2 together: what a column costs per unit, what a tonne carries.
public struct Footprint: Sendable, Equatable {
    public var cost = CostComponents()
    /// tCO2.
    public var co2Tonnes = 0.0

    public init(cost: CostComponents = CostComponents(), co2Tonnes: Double = 0) {
        self.cost = cost
        self.co2Tonnes = co2Tonnes
    }

    package static func + (a: Self, b: Self) -> Self { Self(cost: a.cost + b.cost, co2Tonnes: a.co2Tonnes + b.co2Tonnes) }
    package static func * (a: Self, k: Double) -> Self { Self(cost: a.cost * k, co2Tonnes: a.co2Tonnes * k) }
}
