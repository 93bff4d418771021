import Foundation
import Yams
import PotlineNetwork

/// One input that a case changed against the base network, after all its scenarios are applied:
/// a table cell, a whole row added or removed, or a manifest key. Reports print these beside the
/// results so that a reader sees cause and effect together.
public struct InputChange: Sendable, Codable, Equatable {
    /// Whether a scenario changed an input, added a row or removed one.
    public enum Kind: String, Sendable, Codable {
        case changed, added, removed
    }

    /// The scenario that made the change (the last one, when several touched it).
    public var scenario: String
    /// `regions.csv`, or `network.yaml` for a manifest key.
    public var file: String
    /// The row in the base file (header is row 1); nil for an added row or a manifest key.
    public var row: Int?
    /// Which row, in domain words (`id=xinjiang`, `region=guangdong, commodity=aluminium`),
    /// or the dotted manifest key.
    public var key: String
    /// The changed column; nil for a whole row or a manifest key.
    public var column: String?
    public var kind: Kind
    /// The value before (a whole row as `column=value, …`); nil for an addition.
    public var oldValue: String?
    /// The value after; nil for a removal.
    public var newValue: String?

    public init(
        scenario: String, file: String, row: Int? = nil, key: String, column: String? = nil, kind: Kind,
        oldValue: String?, newValue: String?
    ) {
        self.scenario = scenario
        self.file = file
        self.row = row
        self.key = key
        self.column = column
        self.kind = kind
        self.oldValue = oldValue
        self.newValue = newValue
    }
}

/// A base network with scenarios stacked on it in order: the changed files, ready to parse,
/// and the net input changes against the base.
public struct ScenarioCase {
    /// The scenarios' names joined by ` + `, or `base`.
    public var name: String
    public var description: String
    public var scenarios: [Scenario]
    public var files: NetworkFiles
    public var inputChanges: [InputChange]

    /// Applies `scenarios` to `base` in order. Throws ``NetworkError`` naming the scenario file,
    /// line and change for every change that cannot apply: a change that selects no row, an
    /// unknown table or column, a number expected where the cell is blank or text.
    public init(base: NetworkFiles, scenarios: [Scenario], name: String? = nil) throws(NetworkError) {
        let overlay = try Overlay.applying(scenarios, to: base)
        self.name = name ?? (scenarios.isEmpty ? "base" : scenarios.map(\.name).joined(separator: " + "))
        self.description = scenarios.map(\.description).filter { !$0.isEmpty }.joined(separator: "; ")
        self.scenarios = scenarios
        self.files = overlay.files
        self.inputChanges = overlay.inputChanges()
    }

    /// Parses and validates the changed network. Problems in changed or added rows name the
    /// scenario file and change that wrote them.
    public func network() throws(NetworkError) -> ValidatedNetwork {
        try NetworkLoader.parse(files)
    }
}

extension NetworkFiles {
    /// These files with `scenarios` applied in order, without the input diff that
    /// ``ScenarioCase`` computes (a sweep applies one change per point and needs no diff).
    public func applying(_ scenarios: [Scenario]) throws(NetworkError) -> NetworkFiles {
        try Overlay.applying(scenarios, to: self).files
    }
}

/// A case whose inputs are wrong: which case, and every problem (each naming its file, row and
/// column, or scenario file, line and change).
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    public var caseName: String
    public var problems: [NetworkProblem]

    public init(caseName: String, problems: [NetworkProblem]) {
        self.caseName = caseName
        self.problems = problems
    }

    public var description: String {
        "\(caseName): " + NetworkError(problems).description
    }
}

/// The applier. Every row carries the index of the base row it came from, so that after any
/// stack of scenarios the net change against the base can be read off row by row.
private struct Overlay {
    struct TrackedRow {
        /// Index of the base row; nil for a row a scenario added.
        var origin: Int?
        var row: NetworkFiles.Row
        /// Column → the scenario that last wrote it.
        var writers: [String: String] = [:]
        var addedBy: String?
    }

    struct TrackedTable {
        var table: NetworkFiles.Table
        var rows: [TrackedRow]
        /// Base row index → the scenario that removed it.
        var removedBy: [Int: String] = [:]
    }

    let base: NetworkFiles
    var tables: [String: TrackedTable]
    var manifest: Node?
    /// Dotted manifest key → the scenario that last wrote it.
    var manifestWriters: [String: String] = [:]
    var problems: [NetworkProblem] = []

