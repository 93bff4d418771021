import Foundation
import Yams
import PotlineNetwork

/// A named overlay on a base network: a list of changes to its raw tables and manifest
/// (see `Networks/SCENARIOS.md`). Scenarios edit ``NetworkFiles`` before it is parsed, so any
/// column of any table, present or future, can be changed without code for that column, and
/// the parser then checks the result exactly as it checks a folder on disk.
///
/// ```swift
/// let scenario = try Scenario.load(from: URL(fileURLWithPath: "dear_power.yaml"))
/// let files = try NetworkFiles.read(from: URL(fileURLWithPath: "Networks/examples/two_smelters"))
/// let network = try ScenarioCase(base: files, scenarios: [scenario]).network()
/// ```
public struct Scenario: Sendable, Equatable {
    /// Short name shown in reports; the file's name without `.yaml` when the file gives none.
    public var name: String
    public var description: String
    /// The scenario file as given (a path), named in every problem it causes.
    public var file: String
    public var changes: [Change]

    public init(name: String, description: String = "", file: String, changes: [Change]) {
        self.name = name
        self.description = description
        self.file = file
        self.changes = changes
    }

    /// One change: either rows of a table, or keys of the manifest.
    public struct Change: Sendable, Equatable {
        /// Position in the scenario's list, from 1, for messages.
        public var number: Int
        /// Line of the change in the scenario file, if it came from one.
        public var line: Int?
        public var target: Target
        public var action: Action

        public init(number: Int, line: Int? = nil, target: Target, action: Action) {
            self.number = number
            self.line = line
            self.target = target
            self.action = action
        }
    }

    /// The table (or manifest key) a change edits.
    public enum Target: Sendable, Equatable {
        /// A table by file name (`regions.csv`), and which of its rows.
        case table(String, Selection)
        /// `network.yaml`, addressed by dotted keys (`modes.rail.rate_yuan_per_tkm`).
        case manifest
    }

    /// Which rows of a table a change applies to.
    public enum Selection: Sendable, Equatable {
        /// Every row (`where: "*"`). Also used for `add_rows`, which selects nothing.
        case all
        /// Rows whose every listed column holds one of the listed values (`*` matches any value).
        case matching([Condition])
    }

    /// Selects the rows whose column holds one of the values.
    public struct Condition: Sendable, Equatable {
        public var column: String
        public var values: [String]
        public init(column: String, values: [String]) {
            self.column = column
            self.values = values
        }
    }

    /// What a change does to the selected rows: edit fields, add rows or remove them.
    public enum Action: Sendable, Equatable {
        /// Set, scale or add to fields (columns of the selected rows, or manifest keys).
        case edit([FieldEdit])
        /// Append rows to the table (column → value); the table is created if the network has none.
        case addRows([NewRow])
        /// Delete the selected rows.
        case removeRows
        /// Delete manifest keys.
        case removeKeys([String])
    }

    /// One field (a column or a dotted manifest key) and how it changes.
    public struct FieldEdit: Sendable, Equatable {
        /// A column name, or a dotted manifest key.
        public var key: String
        public var operation: Operation
        public var line: Int?

        public init(key: String, operation: Operation, line: Int? = nil) {
            self.key = key
            self.operation = operation
            self.line = line
        }
    }

    /// How a field edit combines with the old value.
    public enum Operation: Sendable, Equatable {
        /// Replace with this text (blank: the column's default).
        case set(String)
        /// Multiply a number by this factor.
        case scale(Double)
        /// Add this amount to a number.
        case add(Double)
    }

    /// A row a scenario adds, with its fields by column.
    public struct NewRow: Sendable, Equatable {
        public var fields: [String: String]
        /// Columns in the order the scenario wrote them, so a new table keeps that order.
        public var columns: [String]
        public var line: Int?

        public init(fields: [String: String], columns: [String]? = nil, line: Int? = nil) {
            self.fields = fields
            self.columns = columns ?? fields.keys.sorted()
            self.line = line
        }
    }
}

