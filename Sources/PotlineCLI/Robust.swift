import ArgumentParser
import Foundation
import Potline

struct RobustCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "robust",
        abstract: "Sample uncertain inputs, solve every sample, and report how often each plan wins and what the deterministic plan risks.",
        discussion: """
            The uncertainty file (YAML, Networks/UNCERTAINTY.md) lists factors: a distribution (uniform, \
            triangular, normal truncated to [low, high]) and the inputs it moves, addressed as for \
            sweep --set; a factor with several targets moves them together (a correlated group). \
            Samples are a Latin hypercube from --seed (xoshiro256** seeded by SplitMix64), solved on \
            --threads threads. The deterministic plan (the optimum at the network's values) is re-solved \
            in every sample with its siting decisions fixed (production, for a network without siting), \
            giving its regret against the sample's own optimum. Progress is shown on standard error \
            when it is a terminal.
            """)

    @Argument(help: "Network folder.")
    var network: String

    @Option(name: .customLong("scenario"), help: ArgumentHelp("Apply this scenario file first (repeatable, stacked in order).", valueName: "file"))
    var scenarioFiles: [String] = []

    @Option(help: ArgumentHelp("Uncertainty file (YAML).", valueName: "file"))
    var uncertainty: String

    @Option(help: ArgumentHelp("Number of samples.", valueName: "n"))
    var samples: Int

    @Option(help: ArgumentHelp("Seed of the sampling (the same seed gives the same samples).", valueName: "s"))
    var seed: UInt64

    @OptionGroup var output: OutputOptions

    @OptionGroup var solving: SolverFlags

    @OptionGroup var parallel: ThreadOptions

    func validate() throws {
        if samples < 1 || samples > 1_000_000 { throw ValidationError("--samples must be from 1 to 1,000,000") }
    }

    func run() throws {
        let files = try readNetworkFiles(network)
        try output.prepare()
        let stack = try scenarioFiles.flatMap(loadScenarioStack)
        let file: UncertaintyFile
        do {
            file = try UncertaintyFile.load(from: uncertainty)
        } catch {
            printError("error: \(error)")
            throw ExitCode(ExitStatus.badInput)
        }
        let study: RobustStudy
        do {
            study = try withProgress("robust") { progress in
                try RobustStudy.run(
                    base: files, scenarios: stack, uncertainty: file,
                    options: RobustOptions(
                        samples: samples, seed: seed, threads: parallel.threads,
                        solve: solving.solveOptions(analysePlan: false),
                        progress: progress))
            }
        } catch {
            throw failureExit(error)
        }
        try output.publish(study, text: RobustReport.render, csv: RobustReport.writeCSV)
    }
}