    static func applying(_ scenarios: [Scenario], to base: NetworkFiles) throws(NetworkError) -> Overlay {
        var overlay = Overlay(base)
        for scenario in scenarios { overlay.apply(scenario) }
        if !overlay.problems.isEmpty { throw NetworkError(overlay.problems) }
        return overlay
    }

    init(_ base: NetworkFiles) {
        self.base = base
        manifest = base.manifest
        tables = base.tables.mapValues { table in
            TrackedTable(table: table, rows: table.rows.enumerated().map { TrackedRow(origin: $0, row: $1) })
        }
    }

    var files: NetworkFiles {
        var files = base
        files.manifest = manifest
        files.tables = tables.mapValues { tracked in
            var table = tracked.table
            table.rows = tracked.rows.map(\.row)
            return table
        }
        return files
    }

    // MARK: Applying

    mutating func apply(_ scenario: Scenario) {
        for change in scenario.changes {
            switch change.target {
            case .manifest: applyToManifest(change, of: scenario)
            case let .table(file, selection): applyToTable(file, selection, change, of: scenario)
            }
        }
    }

    private mutating func problem(_ scenario: Scenario, _ change: Scenario.Change, line: Int? = nil, _ message: String) {
        problems.append(
            NetworkProblem(file: scenario.file, row: line ?? change.line, column: change.summary, message: message))
    }

    /// Where a row written by `change` points: the scenario file and change, and the base row
    /// (or the scenario line for an added row), so the parser's problems name the scenario.
    private func location(_ scenario: Scenario, _ change: Scenario.Change, file: String, row: Int?) -> SourceLocation {
        SourceLocation(file: "\(scenario.file) (change \(change.number) on \(file))", row: row ?? change.line ?? 0)
    }

    private mutating func applyToTable(
        _ file: String, _ selection: Scenario.Selection, _ change: Scenario.Change, of scenario: Scenario
    ) {
        if case let .addRows(newRows) = change.action {
            addRows(newRows, to: file, change, of: scenario)
            return
        }
        guard var tracked = tables[file] else {
            problem(
                scenario, change,
                "the network has no table \(file)" + Suggestion.didYouMean(file, among: tables.keys))
            return
        }
        guard let selected = select(selection, in: tracked, change, of: scenario) else { return }
        switch change.action {
        case .removeRows:
            let doomed = Set(selected)
            for i in selected {
                if let origin = tracked.rows[i].origin { tracked.removedBy[origin] = scenario.name }
            }
            tracked.rows = tracked.rows.enumerated().filter { !doomed.contains($0.offset) }.map(\.element)
        case let .edit(edits):
            for edit in edits {
                let line = edit.line ?? change.line
                if !tracked.table.header.contains(edit.key) {
                    guard case .set = edit.operation else {
                        problem(
                            scenario, change, line: line,
                            "'\(edit.key)' is not a column of \(file)"
                                + Suggestion.didYouMean(edit.key, among: tracked.table.header))
                        continue
                    }
                    // A new column: the parser checks it like any header, naming this scenario.
                    tracked.table.header.append(edit.key)
                    tracked.table.columnLocations[edit.key] = location(scenario, change, file: file, row: line)
                }
                for i in selected {
                    let old = tracked.rows[i].row.fields[edit.key] ?? ""
                    guard let new = edited(old, by: edit.operation, scenario, change, line: line, rowName: {
                        "\(file) row \(tracked.rows[i].row.location.row) (\(rowKey(tracked.rows[i].row.fields, header: tracked.table.header)))"
                    }) else { continue }
                    tracked.rows[i].row.fields[edit.key] = new
                    tracked.rows[i].writers[edit.key] = scenario.name
                    tracked.rows[i].row.location = location(
                        scenario, change, file: file, row: tracked.rows[i].origin.map { base.tables[file]!.rows[$0].location.row })
                }
            }
        case .addRows, .removeKeys:
            break
        }
        tables[file] = tracked
    }

