/// New numbers for some entries of a ``LinearModel`` whose shape stays: objective costs, column
/// and row bounds, matrix coefficients. What a sweep over one input hands a ``SolverSession``
/// instead of a whole new model.
public struct ModelChanges: Sendable, Equatable {
    public struct Bounds: Sendable, Equatable {
        public var index: Int
        public var lower: Double
        public var upper: Double
        public init(index: Int, lower: Double, upper: Double) {
            self.index = index
            self.lower = lower
            self.upper = upper
        }
    }

    public struct Value: Sendable, Equatable {
        public var index: Int
        public var value: Double
        public init(index: Int, value: Double) {
            self.index = index
            self.value = value
        }
    }

    /// Objective cost of a column.
    public var costs: [Value] = []
    public var columnBounds: [Bounds] = []
    public var rowBounds: [Bounds] = []
    /// Value of a nonzero, by its place in ``LinearModel/coefficients``.
    public var coefficients: [Value] = []
    public var objectiveConstant: Double?

    public init() {}

    public var isEmpty: Bool {
        costs.isEmpty && columnBounds.isEmpty && rowBounds.isEmpty && coefficients.isEmpty && objectiveConstant == nil
    }
}

extension LinearModel {
    /// The model with `changes` applied (see ``apply(_:)``).
    public func applying(_ changes: ModelChanges) throws(LinearModelError) -> LinearModel {
        var model = self
        try model.apply(changes)
        return model
    }

    /// Applies `changes` in place. Throws ``LinearModelError`` for an index outside the model,
    /// and for a new number ``validate()`` would reject (checked on the changed entries only);
    /// a model that throws is left as it was. In place, because a session's model is its own:
    /// copying it at every value of a sweep (every column's name retained) cost as much as
    /// applying the changes to GLPK.
    public mutating func apply(_ changes: ModelChanges) throws(LinearModelError) {
        for change in changes.costs where !columns.indices.contains(change.index) {
            throw LinearModelError(message: "cost change for column \(change.index) is out of range")
        }
        for change in changes.columnBounds where !columns.indices.contains(change.index) {
            throw LinearModelError(message: "bound change for column \(change.index) is out of range")
        }
        for change in changes.rowBounds where !rows.indices.contains(change.index) {
            throw LinearModelError(message: "bound change for row \(change.index) is out of range")
        }
        for change in changes.coefficients where !coefficients.indices.contains(change.index) {
            throw LinearModelError(message: "change for nonzero \(change.index) is out of range")
        }
        var undo = ModelChanges()
        undo.costs = changes.costs.map { .init(index: $0.index, value: columns[$0.index].cost) }
        undo.columnBounds = changes.columnBounds.map { .init(index: $0.index, lower: columns[$0.index].lower, upper: columns[$0.index].upper) }
        undo.rowBounds = changes.rowBounds.map { .init(index: $0.index, lower: rows[$0.index].lower, upper: rows[$0.index].upper) }
        undo.coefficients = changes.coefficients.map { .init(index: $0.index, value: coefficients[$0.index].value) }
        undo.objectiveConstant = changes.objectiveConstant.map { _ in objectiveConstant }
        var problems: [LinearModelError] = []
        func report(_ message: String) { problems.append(LinearModelError(message: message)) }
        set(changes, check: report)
        if let error = LinearModelError(summarising: problems) {
            set(undo, check: { _ in })  // every undo value was read before any change
            throw error
        }
    }

    private mutating func set(_ changes: ModelChanges, check report: (String) -> Void) {
        for change in changes.costs {
            setCost(column: change.index, change.value)
            checkColumn(change.index, report)
        }
        for change in changes.columnBounds {
            setBounds(column: change.index, lower: change.lower, upper: change.upper)
            checkColumn(change.index, report)
        }
        for change in changes.rowBounds {
            setBounds(row: change.index, lower: change.lower, upper: change.upper)
            checkRow(change.index, report)
        }
        for change in changes.coefficients {
            setCoefficient(change.index, value: change.value)
            checkCoefficient(coefficients[change.index], report)
        }
        if let constant = changes.objectiveConstant {
            objectiveConstant = constant
            checkObjectiveConstant(report)
        }
    }
}
