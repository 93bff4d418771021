import ArgumentParser
import Foundation
import Potline

struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Solve a network over a series of values of one input and find where the plan changes.",
        discussion: HelpText.paragraphs(
            """
            PARAMETER addresses table cells or a manifest key (see Networks/SCENARIOS.md):
              regions[id=xinjiang].grid_price_yuan_per_kwh
              demands[region=guangdong,commodity=aluminium].demand_t_per_y
              regions[id=xinjiang|gansu].grid_price_yuan_per_kwh   (several rows)
              regions.grid_price_yuan_per_kwh                      (every row)
              manifest.modes.rail.rate_yuan_per_tkm
            Repeat --set to move several inputs together by the same value (with --scale, a region's
            grid and captive power costs by one factor, say).
            Values replace the input, or with --scale multiply it, or with --add are added to it.
            --from A --to B --steps N solves N+1 evenly spaced values; --values a,b,c solves those.

            Prints the total cost, the delivered costs that vary most (or those named by --show), and
            the plan (which plants, routes and supplies are in use) at each value; the plans, B, C, …
            as changes from A; then the breakpoints: values where the plan changes, located by
            bisection between neighbouring values to --tolerance.

            Each solve starts from the previous value's optimal basis (warm start) unless --cold;
            the values are split across --threads threads, one solver problem each. --benchmark times
            cold/warm and serial/parallel runs of the same sweep instead. Progress is shown on
            standard error when it is a terminal.
            """))

    @Argument(help: "Network folder.")
    var network: String

    @Option(name: .customLong("set"), help: ArgumentHelp("The input to vary (repeat to move several together).", valueName: "parameter"))
    var parameters: [String] = []

    @Option(help: ArgumentHelp("Show this demand's delivered cost as a column (repeatable; default: the three that vary most).", valueName: "region/commodity"))
    var show: [String] = []

    @Option(help: ArgumentHelp("First value.", valueName: "a"))
    var from: Double?

    @Option(help: ArgumentHelp("Last value.", valueName: "b"))
    var to: Double?

    @Option(help: ArgumentHelp("Number of equal steps from --from to --to (N+1 values).", valueName: "n"))
    var steps: Int?

    @Option(help: ArgumentHelp("Comma-separated values, instead of --from/--to/--steps.", valueName: "a,b,c"))
    var values: String?

    @Flag(help: "Multiply the input by each value instead of setting it.")
    var scale = false

    @Flag(help: "Add each value to the input instead of setting it.")
    var add = false

    @Option(name: .customLong("scenario"), help: ArgumentHelp("Apply this scenario file first (repeatable, stacked in order).", valueName: "file"))
    var scenarioFiles: [String] = []

    @Option(help: ArgumentHelp("Width to which breakpoints are located (default: span × 1e-6).", valueName: "width"))
    var tolerance: Double?

    @Flag(help: "Do not bisect: report plan changes between neighbouring values only.")
    var noRefine = false

    @Flag(help: "Solve every value from scratch (no warm start).")
    var cold = false

    @Flag(help: "Re-read and re-formulate the network at every value, instead of changing one model in place where the model is a line in the value.")
    var rebuild = false

    @Flag(help: "Time the sweep cold/warm and serial/parallel and print the speedups instead of the results.")
    var benchmark = false

    @Option(help: ArgumentHelp("Repeats per way for --benchmark (the fastest counts).", valueName: "n"))
    var repeats: Int = 3

    @Option(help: ArgumentHelp("Also write a self-contained HTML report (total and marginal costs against the parameter) to this file.", valueName: "file"))
    var html: String?

    @OptionGroup var sitingOptions: SitingOptions

    @OptionGroup var output: OutputOptions

    @OptionGroup var solving: SolverFlags

    @OptionGroup var parallel: ThreadOptions

    func validate() throws {
        if parameters.isEmpty { throw ValidationError("give the input to vary with --set PARAMETER") }
        for text in show where SweepReport.Demand(parsing: text) == nil {
            throw ValidationError("--show '\(text)' is not REGION/COMMODITY (e.g. --show shandong/aluminium)")
        }
        if benchmark && !show.isEmpty { throw ValidationError("--show does not apply to --benchmark") }
        if scale && add { throw ValidationError("give --scale or --add, not both") }
        if benchmark && output.out != nil { throw ValidationError("--out does not apply to --benchmark (use --json)") }
        if values != nil, from != nil || to != nil || steps != nil {
            throw ValidationError("give either --values or --from/--to/--steps")
        }
        if values == nil {
            guard from != nil, to != nil, let steps else {
                throw ValidationError("give --from A --to B --steps N, or --values a,b,c")
            }
            if steps < 1 || steps > 10_000 {
                throw ValidationError("--steps must be from 1 to 10,000 (each value is a whole solve; bisection finds breakpoints finer than the grid)")
            }
        }
        if try parsedValues().isEmpty { throw ValidationError("--values lists no numbers") }
        if let tolerance, !(tolerance > 0) { throw ValidationError("--tolerance must be positive") }
        if repeats < 1 { throw ValidationError("--repeats must be at least 1") }
    }

    /// `--siting fixed` without `--plan` holds the plan of the swept network as given (its
    /// scenarios applied, the parameter at its own value).
    func sweepSiting(_ network: ValidatedNetwork, options: SolveOptions) throws -> SitingMode {
        try sitingOptions.mode(options, base: { network }, source: "the plan of the network as given")
    }

    /// Each `--show` names a demand of the network, before any solve.
    func checkShown(_ shown: [SweepReport.Demand], in network: ValidatedNetwork) throws {
        let demands = Set(network.demands.map { SweepReport.Demand(region: $0.region, commodity: $0.commodity) })
        for demand in shown where !demands.contains(demand) {
            let hint = Suggestion.closest(demand.description, among: demands.map(\.description).sorted()).map { " (did you mean '\($0)'?)" } ?? ""
            printError("error: --show \(demand): the network has no such demand\(hint)")
            throw ExitCode.validationFailure
        }
    }

    func parsedValues() throws -> [Double] {
        if let values {
            return try values.split(separator: ",").map { text in
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                guard let value = Double(trimmed.replacingOccurrences(of: "_", with: "")), value.isFinite else {
                    throw ValidationError("--values: '\(trimmed)' is not a number")
                }
                return value
            }
        }
        return Sweep.values(from: from!, to: to!, steps: steps!)
    }

    func run() throws {
        let files = try readNetworkFiles(network)
        try output.prepare()
        let stack = try scenarioFiles.flatMap(loadScenarioStack)
        let swept: SweepParameter
        do {
            swept = SweepParameter(combining: try parameters.map { try SweepParameter(parsing: $0) })
        } catch {
            printError("error: \(error)")
            throw ExitCode.validationFailure
        }
        let mode: SweepMode = scale ? .scale : add ? .add : .set
        let values = try parsedValues()
        var options = SweepOptions(
            solve: solving.solveOptions(analysePlan: false),
            warmStart: !cold, threads: parallel.threads,
            refineBreakpoints: !noRefine, tolerance: tolerance, inPlace: !rebuild)

        if benchmark {
            let result: SweepBenchmark
            do {
                result = try SweepBenchmark.run(
                    base: files, scenarios: stack, parameter: swept, mode: mode, values: values, threads: parallel.threads,
                    repeats: repeats, options: options)
            } catch {
                throw failureExit(error)
            }
            try output.publish(result, text: { $0.render() })
            return
        }

        var sweep: Sweep
        let shown = show.compactMap(SweepReport.Demand.init(parsing:))
        do {
            let network = try ScenarioCase(base: files, scenarios: stack).network()
            try checkShown(shown, in: network)
            options.solve.siting = try sweepSiting(network, options: options.solve)
            sweep = try withProgress("sweep") { progress in
                options.progress = progress
                return try Sweep.run(
                    base: files, scenarios: stack, parameter: swept, mode: mode, values: values, options: options)
            }
            if network.hasSitingDecisions {
                var plan: SitingPlan?
                sweep.siting = SitingModeResult(options.solve.siting, network: network.network, plan: &plan)
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw failureExit(error)
        }
        try output.publish(
            sweep, text: { SweepReport.render($0, show: shown) }, tables: SweepReport.tables, html: html, page: { HTMLReport.sweep(sweep) },
            status: worstStatus(sweep.points.map(\.status)))
    }
}