    /// Indices of the selected rows; nil (after a problem) when the selection names an unknown
    /// column or selects nothing: a scenario that changes nothing is a mistake, not a no-op.
    private mutating func select(
        _ selection: Scenario.Selection, in tracked: TrackedTable, _ change: Scenario.Change, of scenario: Scenario
    ) -> [Int]? {
        let file = tracked.table.file
        guard case let .matching(conditions) = selection else {
            if tracked.rows.isEmpty {
                problem(scenario, change, "selects no row: \(file) has no rows")
                return nil
            }
            return Array(tracked.rows.indices)
        }
        for condition in conditions where !tracked.table.header.contains(condition.column) {
            problem(
                scenario, change,
                "'\(condition.column)' is not a column of \(file)"
                    + Suggestion.didYouMean(condition.column, among: tracked.table.header))
            return nil
        }
        let selected = tracked.rows.indices.filter { i in
            conditions.allSatisfy { condition in
                let cell = tracked.rows[i].row.fields[condition.column] ?? ""
                return condition.values.contains { Self.matches(cell, $0) }
            }
        }
        if selected.isEmpty {
            // Name the values that do exist, for the first condition that matches nothing.
            var hint = ""
            if let condition = conditions.first(where: { condition in
                !tracked.rows.contains { row in
                    condition.values.contains { Self.matches(row.row.fields[condition.column] ?? "", $0) }
                }
            }) {
                var existing: [String] = []
                for row in tracked.rows {
                    let value = row.row.fields[condition.column] ?? ""
                    if !existing.contains(value) { existing.append(value) }
                }
                let shown = existing.prefix(12).joined(separator: ", ") + (existing.count > 12 ? ", …" : "")
                hint = "; \(condition.column) in \(file): \(shown)"
                    + (condition.values.first.map { Suggestion.didYouMean($0, among: existing) } ?? "")
            }
            problem(scenario, change, "selects no row" + hint)
            return nil
        }
        return selected
    }

    /// A cell matches a wanted value if the text is equal, the numbers are equal (`0.3` = `0.30`),
    /// or the wanted value is `*`.
    static func matches(_ cell: String, _ wanted: String) -> Bool {
        if wanted == "*" || cell == wanted { return true }
        guard let a = NumberText.parse(cell), let b = NumberText.parse(wanted) else { return false }
        return a == b
    }

    /// The new text of a cell or manifest value; nil (after a problem) when a scale or add meets
    /// a blank or a non-number.
    private mutating func edited(
        _ old: String, by operation: Scenario.Operation, _ scenario: Scenario, _ change: Scenario.Change, line: Int?,
        rowName: () -> String
    ) -> String? {
        switch operation {
        case let .set(text): return text
        case let .scale(factor), let .add(factor):
            let verb = if case .scale = operation { "scale" } else { "add to" }
            guard !old.isEmpty else {
                problem(
                    scenario, change, line: line,
                    "\(rowName()) is blank (it takes a default), so there is no number to \(verb); use set")
                return nil
            }
            guard let number = NumberText.parse(old) else {
                problem(scenario, change, line: line, "\(rowName()) is '\(old)', not a number to \(verb)")
                return nil
            }
            if case .scale = operation { return NumberText.format(number * factor) }
            return NumberText.format(number + factor)
        }
    }

    private mutating func addRows(_ newRows: [Scenario.NewRow], to file: String, _ change: Scenario.Change, of scenario: Scenario) {
        var tracked =
            tables[file]
            ?? TrackedTable(
                table: NetworkFiles.Table(file: file, header: [], rows: []), rows: [])
        if tables[file] == nil {
            // The parser reports the table if it does not read a file of this name.
            tracked.table.createdBy = location(scenario, change, file: file, row: nil)
        }
        for newRow in newRows {
            for column in newRow.columns where !tracked.table.header.contains(column) {
                tracked.table.header.append(column)
                tracked.table.columnLocations[column] = location(scenario, change, file: file, row: newRow.line)
            }
            let row = NetworkFiles.Row(
                location: location(scenario, change, file: file, row: newRow.line), fields: newRow.fields)
            tracked.rows.append(TrackedRow(origin: nil, row: row, addedBy: scenario.name))
        }
        tables[file] = tracked
    }

    private mutating func applyToManifest(_ change: Scenario.Change, of scenario: Scenario) {
        guard var root = manifest, root.mapping != nil else {
            problem(scenario, change, "the network has no readable network.yaml to change")
            return
        }
        switch change.action {
        case let .removeKeys(keys):
            for key in keys {
                if root.removeValue(atDottedKey: key) == nil {
                    problem(scenario, change, "network.yaml has no key '\(key)' to remove" + suggestion(for: key, in: root))
                } else {
                    manifestWriters[key] = scenario.name
                }
            }
        case let .edit(edits):
            for edit in edits {
                let line = edit.line ?? change.line
                let old = root.value(atDottedKey: edit.key)
                if case .set = edit.operation {} else if old == nil {
                    let verb = if case .scale = edit.operation { "scale" } else { "add to" }
                    problem(
                        scenario, change, line: line,
                        "network.yaml has no key '\(edit.key)' to \(verb)" + suggestion(for: edit.key, in: root))
                    continue
                }
                if old != nil, old?.scalar == nil, case .set = edit.operation {
                    problem(
                        scenario, change, line: line,
                        "network.yaml key '\(edit.key)' holds a mapping or list; set the keys inside it with dotted names")
                    continue
                }
                guard
                    let new = edited(
                        old?.string ?? "", by: edit.operation, scenario, change, line: line,
                        rowName: { "network.yaml key '\(edit.key)'" })
                else { continue }
                do {
                    try root.setValue(Node(new), atDottedKey: edit.key)
                    manifestWriters[edit.key] = scenario.name
                } catch {
                    problem(scenario, change, line: line, error.message)
                }
            }
        case .addRows, .removeRows:
            break
        }
        manifest = root
    }

