import ArgumentParser
import Foundation
import Potline

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Solve a network and scenarios of it, and show the results side by side.",
        discussion: HelpText.paragraphs(
            """
            Each SCENARIO is a scenario file (YAML; see Networks/SCENARIOS.md) applied to BASE, or
            several joined by '+' (a.yaml+b.yaml) stacked in that order. Prints the inputs each case
            changed (old → new), then for the base and every case: total cost and its split,
            delivered cost per demand (marginal and average), output per process and region, and the
            plants whose output changes, emissions, and for siting networks the sites built, closed or
            retrofitted differently from the base, each scenario followed by its change (Δ) against the base.

            Cases are solved in parallel, one solver problem per thread. Exit status is the worst over
            all cases: 3 if any case is infeasible, 4 on a time limit, 5 on a solver failure.
            """))

    @Argument(help: "The base network folder.")
    var base: String

    @Argument(help: ArgumentHelp("Scenario files; join files with '+' to stack them into one case.", valueName: "scenario"))
    var scenarios: [String]

    @Option(help: ArgumentHelp("Also write a self-contained HTML report (Δ cost bars, Δ delivered cost, maps of changes) to this file.", valueName: "file"))
    var html: String?

    @Flag(help: "For siting: skip each case's no-build baseline and break-even solves.")
    var noPlanAnalysis = false

    @OptionGroup var sitingOptions: SitingOptions

    @OptionGroup var output: OutputOptions

    @OptionGroup var solving: SolverFlags

    @OptionGroup var parallel: ThreadOptions

    func validate() throws {
        if scenarios.isEmpty { throw ValidationError("give at least one scenario file") }
    }

    func run() throws {
        let files = try readNetworkFiles(base)
        try output.prepare()
        let cases = try scenarios.map(loadScenarioStack)
        let siting = try sitingOptions.request()
        let comparison: Comparison
        do {
            comparison = try withProgress("compare") { progress in
                try Comparison.run(
                    base: files, cases: cases,
                    options: ComparisonOptions(
                        solve: solving.solveOptions(analysePlan: !noPlanAnalysis),
                        threads: parallel.threads, progress: progress, siting: siting))
            }
        } catch {
            throw failureExit(error)
        }
        try output.publish(
            comparison, text: ComparisonReport.render, tables: ComparisonReport.tables, html: html,
            page: { HTMLReport.compare(comparison, shapes: try mapShapes(base)) },
            status: comparison.worstStatus)
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

/// Writes an HTML report whole (a temporary file renamed into place), or exits 74 naming the file.
func writeHTML(_ text: String, to path: String) throws {
    do {
        try text.write(to: URL(fileURLWithPath: path), atomically: true, encoding: .utf8)
    } catch {
        printError("error: cannot write the HTML report to \(path): \(error.localizedDescription)")
        throw ExitCode(ExitStatus.writeFailure)
    }
}
