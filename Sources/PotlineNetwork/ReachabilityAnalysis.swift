/// Which (region, commodity) pairs can hold material at all: from supplies, through plants whose
/// every input is available in their region, along links that may carry it. A worklist pass,
/// linear in the network's size. Used to reject unreachable demands before solving and to
/// create flow variables only where material can exist.
package struct ReachabilityAnalysis: Sendable {
    private let index: NetworkIndex
    private var available: Set<Pair> = []

    struct Pair: Hashable { let region: Int, commodity: Int }

    package init(_ index: NetworkIndex) {
        self.index = index
        let network = index.network
        let regionCount = network.regions.count

        // Adjacency: links leaving each region.
        var outgoing = Array(repeating: [(link: Int, to: Int)](), count: regionCount)
        for (l, link) in network.links.enumerated() {
            guard let a = index.regions[link.from], let b = index.regions[link.to] else { continue }
            outgoing[a].append((l, b))
            if link.bidirectional { outgoing[b].append((l, a)) }
        }
        // Everything that can produce: plants, their retrofitted technologies, candidates, tollers.
        var producersIn = Array(repeating: [ProductionProcess](), count: regionCount)
        func addProducer(_ region: String, _ process: String) {
            guard let r = index.regions[region], let p = index.processes[process] else { return }
            producersIn[r].append(network.processes[p])
        }
        for plant in network.plants where plant.capacityTonnesPerYear > 0 { addProducer(plant.region, plant.process) }
        let plantsByID = Dictionary(network.plants.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for retrofit in network.retrofits where retrofit.decision != .mustNotBuild {
            if let plant = plantsByID[retrofit.plant], plant.capacityTonnesPerYear > 0 {
                addProducer(plant.region, retrofit.process ?? plant.process)
            }
        }
        for candidate in network.candidates where candidate.decision != .mustNotBuild {
            addProducer(candidate.region, candidate.process)
        }
        for toller in network.tolling where (toller.capacityTonnesPerYear ?? 1) > 0 { addProducer(toller.region, toller.process) }

        var worklist: [Pair] = []
        func add(_ region: Int, _ commodity: String) {
            guard let c = index.commodities[commodity] else { return }
            let pair = Pair(region: region, commodity: c)
            if available.insert(pair).inserted { worklist.append(pair) }
        }
        for supply in network.supplies where (supply.capacityTonnesPerYear ?? 1) > 0 {
            if let r = index.regions[supply.region] { add(r, supply.commodity) }
        }
        // A process without inputs makes its output from power alone.
        for (r, processes) in producersIn.enumerated() {
            for process in processes where process.inputs.isEmpty {
                add(r, process.output)
                for byproduct in process.byproducts { add(r, byproduct.commodity) }
            }
        }
        while let pair = worklist.popLast() {
            let commodity = network.commodities[pair.commodity].id
            for (l, to) in outgoing[pair.region] where index.carries(network.links[l], commodity) {
                add(to, commodity)
            }
            for process in producersIn[pair.region] {
                let ready = process.inputs.allSatisfy { input in
                    index.commodities[input.commodity].map { available.contains(Pair(region: pair.region, commodity: $0)) }
                        ?? false
                }
                if ready {
                    add(pair.region, process.output)
                    for byproduct in process.byproducts { add(pair.region, byproduct.commodity) }
                }
            }
        }
    }

    /// Whether any supply or plant can put `commodity` in `region`.
    package func canDeliver(_ commodity: String, to region: String) -> Bool {
        guard let r = index.regions[region], let c = index.commodities[commodity] else { return false }
        return available.contains(Pair(region: r, commodity: c))
    }

    /// Why `commodity` cannot reach `region`, in the network's words.
    func explainUnreachable(_ commodity: String, at region: String) -> String {
        let network = index.network
        let makers = network.processes.filter { $0.output == commodity || $0.byproducts.contains { $0.commodity == commodity } }
        let sources = network.supplies.filter { $0.commodity == commodity && ($0.capacityTonnesPerYear ?? 1) > 0 }
        let plants = network.plants.filter { plant in makers.contains { $0.id == plant.process } && plant.capacityTonnesPerYear > 0 }
        let candidates = network.candidates.filter { candidate in makers.contains { $0.id == candidate.process } }
        if sources.isEmpty && plants.isEmpty && candidates.isEmpty {
            return "nothing supplies or makes \(commodity)"
        }
        let producing = Set(network.regions.map(\.id).filter { canDeliver(commodity, to: $0) })
        if producing.isEmpty {
            let missing = Set(makers.flatMap(\.inputs).map(\.commodity)).sorted()
            return "no plant making \(commodity) can get all its inputs (\(missing.joined(separator: ", ")))"
        }
        return "it is available in \(producing.sorted().prefix(5).joined(separator: ", "))"
            + (producing.count > 5 ? " and \(producing.count - 5) more regions" : "")
            + " but no chain of links that carry \(commodity) leads to \(region)"
    }
}
