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

    @Option(help: ArgumentHelp("Threads to solve on (default: the number of cores).", valueName: "n"))
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Write the study as one JSON document to standard output.")
    var json = false

    @Option(help: ArgumentHelp("Also write the study's tables as CSV files into this folder.", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("Stop each solve after this many seconds.", valueName: "seconds"))
    var timeLimit: Double?

    @Option(help: ArgumentHelp("For siting: stop branch-and-bound within this relative gap (0.01 = 1%).", valueName: "fraction"))
    var mipGap: Double = 0

    func validate() throws {
        if threads < 1 { throw ValidationError("--threads must be at least 1") }
        if !(mipGap >= 0 && mipGap < 1) { throw ValidationError("--mip-gap must be a fraction from 0 to 1") }
        if let timeLimit, !(timeLimit > 0) { throw ValidationError("--time-limit must be a positive number of seconds") }
    }

    var solveOptions: SolveOptions { SolveOptions(timeLimitSeconds: timeLimit, relativeMIPGap: mipGap, analysePlan: false) }

    /// The network's files, the scenario stack and the uncertain inputs; exits 2 on bad input.
    func load() throws -> (files: NetworkFiles, scenarios: [Scenario], uncertainty: UncertaintyFile) {
        let files = try readNetworkFiles(network)
        try prepareOutputFolder(out)
        let stack = try scenarioFiles.flatMap(loadScenarioStack)
        return (files, stack, try uncertaintyFile(files, stack))
    }

    /// The --uncertainty file, or the factors of the network's ranges.csv (with the scenarios applied).
    private func uncertaintyFile(_ files: NetworkFiles, _ stack: [Scenario]) throws -> UncertaintyFile {
        do {
            if let uncertainty { return try UncertaintyFile.load(from: uncertainty) }
            let (file, held) = UncertaintyFile.ranges(of: try NetworkLoader.parse(files.applying(stack)))
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
