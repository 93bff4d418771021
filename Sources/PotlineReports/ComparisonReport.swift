import Foundation
import LinearModel
import PotlineFiles
import PotlineFormulation
import PotlineNetwork
import PotlineResults
import PotlineSolve
import PotlineStudies

/// A comparison as a person reads it: the cases, what each changed in the inputs, then the
/// results side by side, each scenario's column followed by its change against the base.
public enum ComparisonReport {
    public static func render(_ comparison: Comparison) -> String {
        let sections: [(Comparison) -> [String]] = [
            header, casesSection, inputChanges, summary, deliveredCosts, outputByStage, plantChanges, effects,
            siteChanges, unmetDemands,
        ]
        return sections.flatMap { $0(comparison) }.joined(separator: "\n") + "\n"
    }

    /// The title line: network, cases, wall time and threads.
    private static func header(_ comparison: Comparison) -> [String] {
        var out: [String] = []
        let count = comparison.scenarios.count
        out.append(
            "Comparison on \(comparison.network) (base year \(comparison.baseYear)): base and \(count) "
                + (count == 1 ? "scenario" : "scenarios") + ", solved in \(Format.seconds(comparison.wallSeconds)) on "
                + "\(comparison.threads) \(comparison.threads == 1 ? "thread" : "threads")")

        if let siting = comparison.sitingWords { out.append(siting) }
        return out
    }

    /// Each case with its status and the scenario files it stacks.
    private static func casesSection(_ comparison: Comparison) -> [String] {
        var out: [String] = []
        out.append("")
        out.append("Cases:")
        var cases = TextTable([("case", .left), ("status", .left), ("scenario files", .left), ("description", .left)])
        for item in comparison.cases {
            cases.add([
                item.name, item.status.words, item.scenarioFiles.isEmpty ? "–" : item.scenarioFiles.joined(separator: " + "),
                item.description,
            ])
        }
        out.append(cases.render())
        return out
    }

    /// What each scenario changed in the inputs, cell by cell: the kind of change in words, the
    /// values before and after in columns of their own. A whole added or removed row is cut to
    /// ``shownValueLength`` characters; `--json` and `input_changes.csv` hold it in full.
    private static func inputChanges(_ comparison: Comparison) -> [String] {
        var out: [String] = []
        out.append("")
        out.append("Inputs changed (against the base):")
        var inputs = TextTable([
            ("case", .left), ("by", .left), ("file", .left), ("row", .right), ("key", .left), ("column", .left),
            ("change", .left), ("before", .left), ("after", .left),
        ])
        var cut = false
        func shown(_ value: String?, in change: InputChange) -> String {
            guard let value, !value.isEmpty else { return change.kind == .changed ? "(blank)" : "" }
            guard value.count > shownValueLength else { return value }
            cut = true
            return value.prefix(shownValueLength - 1) + "…"
        }
        for item in comparison.scenarios {
            for change in item.inputChanges {
                inputs.add([
                    item.name, change.scenario, change.file, change.row.map(String.init) ?? "", change.key,
                    change.column ?? "", change.kind.rawValue, shown(change.oldValue, in: change), shown(change.newValue, in: change),
                ])
            }
        }
        out.append(inputs.rows.isEmpty ? "  (none)" : inputs.render())
        if cut { out.append("  (… a row cut short: --json and input_changes.csv of --out hold it in full)") }
        return out
    }

    /// How much of a value the inputs table shows, so a whole added row stays within a screen.
    static let shownValueLength = 60

    /// Totals side by side, with the cases that did not solve to optimality.
    private static func summary(_ comparison: Comparison) -> [String] {
        var out: [String] = []
        out.append("")
        out.append("Summary:")
        out.append(sideBySide(comparison, leading: [("quantity", .left)], rows: summaryRows(comparison), decimals: 1))
        if let line = statusLine(comparison) { out.append(line) }
        return out
    }

