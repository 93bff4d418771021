import ArgumentParser
import Foundation
import Potline

struct RobustCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "robust",
        abstract: "Sample uncertain inputs, solve every sample, and report how often each plan wins and what the deterministic plan risks.",
        discussion: HelpText.paragraphs(
            """
            The uncertainty file (YAML, Networks/UNCERTAINTY.md) lists factors: a distribution (uniform, \
            triangular, normal truncated to [low, high]) and the inputs it moves, addressed as for \
            sweep --set; a factor with several targets moves them together (a correlated group). \
            Samples are a Latin hypercube from --seed (xoshiro256** seeded by SplitMix64), solved on \
            --threads threads. The deterministic plan (the optimum at the network's values) is re-solved \
            in every sample with its siting decisions fixed (production, for a network without siting), \
            giving its regret against the sample's own optimum. Progress is shown on standard error \
            when it is a terminal.

            Without --uncertainty the network's ranges.csv gives the factors: each row uniform from \
            its low to its high, independent of the others.

            --shard K/N solves only the K-th of N contiguous blocks of the samples (the whole design \
            is drawn from the seed, so every shard agrees on it) and writes the partial result to \
            --partial FILE (JSON, schema potline.robust-shard/1); `potline robust-merge FILE…` \
            turns the N files into the report a single run gives.
            """))

    @OptionGroup var inputs: StudyInputs

    @Option(help: ArgumentHelp("Also write a self-contained HTML report (plan and decision shares, cost and regret histograms, drivers) to this file.", valueName: "file"))
    var html: String?

    @Option(help: ArgumentHelp("Number of samples.", valueName: "n"))
    var samples: Int

    @Option(help: ArgumentHelp("Seed of the sampling (the same seed gives the same samples).", valueName: "s"))
    var seed: UInt64

    @Option(help: ArgumentHelp("Solve only shard K of N (e.g. 3/8) and write it to --partial.", valueName: "K/N"))
    var shard: String?

    @Option(help: ArgumentHelp("With --shard: the file to write the shard's partial result to (JSON).", valueName: "file"))
    var partial: String?

    @Option(help: ArgumentHelp("Also solve the two-stage stochastic siting model over this many samples (a Latin hypercube from --seed; all the samples when equal to --samples) and evaluate its plan in every sample.", valueName: "k"))
    var stochastic: Int?

    @Option(help: ArgumentHelp("With --stochastic: add CVaR at this level (0.9 = the worst 10%) to the objective.", valueName: "alpha"))
    var cvar: Double?

    @Option(help: ArgumentHelp("With --cvar: the weight of the CVaR (1 = CVaR alone).", valueName: "w"))
    var cvarWeight: Double = 0.5

    func validate() throws {
        if let stochastic, !(1...10_000).contains(stochastic) { throw ValidationError("--stochastic must be from 1 to 10,000 samples") }
        if let cvar {
            if stochastic == nil { throw ValidationError("--cvar needs --stochastic K") }
            if !(cvar >= 0 && cvar < 1) { throw ValidationError("--cvar must be a level from 0 to below 1 (e.g. 0.9)") }
            if !(cvarWeight > 0 && cvarWeight <= 1) { throw ValidationError("--cvar-weight must be above 0 and at most 1") }
        }
        if samples < 1 || samples > 1_000_000 { throw ValidationError("--samples must be from 1 to 1,000,000") }
        if shard != nil {
            let (k, n) = try shardNumbers()
            if n > samples { throw ValidationError("--shard \(k)/\(n): more shards than the \(samples) samples") }
            if partial == nil { throw ValidationError("--shard needs --partial FILE, where the shard's result is written") }
            if inputs.output.json || inputs.output.out != nil || html != nil { throw ValidationError("--shard writes --partial only: merge the shards with potline robust-merge for --json, --out or --html") }
        } else if partial != nil {
            throw ValidationError("--partial is written only with --shard K/N")
        }
    }

    /// `K/N` with 1 ≤ K ≤ N.
    func shardNumbers() throws -> (Int, Int) {
        guard let shard else { return (1, 1) }
        let parts = shard.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else {
            throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N (e.g. 3/8), not '\(shard)'")
        }
        return (k, n)
    }

    func run() throws {
        let (files, stack, file) = try inputs.load()
        let (k, n) = try shardNumbers()
        let result: RobustShard
        do {
            result = try withProgress(shard.map { "robust \($0)" } ?? "robust") { progress in
                try RobustShard.run(
                    base: files, scenarios: stack, uncertainty: file, shard: k, of: n,
                    options: RobustOptions(
                        samples: samples, seed: seed, threads: inputs.threads, solve: inputs.solveOptions, progress: progress,
                        stochastic: stochastic.map { StochasticOptions(samples: $0, risk: cvar.map { CVaRRisk(alpha: $0, weight: cvarWeight) }) }))
            }
        } catch {
            throw failureExit(error)
        }
        if let partial {
            do {
                try JSONReport.encode(result).write(to: URL(fileURLWithPath: partial), options: .atomic)
            } catch {
                printError("error: cannot write the shard to \(partial): \(error.localizedDescription)")
                throw ExitCode(ExitStatus.writeFailure)
            }
            return
        }
        let study = try RobustStudy.merge([result])
        try inputs.output.publish(study, text: RobustReport.render, tables: RobustReport.tables, html: html, page: { HTMLReport.robust(study) })
    }
}
