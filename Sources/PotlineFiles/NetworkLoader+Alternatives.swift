import PotlineNetwork

extension NetworkLoader {
    /// `alternatives.csv`: optional.
    static func readAlternatives(_ files: NetworkFiles, into network: inout Network, _ log: ProblemLog) {
        network.alternatives = (files.records(.alternatives, log: log) ?? []).compactMap { r in
                let plant = r.id("plant")
                let process = r.id("process")
                let electricity = r.number("electricity_kwh_per_t", required: false)
                let other = r.number("other_cost_yuan_per_t", required: false)
                guard let plant, let process else { return nil }
                return Alternative(
                    plant: plant, process: process, electricityKWhPerTonne: electricity, otherCostYuanPerTonne: other,
                    location: r.location)
            }
    }
}
