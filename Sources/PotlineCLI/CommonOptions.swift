import ArgumentParser
import Foundation
import Potline

extension SolverBackend: ExpressibleByArgument {}
extension TextReport.Section: ExpressibleByArgument {}

/// `--json`, `--out` and `--xlsx`, shared by every command with a result, and the one path by
/// which a result reaches the user: JSON or text on standard output, its tables as CSV files or
/// a workbook, an HTML page, then the exit status.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Write the result as one JSON document to standard output (its schema: README \"JSON output\").")
    var json = false

    @Option(help: ArgumentHelp("Also write the result's tables as CSV files into this folder (columns: README \"Result tables\").", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("Also write the result's tables into this Excel workbook, a sheet per table.", valueName: "file.xlsx"))
    var xlsx: String?

    /// Checks `--out` and `--xlsx` before any solve, so a bad destination fails fast (exit 2).
    func prepare() throws {
        try prepareOutputFolder(out)
        try prepareWorkbook(xlsx)
    }

    /// Prints `result` as one JSON document or as text, writes its tables into `--out` and
    /// `--xlsx`, the HTML page (when `html` names a file), then exits with the status's documented
    /// code. A result with a non-finite figure fails before any output, text or JSON: for text the
    /// figures are checked (``FiniteFigures``), and only a failing result is encoded, to name the figure.
    func publish<T: Encodable>(
        _ result: T, text: (T) -> String, tables: ((T) -> [ResultTable])? = nil, html: String? = nil,
        page: () throws -> String = { "" }, status: TerminationStatus = .optimal
    ) throws {
        if json {
            let document = try encodeResult(result)
            StandardStreams.writeOutput(document)
            StandardStreams.writeOutput("\n")
        } else {
            if !FiniteFigures.allFinite(result) { _ = try encodeResult(result) }
            StandardStreams.writeOutput(text(result))
        }
        if let tables, out != nil || xlsx != nil {
            let made = tables(result)
            if let out { try writeTables(out) { try ResultTables.writeCSV(made, to: $0) } }
            if let xlsx { try writeWorkbook(made, to: xlsx) }
        }
        if let html { try writeHTML(try page(), to: html) }
        try throwExitStatus(for: status)
    }
}

/// `--solver`, `--time-limit` and `--mip-gap` with their checks, shared by every command that solves.
struct SolverFlags: ParsableArguments {
    @Option(help: ArgumentHelp("The solver backend: glpk (default) or cbc (COIN-OR CBC/Clp).", valueName: "name"))
    var solver: SolverBackend = .glpk

    @Option(help: ArgumentHelp("Stop each solve after this many seconds.", valueName: "seconds"))
    var timeLimit: Double?

    @Option(
        help: ArgumentHelp(
            "For siting: stop branch-and-bound once the plan is within this relative gap of the best bound (0.01 = 1%).",
            valueName: "fraction"))
    var mipGap: Double = 0

    func validate() throws {
        if let timeLimit, !(timeLimit > 0) { throw ValidationError("--time-limit must be a positive number of seconds") }
        if !(mipGap >= 0 && mipGap < 1) { throw ValidationError("--mip-gap must be a fraction from 0 to 1") }
    }

    /// The solve options these flags ask for.
    func solveOptions(analysePlan: Bool, explainPrices: Bool = false) -> SolveOptions {
        SolveOptions(
            timeLimitSeconds: timeLimit, relativeMIPGap: mipGap, analysePlan: analysePlan, explainPrices: explainPrices,
            solver: solver.solver)
    }
}

/// `--threads`, shared by the commands that solve many cases at once.
struct ThreadOptions: ParsableArguments {
    // Optional, so the help states the default in words once (the parser would add this machine's count).
    @Option(name: .customLong("threads"), help: ArgumentHelp("Solves run at once (default: the number of cores).", valueName: "n"))
    var requestedThreads: Int?

    var threads: Int { requestedThreads ?? ProcessInfo.processInfo.activeProcessorCount }

    func validate() throws {
        if let requestedThreads, requestedThreads < 1 { throw ValidationError("--threads must be at least 1") }
    }
}
