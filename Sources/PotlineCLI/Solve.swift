import ArgumentParser
import Foundation
import Potline

struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the cheapest way to meet every demand and report delivered costs.",
        discussion: HelpText.paragraphs(
            """
            Minimises total delivered cost: purchases at supply prices, plant electricity (kWh/t × the \
            plant's or region's power price) and other variable cost, and freight (distance × rate + \
            handling). By default the report fits one screen: the status, the total cost and its split, \
            the delivered cost of the main product by area (marginal: the shadow price of one more \
            tonne; average: the cost of the tonnes that arrive), the siting plan in brief and the three \
            facts that matter most. --full adds every table: delivered cost per demand split into \
            materials, electricity, freight and other, plant output and utilisation, power use, \
            supplies bought and flows per link; --section NAME prints one of them.

            A network with candidate sites, closures or retrofits (candidates.csv, retrofits.csv, \
            closure_cost_yuan_per_y) is a mixed-integer program: branch-and-bound picks the plan \
            under the capacity policy (ceiling, capacity transfer, energy standards), then the decisions \
            are fixed and the LP re-solved so delivered costs are reported for the plan. The plan report \
            lists sites built, closures, retrofits, which closures fund which builds, the change in \
            delivered cost against building nothing, and each rejected candidate's break-even.

            An infeasible network exits with status 3 and lists the demands that cannot be met.
            """))

    @Argument(help: "Network folder. Default: the bundled China network (Networks/china).")
    var network: String?

    @Option(name: .customLong("scenario"), help: ArgumentHelp("Apply this scenario file to the network first (repeatable, stacked in order).", valueName: "file"))
    var scenarioFiles: [String] = []

    @Option(help: ArgumentHelp("Also write a self-contained HTML report (map, cost curve, prices explained) to this file.", valueName: "file"))
    var html: String?

    @Option(help: ArgumentHelp("Process of the cost curve in the HTML report (default: the process whose plants draw the most power).", valueName: "process"))
    var costCurve: String?

    @Flag(help: "For siting: skip the no-build baseline and the break-even solves for candidates not built.")
    var noPlanAnalysis = false

    @Flag(help: "Print the solver's log to standard error.")
    var solverLog = false

    @Flag(help: "Print every table (plants, supplies, flows, …), not the one-screen summary.")
    var full = false

    @Option(
        help: ArgumentHelp(
            "Print only this part of the full report (repeatable): "
                + TextReport.Section.allCases.map(\.rawValue).joined(separator: ", ") + ".",
            valueName: "name"))
    var section: [TextReport.Section] = []

    /// Whether the text report shows prices explained (one warm-started re-solve per demand).
    var explainsPrices: Bool { full || section.contains(.prices) }

    /// The text report's detail the flags ask for.
    var detail: TextReport.Detail { full ? .full : section.isEmpty ? .summary : .sections(Set(section)) }

    func validate() throws {
        if full && !section.isEmpty { throw ValidationError("give --full or --section, not both") }
    }

    @OptionGroup var sitingOptions: SitingOptions

    @OptionGroup var output: OutputOptions

    @OptionGroup var solving: SolverFlags

    func run() throws {
        let loaded = try loadNetwork(network, scenarios: scenarioFiles)
        try output.prepare()
        let solution: Solution
        do {
            var options = solving.solveOptions(analysePlan: !noPlanAnalysis, explainPrices: output.json || html != nil || explainsPrices)
            options.siting = try sitingMode(options)
            solution = try loaded.solve(options: options)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            printError("error: the solver failed: \(error)")
            throw ExitCode(ExitStatus.solverFailure)
        }
        if solverLog { printError(solution.solverLog) }
        try output.publish(
            solution, text: { TextReport.render($0, detail: detail) }, tables: SolutionTables.tables, html: html,
            page: { HTMLReport.solve(solution, shapes: try mapShapes(network), costCurveProcess: costCurve) },
            status: solution.status)
    }
}

extension Solve {
    /// `--siting fixed` without `--plan` holds the plan of the network without the scenarios.
    func sitingMode(_ options: SolveOptions) throws -> SitingMode {
        try sitingOptions.mode(
            options, base: { try loadNetwork(network) },
            source: scenarioFiles.isEmpty ? "its own plan" : "the plan of the network without the scenarios")
    }
}

/// Maps a solve status to the documented exit code.
func throwExitStatus(for status: TerminationStatus) throws {
    switch status {
    case .optimal: return
    case .infeasible, .unbounded, .infeasibleOrUnbounded: throw ExitCode(ExitStatus.infeasible)
    case .timeLimit, .iterationLimit: throw ExitCode(ExitStatus.timeLimit)
    case .numericalFailure: throw ExitCode(ExitStatus.solverFailure)
    }
}

/// The network folder's map shapes (the bundled China network's when no folder is given).
func mapShapes(_ path: String?) throws -> MapShapes? {
    guard let folder = path ?? BundledNetwork.locate("china") else { return nil }
    return try MapShapes.load(folder: URL(fileURLWithPath: folder))
}
