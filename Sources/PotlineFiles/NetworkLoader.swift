import Foundation
import Yams
import PotlineNetwork

/// Reads a network folder: `network.yaml` plus the CSV tables described in `Networks/README.md`.
/// Collects every problem (bad field, unknown column, unknown reference, unreachable demand)
/// before giving up, so an analyst fixes a file in one round. Never writes to the folder.
public enum NetworkLoader {
    public static let manifestFile = manifestFileName

    /// Loads and validates the network in `folder`; throws ``NetworkError`` with every problem.
    ///
    /// ```swift
    /// let network = try NetworkLoader.load(from: URL(fileURLWithPath: "Networks/examples/two_smelters"))
    /// print(network.plants.count, network.demands.map(\.tonnesPerYear))
    /// ```
    public static func load(from folder: URL) throws(NetworkError) -> ValidatedNetwork {
        try parse(NetworkFiles.read(from: folder))
    }

    public static func load(from path: String) throws(NetworkError) -> ValidatedNetwork {
        try load(from: URL(fileURLWithPath: path))
    }

    /// Parses and validates files already read (and perhaps changed by a scenario).
    public static func parse(_ files: NetworkFiles) throws(NetworkError) -> ValidatedNetwork {
        let log = ProblemLog()
        for problem in files.readProblems { log.add(problem) }
        let manifest = Manifest.parse(files.manifest, log: log)
        var network = Network(
            name: manifest.name ?? files.folder.lastPathComponent, description: manifest.description,
            baseYear: manifest.baseYear ?? 0, modes: manifest.modes)
        network.regions = regions(files, log)
        network.commodities = commodities(files, log)
        network.processes = processes(files, log)
        network.plants = plants(files, log)
        network.supplies = supplies(files, log)
        network.demands = demands(files, log)
        network.links = links(files, log)
        readSiting(files, into: &network, log)
        readPower(files, into: &network, log)
        readAlternatives(files, into: &network, log)
        manifest.policy.apply(to: &network)
        // Cross-references are checked even when some rows failed to parse, so that one run
        // reports every problem; rows already reported are not reported again.
        // A CSV row is reported as a whole (it was dropped); a manifest setting by its key.
        func place(_ problem: NetworkProblem) -> String {
            problem.file == manifestFile ? "\(manifestFile) \(problem.column ?? "")" : "\(problem.file ?? "") \(problem.row ?? -1)"
        }
        let reported = Set(log.problems.filter { $0.row != nil || $0.file == manifestFile }.map(place))
        let dropped: Set<String>? =
            log.problems.isEmpty
            ? nil
            : Set(files.tables.values.flatMap { table in
                table.rows.filter { reported.contains("\(table.file) \($0.location.row)") }.compactMap { $0.fields["id"] }
            })
        // Without a whole table (missing, unreadable, not UTF-8) every reference to it would
        // be reported: those wait until the table reads.
        let tableLost = !files.unreadable.isEmpty || log.problems.contains { $0.message.hasPrefix("file is missing") }
        let checked = tableLost ? nil : network.check(afterRowsDropped: dropped)
        for problem in (checked?.problems ?? []).map({ locatedInManifest($0, files.manifest) }) where !reported.contains(place(problem)) {
            log.add(problem)
        }
        if log.problems.isEmpty {
            // A blank cell's default needs the validated network.
            network.ranges = RangeReader.read(files, network: network, log)
        } else {
            log.tablesRead.insert(RangeReader.file)
        }
        for (file, table) in files.tables.sorted(by: { $0.key < $1.key }) where !log.tablesRead.contains(file) {
            // Only a table a scenario created: a folder may hold other CSV files (notes, seeds).
            guard let origin = table.createdBy else { continue }
            log.add(
                NetworkProblem(
                    at: origin,
                    message: "\(file) is not a table Potline reads" + Suggestion.didYouMean(file, among: log.tablesRead)))
        }
        guard log.problems.isEmpty, let reachability = checked?.reachability else { throw NetworkError(log.problems) }
        return ValidatedNetwork(checked: network, reachability: reachability)
    }

    /// A network.yaml setting's problem with the line of its key (or of the nearest enclosing
    /// key the file has), as validation of parsed values no longer knows lines.
    static func locatedInManifest(_ problem: NetworkProblem, _ manifest: Node?) -> NetworkProblem {
        guard problem.file == manifestFile, problem.row == nil, let key = problem.column, let manifest else { return problem }
        var node = manifest
        var line: Int?
        for segment in key.split(separator: ".") {
            // `capacity[0]`: the list's own line is as near as a key without its item gets.
            let name = segment.split(separator: "[").first.map(String.init) ?? ""
            guard let (keyNode, value) = node.mapping?.first(where: { $0.key.string == name }) else { break }
            line = keyNode.mark?.line ?? line
            node = value
        }
        var located = problem
        located.row = line
        return located
    }

    static func regions(_ files: NetworkFiles, _ log: ProblemLog) -> [Region] {
        let table = files.records(.regions, log: log)
        return table?.compactMap { r in
            let id = r.id("id")
            let kind = r.choice("kind", default: Region.Kind.province)
            let latitude = r.number("latitude_deg")
            let longitude = r.number("longitude_deg")
            let price = r.number("grid_price_yuan_per_kwh", required: false)
            let emission = r.number("grid_emission_kg_per_kwh", required: false)
            let ratio = r.number("transfer_ratio", required: false)
            let cap = r.number("carbon_cap_t_per_y", required: false)
            guard let id, let kind, let latitude, let longitude else { return nil }
            return Region(
                id: id, name: r.text("name", default: id), kind: kind, area: r.isBlank("area") ? nil : r.text("area"),
                latitudeDegrees: latitude,
                longitudeDegrees: longitude, gridPriceYuanPerKWh: price, gridEmissionKgPerKWh: emission,
                transferRatio: ratio, carbonCapTonnes: cap, location: r.location)
        } ?? []
    }

