/// A network that passed every check of ``Network/problems()``: the only input a formulation
/// takes. A network is validated once, whether it was read from files (the loader returns one)
/// or built in code (`try network.validated()`), and the formulation reuses the reachability the
/// checks computed. Its properties read through to the network (`validated.plants`).
@dynamicMemberLookup
public struct ValidatedNetwork: Sendable {
    public let network: Network
    /// Which (region, commodity) pairs can hold material: flows are created only there.
    package let reachability: ReachabilityAnalysis

    /// Checks `network`; throws a ``NetworkError`` listing every problem.
    public init(_ network: Network) throws(NetworkError) {
        let (problems, reachability) = network.check(afterRowsDropped: nil)
        guard problems.isEmpty, let reachability else { throw NetworkError(problems) }
        self.init(checked: network, reachability: reachability)
    }

    /// A network whose checks have just passed (the loader's, which adds ranges after them).
    package init(checked network: Network, reachability: ReachabilityAnalysis) {
        self.network = network
        self.reachability = reachability
    }

    public subscript<Value>(dynamicMember path: KeyPath<Network, Value>) -> Value { network[keyPath: path] }

    /// The no-build baseline (``Network/withoutSiting()``). Barring decisions leaves every
    /// check passing, so it needs no new validation; reachability is recomputed because it
    /// counted the candidates as producers.
    public func withoutSiting() -> ValidatedNetwork {
        let baseline = network.withoutSiting()
        return ValidatedNetwork(checked: baseline, reachability: ReachabilityAnalysis(NetworkIndex(baseline)))
    }

    /// The network with candidate `id` forced in (a break-even solve). A decision is not
    /// something the checks depend on, and the candidate already counted as a producer.
    package func forcing(candidate id: String) -> ValidatedNetwork {
        var forced = network
        if let j = forced.candidates.firstIndex(where: { $0.id == id }) { forced.candidates[j].decision = .mustBuild }
        return ValidatedNetwork(checked: forced, reachability: reachability)
    }
}
