import LinearModel
import PotlineNetwork

extension Formulation {
    /// Bounds on the captive share of a plant's power (电力自给率) and on the share of an owner's
    /// processing done in its own plants (石墨化自供率), over the year.
    mutating func addPowerAndSelfSupply() {
        for group in groups {
            guard let c = group.captive else { continue }
            let captive = network.captivePower[c]
            let used: [(column: Int, value: Double)] = group.operations.flatMap { o in
                makeColumns[o].map { ($0, operations[o].electricityKWhPerTonne) }
            }
            let generated = (captiveColumns[c] ?? []).map { (column: $0, value: 1.0) }
            var rows: (minimum: Int?, maximum: Int?) = (nil, nil)
            // captive kWh − share × kWh used ≥ 0 (minimum) or ≤ 0 (maximum)
            if let minimum = captive.minimumShare {
                rows.minimum = addRow(.captiveMinimum,
                    name: "captive_min.\(captive.id)", lower: 0, terms: generated + used.map { ($0.column, -minimum * $0.value) })
            }
            if let maximum = captive.maximumShare {
                rows.maximum = addRow(.captiveMaximum,
                    name: "captive_max.\(captive.id)", upper: 0, terms: generated + used.map { ($0.column, -maximum * $0.value) })
            }
            captiveShareRows[c] = rows
        }
        for (t, target) in network.selfSupplyTargets.enumerated() {
            var own: [Int] = []
            var tolled: [Int] = []
            for (o, operation) in operations.enumerated()
            where operation.owner == target.owner && target.processes.contains(network.processes[operation.process].id) {
                if operation.isTolling { tolled += makeColumns[o] } else { own += makeColumns[o] }
            }
            let name = sanitizedName("\(target.owner).\(target.processes.joined(separator: "_"))")
            if let volume = target.volumeTonnesPerYear {
                addRow(.selfSupplyVolume,name: "selfsupply_volume.\(name)", lower: volume, terms: (own + tolled).map { ($0, 1.0) })
            }
            var rows: (minimum: Int?, maximum: Int?) = (nil, nil)
            // own − share × (own + tolled) ≥ 0 (minimum) or ≤ 0 (maximum)
            if let minimum = target.minimumShare {
                rows.minimum = addRow(.selfSupplyMinimum,
                    name: "selfsupply_min.\(name)", lower: 0,
                    terms: own.map { ($0, 1 - minimum) } + tolled.map { ($0, -minimum) })
            }
            if let maximum = target.maximumShare {
                rows.maximum = addRow(.selfSupplyMaximum,
                    name: "selfsupply_max.\(name)", upper: 0,
                    terms: own.map { ($0, 1 - maximum) } + tolled.map { ($0, -maximum) })
            }
            selfSupplyRows[t] = rows
        }
    }

    /// National and regional caps on CO2 from processes, grid power and captive generation.
    mutating func addCarbonCaps() {
        let emitting = (sampleColumnStart..<columnFootprints.count).filter { columnFootprints[$0].co2Tonnes != 0 }
        if let cap = network.carbon.nationalCapTonnes {
            carbonCapRows["national"] = addRow(.carbonCap,
                name: "carbon_cap", upper: cap, terms: emitting.map { ($0, columnFootprints[$0].co2Tonnes) })
        }
        var emittingByRegion: [Int: [Int]] = [:]
        for column in emitting { if let region = columnRegions[column] { emittingByRegion[region, default: []].append(column) } }
        for (r, region) in network.regions.enumerated() {
            guard let cap = region.carbonCapTonnes else { continue }
            carbonCapRows[region.id] = addRow(.carbonCap,
                name: "carbon_cap.\(region.id)", upper: cap,
                terms: (emittingByRegion[r] ?? []).map { ($0, columnFootprints[$0].co2Tonnes) })
        }
    }

    /// Caps on the kWh some processes use (能耗双控), national and by region: Σ kWh/t × tonnes ≤ cap
    /// over the year, grid and captive power alike.
    mutating func addEnergyCaps() {
        for (k, cap) in network.energyCaps.enumerated() {
            let counted = operations.indices.filter { cap.processes.contains(network.processes[operations[$0].process].id) }
            func terms(inRegion region: Int?) -> [(column: Int, value: Double)] {
                counted.filter { region == nil || operations[$0].region == region }.flatMap { o in
                    makeColumns[o].map { ($0, operations[o].electricityKWhPerTonne) }
                }
            }
            let name = "energy_cap.\(k)"
            if let national = cap.nationalCapKWhPerYear {
                energyCapRows["\(k)"] = addRow(.energyCap, name: name, upper: national, terms: terms(inRegion: nil))
            }
            for (region, regional) in cap.regionalCapsKWhPerYear.sorted(by: { $0.key < $1.key }) {
                energyCapRows["\(k).\(region)"] = addRow(
                    .energyCap, name: "\(name).\(region)", upper: regional, terms: terms(inRegion: index.regions[region]!))
            }
        }
    }
}