    /// Marginal and average delivered cost per demand, side by side.
    private static func deliveredCosts(_ comparison: Comparison) -> [String] {
        var out: [String] = []
        let demands = unionOfKeys(comparison.cases.map { $0.deliveredCosts.map { [$0.region, $0.commodity] } })
        for (title, value, change) in [
            ("Delivered cost, marginal yuan/t (one more tonne):", \Comparison.DeliveredCost.marginalCostYuanPerTonne,
                \Comparison.DeliveredCost.marginalCostChangeYuanPerTonne),
            ("Delivered cost, average yuan/t (the tonnes that arrive):", \.averageCostYuanPerTonne, \.averageCostChangeYuanPerTonne),
        ] {
            out.append("")
            out.append(title)
            out.append(
                sideBySide(
                    comparison, leading: [("region", .left), ("commodity", .left)],
                    rows: rows(comparison, demands) { item, key in
                        let cost = item.deliveredCosts.first { [$0.region, $0.commodity] == key }
                        return Cell(value: cost?[keyPath: value], change: cost?[keyPath: change])
                    }, decimals: 1))
        }
        return out
    }

    /// Output by process and region, side by side.
    private static func outputByStage(_ comparison: Comparison) -> [String] {
        var out: [String] = []
        out.append("")
        out.append("Output kt/y by process and region:")
        let stages = unionOfKeys(comparison.cases.map { $0.production.map { [$0.process, $0.region] } })
        out.append(
            sideBySide(
                comparison, leading: [("process", .left), ("region", .left)],
                rows: rows(comparison, stages) { item, key in
                    let stage = item.production.first { [$0.process, $0.region] == key }
                    return Cell(value: stage.map { $0.productionTonnesPerYear / 1e3 }, change: stage?.changeTonnesPerYear.map { $0 / 1e3 })
                }, decimals: 1))
        return out
    }

    /// The plants whose output moves in any scenario.
    private static func plantChanges(_ comparison: Comparison) -> [String] {
        var out: [String] = []
        out.append("")
        out.append("Plants whose output changes, kt/y:")
        let plants = unionOfKeys(comparison.compared.map { $0.plantChanges.map { [$0.id, $0.region, $0.process] } })
        if plants.isEmpty {
            out.append("  (none)")
        } else {
            out.append(
                sideBySide(
                    comparison, leading: [("plant", .left), ("region", .left), ("process", .left)],
                    rows: plants.map { key in
                        let base = comparison.base.solution?.plants.first { $0.id == key[0] }
                        return Row(
                            leading: key,
                            cells: [Cell(value: base.map { $0.productionTonnesPerYear / 1e3 }, change: nil)]
                                + comparison.compared.map { item in
                                    if let change = item.plantChanges.first(where: { $0.id == key[0] }) {
                                        return Cell(
                                            value: change.productionTonnesPerYear.map { $0 / 1e3 }, change: change.changeTonnesPerYear / 1e3,
                                            note: change.change.rawValue)
                                    }
                                    let same = item.solution?.plants.first { $0.id == key[0] }
                                    return Cell(value: same.map { $0.productionTonnesPerYear / 1e3 }, change: same == nil ? nil : 0)
                                })
                    }, decimals: 1, notes: true))
        }
        return out
    }

    /// Siting decisions that differ from the base.
    private static func siteChanges(_ comparison: Comparison) -> [String] {
        var out: [String] = []
        let sites = comparison.compared.flatMap { item in item.siteChanges.map { (item.name, $0) } }
        if !sites.isEmpty {
            out.append("")
            out.append("Siting decisions that differ from the base:")
            var table = TextTable([
                ("case", .left), ("site", .left), ("region", .left), ("process", .left), ("change", .left),
                ("capacity kt/y", .right),
            ])
            for (name, site) in sites {
                table.add([
                    name, site.site, site.region ?? "", site.process ?? "", site.change.rawValue.replacingOccurrences(of: "_", with: " "),
                    site.capacityTonnesPerYear.map(Format.kilotonnes) ?? "",
                ])
            }
            out.append(table.render())
        }
        return out
    }

    /// Demands a case cannot meet.
    private static func unmetDemands(_ comparison: Comparison) -> [String] {
        var out: [String] = []
        let unmet = comparison.cases.filter { !$0.unmetDemands.isEmpty }
        if !unmet.isEmpty {
            out.append("")
            out.append("Demands that cannot be met:")
            var table = TextTable([
                ("case", .left), ("region", .left), ("commodity", .left), ("demand kt/y", .right), ("unmet kt/y", .right),
            ])
            for item in unmet {
                for demand in item.unmetDemands {
                    table.add([
                        item.name, demand.region, demand.commodity, Format.kilotonnes(demand.demandTonnesPerYear),
                        Format.kilotonnes(demand.unmetTonnesPerYear),
                    ])
                }
            }
            out.append(table.render())
        }
        return out
    }

