import PotlineFormulation

extension SitingDecisions {
    /// The decisions `plan` took.
    public init(_ plan: SitingPlan, source: String) {
        self.init(
            builds: Dictionary(plan.builds.map { ($0.candidate, $0.capacityTonnesPerYear) }, uniquingKeysWith: { a, _ in a }),
            closures: Set(plan.closures.map(\.plant)), retrofits: Set(plan.retrofits.map(\.retrofit)), source: source)
    }
}
