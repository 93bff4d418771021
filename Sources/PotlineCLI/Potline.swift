import ArgumentParser
import Foundation
import Potline

@main
struct PotlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "potline",
        abstract: "Optimise where China's aluminium and carbon chain produces and how material moves.",
        discussion: """
            A network is a folder of CSV tables (regions, plants, supplies, demands, links, and optionally \
            candidate sites, retrofits, captive power, tollers, seasons) and a network.yaml manifest with \
            the policy (capacity ceiling and transfer, energy standards, tiered power surcharge, carbon); \
            see Networks/README.md. Potline turns it into a linear or mixed-integer program that \
            minimises total delivered cost (materials, grid and captive power with fees and surcharge, \
            other plant costs, tolling fees, annualised capital, freight, carbon) and solves it with GLPK.

            Exit codes: 0 solved to optimality; 2 bad input; 3 infeasible or unbounded; \
            4 time limit reached; 5 solver failure; 64 bad command line.
            """,
        subcommands: [Solve.self, CompareCommand.self, SweepCommand.self, RobustCommand.self, Validate.self, Export.self, Import.self],
        defaultSubcommand: Solve.self)
}

/// Exit codes scripts can rely on (documented in the README).
enum ExitStatus {
    static let badInput: Int32 = 2
    static let infeasible: Int32 = 3
    static let timeLimit: Int32 = 4
    static let solverFailure: Int32 = 5
}

/// Prints `message` to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
}

/// Makes `--out DIR` ready before any solving, so an unwritable folder fails at once.
func prepareOutputFolder(_ out: String?) throws {
    guard let out else { return }
    do {
        try CSVReport.prepareFolder(URL(fileURLWithPath: out))
    } catch {
        printError("error: cannot write tables into \(out): \(error.localizedDescription)")
        throw ExitCode(ExitStatus.badInput)
    }
}

/// Loads a network, with scenario files applied in order, or exits with the list of problems.
func loadNetwork(_ path: String?, scenarios scenarioFiles: [String] = []) throws -> Network {
    let folder: String
    if let path {
        folder = path
    } else if let bundled = BundledNetwork.locate("china") {
        folder = bundled
    } else {
        printError("error: no network given and the bundled Networks/china was not found; pass a network folder")
        throw ExitCode(ExitStatus.badInput)
    }
    let stack = try scenarioFiles.flatMap(loadScenarioStack)
    do {
        if stack.isEmpty { return try NetworkLoader.load(from: folder) }
        return try ScenarioCase(base: NetworkFiles.read(from: URL(fileURLWithPath: folder)), scenarios: stack).network()
    } catch {
        printError("error: \(folder): \(error)")
        throw ExitCode(ExitStatus.badInput)
    }
}

/// Finds a network bundled in the repository's `Networks/` folder: from the working directory,
/// then from the executable's location upwards (`.build/debug/potline` sits two levels down).
enum BundledNetwork {
    static func locate(_ name: String) -> String? {
        var candidates = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(directory)
            directory = directory.deletingLastPathComponent()
        }
        for base in candidates {
            let path = base.appendingPathComponent("Networks").appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: path + "/network.yaml") { return path }
        }
        return nil
    }
}
