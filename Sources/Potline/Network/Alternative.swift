/// Another process an existing plant may run within its own capacity, in any mix with its
/// recorded one (`alternatives.csv`): the same furnaces on another burden, with another
/// electrode, on another feed. It makes the same commodity and shares the plant's capacity,
/// availability and power sources; unlike a retrofit it needs no decision and no capital.
public struct Alternative: Sendable, Equatable {
    public var plant: String
    public var process: String
    /// kWh per tonne on this process; nil: the process's.
    public var electricityKWhPerTonne: Double?
    /// Other cost per tonne on this process; nil: the process's.
    public var otherCostYuanPerTonne: Double?
    public var location: SourceLocation?

    public init(
        plant: String, process: String, electricityKWhPerTonne: Double? = nil, otherCostYuanPerTonne: Double? = nil,
        location: SourceLocation? = nil
    ) {
        self.plant = plant
        self.process = process
        self.electricityKWhPerTonne = electricityKWhPerTonne
        self.otherCostYuanPerTonne = otherCostYuanPerTonne
        self.location = location
    }
}

extension NetworkLoader {
    /// `alternatives.csv`: optional.
    static func readAlternatives(_ files: NetworkFiles, into network: inout Network, _ log: ProblemLog) {
        network.alternatives = (files.records(
            "alternatives.csv", columns: ["plant", "process", "electricity_kwh_per_t", "other_cost_yuan_per_t"],
            required: ["plant", "process"], optionalFile: true, log: log) ?? []).compactMap { r in
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

extension Network {
    /// An alternative names a known plant and process, makes the plant's output, is not the
    /// plant's own process, appears once per (plant, process), and is not offered beside retrofits
    /// (a retrofit replaces the plant's technology; which alternatives would survive it is not defined).
    func checkAlternatives(_ log: ProblemLog, index: NetworkIndex) {
        log.checkUnique(
            alternatives.map { ("\($0.plant) \($0.process)", $0.location) }, what: "alternative (plant, process)",
            column: "process")
        let plantIndex = Dictionary(plants.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let retrofitted = Set(retrofits.map(\.plant))
        for alternative in alternatives {
            let plantKnown = log.known(
                alternative.plant, in: plantIndex, what: "plant", at: alternative.location, column: "plant")
            guard log.known(alternative.process, in: index.processes, what: "process", at: alternative.location, column: "process"),
                plantKnown, let plant = plantIndex[alternative.plant].map({ plants[$0] }), let own = index.processes[plant.process]
            else { continue }
            let output = processes[index.processes[alternative.process]!].output
            if alternative.process == plant.process {
                log.report(alternative.location, "process", "'\(plant.process)' is the plant's own process already")
            } else if output != processes[own].output {
                log.report(
                    alternative.location, "process",
                    "an alternative must make the plant's output: '\(alternative.process)' makes \(output), the plant makes \(processes[own].output)")
            }
            if retrofitted.contains(plant.id) {
                log.report(
                    alternative.location, "plant",
                    "'\(plant.id)' has retrofits (retrofits.csv); a plant takes alternatives or retrofits, not both")
            }
        }
    }
}
