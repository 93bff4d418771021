/// Caps on the electricity some processes use (能耗双控: energy-use quotas), national and by
/// region. A cap counts every kWh the processes' plants use, bought from the grid or generated
/// captive, because an energy-use quota counts consumption, not its source.
public struct EnergyCap: Sendable, Equatable {
    /// The processes whose electricity counts.
    public var processes: [String]
    /// Most kWh a year those processes may use nationally (nil: no national cap).
    public var nationalCapKWhPerYear: Double?
    /// Most kWh a year by region id.
    public var regionalCapsKWhPerYear: [String: Double]

    public init(processes: [String], nationalCapKWhPerYear: Double? = nil, regionalCapsKWhPerYear: [String: Double] = [:]) {
        self.processes = processes
        self.nationalCapKWhPerYear = nationalCapKWhPerYear
        self.regionalCapsKWhPerYear = regionalCapsKWhPerYear
    }
}
