/// The plausible low and high of one figure of a network (a row of `ranges.csv`): which table,
/// row and column it belongs to, the figure's value in the network as loaded, and the document
/// (or `estimate:` reasoning) that gives the range. Studies that sample inputs read these.
public struct EstimateRange: Sendable, Equatable {
    /// A table name as scenarios write it (`plants`, `regions`, …) or `network.yaml`.
    public var table: String
    /// The row's `id`, or a selector `col=value;col=value` for a table without ids; empty for
    /// `network.yaml`.
    public var row: String
    /// The numeric column, or for `network.yaml` the dotted manifest key.
    public var column: String
    public var low: Double
    public var high: Double
    /// The figure's value: the cell, or its documented default when the cell is blank.
    public var value: Double
    public var source: String
    /// True when the value comes from a row or key a scenario changed: the range then describes
    /// the base figure and is not checked against the changed one.
    public var valueChangedByScenario: Bool
    public var location: SourceLocation?

    package init(
        table: String, row: String, column: String, low: Double, high: Double, value: Double, source: String,
        valueChangedByScenario: Bool, location: SourceLocation?
    ) {
        self.table = table
        self.row = row
        self.column = column
        self.low = low
        self.high = high
        self.value = value
        self.source = source
        self.valueChangedByScenario = valueChangedByScenario
        self.location = location
    }

    /// True when the source cell says the range (or the figure) is an estimate.
    public var isEstimate: Bool { source.lowercased().hasPrefix("estimate") }
}
