/// A linear or mixed-integer program as plain data, independent of any solver.
///
/// Columns are variables with bounds, an objective cost and a kind; rows are
/// constraints `lower ≤ Σ a·x ≤ upper`; coefficients are stored sparsely. A backend
/// reads this value and never mutates it. Build one with ``addColumn(name:lower:upper:cost:kind:)``
/// and ``addRow(name:lower:upper:terms:)``; check it with ``validate()`` before solving.
///
/// ```swift
/// var model = LinearModel(name: "example")
/// let x = model.addColumn(name: "x", lower: 0, upper: 4, cost: -1)
/// model.addRow(name: "cap", upper: 3, terms: [(x, 1)])
/// ```
public struct LinearModel: Sendable, Equatable {
    /// Whether the objective is minimised or maximised.
    public enum Sense: String, Sendable, Codable { case minimize, maximize }

    /// Whether a column is continuous, integer or binary.
    public enum ColumnKind: String, Sendable, Codable { case continuous, integer, binary }

    /// One variable: its bounds, objective coefficient and kind.
    public struct Column: Sendable, Equatable {
        public var name: String
        public var lower: Double
        public var upper: Double
        public var cost: Double
        public var kind: ColumnKind
    }

    /// One constraint: its name and the bounds on its activity.
    public struct Row: Sendable, Equatable {
        public var name: String
        public var lower: Double
        public var upper: Double
    }

    /// One nonzero `a[row, column]` of the constraint matrix.
    public struct Coefficient: Sendable, Equatable {
        public var row: Int
        public var column: Int
        public var value: Double
    }

    public var name: String
    public var sense: Sense
    /// Constant added to the objective (does not change the optimal point).
    public var objectiveConstant: Double = 0
    public private(set) var columns: [Column] = []
    public private(set) var rows: [Row] = []
    public private(set) var coefficients: [Coefficient] = []

    public init(name: String, sense: Sense = .minimize) {
        self.name = name
        self.sense = sense
    }

    public var isMixedInteger: Bool { columns.contains { $0.kind != .continuous } }

    /// Adds a variable and returns its index. Infinite bounds mean "unbounded on that side".
    @discardableResult
    public mutating func addColumn(
        name: String, lower: Double = 0, upper: Double = .infinity, cost: Double = 0,
        kind: ColumnKind = .continuous
    ) -> Int {
        columns.append(Column(name: name, lower: lower, upper: upper, cost: cost, kind: kind))
        return columns.count - 1
    }

    /// Adds a constraint `lower ≤ Σ value·x[column] ≤ upper` and returns its index.
    @discardableResult
    public mutating func addRow(
        name: String, lower: Double = -.infinity, upper: Double = .infinity,
        terms: [(column: Int, value: Double)] = []
    ) -> Int {
        rows.append(Row(name: name, lower: lower, upper: upper))
        let row = rows.count - 1
        for term in terms { addCoefficient(row: row, column: term.column, value: term.value) }
        return row
    }

    /// Adds one nonzero. A (row, column) pair must appear only once: ``validate()`` checks.
    public mutating func addCoefficient(row: Int, column: Int, value: Double) {
        coefficients.append(Coefficient(row: row, column: column, value: value))
    }

    public mutating func setBounds(column: Int, lower: Double, upper: Double) {
        columns[column].lower = lower
        columns[column].upper = upper
    }

    /// Sets the value of the nonzero at `index` in ``coefficients``.
    public mutating func setCoefficient(_ index: Int, value: Double) { coefficients[index].value = value }

    public mutating func setKind(column: Int, _ kind: ColumnKind) { columns[column].kind = kind }

    public mutating func setCost(column: Int, _ cost: Double) { columns[column].cost = cost }

    public mutating func setBounds(row: Int, lower: Double, upper: Double) {
        rows[row].lower = lower
        rows[row].upper = upper
    }

    /// Objective value of a point `x` (one value per column).
    public func objectiveValue(_ x: [Double]) -> Double {
        var total = objectiveConstant
        for (j, column) in columns.enumerated() where column.cost != 0 { total += column.cost * x[j] }
        return total
    }
}