    private func suggestion(for key: String, in root: Node) -> String {
        Suggestion.didYouMean(key, among: root.flattened().map(\.key))
    }

    // MARK: Input diff

    /// The net change of every table and the manifest against the base, in file and row order.
    func inputChanges() -> [InputChange] {
        var changes: [InputChange] = manifestChanges()
        for file in Set(tables.keys).union(base.tables.keys).sorted() {
            let before = base.tables[file]
            let after = tables[file]
            let header = (before?.header ?? []) + (after?.table.header ?? []).filter { !(before?.header ?? []).contains($0) }
            var surviving: [Int: TrackedRow] = [:]
            for row in after?.rows ?? [] { if let origin = row.origin { surviving[origin] = row } }
            for (i, old) in (before?.rows ?? []).enumerated() {
                let key = rowKey(old.fields, header: header)
                guard let now = surviving[i] else {
                    changes.append(
                        InputChange(
                            scenario: after?.removedBy[i] ?? "", file: file, row: old.location.row, key: key, kind: .removed,
                            oldValue: rowText(old.fields, header: header), newValue: nil))
                    continue
                }
                for column in header {
                    let was = old.fields[column] ?? "", new = now.row.fields[column] ?? ""
                    guard was != new else { continue }
                    changes.append(
                        InputChange(
                            scenario: now.writers[column] ?? "", file: file, row: old.location.row, key: key, column: column,
                            kind: .changed, oldValue: was, newValue: new))
                }
            }
            for row in after?.rows ?? [] where row.origin == nil {
                changes.append(
                    InputChange(
                        scenario: row.addedBy ?? "", file: file, key: rowKey(row.row.fields, header: header), kind: .added,
                        oldValue: nil, newValue: rowText(row.row.fields, header: header)))
            }
        }
        return changes
    }

    private func manifestChanges() -> [InputChange] {
        let before = Dictionary(base.manifest?.flattened() ?? [], uniquingKeysWith: { $1 })
        let afterPairs = manifest?.flattened() ?? []
        let after = Dictionary(afterPairs, uniquingKeysWith: { $1 })
        var keys = (base.manifest?.flattened() ?? []).map(\.key)
        for (key, _) in afterPairs where before[key] == nil { keys.append(key) }
        return keys.compactMap { key in
            let was = before[key], new = after[key]
            guard was != new else { return nil }
            let kind: InputChange.Kind = was == nil ? .added : new == nil ? .removed : .changed
            return InputChange(
                scenario: writer(ofManifestKey: key), file: NetworkLoader.manifestFile, key: key, kind: kind, oldValue: was,
                newValue: new)
        }
    }

    /// The scenario that last wrote `key` or the nearest key above it (a removed mapping).
    private func writer(ofManifestKey key: String) -> String {
        var parts = key.split(separator: ".").map(String.init)
        while !parts.isEmpty {
            if let writer = manifestWriters[parts.joined(separator: ".")] { return writer }
            parts.removeLast()
        }
        return ""
    }
}

/// A row named in domain words: its `id`, or else its fields that hold ids (not numbers or free
/// text), such as `region=guangdong, commodity=aluminium` for a demand.
func rowKey(_ fields: [String: String], header: [String]) -> String {
    if let id = fields["id"], !id.isEmpty { return "id=\(id)" }
    let parts = header.filter { !["source", "note"].contains($0) }.compactMap { column -> String? in
        guard let value = fields[column], CSVRecord.isValidID(value), NumberText.parse(value) == nil else { return nil }
        return "\(column)=\(value)"
    }
    return parts.joined(separator: ", ")
}

/// A whole row as `column=value, …` for added and removed rows: blank cells and the free-text
/// `source` and `note` left out (they can run to paragraphs; edits to them still show per cell).
func rowText(_ fields: [String: String], header: [String]) -> String {
    header.compactMap { column in
        guard let value = fields[column], !value.isEmpty, !["source", "note"].contains(column) else { return nil }
        return "\(column)=\(value)"
    }.joined(separator: ", ")
}