extension Scenario.Change {
    /// `change 2 (regions.csv where id = xinjiang)`: how messages name a change.
    public var summary: String {
        switch target {
        case .manifest:
            return "change \(number) (network.yaml)"
        case let .table(file, selection):
            switch (action, selection) {
            case (.addRows, _): return "change \(number) (add_rows to \(file))"
            case (_, .all): return "change \(number) (\(file), every row)"
            case let (_, .matching(conditions)):
                let text = conditions.map { "\($0.column) = \($0.values.joined(separator: " | "))" }
                return "change \(number) (\(file) where \(text.joined(separator: ", ")))"
            }
        }
    }
}

// MARK: - Reading scenario files

extension Scenario {
    /// Reads a scenario file (YAML, format in `Networks/SCENARIOS.md`). Throws ``NetworkError``
    /// listing every problem with the file, line and key.
    public static func load(from url: URL) throws(NetworkError) -> Scenario {
        try load(path: url.path)
    }

    /// Reads a scenario file; `path` is kept as written, to name the file in reports.
    public static func load(from path: String) throws(NetworkError) -> Scenario {
        try load(path: path)
    }

    private static func load(path: String) throws(NetworkError) -> Scenario {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NetworkError([NetworkProblem(file: path, message: "cannot be read (no such scenario file)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw NetworkError([NetworkProblem(file: path, message: "is not UTF-8 text")])
        }
        return try parse(text, file: path)
    }

    /// Parses scenario YAML; `file` names it in problems and in reports.
    public static func parse(_ text: String, file: String) throws(NetworkError) -> Scenario {
        let root: Node?
        do {
            root = try composeYAML(text)
        } catch {
            throw NetworkError([yamlSyntaxProblem(error, file: file)])
        }
        var reader = ScenarioReader(file: file)
        let scenario = reader.scenario(root)
        if !reader.problems.isEmpty { throw NetworkError(reader.problems) }
        return scenario
    }

    /// Keys of a scenario file, of a table change, and of a manifest change.
    static let fileKeys = ["name", "description", "changes"]
    static let changeKeys = ["table", "manifest", "where", "set", "scale", "add", "add_rows", "remove_rows", "note"]
    static let manifestKeys = ["set", "scale", "add", "remove"]
}

/// Reads the node tree of a scenario file key by key (not through untyped `Yams.load`, which turns
/// `NO` into false), so every problem names its line and key.
private struct ScenarioReader {
    let file: String
    var problems: [NetworkProblem] = []

    init(file: String) { self.file = file }

    mutating func problem(_ node: Node?, _ key: String, _ message: String) {
        problems.append(NetworkProblem(file: file, row: node?.mark?.line, column: key, message: message))
    }

    mutating func scenario(_ root: Node?) -> Scenario {
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        var scenario = Scenario(name: stem, file: file, changes: [])
        guard let mapping = root?.mapping else {
            problem(root, "(top level)", "must be a mapping with name, description and changes")
            return scenario
        }
        var sawChanges = false
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "name":
                if let name = value.string, !name.isEmpty { scenario.name = name } else {
                    problem(value, key, "must be a non-empty text")
                }
            case "description": scenario.description = value.string ?? ""
            case "changes":
                sawChanges = true
                guard let list = value.sequence else {
                    problem(value, key, "must be a list of changes (each item starting with '- table:' or '- manifest:')")
                    continue
                }
                for (i, item) in list.enumerated() {
                    if let change = change(item, number: i + 1) { scenario.changes.append(change) }
                }
                if list.isEmpty { problem(value, key, "is empty: a scenario must change something") }
            default:
                problem(keyNode, key, "unknown key" + Suggestion.didYouMean(key, among: Scenario.fileKeys))
            }
        }
        if !sawChanges { problem(root, "changes", "is required (the list of changes)") }
        return scenario
    }

