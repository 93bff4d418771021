/// Lookups by id and the derived figures of a validated network (a plant's power use and
/// price, a link's length and cost), computed once so the formulation and the reports agree.
package struct NetworkIndex: Sendable {
    package let network: Network
    package let regions: [String: Int]
    package let commodities: [String: Int]
    package let processes: [String: Int]
    package let modes: [String: Int]

    package init(_ network: Network) {
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

    package func process(of plant: Plant) -> ProductionProcess { network.processes[processes[plant.process]!] }

    package func electricityKWhPerTonne(_ plant: Plant) -> Double {
        plant.electricityKWhPerTonne ?? process(of: plant).electricityKWhPerTonne
    }

    /// The plant's own price if it has one, else its region's grid price (0 if neither: validation
    /// rejects a plant that uses power and has no price).
    package func electricityPriceYuanPerKWh(_ plant: Plant) -> Double {
        plant.electricityPriceYuanPerKWh ?? network.regions[regions[plant.region]!].gridPriceYuanPerKWh ?? 0
    }

    package func otherCostYuanPerTonne(_ plant: Plant) -> Double {
        plant.otherCostYuanPerTonne ?? process(of: plant).otherCostYuanPerTonne
    }

    package func mode(of link: Link) -> TransportMode { network.modes[modes[link.mode]!] }

    /// The link's length: its own, or great-circle × the mode's circuity.
    package func distanceKm(_ link: Link) -> Double {
        if let distance = link.distanceKm { return distance }
        let a = network.regions[regions[link.from]!]
        let b = network.regions[regions[link.to]!]
        return Geography.greatCircleKm(
            fromLatitude: a.latitudeDegrees, longitude: a.longitudeDegrees,
            toLatitude: b.latitudeDegrees, longitude: b.longitudeDegrees) * mode(of: link).circuity
    }

    package func rateYuanPerTonneKm(_ link: Link) -> Double { link.rateYuanPerTonneKm ?? mode(of: link).rateYuanPerTonneKm }

    package func handlingYuanPerTonne(_ link: Link) -> Double {
        link.handlingYuanPerTonne ?? mode(of: link).handlingYuanPerTonne
    }

    /// Freight per tonne carried: distance × rate + handling.
    package func freightYuanPerTonne(_ link: Link) -> Double {
        distanceKm(link) * rateYuanPerTonneKm(link) + handlingYuanPerTonne(link)
    }

    /// Whether `link` may carry `commodity`.
    package func carries(_ link: Link, _ commodity: String) -> Bool {
        link.commodities?.contains(commodity) ?? true
    }
}
