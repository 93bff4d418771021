/// Another process an existing plant may run within its own capacity, in any mix with its
/// recorded one (`alternatives.csv`): the same furnaces on another burden, with another
/// electrode, on another feed. It makes the same commodity and shares the plant's capacity,
/// availability and power sources; unlike a retrofit it needs no decision and no capital.
public struct Alternative: Sendable, Equatable {
    public var plant: String
    public var process: String
    /// kWh per tonne on this process; nil: the process's.
    public var electricityKWhPerTonne: Double?
    /// Other cost per tonne on this process; nil: the process's.
    public var otherCostYuanPerTonne: Double?
    public var location: SourceLocation?

    public init(
        plant: String, process: String, electricityKWhPerTonne: Double? = nil, otherCostYuanPerTonne: Double? = nil,
        location: SourceLocation? = nil
    ) {
        self.plant = plant
        self.process = process
        self.electricityKWhPerTonne = electricityKWhPerTonne
        self.otherCostYuanPerTonne = otherCostYuanPerTonne
        self.location = location
    }
}
