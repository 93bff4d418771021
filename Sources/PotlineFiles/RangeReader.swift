import Foundation
import PotlineNetwork
import Yams

/// Reads `ranges.csv` against the files it describes. Problems are located at the file, row and
/// column of `ranges.csv`; a figure outside its range is a problem unless a scenario changed it.
enum RangeReader {
    static let file = TableSchema.ranges.file

    static func read(_ files: NetworkFiles, network: Network, _ log: ProblemLog) -> [EstimateRange] {
        guard let records = files.records(.ranges, log: log)
        else { return [] }
        let index = NetworkIndex(network)
        let lookup = RowLookup(files)
        var seen: [String: Int] = [:]
        var ranges: [EstimateRange] = []
        for r in records {
            let table = r.text("table")
            let rowKey = r.text("row")
            let column = r.text("column")
            let low = r.number("low")
            let high = r.number("high")
            if r.isBlank("table") { log.add(NetworkProblem(at: r.location, column: "table", message: "is required")) }
            if r.isBlank("column") { log.add(NetworkProblem(at: r.location, column: "column", message: "is required")) }
            if r.isBlank("source") {
                log.add(
                    NetworkProblem(
                        at: r.location, column: "source",
                        message: "is required: the document that gives the range, or 'estimate: reasoning'"))
            }
            guard !table.isEmpty, !column.isEmpty, let low, let high else { continue }
            if low > high {
                log.add(NetworkProblem(at: r.location, column: "high", message: "\(fmt(high)) is below low \(fmt(low))"))
                continue
            }
            let key = "\(table)|\(rowKey)|\(column)"
            if let first = seen[key] {
                log.add(
                    NetworkProblem(
                        at: r.location, column: "column", message: "repeats the range of row \(first) for the same figure"))
                continue
            }
            seen[key] = r.location.row
            guard let figure = figure(table: table, row: rowKey, column: column, files, index, lookup, r) else { continue }
            if !figure.changed, !(low...high).contains(figure.value) {
                log.add(
                    NetworkProblem(
                        at: r.location, column: figure.value < low ? "low" : "high",
                        message: "\(table) \(rowKey.isEmpty ? "" : "row \(rowKey) ")\(column) is \(fmt(figure.value)), "
                            + "outside the range \(fmt(low))…\(fmt(high))"))
                continue
            }
            ranges.append(
                EstimateRange(
                    table: table, row: rowKey, column: column, low: low, high: high, value: figure.value,
                    source: r.text("source"), valueChangedByScenario: figure.changed, location: r.location))
        }
        return ranges
    }

    private static func fmt(_ value: Double) -> String { NumberText.format(value) }

    // MARK: Finding the figure

