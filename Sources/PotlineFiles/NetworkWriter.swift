import CSV
import Foundation
import PotlineNetwork

/// Writes a ``Network`` as a network folder that ``NetworkLoader`` reads back to the same
/// network: for networks built in code (imports, generated cases). Optional tables are written
/// only when the network has rows for them.
public enum NetworkWriter {
    /// Writes into `folder`, which must not exist or be empty: nothing is overwritten.
    public static func write(_ network: Network, to folder: URL) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: folder.path), !(try manager.contentsOfDirectory(atPath: folder.path)).isEmpty {
            throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: folder.path])
        }
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)

        var manifest = "# Written by potline.\nname: \(yamlString(network.name))\n"
        if !network.description.isEmpty { manifest += "description: \(yamlString(network.description))\n" }
        manifest += "base_year: \(network.baseYear)\nmodes:\n"
        for mode in network.modes {
            manifest += "  \(mode.name):\n    circuity: \(number(mode.circuity))\n"
            manifest += "    rate_yuan_per_tkm: \(number(mode.rateYuanPerTonneKm))\n"
            manifest += "    handling_yuan_per_t: \(number(mode.handlingYuanPerTonne))\n"
        }
        try Data(manifest.utf8).write(to: folder.appendingPathComponent(NetworkLoader.manifestFile))

        try table(
            folder, "regions.csv", ["id", "name", "kind", "latitude_deg", "longitude_deg", "grid_price_yuan_per_kwh"],
            network.regions.map {
                [$0.id, $0.name, $0.kind.rawValue, number($0.latitudeDegrees), number($0.longitudeDegrees), number($0.gridPriceYuanPerKWh)]
            })
        try table(folder, "commodities.csv", ["id", "name"], network.commodities.map { [$0.id, $0.name] })
        try table(
            folder, "processes.csv", ["id", "name", "output", "electricity_kwh_per_t", "other_cost_yuan_per_t"],
            network.processes.map {
                [$0.id, $0.name, $0.output, number($0.electricityKWhPerTonne), number($0.otherCostYuanPerTonne)]
            })
        try table(
            folder, "recipes.csv", ["process", "commodity", "role", "t_per_t"],
            network.processes.flatMap { process in
                process.inputs.map { [process.id, $0.commodity, "input", number($0.tonnesPerTonne)] }
                    + process.byproducts.map { [process.id, $0.commodity, "output", number($0.tonnesPerTonne)] }
            })
        try table(
            folder, "plants.csv",
            [
                "id", "region", "process", "capacity_t_per_y", "owner", "electricity_kwh_per_t", "other_cost_yuan_per_t",
                "electricity_price_yuan_per_kwh",
            ],
            network.plants.map {
                [
                    $0.id, $0.region, $0.process, number($0.capacityTonnesPerYear), $0.owner, number($0.electricityKWhPerTonne),
                    number($0.otherCostYuanPerTonne), number($0.electricityPriceYuanPerKWh),
                ]
            })
        try table(
            folder, "supplies.csv", ["id", "region", "commodity", "capacity_t_per_y", "price_yuan_per_t"],
            network.supplies.map {
                [$0.id, $0.region, $0.commodity, number($0.capacityTonnesPerYear), number($0.priceYuanPerTonne)]
            })
        try table(
            folder, "demands.csv", ["region", "commodity", "demand_t_per_y"],
            network.demands.map { [$0.region, $0.commodity, number($0.tonnesPerYear)] })
        try table(
            folder, "links.csv",
            [
                "id", "from", "to", "mode", "distance_km", "rate_yuan_per_tkm", "handling_yuan_per_t", "capacity_t_per_y",
                "commodities", "bidirectional",
            ],
            network.links.map {
                [
                    $0.id, $0.from, $0.to, $0.mode, number($0.distanceKm), number($0.rateYuanPerTonneKm),
                    number($0.handlingYuanPerTonne), number($0.capacityTonnesPerYear),
                    $0.commodities?.joined(separator: ";") ?? "", $0.bidirectional ? "true" : "false",
                ]
            })
        if !network.candidates.isEmpty {
            try table(
                folder, "candidates.csv",
                [
                    "id", "region", "process", "owner", "module_t_per_y", "max_modules", "min_capacity_t_per_y",
                    "max_capacity_t_per_y", "site_capex_yuan", "capex_yuan_per_t_per_y", "lifetime_y", "discount_rate",
                    "fixed_cost_yuan_per_y", "electricity_kwh_per_t", "other_cost_yuan_per_t", "electricity_price_yuan_per_kwh",
                    "decision",
                ],
                network.candidates.map { candidate in
                    var sizing = ["", "", "", ""]
                    switch candidate.sizing {
                    case let .modules(size, maximum): sizing = [number(size), "\(maximum)", "", ""]
                    case let .continuous(minimum, maximum): sizing = ["", "", number(minimum), number(maximum)]
                    }
                    return [candidate.id, candidate.region, candidate.process, candidate.owner] + sizing + [
                        number(candidate.siteCapexYuan), number(candidate.capexYuanPerTonnePerYear), number(candidate.lifetimeYears),
                        number(candidate.discountRate), number(candidate.fixedCostYuanPerYear), number(candidate.electricityKWhPerTonne),
                        number(candidate.otherCostYuanPerTonne), number(candidate.electricityPriceYuanPerKWh), candidate.decision.rawValue,
                    ]
                })
        }
    }

    private static func number(_ value: Double?) -> String { CSVFile.number(value) }

    private static func yamlString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private static func table(_ folder: URL, _ file: String, _ header: [String], _ rows: [[String]]) throws {
        try CSVFile.write(folder, file, header, rows)
    }
}