    /// Per plant and per region: unit cost and surcharge paid, where a case moves them.
    private static func effects(_ comparison: Comparison) -> [String] {
        var out: [String] = []
        let plants = unionOfKeys(comparison.compared.map { $0.plantEffects.map { [$0.id, $0.region, $0.process] } })
        if !plants.isEmpty {
            out.append("")
            out.append("Unit cost of plants whose costs change, yuan/t:")
            out.append(
                sideBySide(
                    comparison, leading: [("plant", .left), ("region", .left), ("process", .left)],
                    rows: plants.map { key in
                        let base = comparison.base.solution?.plants.first { $0.id == key[0] }
                        return Row(
                            leading: key,
                            cells: [Cell(value: base?.unitCostYuanPerTonne, change: nil)]
                                + comparison.compared.map { item in
                                    if let effect = item.plantEffects.first(where: { $0.id == key[0] }) {
                                        return Cell(value: effect.unitCostYuanPerTonne, change: effect.unitCostChangeYuanPerTonne)
                                    }
                                    let same = item.solution?.plants.first { $0.id == key[0] }
                                    return Cell(value: same?.unitCostYuanPerTonne, change: same?.unitCostYuanPerTonne == nil ? nil : 0)
                                })
                    }, decimals: 1))
        }
        let paying = plants.filter { key in
            comparison.cases.contains { item in (item.solution?.plants.first { $0.id == key[0] }?.costYuan.surcharge ?? 0) != 0 }
        }
        if !paying.isEmpty {
            out.append("")
            out.append("Surcharge paid by plant, M yuan/y (rate yuan/kWh in the base):")
            out.append(
                sideBySide(
                    comparison, leading: [("plant", .left), ("region", .left), ("rate", .right)],
                    rows: paying.map { key in
                        let base = comparison.base.solution?.plants.first { $0.id == key[0] }
                        let million = { (value: Double?) in value.map { $0 / 1e6 } }
                        return Row(
                            leading: [key[0], key[1], base.map { Format.number($0.surchargeYuanPerKWh, decimals: 3) } ?? "–"],
                            cells: [Cell(value: million(base?.costYuan.surcharge), change: nil)]
                                + comparison.compared.map { item in
                                    let now = item.solution?.plants.first { $0.id == key[0] }
                                    return Cell(
                                        value: million(now?.costYuan.surcharge),
                                        change: million(difference(base?.costYuan.surcharge, now?.costYuan.surcharge)))
                                })
                    }, decimals: 1))
        }
        let regions = unionOfKeys(comparison.compared.map { $0.regionEffects.map { [$0.region, $0.process] } })
        if !regions.isEmpty {
            out.append("")
            out.append("By region and process: unit cost yuan/t (output-weighted) and surcharge M yuan/y:")
            var columns: [(title: String, alignment: TextTable.Alignment)] = [
                ("region", .left), ("process", .left), ("base yuan/t", .right), ("base M yuan/y", .right),
            ]
            for item in comparison.compared {
                columns += [("\(item.name) yuan/t", .right), ("Δ", .right), ("M yuan/y", .right), ("Δ", .right)]
            }
            var table = TextTable(columns)
            for key in regions {
                let base = comparison.compared.lazy.compactMap { $0.regionEffects.first { [$0.region, $0.process] == key } }.first
                var cells = key + [
                    Format.optional(base?.baseUnitCostYuanPerTonne, decimals: 1),
                    Format.optional(base.map { $0.baseSurchargeYuan / 1e6 }, decimals: 1),
                ]
                for item in comparison.compared {
                    if let effect = item.regionEffects.first(where: { [$0.region, $0.process] == key }) {
                        cells += [
                            Format.optional(effect.unitCostYuanPerTonne, decimals: 1),
                            effect.unitCostChangeYuanPerTonne.map { Format.signed($0, decimals: 1) } ?? "",
                            Format.number(effect.surchargeYuan / 1e6, decimals: 1),
                            Format.signed(effect.surchargeChangeYuan / 1e6, decimals: 1),
                        ]
                    } else {
                        cells += ["=", "", "=", ""]
                    }
                }
                table.add(cells)
            }
            out.append(table.render())
            out.append("  (= as in the base)")
        }
        return out
    }