    private mutating func change(_ node: Node, number: Int) -> Scenario.Change? {
        let place = "changes[\(number)]"
        guard let mapping = node.mapping else {
            problem(node, place, "must be a mapping such as {table: regions, where: {id: xinjiang}, scale: {...}}")
            return nil
        }
        var entries: [String: (key: Node, value: Node)] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            guard Scenario.changeKeys.contains(key) else {
                problem(keyNode, "\(place).\(key)", "unknown key" + Suggestion.didYouMean(key, among: Scenario.changeKeys))
                continue
            }
            entries[key] = (keyNode, value)
        }
        let line = node.mark?.line
        switch (entries["table"], entries["manifest"]) {
        case (nil, nil):
            problem(node, place, "needs 'table: NAME' or 'manifest:'")
            return nil
        case (.some, .some):
            problem(node, place, "has both 'table' and 'manifest'; write them as two changes")
            return nil
        case let (nil, manifest?):
            for key in ["where", "set", "scale", "add", "add_rows", "remove_rows"] where entries[key] != nil {
                problem(entries[key]!.key, "\(place).\(key)", "belongs inside 'manifest:' (or use 'table:')")
            }
            return manifestChange(manifest.value, place: "\(place).manifest", number: number, line: line)
        case let (table?, nil):
            return tableChange(table.value, entries, place: place, number: number, line: line)
        }
    }

    private mutating func tableChange(
        _ tableNode: Node, _ entries: [String: (key: Node, value: Node)], place: String, number: Int, line: Int?
    ) -> Scenario.Change? {
        guard let name = tableNode.string, !name.isEmpty else {
            problem(tableNode, "\(place).table", "must name a table (regions, plants, …)")
            return nil
        }
        let file = name.hasSuffix(".csv") ? name : name + ".csv"
        let actions = ["set", "scale", "add", "add_rows", "remove_rows"].filter { entries[$0] != nil }
        if actions.isEmpty {
            problem(tableNode, place, "needs one of set, scale, add, add_rows, remove_rows")
            return nil
        }
        if let rows = entries["add_rows"] {
            if actions.count > 1 || entries["where"] != nil {
                problem(rows.key, "\(place).add_rows", "stands alone: no where, set, scale, add or remove_rows beside it")
                return nil
            }
            guard let newRows = self.newRows(rows.value, place: "\(place).add_rows") else { return nil }
            return .init(number: number, line: line, target: .table(file, .all), action: .addRows(newRows))
        }
        guard let whereEntry = entries["where"] else {
            problem(tableNode, "\(place).where", "is required: which rows to change (where: \"*\" for every row)")
            return nil
        }
        guard let selection = selection(whereEntry.value, place: "\(place).where") else { return nil }
        if let remove = entries["remove_rows"] {
            if actions.count > 1 {
                problem(remove.key, "\(place).remove_rows", "stands alone: no set, scale or add beside it")
                return nil
            }
            guard remove.value.string.map({ ["true", "yes"].contains($0.lowercased()) }) == true else {
                problem(remove.value, "\(place).remove_rows", "must be true")
                return nil
            }
            return .init(number: number, line: line, target: .table(file, selection), action: .removeRows)
        }
        guard let edits = fieldEdits(entries, place: place) else { return nil }
        return .init(number: number, line: line, target: .table(file, selection), action: .edit(edits))
    }

    private mutating func manifestChange(_ node: Node, place: String, number: Int, line: Int?) -> Scenario.Change? {
        guard let mapping = node.mapping else {
            problem(node, place, "must be a mapping: {set: {dotted.key: value}}, scale, add or remove")
            return nil
        }
        var entries: [String: (key: Node, value: Node)] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            guard Scenario.manifestKeys.contains(key) else {
                problem(keyNode, "\(place).\(key)", "unknown key" + Suggestion.didYouMean(key, among: Scenario.manifestKeys))
                continue
            }
            entries[key] = (keyNode, value)
        }
        if let remove = entries["remove"] {
            if entries.count > 1 {
                problem(remove.key, "\(place).remove", "stands alone: no set, scale or add beside it")
                return nil
            }
            let keys = (remove.value.sequence.map(Array.init) ?? [remove.value]).compactMap(\.string)
            guard !keys.isEmpty, keys.allSatisfy({ !$0.isEmpty }) else {
                problem(remove.value, "\(place).remove", "must list dotted keys to delete")
                return nil
            }
            return .init(number: number, line: line, target: .manifest, action: .removeKeys(keys))
        }
        if entries.isEmpty {
            problem(node, place, "needs one of set, scale, add, remove")
            return nil
        }
        guard let edits = fieldEdits(entries, place: place) else { return nil }
        return .init(number: number, line: line, target: .manifest, action: .edit(edits))
    }

    /// `set`, `scale` and `add` mappings, in that order; a key may appear in only one of them.
    private mutating func fieldEdits(_ entries: [String: (key: Node, value: Node)], place: String) -> [Scenario.FieldEdit]? {
        var edits: [Scenario.FieldEdit] = []
        var seen: Set<String> = []
        var ok = true
        for kind in ["set", "scale", "add"] {
            guard let entry = entries[kind] else { continue }
            guard let mapping = entry.value.mapping, !mapping.isEmpty else {
                problem(entry.value, "\(place).\(kind)", "must map columns (or dotted keys) to values")
                ok = false
                continue
            }
            for (keyNode, value) in mapping {
                let key = keyNode.string ?? ""
                let field = "\(place).\(kind).\(key)"
                guard !key.isEmpty else {
                    problem(keyNode, field, "needs a column name")
                    ok = false
                    continue
                }
                guard seen.insert(key).inserted else {
                    problem(keyNode, field, "'\(key)' is changed twice in one change; split it into two changes")
                    ok = false
                    continue
                }
                let operation: Scenario.Operation
                if kind == "set" {
                    guard let text = scalarText(value) else {
                        problem(value, field, "must be a single value (set nested manifest keys with dotted names)")
                        ok = false
                        continue
                    }
                    operation = .set(text)
                } else {
                    guard let text = value.string, let number = NumberText.parse(text) else {
                        problem(value, field, "'\(value.string ?? "")' is not a number to \(kind == "add" ? "add" : "scale by")")
                        ok = false
                        continue
                    }
                    operation = kind == "scale" ? .scale(number) : .add(number)
                }
                edits.append(.init(key: key, operation: operation, line: keyNode.mark?.line))
            }
        }
        return ok ? edits : nil
    }

    private mutating func selection(_ node: Node, place: String) -> Scenario.Selection? {
        if node.string == "*" { return .all }
        guard let mapping = node.mapping, !mapping.isEmpty else {
            problem(node, place, "must map columns to values, e.g. {id: xinjiang} or {id: [xinjiang, gansu]}, or be \"*\"")
            return nil
        }
        var conditions: [Scenario.Condition] = []
        for (keyNode, value) in mapping {
            let column = keyNode.string ?? ""
            let items = value.sequence.map(Array.init) ?? [value]
            let values = items.compactMap(scalarText)
            guard !values.isEmpty, values.count == items.count else {
                problem(value, "\(place).\(column)", "must be a value or a list of values")
                return nil
            }
            conditions.append(.init(column: column, values: values))
        }
        return .matching(conditions)
    }

    private mutating func newRows(_ node: Node, place: String) -> [Scenario.NewRow]? {
        guard let list = node.sequence, !list.isEmpty else {
            problem(node, place, "must be a list of rows, each a mapping of column → value")
            return nil
        }
        var rows: [Scenario.NewRow] = []
        for (i, item) in list.enumerated() {
            guard let mapping = item.mapping, !mapping.isEmpty else {
                problem(item, "\(place)[\(i + 1)]", "must be a mapping of column → value")
                return nil
            }
            var fields: [String: String] = [:]
            var columns: [String] = []
            for (keyNode, value) in mapping {
                let column = keyNode.string ?? ""
                guard let text = scalarText(value) else {
                    problem(value, "\(place)[\(i + 1)].\(column)", "must be a single value")
                    return nil
                }
                if fields.updateValue(text, forKey: column) == nil { columns.append(column) }
            }
            rows.append(.init(fields: fields, columns: columns, line: item.mark?.line))
        }
        return rows
    }

    /// A scalar's text as a CSV cell holds it; a plain `~`, `null` or empty value is a blank cell.
    private func scalarText(_ node: Node) -> String? {
        guard let scalar = node.scalar else { return nil }
        if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return "" }
        return scalar.string
    }
}
