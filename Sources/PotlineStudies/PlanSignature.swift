import LinearModel
import PotlineFormulation
import PotlineNetwork
import PotlineResults

/// What an optimum uses, in the summary's order, with nothing named or sorted: what a sweep
/// compares from point to point (formatting and sorting route names at every bisection solve
/// cost a third of the simplex). A ``PlanSignature`` is made of it only for the plans reported.
struct PlanUsage: Equatable, Sendable {
    /// A link, commodity and direction in use.
    struct Route: Hashable, Sendable {
        var link: String
        var commodity: String
        var from: String
        var to: String
    }

    var status: TerminationStatus
    var plants: [String] = []
    var routes: [Route] = []
    var supplies: [String] = []
    /// Siting decisions: `build CANDIDATE`, `close PLANT`, `retrofit RETROFIT`.
    var sites: [String] = []

    init(_ summary: SolutionSummary) {
        status = summary.status
        guard summary.totalCostYuan != nil else { return }
        plants = summary.plantProduction.filter { $0.tonnesPerYear > productionTolerance }.map(\.id)
        // A route is in use if it carries the commodity that way in any period (a summary has
        // one route per link, commodity and direction).
        routes = summary.routes.filter { $0.tonnesPerYear > productionTolerance }.map {
            Route(link: $0.link, commodity: $0.commodity, from: $0.from, to: $0.to)
        }
        supplies = summary.supplyPurchases.filter { $0.tonnesPerYear > productionTolerance }.map(\.id)
        sites = summary.sites
    }

    /// The plan of an LP read by place, named through its formulation: the summary's plan (tested).
    init(status: TerminationStatus, _ places: PlanInUse, in formulation: Formulation) {
        self.status = status
        let names = places.names(in: formulation)
        plants = names.plants
        routes = names.routes.map { Route(link: $0.link, commodity: $0.commodity, from: $0.from, to: $0.to) }
        supplies = names.supplies
    }

    /// Whether both optima use the same plan: what equal ``PlanSignature``s say, without naming
    /// and sorting every route (that was an eighth of a bisecting sweep). Plants, routes and
    /// supplies are unique in a summary, so equal counts and equal sets are equal sorted lists.
    func isSamePlan(as other: PlanUsage) -> Bool {
        if self == other { return true }
        guard status == other.status, sites == other.sites, plants.count == other.plants.count,
            routes.count == other.routes.count, supplies.count == other.supplies.count
        else { return false }
        return Set(plants) == Set(other.plants) && Set(supplies) == Set(other.supplies) && Set(routes) == Set(other.routes)
    }
}

/// A sweep point's plan as the sweep compares it: as places in the in-place fit's map when the
/// point was solved through it (integers, compared without a name), else named. Points placed in
/// the same map compare by place; any other pair compares by name.
enum PointPlan: Equatable, Sendable {
    case named(PlanUsage)
    case placed(TerminationStatus, PlanInUse, in: PlanMap)

    /// The plan named (for a placed plan, named now).
    var usage: PlanUsage {
        switch self {
        case .named(let usage): return usage
        case .placed(let status, let places, let map): return PlanUsage(status: status, places, in: map.formulation)
        }
    }

    func isSamePlan(as other: PointPlan) -> Bool {
        if case .placed(let status, let places, let map) = self, case .placed(let otherStatus, let otherPlaces, let otherMap) = other,
            map == otherMap
        {
            return status == otherStatus && places == otherPlaces
        }
        return usage.isSamePlan(as: other.usage)
    }
}

/// The formulation whose map an in-place sweep's points are placed in; one per sweep, so two
/// placed plans are comparable by place exactly when they share it (the same object).
final class PlanMap: Equatable, Sendable {
    let formulation: Formulation
    init(_ formulation: Formulation) { self.formulation = formulation }
    static func == (a: PlanMap, b: PlanMap) -> Bool { a === b }
}

/// What an optimum uses, named and sorted; equal signatures mean the same plan.
struct PlanSignature: Hashable, Sendable, Codable {
    var status: TerminationStatus
    var plants: [String] = []
    var routes: [String] = []
    var supplies: [String] = []
    /// Siting decisions: `build CANDIDATE`, `close PLANT`, `retrofit RETROFIT`.
    var sites: [String] = []

    init(_ solution: Solution) { self.init(PlanUsage(SolutionSummary(solution))) }

    init(_ usage: PlanUsage) {
        status = usage.status
        plants = usage.plants.sorted()
        // Unique: a summary has one route per link, commodity and direction.
        routes = usage.routes.map { "\($0.link) \($0.commodity) \($0.from)→\($0.to)" }.sorted()
        supplies = usage.supplies.sorted()
        sites = usage.sites
    }

    func plan(label: String) -> Sweep.Plan {
        Sweep.Plan(label: label, status: status, sites: sites, plants: plants, routes: routes, supplies: supplies)
    }

    /// What comes into use and what goes out of use from `self` to `other`, as `plant x`,
    /// `route …`, `supply s` or a site decision, sites first, then plants, routes and supplies.
    /// A change of status (optimal → infeasible) is named alone: listing everything an
    /// infeasible model no longer uses would say nothing more.
    func changes(to other: PlanSignature) -> (entering: [String], leaving: [String]) {
        if status != other.status { return (["status \(other.status.rawValue)"], ["status \(status.rawValue)"]) }
        // Kind by kind: the prefixes keep kinds apart, so only the entries that differ are named.
        func added(_ kind: KeyPath<PlanSignature, [String]>, _ prefix: String, from old: PlanSignature, to new: PlanSignature) -> [String] {
            let before = Set(old[keyPath: kind])
            return new[keyPath: kind].filter { !before.contains($0) }.map { prefix + $0 }
        }
        func all(from old: PlanSignature, to new: PlanSignature) -> [String] {
            added(\.sites, "", from: old, to: new) + added(\.plants, "plant ", from: old, to: new)
                + added(\.routes, "route ", from: old, to: new) + added(\.supplies, "supply ", from: old, to: new)
        }
        return (all(from: self, to: other), all(from: other, to: self))
    }
}
