import Foundation
import LinearModel
import PotlineFormulation
import PotlineNetwork
import PotlineSolve

/// How a robust study also solves the two-stage stochastic siting model.
public struct StochasticOptions: Sendable {
    /// Samples in the stochastic model (K): the first K of a K-sample Latin hypercube from the
    /// study's seed (the study's own samples when K equals them), or of ``RobustOptions/values``.
    public var samples: Int
    public var risk: CVaRRisk?

    public init(samples: Int, risk: CVaRRisk? = nil) {
        self.samples = samples
        self.risk = risk
    }
}

/// The plan that is best in expectation over K samples (two-stage: siting shared, operations per
/// sample; optionally with a CVaR term), and what it is worth on the study's samples beside the
/// deterministic plan: expected costs, the value of the stochastic solution (VSS = EEV − RP) and
/// the expected value of perfect information (EVPI = RP − WS).
public struct StochasticPlan: Sendable, Codable {
    /// Samples in the stochastic model.
    public var samples: Int
    public var risk: CVaRRisk?
    public var status: TerminationStatus
    /// The model's objective (yuan/y): expected cost over its samples, or with `risk`
    /// (1 − w) × expected cost + w × CVaR.
    public var objectiveYuan: Double?
    public var mipGap: Double?
    /// First-stage decisions, keys as the samples' `decisions`.
    public var decisions: [String: Double]
    public var modelRows: Int
    public var modelColumns: Int
    public var solveSeconds: Double

    // On the study's samples (filled when the study is summarised).
    /// Samples where the sample's optimum, the deterministic plan and this plan all solved: the
    /// expected costs below are means over these.
    public var evaluatedSamples = 0
    /// Samples that have an optimum but where this plan cannot be operated.
    public var planInfeasibleSamples = 0
    /// RP: this plan's mean cost.
    public var expectedCostYuan: Double?
    /// EEV: the deterministic plan's mean cost.
    public var deterministicExpectedCostYuan: Double?
    /// WS: the mean of every sample's own optimum (wait and see).
    public var waitAndSeeCostYuan: Double?
    /// VSS = EEV − RP.
    public var valueOfStochasticSolutionYuan: Double?
    /// EVPI = RP − WS.
    public var expectedValueOfPerfectInformationYuan: Double?
    /// This plan's regret against each sample's optimum.
    public var regret = RobustStudy.Regret(samples: 0, planInfeasibleSamples: 0)
    /// With `risk`: CVaR at its alpha of this plan's and the deterministic plan's costs.
    public var cvarYuan: Double?
    public var deterministicCvarYuan: Double?

    /// The evaluation of this plan over `samples`, beside the deterministic plan.
    func evaluated(on samples: [RobustStudy.Sample]) -> StochasticPlan {
        var plan = self
        let solved = samples.filter { $0.totalCostYuan != nil }
        plan.planInfeasibleSamples = solved.filter { $0.stochasticPlanCostYuan == nil }.count
        let all = solved.filter { $0.stochasticPlanCostYuan != nil && $0.deterministicPlanCostYuan != nil }
        plan.evaluatedSamples = all.count
        func mean(_ v: [Double]) -> Double? { v.isEmpty ? nil : v.reduce(0, +) / Double(v.count) }
        plan.expectedCostYuan = mean(all.map { $0.stochasticPlanCostYuan! })
        plan.deterministicExpectedCostYuan = mean(all.map { $0.deterministicPlanCostYuan! })
        plan.waitAndSeeCostYuan = mean(all.map { $0.totalCostYuan! })
        if let rp = plan.expectedCostYuan, let eev = plan.deterministicExpectedCostYuan, let ws = plan.waitAndSeeCostYuan {
            plan.valueOfStochasticSolutionYuan = eev - rp
            plan.expectedValueOfPerfectInformationYuan = rp - ws
        }
        let regrets = solved.compactMap { s in s.stochasticPlanCostYuan.map { $0 - s.totalCostYuan! } }
        let spread = percentiles(regrets)
        plan.regret = RobustStudy.Regret(
            samples: regrets.count, planInfeasibleSamples: plan.planInfeasibleSamples, meanYuan: spread?.mean, p90Yuan: spread?.p90,
            maxYuan: regrets.max(), zeroRegretShare: nil)
        if let risk {
            plan.cvarYuan = conditionalValueAtRisk(all.map { $0.stochasticPlanCostYuan! }, alpha: risk.alpha)
            plan.deterministicCvarYuan = conditionalValueAtRisk(all.map { $0.deterministicPlanCostYuan! }, alpha: risk.alpha)
        }
        return plan
    }
}

/// CVaR_α of equally likely costs: min over η of η + Σ (c − η)⁺ / ((1 − α) n) (Rockafellar–
/// Uryasev), attained at the ⌈α n⌉-th smallest cost.
func conditionalValueAtRisk(_ costs: [Double], alpha: Double) -> Double? {
    guard !costs.isEmpty else { return nil }
    let sorted = costs.sorted()
    let n = Double(sorted.count)
    let eta = sorted[max(0, min(sorted.count - 1, Int((alpha * n).rounded(.up)) - 1))]
    return eta + sorted.reduce(0) { $0 + max(0, $1 - eta) } / ((1 - alpha) * n)
}
