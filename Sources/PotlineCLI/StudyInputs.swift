import ArgumentParser
import Foundation
import Potline

/// What `robust` and `tornado` share: the network, its scenarios, the uncertain inputs (an
/// uncertainty file or the network's ranges.csv), threads and solver limits, and the outputs.
struct StudyInputs: ParsableArguments {
    @Argument(help: "Network folder.")
    var network: String

    @Option(name: .customLong("scenario"), help: ArgumentHelp("Apply this scenario file first (repeatable, stacked in order).", valueName: "file"))
    var scenarioFiles: [String] = []

    @Option(help: ArgumentHelp("Uncertainty file (YAML); without it, the network's ranges.csv.", valueName: "file"))
    var uncertainty: String?

    @OptionGroup var output: OutputOptions

    @OptionGroup var solving: SolverFlags

    @OptionGroup var parallel: ThreadOptions

    var threads: Int { parallel.threads }
    var solveOptions: SolveOptions { solving.solveOptions(analysePlan: false) }

    /// The network's files, the scenario stack and the uncertain inputs; exits 2 on bad input.
    func load() throws -> (files: NetworkFiles, scenarios: [Scenario], uncertainty: UncertaintyFile) {
        let files = try readNetworkFiles(network)
        try output.prepare()
        let stack = try scenarioFiles.flatMap(loadScenarioStack)
        return (files, stack, try uncertaintyFile(files, stack))
    }

    /// The --uncertainty file, or the factors of the network's ranges.csv (with the scenarios applied).
    private func uncertaintyFile(_ files: NetworkFiles, _ stack: [Scenario]) throws -> UncertaintyFile {
        do {
            if let uncertainty { return try UncertaintyFile.load(from: uncertainty) }
            let (file, held) = UncertaintyFile.ranges(of: try NetworkLoader.parse(files.applying(stack)).network)
            for range in held {
                printError("note: \(range.factorName) is held at the scenario's value, not sampled over ranges.csv row \(range.location?.row ?? 0)")
            }
            if file.factors.isEmpty {
                throw NetworkError([NetworkProblem(file: "\(network)/ranges.csv", message: "gives no range to sample: write ranges.csv or give --uncertainty FILE")])
            }
            return file
        } catch {
            printError("error: \(error)")
            throw ExitCode(ExitStatus.badInput)
        }
    }
}
