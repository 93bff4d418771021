import PotlineFormulation
import PotlineNetwork

extension Formulation {
    /// What one more tonne of demand `d` over the year would cost: the duals of its balance rows,
    /// one per period, weighted by each period's share of the year. The one reading of a
    /// marginal cost, for the full reader and the short summary alike.
    func yearlyMarginalCost(ofDemand d: Int, duals: [Double]) -> Double {
        tidy(zip(demandRows[d], periods).reduce(0) { $0 + duals[$1.0] * $1.1.shareOfYear })
    }
}