    private static func figure(
        table: String, row rowKey: String, column: String, _ files: NetworkFiles, _ index: NetworkIndex, _ lookup: RowLookup,
        _ r: CSVRecord
    ) -> (value: Double, changed: Bool)? {
        func problem(_ column: String, _ message: String) -> (value: Double, changed: Bool)? {
            r.log.add(NetworkProblem(at: r.location, column: column, message: message))
            return nil
        }
        if table == NetworkLoader.manifestFile {
            guard rowKey.isEmpty else { return problem("row", "must be empty for network.yaml (the key goes in column)") }
            return manifestFigure(column, files, index, problem)
        }
        let fileName = table.hasSuffix(".csv") ? table : table + ".csv"
        let name = fileName.dropLast(4)
        guard let data = files.tables[fileName] else {
            return problem(
                "table",
                "the network has no table '\(table)'"
                    + Suggestion.didYouMean(String(table), among: files.tables.keys.map { String($0.dropLast(4)) }))
        }
        let conditions: [(String, String)]
        if rowKey.contains("=") {
            var parsed: [(String, String)] = []
            for part in rowKey.split(separator: ";") {
                let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pieces.count == 2, !pieces[0].isEmpty else {
                    return problem("row", "'\(rowKey)' is neither an id nor a selector col=value;col=value")
                }
                guard data.header.contains(pieces[0]) else {
                    return problem(
                        "row", "'\(pieces[0])' is not a column of \(fileName)" + Suggestion.didYouMean(pieces[0], among: data.header))
                }
                parsed.append((pieces[0], pieces[1]))
            }
            conditions = parsed
        } else {
            guard data.header.contains("id") else {
                return problem("row", "\(fileName) has no id column: select its row with col=value;col=value")
            }
            guard !rowKey.isEmpty else { return problem("row", "is required: the row's id in \(fileName)") }
            conditions = [("id", rowKey)]
        }
        let candidates = lookup.candidates(fileName, data, column: conditions[0].0, value: conditions[0].1)
        let matching = candidates.map { data.rows[$0] }.filter { row in conditions.allSatisfy { same(row.fields[$0.0] ?? "", $0.1) } }
        guard matching.count == 1, let row = matching.first else {
            if matching.isEmpty {
                let ids = conditions.count == 1 ? data.rows.compactMap { $0.fields[conditions[0].0] } : []
                return problem(
                    "row", "no row of \(fileName) is '\(rowKey)'" + Suggestion.didYouMean(rowKey, among: ids))
            }
            return problem("row", "'\(rowKey)' selects \(matching.count) rows of \(fileName); name one")
        }
        let changed = row.location.file != fileName
        let cell = row.fields[column] ?? ""
        if !cell.isEmpty {
            guard let value = NumberText.parse(cell) else {
                return problem("column", "\(fileName) row \(row.location.row) column \(column) is '\(cell)', not a number")
            }
            return (value, changed)
        }
        if let value = DefaultFigure.value(table: String(name), column: column, row: row.fields, index) {
            // A default read from another row (the region's price, the process's kWh/t) moved if a
            // scenario edited any row.
            return (value, changed || (lookup.anyRowEdited && !DefaultFigure.isConstant(table: String(name), column: column)))
        }
        if !data.header.contains(column) && !DefaultFigure.hasDefault(table: String(name), column: column) {
            return problem("column", "'\(column)' is not a column of \(fileName)" + Suggestion.didYouMean(column, among: data.header))
        }
        // A scenario that blanks the figure (an unlimited capacity, say) removes it: there is
        // nothing left for the base range to describe.
        if changed { return nil }
        return problem(
            "column", "\(fileName) row \(row.location.row) column \(column) is blank and has no default value to give a range to")
    }

    private static func manifestFigure(
        _ key: String, _ files: NetworkFiles, _ index: NetworkIndex,
        _ problem: (String, String) -> (value: Double, changed: Bool)?
    ) -> (value: Double, changed: Bool)? {
        if let node = files.manifest?.value(atDottedKey: key) {
            guard let text = node.string, let value = NumberText.parse(text) else {
                return problem("column", "network.yaml '\(key)' is not a number")
            }
            return (value, false)
        }
        // Built-in modes have values without a key in the file.
        let parts = key.split(separator: ".").map(String.init)
        if parts.count == 3, parts[0] == "modes", let mode = index.network.modes.first(where: { $0.name == parts[1] }) {
            switch parts[2] {
            case "circuity": return (mode.circuity, false)
            case "rate_yuan_per_tkm": return (mode.rateYuanPerTonneKm, false)
            case "handling_yuan_per_t": return (mode.handlingYuanPerTonne, false)
            default: break
            }
        }
        return problem("column", "network.yaml has no key '\(key)'")
    }

    /// Cells compare as text, or as numbers (`0.3` = `0.30`).
    private static func same(_ cell: String, _ wanted: String) -> Bool {
        if cell == wanted { return true }
        guard let a = NumberText.parse(cell), let b = NumberText.parse(wanted) else { return false }
        return a == b
    }
}

/// Finds the rows a range names without scanning the table for each range (684 ranges over
/// China's tables were a sixth of its solve): each table's column is indexed by cell text once.
private final class RowLookup {
    let files: NetworkFiles
    private var byText: [String: [String: [String: [Int]]]] = [:]
    /// Whether a scenario edited any row of any table (a default read from another row may then have moved).
    private(set) lazy var anyRowEdited = files.tables.contains { file, table in table.rows.contains { $0.location.file != file } }

    init(_ files: NetworkFiles) { self.files = files }

