import PotlineNetwork

/// The input a sweep varies: one value or a selection of values in a table, or a manifest key,
/// written as a path (see `Networks/SCENARIOS.md`):
///
/// - `regions[id=xinjiang].grid_price_yuan_per_kwh`
/// - `demands[region=guangdong,commodity=aluminium].demand_t_per_y`
/// - `regions[id=xinjiang|gansu].grid_price_yuan_per_kwh` (several values), `regions[*].…` or
///   `regions.grid_price_yuan_per_kwh` (every row)
/// - `manifest.modes.rail.rate_yuan_per_tkm`
///
/// A sweep point is a one-change scenario made from the path, so a sweep selects rows, checks
/// numbers and reports problems exactly as a scenario file does.
public struct SweepParameter: Sendable, Equatable, CustomStringConvertible {
    /// One addressed input: a selection of table cells, or a manifest key.
    public struct Cell: Sendable, Equatable {
        public var target: Scenario.Target
        /// The column, or the dotted manifest key.
        public var key: String
    }

    /// The inputs that move together: one, or several joined by ``init(combining:)`` (a
    /// region's grid and captive price, say), each set, scaled or shifted by the same value.
    public var cells: [Cell]
    /// The path as written (several joined by " & ").
    public var description: String

    /// The first (usually the only) input's target and key.
    public var target: Scenario.Target { cells[0].target }
    public var key: String { cells[0].key }

    public init(target: Scenario.Target, key: String, description: String) {
        self.cells = [Cell(target: target, key: key)]
        self.description = description
    }

    /// Several parameters moved together by one value. `parameters` must not be empty.
    public init(combining parameters: [SweepParameter]) {
        precondition(!parameters.isEmpty, "a combined sweep parameter needs at least one part")
        cells = parameters.flatMap(\.cells)
        description = parameters.map(\.description).joined(separator: " & ")
    }

    /// Parses a parameter path; throws ``NetworkError`` explaining the expected form.
    public init(parsing text: String) throws(NetworkError) {
        func invalid(_ why: String) -> NetworkError {
            NetworkError([
                NetworkProblem(
                    file: "--set \(text)",
                    message: "\(why); write TABLE[COLUMN=VALUE,…].COLUMN (e.g. regions[id=xinjiang].grid_price_yuan_per_kwh), "
                        + "TABLE.COLUMN for every row, or manifest.DOTTED.KEY")
            ])
        }
        description = text
        if text.hasPrefix("manifest.") {
            let key = String(text.dropFirst("manifest.".count))
            do {
                _ = try DottedKey(key)
            } catch {
                throw invalid(error.message)
            }
            cells = [Cell(target: .manifest, key: key)]
            return
        }
        var rest = Substring(text)
        let tableName = rest.prefix { $0 != "[" && $0 != "." }
        rest = rest.dropFirst(tableName.count)
        var table = String(tableName)
        if rest.hasPrefix(".csv") {
            table += ".csv"
            rest = rest.dropFirst(4)
        }
        guard !tableName.isEmpty else { throw invalid("no table name") }
        if !table.hasSuffix(".csv") { table += ".csv" }
        var selection = Scenario.Selection.all
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw invalid("'[' without ']'") }
            let inside = rest[rest.index(after: rest.startIndex)..<close]
            rest = rest[rest.index(after: close)...]
            if inside != "*" {
                var conditions: [Scenario.Condition] = []
                for part in inside.split(separator: ",") {
                    let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    guard pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty else {
                        throw invalid("'\(part)' is not COLUMN=VALUE")
                    }
                    conditions.append(.init(column: pieces[0], values: pieces[1].split(separator: "|").map(String.init)))
                }
                guard !conditions.isEmpty else { throw invalid("empty selection []") }
                selection = .matching(conditions)
            }
        }
        guard rest.hasPrefix("."), rest.count > 1 else { throw invalid("no column after the table") }
        let key = String(rest.dropFirst())
        guard !key.contains("."), !key.contains("[") else { throw invalid("'\(key)' is not a column name") }
        cells = [Cell(target: .table(table, selection), key: key)]
    }

    /// The one-change scenario that puts this parameter at `value` (set, scaled or added).
    public func scenario(_ mode: SweepMode, _ value: Double) -> Scenario {
        let operation: Scenario.Operation =
            switch mode {
            case .set: .set(NumberText.exact(value))
            case .scale: .scale(value)
            case .add: .add(value)
            }
        let changes = cells.enumerated().map { number, cell in
            Scenario.Change(number: number + 1, target: cell.target, action: .edit([.init(key: cell.key, operation: operation)]))
        }
        return Scenario(name: "\(description) \(mode.symbol) \(NumberText.format(value))", file: "--set \(description)", changes: changes)
    }
}

/// How a sweep value acts on the parameter.
public enum SweepMode: String, Sendable, Codable, CaseIterable {
    /// The value replaces the parameter.
    case set
    /// The parameter is multiplied by the value (1 is the base).
    case scale
    /// The value is added to the parameter (0 is the base).
    case add

    var symbol: String {
        switch self {
        case .set: "="
        case .scale: "×"
        case .add: "+"
        }
    }
}
