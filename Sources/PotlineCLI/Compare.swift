import ArgumentParser
import Foundation
import Potline

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Solve a network and scenarios of it, and show the results side by side.",
        discussion: """
            Each SCENARIO is a scenario file (YAML; see Networks/SCENARIOS.md) applied to BASE, or
            several joined by '+' (a.yaml+b.yaml) stacked in that order. Prints the inputs each case
            changed (old → new), then for the base and every case: total cost and its split,
            delivered cost per demand (marginal and average), output per process and region, and the
            plants whose output changes, emissions, and for siting networks the sites built, closed or
            retrofitted differently from the base, each scenario followed by its change (Δ) against the base.

            Cases are solved in parallel, one solver problem per thread. Exit status is the worst over
            all cases: 3 if any case is infeasible, 4 on a time limit, 5 on a solver failure.
            """)

    @Argument(help: "The base network folder.")
    var base: String

    @Argument(help: ArgumentHelp("Scenario files; join files with '+' to stack them into one case.", valueName: "scenario"))
    var scenarios: [String]

    @Flag(help: "Write the comparison as one JSON document (schema potline.compare/1) to standard output.")
    var json = false

    @Option(help: ArgumentHelp("Also write the comparison tables as CSV files into this folder.", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("Stop each solve after this many seconds.", valueName: "seconds"))
    var timeLimit: Double?

    @Option(help: ArgumentHelp("Cases solved at once (default: the number of cores).", valueName: "n"))
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("For siting: stop branch-and-bound within this relative gap (0.01 = 1%).", valueName: "fraction"))
    var mipGap: Double = 0

    @Flag(help: "For siting: skip each case's no-build baseline and break-even solves.")
    var noPlanAnalysis = false

    @OptionGroup var backend: SolverOption

    func validate() throws {
        if !(mipGap >= 0 && mipGap < 1) { throw ValidationError("--mip-gap must be a fraction from 0 to 1") }
        if scenarios.isEmpty { throw ValidationError("give at least one scenario file") }
        if let timeLimit, !(timeLimit > 0) { throw ValidationError("--time-limit must be a positive number of seconds") }
        if threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let files = try readNetworkFiles(base)
        try prepareOutputFolder(out)
        let cases = try scenarios.map(loadScenarioStack)
        let comparison: Comparison
        do {
            comparison = try withProgress("compare") { progress in
                try Comparison.run(
                    base: files, cases: cases,
                    options: ComparisonOptions(
                        solve: SolveOptions(
                            timeLimitSeconds: timeLimit, relativeMIPGap: mipGap, analysePlan: !noPlanAnalysis,
                            solver: backend.linearSolver),
                        threads: threads, progress: progress))
            }
        } catch {
            throw failureExit(error)
        }
        try report(comparison, json: json, text: ComparisonReport.render, out: out, csv: ComparisonReport.writeCSV)
        try throwExitStatus(for: comparison.worstStatus)
    }
}

/// Reads a network folder's raw files, or exits with status 2.
func readNetworkFiles(_ path: String) throws -> NetworkFiles {
    do {
        return try NetworkFiles.read(from: URL(fileURLWithPath: path))
    } catch {
        printError("error: \(path): \(error)")
        throw ExitCode(ExitStatus.badInput)
    }
}

/// `a.yaml` or `a.yaml+b.yaml` (stacked in order); a file whose own name contains '+' is read whole.
func loadScenarioStack(_ argument: String) throws -> [Scenario] {
    let paths = FileManager.default.fileExists(atPath: argument) ? [argument] : argument.split(separator: "+").map(String.init)
    var problems: [NetworkProblem] = []
    var stack: [Scenario] = []
    for path in paths {
        do {
            stack.append(try Scenario.load(from: path))
        } catch {
            problems += error.problems
        }
    }
    if !problems.isEmpty {
        printError("error: " + NetworkError(problems).description)
        throw ExitCode(ExitStatus.badInput)
    }
    return stack
}

/// Prints `result` as one JSON document or as text, and writes its CSV tables into `out`.
func report<T: Encodable>(
    _ result: T, json: Bool, text: (T) -> String, out: String? = nil, csv: ((T, URL) throws -> Void)? = nil
) throws {
    let document = try encodeResult(result)
    if json {
        StandardStreams.writeOutput(document)
        StandardStreams.writeOutput("\n")
    } else {
        StandardStreams.writeOutput(text(result))
    }
    guard let out, let csv else { return }
    try writeTables(out) { try csv(result, $0) }
}

/// The exit for an error of a comparison or sweep: bad input (2) or solver failure (5).
func failureExit(_ error: any Error) -> ExitCode {
    switch error {
    case let error as ScenarioError:
        printError("error: \(error)")
        return ExitCode(ExitStatus.badInput)
    case let error as NetworkError:
        printError("error: \(error)")
        return ExitCode(ExitStatus.badInput)
    default:
        printError("error: the solver failed: \(error)")
        return ExitCode(ExitStatus.solverFailure)
    }
}
