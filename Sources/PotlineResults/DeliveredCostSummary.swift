/// A demand's delivered cost in brief — marginal and average, no breakdown: what a summary, a
/// sweep's point and a robust study's sample carry of each demand.
public struct DeliveredCostSummary: Sendable, Codable, Equatable {
    public var region: String
    public var commodity: String
    public var marginalCostYuanPerTonne: Double?
    public var averageCostYuanPerTonne: Double?

    /// JSON keys keep the published names of earlier releases.
    enum CodingKeys: String, CodingKey {
        case region
        case commodity
        case marginalCostYuanPerTonne = "marginalCostYuanPerT"
        case averageCostYuanPerTonne = "averageCostYuanPerT"
    }

    public init(region: String, commodity: String, marginalCostYuanPerTonne: Double?, averageCostYuanPerTonne: Double?) {
        self.region = region
        self.commodity = commodity
        self.marginalCostYuanPerTonne = marginalCostYuanPerTonne
        self.averageCostYuanPerTonne = averageCostYuanPerTonne
    }

    /// The brief of a solution's delivered cost.
    public init(_ cost: Solution.DeliveredCost) {
        self.init(
            region: cost.region, commodity: cost.commodity, marginalCostYuanPerTonne: cost.marginalCostYuanPerTonne,
            averageCostYuanPerTonne: cost.averageCostYuanPerTonne)
    }
}