    static func commodities(_ files: NetworkFiles, _ log: ProblemLog) -> [Commodity] {
        let table = files.records(.commodities, log: log)
        return table?.compactMap { r in
            let holding = r.number("holding_cost_yuan_per_t_per_y", required: false)
            guard let id = r.id("id") else { return nil }
            return Commodity(
                id: id, name: r.text("name", default: id), holdingCostYuanPerTonnePerYear: holding, location: r.location)
        } ?? []
    }

    static func processes(_ files: NetworkFiles, _ log: ProblemLog) -> [ProductionProcess] {
        let table = files.records(.processes, log: log)
        var processes: [ProductionProcess] = table?.compactMap { r in
            let id = r.id("id")
            let output = r.id("output")
            let electricity = r.numberOrDefault("electricity_kwh_per_t")
            let other = r.numberOrDefault("other_cost_yuan_per_t")
            let emission = r.numberOrDefault("process_emission_t_per_t")
            guard let id, let output else { return nil }
            return ProductionProcess(
                id: id, name: r.text("name", default: id), output: output, electricityKWhPerTonne: electricity,
                otherCostYuanPerTonne: other, processEmissionTonnesPerTonne: emission, location: r.location)
        } ?? []
        let recipes = files.records(.recipes, log: log)
        var byID: [String: Int] = [:]
        for (i, process) in processes.enumerated() where byID[process.id] == nil { byID[process.id] = i }
        for r in recipes ?? [] {
            let process = r.id("process")
            let commodity = r.id("commodity")
            let role = r.choice("role", default: RecipeRole.input)
            let amount = r.number("t_per_t")
            guard let process, let commodity, let role, let amount else { continue }
            guard let p = byID[process] else {
                log.add(
                    NetworkProblem(
                        at: r.location, column: "process",
                        message: "unknown process '\(process)'" + Suggestion.didYouMean(process, among: byID.keys)))
                continue
            }
            let ingredient = ProductionProcess.Ingredient(commodity: commodity, tonnesPerTonne: amount, location: r.location)
            switch role {
            case .input: processes[p].inputs.append(ingredient)
            case .output: processes[p].byproducts.append(ingredient)
            }
        }
        return processes
    }

    private enum RecipeRole: String, CaseIterable { case input, output }

    static func plants(_ files: NetworkFiles, _ log: ProblemLog) -> [Plant] {
        let table = files.records(.plants, log: log)
        return table?.compactMap { r in
            let id = r.id("id")
            let region = r.id("region")
            let process = r.id("process")
            let capacity = r.number("capacity_t_per_y")
            let electricity = r.number("electricity_kwh_per_t", required: false)
            let other = r.number("other_cost_yuan_per_t", required: false)
            let price = r.number("electricity_price_yuan_per_kwh", required: false)
            let renewable = r.number("renewable_share", required: false)
            let closure = r.number("closure_cost_yuan_per_y", required: false)
            guard let id, let region, let process, let capacity else { return nil }
            return Plant(
                id: id, region: region, process: process, capacityTonnesPerYear: capacity, owner: r.text("owner"),
                electricityKWhPerTonne: electricity, otherCostYuanPerTonne: other, electricityPriceYuanPerKWh: price,
                renewableShare: renewable, closureCostYuanPerYear: closure, location: r.location)
        } ?? []
    }

    static func supplies(_ files: NetworkFiles, _ log: ProblemLog) -> [Supply] {
        let table = files.records(.supplies, log: log)
        return table?.compactMap { r in
            let id = r.id("id")
            let region = r.id("region")
            let commodity = r.id("commodity")
            let capacity = r.number("capacity_t_per_y", required: false)
            let price = r.number("price_yuan_per_t")
            guard let id, let region, let commodity, let price else { return nil }
            return Supply(
                id: id, region: region, commodity: commodity, capacityTonnesPerYear: capacity,
                priceYuanPerTonne: price, location: r.location)
        } ?? []
    }

    static func demands(_ files: NetworkFiles, _ log: ProblemLog) -> [Demand] {
        let table = files.records(.demands, log: log)
        return table?.compactMap { r in
            let region = r.id("region")
            let commodity = r.id("commodity")
            let tonnes = r.number("demand_t_per_y")
            guard let region, let commodity, let tonnes else { return nil }
            return Demand(region: region, commodity: commodity, tonnesPerYear: tonnes, location: r.location)
        } ?? []
    }

    static func links(_ files: NetworkFiles, _ log: ProblemLog) -> [Link] {
        let table = files.records(.links, log: log)
        return table?.compactMap { r in
            let id = r.id("id")
            let from = r.id("from")
            let to = r.id("to")
            let mode = r.id("mode")
            let distance = r.number("distance_km", required: false)
            let rate = r.number("rate_yuan_per_tkm", required: false)
            let handling = r.number("handling_yuan_per_t", required: false)
            let capacity = r.number("capacity_t_per_y", required: false)
            let commodities = r.idList("commodities")
            let bidirectional = r.boolean("bidirectional", default: true)
            guard let id, let from, let to, let mode else { return nil }
            return Link(
                id: id, from: from, to: to, mode: mode, distanceKm: distance, rateYuanPerTonneKm: rate,
                handlingYuanPerTonne: handling, capacityTonnesPerYear: capacity, commodities: commodities,
                bidirectional: bidirectional, location: r.location)
        } ?? []
    }
}

