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
    /// The model with `changes` applied. Throws ``LinearModelError`` for an index outside the
    /// model, and for a new number ``validate()`` would reject (checked on the changed entries only).
    public func applying(_ changes: ModelChanges) throws(LinearModelError) -> LinearModel {
        var model = self
        var problems: [LinearModelError] = []
        func report(_ message: String) { problems.append(LinearModelError(message: message)) }
        for change in changes.costs {
            guard columns.indices.contains(change.index) else { throw LinearModelError(message: "cost change for column \(change.index) is out of range") }
            model.setCost(column: change.index, change.value)
            model.checkColumn(change.index, report)
        }
        for change in changes.columnBounds {
            guard columns.indices.contains(change.index) else { throw LinearModelError(message: "bound change for column \(change.index) is out of range") }
            model.setBounds(column: change.index, lower: change.lower, upper: change.upper)
            model.checkColumn(change.index, report)
        }
        for change in changes.rowBounds {
            guard rows.indices.contains(change.index) else { throw LinearModelError(message: "bound change for row \(change.index) is out of range") }
            model.setBounds(row: change.index, lower: change.lower, upper: change.upper)
            model.checkRow(change.index, report)
        }
        for change in changes.coefficients {
            guard coefficients.indices.contains(change.index) else { throw LinearModelError(message: "change for nonzero \(change.index) is out of range") }
            model.setCoefficient(change.index, value: change.value)
            model.checkCoefficient(model.coefficients[change.index], report)
        }
        if let constant = changes.objectiveConstant {
            model.objectiveConstant = constant
            model.checkObjectiveConstant(report)
        }
        if let error = LinearModelError(summarising: problems) { throw error }
        return model
    }
}