    /// The rows of `data` whose `column` may equal `value`: by text, or, for a number (cells
    /// compare as numbers too: `0.3` = `0.30`), every row.
    func candidates(_ file: String, _ data: NetworkFiles.Table, column: String, value: String) -> [Int] {
        if NumberText.parse(value) != nil { return Array(data.rows.indices) }
        let index = byText[file]?[column] ?? {
            var index: [String: [Int]] = [:]
            for (i, row) in data.rows.enumerated() { index[row.fields[column] ?? "", default: []].append(i) }
            byText[file, default: [:]][column] = index
            return index
        }()
        return index[value] ?? []
    }
}

/// The documented defaults of blank numeric cells (Networks/README.md), resolved as the
/// formulation resolves them, so that a range on a defaulted figure checks the figure used.
enum DefaultFigure {
    private static let constants: [String: [String: Double]] = [
        "plants": ["renewable_share": 0],
        "candidates": [
            "renewable_share": 0, "max_modules": 1, "min_capacity_t_per_y": 0, "site_capex_yuan": 0,
            "capex_yuan_per_t_per_y": 0, "lifetime_y": 25, "discount_rate": 0.08, "fixed_cost_yuan_per_y": 0,
        ],
        "retrofits": ["capex_yuan": 0, "lifetime_y": 20, "discount_rate": 0.08],
        "regions": ["grid_emission_kg_per_kwh": 0],
        "processes": ["electricity_kwh_per_t": 0, "other_cost_yuan_per_t": 0, "process_emission_t_per_t": 0],
        "captive_power": ["backup_fee_yuan_per_kwh": 0, "funds_yuan_per_kwh": 0, "cross_subsidy_yuan_per_kwh": 0,
            "emission_kg_per_kwh": 0],
        "period_conditions": ["availability": 1],
    ]
    private static let derived: [String: Set<String>] = [
        "plants": ["electricity_kwh_per_t", "other_cost_yuan_per_t", "electricity_price_yuan_per_kwh"],
        "candidates": ["electricity_kwh_per_t", "other_cost_yuan_per_t", "electricity_price_yuan_per_kwh"],
        "links": ["distance_km", "rate_yuan_per_tkm", "handling_yuan_per_t"],
        "period_conditions": ["grid_price_yuan_per_kwh"],
    ]

    static func isConstant(table: String, column: String) -> Bool { constants[table]?[column] != nil }

    static func hasDefault(table: String, column: String) -> Bool {
        constants[table]?[column] != nil || derived[table]?.contains(column) == true
    }

    static func value(table: String, column: String, row: [String: String], _ index: NetworkIndex) -> Double? {
        if let constant = constants[table]?[column] { return constant }
        let network = index.network
        let id = row["id"] ?? ""
        func process(_ name: String) -> ProductionProcess? { index.processes[name].map { network.processes[$0] } }
        func gridPrice(_ region: String) -> Double? {
            index.regions[region].flatMap { network.regions[$0].gridPriceYuanPerKWh }
        }
        switch table {
        case "plants":
            guard let plant = network.plants.first(where: { $0.id == id }) else { return nil }
            switch column {
            case "electricity_kwh_per_t": return index.electricityKWhPerTonne(plant)
            case "other_cost_yuan_per_t": return index.otherCostYuanPerTonne(plant)
            case "electricity_price_yuan_per_kwh": return gridPrice(plant.region)
            default: return nil
            }
        case "candidates":
            guard let candidate = network.candidates.first(where: { $0.id == id }) else { return nil }
            switch column {
            case "electricity_kwh_per_t": return process(candidate.process)?.electricityKWhPerTonne
            case "other_cost_yuan_per_t": return process(candidate.process)?.otherCostYuanPerTonne
            case "electricity_price_yuan_per_kwh": return gridPrice(candidate.region)
            default: return nil
            }
        case "links":
            guard let link = network.links.first(where: { $0.id == id }) else { return nil }
            switch column {
            case "distance_km": return index.distanceKm(link)
            case "rate_yuan_per_tkm": return index.rateYuanPerTonneKm(link)
            case "handling_yuan_per_t": return index.handlingYuanPerTonne(link)
            default: return nil
            }
        case "period_conditions":
            return column == "grid_price_yuan_per_kwh" ? gridPrice(row["region"] ?? "") : nil
        default:
            return nil
        }
    }
}