    /// The one-number results: total cost, the cost components that are not zero in every case,
    /// and emissions.
    static func summaryRows(_ comparison: Comparison) -> [Row] {
        let million = { (value: Double?) in value.map { $0 / 1e6 } }
        var rows = [
            Row(
                leading: ["total cost M yuan/y"],
                cells: comparison.cases.map {
                    Cell(value: million($0.totalCostYuan), change: million($0.totalCostChangeYuan))
                })
        ]
        let names = CostComponents().named.map(\.name)
        for (i, name) in names.enumerated() {
            let cells = comparison.cases.map { item in
                Cell(
                    value: million(item.costBreakdownYuan?.named[i].value),
                    change: million(item.costBreakdownChangeYuan?.named[i].value))
            }
            guard cells.contains(where: { ($0.value ?? 0) != 0 }) else { continue }
            rows.append(Row(leading: ["  " + name.replacingOccurrences(of: "_", with: " ")], cells: cells))
        }
        if comparison.cases.contains(where: { $0.co2T != nil }) {
            rows.append(
                Row(
                    leading: ["CO2 Mt/y"],
                    cells: comparison.cases.map { Cell(value: million($0.co2T), change: million($0.co2ChangeT)) }))
        }
        return rows
    }

    private static func statusLine(_ comparison: Comparison) -> String? {
        let unsolved = comparison.cases.filter { $0.status != .optimal }
        guard !unsolved.isEmpty else { return nil }
        return "  not optimal: " + unsolved.map { "\($0.name) (\($0.status.words))" }.joined(separator: ", ")
    }

    struct Cell {
        var value: Double?
        var change: Double?
        var note: String = ""
    }

    struct Row {
        var leading: [String]
        var cells: [Cell]
    }

    /// A table with the leading columns, then the base's value, then for each scenario its value
    /// and its change against the base.
    /// With `notes`, each change is followed by a column of words (`started`, `stopped`), so
    /// that the numbers align.
    private static func sideBySide(
        _ comparison: Comparison, leading: [(String, TextTable.Alignment)], rows: [Row], decimals: Int, notes: Bool = false
    ) -> String {
        var columns = leading.map { (title: $0.0, alignment: $0.1) }
        columns.append(("base", .right))
        for item in comparison.compared {
            columns.append((item.name, .right))
            columns.append(("Δ", .right))
            if notes { columns.append(("change", .left)) }
        }
        var table = TextTable(columns)
        for row in rows {
            var cells = row.leading
            for (i, cell) in row.cells.enumerated() {
                cells.append(Format.optional(cell.value, decimals: decimals))
                if i > 0 {
                    cells.append(cell.change.map { Format.signed($0, decimals: decimals) } ?? "")
                    if notes { cells.append(cell.note) }
                }
            }
            table.add(cells)
        }
        return table.render()
    }

    /// One row per key, its cell in each case found by `cell`.
    private static func rows(
        _ comparison: Comparison, _ keys: [[String]], cell: (Comparison.Case, [String]) -> Cell
    ) -> [Row] {
        keys.map { key in Row(leading: key, cells: comparison.cases.map { cell($0, key) }) }
    }

    /// Keys in order of first appearance across the cases.
    private static func unionOfKeys(_ lists: [[[String]]]) -> [[String]] {
        var seen = Set<[String]>()
        var keys: [[String]] = []
        for list in lists { for key in list where seen.insert(key).inserted { keys.append(key) } }
        return keys
    }

    // MARK: - Tables

