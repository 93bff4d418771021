import ArgumentParser
import Potline

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a network's files and print every problem found.",
        discussion: HelpText.paragraphs(
            """
            Checks headers, every field (numbers within the plausible range of their unit, ids), \
            duplicate ids, unknown region, \
            commodity, process and mode names (suggesting the closest known name), plants without a \
            power price, and demands that no supply can reach. Prints every problem with its file, row \
            and column; exits with status 2 if there is any.
            """))

    @Argument(help: "Network folder to check.")
    var network: String

    @Option(name: .customLong("scenario"), help: ArgumentHelp("Apply this scenario file first and check the result (repeatable, stacked in order).", valueName: "file"))
    var scenarioFiles: [String] = []

    func run() throws {
        let loaded = try loadNetwork(network, scenarios: scenarioFiles)
        StandardStreams.writeOutput(
            "\(network): valid — \(loaded.regions.count) regions, \(loaded.commodities.count) commodities, "
                + "\(loaded.processes.count) processes, \(loaded.plants.count) plants, \(loaded.supplies.count) supplies, "
                + "\(loaded.demands.count) demands, \(loaded.links.count) links\n")
    }
}
