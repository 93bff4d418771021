import Foundation
import LinearModel
import PotlineNetwork

/// Whether a solve may choose sites, or answers an operations question with the siting held
/// still, so that a price or policy change is not mixed with re-siting.
public enum SitingMode: Sendable, Equatable {
    /// The optimiser builds, closes and retrofits as it likes (the default).
    case free
    /// Builds, closures and retrofits held at a given plan: only operations change.
    case fixed(SitingDecisions)
    /// The no-build baseline: no sites, closures or retrofits (and no bound on new capacity).
    case none

    /// `free`, `fixed` or `none`, as in the JSON and the CLI.
    public var name: String {
        switch self {
        case .free: "free"
        case .fixed: "fixed"
        case .none: "none"
        }
    }
}

/// The decisions of a siting plan, by id: what ``SitingMode/fixed(_:)`` holds a network to.
public struct SitingDecisions: Sendable, Equatable, Codable {
    /// Candidate id → capacity built (t/y).
    public var builds: [String: Double]
    public var closures: Set<String>
    public var retrofits: Set<String>
    /// Where the plan came from, in words ("the base's plan", a file name).
    public var source: String

    public init(builds: [String: Double] = [:], closures: Set<String> = [], retrofits: Set<String> = [], source: String) {
        self.builds = builds
        self.closures = closures
        self.retrofits = retrofits
        self.source = source
    }

    /// Plan decisions naming a candidate, plant or retrofit the network does not have: they
    /// cannot be held, and a report says so.
    public func missing(in network: Network) -> [String] {
        let candidates = Set(network.candidates.map(\.id))
        let plants = Set(network.plants.map(\.id))
        let retrofits = Set(network.retrofits.map(\.id))
        return builds.keys.filter { !candidates.contains($0) }.sorted().map { "build \($0)" }
            + closures.filter { !plants.contains($0) }.sorted().map { "closure \($0)" }
            + self.retrofits.filter { !retrofits.contains($0) }.sorted().map { "retrofit \($0)" }
    }
}

extension Formulation {
    /// Holds the siting columns at `decisions`: each candidate built at the plan's capacity or
    /// not at all, each closure and retrofit taken or not. The model keeps its integer columns,
    /// now fixed, so the solve path is the one a free plan takes.
    mutating func hold(_ decisions: SitingDecisions) {
        for (j, candidate) in network.candidates.enumerated() {
            guard let build = buildColumns[j], let built = candidateCapacity[j] else { continue }
            let capacity = decisions.builds[candidate.id]
            let on: Double = capacity == nil ? 0 : 1
            model.setBounds(column: build, lower: on, upper: on)
            if built.column != build {
                let units = (capacity ?? 0) / built.tonnesPerUnit
                let value = model.columns[built.column].kind == .continuous ? units : units.rounded()
                model.setBounds(column: built.column, lower: value, upper: value)
            }
        }
        for (p, plant) in network.plants.enumerated() {
            guard let close = closeColumns[p] else { continue }
            let on: Double = decisions.closures.contains(plant.id) ? 1 : 0
            model.setBounds(column: close, lower: on, upper: on)
        }
        for (k, retrofit) in network.retrofits.enumerated() {
            guard let column = retrofitColumns[k] else { continue }
            let on: Double = decisions.retrofits.contains(retrofit.id) ? 1 : 0
            model.setBounds(column: column, lower: on, upper: on)
        }
    }

    /// The formulation of `network` with `mode`'s siting held (``SitingMode/none`` is applied
    /// to the network before, by ``Network/withoutSiting()``).
    package init(_ network: ValidatedNetwork, siting mode: SitingMode, unmetDemandPenalty: Double? = nil) {
        self.init(network, unmetDemandPenalty: unmetDemandPenalty)
        if case .fixed(let decisions) = mode { hold(decisions) }
    }
}