    /// The comparison's tables (`--out`, `--xlsx`): one row per case and item, the case's name
    /// in the first column, for pivot tables.
    public static func tables(_ comparison: Comparison) -> [ResultTable] {
        typealias Schema = ResultTableSchema
        let components = CostComponents().named.map(\.name)
        var tables = [
            ResultTable(
                Schema.compareCases, items: ["component": components],
                rows: comparison.cases.map { item in
                    [
                        .text(item.name), .text(item.description), .text(item.scenarioFiles.joined(separator: ";")), .text(item.status.rawValue),
                        .number(item.totalCostYuan), .number(item.totalCostChangeYuan),
                    ] + components.indices.map { .number(item.costBreakdownYuan?.named[$0].value) }
                        + components.indices.map { .number(item.costBreakdownChangeYuan?.named[$0].value) }
                        + [.number(item.co2T), .number(item.co2ChangeT), .number(item.solveSeconds), .integer(item.simplexIterations)]
                }),
            ResultTable(
                Schema.compareDeliveredCosts,
                rows: comparison.cases.flatMap { item in
                    item.deliveredCosts.map {
                        [
                            .text(item.name), .text($0.region), .text($0.commodity), .number($0.demandTonnesPerYear),
                            .number($0.demandChangeTonnesPerYear), .number($0.marginalCostYuanPerTonne), .number($0.marginalCostChangeYuanPerTonne),
                            .number($0.averageCostYuanPerTonne), .number($0.averageCostChangeYuanPerTonne),
                        ]
                    }
                }),
            ResultTable(
                Schema.compareProduction,
                rows: comparison.cases.flatMap { item in
                    item.production.map {
                        [.text(item.name), .text($0.process), .text($0.region), .number($0.productionTonnesPerYear), .number($0.changeTonnesPerYear)]
                    }
                }),
            ResultTable(
                Schema.comparePlantChanges,
                rows: comparison.scenarios.flatMap { item in
                    item.plantChanges.map {
                        [
                            .text(item.name), .text($0.id), .text($0.region), .text($0.process), .text($0.change.rawValue),
                            .number($0.baseProductionTonnesPerYear), .number($0.productionTonnesPerYear), .number($0.changeTonnesPerYear),
                        ]
                    }
                }),
            ResultTable(
                Schema.compareInputChanges,
                rows: comparison.scenarios.flatMap { item in
                    item.inputChanges.map {
                        [
                            .text(item.name), .text($0.scenario), .text($0.file), .integer($0.row), .text($0.key), .text($0.column ?? ""),
                            .text($0.kind.rawValue), .text($0.oldValue ?? ""), .text($0.newValue ?? ""),
                        ]
                    }
                }),
        ]
        let sites: [[ResultCell]] = comparison.compared.flatMap { item in
            item.siteChanges.map {
                [
                    .text(item.name), .text($0.site), .text($0.region ?? ""), .text($0.process ?? ""), .text($0.change.rawValue),
                    .number($0.capacityTonnesPerYear),
                ]
            }
        }
        if !sites.isEmpty { tables.append(ResultTable(Schema.compareSiteChanges, rows: sites)) }
        tables.append(
            ResultTable(
                Schema.casePlants,
                rows: comparison.cases.flatMap { item in
                    (item.solution?.plants ?? []).map {
                        [
                            .text(item.name), .text($0.id), .text($0.kind.rawValue), .text($0.region), .text($0.process),
                            .number($0.capacityTonnesPerYear), .number($0.productionTonnesPerYear), .flag($0.closed),
                            .number($0.electricityKWhPerTonne), .number($0.electricityPriceYuanPerKWh), .number($0.surchargeYuanPerKWh),
                            .number($0.costYuan.surcharge), .number($0.unitCostYuanPerTonne),
                        ]
                    }
                }))
        tables.append(
            ResultTable(
                Schema.caseFlows,
                rows: comparison.cases.flatMap { item in
                    (item.solution?.flows ?? []).map {
                        [
                            .text(item.name), .text($0.link), .text($0.mode), .text($0.commodity), .text($0.from), .text($0.to),
                            .number($0.tonnesPerYear), .number($0.freightCostYuanPerTonne), .number($0.freightCostYuan),
                        ]
                    }
                }))
        let unmet: [[ResultCell]] = comparison.cases.flatMap { item in
            item.unmetDemands.map {
                [.text(item.name), .text($0.region), .text($0.commodity), .number($0.demandTonnesPerYear), .number($0.unmetTonnesPerYear)]
            }
        }
        if !unmet.isEmpty { tables.append(ResultTable(Schema.compareUnmetDemands, rows: unmet)) }
        return tables
    }
}
