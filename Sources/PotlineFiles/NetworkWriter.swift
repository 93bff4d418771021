import Foundation
import PotlineNetwork

/// Writes a ``Network`` as a network folder that ``NetworkLoader`` reads back to the same
/// network (only source locations differ): for networks built in code (imports, generated
/// cases). Every table is written with its ``TableSchema`` columns; optional tables only when
/// the network has rows for them.
public enum NetworkWriter {
    /// Writes into `folder`, which must not exist or be empty: nothing is overwritten.
    public static func write(_ network: Network, to folder: URL) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: folder.path), !(try manager.contentsOfDirectory(atPath: folder.path)).isEmpty {
            throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: folder.path])
        }
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(manifest(network).utf8).write(to: folder.appendingPathComponent(NetworkLoader.manifestFile))
        for (schema, rows) in tables(network) where !schema.isOptional || !rows.isEmpty {
            try table(folder, schema, rows)
        }
    }

    /// A row as cells by column name; a column the row lacks is blank.
    typealias Cells = [String: String]

    static func tables(_ network: Network) -> [(TableSchema, [Cells])] {
        [
            (.regions, network.regions.map {
                [
                    "id": $0.id, "name": $0.name, "kind": $0.kind.rawValue, "area": $0.area ?? "",
                    "latitude_deg": number($0.latitudeDegrees), "longitude_deg": number($0.longitudeDegrees),
                    "grid_price_yuan_per_kwh": number($0.gridPriceYuanPerKWh),
                    "grid_emission_kg_per_kwh": number($0.gridEmissionKgPerKWh), "transfer_ratio": number($0.transferRatio),
                    "carbon_cap_t_per_y": number($0.carbonCapTonnes),
                ]
            }),
            (.commodities, network.commodities.map {
                ["id": $0.id, "name": $0.name, "holding_cost_yuan_per_t_per_y": number($0.holdingCostYuanPerTonnePerYear)]
            }),
            (.processes, network.processes.map {
                [
                    "id": $0.id, "name": $0.name, "output": $0.output, "electricity_kwh_per_t": number($0.electricityKWhPerTonne),
                    "other_cost_yuan_per_t": number($0.otherCostYuanPerTonne),
                    "process_emission_t_per_t": number($0.processEmissionTonnesPerTonne),
                ]
            }),
            (.recipes, network.processes.flatMap { process in
                process.inputs.map { ingredient(process, $0, "input") } + process.byproducts.map { ingredient(process, $0, "output") }
            }),
            (.plants, network.plants.map {
                [
                    "id": $0.id, "region": $0.region, "process": $0.process, "capacity_t_per_y": number($0.capacityTonnesPerYear),
                    "owner": $0.owner, "electricity_kwh_per_t": number($0.electricityKWhPerTonne),
                    "other_cost_yuan_per_t": number($0.otherCostYuanPerTonne),
                    "electricity_price_yuan_per_kwh": number($0.electricityPriceYuanPerKWh),
                    "renewable_share": number($0.renewableShare), "closure_cost_yuan_per_y": number($0.closureCostYuanPerYear),
                ]
            }),
            (.supplies, network.supplies.map {
                [
                    "id": $0.id, "region": $0.region, "commodity": $0.commodity,
                    "capacity_t_per_y": number($0.capacityTonnesPerYear), "price_yuan_per_t": number($0.priceYuanPerTonne),
                ]
            }),
            (.demands, network.demands.map {
                ["region": $0.region, "commodity": $0.commodity, "demand_t_per_y": number($0.tonnesPerYear)]
            }),
            (.links, network.links.map {
                [
                    "id": $0.id, "from": $0.from, "to": $0.to, "mode": $0.mode, "distance_km": number($0.distanceKm),
                    "rate_yuan_per_tkm": number($0.rateYuanPerTonneKm), "handling_yuan_per_t": number($0.handlingYuanPerTonne),
                    "capacity_t_per_y": number($0.capacityTonnesPerYear), "commodities": $0.commodities.map(list) ?? "",
                    "bidirectional": $0.bidirectional ? "true" : "false",
                ]
            }),
            (.candidates, network.candidates.map(candidate)),
            (.retrofits, network.retrofits.map {
                [
                    "id": $0.id, "plant": $0.plant, "process": $0.process ?? "",
                    "electricity_kwh_per_t": number($0.electricityKWhPerTonne), "other_cost_yuan_per_t": number($0.otherCostYuanPerTonne),
                    "capex_yuan": number($0.capital.capexYuan), "lifetime_y": number($0.capital.lifetimeYears),
                    "discount_rate": number($0.capital.discountRate), "decision": $0.decision.rawValue,
                ]
            }),
            (.capacityLimits, network.capacityLimits.map {
                [
                    "region": $0.region, "process": $0.process, "min_t_per_y": number($0.minimumTonnesPerYear),
                    "max_t_per_y": number($0.maximumTonnesPerYear),
                ]
            }),
            (.alternatives, network.alternatives.map {
                [
                    "plant": $0.plant, "process": $0.process, "electricity_kwh_per_t": number($0.electricityKWhPerTonne),
                    "other_cost_yuan_per_t": number($0.otherCostYuanPerTonne),
                ]
            }),
            // Capacity in MW where it was given so, else kWh a year; the generation cost per kWh.
            (.captivePower, network.captivePower.map {
                [
                    "id": $0.id, "plant": $0.plant, "capacity_mw": number($0.capacityMegawatts),
                    "capacity_kwh_per_y": $0.capacityMegawatts == nil ? number($0.capacityKWhPerYear) : "",
                    "generation_cost_yuan_per_kwh": number($0.generationCostYuanPerKWh),
                    "backup_fee_yuan_per_kwh": number($0.backupFeeYuanPerKWh), "funds_yuan_per_kwh": number($0.fundsYuanPerKWh),
                    "cross_subsidy_yuan_per_kwh": number($0.crossSubsidyYuanPerKWh),
                    "emission_kg_per_kwh": number($0.emissionKgPerKWh),
                    "min_share": number($0.minimumShare), "max_share": number($0.maximumShare),
                ]
            }),
            (.tolling, network.tolling.map {
                [
                    "id": $0.id, "region": $0.region, "process": $0.process, "owner": $0.owner,
                    "fee_yuan_per_t": number($0.feeYuanPerTonne), "capacity_t_per_y": number($0.capacityTonnesPerYear),
                ]
            }),
            (.selfSupply, network.selfSupplyTargets.map {
                [
                    "owner": $0.owner, "process": list($0.processes), "min_share": number($0.minimumShare),
                    "max_share": number($0.maximumShare), "volume_t_per_y": number($0.volumeTonnesPerYear),
                ]
            }),
            (.periods, network.periods.map { ["id": $0.id, "share_of_year": number($0.shareOfYear)] }),
            (.periodConditions, network.periodConditions.map {
                [
                    "region": $0.region, "period": $0.period, "grid_price_yuan_per_kwh": number($0.gridPriceYuanPerKWh),
                    "availability": number($0.availability),
                ]
            }),
            (.ranges, network.ranges.map {
                [
                    "table": $0.table, "row": $0.row, "column": $0.column, "low": number($0.low), "high": number($0.high),
                    "source": $0.source,
                ]
            }),
        ]
    }

    private static func ingredient(_ process: ProductionProcess, _ ingredient: ProductionProcess.Ingredient, _ role: String) -> Cells {
        ["process": process.id, "commodity": ingredient.commodity, "role": role, "t_per_t": number(ingredient.tonnesPerTonne)]
    }

    private static func candidate(_ candidate: Candidate) -> Cells {
        var cells: Cells = [
            "id": candidate.id, "region": candidate.region, "process": candidate.process, "owner": candidate.owner,
            "site_capex_yuan": number(candidate.siteCapexYuan), "capex_yuan_per_t_per_y": number(candidate.capexYuanPerTonnePerYear),
            "lifetime_y": number(candidate.lifetimeYears), "discount_rate": number(candidate.discountRate),
            "fixed_cost_yuan_per_y": number(candidate.fixedCostYuanPerYear),
            "electricity_kwh_per_t": number(candidate.electricityKWhPerTonne),
            "other_cost_yuan_per_t": number(candidate.otherCostYuanPerTonne),
            "electricity_price_yuan_per_kwh": number(candidate.electricityPriceYuanPerKWh),
            "renewable_share": number(candidate.renewableShare), "decision": candidate.decision.rawValue,
        ]
        switch candidate.sizing {
        case let .modules(size, maximum):
            cells["module_t_per_y"] = number(size)
            cells["max_modules"] = "\(maximum)"
        case let .continuous(minimum, maximum):
            cells["min_capacity_t_per_y"] = number(minimum)
            cells["max_capacity_t_per_y"] = number(maximum)
        }
        return cells
    }

    // MARK: network.yaml

    static func manifest(_ network: Network) -> String {
        var text = "# Written by potline.\nname: \(yamlString(network.name))\n"
        if !network.description.isEmpty { text += "description: \(yamlString(network.description))\n" }
        text += "base_year: \(network.baseYear)\nmodes:\n"
        for mode in network.modes {
            text += "  \(mode.name):\n    circuity: \(number(mode.circuity))\n"
            text += "    rate_yuan_per_tkm: \(number(mode.rateYuanPerTonneKm))\n"
            text += "    handling_yuan_per_t: \(number(mode.handlingYuanPerTonne))\n"
        }
        let policy = policyLines(network)
        if !policy.isEmpty { text += "policy:\n" + policy.map { "  \($0)\n" }.joined() }
        return text
    }

    /// The `policy:` section's lines (without its indent); none when the network has no policy.
    private static func policyLines(_ network: Network) -> [String] {
        var lines: [String] = []
        func setting(_ indent: String, _ key: String, _ value: String?) {
            if let value { lines.append("\(indent)\(key): \(value)") }
        }
        setting("", "max_new_sites", network.maximumNewSites.map { "\($0)" })
        if !network.capacityPolicies.isEmpty { lines.append("capacity:") }
        for policy in network.capacityPolicies {
            lines.append("  - processes: [\(policy.processes.joined(separator: ", "))]")
            let indent = "    "
            setting(indent, "ceiling_t_per_y", policy.ceilingTonnesPerYear.map(number))
            setting(indent, "capacity_transfer", policy.capacityTransfer ? "true" : "false")
            setting(indent, "transfer_ratio", number(policy.defaultTransferRatio))
            setting(indent, "new_capacity_min_t_per_y", policy.newCapacityMinimumTonnesPerYear.map(number))
            setting(indent, "new_capacity_max_t_per_y", policy.newCapacityMaximumTonnesPerYear.map(number))
            setting(indent, "new_plant_max_kwh_per_t", policy.newPlantMaxKWhPerTonne.map(number))
            setting(indent, "existing_plant_max_kwh_per_t", policy.existingPlantMaxKWhPerTonne.map(number))
            setting(indent, "existing_plant_deadline_year", policy.existingPlantDeadlineYear.map { "\($0)" })
            setting(indent, "benchmark_kwh_per_t", policy.benchmarkKWhPerTonne.map(number))
            setting(indent, "benchmark_min_share", policy.benchmarkMinimumShare.map(number))
            setting(indent, "benchmark_year", policy.benchmarkYear.map { "\($0)" })
        }
        if let surcharge = network.surcharge {
            // The threshold itself, not the year it came from: it reads back the same in any base year.
            lines.append("surcharge:")
            setting("  ", "processes", "[\(surcharge.processes.joined(separator: ", "))]")
            setting("  ", "threshold_kwh_per_t", number(surcharge.thresholdKWhPerTonne))
            setting("  ", "step_kwh_per_t", number(surcharge.stepKWhPerTonne))
            setting("  ", "yuan_per_kwh_per_step", number(surcharge.yuanPerKWhPerStep))
            setting("  ", "renewable_share_free", number(surcharge.renewableShareFree))
            setting("  ", "credit_per_percentage_point", number(surcharge.creditPerPercentagePoint))
        }
        if network.carbon != CarbonPolicy() {
            lines.append("carbon:")
            setting("  ", "price_yuan_per_t", number(network.carbon.priceYuanPerTonne))
            setting("  ", "national_cap_t_per_y", network.carbon.nationalCapTonnes.map(number))
        }
        if !network.energyCaps.isEmpty { lines.append("energy:") }
        for cap in network.energyCaps {
            lines.append("  - processes: [\(cap.processes.joined(separator: ", "))]")
            setting("    ", "national_cap_kwh_per_y", cap.nationalCapKWhPerYear.map(number))
            if !cap.regionalCapsKWhPerYear.isEmpty { lines.append("    regional_caps_kwh_per_y:") }
            for (region, value) in cap.regionalCapsKWhPerYear.sorted(by: { $0.key < $1.key }) { setting("      ", region, number(value)) }
        }
        if let green = network.greenPower {
            lines.append("green_power:")
            setting("  ", "processes", "[\(green.processes.joined(separator: ", "))]")
            setting("  ", "certificate_price_yuan_per_kwh", number(green.certificatePriceYuanPerKWh))
            if !green.minimumShares.isEmpty { lines.append("  min_share:") }
            for (region, share) in green.minimumShares.sorted(by: { $0.key < $1.key }) { setting("    ", region, number(share)) }
        }
        return lines
    }

    private static func number(_ value: Double?) -> String { CSVFile.number(value) }

    private static func list(_ ids: [String]) -> String { ids.joined(separator: ";") }

    private static func yamlString(_ text: String) -> String {
        // A double-quoted YAML scalar folds a raw line break into a space: escape it.
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    private static func table(_ folder: URL, _ schema: TableSchema, _ rows: [Cells]) throws {
        for row in rows {
            let unknown = Set(row.keys).subtracting(schema.columnNames)
            precondition(unknown.isEmpty, "\(schema.file) has no columns \(unknown.sorted())")
        }
        try CSVFile.write(folder, schema.file, schema.columnNames, rows.map { row in schema.columnNames.map { row[$0] ?? "" } })
    }
}
