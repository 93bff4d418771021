/// Lookups by id and the derived figures of a validated network (a plant's power use and
/// price, a link's length and cost), computed once so the formulation and the reports agree.
public struct NetworkIndex: Sendable {
    public let network: Network
    public let regions: [String: Int]
    public let commodities: [String: Int]
    public let processes: [String: Int]
    public let modes: [String: Int]

    public init(_ network: Network) {
        self.network = network
        regions = Self.firstIndex(network.regions.map(\.id))
        commodities = Self.firstIndex(network.commodities.map(\.id))
        processes = Self.firstIndex(network.processes.map(\.id))
        modes = Self.firstIndex(network.modes.map(\.name))
    }

    private static func firstIndex(_ ids: [String]) -> [String: Int] {
        var map: [String: Int] = [:]
        map.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() where map[id] == nil { map[id] = i }
        return map
    }

    public func process(of plant: Plant) -> ProductionProcess { network.processes[processes[plant.process]!] }

    public func electricityKWhPerTonne(_ plant: Plant) -> Double {
        plant.electricityKWhPerTonne ?? process(of: plant).electricityKWhPerTonne
    }

    /// The plant's own price if it has one, else its region's grid price (0 if neither: validation
    /// rejects a plant that uses power and has no price).
    public func electricityPriceYuanPerKWh(_ plant: Plant) -> Double {
        plant.electricityPriceYuanPerKWh ?? network.regions[regions[plant.region]!].gridPriceYuanPerKWh ?? 0
    }

    public func otherCostYuanPerTonne(_ plant: Plant) -> Double {
        plant.otherCostYuanPerTonne ?? process(of: plant).otherCostYuanPerTonne
    }

    public func mode(of link: Link) -> TransportMode { network.modes[modes[link.mode]!] }

    /// The link's length: its own, or great-circle × the mode's circuity.
    public func distanceKm(_ link: Link) -> Double {
        if let distance = link.distanceKm { return distance }
        let a = network.regions[regions[link.from]!]
        let b = network.regions[regions[link.to]!]
        return Geography.greatCircleKm(
            fromLatitude: a.latitudeDegrees, longitude: a.longitudeDegrees,
            toLatitude: b.latitudeDegrees, longitude: b.longitudeDegrees) * mode(of: link).circuity
    }

    public func rateYuanPerTonneKm(_ link: Link) -> Double { link.rateYuanPerTonneKm ?? mode(of: link).rateYuanPerTonneKm }

    public func handlingYuanPerTonne(_ link: Link) -> Double {
        link.handlingYuanPerTonne ?? mode(of: link).handlingYuanPerTonne
    }

    /// Freight per tonne carried: distance × rate + handling.
    public func freightYuanPerTonne(_ link: Link) -> Double {
        distanceKm(link) * rateYuanPerTonneKm(link) + handlingYuanPerTonne(link)
    }

    /// Whether `link` may carry `commodity`.
    public func carries(_ link: Link, _ commodity: String) -> Bool {
        link.commodities?.contains(commodity) ?? true
    }
}
