import LinearModel
import PotlineNetwork
import PotlineUnits

/// A risk term for a stochastic model: minimise (1 − weight) × expected cost + weight × CVaR_alpha
/// (the expected cost of the worst 1 − alpha of the probability).
public struct CVaRRisk: Sendable, Codable, Equatable {
    /// 0 ≤ alpha < 1, e.g. 0.9: the worst 10%.
    public var alpha: Double
    /// 0 < weight ≤ 1: 1 minimises the CVaR alone.
    public var weight: Double

    public init(alpha: Double, weight: Double) {
        self.alpha = alpha
        self.weight = weight
    }
}

/// The sample whose second stage a stochastic formulation is adding: its number (its rows and
/// columns are named `NAME@sN`) and the weight of its costs in the objective (its probability,
/// times 1 − the risk weight).
struct SampleStage: Sendable {
    var number: Int
    var costWeight: Double
}

extension Formulation {
    /// The two-stage stochastic siting model over `samples` (one network per sample, differing in
    /// their figures) with probabilities `weights`. The siting decisions (build, modules or
    /// capacity, close, retrofit, quota transfer) are one set of columns shared by every sample and
    /// charged at each sample's capital cost times its probability; each sample then adds its own
    /// operations, flows, purchases, power, stock and policy rows, named `…@sN`, through the same
    /// code a one-sample formulation uses: the sample is a dimension, like the periods. With `risk`
    /// the objective is (1 − w) E[cost] + w CVaR_α[cost] (Rockafellar–Uryasev: a free column
    /// `cvar.var` and per sample `cvar.excess@sN` ≥ cost_s − var).
    ///
    /// The samples must share their siting structure (the same candidates, sizing, closable plants
    /// and retrofits); a sample with a siting decision the first has not is a problem naming it.
    /// After the last sample, the maps (``buildColumns``, ``candidateCapacity``, …) are that
    /// sample's; the siting ones point at the shared columns.
    public init(stochastic samples: [ValidatedNetwork], weights: [Double], risk: CVaRRisk? = nil) throws(NetworkError) {
        precondition(!samples.isEmpty && samples.count == weights.count, "one weight per sample")
        self.init(structureOf: samples[0])
        let neutral = 1 - (risk?.weight ?? 0)
        var costs: [[Int: Double]] = []
        var problems: [NetworkProblem] = []
        for (s, network) in samples.enumerated() {
            startSample(network, SampleStage(number: s + 1, costWeight: neutral * weights[s]))
            let shared = Set(firstStageColumns.keys)
            addStages()
            let added = Set(firstStageColumns.keys).subtracting(shared)
            if s > 0 && !added.isEmpty {
                problems.append(
                    NetworkProblem(
                        file: "sample \(s + 1)",
                        message: "has siting decisions the first sample has not (\(added.sorted().prefix(3).joined(separator: ", "))): "
                            + "a stochastic siting model needs the same candidates, sizes, closures and retrofits in every sample"))
            }
            costs.append(sampleCosts)
        }
        if !problems.isEmpty { throw NetworkError(problems) }
        sampleStage = nil
        guard let risk, risk.weight > 0 else { return }
        let valueAtRisk = addColumn(.conditionalValueAtRisk, "cvar.var", lower: -.infinity, footprint: Footprint(cost: CostComponents(other: risk.weight)))
        for (s, cost) in costs.enumerated() {
            let excess = addColumn(
                .conditionalValueAtRisk, "cvar.excess@s\(s + 1)",
                footprint: Footprint(cost: CostComponents(other: risk.weight * weights[s] / (1 - risk.alpha))))
            // excess_s ≥ cost_s − var, i.e. excess_s + var − Σ cost_s,j x_j ≥ 0
            addRow(
                .conditionalValueAtRisk, name: "cvar@s\(s + 1)", lower: 0,
                terms: [(excess, 1), (valueAtRisk, 1)] + cost.sorted { $0.key < $1.key }.map { ($0.key, -$0.value) })
        }
    }

    /// Moves on to the next sample: its network's index, periods and operations and fresh maps,
    /// keeping the model, the columns' footprints and the shared siting columns.
    private mutating func startSample(_ network: ValidatedNetwork, _ stage: SampleStage) {
        var next = Formulation(structureOf: network)
        next.model = model
        next.columnFootprints = columnFootprints
        next.columnRegions = columnRegions
        next.rowFamilies = rowFamilies
        next.columnFamilies = columnFamilies
        next.firstStageColumns = firstStageColumns
        next.sampleStage = stage
        next.sampleColumnStart = columnFootprints.count
        self = next
    }

    /// The siting decisions at the point `x` (keys as ``PlanDecisions``).
    package func sitingDecisions(at x: [Double]) -> PlanDecisions {
        var values: [String: Double] = [:]
        for (j, candidate) in network.candidates.enumerated() {
            guard let build = buildColumns[j], let built = candidateCapacity[j], x[build] > Tolerance.binaryOn else { continue }
            let units = model.columns[built.column].kind == .continuous ? x[built.column] : x[built.column].rounded()
            values["build \(candidate.id)"] = units * built.tonnesPerUnit
        }
        for (p, column) in closeColumns where x[column] > Tolerance.binaryOn { values["close \(network.plants[p].id)"] = 1 }
        for (k, column) in retrofitColumns where x[column] > Tolerance.binaryOn { values["retrofit \(network.retrofits[k].id)"] = 1 }
        return PlanDecisions(values: values)
    }
}
